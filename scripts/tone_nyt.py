#!/usr/bin/env python3
"""Tone on VADER's rated NYT editorial snippets, beyond the shared scorer's overall r.

Usage:
  tone_nyt.py split NYT_DIR TONE.csv OUT.json   Pearson r on each half of the snippets (half A:
      odd article numbers, used to choose the team valence list's entries; half B: even
      article numbers, held out) and the share of snippets with no toned sentence.
  tone_nyt.py vader NYT_DIR OUT.csv             VADER's own compound score per snippet (needs the
      vaderSentiment package), in the `doc_id,score` layout score_tone.py reads.
NYT_DIR holds vader_nyt/nytEditorialSnippets_GroundTruth.txt (scripts/fetch_vader_nyt.sh).
"""
import csv
import json
import math
import sys
from pathlib import Path


def snippets(nyt_dir):
    """[(doc_id, rating, text)] in file order; ids as ../shared/eval/gold.py makes them."""
    path = Path(nyt_dir) / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
    out = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line:
                sid, rating, text = line.split("\t", 2)
                out.append(("nyt:" + sid, float(rating), text))
    return out


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else 0.0


def split(nyt_dir, tone_csv, out_json):
    scores, untoned = {}, 0
    with open(tone_csv, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            scores[row["doc_id"]] = float(row["score"])
            untoned += row.get("toned_sentences") == "0"
    gold = snippets(nyt_dir)
    metrics = {"untoned_share": untoned / len(gold)}
    for half, parity in (("half_a", 1), ("half_b_heldout", 0)):
        rows = [(scores.get(i, 0.0), g) for i, g, _ in gold if int(i[4:].split("_")[0]) % 2 == parity]
        metrics[f"{half}.pearson"] = pearson([r[0] for r in rows], [r[1] for r in rows])
        metrics[f"{half}.n"] = len(rows)
    Path(out_json).write_text(json.dumps({"metrics": metrics}, indent=1) + "\n", encoding="utf-8")


def vader(nyt_dir, out_csv):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    with open(out_csv, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc_id", "score"])
        for doc_id, _, text in snippets(nyt_dir):
            w.writerow([doc_id, analyzer.polarity_scores(text)["compound"]])


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "split":
        split(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "vader":
        vader(*sys.argv[2:])
    else:
        sys.exit(__doc__.strip().split("\n\n")[1])


if __name__ == "__main__":
    main()
