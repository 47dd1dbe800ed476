//! Subcommands, one file each. Each returns the process exit code on success.

mod analyze;
mod common;
mod compare;
mod interrupt;
mod lexicon;
mod merge;
mod output;
mod progress;
mod train_cues;
mod validate;

pub use common::{EXIT_ERROR, message};

use crate::cli::{Cli, Command, LexiconCommand};

/// Runs the subcommand `cli` names.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Analyze(args) => analyze::run(*args),
        Command::Compare(args) => compare::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Lexicon(LexiconCommand::Check(args)) => lexicon::check(args),
        Command::Lexicon(LexiconCommand::Stems(args)) => lexicon::stems(args),
        Command::Validate(args) => validate::run(args),
        Command::Lexicon(LexiconCommand::Export(args)) => lexicon::export(args),
        Command::Lexicon(LexiconCommand::Import(args)) => lexicon::import(args),
        Command::TrainCues(args) => train_cues::run(args),
    }
}
