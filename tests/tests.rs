//! Integration tests: run the real `framelens` binary on fixtures and parse its CSV output.

mod util;

mod analyze;
mod attribution;
mod compare;
mod lexicon;
mod spreadsheet;
