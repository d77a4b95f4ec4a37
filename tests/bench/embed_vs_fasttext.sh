#!/usr/bin/env bash
# Word vectors: LMScope's embed command against Debian's fastText 0.9.2 on the same corpus, in
# the same run: wall time and top-1 analogy accuracy on the planted questions, then how many of
# skip-gram's solved questions GloVe and fastText's subword method also solve.
# Usage: tests/bench/embed_vs_fasttext.sh [BUILD_DIR] [WORKDIR]     (needs fasttext, bible-kjv)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}; work=${2:-/tmp/embedbench}
cli="$build/app/lmscope-cli"; peers="$here/../../../shared/peers"
[ -f "$work/embed_corpus.txt" ] || /usr/bin/python3 "$here/make_embed_corpus.py" "$work"
corpus=$work/embed_corpus.txt; questions=$work/analogies.txt
common="--dim 100 --window 5 --negative 5 --epochs 5 --min-count 5 --threads 2"
wall() { local s e; s=$(date +%s.%N); "$@" > "$work/last.out" 2> "$work/last.err"; e=$(date +%s.%N); echo "$e - $s" | bc; }
acc() { "$cli" analogy --vectors "$1" --questions "$questions" | tail -1 | sed 's/accuracy: //'; }
solved() { "$cli" analogy --vectors "$1" --questions "$questions" --verbose | grep ' +$' | cut -d' ' -f1-4 | sort; }
printf "%-28s %9s %9s %7s   %-24s %-24s\n" method "ours (s)" "fastText" ratio "ours accuracy" "fastText accuracy"
for m in "skipgram skipgram nosubwords" "cbow cbow nosubwords" "fasttext skipgram subwords"; do
  set -- $m
  ours=$(wall "$cli" embed --method "$1" --corpus "$corpus" --out "$work/ours_$1.vec" $common)
  peer=$(bash "$peers/fasttext_speed.sh" "$corpus" "$2" "$3" 2 | tee "$work/peer.txt" | sed -n 's/wall_s: //p')
  cp "$(sed -n 's/vectors: //p' "$work/peer.txt")" "$work/peer_$1.vec"
  printf "%-28s %9.2f %9.2f %7.2f   %-24s %-24s\n" "$1 ($2 $3)" "$ours" "$peer" "$(echo "$ours / $peer" | bc -l)" \
    "$(acc "$work/ours_$1.vec")" "$(acc "$work/peer_$1.vec")"
done
glove=$(wall "$cli" embed --method glove --corpus "$corpus" --out "$work/ours_glove.vec" --dim 100 --window 10 --epochs 25 --min-count 5 --threads 2 --x-max 10)
printf "%-28s %9.2f %9s %7s   %-24s\n" "glove (x-max 10)" "$glove" - - "$(acc "$work/ours_glove.vec")"
# fastText's default subsampling (1e-4) drops most planted sentences' frequent words; with
# word2vec's 1e-3, as our skip-gram uses, the subword method keeps the semantic analogies too.
"$cli" embed --method fasttext --sample 1e-3 --corpus "$corpus" --out "$work/ours_fasttext_s3.vec" $common > /dev/null 2>&1
printf "%-28s %9s %9s %7s   %-24s\n" "fasttext --sample 1e-3" - - - "$(acc "$work/ours_fasttext_s3.vec")"
solved "$work/ours_skipgram.vec" > "$work/solved_sg.txt"
for m in glove fasttext fasttext_s3; do
  solved "$work/ours_$m.vec" > "$work/solved_$m.txt"
  both=$(comm -12 "$work/solved_sg.txt" "$work/solved_$m.txt" | wc -l)
  echo "$m solves $both of the $(wc -l < "$work/solved_sg.txt") questions skip-gram solves"
done
