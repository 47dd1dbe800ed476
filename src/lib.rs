//! # framelens
//!
//! Measures how news outlets frame the same event: loaded language, attribution verbs graded
//! by stance, hedges, label choices, per document and per outlet.
//!
//! The pipeline: [`corpus`] reads documents → [`segment`] splits each section into
//! paragraphs, sentences and words (byte offsets never change) → [`matcher`] finds
//! [`lexicon`] entries (stem, exact, prefix and phrase patterns; leftmost-longest) →
//! [`devices`] flag each hit's context (quoted voice, negation, boosters, hedges, scare
//! quotes) and [`tone`] scores sentences → [`analysis`] counts integers per document, by
//! voice → [`pipeline`] drives documents serially or in parallel, in input order, to a
//! [`pipeline::Sink`] such as [`report::Reporter`], which folds [`aggregate`] totals and
//! writes CSV tables (label shares via [`labels`]). At the end, [`compare`] compares the
//! outlets with the statistics of [`stats`] (log-odds with an informative Dirichlet prior,
//! G², Benjamini–Hochberg, bootstrap intervals, sign tests), and [`report::xlsx`] can put
//! every table into one workbook.
//!
//! One document, analysed on this thread:
//!
//! ```
//! use std::sync::Arc;
//! use framelens::{Analyzer, Document, Language, LexiconBuilder, Scratch, Sections};
//!
//! let mut lexicon = LexiconBuilder::new(Language::ENGLISH);
//! lexicon.add_text("loaded.csv", "loaded",
//!     "pattern,category,polarity\nmassacre,loaded/violence,-2\nregime,loaded/delegitimising,-1\n")?;
//! let analyzer = Analyzer::new(Arc::new(lexicon.build()), Sections::default());
//! let doc = Document {
//!     id: "a1".into(),
//!     outlet: "Outlet A".into(),
//!     text: "The regime denied the massacres.".into(),
//!     ..Document::default()
//! };
//! let result = analyzer.analyze(&doc, &mut Scratch::new());
//! assert_eq!(result.tokens, 5);
//! assert_eq!(result.matches.len(), 2);
//! let first = &result.matches[0];
//! assert_eq!(&doc.text[first.bytes.range()], "regime");
//! # Ok::<(), framelens::Error>(())
//! ```
//!
//! Documents held in memory, analysed on the rayon pool (in input order) and collected as
//! values — per-document analyses, per-outlet aggregates, rates and comparison rows — without
//! writing a file ([`Collector`]; [`report::Reporter`] writes the tables instead):
//!
//! ```
//! # use std::sync::Arc;
//! # use framelens::{Document, Language, LexiconBuilder};
//! # let mut lexicon = LexiconBuilder::new(Language::ENGLISH);
//! # lexicon.add_text("loaded.csv", "loaded", "pattern,category\nregime,loaded/delegitimising\n")?;
//! # let lexicon = Arc::new(lexicon.build());
//! # let doc = |id: &str, outlet: &str, text: &str| Document {
//! #     id: id.into(), outlet: outlet.into(), text: text.into(), ..Document::default() };
//! # let docs = vec![doc("a1", "A", "The regime fell. The regime lied."), doc("b1", "B", "The government fell.")];
//! use framelens::{Analyzer, Collector, Record, Sections, compare::CompareOptions, pipeline};
//! let analyzer = Analyzer::new(lexicon.clone(), Sections::default());
//! let mut collected = Collector::new(lexicon).keep_analyses();
//! pipeline::run(docs.into_iter().map(Box::new).map(Record::Doc), &analyzer, 2, &mut collected)?;
//! let (id, analysis) = &collected.analyses()[0];
//! let outlet_a = &collected.aggregates().groups.values().next().unwrap();
//! let comparison = collected.compare(&CompareOptions { min_count: 0, ..Default::default() })?;
//! let rows = comparison.rows()?;
//! let rate = rows.rates.iter().find(|r| comparison.feature(r.feature).term == "regime").unwrap();
//! assert_eq!((id.as_str(), analysis.tokens, outlet_a.tokens), ("a1", 6, 6));
//! assert_eq!((comparison.group_name(rate.group), rate.count, rate.per_1k), ("A", 2, Some(1000.0 / 3.0)));
//! # Ok::<(), framelens::Error>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::too_many_lines)]

pub mod aggregate;
pub mod analysis;
pub mod attribution;
pub mod boilerplate;
mod collect;
pub mod compare;
pub mod corpus;
mod csv_quotes;
pub mod cuemodel;
pub mod cuetrain;
pub mod devices;
mod error;
pub mod labels;
mod language;
pub mod lexicon;
pub mod matcher;
pub mod merge;
mod names;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod stats;
mod stem;
pub mod tone;
mod util;
pub mod validate;
pub mod view;

pub use analysis::{Analyzer, DocAnalysis, Match, Scratch, Section, Sections};
pub use collect::Collector;
pub use corpus::{Document, Input, InputFailure, InputKind, InputOptions, Record};
pub use error::{Error, Result};
pub use language::Language;
pub use lexicon::{Lexicon, LexiconBuilder};
pub use stem::Stemmer;
