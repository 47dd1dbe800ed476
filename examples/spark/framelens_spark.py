"""framelens on Spark: each partition of a DataFrame of documents is analysed by the Python
package on an executor (``mapInArrow``), and the per-partition outputs are merged exactly on
the driver by the same merge as ``framelens merge``: every count summed, every statistic
recomputed from the merged counts, so the comparison tables equal those of one run over the
whole corpus.

Usage (see README.md beside this file)::

    spark-submit --py-files framelens_spark.py framelens_spark.py corpus.jsonl OUT [--parts-dir DIR]

or from a notebook::

    from framelens_spark import analyze_dataframe
    result = analyze_dataframe(spark.read.json("corpus.jsonl"), parts_dir="/shared/fl-parts")
    result.compare.to_pandas()

Each document needs a unique ``id`` column (ids made per partition would collide in the
merge); ``with_ids`` adds one from the row's position when the corpus has none.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path
from typing import Any, Iterator, Optional

import pyarrow as pa

import framelens

PART_SCHEMA = "part long, rows long, path string, archive binary"


def _analyze_partition(parts_dir: Optional[str], options: dict):
    """The function ``mapInArrow`` runs on each partition: one framelens run over the
    partition's documents, returned as a tar archive or saved to ``parts_dir``."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext

        batches = [b for b in batches if b.num_rows]
        if not batches:
            return  # an empty partition adds nothing
        table = pa.Table.from_batches(batches)
        part = TaskContext.get().partitionId()
        result = framelens.analyze(table, errors="keep", **options)
        path, archive = None, None
        if parts_dir:
            dest = Path(parts_dir) / f"part-{part:05d}"
            if dest.exists():
                shutil.rmtree(dest)  # a retried task replaces its own earlier output
            path = str(result.save(dest))
        else:
            archive = result.to_bytes()
        row = {"part": part, "rows": table.num_rows, "path": path, "archive": archive}
        yield pa.RecordBatch.from_pylist([row], schema=_arrow_schema())

    return run


def _arrow_schema() -> pa.Schema:
    return pa.schema(
        [("part", pa.int64()), ("rows", pa.int64()), ("path", pa.string()), ("archive", pa.binary())]
    )


def with_ids(df, column: str = "id"):
    """``df`` with a unique string ``id`` per row when it has none (Spark's
    monotonically_increasing_id: unique, ordered by partition and row)."""
    from pyspark.sql import functions as F

    if column in df.columns:
        return df
    return df.withColumn(column, F.monotonically_increasing_id().cast("string"))


def analyze_dataframe(df, *, parts_dir: Optional[str] = None, **options: Any) -> framelens.Result:
    """Analyses every row of the Spark DataFrame ``df`` (columns as in ``framelens.analyze``)
    partition by partition and merges the results exactly, in partition order.

    ``parts_dir``: a folder every executor and the driver can reach (HDFS fuse mount, NFS, or
    a local folder in local mode) where each partition's output folder is written; without
    it the outputs travel to the driver as archives through ``collect()`` (small corpora).
    ``options``: keyword options of :func:`framelens.analyze` (``bootstrap``, ``lexicons``
    — a path every executor can read —, ``threads`` per task, ...)."""
    options.setdefault("threads", 1)  # one task per core: Spark runs the partitions in parallel
    rows = df.mapInArrow(_analyze_partition(parts_dir, options), PART_SCHEMA).collect()
    rows = sorted(rows, key=lambda r: r.part)
    if not rows:
        return framelens.analyze([])
    parts = [r.path if r.path else framelens.Result.from_bytes(r.archive) for r in rows]
    return framelens.merge(parts, lexicons=options.get("lexicons"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL corpus (any path spark.read.json reads)")
    ap.add_argument("output", help="folder for the merged tables (must not exist)")
    ap.add_argument("--parts-dir", help="shared folder for the per-partition outputs")
    ap.add_argument("--partitions", type=int, help="repartition to N partitions first")
    ap.add_argument("--bootstrap", type=int)
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("framelens").getOrCreate()
    df = with_ids(spark.read.json(args.input))
    if args.partitions:
        df = df.repartition(args.partitions)
    result = analyze_dataframe(df, parts_dir=args.parts_dir, bootstrap=args.bootstrap)
    result.save(args.output)
    print(f"framelens: {result.manifest['counts']['analysed']} documents -> {args.output}")
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
