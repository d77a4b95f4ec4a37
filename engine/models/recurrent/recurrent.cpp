// Recurrent layers (RNN, LSTM, GRU) as one fused tape op per layer and direction.
//
// Legend: B = batch, T = time, I = input size, H = hidden size, G = gates (RNN 1, LSTM 4, GRU 3),
// s = step (the order the recurrence runs in), t = time(s) = s, or T − 1 − s for the reverse
// direction. Every saved buffer is step-major: row s·B + b holds batch row b at step s, so one
// step is a contiguous (B, ·) block and the whole sequence one (T·B, ·) matrix for the big GEMMs.
//
// Forward : P (T·B, G·H) = X Wihᵀ (one GEMM); per step P_s += h_{s−1} Whhᵀ (one GEMM), then the
//           fused gate math turns P_s into the gate activations in place.
// Backward: per step the gate math's gradient turns the saved activations into dP_s in place and
//           dh_{s−1} = dP_s Whh (one GEMM); after the loop dWhh += dPᵀ H_prev, dWih += dPᵀ X,
//           dX = dP Wih, db += Σ dP as single GEMMs over all steps.
#include "core/fastmath.h"
#include "models/recurrent/recurrent.h"

#include "core/gemm.h"

#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace lm {
namespace {

using Map = Eigen::Map<RowMatrix>; // unaligned: step blocks start anywhere
using ConstMap = Eigen::Map<const RowMatrix>;
using Stride = Eigen::OuterStride<>;
using StridedMap = Eigen::Map<RowMatrix, 0, Stride>;
using ConstStridedMap = Eigen::Map<const RowMatrix, 0, Stride>;

// ---- activations: branch-free float code GCC vectorises (std::tanh and std::exp do not) ----

inline float sigmoidApprox(float x) { return 1.0f / (1.0f + expApprox(-x)); }
// tanh x = sign(x) (1 − e^{−2|x|}) / (1 + e^{−2|x|}): absolute error below 1e-7.
inline float tanhApprox(float x)
{
    const float e = expApprox(-2.0f * std::abs(x));
    return std::copysign((1.0f - e) / (1.0f + e), x);
}

// ---- per-row gate kernels: one batch row of one step, each gate block its own restrict pointer
// so GCC vectorises the loops (the blocks of one row never overlap). Kept out of line: inlined,
// the restrict qualifiers are lost and the loops stay scalar (checked with -fopt-info-vec). ----

// h = tanh(p + b)
[[gnu::noinline]] void rnnForwardRow(std::int64_t H, const float *__restrict p, const float *__restrict bias, float *__restrict h)
{
    for (std::int64_t j = 0; j < H; ++j)
        h[j] = tanhApprox(p[j] + bias[j]);
}

// In: pre-activations i, f, g, o without bias. Out: the gates after their nonlinearity, c, tanh c, h.
[[gnu::noinline]] void lstmForwardRow(std::int64_t H, float *__restrict i, float *__restrict f, float *__restrict g, float *__restrict o,
                    const float *__restrict bi, const float *__restrict bf, const float *__restrict bg,
                    const float *__restrict bo, const float *__restrict cPrev, float *__restrict c,
                    float *__restrict tc, float *__restrict h)
{
    for (std::int64_t j = 0; j < H; ++j) {
        const float ig = sigmoidApprox(i[j] + bi[j]);
        const float fg = sigmoidApprox(f[j] + bf[j]);
        const float gg = tanhApprox(g[j] + bg[j]);
        const float og = sigmoidApprox(o[j] + bo[j]);
        const float cj = fg * cPrev[j] + ig * gg; // c' = f c + i g
        const float tcj = tanhApprox(cj);
        i[j] = ig;
        f[j] = fg;
        g[j] = gg;
        o[j] = og;
        c[j] = cj;
        tc[j] = tcj;
        h[j] = og * tcj; // h' = o tanh(c')
    }
}

// In: the input side x Wihᵀ in r, z, n (without bias) and the hidden side h Whhᵀ in hr, hz, hn.
// br, bz: b_ih + b_hh; bxn = b_in; bhn = b_hn. Out: r, z, n, hpn = W_hn h + b_hn, h.
[[gnu::noinline]] void gruForwardRow(std::int64_t H, float *__restrict r, float *__restrict z, float *__restrict n,
                   const float *__restrict hr, const float *__restrict hz, const float *__restrict hn,
                   const float *__restrict br, const float *__restrict bz, const float *__restrict bxn,
                   const float *__restrict bhn, float *__restrict hpn, const float *__restrict hPrev,
                   float *__restrict h)
{
    for (std::int64_t j = 0; j < H; ++j) {
        const float rj = sigmoidApprox(r[j] + hr[j] + br[j]);
        const float zj = sigmoidApprox(z[j] + hz[j] + bz[j]);
        const float hnj = hn[j] + bhn[j];
        const float nj = tanhApprox(n[j] + bxn[j] + rj * hnj); // n = tanh(W_in x + b_in + r (W_hn h + b_hn))
        r[j] = rj;
        z[j] = zj;
        n[j] = nj;
        hpn[j] = hnj;
        h[j] = (1.0f - zj) * nj + zj * hPrev[j]; // h' = (1 − z) n + z h
    }
}

// In: the gates i, f, g, o; out: their pre-activation gradients. dc: in dL/dc_s (from step s+1),
// out dL/dc_{s−1}.
[[gnu::noinline]] void lstmBackwardRow(std::int64_t H, float *__restrict i, float *__restrict f, float *__restrict g, float *__restrict o,
                     const float *__restrict cPrev, const float *__restrict tc, const float *__restrict dh,
                     float *__restrict dc)
{
    for (std::int64_t j = 0; j < H; ++j) {
        const float ig = i[j], fg = f[j], gg = g[j], og = o[j];
        // h = o tanh(c)  ->  do = dh tanh(c),  dc += dh o (1 − tanh²c)
        const float dcj = dc[j] + dh[j] * og * (1.0f - tc[j] * tc[j]);
        // c = f c_prev + i g  ->  di = dc g, dg = dc i, df = dc c_prev, dc_prev = dc f;
        // σ' = σ(1 − σ), tanh' = 1 − tanh²
        i[j] = dcj * gg * ig * (1.0f - ig);
        f[j] = dcj * cPrev[j] * fg * (1.0f - fg);
        g[j] = dcj * ig * (1.0f - gg * gg);
        o[j] = dh[j] * tc[j] * og * (1.0f - og);
        dc[j] = dcj * fg;
    }
}

// In: the gates r, z, n and hpn; out: r, z, n hold the hidden side's pre-activation gradient
// (n block: da·r, for W_hn and b_hn), hpn the input side's n block da (for W_in, b_in), and rec
// the direct part of dL/dh_{s−1}, dh z.
[[gnu::noinline]] void gruBackwardRow(std::int64_t H, float *__restrict r, float *__restrict z, float *__restrict n,
                    float *__restrict hpn, const float *__restrict hPrev, const float *__restrict dh,
                    float *__restrict rec)
{
    for (std::int64_t j = 0; j < H; ++j) {
        const float rj = r[j], zj = z[j], nj = n[j];
        // h' = (1 − z) n + z h  ->  dn = dh (1 − z), dz = dh (h − n), dh_prev = dh z + …
        const float dn = dh[j] * (1.0f - zj), dz = dh[j] * (hPrev[j] - nj);
        // n = tanh(a), a = x_n + r hpn  ->  da = dn (1 − n²), dr = da hpn, dhpn = da r
        const float da = dn * (1.0f - nj * nj);
        r[j] = da * hpn[j] * rj * (1.0f - rj);
        z[j] = dz * zj * (1.0f - zj);
        n[j] = da * rj;
        hpn[j] = da;
        rec[j] = dh[j] * zj;
    }
}

Tensor gradTarget(const Tensor &t) { return t.defined() && t.requiresGrad() ? t : Tensor(); }

void checkLayerShapes(CellKind kind, const Tensor &x, const RecurrentWeights &w, const Tensor &h0, const Tensor &c0)
{
    const auto bad = [&](const std::string &what) {
        throw std::invalid_argument(std::string("recurrentLayer(") + cellName(kind) + "): " + what + "; x " +
                                    shapeString(x.shape()) + ", weight_ih " + shapeString(w.weightIh.shape()) +
                                    ", weight_hh " + shapeString(w.weightHh.shape()));
    };
    if (!x.defined() || x.dim() != 3)
        bad("x must be (B, T, I)");
    if (!w.weightIh.defined() || !w.weightHh.defined() || !w.biasIh.defined() || !w.biasHh.defined())
        bad("missing weights");
    const std::int64_t G = gateCount(kind), H = w.weightHh.dim() == 2 ? w.weightHh.size(1) : 0;
    if (H <= 0 || w.weightHh.size(0) != G * H)
        bad("weight_hh must be (G·H, H)");
    if (w.weightIh.dim() != 2 || w.weightIh.size(0) != G * H || w.weightIh.size(1) != x.size(2))
        bad("weight_ih must be (G·H, I)");
    if (w.biasIh.shape() != Shape{G * H} || w.biasHh.shape() != Shape{G * H})
        bad("biases must be (G·H), got " + shapeString(w.biasIh.shape()) + " and " + shapeString(w.biasHh.shape()));
    const Shape state{x.size(0), H};
    if (h0.defined() && h0.shape() != state)
        bad("h0 " + shapeString(h0.shape()) + " must be " + shapeString(state));
    if (c0.defined() && kind != CellKind::Lstm)
        bad("c0 is for LSTM only");
    if (c0.defined() && c0.shape() != state)
        bad("c0 " + shapeString(c0.shape()) + " must be " + shapeString(state));
}

// What the backward pass needs, besides the op's inputs and outputs.
struct Saved {
    CellKind kind;
    bool reverse;
    std::int64_t B, T, I, H, G;
    Tensor xs;    // (T·B, I)  x in step order; reused for dX in backward
    Tensor acts;  // (T·B, G·H) LSTM i,f,g,o / GRU r,z,n after their nonlinearity; becomes dP
    Tensor hs;    // ((T+1)·B, H) h_{s−1} for step s at block s; block 0 is h0
    Tensor cs;    // ((T+1)·B, H) LSTM c, same layout
    Tensor tanhC; // (T·B, H)   LSTM tanh(c_s)
    Tensor hpn;   // (T·B, H)   GRU W_hn h_{s−1} + b_hn; becomes dA_n (the n block of dP for W_ih)
};

// x, h0, c0: the inputs when they require a gradient, else undefined.
void backward(Saved &S, const Tensor &x, const RecurrentWeights &w, const Tensor &h0, const Tensor &c0,
              const Tensor &hidden, const Tensor &hT, const Tensor &cT, Trace *trace, const std::string &prefix)
{
    const std::int64_t B = S.B, T = S.T, I = S.I, H = S.H, G = S.G, GH = G * H, BH = B * H;
    float *P = S.acts.data();
    const float *hs = S.hs.data();
    const float *dHidden = hidden.gradOrNull(); // (B, T, H) from the layer above, or null

    // dh: total dL/dh_s at the current step; dhRec: what flows to h_{s−1}; dc: dL/dc_s.
    RowMatrix dh(B, H), dhRec(B, H), dc;
    dhRec.setZero();
    if (hT.hasGrad())
        dhRec = ConstMap(hT.gradOrNull(), B, H);
    if (S.kind == CellKind::Lstm) {
        dc.setZero(B, H);
        if (cT.defined() && cT.hasGrad())
            dc = ConstMap(cT.gradOrNull(), B, H);
    }
    std::vector<float> gradNorm(trace ? static_cast<std::size_t>(T) : 0);
    const ConstMap Whh(w.weightHh.data(), GH, H);

    for (std::int64_t s = T - 1; s >= 0; --s) {
        const std::int64_t t = S.reverse ? T - 1 - s : s;
        for (std::int64_t b = 0; b < B; ++b) {
            float *d = dh.data() + b * H;
            const float *rec = dhRec.data() + b * H;
            if (dHidden) {
                const float *up = dHidden + (b * T + t) * H;
                for (std::int64_t j = 0; j < H; ++j)
                    d[j] = up[j] + rec[j];
            } else {
                std::copy_n(rec, H, d);
            }
        }
        if (trace)
            gradNorm[static_cast<std::size_t>(t)] = dh.norm();

        float *Ps = P + s * B * GH;
        const float *hPrev = hs + s * BH;
        switch (S.kind) {
        case CellKind::Rnn: {
            // h = tanh(p)  ->  dp = dh (1 − h²)
            const float *hNew = hs + (s + 1) * BH;
            const float *d = dh.data();
            for (std::int64_t k = 0; k < BH; ++k)
                Ps[k] = d[k] * (1.0f - hNew[k] * hNew[k]);
            gemm(dhRec, ConstMap(Ps, B, GH), Whh, false);
            break;
        }
        case CellKind::Lstm: {
            const float *cPrev = S.cs.data() + s * BH, *tc = S.tanhC.data() + s * BH;
            for (std::int64_t b = 0; b < B; ++b) {
                float *row = Ps + b * GH;
                lstmBackwardRow(H, row, row + H, row + 2 * H, row + 3 * H, cPrev + b * H, tc + b * H, dh.data() + b * H,
                                dc.data() + b * H);
            }
            gemm(dhRec, ConstMap(Ps, B, GH), Whh, false);
            break;
        }
        case CellKind::Gru: {
            float *hpn = S.hpn.data() + s * BH;
            for (std::int64_t b = 0; b < B; ++b) {
                float *row = Ps + b * GH;
                gruBackwardRow(H, row, row + H, row + 2 * H, hpn + b * H, hPrev + b * H, dh.data() + b * H,
                               dhRec.data() + b * H);
            }
            gemm(dhRec, ConstMap(Ps, B, GH), Whh, true);
            break;
        }
        }
    }
    if (trace)
        trace->matrices[prefix + "grad_norm"] = TraceMatrix{static_cast<int>(T), 1, std::move(gradNorm)};
    if (h0.defined())
        h0.gradMatrix() += dhRec;
    if (c0.defined())
        c0.gradMatrix() += dc;

    // The sums over all steps. dP is the hidden side's gradient (P = … + h Whhᵀ + b_hh); for the
    // GRU, the input side's n block is dA_n, saved in hpn.
    const std::int64_t rows = T * B;
    const ConstMap dP(P, rows, GH);
    const bool gru = S.kind == CellKind::Gru;
    const std::int64_t shared = gru ? 2 * H : GH; // columns of dP the input side shares
    if (w.weightHh.requiresGrad())
        gemm(MatrixMap(w.weightHh.grad(), GH, H), dP.transpose(), ConstMap(hs, rows, H), true);
    if (w.biasHh.requiresGrad())
        w.biasHh.gradVectorMap() += dP.colwise().sum().transpose();
    if (w.biasIh.requiresGrad()) {
        float *gb = w.biasIh.grad();
        Eigen::Map<Eigen::VectorXf>(gb, shared) += dP.leftCols(shared).colwise().sum().transpose();
        if (gru)
            Eigen::Map<Eigen::VectorXf>(gb + 2 * H, H) += ConstMap(S.hpn.data(), rows, H).colwise().sum().transpose();
    }
    if (w.weightIh.requiresGrad()) {
        Map dW(w.weightIh.grad(), GH, I);
        const ConstMap X(S.xs.data(), rows, I);
        gemm(dW.topRows(shared), dP.leftCols(shared).transpose(), X, true);
        if (gru)
            gemm(dW.bottomRows(H), ConstMap(S.hpn.data(), rows, H).transpose(), X, true);
    }
    if (x.defined()) {
        // dX = dP Wih, computed into the saved X (no longer needed) and scattered back to (B, T, I).
        Map dX(S.xs.data(), rows, I);
        const ConstMap Wih(w.weightIh.data(), GH, I);
        gemm(dX, dP.leftCols(shared), Wih.topRows(shared), false);
        if (gru)
            gemm(dX, ConstMap(S.hpn.data(), rows, H), Wih.bottomRows(H), true);
        float *gx = x.grad();
        for (std::int64_t s = 0; s < T; ++s) {
            const std::int64_t t = S.reverse ? T - 1 - s : s;
            for (std::int64_t b = 0; b < B; ++b) {
                const float *src = S.xs.data() + (s * B + b) * I;
                float *dst = gx + (b * T + t) * I;
                for (std::int64_t k = 0; k < I; ++k)
                    dst[k] += src[k];
            }
        }
    }
}

void recordForwardTrace(const Saved &S, Trace &trace, const std::string &prefix)
{
    const std::int64_t B = S.B, T = S.T, H = S.H, GH = S.G * S.H;
    const auto matrix = [&](const float *base, std::int64_t stride) {
        TraceMatrix m{static_cast<int>(T), static_cast<int>(H), std::vector<float>(static_cast<std::size_t>(T * H))};
        for (std::int64_t s = 0; s < T; ++s) {
            const std::int64_t t = S.reverse ? T - 1 - s : s;
            std::copy_n(base + s * B * stride, H, m.values.data() + t * H); // batch row 0
        }
        return m;
    };
    trace.matrices[prefix + "hidden"] = matrix(S.hs.data() + B * H, H);
    static const char *lstmGates[] = {"gate.i", "gate.f", "gate.g", "gate.o"};
    static const char *gruGates[] = {"gate.r", "gate.z", "gate.n"};
    if (S.kind == CellKind::Rnn)
        return;
    const char **names = S.kind == CellKind::Lstm ? lstmGates : gruGates;
    for (std::int64_t g = 0; g < S.G; ++g)
        trace.matrices[prefix + names[g]] = matrix(S.acts.data() + g * H, GH);
}

} // namespace

