"""framelens: measure how news outlets frame the same event.

Loaded language, attribution verbs graded by stance, hedges, labels, scare quotes and tone,
per document and per outlet, with the comparison statistics of the command line.

    >>> import framelens
    >>> r = framelens.analyze([{"outlet": "a", "text": "Officials claimed the regime lied."}])
    >>> r.documents.to_pandas()                                     # doctest: +SKIP

Everything runs in this process, in Rust (the GIL is released while it works); the tables
are written by the same code as ``framelens analyze`` and read into typed pyarrow Tables,
one per output file of the command line (``documents``, ``outlets``, ``terms``, ``matches``,
``attributions``, ``compare``, ...). Column types come from the crate's table descriptors.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import pyarrow as pa
import pyarrow.csv as pacsv

from . import _framelens
from ._framelens import FramelensError

__all__ = ["analyze", "compare", "merge", "Result", "Table", "FramelensError", "__version__"]
__version__ = _framelens.__version__

#: Arrow type of each column type of the descriptors. Dates stay text, as the input gave them.
_ARROW_TYPES = {"text": pa.string(), "integer": pa.int64(), "number": pa.float64(), "date": pa.string()}


class Table:
    """One output table: a typed :class:`pyarrow.Table` (``.arrow``) with conversions.

    Attributes of the Arrow table (``num_rows``, ``column_names``, ``schema``, ``column``...)
    are reachable on this object too.
    """

    def __init__(self, name: str, arrow: pa.Table):
        self.name = name
        self.arrow = arrow

    def to_arrow(self) -> pa.Table:
        """The :class:`pyarrow.Table`."""
        return self.arrow

    def to_pandas(self, **kwargs: Any):
        """A pandas DataFrame (``pyarrow.Table.to_pandas``; needs pandas)."""
        return self.arrow.to_pandas(**kwargs)

    def to_polars(self):
        """A polars DataFrame (``polars.from_arrow``; needs polars)."""
        import polars

        return polars.from_arrow(self.arrow)

    def to_pylist(self) -> list:
        """The rows as dicts."""
        return self.arrow.to_pylist()

    def __arrow_c_stream__(self, requested_schema=None):
        return self.arrow.__arrow_c_stream__(requested_schema)

    def __len__(self) -> int:
        return self.arrow.num_rows

    def __getattr__(self, attr: str):
        return getattr(self.arrow, attr)

    def __repr__(self) -> str:
        return f"framelens.Table({self.name!r}, {self.arrow.num_rows} rows)\n{self.arrow.schema}"


def _read_table(path: Path) -> pa.Table:
    """A CSV output of framelens as a pyarrow Table typed by the table's descriptor."""
    with open(path, "rb") as f:
        header = f.readline().decode("utf-8-sig").rstrip("\r\n")
        empty = not f.read(1)
    columns = _header_names(header)
    types = {c: _ARROW_TYPES[_framelens.column_type(path.name, c) or "text"] for c in columns}
    if empty:
        # A header alone: an empty table with the descriptor's types.
        return pa.schema([(c, types[c]) for c in columns]).empty_table()
    return pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(encoding="utf8", column_names=columns, skip_rows=1),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            null_values=[""],
        ),
    )


def _header_names(header: str) -> list:
    return next(csv.reader([header]))


