//! What every dictionary reader produces: entries with raw category levels, and the formats.

/// One term of a foreign dictionary under one category.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DictEntry {
    /// The term in import syntax: words separated by spaces, a word ending in `*` a prefix.
    pub(crate) term: String,
    /// The category's levels as the file names them (outermost first).
    pub(crate) category: Vec<String>,
    /// 1-based line and character column of the term.
    pub(crate) line: u64,
    pub(crate) column: u64,
}

/// A dictionary format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// LIWC 2001–2015 `.dic`.
    Liwc,
    /// LIWC-22 CSV (`DicTerm` column, one column per category); `.dicx`.
    Liwc22,
    /// WordStat `.cat`.
    WordStat,
    /// Lexicoder 3 `.lc3`.
    Lexicoder3,
    /// Lexicoder 2 `.lcd` (XML; spaces in patterns mark word boundaries).
    Lexicoder2,
    /// Yoshikoder `.ykd` (XML).
    Yoshikoder,
    /// quanteda-style YAML.
    Yaml,
    /// A framelens lexicon CSV (added as it is, with framelens' own matching).
    Csv,
}
