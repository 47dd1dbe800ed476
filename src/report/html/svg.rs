//! The page's charts as inline SVG, drawn from numbers: dot-and-whisker rates, stacked
//! stance bars and the Fightin' Words plot. Every label goes through `escape`; every
//! chart has a `<title>` and an `aria-label`, every mark a `<title>` tooltip, and the same
//! numbers stand in a table beside it.

use super::escape::text;
use std::fmt::Write;

/// Okabe–Ito colours (colour-blind safe), in the order the page uses them.
pub(crate) const PALETTE: [&str; 8] =
    ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

const LABEL_W: f64 = 190.0;
const PLOT_W: f64 = 400.0;
const ROW_H: f64 = 22.0;

/// `s` cut to `n` characters (with `…`).
pub(crate) fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// A tidy axis maximum ≥ `x` (1, 2 or 5 times a power of ten).
fn nice_max(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * p).find(|&v| v >= x).unwrap_or(10.0 * p)
}

fn open(out: &mut String, w: f64, h: f64, title: &str) {
    let t = text(title);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"{t}\" class=\"chart\"><title>{t}</title>"
    );
}

/// One row of a dot-and-whisker chart.
pub(crate) struct Dot<'a> {
    pub(crate) label: &'a str,
    pub(crate) value: Option<f64>,
    pub(crate) interval: Option<(f64, f64)>,
}

/// Rates per outlet with their intervals: a dot and a whisker per row.
pub(crate) fn dot_whisker(title: &str, unit: &str, rows: &[Dot]) -> String {
    let max = rows
        .iter()
        .flat_map(|r| [r.value, r.interval.map(|i| i.1)])
        .flatten()
        .fold(0.0f64, f64::max);
    let max = nice_max(max);
    let h = ROW_H * rows.len() as f64 + 30.0;
    let x = |v: f64| LABEL_W + PLOT_W * (v / max).clamp(0.0, 1.0);
    let mut s = String::new();
    open(&mut s, LABEL_W + PLOT_W + 20.0, h, title);
    axis(&mut s, max, h - 24.0, unit, x);
    for (i, r) in rows.iter().enumerate() {
        let y = ROW_H * i as f64 + ROW_H / 2.0;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"lab\">{}</text>",
            LABEL_W - 6.0,
            y + 4.0,
            text(&short(r.label, 26))
        );
        let Some(v) = r.value else { continue };
        let tip = match r.interval {
            Some((lo, hi)) => format!("{}: {v:.2} {unit} (95 % interval {lo:.2}–{hi:.2})", r.label),
            None => format!("{}: {v:.2} {unit} (no interval)", r.label),
        };
        let _ = write!(s, "<g><title>{}</title>", text(&tip));
        if let Some((lo, hi)) = r.interval {
            let _ = write!(
                s,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"whisker\"/>",
                x(lo),
                x(hi)
            );
        }
        let _ = write!(s, "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" class=\"dot\"/></g>", x(v));
    }
    s.push_str("</svg>");
    s
}

/// An x axis at `y` from 0 to `max` with three ticks.
fn axis(s: &mut String, max: f64, y: f64, unit: &str, x: impl Fn(f64) -> f64) {
    let _ = write!(
        s,
        "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"axis\"/>",
        x(0.0),
        x(max)
    );
    for v in [0.0, max / 2.0, max] {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"tick\">{}</text>",
            x(v),
            y + 16.0,
            fmt_num(v)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\">{}</text>",
        4.0,
        y + 16.0,
        text(unit)
    );
}

/// A number with few decimals.
pub(crate) fn fmt_num(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.abs() >= 10.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// Horizontal bars of shares, one per row, segments in `classes` order (colours of
/// [`PALETTE`], each segment labelled with its class's letter when wide enough).
pub(crate) fn stacked(title: &str, classes: &[&str], rows: &[(&str, Vec<u64>)]) -> String {
    let h = ROW_H * rows.len() as f64 + 8.0;
    let mut s = String::new();
    open(&mut s, LABEL_W + PLOT_W + 20.0, h, title);
    for (i, (label, counts)) in rows.iter().enumerate() {
        let y = ROW_H * i as f64 + 3.0;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"lab\">{}</text>",
            LABEL_W - 6.0,
            y + 13.0,
            text(&short(label, 26))
        );
        let total: u64 = counts.iter().sum();
        let mut at = LABEL_W;
        for (k, &n) in counts.iter().enumerate() {
            if n == 0 || total == 0 {
                continue;
            }
            let w = PLOT_W * n as f64 / total as f64;
            let tip = format!(
                "{label}: {} {n} of {total} ({:.1} %)",
                classes[k],
                100.0 * n as f64 / total as f64
            );
            let _ = write!(
                s,
                "<g><title>{}</title><rect x=\"{at:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\" class=\"seg\"/>",
                text(&tip),
                ROW_H - 6.0,
                PALETTE[k % PALETTE.len()]
            );
            if w >= 16.0 {
                let letter: String = classes[k].chars().take(1).collect::<String>().to_uppercase();
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"seglab{}\">{}</text>",
                    at + w / 2.0,
                    y + 12.5,
                    if k == 1 || k == 4 || k == 6 { " dark" } else { "" },
                    text(&letter)
                );
            }
            s.push_str("</g>");
            at += w;
        }
    }
    s.push_str("</svg>");
    s
}

