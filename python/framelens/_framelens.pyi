"""The Rust extension of framelens (see framelens/__init__.py for the public API)."""

from typing import Optional, Sequence, Tuple, TypedDict

__version__: str

class FramelensError(Exception):
    """Bad input, options or lexicons, naming the document, file or option."""

class _Run(TypedDict):
    lexicons: Optional[str]
    lang: str
    threads: Optional[int]
    sections: Sequence[str]
    columns: Sequence[str]
    lossy: bool
    raw_cells: bool

class _Stats(TypedDict):
    prior_strength: Optional[float]
    seed: Optional[int]
    bootstrap: Optional[int]
    max_pair_outlets: Optional[int]
    min_count: Optional[int]

def analyze_file(input: str, out: str, run: _Run, stats: _Stats) -> Tuple[int, int, int]: ...
def compare_dir(source: str, out: str, groups: Sequence[str], raw_cells: bool, stats: _Stats) -> int: ...
def merge_dirs(shards: Sequence[str], out: str, lexicons: Optional[str] = None) -> int: ...
def column_type(file: str, name: str) -> Optional[str]: ...
