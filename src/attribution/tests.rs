//! The attribution tests: a small attribution lexicon of the team's own, the helpers that run
//! detection on a text, and the tests of every rule module.

use super::*;
use crate::language::Language;
use crate::lexicon::LexiconBuilder;
use crate::view::ViewScratch;

/// The team's own small attribution lexicon for unit tests.
fn fixture_lexicon() -> Lexicon {
    let mut rows = String::from("pattern,category,polarity,intensity,lemma\n");
    let verbs: &[(&str, &str, &[&str])] = &[
        ("say", "neutral", &["say", "says", "said", "saying"]),
        ("tell", "neutral", &["tell", "tells", "told", "telling"]),
        ("add", "neutral", &["add", "adds", "added", "adding"]),
        ("report", "neutral", &["report", "reports", "reported", "reporting"]),
        ("cite", "neutral", &["cite", "cites", "cited", "citing"]),
        ("confirm", "endorsing", &["confirm", "confirms", "confirmed", "confirming"]),
        ("note", "endorsing", &["note", "notes", "noted", "noting"]),
        ("claim", "doubting", &["claim", "claims", "claimed", "claiming"]),
        ("allege", "doubting", &["allege", "alleges", "alleged", "alleging"]),
        ("purport", "doubting", &["purported", "purports"]),
        ("admit", "guilt", &["admit", "admits", "admitted", "admitting"]),
        ("insist", "insistent", &["insist", "insists", "insisted", "insisting"]),
        ("accuse", "confrontational", &["accuse", "accuses", "accused", "accusing"]),
        ("state", "neutral", &["state", "states", "stated", "stating"]),
        ("tweet", "neutral", &["tweet", "tweets", "tweeted"]),
        ("report", "neutral", &["reportedly"]),
        ("speak", "neutral", &["speak", "speaks", "spoke", "speaking"]),
        ("maintain", "insistent", &["maintain", "maintains", "maintained", "maintaining"]),
        ("continue", "neutral", &["continue", "continues", "continued", "continuing"]),
        ("call", "neutral", &["call", "calls", "called", "calling"]),
        ("support", "neutral", &["support", "supports", "supported", "supporting"]),
        ("decline", "neutral", &["decline", "declines", "declined", "declining"]),
        ("comment", "neutral", &["comment", "comments", "commented", "commenting"]),
        ("expect", "neutral", &["expect", "expects", "expected", "expecting"]),
        ("ask", "neutral", &["ask", "asks", "asked", "asking"]),
        ("see", "neutral", &["see", "sees", "saw", "seeing"]),
        ("decide", "neutral", &["decide", "decides", "decided", "deciding"]),
        ("find", "endorsing", &["find", "finds", "found", "finding"]),
        ("echo", "endorsing", &["echo", "echoes", "echoed", "echoing"]),
        ("criticize", "confrontational", &["criticism", "criticized", "criticizing"]),
        ("argue", "neutral", &["argue", "argues", "argued", "arguing"]),
        ("urge", "neutral", &["urge", "urges", "urged", "urging"]),
        ("believe", "neutral", &["believe", "believes", "believed"]),
    ];
    for (lemma, class, forms) in verbs {
        for f in *forms {
            rows.push_str(&format!("={f},attribution/{class},,,{lemma}\n"));
        }
    }
    rows.push_str("=according =to,attribution/neutral,,,according to\n");
    rows.push_str("=in =a =statement,attribution/neutral,,,statement\n");
    rows.push_str(
        "=he =stated,attribution/neutral,,,state\n=stated =that,attribution/neutral,,,state\n",
    );
    rows.push_str("=claims =by,attribution/doubting,,,claim\n");
    rows.push_str("=was =quoted =as =saying,attribution/neutral,,,quote\n");
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    b.add_text("attribution.csv", "attribution", &rows).unwrap();
    b.add_text("loaded.csv", "loaded", "pattern,category\nregime,loaded/x\n").unwrap();
    b.build()
}

