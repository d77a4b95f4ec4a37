// Encoder–decoders beyond their goldens: the denoising objectives (T5's span corruption, BART's
// text infilling and sentence permutation), the special tokens a trained tokenizer reserves for
// them, pre-training through prepareTraining, decoding (greedy = the argmax of a teacher-forced
// forward; beam; no-repeat n-grams; sampling), and the chrF / BLEU scores.
#include "core/rng.h"
#include "core/tape.h"
#include "models/architecture.h"
#include "models/seq2seqdecoding.h"
#include "models/t5/t5.h"
#include "text/textmetrics.h"
#include "text/unigram.h"
#include "train/objectives/denoising.h"
#include "train/setup.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

using namespace lm;

namespace {

Seq2SeqIds t5Ids()
{
    Seq2SeqIds ids;
    ids.pad = 0;
    ids.end = 1;
    ids.start = 0;
    for (int n = 0; n < 10; ++n)
        ids.sentinels.push_back(99 - n);
    return ids;
}

Seq2SeqIds bartIds()
{
    Seq2SeqIds ids;
    ids.begin = 0;
    ids.pad = 1;
    ids.end = 2;
    ids.start = 2;
    ids.mask = 99;
    return ids;
}

// Ordinary tokens 10.. so they never look like a special one.
TokenSequence counting(int n, int from = 10)
{
    TokenSequence t(static_cast<std::size_t>(n));
    std::iota(t.begin(), t.end(), from);
    return t;
}

std::vector<std::vector<TokenSequence>> someDocuments()
{
    std::vector<std::vector<TokenSequence>> docs(3);
    for (int d = 0; d < 3; ++d)
        for (int s = 0; s < 6; ++s)
            docs[static_cast<std::size_t>(d)].push_back(counting(5 + s, 10 + 10 * s));
    return docs;
}

// A text the tests pre-train on: a few hundred short sentences in documents.
std::string smallCorpus()
{
    const char *names[] = {"Anna", "Ben", "Kate", "Paul"};
    const char *things[] = {"a letter", "a book", "the tea", "an apple"};
    std::string text;
    for (int i = 0; i < 240; ++i) {
        text += std::string(names[i % 4]) + " reads " + things[(i / 4) % 4] + " every day.\n";
        if (i % 6 == 5)
            text += "\n";
    }
    return text;
}

} // namespace

