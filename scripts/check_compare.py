#!/usr/bin/env python3
"""Independent reference for framelens' comparison tables (Python standard library only).

Recomputes, from an `analyze` output folder (written with --doc-terms or --full: it reads
doc_terms.csv),
  - compare.csv        from terms.csv, categories.csv and outlets.csv (group totals),
  - compare_paired.csv from the per-event rows of the same tables (of documents.csv and
                       doc_terms.csv when the run wrote no event rows, without --by-event),
  - rates.csv          from documents.csv and doc_terms.csv (the seeded bootstrap),
with the formulas written out again here, and checks that every row and key matches and every
number agrees within 1e-9 (relative for magnitudes above 1). The options (prior strength,
seed, replicates, the row filters min_count and max_pair_outlets, and whether the tone inputs'
term rows were written: --tone-terms or --full) are read from manifest.json. Without them the
tone inputs' term counts come from doc_terms.csv, every statistic is computed over every
feature as before, and only then are their term rows left out. Exit status 0 when everything
agrees, 1 with the first disagreements listed otherwise, 2 on a usage error.

    python3 scripts/check_compare.py OUTDIR
"""

import csv
import math
import sys
from collections import defaultdict
from fractions import Fraction
import json

TOL = 1e-9
MASK = (1 << 64) - 1


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def lineage(path):
    parts = path.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


# ---------------------------------------------------------------- statistics, written anew

def log_odds(ya, na, yb, nb, alpha, alpha0):
    """Monroe, Colaresi & Quinn (2008): delta, se, z."""
    ha, hb = ya + alpha, yb + alpha
    ma, mb = na + alpha0 - ya - alpha, nb + alpha0 - yb - alpha
    delta = math.log(ha / ma) - math.log(hb / mb)
    se = math.sqrt(1 / ha + 1 / hb)
    return delta, se, delta / se


def g2(ya, na, yb, nb):
    """Dunning (1993): 2 * sum O ln(O/E) over the 2x2 table."""
    n = na + nb
    hits = ya + yb
    total = 0.0
    for o, col, row in ((ya, na, hits), (yb, nb, hits), (na - ya, na, n - hits), (nb - yb, nb, n - hits)):
        if o > 0:
            total += o * math.log(o / (col * row / n))
    return max(2 * total, 0.0)


def bh(ps):
    """Benjamini-Hochberg q-values, same order as ps."""
    order = sorted(range(len(ps)), key=lambda i: (ps[i], i))
    m = len(ps)
    q = [None] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        q[i] = min(running, 1.0)
    return q


def sign_p(a, b):
    """Exact two-sided sign test, from integer arithmetic."""
    n, k = a + b, min(a, b)
    tail = Fraction(sum(math.comb(n, i) for i in range(k + 1)), 2 ** n)
    return min(1.0, float(2 * tail))


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def quantile(sorted_values, p):
    last = len(sorted_values) - 1
    h = last * p
    lo = math.floor(h)
    hi = min(lo + 1, last)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def supported(y, n, pooled_y, pooled_n, minimum):
    """--min-count: observed count, or expected at the pooled rate, reaches the minimum."""
    return y >= minimum or Fraction(n * pooled_y) >= minimum * pooled_n


# ---------------------------------------------------------------- loading the tables

def feature_key(kind, lexicon, category, term):
    # categories first, then terms; both by their text
    return (kind, lexicon, category, term)


TONE_INPUTS = ("valence", "negator", "booster")


def tone_term(kind, category):
    """A term row of a tone input: written only with --tone-terms (or --full)."""
    return kind == "term" and category.split("/")[0] in TONE_INPUTS


def load_counts(out, by_event=True, tone_terms=True):
    """{(scope, event, outlet): {feature: count}} and group totals from the aggregate tables;
    without their event rows (by_event false), the event counts from the per-document ones,
    and without the tone inputs' term rows (tone_terms false) those terms' counts too."""
    counts = defaultdict(lambda: defaultdict(int))
    if not by_event or not tone_terms:
        docs = {d["doc_id"]: d for d in read(f"{out}/documents.csv")}
        for r in read(f"{out}/doc_terms.csv"):
            d, c = docs[r["doc_id"]], int(r["count"])
            term = feature_key("term", r["lexicon"], r["category"], r["term"])
            if not tone_terms and tone_term("term", r["category"]):
                counts[("all", "", d["outlet"])][term] += c
                if by_event and d["event"]:
                    counts[("event", d["event"], d["outlet"])][term] += c
            if by_event or not d["event"]:
                continue
            group = counts[("event", d["event"], d["outlet"])]
            group[term] += c
            for cat in lineage(r["category"]):
                group[feature_key("category", "", cat, "")] += c
    for r in read(f"{out}/categories.csv"):
        counts[(r["scope"], r["event"], r["outlet"])][feature_key("category", "", r["category"], "")] += int(r["count"])
    for r in read(f"{out}/terms.csv"):
        counts[(r["scope"], r["event"], r["outlet"])][feature_key("term", r["lexicon"], r["category"], r["term"])] += int(r["count"])
    totals = {}
    for r in read(f"{out}/outlets.csv"):
        totals[(r["scope"], r["event"], r["outlet"])] = (int(r["docs"]), int(r["tokens"]))
    return counts, totals


