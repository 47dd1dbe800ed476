//! How values become CSV cells: fixed decimal precision, empty cells for undefined values,
//! and neutralised formulas in free-text cells so spreadsheets never execute them.

use std::borrow::Cow;

/// Cell formatting options shared by every table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellStyle {
    /// Prefix free text that a spreadsheet would run as a formula with `'`.
    pub safe_text: bool,
}

impl Default for CellStyle {
    fn default() -> CellStyle {
        CellStyle { safe_text: true }
    }
}

impl CellStyle {
    /// A free-text cell (titles, matched text, contexts, sources). Cells starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return get a leading `'` when `safe_text` is on.
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.safe_text && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            Cow::Owned(format!("'{s}"))
        } else {
            Cow::Borrowed(s)
        }
    }
}

/// A rate per 1,000 tokens with 4 decimals; empty when there are no tokens.
pub fn per_1k(count: u64, tokens: u64) -> String {
    if tokens == 0 {
        String::new()
    } else {
        format!("{:.4}", count as f64 * 1000.0 / tokens as f64)
    }
}

/// A share in 0..1 with 6 decimals; empty when the denominator is zero.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 { String::new() } else { format!("{:.6}", part as f64 / whole as f64) }
}

/// Decimals of real numbers in the comparison tables (`compare.csv`, `rates.csv`,
/// `compare_paired.csv`): enough to recompute every statistic to 1e-9.
pub const STAT_DECIMALS: usize = 10;

/// Writes `x` with `decimals` fixed decimals into `out` (cleared first); empty for `None`,
/// NaN or infinity. A value that rounds to zero is written without a minus sign.
pub fn fixed_into(out: &mut String, x: Option<f64>, decimals: usize) {
    use std::fmt::Write;
    out.clear();
    if let Some(x) = x.filter(|x| x.is_finite()) {
        let _ = write!(out, "{x:.decimals$}");
        if out.starts_with('-') && out.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
            out.remove(0);
        }
    }
}

/// Writes a probability in scientific notation with 10 significant digits
/// (`3.141592654e-5`, `1.000000000e0`) into `out` (cleared first), so tiny p-values keep
/// their precision; empty for `None`, NaN or infinity.
pub fn sci_into(out: &mut String, x: Option<f64>) {
    use std::fmt::Write;
    out.clear();
    if let Some(x) = x.filter(|x| x.is_finite()) {
        let _ = write!(out, "{x:.9e}");
    }
}

/// [`fixed_into`] as a new string.
pub fn fixed(x: Option<f64>, decimals: usize) -> String {
    let mut s = String::new();
    fixed_into(&mut s, x, decimals);
    s
}

/// [`sci_into`] as a new string.
pub fn sci(x: Option<f64>) -> String {
    let mut s = String::new();
    sci_into(&mut s, x);
    s
}

/// An optional integer; empty when absent.
pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// Text made single-line for context cells: runs of white space become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_by_default() {
        let safe = CellStyle::default();
        assert_eq!(safe.text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe.text("-2 dead"), "'-2 dead");
        assert_eq!(safe.text("@user"), "'@user");
        assert_eq!(safe.text("\tx"), "'\tx");
        assert_eq!(safe.text("plain"), "plain");
        assert_eq!(CellStyle { safe_text: false }.text("=1+1"), "=1+1");
    }

    #[test]
    fn numbers_have_fixed_precision_and_no_nan() {
        assert_eq!(per_1k(3, 1000), "3.0000");
        assert_eq!(per_1k(1, 3), "333.3333");
        assert_eq!(per_1k(0, 0), "");
        assert_eq!(share(1, 3), "0.333333");
        assert_eq!(share(0, 0), "");
        assert_eq!(opt::<i8>(None), "");
        assert_eq!(opt(Some(-2)), "-2");
        assert_eq!(one_line(" a \n\n b\tc "), "a b c");
        assert_eq!(fixed(Some(-3.05365909333356), 10), "-3.0536590933");
        assert_eq!(fixed(Some(-1e-12), 10), "0.0000000000");
        assert_eq!(fixed(Some(f64::NAN), 10), "");
        assert_eq!(fixed(None, 4), "");
        assert_eq!(sci(Some(0.000191449712729744)), "1.914497127e-4");
        assert_eq!(sci(Some(1.0)), "1.000000000e0");
        assert_eq!(sci(Some(f64::INFINITY)), "");
    }
}