/// `cue text/form` of every cue of `text`.
fn cues(lex: &Lexicon, text: &str) -> Vec<String> {
    let mut vs = ViewScratch::new();
    let ctx = vs.build_with(lex, None, Section::Body, text);
    ctx.cues
        .iter()
        .map(|c| format!("{}/{:?}", &text[ctx.tokens_span(c.first, c.end).range()], c.form))
        .collect()
}

/// One attribution as the tests compare it.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    cue: String,
    class: String,
    source: String,
    resolved: String,
    content: String,
    quote_type: String,
    direct: bool,
}

fn detect(text: &str) -> Vec<Row> {
    let lex = fixture_lexicon();
    let mut vs = ViewScratch::new();
    let view = vs.build_with(&lex, None, Section::Body, text);
    let mut s = AttributionScratch::new();
    s.start_document();
    let mut out = Vec::new();
    detect_section(&lex, &view, &mut s, &mut out);
    let chars: Vec<char> = text.chars().collect();
    let sub = |e: Option<Extent>| {
        e.map_or(String::new(), |e| {
            let by_chars: String =
                chars[e.chars.start as usize..e.chars.end as usize].iter().collect();
            assert_eq!(by_chars, text[e.bytes.range()]);
            by_chars
        })
    };
    out.iter()
        .map(|a| Row {
            cue: sub(Some(a.cue)),
            class: a.class.map_or("", CueClass::name).to_string(),
            source: sub(a.source),
            resolved: a.source_resolved.as_deref().unwrap_or("").to_string(),
            content: sub(a.content),
            quote_type: a.quote_type.as_str().to_string(),
            direct: a.direct,
        })
        .collect()
}

/// (cue, source, resolved) triples.
fn who(text: &str) -> Vec<(String, String, String)> {
    detect(text).into_iter().map(|r| (r.cue, r.source, r.resolved)).collect()
}

fn t(cue: &str, source: &str, resolved: &str) -> (String, String, String) {
    (cue.into(), source.into(), resolved.into())
}

#[test]
fn subject_verb_content() {
    let r = detect("Harbour Minister Ilse Varga said on Monday that the port would reopen.");
    assert_eq!(
        r,
        vec![Row {
            cue: "said".into(),
            class: "neutral".into(),
            source: "Harbour Minister Ilse Varga".into(),
            resolved: "Ilse Varga".into(),
            content: "the port would reopen".into(),
            quote_type: "SVC".into(),
            direct: false,
        }]
    );
}

#[test]
fn quote_before_with_pronoun_and_inverted_verb() {
    let text = "Ilse Varga told reporters the port was safe. “We are ready,” she said. \
                “Ships may dock,” said the harbour master, Odo Brandt.";
    let r = detect(text);
    assert_eq!(r.len(), 3);
    assert_eq!((r[1].source.as_str(), r[1].resolved.as_str()), ("she", "Ilse Varga"));
    assert_eq!((r[1].content.as_str(), r[1].quote_type.as_str()), ("We are ready,", "QCQSV"));
    assert!(r[1].direct);
    assert_eq!(r[2].source, "the harbour master");
    assert_eq!(r[2].quote_type, "QCQVS");
}

#[test]
fn content_before_the_clause_and_parentheticals() {
    assert_eq!(
        who("The port will reopen in May, the harbour authority said on Friday."),
        vec![t("said", "the harbour authority", "harbour authority")]
    );
    let r = detect("The port will reopen in May, the harbour authority said on Friday.");
    assert_eq!(
        (r[0].content.as_str(), r[0].quote_type.as_str()),
        ("The port will reopen in May", "CSV")
    );
    assert_eq!(
        who("Varga, however, insisted that the port was safe."),
        vec![t("insisted", "Varga", "Varga")]
    );
    assert_eq!(
        who("Odo Brandt, the spokesman for the port, claimed the ships were late."),
        vec![t("claimed", "Odo Brandt", "Odo Brandt")]
    );
}

