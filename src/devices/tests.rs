//! The device tests: flags, short quoted spans and voice on the lexicon of `testing`.

use super::testing::lexicon;
use super::*;
use crate::lexicon::Lexicon;
use crate::view::{Section, ViewScratch};

/// (matched text, flags) for every hit of `text`.
fn flags_of(lex: &Lexicon, text: &str) -> Vec<(String, Flags)> {
    let mut vs = ViewScratch::new();
    let view = vs.build(lex, Section::Body, text);
    let mut s = DeviceScratch::default();
    s.prepare(&view, &mut Vec::new());
    view.hits
        .iter()
        .map(|h| {
            let span = view.tokens_span(h.first as usize, h.end as usize);
            (text[span.range()].to_string(), s.flags(&view, h))
        })
        .collect()
}

/// The flags of the hit whose text is `word`.
fn flag_of(text: &str, word: &str) -> Flags {
    let lex = lexicon();
    flags_of(&lex, text)
        .into_iter()
        .find(|(w, _)| w == word)
        .unwrap_or_else(|| panic!("no hit {word} in {text}"))
        .1
}

/// (quoted words, kind, cue) of each short quoted span.
fn short(text: &str) -> Vec<(String, &'static str, String)> {
    let lex = lexicon();
    let mut vs = ViewScratch::new();
    let view = vs.build(&lex, Section::Body, text);
    let mut out = Vec::new();
    DeviceScratch::default().prepare(&view, &mut out);
    out.iter()
        .map(|q| {
            let cue = q.cue.map_or(String::new(), |c| text[c.range()].to_string());
            (text[q.bytes.range()].to_string(), q.kind.name(), cue)
        })
        .collect()
}

/// Tokens in quoted voice.
fn quoted(text: &str) -> u32 {
    let lex = lexicon();
    let mut vs = ViewScratch::new();
    let view = vs.build(&lex, Section::Body, text);
    let mut d = DeviceScratch::default();
    d.prepare(&view, &mut Vec::new());
    d.quoted_tokens(&view)
}

// flags
#[test]
fn flags_combine() {
    let f = flag_of("He said it was “not a very brutal regime”, reportedly.", "brutal");
    assert!(f.contains(Flags::IN_QUOTE));
    assert!(f.contains(Flags::NEGATED));
    assert!(f.contains(Flags::INTENSIFIED));
    assert!(!f.contains(Flags::DAMPENED));
    assert!(!f.contains(Flags::SCARE_QUOTE), "five words and a cue: a quotation");
    let f = flag_of("The reportedly brutal raid.", "brutal");
    assert_eq!(f, Flags::HEDGED);
    let f = flag_of("The brutal raid.", "brutal");
    assert_eq!(f, Flags::default());
}

#[test]
fn a_hedge_does_not_hedge_itself() {
    assert!(!flag_of("It reportedly ended.", "reportedly").contains(Flags::HEDGED));
    assert!(flag_of("It reportedly, so-called, ended.", "reportedly").contains(Flags::HEDGED));
}

// boosters_and_hedges
#[test]
fn boosters_act_in_a_short_window_within_the_phrase() {
    assert!(flag_of("A very brutal raid.", "brutal").contains(Flags::INTENSIFIED));
    assert!(flag_of("A deeply and very brutal raid.", "brutal").contains(Flags::INTENSIFIED));
    assert!(flag_of("A somewhat brutal raid.", "brutal").contains(Flags::DAMPENED));
    // Four words away: outside the window.
    assert!(!flag_of("Very much more than a brutal raid.", "brutal").contains(Flags::INTENSIFIED));
    // A comma ends the phrase.
    assert!(!flag_of("It was very, brutal.", "brutal").contains(Flags::INTENSIFIED));
    // Boosters act forwards only.
    assert!(!flag_of("A brutal raid, very.", "brutal").contains(Flags::INTENSIFIED));
}

