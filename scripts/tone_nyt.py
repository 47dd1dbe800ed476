#!/usr/bin/env python3
"""Tone on VADER's rated NYT editorial snippets, beyond the shared scorer's overall r.

Usage:
  tone_nyt.py split NYT_DIR TONE.csv OUT.json   Pearson r on each half of the snippets (half A:
      odd article numbers, used to choose the team valence list's entries; half B: even
      article numbers, held out) and the share of snippets with no toned sentence.
  tone_nyt.py vader NYT_DIR OUT.csv             VADER's own compound score per snippet (needs the
      vaderSentiment package), in the `doc_id,score` layout score_tone.py reads.
NYT_DIR holds vader_nyt/nytEditorialSnippets_GroundTruth.txt (scripts/fetch_vader_nyt.sh). The
snippets and Pearson r come from the shared scorers (`gold.nyt`, `metrics.pearson`) in
$FRAMELENS_EVAL (default: ../shared/eval beside the repository).
"""
import csv
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("FRAMELENS_EVAL", str(Path(__file__).resolve().parents[2] / "shared" / "eval")))
from gold import nyt  # noqa: E402  (the shared scorers' reader of the snippets)
from metrics import pearson  # noqa: E402


def split(nyt_dir, tone_csv, out_json):
    scores, untoned = {}, 0
    with open(tone_csv, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            scores[row["doc_id"]] = float(row["score"])
            untoned += row.get("toned_sentences") == "0"
    docs, gold = nyt(nyt_dir)
    metrics = {"untoned_share": untoned / len(docs)}
    for half, parity in (("half_a", 1), ("half_b_heldout", 0)):
        ids = [d["id"] for d in docs if int(d["id"][4:].split("_")[0]) % 2 == parity]
        rows = [(scores.get(i, 0.0), gold[i]) for i in ids]
        metrics[f"{half}.pearson"] = pearson([r[0] for r in rows], [r[1] for r in rows])
        metrics[f"{half}.n"] = len(rows)
    Path(out_json).write_text(json.dumps({"metrics": metrics}, indent=1) + "\n", encoding="utf-8")


def vader(nyt_dir, out_csv):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    with open(out_csv, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc_id", "score"])
        for d in nyt(nyt_dir)[0]:
            w.writerow([d["id"], analyzer.polarity_scores(d["text"])["compound"]])


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "split":
        split(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "vader":
        vader(*sys.argv[2:])
    else:
        sys.exit(__doc__.strip().split("\n\n")[1])


if __name__ == "__main__":
    main()
