#!/usr/bin/env python3
"""The hand-judged precision sample of counted loaded-language hits in the outlet's own voice.

Usage:
  precision_sample.py neus-input DATA OUT.jsonl      framelens input from AllSides NeuS
  precision_sample.py draw ABP_OUT NEUS_OUT N SEED   print a random sample as TSV (ids+offsets)
  precision_sample.py show ABP_IN NEUS_IN SAMPLE.tsv print each sampled hit in context (terminal
                                                     only: the data rules forbid storing text)
  precision_sample.py reported ABP_OUT NEUS_OUT SAMPLE.tsv
                                                     print the sample with a column `reported`
  precision_sample.py score SAMPLE.tsv               precision of the judged sample

The sample files (validation/loaded_precision_sample*.tsv) hold dataset, doc_id, section,
start, end (code points), the matched term, its category, and the judgment: `y` (loaded
language in the outlet's own voice), `n` (not: a neutral sense, a name, someone else's words)
or `b` (borderline); an optional `kind` column says why a hit is `n` or `b` (`sense`, `voice`,
`conventional`). The judging rule is in validation/loaded_precision.md. Precision = y / all;
counting borderline as right is reported beside it, and per dataset and kind when present.

`reported` (1/0) says whether a hit lies inside the content of an indirect attribution
(attributions.csv rows with direct = 0: same document and section, content_start <= start and
end <= content_end, code points), i.e. reported speech without quotation marks; `score` splits
precision by it when the column is there.
"""
import csv
import json
import random
import sys
from pathlib import Path

COLS = ["dataset", "doc_id", "section", "start", "end", "term", "category", "judgment"]


def body(b):
    """NeuS bodies are lists of paragraphs."""
    return "\n\n".join(b) if isinstance(b, list) else (b or "")


def neus_input(data, out):
    path = Path(data) / "allsides_neus" / "headline_11_2021-10-19_crawled_all.jsonl"
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            story = json.loads(line)
            for stance, n in sorted(story.get("news", {}).items()):
                rec = {"id": f"{story['id']}-{stance}", "outlet": n.get("newsSource") or stance,
                       "event": str(story["id"]), "title": n.get("newsTitle") or "",
                       "text": body(n.get("newBody"))}
                o.write(json.dumps(rec) + "\n")


def hits(out_dir):
    with open(Path(out_dir) / "matches.csv", encoding="utf-8", newline="") as f:
        # The compact default (issue 18) packs the flags into `flags` and leaves out `lexicon`
        # and `counted` (every default row counts); with --hit-details, --all-hits or --full
        # each is its own column.
        return [r for r in csv.DictReader(f)
                if r.get("lexicon", r["category"].split("/")[0]) == "loaded"
                and r.get("counted", "1") == "1"
                and "in_quote" not in (r["flags"].split() if "flags" in r else
                                       ["in_quote"] * (r["in_quote"] == "1"))]


def draw(abp, neus, n, seed):
    rng = random.Random(int(seed))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(COLS)
    for name, d in (("abp", abp), ("neus", neus)):
        for r in rng.sample(hits(d), int(n) // 2):
            w.writerow([name, r["doc_id"], r["section"], r["start"], r["end"], r["term"],
                        r["category"], ""])


def texts(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[d["id"]] = d
    return out


def show(abp_in, neus_in, sample):
    docs = {"abp": texts(abp_in), "neus": texts(neus_in)}
    with open(sample, encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f, delimiter="\t")):
            d = docs[r["dataset"]][r["doc_id"]]
            t = d["title"] if r["section"] == "title" else d["text"]
            s, e = int(r["start"]), int(r["end"])
            ctx = (t[max(0, s - 160):s] + "[[" + t[s:e] + "]]" + t[e:e + 100]).replace("\n", " ")
            print(f"{i}\t{r['term']}\t{r['category']}\t{ctx}\n")


def indirect_contents(out_dir):
    """(doc_id, section) -> [(content_start, content_end)] of the indirect attributions."""
    spans = {}
    with open(Path(out_dir) / "attributions.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["direct"] == "0" and r["content_start"]:
                spans.setdefault((r["doc_id"], r["section"]), []).append(
                    (int(r["content_start"]), int(r["content_end"])))
    return spans


def reported(abp, neus, sample):
    """The sample with `reported` (1/0) set from the indirect attributions of both runs."""
    spans = {"abp": indirect_contents(abp), "neus": indirect_contents(neus)}
    with open(sample, encoding="utf-8") as f:
        r = csv.DictReader(f, delimiter="\t")
        rows = list(r)
        cols = list(r.fieldnames) + ["reported"] * ("reported" not in r.fieldnames)
    w = csv.DictWriter(sys.stdout, cols, delimiter="\t", lineterminator="\n")
    w.writeheader()
    for row in rows:
        s, e = int(row["start"]), int(row["end"])
        inside = spans[row["dataset"]].get((row["doc_id"], row["section"]), [])
        row["reported"] = int(any(cs <= s and e <= ce for cs, ce in inside))
        w.writerow(row)


def print_precision(label, part):
    """One line: counts of y / b / n and precision strict and with borderline."""
    j = [r["judgment"] for r in part]
    n = len(j)
    y, b = j.count("y"), j.count("b")
    print(f"{label} {n}: yes {y}, borderline {b}, no {j.count('n')}; "
          f"precision {y / n:.3f}, with borderline {(y + b) / n:.3f}")


def score(sample):
    with open(sample, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    parts = [("all", rows)] + [(d, [r for r in rows if r["dataset"] == d])
                               for d in sorted({r["dataset"] for r in rows})]
    for name, part in parts:
        print_precision("judged" if name == "all" else f"  {name}:", part)
    kinds = sorted({(r["judgment"], r.get("kind") or "") for r in rows if r["judgment"] != "y"})
    for jk, kind in kinds:
        if kind:
            k = sum(1 for r in rows if r["judgment"] == jk and r.get("kind") == kind)
            print(f"  {jk} {kind}: {k}")
    for v in sorted({r["reported"] for r in rows if r.get("reported")}):
        print_precision(f"  reported = {v}:", [r for r in rows if r.get("reported") == v])


def main():
    a = sys.argv[1:]
    cmds = {"neus-input": (neus_input, 2), "draw": (draw, 4), "show": (show, 3),
            "reported": (reported, 3), "score": (score, 1)}
    if not a or a[0] not in cmds or len(a) - 1 != cmds[a[0]][1]:
        sys.exit(__doc__.strip().split("\n\n")[0])
    cmds[a[0]][0](*a[1:])


if __name__ == "__main__":
    main()
