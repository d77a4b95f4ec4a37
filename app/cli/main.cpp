// lmscope-cli: LMScope's headless tool. See kUsage (lmscope-cli --help) and DESIGN.md for the
// contract: exit 0 on success, 2 on bad usage or input, 1 otherwise; errors are one line on stderr
// starting with "error: "; output files are written whole or not at all.
#include "args.h"
#include "commands.h"

#include <cstdio>
#include <exception>

const char *const kUsage =
    "lmscope-cli: train and inspect small language models from scripts\n"
    "\n"
    "usage: lmscope-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  archs   [--json]   the architecture table: every family (--arch), its options with\n"
    "          defaults and ranges, its objectives and the views it feeds\n"
    "  train   --arch A --corpus F --out M.safetensors [family options from archs]\n"
    "          [--objective causal|mlm|mlm,nsp|mlm,sop|span|infill|infill,permute]\n"
    "          [--tokenizer byte|char|word|bpe|wordpiece|unigram]\n"
    "          [--vocab-size N] [--seq N]\n"
    "          [--batch N] [--steps N] [--lr X] [--clip X] [--tbptt] [--seed N] [--threads N]\n"
    "          [--log LOSS.csv]\n"
    "          Family options (--dim, --hidden, --layers, --heads, --norm, …) are those `archs`\n"
    "          lists for A; a true/false option is a switch (--tied-head, --no-tied-head).\n"
    "          --chunked-attention: --attention chunked (memory linear in --seq); --clip: global\n"
    "          gradient-norm limit (0 = off, default 1); --tbptt: truncated backpropagation through\n"
    "          time (batch rows read the text in order and carry their state between steps).\n"
    "          F is a text file or builtin:en / builtin:zh_TW. Prints progress on stderr and,\n"
    "          as its last lines, \"loss: X\" (mean of the last 10 steps) and \"tokens/s: X\".\n"
    "          --log writes step,loss,grad_norm,lr,tokens_per_s for every step.\n"
    "          Encoders (bert, albert) train with mlm (default), mlm,nsp or mlm,sop on a text of\n"
    "          documents separated by blank lines, one sentence a line (builtin:documents_en,\n"
    "          builtin:documents_zh_TW); they print \"mlm accuracy: X\" and \"nsp|sop accuracy: X\" too.\n"
    "          Encoder-decoders pre-train by denoising the same kind of text with a unigram\n"
    "          tokenizer holding their special tokens: t5 with span (spans become sentinels),\n"
    "          bart with infill (spans become <mask>) and optionally permute (sentences shuffled).\n"
    "  forward --model M (--text T [--pair T2] | --ids 3,14,15 [--token-type-ids 0,0,1])\n"
    "          [--decoder-ids 0,7,9] [--logits OUT.csv] [--hidden OUT.csv] [--attention OUT.json]\n"
    "          [--encoder-attention OUT.json] [--decoder-attention OUT.json] [--cross-attention OUT.json]\n"
    "          M: our .safetensors or a Hugging Face GPT-2, Llama, BERT, ALBERT, T5, BART, RWKV or Mamba\n"
    "          folder. --text adds an encoder's [CLS]/[SEP] (and token types for --pair); --ids are\n"
    "          taken as given.\n"
    "          Encoder-decoders (t5, bart) read --text/--ids as the source and --decoder-ids (default:\n"
    "          the start token) as the decoder's input.\n"
    "          logits CSV: a row per position (an encoder's MLM guesses or tags; a classifier: one\n"
    "          row; an encoder-decoder: a row per decoder position); hidden: the last layer's states\n"
    "          (recurrent models, encoders); attention: [layer][head][query][key] (transformers; an\n"
    "          encoder-decoder's encoder), --decoder-attention and --cross-attention (query: decoder\n"
    "          position, key: source position) likewise. A family's own exports (archs lists them),\n"
    "          --wkv OUT.json (RWKV: the WKV output) and --ssm OUT.json (Mamba: the scan output before\n"
    "          its gate), each [layer][position][channel]; --implicit OUT.json [--layer N] (Mamba:\n"
    "          layer N's implicit attention of every channel, [channel][output][input], layer 0 by default)\n"
    "  fill-mask --model M --text \"the [MASK] is red\" [--k N]   an encoder's top-k fills per [MASK]\n"
    "  finetune --model M --task sentiment|intent|ner|FILE.tsv --out M2.safetensors [--language en|zh_TW]\n"
    "          [--test FILE.tsv] [--labels a,b,c] [--steps N] [--batch N] [--seq N] [--lr X]\n"
    "          [--from-scratch] [--seed N] [--threads N] [--log LOSS.csv]\n"
    "          An encoder with a new head on labelled data: LABEL<TAB>TEXT lines (classification)\n"
    "          or TOKENS<TAB>BIO-TAGS lines (named entities). A .tsv without --test holds out every\n"
    "          seventh line. --from-scratch: the same model with every weight at random.\n"
    "          Prints the confusion matrix, per-class precision/recall (entities: per type) and,\n"
    "          last, \"accuracy: X\" or \"f1: X\" on the test set.\n"
    "  finetune --model M --task contrastive --out M2.safetensors [--pairs builtin:paraphrase_en|FILE.tsv]\n"
    "          [--temperature 0.05] [--steps N] [--batch N] [--seq N] [--lr X] ...\n"
    "          The encoder itself trained on sentence pairs (TEXT<TAB>TEXT, default the built-in\n"
    "          paraphrases of --language): mean-pooled vectors of a pair close, the batch's others\n"
    "          apart (in-batch negatives). Holds out every seventh pair; prints its pair accuracy.\n"
    "  finetune --model M --task translate-en-zh|translate-zh-en|summarize|FILE.tsv --out M2.safetensors\n"
    "          [--beam N] [--eval-every N] [--eval-pairs N] [--steps N] [--batch N] [--seq N] [--lr X] ...\n"
    "          An encoder-decoder (t5, bart) on text pairs: the built-in parallel corpora\n"
    "          (builtin:en and builtin:zh_TW line by line, every tenth pair held out), the built-in\n"
    "          passages and one-line summaries of --language en|zh_TW (summarize; builtin:summary_*_test\n"
    "          held out) or\n"
    "          SOURCE<TAB>TARGET lines (every seventh held out unless --test). Prints the held-out\n"
    "          chrF every --eval-every steps (greedy, first --eval-pairs pairs), then chrF and BLEU\n"
    "          of greedy and beam search (--beam, default 4) on the whole held-out split.\n"
    "  translate --model M --text T [--beam N] [--length-penalty X] [--no-repeat-ngram N]\n"
    "          [--max-tokens N] [--sample [--temperature X] [--top-k K] [--seed N]] [--steps-out S.json]\n"
    "          An encoder-decoder's target for T (summarize is the same command). --steps-out writes\n"
    "          each step's beams with their scores, the chosen token and its cross-attention row.\n"
    "  embed-sentences --model M --corpus F --out S.tsv [--pool mean|cls]   an encoder's sentence\n"
    "          vectors, one line each: the sentence, then its unit vector (tab-separated). F: a text\n"
    "          (one sentence a line) or builtin:retrieval_en|zh_TW (that set's documents).\n"
    "  search  --model M --corpus F --query T [--k N] [--pool mean|cls]   nearest sentences, cosine\n"
    "  search  --model M --eval builtin:retrieval_en|FILE.tsv [--vectors V.vec]   recall@1, @5 and\n"
    "          MRR of TF-IDF, averaged word vectors (with --vectors) and the encoder on a query set;\n"
    "          last line \"recall@5: X\" (the encoder's).\n"
    "  zoo     --out Z.csv [--corpus F] [--budget-params N] [--steps N] [--layers N] [--families a,b]\n"
    "          [--no-translation] [--threads N]   every family at about the same parameter budget\n"
    "          (default 200000, 300 steps, 2 layers) on the same text (default builtin:en), measured\n"
    "          side by side: held-out next-token loss and perplexity (causal families), masked-LM\n"
    "          loss and accuracy (encoders), chrF of English -> Chinese translation learnt from the\n"
    "          built-in pairs (encoder-decoders), training tokens/s, training memory at T = 128 and\n"
    "          512, generation memory and ms/token at 256 and 2048 tokens. CSV and a table on stdout.\n"
    "  export-hf --model M --out DIR   M (ours or a Hugging Face folder) as the Hugging Face folder of\n"
    "          its family's counterpart: gpt -> GPT-2, llama, bert, albert, t5, bart, rwkv, mamba\n"
    "          (config.json, model.safetensors, the tokenizer's files), for PyTorch and transformers;\n"
    "          forward --model DIR reads it back. DIR must not exist or be empty. A char or word\n"
    "          tokenizer, or an option the counterpart lacks (a GPT with RoPE), is an error.\n"
    "  generate --model M.safetensors --prompt T [--max-new N] [--temperature X] [--top-k K]\n"
    "          [--top-p P] [--seed N] [--threads N]   text from a trained model, streamed as it comes\n"
    "  embed   --method skipgram|cbow|glove|fasttext --corpus F --out V.vec [--dim N]\n"
    "          [--window N] [--negative N] [--epochs N] [--min-count N] [--threads N] [--seed N]\n"
    "          [--unit words|chars] [--normalize] [--hs] [--lr X] [--sample X]\n"
    "          [--minn N --maxn N --bucket N --cbow] (fasttext) [--x-max X] (glove) [--tsv PREFIX]\n"
    "          Word vectors in word2vec text format. fasttext also writes V.subwords.safetensors,\n"
    "          so neighbors answers for unseen words. --unit chars: one token per character\n"
    "          (Chinese); --normalize: lower-case and split punctuation off first; --tsv writes\n"
    "          PREFIXvectors.tsv and PREFIXmetadata.tsv for the Embedding Projector.\n"
    "          Last line: \"words/s: X\" (corpus tokens × epochs per second of wall time).\n"
    "  neighbors --vectors V.vec --word W [--k N]     cosine nearest words\n"
    "  analogy --vectors V.vec A B C [--k N]          B - A + C, e.g. man king woman -> queen\n"
    "  analogy --vectors V.vec --questions Q.txt [--verbose]\n"
    "          top-1 accuracy on word2vec's question format (--verbose: every question)\n"
    "  memory  --arch A[,A…] --seq-lens 256,512,… [--mode train|prefill|infer[,…]] [--batch N]\n"
    "          [--dim N] [--layers N] [--heads N] [--chunked-attention] [--memory-limit MB] --csv OUT.csv\n"
    "          Peak tensor bytes beyond the weights, measured and predicted, and seconds, per length\n"
    "          (A: the families with a memory formula in archs). train: AdamW step over (batch, T); prefill: one forward\n"
    "          without gradients; infer: the batch's sequences decoded token by token up to T (KV\n"
    "          cache or recurrent state). Prints the log-log slope between the two longest lengths. Refuses,\n"
    "          before allocating, a run predicted to exceed the available memory (or MB).\n"
    "          CSV: arch,mode,seq_len,batch,measured_bytes,predicted_bytes,weight_bytes,seconds,\n"
    "          then the predicted parts gradients,optimizer,activations,attention,kv_cache,state,\n"
    "          cross_cache (an encoder-decoder's keys and values of the source).\n"
    "  lesson  --check lessons/FILE.json   runs every step headless and judges its checks;\n"
    "          exit 1 if a check fails (2 if the file breaks the schema in lessons/README.md)\n"
    "  lesson  --check-all [--dir DIR]   every lesson (built in, or DIR/*.json), then the coverage\n"
    "          table: each idea LMScope teaches and the steps that teach it (their \"teaches\");\n"
    "          exit 1 if a check fails or an idea has no passing step\n"
    "  plot    loss --log LOSS.csv --out FILE.png|svg|pdf|csv [--width W] [--height H]\n"
    "          [--dpi D] [--log-y] [--smoothing S]\n"
    "          Draws the training curve from train's --log file.\n"
    "  plot    embedding --vectors V.vec --out FILE [--projection pca|tsne] [--dims 2|3]\n"
    "          [--words N] [--groups G.tsv] [--highlight w1,w2] [--perplexity X] [--iterations N]\n"
    "          The N most frequent words projected (CSV: word,group,x,y[,z]).\n"
    "  plot    hidden --model M --text T [--layer N] [--direction forward|backward] --out FILE\n"
    "  plot    gates --model M --text T [--gate i|f|g|o|r|z|n] [--layer N] --out FILE\n"
    "          A recurrent model's hidden states or gates, units × time with the tokens below.\n"
    "  plot    attention --model M --text T [--layer N] [--head N] --out FILE\n"
    "          one head's query × key weights (a transformer or a Hugging Face GPT-2 folder)\n"
    "  plot    gradients [--steps N] [--hidden N] [--scale X] --out FILE\n"
    "          |dL/dh_t| through time for fresh RNN, LSTM and GRU cells (log scale).\n"
    "  plot    forecast [--series generated|FILE.csv --column C] [--arch rnn|lstm|gru] [--hidden N]\n"
    "          [--window N] [--steps N] [--horizon N] --out FILE   forecast against truth\n"
    "  plot    memory --arch A[,A…] --seq-lens 256,512,… [--mode train|prefill|infer] [--batch N]\n"
    "          [--dim N] [--layers N] [--heads N] [--chunked-attention] [--memory-limit MB] --out FILE\n"
    "          memory's sweep drawn log-log: measured bytes beyond the weights (dots), predicted\n"
    "          (lines), each curve's slope between the two longest lengths (CSV: as memory --csv).\n"
    "  (every plot: --width W --height H --dpi D; FILE ends in .png, .svg, .pdf or .csv)\n"
    "\n"
    "exit codes: 0 success, 1 failure, 2 bad usage or bad input.\n";

