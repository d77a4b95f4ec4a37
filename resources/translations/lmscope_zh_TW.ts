<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AlignmentView</name>
    <message>
        <location filename="../../app/appcore/views/alignmentview.cpp" line="48"/>
        <source>Translate a sentence to see which source words each target word looked at.</source>
        <translation>翻譯一個句子，就能看到每個譯文詞看向了原文的哪些詞。</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="44"/>
        <source>Trace this text</source>
        <translation>追蹤這段文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="45"/>
        <source>Continue it</source>
        <translation>讓它續寫</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="47"/>
        <source>The model writes on, one token at a time; after each token the heatmaps show where the new token looks.</source>
        <translation>模型一次寫一個詞元往下續寫；每寫一個，熱圖就顯示這個新詞元在看哪裡。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="49"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="345"/>
        <source>Train a GPT or Llama model on the language-model tab, then trace a text through it.</source>
        <translation>先在「語言模型」分頁訓練 GPT 或 Llama 模型，再讓一段文字通過它，追蹤它的注意力。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="79"/>
        <source>Layers (rows) × heads (columns): click one</source>
        <translation>層（列）× 注意力頭（欄）：點選其中一個</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="39"/>
        <source>This model</source>
        <translation>這個模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="41"/>
        <source>Implicit attention vs a Transformer</source>
        <translation>隱含注意力 vs Transformer</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="86"/>
        <source>Entropy of each head (nats; low = focused)</source>
        <translation>每個注意力頭的熵（nat；越低越集中）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="94"/>
        <location filename="../../app/cli/cmd_plot.cpp" line="281"/>
        <source>query (the token that looks)</source>
        <translation>查詢（發出注意的詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="94"/>
        <location filename="../../app/cli/cmd_plot.cpp" line="282"/>
        <source>key (the token looked at)</source>
        <translation>鍵（被注意的詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="95"/>
        <source>weight</source>
        <translation>權重</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="99"/>
        <source>Attention of token</source>
        <translation>這個詞元的注意力</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="105"/>
        <source>Where each token looks</source>
        <translation>每個詞元看向哪裡</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="106"/>
        <source>Step through this head</source>
        <translation>逐步拆解這個注意力頭</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="163"/>
        <source>Row i of a heatmap is where token i looks: its weights over the tokens before it sum to 1. The triangle is the causal mask: no token sees the future.</source>
        <translation>熱圖的第 i 列是第 i 個詞元注意的位置：它分給前面各詞元的權重加起來等於 1。右上方的三角形是因果遮罩：沒有任何詞元能看到未來。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="187"/>
        <source>A layer with one map and no heads is a state-space layer: it keeps a fixed-size state instead of looking back, but its output is still a weighted sum of the inputs before it. Its map shows those weights, averaged over its channels, each row scaled to sum to 1.</source>
        <translation>只有一張圖、沒有注意力頭的層是狀態空間層：它不回頭看，而是保留一個大小固定的狀態；但它的輸出仍是前面各輸入的加權和。這張圖畫的就是這些權重，在各通道上取平均，每一列縮放成總和為 1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="200"/>
        <source>layer %1</source>
        <translation>第 %1 層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="202"/>
        <source>head %1</source>
        <translation>第 %1 個頭</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="243"/>
        <source>layer %1: implicit attention (a state-space layer)</source>
        <translation>第 %1 層：隱含注意力（狀態空間層）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="244"/>
        <location filename="../../app/appcore/views/attentionview.cpp" line="276"/>
        <location filename="../../app/cli/cmd_plot.cpp" line="283"/>
        <source>layer %1, head %2</source>
        <translation>第 %1 層，第 %2 個頭</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="154"/>
        <source>This model has no attention to show: train a model with attention (a Transformer).</source>
        <translation>這個模型沒有注意力可以顯示：請訓練一個有注意力的模型（Transformer）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="166"/>
        <source>Row i of a heatmap is where token i looks: its weights over every token of the text sum to 1. This model reads both ways, so there is no triangle: every token sees the whole text.</source>
        <translation>熱圖的第 i 列是第 i 個詞元注意的位置：它分給整段文字各詞元的權重加起來等於 1。這個模型雙向閱讀，所以沒有三角形：每個詞元都看得到整段文字。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="56"/>
        <source>Second sentence (pair)</source>
        <translation>第二個句子（句對）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="58"/>
        <source>Optional: a second sentence, read as [CLS] A [SEP] B [SEP]</source>
        <translation>可省略：第二個句子，讀成 [CLS] A [SEP] B [SEP]</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="59"/>
        <source>Outline the [CLS] row</source>
        <translation>框出 [CLS] 那一列</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="60"/>
        <source>[CLS] sits first; its vector after the last layer stands for the whole input in classification and sentence-pair tasks. Its row shows where it looks.</source>
        <translation>[CLS] 放在最前面；它在最後一層的向量在分類與句對任務中代表整個輸入。它那一列顯示它看向哪裡。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="64"/>
        <source>&lt;span style=&quot;color:#1f77b4&quot;&gt;■ segment A (type 0)&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#ff7f0e&quot;&gt;■ segment B (type 1)&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#e61e1e&quot;&gt;┃ [SEP] boundary&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#1f77b4&quot;&gt;■ 片段 A（類型 0）&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#ff7f0e&quot;&gt;■ 片段 B（類型 1）&lt;/span&gt; &amp;nbsp; &lt;span style=&quot;color:#e61e1e&quot;&gt;┃ [SEP] 分界&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="192"/>
        <source>The red lines fall after [SEP]: segment A (blue labels) above and left of them, segment B (orange) below and right. Where a block between the lines is bright, tokens look across the pair.</source>
        <translation>紅線畫在 [SEP] 之後：片段 A（藍色標籤）在紅線的上方與左方，片段 B（橘色）在下方與右方。紅線之間的區塊若明亮，表示詞元跨越句對彼此注意。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="275"/>
        <source>layer %1, implicit</source>
        <translation>第 %1 層，隱含</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/attentionview.cpp" line="343"/>
        <source>Train an encoder on the language-model tab, then trace a text or a pair of sentences through it.</source>
        <translation>先在「語言模型」分頁訓練一個編碼器，再用它追蹤一段文字或一對句子。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="48"/>
        <source>Training tokens per second</source>
        <translation>訓練時每秒處理的詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="49"/>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Parameters</source>
        <translation>參數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="50"/>
        <source>Held-out loss (lower is better; see the table for which)</source>
        <translation>保留資料的損失（越低越好；量的是什麼見表格）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="52"/>
        <source>Training memory, shortest window (MB)</source>
        <translation>訓練記憶體，最短視窗（MB）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="54"/>
        <source>Training memory, longest window (MB)</source>
        <translation>訓練記憶體，最長視窗（MB）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="56"/>
        <source>Generation memory, shortest context (MB)</source>
        <translation>生成記憶體，最短上下文（MB）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="58"/>
        <source>Generation memory, longest context (MB)</source>
        <translation>生成記憶體，最長上下文（MB）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="60"/>
        <source>Generation ms per token, longest context</source>
        <translation>生成每個詞元的毫秒數，最長上下文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="82"/>
        <source>next token</source>
        <translation>下一個詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="84"/>
        <source>masked words</source>
        <translation>遮住的詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="85"/>
        <source>translation</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="125"/>
        <source>Every family, one budget, one text</source>
        <translation>每個家族、同一個預算、同一份文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="132"/>
        <source>Open a text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="137"/>
        <source>Open a text</source>
        <translation>開啟文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="137"/>
        <source>Text (*.txt);;All files (*)</source>
        <translation>文字（*.txt）;;所有檔案（*）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="145"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="148"/>
        <source>Each family gets the width whose exact parameter count comes closest to this.</source>
        <translation>每個家族取參數數量最接近這個值的寬度。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="149"/>
        <source>Parameters per model</source>
        <translation>每個模型的參數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="151"/>
        <source>Training steps</source>
        <translation>訓練步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="153"/>
        <source>Layers</source>
        <translation>層數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="154"/>
        <source>Encoder–decoders learn English → Chinese pairs</source>
        <translation>編碼器–解碼器學英翻中句對</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="156"/>
        <source>T5 and BART train on the built-in translation pairs and are scored by chrF; off, they are left out.</source>
        <translation>T5 和 BART 用內建的翻譯句對訓練，以 chrF 評分；關掉時不比較它們。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="159"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="160"/>
        <source>Trains and measures every family (about a minute and a half on two cores at the defaults), or shows the cached comparison of this text and these options at once.</source>
        <translation>訓練並測量每個家族（預設值在兩核心上大約一分半鐘），若這份文字和這些選項已經比較過，就立刻顯示存下的結果。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="162"/>
        <source>Train again</source>
        <translation>重新訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="163"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="174"/>
        <source>Press Compare to train every family of the table on this text.</source>
        <translation>按「比較」，在這份文字上訓練表格裡的每個家族。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="177"/>
        <source>Each family learns what it is made for, so the quality column holds different things: next-token loss on held-out text for the models that write text, masked-word loss and accuracy for the encoders, chrF of held-out translations for the encoder–decoders. Speed and memory are measured the same way for all.</source>
        <translation>每個家族學的是它擅長的事，所以品質那幾欄量的東西不同：會寫文字的模型是保留文字上下一個詞元的損失，編碼器是遮住的詞的損失和準確率，編碼器–解碼器是保留句對翻譯的 chrF。速度和記憶體則對所有家族用同樣的方法量。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="184"/>
        <source>Export the table…</source>
        <translation>匯出表格…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="218"/>
        <source>One sentence through every model</source>
        <translation>一句話讀過每個模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="221"/>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="223"/>
        <source>The layer each map shows, counted from 0; a model with fewer layers shows its last.</source>
        <translation>每張圖顯示的層，從 0 數起；層數較少的模型顯示它的最後一層。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="225"/>
        <source>Read</source>
        <translation>讀</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="228"/>
        <source>Each map is one layer&apos;s view of the sentence, a row per token, on one colour scale from 0 to 1: a Transformer&apos;s attention (heads averaged), a state-space model&apos;s implicit attention (rows scaled to sum to 1), or for a recurrent network the cosine similarity of its hidden states (below 0 shown as 0). Under it, what the model predicts.</source>
        <translation>每張圖是某一層對這句話的看法，每個詞元一列，全部用同一個 0 到 1 的色階：Transformer 的注意力（各頭平均）、狀態空間模型的隱含注意力（每列調整成加起來是 1），或循環網路隱藏狀態之間的餘弦相似度（小於 0 顯示為 0）。圖下是模型的預測。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="305"/>
        <source>Starting…</source>
        <translation>開始…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="328"/>
        <source>%1 families, from the cache (Train again measures them anew).</source>
        <translation>%1 個家族，取自存下的結果（按「重新訓練」會重新測量）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="329"/>
        <source>%1 families trained and measured in %2 s.</source>
        <translation>%1 個家族訓練並測量完畢，用了 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Family</source>
        <translation>家族</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Learns</source>
        <translation>學什麼</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Held-out loss</source>
        <translation>保留資料損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="340"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="341"/>
        <source>Masked-word accuracy</source>
        <translation>遮詞準確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="341"/>
        <source>chrF</source>
        <translation>chrF</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="341"/>
        <source>Training tokens/s</source>
        <translation>訓練詞元/秒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="343"/>
        <source>Training MB, T = %1</source>
        <translation>訓練 MB，T = %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="345"/>
        <source>Generation MB, %1 tokens</source>
        <translation>生成 MB，%1 個詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="347"/>
        <source>ms/token, %1 tokens</source>
        <translation>毫秒/詞元，%1 個詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="402"/>
        <source>training tokens per second (log scale; right is faster)</source>
        <translation>訓練時每秒的詞元數（對數刻度；越右越快）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="403"/>
        <source>held-out loss (lower is better)</source>
        <translation>保留資料的損失（越低越好）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="432"/>
        <source>attention, layer %1 of %2</source>
        <translation>注意力，第 %1 層（共 %2 層）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="434"/>
        <source>implicit attention, layer %1 of %2</source>
        <translation>隱含注意力，第 %1 層（共 %2 層）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="436"/>
        <source>hidden-state similarity, layer %1 of %2</source>
        <translation>隱藏狀態相似度，第 %1 層（共 %2 層）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="438"/>
        <source>no map: it reads a fixed window of tokens</source>
        <translation>沒有圖：它讀的是固定長度的詞元視窗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="451"/>
        <source>Cannot read it: %1</source>
        <translation>讀不了：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="463"/>
        <source>Export the comparison</source>
        <translation>匯出比較結果</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/compareview.cpp" line="463"/>
        <source>zoo</source>
        <translation>zoo</translation>
    </message>
</context>
<context>
    <name>ConfusionPlot</name>
    <message>
        <location filename="../../app/appcore/plots/confusionplot.cpp" line="11"/>
        <source>gold</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/confusionplot.cpp" line="11"/>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/confusionplot.cpp" line="12"/>
        <source>examples</source>
        <translation>例子數</translation>
    </message>
