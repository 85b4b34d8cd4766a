//! The command line: parse, open the store, run one command, print, exit.

mod args;
mod bidi;
mod commands;
mod doctor;
mod output;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use output::CellLayout;

pub use args::{BidiArg, Cli, Command};

/// Runs hamyar with the process's arguments and environment; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let visual = cli.bidi == BidiArg::App && io::stderr().is_terminal();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err, visual);
            ExitCode::FAILURE
        }
    }
}

/// Prints an error on stderr. A file name or a typed value in it may carry control characters
/// or bidi overrides, so it is sanitized first; on a terminal it is laid out like everything
/// else hamyar shows, so a Persian agency name in an English sentence reads right.
fn report(err: &anyhow::Error, visual: bool) {
    let raw = format!("hamyar: {err:#}");
    let msg = crate::text::sanitize(&raw);
    let msg = if visual {
        let cells = output::VisualCells {
            ui: crate::text::Direction::Ltr,
            terminal_width: None,
        };
        msg.lines()
            .map(|l| cells.line(l))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        msg.into_owned()
    };
    let _ = writeln!(io::stderr().lock(), "{msg}");
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
