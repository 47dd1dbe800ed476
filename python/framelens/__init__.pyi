import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import pyarrow as pa

from ._framelens import FramelensError as FramelensError

__version__: str

class Table:
    """One output table: a typed pyarrow Table (``.arrow``) with conversions."""

    name: str
    arrow: pa.Table
    def __init__(self, name: str, arrow: pa.Table) -> None: ...
    def to_arrow(self) -> pa.Table: ...
    def to_pandas(self, **kwargs: Any) -> Any: ...
    def to_polars(self) -> Any: ...
    def to_pylist(self) -> list[dict[str, Any]]: ...
    def __len__(self) -> int: ...
    def __getattr__(self, attr: str) -> Any: ...

class Result:
    """Every table of an output folder, as attributes (documents, outlets, compare, ...)."""

    def __init__(self, path: Path, tmp: Any = None) -> None: ...
    @property
    def path(self) -> Path: ...
    @property
    def tables(self) -> list[str]: ...
    @property
    def manifest(self) -> dict[str, Any]: ...
    def table(self, name: str) -> Table: ...
    def __getattr__(self, name: str) -> Table: ...
    def save(self, path: os.PathLike[str] | str) -> Path: ...
    def to_bytes(self) -> bytes: ...
    @classmethod
    def from_bytes(cls, data: bytes) -> Result: ...
    documents: Table
    matches: Table
    scare_quotes: Table
    tone: Table
    attributions: Table
    errors: Table
    outlets: Table
    categories: Table
    terms: Table
    sources: Table
    doc_terms: Table
    compare: Table
    rates: Table
    compare_paired: Table
    labels: Table

Docs = Union[Iterable[Mapping[str, Any]], pa.Table, Any]

def analyze(
    docs: Docs,
    *,
    lexicons: Optional[Union[str, os.PathLike[str]]] = None,
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
) -> Result: ...
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
) -> Result: ...
def merge(
    results: Sequence[Union[Result, str, os.PathLike[str]]],
    *,
    lexicons: Optional[Union[str, os.PathLike[str]]] = None,
) -> Result: ...
