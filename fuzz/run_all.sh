#!/usr/bin/env bash
# Runs fuzz targets one after the other (one job each: the machine is shared), each for
# SECONDS seconds, starting from the committed seeds in fuzz/corpus/<target>. New inputs go to
# a scratch corpus outside the repository, so the committed seeds stay small.
#   usage: fuzz/run_all.sh SECONDS [TARGET...]      (default: every target)
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets it
# use the nightly flags it needs. Logs go to $FUZZ_LOG_DIR (default /tmp/framelens-fuzz-logs).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:?usage: run_all.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tokenize lexicon_parse analyze_document csv_input jsonl_input
    dict_liwc dict_liwc22 dict_wordstat dict_lc3 dict_lcd dict_ykd dict_yaml dict_valence)
fi
logs=${FUZZ_LOG_DIR:-/tmp/framelens-fuzz-logs}
scratch=${FUZZ_SCRATCH:-/tmp/framelens-fuzz-corpus}
mkdir -p "$logs"
export RUSTC_BOOTSTRAP=1 CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  echo "== $t: $(date -u +%Y-%m-%dT%H:%M:%SZ), ${secs}s, commit ${FUZZ_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}" | tee -a "$logs/summary.txt"
  cargo fuzz build --debug-assertions "$t"
  set +e
  cargo fuzz run --debug-assertions "$t" "$scratch/$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
    > "$logs/$t.log" 2>&1
  rc=$?
  set -e
  { grep -E "stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb|Done [0-9]+ runs" "$logs/$t.log" || true
    echo "exit code $rc"; ls artifacts/"$t" 2>/dev/null | sed 's/^/artifact: /' || true; } | tee -a "$logs/summary.txt"
done
