<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Corpora</name>
    <message>
        <location filename="../../app/appcore/corpora.cpp" line="9"/>
        <source>Built-in: English (families, capitals, plurals)</source>
        <translation>內建：英文（家族、首都、複數）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/corpora.cpp" line="11"/>
        <source>Built-in: Traditional Chinese (家族、首都、量詞)</source>
        <translation>內建：繁體中文（家族、首都、量詞）</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <location filename="../../app/appcore/heatmapplot.cpp" line="258"/>
        <source>%1, %2: %3</source>
        <extracomment>Heatmap hover readout: %1 row label, %2 column label, %3 value.</extracomment>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../app/appcore/lossplot.cpp" line="13"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lossplot.cpp" line="14"/>
        <location filename="../../app/appcore/lossplot.cpp" line="18"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lossplot.cpp" line="125"/>
        <source>smoothed (EMA %1)</source>
        <translation>平滑（EMA %1）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="47"/>
        <source>LMScope — a lab for language models</source>
        <translation>LMScope — 語言模型實驗室</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="58"/>
        <source>step %v / %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="64"/>
        <source>Ready. Choose a corpus and a model, then press Start.</source>
        <translation>準備就緒。請選擇語料和模型，然後按下「開始」。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="74"/>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="78"/>
        <source>The model writes: %1</source>
        <translation>模型寫出：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="81"/>
        <source>Saved the checkpoint to %1</source>
        <translation>已將檢查點儲存至 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="83"/>
        <location filename="../../app/appcore/mainwindow.cpp" line="318"/>
        <source>Save checkpoint</source>
        <translation>儲存檢查點</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="93"/>
        <source>Corpus and model</source>
        <translation>語料與模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="100"/>
        <source>Open text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="103"/>
        <source>Characters</source>
        <translation>字元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="104"/>
        <source>Words</source>
        <translation>詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="105"/>
        <source>Bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="107"/>
        <source>MLP language model (Bengio et al. 2003)</source>
        <translation>MLP 語言模型（Bengio et al. 2003）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="111"/>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="113"/>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="114"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="115"/>
        <source>Context (tokens seen)</source>
        <translation>上下文（可見詞元數）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="116"/>
        <source>Embedding width</source>
        <translation>嵌入維度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="117"/>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="118"/>
        <source>How many previous tokens the model looks at to guess the next one.</source>
        <translation>模型會參考前面幾個詞元，來猜下一個詞元。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="119"/>
        <source>Each token becomes a vector of this many numbers.</source>
        <translation>每個詞元會變成一個由這麼多個數字組成的向量。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="126"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="141"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="142"/>
        <source>Window length</source>
        <translation>視窗長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="143"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="144"/>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="145"/>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="146"/>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="149"/>
        <location filename="../../app/appcore/mainwindow.cpp" line="340"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="150"/>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="151"/>
        <source>Step</source>
        <translation>單步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="152"/>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="162"/>
        <source>Prompt, e.g. The king</source>
        <translation>提示，例如 The king</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="163"/>
        <source>Let it write</source>
        <translation>讓它寫寫看</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="175"/>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="186"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="187"/>
        <source>&amp;Open corpus…</source>
        <translation>開啟語料(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="188"/>
        <source>&amp;Save checkpoint…</source>
        <translation>儲存檢查點(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="189"/>
        <source>&amp;Export loss plot…</source>
        <translation>匯出損失圖(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="191"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="193"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="197"/>
        <source>Logarithmic loss axis</source>
        <translation>損失軸使用對數刻度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="200"/>
        <location filename="../../app/appcore/mainwindow.cpp" line="209"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="209"/>
        <source>The language changes the next time LMScope starts.</source>
        <translation>下次啟動 LMScope 時才會切換成新的語言。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="213"/>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="214"/>
        <location filename="../../app/appcore/mainwindow.cpp" line="216"/>
        <source>A first language model</source>
        <translation>第一個語言模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="217"/>
        <source>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; Pick the built-in English corpus and &lt;i&gt;Characters&lt;/i&gt; as tokens.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; Press &lt;i&gt;Start&lt;/i&gt;. The model reads the previous few characters and guesses the next one; the loss says how surprised it was, averaged over a batch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; Watch the curve: at first the loss is near ln(vocabulary size), a uniform guess. It falls quickly as the model learns which letters follow which, then slowly as it learns words.&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; Press &lt;i&gt;Let it write&lt;/i&gt; with a prompt such as &lt;i&gt;The king&lt;/i&gt;. Early on the text is noise; after a thousand steps it spells words from the corpus.&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; Try the Traditional Chinese corpus: each character is one token, so the vocabulary is larger and the first loss higher.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; 選擇內建的英文語料，詞元選&lt;i&gt;字元&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; 按下&lt;i&gt;開始&lt;/i&gt;。模型會讀取前面幾個字元，猜出下一個字元；損失代表它看到正確答案時有多「意外」，是整個批次的平均值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; 觀察曲線：一開始損失接近 ln(詞彙量)，也就是在所有詞元之間平均亂猜的程度。模型學會哪些字母常接在哪些字母後面時，損失下降得很快；接著開始學單字，下降就變慢了。&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; 輸入像 &lt;i&gt;The king&lt;/i&gt; 這樣的提示，再按&lt;i&gt;讓它寫寫看&lt;/i&gt;。剛開始寫出的文字只是雜訊；訓練一千步左右之後，它就能拼出語料裡的單字。&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; 換成繁體中文語料試試看：每個字就是一個詞元，所以詞彙量更大，一開始的損失也更高。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="228"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="229"/>
        <source>Command-line tool…</source>
        <translation>命令列工具…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="230"/>
        <source>Command-line tool</source>
        <translation>命令列工具</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="231"/>
        <source>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; does the same work from scripts, for example:&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;Run &lt;code&gt;lmscope-cli --help&lt;/code&gt; for every command.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; 可以在腳本中完成同樣的工作，例如：&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;執行 &lt;code&gt;lmscope-cli --help&lt;/code&gt; 即可查看所有指令。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="236"/>
        <location filename="../../app/appcore/mainwindow.cpp" line="237"/>
        <source>About LMScope</source>
        <translation>關於 LMScope</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="238"/>
        <source>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop lab for neural language models: train small models on your own text and look inside them while they learn.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;神經語言模型的桌面實驗室：用你自己的文字訓練小型模型，並在它們學習的過程中觀察內部的運作。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="298"/>
        <source>Reset: the next Start builds a fresh model.</source>
        <translation>已重設：下次按「開始」時會建立全新的模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="303"/>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="304"/>
        <source>Text files (*.txt *.md *.csv);;All files (*)</source>
        <translation>文字檔 (*.txt *.md *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="309"/>
        <source>Open corpus</source>
        <translation>開啟語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="313"/>
        <source>Corpus %1: %2 bytes</source>
        <translation>語料 %1：%2 位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="319"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors 檔案 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="340"/>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="350"/>
        <source>Preparing the corpus and the model…</source>
        <translation>正在準備語料與模型…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="351"/>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="352"/>
        <source>Paused. Step, resume, or let the model write.</source>
        <translation>已暫停。可以單步執行、繼續訓練，或讓模型寫寫看。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="353"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="375"/>
        <source>step %1  loss %2  grad norm %3  lr %4</source>
        <translation>第 %1 步  損失 %2  梯度範數 %3  學習率 %4</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="387"/>
        <source>%1 tokens/s</source>
        <translation>%1 詞元/秒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="388"/>
        <source>tensors %1 (peak %2)</source>
        <translation>張量 %1（峰值 %2）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="396"/>
        <source>Finished %1 steps; final loss %2.</source>
        <translation>已完成 %1 步；最終損失 %2。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/mainwindow.cpp" line="400"/>
        <source>Cancelled at step %1.</source>
        <translation>已在第 %1 步取消。</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="94"/>
        <source>cannot export to &quot;%1&quot;: the file name has no suffix (use one of %2)</source>
        <translation>無法匯出至「%1」：檔名沒有副檔名（請使用 %2 其中之一）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="99"/>
        <source>cannot export to &quot;%1&quot;: unknown format &quot;.%2&quot; (use one of %3)</source>
        <translation>無法匯出至「%1」：不支援的格式「.%2」（請使用 %3 其中之一）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="104"/>
        <source>cannot export to &quot;%1&quot;: invalid size %2x%3</source>
        <translation>無法匯出至「%1」：尺寸 %2x%3 無效</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="109"/>
        <source>cannot export to &quot;%1&quot;: invalid resolution %2 dpi (allowed: above 0, at most %3)</source>
        <translation>無法匯出至「%1」：解析度 %2 dpi 無效（須大於 0，最多 %3）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="138"/>
        <location filename="../../app/appcore/plotview.cpp" line="146"/>
        <location filename="../../app/appcore/plotview.cpp" line="186"/>
        <location filename="../../app/appcore/plotview.cpp" line="244"/>
        <location filename="../../app/appcore/plotview.cpp" line="257"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>無法寫入「%1」：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="159"/>
        <source>cannot export to &quot;%1&quot;: an image of %2x%3 pixels is too large (at most %4 pixels a side and %5 megapixels)</source>
        <translation>無法匯出至「%1」：%2x%3 像素的影像太大（每邊最多 %4 像素，總共最多 %5 百萬像素）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="176"/>
        <source>cannot export to &quot;%1&quot;: rendering an image of %2x%3 pixels failed</source>
        <translation>無法匯出至「%1」：繪製 %2x%3 像素的影像失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="204"/>
        <source>Exported from LMScope</source>
        <translation>由 LMScope 匯出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="209"/>
        <source>cannot export to &quot;%1&quot;: the SVG painter did not start</source>
        <translation>無法匯出至「%1」：SVG 繪圖器無法啟動</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="228"/>
        <source>cannot export to &quot;%1&quot;: no temporary directory: %2</source>
        <translation>無法匯出至「%1」：沒有可用的暫存目錄：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="239"/>
        <source>cannot export to &quot;%1&quot;: rendering the PDF failed</source>
        <translation>無法匯出至「%1」：PDF 繪製失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="276"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="277"/>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="278"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="279"/>
        <source>CSV data (*.csv)</source>
        <translation>CSV 資料 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="281"/>
        <source>Export plot</source>
        <translation>匯出圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="281"/>
        <source>plot</source>
        <translation>圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="300"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="306"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plotview.cpp" line="307"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../app/appcore/trainingworker.cpp" line="46"/>
        <source>%1: %2 tokens, vocabulary %3 (%4 tokenizer), %5 parameters</source>
        <translation>%1：%2 個詞元，詞彙量 %3（%4 分詞器），%5 個參數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/trainingworker.cpp" line="63"/>
        <location filename="../../app/appcore/trainingworker.cpp" line="103"/>
        <source>Nothing to train: prepare a model first.</source>
        <translation>沒有可訓練的模型：請先準備模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/trainingworker.cpp" line="89"/>
        <source>Training stopped: the loss is no longer a finite number at step %1. The weights keep their last finite values; try a smaller learning rate.</source>
        <translation>訓練已停止：第 %1 步的損失已不再是有限的數值。權重會保留最後一次有限的值；請試試較小的學習率。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/trainingworker.cpp" line="135"/>
        <source>There is no model to save yet.</source>
        <translation>目前還沒有可儲存的模型。</translation>
    </message>
</context>
</TS>