int gateCount(CellKind kind)
{
    switch (kind) {
    case CellKind::Rnn: return 1;
    case CellKind::Lstm: return 4;
    case CellKind::Gru: return 3;
    }
    return 1;
}

const char *cellName(CellKind kind)
{
    switch (kind) {
    case CellKind::Rnn: return "rnn";
    case CellKind::Lstm: return "lstm";
    case CellKind::Gru: return "gru";
    }
    return "rnn";
}

LayerResult recurrentLayer(CellKind kind, const Tensor &x, const RecurrentWeights &w, const Tensor &h0, const Tensor &c0,
                           bool reverse, Trace *trace, const std::string &tracePrefix)
{
    checkLayerShapes(kind, x, w, h0, c0);
    const bool record = detail::shouldRecord({&x, &w.weightIh, &w.weightHh, &w.biasIh, &w.biasHh, &h0, &c0});
    Saved S{kind, reverse, x.size(0), x.size(1), x.size(2), w.weightHh.size(1), gateCount(kind), {}, {}, {}, {}, {}, {}};
    const std::int64_t B = S.B, T = S.T, I = S.I, H = S.H, GH = S.G * H, BH = B * H;
    const bool lstm = kind == CellKind::Lstm, gru = kind == CellKind::Gru;

    S.xs = Tensor::zeros({T * B, I});
    S.acts = Tensor::zeros({T * B, GH});
    S.hs = Tensor::zeros({(T + 1) * B, H});
    if (lstm) {
        S.cs = Tensor::zeros({(T + 1) * B, H});
        S.tanhC = Tensor::zeros({T * B, H});
    }
    if (gru)
        S.hpn = Tensor::zeros({T * B, H});
    for (std::int64_t s = 0; s < T; ++s) {
        const std::int64_t t = reverse ? T - 1 - s : s;
        for (std::int64_t b = 0; b < B; ++b)
            std::copy_n(x.data() + (b * T + t) * I, I, S.xs.data() + (s * B + b) * I);
    }
    if (h0.defined())
        std::copy_n(h0.data(), BH, S.hs.data());
    if (lstm && c0.defined())
        std::copy_n(c0.data(), BH, S.cs.data());

    // P = X Wihᵀ for all steps at once; the biases are added in the gate loop.
    const ConstMap Whh(w.weightHh.data(), GH, H);
    gemm(Map(S.acts.data(), T * B, GH), ConstMap(S.xs.data(), T * B, I), ConstMap(w.weightIh.data(), GH, I).transpose(), false);
    // b_ih + b_hh, except the GRU's n block where r multiplies b_hn only (that stays in bh).
    std::vector<float> bias(static_cast<std::size_t>(GH));
    for (std::int64_t k = 0; k < GH; ++k)
        bias[static_cast<std::size_t>(k)] = w.biasIh.data()[k] + (gru && k >= 2 * H ? 0.0f : w.biasHh.data()[k]);
    const float *bi = bias.data(), *bh = w.biasHh.data();
    RowMatrix hp(gru ? B : 0, GH); // GRU: h_{s−1} Whhᵀ for one step

    for (std::int64_t s = 0; s < T; ++s) {
        float *Ps = S.acts.data() + s * B * GH;
        const float *hPrev = S.hs.data() + s * BH;
        float *hNew = S.hs.data() + (s + 1) * BH;
        const ConstMap Hprev(hPrev, B, H);
        switch (kind) {
        case CellKind::Rnn:
            gemm(Map(Ps, B, GH), Hprev, Whh.transpose(), true);
            for (std::int64_t b = 0; b < B; ++b)
                rnnForwardRow(H, Ps + b * H, bi, hNew + b * H);
            break;
        case CellKind::Lstm: {
            gemm(Map(Ps, B, GH), Hprev, Whh.transpose(), true);
            const float *cPrev = S.cs.data() + s * BH;
            float *cNew = S.cs.data() + (s + 1) * BH, *tc = S.tanhC.data() + s * BH;
            for (std::int64_t b = 0; b < B; ++b) {
                float *row = Ps + b * GH;
                lstmForwardRow(H, row, row + H, row + 2 * H, row + 3 * H, bi, bi + H, bi + 2 * H, bi + 3 * H,
                               cPrev + b * H, cNew + b * H, tc + b * H, hNew + b * H);
            }
            break;
        }
        case CellKind::Gru: {
            gemm(hp, Hprev, Whh.transpose(), false);
            float *hpn = S.hpn.data() + s * BH;
            for (std::int64_t b = 0; b < B; ++b) {
                float *row = Ps + b * GH;
                const float *hrow = hp.data() + b * GH;
                gruForwardRow(H, row, row + H, row + 2 * H, hrow, hrow + H, hrow + 2 * H, bi, bi + H, bi + 2 * H,
                              bh + 2 * H, hpn + b * H, hPrev + b * H, hNew + b * H);
            }
            break;
        }
        }
    }

    LayerResult out;
    out.hidden = Tensor::zeros({B, T, H}, record);
    out.hT = Tensor::zeros({B, H}, record);
    for (std::int64_t s = 0; s < T; ++s) {
        const std::int64_t t = reverse ? T - 1 - s : s;
        for (std::int64_t b = 0; b < B; ++b)
            std::copy_n(S.hs.data() + ((s + 1) * B + b) * H, H, out.hidden.data() + (b * T + t) * H);
    }
    std::copy_n(S.hs.data() + T * BH, BH, out.hT.data());
    if (lstm) {
        out.cT = Tensor::zeros({B, H}, record);
        std::copy_n(S.cs.data() + T * BH, BH, out.cT.data());
    }
    if (trace)
        recordForwardTrace(S, *trace, tracePrefix);

    if (record) {
        Tape::active()->push([S, x = gradTarget(x), w, h0 = gradTarget(h0), c0 = gradTarget(c0), hidden = out.hidden,
                              hT = out.hT, cT = out.cT, trace, tracePrefix]() mutable {
            if (!hidden.hasGrad() && !hT.hasGrad() && !(cT.defined() && cT.hasGrad()))
                return;
            backward(S, x, w, h0, c0, hidden, hT, cT, trace, tracePrefix);
        });
    }
    return out;
}