def scopes_of(totals, by_event):
    events = sorted({e for (s, e, _) in totals if s == "event"}) if by_event else []
    return [("all", "")] + [("event", e) for e in events]


def expected_compare(out, alpha0, minimum, max_pairs, by_event, tone_terms):
    counts, totals = load_counts(out, True, tone_terms)
    rows = []
    for scope, event in scopes_of(totals, by_event):
        groups = sorted(o for (s, e, o) in totals if (s, e) == (scope, event))
        pooled = defaultdict(int)
        for g in groups:
            for f, n in counts[(scope, event, g)].items():
                pooled[f] += n
        features = sorted(f for f, n in pooled.items() if n > 0)
        tokens = sum(totals[(scope, event, g)][1] for g in groups)
        docs = sum(totals[(scope, event, g)][0] for g in groups)
        live = [g for g in groups if totals[(scope, event, g)][1] > 0]

        def side(g):
            return totals[(scope, event, g)], counts[(scope, event, g)]

        contrasts = []
        if len(live) >= 2:
            for g in live:
                (da, na), ca = side(g)
                cb = {f: pooled[f] - ca.get(f, 0) for f in features}
                contrasts.append(("rest", g, "", (da, na, ca), (docs - da, tokens - na, cb)))
        for i, a in enumerate(live if len(live) <= max_pairs else []):
            for b in live[i + 1:]:
                (da, na), ca = side(a)
                (db, nb), cb = side(b)
                contrasts.append(("pair", a, b, (da, na, ca), (db, nb, cb)))
        for comparison, a, b, (da, na, ca), (db, nb, cb) in contrasts:
            block = []
            for f in features:
                ya, yb = ca.get(f, 0), cb.get(f, 0)
                if ya == 0 and yb == 0:
                    continue  # used by neither side of a pair: no row
                alpha = alpha0 * pooled[f] / tokens
                delta, se, z = log_odds(ya, na, yb, nb, alpha, alpha0)
                g = g2(ya, na, yb, nb)
                block.append({
                    "scope": scope, "event": event, "comparison": comparison, "outlet_a": a, "outlet_b": b,
                    "kind": f[0], "lexicon": f[1], "category": f[2], "term": f[3],
                    "docs_a": da, "tokens_a": na, "count_a": ya, "per_1k_a": ya * 1000 / na,
                    "docs_b": db, "tokens_b": nb, "count_b": yb, "per_1k_b": yb * 1000 / nb,
                    "prior": alpha, "log_odds": delta, "se": se, "z": z,
                    "z_p": math.erfc(abs(z) / math.sqrt(2)), "g2": g, "g2_p": math.erfc(math.sqrt(g / 2)),
                })
            for kind in ("category", "term"):
                fam = [r for r in block if r["kind"] == kind]
                for col in ("z", "g2"):
                    for r, q in zip(fam, bh([r[col + "_p"] for r in fam])):
                        r[col + "_q"] = q
            for r in block:
                ya, na, yb, nb = r["count_a"], r["tokens_a"], r["count_b"], r["tokens_b"]
                if supported(ya, na, ya + yb, na + nb, minimum) or (
                        comparison == "pair" and supported(yb, nb, ya + yb, na + nb, minimum)):
                    rows.append(r)
    return rows


def expected_paired(out, minimum, max_pairs, by_event, tone_terms):
    counts, totals = load_counts(out, by_event, tone_terms)
    groups = sorted(o for (s, e, o) in totals if s == "all")
    if len(groups) > max_pairs:
        return []
    events = sorted({e for (s, e, _) in totals if s == "event"})
    rows = []
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            shared = [e for e in events
                      if totals.get(("event", e, a), (0, 0))[1] > 0 and totals.get(("event", e, b), (0, 0))[1] > 0]
            if not shared:
                continue
            feats = sorted({f for e in shared for g in (a, b)
                            for f, n in counts[("event", e, g)].items() if n > 0})
            block = []
            for f in feats:
                ah = bh_ = 0
                sa = sb = 0.0
                total = 0
                for e in shared:
                    ya, yb = counts[("event", e, a)].get(f, 0), counts[("event", e, b)].get(f, 0)
                    na, nb = totals[("event", e, a)][1], totals[("event", e, b)][1]
                    ah += Fraction(ya, na) > Fraction(yb, nb)
                    bh_ += Fraction(yb, nb) > Fraction(ya, na)
                    sa = sa + ya * 1000 / na
                    sb = sb + yb * 1000 / nb
                    total += ya + yb
                block.append({
                    "outlet_a": a, "outlet_b": b, "kind": f[0], "lexicon": f[1], "category": f[2], "term": f[3],
                    "events": len(shared), "a_higher": ah, "b_higher": bh_, "ties": len(shared) - ah - bh_,
                    "mean_per_1k_a": sa / len(shared), "mean_per_1k_b": sb / len(shared), "sign_p": sign_p(ah, bh_),
                    "_total": total,
                })
            for kind in ("category", "term"):
                fam = [r for r in block if r["kind"] == kind]
                for r, q in zip(fam, bh([r["sign_p"] for r in fam])):
                    r["sign_q"] = q
            rows.extend(r for r in block if r.pop("_total") >= minimum)
    return rows


