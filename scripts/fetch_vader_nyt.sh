#!/usr/bin/env bash
# Fetch VADER's rated NYT editorial snippets (Hutto & Gilbert 2014; MIT licence) for the tone
# validation: the sdist of vaderSentiment 3.3.2 on PyPI carries them in
# additional_resources/hutto_ICWSM_2014.tar.gz. Writes DEST/vader_nyt/
# nytEditorialSnippets_GroundTruth.txt (the layout ../shared/eval/gold.py reads) and keeps the
# sdist in DEST so `pip install DEST/vaderSentiment-3.3.2.tar.gz` gives the VADER peer.
# Nothing in the repository copies the snippets; this runs at setup time, never at run time.
#
#   scripts/fetch_vader_nyt.sh [PIP] [DEST]     (defaults: pip3, target/ext)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pip=${1:-pip3}
dest=${2:-$root/target/ext}
sdist="$dest/vaderSentiment-3.3.2.tar.gz"
truth="$dest/vader_nyt/nytEditorialSnippets_GroundTruth.txt"
[ -f "$truth" ] && exit 0
mkdir -p "$dest/vader_nyt"
[ -f "$sdist" ] || "$pip" download -q --no-deps --no-binary :all: -d "$dest" vaderSentiment==3.3.2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar xzf "$sdist" -C "$tmp" vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz
tar xzf "$tmp/vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz" -C "$tmp" \
  hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt
mv "$tmp/hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt" "$truth"
echo "fetch_vader_nyt.sh: $(wc -l < "$truth") rated snippets in $truth"
