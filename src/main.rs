//! The `framelens` command: parses arguments, dispatches to a subcommand, and maps the
//! outcome to the documented exit codes (0 success, 1 some documents failed, 2 error,
//! 130 interrupted).

#![warn(clippy::too_many_lines)]

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { cmd::EXIT_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cmd::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            cmd::message(format_args!("framelens: error: {}", chain(&e)));
            ExitCode::from(cmd::EXIT_ERROR)
        }
    }
}

/// The error and its causes joined with `: `, leaving out a cause the message before it
/// already ends with (an I/O error names its source in its own message).
fn chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain().map(ToString::to_string) {
        if !out.ends_with(&cause) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&cause);
        }
    }
    out
}

/// A closed pipe (`framelens ... | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(c.downcast_ref::<framelens::Error>(), Some(framelens::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
