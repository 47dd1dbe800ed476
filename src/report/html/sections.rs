//! Three of the page's sections from a [`Model`]: overview, attribution and labels (the
//! distinctive terms and occurrences are in `distinct`, the event view in `events`). Every
//! dimension gets its part from the model's one list of dimensions.

use super::escape::{id_token, text};
use super::kept::NamedStance;
use super::model::{Model, OUTLETS_SHOWN, View};
use super::svg::{Dot, dot_whisker, fmt_num, stacked};
use crate::aggregate::{GroupKey, GroupTotals};
use crate::attribution::CueClass;
use crate::compare::FeatureKind;
use crate::labels::LabelSet;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Sources listed with their verbs, most attributions first.
const SOURCES_SHOWN: usize = 25;
/// Referents shown in the labels section, most label uses first.
const REFERENTS_SHOWN: usize = 20;

/// The line under the page's title.
pub(crate) fn intro(m: &Model) -> String {
    format!(
        "<p class=\"note\">Written by <code>framelens {}</code> from the same values as the CSV tables beside it. {}</p>",
        m.command,
        if m.analysis.is_some() {
            "Every number comes from the tables; the event view shows the words behind them."
        } else {
            "A comparison report has no texts: there is no event view, no voice split and no sources; open the report.html of the analysis for those."
        }
    )
}

pub(crate) fn overview(m: &Model) -> String {
    let mut s = String::from("<p>");
    let _ = write!(
        s,
        "<strong>{}</strong> documents from <strong>{}</strong> outlets, <strong>{}</strong> events",
        m.docs,
        m.outlets.len(),
        m.events
    );
    match m.failed {
        Some(0) => {
            s.push_str("; no record failed (<a href=\"errors.csv\">errors.csv</a> is empty).")
        }
        Some(n) => {
            let _ = write!(
                s,
                "; <strong>{n}</strong> records failed: see <a href=\"errors.csv\">errors.csv</a>."
            );
        }
        None => s.push_str("; failed records are listed in the analysis folder's errors.csv."),
    }
    s.push_str("</p><div class=\"scroll\"><table><caption>Outlets</caption><thead><tr><th scope=\"col\">outlet</th><th scope=\"col\" class=\"n\">documents</th><th scope=\"col\" class=\"n\">tokens</th></tr></thead><tbody>");
    for (o, d, t) in m.outlets.iter().take(OUTLETS_SHOWN) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"n\">{d}</td><td class=\"n\">{t}</td></tr>",
            text(o)
        );
    }
    s.push_str("</tbody></table></div>");
    if m.outlets.len() > OUTLETS_SHOWN {
        let _ = write!(
            s,
            "<p class=\"note\">The {OUTLETS_SHOWN} outlets with the most documents are shown here and in the charts (of {}); every outlet is in outlets.csv and rates.csv.</p>",
            m.outlets.len()
        );
    }
    s.push_str("<p class=\"note\">Per dimension (top-level lexicon category): hits per 1,000 tokens per outlet, the dot the rate and the whisker its 95 % bootstrap interval over documents (rates.csv). A missing dot: the outlet used it too rarely for a row (--min-count).</p>");
    let views = m.views();
    if views.len() > 1 {
        s.push_str("<p class=\"note\">Documents are grouped: each dimension is also shown per group (group_rates.csv).</p>");
    }
    for d in &m.dims {
        for v in &views {
            s.push_str(&dimension_overview(m, d, v));
        }
    }
    s
}

/// (authorial, quoted) hits per 1,000 tokens of each voice for top-level category `dim`.
fn voice(m: &Model, g: &GroupTotals, dim: &str) -> Option<(Option<f64>, Option<f64>)> {
    let a = m.analysis.as_ref()?;
    let id = a.lex.top_categories().iter().copied().find(|&c| &*a.lex.category(c).path == dim)?;
    let n = g.categories.get(id.index()).copied().unwrap_or(0);
    let q = g.devices.categories_quoted.get(id.index()).copied().unwrap_or(0);
    let rate = |c: u64, t: u64| (t > 0).then(|| 1000.0 * c as f64 / t as f64);
    let qt = g.devices.quoted_tokens;
    Some((rate(n - q, g.tokens - qt), rate(q, qt)))
}

