"""The Python package against the command line: the same tables byte for byte, typed Arrow
columns, pandas/polars/pyarrow inputs, errors naming documents, compare and exact merge.

The command line's binary is FRAMELENS_BIN (default: target/release/framelens of the
repository); `.ci/run` builds it first."""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

import framelens

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("FRAMELENS_BIN", ROOT / "target" / "release" / "framelens"))


def corpus():
    """Every JSONL record of the sample corpus and the test corpus (with its broken lines)."""
    lines = []
    for p in [ROOT / "examples" / "velmora.jsonl", ROOT / "tests" / "data" / "corpus.jsonl"]:
        lines += [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
    return lines


def good_docs():
    docs = []
    for line in corpus():
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(d.get("text"), str):
            docs.append(d)
    return docs


def cli(*args, cwd):
    assert BIN.exists(), f"{BIN}: build the binary first (cargo build --release) or set FRAMELENS_BIN"
    return subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True)


def csv_files(path):
    return sorted(p.name for p in Path(path).glob("*.csv"))


def test_done_when_check():
    r = framelens.analyze([{"outlet": "a", "text": "Officials claimed the regime lied."}])
    df = r.documents.to_pandas()
    assert list(df["outlet"]) == ["a"] and df["tokens"][0] == 5
    assert r.attributions.num_rows == 1
    # attributions is compact (issue 18): the cue by its lemma and offsets.
    row = r.attributions.to_pylist()[0]
    assert (row["cue_lemma"], row["cue_class"], row["cue_start"], row["cue_end"]) == ("claim", "doubting", 10, 17)