class Result:
    """The output of :func:`analyze`, :func:`compare` or :func:`merge`.

    Each table of the command line's output folder is an attribute (``result.documents``,
    ``result.outlets``, ``result.compare``, ...): a :class:`Table`, read on first use.
    ``result.tables`` lists them; ``result.manifest`` is ``manifest.json``;
    ``result.save(path)`` copies the folder; ``to_bytes``/``from_bytes`` carry a result
    between processes (Spark) so that :func:`merge` can combine them.
    """

    def __init__(self, path: Path, tmp: Optional[tempfile.TemporaryDirectory] = None):
        self._path = Path(path)
        self._tmp = tmp
        self._cache: dict = {}

    @property
    def path(self) -> Path:
        """The folder holding the tables (temporary unless the result was saved)."""
        return self._path

    @property
    def tables(self) -> list:
        """The table names, in the order of the manifest's output list."""
        outputs = self.manifest.get("outputs") or sorted(p.name for p in self._path.glob("*.csv"))
        return [o[: -len(".csv")] for o in outputs if o.endswith(".csv")]

    @property
    def manifest(self) -> dict:
        """``manifest.json``: options, lexicons (with SHA-256), counts."""
        return json.loads((self._path / "manifest.json").read_text(encoding="utf-8"))

    def table(self, name: str) -> Table:
        """The table ``name`` (``documents``, ``compare``, ...)."""
        if name not in self._cache:
            path = self._path / f"{name}.csv"
            if not path.exists():
                raise AttributeError(f"no table {name!r} in this result (tables: {', '.join(self.tables)})")
            self._cache[name] = Table(name, _read_table(path))
        return self._cache[name]

    def __getattr__(self, name: str) -> Table:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.table(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    def save(self, path: os.PathLike) -> Path:
        """Copies the output folder to ``path`` (which must not exist); returns it."""
        shutil.copytree(self._path, path)
        return Path(path)

    def to_bytes(self) -> bytes:
        """The output folder as an uncompressed tar archive (see :meth:`from_bytes`)."""
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w") as tar:
            for p in sorted(self._path.iterdir()):
                tar.add(p, arcname=p.name)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Result":
        """A result from :meth:`to_bytes`."""
        tmp = tempfile.TemporaryDirectory(prefix="framelens-")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r") as tar:
            for m in tar.getmembers():
                if not m.isfile() or "/" in m.name or m.name.startswith("."):
                    raise FramelensError(f"not a framelens result archive: member {m.name!r}")
            tar.extractall(tmp.name)
        return cls(Path(tmp.name), tmp)

    def __repr__(self) -> str:
        c = self.manifest.get("counts", {})
        return f"<framelens.Result {c.get('analysed', '?')} documents, tables: {', '.join(self.tables)}>"


def _stats(prior_strength, seed, bootstrap, max_pair_outlets, min_count) -> dict:
    return dict(
        prior_strength=prior_strength,
        seed=seed,
        bootstrap=bootstrap,
        max_pair_outlets=max_pair_outlets,
        min_count=min_count,
    )


def _records(docs: Any) -> Iterable[Mapping]:
    """Rows of a pandas or polars DataFrame, a pyarrow Table, or an iterable of dicts."""
    if isinstance(docs, (pa.Table, pa.RecordBatch)):
        return docs.to_pylist()
    module = type(docs).__module__.split(".")[0]
    if module == "pandas":
        return docs.to_dict("records")
    if module == "polars":
        return docs.to_dicts()
    if isinstance(docs, Mapping) or isinstance(docs, (str, bytes)):
        raise TypeError("docs must be a DataFrame, a pyarrow Table or an iterable of dicts")
    return docs


def _clean(value: Any) -> Any:
    """A JSON value: missing (None, NaN, NaT) as None, dates as ISO text."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        try:
            if value != value:  # NaT
                return None
        except Exception:
            pass
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _write_jsonl(docs: Any, path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for i, row in enumerate(_records(docs)):
            if not isinstance(row, Mapping):
                raise TypeError(f"document {i}: expected a dict of fields, got {type(row).__name__}")
            clean = {str(k): _clean(v) for k, v in row.items()}
            f.write(json.dumps({k: v for k, v in clean.items() if v is not None}, ensure_ascii=False))
            f.write("\n")
            n += 1
    return n


def _raise_failures(result: Result, limit: int = 5) -> None:
    errors = result.errors.to_pylist()
    if not errors:
        return
    parts = []
    for e in errors[:limit]:
        where = e["location"]
        if where.startswith("line "):
            where = f"docs[{int(where[5:]) - 1}]"
        ident = f" (id {e['doc_id']!r})" if e["doc_id"] else ""
        parts.append(f"{where}{ident}: {e['reason']}")
    more = f" (and {len(errors) - limit} more)" if len(errors) > limit else ""
    raise FramelensError(f"{len(errors)} document(s) failed: " + "; ".join(parts) + more)


def analyze(
    docs: Any,
    *,
    lexicons: Optional[os.PathLike] = None,
    lang: str = "en",
    threads: Optional[int] = None,
    sections: Sequence[str] = ("title", "body"),
    columns: Optional[Mapping[str, str]] = None,
    lossy: bool = False,
    raw_cells: bool = True,
    errors: str = "raise",
    prior_strength: Optional[float] = None,
    seed: Optional[int] = None,
    bootstrap: Optional[int] = None,
    max_pair_outlets: Optional[int] = None,
    min_count: Optional[int] = None,
) -> Result:
    """Analyses ``docs`` and returns every table of ``framelens analyze``.

    ``docs``: a pandas or polars DataFrame, a pyarrow Table, or an iterable of dicts, with the
    fields of the JSONL input (``text``, ``outlet``, and optionally ``id``, ``title``, ``date``,
    ``url``, ``event``; ``columns`` maps fields to other names, e.g. ``{"text": "body"}``).
    Documents without an ``id`` get ``<input>:<n>``, as on the command line.

    ``lexicons``: a folder of lexicon CSV files instead of the bundled ones. ``threads``:
    worker threads (default: all cores; the tables are identical for any value).
    ``raw_cells``: text cells verbatim (default), or, when False, with a leading ``'`` on
    cells a spreadsheet would run as a formula, as the command line writes by default.
    ``errors``: ``"raise"`` raises :class:`FramelensError` naming the failed documents
    (index and id); ``"keep"`` returns them in ``result.errors``.
    The comparison options default to the command line's.

    The result can be merged with others (:func:`merge`): it is the output of
    ``framelens analyze --shard``.
    """
    if errors not in ("raise", "keep"):
        raise ValueError("errors must be 'raise' or 'keep'")
    tmp = tempfile.TemporaryDirectory(prefix="framelens-")
    root = Path(tmp.name)
    source, out = root / "input.jsonl", root / "out"
    _write_jsonl(docs, source)
    out.mkdir()
    run = dict(
        lexicons=None if lexicons is None else os.fspath(lexicons),
        lang=lang,
        threads=threads,
        sections=list(sections),
        columns=[f"{k}={v}" for k, v in (columns or {}).items()],
        lossy=lossy,
        raw_cells=raw_cells,
    )
    stats = _stats(prior_strength, seed, bootstrap, max_pair_outlets, min_count)
    _framelens.analyze_file(str(source), str(out), run, stats)
    source.unlink()
    result = Result(out, tmp)
    if errors == "raise":
        _raise_failures(result)
    return result


def compare(
    result: Result,
    *,
    groups: Optional[Mapping[str, str]] = None,
    raw_cells: Optional[bool] = None,
    prior_strength: Optional[float] = None,
    seed: Optional[int] = None,
    bootstrap: Optional[int] = None,
    max_pair_outlets: Optional[int] = None,
    min_count: Optional[int] = None,
) -> Result:
    """Recomputes the comparison tables (``compare``, ``rates``, ``compare_paired``) of
    ``result`` from its per-document counts, as ``framelens compare`` does: ``groups`` maps
    outlets to groups compared as one (``{"Outlet A": "left", "Outlet B": "left"}``), which
    also get the per-group tables (``group_outlets``, ``group_labels``, ``group_sources``).
    ``raw_cells`` defaults to how ``result`` was written."""
    tmp = tempfile.TemporaryDirectory(prefix="framelens-")
    out = Path(tmp.name)
    if raw_cells is None:
        raw_cells = bool(result.manifest.get("options", {}).get("raw_cells", False))
    mappings = [f"{k}={v}" for k, v in (groups or {}).items()]
    stats = _stats(prior_strength, seed, bootstrap, max_pair_outlets, min_count)
    _framelens.compare_dir(str(result.path), str(out), mappings, raw_cells, stats)
    return Result(out, tmp)


def merge(results: Sequence[Any], *, lexicons: Optional[os.PathLike] = None) -> Result:
    """Merges results of :func:`analyze` (or :class:`Result` objects of any kind of origin:
    ``Result.from_bytes``, or output folders of ``framelens analyze --shard`` given as paths)
    over disjoint parts of a corpus into the result of one run over the whole corpus, as
    ``framelens merge`` does: counts summed, every statistic recomputed. A document id in two
    parts, or parts made with other lexicons or options, raise :class:`FramelensError`."""
    paths = [str(r.path) if isinstance(r, Result) else os.fspath(r) for r in results]
    if not paths:
        raise ValueError("merge needs at least one result")
    tmp = tempfile.TemporaryDirectory(prefix="framelens-")
    out = Path(tmp.name)
    _framelens.merge_dirs(paths, str(out), None if lexicons is None else os.fspath(lexicons))
    return Result(out, tmp)
