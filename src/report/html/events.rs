//! The event view: for the events chosen (most outlets first, then first seen; at most
//! [`EVENT_DOCS`] articles), each outlet's article side by side, every lexicon hit
//! underlined in its dimension's colour and line style, quotations shaded, scare quotes
//! boxed, attribution cues bold with their stance class written after them and sources in
//! italics; each mark carries a tooltip (category, polarity, flags; cue, source, stance)
//! that shows on hover and on keyboard focus.

use super::escape::{link, push_text, text};
use super::gather::{Candidate, KeptDoc, TEXT_CAP};
use super::kept::dimension;
use crate::devices::{Flags, QuoteKind};
use crate::lexicon::Lexicon;
use crate::view::{Section, ViewScratch};
use std::fmt::Write;

/// Most articles embedded in the event view.
pub(crate) const EVENT_DOCS: usize = 36;

/// One marked span of a section text.
struct Mark {
    start: usize,
    end: usize,
    class: String,
    tip: Option<String>,
    /// Written after the span (a cue's stance).
    after: Option<String>,
}

/// The events shown, in order: most outlets first, then first seen, while the articles fit.
pub(crate) fn chosen(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut order: Vec<&Candidate> = candidates.iter().filter(|c| !c.docs.is_empty()).collect();
    order.sort_by_key(|c| std::cmp::Reverse(c.docs.len()));
    let mut total = 0;
    order.retain(|c| {
        let fits = total + c.docs.len() <= EVENT_DOCS;
        total += if fits { c.docs.len() } else { 0 };
        fits
    });
    order
}

/// The flags of a hit, in words.
fn flag_words(f: Flags) -> String {
    let names = [
        (Flags::IN_QUOTE, "quoted"),
        (Flags::NEGATED, "negated"),
        (Flags::INTENSIFIED, "intensified"),
        (Flags::DAMPENED, "dampened"),
        (Flags::HEDGED, "hedged"),
        (Flags::SCARE_QUOTE, "in scare quotes"),
    ];
    let on: Vec<&str> = names.iter().filter(|(x, _)| f.contains(*x)).map(|(_, n)| *n).collect();
    if on.is_empty() { "no flags".into() } else { on.join(", ") }
}

/// The marks of one section of a kept article.
fn marks(lex: &Lexicon, dims: &[String], k: &KeptDoc, section: Section, text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let fits = |s: usize, e: usize| s < e && e <= text.len();
    let mut scratch = ViewScratch::new();
    let view = scratch.build(lex, section, text);
    for q in view.quotes {
        let (s, e) = (q.outer.start as usize, q.outer.end as usize);
        if fits(s, e) {
            out.push(Mark { start: s, end: e, class: "q".into(), tip: None, after: None });
        }
    }
    let a = &k.analysis;
    for m in a.matches.iter().filter(|m| m.section == section) {
        let (s, e) = (m.bytes.start as usize, m.bytes.end as usize);
        if !fits(s, e) {
            continue;
        }
        let entry = lex.entry(m.entry);
        let cat = &lex.category(entry.category).path;
        let d = dims.iter().position(|x| x == dimension(cat)).unwrap_or(0) % 8;
        let pol = entry.polarity.map_or("none".into(), |p| format!("{p:+}"));
        let tip = format!("{cat} · “{}” · polarity {pol} · {}", entry.term, flag_words(m.flags));
        out.push(Mark { start: s, end: e, class: format!("h d{d}"), tip: Some(tip), after: None });
    }
    for (sec, q) in &a.short_quotes {
        let (s, e) = (q.bytes.start as usize, q.bytes.end as usize);
        if *sec == section && q.kind == QuoteKind::Scare && fits(s, e) {
            let tip = Some("scare quote (short quotation no cue attributes)".to_string());
            out.push(Mark { start: s, end: e, class: "scare".into(), tip, after: None });
        }
    }
    for at in a.attributions.iter().filter(|at| at.section == section) {
        let class = at.kind.class_name(lex).to_string();
        let source = at.source_resolved.as_deref().unwrap_or("(no source named)");
        let (s, e) = (at.cue.bytes.start as usize, at.cue.bytes.end as usize);
        if fits(s, e) {
            let tip = format!(
                "attribution cue “{}” · stance {class} · source {source}",
                at.kind.lemma(lex)
            );
            out.push(Mark {
                start: s,
                end: e,
                class: "cue".into(),
                tip: Some(tip),
                after: Some(class),
            });
        }
        if let Some(src) = at.source.filter(|x| fits(x.bytes.start as usize, x.bytes.end as usize))
        {
            let tip = format!("source: {source}");
            let (s, e) = (src.bytes.start as usize, src.bytes.end as usize);
            out.push(Mark { start: s, end: e, class: "src".into(), tip: Some(tip), after: None });
        }
    }
    out
}