</context>
<context>
    <name>ContextualPanel</name>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="48"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="49"/>
        <source>Sentences from the corpus</source>
        <translation>語料中的句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="50"/>
        <source>Open model file…</source>
        <translation>開啟模型檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="51"/>
        <source>Open Hugging Face folder…</source>
        <translation>開啟 Hugging Face 資料夾…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="56"/>
        <source>&lt;b&gt;Static or contextual?&lt;/b&gt; word2vec looks a word up in a table: one vector, whatever the sentence. An encoder reads the whole sentence first, so the same word gets a different vector in each sentence.</source>
        <translation>&lt;b&gt;靜態還是語境化？&lt;/b&gt;word2vec 從表中查出一個詞：不論在哪個句子，都是同一個向量。編碼器會先讀完整個句子，所以同一個詞在每個句子裡得到不同的向量。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="64"/>
        <source>One sentence a line, each holding the word</source>
        <translation>每行一句，每句都含有這個詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="66"/>
        <source>Word</source>
        <translation>詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="67"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="72"/>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="86"/>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="87"/>
        <source>cosine (encoder)</source>
        <translation>餘弦（編碼器）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="88"/>
        <source>Cosine between the word&apos;s encoder vectors in two sentences; word2vec would give 1 everywhere.</source>
        <translation>這個詞在兩個句子中的編碼器向量之間的餘弦；word2vec 在每一格都會是 1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="90"/>
        <source>Each model&apos;s vectors projected on their own (PCA): the encoder&apos;s vectors, one per sentence, spread out; word2vec&apos;s copies of its one vector fall on one point.</source>
        <translation>各模型的向量各自投影（PCA）：編碼器每句一個向量，彼此散開；word2vec 那一個向量的各份複本落在同一點。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="152"/>
        <source>none yet: pre-train one on the Sentence search tab, or open one here</source>
        <translation>還沒有：在「句子搜尋」分頁預訓練一個，或在這裡開啟一個</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="157"/>
        <source>A Hugging Face BERT or ALBERT folder</source>
        <translation>Hugging Face 的 BERT 或 ALBERT 資料夾</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="158"/>
        <source>An encoder checkpoint</source>
        <translation>編碼器檢查點</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="159"/>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation>safetensors (*.safetensors);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="163"/>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="173"/>
        <source>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;: train word vectors on the left to compare their one vector with the encoder&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;：先在左邊訓練詞向量，才能拿它的單一向量和編碼器的比較。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="181"/>
        <source>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;: “%1” is not in its vocabulary.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;word2vec&lt;/b&gt;：「%1」不在它的詞彙表中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="188"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (static): in every sentence “%2” looks up the same row of its table, (%3, …): cosine %4 between any two sentences, one point in the plot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（靜態）：在每個句子裡，「%2」都查到表中同一列 (%3, …)：任兩句之間的餘弦都是 %4，圖上只有一個點。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="198"/>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt; (contextual): none yet. Pre-train one on the Sentence search tab, or open one here, to see one vector per sentence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;（語境化）：還沒有。在「句子搜尋」分頁預訓練一個，或在這裡開啟一個，就能看到每句一個向量。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="212"/>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt;: reading the sentences…&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;：正在讀取句子…&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="230"/>
        <source>encoder: one vector per sentence</source>
        <translation>編碼器：每句一個向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="240"/>
        <source>word2vec · “%1” in all %2 sentences</source>
        <translation>word2vec · 「%1」在全部 %2 個句子中</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="241"/>
        <source>word2vec: one vector for every sentence</source>
        <translation>word2vec：所有句子共用一個向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="247"/>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt; (contextual, %1): one vector per sentence, read from the whole sentence. Cosines between the sentences run from %2 to %3 (the heatmap); the two PCA components keep %4 % of their spread.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;（語境化，%1）：每句一個向量，從整個句子讀出。句子之間的餘弦從 %2 到 %3（見熱圖）；兩個 PCA 主成分保留了 %4% 的變異。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/contextualpanel.cpp" line="252"/>
        <source>&lt;p&gt;Left out (no “%1” in them as the encoder&apos;s tokenizer reads them): %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;略過（依編碼器的分詞器來讀，其中沒有「%1」）：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ContextualWorker</name>
    <message>
        <location filename="../../app/appcore/workers/contextualworker.cpp" line="24"/>
        <source>There is no encoder yet.</source>
        <translation>還沒有編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/contextualworker.cpp" line="66"/>
        <source>The corpus has fewer than two sentences with “%1”.</source>
        <translation>語料中含「%1」的句子不到兩句。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/contextualworker.cpp" line="67"/>
        <source>Give at least two sentences that hold “%1”.</source>
        <translation>請至少提供兩個含「%1」的句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/contextualworker.cpp" line="102"/>
        <source>This model reads left to right (%1): a word&apos;s contextual vector needs an encoder, which reads both ways.</source>
        <translation>這個模型由左往右讀（%1）：詞的語境向量需要雙向閱讀的編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/contextualworker.cpp" line="108"/>
        <source>The model&apos;s tokenizer lacks [CLS], [SEP] or [MASK].</source>
        <translation>這個模型的分詞器缺少 [CLS]、[SEP] 或 [MASK]。</translation>
    </message>
</context>
<context>
    <name>Corpora</name>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="13"/>
        <source>Built-in: English (families, capitals, plurals)</source>
        <translation>內建：英文（家族、首都、複數）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="15"/>
        <source>Built-in: Traditional Chinese (家族、首都、量詞)</source>
        <translation>內建：繁體中文（家族、首都、量詞）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="19"/>
        <source>Built-in: English and Traditional Chinese (for translation models)</source>
        <translation>內建：英文與繁體中文（給翻譯模型）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="22"/>
        <source>Built-in: English short documents (for encoders)</source>
        <translation>內建：英文短文件（給編碼器用）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="25"/>
        <source>Built-in: Traditional Chinese short documents (for encoders)</source>
        <translation>內建：繁體中文短文件（給編碼器用）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="29"/>
        <source>Built-in: English task sentences (sentiment, intent; no labels)</source>
        <translation>內建：英文任務句子（情感、意圖；不含標籤）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="32"/>
        <source>Built-in: Traditional Chinese task sentences (sentiment, intent; no labels)</source>
        <translation>內建：繁體中文任務句子（情感、意圖；不含標籤）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="36"/>
        <source>Built-in: English news passages (for summarisation models)</source>
        <translation>內建：英文新聞短文（供摘要模型使用）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="39"/>
        <source>Built-in: Traditional Chinese news passages (for summarisation models)</source>
        <translation>內建：繁體中文新聞短文（供摘要模型使用）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="144"/>
        <source>Translate English → Chinese</source>
        <translation>翻譯：英文 → 中文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="145"/>
        <source>Translate Chinese → English</source>
        <translation>翻譯：中文 → 英文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="146"/>
        <source>Summarise English passages</source>
        <translation>摘要英文短文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/base/corpora.cpp" line="148"/>
        <source>Summarise Chinese passages</source>
        <translation>摘要中文短文</translation>
    </message>
</context>
<context>
    <name>EmbeddingPlot</name>
    <message>
        <location filename="../../app/appcore/plots/embeddingplot.cpp" line="19"/>
        <location filename="../../app/appcore/plots/embeddingplot.cpp" line="122"/>
        <source>component 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/embeddingplot.cpp" line="20"/>
        <location filename="../../app/appcore/plots/embeddingplot.cpp" line="123"/>
        <source>component 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/embeddingplot.cpp" line="122"/>
        <source>turned view (drag to rotate)</source>
        <translation>轉動後的視圖（拖曳以旋轉）</translation>
    </message>
</context>
<context>
    <name>EmbeddingView</name>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="73"/>
        <source>%1 % · epoch %2 · %3 words/s · loss %4</source>
        <translation>%1% · 第 %2 輪 · %3 詞/秒 · 損失 %4</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="89"/>
        <source>t-SNE iteration %1</source>
        <translation>t-SNE 第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="118"/>
        <source>Train word vectors</source>
        <translation>訓練詞向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="123"/>
        <source>Open text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="125"/>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="129"/>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="136"/>
        <source>Skip-gram (word2vec)</source>
        <translation>跳字模型（Skip-gram，word2vec）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="137"/>
        <source>CBOW (word2vec)</source>
        <translation>連續詞袋（CBOW，word2vec）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="138"/>
        <source>GloVe</source>
        <translation>GloVe</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="139"/>
        <source>fastText (subwords)</source>
        <translation>fastText（子詞）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="141"/>
        <source>Words (split at spaces)</source>
        <translation>詞（以空格切分）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="142"/>
        <source>Characters (for Chinese)</source>
        <translation>字元（適用於中文）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="155"/>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="157"/>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="216"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="158"/>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="159"/>
        <source>Vector size</source>
        <translation>向量維度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="160"/>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="161"/>
        <source>Epochs</source>
        <translation>訓練輪數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="162"/>
        <source>Minimum count</source>
        <translation>最低次數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="163"/>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="165"/>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="166"/>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="225"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="170"/>
        <source>Train a method to see its words.</source>
        <translation>選一種方法開始訓練，就能看到它學出的詞。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="177"/>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="180"/>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="181"/>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="183"/>
        <source>2-D</source>
        <translation>二維</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="184"/>
        <source>3-D (drag to turn)</source>
        <translation>三維（拖曳以旋轉）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="192"/>
        <source>No colours</source>
        <translation>不上色</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="193"/>
        <source>Built-in groups (English)</source>
        <translation>內建群組（英文）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="194"/>
        <source>Groups from a file…</source>
        <translation>從檔案載入群組…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="198"/>
        <source>Word groups (word&lt;TAB&gt;group per line)</source>
        <translation>詞的群組（每行一筆：詞&lt;TAB&gt;群組）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="203"/>
        <source>Word groups</source>
        <translation>詞的群組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="204"/>
        <source>%1 is larger than the 16 MB a list of word groups may have.</source>
        <translation>%1 超過詞群組清單上限 16 MB。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="212"/>
        <source>Find a word…</source>
        <translation>搜尋詞…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="217"/>
        <source>Dimensions</source>
        <translation>維度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="218"/>
        <source>Words shown</source>
        <translation>顯示詞數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="219"/>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="220"/>
        <source>Iterations</source>
        <translation>迭代次數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="221"/>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="222"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="224"/>
        <source>Project</source>
        <translation>投影</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="246"/>
        <source>Nearest neighbours</source>
        <translation>最近鄰</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="248"/>
        <source>Click a word in the plot.</source>
        <translation>請在圖上點選一個詞。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="257"/>
        <source>Analogy: a is to b as c is to ?</source>
        <translation>類比：a 之於 b，如同 c 之於？</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="265"/>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="270"/>
        <source>The answer is the word nearest to b − a + c. The arrows show the two offsets a→b and c→answer: when they are parallel, the relation is a direction in the space.</source>
        <translation>答案是最接近 b − a + c 的詞。圖中的箭頭畫出兩段差向量：a→b 與 c→答案；當兩個箭頭互相平行時，就表示這種關係對應到向量空間中的一個方向。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="323"/>
        <source>Reading the corpus…</source>
        <translation>正在讀取語料…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="370"/>
        <source>%1: %2 words × %3 in %4 s</source>
        <translation>%1：%2 個詞 × %3 維，耗時 %4 秒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="403"/>
        <source>PCA keeps %1 % of the variance in %2 components</source>
        <translation>PCA 用 %2 個主成分保留了 %1% 的變異量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="407"/>
        <source>t-SNE done.</source>
        <translation>t-SNE 完成。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="455"/>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="496"/>
        <source>“%1” is not in the vocabulary.</source>
        <translation>「%1」不在詞彙表中。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="460"/>
        <source>Nearest to “%1” (cosine):</source>
        <translation>最接近「%1」的詞（依餘弦相似度）：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="461"/>
        <source>“%1” was never seen; fastText builds its vector from its character n-grams. Nearest (cosine):</source>
        <translation>訓練時從未出現過「%1」；fastText 會用它的字元 n-gram 組出它的向量。最接近的詞（依餘弦相似度）：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="512"/>
        <source>(Some of these words are not among the words shown; show more words to see the arrows.)</source>
        <translation>（其中有些詞不在目前顯示的詞裡；請增加「顯示詞數」，才能看到箭頭。）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="387"/>
        <source>%1 (from the lesson): %2 words × %3</source>
        <translation>%1（課程訓練的）：%2 個詞 × %3 維</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="59"/>
        <source>Word map</source>
        <translation>詞向量地圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/embeddingview.cpp" line="61"/>
        <source>Same word, different sentences</source>
        <translation>同一個詞，不同句子</translation>
    </message>
</context>
<context>
    <name>EmbeddingWorker</name>
    <message>
        <location filename="../../app/appcore/workers/embeddingworker.cpp" line="110"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/embeddingworker.cpp" line="121"/>
        <source>Train some word vectors first.</source>
        <translation>請先訓練詞向量。</translation>
    </message>
</context>
<context>
    <name>EncodersView</name>
    <message>
        <location filename="../../app/appcore/views/encodersview.cpp" line="17"/>
        <source>Pre-training</source>
        <translation>預訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/encodersview.cpp" line="18"/>
        <source>Fine-tuning</source>
        <translation>微調</translation>
    </message>