#[test]
fn according_to_participles_and_passives() {
    assert_eq!(
        who("According to port officials, the ships were late."),
        vec![t("According to", "port officials", "port officials")]
    );
    assert_eq!(
        who("Varga confirmed the delay, adding that the ships were late."),
        vec![t("confirmed", "Varga", "Varga"), t("adding", "Varga", "Varga")]
    );
    assert_eq!(
        who("The Tide Gazette ran a memo on Monday. A memo alleging fraud circulated."),
        vec![t("alleging", "A memo", "Tide Gazette")]
    );
    assert_eq!(
        who("Brandt was quoted as saying the port was safe."),
        vec![t("was quoted as saying", "Brandt", "Brandt")]
    );
    assert_eq!(
        who("The mayor was accused by rivals of lying."),
        vec![t("was accused", "rivals", "rivals")]
    );
    // An agentless passive is reported with an empty source.
    assert_eq!(
        who("The ships were reportedly late and the mayor was accused of lying."),
        vec![t("was accused", "", "")]
    );
}

#[test]
fn a_verb_cue_spans_its_verb_group() {
    assert_eq!(
        who("Varga has also said the port was safe. Brandt, however, said it was not."),
        vec![t("has also said", "Varga", "Varga"), t("said", "Brandt", "Brandt")]
    );
}

#[test]
fn citing_an_informant_or_a_reason() {
    assert_eq!(
        who("The Tide Gazette ran a story, citing “people familiar with the plan.”"),
        vec![t("citing", "people familiar with the plan", "people familiar with the plan")]
    );
    assert_eq!(who("Varga resigned, citing poor health."), vec![t("citing", "Varga", "Varga")]);
}

#[test]
fn long_and_prepositional_appositions() {
    assert_eq!(
        who("Ilse Varga, 29, of Velm, Ala., says the port is safe."),
        vec![t("says", "Ilse Varga", "Ilse Varga")]
    );
    assert_eq!(
        who("The harbour board, which has been criticised for months by the unions over the \
             closure of the old northern docks that the city once ran itself, said the port \
             was safe."),
        vec![t("said", "The harbour board", "harbour board")]
    );
}

#[test]
fn a_reduced_relative_between_subject_and_verb() {
    assert_eq!(
        who("A new Velm poll released on Friday found Mora ahead."),
        vec![t("found", "A new Velm poll", "a new Velm poll")]
    );
    assert!(who("Mora found it hard.").is_empty());
}

#[test]
fn pronouns_and_descriptions_resolve() {
    let text = "Port spokeswoman Ilse Varga said the ships were late. The Tide Gazette \
                reported that the port was closed. It added that crews were idle. \
                She claimed the Gazette was wrong. The Estrel regime stayed silent. \
                Later the regime’s navy said it was ready.";
    assert_eq!(
        who(text),
        vec![
            t("said", "Port spokeswoman Ilse Varga", "Ilse Varga"),
            t("reported", "The Tide Gazette", "The Tide Gazette"),
            t("added", "It", "The Tide Gazette"),
            t("claimed", "She", "Ilse Varga"),
            t("said", "the regime’s navy", "Estrel navy"),
        ]
    );
}

#[test]
fn mixed_quotes_are_direct_and_scare_quotes_are_not() {
    let r = detect("Varga claimed that Brandt “has no authority to close the port.”");
    assert!(r[0].direct);
    let r = detect("Varga said the “reform” failed.");
    assert!(!r[0].direct);
}

#[test]
fn no_attribution_lexicon_no_attributions() {
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    b.add_text("l.csv", "loaded", "pattern,category\nsaid,loaded\n").unwrap();
    let lex = b.build();
    assert!(lex.file_named("attribution").is_none());
    assert!(!lex.roles().has_attribution_cues());
}

// agentless
fn cue_and_source(text: &str) -> Vec<(String, String)> {
    detect(text).into_iter().map(|r| (r.cue, r.source)).collect()
}

#[test]
fn agentless_passives_have_no_source() {
    assert_eq!(
        cue_and_source("The port is widely expected to reopen in May."),
        vec![("is widely expected".into(), String::new())]
    );
}

