#!/usr/bin/env python3
"""Collect the scorers' metrics JSON files from a validation work folder into one table,
compare each figure with its floor, and write WORK/validation.tsv.

Usage: validation_table.py WORK FLOORS.tsv [--check] [--absent=PREFIX,...]
FLOORS.tsv: `check<TAB>metric<TAB>floor` rows (check = the JSON file stem, e.g. ptc.loaded).
With --check, exit 1 when a floored figure is missing or below its floor. A check whose stem
starts with one of --absent's prefixes (data that is not on this machine, e.g. `nyt` without
VADER's snippets) is listed as `skipped` when its figure is missing, not failed.
"""
import json
import sys
from pathlib import Path


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    absent = tuple(p for a in sys.argv[1:] if a.startswith("--absent=") for p in a[9:].split(",") if p)
    if len(args) != 2:
        sys.exit(__doc__.strip().splitlines()[3])
    work, floors_path = Path(args[0]), Path(args[1])
    figures = {}
    for f in sorted(work.glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        for k, v in rec["metrics"].items():
            figures[(f.stem, k)] = v
    floors = {}
    if floors_path.exists():
        for line in floors_path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, metric, floor = line.split("\t")
            floors[(name, metric)] = float(floor)
    rows, failed = [], []
    for key in sorted(set(figures) | set(floors)):
        v, floor = figures.get(key), floors.get(key)
        status = ""
        if floor is not None and v is None and absent and key[0].startswith(absent):
            status = "skipped"
        elif floor is not None:
            ok = isinstance(v, (int, float)) and v >= floor
            status = "ok" if ok else ("MISSING" if v is None else "BELOW FLOOR")
            if not ok:
                failed.append(key)
        rows.append((key[0], key[1], "" if v is None else (f"{v:.4f}" if isinstance(v, float) else str(v)),
                     "" if floor is None else f"{floor:.4f}", status))
    out = ["check\tmetric\tvalue\tfloor\tstatus"] + ["\t".join(r) for r in rows]
    (work / "validation.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    w = [max(len(r[i]) for r in rows + [("check", "metric", "value", "floor", "")]) for i in range(5)]
    for r in [("check", "metric", "value", "floor", "status")] + rows:
        if r[4] or r[1].startswith(("f1", "recall", "precision", "word_", "sentence_auc", "cue_", "all.", "source", "pearson", "spearman", "non_neutral", "doubting",
                                 "insistent", "confrontational", "guilt", "endorsing")):
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())
    print(f"validation table: {work / 'validation.tsv'}")
    if failed:
        print("below floor or missing: " + ", ".join(f"{a}:{b}" for a, b in failed), file=sys.stderr)
        if check:
            sys.exit(1)


if __name__ == "__main__":
    main()