/// `text` with its marks as flat spans: each stretch between two mark boundaries carries the
/// classes and tooltips of every mark covering it.
fn marked(text_: &str, marks: &[Mark]) -> String {
    let mut cuts: Vec<usize> = vec![0, text_.len()];
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text_.len() * 2);
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let on: Vec<&Mark> = marks.iter().filter(|m| m.start <= s && e <= m.end).collect();
        let piece = &text_[s..e];
        if on.is_empty() {
            push_text(&mut out, piece);
        } else {
            let classes: Vec<&str> = on.iter().map(|m| m.class.as_str()).collect();
            let tips: Vec<&str> = on.iter().filter_map(|m| m.tip.as_deref()).collect();
            let _ = write!(out, "<span class=\"{}\"", classes.join(" "));
            if !tips.is_empty() {
                let _ = write!(out, " tabindex=\"0\" data-tip=\"{}\"", text(&tips.join("\n")));
            }
            out.push('>');
            push_text(&mut out, piece);
            out.push_str("</span>");
        }
        for m in marks.iter().filter(|m| m.end == e) {
            if let Some(after) = &m.after {
                let _ = write!(out, "<span class=\"stance\">{}</span>", text(after));
            }
        }
    }
    out
}

/// One article.
fn article(lex: &Lexicon, dims: &[String], k: &KeptDoc) -> String {
    let d = &k.doc;
    let mut s = format!("<article><h4>{}</h4><p class=\"note\">", text(&d.outlet));
    let _ = write!(s, "id {}", text(&d.id));
    if let Some(date) = &d.date {
        let _ = write!(s, " · {}", text(date));
    }
    if let Some(url) = &d.url {
        let _ = write!(s, " · {}", link(url, "source link"));
    }
    if k.cut {
        let _ = write!(s, " · text cut at {TEXT_CAP} bytes");
    }
    s.push_str("</p><div class=\"doc\">");
    if let Some(title) = &d.title {
        let m = marks(lex, dims, k, Section::Title, title);
        let _ = write!(s, "<p><strong>{}</strong></p>", marked(title, &m));
    }
    let m = marks(lex, dims, k, Section::Body, &d.text);
    let _ = write!(s, "<p>{}</p></div></article>", marked(&d.text, &m));
    s
}

/// The legend and the dimension switches.
fn legend(dims: &[String]) -> String {
    let mut s = String::from("<fieldset><legend>Show hits of</legend><ul class=\"legend\">");
    for (i, d) in dims.iter().enumerate() {
        let _ = write!(
            s,
            "<li><label><input type=\"checkbox\" checked data-dim=\"d{}\"> <span class=\"ul d{}\"></span>{}</label></li>",
            i % 8,
            i % 8,
            text(d)
        );
    }
    s.push_str("</ul></fieldset><ul class=\"legend\"><li><span class=\"q\">shaded</span>: quotation</li><li><span class=\"scare\">boxed</span>: scare quote</li><li><span class=\"cue\">bold</span><span class=\"stance\">stance</span>: attribution cue and its stance class</li><li><span class=\"src\">italic</span>: source</li></ul><p class=\"note\">Hover over or tab to a mark for its category, polarity and flags.</p>");
    s
}

/// The event view's content.
pub(crate) fn section(lex: &Lexicon, dims: &[String], candidates: &[Candidate]) -> String {
    let shown = chosen(candidates);
    let docs: usize = shown.iter().map(|c| c.docs.len()).sum();
    let mut s = format!(
        "<p class=\"note\">{docs} articles of {} events: for each event, the first article of each outlet (at most 6), events covered by the most outlets first, at most {EVENT_DOCS} articles and {TEXT_CAP} bytes of text each; the events considered are the first 64 of the input.</p>",
        shown.len()
    );
    s.push_str(&legend(dims));
    for c in shown {
        let name = if c.name.is_empty() { "(documents without an event)" } else { &c.name };
        let _ = write!(
            s,
            "<div class=\"event\"><h3>Event: {} <span class=\"note\">({} outlets)</span></h3><div class=\"cols\">",
            text(name),
            c.docs.len()
        );
        for k in &c.docs {
            s.push_str(&article(lex, dims, k));
        }
        s.push_str("</div></div>");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_flat_escaped_spans() {
        let m = [
            Mark { start: 0, end: 12, class: "q".into(), tip: None, after: None },
            Mark {
                start: 1,
                end: 9,
                class: "h d0".into(),
                tip: Some("<x>".into()),
                after: Some("doubting".into()),
            },
        ];
        let s = marked("\"<script>\" b", &m);
        assert!(!s.contains("<script>"), "{s}");
        assert!(s.contains("data-tip=\"&lt;x&gt;\""), "{s}");
        assert!(s.contains("&lt;script&gt;</span><span class=\"stance\">doubting</span>"), "{s}");
        assert!(s.ends_with("&quot; b</span>"), "{s}");
    }
}