class TestSeq2Seq final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // T5's rule on 40 tokens: round(40 · 0.15) = 6 noise tokens in round(6 / 3) = 2 spans; the
    // input keeps the rest with a sentinel per span, the target lists each sentinel and its span,
    // and the two together give the text back.
    void spanCorruptionFollowsT5()
    {
        auto o = SpanCorruptionObjective::create(someDocuments(), 64, t5Ids());
        QVERIFY2(o.ok(), o.ok() ? "" : o.error().c_str());
        const Seq2SeqIds ids = t5Ids();
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            Rng rng(seed);
            const TokenSequence text = counting(40);
            const CorruptedText c = o.value().corrupt(text, rng);
            QCOMPARE(c.spans.size(), std::size_t(2));
            QCOMPARE(c.input.size(), std::size_t(40 - 6 + 2));
            QCOMPARE(c.target.size(), std::size_t(6 + 2));
            QVERIFY(c.spans[0].start > 0); // kept text comes first
            int noise = 0;
            TokenSequence rebuilt;
            std::size_t from = 0;
            for (std::size_t s = 0; s < c.spans.size(); ++s) {
                const auto &span = c.spans[s];
                QVERIFY(span.length >= 1);
                noise += span.length;
                QCOMPARE(c.input[static_cast<std::size_t>(span.inputAt)], ids.sentinels[s]);
                QCOMPARE(c.target[static_cast<std::size_t>(span.targetAt)], ids.sentinels[s]);
                rebuilt.insert(rebuilt.end(), c.input.begin() + static_cast<std::ptrdiff_t>(from),
                               c.input.begin() + span.inputAt);
                rebuilt.insert(rebuilt.end(), c.target.begin() + span.targetAt + 1,
                               c.target.begin() + span.targetAt + 1 + span.length);
                from = static_cast<std::size_t>(span.inputAt) + 1;
            }
            rebuilt.insert(rebuilt.end(), c.input.begin() + static_cast<std::ptrdiff_t>(from), c.input.end());
            QCOMPARE(noise, 6);
            QCOMPARE(rebuilt, text);
        }
    }

    // Batches fit the window: the encoder reads the damaged run and </s>; the decoder reads the
    // start token and the target, and predicts the target and </s>; about 15 % of a run is noise.
    void spanCorruptionBatchesFitTheWindow()
    {
        auto o = SpanCorruptionObjective::create(someDocuments(), 24, t5Ids());
        QVERIFY(o.ok());
        QVERIFY(o.value().runLength() > 24); // the sentinels make the input shorter than its run
        Rng rng(4);
        const TokenBatch b = o.value().next(rng, 8);
        QVERIFY(b.time <= 24 && b.decoderTime <= 24);
        for (int r = 0; r < 8; ++r) {
            const auto row = [&](const std::vector<std::int32_t> &v, int T) {
                return std::vector<std::int32_t>(v.begin() + r * T, v.begin() + (r + 1) * T);
            };
            const auto in = row(b.decoderInputs, b.decoderTime), out = row(b.targets, b.decoderTime);
            QCOMPARE(in[0], 0); // <pad> starts T5's decoder
            QVERIFY(in[1] >= 90); // then the first sentinel
            const auto last = std::find(out.begin(), out.end(), TokenBatch::kIgnore);
            QCOMPARE(*(last - 1), 1); // </s> ends the target
        }
        QVERIFY(!SpanCorruptionObjective::create(someDocuments(), 24, Seq2SeqIds{}).ok()); // no sentinels
        QVERIFY(!SpanCorruptionObjective::create({{TokenSequence{}}}, 24, t5Ids()).ok());   // an empty sentence
    }

    // BART's infilling covers at least 30 % of the tokens, each covered run reads one <mask>, and
    // the target is the whole text; with permutation the input's sentences are the original's in
    // another order.
    void textInfillingMasksSpans()
    {
        auto o = TextInfillingObjective::create(someDocuments(), 64, bartIds(), false);
        QVERIFY(o.ok());
        int inserted = 0;
        for (std::uint64_t seed = 1; seed <= 30; ++seed) {
            Rng rng(seed);
            const std::vector<TokenSequence> sentences{counting(20), counting(20, 40)};
            const CorruptedText c = o.value().corrupt(sentences, rng);
            QCOMPARE(c.target, c.original);
            QCOMPARE(c.original.size(), std::size_t(40));
            int covered = 0;
            for (const auto &s : c.spans) {
                covered += s.length;
                inserted += s.length == 0;
                QCOMPARE(c.input[static_cast<std::size_t>(s.inputAt)], 99);
            }
            QVERIFY2(covered >= 12, qPrintable(QString::number(covered))); // ceil(40 · 0.3)
            QCOMPARE(std::count(c.input.begin(), c.input.end(), 99), static_cast<long>(c.spans.size()));
            // The input's tokens other than masks are the text minus the covered spans, in order.
            TokenSequence kept;
            std::vector<char> gone(40, 0);
            for (const auto &s : c.spans)
                for (int i = s.start; i < s.start + s.length; ++i)
                    gone[static_cast<std::size_t>(i)] = 1;
            for (std::size_t i = 0; i < 40; ++i)
                if (!gone[i])
                    kept.push_back(c.original[i]);
            TokenSequence unmasked;
            std::copy_if(c.input.begin(), c.input.end(), std::back_inserter(unmasked), [](std::int32_t t) { return t != 99; });
            QCOMPARE(unmasked, kept);
        }
        QVERIFY(inserted > 0); // Poisson(3) gives zero-length spans now and then: inserted masks

        auto permuting = TextInfillingObjective::create(someDocuments(), 64, bartIds(), true);
        QVERIFY(permuting.ok());
        bool reordered = false;
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            Rng rng(seed);
            const CorruptedText c = permuting.value().corrupt({counting(5), counting(5, 20), counting(5, 30)}, rng);
            std::vector<int> order = c.sentenceOrder;
            QCOMPARE(order.size(), std::size_t(3));
            reordered = reordered || order != std::vector<int>{0, 1, 2};
            std::sort(order.begin(), order.end());
            QCOMPARE(order, (std::vector<int>{0, 1, 2}));
            QCOMPARE(c.target, c.original); // the target keeps the original order
        }
        QVERIFY(reordered);

        Rng rng(2);
        const TokenBatch b = o.value().next(rng, 4);
        QCOMPARE(b.inputs[0], 0);        // <s> first
        QCOMPARE(b.decoderInputs[0], 2); // the decoder starts from </s>
        QCOMPARE(b.decoderInputs[1], 0); // then <s>
        QVERIFY(!TextInfillingObjective::create(someDocuments(), 64, t5Ids(), false).ok()); // no mask
    }

    // A unigram tokenizer trained for T5 reserves <pad> </s> <unk> as 0, 1, 2 and puts the
    // sentinels last (<extra_id_0> the very last), matched whole in text; other kinds refuse.
    void trainedTokenizerReservesTheFamilysTokens()
    {
        const Architecture *t5 = findArchitecture("t5");
        QVERIFY(t5 && t5->seq2seqTokens);
        TokenizerOptions opts;
        opts.maxVocab = 300;
        opts.leadingSpecials = t5->seq2seqTokens->leading;
        opts.trailingSpecials = t5->seq2seqTokens->trailing();
        const UnigramTokenizer tok = UnigramTokenizer::train(smallCorpus(), opts);
        const int V = tok.vocabSize();
        QVERIFY(V > 110 && V <= 300);
        QCOMPARE(tok.tokenId("<pad>").value(), 0);
        QCOMPARE(tok.tokenId("</s>").value(), 1);
        QCOMPARE(tok.unkId(), 2);
        QCOMPARE(tok.tokenId("<extra_id_0>").value(), V - 1);
        QCOMPARE(tok.tokenId("<extra_id_99>").value(), V - 100);
        const auto ids = tok.encode("Anna <extra_id_0> a book");
        QVERIFY(std::count(ids.begin(), ids.end(), V - 1) == 1);
        auto found = findSeq2SeqIds(*t5->seq2seqTokens, tok);
        QVERIFY(found.ok());
        QCOMPARE(found.value().sentinels.size(), std::size_t(100));
        QCOMPARE(found.value().sentinels[0], V - 1);
        QVERIFY(!buildTokenizer("bpe", smallCorpus(), opts).ok());
        // A tokenizer without them: the error names the first one missing.
        const UnigramTokenizer plain = UnigramTokenizer::train(smallCorpus(), TokenizerOptions{});
        auto missing = findSeq2SeqIds(*t5->seq2seqTokens, plain);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().find("</s>") != std::string::npos, missing.error().c_str());
    }

    // prepareTraining with span (T5) and infill,permute (BART): the config's decoder_start is the
    // family's start token in the tokenizer just trained, and a short run lowers the loss.
    void denoisingPreTrainingLearns_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("objectives");
        QTest::newRow("t5 span") << "t5" << "span";
        QTest::newRow("bart infill,permute") << "bart" << "infill,permute";
    }
    void denoisingPreTrainingLearns()
    {
        QFETCH(QString, arch);
        QFETCH(QString, objectives);
        ModelChoice choice;
        choice.arch = arch.toStdString();
        choice.tokenizer = "unigram";
        choice.vocabSize = 200;
        for (const QString &o : objectives.split(QLatin1Char(',')))
            choice.objectives.push_back(o.toStdString());
        choice.options = {{"dim", 32}, {"layers", 1}, {"heads", 2}};
        TrainConfig train;
        train.seq = 24;
        train.batch = 8;
        train.steps = 60;
        train.lr = 3e-3f;
        auto setup = prepareTraining(smallCorpus(), choice, train);
        QVERIFY2(setup.ok(), setup.ok() ? "" : setup.error().c_str());
        TrainingSetup &s = setup.value();
        const Seq2SeqTokens &tokens = *findArchitecture(choice.arch)->seq2seqTokens;
        QCOMPARE(s.model->config()["decoder_start"].get<int>(), s.tokenizer->tokenId(tokens.start).value());
        double first = 0.0, last = 0.0;
        for (int i = 0; i < train.steps; ++i) {
            const double loss = s.trainer->step().loss;
            if (i < 10)
                first += loss / 10;
            if (i >= train.steps - 10)
                last += loss / 10;
        }
        QVERIFY2(last < first - 0.5, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));

        choice.tokenizer = "wordpiece"; // cannot hold the family's special tokens
        auto refused = prepareTraining(smallCorpus(), choice, train);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().find("unigram") != std::string::npos, refused.error().c_str());
        choice.objectives = {arch == QLatin1String("t5") ? "infill" : "span"}; // the other family's objective
        QVERIFY(!prepareTraining(smallCorpus(), choice, train).ok());
    }

    // Greedy decoding writes, at each step, the argmax of the teacher-forced forward over what it
    // wrote so far; beam search with width 1 is greedy; a wider beam finds a target at least as
    // likely (length penalty 0: the plain summed log-probability); no-repeat-ngram 1 repeats no
    // token; sampling repeats itself for a seed.
    void decodingFollowsTheModel()
    {
        T5Config c;
        c.vocabSize = 30;
        c.dim = 16;
        c.heads = 2;
        c.layers = 1;
        Rng rng(5);
        T5Model model(c, rng);
        Seq2SeqIds ids;
        ids.pad = 0;
        ids.end = 1;
        ids.start = 0;
        const std::vector<std::int32_t> source{5, 9, 12, 7, 3};
        DecodingOptions greedy;
        greedy.maxTokens = 12;
        greedy.recordSteps = true;
        const DecodingResult g = decodeSequence(model, source, ids, greedy);
        QVERIFY(!g.tokens.empty());
        QCOMPARE(g.source, (std::vector<std::int32_t>{5, 9, 12, 7, 3, 1}));
        Seq2SeqInput in;
        in.sourceTime = 6;
        in.source = g.source;
        in.decoder = {0};
        in.decoder.insert(in.decoder.end(), g.tokens.begin(), g.tokens.end());
        in.decoderTime = static_cast<int>(in.decoder.size());
        const Tensor logits = model.forward(in); // (1, Td, V)
        double logProb = 0.0;
        for (std::size_t t = 0; t < g.tokens.size(); ++t) {
            const float *row = logits.data() + t * 30;
            QCOMPARE(static_cast<std::int32_t>(std::max_element(row, row + 30) - row), g.tokens[t]);
            double z = 0.0;
            for (int v = 0; v < 30; ++v)
                z += std::exp(static_cast<double>(row[v] - row[0]));
            logProb += row[g.tokens[t]] - row[0] - std::log(z);
        }
        if (!g.ended)
            QVERIFY2(std::abs(logProb - g.logProb) < 1e-3, qPrintable(QStringLiteral("%1 %2").arg(logProb).arg(g.logProb)));
        QCOMPARE(g.steps.size(), g.tokens.size() + (g.ended ? 1 : 0));
        QCOMPARE(g.steps[0].cross.size(), std::size_t(6));
        QVERIFY(std::abs(std::accumulate(g.steps[0].cross.begin(), g.steps[0].cross.end(), 0.0f) - 1.0f) < 1e-4f);

        DecodingOptions beam = greedy;
        beam.lengthPenalty = 0.0f;
        beam.beam = 1;
        QCOMPARE(decodeSequence(model, source, ids, beam).tokens, g.tokens);
        beam.beam = 6;
        const DecodingResult b = decodeSequence(model, source, ids, beam);
        DecodingOptions plainGreedy = greedy;
        plainGreedy.lengthPenalty = 0.0f;
        const DecodingResult g0 = decodeSequence(model, source, ids, plainGreedy);
        QVERIFY2(b.score >= g0.score - 1e-6, qPrintable(QStringLiteral("%1 < %2").arg(b.score).arg(g0.score)));
        QVERIFY(!b.steps.empty() && b.steps[1].beams.size() >= 2);

        DecodingOptions noRepeat = greedy;
        noRepeat.noRepeatNgram = 1;
        noRepeat.maxTokens = 20;
        const DecodingResult n = decodeSequence(model, source, ids, noRepeat);
        QCOMPARE(std::set<std::int32_t>(n.tokens.begin(), n.tokens.end()).size(), n.tokens.size());

        DecodingOptions sample = greedy;
        sample.sample = true;
        sample.temperature = 2.0f;
        QCOMPARE(decodeSequence(model, source, ids, sample).tokens, decodeSequence(model, source, ids, sample).tokens);
        bool differs = false;
        for (std::uint64_t seed = 2; seed < 8 && !differs; ++seed) {
            sample.seed = seed;
            differs = decodeSequence(model, source, ids, sample).tokens != g.tokens;
        }
        QVERIFY(differs);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decodeSequence(model, {}, ids, greedy));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decodeSequence(model, {31}, ids, greedy));

        // vocabLimit (a padded vocabulary): ids at and above it are never written, by greedy
        // search, beam search or sampling, while the unlimited greedy search writes some.
        const auto below4 = [](const std::vector<std::int32_t> &t) {
            return std::all_of(t.begin(), t.end(), [](std::int32_t id) { return id < 4; });
        };
        QVERIFY(!below4(g.tokens));
        for (DecodingOptions o : {plainGreedy, beam, sample}) {
            o.vocabLimit = 4;
            o.maxTokens = 20;
            const DecodingResult r = decodeSequence(model, source, ids, o);
            QVERIFY(!r.tokens.empty() || r.ended);
            QVERIFY(below4(r.tokens));
        }
    }

    // Incremental decoding gives the numbers of the whole decoder: T5 (tied relu; untied
    // gated-gelu with more decoder than encoder blocks) and BART, a padded source row, and beams
    // reordered half-way (keepRows swaps the rows).
    void stepByStepEqualsTheWholeDecoder_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("options");
        QTest::newRow("t5 relu tied") << "t5" << R"({"dim": 16, "heads": 2, "layers": 2})";
        QTest::newRow("t5 gated untied") << "t5"
                                         << R"({"dim": 16, "heads": 3, "head_dim": 4, "layers": 1, "decoder_layers": 2,
                                               "feed_forward": "gated-gelu", "tied_head": false})";
        QTest::newRow("bart") << "bart" << R"({"dim": 16, "heads": 2, "layers": 2, "decoder_layers": 1})";
    }
    void stepByStepEqualsTheWholeDecoder()
    {
        QFETCH(QString, arch);
        QFETCH(QString, options);
        constexpr int V = 40, Ts = 6, Td = 5;
        auto config = findArchitecture(arch.toStdString())->configFor(nlohmann::json::parse(options.toStdString()), V, 16);
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().c_str());
        auto made = createModel(config.value(), 3);
        QVERIFY(made.ok());
        auto *model = dynamic_cast<Seq2SeqModel *>(made.value().get());
        QVERIFY(model);
        Seq2SeqInput in;
        in.batch = 2;
        in.sourceTime = Ts;
        in.source = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 1, 1};
        in.paddingMask = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        in.decoderTime = Td;
        in.decoder = {2, 20, 21, 22, 23, 2, 30, 31, 32, 33};
        const Tensor full = model->forward(in); // (2, Td, V)
        NoGradScope noGrad;
        const Tensor encoded = model->encode(in);
        DecoderCache cache;
        std::vector<int> row{0, 1};
        std::vector<std::uint8_t> mask = in.paddingMask;
        for (int t = 0; t < Td; ++t) {
            if (t == 3) { // the beams trade places
                cache.keepRows({1, 0});
                row = {1, 0};
                mask = {1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1};
            }
            const std::int64_t before = cache.crossBytes();
            const Tensor step = model->decodeStep({in.decoder[row[0] * Td + t], in.decoder[row[1] * Td + t]}, encoded,
                                                  mask, cache);
            QCOMPARE(step.shape(), (Shape{2, V}));
            if (t > 0)
                QCOMPARE(cache.crossBytes(), before); // the source's keys and values stay put
            for (int r = 0; r < 2; ++r)
                for (int v = 0; v < V; ++v) {
                    const float want = full.data()[(static_cast<std::size_t>(row[r]) * Td + t) * V + v];
                    QVERIFY2(std::abs(step.data()[r * V + v] - want) < 1e-4f,
                             qPrintable(QStringLiteral("t %1 row %2 token %3: %4 vs %5").arg(t).arg(r).arg(v)
                                            .arg(step.data()[r * V + v]).arg(want)));
                }
        }
        QCOMPARE(cache.length, Td);
        QVERIFY(cache.selfBytes() > 0);
    }

    // chrF and BLEU: 100 for the reference itself; chrF of "ab" against "abc" by hand: orders 1
    // and 2 occur, F₂ = 5PR / (4P + R) = 10/14 and 5/9, mean 63.49; BLEU is 0 without a common
    // 4-gram and below 100 for a short hypothesis (brevity); Chinese counts a word per character.
    void metricsMatchTheirDefinitions()
    {
        const std::vector<std::string> refs{"the cat sat on the mat", "我 愛 你。"};
        QCOMPARE(corpusChrF(refs, refs), 100.0);
        QCOMPARE(corpusBleu(refs, refs), 100.0);
        QVERIFY(std::abs(corpusChrF({"ab"}, {"abc"}) - 100.0 * (10.0 / 14.0 + 5.0 / 9.0) / 2.0) < 1e-9);
        QCOMPARE(corpusBleu({"a b c"}, {"a b c"}), 0.0); // no 4-gram at all: 0
        const double shortOne = corpusBleu({"the cat sat on the"}, {"the cat sat on the mat"});
        QVERIFY(shortOne > 0.0 && shortOne < 100.0);
        QVERIFY(std::abs(shortOne - 100.0 * std::exp(1.0 - 6.0 / 5.0)) < 1e-9); // precisions 1, brevity only
        QCOMPARE(bleuWords("我愛你。"), (std::vector<std::string>{"我", "愛", "你", "。"}));
        QCOMPARE(bleuWords("Hello, world"), (std::vector<std::string>{"Hello", ",", "world"}));
        QVERIFY(corpusChrF({"xyz"}, {"abc"}) == 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, corpusChrF({"a"}, {}));
    }
};

QTEST_APPLESS_MAIN(TestSeq2Seq)
#include "tst_seq2seq.moc"
