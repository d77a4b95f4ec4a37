<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AttentionView</name>
    <message>
        <source>Trace this text</source>
        <translation>追蹤這段文字</translation>
    </message>
    <message>
        <source>Continue it</source>
        <translation>讓它續寫</translation>
    </message>
    <message>
        <source>The model writes on, one token at a time; after each token the heatmaps show where the new token looks.</source>
        <translation>模型一次寫一個詞元往下續寫；每寫一個，熱圖就顯示這個新詞元在看哪裡。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Train a GPT or Llama model on the language-model tab, then trace a text through it.</source>
        <translation>先在「語言模型」分頁訓練 GPT 或 Llama 模型，再讓一段文字通過它，追蹤它的注意力。</translation>
    </message>
    <message>
        <source>Layers (rows) × heads (columns): click one</source>
        <translation>層（列）× 注意力頭（欄）：點選其中一個</translation>
    </message>
    <message>
        <source>Entropy of each head (nats; low = focused)</source>
        <translation>每個注意力頭的熵（nat；越低越集中）</translation>
    </message>
    <message>
        <source>query (the token that looks)</source>
        <translation>查詢（發出注意的詞元）</translation>
    </message>
    <message>
        <source>key (the token looked at)</source>
        <translation>鍵（被注意的詞元）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>權重</translation>
    </message>
    <message>
        <source>Attention of token</source>
        <translation>這個詞元的注意力</translation>
    </message>
    <message>
        <source>Where each token looks</source>
        <translation>每個詞元看向哪裡</translation>
    </message>
    <message>
        <source>Step through this head</source>
        <translation>逐步拆解這個注意力頭</translation>
    </message>
    <message>
        <source>Row i of a heatmap is where token i looks: its weights over the tokens before it sum to 1. The triangle is the causal mask: no token sees the future.</source>
        <translation>熱圖的第 i 列是第 i 個詞元注意的位置：它分給前面各詞元的權重加起來等於 1。右上方的三角形是因果遮罩：沒有任何詞元能看到未來。</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 層</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>第 %1 個頭</translation>
    </message>
    <message>
        <source>layer %1, head %2</source>
        <translation>第 %1 層，第 %2 個頭</translation>
    </message>
    <message>
        <source>This model has no attention to show: train a model with attention (a Transformer).</source>
        <translation>這個模型沒有注意力可以顯示：請訓練一個有注意力的模型（Transformer）。</translation>
    </message>
    <message>
        <source>Row i of a heatmap is where token i looks: its weights over every token of the text sum to 1. This model reads both ways, so there is no triangle: every token sees the whole text.</source>
        <translation>熱圖的第 i 列是第 i 個詞元注意的位置：它分給整段文字各詞元的權重加起來等於 1。這個模型雙向閱讀，所以沒有三角形：每個詞元都看得到整段文字。</translation>
    </message>
    <message>
        <source>Second sentence (pair)</source>
        <translation>第二個句子（句對）</translation>
    </message>
    <message>
        <source>Optional: a second sentence, read as [CLS] A [SEP] B [SEP]</source>
        <translation>可省略：第二個句子，讀成 [CLS] A [SEP] B [SEP]</translation>
    </message>
    <message>
        <source>Outline the [CLS] row</source>
        <translation>框出 [CLS] 那一列</translation>
    </message>
    <message>
        <source>[CLS] sits first; its vector after the last layer stands for the whole input in classification and sentence-pair tasks. Its row shows where it looks.</source>
        <translation>[CLS] 放在最前面；它在最後一層的向量在分類與句對任務中代表整個輸入。它那一列顯示它看向哪裡。</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#1f77b4&quot;&gt;■ segment A (type 0)&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#ff7f0e&quot;&gt;■ segment B (type 1)&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#e61e1e&quot;&gt;┃ [SEP] boundary&lt;/span&gt;</source>
        <translation>&lt;span style="color:#1f77b4"&gt;■ 片段 A（類型 0）&lt;/span&gt; &amp;nbsp; &lt;span style="color:#ff7f0e"&gt;■ 片段 B（類型 1）&lt;/span&gt; &amp;nbsp; &lt;span style="color:#e61e1e"&gt;┃ [SEP] 分界&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The red lines fall after [SEP]: segment A (blue labels) above and left of them, segment B (orange) below and right. Where a block between the lines is bright, tokens look across the pair.</source>
        <translation>紅線畫在 [SEP] 之後：片段 A（藍色標籤）在紅線的上方與左方，片段 B（橘色）在下方與右方。紅線之間的區塊若明亮，表示詞元跨越句對彼此注意。</translation>
    </message>
    <message>
        <source>Train an encoder on the language-model tab, then trace a text or a pair of sentences through it.</source>
        <translation>先在「語言模型」分頁訓練一個編碼器，再用它追蹤一段文字或一對句子。</translation>
    </message>
</context>
<context>
    <name>ConfusionPlot</name>
    <message>
        <source>gold</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例子數</translation>
    </message>
</context>
<context>
    <name>ContextualPanel</name>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Sentences from the corpus</source>
        <translation>語料中的句子</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>開啟模型檔…</translation>
    </message>
    <message>
        <source>Open Hugging Face folder…</source>
        <translation>開啟 Hugging Face 資料夾…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Static or contextual?&lt;/b&gt; word2vec looks a word up in a table: one vector, whatever the sentence. An encoder reads the whole sentence first, so the same word gets a different vector in each sentence.</source>
        <translation>&lt;b&gt;靜態還是語境化？&lt;/b&gt;word2vec 從表中查出一個詞：不論在哪個句子，都是同一個向量。編碼器會先讀完整個句子，所以同一個詞在每個句子裡得到不同的向量。</translation>
    </message>
    <message>
        <source>One sentence a line, each holding the word</source>
        <translation>每行一句，每句都含有這個詞</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>詞</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>cosine (encoder)</source>
        <translation>餘弦（編碼器）</translation>
    </message>
    <message>
        <source>Cosine between the word&apos;s encoder vectors in two sentences; word2vec would give 1 everywhere.</source>
        <translation>這個詞在兩個句子中的編碼器向量之間的餘弦；word2vec 在每一格都會是 1。</translation>
    </message>
    <message>
        <source>Each model&apos;s vectors projected on their own (PCA): the encoder&apos;s vectors, one per sentence, spread out; word2vec&apos;s copies of its one vector fall on one point.</source>
        <translation>各模型的向量各自投影（PCA）：編碼器每句一個向量，彼此散開；word2vec 那一個向量的各份複本落在同一點。</translation>
    </message>
    <message>
        <source>none yet: pre-train one on the Sentence search tab, or open one here</source>
        <translation>還沒有：在「句子搜尋」分頁預訓練一個，或在這裡開啟一個</translation>
    </message>
    <message>
        <source>A Hugging Face BERT or ALBERT folder</source>
        <translation>Hugging Face 的 BERT 或 ALBERT 資料夾</translation>
    </message>
    <message>
        <source>An encoder checkpoint</source>
        <translation>編碼器檢查點</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation>safetensors (*.safetensors);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;: train word vectors on the left to compare their one vector with the encoder&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;：先在左邊訓練詞向量，才能拿它的單一向量和編碼器的比較。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;: “%1” is not in its vocabulary.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;：「%1」不在它的詞彙表中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (static): in every sentence “%2” looks up the same row of its table, (%3, …): cosine %4 between any two sentences, one point in the plot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（靜態）：在每個句子裡，「%2」都查到表中同一列 (%3, …)：任兩句之間的餘弦都是 %4，圖上只有一個點。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt; (contextual): none yet. Pre-train one on the Sentence search tab, or open one here, to see one vector per sentence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;（語境化）：還沒有。在「句子搜尋」分頁預訓練一個，或在這裡開啟一個，就能看到每句一個向量。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt;: reading the sentences…&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;：正在讀取句子…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>encoder: one vector per sentence</source>
        <translation>編碼器：每句一個向量</translation>
    </message>
    <message>
        <source>word2vec · “%1” in all %2 sentences</source>
        <translation>word2vec · 「%1」在全部 %2 個句子中</translation>
    </message>
    <message>
        <source>word2vec: one vector for every sentence</source>
        <translation>word2vec：所有句子共用一個向量</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt; (contextual, %1): one vector per sentence, read from the whole sentence. Cosines between the sentences run from %2 to %3 (the heatmap); the two PCA components keep %4 % of their spread.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;（語境化，%1）：每句一個向量，從整個句子讀出。句子之間的餘弦從 %2 到 %3（見熱圖）；兩個 PCA 主成分保留了 %4% 的變異。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Left out (no “%1” in them as the encoder&apos;s tokenizer reads them): %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;略過（依編碼器的分詞器來讀，其中沒有「%1」）：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ContextualWorker</name>
    <message>
        <source>There is no encoder yet.</source>
        <translation>還沒有編碼器。</translation>
    </message>
    <message>
        <source>The corpus has fewer than two sentences with “%1”.</source>
        <translation>語料中含「%1」的句子不到兩句。</translation>
    </message>
    <message>
        <source>Give at least two sentences that hold “%1”.</source>
        <translation>請至少提供兩個含「%1」的句子。</translation>
    </message>
    <message>
        <source>This model reads left to right (%1): a word&apos;s contextual vector needs an encoder, which reads both ways.</source>
        <translation>這個模型由左往右讀（%1）：詞的語境向量需要雙向閱讀的編碼器。</translation>
    </message>
    <message>
        <source>The model&apos;s tokenizer lacks [CLS], [SEP] or [MASK].</source>
        <translation>這個模型的分詞器缺少 [CLS]、[SEP] 或 [MASK]。</translation>
    </message>
