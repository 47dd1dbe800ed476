#!/usr/bin/env python3
"""Precision of the attribution cues framelens puts in a non-neutral stance class, on PolNeAR dev.

Usage: stance_precision.py DATA attributions.csv --json OUT

Pairs predicted and gold cues exactly as the shared attribution scorer does (one-to-one, largest
overlap first, over all predicted cues of a document), then reports, per stance class of the
`cue_class` column, the share of predicted cues paired with a gold cue; `non_neutral.precision`
pools doubting, insistent, confrontational, guilt and endorsing. The data is read in place by
path; standard library only (the shared eval's gold reader and matcher).
"""
import csv
import json
import sys
from pathlib import Path

CLASSES = ["doubting", "insistent", "confrontational", "guilt", "endorsing"]


def main():
    args = [a for a in sys.argv[1:]]
    if len(args) != 4 or args[2] != "--json":
        sys.exit(__doc__.strip().splitlines()[2])
    data, preds_path, out = Path(args[0]), args[1], Path(args[3])
    sys.path.insert(0, str(data.resolve().parent / "eval"))
    import gold
    from metrics import greedy_match
    docs, golds = gold.polnear(str(data))
    preds = {}
    with open(preds_path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cue = (int(row["cue_start"]), int(row["cue_end"]))
            preds.setdefault(row["doc_id"], {})[cue] = row["cue_class"]
    counts = {c: [0, 0] for c in CLASSES}
    for doc, g in golds.items():
        p = sorted(preds.get(doc, {}).items())
        paired = {pi for _, pi in greedy_match([x["cue"] for x in g], [c for c, _ in p])}
        for k, (_, cls) in enumerate(p):
            if cls in counts:
                counts[cls][0] += k in paired
                counts[cls][1] += 1
    metrics = {}
    for c, (tp, n) in counts.items():
        metrics[f"{c}.precision"] = round(tp / n, 6) if n else 0.0
        metrics[f"{c}.n_pred"] = n
    tp, n = sum(v[0] for v in counts.values()), sum(v[1] for v in counts.values())
    metrics["non_neutral.precision"] = round(tp / n, 6) if n else 0.0
    metrics["non_neutral.n_pred"] = n
    out.write_text(json.dumps({"dataset": "polnear", "metrics": metrics}) + "\n", encoding="utf-8")
    for k, v in metrics.items():
        print(f"{k:<28}{v}")


if __name__ == "__main__":
    main()
