#!/usr/bin/env python3
"""Counts of a LIWC-format dictionary: framelens (--no-bundled --dict) against the Python `liwc`
package (an independent implementation), on the same text and tokenisation.

usage: liwc_compare.py FRAMELENS DIC TEXTS [--limit N]

TEXTS: a .csv/.tsv with a `text` column (`;`, `,` or tab separated, e.g. BABE's
final_labels_SG1.csv) or a .jsonl with a `text` key. Each text is lower-cased and split into
words (letters, with apostrophes inside a word); both tools get exactly these tokens, joined by
single spaces. The dictionary is given to `liwc` with its whitespace normalised to single tabs
(the package cannot read runs of spaces or tabs) and its terms lower-cased; framelens reads the
file as it is. Prints per-category totals and exits 1 on any difference in any document.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

import liwc

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def texts(path, limit):
    out = []
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            out = [json.loads(line)["text"] for line in f if line.strip()]
    else:
        with open(path, encoding="utf-8-sig", newline="") as f:
            sample = f.read(4096)
            f.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
            out = [row["text"] for row in csv.DictReader(f, dialect=dialect)]
    return out[:limit] if limit else out


def tokens(text):
    return WORD.findall(text.replace("\u2019", "'").lower())


def normalised_dic(src, dst):
    """The same dictionary with single tabs between fields (what the `liwc` package reads)."""
    with open(src, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    out, section = [], 0
    for line in lines:
        if line.strip() == "%":
            section += 1
            out.append("%")
            continue
        fields = line.split()
        if not fields:
            continue
        if section == 1:
            out.append(fields[0] + "\t" + " ".join(fields[1:]))
        else:
            ids = [x for x in fields if x.isdigit()]
            term = " ".join(x for x in fields if not x.isdigit()).lower()
            out.append("\t".join([term] + ids))
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def safe(name):
    return re.sub(r"[^\w.-]", "_", name.strip().lower())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("framelens")
    ap.add_argument("dic")
    ap.add_argument("texts")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    docs = [tokens(t) for t in texts(args.texts, args.limit)]
    dictname = safe(os.path.splitext(os.path.basename(args.dic))[0])
    with tempfile.TemporaryDirectory() as tmp:
        dic = os.path.join(tmp, "liwc.dic")
        normalised_dic(args.dic, dic)
        parse, _ = liwc.load_token_parser(dic)
        expected = {}
        for i, toks in enumerate(docs):
            c = collections.Counter(cat for t in toks for cat in parse(t))
            expected[f"d{i}"] = {f"{dictname}/{safe(k)}": v for k, v in c.items()}
        corpus = os.path.join(tmp, "docs.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for i, toks in enumerate(docs):
                f.write(json.dumps({"id": f"d{i}", "outlet": "x", "text": " ".join(toks)}) + "\n")
        out = os.path.join(tmp, "out")
        cmd = [args.framelens, "analyze", corpus, "-o", out, "-q", "--no-bundled", "--dict", args.dic,
               "--doc-terms"]
        subprocess.run(cmd, check=True)
        got = collections.defaultdict(collections.Counter)
        with open(os.path.join(out, "doc_terms.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                got[row["doc_id"]][row["category"]] += int(row["count"])
    totals_e, totals_g, bad = collections.Counter(), collections.Counter(), 0
    for d, e in expected.items():
        g = dict(got.get(d, {}))
        totals_e.update(e)
        totals_g.update(g)
        if e != g:
            bad += 1
            if bad <= 5:
                print(f"{d}: liwc {sorted(e.items())} framelens {sorted(g.items())}", file=sys.stderr)
    ntok = sum(len(t) for t in docs)
    print(f"{len(docs)} documents, {ntok} tokens, dictionary {args.dic}")
    print(f"{'category':50} {'liwc':>8} {'framelens':>10}")
    for k in sorted(set(totals_e) | set(totals_g)):
        print(f"{k:50} {totals_e[k]:>8} {totals_g[k]:>10}")
    print(f"documents whose counts differ: {bad}")
    sys.exit(1 if bad or not sum(totals_e.values()) else 0)


if __name__ == "__main__":
    main()
