//! Distinctive terms: per dimension, for each outlet against the rest and for pairs of the
//! largest outlets, a Fightin' Words plot (log-odds z with the informative Dirichlet prior
//! against frequency, Monroe et al. 2008; per token as in compare.csv, or for labels and
//! reporting verbs as shares, as in distinctive.csv) and a ranked table.
//! A term links to its occurrences in context (`analyze --report full`).

use super::escape::{id_token, text};
use super::gather::OCCURRENCES;
use super::kept::{NamedContrast, TERMS_PER_SIDE, dimension};
use super::level::ReportLevel;
use super::model::{Analysis, Model, View};
use super::svg::{Point, fightin};
use crate::lexicon::EntryId;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Outlets compared with the rest, per dimension (most documents first).
const REST_SHOWN: usize = 8;
/// The largest outlets compared pairwise.
const PAIR_OUTLETS: usize = 4;
/// Terms per side in a ranked table.
const TABLE_TERMS: usize = 10;
/// Terms per side labelled in a plot.
const PLOT_LABELS: usize = 6;

/// The anchor of a term's occurrences.
fn occ_id(c: &NamedContrast) -> String {
    format!("occ-{}", id_token(&format!("{}\u{1f}{}\u{1f}{}", c.lexicon, c.category, c.term)))
}

/// The comparisons shown: (a, b) with `None` for the rest.
fn comparisons(v: &View) -> Vec<(String, Option<String>)> {
    let groups = &v.members;
    let mut v: Vec<(String, Option<String>)> =
        groups.iter().take(REST_SHOWN).map(|g| (g.clone(), None)).collect();
    let top: Vec<&String> = groups.iter().take(PAIR_OUTLETS).collect();
    for (i, a) in top.iter().enumerate() {
        for b in &top[i + 1..] {
            v.push(((*a).clone(), Some((*b).clone())));
        }
    }
    v
}

/// The kept rows of one comparison in one dimension, most positive z first.
fn rows<'m>(v: &View<'m>, dim: &str, a: &str, b: Option<&str>) -> Vec<&'m NamedContrast> {
    let mut r: Vec<&NamedContrast> = v
        .contrasts
        .iter()
        .filter(|c| dimension(&c.category) == dim && c.a == a && c.b.as_deref() == b)
        .collect();
    r.sort_by(|x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
    r
}

fn linked(m: &Model, c: &NamedContrast) -> String {
    if m.analysis.is_some() && m.level == ReportLevel::Full {
        format!("<a href=\"#{}\">{}</a>", occ_id(c), text(&c.term))
    } else {
        text(&c.term)
    }
}

fn table(m: &Model, side: &str, rows: &[&NamedContrast]) -> String {
    let mut s = format!(
        "<table><caption>More in {}</caption><thead><tr><th scope=\"col\">term</th><th scope=\"col\">category</th><th scope=\"col\" class=\"n\">z</th><th scope=\"col\" class=\"n\">uses a</th><th scope=\"col\" class=\"n\">uses b</th></tr></thead><tbody>",
        text(side)
    );
    for c in rows {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            linked(m, c),
            text(&c.category),
            c.z,
            c.count_a,
            c.count_b
        );
    }
    if rows.is_empty() {
        s.push_str("<tr><td colspan=\"5\">none</td></tr>");
    }
    s.push_str("</tbody></table>");
    s
}

fn comparison(m: &Model, v: &View, dim: &str, (a, b): (&str, Option<&str>), open: bool) -> String {
    let r = rows(v, dim, a, b);
    let bname = b.unwrap_or("the rest");
    let title = format!("{dim}: {a} vs {bname}");
    let up: Vec<&NamedContrast> = r.iter().copied().filter(|c| c.z > 0.0).collect();
    let down: Vec<&NamedContrast> = r.iter().rev().copied().filter(|c| c.z < 0.0).collect();
    let link = m.analysis.is_some() && m.level == ReportLevel::Full;
    let labelled: BTreeSet<*const NamedContrast> = up
        .iter()
        .take(PLOT_LABELS)
        .chain(down.iter().take(PLOT_LABELS))
        .map(|c| *c as *const _)
        .collect();
    let points: Vec<Point> = r
        .iter()
        .map(|c| Point {
            term: &c.term,
            freq: c.count_a + c.count_b,
            z: c.z,
            href: link.then(|| format!("#{}", occ_id(c))),
            labelled: labelled.contains(&(*c as *const _)),
        })
        .collect();
    let mut s = format!(
        "<details{}><summary>{} vs {} <span class=\"note\">({} terms)</span></summary>",
        if open { " open" } else { "" },
        text(a),
        text(bname),
        r.len()
    );
    if r.is_empty() {
        s.push_str(
            "<p>No term of this dimension passes --min-count in this comparison.</p></details>",
        );
        return s;
    }
    s.push_str(&fightin(
        &format!("Fightin' Words plot, {title}: log-odds z against uses"),
        a,
        bname,
        &points,
    ));
    s.push_str("<div class=\"pair\"><div class=\"scroll\">");
    s.push_str(&table(m, a, &up[..up.len().min(TABLE_TERMS)]));
    s.push_str("</div><div class=\"scroll\">");
    s.push_str(&table(m, bname, &down[..down.len().min(TABLE_TERMS)]));
    s.push_str("</div></div></details>");
    s
}

