#!/bin/bash
# Runs every fuzz target for SECONDS each, two at a time (the machine has two cores), each from
# a scratch copy of its seed corpus, and prints per target the executions, exec/s, the final
# coverage and whether it crashed. Logs, grown corpora and crash inputs stay in the scratch
# folder printed at the end.
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]     (default: all targets)
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(safetensors vec hf_folder hf_encoder corpus csv_tsv vocab_txt tokenizer_json spiece_model labelled_tsv lesson zoo_json)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lmscope-fuzz-run.XXXXXX")

runOne() {
    local name=$1 dir=$scratch/$1
    mkdir -p "$dir/corpus"
    cp "$here/corpus/$name/"* "$dir/corpus/"
    # -rss_limit_mb also caps single allocations, so a loader that trusts a size it read is a
    # crash here instead of a slow swap.
    (cd "$dir" && "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$dir/" corpus >log 2>&1)
    echo $? >"$dir/rc"
}

for name in "${targets[@]}"; do
    if [ ! -x "$build/tests/fuzz/fuzz_$name" ]; then
        echo "$build/tests/fuzz/fuzz_$name is missing (configure with -DLMSCOPE_FUZZ=ON and build)" >&2
        exit 2
    fi
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
    runOne "$name" &
done
wait

status=0
printf '%-12s %12s %8s %8s  %s\n' target executions exec/s cov result
for name in "${targets[@]}"; do
    dir=$scratch/$name
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
    artifacts=$(ls "$dir" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' | tr '\n' ' ')
    if [ "$(cat "$dir/rc")" = 0 ] && [ -z "$artifacts" ]; then
        result=ok
    else
        result="CRASHED (rc $(cat "$dir/rc")) $artifacts"
        status=1
    fi
    printf '%-12s %12s %8s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$result"
done
echo "logs, corpora and crash inputs: $scratch"
exit $status
