#!/usr/bin/env python3
"""Build benchmark corpora from the shared Article-Bias-Prediction articles (read by path).

Usage: bench_corpus.py SOURCE.jsonl OUT.jsonl SIZE_MB
Writes framelens JSONL ({id, outlet, event, title, text}) repeating the articles until the
text reaches SIZE_MB; each repetition gets fresh ids, so nothing is a duplicate, and (after the
first) ends every line with its number (" [2]"), so a line recurs within one repetition only:
without it every line of a repeated article would be in 3+ documents of its outlet, the
boilerplate pass would exclude the whole corpus from counting, and the benchmark would measure a
run that counts nothing. A line an outlet really repeats (a caption, a footer) still recurs within
each repetition and stays boilerplate, as in real news.
"""
import json
import sys


def mark(text, copy):
    """Each non-empty line of `text` with " [copy]" appended (unchanged for the first copy)."""
    if copy == 0:
        return text
    return "\n".join(f"{line} [{copy}]" if line.strip() else line for line in text.split("\n"))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    src, out, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    articles = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles.append((a["ID"], a["source"], a.get("topic", ""), a.get("title", ""), a["content_original"]))
    target = int(size_mb * 1e6)
    written = 0
    copy = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            for id_, outlet, topic, title, text in articles:
                title, text = mark(title, copy), mark(text, copy)
                f.write(json.dumps({"id": f"{id_}-{copy}", "outlet": outlet, "event": topic,
                                    "title": title, "text": text}, ensure_ascii=False) + "\n")
                written += len(text.encode("utf-8")) + len(title.encode("utf-8"))
                if written >= target:
                    break
            copy += 1
    print(f"{out}: {written / 1e6:.1f} MB of text, {copy} pass(es)")


if __name__ == "__main__":
    main()