@pytest.mark.parametrize("raw_cells", [True, False])
def test_tables_are_the_command_lines_bytes(tmp_path, raw_cells):
    docs = good_docs()
    src = tmp_path / "input.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    flags = ["--raw-cells"] if raw_cells else []
    run = cli("analyze", "input.jsonl", "-o", "out", "-q", "--shard", "--bootstrap", "100", *flags, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    r = framelens.analyze(docs, raw_cells=raw_cells, bootstrap=100, threads=2)
    assert csv_files(r.path) == csv_files(tmp_path / "out")
    for name in csv_files(r.path) + ["shard.json"]:
        ours = (r.path / name).read_bytes()
        theirs = (tmp_path / "out" / name).read_bytes()
        assert ours == theirs, name
    # Arrow tables hold what the CSV holds.
    assert r.matches.num_rows == len((tmp_path / "out" / "matches.csv").read_text().splitlines()) - 1


def test_columns_are_typed_from_the_descriptors():
    r = framelens.analyze(good_docs())
    schema = r.documents.schema
    assert schema.field("doc_id").type == pa.string()
    assert schema.field("tokens").type == pa.int64()
    assert schema.field("tone").type == pa.float64()
    assert schema.field("date").type == pa.string()
    # Per-category template columns are typed too.
    counts = [f for f in schema if f.name.endswith("_count")]
    assert counts and all(f.type == pa.int64() for f in counts)
    # matches is compact (issue 18): counted hits, flags packed into one text column, no
    # `counted` column (every default row counts).
    m = r.matches.to_pandas()
    assert r.matches.schema.field("start").type == pa.int64()
    assert r.matches.schema.field("flags").type == pa.string()
    assert "polarity" not in m.columns and "counted" not in m.columns and "text" not in m.columns
    assert r.compare.schema.field("z_p").type == pa.float64()
    # An empty table still has its typed columns.
    assert r.errors.num_rows == 0 and r.errors.schema.field("reason").type == pa.string()
    assert r.scare_quotes.schema.field("start").type == pa.int64()


def test_dataframe_and_arrow_inputs_give_the_same_tables():
    pd = pytest.importorskip("pandas")
    docs = good_docs()
    keys = ["id", "outlet", "title", "date", "event", "text"]
    rows = [{k: d.get(k) for k in keys} for d in docs]
    a = framelens.analyze(rows)
    b = framelens.analyze(pd.DataFrame(rows))
    c = framelens.analyze(pa.Table.from_pylist(rows))
    for t in ["documents", "matches", "compare", "outlets"]:
        assert a.table(t).arrow.equals(b.table(t).arrow), t
        assert a.table(t).arrow.equals(c.table(t).arrow), t
    try:
        import polars
    except ImportError:
        return
    d = framelens.analyze(polars.DataFrame(rows))
    assert a.documents.arrow.equals(d.documents.arrow)
    assert a.documents.to_polars().height == len(rows)


def test_failed_documents_raise_naming_them():
    docs = [{"id": "ok", "outlet": "A", "text": "Fine."}, {"id": "bad", "outlet": "A"}]
    with pytest.raises(framelens.FramelensError) as e:
        framelens.analyze(docs)
    assert "docs[1]" in str(e.value) and "'bad'" in str(e.value)
    r = framelens.analyze(docs, errors="keep")
    assert r.errors.to_pylist()[0]["doc_id"] == "bad"
    assert r.documents.num_rows == 1
    with pytest.raises(framelens.FramelensError, match="unknown section"):
        framelens.analyze(docs[:1], sections=["lead"])
    with pytest.raises(TypeError):
        framelens.analyze([["not", "a", "dict"]])


def test_compare_with_groups_matches_the_command_line(tmp_path):
    docs = good_docs()
    r = framelens.analyze(docs, raw_cells=False, bootstrap=50)
    r.save(tmp_path / "out")
    groups = {"Outlet A": "AB", "Outlet B": "AB"}
    c = framelens.compare(r, groups=groups, bootstrap=50, min_count=0)
    run = cli("compare", "out", "-o", "cmp", "-q", "--group", "Outlet A=AB", "--group", "Outlet B=AB",
              "--bootstrap", "50", "--min-count", "0", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    group_tables = ["group_compare.csv", "group_outlets.csv", "group_labels.csv", "group_sources.csv"]
    for name in ["compare.csv", "rates.csv", "compare_paired.csv", *group_tables]:
        assert (c.path / name).read_bytes() == (tmp_path / "cmp" / name).read_bytes(), name
    # Every table the manifest lists is there.
    assert all((c.path / f"{t}.csv").exists() for t in c.tables), c.tables
    # Outlets stay outlets; the groups get tables of their own.
    assert "AB" not in set(c.compare.to_pandas()["outlet_a"])
    assert "AB" in set(c.group_compare.to_pandas()["group_a"])


def test_merge_of_parts_is_one_run():
    docs = good_docs()
    whole = framelens.analyze(docs)
    parts = [framelens.analyze(docs[i : i + 4]) for i in range(0, len(docs), 4)]
    # Through bytes, as Spark carries them between processes.
    merged = framelens.merge([framelens.Result.from_bytes(p.to_bytes()) for p in parts])
    for name in csv_files(whole.path):
        if name != "errors.csv":
            assert (merged.path / name).read_bytes() == (whole.path / name).read_bytes(), name
    assert merged.manifest["counts"]["analysed"] == len(docs)
    with pytest.raises(framelens.FramelensError, match="document id"):
        framelens.merge([parts[0], parts[0]])
    with pytest.raises(framelens.FramelensError, match="options differ"):
        framelens.merge([parts[0], framelens.analyze(docs[4:8], min_count=0)])


def test_the_gil_is_released_while_rust_works():
    docs = good_docs() * 1
    big = [dict(d, id=f"{d['id']}-{i}", text=d["text"] * 20) for i in range(150) for d in docs]
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    start = time.perf_counter()
    framelens.analyze(big, threads=1, bootstrap=0)
    end = time.perf_counter()
    done.set()
    t.join()
    during = [x for x in ticks if start < x < end]
    # With the GIL held the ticker would stall for the whole Rust run.
    assert end - start > 0.05
    assert len(during) > 10, (len(during), end - start)