#[test]
fn hedges_govern_their_clause_in_either_direction() {
    assert!(flag_of("The regime reportedly fired.", "regime").contains(Flags::HEDGED));
    assert!(flag_of("Reportedly, the regime fired.", "regime").contains(Flags::HEDGED));
    assert!(flag_of("The so-called regime fell.", "regime").contains(Flags::HEDGED));
    assert!(!flag_of("The regime fired; reportedly it fell.", "regime").contains(Flags::HEDGED));
    assert!(!flag_of("It reportedly fell, but the regime won.", "regime").contains(Flags::HEDGED));
    assert!(!flag_of("It reportedly fell. The regime won.", "regime").contains(Flags::HEDGED));
}

// negation
fn negated(text: &str, word: &str) -> bool {
    flag_of(text, word).contains(Flags::NEGATED)
}

#[test]
fn a_negator_shortly_before_negates() {
    assert!(negated("It was not a terrorist attack.", "terrorist"));
    assert!(negated("Violence is never justified.", "justified"));
    assert!(negated("We don’t call it heroic.", "heroic"));
    assert!(negated("No brutal raid took place.", "brutal"));
    assert!(!negated("It was a terrorist attack.", "terrorist"));
}

#[test]
fn the_window_is_short_and_stays_in_the_phrase() {
    assert!(!negated("Not that anyone would call it heroic.", "heroic"));
    assert!(!negated("Not once, brutal as it was.", "brutal"));
    assert!(!negated("They did not stop; the regime fell.", "regime"));
}

#[test]
fn double_negation_cancels() {
    assert!(!negated("It was not never justified.", "justified"));
    assert!(!negated("It was not without brutal force.", "brutal"));
}

#[test]
fn not_only_does_not_negate() {
    assert!(!negated("Not only brutal but heroic.", "brutal"));
    assert!(!negated("It was not just a massacre.", "massacre"));
    assert!(!negated("Not only brutal but heroic.", "heroic"));
}

#[test]
fn negation_reaches_into_quotation_marks() {
    assert!(negated("It was not a “massacre” at all.", "massacre"));
}

// scare
fn one(text: &str) -> (&'static str, String) {
    let v = short(text);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    (v[0].1, v[0].2.clone())
}

#[test]
fn a_designation_nobody_said_is_a_scare_quote() {
    assert_eq!(one("The government’s “reform” cut pensions."), ("scare", String::new()));
    assert_eq!(
        one("Velmora designated the group a \"terrorist organization.\""),
        ("scare", "".into())
    );
    assert!(flag_of("The “regime” fell.", "regime").contains(Flags::SCARE_QUOTE));
    assert!(!flag_of("The “regime” fell.", "regime").contains(Flags::IN_QUOTE));
    // A hedge right before the quotation is the outlet's own distancing.
    assert_eq!(one("The so-called “reform” passed."), ("scare", String::new()));
    assert_eq!(one("He said its reportedly “heroic” raid failed."), ("scare", String::new()));
    // A self-designation is not attribution.
    assert_eq!(one("The militants, who call themselves “heroic,” fled."), ("scare", "".into()));
    // A cue in another clause, or far after the quotation, does not attribute it.
    assert_eq!(one("He claimed it was over — the “reform” had failed."), ("scare", "".into()));
    assert_eq!(
        one("The “reform” cut pensions and wages and jobs for years on end, he said."),
        ("scare", "".into())
    );
    // The quotation is the subject of the reporting verb, not its content.
    assert_eq!(
        one("The “heroic” unit, led by a colonel, said nothing about its pay or its dead."),
        ("scare", "".into())
    );
    // A noun after a determiner is not a reporting verb.
    assert_eq!(one("It was a claim about the “reform” plan."), ("scare", "".into()));
}

