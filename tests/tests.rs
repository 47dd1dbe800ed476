//! Integration tests: run the real `framelens` binary on fixtures and parse its CSV output.

mod util;

mod analyze;
mod architecture;
mod attribution;
mod bundled_lexicons;
mod compare;
mod cue_model;
mod devices;
mod dicts;
mod first_run;
mod group_labels;
mod html;
mod lexicon;
mod merge;
mod robustness;
mod spreadsheet;
