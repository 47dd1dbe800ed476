#!/usr/bin/env bash
# Validity against expert annotations of real news (../shared/data, read by path, never copied).
#
#   scripts/validate.sh [--check] [--data DIR] [--work DIR] [--lexicons DIR] [--nyt DIR]
#
# Builds framelens (release), turns each annotated dataset into a JSONL input with the shared
# eval's make_inputs.py, runs `framelens analyze` on it with the bundled lexicons (or those of
# --lexicons DIR), scores the output with the shared scorers, prints one table and writes it
# to WORK/validation.tsv. With --check, exits 1 when a figure is below its floor in
# validation/floors.tsv. Takes well under a minute after the build. Tone is scored on VADER's
# rated NYT snippets when NYT DIR (default target/ext, see scripts/fetch_vader_nyt.sh) has them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data"
work=""
check=0
lexicons=()
nyt="$root/target/ext"
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --data) data="$2"; shift ;;
    --work) work="$2"; shift ;;
    --lexicons) lexicons=(--lexicons "$(cd "$2" && pwd)"); shift ;;
    --nyt) nyt="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "validate.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
eval_dir="$(cd "$data/.." && pwd)/eval"
export FRAMELENS_EVAL="$eval_dir"   # scripts/tone_nyt.py reads the snippets with its gold.py
[ -d "$data" ] || { echo "validate.sh: no data folder at $data" >&2; exit 2; }
[ -f "$eval_dir/make_inputs.py" ] || { echo "validate.sh: no scorers at $eval_dir" >&2; exit 2; }
[ -n "$work" ] || work=$(mktemp -d -t framelens-validate.XXXXXX)
mkdir -p "$work"

(cd "$root" && cargo build --release --quiet)
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
bin="$target/release/framelens"

python3 "$eval_dir/make_inputs.py" "$data" "$work/inputs" >/dev/null
# VADER's rated NYT snippets are not in ../shared/data: a folder holding only vader_nyt/ makes
# only nyt.jsonl.
[ -f "$nyt/vader_nyt/nytEditorialSnippets_GroundTruth.txt" ] &&
  python3 "$eval_dir/make_inputs.py" "$nyt" "$work/inputs" >/dev/null

analyze() { # dataset -> OUT folder; exit 1 (some documents failed) is reported, not fatal
  local ds=$1
  local rc=0
  # Every hit with every column (matches.csv is compact by default, issue 18): the spans scored
  # are all the matches, as before, and `<ds>.counted` below keeps those with counted = 1.
  "$bin" analyze "$work/inputs/$ds.jsonl" -o "$work/$ds" --sections body --raw-cells --force --quiet \
    --hit-details --all-hits --tone-hits ${lexicons[@]+"${lexicons[@]}"} || rc=$?
  if [ "$rc" -gt 1 ]; then echo "validate.sh: framelens failed on $ds (exit $rc)" >&2; exit 2; fi
}

