#!/usr/bin/env bash
# Retrains the bundled attribution-cue model models/cues.bin on PolNeAR train, with PolNeAR dev
# choosing the epoch and the threshold, and the margin below, then drops the vocabulary words that
# become no cue in training (`--prune 0`; never any test articles):
#
#   scripts/train_cues.sh [--data DIR] [-o MODEL]
#
# Deterministic: the same data and source give the same bytes (fixed seed and order). The data
# is read in place by path (../shared/data by default) and never copied into the repository;
# the model holds derived statistics only (hashed feature weights and hashed word keys).
# Rebuild afterwards (`cargo build --release`): the binary compiles the model in.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data"
out="$root/models/cues.bin"
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift ;;
    -o) out="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "train_cues.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
polnear="$data/polnear"
[ -d "$polnear/train" ] || { echo "train_cues.sh: no PolNeAR train at $polnear/train" >&2; exit 2; }
(cd "$root" && cargo build --release --quiet)
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
"$target/release/framelens" train-cues --brat "$polnear/train" --dev "$polnear/dev" -o "$out" \
  --epochs 12 --bits 19 --seed 19 --margin 0 --prune 0
sha256sum "$out"