#[test]
fn reduced_questions_have_no_source() {
    assert_eq!(
        cue_and_source("Asked whether the port was safe, the harbour master shrugged."),
        vec![("Asked".into(), String::new())]
    );
    assert_eq!(
        cue_and_source("When asked about the ships, Varga said they were late."),
        vec![("asked".into(), String::new()), ("said".into(), "Varga".into())]
    );
    assert!(cue_and_source("Varga asked.").is_empty());
}

// colon
fn colon_rows(text: &str) -> Vec<(String, String, String, String)> {
    detect(text).into_iter().map(|r| (r.cue, r.class, r.source, r.content)).collect()
}

#[test]
fn a_name_and_a_colon_open_a_line() {
    assert_eq!(
        colon_rows("Varga: The port will reopen in May\nThe harbour stayed shut."),
        vec![(":".into(), "neutral".into(), "Varga".into(), "The port will reopen in May".into())]
    );
    assert_eq!(colon_rows("BRANDT: Why now?\nVARGA: Because the ships are late.").len(), 2);
    assert!(colon_rows("Q: Why now?\nA: Because the ships are late.").is_empty());
}

#[test]
fn labels_kickers_results_and_reporting_clauses_are_not_speakers() {
    assert!(colon_rows("Editor’s note: The port reopened.").is_empty());
    assert!(colon_rows("STAT OF THE WEEK: ten ships.").is_empty());
    assert!(colon_rows("Ilse Varga: 1,204.").is_empty());
    assert!(colon_rows("The plan is simple: the port reopens.").is_empty());
    assert_eq!(colon_rows("Varga said: “The port is safe.”").len(), 1);
    assert_eq!(colon_rows("Varga said: “The port is safe.”")[0].0, "said");
}

// cue
#[test]
fn verbs_are_cues_and_look_alike_nouns_are_not() {
    let lex = fixture_lexicon();
    assert_eq!(cues(&lex, "Mora said the plan works."), vec!["said/Verb"]);
    assert!(cues(&lex, "The claims were false, and Ortiz’s claims too.").is_empty());
    assert!(cues(&lex, "Voters in 12 states backed the United States plan.").is_empty());
    assert!(cues(&lex, "A purported deal was reportedly near.").is_empty());
    assert!(cues(&lex, "Reports of unrest spread.").is_empty());
    assert!(cues(&lex, "The report was false and the claims have faded.").is_empty());
    assert!(cues(&lex, "<tweet id=\"1\">Hi</tweet>").is_empty());
    assert!(cues(&lex, "The self-stated expert left.").is_empty());
    assert_eq!(cues(&lex, "He is alive, reports say."), vec!["say/Verb"]);
    assert_eq!(cues(&lex, "They all said no."), vec!["said/Verb"]);
    assert_eq!(cues(&lex, "“They said no,” she said."), vec!["said/Verb"]);
}

#[test]
fn shapes() {
    let lex = fixture_lexicon();
    assert_eq!(
        cues(&lex, "According to aides, the mayor left, citing aides and saying so."),
        vec!["According to/Object", "citing/Citing", "saying/Participle"]
    );
    assert_eq!(cues(&lex, "In a statement, the mayor said no."), vec!["said/Verb"]);
    assert_eq!(cues(&lex, "In a statement, the mayor left."), vec!["In a statement/Adjunct"]);
    assert_eq!(cues(&lex, "Velm Daily Says Mayor Quit"), vec!["Says/Verb"]);
    assert_eq!(cues(&lex, "Then he stated that it was over."), vec!["stated/Verb"]);
    assert_eq!(cues(&lex, "Claims by rivals were denied."), vec!["Claims by/Object"]);
    assert_eq!(cues(&lex, "She was quoted as saying no."), vec!["quoted as saying/Verb"]);
}