</context>
<context>
    <name>Corpora</name>
    <message>
        <source>Built-in: English (families, capitals, plurals)</source>
        <translation>內建：英文（家族、首都、複數）</translation>
    </message>
    <message>
        <source>Built-in: Traditional Chinese (家族、首都、量詞)</source>
        <translation>內建：繁體中文（家族、首都、量詞）</translation>
    </message>
    <message>
        <source>Built-in: English short documents (for encoders)</source>
        <translation>內建：英文短文件（給編碼器用）</translation>
    </message>
    <message>
        <source>Built-in: Traditional Chinese short documents (for encoders)</source>
        <translation>內建：繁體中文短文件（給編碼器用）</translation>
    </message>
</context>
<context>
    <name>EmbeddingPlot</name>
    <message>
        <source>component 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>component 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>turned view (drag to rotate)</source>
        <translation>轉動後的視圖（拖曳以旋轉）</translation>
    </message>
</context>
<context>
    <name>EmbeddingView</name>
    <message>
        <source>%1 % · epoch %2 · %3 words/s · loss %4</source>
        <translation>%1% · 第 %2 輪 · %3 詞/秒 · 損失 %4</translation>
    </message>
    <message>
        <source>t-SNE iteration %1</source>
        <translation>t-SNE 第 %1 次迭代</translation>
    </message>
    <message>
        <source>Train word vectors</source>
        <translation>訓練詞向量</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <source>Skip-gram (word2vec)</source>
        <translation>跳字模型（Skip-gram，word2vec）</translation>
    </message>
    <message>
        <source>CBOW (word2vec)</source>
        <translation>連續詞袋（CBOW，word2vec）</translation>
    </message>
    <message>
        <source>GloVe</source>
        <translation>GloVe</translation>
    </message>
    <message>
        <source>fastText (subwords)</source>
        <translation>fastText（子詞）</translation>
    </message>
    <message>
        <source>Words (split at spaces)</source>
        <translation>詞（以空格切分）</translation>
    </message>
    <message>
        <source>Characters (for Chinese)</source>
        <translation>字元（適用於中文）</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <source>Vector size</source>
        <translation>向量維度</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>訓練輪數</translation>
    </message>
    <message>
        <source>Minimum count</source>
        <translation>最低次數</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Train a method to see its words.</source>
        <translation>選一種方法開始訓練，就能看到它學出的詞。</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>2-D</source>
        <translation>二維</translation>
    </message>
    <message>
        <source>3-D (drag to turn)</source>
        <translation>三維（拖曳以旋轉）</translation>
    </message>
    <message>
        <source>No colours</source>
        <translation>不上色</translation>
    </message>
    <message>
        <source>Built-in groups (English)</source>
        <translation>內建群組（英文）</translation>
    </message>
    <message>
        <source>Groups from a file…</source>
        <translation>從檔案載入群組…</translation>
    </message>
    <message>
        <source>Word groups (word&lt;TAB&gt;group per line)</source>
        <translation>詞的群組（每行一筆：詞&lt;TAB&gt;群組）</translation>
    </message>
    <message>
        <source>Word groups</source>
        <translation>詞的群組</translation>
    </message>
    <message>
        <source>%1 is larger than the 16 MB a list of word groups may have.</source>
        <translation>%1 超過詞群組清單上限 16 MB。</translation>
    </message>
    <message>
        <source>Find a word…</source>
        <translation>搜尋詞…</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>維度</translation>
    </message>
    <message>
        <source>Words shown</source>
        <translation>顯示詞數</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次數</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Nearest neighbours</source>
        <translation>最近鄰</translation>
    </message>
    <message>
        <source>Click a word in the plot.</source>
        <translation>請在圖上點選一個詞。</translation>
    </message>
    <message>
        <source>Analogy: a is to b as c is to ?</source>
        <translation>類比：a 之於 b，如同 c 之於？</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <source>The answer is the word nearest to b − a + c. The arrows show the two offsets a→b and c→answer: when they are parallel, the relation is a direction in the space.</source>
        <translation>答案是最接近 b − a + c 的詞。圖中的箭頭畫出兩段差向量：a→b 與 c→答案；當兩個箭頭互相平行時，就表示這種關係對應到向量空間中的一個方向。</translation>
    </message>
    <message>
        <source>Reading the corpus…</source>
        <translation>正在讀取語料…</translation>
    </message>
    <message>
        <source>%1: %2 words × %3 in %4 s</source>
        <translation>%1：%2 個詞 × %3 維，耗時 %4 秒</translation>
    </message>
    <message>
        <source>PCA keeps %1 % of the variance in %2 components</source>
        <translation>PCA 用 %2 個主成分保留了 %1% 的變異量</translation>
    </message>
    <message>
        <source>t-SNE done.</source>
        <translation>t-SNE 完成。</translation>
    </message>
    <message>
        <source>“%1” is not in the vocabulary.</source>
        <translation>「%1」不在詞彙表中。</translation>
    </message>
    <message>
        <source>Nearest to “%1” (cosine):</source>
        <translation>最接近「%1」的詞（依餘弦相似度）：</translation>
    </message>
    <message>
        <source>“%1” was never seen; fastText builds its vector from its character n-grams. Nearest (cosine):</source>
        <translation>訓練時從未出現過「%1」；fastText 會用它的字元 n-gram 組出它的向量。最接近的詞（依餘弦相似度）：</translation>
    </message>
    <message>
        <source>(Some of these words are not among the words shown; show more words to see the arrows.)</source>
        <translation>（其中有些詞不在目前顯示的詞裡；請增加「顯示詞數」，才能看到箭頭。）</translation>
    </message>
    <message>
        <source>%1 (from the lesson): %2 words × %3</source>
        <translation>%1（課程訓練的）：%2 個詞 × %3 維</translation>
    </message>
    <message>
        <source>Word map</source>
        <translation>詞向量地圖</translation>
    </message>
    <message>
        <source>Same word, different sentences</source>
        <translation>同一個詞，不同句子</translation>
    </message>
</context>
<context>
    <name>EmbeddingWorker</name>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Train some word vectors first.</source>
        <translation>請先訓練詞向量。</translation>
    </message>
</context>
<context>
    <name>EncodersView</name>
    <message>
        <source>Pre-training</source>
        <translation>預訓練</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微調</translation>
    </message>