def expected_rates(out, seed, replicates, minimum, by_event):
    docs = read(f"{out}/documents.csv")
    per_doc = defaultdict(lambda: defaultdict(int))
    for r in read(f"{out}/doc_terms.csv"):
        c = int(r["count"])
        per_doc[r["doc_id"]][feature_key("term", r["lexicon"], r["category"], r["term"])] += c
        for cat in lineage(r["category"]):
            per_doc[r["doc_id"]][feature_key("category", "", cat, "")] += c
    events = sorted({d["event"] for d in docs if d["event"]}) if by_event else []
    rows = []
    for scope, event in [("all", "")] + [("event", e) for e in events]:
        members = [d for d in docs if scope == "all" or d["event"] == event]
        pooled = defaultdict(int)
        for d in members:
            for f, n in per_doc[d["doc_id"]].items():
                pooled[f] += n
        features = sorted(f for f, n in pooled.items() if n > 0)
        for g in sorted({d["outlet"] for d in members}):
            gdocs = [d for d in members if d["outlet"] == g]
            tokens = [int(d["tokens"]) for d in gdocs]
            counts = [per_doc[d["doc_id"]] for d in gdocs]
            state = seed ^ fnv1a(f"{scope}\x1f{event}\x1f{g}".encode("utf-8"))
            n = len(gdocs)
            samples = defaultdict(list)
            valid = 0
            for _ in range(replicates):
                picks = []
                for _ in range(n):
                    state, x = splitmix(state)
                    picks.append((x * n) >> 64)
                total = sum(tokens[p] for p in picks)
                if total == 0:
                    continue
                valid += 1
                for f in features:
                    samples[f].append(sum(counts[p].get(f, 0) for p in picks) * 1000.0 / total)
            total_tokens = sum(tokens)
            for f in features:
                count = sum(c.get(f, 0) for c in counts)
                if not supported(count, total_tokens, pooled[f], sum(int(d["tokens"]) for d in members), minimum):
                    continue
                s = sorted(samples[f])
                rows.append({
                    "scope": scope, "event": event, "outlet": g, "kind": f[0], "lexicon": f[1], "category": f[2],
                    "term": f[3], "docs": n, "tokens": total_tokens, "count": count,
                    "docs_with": sum(1 for c in counts if c.get(f, 0) > 0),
                    "per_1k": count * 1000 / total_tokens if total_tokens else None,
                    "per_1k_low": quantile(s, 0.025) if s else None,
                    "per_1k_high": quantile(s, 0.975) if s else None,
                    "replicates": valid,
                })
    return rows


# ---------------------------------------------------------------- comparing

def agree(want, got):
    if want is None:
        return got == ""
    if isinstance(want, str):
        return want == got
    if got == "":
        return False
    g = float(got)
    return abs(g - want) <= TOL * max(1.0, abs(want))


def check(name, want_rows, got_rows, problems):
    if len(want_rows) != len(got_rows):
        problems.append(f"{name}: {len(got_rows)} rows, expected {len(want_rows)}")
    for i, (w, g) in enumerate(zip(want_rows, got_rows)):
        for col, v in w.items():
            if not agree(v, g.get(col)):
                problems.append(f"{name} row {i + 2} column {col}: got {g.get(col)!r}, expected {v!r}")
                if len(problems) > 20:
                    return


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    with open(f"{out}/manifest.json", encoding="utf-8") as f:
        options = json.load(f)["options"]
    opts = options["compare"]
    problems = []
    minimum, max_pairs = int(opts["min_count"]), int(opts["max_pair_outlets"])
    # Runs before --by-event existed wrote the event rows.
    by_event = bool(opts.get("by_event", True))
    tone_terms = bool(options.get("full") or options.get("tone_terms"))

    def written(rows):
        return rows if tone_terms else [r for r in rows if not tone_term(r["kind"], r["category"])]

    expected = expected_compare(out, float(opts["prior_strength"]), minimum, max_pairs, by_event, tone_terms)
    check("compare.csv", written(expected), read(f"{out}/compare.csv"), problems)
    check("compare_paired.csv", written(expected_paired(out, minimum, max_pairs, by_event, tone_terms)),
          read(f"{out}/compare_paired.csv"), problems)
    check("rates.csv", written(expected_rates(out, int(opts["seed"]), int(opts["bootstrap"]), minimum, by_event)),
          read(f"{out}/rates.csv"), problems)
    for p in problems[:20]:
        print(p)
    if problems:
        return 1
    print(f"{out}: compare.csv, compare_paired.csv and rates.csv agree with the reference within {TOL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
