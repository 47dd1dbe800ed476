//! How values become CSV cells: fixed decimal precision, empty cells for undefined values,
//! and neutralised formulas in free-text cells so spreadsheets never execute them.

pub use crate::util::CellStyle;

/// A rate per 1,000 tokens with 4 decimals; empty when there are no tokens.
pub fn per_1k(count: u64, tokens: u64) -> String {
    let mut s = String::new();
    per_1k_into(&mut s, count, tokens);
    s
}

/// [`per_1k`] into `out` (cleared first).
pub fn per_1k_into(out: &mut String, count: u64, tokens: u64) {
    fixed_into(out, crate::stats::per_1k(count, tokens), 4);
}

/// A share in 0..1 with 6 decimals; empty when the denominator is zero.
pub fn share(part: u64, whole: u64) -> String {
    let mut s = String::new();
    share_into(&mut s, part, whole);
    s
}

/// [`share`] into `out` (cleared first).
pub fn share_into(out: &mut String, part: u64, whole: u64) {
    fixed_into(out, (whole > 0).then(|| part as f64 / whole as f64), 6);
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
        if !exact_fixed(out, x, decimals) {
            let _ = write!(out, "{x:.decimals$}");
        }
        if out.starts_with('-') && out.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
            out.remove(0);
        }
    }
}

/// `format!("{x:.decimals$}")` without the formatting machinery, for the millions of cells of
/// the comparison tables: x = m·2^e exactly, so x·10^decimals is m·10^decimals shifted by e,
/// rounded half to even as the standard library does — the same digits, several times faster.
/// Returns `false` (writing nothing) outside its range: more than 15 decimals or |x| ≥ 2^74.
fn exact_fixed(out: &mut String, x: f64, decimals: usize) -> bool {
    if decimals > 15 {
        return false;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | 1 << 52, biased - 1075) };
    let scale = 10u128.pow(decimals as u32);
    // m < 2^53 and scale < 2^50, so v < 2^103.
    let v = u128::from(m) * scale;
    let q = if e >= 0 {
        if e > 24 {
            return false;
        }
        v << e
    } else if e <= -128 {
        0 // below 2^-25 of one unit in the last decimal: rounds to 0
    } else {
        let s = (-e) as u32;
        let (q, r, half) = (v >> s, v & ((1u128 << s) - 1), 1u128 << (s - 1));
        q + u128::from(r > half || (r == half && q & 1 == 1))
    };
    if bits >> 63 == 1 {
        out.push('-');
    }
    out.push_str(itoa::Buffer::new().format(q / scale));
    if decimals > 0 {
        // q % scale < 10^15: the decimals, zero-padded.
        let mut digits = itoa::Buffer::new();
        let digits = digits.format((q % scale) as u64);
        out.push('.');
        out.extend(std::iter::repeat_n('0', decimals - digits.len()));
        out.push_str(digits);
    }
    true
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

/// A mean tone in −1..1 with 6 decimals from a sum of tones in millionths over `n` items;
/// empty when `n` is zero.
pub fn tone(sum_micro: i64, n: u64) -> String {
    if n == 0 { String::new() } else { format!("{:.6}", sum_micro as f64 / 1e6 / n as f64) }
}

/// Text made single-line for context cells: runs of white space become one space.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    one_line_into(&mut out, s);
    out
}

/// Whether `s` is already single-line: no white space at either end, none but single ASCII
/// spaces inside. A byte scan that decodes only the lead bytes of Unicode white space
/// (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
fn is_one_line(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' if b.get(i + 1) == Some(&b' ') => return false,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                let ch = s[i..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    return false;
                }
                i += ch.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    true
}

/// [`one_line`] into `out` (cleared first).
pub fn one_line_into(out: &mut String, s: &str) {
    out.clear();
    if is_one_line(s) {
        out.push_str(s);
        return;
    }
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
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

    proptest::proptest! {
        #[test]
        fn one_line_equals_joining_the_words(s in "[a \t\n\r\u{a0}\u{85}\u{2003}\u{2028}\u{3000}é’—]{0,12}") {
            proptest::prop_assert_eq!(one_line(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn exact_fixed_equals_the_standard_formatting(bits in proptest::prelude::any::<u64>(), d in 0usize..=12) {
            let x = f64::from_bits(bits);
            let mut fast = String::new();
            if x.is_finite() && exact_fixed(&mut fast, x, d) {
                proptest::prop_assert_eq!(fast, format!("{x:.d$}"));
            }
        }

        #[test]
        fn exact_fixed_on_rates_and_statistics(a in 0u64..100_000, b in 1u64..10_000_000, d in 4usize..=10) {
            for x in [a as f64 * 1000.0 / b as f64, -(a as f64 / b as f64).ln_1p(), (a as f64).sqrt() / 7.0] {
                let mut fast = String::new();
                proptest::prop_assert!(exact_fixed(&mut fast, x, d));
                proptest::prop_assert_eq!(fast, format!("{x:.d$}"));
            }
        }
    }

    #[test]
    fn exact_fixed_ties_and_edges() {
        // Exact binary ties at the last decimal: 1/2048 = 0.00048828125, 0.125, 2.5.
        for (x, d) in [(1.0 / 2048.0, 10), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (-0.125, 2)]
        {
            let mut fast = String::new();
            assert!(exact_fixed(&mut fast, x, d));
            assert_eq!(fast, format!("{x:.d$}"), "{x} {d}");
        }
        for x in [0.0, -0.0, f64::MIN_POSITIVE, 5e-324, 1e-30, 123456789.0, 1e22] {
            let mut fast = String::new();
            if exact_fixed(&mut fast, x, 10) {
                assert_eq!(fast, format!("{x:.10}"), "{x}");
            }
        }
        assert!(!exact_fixed(&mut String::new(), 1e30, 10));
    }

    #[test]
    fn numbers_have_fixed_precision_and_no_nan() {
        assert_eq!(per_1k(3, 1000), "3.0000");
        assert_eq!(per_1k(1, 3), "333.3333");
        assert_eq!(per_1k(0, 0), "");
        assert_eq!(share(1, 3), "0.333333");
        assert_eq!(share(0, 0), "");
        assert_eq!(tone(-1_500_000, 3), "-0.500000");
        assert_eq!(tone(5, 0), "");
        assert_eq!(one_line(" a \n\n b\tc "), "a b c");
        assert_eq!(one_line("a\u{a0}b\u{2009}c\u{3000}d\u{85}e"), "a b c d e");
        assert_eq!(one_line("“quoted” – dash é"), "“quoted” – dash é");
    }
}