#[test]
fn speak_needs_a_topic_and_maintain_a_clause() {
    let lex = fixture_lexicon();
    assert!(cues(&lex, "Mora spoke at the convention on Monday.").is_empty());
    assert_eq!(cues(&lex, "Mora spoke about the wall."), vec!["spoke/Verb"]);
    assert_eq!(cues(&lex, "Mora also spoke out against it."), vec!["spoke/Verb"]);
    assert!(cues(&lex, "Mora maintained a large lead.").is_empty());
    assert_eq!(cues(&lex, "Mora maintained that the lead was safe."), vec!["maintained/Verb"]);
    assert_eq!(cues(&lex, "“It is safe,” Mora maintained."), vec!["maintained/Verb"]);
    assert!(cues(&lex, "Prices continued to rise.").is_empty());
    assert_eq!(cues(&lex, "Mora continued: “It is safe.”"), vec!["continued/Verb"]);
}

#[test]
fn an_infinitive_cue_completes_the_cue_before_it() {
    let lex = fixture_lexicon();
    assert_eq!(
        cues(&lex, "Ortiz declined to comment on the plan."),
        vec!["declined to comment/Verb"]
    );
    assert_eq!(
        cues(&lex, "Ortiz declined, to comment later."),
        vec!["declined/Verb", "comment/Verb"]
    );
}

#[test]
fn bare_forms_after_a_modifier_are_nouns() {
    let lex = fixture_lexicon();
    assert!(cues(&lex, "Ortiz lost conservative support and long-standing support.").is_empty());
    assert_eq!(cues(&lex, "They support the plan."), vec!["support/Verb"]);
    assert_eq!(cues(&lex, "Most voters support the plan."), vec!["support/Verb"]);
    assert_eq!(cues(&lex, "Those surveyed say no."), vec!["say/Verb"]);
    assert_eq!(cues(&lex, "Many support it."), vec!["support/Verb"]);
    assert_eq!(cues(&lex, "The campaign says no."), vec!["says/Verb"]);
}

#[test]
fn naming_participles_after_an_indefinite_noun() {
    let lex = fixture_lexicon();
    assert!(cues(&lex, "A new group called Velm Votes met.").is_empty());
    assert_eq!(cues(&lex, "Ortiz called Mora a liar."), vec!["called/Verb"]);
    assert_eq!(cues(&lex, "The mayor called Mora a liar."), vec!["called/Verb"]);
}

#[test]
fn see_needs_as_decide_needs_to_and_find_an_inquiry() {
    let lex = fixture_lexicon();
    assert_eq!(cues(&lex, "Voters see Mora as a leader."), vec!["see/Verb"]);
    assert!(cues(&lex, "Voters will see the debate on Monday.").is_empty());
    assert_eq!(cues(&lex, "Mora decided not to run."), vec!["decided/Verb"]);
    assert!(cues(&lex, "The court decided the case.").is_empty());
    assert_eq!(cues(&lex, "A new Velm poll found Mora ahead."), vec!["found/Verb"]);
    assert!(cues(&lex, "Police found the car in a lake.").is_empty());
    assert_eq!(cues(&lex, "Police found that the car was stolen."), vec!["found/Verb"]);
}

// nested
fn cue_words(text: &str) -> Vec<String> {
    detect(text).into_iter().map(|r| r.cue).collect()
}

#[test]
fn attitudes_inside_reported_content_are_not_attributions() {
    assert_eq!(cue_words("Ortiz said he would support Mora in May."), vec!["said"]);
    assert_eq!(cue_words("Ortiz supports Mora, and Mora said so."), vec!["supports", "said"]);
    assert_eq!(
        cue_words("Ortiz said that aides told him the port was closed."),
        vec!["said", "told"]
    );
}

// subject
#[test]
fn long_and_quantified_subjects() {
    assert_eq!(
        cue_and_source("In Velm, about half of the dock workers polled said they would strike."),
        vec![("said".into(), "about half of the dock workers polled".into())]
    );
    assert_eq!(
        cue_and_source("Crews who have worked the night shift for years say the cranes are old."),
        vec![("say".into(), "Crews who have worked the night shift for years".into())]
    );
    assert_eq!(
        cue_and_source("The harbour ran a notice that said the port was shut."),
        vec![("said".into(), "that".into())]
    );
}