// ---- the stack ----

RecurrentStack::RecurrentStack(const RecurrentConfig &config, Rng &rng) : m_config(config)
{
    if (config.inputSize <= 0 || config.hidden <= 0 || config.layers <= 0)
        throw std::invalid_argument("RecurrentStack: input size, hidden size and layers must be positive, got " +
                                    std::to_string(config.inputSize) + ", " + std::to_string(config.hidden) + ", " +
                                    std::to_string(config.layers));
    const std::int64_t H = config.hidden, GH = gateCount(config.kind) * H;
    const float k = 1.0f / std::sqrt(static_cast<float>(H));
    const auto uniform = [&](const Shape &shape) {
        Tensor t = Tensor::zeros(shape, true);
        for (std::int64_t i = 0; i < t.numel(); ++i)
            t.data()[i] = rng.uniform(-k, k);
        return t;
    };
    for (int l = 0; l < config.layers; ++l)
        for (int d = 0; d < directions(); ++d) {
            const std::int64_t in = l == 0 ? config.inputSize : H * directions();
            RecurrentWeights w; // filled in torch's parameter order
            w.weightIh = uniform({GH, in});
            w.weightHh = uniform({GH, H});
            w.biasIh = uniform({GH});
            w.biasHh = uniform({GH});
            m_weights.push_back(w);
        }
}