fn dimension_overview(m: &Model, dim: &str, v: &View) -> String {
    let (groups, noun) = (&v.members, v.noun);
    let rate = |g: &str| {
        v.rates
            .iter()
            .find(|r| r.kind == FeatureKind::Category && r.category == dim && r.outlet == g)
    };
    let totals = |g: &str| {
        m.analysis
            .as_ref()
            .filter(|_| v.voice)
            .and_then(|a| a.agg.groups.get(&GroupKey { event: None, outlet: g.to_string() }))
    };
    let dots: Vec<Dot> = groups
        .iter()
        .map(|g| {
            let r = rate(g);
            Dot { label: g, value: r.and_then(|r| r.per_1k), interval: r.and_then(|r| r.interval) }
        })
        .collect();
    let title = format!("{dim}: hits per 1,000 tokens per {noun}, with 95 % bootstrap intervals");
    let mut s = format!(
        "<h3 id=\"dim-{}{}\">{}{}</h3><div class=\"pair\"><div>{}</div>",
        v.id,
        id_token(dim),
        text(dim),
        v.suffix,
        dot_whisker(&title, "per 1k", &dots)
    );
    let mut voice_dots: Vec<(String, Option<f64>)> = Vec::new();
    s.push_str("<div class=\"scroll\"><table><caption>");
    let _ = write!(
        s,
        "{}{}</caption><thead><tr><th scope=\"col\">{noun}</th><th scope=\"col\" class=\"n\">hits</th><th scope=\"col\" class=\"n\">per 1k</th><th scope=\"col\" class=\"n\">95 % interval</th><th scope=\"col\" class=\"n\">authorial per 1k</th><th scope=\"col\" class=\"n\">quoted per 1k</th></tr></thead><tbody>",
        text(dim),
        v.suffix
    );
    for g in groups {
        let r = rate(g);
        let num = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.2}"));
        let (au, qu) = totals(g).and_then(|t| voice(m, t, dim)).unwrap_or((None, None));
        if m.analysis.is_some() && v.voice {
            voice_dots.push((format!("{g} · authorial"), au));
            voice_dots.push((format!("{g} · quoted"), qu));
        }
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            text(g),
            r.map_or("—".into(), |r| r.count.to_string()),
            num(r.and_then(|r| r.per_1k)),
            r.and_then(|r| r.interval).map_or("—".into(), |(l, h)| format!("{l:.2}–{h:.2}")),
            num(au),
            num(qu)
        );
    }
    s.push_str("</tbody></table></div></div>");
    if !voice_dots.is_empty() {
        let dots: Vec<Dot> =
            voice_dots.iter().map(|(l, v)| Dot { label: l, value: *v, interval: None }).collect();
        let title = format!(
            "{dim}: authorial voice (outside quotations) and quoted voice, per 1,000 tokens of each"
        );
        let _ = write!(
            s,
            "<details><summary>{}: authorial vs quoted voice</summary>{}</details>",
            text(dim),
            dot_whisker(&title, "per 1k", &dots)
        );
    }
    s
}