int main(int argc, char *argv[])
{
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string command = words.front();
    words.erase(words.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    try {
        if (command == "archs")
            return archsCommand(words);
        if (command == "train")
            return trainCommand(words);
        if (command == "plot")
            return plotCommand(words);
        if (command == "forward")
            return forwardCommand(words);
        if (command == "generate")
            return generateCommand(words);
        if (command == "embed")
            return embedCommand(words);
        if (command == "neighbors")
            return neighborsCommand(words);
        if (command == "analogy")
            return analogyCommand(words);
        if (command == "memory")
            return memoryCommand(words);
        if (command == "lesson")
            return lessonCommand(words);
        if (command == "finetune")
            return finetuneCommand(words);
        if (command == "translate" || command == "summarize")
            return translateCommand(words);
        if (command == "fill-mask")
            return fillMaskCommand(words);
        if (command == "embed-sentences")
            return embedSentencesCommand(words);
        if (command == "search")
            return searchCommand(words);
        if (command == "export-hf")
            return exportHfCommand(words);
        if (command == "zoo")
            return zooCommand(words);
        throw UsageError("unknown command '" + command +
                         "' (commands: archs, train, forward, fill-mask, finetune, translate, summarize, embed-sentences, search, export-hf, zoo, generate, embed, neighbors, analogy, memory, lesson, plot; see --help)");
    } catch (const UsageError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    } catch (const InputError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    } catch (const std::bad_alloc &) {
        std::fprintf(stderr, "error: out of memory\n");
        return 1;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