</context>
<context>
    <name>FinetunePage</name>
    <message>
        <source>Pre-trained encoder</source>
        <translation>預訓練好的編碼器</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <source>Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json).</source>
        <translation>本程式的 .safetensors，或 Hugging Face 的 BERT、ALBERT 資料夾（選它的 config.json）。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>Sentiment (positive / negative)</source>
        <translation>情感（正面／負面）</translation>
    </message>
    <message>
        <source>Intent (seven assistant requests)</source>
        <translation>意圖（七種助理請求）</translation>
    </message>
    <message>
        <source>Named entities (PER, LOC, ORG, DATE)</source>
        <translation>命名實體（PER、LOC、ORG、DATE）</translation>
    </message>
    <message>
        <source>Your TSV…</source>
        <translation>你的 TSV…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Also from scratch, for comparison</source>
        <translation>同時從頭訓練一次，以便比較</translation>
    </message>
    <message>
        <source>The same model and training, but every weight starts at random: what pre-training bought.</source>
        <translation>同樣的模型與訓練，但所有權重都從隨機開始：看出預訓練帶來了什麼。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Tokens per row</source>
        <translation>每列詞元數</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微調</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>test accuracy / F1</source>
        <translation>測試準確率／F1</translation>
    </message>
    <message>
        <source>fine-tuned from the pre-trained encoder</source>
        <translation>從預訓練編碼器微調</translation>
    </message>
    <message>
        <source>trained from scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <source>Results of the model</source>
        <translation>模型的結果：</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已開啟 %1。</translation>
    </message>
    <message>
        <source>Pre-train an encoder first, or open one.</source>
        <translation>請先預訓練一個編碼器，或開啟一個。</translation>
    </message>
    <message>
        <source>None yet: pre-train one on the Pre-training page and press “Use this encoder for fine-tuning”, or open a model.</source>
        <translation>還沒有：在「預訓練」頁預訓練一個，再按「用這個編碼器來微調」，或開啟一個模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 layers, width %3, vocabulary %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 層，寬度 %3，詞彙量 %4</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>準確率</translation>
    </message>
    <message>
        <source>#%1 </source>
        <translation>#%1 </translation>
    </message>
    <message>
        <source>pre-trained</source>
        <translation>預訓練</translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <source>%1: loss (smoothed)</source>
        <translation>%1：損失（平滑）</translation>
    </message>
    <message>
        <source>%1: test %2</source>
        <translation>%1：測試%2</translation>
    </message>
    <message>
        <source>Reading the task…</source>
        <translation>正在讀取任務…</translation>
    </message>
    <message>
        <source>Open labelled data</source>
        <translation>開啟標註資料</translation>
    </message>
    <message>
        <source>Tab-separated files (*.tsv *.txt);;All files (*)</source>
        <translation>Tab 分隔檔案 (*.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Your TSV: %1</source>
        <translation>你的 TSV：%1</translation>
    </message>
    <message>
        <source>Open an encoder</source>
        <translation>開啟編碼器</translation>
    </message>
    <message>
        <source>Encoders (*.safetensors config.json);;All files (*)</source>
        <translation>編碼器 (*.safetensors config.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <source>%1
%2: step %3 of %4 · loss %5</source>
        <translation>%1
%2：第 %3 / %4 步 · 損失 %5</translation>
    </message>
    <message>
        <source>From the pre-trained encoder</source>
        <translation>從預訓練編碼器</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Test entity F1</source>
        <translation>測試實體 F1</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>測試準確率</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1（%2 筆）：%3</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>完成。%1</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>已停止。%1</translation>
    </message>
</context>
<context>
    <name>FinetuneResults</name>
    <message>
        <source>Entity type</source>
        <translation>實體類型</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精確率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Gold entities</source>
        <translation>正確實體數</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例子數</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <source>Wrong examples, most confident first</source>
        <translation>答錯的例子（最有信心的在前）</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各類別</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The model: %1; the data: %2</source>
        <translation>模型：%1；資料：%2</translation>
    </message>
</context>
<context>
    <name>FinetuneWorker</name>
    <message>
        <source>No encoder to fine-tune: pre-train one or open a model first.</source>
        <translation>沒有可微調的編碼器：請先預訓練一個或開啟模型。</translation>
    </message>
    <message>
        <source>%1 training and %2 test %3, %4 labels</source>
        <translation>訓練 %1、測試 %2 個%3，%4 個標籤</translation>
    </message>
    <message>
        <source>sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例子</translation>
    </message>
    <message>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
    <message>
        <source>No fine-tuned model yet.</source>
        <translation>還沒有微調好的模型。</translation>
    </message>
    <message>
        <source>This model was not fine-tuned for a task: it has no classifier to explain.</source>
        <translation>這個模型沒有為任何任務微調過：沒有分類器可以解釋。</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <source>Series</source>
        <translation>時間序列</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>自動產生</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 檔案</translation>
    </message>
    <message>
        <source>Open CSV…</source>
        <translation>開啟 CSV…</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>尚未選擇檔案</translation>
    </message>
    <message>
        <source>A header name, or a 0-based column number</source>
        <translation>標題列中的欄位名稱，或從 0 起算的欄號</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長度</translation>
    </message>
    <message>
        <source>Trend per step</source>
        <translation>每步趨勢</translation>
    </message>
    <message>
        <source>Season (steps)</source>
        <translation>季節週期（步）</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>雜訊 σ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>How many values the network reads before each prediction</source>
        <translation>每次預測之前，網路要讀入幾個值</translation>
    </message>
    <message>
        <source>How many values the network continues on its own, each fed back as input</source>
        <translation>網路要自己往後延續預測幾個值；每個預測值都會再餵回去當作輸入</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>單元類型</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <source>Training steps</source>
        <translation>訓練步數</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>預測長度</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Train the forecaster to see its predictions.</source>
        <translation>訓練預測模型之後，就能看到它的預測。</translation>
    </message>
    <message>
        <source>The network reads a window of past values and predicts the next one. The last fifth of the series is held out: the one-step forecast there always reads the true values before it, while the continuation (dashed) starts at the same place and feeds its own predictions back in, so its errors add up. The baseline repeats the last value; a model worth having beats it.</source>
        <translation>網路會讀取一個視窗內的過去數值，預測下一個值。序列的最後五分之一保留下來做測試：在這一段裡，單步預測每次都會先讀入前面的實際值；延續預測（虛線）則從同一個位置出發，把自己的預測值再餵回去當作輸入，所以誤差會一路累積。基準只是重複最後一個值；值得採用的模型必須勝過它。</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>時間步</translation>
    </message>
    <message>
        <source>value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Show the whole series</source>
        <translation>顯示整個序列</translation>
    </message>
    <message>
        <source>Open a series</source>
        <translation>開啟時間序列</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Open a CSV file first.</source>
        <translation>請先開啟 CSV 檔案。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>實際值</translation>
    </message>
    <message>
        <source>one-step forecast</source>
        <translation>單步預測</translation>
    </message>
    <message>
        <source>continuation</source>
        <translation>延續預測</translation>
    </message>
    <message>
        <source>held-out part</source>
        <translation>保留測試段</translation>
    </message>
    <message>
        <source>Test RMSE %1 against %2 for the naive forecast (repeat the last value): %3 % %4. Train RMSE %5 (naive %6).</source>
        <translation>測試 RMSE 為 %1，比單純預測（直接重複最後一個值）的 %2 %4了 %3%。訓練 RMSE 為 %5（單純預測：%6）。</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>低</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Continuation over the first %1 held-out values: RMSE %2 (a flat line: %3).</source>
        <translation>延續預測在保留測試的前 %1 個值上，RMSE 為 %2（一條水平線則為 %3）。</translation>
    </message>
    <message>
        <source>Stopped after %1 steps.</source>
        <translation>執行 %1 步後已停止。</translation>
    </message>
    <message>
        <source>%1 steps in %2 s; loss %3 → %4.</source>
        <translation>共 %1 步，耗時 %2 秒；損失 %3 → %4。</translation>
    </message>
</context>
<context>
    <name>ForecastPlot</name>
    <message>
        <source>truth</source>
        <translation>實際值</translation>
    </message>
    <message>
        <source>one step ahead</source>
        <translation>單步預測</translation>
    </message>
    <message>
        <source>continuation</source>
        <translation>延續預測</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>保留測試</translation>
    </message>
    <message>
        <source>time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>value</source>
        <translation>數值</translation>
    </message>
</context>
<context>
    <name>HeadStepView</name>
    <message>
        <source>query</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>模型記錄的值</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>The query token the dictionary panel follows</source>
        <translation>字典說明面板所跟隨的查詢詞元</translation>
    </message>
    <message>
        <source>Query token:</source>
        <translation>查詢詞元：</translation>
    </message>
    <message>
        <source>Q: the queries</source>
        <translation>Q：查詢</translation>
    </message>
    <message>
        <source>K: the keys</source>
        <translation>K：鍵</translation>
    </message>
    <message>
        <source>V: the values</source>
        <translation>V：值</translation>
    </message>
    <message>
        <source>QKᵀ: the scores</source>
        <translation>QKᵀ：分數</translation>
    </message>
    <message>
        <source>Mask: no peeking</source>
        <translation>遮罩：不准偷看</translation>
    </message>
    <message>
        <source>Softmax: the attention weights</source>
        <translation>Softmax：注意力權重</translation>
    </message>
    <message>
        <source>× V: the head&apos;s output</source>
        <translation>× V：這個注意力頭的輸出</translation>
    </message>
    <message>
        <source>Step %1 of %2 — %3</source>
        <translation>第 %1 步（共 %2 步）— %3</translation>
    </message>
    <message>
        <source>Each row is one token&apos;s query vector (%1 numbers): what this token is looking for in the tokens before it.</source>
        <translation>每一列是一個詞元的查詢向量（%1 個數）：這個詞元想在它前面的詞元裡找什麼。</translation>
    </message>
    <message>
        <source>Each row is one token&apos;s key vector: what this token offers to the queries that look for something.</source>
        <translation>每一列是一個詞元的鍵向量：這個詞元能提供給正在尋找的查詢些什麼。</translation>
    </message>
    <message>
        <source>Each row is one token&apos;s value vector: what this token hands over when a query picks it.</source>
        <translation>每一列是一個詞元的值向量：當查詢選中它時，它交出去的內容。</translation>
    </message>
    <message>
        <source>Row i, column j is the dot product qᵢ·kⱼ: how well query i matches key j. Large means a good match.</source>
        <translation>第 i 列、第 j 欄是內積 qᵢ·kⱼ：查詢 i 和鍵 j 有多相配。數值越大越相配。</translation>
    </message>
    <message>
        <source>÷ √d: scaled scores</source>
        <translation>÷ √d：縮放後的分數</translation>
    </message>
    <message>
        <source>The scores times %1 (1/√d with d = %2): without it the scores grow with d and the softmax would be too sharp, putting nearly all weight on one key.</source>
        <translation>分數乘上 %1（1/√d，d = %2）：不這樣做的話，分數會隨 d 變大，softmax 會變得太尖銳，幾乎把所有權重都放在同一個鍵上。</translation>
    </message>
    <message>
        <source>The future is set to −∞ (grey cells): a token may only look at itself and the tokens before it, since when generating, the next tokens do not exist yet.</source>
        <translation>未來的位置被設為 −∞（灰色格子）：每個詞元只能看自己和它前面的詞元，因為生成文字時，後面的詞元根本還不存在。</translation>
    </message>
    <message>
        <source>This attention has no causal mask: every query may see every key.</source>
        <translation>這個注意力沒有因果遮罩：每個查詢都能看到所有的鍵。</translation>
    </message>
    <message>
        <source>Softmax turns each row into weights between 0 and 1 that sum to 1 (−∞ becomes 0): the attention weights. Computed here from Q and K; right: what the model recorded.</source>
        <translation>Softmax 把每一列變成介於 0 和 1 之間、總和為 1 的權重（−∞ 變成 0）：這就是注意力權重。這裡是由 Q 和 K 算出來的；右邊是模型記錄下來的。</translation>
    </message>
    <message>
        <source>Each output row is the weighted mix of the value rows, with the row&apos;s attention weights: the head&apos;s output for that token (%1 numbers).</source>
        <translation>每一列輸出都是各個值向量依該列注意力權重的加權混合：也就是這個注意力頭對該詞元的輸出（%1 個數）。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>This trace has no inputs for this head (only transformers traced by this version record them).</source>
        <translation>這份追蹤沒有這個注意力頭的輸入（只有用這個版本追蹤的 Transformer 才會記錄）。</translation>
    </message>
    <message>
        <source>Trace a transformer to step through one of its heads.</source>
        <translation>先追蹤一個 Transformer，才能逐步拆解它的某個注意力頭。</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>維度</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>已遮罩</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>計算值</translation>
    </message>
    <message>
        <source>Largest difference from the recorded attention: %1 (float rounding).</source>
        <translation>與模型記錄的注意力最大相差：%1（浮點數捨入誤差）。</translation>
    </message>
    <message>
        <source>The trace has no recorded attention for this head to compare with.</source>
        <translation>這份追蹤沒有這個注意力頭的注意力記錄可供比對。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;A dictionary lookup&lt;/b&gt;&lt;br&gt;In Python, &lt;tt&gt;d[key]&lt;/tt&gt; needs a key that matches exactly; then exactly one value comes back, and no match is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Attention: a soft lookup&lt;/b&gt;&lt;br&gt;The query is compared with every key, and every key matches a little (the score). The softmax turns the scores into weights that sum to 1, and the answer is a mix of &lt;i&gt;all&lt;/i&gt; the values, each weighed by its key&apos;s weight.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;字典查詢&lt;/b&gt;&lt;br&gt;在 Python 裡，&lt;tt&gt;d[key]&lt;/tt&gt; 需要一個完全相符的鍵；找到時只會傳回一個值，找不到就是錯誤。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意力：柔性查詢&lt;/b&gt;&lt;br&gt;查詢會和每一個鍵比對，而每個鍵都多少相配一點（分數）。softmax 把分數變成總和為 1 的權重，答案則是&lt;i&gt;所有&lt;/i&gt;值的混合，每個值依它的鍵所得的權重加權。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;%1. “%2” (#%3)&lt;/td&gt;&lt;td align=&quot;right&quot;&gt;&amp;nbsp;%4&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;%1.「%2」(#%3)&lt;/td&gt;&lt;td align=&quot;right&quot;&gt;&amp;nbsp;%4&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Example&lt;/b&gt;&lt;br&gt;The query “%1” (#%2) finds these keys best:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;例子&lt;/b&gt;&lt;br&gt;查詢「%1」(#%2) 最相配的鍵是：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Its output is these weights times their tokens&apos; values, plus %1 of weight spread over the other keys. A dictionary would have returned one value only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;它的輸出就是這些權重乘上對應詞元的值，另外還有 %1 的權重分散在其他鍵上。字典則只會傳回一個值。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>Heatmap hover readout: %1 row label, %2 column label, %3 value.</extracomment>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>LanguageModelPage</name>
    <message>
        <source>step %v / %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <source>The model writes: %1</source>
        <translation>模型寫出：%1</translation>
    </message>
    <message>
        <source>Corpus and model</source>
        <translation>語料與模型</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字元</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>詞</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>Byte-level BPE (512 tokens)</source>
        <translation>位元組層級 BPE（512 個詞元）</translation>
    </message>
    <message>
        <source>WordPiece, as BERT (2000 tokens)</source>
        <translation>WordPiece，同 BERT（2000 個詞元）</translation>
    </message>
    <message>
        <source>Unigram, as SentencePiece (2000 tokens)</source>
        <translation>Unigram，同 SentencePiece（2000 個詞元）</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Largest allowed gradient norm; bigger gradients are scaled down. 0 turns clipping off.</source>
        <translation>允許的最大梯度範數；超過的梯度會被等比例縮小。設為 0 即關閉梯度裁剪。</translation>
    </message>
    <message>
        <source>Read in order, carry the state (truncated BPTT)</source>
        <translation>依序讀取並延續隱藏狀態（截斷式沿時間反向傳播，truncated BPTT）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>視窗長度</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>單步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <source>Prompt, e.g. %1</source>
        <translation>提示詞，例如 %1</translation>
    </message>
    <message>
        <source>Let it write</source>
        <translation>讓它寫寫看</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Reset: the next Start builds a fresh model.</source>
        <translation>已重設：下次按「開始」時會建立全新的模型。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Preparing the corpus and the model…</source>
        <translation>正在準備語料與模型…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <source>Paused. Step, resume, or let the model write.</source>
        <translation>已暫停。可以單步執行、繼續訓練，或讓模型寫寫看。</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>step %1  loss %2  grad norm %3  lr %4</source>
        <translation>第 %1 步  損失 %2  梯度範數 %3  學習率 %4</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 詞元/秒</translation>
    </message>
    <message>
        <source>tensors %1 (peak %2)</source>
        <translation>張量 %1（峰值 %2）</translation>
    </message>
    <message>
        <source>Finished %1 steps; final loss %2.</source>
        <translation>已完成 %1 步；最終損失 %2。</translation>
    </message>
    <message>
        <source>Cancelled at step %1.</source>
        <translation>已在第 %1 步取消。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Do this step</source>
        <translation>做這一步</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>Choose a lesson…</source>
        <translation>選一堂課…</translation>
    </message>
    <message>
        <source>What this step&apos;s checks found in the app</source>
        <translation>這一步的檢查在程式裡實際看到的結果</translation>
    </message>
    <message>
        <source>choosing the text</source>
        <translation>選擇文字</translation>
    </message>
    <message>
        <source>building the model</source>
        <translation>建立模型</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>writing text</source>
        <translation>產生文字</translation>
    </message>
    <message>
        <source>tracing the text</source>
        <translation>追蹤文字</translation>
    </message>
    <message>
        <source>training word vectors</source>
        <translation>訓練詞向量</translation>
    </message>
    <message>
        <source>training the forecaster</source>
        <translation>訓練預測模型</translation>
    </message>
    <message>
        <source>training the tagger</source>
        <translation>訓練標註器</translation>
    </message>
    <message>
        <source>probing the gradients</source>
        <translation>量測梯度</translation>
    </message>
    <message>
        <source>measuring memory</source>
        <translation>測量記憶體</translation>
    </message>
    <message>
        <source>Working: %1…</source>
        <translation>進行中：%1…</translation>
    </message>
    <message>
        <source>arranging the views</source>
        <translation>調整視圖</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n 堂課</numerusform>
        </translation>
    </message>
    <message>
        <source>Each lesson walks through one idea step by step. A step does something in the app (trains a model, opens a view, picks a head) and checks that what it wants to show is really there.</source>
        <translation>每一堂課一步一步帶你走過一個概念。每一步都會在程式裡實際動手（訓練模型、打開視圖、挑一個注意力頭），並檢查它想讓你看到的現象真的出現了。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Nothing to do here: read on</source>
        <translation>這一步只要閱讀</translation>
    </message>
    <message>
        <source>First doing steps %1–%2, which this one builds on…</source>
        <translation>先完成這一步所依賴的第 %1–%2 步…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>This step could not run: %1</source>
        <translation>這一步無法執行：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Done: every check holds.</source>
        <translation>完成：每項檢查都成立。</translation>
    </message>
    <message>
        <source>Done, but a check did not hold.</source>
        <translation>完成，但有一項檢查不成立。</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>請先選一個答案。</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>答對了。</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>不太對。</translation>
    </message>
</context>
<context>
    <name>LessonPresenter</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>smoothed (EMA %1)</source>
        <translation>平滑（EMA %1）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LMScope — a lab for language models</source>
        <translation>LMScope — 語言模型實驗室</translation>
    </message>
    <message>
        <source>Language model</source>
        <translation>語言模型</translation>
    </message>
    <message>
        <source>Word vectors</source>
        <translation>詞向量</translation>
    </message>
    <message>
        <source>Recurrent networks</source>
        <translation>循環神經網路</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Tagging</source>
        <translation>詞性標注</translation>
    </message>
    <message>
        <source>Forecasting</source>
        <translation>時間序列預測</translation>
    </message>
    <message>
        <source>Ready. Choose a corpus and a model, then press Start.</source>
        <translation>準備就緒。請選擇語料和模型，然後按下「開始」。</translation>
    </message>
    <message>
        <source>Saved the checkpoint to %1</source>
        <translation>已將檢查點儲存至 %1</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>儲存檢查點</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open corpus…</source>
        <translation>開啟語料(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save checkpoint…</source>
        <translation>儲存檢查點(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export loss plot…</source>
        <translation>匯出損失圖(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>損失軸使用對數刻度</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The window is rebuilt in the new language, which stops the training in progress. Switch now?</source>
        <translation>視窗會以新語言重建，進行中的訓練會停止。要現在切換嗎？</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <source>A first language model</source>
        <translation>第一個語言模型</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; Pick the built-in English corpus and &lt;i&gt;Characters&lt;/i&gt; as tokens.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; Press &lt;i&gt;Start&lt;/i&gt;. The model reads the previous few characters and guesses the next one; the loss says how surprised it was, averaged over a batch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; Watch the curve: at first the loss is near ln(vocabulary size), a uniform guess. It falls quickly as the model learns which letters follow which, then slowly as it learns words.&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; Press &lt;i&gt;Let it write&lt;/i&gt; with a prompt such as &lt;i&gt;The king&lt;/i&gt;. Early on the text is noise; after a thousand steps it spells words from the corpus.&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; Try the Traditional Chinese corpus: each character is one token, so the vocabulary is larger and the first loss higher.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; 選擇內建的英文語料，詞元選&lt;i&gt;字元&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; 按下&lt;i&gt;開始&lt;/i&gt;。模型會讀取前面幾個字元，猜出下一個字元；損失代表它看到正確答案時有多「意外」，是整個批次的平均值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; 觀察曲線：一開始損失接近 ln(詞彙量)，也就是在所有詞元之間平均亂猜的程度。模型學會哪些字母常接在哪些字母後面時，損失下降得很快；接著開始學單字，下降就變慢了。&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; 輸入像 &lt;i&gt;The king&lt;/i&gt; 這樣的提示，再按&lt;i&gt;讓它寫寫看&lt;/i&gt;。剛開始寫出的文字只是雜訊；訓練一千步左右之後，它就能拼出語料裡的單字。&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; 換成繁體中文語料試試看：每個字就是一個詞元，所以詞彙量更大，一開始的損失也更高。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Command-line tool…</source>
        <translation>命令列工具…</translation>
    </message>
    <message>
        <source>Command-line tool</source>
        <translation>命令列工具</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; does the same work from scripts, for example:&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;Run &lt;code&gt;lmscope-cli --help&lt;/code&gt; for every command.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; 可以在腳本中完成同樣的工作，例如：&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;執行 &lt;code&gt;lmscope-cli --help&lt;/code&gt; 即可查看所有指令。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About LMScope</source>
        <translation>關於 LMScope</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop lab for neural language models: train small models on your own text and look inside them while they learn.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;神經語言模型的桌面實驗室：用你自己的文字訓練小型模型，並在它們學習的過程中觀察內部的運作。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md *.csv);;All files (*)</source>
        <translation>文字檔 (*.txt *.md *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation>開啟語料</translation>
    </message>
    <message>
        <source>Corpus %1: %2 bytes</source>
        <translation>語料 %1：%2 位元組</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors 檔案 (*.safetensors)</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重設版面配置</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>Sentence search</source>
        <translation>句子搜尋</translation>
    </message>
</context>
<context>
    <name>MaskedBatchView</name>
    <message>
        <source>Start pre-training (or open a model) to see a batch.</source>
        <translation>開始預訓練（或開啟模型）就能看到一個批次。</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>換一個批次</translation>
    </message>
    <message>
        <source>Draw another row from the corpus and show what the model guesses now.</source>
        <translation>從語料再抽一列，看看模型現在怎麼猜。</translation>
    </message>
    <message>
        <source>No batch yet.</source>
        <translation>還沒有批次。</translation>
    </message>
    <message>
        <source>[MASK]: hidden, to predict</source>
        <translation>[MASK]：被遮住，要預測</translation>
    </message>
    <message>
        <source>random token: to predict the original</source>
        <translation>隨機詞元：要預測原本的詞</translation>
    </message>
    <message>
        <source>kept, still predicted</source>
        <translation>保留原樣，仍要預測</translation>
    </message>
    <message>
        <source>special token</source>
        <translation>特殊詞元</translation>
    </message>
    <message>
        <source>segment A</source>
        <translation>片段 A</translation>
    </message>
    <message>
        <source>segment B</source>
        <translation>片段 B</translation>
    </message>
    <message>
        <source>B follows A in its document (is next)</source>
        <translation>B 在文件中緊接在 A 之後（是下一句）</translation>
    </message>
    <message>
        <source>A and B in their order (in order)</source>
        <translation>A 和 B 照原本順序（順序正確）</translation>
    </message>
    <message>
        <source>B comes from another document (random)</source>
        <translation>B 來自另一份文件（隨機）</translation>
    </message>
    <message>
        <source>A and B swapped (swapped)</source>
        <translation>A 和 B 對調了（已對調）</translation>
    </message>
    <message>
        <source>Pair label: %1.</source>
        <translation>句對標籤：%1。</translation>
    </message>
    <message>
        <source>The model: %1 % is next.</source>
        <translation>模型認為：%1% 是下一句。</translation>
    </message>
    <message>
        <source>The model: %1 % in order.</source>
        <translation>模型認為：%1% 順序正確。</translation>
    </message>
    <message>
        <source>One row of the batch after %1 steps: %2 tokens, %3 of them to predict.</source>
        <translation>訓練 %1 步後批次中的一列：%2 個詞元，其中 %3 個要預測。</translation>
    </message>
    <message>
        <source>Hidden behind [MASK]; the model must say “%1”.</source>
        <translation>被 [MASK] 遮住；模型必須說出「%1」。</translation>
    </message>
    <message>
        <source>was: %1</source>
        <translation>原為：%1</translation>
    </message>
    <message>
        <source>Replaced by a random token; the model must still say “%1”.</source>
        <translation>被換成隨機詞元；模型仍必須說出「%1」。</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Left as it was, but the model must still predict it: it cannot trust what it sees.</source>
        <translation>保持原樣，但模型仍必須預測它：它不能完全相信眼前看到的詞。</translation>
    </message>
    <message>
        <source>A special token: never hidden, never predicted.</source>
        <translation>特殊詞元：從不遮住，也從不預測。</translation>
    </message>
    <message>
        <source>Segment A (token type 0)</source>
        <translation>片段 A（詞元類型 0）</translation>
    </message>
    <message>
        <source>Segment B (token type 1)</source>
        <translation>片段 B（詞元類型 1）</translation>
    </message>
    <message>
        <source>#%1 %2 → %3</source>
        <translation>#%1 %2 → %3</translation>
    </message>
    <message>
        <source>No masked-word head: no guesses.</source>
        <translation>沒有遮蔽詞預測頭：沒有猜測。</translation>
    </message>
</context>
<context>
    <name>MemoryBatchPlot</name>
    <message>
        <source>Memory versus batch size</source>
        <translation>記憶體與批次大小</translation>
    </message>
    <message>
        <source>batch size B</source>
        <translation>批次大小 B</translation>
    </message>
    <message>
        <source>bytes beyond the weights</source>
        <translation>權重之外的位元組</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <source>Memory versus batch size (%1, length %2)</source>
        <translation>記憶體與批次大小（%1，長度 %2）</translation>
    </message>
</context>
<context>
    <name>MemoryBytesPlot</name>
    <message>
        <source>Memory versus sequence length</source>
        <translation>記憶體與序列長度</translation>
    </message>
    <message>
        <source>sequence length T (tokens)</source>
        <translation>序列長度 T（詞元）</translation>
    </message>
    <message>
        <source>bytes beyond the weights</source>
        <translation>權重之外的位元組</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <source>%1: slope %2</source>
        <translation>%1：斜率 %2</translation>
    </message>
</context>
<context>
    <name>MemoryCalculator</name>
    <message>
        <source>float32 (4 bytes)</source>
        <translation>float32（4 位元組）</translation>
    </message>
    <message>
        <source>bfloat16 (2 bytes)</source>
        <translation>bfloat16（2 位元組）</translation>
    </message>
    <message>
        <source>float16 (2 bytes)</source>
        <translation>float16（2 位元組）</translation>
    </message>
    <message>
        <source>int8 (1 byte)</source>
        <translation>int8（1 位元組）</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列長度</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>數值精度</translation>
    </message>
    <message>
        <source>Memory you have</source>
        <translation>你有的記憶體</translation>
    </message>
    <message>
        <source>total</source>
        <translation>總計</translation>
    </message>
    <message>
        <source>Fits in %1.</source>
        <translation>放得進 %1。</translation>
    </message>
    <message>
        <source>Does not fit in %1: it needs %2 more.</source>
        <translation>放不進 %1：還差 %2。</translation>
    </message>
    <message>
        <source>Not even one token fits at batch %1.</source>
        <translation>批次 %1 時，連一個詞元都放不下。</translation>
    </message>
    <message>
        <source>Longest length that fits at batch %1: %2 tokens.</source>
        <translation>批次 %1 時放得下的最長長度：%2 個詞元。</translation>
    </message>
    <message>
        <source>(The model itself reads at most %1 tokens.)</source>
        <translation>（模型本身最多只讀 %1 個詞元。）</translation>
    </message>
    <message>
        <source>Not even batch 1 fits at length %1.</source>
        <translation>長度 %1 時，連批次 1 都放不下。</translation>
    </message>
    <message>
        <source>Largest batch that fits at length %1: %2.</source>
        <translation>長度 %1 時放得下的最大批次：%2。</translation>
    </message>
</context>
<context>
    <name>MemoryPartsPlot</name>
    <message>
        <source>Parts of the memory (predicted)</source>
        <translation>記憶體的組成（預測）</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>Parts at length %1, %2 (predicted)</source>
        <translation>長度 %1、%2模式的組成（預測）</translation>
    </message>
</context>
<context>
    <name>MemoryPlots</name>
    <message>
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>prefill</source>
        <translation>預填</translation>
    </message>
    <message>
        <source>infer</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>權重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>optimizer state</source>
        <translation>最佳化器狀態</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>活化值</translation>
    </message>
    <message>
        <source>attention (T × T)</source>
        <translation>注意力（T × T）</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 快取</translation>
    </message>
    <message>
        <source>recurrent state</source>
        <translation>循環狀態</translation>
    </message>
</context>
<context>
    <name>MemoryTimePlot</name>
    <message>
        <source>Time per step versus sequence length</source>
        <translation>每步時間與序列長度</translation>
    </message>
    <message>
        <source>sequence length T (tokens)</source>
        <translation>序列長度 T（詞元）</translation>
    </message>
    <message>
        <source>seconds per step (measured)</source>
        <translation>每步秒數（實測）</translation>
    </message>
    <message>
        <source>seconds per generated token (measured)</source>
        <translation>每產生一個詞元的秒數（實測）</translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message>
        <source>“%1” is not a length between 1 and 1048576.</source>
        <translation>「%1」不是介於 1 到 1048576 之間的長度。</translation>
    </message>
    <message>
        <source>Write at least one length, e.g. 256, 512, 1024.</source>
        <translation>請至少寫一個長度，例如 256, 512, 1024。</translation>
    </message>
    <message>
        <source>Dots: measured, lines: predicted. Slope 2: double the length, four times the memory (attention&apos;s T × T table); 1: double the memory; 0: no growth.</source>
        <translation>圓點：實測；線：預測。斜率 2：長度加倍，記憶體變四倍（注意力的 T × T 表）；1：記憶體加倍；0：不會增加。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測量</translation>
    </message>
    <message>
        <source>Train: a full AdamW step (forward, backward, update). Prefill: one forward without gradients. Infer: the batch&apos;s sequences generated token by token with a KV cache or a recurrent state.</source>
        <translation>訓練：完整的一步 AdamW（前向、反向、更新）。預填：一次不算梯度的前向。推論：用 KV 快取或循環狀態，把批次裡的每條序列一個詞元一個詞元地產生出來。</translation>
    </message>
    <message>
        <source>Sequence lengths to measure, separated by commas.</source>
        <translation>要測量的序列長度，以逗號分隔。</translation>
    </message>
    <message>
        <source>Attention heads (GPT and Llama); the width must be a multiple of it.</source>
        <translation>注意力頭數（GPT 與 Llama）；寬度必須是它的倍數。</translation>
    </message>
    <message>
        <source>width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>層數</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>頭數</translation>
    </message>
    <message>
        <source>Chunked attention (memory linear in T)</source>
        <translation>分塊注意力（記憶體隨 T 線性成長）</translation>
    </message>
    <message>
        <source>GPT and Llama compute attention block by block with an online softmax, so the T × T table is never stored; the results are the same.</source>
        <translation>GPT 與 Llama 以線上 softmax 逐塊計算注意力，因此從不儲存 T × T 的表；結果完全相同。</translation>
    </message>
    <message>
        <source>Then sweep batch 1, 2, 4, 8 (train, shortest length)</source>
        <translation>接著掃過批次 1、2、4、8（訓練，最短長度）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Lengths</source>
        <translation>長度</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%v / %m points</source>
        <translation>%v / %m 個點</translation>
    </message>
    <message>
        <source>Choose models and lengths, then press Run.</source>
        <translation>選好模型與長度，然後按「執行」。</translation>
    </message>
    <message>
        <source>Calculator for real models</source>
        <translation>真實模型的記憶體計算機</translation>
    </message>
    <message>
        <source>Choose at least one model.</source>
        <translation>請至少選一個模型。</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>測量中…</translation>
    </message>
    <message>
        <source>Stopping after the point in progress…</source>
        <translation>正在測量的這一點完成後就停止…</translation>
    </message>
    <message>
        <source>Measured %1 at length %2, batch %3: %4 beyond the weights.</source>
        <translation>已測量 %1，長度 %2、批次 %3：權重之外 %4。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n measured point(s) from the lesson.</source>
        <translation>
            <numerusform>顯示課程量到的 %n 個點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: measured %1 points.</source>
        <translation>完成：共測量 %1 個點。</translation>
    </message>
    <message>
        <source>Stopped after %1 points.</source>
        <translation>測量 %1 個點後已停止。</translation>
    </message>
</context>
<context>
    <name>MemoryWorker</name>
    <message>
        <source>Out of memory: choose shorter lengths, a smaller batch or a smaller model.</source>
        <translation>記憶體不足：請選較短的長度、較小的批次或較小的模型。</translation>
    </message>
</context>
<context>
    <name>ModelOptionsPanel</name>
    <message>
        <source>%1 parameters (vocabulary %2)</source>
        <translation>%1 個參數（詞彙量 %2）</translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1：&lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Same width, layers and heads: %1.</source>
        <translation>相同寬度、層數與注意力頭數：%1。</translation>
    </message>
    <message>
        <source>%1 saves by factorising the embeddings (V×E + E×H numbers instead of V×H, here E = %2, H = %3) and by sharing one layer&apos;s weights across all %4 layers.</source>
        <translation>%1 省下的參數來自分解嵌入（V×E + E×H 個數，而不是 V×H；這裡 E = %2、H = %3），以及讓全部 %4 層共用同一層的權重。</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>cannot export to &quot;%1&quot;: the file name has no suffix (use one of %2)</source>
        <translation>無法匯出至「%1」：檔名沒有副檔名（請使用 %2 其中之一）</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: unknown format &quot;.%2&quot; (use one of %3)</source>
        <translation>無法匯出至「%1」：不支援的格式「.%2」（請使用 %3 其中之一）</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: invalid size %2x%3</source>
        <translation>無法匯出至「%1」：尺寸 %2x%3 無效</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: invalid resolution %2 dpi (allowed: above 0, at most %3)</source>
        <translation>無法匯出至「%1」：解析度 %2 dpi 無效（須大於 0，最多 %3）</translation>
    </message>
    <message>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>無法寫入「%1」：%2</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: an image of %2x%3 pixels is too large (at most %4 pixels a side and %5 megapixels)</source>
        <translation>無法匯出至「%1」：%2x%3 像素的影像太大（每邊最多 %4 像素，總共最多 %5 百萬像素）</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: rendering an image of %2x%3 pixels failed</source>
        <translation>無法匯出至「%1」：繪製 %2x%3 像素的影像失敗</translation>
    </message>
    <message>
        <source>Exported from LMScope</source>
        <translation>由 LMScope 匯出</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: the SVG painter did not start</source>
        <translation>無法匯出至「%1」：SVG 繪圖器無法啟動</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: no temporary directory: %2</source>
        <translation>無法匯出至「%1」：沒有可用的暫存目錄：%2</translation>
    </message>
    <message>
        <source>cannot export to &quot;%1&quot;: rendering the PDF failed</source>
        <translation>無法匯出至「%1」：PDF 繪製失敗</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV 資料 (*.csv)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>匯出圖</translation>
    </message>
    <message>
        <source>plot</source>
        <translation>圖</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>PretrainPage</name>
    <message>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>Text file…</source>
        <translation>文字檔…</translation>
    </message>
    <message>
        <source>Documents separated by blank lines, one sentence a line: next-sentence and sentence-order prediction draw their pairs from them.</source>
        <translation>以空行分隔的文件，每行一句：下一句預測與句序預測從中抽取句對。</translation>
    </message>
    <message>
        <source>Masked words only (MLM)</source>
        <translation>只有遮蔽詞（MLM）</translation>
    </message>
    <message>
        <source>MLM + next sentence (NSP)</source>
        <translation>MLM + 下一句預測（NSP）</translation>
    </message>
    <message>
        <source>MLM + sentence order (SOP)</source>
        <translation>MLM + 句序預測（SOP）</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>模型家族</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>訓練目標</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>WordPiece vocabulary learned from the corpus, with [PAD] [UNK] [CLS] [SEP] [MASK].</source>
        <translation>從語料學出的 WordPiece 詞彙表，含 [PAD] [UNK] [CLS] [SEP] [MASK]。</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>詞彙量</translation>
    </message>
    <message>
        <source>Tokens per row</source>
        <translation>每列詞元數</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Compare NSP and SOP</source>
        <translation>比較 NSP 與 SOP</translation>
    </message>
    <message>
        <source>Pre-train with next-sentence prediction, then with sentence-order prediction, on the same corpus and settings, and draw both pair accuracies on one plot.</source>
        <translation>用同樣的語料與設定，先以下一句預測、再以句序預測各預訓練一次，把兩條句對準確率畫在同一張圖上。</translation>
    </message>
    <message>
        <source>Pre-train a small encoder, or open one.</source>
        <translation>預訓練一個小編碼器，或開啟一個。</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <source>Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json).</source>
        <translation>本程式的 .safetensors，或 Hugging Face 的 BERT、ALBERT 資料夾（選它的 config.json）。</translation>
    </message>
    <message>
        <source>Use this encoder for fine-tuning</source>
        <translation>用這個編碼器來微調</translation>
    </message>
    <message>
        <source>A batch as the model sees it</source>
        <translation>模型眼中的一個批次</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>masked-word loss</source>
        <translation>遮蔽詞損失</translation>
    </message>
    <message>
        <source>masked-word accuracy</source>
        <translation>遮蔽詞準確率</translation>
    </message>
    <message>
        <source>pair accuracy (NSP / SOP)</source>
        <translation>句對準確率（NSP／SOP）</translation>
    </message>
    <message>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文字檔 (*.txt *.md);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <source>MLM + NSP</source>
        <translation>MLM + NSP</translation>
    </message>
    <message>
        <source>MLM + SOP</source>
        <translation>MLM + SOP</translation>
    </message>
    <message>
        <source>MLM</source>
        <translation>MLM</translation>
    </message>
    <message>
        <source>run %1 · %2 %3</source>
        <translation>第 %1 次 · %2 %3</translation>
    </message>
    <message>
        <source>%1: loss</source>
        <translation>%1：損失</translation>
    </message>
    <message>
        <source>%1: accuracy</source>
        <translation>%1：準確率</translation>
    </message>
    <message>
        <source>Reading the corpus and learning a vocabulary…</source>
        <translation>正在讀取語料並學習詞彙表…</translation>
    </message>
    <message>
        <source>Open an encoder</source>
        <translation>開啟編碼器</translation>
    </message>
    <message>
        <source>Encoders (*.safetensors config.json);;All files (*)</source>
        <translation>編碼器 (*.safetensors config.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <source>%1
Step %2 of %3 · loss %4</source>
        <translation>%1
第 %2 / %3 步 · 損失 %4</translation>
    </message>
    <message>
        <source>%1, %2, %3 steps</source>
        <translation>%1，%2，%3 步</translation>
    </message>
    <message>
        <source>masked-word accuracy %1 %</source>
        <translation>遮蔽詞準確率 %1%</translation>
    </message>
    <message>
        <source>, %1 accuracy %2 %</source>
        <translation>，%1 準確率 %2%</translation>
    </message>
    <message>
        <source>NSP</source>
        <translation>NSP</translation>
    </message>
    <message>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <source>Cancelled after %1 steps: %2.</source>
        <translation>第 %1 步後已取消：%2。</translation>
    </message>
    <message>
        <source>%1 steps in %2 s: %3.</source>
        <translation>%1 步，耗時 %2 秒：%3。</translation>
    </message>
</context>
<context>
    <name>PretrainWorker</name>
    <message>
        <source>%1 is not an encoder: it cannot be pre-trained with masked words.</source>
        <translation>%1 不是編碼器：無法用遮蔽詞來預訓練。</translation>
    </message>
    <message>
        <source>%1: %2 tokens, vocabulary %3, %4 parameters</source>
        <translation>%1：%2 個詞元，詞彙量 %3，%4 個參數</translation>
    </message>
    <message>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
    <message>
        <source>No encoder yet: pre-train one or open a model first.</source>
        <translation>還沒有編碼器：請先預訓練一個或開啟模型。</translation>
    </message>
    <message>
        <source>%1: %2, %3 layers, width %4, vocabulary %5, %6 parameters%7</source>
        <translation>%1：%2，%3 層，寬度 %4，詞彙量 %5，%6 個參數%7</translation>
    </message>
    <message>
        <source> (no masked-word head: no guesses)</source>
        <translation>（沒有遮蔽詞預測頭：不會猜詞）</translation>
    </message>
</context>
<context>
    <name>RecurrentView</name>
    <message>
        <source>Trace this text</source>
        <translation>追蹤這段文字</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Train an RNN, LSTM or GRU on the language-model tab, then trace a text through it.</source>
        <translation>請先在「語言模型」分頁訓練一個 RNN、LSTM 或 GRU，再把一段文字送進去，追蹤它在網路中的變化。</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>單元</translation>
    </message>
    <message>
        <source>time (token)</source>
        <translation>時間（詞元）</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>unit (backward direction)</source>
        <translation>單元（反向）</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激勵值</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>隱藏狀態</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>閘門</translation>
    </message>
    <message>
        <source>LSTM: input i, forget f, candidate g, output o. GRU: reset r, update z, candidate n. A forget gate near 1 keeps the memory; near 0 it wipes it.</source>
        <translation>LSTM：輸入閘門 i、遺忘閘門 f、候選值 g、輸出閘門 o。GRU：重置閘門 r、更新閘門 z、候選值 n。遺忘閘門接近 1 時會保留記憶；接近 0 時則會把記憶清掉。</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>閘門</translation>
    </message>
    <message>
        <source>Multiplies the recurrent weights W_hh: above about 2 a vanilla RNN&apos;s gradients explode instead of vanishing.</source>
        <translation>把循環權重 W_hh 乘上這個倍率：大約超過 2 時，基本 RNN 的梯度就不再消失，而是爆炸。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測量</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <source>Recurrent weight scale</source>
        <translation>循環權重倍率</translation>
    </message>
    <message>
        <source>The loss sits on the last step. Each curve is the size of its gradient at every earlier step, for a freshly initialised network. A vanilla RNN multiplies by the same matrix at every step, so its curve falls (or climbs) in a straight line on this log scale. An LSTM whose forget gate starts open carries the gradient much further; a fresh GRU, whose update gate starts half open, only a little: training teaches the gates what to keep.</source>
        <translation>損失位於最後一步。每條曲線畫出一個剛初始化的網路，在之前每一步的梯度大小。基本 RNN 每一步都乘上同一個矩陣，所以在這個對數刻度上，它的曲線會沿著直線下降（或上升）。遺忘閘門一開始就打開的 LSTM，能把梯度傳得遠得多；剛初始化的 GRU 更新閘門一開始只開一半，只能傳得稍遠一點：閘門該保留什麼，要靠訓練來學會。</translation>
    </message>
    <message>
        <source>time step (the loss is at the right end)</source>
        <translation>時間步（損失在最右端）</translation>
    </message>
    <message>
        <source>|dL/dh_t|</source>
        <translation>|dL/dh_t|</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>訓練步</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度範數</translation>
    </message>
    <message>
        <source>Gradients through time</source>
        <translation>沿時間反傳的梯度</translation>
    </message>
    <message>
        <source>This model has no recurrent layers to show: train an RNN, LSTM or GRU.</source>
        <translation>這個模型沒有可顯示的循環層：請訓練 RNN、LSTM 或 GRU。</translation>
    </message>
    <message>
        <source>Each column is the hidden state after reading that token; each row one unit (−1 dark … +1 bright). Click a unit to follow it.</source>
        <translation>每一欄是讀入該詞元後的隱藏狀態；每一列是一個單元（−1 暗 … +1 亮）。點選一個單元，就能追蹤它的變化。</translation>
    </message>
    <message>
        <source>gradient norm before clipping</source>
        <translation>裁剪前的梯度範數</translation>
    </message>
    <message>
        <source>after clipping at %1</source>
        <translation>以 %1 裁剪後</translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <source>Three ways to turn a sentence into a vector</source>
        <translation>把句子變成向量的三種方法</translation>
    </message>
    <message>
        <source>Train a small encoder here (masked words, a few seconds)</source>
        <translation>在這裡訓練一個小編碼器（遮蔽詞，幾秒鐘）</translation>
    </message>
    <message>
        <source>Open a model file (.safetensors)…</source>
        <translation>開啟模型檔（.safetensors）…</translation>
    </message>
    <message>
        <source>Open a Hugging Face folder (BERT, ALBERT)…</source>
        <translation>開啟 Hugging Face 資料夾（BERT、ALBERT）…</translation>
    </message>
    <message>
        <source>Mean of the last layer over the tokens</source>
        <translation>最後一層在各詞元上的平均</translation>
    </message>
    <message>
        <source>The [CLS] vector</source>
        <translation>[CLS] 向量</translation>
    </message>
    <message>
        <source>Built-in set, English (500 sentences)</source>
        <translation>內建資料，英文（500 句）</translation>
    </message>
    <message>
        <source>Built-in set, Traditional Chinese (500 sentences)</source>
        <translation>內建資料，繁體中文（500 句）</translation>
    </message>
    <message>
        <source>Open a text file (one sentence a line)…</source>
        <translation>開啟文字檔（每行一句）…</translation>
    </message>
    <message>
        <source>Sentences to search (one a line)</source>
        <translation>要搜尋的句子（每行一句）</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Sentences to search</source>
        <translation>要搜尋的句子</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>Sentence vector</source>
        <translation>句向量</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Prepare the three indexes</source>
        <translation>建立三種索引</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Choose an encoder and press Prepare. Skip-gram word vectors are trained on the same sentences, and every sentence is indexed three ways.</source>
        <translation>選一個編碼器再按「建立」。會在同樣的句子上訓練 skip-gram 詞向量，每個句子都以三種方式建立索引。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt;: a Transformer that reads the whole sentence; the sentence is the mean of its tokens&apos; last-layer vectors, or the vector at [CLS].&lt;/p&gt;&lt;p&gt;&lt;b&gt;Averaged word2vec&lt;/b&gt;: the mean of the sentence&apos;s word vectors; word order plays no part.&lt;/p&gt;&lt;p&gt;&lt;b&gt;TF-IDF&lt;/b&gt;: counts of the sentence&apos;s words, rare words weighing more; only shared words count.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;：讀完整個句子的 Transformer；句子以各詞元最後一層向量的平均，或 [CLS] 位置的向量來代表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;平均 word2vec&lt;/b&gt;：句中詞向量的平均；詞序不起作用。&lt;/p&gt;&lt;p&gt;&lt;b&gt;TF-IDF&lt;/b&gt;：句中各詞的次數，越罕見的詞權重越大；只有共同出現的詞才算數。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Type a sentence to search for…</source>
        <translation>輸入要搜尋的句子…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Averaged word2vec</source>
        <translation>平均 word2vec</translation>
    </message>
    <message>
        <source>TF-IDF</source>
        <translation>TF-IDF</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>餘弦</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>On the built-in query set (each query paraphrases one sentence)</source>
        <translation>在內建查詢集上（每個查詢都改寫自某一句）</translation>
    </message>
    <message>
        <source>recall@1</source>
        <translation>recall@1</translation>
    </message>
    <message>
        <source>recall@5</source>
        <translation>recall@5</translation>
    </message>
    <message>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <source>recall@k: the share of queries whose sentence is among the first k found; MRR: the mean of 1 / its rank.</source>
        <translation>recall@k：目標句出現在前 k 個結果中的查詢比例；MRR：1／其名次的平均。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>This session&apos;s encoder: %1</source>
        <translation>本次工作階段的編碼器：%1</translation>
    </message>
    <message>
        <source>A Hugging Face BERT or ALBERT folder</source>
        <translation>Hugging Face 的 BERT 或 ALBERT 資料夾</translation>
    </message>
    <message>
        <source>An encoder checkpoint</source>
        <translation>編碼器檢查點</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation>safetensors (*.safetensors);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <source>Ready: %1; %2 sentences indexed; word2vec knows %3 words.</source>
        <translation>就緒：%1；已為 %2 個句子建立索引；word2vec 認得 %3 個詞。</translation>
    </message>
    <message>
        <source>Encoder ([CLS] vector)</source>
        <translation>編碼器（[CLS] 向量）</translation>
    </message>
    <message>
        <source>Encoder (mean of the last layer)</source>
        <translation>編碼器（最後一層的平均）</translation>
    </message>
    <message>
        <source>%1 ranks the right sentence first for %2 % of the queries. TF-IDF wins when a paraphrase keeps the sentence&apos;s rare words; averaged word vectors forgive synonyms but blur everything else; an encoder trained only to fill in masked words was never asked to put paraphrases close together, and its [CLS] vector carries a sentence only after a sentence task (fine-tuning). recall@k: the share of queries whose sentence is among the first k; MRR: the mean of 1 / its rank.</source>
        <translation>%1 對 %2% 的查詢把正確的句子排在第一。改寫保留了原句的罕見詞時，TF-IDF 勝出；平均詞向量能容忍同義詞，卻把其他一切都模糊了；只訓練來填遮蔽詞的編碼器從沒被要求把改寫句放在一起，而它的 [CLS] 向量要經過句子任務（微調）之後才代表整句。recall@k：目標句在前 k 名內的查詢比例；MRR：1／其名次的平均。</translation>
    </message>
    <message>
        <source>Export the scores</source>
        <translation>匯出分數</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RetrievalWorker</name>
    <message>
        <source>Pre-training the encoder (masked words): step %1 of %2, loss %3</source>
        <translation>正在預訓練編碼器（遮蔽詞）：第 %1 / %2 步，損失 %3</translation>
    </message>
    <message>
        <source>This model reads left to right (%1); sentence search needs an encoder, which reads both ways.</source>
        <translation>這個模型由左往右讀（%1）；句子搜尋需要雙向閱讀的編碼器。</translation>
    </message>
    <message>
        <source>The model&apos;s tokenizer has %1.</source>
        <translation>這個模型的分詞器有 %1。</translation>
    </message>
    <message>
        <source>Choose an encoder first.</source>
        <translation>請先選擇一個編碼器。</translation>
    </message>
    <message>
        <source>No encoder was trained or opened in this session yet.</source>
        <translation>本次工作階段還沒有訓練或開啟任何編碼器。</translation>
    </message>
    <message>
        <source>Copying the session&apos;s encoder…</source>
        <translation>正在複製本次工作階段的編碼器…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <source>The architecture table has no encoder.</source>
        <translation>架構表中沒有編碼器。</translation>
    </message>
    <message>
        <source>Building the WordPiece vocabulary…</source>
        <translation>正在建立 WordPiece 詞彙表…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>%1 pre-trained here (%2 steps of masked words)</source>
        <translation>在這裡預訓練的 %1（%2 步遮蔽詞）</translation>
    </message>
    <message>
        <source>Training skip-gram word vectors on the same sentences…</source>
        <translation>正在同樣的句子上訓練 skip-gram 詞向量…</translation>
    </message>
    <message>
        <source>%1 holds no sentence.</source>
        <translation>%1 裡沒有句子。</translation>
    </message>
    <message>
        <source>Encoding %1 sentences…</source>
        <translation>正在編碼 %1 個句子…</translation>
    </message>
    <message>
        <source>Scoring the %1 queries of the built-in set…</source>
        <translation>正在為內建資料的 %1 個查詢評分…</translation>
    </message>
    <message>
        <source>Prepare the search first.</source>
        <translation>請先建立搜尋索引。</translation>
    </message>
</context>
<context>
    <name>SequenceTaskPages</name>
    <message>
        <source>Simple RNN</source>
        <translation>簡單 RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
</context>
<context>
    <name>SequenceTaskWorker</name>
    <message>
        <source>The built-in tagged sentences are missing from this build.</source>
        <translation>這個版本缺少內建的已標注句子。</translation>
    </message>
    <message>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
</context>
<context>
    <name>TaggingPage</name>
    <message>
        <source>Tagger</source>
        <translation>詞性標注器</translation>
    </message>
    <message>
        <source>Read the sentence both ways</source>
        <translation>把句子正向、反向各讀一遍</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>單元類型</translation>
    </message>
    <message>
        <source>Bidirectional</source>
        <translation>雙向</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <source>Training steps</source>
        <translation>訓練步數</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Train the tagger, then tag a sentence.</source>
        <translation>先訓練詞性標注器，再替句子標注詞性。</translation>
    </message>
    <message>
        <source>A tagger gives every word its part of speech. The same word can take different tags: “book” is a verb in “I book a room” and a noun in “I read a book”, and the words around it tell which. A one-way network has read only the words before a word when it tags it. A bidirectional network also reads the sentence from the end, so it sees the words after as well: in “the light is bright” and “the light bag is heavy” the words before “light” are the same, and only the next word tells a noun from an adjective. Train with Bidirectional off, then on, and compare.</source>
        <translation>詞性標注器會替每個詞標上它的詞性。同一個詞可能得到不同的標籤：「book」在「I book a room」裡是動詞，在「I read a book」裡是名詞，要靠它周圍的詞才分辨得出來。單向網路在標注一個詞時，只讀過這個詞前面的詞。雙向網路還會從句尾往回讀，所以也看得到後面的詞：在「the light is bright」和「the light bag is heavy」裡，「light」前面的詞完全相同，只有下一個詞能分辨它是名詞還是形容詞。請先關閉「雙向」訓練一次，再開啟後訓練一次，比較兩者的結果。</translation>
    </message>
    <message>
        <source>Tag a sentence</source>
        <translation>替句子標注詞性</translation>
    </message>
    <message>
        <source>Type a sentence…</source>
        <translation>輸入一個句子…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>標注</translation>
    </message>
    <message>
        <source>Examples…</source>
        <translation>範例…</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>詞</translation>
    </message>
    <message>
        <source>Tags: NOUN noun, PROPN proper noun, VERB verb, AUX auxiliary, ADJ adjective, ADV adverb, DET determiner, PRON pronoun, ADP preposition, CCONJ conjunction, NUM number, PUNCT punctuation. Words in italics were never seen in training.</source>
        <translation>標籤：NOUN 名詞、PROPN 專有名詞、VERB 動詞、AUX 助動詞、ADJ 形容詞、ADV 副詞、DET 限定詞、PRON 代名詞、ADP 介系詞、CCONJ 連接詞、NUM 數詞、PUNCT 標點符號。以斜體顯示的詞在訓練時從未出現過。</translation>
    </message>
    <message>
        <source>Step %1 of %2 · loss %3</source>
        <translation>第 %1 / %2 步 · 損失 %3</translation>
    </message>
    <message>
        <source>Reading the tagged sentences…</source>
        <translation>正在讀取已標注的句子…</translation>
    </message>
    <message>
        <source>Held-out accuracy %1 % on %2 words of %3 sentences (untrained: %4 %).</source>
        <translation>在保留測試的 %3 個句子（共 %2 個詞）上，準確率為 %1%（未訓練時：%4%）。</translation>
    </message>
    <message>
        <source>Stopped after %1 steps. %2</source>
        <translation>執行 %1 步後已停止。%2</translation>
    </message>
    <message>
        <source>%1 steps in %2 s. %3</source>
        <translation>共 %1 步，耗時 %2 秒。%3</translation>
    </message>
    <message>
        <source>Not in the training sentences: the tagger sees it as &lt;unk&gt;.</source>
        <translation>訓練句子裡沒有這個詞：詞性標注器會把它當成 &lt;unk&gt;。</translation>
    </message>
    <message>
        <source>The lesson&apos;s tagger: held-out accuracy %1 % on %2 words of %3 sentences.</source>
        <translation>課程的標註器：在保留測試的 %3 個句子（共 %2 個詞）上，準確率為 %1%。</translation>
    </message>
</context>
<context>
    <name>TracePlots</name>
    <message>
        <source>unit (backward direction)</source>
        <translation>單元（反向）</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>單元</translation>
    </message>
    <message>
        <source>time (token)</source>
        <translation>時間（詞元）</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激勵值</translation>
    </message>
    <message>
        <source>unit %1 (%2)</source>
        <translation>單元 %1（%2）</translation>
    </message>
    <message>
        <source>time step (the loss is at the right end)</source>
        <translation>時間步（損失位於最右端）</translation>
    </message>
    <message>
        <source>|dL/dh_t|</source>
        <translation>|dL/dh_t|</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>%1: %2 tokens, vocabulary %3 (%4 tokenizer), %5 parameters</source>
        <translation>%1：%2 個詞元，詞彙量 %3（%4 分詞器），%5 個參數</translation>
    </message>
    <message>
        <source>Nothing to train: prepare a model first.</source>
        <translation>沒有可訓練的模型：請先準備模型。</translation>
    </message>
    <message>
        <source>Cannot resume from %1: %2</source>
        <translation>無法從 %1 接續訓練：%2</translation>
    </message>
    <message>
        <source>Training stopped: the loss is no longer a finite number at step %1.</source>
        <translation>訓練已停止：第 %1 步的損失不再是有限的數字。</translation>
    </message>
    <message>
        <source>Training stopped: the gradient of %1 is no longer a finite number at step %2.</source>
        <translation>訓練已停止：第 %2 步時 %1 的梯度不再是有限的數字。</translation>
    </message>
    <message>
        <source>The weights keep their last finite values; try a smaller learning rate.</source>
        <translation>權重保留最後一組有限的值；請試試較小的學習率。</translation>
    </message>
    <message>
        <source>it was saved for another model or text</source>
        <translation>它是為另一個模型或另一段文字存的</translation>
    </message>
    <message>
        <source>it is at step %1, beyond the %2 steps chosen</source>
        <translation>它停在第 %1 步，超過了設定的 %2 步</translation>
    </message>
    <message>
        <source>There is no model to save yet.</source>
        <translation>目前還沒有可儲存的模型。</translation>
    </message>
    <message>
        <source>Train a model first, then trace a text through it.</source>
        <translation>請先訓練模型，再把文字送進去追蹤。</translation>
    </message>
    <message>
        <source>The text gives no tokens.</source>
        <translation>這段文字切不出任何詞元。</translation>
    </message>
    <message>
        <source>%1 trained on the language-model tab (step %2)</source>
        <translation>在「語言模型」分頁訓練的 %1（第 %2 步）</translation>
    </message>
</context>
<context>
    <name>WhyLabelPanel</name>
    <message>
        <source>Why this label</source>
        <translation>為什麼是這個標籤</translation>
    </message>
    <message>
        <source>Type a sentence…</source>
        <translation>輸入一個句子…</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解釋</translation>
    </message>
    <message>
        <source>gradient × input</source>
        <translation>梯度 × 輸入</translation>
    </message>
    <message>
        <source>integrated gradients</source>
        <translation>積分梯度</translation>
    </message>
    <message>
        <source>Gradient × input: how the label&apos;s score changes with each token&apos;s vector, times that vector. Integrated gradients: the same along the way from no input to the sentence; its values add up to the score&apos;s change.</source>
        <translation>梯度 × 輸入：標籤分數隨每個詞元向量變化的程度，再乘上該向量。積分梯度：沿著從「沒有輸入」到這個句子的路徑做同樣的計算；各值加總等於分數的變化。</translation>
    </message>
    <message>
        <source>Click a label to explain it instead.</source>
        <translation>點一個標籤，改為解釋它。</translation>
    </message>
    <message>
        <source>Fine-tune a model, then type a sentence.</source>
        <translation>先微調一個模型，再輸入句子。</translation>
    </message>
    <message>
        <source>Fine-tune a model first.</source>
        <translation>請先微調一個模型。</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>The tagger&apos;s tag for every word (B- begins an entity, I- continues it).</source>
        <translation>標註器給每個詞的標記（B- 表示實體開頭，I- 表示延續）。</translation>
    </message>
    <message>
        <source>Predicted: &lt;b&gt;%1&lt;/b&gt; (%2 %). Colours: how much each token pushed towards &lt;b&gt;%3&lt;/b&gt; (red) or away from it (blue), by %4.</source>
        <translation>預測：&lt;b&gt;%1&lt;/b&gt;（%2%）。顏色：每個詞元把結果推向 &lt;b&gt;%3&lt;/b&gt;（紅）或推離它（藍）的程度，以%4計算。</translation>
    </message>
    <message>
        <source>Type a sentence.</source>
        <translation>請輸入一個句子。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Resume training?</source>
        <translation>要接續訓練嗎？</translation>
    </message>
    <message>
        <source>LMScope ended while a model was training. Its last autosave holds step %1. Continue training from there?</source>
        <translation>LMScope 在訓練模型時意外結束。最後一次自動儲存停在第 %1 步。要從那裡繼續訓練嗎？</translation>
    </message>
</context>
</TS>