for ds in ptc basil babe polnear nyt; do
  [ -f "$work/inputs/$ds.jsonl" ] || continue
  analyze "$ds"
  case "$ds" in
    ptc|basil|babe)
      # `loaded`: loaded.csv only (the floored measure). `stance`: loaded.csv plus the
      # attribution verbs whose stance is itself an evaluation (doubting, confrontational).
      python3 "$eval_dir/score_spans.py" --dataset "$ds" "$data" "$work/$ds/matches.csv" \
        --categories 'loaded*' --json "$work/$ds.loaded.json" >/dev/null
      python3 "$eval_dir/score_spans.py" --dataset "$ds" "$data" "$work/$ds/matches.csv" \
        --categories 'loaded*,attribution/doubting,attribution/confrontational' \
        --json "$work/$ds.stance.json" >/dev/null ;;
    nyt) # rated opinion sentences (issue 16): the bundled lexicons, then with VADER's own list
      # added as `--valence`, and VADER itself when the vaderSentiment package is importable.
      python3 "$eval_dir/score_tone.py" "$nyt" "$work/$ds/tone.csv" \
        --json "$work/$ds.tone.json" >/dev/null
      python3 "$root/scripts/tone_nyt.py" split "$nyt" "$work/$ds/tone.csv" "$work/$ds.tone_split.json"
      if [ -f "$data/dictionaries/vader_lexicon.txt" ]; then
        "$bin" analyze "$work/inputs/$ds.jsonl" -o "$work/nyt_vader" --sections body --raw-cells \
          --force --quiet --valence "$data/dictionaries/vader_lexicon.txt" \
          ${lexicons[@]+"${lexicons[@]}"} || true
        python3 "$eval_dir/score_tone.py" "$nyt" "$work/nyt_vader/tone.csv" \
          --json "$work/nyt_vader.tone.json" >/dev/null
      fi
      peer=${FRAMELENS_PY:-python3}
      if "$peer" -c 'import vaderSentiment' 2>/dev/null; then
        "$peer" "$root/scripts/tone_nyt.py" vader "$nyt" "$work/vader_peer.csv"
        python3 "$eval_dir/score_tone.py" "$nyt" "$work/vader_peer.csv" \
          --json "$work/vader_peer.tone.json" >/dev/null
      fi ;;
    polnear)
      if [ -f "$work/$ds/attributions.csv" ]; then
        python3 "$eval_dir/score_attribution.py" "$data" "$work/$ds/attributions.csv" \
          --json "$work/$ds.attribution.json" >/dev/null
        # Attribution model (issue 19): the same articles with the cues decided by the
        # bundled cue model (trained on PolNeAR train; dev chose its epoch and thresholds),
        # and the precision of non-neutral stance classes with the rules and with the model.
        "$bin" analyze "$work/inputs/$ds.jsonl" -o "$work/polnear_model" --sections body \
          --raw-cells --force --quiet --cue-model bundled ${lexicons[@]+"${lexicons[@]}"} || true
        python3 "$eval_dir/score_attribution.py" "$data" "$work/polnear_model/attributions.csv" \
          --json "$work/polnear_model.attribution.json" >/dev/null
        for run in polnear polnear_model; do
          python3 "$root/scripts/stance_precision.py" "$data" "$work/$run/attributions.csv" \
            --json "$work/$run.stance_precision.json" >/dev/null
        done
      fi ;;
  esac
done

# --- Issue 14: which hits count, and the headline score -------------------------------------
# `<ds>.counted`: the span scores over the hits that count in the rates (matches.csv rows with
# counted = 1: no names, boilerplate, set phrases, non-cue attribution words, each token in one
# dimension). `abp.rank`: on Article-Bias-Prediction, within each event, the share of (centre,
# partisan) article pairs whose centre article has the lower headline score (and the lower
# loaded_authorial_per_1k), overall and per split of splits/random (scripts/abp_rank.py).
for ds in ptc basil babe; do
  [ -f "$work/$ds/matches.csv" ] || continue
  python3 - "$work/$ds/matches.csv" "$work/$ds/matches.counted.csv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f, \
        open(sys.argv[2], "w", encoding="utf-8", newline="") as o:
    r = csv.DictReader(f)
    w = csv.DictWriter(o, r.fieldnames)
    w.writeheader()
    w.writerows(row for row in r if row["counted"] == "1")
PY
  python3 "$eval_dir/score_spans.py" --dataset "$ds" "$data" "$work/$ds/matches.counted.csv" \
    --categories 'loaded*' --json "$work/$ds.counted.json" >/dev/null
done
if [ -f "$data/article_bias_prediction/event_groups.tsv" ]; then
  python3 "$root/scripts/abp_rank.py" input "$data" "$work/abp_input"
  rc=0
  "$bin" analyze "$work/abp_input/abp.jsonl" -o "$work/abp" --raw-cells --force --quiet \
    ${lexicons[@]+"${lexicons[@]}"} || rc=$?
  if [ "$rc" -gt 1 ]; then echo "validate.sh: framelens failed on abp (exit $rc)" >&2; exit 2; fi
  python3 "$root/scripts/abp_rank.py" score "$data" "$work/abp" "$work/abp.rank.json" >/dev/null
fi
# --- end of issue 14 --------------------------------------------------------------------------

args=("$work" "$root/validation/floors.tsv")
[ "$check" = 1 ] && args+=(--check)
# Without VADER's snippets (scripts/fetch_vader_nyt.sh) the tone checks are skipped, not failed.
[ -f "$nyt/vader_nyt/nytEditorialSnippets_GroundTruth.txt" ] || args+=(--absent=nyt)
python3 "$root/scripts/validation_table.py" "${args[@]}"
