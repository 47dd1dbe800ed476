#!/usr/bin/env bash
# Same bytes out: runs two framelens binaries on the same inputs and diffs every output file.
#
#   scripts/same_bytes.sh BASE_BIN NEW_BIN [--work DIR] [--quick]
#
# Inputs: the bundled sample (JSONL and folder), the test corpora, and, when ../shared/data
# exists, the ABP articles (about 27 MB of text, built by bench_corpus.py) and the validation
# inputs of the shared make_inputs.py (PolNeAR dev, PTC, BASIL, BABE), each with 1 and 2
# threads; `framelens compare` with groups on the sample's output; the workbook's sheets.
# manifest.json is compared without its `run` object (command line and thread count).
# --quick leaves out ABP. FRAMELENS_DATA overrides the data folder (a git worktree's ../shared).
# Runs everything, prints each difference as it is found (the run and the files), and exits 1
# at the end, listing the runs that differ, when any did.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
base=$(realpath "$1"); new=$(realpath "$2"); shift 2
work=${TMPDIR:-/tmp}/framelens-same-bytes
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift ;;
    --quick) quick=1 ;;
    *) echo "same_bytes.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
data=${FRAMELENS_DATA:-$root/../shared/data}
mkdir -p "$work/inputs"

diffs=()
differs() { # a run whose outputs differ: said now, listed at the end
  echo "DIFF $1"
  diffs+=("$1")
}

strip_run() { # manifest.json without its run object, for comparison
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); m.pop("run",None); m.get("options",{}).pop("xlsx",None); print(json.dumps(m,indent=1,sort_keys=True))' "$1"
}

same() { # label, then the arguments after `framelens` (the output folder is appended)
  local label=$1; shift
  local a="$work/base-$label" b="$work/new-$label" rc_a=0 rc_b=0
  "$base" "$@" -o "$a" --force --quiet >"$work/base-$label.log" 2>&1 || rc_a=$?
  "$new" "$@" -o "$b" --force --quiet >"$work/new-$label.log" 2>&1 || rc_b=$?
  if [ "$rc_a" != "$rc_b" ]; then differs "$label: exit $rc_a vs $rc_b"; return; fi
  if ! diff -r -q -x manifest.json -x '*.xlsx' "$a" "$b"; then differs "$label"; return; fi
  if [ -f "$a/manifest.json" ] && ! diff <(strip_run "$a/manifest.json") <(strip_run "$b/manifest.json"); then
    differs "$label: manifest.json"; return
  fi
  echo "same  $label ($(du -sh "$a" | cut -f1))"
}

same_xlsx() { # label, analyze arguments: compares the workbook's sheets cell by cell as XML
  local label=$1; shift
  # the same paths for both, since the workbook's README sheet names the run's command and files
  mkdir -p "$work/bin"
  cp "$base" "$work/bin/framelens"
  "$work/bin/framelens" "$@" -o "$work/$label" --force --quiet --xlsx "$work/$label.xlsx" || true
  mv "$work/$label.xlsx" "$work/base-$label.xlsx"
  cp "$new" "$work/bin/framelens"
  "$work/bin/framelens" "$@" -o "$work/$label" --force --quiet --xlsx "$work/$label.xlsx" || true
  mv "$work/$label.xlsx" "$work/new-$label.xlsx"
  if ! python3 - "$work/base-$label.xlsx" "$work/new-$label.xlsx" <<'EOF'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
names = sorted(n for n in a.namelist() if not n.startswith("docProps/"))
if names != sorted(n for n in b.namelist() if not n.startswith("docProps/")):
    sys.exit("DIFF workbook: different parts")
for n in names:
    if a.read(n) != b.read(n):
        sys.exit(f"DIFF workbook part {n}")
EOF
  then differs "$label (workbook)"; return; fi
  echo "same  $label (workbook)"
}

for t in 1 2; do
  same "sample-t$t" analyze "$root/examples/velmora.jsonl" --threads "$t"
  same "folder-t$t" analyze "$root/examples/velmora-folder" --threads "$t"
  same "tests-csv-t$t" analyze "$root/tests/data/corpus.csv" "$root/tests/data/corpus.jsonl" --threads "$t"
  same "sample-raw-excel-t$t" analyze "$root/examples/velmora.jsonl" --raw-cells --excel --threads "$t" --bootstrap 200 --seed 7
done
same_xlsx sample-xlsx analyze "$root/examples/velmora.jsonl"
groups=()
while IFS= read -r g; do groups+=(--group "$g"); done < <(python3 -c '
import json, sys
outlets = sorted({json.loads(l)["outlet"] for l in open(sys.argv[1])})
for i, o in enumerate(outlets):
    print(f"{o}=g{i % 2}")' "$root/examples/velmora.jsonl")
same compare-groups compare "$work/base-sample-t1" "${groups[@]}"
same compare-min1 compare "$work/base-sample-t2" --min-count 1 --bootstrap 100

if [ -d "$data" ]; then
  python3 "$root/../shared/eval/make_inputs.py" "$data" "$work/inputs" >/dev/null
  for ds in polnear ptc basil babe; do
    [ -f "$work/inputs/$ds.jsonl" ] || continue
    for t in 1 2; do
      same "$ds-t$t" analyze "$work/inputs/$ds.jsonl" --sections body --raw-cells --threads "$t"
    done
  done
  same polnear-default analyze "$work/inputs/polnear.jsonl"
  if [ "$quick" = 0 ]; then
    [ -f "$work/inputs/abp.jsonl" ] || python3 "$root/scripts/bench_corpus.py" \
      "$data/article_bias_prediction/articles_event_groups.jsonl" "$work/inputs/abp.jsonl" 27 >/dev/null
    for t in 1 2; do same "abp-t$t" analyze "$work/inputs/abp.jsonl" --threads "$t"; done
  fi
fi
if [ ${#diffs[@]} -gt 0 ]; then
  echo "different bytes in ${#diffs[@]} run(s):"
  printf '  %s\n' "${diffs[@]}"
  exit 1
fi
if [ -d "$data" ]; then echo "same bytes: every run"; else echo "same bytes: every run made (no $data: the validation sets and ABP were not run)"; fi
