// lmscope-cli forward: one pass of a trained model (ours, or a Hugging Face folder of a family the
// table reads) over a text or ids: its logits and the last layer's hidden states (recurrent models
// and encoders) as CSV, its attention (transformers) as JSON. Encoders also read a pair (--pair)
// or token types (--token-type-ids); encoder–decoders a decoder input (--decoder-ids) and write
// their encoder, decoder and cross-attention.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "core/tape.h"
#include "io/atomicfile.h"
#include "io/checkpoint.h"
#include "io/hfimport.h"
#include "core/ops.h"
#include "models/architecture.h"
#include "models/encoder/encoder.h"
#include "models/seq2seqmodel.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <sstream>

namespace {

// "3,14,15" -> ids in [0, limit); `option` and `what` ("the vocabulary", "the type vocabulary")
// name them in errors.
std::vector<std::int32_t> parseIds(const std::string &text, int limit, const char *option = "--ids",
                                   const char *what = "the vocabulary")
{
    std::vector<std::int32_t> ids;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        std::int32_t v = 0;
        const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + comma, v);
        if (ec != std::errc() || end != text.data() + comma)
            throw UsageError(std::string(option) + ": '" + text.substr(pos, comma - pos) + "' is not an integer");
        if (v < 0 || v >= limit)
            throw InputError(std::string(option) + ": " + std::to_string(v) + " is outside " + what + " of " +
                             std::to_string(limit));
        ids.push_back(v);
        pos = comma + 1;
    }
    return ids;
}

std::string csvEscape(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A (rows, cols) row-major matrix as a JSON array of rows.
void appendMatrix(std::ostringstream &json, const float *values, std::int64_t rows, std::int64_t cols)
{
    json << '[';
    for (std::int64_t r = 0; r < rows; ++r) {
        json << (r ? ",[" : "[");
        for (std::int64_t c = 0; c < cols; ++c)
            json << (c ? "," : "") << values[r * cols + c];
        json << ']';
    }
    json << ']';
}

// trace's "{prefix}layer{l}.head{h}.attention" as JSON [layer][head][query][key] (DESIGN.md's
// contract) into `path`; false when the trace holds none under that prefix.
bool writeAttention(const lm::Trace &trace, const std::string &prefix, const std::string &path)
{
    int layers = 0, heads = 0;
    auto name = [&](int l, int h) { return prefix + "layer" + std::to_string(l) + ".head" + std::to_string(h) + ".attention"; };
    while (trace.has(name(layers, 0)))
        ++layers;
    while (layers > 0 && trace.has(name(0, heads)))
        ++heads;
    if (layers == 0)
        return false;
    std::ostringstream json;
    json.imbue(std::locale::classic());
    json << '[';
    for (int l = 0; l < layers; ++l) {
        json << (l ? ",[" : "[");
        for (int h = 0; h < heads; ++h) {
            const lm::TraceMatrix *m = trace.find(name(l, h));
            json << (h ? "," : "");
            appendMatrix(json, m->values.data(), m->rows, m->cols);
        }
        json << ']';
    }
    json << "]\n";
    if (auto st = lm::writeFileAtomically(path, json.str()); !st)
        throw std::runtime_error(st.error());
    return true;
}

// The --<flag> options of every family's trace exports (the table's traceExports).
std::vector<std::string> traceExportFlags()
{
    std::vector<std::string> flags;
    for (const lm::Architecture *a : lm::architectures())
        for (const lm::TraceExport &e : a->traceExports)
            if (std::find(flags.begin(), flags.end(), e.flag) == flags.end())
                flags.push_back(e.flag);
    return flags;
}

// trace's "layer{l}.<suffix>" of every layer as JSON [layer][row][col] into `path`; false when
// the trace holds none.
bool writeLayerMatrices(const lm::Trace &trace, const std::string &suffix, const std::string &path)
{
    int layers = 0;
    auto name = [&](int l) { return "layer" + std::to_string(l) + "." + suffix; };
    while (trace.has(name(layers)))
        ++layers;
    if (layers == 0)
        return false;
    std::ostringstream json;
    json.imbue(std::locale::classic());
    json << '[';
    for (int l = 0; l < layers; ++l) {
        const lm::TraceMatrix *m = trace.find(name(l));
        json << (l ? "," : "");
        appendMatrix(json, m->values.data(), m->rows, m->cols);
    }
    json << "]\n";
    if (auto st = lm::writeFileAtomically(path, json.str()); !st)
        throw std::runtime_error(st.error());
    return true;
}

} // namespace