</context>
<context>
    <name>FinetunePage</name>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="39"/>
        <source>Pre-trained encoder</source>
        <translation>預訓練好的編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="43"/>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="44"/>
        <source>Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json).</source>
        <translation>本程式的 .safetensors，或 Hugging Face 的 BERT、ALBERT 資料夾（選它的 config.json）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="45"/>
        <source>Pre-train on the task sentences</source>
        <translation>用任務句子預訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="57"/>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="72"/>
        <source>Task</source>
        <translation>任務</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="61"/>
        <source>Sentiment (positive / negative)</source>
        <translation>情感（正面／負面）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="62"/>
        <source>Intent (seven assistant requests)</source>
        <translation>意圖（七種助理請求）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="63"/>
        <source>Named entities (PER, LOC, ORG, DATE)</source>
        <translation>命名實體（PER、LOC、ORG、DATE）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="64"/>
        <source>Your TSV…</source>
        <translation>你的 TSV…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="73"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="76"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="88"/>
        <source>Also from scratch, for comparison</source>
        <translation>同時從頭訓練一次，以便比較</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="90"/>
        <source>The same model and training, but every weight starts at random: what pre-training bought.</source>
        <translation>同樣的模型與訓練，但所有權重都從隨機開始：看出預訓練帶來了什麼。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="91"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="92"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="93"/>
        <source>Tokens per row</source>
        <translation>每列詞元數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="94"/>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="97"/>
        <source>Fine-tune</source>
        <translation>微調</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="121"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="121"/>
        <source>training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="121"/>
        <source>test accuracy / F1</source>
        <translation>測試準確率／F1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="135"/>
        <source>fine-tuned from the pre-trained encoder</source>
        <translation>從預訓練編碼器微調</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="136"/>
        <source>trained from scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="138"/>
        <source>Results of the model</source>
        <translation>模型的結果：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="187"/>
        <source>Opened %1.</source>
        <translation>已開啟 %1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="189"/>
        <source>Pre-train an encoder first, or open one.</source>
        <translation>請先預訓練一個編碼器，或開啟一個。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="206"/>
        <source>None yet: pre-train one on the Pre-training page and press “Use this encoder for fine-tuning”, or open a model.</source>
        <translation>還沒有：在「預訓練」頁預訓練一個，再按「用這個編碼器來微調」，或開啟一個模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="211"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 layers, width %3, vocabulary %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 層，寬度 %3，詞彙量 %4</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="293"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="293"/>
        <source>accuracy</source>
        <translation>準確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="294"/>
        <source>#%1 </source>
        <translation>#%1 </translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="302"/>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="390"/>
        <source>pre-trained</source>
        <translation>預訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="302"/>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="390"/>
        <source>from scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="303"/>
        <source>%1: loss (smoothed)</source>
        <translation>%1：損失（平滑）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="304"/>
        <source>%1: test %2</source>
        <translation>%1：測試%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="275"/>
        <source>Reading the task…</source>
        <translation>正在讀取任務…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="48"/>
        <source>Masked-word pre-training of a BERT of width 128 with 4 layers on the built-in sentiment and intent training sentences of the chosen language, without their labels (about three minutes), then 600 fine-tuning steps at a learning rate of 0.0005. An encoder that has read the words of the task gains the most from it; a smaller one, or one pre-trained on other text, may not beat training from scratch.</source>
        <translation>在所選語言的內建情感與意圖訓練句子上（不看標籤），用遮罩詞預訓練一個寬 128、四層的 BERT（大約三分鐘），接著以學習率 0.0005 微調 600 步。讀過這個任務用詞的編碼器得益最多；更小的編碼器，或在別的文字上預訓練的，可能贏不過從零開始訓練。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="332"/>
        <source>Open labelled data</source>
        <translation>開啟標註資料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="333"/>
        <source>Tab-separated files (*.tsv *.txt);;All files (*)</source>
        <translation>Tab 分隔檔案 (*.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="340"/>
        <source>Your TSV: %1</source>
        <translation>你的 TSV：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="345"/>
        <source>Open an encoder</source>
        <translation>開啟編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="346"/>
        <source>Encoders (*.safetensors config.json);;All files (*)</source>
        <translation>編碼器 (*.safetensors config.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="358"/>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="372"/>
        <source>%1
%2: step %3 of %4 · loss %5</source>
        <translation>%1
%2：第 %3 / %4 步 · 損失 %5</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="373"/>
        <source>From the pre-trained encoder</source>
        <translation>從預訓練編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="374"/>
        <source>From scratch</source>
        <translation>從頭訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="389"/>
        <source>%1 %2 %</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="392"/>
        <source>Test entity F1</source>
        <translation>測試實體 F1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="392"/>
        <source>Test accuracy</source>
        <translation>測試準確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="393"/>
        <source>%1 on %2: %3</source>
        <translation>%1（%2 筆）：%3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="404"/>
        <source>Done. %1</source>
        <translation>完成。%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetunepage.cpp" line="406"/>
        <source>Stopped. %1</source>
        <translation>已停止。%1</translation>
    </message>
</context>
<context>
    <name>FinetuneResults</name>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="60"/>
        <source>Entity type</source>
        <translation>實體類型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="60"/>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="67"/>
        <source>Precision</source>
        <translation>精確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="60"/>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="67"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="60"/>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="67"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="60"/>
        <source>Gold entities</source>
        <translation>正確實體數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="67"/>
        <source>Class</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="67"/>
        <source>Examples</source>
        <translation>例子數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="68"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="68"/>
        <source>Gold</source>
        <translation>正確答案</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="68"/>
        <source>Predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="68"/>
        <source>Confidence</source>
        <translation>信心</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="73"/>
        <source>Wrong examples, most confident first</source>
        <translation>答錯的例子（最有信心的在前）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="76"/>
        <source>Per class</source>
        <translation>各類別</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="182"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/finetuneresults.cpp" line="201"/>
        <source>The model: %1; the data: %2</source>
        <translation>模型：%1；資料：%2</translation>
    </message>
</context>
<context>
    <name>FinetuneWorker</name>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="112"/>
        <source>No encoder to fine-tune: pre-train one or open a model first.</source>
        <translation>沒有可微調的編碼器：請先預訓練一個或開啟模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="130"/>
        <source>%1 training and %2 test %3, %4 labels</source>
        <translation>訓練 %1、測試 %2 個%3，%4 個標籤</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="132"/>
        <source>sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="132"/>
        <source>examples</source>
        <translation>例子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="172"/>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="227"/>
        <source>No fine-tuned model yet.</source>
        <translation>還沒有微調好的模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/finetuneworker.cpp" line="266"/>
        <source>This model was not fine-tuned for a task: it has no classifier to explain.</source>
        <translation>這個模型沒有為任何任務微調過：沒有分類器可以解釋。</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="54"/>
        <source>Series</source>
        <translation>時間序列</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="57"/>
        <source>Generated</source>
        <translation>自動產生</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="58"/>
        <source>CSV file</source>
        <translation>CSV 檔案</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="64"/>
        <source>Open CSV…</source>
        <translation>開啟 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="65"/>
        <source>No file</source>
        <translation>尚未選擇檔案</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="68"/>
        <source>A header name, or a 0-based column number</source>
        <translation>標題列中的欄位名稱，或從 0 起算的欄號</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="69"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="70"/>
        <source>Length</source>
        <translation>長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="71"/>
        <source>Trend per step</source>
        <translation>每步趨勢</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="72"/>
        <source>Season (steps)</source>
        <translation>季節週期（步）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="73"/>
        <source>Noise σ</source>
        <translation>雜訊 σ</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="74"/>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="76"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="77"/>
        <source>Column</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="82"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="87"/>
        <source>How many values the network reads before each prediction</source>
        <translation>每次預測之前，網路要讀入幾個值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="91"/>
        <source>How many values the network continues on its own, each fed back as input</source>
        <translation>網路要自己往後延續預測幾個值；每個預測值都會再餵回去當作輸入</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="92"/>
        <source>Cell</source>
        <translation>單元類型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="93"/>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="94"/>
        <source>Window</source>
        <translation>視窗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="95"/>
        <source>Training steps</source>
        <translation>訓練步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="96"/>
        <source>Horizon</source>
        <translation>預測長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="98"/>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="99"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="115"/>
        <source>Train the forecaster to see its predictions.</source>
        <translation>訓練預測模型之後，就能看到它的預測。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="118"/>
        <source>The network reads a window of past values and predicts the next one. The last fifth of the series is held out: the one-step forecast there always reads the true values before it, while the continuation (dashed) starts at the same place and feeds its own predictions back in, so its errors add up. The baseline repeats the last value; a model worth having beats it.</source>
        <translation>網路會讀取一個視窗內的過去數值，預測下一個值。序列的最後五分之一保留下來做測試：在這一段裡，單步預測每次都會先讀入前面的實際值；延續預測（虛線）則從同一個位置出發，把自己的預測值再餵回去當作輸入，所以誤差會一路累積。基準只是重複最後一個值；值得採用的模型必須勝過它。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="124"/>
        <source>time step</source>
        <translation>時間步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="124"/>
        <source>value</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="127"/>
        <source>Show the whole series</source>
        <translation>顯示整個序列</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="212"/>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="218"/>
        <source>Open a series</source>
        <translation>開啟時間序列</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="212"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="233"/>
        <source>Open a CSV file first.</source>
        <translation>請先開啟 CSV 檔案。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="237"/>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="275"/>
        <source>truth</source>
        <translation>實際值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="279"/>
        <source>one-step forecast</source>
        <translation>單步預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="283"/>
        <source>continuation</source>
        <translation>延續預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="284"/>
        <source>held-out part</source>
        <translation>保留測試段</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="289"/>
        <source>Test RMSE %1 against %2 for the naive forecast (repeat the last value): %3 % %4. Train RMSE %5 (naive %6).</source>
        <translation>測試 RMSE 為 %1，比單純預測（直接重複最後一個值）的 %2 %4了 %3%。訓練 RMSE 為 %5（單純預測：%6）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="292"/>
        <source>lower</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="292"/>
        <source>higher</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="293"/>
        <source>Continuation over the first %1 held-out values: RMSE %2 (a flat line: %3).</source>
        <translation>延續預測在保留測試的前 %1 個值上，RMSE 為 %2（一條水平線則為 %3）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="296"/>
        <source>Stopped after %1 steps.</source>
        <translation>執行 %1 步後已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/forecastpage.cpp" line="297"/>
        <source>%1 steps in %2 s; loss %3 → %4.</source>
        <translation>共 %1 步，耗時 %2 秒；損失 %3 → %4。</translation>
    </message>
</context>
<context>
    <name>ForecastPlot</name>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="355"/>
        <source>truth</source>
        <translation>實際值</translation>
    </message>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="362"/>
        <source>one step ahead</source>
        <translation>單步預測</translation>
    </message>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="369"/>
        <source>continuation</source>
        <translation>延續預測</translation>
    </message>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="370"/>
        <source>held out</source>
        <translation>保留測試</translation>
    </message>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="371"/>
        <source>time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../app/cli/cmd_plot.cpp" line="371"/>
        <source>value</source>
        <translation>數值</translation>
    </message>
</context>
<context>
    <name>HeadStepView</name>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="48"/>
        <location filename="../../app/appcore/views/headstepview.cpp" line="298"/>
        <source>query</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="48"/>
        <location filename="../../app/appcore/views/headstepview.cpp" line="298"/>
        <source>key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="49"/>
        <source>recorded</source>
        <translation>模型記錄的值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="54"/>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="55"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="60"/>
        <source>The query token the dictionary panel follows</source>
        <translation>字典說明面板所跟隨的查詢詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="74"/>
        <source>Query token:</source>
        <translation>查詢詞元：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="242"/>
        <source>Q: the queries</source>
        <translation>Q：查詢</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="242"/>
        <source>K: the keys</source>
        <translation>K：鍵</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="242"/>
        <source>V: the values</source>
        <translation>V：值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="243"/>
        <source>QKᵀ: the scores</source>
        <translation>QKᵀ：分數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="244"/>
        <source>Mask: no peeking</source>
        <translation>遮罩：不准偷看</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="244"/>
        <source>Softmax: the attention weights</source>
        <translation>Softmax：注意力權重</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="245"/>
        <source>× V: the head&apos;s output</source>
        <translation>× V：這個注意力頭的輸出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="247"/>
        <source>Step %1 of %2 — %3</source>
        <translation>第 %1 步（共 %2 步）— %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="254"/>
        <source>Each row is one token&apos;s query vector (%1 numbers): what this token is looking for in the tokens before it.</source>
        <translation>每一列是一個詞元的查詢向量（%1 個數）：這個詞元想在它前面的詞元裡找什麼。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="257"/>
        <source>Each row is one token&apos;s key vector: what this token offers to the queries that look for something.</source>
        <translation>每一列是一個詞元的鍵向量：這個詞元能提供給正在尋找的查詢些什麼。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="260"/>
        <source>Each row is one token&apos;s value vector: what this token hands over when a query picks it.</source>
        <translation>每一列是一個詞元的值向量：當查詢選中它時，它交出去的內容。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="262"/>
        <source>Row i, column j is the dot product qᵢ·kⱼ: how well query i matches key j. Large means a good match.</source>
        <translation>第 i 列、第 j 欄是內積 qᵢ·kⱼ：查詢 i 和鍵 j 有多相配。數值越大越相配。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="243"/>
        <source>÷ √d: scaled scores</source>
        <translation>÷ √d：縮放後的分數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="265"/>
        <source>The scores times %1 (1/√d with d = %2): without it the scores grow with d and the softmax would be too sharp, putting nearly all weight on one key.</source>
        <translation>分數乘上 %1（1/√d，d = %2）：不這樣做的話，分數會隨 d 變大，softmax 會變得太尖銳，幾乎把所有權重都放在同一個鍵上。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="270"/>
        <source>The future is set to −∞ (grey cells): a token may only look at itself and the tokens before it, since when generating, the next tokens do not exist yet.</source>
        <translation>未來的位置被設為 −∞（灰色格子）：每個詞元只能看自己和它前面的詞元，因為生成文字時，後面的詞元根本還不存在。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="272"/>
        <source>This attention has no causal mask: every query may see every key.</source>
        <translation>這個注意力沒有因果遮罩：每個查詢都能看到所有的鍵。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="274"/>
        <source>Softmax turns each row into weights between 0 and 1 that sum to 1 (−∞ becomes 0): the attention weights. Computed here from Q and K; right: what the model recorded.</source>
        <translation>Softmax 把每一列變成介於 0 和 1 之間、總和為 1 的權重（−∞ 變成 0）：這就是注意力權重。這裡是由 Q 和 K 算出來的；右邊是模型記錄下來的。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="277"/>
        <source>Each output row is the weighted mix of the value rows, with the row&apos;s attention weights: the head&apos;s output for that token (%1 numbers).</source>
        <translation>每一列輸出都是各個值向量依該列注意力權重的加權混合：也就是這個注意力頭對該詞元的輸出（%1 個數）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="285"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="291"/>
        <source>This trace has no inputs for this head (only transformers traced by this version record them).</source>
        <translation>這份追蹤沒有這個注意力頭的輸入（只有用這個版本追蹤的 Transformer 才會記錄）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="293"/>
        <source>Trace a transformer to step through one of its heads.</source>
        <translation>先追蹤一個 Transformer，才能逐步拆解它的某個注意力頭。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="298"/>
        <source>dimension</source>
        <translation>維度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="328"/>
        <source>masked</source>
        <translation>已遮罩</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="333"/>
        <source>computed</source>
        <translation>計算值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="338"/>
        <source>Largest difference from the recorded attention: %1 (float rounding).</source>
        <translation>與模型記錄的注意力最大相差：%1（浮點數捨入誤差）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="341"/>
        <source>The trace has no recorded attention for this head to compare with.</source>
        <translation>這份追蹤沒有這個注意力頭的注意力記錄可供比對。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="346"/>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="356"/>
        <source>&lt;p&gt;&lt;b&gt;A dictionary lookup&lt;/b&gt;&lt;br&gt;In Python, &lt;tt&gt;d[key]&lt;/tt&gt; needs a key that matches exactly; then exactly one value comes back, and no match is an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Attention: a soft lookup&lt;/b&gt;&lt;br&gt;The query is compared with every key, and every key matches a little (the score). The softmax turns the scores into weights that sum to 1, and the answer is a mix of &lt;i&gt;all&lt;/i&gt; the values, each weighed by its key&apos;s weight.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;字典查詢&lt;/b&gt;&lt;br&gt;在 Python 裡，&lt;tt&gt;d[key]&lt;/tt&gt; 需要一個完全相符的鍵；找到時只會傳回一個值，找不到就是錯誤。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意力：柔性查詢&lt;/b&gt;&lt;br&gt;查詢會和每一個鍵比對，而每個鍵都多少相配一點（分數）。softmax 把分數變成總和為 1 的權重，答案則是&lt;i&gt;所有&lt;/i&gt;值的混合，每個值依它的鍵所得的權重加權。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="376"/>
        <source>&lt;tr&gt;&lt;td&gt;%1. “%2” (#%3)&lt;/td&gt;&lt;td align=&quot;right&quot;&gt;&amp;nbsp;%4&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;%1.「%2」(#%3)&lt;/td&gt;&lt;td align=&quot;right&quot;&gt;&amp;nbsp;%4&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="382"/>
        <source>&lt;p&gt;&lt;b&gt;Example&lt;/b&gt;&lt;br&gt;The query “%1” (#%2) finds these keys best:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;例子&lt;/b&gt;&lt;br&gt;查詢「%1」(#%2) 最相配的鍵是：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/headstepview.cpp" line="386"/>
        <source>&lt;p&gt;Its output is these weights times their tokens&apos; values, plus %1 of weight spread over the other keys. A dictionary would have returned one value only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;它的輸出就是這些權重乘上對應詞元的值，另外還有 %1 的權重分散在其他鍵上。字典則只會傳回一個值。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HeatmapPlot</name>
    <message>
        <location filename="../../app/appcore/plots/heatmapplot.cpp" line="314"/>
        <source>%1, %2: %3</source>
        <extracomment>Heatmap hover readout: %1 row label, %2 column label, %3 value.</extracomment>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>ImplicitComparePage</name>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="32"/>
        <source>Train and compare</source>
        <translation>訓練並比較</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="33"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="39"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="41"/>
        <source>Steps per model</source>
        <translation>每個模型的步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="44"/>
        <source>Each model trains this many steps (width 64, two layers, characters as tokens) on the language-model tab&apos;s corpus before the text is traced through it.</source>
        <translation>每個模型先在「語言模型」分頁選的語料上訓練這麼多步（寬度 64、兩層、以字元為詞元），再讓這段文字通過它。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="49"/>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="56"/>
        <source>A Transformer looks back by attention: each token weighs the tokens before it. %1 keep a fixed-size state instead, yet each output is still a weighted sum of the inputs before it, with weights that fade with distance at a learned rate. Each map shows those weights for one layer (a row per token, summing to 1; the Transformer&apos;s heads averaged, the state-space models&apos; channels averaged), all on one colour scale.</source>
        <translation>Transformer 靠注意力回頭看：每個詞元替前面的詞元分配權重。%1 則保留一個大小固定的狀態；但每個輸出仍是前面各輸入的加權和，權重隨距離以學來的速率衰減。每張圖畫出某一層的這些權重（每個詞元一列，總和為 1；Transformer 取各注意力頭的平均，狀態空間模型取各通道的平均），全部用同一個色階。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="83"/>
        <source>output token</source>
        <translation>輸出詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="83"/>
        <source>input token</source>
        <translation>輸入詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="85"/>
        <source>not trained yet</source>
        <translation>尚未訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="111"/>
        <source>Training %1: step %2 of %3</source>
        <translation>正在訓練 %1：第 %2 / %3 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="121"/>
        <source>layer %1</source>
        <translation>第 %1 層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="130"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="130"/>
        <source>Done: the same text through every model.</source>
        <translation>完成：同一段文字通過了每個模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="165"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="169"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="213"/>
        <source>no layer %1</source>
        <translation>沒有第 %1 層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="217"/>
        <source>implicit weight</source>
        <translation>隱含權重</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="217"/>
        <source>attention weight</source>
        <translation>注意力權重</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="220"/>
        <source>%1 · training loss %2 · looks back %3 tokens on average</source>
        <translation>%1 · 訓練損失 %2 · 平均回看 %3 個詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="221"/>
        <source>implicit attention</source>
        <translation>隱含注意力</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/implicitcomparepage.cpp" line="221"/>
        <source>attention, heads averaged</source>
        <translation>注意力，各頭平均</translation>
    </message>
</context>
<context>
    <name>ImplicitCompareWorker</name>
    <message>
        <location filename="../../app/appcore/workers/implicitcompareworker.cpp" line="68"/>
        <source>The text gives fewer than two tokens.</source>
        <translation>這段文字切出的詞元少於兩個。</translation>
    </message>
</context>
<context>
    <name>LanguageModelPage</name>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="39"/>
        <source>step %v / %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="58"/>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="62"/>
        <source>The model writes: %1</source>
        <translation>模型寫出：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="70"/>
        <source>Corpus and model</source>
        <translation>語料與模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="79"/>
        <source>Open text file…</source>
        <translation>開啟文字檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="82"/>
        <source>Characters</source>
        <translation>字元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="83"/>
        <source>Words</source>
        <translation>詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="84"/>
        <source>Bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="85"/>
        <source>Byte-level BPE (512 tokens)</source>
        <translation>位元組層級 BPE（512 個詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="86"/>
        <source>WordPiece, as BERT (2000 tokens)</source>
        <translation>WordPiece，同 BERT（2000 個詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="87"/>
        <source>Unigram, as SentencePiece (2000 tokens)</source>
        <translation>Unigram，同 SentencePiece（2000 個詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="89"/>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="91"/>
        <source>Tokens</source>
        <translation>詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="106"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="124"/>
        <source>off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="125"/>
        <source>Largest allowed gradient norm; bigger gradients are scaled down. 0 turns clipping off.</source>
        <translation>允許的最大梯度範數；超過的梯度會被等比例縮小。設為 0 即關閉梯度裁剪。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="126"/>
        <source>Read in order, carry the state (truncated BPTT)</source>
        <translation>依序讀取並延續隱藏狀態（截斷式沿時間反向傳播，truncated BPTT）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="128"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="129"/>
        <source>Window length</source>
        <translation>視窗長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="130"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="131"/>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="132"/>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="133"/>
        <source>Threads</source>
        <translation>執行緒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="134"/>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="138"/>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="273"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="139"/>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="140"/>
        <source>Step</source>
        <translation>單步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="141"/>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="151"/>
        <source>Prompt, e.g. %1</source>
        <translation>提示詞，例如 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="152"/>
        <source>Let it write</source>
        <translation>讓它寫寫看</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="169"/>
        <source>Log</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="257"/>
        <source>Reset: the next Start builds a fresh model.</source>
        <translation>已重設：下次按「開始」時會建立全新的模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="273"/>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="284"/>
        <source>Preparing the corpus and the model…</source>
        <translation>正在準備語料與模型…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="285"/>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="286"/>
        <source>Paused. Step, resume, or let the model write.</source>
        <translation>已暫停。可以單步執行、繼續訓練，或讓模型寫寫看。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="287"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="310"/>
        <source>step %1  loss %2  grad norm %3  lr %4</source>
        <translation>第 %1 步  損失 %2  梯度範數 %3  學習率 %4</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="322"/>
        <source>%1 tokens/s</source>
        <translation>%1 詞元/秒</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="323"/>
        <source>tensors %1 (peak %2)</source>
        <translation>張量 %1（峰值 %2）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="331"/>
        <source>Finished %1 steps; final loss %2.</source>
        <translation>已完成 %1 步；最終損失 %2。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="335"/>
        <source>An encoder reads whole sentences and writes no text: trace one on the Attention tab, or search sentences with it on the Sentence search tab.</source>
        <translation>編碼器讀整個句子，不會寫出文字：可以在「注意力」分頁追蹤它，或在「句子搜尋」分頁用它搜尋句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/languagemodelpage.cpp" line="339"/>
        <source>Cancelled at step %1.</source>
        <translation>已在第 %1 步取消。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="82"/>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="229"/>
        <source>Do this step</source>
        <translation>做這一步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="82"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="83"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="83"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="85"/>
        <source>Answer</source>
        <translation>作答</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="105"/>
        <source>Choose a lesson…</source>
        <translation>選一堂課…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="123"/>
        <source>What this step&apos;s checks found in the app</source>
        <translation>這一步的檢查在程式裡實際看到的結果</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="147"/>
        <source>choosing the text</source>
        <translation>選擇文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="147"/>
        <source>building the model</source>
        <translation>建立模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="148"/>
        <source>training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="148"/>
        <source>writing text</source>
        <translation>產生文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="149"/>
        <source>tracing the text</source>
        <translation>追蹤文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="149"/>
        <source>training word vectors</source>
        <translation>訓練詞向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="150"/>
        <source>training the forecaster</source>
        <translation>訓練預測模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="150"/>
        <source>training the tagger</source>
        <translation>訓練標註器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="151"/>
        <source>probing the gradients</source>
        <translation>量測梯度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="151"/>
        <source>measuring memory</source>
        <translation>測量記憶體</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="153"/>
        <source>Working: %1…</source>
        <translation>進行中：%1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="153"/>
        <source>arranging the views</source>
        <translation>調整視圖</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="220"/>
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n 堂課</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="221"/>
        <source>Each lesson walks through one idea step by step. A step does something in the app (trains a model, opens a view, picks a head) and checks that what it wants to show is really there.</source>
        <translation>每一堂課一步一步帶你走過一個概念。每一步都會在程式裡實際動手（訓練模型、打開視圖、挑一個注意力頭），並檢查它想讓你看到的現象真的出現了。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="227"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="229"/>
        <source>Nothing to do here: read on</source>
        <translation>這一步只要閱讀</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="262"/>
        <source>First doing steps %1–%2, which this one builds on…</source>
        <translation>先完成這一步所依賴的第 %1–%2 步…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="285"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="286"/>
        <source>This step could not run: %1</source>
        <translation>這一步無法執行：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="298"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="299"/>
        <source>Done: every check holds.</source>
        <translation>完成：每項檢查都成立。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="299"/>
        <source>Done, but a check did not hold.</source>
        <translation>完成，但有一項檢查不成立。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="325"/>
        <source>Open a lesson first.</source>
        <translation>請先開啟一課。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="336"/>
        <source>Choose an answer first.</source>
        <translation>請先選一個答案。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="340"/>
        <source>Right.</source>
        <translation>答對了。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/lessons/lessonpanel.cpp" line="340"/>
        <source>Not quite.</source>
        <translation>不太對。</translation>
    </message>
</context>
<context>
    <name>LessonPresenter</name>
    <message>
        <location filename="../../app/appcore/window/lessonpresenter.cpp" line="82"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/lessonpresenter.cpp" line="304"/>
        <source>pre-trained in a lesson (%1)</source>
        <translation>在課程中預訓練（%1）</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../app/appcore/plots/lossplot.cpp" line="14"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/lossplot.cpp" line="15"/>
        <location filename="../../app/appcore/plots/lossplot.cpp" line="96"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/lossplot.cpp" line="184"/>
        <source>smoothed (EMA %1)</source>
        <translation>平滑（EMA %1）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="77"/>
        <source>LMScope — a lab for language models</source>
        <translation>LMScope — 語言模型實驗室</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="79"/>
        <source>Language model</source>
        <translation>語言模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="80"/>
        <source>Word vectors</source>
        <translation>詞向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="81"/>
        <source>Recurrent networks</source>
        <translation>循環神經網路</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="82"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="85"/>
        <source>Translation</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="86"/>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="87"/>
        <source>Experts</source>
        <translation>專家</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="88"/>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="91"/>
        <source>Tagging</source>
        <translation>詞性標注</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="94"/>
        <source>Forecasting</source>
        <translation>時間序列預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="102"/>
        <source>Ready. Choose a corpus and a model, then press Start.</source>
        <translation>準備就緒。請選擇語料和模型，然後按下「開始」。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="153"/>
        <source>Saved the checkpoint to %1</source>
        <translation>已將檢查點儲存至 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="155"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="413"/>
        <source>Save checkpoint</source>
        <translation>儲存檢查點</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="159"/>
        <source>Exported a Hugging Face folder to %1; transformers&apos; from_pretrained reads it</source>
        <translation>已匯出 Hugging Face 資料夾到 %1；transformers 的 from_pretrained 可以讀取它</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="161"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="424"/>
        <source>Export as a Hugging Face folder</source>
        <translation>匯出成 Hugging Face 資料夾</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="182"/>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="225"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="226"/>
        <source>&amp;Open corpus…</source>
        <translation>開啟語料(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="227"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="229"/>
        <source>&amp;Save checkpoint…</source>
        <translation>儲存檢查點(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="230"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="231"/>
        <source>&amp;Loss plot…</source>
        <translation>損失曲線圖(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="232"/>
        <source>Model as a &amp;Hugging Face folder…</source>
        <translation>模型存成 Hugging Face 資料夾(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="234"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="236"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="241"/>
        <source>Logarithmic loss axis</source>
        <translation>損失軸使用對數刻度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="244"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="254"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="255"/>
        <source>The window is rebuilt in the new language, which stops the training in progress. Switch now?</source>
        <translation>視窗會以新語言重建，進行中的訓練會停止。要現在切換嗎？</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="262"/>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="273"/>
        <source>Export the open lesson as a PDF &amp;handout</source>
        <translation>把開啟的課程匯出成 PDF 講義(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="277"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="281"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="290"/>
        <source>Lesson handout</source>
        <translation>課程講義</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="277"/>
        <source>Open a lesson first.</source>
        <translation>請先開啟一課。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="283"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="288"/>
        <source>Wrote the lesson handout %1</source>
        <translation>已寫出課程講義 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="292"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="294"/>
        <source>A first language model</source>
        <translation>第一個語言模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="295"/>
        <source>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; Pick the built-in English corpus and &lt;i&gt;Characters&lt;/i&gt; as tokens.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; Press &lt;i&gt;Start&lt;/i&gt;. The model reads the previous few characters and guesses the next one; the loss says how surprised it was, averaged over a batch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; Watch the curve: at first the loss is near ln(vocabulary size), a uniform guess. It falls quickly as the model learns which letters follow which, then slowly as it learns words.&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; Press &lt;i&gt;Let it write&lt;/i&gt; with a prompt such as &lt;i&gt;The king&lt;/i&gt;. Early on the text is noise; after a thousand steps it spells words from the corpus.&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; Try the Traditional Chinese corpus: each character is one token, so the vocabulary is larger and the first loss higher.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;1.&lt;/b&gt; 選擇內建的英文語料，詞元選&lt;i&gt;字元&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2.&lt;/b&gt; 按下&lt;i&gt;開始&lt;/i&gt;。模型會讀取前面幾個字元，猜出下一個字元；損失代表它看到正確答案時有多「意外」，是整個批次的平均值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3.&lt;/b&gt; 觀察曲線：一開始損失接近 ln(詞彙量)，也就是在所有詞元之間平均亂猜的程度。模型學會哪些字母常接在哪些字母後面時，損失下降得很快；接著開始學單字，下降就變慢了。&lt;/p&gt;&lt;p&gt;&lt;b&gt;4.&lt;/b&gt; 輸入像 &lt;i&gt;The king&lt;/i&gt; 這樣的提示，再按&lt;i&gt;讓它寫寫看&lt;/i&gt;。剛開始寫出的文字只是雜訊；訓練一千步左右之後，它就能拼出語料裡的單字。&lt;/p&gt;&lt;p&gt;&lt;b&gt;5.&lt;/b&gt; 換成繁體中文語料試試看：每個字就是一個詞元，所以詞彙量更大，一開始的損失也更高。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="306"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="307"/>
        <source>Command-line tool…</source>
        <translation>命令列工具…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="308"/>
        <source>Command-line tool</source>
        <translation>命令列工具</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="309"/>
        <source>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; does the same work from scripts, for example:&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;Run &lt;code&gt;lmscope-cli --help&lt;/code&gt; for every command.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;code&gt;lmscope-cli&lt;/code&gt; 可以在腳本中完成同樣的工作，例如：&lt;/p&gt;&lt;pre&gt;lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv
lmscope-cli plot loss --log loss.csv --out loss.svg&lt;/pre&gt;&lt;p&gt;執行 &lt;code&gt;lmscope-cli --help&lt;/code&gt; 即可查看所有指令。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="314"/>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="315"/>
        <source>About LMScope</source>
        <translation>關於 LMScope</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="316"/>
        <source>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A desktop lab for neural language models: train small models on your own text and look inside them while they learn.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LMScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;神經語言模型的桌面實驗室：用你自己的文字訓練小型模型，並在它們學習的過程中觀察內部的運作。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="376"/>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="377"/>
        <source>Text files (*.txt *.md *.csv);;All files (*)</source>
        <translation>文字檔 (*.txt *.md *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="388"/>
        <source>Open corpus</source>
        <translation>開啟語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="392"/>
        <source>Corpus %1: %2 bytes</source>
        <translation>語料 %1：%2 位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="414"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors 檔案 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="239"/>
        <source>Reset layout</source>
        <translation>重設版面配置</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="83"/>
        <source>Encoders</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/window/mainwindow.cpp" line="84"/>
        <source>Sentence search</source>
        <translation>句子搜尋</translation>
    </message>
</context>
<context>
    <name>MaskedBatchView</name>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="45"/>
        <source>Start pre-training (or open a model) to see a batch.</source>
        <translation>開始預訓練（或開啟模型）就能看到一個批次。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="47"/>
        <source>New batch</source>
        <translation>換一個批次</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="48"/>
        <source>Draw another row from the corpus and show what the model guesses now.</source>
        <translation>從語料再抽一列，看看模型現在怎麼猜。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="55"/>
        <source>No batch yet.</source>
        <translation>還沒有批次。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="72"/>
        <source>[MASK]: hidden, to predict</source>
        <translation>[MASK]：被遮住，要預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="73"/>
        <source>random token: to predict the original</source>
        <translation>隨機詞元：要預測原本的詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="74"/>
        <source>kept, still predicted</source>
        <translation>保留原樣，仍要預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="75"/>
        <source>special token</source>
        <translation>特殊詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="76"/>
        <source>segment A</source>
        <translation>片段 A</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="77"/>
        <source>segment B</source>
        <translation>片段 B</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="119"/>
        <source>B follows A in its document (is next)</source>
        <translation>B 在文件中緊接在 A 之後（是下一句）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="119"/>
        <source>A and B in their order (in order)</source>
        <translation>A 和 B 照原本順序（順序正確）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="121"/>
        <source>B comes from another document (random)</source>
        <translation>B 來自另一份文件（隨機）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="121"/>
        <source>A and B swapped (swapped)</source>
        <translation>A 和 B 對調了（已對調）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="122"/>
        <source>Pair label: %1.</source>
        <translation>句對標籤：%1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="125"/>
        <source>The model: %1 % is next.</source>
        <translation>模型認為：%1% 是下一句。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="125"/>
        <source>The model: %1 % in order.</source>
        <translation>模型認為：%1% 順序正確。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="136"/>
        <source>One row of the batch after %1 steps: %2 tokens, %3 of them to predict.</source>
        <translation>訓練 %1 步後批次中的一列：%2 個詞元，其中 %3 個要預測。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="153"/>
        <source>Hidden behind [MASK]; the model must say “%1”.</source>
        <translation>被 [MASK] 遮住；模型必須說出「%1」。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="156"/>
        <source>was: %1</source>
        <translation>原為：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="157"/>
        <source>Replaced by a random token; the model must still say “%1”.</source>
        <translation>被換成隨機詞元；模型仍必須說出「%1」。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="160"/>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="161"/>
        <source>Left as it was, but the model must still predict it: it cannot trust what it sees.</source>
        <translation>保持原樣，但模型仍必須預測它：它不能完全相信眼前看到的詞。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="164"/>
        <source>A special token: never hidden, never predicted.</source>
        <translation>特殊詞元：從不遮住，也從不預測。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="171"/>
        <source>Segment A (token type 0)</source>
        <translation>片段 A（詞元類型 0）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="171"/>
        <source>Segment B (token type 1)</source>
        <translation>片段 B（詞元類型 1）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="187"/>
        <source>#%1 %2 → %3</source>
        <translation>#%1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/maskedbatchview.cpp" line="194"/>
        <source>No masked-word head: no guesses.</source>
        <translation>沒有遮蔽詞預測頭：沒有猜測。</translation>
    </message>
</context>
<context>
    <name>MemoryBatchPlot</name>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="174"/>
        <source>Memory versus batch size</source>
        <translation>記憶體與批次大小</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="178"/>
        <source>batch size B</source>
        <translation>批次大小 B</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="179"/>
        <source>bytes beyond the weights</source>
        <translation>權重之外的位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="196"/>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="203"/>
        <source>Memory versus batch size (%1, length %2)</source>
        <translation>記憶體與批次大小（%1，長度 %2）</translation>
    </message>
</context>
<context>
    <name>MemoryBytesPlot</name>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="11"/>
        <source>Memory versus sequence length</source>
        <translation>記憶體與序列長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="16"/>
        <source>sequence length T (tokens)</source>
        <translation>序列長度 T（詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="17"/>
        <source>bytes beyond the weights</source>
        <translation>權重之外的位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="37"/>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="52"/>
        <source>%1: slope %2</source>
        <translation>%1：斜率 %2</translation>
    </message>
</context>
<context>
    <name>MemoryCalculator</name>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="71"/>
        <source>float32 (4 bytes)</source>
        <translation>float32（4 位元組）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="72"/>
        <source>bfloat16 (2 bytes)</source>
        <translation>bfloat16（2 位元組）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="73"/>
        <source>float16 (2 bytes)</source>
        <translation>float16（2 位元組）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="74"/>
        <source>int8 (1 byte)</source>
        <translation>int8（1 位元組）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="78"/>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="86"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="87"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="88"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="89"/>
        <source>Sequence length</source>
        <translation>序列長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="90"/>
        <source>Precision</source>
        <translation>數值精度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="91"/>
        <source>Memory you have</source>
        <translation>你有的記憶體</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="158"/>
        <source>total</source>
        <translation>總計</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="160"/>
        <source>Fits in %1.</source>
        <translation>放得進 %1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="162"/>
        <source>Does not fit in %1: it needs %2 more.</source>
        <translation>放不進 %1：還差 %2。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="167"/>
        <source>Not even one token fits at batch %1.</source>
        <translation>批次 %1 時，連一個詞元都放不下。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="169"/>
        <source>Longest length that fits at batch %1: %2 tokens.</source>
        <translation>批次 %1 時放得下的最長長度：%2 個詞元。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="176"/>
        <source>(The model itself reads at most %1 tokens.)</source>
        <translation>（模型本身最多只讀 %1 個詞元。）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="179"/>
        <source>Not even batch 1 fits at length %1.</source>
        <translation>長度 %1 時，連批次 1 都放不下。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memorycalculator.cpp" line="181"/>
        <source>Largest batch that fits at length %1: %2.</source>
        <translation>長度 %1 時放得下的最大批次：%2。</translation>
    </message>
</context>
<context>
    <name>MemoryPartsPlot</name>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="222"/>
        <source>Parts of the memory (predicted)</source>
        <translation>記憶體的組成（預測）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="226"/>
        <source>bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="295"/>
        <source>Parts at length %1, %2 (predicted)</source>
        <translation>長度 %1、%2模式的組成（預測）</translation>
    </message>
</context>
<context>
    <name>MemoryPlots</name>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="75"/>
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="76"/>
        <source>prefill</source>
        <translation>預填</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="77"/>
        <source>infer</source>
        <translation>推論</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="84"/>
        <source>weights</source>
        <translation>權重</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="85"/>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="86"/>
        <source>optimizer state</source>
        <translation>最佳化器狀態</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="87"/>
        <source>activations</source>
        <translation>活化值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="88"/>
        <source>attention (T × T)</source>
        <translation>注意力（T × T）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="89"/>
        <source>KV cache</source>
        <translation>KV 快取</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="90"/>
        <source>recurrent state</source>
        <translation>循環狀態</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplot.cpp" line="91"/>
        <source>cross-attention cache</source>
        <translation>交叉注意力快取</translation>
    </message>
</context>
<context>
    <name>MemoryTimePlot</name>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="114"/>
        <source>Time per step versus sequence length</source>
        <translation>每步時間與序列長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="119"/>
        <source>sequence length T (tokens)</source>
        <translation>序列長度 T（詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="120"/>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="145"/>
        <source>seconds per step (measured)</source>
        <translation>每步秒數（實測）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/memoryplots.cpp" line="145"/>
        <source>seconds per generated token (measured)</source>
        <translation>每產生一個詞元的秒數（實測）</translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="35"/>
        <source>“%1” is not a length between 1 and 1048576.</source>
        <translation>「%1」不是介於 1 到 1048576 之間的長度。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="41"/>
        <source>Write at least one length, e.g. 256, 512, 1024.</source>
        <translation>請至少寫一個長度，例如 256, 512, 1024。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="66"/>
        <source>Dots: measured, lines: predicted. Slope 2: double the length, four times the memory (attention&apos;s T × T table); 1: double the memory; 0: no growth.</source>
        <translation>圓點：實測；線：預測。斜率 2：長度加倍，記憶體變四倍（注意力的 T × T 表）；1：記憶體加倍；0：不會增加。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="108"/>
        <source>Measure</source>
        <translation>測量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="123"/>
        <source>Train: a full AdamW step (forward, backward, update). Prefill: one forward without gradients. Infer: the batch&apos;s sequences generated token by token with a KV cache or a recurrent state.</source>
        <translation>訓練：完整的一步 AdamW（前向、反向、更新）。預填：一次不算梯度的前向。推論：用 KV 快取或循環狀態，把批次裡的每條序列一個詞元一個詞元地產生出來。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="127"/>
        <source>Sequence lengths to measure, separated by commas.</source>
        <translation>要測量的序列長度，以逗號分隔。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="132"/>
        <source>Attention heads (GPT and Llama); the width must be a multiple of it.</source>
        <translation>注意力頭數（GPT 與 Llama）；寬度必須是它的倍數。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="134"/>
        <source>width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="136"/>
        <source>layers</source>
        <translation>層數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="138"/>
        <source>heads</source>
        <translation>頭數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="140"/>
        <source>Chunked attention (memory linear in T)</source>
        <translation>分塊注意力（記憶體隨 T 線性成長）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="141"/>
        <source>GPT and Llama compute attention block by block with an online softmax, so the T × T table is never stored; the results are the same.</source>
        <translation>GPT 與 Llama 以線上 softmax 逐塊計算注意力，因此從不儲存 T × T 的表；結果完全相同。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="143"/>
        <source>Then sweep batch 1, 2, 4, 8 (train, shortest length)</source>
        <translation>接著掃過批次 1、2、4、8（訓練，最短長度）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="145"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="146"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="147"/>
        <source>Lengths</source>
        <translation>長度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="148"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="153"/>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="154"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="159"/>
        <source>%v / %m points</source>
        <translation>%v / %m 個點</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="163"/>
        <source>Choose models and lengths, then press Run.</source>
        <translation>選好模型與長度，然後按「執行」。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="171"/>
        <source>Calculator for real models</source>
        <translation>真實模型的記憶體計算機</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="220"/>
        <source>Choose at least one model.</source>
        <translation>請至少選一個模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="253"/>
        <source>Measuring…</source>
        <translation>測量中…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="265"/>
        <source>Stopping after the point in progress…</source>
        <translation>正在測量的這一點完成後就停止…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="272"/>
        <source>Measured %1 at length %2, batch %3: %4 beyond the weights.</source>
        <translation>已測量 %1，長度 %2、批次 %3：權重之外 %4。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/appcore/views/memoryview.cpp" line="289"/>
        <source>Showing %n measured point(s) from the lesson.</source>
        <translation>
            <numerusform>顯示課程量到的 %n 個點。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="306"/>
        <source>Done: measured %1 points.</source>
        <translation>完成：共測量 %1 個點。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/memoryview.cpp" line="308"/>
        <source>Stopped after %1 points.</source>
        <translation>測量 %1 個點後已停止。</translation>
    </message>
</context>
<context>
    <name>MemoryWorker</name>
    <message>
        <location filename="../../app/appcore/workers/memoryworker.cpp" line="28"/>
        <source>Out of memory: choose shorter lengths, a smaller batch or a smaller model.</source>
        <translation>記憶體不足：請選較短的長度、較小的批次或較小的模型。</translation>
    </message>
</context>
<context>
    <name>ModelOptionsPanel</name>
    <message>
        <location filename="../../app/appcore/views/modeloptionspanel.cpp" line="256"/>
        <source>%1 parameters (vocabulary %2)</source>
        <translation>%1 個參數（詞彙量 %2）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/modeloptionspanel.cpp" line="230"/>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1：&lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/modeloptionspanel.cpp" line="231"/>
        <source>Same width, layers and heads: %1.</source>
        <translation>相同寬度、層數與注意力頭數：%1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/modeloptionspanel.cpp" line="234"/>
        <source>%1 saves by factorising the embeddings (V×E + E×H numbers instead of V×H, here E = %2, H = %3) and by sharing one layer&apos;s weights across all %4 layers.</source>
        <translation>%1 省下的參數來自分解嵌入（V×E + E×H 個數，而不是 V×H；這裡 E = %2、H = %3），以及讓全部 %4 層共用同一層的權重。</translation>
    </message>
</context>
<context>
    <name>PaintedExport</name>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="48"/>
        <source>cannot export to &quot;%1&quot;: unknown format &quot;%2&quot; (use .png, .svg, .pdf or .csv)</source>
        <translation>無法匯出到「%1」：不認得的格式「%2」（請用 .png、.svg、.pdf 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="52"/>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="104"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>無法寫入「%1」：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="78"/>
        <source>Exported from LMScope</source>
        <translation>由 LMScope 匯出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="101"/>
        <source>cannot export to &quot;%1&quot;: rendering the %2 failed</source>
        <translation>無法匯出到「%1」：繪製 %2 失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="110"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="111"/>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="112"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="113"/>
        <source>CSV data (*.csv)</source>
        <translation>CSV 資料 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/paintedexport.cpp" line="129"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="95"/>
        <source>cannot export to &quot;%1&quot;: the file name has no suffix (use one of %2)</source>
        <translation>無法匯出至「%1」：檔名沒有副檔名（請使用 %2 其中之一）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="100"/>
        <source>cannot export to &quot;%1&quot;: unknown format &quot;.%2&quot; (use one of %3)</source>
        <translation>無法匯出至「%1」：不支援的格式「.%2」（請使用 %3 其中之一）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="105"/>
        <source>cannot export to &quot;%1&quot;: invalid size %2x%3</source>
        <translation>無法匯出至「%1」：尺寸 %2x%3 無效</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="110"/>
        <source>cannot export to &quot;%1&quot;: invalid resolution %2 dpi (allowed: above 0, at most %3)</source>
        <translation>無法匯出至「%1」：解析度 %2 dpi 無效（須大於 0，最多 %3）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="139"/>
        <location filename="../../app/appcore/plots/plotview.cpp" line="147"/>
        <location filename="../../app/appcore/plots/plotview.cpp" line="187"/>
        <location filename="../../app/appcore/plots/plotview.cpp" line="245"/>
        <location filename="../../app/appcore/plots/plotview.cpp" line="258"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>無法寫入「%1」：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="160"/>
        <source>cannot export to &quot;%1&quot;: an image of %2x%3 pixels is too large (at most %4 pixels a side and %5 megapixels)</source>
        <translation>無法匯出至「%1」：%2x%3 像素的影像太大（每邊最多 %4 像素，總共最多 %5 百萬像素）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="177"/>
        <source>cannot export to &quot;%1&quot;: rendering an image of %2x%3 pixels failed</source>
        <translation>無法匯出至「%1」：繪製 %2x%3 像素的影像失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="205"/>
        <source>Exported from LMScope</source>
        <translation>由 LMScope 匯出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="210"/>
        <source>cannot export to &quot;%1&quot;: the SVG painter did not start</source>
        <translation>無法匯出至「%1」：SVG 繪圖器無法啟動</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="229"/>
        <source>cannot export to &quot;%1&quot;: no temporary directory: %2</source>
        <translation>無法匯出至「%1」：沒有可用的暫存目錄：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="240"/>
        <source>cannot export to &quot;%1&quot;: rendering the PDF failed</source>
        <translation>無法匯出至「%1」：PDF 繪製失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="277"/>
        <source>Export plot</source>
        <translation>匯出圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="277"/>
        <source>plot</source>
        <translation>圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="285"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="291"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/plotview.cpp" line="292"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>PretrainPage</name>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="55"/>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="77"/>
        <source>Text file…</source>
        <translation>文字檔…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="79"/>
        <source>Documents separated by blank lines, one sentence a line: next-sentence and sentence-order prediction draw their pairs from them.</source>
        <translation>以空行分隔的文件，每行一句：下一句預測與句序預測從中抽取句對。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="83"/>
        <source>Masked words only (MLM)</source>
        <translation>只有遮蔽詞（MLM）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="84"/>
        <source>MLM + next sentence (NSP)</source>
        <translation>MLM + 下一句預測（NSP）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="85"/>
        <source>MLM + sentence order (SOP)</source>
        <translation>MLM + 句序預測（SOP）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="91"/>
        <source>Family</source>
        <translation>模型家族</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="93"/>
        <source>Corpus</source>
        <translation>語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="94"/>
        <source>Objective</source>
        <translation>訓練目標</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="97"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="101"/>
        <source>WordPiece vocabulary learned from the corpus, with [PAD] [UNK] [CLS] [SEP] [MASK].</source>
        <translation>從語料學出的 WordPiece 詞彙表，含 [PAD] [UNK] [CLS] [SEP] [MASK]。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="111"/>
        <source>Vocabulary</source>
        <translation>詞彙量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="112"/>
        <source>Tokens per row</source>
        <translation>每列詞元數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="113"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="114"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="115"/>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="117"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="118"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="122"/>
        <source>Compare NSP and SOP</source>
        <translation>比較 NSP 與 SOP</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="123"/>
        <source>Pre-train with next-sentence prediction, then with sentence-order prediction, on the same corpus, and draw both pair accuracies on one plot. Both runs use width 128, 4 layers and learning rate 0.001 (set above when you press it): a smaller encoder learns neither pair task well. Each head is also scored on the other task&apos;s pairs (dotted). On the built-in documents next-sentence prediction is the easy task, because the topic alone gives it away, and its head stays near chance on swapped pairs, which keep their topic; sentence order needs the links between sentences and stays lower.</source>
        <translation>先用下一句預測、再用句子順序預測做預訓練，兩次用同一份語料，並把兩種句對準確率畫在同一張圖上。兩次都用寬度 128、4 層、學習率 0.001（按下時會填進上面的設定）：更小的編碼器兩種句對任務都學不好。每個預測頭也會拿另一個任務的句對來打分數（虛線）。在內建的文件上，下一句預測是簡單的任務，因為光看主題就猜得出來，所以它的預測頭碰到前後對調的句對（主題沒變）時只比亂猜好一點；句子順序要靠句子之間的關聯，準確率會低一些。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="135"/>
        <source>Pre-train a small encoder, or open one.</source>
        <translation>預訓練一個小編碼器，或開啟一個。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="139"/>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="140"/>
        <source>Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json).</source>
        <translation>本程式的 .safetensors，或 Hugging Face 的 BERT、ALBERT 資料夾（選它的 config.json）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="141"/>
        <source>Use this encoder for fine-tuning</source>
        <translation>用這個編碼器來微調</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="153"/>
        <source>A batch as the model sees it</source>
        <translation>模型眼中的一個批次</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="160"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="164"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="160"/>
        <source>masked-word loss</source>
        <translation>遮蔽詞損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="160"/>
        <source>masked-word accuracy</source>
        <translation>遮蔽詞準確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="164"/>
        <source>pair accuracy (NSP / SOP)</source>
        <translation>句對準確率（NSP／SOP）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="190"/>
        <source>Open a text corpus</source>
        <translation>開啟文字語料</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="191"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文字檔 (*.txt *.md);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="218"/>
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="231"/>
        <source>MLM + NSP</source>
        <translation>MLM + NSP</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="233"/>
        <source>MLM + SOP</source>
        <translation>MLM + SOP</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="237"/>
        <source>MLM</source>
        <translation>MLM</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="323"/>
        <source>run %1 · %2 %3</source>
        <translation>第 %1 次 · %2 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="330"/>
        <source>%1: loss</source>
        <translation>%1：損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="331"/>
        <source>%1: accuracy</source>
        <translation>%1：準確率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="338"/>
        <source>%1: on %2 pairs</source>
        <translation>%1：在 %2 句對上</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="340"/>
        <source>%1: on %2 pairs (not trained on)</source>
        <translation>%1：在 %2 句對上（沒訓練過）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="311"/>
        <source>Reading the corpus and learning a vocabulary…</source>
        <translation>正在讀取語料並學習詞彙表…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="383"/>
        <source>Open an encoder</source>
        <translation>開啟編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="384"/>
        <source>Encoders (*.safetensors config.json);;All files (*)</source>
        <translation>編碼器 (*.safetensors config.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="394"/>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="424"/>
        <source>%1
Step %2 of %3 · loss %4</source>
        <translation>%1
第 %2 / %3 步 · 損失 %4</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="445"/>
        <source>%1, %2, %3 steps</source>
        <translation>%1，%2，%3 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="447"/>
        <source>masked-word accuracy %1 %</source>
        <translation>遮蔽詞準確率 %1%</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="449"/>
        <source>, %1 accuracy %2 %</source>
        <translation>，%1 準確率 %2%</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="338"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="340"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="450"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="454"/>
        <source>NSP</source>
        <translation>NSP</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="338"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="340"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="450"/>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="454"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="453"/>
        <source> (on %1 pairs: %2 %)</source>
        <translation>（在 %1 句對上：%2%）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="456"/>
        <source>Cancelled after %1 steps: %2.</source>
        <translation>第 %1 步後已取消：%2。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/pretrainpage.cpp" line="457"/>
        <source>%1 steps in %2 s: %3.</source>
        <translation>%1 步，耗時 %2 秒：%3。</translation>
    </message>
</context>
<context>
    <name>PretrainWorker</name>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="202"/>
        <source>%1 is not an encoder: it cannot be pre-trained with masked words.</source>
        <translation>%1 不是編碼器：無法用遮蔽詞來預訓練。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="230"/>
        <source>%1: %2 tokens, vocabulary %3, %4 parameters</source>
        <translation>%1：%2 個詞元，詞彙量 %3，%4 個參數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="249"/>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="286"/>
        <source>No encoder yet: pre-train one or open a model first.</source>
        <translation>還沒有編碼器：請先預訓練一個或開啟模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="327"/>
        <source>%1: %2, %3 layers, width %4, vocabulary %5, %6 parameters%7</source>
        <translation>%1：%2，%3 層，寬度 %4，詞彙量 %5，%6 個參數%7</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/pretrainworker.cpp" line="332"/>
        <source> (no masked-word head: no guesses)</source>
        <translation>（沒有遮蔽詞預測頭：不會猜詞）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="206"/>
        <source>the tokenizer gives no tokens</source>
        <translation>分詞器沒有切出任何詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="223"/>
        <source>[MASK] for “%1”: </source>
        <translation>[MASK]（原本是「%1」）：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="272"/>
        <source>next: %1</source>
        <translation>下一個：%1</translation>
    </message>
</context>
<context>
    <name>RecurrentView</name>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="40"/>
        <source>Trace this text</source>
        <translation>追蹤這段文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="42"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="44"/>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="48"/>
        <source>Train a model with a recurrent state (%1) on the language-model tab, then trace a text through it.</source>
        <translation>先在「語言模型」分頁訓練一個帶有循環狀態的模型（%1），再讓一段文字通過它。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="57"/>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="95"/>
        <source>unit</source>
        <translation>單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="57"/>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="61"/>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="65"/>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="95"/>
        <source>time (token)</source>
        <translation>時間（詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="58"/>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="61"/>
        <source>unit (backward direction)</source>
        <translation>單元（反向）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="65"/>
        <source>activation</source>
        <translation>激勵值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="78"/>
        <source>Hidden states</source>
        <translation>隱藏狀態</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="85"/>
        <source>Gate</source>
        <translation>閘門</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="89"/>
        <source>LSTM: input i, forget f, candidate g, output o. GRU: reset r, update z, candidate n. A forget gate near 1 keeps the memory; near 0 it wipes it.</source>
        <translation>LSTM：輸入閘門 i、遺忘閘門 f、候選值 g、輸出閘門 o。GRU：重置閘門 r、更新閘門 z、候選值 n。遺忘閘門接近 1 時會保留記憶；接近 0 時則會把記憶清掉。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="98"/>
        <source>Gates</source>
        <translation>閘門</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="115"/>
        <source>Multiplies the recurrent weights W_hh: above about 2 a vanilla RNN&apos;s gradients explode instead of vanishing.</source>
        <translation>把循環權重 W_hh 乘上這個倍率：大約超過 2 時，基本 RNN 的梯度就不再消失，而是爆炸。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="117"/>
        <source>Measure</source>
        <translation>測量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="118"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="120"/>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="122"/>
        <source>Recurrent weight scale</source>
        <translation>循環權重倍率</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="127"/>
        <source>The loss sits on the last step. Each curve is the size of its gradient at every earlier step, for a freshly initialised network. A vanilla RNN multiplies by the same matrix at every step, so its curve falls (or climbs) in a straight line on this log scale. An LSTM whose forget gate starts open carries the gradient much further; a fresh GRU, whose update gate starts half open, only a little: training teaches the gates what to keep.</source>
        <translation>損失位於最後一步。每條曲線畫出一個剛初始化的網路，在之前每一步的梯度大小。基本 RNN 每一步都乘上同一個矩陣，所以在這個對數刻度上，它的曲線會沿著直線下降（或上升）。遺忘閘門一開始就打開的 LSTM，能把梯度傳得遠得多；剛初始化的 GRU 更新閘門一開始只開一半，只能傳得稍遠一點：閘門該保留什麼，要靠訓練來學會。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="138"/>
        <source>time step (the loss is at the right end)</source>
        <translation>時間步（損失在最右端）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="138"/>
        <source>|dL/dh_t|</source>
        <translation>|dL/dh_t|</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="141"/>
        <source>training step</source>
        <translation>訓練步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="141"/>
        <source>gradient norm</source>
        <translation>梯度範數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="146"/>
        <source>Gradients through time</source>
        <translation>沿時間反傳的梯度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="166"/>
        <source>This model has no recurrent layers to show: train one of %1.</source>
        <translation>這個模型沒有循環層可以顯示：請訓練 %1 其中之一。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="178"/>
        <source>Each column is the hidden state after reading that token; each row one unit (−1 dark … +1 bright). Click a unit to follow it.</source>
        <translation>每一欄是讀入該詞元後的隱藏狀態；每一列是一個單元（−1 暗 … +1 亮）。點選一個單元，就能追蹤它的變化。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="181"/>
        <source>Each column is what this state-space layer hands on after reading that token, read out of its fixed-size state (its size does not grow with the text); each row one channel. Click a channel to follow it.</source>
        <translation>每一欄是這個狀態空間層讀完那個詞元後往下傳的輸出，由它大小固定的狀態讀出（狀態不會隨文字變長而變大）；每一列是一個通道。點選一個通道可以追蹤它。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="243"/>
        <source>gradient norm before clipping</source>
        <translation>裁剪前的梯度範數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/recurrentview.cpp" line="245"/>
        <source>after clipping at %1</source>
        <translation>以 %1 裁剪後</translation>
    </message>
</context>
<context>
    <name>RetrievalView</name>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="81"/>
        <source>Three ways to turn a sentence into a vector</source>
        <translation>把句子變成向量的三種方法</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="84"/>
        <source>Train a small encoder here</source>
        <translation>在這裡訓練一個小編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="85"/>
        <source>Pre-trains an encoder of width 64 with two layers for 600 steps of masked words on the built-in set&apos;s sentences, the sentences of its paraphrase pairs and the short documents of its language.</source>
        <translation>用遮蔽詞預訓練一個寬度 64、兩層的編碼器 600 步，讀的是內建集合的句子、它的改寫句對中的句子，以及同一語言的短文件。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="89"/>
        <source>Open a model file (.safetensors)…</source>
        <translation>開啟模型檔（.safetensors）…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="90"/>
        <source>Open a Hugging Face folder (BERT, ALBERT)…</source>
        <translation>開啟 Hugging Face 資料夾（BERT、ALBERT）…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="97"/>
        <source>Mean of the last layer over the tokens</source>
        <translation>最後一層在各詞元上的平均</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="98"/>
        <source>The [CLS] vector</source>
        <translation>[CLS] 向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="107"/>
        <source>Built-in set, English (500 sentences)</source>
        <translation>內建資料，英文（500 句）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="108"/>
        <source>Built-in set, Traditional Chinese (500 sentences)</source>
        <translation>內建資料，繁體中文（500 句）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="109"/>
        <source>Open a text file (one sentence a line)…</source>
        <translation>開啟文字檔（每行一句）…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="114"/>
        <source>Sentences to search (one a line)</source>
        <translation>要搜尋的句子（每行一句）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="115"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="120"/>
        <source>Sentences to search</source>
        <translation>要搜尋的句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="126"/>
        <source>Then train it on paraphrase pairs (contrastive)</source>
        <translation>接著用改寫句對訓練它（對比學習）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="128"/>
        <source>%1 steps on the built-in pairs of the set&apos;s language (a sentence and a paraphrase of it; none of them is in the query set): each sentence&apos;s vector is pulled towards its partner and pushed away from the other sentences of the batch. The encoder as it was before is scored too.</source>
        <translation>在該語言的內建句對上訓練 %1 步（一個句子和它的改寫，都不在查詢集合中）：每個句子的向量被拉向它的另一半，並被推離同一批次中的其他句子。訓練前的編碼器也會一起評分。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="133"/>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="188"/>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="135"/>
        <source>Sentence vector</source>
        <translation>句向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="136"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="138"/>
        <source>Prepare the three indexes</source>
        <translation>建立三種索引</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="139"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="149"/>
        <source>Choose an encoder and press Prepare. Skip-gram word vectors are trained on the same sentences, and every sentence is indexed three ways.</source>
        <translation>選一個編碼器再按「建立」。會在同樣的句子上訓練 skip-gram 詞向量，每個句子都以三種方式建立索引。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="154"/>
        <source>&lt;p&gt;&lt;b&gt;Encoder&lt;/b&gt;: a Transformer that reads the whole sentence; the sentence is the mean of its tokens&apos; last-layer vectors, or the vector at [CLS].&lt;/p&gt;&lt;p&gt;&lt;b&gt;Averaged word2vec&lt;/b&gt;: the mean of the sentence&apos;s word vectors; word order plays no part.&lt;/p&gt;&lt;p&gt;&lt;b&gt;TF-IDF&lt;/b&gt;: counts of the sentence&apos;s words, rare words weighing more; only shared words count.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;編碼器&lt;/b&gt;：讀完整個句子的 Transformer；句子以各詞元最後一層向量的平均，或 [CLS] 位置的向量來代表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;平均 word2vec&lt;/b&gt;：句中詞向量的平均；詞序不起作用。&lt;/p&gt;&lt;p&gt;&lt;b&gt;TF-IDF&lt;/b&gt;：句中各詞的次數，越罕見的詞權重越大；只有共同出現的詞才算數。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="174"/>
        <source>Type a sentence to search for…</source>
        <translation>輸入要搜尋的句子…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="177"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="178"/>
        <source>Query</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="180"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="188"/>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="387"/>
        <source>Averaged word2vec</source>
        <translation>平均 word2vec</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="188"/>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="389"/>
        <source>TF-IDF</source>
        <translation>TF-IDF</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="193"/>
        <source>cosine</source>
        <translation>餘弦</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="193"/>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="204"/>
        <source>On the built-in query set (each query paraphrases one sentence)</source>
        <translation>在內建查詢集上（每個查詢都改寫自某一句）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="207"/>
        <source>recall@1</source>
        <translation>recall@1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="207"/>
        <source>recall@5</source>
        <translation>recall@5</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="207"/>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="214"/>
        <source>recall@k: the share of queries whose sentence is among the first k found; MRR: the mean of 1 / its rank.</source>
        <translation>recall@k：目標句出現在前 k 個結果中的查詢比例；MRR：1／其名次的平均。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="218"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="237"/>
        <source>This session&apos;s encoder: %1</source>
        <translation>本次工作階段的編碼器：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="249"/>
        <source>A Hugging Face BERT or ALBERT folder</source>
        <translation>Hugging Face 的 BERT 或 ALBERT 資料夾</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="250"/>
        <source>An encoder checkpoint</source>
        <translation>編碼器檢查點</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="251"/>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation>safetensors (*.safetensors);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="268"/>
        <source>File: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="313"/>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="345"/>
        <source>Ready: %1; %2 sentences indexed; word2vec knows %3 words.</source>
        <translation>就緒：%1；已為 %2 個句子建立索引；word2vec 認得 %3 個詞。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="390"/>
        <source>[CLS] vector</source>
        <translation>[CLS] 向量</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="390"/>
        <source>mean of the last layer</source>
        <translation>最後一層的平均</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="392"/>
        <source>Encoder before the pairs (%1)</source>
        <translation>句對訓練前的編碼器（%1）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="393"/>
        <source>Encoder + paraphrase pairs (%1)</source>
        <translation>編碼器 + 改寫句對（%1）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="393"/>
        <source>Encoder (%1)</source>
        <translation>編碼器（%1）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="441"/>
        <source>Training on paraphrase pairs is what turns the encoder&apos;s vectors into sentence vectors: before it, the encoder had only learned to fill in masked words and was never asked to put two sentences that mean the same close together.</source>
        <translation>是改寫句對的訓練，讓編碼器的向量變成句子向量：在那之前，編碼器只學過填回被遮住的詞，從沒被要求把意思相同的兩個句子放在一起。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="444"/>
        <source>An encoder trained only to fill in masked words was never asked to put paraphrases close together (tick the paraphrase pairs to see what that changes), and its [CLS] vector carries a sentence only after a sentence task.</source>
        <translation>只學過填回被遮住的詞的編碼器，從沒被要求把改寫句放在一起（勾選改寫句對，看看會有什麼不同），而它的 [CLS] 向量要經過句子層級的任務之後才代表整個句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="448"/>
        <source>%1 ranks the right sentence first for %2 % of the queries. TF-IDF wins when a paraphrase keeps the sentence&apos;s rare words; averaged word vectors forgive synonyms but blur everything else. %3 recall@k: the share of queries whose sentence is among the first k; MRR: the mean of 1 / its rank.</source>
        <translation>%1 對 %2 % 的查詢把正確的句子排在第一。改寫保留了句子裡的罕見詞時，TF-IDF 會贏；平均詞向量能容忍同義詞，卻把其他一切都模糊了。%3 recall@k：正確句子出現在前 k 名的查詢比例；MRR：1 / 名次 的平均。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="479"/>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="485"/>
        <source>Export the scores</source>
        <translation>匯出分數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/retrievalview.cpp" line="480"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RetrievalWorker</name>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="82"/>
        <source>Training on paraphrase pairs: step %1 of %2, loss %3</source>
        <translation>用改寫句對訓練：第 %1 / %2 步，損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="86"/>
        <source>Pre-training the encoder (masked words): step %1 of %2, loss %3</source>
        <translation>正在預訓練編碼器（遮蔽詞）：第 %1 / %2 步，損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="154"/>
        <source>This model reads left to right (%1); sentence search needs an encoder, which reads both ways.</source>
        <translation>這個模型由左往右讀（%1）；句子搜尋需要雙向閱讀的編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="157"/>
        <source>The model&apos;s tokenizer has %1.</source>
        <translation>這個模型的分詞器有 %1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="168"/>
        <source>Choose an encoder first.</source>
        <translation>請先選擇一個編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="171"/>
        <source>No encoder was trained or opened in this session yet.</source>
        <translation>本次工作階段還沒有訓練或開啟任何編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="172"/>
        <source>Copying the session&apos;s encoder…</source>
        <translation>正在複製本次工作階段的編碼器…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="183"/>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="192"/>
        <source>The architecture table has no encoder.</source>
        <translation>架構表中沒有編碼器。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="209"/>
        <source>Building the WordPiece vocabulary…</source>
        <translation>正在建立 WordPiece 詞彙表…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="217"/>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="250"/>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="278"/>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="352"/>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="365"/>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="394"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="222"/>
        <source>%1 pre-trained here (%2 steps of masked words)</source>
        <translation>在這裡預訓練的 %1（%2 步遮蔽詞）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="257"/>
        <source>%1, then %2 steps on paraphrase pairs</source>
        <translation>%1，接著在改寫句對上訓練 %2 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="326"/>
        <source>Training skip-gram word vectors on the same sentences…</source>
        <translation>正在同樣的句子上訓練 skip-gram 詞向量…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="343"/>
        <source>%1 holds no sentence.</source>
        <translation>%1 裡沒有句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="349"/>
        <source>Encoding %1 sentences…</source>
        <translation>正在編碼 %1 個句子…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="360"/>
        <source>Scoring the %1 queries of the built-in set…</source>
        <translation>正在為內建資料的 %1 個查詢評分…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/retrievalworker.cpp" line="416"/>
        <source>Prepare the search first.</source>
        <translation>請先建立搜尋索引。</translation>
    </message>
</context>
<context>
    <name>RoutingView</name>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="32"/>
        <source>Trace this text</source>
        <translation>追蹤這段文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="33"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="36"/>
        <source>Routing layer</source>
        <translation>路由層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="40"/>
        <source>Train a model with mixture-of-experts layers (%1, with more than one expert) on the language-model tab: each such layer has several feed-forward networks, the experts, and a router that sends every token to the few it scores highest.</source>
        <translation>先在「語言模型」分頁訓練一個有專家混合層的模型（%1，專家數大於 1）：這種層有好幾個前饋網路，也就是專家，另有一個路由器把每個詞元送給它評分最高的幾位。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="52"/>
        <location filename="../../app/appcore/views/routingview.cpp" line="53"/>
        <source>training step</source>
        <translation>訓練步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="52"/>
        <source>share of the tokens</source>
        <translation>分到的詞元比例</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="53"/>
        <location filename="../../app/appcore/views/routingview.cpp" line="221"/>
        <source>load-balancing loss</source>
        <translation>負載平衡損失</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="120"/>
        <location filename="../../app/appcore/views/routingview.cpp" line="180"/>
        <source>layer %1</source>
        <translation>第 %1 層</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="120"/>
        <source>second choice</source>
        <translation>第二選擇</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="134"/>
        <source>This model routes no tokens: it has no mixture-of-experts layer.</source>
        <translation>這個模型不分派詞元：它沒有專家混合層。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="140"/>
        <location filename="../../app/appcore/views/routingview.cpp" line="218"/>
        <source>expert %1</source>
        <translation>專家 %1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="144"/>
        <source>Each token is coloured by the expert it went to first, and, in the lighter row below, second.</source>
        <translation>每個詞元依它的第一選擇專家著色；下方較淡的一列是第二選擇。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="191"/>
        <source>%1 experts in each of %2 routing layers. Left: each expert&apos;s share of the (token, choice) pairs in every training batch; the dashed line is the even share. Right: the load-balancing loss added to the training loss, which pushes the router towards even shares (with even shares it sits at about the number of experts per token).</source>
        <translation>%2 個路由層，每層 %1 位專家。左：每個訓練批次中，各專家分到的（詞元, 選擇）比例；虛線是平均分配時的比例。右：加進訓練損失的負載平衡損失，它把路由器推向平均分配（平均分配時，它約等於每個詞元的專家數）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/routingview.cpp" line="219"/>
        <source>even share</source>
        <translation>平均分配</translation>
    </message>
</context>
<context>
    <name>SequenceTaskPages</name>
    <message>
        <location filename="../../app/appcore/views/cellkindbox.cpp" line="10"/>
        <source>Simple RNN</source>
        <translation>簡單 RNN</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/cellkindbox.cpp" line="11"/>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/cellkindbox.cpp" line="12"/>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
</context>
<context>
    <name>SequenceTaskWorker</name>
    <message>
        <location filename="../../app/appcore/workers/sequencetaskworker.cpp" line="63"/>
        <source>The built-in tagged sentences are missing from this build.</source>
        <translation>這個版本缺少內建的已標注句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/sequencetaskworker.cpp" line="91"/>
        <source>Training diverged: %1</source>
        <translation>訓練發散：%1</translation>
    </message>
</context>
<context>
    <name>TaggingPage</name>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="49"/>
        <source>Tagger</source>
        <translation>詞性標注器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="52"/>
        <source>Read the sentence both ways</source>
        <translation>把句子正向、反向各讀一遍</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="57"/>
        <source>Cell</source>
        <translation>單元類型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="58"/>
        <source>Bidirectional</source>
        <translation>雙向</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="59"/>
        <source>Hidden units</source>
        <translation>隱藏單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="60"/>
        <source>Training steps</source>
        <translation>訓練步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="62"/>
        <source>Train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="63"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="71"/>
        <source>Train the tagger, then tag a sentence.</source>
        <translation>先訓練詞性標注器，再替句子標注詞性。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="78"/>
        <source>A tagger gives every word its part of speech. The same word can take different tags: “book” is a verb in “I book a room” and a noun in “I read a book”, and the words around it tell which. A one-way network has read only the words before a word when it tags it. A bidirectional network also reads the sentence from the end, so it sees the words after as well: in “the light is bright” and “the light bag is heavy” the words before “light” are the same, and only the next word tells a noun from an adjective. Train with Bidirectional off, then on, and compare.</source>
        <translation>詞性標注器會替每個詞標上它的詞性。同一個詞可能得到不同的標籤：「book」在「I book a room」裡是動詞，在「I read a book」裡是名詞，要靠它周圍的詞才分辨得出來。單向網路在標注一個詞時，只讀過這個詞前面的詞。雙向網路還會從句尾往回讀，所以也看得到後面的詞：在「the light is bright」和「the light bag is heavy」裡，「light」前面的詞完全相同，只有下一個詞能分辨它是名詞還是形容詞。請先關閉「雙向」訓練一次，再開啟後訓練一次，比較兩者的結果。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="87"/>
        <source>Tag a sentence</source>
        <translation>替句子標注詞性</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="91"/>
        <source>Type a sentence…</source>
        <translation>輸入一個句子…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="92"/>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="103"/>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="194"/>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="322"/>
        <source>Tag</source>
        <translation>標注</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="94"/>
        <source>Examples…</source>
        <translation>範例…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="103"/>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="194"/>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="322"/>
        <source>Word</source>
        <translation>詞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="110"/>
        <source>Tags: NOUN noun, PROPN proper noun, VERB verb, AUX auxiliary, ADJ adjective, ADV adverb, DET determiner, PRON pronoun, ADP preposition, CCONJ conjunction, NUM number, PUNCT punctuation. Words in italics were never seen in training.</source>
        <translation>標籤：NOUN 名詞、PROPN 專有名詞、VERB 動詞、AUX 助動詞、ADJ 形容詞、ADV 副詞、DET 限定詞、PRON 代名詞、ADP 介系詞、CCONJ 連接詞、NUM 數詞、PUNCT 標點符號。以斜體顯示的詞在訓練時從未出現過。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="141"/>
        <source>Step %1 of %2 · loss %3</source>
        <translation>第 %1 / %2 步 · 損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="224"/>
        <source>Reading the tagged sentences…</source>
        <translation>正在讀取已標注的句子…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="248"/>
        <source>Held-out accuracy %1 % on %2 words of %3 sentences (untrained: %4 %).</source>
        <translation>在保留測試的 %3 個句子（共 %2 個詞）上，準確率為 %1%（未訓練時：%4%）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="252"/>
        <source>Stopped after %1 steps. %2</source>
        <translation>執行 %1 步後已停止。%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="253"/>
        <source>%1 steps in %2 s. %3</source>
        <translation>共 %1 步，耗時 %2 秒。%3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="342"/>
        <source>Not in the training sentences: the tagger sees it as &lt;unk&gt;.</source>
        <translation>訓練句子裡沒有這個詞：詞性標注器會把它當成 &lt;unk&gt;。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/taggingpage.cpp" line="187"/>
        <source>The lesson&apos;s tagger: held-out accuracy %1 % on %2 words of %3 sentences.</source>
        <translation>課程的標註器：在保留測試的 %3 個句子（共 %2 個詞）上，準確率為 %1%。</translation>
    </message>
</context>
<context>
    <name>TracePlots</name>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="72"/>
        <source>unit (backward direction)</source>
        <translation>單元（反向）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="72"/>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="100"/>
        <source>unit</source>
        <translation>單元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="73"/>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="100"/>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="110"/>
        <source>time (token)</source>
        <translation>時間（詞元）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="110"/>
        <source>activation</source>
        <translation>激勵值</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="122"/>
        <source>unit %1 (%2)</source>
        <translation>單元 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="130"/>
        <source>time step (the loss is at the right end)</source>
        <translation>時間步（損失位於最右端）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/plots/traceplots.cpp" line="130"/>
        <source>|dL/dh_t|</source>
        <translation>|dL/dh_t|</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="63"/>
        <source>%1: %2 tokens, vocabulary %3 (%4 tokenizer), %5 parameters</source>
        <translation>%1：%2 個詞元，詞彙量 %3（%4 分詞器），%5 個參數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="81"/>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="146"/>
        <source>Nothing to train: prepare a model first.</source>
        <translation>沒有可訓練的模型：請先準備模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="58"/>
        <source>Cannot resume from %1: %2</source>
        <translation>無法從 %1 接續訓練：%2</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="115"/>
        <source>Training stopped: the loss is no longer a finite number at step %1.</source>
        <translation>訓練已停止：第 %1 步的損失不再是有限的數字。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="116"/>
        <source>Training stopped: the gradient of %1 is no longer a finite number at step %2.</source>
        <translation>訓練已停止：第 %2 步時 %1 的梯度不再是有限的數字。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="119"/>
        <source>The weights keep their last finite values; try a smaller learning rate.</source>
        <translation>權重保留最後一組有限的值；請試試較小的學習率。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="210"/>
        <source>it was saved for another model or text</source>
        <translation>它是為另一個模型或另一段文字存的</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="217"/>
        <source>it is at step %1, beyond the %2 steps chosen</source>
        <translation>它停在第 %1 步，超過了設定的 %2 步</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="225"/>
        <source>There is no model to save yet.</source>
        <translation>目前還沒有可儲存的模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="235"/>
        <source>There is no model to export yet.</source>
        <translation>還沒有可以匯出的模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="245"/>
        <source>Train a model first, then trace a text through it.</source>
        <translation>請先訓練模型，再把文字送進去追蹤。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="262"/>
        <source>The text gives no tokens.</source>
        <translation>這段文字切不出任何詞元。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/trainingworker.cpp" line="137"/>
        <source>%1 trained on the language-model tab (step %2)</source>
        <translation>在「語言模型」分頁訓練的 %1（第 %2 步）</translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="65"/>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="66"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="68"/>
        <source>Another example</source>
        <translation>換一個例子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="71"/>
        <location filename="../../app/appcore/views/translationview.cpp" line="348"/>
        <source>Translate</source>
        <translation>翻譯</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="65"/>
        <source>Train a small model</source>
        <translation>訓練一個小模型</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="81"/>
        <source>What a model trained here learns: translation on the parallel corpora, or one-line summaries of short news passages.</source>
        <translation>在這裡訓練的模型要學什麼：用平行語料學翻譯，或替新聞短文寫一行摘要。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="89"/>
        <source>Open an encoder–decoder, or train a small one here for the chosen task (a few minutes).</source>
        <translation>開啟一個編碼器–解碼器模型，或在這裡為所選任務訓練一個小模型（幾分鐘）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="92"/>
        <source>fine-tuning step</source>
        <translation>微調步數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="92"/>
        <source>held-out chrF</source>
        <translation>保留集 chrF</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="105"/>
        <source>%1: span corruption</source>
        <translation>%1：片段破壞</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="107"/>
        <source>%1: text infilling</source>
        <translation>%1：文字填空</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="108"/>
        <source>%1: text infilling + sentence permutation</source>
        <translation>%1：文字填空＋句子重排</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="111"/>
        <source>Pre-training: the damaged text</source>
        <translation>預訓練：被破壞的文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="118"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="119"/>
        <source>Encoder reads</source>
        <translation>編碼器讀到</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="120"/>
        <source>Decoder writes</source>
        <translation>解碼器要寫出</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="131"/>
        <source>1: greedy (the most likely token each step); more: beam search keeps that many prefixes</source>
        <translation>1：貪婪解碼（每一步取最可能的詞元）；更多：束搜尋同時保留這麼多個前綴</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="135"/>
        <source>A finished beam&apos;s log-probability is divided by its length to this power</source>
        <translation>結束的束，其對數機率除以長度的這個次方</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="137"/>
        <source>Forbid repeating any n-gram of this size (0: off)</source>
        <translation>禁止重複這個長度的 n-gram（0：不限制）</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="138"/>
        <location filename="../../app/appcore/views/translationview.cpp" line="349"/>
        <source>A sentence to translate</source>
        <translation>要翻譯的句子</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="139"/>
        <source>Decoding, step by step</source>
        <translation>一步一步解碼</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="146"/>
        <source>Beam width</source>
        <translation>束寬</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="148"/>
        <source>Length penalty</source>
        <translation>長度懲罰</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="150"/>
        <source>No repeated n-gram</source>
        <translation>不重複的 n-gram</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="163"/>
        <source>Token</source>
        <translation>詞元</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="163"/>
        <source>Hypothesis</source>
        <translation>候選譯文</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="163"/>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="166"/>
        <source>What the decoder looked at in the source (cross-attention, last layer):</source>
        <translation>解碼器在原文中看向哪裡（交叉注意力，最後一層）：</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="168"/>
        <source>Alignment</source>
        <translation>對齊</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="204"/>
        <source>Export (PNG, SVG, PDF, CSV)…</source>
        <translation>匯出（PNG、SVG、PDF、CSV）…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="205"/>
        <source>alignment</source>
        <translation>對齊圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="205"/>
        <source>Export the alignment</source>
        <translation>匯出對齊圖</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="220"/>
        <source>from scratch</source>
        <translation>從零訓練</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="222"/>
        <source>pre-trained, then fine-tuned</source>
        <translation>先預訓練、再微調</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="232"/>
        <source>Held-out chrF (greedy, 100 pairs): %1; the same model from scratch: %2.</source>
        <translation>保留集 chrF（貪婪，100 對）：%1；同一個模型從零訓練：%2。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="236"/>
        <source>Held-out chrF (greedy, 100 pairs): %1.</source>
        <translation>保留集 chrF（貪婪，100 對）：%1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="274"/>
        <source>A .safetensors file…</source>
        <translation>.safetensors 檔案…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="275"/>
        <source>Open an encoder–decoder</source>
        <translation>開啟編碼器–解碼器</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="276"/>
        <source>LMScope model (*.safetensors)</source>
        <translation>LMScope 模型 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="280"/>
        <source>A Hugging Face folder…</source>
        <translation>Hugging Face 資料夾…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="281"/>
        <source>Open a Hugging Face T5 or BART folder</source>
        <translation>開啟 Hugging Face 的 T5 或 BART 資料夾</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="348"/>
        <source>Summarise</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="349"/>
        <source>A passage to summarise</source>
        <translation>一段要摘要的文字</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="398"/>
        <source>%1 spans (about 15 % of the tokens, 3 tokens long on average) were cut out. Each left one sentinel in the encoder&apos;s input; the decoder writes each sentinel followed by the tokens it stands for — only what was lost.</source>
        <translation>有 %1 個片段（約 15 % 的詞元，平均長 3 個詞元）被剪掉。每個片段在編碼器的輸入裡留下一個哨兵詞元；解碼器寫出每個哨兵，後面接著它代表的詞元——只寫被拿走的部分。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="405"/>
        <source>%1 spans (about 30 % of the tokens, Poisson lengths with mean 3) became one &lt;mask&gt; each; a span of length 0 inserts a &lt;mask&gt;, so the model must also learn how many tokens are missing. The decoder writes the whole text back.</source>
        <translation>有 %1 個片段（約 30 % 的詞元，長度服從平均為 3 的卜瓦松分布）各變成一個 &lt;mask&gt;；長度為 0 的片段會插入一個 &lt;mask&gt;，所以模型還得學會缺了幾個詞元。解碼器把整段文字寫回來。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="408"/>
        <source>The sentences were shuffled, then %1 spans became one &lt;mask&gt; each. The decoder writes the whole text back in its original order.</source>
        <translation>句子先被打亂，接著有 %1 個片段各變成一個 &lt;mask&gt;。解碼器依原本的順序把整段文字寫回來。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/translationview.cpp" line="461"/>
        <source>Step %1 of %2: chose “%3”</source>
        <translation>第 %1 步（共 %2 步）：選了「%3」</translation>
    </message>
</context>
<context>
    <name>TranslationWorker</name>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="120"/>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="229"/>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="246"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="123"/>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="128"/>
        <source>%1 holds a %2 model, not an encoder–decoder (T5 or BART).</source>
        <translation>%1 裡是 %2 模型，不是編碼器–解碼器（T5 或 BART）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="138"/>
        <source>Opened %1: %2, %3 parameters.</source>
        <translation>已開啟 %1：%2，%3 個參數。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="150"/>
        <source>Unknown task %1.</source>
        <translation>未知的任務 %1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="161"/>
        <source>No family of the architecture table pre-trains by span corruption.</source>
        <translation>架構表中沒有以片段破壞預訓練的家族。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="176"/>
        <source>Building the tokenizer…</source>
        <translation>正在建立分詞器…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="183"/>
        <source>Pre-training (span corruption): step %1 of %2, loss %3</source>
        <translation>預訓練（片段破壞）：第 %1 步（共 %2 步），損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="190"/>
        <source>Pre-training stopped: %1</source>
        <translation>預訓練中止：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="211"/>
        <source>From scratch, for comparison: step %1 of %2, loss %3</source>
        <translation>從零訓練以供比較：第 %1 步，共 %2 步，損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="212"/>
        <source>Learning the task: step %1 of %2, loss %3</source>
        <translation>學習任務：第 %1 步，共 %2 步，損失 %3</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="239"/>
        <source>Training from scratch stopped: %1</source>
        <translation>從零訓練中止：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="256"/>
        <source>A small %1 (%2 parameters) trained here: span corruption on its corpus, then the task: %3.</source>
        <translation>在這裡訓練的小型 %1（%2 個參數）：先在它的語料上做片段遮蔽預訓練，再學任務：%3。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="224"/>
        <source>Fine-tuning stopped: %1</source>
        <translation>微調中止：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="225"/>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="241"/>
        <source>Scoring 100 held-out pairs…</source>
        <translation>正在為 100 對保留句評分…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="267"/>
        <source>Train or open a model first.</source>
        <translation>請先訓練或開啟一個模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="276"/>
        <source>Type a sentence to translate.</source>
        <translation>請輸入要翻譯的句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/translationworker.cpp" line="333"/>
        <source>%1 is not an encoder–decoder.</source>
        <translation>%1 不是編碼器–解碼器。</translation>
    </message>
</context>
<context>
    <name>WhyLabelPanel</name>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="32"/>
        <source>Why this label</source>
        <translation>為什麼是這個標籤</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="38"/>
        <source>Type a sentence…</source>
        <translation>輸入一個句子…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="39"/>
        <source>Explain</source>
        <translation>解釋</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="41"/>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="138"/>
        <source>gradient × input</source>
        <translation>梯度 × 輸入</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="42"/>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="138"/>
        <source>integrated gradients</source>
        <translation>積分梯度</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="43"/>
        <source>Gradient × input: how the label&apos;s score changes with each token&apos;s vector, times that vector. Integrated gradients: the same along the way from no input to the sentence; its values add up to the score&apos;s change.</source>
        <translation>梯度 × 輸入：標籤分數隨每個詞元向量變化的程度，再乘上該向量。積分梯度：沿著從「沒有輸入」到這個句子的路徑做同樣的計算；各值加總等於分數的變化。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="52"/>
        <source>Click a label to explain it instead.</source>
        <translation>點一個標籤，改為解釋它。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="53"/>
        <source>Fine-tune a model, then type a sentence.</source>
        <translation>先微調一個模型，再輸入句子。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="106"/>
        <source>Fine-tune a model first.</source>
        <translation>請先微調一個模型。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="110"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="123"/>
        <source>The tagger&apos;s tag for every word (B- begins an entity, I- continues it).</source>
        <translation>標註器給每個詞的標記（B- 表示實體開頭，I- 表示延續）。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="133"/>
        <source>Predicted: &lt;b&gt;%1&lt;/b&gt; (%2 %). Colours: how much each token pushed towards &lt;b&gt;%3&lt;/b&gt; (red) or away from it (blue), by %4.</source>
        <translation>預測：&lt;b&gt;%1&lt;/b&gt;（%2%）。顏色：每個詞元把結果推向 &lt;b&gt;%3&lt;/b&gt;（紅）或推離它（藍）的程度，以%4計算。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/views/whylabelpanel.cpp" line="155"/>
        <source>Type a sentence.</source>
        <translation>請輸入一個句子。</translation>
    </message>
</context>
<context>
    <name>ZooWorker</name>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="315"/>
        <source>Read from the cache: %1</source>
        <translation>從存下的結果讀取：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="318"/>
        <source>The cached comparison cannot be read (%1); training again.</source>
        <translation>存下的比較結果讀不了（%1），重新訓練。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="338"/>
        <source>Cannot create the cache folder %1.</source>
        <translation>無法建立快取資料夾 %1。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="361"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="375"/>
        <source>Not cached: %1</source>
        <translation>沒有存下：%1</translation>
    </message>
    <message>
        <location filename="../../app/appcore/workers/zooworker.cpp" line="393"/>
        <source>Run the comparison first.</source>
        <translation>請先執行比較。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="173"/>
        <source>Resume training?</source>
        <translation>要接續訓練嗎？</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="174"/>
        <source>LMScope ended while a model was training. Its last autosave holds step %1. Continue training from there?</source>
        <translation>LMScope 在訓練模型時意外結束。最後一次自動儲存停在第 %1 步。要從那裡繼續訓練嗎？</translation>
    </message>
</context>
</TS>