#[test]
fn attributed_phrases_are_not_scare_quotes() {
    assert_eq!(one("He called it “a disgrace” on Monday."), ("attributed", "called".into()));
    assert_eq!(
        one("She calls the militants’ raid a “brutal massacre” now."),
        ("attributed", "calls".into())
    );
    assert_eq!(
        one("What critics describe as a ‘brutal reform’ passed."),
        ("attributed", "describe".into())
    );
    assert_eq!(one("He said: “a disgrace.”"), ("attributed", "said".into()));
    assert_eq!(one("The minister said the “reform” would pass."), ("attributed", "said".into()));
    assert_eq!(
        one("The “reform” would pass, the minister claimed."),
        ("attributed", "claimed".into())
    );
    assert!(!flag_of("He called it a “regime” twice.", "regime").contains(Flags::SCARE_QUOTE));
}

#[test]
fn titles_of_works() {
    assert_eq!(one("Her book “Brutal Years” sold well."), ("title", "book".into()));
    assert_eq!(one("The report titled “Regime” came out."), ("title", "titled".into()));
    assert_eq!(one("They sang “Song of the Harbor” at noon."), ("title", String::new()));
}

#[test]
fn long_unclosed_and_whole_sentence_quotations_are_not_short() {
    assert!(short("He said “the regime fell at dawn today”.").is_empty());
    assert!(short("“Never again.”").is_empty());
    assert!(short("She wrote “the regime\n\nfell.").is_empty());
    // An opening mark before the sentence end of the words it quotes (no panic).
    let q = short("He called it “. Reform” again.");
    assert!(q.iter().all(|(w, _, _)| w.contains("Reform")), "{q:?}");
    // Apostrophes are not quotation marks.
    assert!(short("The militants’ ‘reform’ isn’t one.").len() == 1);
    assert!(short("The militants’ reform isn’t one.").is_empty());
}

// voice
fn in_quote(text: &str, word: &str) -> bool {
    flag_of(text, word).contains(Flags::IN_QUOTE)
}

#[test]
fn an_embedded_post_is_its_authors_voice() {
    let post = "The regime fell, a brutal end. — Ana Ruiz (@anaruiz) May 7, 2013";
    assert!(in_quote(&format!("Reaction came fast.\n{post}\nThe raid went on."), "brutal"));
    assert!(!in_quote("Reaction came fast.\nThe brutal raid went on. — Ana Ruiz", "brutal"));
}

#[test]
fn every_kind_of_quotation_mark() {
    assert!(in_quote("He said “the regime fell” today.", "regime"));
    assert!(in_quote("He said \"the regime fell\" today.", "regime"));
    assert!(in_quote("He said ‘the regime fell’ today.", "regime"));
    assert!(in_quote("He said 'the regime fell' today.", "regime"));
    assert!(in_quote("Il a dit « the regime fell at dawn » hier.", "regime"));
    assert!(in_quote("“She called it ‘a brutal regime’,” he said.", "regime"));
    assert!(!in_quote("The militants’ regime and its ’90s “no” vote.", "regime"));
    assert!(!in_quote("The militants' leaders don't deny the regime 'ties.", "regime"));
}

#[test]
fn a_quotation_left_open_runs_into_the_next_quoted_paragraph() {
    let text = "“The regime fell,\n\n“and the massacre began,” she said.\n\nThe regime denied it.";
    let lex = lexicon();
    let got = flags_of(&lex, text);
    let voices: Vec<bool> = got.iter().map(|(_, f)| f.contains(Flags::IN_QUOTE)).collect();
    assert_eq!(voices, vec![true, true, false, false]); // regime, massacre, said, regime
    assert_eq!(quoted("He said “b c d e f” and ‘g’."), 6);
    // A scare quote is the outlet's own voice.
    assert_eq!(quoted("A “b c” d."), 0);
    // ... unless it stands inside a quotation.
    assert!(in_quote("“Their ‘regime’ fell at last, we hope,” she said.", "regime"));
    assert_eq!(quoted("Nobody’s words."), 0);
}