#[test]
fn no_subject_where_none_is_written() {
    assert!(cue_and_source("It is too soon to say whether the port will reopen.").is_empty());
    assert!(cue_and_source("That said, the port reopened.").is_empty());
    assert!(cue_and_source("Ferries are cheaper than, say, planes.").is_empty());
}

// survey
fn survey_rows(text: &str) -> Vec<(String, String, String)> {
    detect(text).into_iter().map(|r| (r.cue, r.class, r.source)).collect()
}

#[test]
fn a_named_poll_after_in_is_a_source() {
    assert_eq!(
        survey_rows("In a new Velm Herald poll released Friday, 40 percent backed Mora."),
        vec![("In".into(), "neutral".into(), "a new Velm Herald poll released Friday".into())]
    );
    assert_eq!(
        survey_rows("Mora led Brandt by 8 points in the harbour board’s survey."),
        vec![("in".into(), "neutral".into(), "the harbour board’s survey".into())]
    );
}

#[test]
fn the_horse_race_and_polled_people_are_no_sources() {
    assert!(survey_rows("Mora rose in the polls.").is_empty());
    assert!(survey_rows("Mora leads in most surveys.").is_empty());
    assert!(survey_rows("Ten percent of the voters in the poll were undecided.").is_empty());
    assert_eq!(
        survey_rows("Half of those in the Velm poll said Mora would win."),
        vec![
            ("in".into(), "neutral".into(), "the Velm poll".into()),
            ("said".into(), "neutral".into(), "Half of those in the Velm poll".into())
        ]
    );
}

// after
#[test]
fn agents_after_by_and_from() {
    assert_eq!(
        who("The harbour board faced criticism from the unions over the delay."),
        vec![t("criticism", "the unions", "unions")]
    );
    assert_eq!(
        who("The closure, a move echoed by every captain, was criticized."),
        vec![t("echoed", "every captain", "every captain")]
    );
    // A passive's object may stand before `by`; a preposition ends the search.
    assert_eq!(
        who("Varga was called a liar by the unions for saying the port was safe."),
        vec![t("was called", "the unions", "unions"), t("saying", "Varga", "Varga")]
    );
    // A verb after its subject, or a medium after `by`: no agent after the cue.
    assert_eq!(
        who("Varga said by phone that the port was safe."),
        vec![t("said", "Varga", "Varga")]
    );
}

#[test]
fn with_a_subject_the_participle_speaks_for_it() {
    assert_eq!(
        who("The port reopened, with Varga saying the ships were safe."),
        vec![t("saying", "Varga", "Varga")]
    );
    assert_eq!(
        who("The port reopened, with Ilse Varga — who had argued for months — saying the \
             ships were safe."),
        vec![t("had argued", "who", "Ilse Varga"), t("saying", "Ilse Varga", "Ilse Varga")]
    );
}

#[test]
fn a_participle_shares_the_main_clause_subject() {
    // Not the speaker inside what the first cue reports.
    assert_eq!(
        who("Varga said she believes the port is safe, arguing that the ships were late."),
        vec![
            t("said", "Varga", "Varga"),
            t("believes", "she", "Varga"),
            t("arguing", "Varga", "Varga")
        ]
    );
    assert_eq!(
        who("“We are ready,” said Varga, speaking of the port."),
        vec![t("said", "Varga", "Varga"), t("speaking", "Varga", "Varga")]
    );
    // Not a relative pronoun.
    assert_eq!(
        who("Varga hired an architect who said the port was unsafe, saying the plans were late."),
        vec![t("said", "who", "an architect"), t("saying", "Varga", "Varga")]
    );
    // A medium that is a verb's object speaks for the verb's subject.
    assert_eq!(
        who("The council issued a statement urging calm."),
        vec![t("urging", "The council", "council")]
    );
    assert_eq!(
        who("Parents sent a letter to the harbour board urging a delay."),
        vec![t("urging", "Parents", "Parents")]
    );
}
