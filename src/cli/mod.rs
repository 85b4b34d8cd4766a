//! The command line: parse, resolve the settings once, run one command, print, exit.
//!
//! Every line a command prints goes through `output`: laid out in visual order by
//! [`crate::text`] for a person at a terminal, sanitized logical order for pipes and files.
//! Errors are one sentence on stderr in the interface's language, and a non-zero exit.

mod actions;
mod args;
mod backup;
mod bidi;
mod demo;
mod doctor;
mod errors;
mod export;
mod follow_up;
mod history;
mod import;
mod meetings;
mod number;
mod output;
mod overview;
mod present;
mod restore;
mod search;
mod series;
mod setup;
mod synth;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

pub use args::{BidiArg, Cli, Command, GlobalArgs};

use crate::settings::Settings;

/// Runs hamyar with the process's arguments and environment; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return errors::usage(&e),
    };
    let settings = match Settings::resolve(&cli.global.requested()) {
        Ok(s) => s,
        Err(e) => return errors::report(&e.into(), cli.global.lang.unwrap_or_default()),
    };
    match run(&settings, cli.command.as_ref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => errors::report(&e, settings.lang),
    }
}

fn run(settings: &Settings, command: Option<&Command>) -> anyhow::Result<()> {
    // Visual-order output must not be reordered again by a terminal with bidi of its own.
    let _bidi_off = match command {
        None if std::io::stdout().is_terminal() => None,
        None
        | Some(
            Command::Meetings(_) | Command::Actions(_) | Command::Search(_) | Command::History(_),
        ) => output::TerminalBidiOff::new(settings.bidi),
        _ => None,
    };
    match command {
        // Without a terminal (a pipe, a script) there is no screen to run the app on: print
        // the meetings and open action items instead.
        None if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            crate::tui::run(settings)
        }
        None => overview::run(settings),
        Some(Command::Demo) => demo::run(settings),
        Some(Command::Synth(args)) => synth::run(settings, args),
        Some(Command::Meetings(args)) => meetings::run(settings, args),
        Some(Command::Actions(args)) => actions::run(settings, args),
        Some(Command::Bidi(args)) => bidi::run(settings, args),
        Some(Command::Doctor) => doctor::run(settings),
        Some(Command::Backup(args)) => backup::run(settings, args),
        Some(Command::Restore(args)) => restore::run(settings, args),
        Some(Command::Present(args)) => present::run(settings, args),
        Some(Command::Export(args)) => export::run(settings, args),
        Some(Command::Import(args)) => import::run(settings, args),
        Some(Command::Search(args)) => search::run(settings, args),
        Some(Command::FollowUp(args)) => follow_up::run(settings, args),
        Some(Command::History(args)) => history::run(settings, args),
        Some(Command::Series(c)) => setup::series(settings, c),
        Some(Command::Category(c)) => setup::category(settings, c),
        Some(Command::Meeting(c)) => setup::meeting(settings, c),
        Some(Command::Directory(c)) => setup::directory(settings, c),
    }
}
