"""`--format parquet` (analyze and compare): every table as Parquet with the CSV's columns,
typed from the descriptors, dictionary-encoded and compressed, holding the CSV's values;
read back by pyarrow and DuckDB."""

import json
import os
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import framelens
from framelens import _read_table
from test_framelens import BIN, good_docs


def run(*args, cwd):
    r = subprocess.run([str(BIN), *args], cwd=cwd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("pq")
    (d / "in.jsonl").write_text("".join(json.dumps(x) + "\n" for x in good_docs()), encoding="utf-8")
    # --doc-terms: what `compare` reads back (written only on request since issue 18).
    opts = ["-q", "--bootstrap", "50", "--min-count", "0", "--doc-terms"]
    run("analyze", "in.jsonl", "-o", "csv", *opts, cwd=d)
    run("analyze", "in.jsonl", "-o", "pq", *opts, "--format", "parquet", cwd=d)
    run("compare", "csv", "-o", "cmp", "-q", "--format", "parquet", "--bootstrap", "50", cwd=d)
    run("compare", "csv", "-o", "cmpcsv", "-q", "--bootstrap", "50", cwd=d)
    return d


def test_every_table_has_the_csv_values_and_types(outputs):
    manifest = json.loads((outputs / "pq" / "manifest.json").read_text())
    names = [n for n in manifest["outputs"] if n.endswith(".parquet")]
    csv_manifest = json.loads((outputs / "csv" / "manifest.json").read_text())
    tables = [n for n in csv_manifest["outputs"] if n.endswith(".csv")]
    assert len(names) == len(tables) > 15 and not list((outputs / "pq").glob("*.csv"))
    assert manifest["options"]["format"] == "parquet"
    for name in names:
        stem = name[: -len(".parquet")]
        table = pq.read_table(outputs / "pq" / name)
        expected = _read_table(outputs / "csv" / f"{stem}.csv")
        assert table.column_names == expected.column_names, name
        assert table.schema.types == expected.schema.types, name
        assert table.cast(expected.schema).equals(expected), name  # text is NOT NULL in Parquet
    docs = pq.read_table(outputs / "pq" / "documents.parquet")
    assert docs.schema.field("tokens").type == pa.int64()
    assert docs.schema.field("tone").type == pa.float64()


def test_strings_are_dictionary_encoded_and_compressed(outputs):
    meta = pq.ParquetFile(outputs / "pq" / "matches.parquet").metadata
    assert meta.num_rows > 0
    # `category`: a string column of the compact default (issue 18), repeated on many rows.
    col = meta.row_group(0).column(meta.schema.names.index("category"))
    assert col.compression == "SNAPPY"
    assert any("DICTIONARY" in e for e in col.encodings), col.encodings
    assert meta.created_by.startswith("framelens")


def test_compare_writes_parquet_too(outputs):
    for stem in ["compare", "rates", "compare_paired"]:
        table = pq.read_table(outputs / "cmp" / f"{stem}.parquet")
        expected = _read_table(outputs / "cmpcsv" / f"{stem}.csv")
        assert table.cast(expected.schema).equals(expected), stem


def test_duckdb_reads_the_tables(outputs):
    # Under CI (which installs it) a missing DuckDB is a failure, not a skip.
    duckdb = __import__("duckdb") if os.environ.get("CI") else pytest.importorskip("duckdb")
    con = duckdb.connect()
    path = str(outputs / "pq")
    n = con.execute(f"select count(*) from read_parquet('{path}/documents.parquet')").fetchone()[0]
    assert n == len(good_docs())
    rows = con.execute(
        f"select outlet, sum(tokens) from read_parquet('{path}/documents.parquet') group by outlet order by outlet"
    ).fetchall()
    outlets = pq.read_table(outputs / "pq" / "outlets.parquet").to_pylist()
    expected = sorted((o["outlet"], o["tokens"]) for o in outlets if o["scope"] == "all")
    assert rows == expected
    z = con.execute(f"select typeof(z) from read_parquet('{path}/compare.parquet') limit 1").fetchall()
    assert z in ([("DOUBLE",)], [])
