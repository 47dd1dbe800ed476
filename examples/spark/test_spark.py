"""The Spark recipe in local mode (local[2]): the merged per-partition outputs equal one
framelens run over the same corpus on one machine — the comparison tables byte for byte, and
every other table too, since partitions of an ordered DataFrame keep corpus order."""

import json
import os
import sys
from pathlib import Path

import pytest

# Under CI (which installs it) a missing PySpark is a failure, not a skip.
pyspark = __import__("pyspark") if os.environ.get("CI") else pytest.importorskip("pyspark")

import framelens  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from framelens_spark import analyze_dataframe, with_ids  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def corpus():
    docs = []
    for p in [ROOT / "examples" / "velmora.jsonl", ROOT / "tests" / "data" / "corpus.jsonl"]:
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                d = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(d, dict) and isinstance(d.get("text"), str):
                docs.append({k: d.get(k) for k in ["id", "outlet", "title", "date", "event", "text"]})
    # Several copies under other ids, so that each partition has documents of every outlet.
    return [dict(d, id=f"{d['id']}#{i}") for i in range(6) for d in docs]


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("framelens-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    # As spark-submit --py-files does on a cluster: the recipe's module reaches the workers.
    s.sparkContext.addPyFile(str(Path(__file__).parent / "framelens_spark.py"))
    yield s
    s.stop()


def tables(path):
    return sorted(p.name for p in Path(path).glob("*.csv"))


@pytest.mark.parametrize("shared_folder", [False, True])
def test_partitions_merged_equal_one_run(spark, tmp_path, shared_folder):
    docs = corpus()
    single = framelens.analyze(docs, bootstrap=200)
    schema = "id string, outlet string, title string, date string, event string, text string"
    # Five partitions, each a consecutive slice of the corpus (as a file split would be).
    df = spark.createDataFrame(spark.sparkContext.parallelize(docs, 5), schema)
    assert df.rdd.getNumPartitions() == 5
    parts = str(tmp_path / "parts") if shared_folder else None
    merged = analyze_dataframe(df, parts_dir=parts, bootstrap=200)
    assert merged.manifest["counts"]["analysed"] == len(docs)
    assert len(merged.manifest["inputs"]) == 5
    assert tables(merged.path) == tables(single.path)
    for name in tables(single.path):
        if name == "errors.csv":
            continue
        assert (merged.path / name).read_bytes() == (single.path / name).read_bytes(), name
    if shared_folder:
        assert len(list((tmp_path / "parts").iterdir())) == 5


def test_shuffled_partitions_keep_the_comparison(spark):
    docs = corpus()
    single = framelens.analyze(docs, bootstrap=0)
    df = spark.createDataFrame(docs).repartition(3)
    merged = analyze_dataframe(df, bootstrap=0)
    for name in ["compare.csv", "compare_paired.csv", "outlets.csv", "terms.csv", "labels.csv"]:
        assert (merged.path / name).read_bytes() == (single.path / name).read_bytes(), name
    key = lambda t: sorted(map(str, t.to_pylist()))
    assert key(merged.documents) == key(single.documents)


def test_ids_are_added_when_missing(spark):
    rows = [{"outlet": "A", "text": "The regime lied."}, {"outlet": "B", "text": "Officials said."}]
    df = with_ids(spark.createDataFrame(rows))
    merged = analyze_dataframe(df.repartition(2))
    assert sorted(merged.documents.to_pandas()["outlet"]) == ["A", "B"]