/// A table of counts per group and class, with shares.
fn share_table(caption: &str, first: &str, classes: &[&str], rows: &[(&str, Vec<u64>)]) -> String {
    let mut s = format!(
        "<div class=\"scroll\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        text(caption),
        text(first)
    );
    for (k, c) in classes.iter().enumerate() {
        let _ = write!(
            s,
            "<th scope=\"col\" class=\"n\"><span class=\"sw c{}\"></span>{}</th>",
            k % 8,
            text(c)
        );
    }
    s.push_str("<th scope=\"col\" class=\"n\">total</th></tr></thead><tbody>");
    for (g, counts) in rows {
        let total: u64 = counts.iter().sum();
        let _ = write!(s, "<tr><td>{}</td>", text(g));
        for &n in counts {
            let share = if total > 0 { 100.0 * n as f64 / total as f64 } else { 0.0 };
            let _ = write!(s, "<td class=\"n\">{share:.1} % ({n})</td>");
        }
        let _ = write!(s, "<td class=\"n\">{total}</td></tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

pub(crate) fn attribution(m: &Model) -> String {
    let classes: Vec<&str> = CueClass::ALL.iter().map(|c| c.name()).collect();
    let groups = m.chart_groups();
    let (rows, what): (Vec<(&str, Vec<u64>)>, &str) = match &m.analysis {
        Some(a) => {
            let rows = m.outlets.iter().take(OUTLETS_SHOWN).map(|(o, _, _)| {
                let g = a.agg.groups.get(&GroupKey { event: None, outlet: o.clone() });
                (o.as_str(), g.map_or(vec![0; 6], |g| g.attribution_classes.to_vec()))
            });
            (
                rows.collect(),
                "attributions (a cue with its source and content; attributions.csv) by the stance class of their cue",
            )
        }
        None => {
            let count = |g: &str, c: &str| {
                m.rates
                    .iter()
                    .find(|r| {
                        r.kind == FeatureKind::Category
                            && r.outlet == g
                            && r.category == format!("attribution/{c}")
                    })
                    .map_or(0, |r| r.count)
            };
            let rows =
                groups.iter().map(|g| (g.as_str(), classes.iter().map(|c| count(g, c)).collect()));
            (
                rows.collect(),
                "hits of the attribution lexicon's cues (rates.csv, categories attribution/&lt;class&gt;) by stance class; a class below --min-count counts 0",
            )
        }
    };
    let mut s = format!(
        "<h3>Stance mix per outlet</h3><p class=\"note\">Share of {what}. Each segment is labelled with its class's initial; the table gives every share.</p><ul class=\"legend\">"
    );
    for (k, c) in classes.iter().enumerate() {
        let _ = write!(
            s,
            "<li><span class=\"sw c{k}\"></span>{} ({})</li>",
            text(c),
            text(&c[..1].to_uppercase())
        );
    }
    s.push_str("</ul>");
    s.push_str(&stacked("Stance mix of attributions per outlet", &classes, &rows));
    s.push_str(&share_table("Stance mix", "outlet", &classes, &rows));
    s.push_str(&stance_shares(m, &classes));
    s.push_str("<h3>Which sources get which verbs</h3>");
    match &m.analysis {
        Some(a) => s.push_str(&source_verbs(&a.gathered.verbs)),
        None => s.push_str("<p class=\"note\">Not in a comparison report (it reads no texts): see sources.csv and attributions.csv of the analysis.</p>"),
    }
    s
}

/// The stance shares of stance.csv with their bootstrap intervals: per outlet and, when
/// documents are grouped, per group, a table and a dot-and-whisker chart per class.
fn stance_shares(m: &Model, classes: &[&str]) -> String {
    let mut s = String::from(
        "<h3>Stance shares with 95 % bootstrap intervals</h3><p class=\"note\">Share of each stance class among an outlet's detected attributions, with its 95 % bootstrap interval over documents (stance.csv). A dash: the class is below --min-count there.</p>",
    );
    let outlets: Vec<String> = m.outlets.iter().map(|o| o.0.clone()).collect();
    for (k, (rows, noun)) in m.stance.iter().zip(["outlet", "group"]).enumerate() {
        let names: BTreeSet<&str> = rows.iter().map(|r| r.group.as_str()).collect();
        let members: Vec<&str> = if k == 0 {
            outlets.iter().map(String::as_str).filter(|o| names.contains(o)).collect()
        } else {
            names.into_iter().collect()
        };
        if members.is_empty() {
            continue;
        }
        let members = &members[..members.len().min(OUTLETS_SHOWN)];
        let find = |g: &str, c: &str| rows.iter().find(|r| r.group == g && r.class == c);
        let share =
            |r: &NamedStance| (r.total > 0).then(|| 100.0 * r.count as f64 / r.total as f64);
        let _ = write!(
            s,
            "<div class=\"scroll\"><table><caption>Stance shares per {noun}, % of attributions (95 % interval)</caption><thead><tr><th scope=\"col\">{noun}</th>"
        );
        for c in classes {
            let _ = write!(s, "<th scope=\"col\" class=\"n\">{}</th>", text(c));
        }
        s.push_str("</tr></thead><tbody>");
        for g in members {
            let _ = write!(s, "<tr><td>{}</td>", text(g));
            for c in classes {
                let cell = find(g, c).and_then(|r| Some((share(r)?, r.interval))).map_or(
                    "—".to_string(),
                    |(v, i)| match i {
                        Some((l, h)) => format!("{v:.1} % ({:.1}–{:.1})", 100.0 * l, 100.0 * h),
                        None => format!("{v:.1} %"),
                    },
                );
                let _ = write!(s, "<td class=\"n\">{cell}</td>");
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table></div>");
        for c in classes {
            let dots: Vec<Dot> = members
                .iter()
                .map(|g| {
                    let r = find(g, c);
                    let iv = r.and_then(|r| r.interval).map(|(l, h)| (100.0 * l, 100.0 * h));
                    Dot { label: g, value: r.and_then(share), interval: iv }
                })
                .collect();
            let title =
                format!("{c}: share of attributions per {noun}, with 95 % bootstrap intervals");
            let _ = write!(
                s,
                "<details><summary>{}: share per {noun}</summary>{}</details>",
                text(c),
                dot_whisker(&title, "%", &dots)
            );
        }
    }
    s
}

fn source_verbs(verbs: &super::gather::SourceVerbs) -> String {
    let total = |m: &BTreeMap<Box<str>, super::gather::Verbs>| {
        m.values().flat_map(|v| v.values()).sum::<u64>()
    };
    let mut sources: Vec<(&str, u64)> =
        verbs.iter().filter(|(k, _)| !k.is_empty()).map(|(k, v)| (&**k, total(v))).collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut s = format!(
        "<p class=\"note\">The {} resolved sources with the most attributions (of {}), per outlet, with the cues that introduce them (lemma × count, stance class). Unresolved pronouns and agentless cues are left out; every attribution is in attributions.csv.</p>",
        SOURCES_SHOWN.min(sources.len()),
        sources.len()
    );
    s.push_str("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">source</th><th scope=\"col\">outlet</th><th scope=\"col\" class=\"n\">attributions</th><th scope=\"col\">verbs</th></tr></thead><tbody>");
    for (src, _) in sources.iter().take(SOURCES_SHOWN) {
        for (outlet, vs) in &verbs[*src] {
            let mut list: Vec<_> = vs.iter().collect();
            list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let words: Vec<String> =
                list.iter().map(|((l, c), n)| format!("{} ×{n} ({})", text(l), text(c))).collect();
            let n: u64 = vs.values().sum();
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{n}</td><td>{}</td></tr>",
                text(src),
                text(outlet),
                words.join(", ")
            );
        }
    }
    s.push_str("</tbody></table></div>");
    s
}

/// One referent: its name, its label names, and rows of (group, counts per label).
type Referent = (String, Vec<String>, Vec<(String, Vec<u64>)>);

/// Every referent.
type Referents = Vec<Referent>;

fn label_data(m: &Model) -> Referents {
    let mut out: Referents = Vec::new();
    match &m.analysis {
        Some(a) => {
            let set = LabelSet::new(a.lex);
            let mut counts = vec![(0u64, 0u64); set.labels().len()];
            let mut per_group: Vec<(String, Vec<(u64, u64)>)> = Vec::new();
            for (o, _, _) in m.outlets.iter().take(OUTLETS_SHOWN) {
                if let Some(g) = a.agg.groups.get(&GroupKey { event: None, outlet: o.clone() }) {
                    crate::report::labels::label_counts(&set, g, &mut counts);
                    per_group.push((o.clone(), counts.clone()));
                }
            }
            for range in set.referents() {
                let names =
                    set.labels()[range.clone()].iter().map(|l| l.name.to_string()).collect();
                let rows = per_group
                    .iter()
                    .map(|(o, c)| (o.clone(), c[range.clone()].iter().map(|x| x.0).collect()))
                    .collect();
                out.push((set.labels()[range.start].referent.to_string(), names, rows));
            }
        }
        None => {
            let mut by: BTreeMap<&str, BTreeMap<&str, BTreeMap<&str, u64>>> = BTreeMap::new();
            for r in m.rates.iter().filter(|r| r.kind == FeatureKind::Term) {
                if let Some(referent) = r.category.strip_prefix("label/") {
                    *by.entry(referent)
                        .or_default()
                        .entry(&r.term)
                        .or_default()
                        .entry(&r.outlet)
                        .or_default() += r.count;
                }
            }
            let groups = m.chart_groups();
            for (referent, labels) in by {
                let names: Vec<String> = labels.keys().map(|l| l.to_string()).collect();
                let rows = groups
                    .iter()
                    .map(|g| {
                        (
                            g.clone(),
                            labels
                                .values()
                                .map(|v| v.get(g.as_str()).copied().unwrap_or(0))
                                .collect(),
                        )
                    })
                    .collect();
                out.push((referent.to_string(), names, rows));
            }
        }
    }
    out
}

pub(crate) fn labels(m: &Model) -> String {
    let mut s = String::from(
        "<p class=\"note\">For each referent of the label lexicon, the share of each competing label in each outlet's uses (labels.csv).",
    );
    if m.analysis.is_none() {
        s.push_str(" From the term rates: a label an outlet used fewer than --min-count times counts 0 here; forms of one label are listed separately.");
    }
    s.push_str("</p>");
    let mut data = label_data(m);
    let uses = |r: &Referent| -> u64 { r.2.iter().flat_map(|g| &g.1).sum() };
    data.retain(|r| uses(r) > 0);
    data.sort_by(|a, b| uses(b).cmp(&uses(a)).then_with(|| a.0.cmp(&b.0)));
    if data.len() > REFERENTS_SHOWN {
        let _ = write!(
            s,
            "<p class=\"note\">The {REFERENTS_SHOWN} referents with the most label uses are shown (of {}); every one is in labels.csv.</p>",
            data.len()
        );
        data.truncate(REFERENTS_SHOWN);
    }
    let mut shown = 0;
    for (referent, names, rows) in &data {
        let rows: Vec<(&str, Vec<u64>)> = rows
            .iter()
            .filter(|r| r.1.iter().any(|&n| n > 0))
            .map(|(g, c)| (g.as_str(), c.clone()))
            .collect();
        if rows.is_empty() {
            continue;
        }
        shown += 1;
        let classes: Vec<&str> = names.iter().map(String::as_str).collect();
        let _ = write!(
            s,
            "<h3>{}</h3><ul class=\"legend\">",
            text(if referent.is_empty() { "(label)" } else { referent })
        );
        for (k, c) in classes.iter().enumerate() {
            let _ = write!(s, "<li><span class=\"sw c{}\"></span>{}</li>", k % 8, text(c));
        }
        s.push_str("</ul>");
        s.push_str(&stacked(&format!("Label shares for {referent}"), &classes, &rows));
        s.push_str(&share_table(referent, "outlet", &classes, &rows));
    }
    if shown == 0 {
        s.push_str("<p>No label of the label lexicon occurred.</p>");
    }
    let _ = fmt_num;
    s
}