/// The section's content.
pub(crate) fn section(m: &Model) -> String {
    let views = m.views();
    let mut s = format!(
        "<p class=\"note\">Terms an outlet uses more (z &gt; 0, circles, up) or less (squares, down) than the other side: log-odds with an informative Dirichlet prior, z = δ / se (scope all): of rates per token for loaded language and hedges (compare.csv); for labels, of the share of the referent's labels (protesters among protesters, rioters, demonstrators …), and for reporting verbs of the share of attribution cues, so how often an outlet covers a topic or quotes sources does not decide the ranking (distinctive.csv's share columns). Shown per dimension: the {REST_SHOWN} largest outlets against the rest and pairs of the {PAIR_OUTLETS} largest; per comparison the {TERMS_PER_SIDE} most extreme terms on each side are plotted ({PLOT_LABELS} labelled) and {TABLE_TERMS} listed. Every row's counts are in compare.csv.{}</p>",
        if m.analysis.is_some() && m.level == ReportLevel::Full {
            " Select a term to see where it occurs."
        } else {
            ""
        }
    );
    if views.len() > 1 {
        s.push_str("<p class=\"note\">Documents are grouped: each dimension also shows the groups, each against the rest and pairwise (group_compare.csv).</p>");
    }
    for d in &m.dims {
        let _ = write!(s, "<h3>{}</h3>", text(d));
        for (k, v) in views.iter().enumerate() {
            s.push_str(&dimension_view(m, v, d, k == 0));
        }
    }
    s
}

/// One dimension's comparisons of one view; the views after the first (the outlets') get
/// their own heading.
fn dimension_view(m: &Model, v: &View, d: &str, first: bool) -> String {
    let mut s = String::new();
    if !first {
        let _ = write!(s, "<h4>{}{}</h4>", text(d), v.suffix);
    }
    if !v.contrasts.iter().any(|c| dimension(&c.category) == d) {
        s.push_str("<p class=\"note\">No distinctive term in this dimension.</p>");
        return s;
    }
    for (i, (a, b)) in comparisons(v).iter().enumerate() {
        s.push_str(&comparison(m, v, d, (a, b.as_deref()), i == 0 && first));
    }
    s
}

/// The occurrences of every term the section links to.
pub(crate) fn occurrences(m: &Model, a: &Analysis) -> String {
    let mut shown: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    for v in m.views() {
        let cmp = comparisons(&v);
        shown.extend(
            v.contrasts
                .iter()
                .filter(|c| cmp.iter().any(|(x, y)| *x == c.a && *y == c.b))
                .map(|c| (c.lexicon.as_str(), c.category.as_str(), c.term.as_str())),
        );
    }
    let lex = a.lex;
    let mut entries: BTreeMap<(&str, &str, &str), Vec<EntryId>> = BTreeMap::new();
    for (i, e) in lex.entries().iter().enumerate() {
        let key = (&*lex.file(e.file).name, &*lex.category(e.category).path, &*e.term);
        if shown.contains(&key) {
            entries.entry(key).or_default().push(EntryId(i as u32));
        }
    }
    let mut s = format!(
        "<p class=\"note\">Select a term in a table or plot above to show here its first {OCCURRENCES} occurrences in the corpus (input order) with their context; all are in matches.csv.</p>"
    );
    for ((l, c, t), ids) in &entries {
        let nc = NamedContrast {
            a: String::new(),
            b: None,
            lexicon: l.to_string(),
            category: c.to_string(),
            term: t.to_string(),
            count_a: 0,
            count_b: 0,
            z: 0.0,
            delta: 0.0,
        };
        let _ = write!(
            s,
            "<div class=\"occ\" id=\"{}\"><h3>“{}” <span class=\"note\">({})</span></h3><ul>",
            occ_id(&nc),
            text(t),
            text(c)
        );
        let occ = ids.iter().flat_map(|id| &a.gathered.occurrences[id.index()]).take(OCCURRENCES);
        for o in occ {
            let _ = write!(
                s,
                "<li><span class=\"note\">{} · {}</span>: …{} <span class=\"hitw\">{}</span> {}…</li>",
                text(&o.outlet),
                text(&o.doc_id),
                text(&o.left),
                text(&o.hit),
                text(&o.right)
            );
        }
        s.push_str("</ul></div>");
    }
    s
}