/// One point of a Fightin' Words plot.
pub(crate) struct Point<'a> {
    pub(crate) term: &'a str,
    /// Uses on both sides.
    pub(crate) freq: u64,
    pub(crate) z: f64,
    /// Where a click on its label leads (`#occ-…`), if anywhere.
    pub(crate) href: Option<String>,
    /// Whether its label is drawn.
    pub(crate) labelled: bool,
}

/// Log-odds z (y) against frequency (x, log scale): side a's terms up (circles), side b's
/// down (squares).
pub(crate) fn fightin(title: &str, a: &str, b: &str, points: &[Point]) -> String {
    let (w, h, left, top) = (620.0, 300.0, 50.0, 14.0);
    let (pw, ph) = (w - left - 16.0, h - top - 36.0);
    let fmax = points.iter().map(|p| p.freq).max().unwrap_or(1).max(10) as f64;
    let zmax = nice_max(points.iter().map(|p| p.z.abs()).fold(2.0, f64::max));
    let x = |f: u64| left + pw * ((f.max(1) as f64).log10() / fmax.log10()).clamp(0.0, 1.0);
    let y = |z: f64| top + ph / 2.0 - ph / 2.0 * (z / zmax).clamp(-1.0, 1.0);
    let mut s = String::new();
    open(&mut s, w, h, title);
    let _ = write!(
        s,
        "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"axis\"/><line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{:.1}\" class=\"axis\"/>",
        left + pw,
        y(0.0),
        y(0.0),
        top + ph
    );
    for z in [zmax, -zmax] {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"tick\">{}</text>",
            left - 4.0,
            y(z) + 4.0,
            fmt_num(z)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\">▲ more in {}</text><text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\">▼ more in {}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"tick\">uses (log scale, 1 to {:.0}) →</text>",
        left + 6.0,
        top + 10.0,
        text(&short(a, 40)),
        left + 6.0,
        top + ph - 4.0,
        text(&short(b, 40)),
        left + pw,
        h - 6.0,
        fmax
    );
    for p in points {
        let (px, py) = (x(p.freq), y(p.z));
        let tip = format!("{}: z = {:.2}, {} uses", p.term, p.z, p.freq);
        let mark = if p.z >= 0.0 {
            format!("<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"4\" class=\"pa\"/>")
        } else {
            format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" class=\"pb\"/>",
                px - 3.5,
                py - 3.5
            )
        };
        let _ = write!(s, "<g><title>{}</title>{mark}", text(&tip));
        if p.labelled {
            let label = format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"plab\">{}</text>",
                px + 6.0,
                py + 4.0,
                text(&short(p.term, 24))
            );
            match &p.href {
                Some(h) => {
                    let _ = write!(s, "<a href=\"{}\">{label}</a>", text(h));
                }
                None => s.push_str(&label),
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_numbers_fixed() {
        let rows =
            [Dot { label: "<script>x</script>", value: Some(1.5), interval: Some((1.0, 2.0)) }];
        let s = dot_whisker("t\"", "per 1k", &rows);
        assert!(!s.contains("<script>"), "{s}");
        assert!(s.contains("&lt;script&gt;"));
        assert!(s.contains("aria-label=\"t&quot;\""));
        let s = stacked("s", &["neutral", "endorsing"], &[("O'x", vec![3, 1])]);
        assert!(s.contains("O&#39;x: neutral 3 of 4 (75.0 %)"), "{s}");
        let p = [Point {
            term: "a<b",
            freq: 3,
            z: -2.5,
            href: Some("#occ-\"x".into()),
            labelled: true,
        }];
        let s = fightin("f", "A", "rest", &p);
        assert!(s.contains("a&lt;b") && s.contains("href=\"#occ-&quot;x\""), "{s}");
        assert_eq!(nice_max(3.2), 5.0);
        assert_eq!(nice_max(0.0), 1.0);
    }
}
