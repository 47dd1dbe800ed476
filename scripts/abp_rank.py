#!/usr/bin/env python3
"""Does the authorial loaded score rank a centre article below a partisan one on the same event?

Usage:
  abp_rank.py input DATA WORK            write WORK/abp.jsonl (framelens input) from the data
  abp_rank.py score DATA OUT JSON [COL]  score OUT/documents.csv, write the metrics to JSON

DATA is ../shared/data (read at run time; nothing is copied). Events come from
article_bias_prediction/event_groups.tsv, lean from each article's `bias` (0 left, 1 centre,
2 right). Within each event every (centre, partisan) pair of articles is one comparison; the
metric is the share of pairs in which the centre article's score (COL of documents.csv,
default `loaded_weighted_authorial_per_1k`) is lower, ties counting one half. Also reported:
the same share for `loaded_authorial_per_1k`, per split (`train`/`test` article ids in
splits/, when present), and per half of the events split by event id: `tune` (even group
number, g0000, g0002, ...) is the half on which lexicon changes may be chosen, `heldout` (odd
group number) the half that is only reported, so the figure on events never tuned on can be
read apart.
"""
import csv
import json
import sys
from pathlib import Path

ABP = "article_bias_prediction"


def events(data):
    out = {}
    with open(Path(data) / ABP / "event_groups.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for i in row["IDs"].split(","):
                out[i] = row["group_id"]
    return out


def write_input(data, work):
    ev = events(data)
    Path(work).mkdir(parents=True, exist_ok=True)
    with open(Path(data) / ABP / "articles_event_groups.jsonl", encoding="utf-8") as f, \
            open(Path(work) / "abp.jsonl", "w", encoding="utf-8") as out:
        for line in f:
            a = json.loads(line)
            if a["ID"] not in ev:
                continue
            rec = {"id": a["ID"], "outlet": a["source"], "event": ev[a["ID"]],
                   "title": a.get("title") or "", "text": a.get("content_original") or ""}
            out.write(json.dumps(rec) + "\n")


def lean(data):
    out = {}
    with open(Path(data) / ABP / "articles_event_groups.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            out[a["ID"]] = int(a["bias"])
    return out


def splits(data):
    """Article id -> split name, from splits/random/*.tsv when present."""
    out = {}
    for p in sorted((Path(data) / ABP / "splits").glob("random/*.tsv")):
        with open(p, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                i = row.get("ID") or row.get("id")
                if i:
                    out.setdefault(i, p.stem)
    return out


def half(event):
    """`tune` for an even event group number (g0000, g0002, ...), `heldout` for an odd one."""
    digits = "".join(ch for ch in event if ch.isdigit())
    return "tune" if digits and int(digits) % 2 == 0 else "heldout"


def share(docs, col, keep=lambda i: True):
    by_event = {}
    for d in docs:
        by_event.setdefault(d["event"], []).append(d)
    lower = pairs = 0.0
    for group in by_event.values():
        centre = [d for d in group if d["lean"] == 1]
        partisan = [d for d in group if d["lean"] != 1]
        for c in centre:
            for p in partisan:
                if not (keep(c["doc_id"]) and keep(p["doc_id"])):
                    continue
                a, b = float(c[col] or 0), float(p[col] or 0)
                pairs += 1
                lower += 1 if a < b else 0.5 if a == b else 0
    return (lower / pairs if pairs else None), int(pairs)


def score(data, out_dir, json_path, col="loaded_weighted_authorial_per_1k"):
    leans = lean(data)
    with open(Path(out_dir) / "documents.csv", encoding="utf-8", newline="") as f:
        docs = [dict(r, lean=leans[r["doc_id"]]) for r in csv.DictReader(f) if r["doc_id"] in leans]
    metrics = {}
    cols = [col] if col == "loaded_authorial_per_1k" else [col, "loaded_authorial_per_1k"]
    for c in cols:
        if c not in docs[0]:
            continue
        s, n = share(docs, c)
        metrics[f"{c}.centre_lower"] = s
        metrics[f"{c}.pairs"] = n
    sp = splits(data)
    for name in sorted(set(sp.values())):
        s, n = share(docs, cols[0], lambda i, name=name: sp.get(i) == name)
        metrics[f"{cols[0]}.centre_lower.{name}"] = s
    ev = {d["doc_id"]: half(d["event"]) for d in docs}
    for name in ("tune", "heldout"):
        for c in cols:
            s, n = share(docs, c, lambda i, name=name: ev[i] == name)
            metrics[f"{c}.centre_lower.{name}"] = s
            metrics[f"{c}.pairs.{name}"] = n
    Path(json_path).write_text(json.dumps({"metrics": metrics}, indent=1) + "\n", encoding="utf-8")
    for k, v in metrics.items():
        print(f"{k}\t{v}")


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "input":
        write_input(a[1], a[2])
    elif len(a) in (4, 5) and a[0] == "score":
        score(*a[1:])
    else:
        sys.exit(__doc__.strip().splitlines()[2] + "\n" + __doc__.strip().splitlines()[3])


if __name__ == "__main__":
    main()
