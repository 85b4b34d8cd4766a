//! The command line: parse, open the store, run one command, print, exit.

mod args;
mod bidi;
mod commands;
mod doctor;
mod output;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

pub use args::{BidiArg, Cli, Command};

/// Runs hamyar with the process's arguments and environment; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err);
            ExitCode::FAILURE
        }
    }
}

/// Prints an error as one line on stderr, with any control characters a file name or a typed
/// value might carry made harmless first.
fn report(err: &anyhow::Error) {
    let mut msg = format!("{err:#}");
    msg.retain(|c| !c.is_control() || c == '\n');
    let _ = writeln!(io::stderr().lock(), "hamyar: {msg}");
}

/// Whether stdout is a terminal (then text is laid out for the eye, not for a pipe).
fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// The terminal part of `doctor`: which terminal this is and what to set for right-to-left text.
fn terminal_report(out: &mut dyn Write) -> io::Result<()> {
    let env: Vec<(String, String)> = std::env::vars().collect();
    writeln!(out, "terminal:")?;
    for key in [
        "TERM",
        "TERM_PROGRAM",
        "VTE_VERSION",
        "KONSOLE_VERSION",
        "TMUX",
        "WT_SESSION",
        "KITTY_WINDOW_ID",
    ] {
        if let Some((_, v)) = env.iter().find(|(k, _)| k == key) {
            writeln!(out, "  {key}={v}")?;
        }
    }
    Ok(())
}
