#!/usr/bin/env python3
"""Why the ABP ranking of the headline score stops near 0.65: three measured explorations.

Usage (OUT is `framelens analyze abp.jsonl -o OUT --raw-cells` of `abp_rank.py input`):
  abp_explore.py outlets DATA OUT     centre-lower share of the headline score by centre outlet
                                      and by partisan outlet (which pairs fail)
  abp_explore.py reported DATA OUT    the headline score without the loaded hits inside the
                                      content of an indirect attribution (reported speech)
  abp_explore.py learn DATA OUT       per-term weights learned on the `tune` half by pairwise
                                      logistic regression, scored on the `heldout` half
                                      (needs numpy)

DATA is ../shared/data, read at run time; nothing is copied. Pairs, halves and ties are those
of abp_rank.py. The figures are in README.md (issue 14, "What the ranking can and cannot do").
"""
import collections
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import abp_rank  # noqa: E402

LOADED = Path(__file__).resolve().parent.parent / "lexicons" / "en" / "loaded.csv"
HEADLINE = "loaded_weighted_authorial_per_1k"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def documents(data, out):
    leans = abp_rank.lean(data)
    docs = [dict(d, lean=leans[d["doc_id"]]) for d in read_csv(Path(out) / "documents.csv")
            if d["doc_id"] in leans]
    return docs


def authorial_loaded(out):
    """Counted loaded-language hits in the outlet's own voice (matches.csv rows)."""
    for r in read_csv(Path(out) / "matches.csv"):
        if r["category"].startswith("loaded/") and "in_quote" not in r["flags"].split():
            yield r


def intensity():
    return {(r["category"], r["pattern"].lower()): int(r["intensity"] or 1)
            for r in read_csv(LOADED)}


def halves(docs):
    """The three figures of one column: all pairs, `tune` half, `heldout` half."""
    ev = {d["doc_id"]: abp_rank.half(d["event"]) for d in docs}
    keeps = (lambda i: True, lambda i: ev[i] == "tune", lambda i: ev[i] == "heldout")
    return [abp_rank.share(docs, "score", k)[0] for k in keeps]


def pairs_by_half(docs):
    by_event = collections.defaultdict(list)
    for n, d in enumerate(docs):
        by_event[d["event"]].append(n)
    out = {"tune": [], "heldout": []}
    for event, members in sorted(by_event.items()):
        centre = [n for n in members if docs[n]["lean"] == 1]
        partisan = [n for n in members if docs[n]["lean"] != 1]
        out[abp_rank.half(event)] += [(c, p) for c in centre for p in partisan]
    return out


def outlets(data, out):
    docs = documents(data, out)
    by_event = collections.defaultdict(list)
    for d in docs:
        by_event[d["event"]].append(d)
    tally = {"centre": collections.defaultdict(lambda: [0.0, 0]),
             "partisan": collections.defaultdict(lambda: [0.0, 0])}
    for group in by_event.values():
        for c in (d for d in group if d["lean"] == 1):
            for p in (d for d in group if d["lean"] != 1):
                a, b = float(c[HEADLINE] or 0), float(p[HEADLINE] or 0)
                won = 1.0 if a < b else 0.5 if a == b else 0.0
                for side, d in (("centre", c), ("partisan", p)):
                    tally[side][d["outlet"]][0] += won
                    tally[side][d["outlet"]][1] += 1
    for side, t in tally.items():
        print(f"{side} outlet\tpairs\tcentre_lower")
        for name, (won, n) in sorted(t.items(), key=lambda x: (-x[1][1], x[0]))[:15]:
            print(f"  {name}\t{n}\t{won / n:.3f}")


def reported(data, out):
    spans = collections.defaultdict(list)
    for r in read_csv(Path(out) / "attributions.csv"):
        if r["direct"] == "0" and r["content_start"]:
            spans[(r["doc_id"], r["section"])].append((int(r["content_start"]), int(r["content_end"])))
    weight = intensity()
    total, inside = collections.Counter(), collections.Counter()
    hits = hits_inside = 0
    for r in authorial_loaded(out):
        w = weight.get((r["category"], r["term"].lower()), 1)
        a, b = int(r["start"]), int(r["end"])
        within = any(s <= a and b <= e for s, e in spans.get((r["doc_id"], r["section"]), ()))
        total[r["doc_id"]] += w
        inside[r["doc_id"]] += w if within else 0
        hits += 1
        hits_inside += within
    print(f"counted authorial loaded hits\t{hits}\tinside indirect contents\t{hits_inside}"
          f"\t{hits_inside / max(hits, 1):.4f}")
    docs = documents(data, out)
    for name, keep_inside in (("all authorial hits", True), ("without reported speech", False)):
        for d in docs:
            w = total[d["doc_id"]] - (0 if keep_inside else inside[d["doc_id"]])
            d["score"] = 1000 * w / max(float(d["authorial_tokens"]), 1.0)
        print(name, *(f"{x:.4f}" for x in halves(docs)), sep="\t")


def learn(data, out):
    import numpy as np

    docs = documents(data, out)
    row = {d["doc_id"]: n for n, d in enumerate(docs)}
    counts = collections.defaultdict(collections.Counter)
    for r in authorial_loaded(out):
        if r["doc_id"] in row:
            counts[r["doc_id"]][(r["category"], r["term"].lower())] += 1
    df = collections.Counter(k for c in counts.values() for k in c)
    vocab = sorted(k for k, n in df.items() if n >= 5)
    col = {k: n for n, k in enumerate(vocab)}
    x = np.zeros((len(docs), len(vocab)))
    for d in docs:
        tokens = max(float(d["authorial_tokens"]), 1.0)
        for k, n in counts[d["doc_id"]].items():
            if k in col:
                x[row[d["doc_id"]], col[k]] = 1000 * n / tokens
    pairs = pairs_by_half(docs)
    weight = intensity()
    prior = np.array([weight.get(k, 1) for k in vocab], dtype=float)

    def fit(half, lam, start):
        c, p = (np.array(v) for v in zip(*pairs[half]))
        diff = x[p] - x[c]
        w = start.copy()
        for _ in range(400):
            z = np.clip(diff @ w, -30, 30)
            grad = -(diff * (1 / (1 + np.exp(z)))[:, None]).mean(0) + lam * (w - start)
            w -= 0.02 * grad
        return w

    def report(name, w):
        for d, s in zip(docs, x @ w):
            d["score"] = float(s)
        print(name, *(f"{v:.4f}" for v in halves(docs)), sep="\t")

    print(f"terms (in >= 5 documents)\t{len(vocab)}")
    report("intensity weights (no learning)", prior)
    for lam in (1.0, 0.01, 0.0001):
        report(f"learned on tune, from zero, L2 {lam}", fit("tune", lam, np.zeros(len(vocab))))
        report(f"learned on tune, toward intensity, L2 {lam}", fit("tune", lam, prior))


def main():
    a = sys.argv[1:]
    commands = {"outlets": outlets, "reported": reported, "learn": learn}
    if len(a) != 3 or a[0] not in commands:
        sys.exit(__doc__.strip().split("\n\n")[1])
    commands[a[0]](a[1], a[2])


if __name__ == "__main__":
    main()