ParameterList RecurrentStack::parameters(const std::string &prefix) const
{
    ParameterList list;
    for (int l = 0; l < m_config.layers; ++l)
        for (int d = 0; d < directions(); ++d) {
            const std::string suffix = "_l" + std::to_string(l) + (d ? "_reverse" : "");
            const RecurrentWeights &w = weights(l, d);
            list.push_back({prefix + "weight_ih" + suffix, w.weightIh});
            list.push_back({prefix + "weight_hh" + suffix, w.weightHh});
            list.push_back({prefix + "bias_ih" + suffix, w.biasIh});
            list.push_back({prefix + "bias_hh" + suffix, w.biasHh});
        }
    return list;
}

const RecurrentWeights &RecurrentStack::weights(int layer, int direction) const
{
    if (layer < 0 || layer >= m_config.layers || direction < 0 || direction >= directions())
        throw std::invalid_argument("RecurrentStack::weights: no layer " + std::to_string(layer) + " direction " +
                                    std::to_string(direction));
    return m_weights[static_cast<std::size_t>(layer * directions() + direction)];
}

RecurrentOutput RecurrentStack::forward(const Tensor &x, const RecurrentState &initial, Trace *trace) const
{
    const int D = directions(), n = m_config.layers * D;
    const bool lstm = m_config.kind == CellKind::Lstm;
    if (!x.defined() || x.dim() != 3 || x.size(2) != m_config.inputSize)
        throw std::invalid_argument("RecurrentStack::forward: x " + (x.defined() ? shapeString(x.shape()) : "undefined") +
                                    " must be (B, T, " + std::to_string(m_config.inputSize) + ")");
    if (!initial.empty() && (static_cast<int>(initial.h.size()) != n ||
                             (lstm && static_cast<int>(initial.c.size()) != n)))
        throw std::invalid_argument("RecurrentStack::forward: the initial state needs " + std::to_string(n) +
                                    " h tensors" + (lstm ? " and as many c tensors" : "") + ", got " +
                                    std::to_string(initial.h.size()) + " and " + std::to_string(initial.c.size()));
    RecurrentOutput out;
    Tensor input = x;
    for (int l = 0; l < m_config.layers; ++l) {
        std::vector<Tensor> hidden;
        for (int d = 0; d < D; ++d) {
            const auto i = static_cast<std::size_t>(l * D + d);
            const Tensor h0 = initial.empty() ? Tensor() : initial.h[i];
            const Tensor c0 = initial.empty() || !lstm ? Tensor() : initial.c[i];
            const std::string prefix = "layer" + std::to_string(l) + (d ? ".backward." : ".forward.");
            LayerResult r = recurrentLayer(m_config.kind, input, weights(l, d), h0, c0, d == 1, trace, prefix);
            hidden.push_back(r.hidden);
            out.final.h.push_back(r.hT);
            if (lstm)
                out.final.c.push_back(r.cT);
        }
        input = D == 1 ? hidden[0] : concat(hidden, 2);
    }
    out.output = input;
    return out;
}

} // namespace lm
