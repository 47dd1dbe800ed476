#!/usr/bin/env python3
"""Develop attribution rules on a PolNeAR split other than the one validate.sh scores.

  scripts/polnear_split.py input  [--data DIR] [--split train] OUT.jsonl
  scripts/polnear_split.py score  [--data DIR] [--split train] attributions.csv

`input` writes one {"id","outlet","event","title","text"} line per article of the split (the
same shape as the shared make_inputs.py writes for dev); `score` scores framelens'
attributions.csv against that split with the shared scorer's own metric code
(score_attribution.evaluate), reading the first annotator's .ann file per article.
The data is read in place by path at run time and never copied. Standard library only.
"""
import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRAT_LINE = re.compile(r"^[TE]\d+\t")


def hull(ranges):
    pairs = [tuple(map(int, r.split())) for r in ranges.split(";")]
    return min(s for s, _ in pairs), max(e for _, e in pairs)


def read_ann(path, text):
    """Cues with their sources, as the shared gold reader builds them. Surface texts that run
    over several lines are skipped line by line (only T and E lines carry data)."""
    spans, cues, source_of = {}, [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not BRAT_LINE.match(line):
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T"):
                label, ranges = parts[1].split(" ", 1)
                spans[parts[0]] = hull(ranges)
                if label == "Cue":
                    cues.append(parts[0])
            else:
                roles = dict(arg.split(":", 1) for arg in parts[1].split())
                if "Cue" in roles and roles["Cue"] not in source_of:
                    source_of[roles["Cue"]] = roles.get("Source")
    out = []
    for t in cues:
        src = source_of.get(t)
        s, e = spans[t]
        out.append({"cue": (s, e), "cue_text": text[s:e], "source": spans[src] if src else None})
    return sorted(out, key=lambda g: g["cue"])


def load(data, split):
    base = Path(data) / "polnear"
    with open(base / "metadata.tsv", encoding="utf-8", newline="") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    anns = collections.defaultdict(list)
    for p in (base / split / "attributions").glob("*.ann"):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    docs, golds = [], {}
    for txt in sorted((base / split / "text").glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        m = meta.get(txt.stem, {})
        doc_id = "polnear:" + txt.stem
        docs.append({"id": doc_id, "outlet": m.get("publisher", ""), "event": "",
                     "title": m.get("title", ""), "text": text})
        golds[doc_id] = read_ann(sorted(anns[txt.stem])[0], text) if anns[txt.stem] else []
    return docs, golds


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("action", choices=["input", "score"])
    p.add_argument("path")
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    p.add_argument("--split", default="train")
    args = p.parse_args()
    docs, golds = load(args.data, args.split)
    if args.action == "input":
        with open(args.path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{len(docs)} articles -> {args.path}")
        return
    sys.path.insert(0, str(Path(args.data).resolve().parent / "eval"))
    from preds import read_attributions
    from score_attribution import evaluate, lexical
    texts = {d["id"]: d["text"] for d in docs}
    preds, counts, _ = read_attributions(args.path, texts)
    lex_golds = {d: [x for x in g if lexical(x["cue_text"])] for d, g in golds.items()}
    lex_preds = {d: [(c, s) for c, s in v if lexical(texts[d][c[0]:c[1]])] for d, v in preds.items()}
    res = {"all": evaluate(golds, preds), "lexical": evaluate(lex_golds, lex_preds)}
    print(f"PolNeAR {args.split}: {args.path}")
    for k in ["cue_precision", "cue_recall", "cue_f1", "exact_f1", "source_accuracy", "source_f1",
              "n_gold", "n_pred", "n_tp"]:
        a, b = res["all"][k], res["lexical"][k]
        fmt = (lambda v: f"{v:.4f}") if isinstance(a, float) else str
        print(f"  {k:<16}{fmt(a):>10}{fmt(b):>10}")


if __name__ == "__main__":
    main()