int forwardCommand(const std::vector<std::string> &words)
{
    std::vector<std::string> options{"model",      "text",      "pair",      "ids",
                                     "token-type-ids", "decoder-ids", "logits", "hidden",
                                     "attention",  "encoder-attention", "decoder-attention", "cross-attention",
                                     "implicit",   "layer"};
    const std::vector<std::string> exportFlags = traceExportFlags();
    options.insert(options.end(), exportFlags.begin(), exportFlags.end());
    const Args args(words, std::set<std::string>(options.begin(), options.end()), {});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    if (args.has("text") == args.has("ids"))
        throw UsageError("give exactly one of --text T and --ids 3,14,15");
    std::vector<std::string> outputs{"logits",          "hidden",          "attention", "encoder-attention",
                                     "decoder-attention", "cross-attention", "implicit"};
    outputs.insert(outputs.end(), exportFlags.begin(), exportFlags.end());
    for (const std::string &option : outputs)
        if (args.has(option))
            checkOutputPath(option.c_str(), args.required(option));
    auto ckpt = lm::loadModelPath(args.required("model"));
    if (!ckpt)
        throw InputError(ckpt.error());
    lm::Checkpoint &c = ckpt.value();
    auto *encoder = dynamic_cast<lm::EncoderModel *>(c.model.get());
    auto *seq2seq = dynamic_cast<lm::Seq2SeqModel *>(c.model.get());
    for (const char *option : {"decoder-ids", "encoder-attention", "decoder-attention", "cross-attention"})
        if (!seq2seq && args.has(option))
            throw UsageError(std::string("--") + option + " applies to encoder-decoder models; a " + c.model->arch() +
                             " model reads one sequence");
    if (!encoder && (args.has("pair") || args.has("token-type-ids")))
        throw UsageError(std::string("--") + (args.has("pair") ? "pair" : "token-type-ids") + " applies to encoders; a " +
                         c.model->arch() + " model reads one sequence");
    const lm::Architecture *family = lm::findArchitecture(c.model->arch());
    for (const std::string &flag : exportFlags)
        if (args.has(flag) && !(family && std::any_of(family->traceExports.begin(), family->traceExports.end(),
                                                      [&](const lm::TraceExport &e) { return e.flag == flag; }))) {
            std::string which;
            for (const lm::Architecture *a : lm::architectures())
                for (const lm::TraceExport &e : a->traceExports)
                    if (e.flag == flag)
                        which += (which.empty() ? "" : ", ") + a->name;
            throw UsageError("--" + flag + " applies to " + which + " models; a " + c.model->arch() + " model has none");
        }
    if (args.has("implicit") && !(family && family->implicitAttention)) {
        std::string which;
        for (const lm::Architecture *a : lm::architectures())
            if (a->implicitAttention)
                which += (which.empty() ? "" : ", ") + a->name;
        throw UsageError("--implicit applies to " + which + " models; a " + c.model->arch() + " model has none");
    }
    if (args.has("layer") && !args.has("implicit"))
        throw UsageError("--layer goes with --implicit");
    if (args.has("pair") && !args.has("text"))
        throw UsageError("--pair goes with --text");
    if (args.has("token-type-ids") && !args.has("ids"))
        throw UsageError("--token-type-ids goes with --ids");
    std::vector<std::int32_t> ids, types;
    // Ids with a token: a Hugging Face T5 pads its embedding past its tokenizer (32128 rows, 32100 tokens).
    const int known = std::min(c.model->vocabSize(), c.tokenizer->vocabSize());
    if (args.has("ids")) {
        ids = parseIds(args.required("ids"), known);
        if (args.has("token-type-ids")) {
            types = parseIds(args.required("token-type-ids"), encoder->encoderConfig().typeVocab, "--token-type-ids",
                             "the type vocabulary");
            if (types.size() != ids.size())
                throw InputError("--token-type-ids: " + std::to_string(types.size()) + " types for " +
                                 std::to_string(ids.size()) + " ids");
        }
    } else if (encoder) { // [CLS] A [SEP] (B [SEP]) with token types, as the folder's tokenizer builds it
        const auto pair = args.has("pair") ? std::optional<std::string>(args.required("pair")) : std::nullopt;
        const lm::EncodedPair e = lm::encodeForEncoder(*c.tokenizer, args.required("text"), pair, 0);
        ids = e.ids;
        types = e.tokenTypes;
    } else {
        ids = c.tokenizer->encode(args.required("text"));
    }
    if (ids.empty())
        throw InputError("the text gives no tokens");
    if (encoder && static_cast<int>(ids.size()) > encoder->encoderConfig().maxSeq)
        throw InputError(std::string(args.has("ids") ? "--ids" : "--text") + ": " + std::to_string(ids.size()) +
                         " tokens exceed the position table of " + args.required("model") + " (max_seq " +
                         std::to_string(encoder->encoderConfig().maxSeq) + ")");
    lm::Trace trace;
    for (std::int32_t id : ids)
        trace.tokens.push_back(c.tokenizer->tokenText(id));
    std::vector<std::string> rowTokens = trace.tokens; // what each row of the logits follows
    lm::NoGradScope noGrad;
    lm::Tensor logits;
    if (seq2seq) { // the source for the encoder; the decoder reads --decoder-ids (default: the start token)
        lm::Seq2SeqInput in;
        in.source = ids;
        in.sourceTime = static_cast<int>(ids.size());
        in.decoder = args.has("decoder-ids") ? parseIds(args.required("decoder-ids"), known, "--decoder-ids")
                                             : std::vector<std::int32_t>{seq2seq->decoderStart()};
        in.decoderTime = static_cast<int>(in.decoder.size());
        const lm::Tensor out = seq2seq->forward(in, &trace); // (1, Td, V)
        logits = lm::reshape(out, {in.decoderTime, out.size(2)});
        rowTokens.clear();
        for (std::int32_t id : in.decoder)
            rowTokens.push_back(c.tokenizer->tokenText(id));
    } else if (encoder) { // the head's logits at every position (the classifier: one row)
        lm::EncoderInput in;
        in.time = static_cast<int>(ids.size());
        in.ids = ids;
        in.tokenTypes = types;
        const lm::Tensor hidden = encoder->encode(in, &trace);
        const lm::Tensor rows = lm::reshape(hidden, {in.time, hidden.size(2)});
        switch (encoder->encoderConfig().head) {
        case lm::EncoderHead::Pretrain: logits = encoder->maskedLmLogits(rows); break;
        case lm::EncoderHead::Tag: logits = encoder->classifierLogits(rows); break;
        case lm::EncoderHead::Classify: logits = encoder->classifierLogits(encoder->pooled(hidden)); break;
        }
    } else {
        logits = c.model->sequenceLogits(ids, &trace); // (T, V)
    }
    const std::int64_t T = logits.size(0), V = logits.size(1);

    if (args.has("logits")) {
        std::ostringstream csv;
        csv.imbue(std::locale::classic());
        csv << "position,token";
        for (std::int64_t v = 0; v < V; ++v)
            csv << ",logit_" << v;
        csv << '\n';
        for (std::int64_t t = 0; t < T; ++t) {
            csv << t << ',' << csvEscape(T == static_cast<std::int64_t>(rowTokens.size()) ? rowTokens[static_cast<std::size_t>(t)]
                                                                                         : std::string("[CLS] (pooled)"));
            for (std::int64_t v = 0; v < V; ++v)
                csv << ',' << logits.data()[t * V + v];
            csv << '\n';
        }
        if (auto st = lm::writeFileAtomically(args.required("logits"), csv.str()); !st)
            throw std::runtime_error(st.error());
    }
    if (args.has("hidden")) {
        // The last layer: forward states, then the backward direction's for a bidirectional stack.
        // An encoder: its last layer's output ("layer{l}.hidden").
        const char *suffix = encoder || seq2seq ? ".hidden" : ".forward.hidden";
        int last = -1;
        while (trace.has("layer" + std::to_string(last + 1) + suffix))
            ++last;
        if (last < 0)
            throw InputError(args.required("model") + ": a " + c.model->arch() + " model has no hidden states over time");
        const std::string prefix = "layer" + std::to_string(last);
        const lm::TraceMatrix *fwd = trace.find(prefix + suffix);
        const lm::TraceMatrix *bwd = encoder || seq2seq ? nullptr : trace.find(prefix + ".backward.hidden");
        std::ostringstream csv;
        csv.imbue(std::locale::classic());
        csv << "position,token";
        for (int u = 0; u < fwd->cols; ++u)
            csv << ",h" << u;
        if (bwd)
            for (int u = 0; u < bwd->cols; ++u)
                csv << ",h_reverse" << u;
        csv << '\n';
        for (int t = 0; t < fwd->rows; ++t) {
            csv << t << ',' << csvEscape(trace.tokens[static_cast<std::size_t>(t)]);
            for (int u = 0; u < fwd->cols; ++u)
                csv << ',' << fwd->at(t, u);
            if (bwd)
                for (int u = 0; u < bwd->cols; ++u)
                    csv << ',' << bwd->at(t, u);
            csv << '\n';
        }
        if (auto st = lm::writeFileAtomically(args.required("hidden"), csv.str()); !st)
            throw std::runtime_error(st.error());
    }
    // --attention: the (encoder's) self-attention; an encoder-decoder's three kinds by name.
    for (const auto &[option, prefix] : {std::pair<const char *, const char *>{"attention", ""},
                                         {"encoder-attention", ""},
                                         {"decoder-attention", "decoder."},
                                         {"cross-attention", "cross."}})
        if (args.has(option) && !writeAttention(trace, prefix, args.required(option)))
            throw InputError(args.required("model") + ": a " + c.model->arch() + " model has no attention to write");
    if (args.has("implicit")) { // [channel][r][s] of one layer
        const int layer = static_cast<int>(args.integer("layer", 0, 0, 1 << 20));
        auto alpha = family->implicitAttention(*c.model, ids, layer);
        if (!alpha)
            throw InputError(args.required("model") + ": --layer " + std::to_string(layer) + ": " + alpha.error());
        const auto n = static_cast<std::int64_t>(ids.size());
        const std::int64_t channels = static_cast<std::int64_t>(alpha.value().size()) / (n * n);
        std::ostringstream json;
        json.imbue(std::locale::classic());
        json << '[';
        for (std::int64_t ch = 0; ch < channels; ++ch) {
            json << (ch ? "," : "");
            appendMatrix(json, alpha.value().data() + ch * n * n, n, n);
        }
        json << "]\n";
        if (auto st = lm::writeFileAtomically(args.required("implicit"), json.str()); !st)
            throw std::runtime_error(st.error());
    }
    if (family)
        for (const lm::TraceExport &e : family->traceExports)
            if (args.has(e.flag) && !writeLayerMatrices(trace, e.suffix, args.required(e.flag)))
                throw InputError(args.required("model") + ": the model recorded no '" + e.suffix + "'");
    // Without output files, print the most likely next token after each position (an encoder:
    // its guess for the position itself, or the class).
    if (std::none_of(outputs.begin(), outputs.end(), [&](const std::string &o) { return args.has(o); }))
        for (std::int64_t t = 0; t < T; ++t) {
            if (encoder && encoder->encoderConfig().head != lm::EncoderHead::Pretrain) {
                const float *row = logits.data() + t * V;
                const auto best = static_cast<std::size_t>(std::max_element(row, row + V) - row);
                const auto &labels = encoder->encoderConfig().labels;
                std::printf("%s\t-> %s\n", T == 1 ? "[CLS]" : trace.tokens[static_cast<std::size_t>(t)].c_str(),
                            best < labels.size() ? labels[best].c_str() : std::to_string(best).c_str());
                continue;
            }
            const float *row = logits.data() + t * V;
            const auto best = static_cast<std::int32_t>(std::max_element(row, row + std::min<std::int64_t>(V, known)) - row);
            std::printf("%s\t-> %s\n", rowTokens[static_cast<std::size_t>(t)].c_str(), c.tokenizer->tokenText(best).c_str());
        }
    return 0;
}
