#!/usr/bin/env bash
# End-to-end throughput and memory of `framelens analyze` (default lexicons, every analysis)
# on real news from ../shared/data/article_bias_prediction, repeated to 100 MB and 1 GB, side
# by side with the Python peer pipeline (liwc + NLTK Snowball) on the same file.
#
#   scripts/bench.sh [--work DIR] [--skip-1gb] [--skip-peer] [--stages]
#
# --stages also runs the criterion stages of issue 18 (`cargo bench --bench pipeline`: words,
# matching, whole per-document analysis) and prints their MiB/s against the targets.
# Prints one line per run: label, wall s, CPU s, MB/s (text MB / wall), peak RSS MB; then ratios.
# `write-only-100MB-output` copies the 100 MB run's CSVs to one file and syncs it: the floor
# that writing the outputs alone sets.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${TMPDIR:-/tmp}/framelens-bench
big=1
peer=1
stages=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift ;;
    --skip-1gb) big=0 ;;
    --skip-peer) peer=0 ;;
    --stages) stages=1 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
src="$root/../shared/data/article_bias_prediction/articles_event_groups.jsonl"
[ -f "$src" ] || { echo "bench.sh: $src not found" >&2; exit 2; }
mkdir -p "$work"
(cd "$root" && cargo build --release --quiet)
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
bin="$target/release/framelens"

[ -f "$work/abp-100MB.jsonl" ] || python3 "$root/scripts/bench_corpus.py" "$src" "$work/abp-100MB.jsonl" 100
if [ "$big" = 1 ]; then
  [ -f "$work/abp-1GB.jsonl" ] || python3 "$root/scripts/bench_corpus.py" "$src" "$work/abp-1GB.jsonl" 1000
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo -e "run\twall_s\tcpu_s\tMB/s\tpeak_rss_MB"
run() { # label MB input threads
  python3 "$root/scripts/bench_run.py" "$1" "$2" -- "$bin" analyze "$3" -o "$work/out-$1" --force --quiet --threads "$4"
}
run framelens-100MB-t1 100 "$work/abp-100MB.jsonl" 1 | tee "$work/t1.tsv"
run framelens-100MB-t2 100 "$work/abp-100MB.jsonl" 2 | tee "$work/t2.tsv"
# The floor the outputs set: only copying the files the 100 MB run wrote into one new file and
# waiting for the disk (no reading, no analysis). MB/s is text MB per second of that alone.
python3 "$root/scripts/bench_run.py" write-only-100MB-output 100 -- sh -c \
  'cat "$1"/*.csv > "$2" && sync "$2"; s=$?; rm -f "$2"; exit $s' sh "$work/out-framelens-100MB-t2" "$work/write-floor.bin" \
  | tee "$work/floor.tsv"
# Output size: bytes of tables per byte of input text (issue 18: at most 1 by default).
python3 - "$work/out-framelens-100MB-t1" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
text = json.loads((d / "manifest.json").read_text())["counts"]["text_bytes"]
files = sorted(((p.stat().st_size, p.name) for p in d.glob("*.csv")), reverse=True)
total = sum(n for n, _ in files)
print(f"tables of the 100 MB run: {total / 1e6:.1f} MB, {total / text:.2f} bytes per byte of text ("
      + ", ".join(f"{name} {n / text:.2f}" for n, name in files[:4]) + ")")
PY
if [ "$big" = 1 ]; then
  run framelens-1GB-t2 1000 "$work/abp-1GB.jsonl" 2 | tee "$work/t1g.tsv"
fi
# Startup: a one-document run, 15 times once the disk has written back the large runs' output
# (a pending write-back slows every fsync); the run with the median wall time is printed.
printf '{"id":"1","outlet":"A","text":"The regime said so."}\n' > "$work/one.jsonl"
sync
for _ in $(seq 15); do
  python3 "$root/scripts/bench_run.py" framelens-one-document-median-of-15 0.00002 -- "$bin" analyze "$work/one.jsonl" -o "$work/out-one" --force --quiet
done | sort -t$'\t' -k2,2g | sed -n 8p
if [ "$peer" = 1 ]; then
  python3 -c "import liwc, nltk" 2>/dev/null || python3 -m pip install --quiet liwc nltk
  python3 "$root/scripts/bench_run.py" python-liwc-100MB 100 -- python3 "$root/scripts/liwc_peer.py" "$root/lexicons/en/loaded.csv" "$work/abp-100MB.jsonl" | tee "$work/peer.tsv"
fi
python3 - "$work" <<'PY'
import sys, pathlib
w = pathlib.Path(sys.argv[1])
def mbs(name):
    p = w / name
    return float(p.read_text().split("\t")[3]) if p.exists() else None
def rss(name):
    p = w / name
    return float(p.read_text().split("\t")[4]) if p.exists() else None
def cpu_mbs(name):
    p = w / name
    if not p.exists():
        return None
    f = p.read_text().split("\t")
    return float(f[3]) * float(f[1]) / float(f[2]) if float(f[2]) > 0 else None
t1, t2, peer = mbs("t1.tsv"), mbs("t2.tsv"), mbs("peer.tsv")
if cpu_mbs("t1.tsv"):
    print(f"framelens --threads 1: {cpu_mbs('t1.tsv'):.1f} MB of text per CPU second (target 50)")
if cpu_mbs("t1.tsv") and cpu_mbs("peer.tsv"):
    print(f"framelens (1 thread) / python liwc, per CPU second: {cpu_mbs('t1.tsv') / cpu_mbs('peer.tsv'):.1f}x (target 6)")
if t1 and t2:
    print(f"2 threads / 1 thread: {t2 / t1:.2f}x")
if t2 and peer:
    print(f"framelens (2 threads) / python liwc: {t2 / peer:.1f}x; framelens (1 thread) / python liwc: {t1 / peer:.1f}x")
floor = mbs("floor.tsv")
if floor:
    print(f"writing the outputs alone allows at most {floor:.0f} MB of text per second")
if rss("t1g.tsv") and rss("t2.tsv"):
    print(f"peak RSS 1 GB / 100 MB: {rss('t1g.tsv') / rss('t2.tsv'):.2f}x")
PY
if [ "$stages" = 1 ]; then
  # Criterion stages on real news (benches/pipeline.rs), each with its target in MiB/s.
  (cd "$root" && cargo bench --bench pipeline -- 'segment/words$|match/|analyze/per_document$' 2>/dev/null) \
    | awk '/^(segment|match|analyze)\//{name=$1} /thrpt:/ && /MiB\/s/{print name "\t" $4 " MiB/s"}' \
    | sed -e 's/^segment\/words\t.*/& (target 300)/' -e 's/^match\/.*/& (target 250)/' \
          -e 's/^analyze\/per_document\t.*/& (target 80)/'
fi
