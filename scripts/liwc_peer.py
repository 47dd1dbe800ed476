#!/usr/bin/env python3
"""The Python peer pipeline a researcher would write: the `liwc` package's dictionary matcher
over lowercased regex tokens, with framelens's own loaded-language lexicon turned into a LIWC
dictionary (NLTK Snowball stems as wildcards), counting categories per outlet. Used by
scripts/bench.sh to compare speed on the same corpus.

Usage: liwc_peer.py LEXICON.csv CORPUS.jsonl
"""
import collections
import csv
import json
import re
import sys
import tempfile

import liwc
from nltk.stem.snowball import SnowballStemmer


def write_dic(lexicon_csv, path):
    """framelens single-word entries as a LIWC .dic: exact words as words, stems and prefixes
    as wildcards (`stem*`), the way LIWC dictionaries cover inflections."""
    stemmer = SnowballStemmer("english")
    cats = {}
    words = collections.defaultdict(set)
    with open(lexicon_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pattern = row["pattern"]
            if " " in pattern or "-" in pattern:
                continue
            cat = row["category"]
            cid = cats.setdefault(cat, len(cats) + 1)
            if pattern.startswith("="):
                words[pattern[1:]].add(cid)
            elif pattern.endswith("*"):
                words[pattern].add(cid)
            else:
                words[stemmer.stem(pattern) + "*"].add(cid)
    with open(path, "w", encoding="utf-8") as f:
        f.write("%\n")
        for cat, cid in cats.items():
            f.write(f"{cid}\t{cat}\n")
        f.write("%\n")
        for w, ids in sorted(words.items()):
            f.write(w + "\t" + "\t".join(str(i) for i in sorted(ids)) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False) as tmp:
        dic = tmp.name
    write_dic(sys.argv[1], dic)
    parse, _ = liwc.load_token_parser(dic)
    token_re = re.compile(r"\w+(?:['’]\w+)*")
    counts = collections.defaultdict(collections.Counter)
    tokens = collections.Counter()
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            outlet = doc.get("outlet", "")
            for tok in token_re.findall(doc.get("text", "").lower()):
                tokens[outlet] += 1
                counts[outlet].update(parse(tok))
    for outlet in sorted(counts):
        top = ", ".join(f"{c}={n}" for c, n in counts[outlet].most_common(3))
        print(f"{outlet}\t{tokens[outlet]}\t{top}")


if __name__ == "__main__":
    main()
