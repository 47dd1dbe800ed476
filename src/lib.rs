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
#![deny(missing_docs)]

pub mod aggregate;
pub mod analysis;
pub mod attribution;
pub mod compare;
pub mod corpus;
mod csv_quotes;
pub mod devices;
mod error;
pub mod labels;
mod language;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod stats;
mod stem;
pub mod tone;
mod util;
pub mod view;

pub use analysis::{Analyzer, DocAnalysis, Match, Scratch, Section, Sections};
pub use corpus::{Document, Input, InputFailure, InputKind, InputOptions, Record};
pub use error::{Error, Result};
pub use language::Language;
pub use lexicon::{Lexicon, LexiconBuilder};
pub use stem::Stemmer;
