//! The command-line contract. Scripts and tests rely on these names; each subcommand's own
//! arguments live beside its code.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::settings::Requested;
use crate::text::BidiMode;

#[derive(Debug, Parser)]
#[command(
    name = "hamyar",
    version,
    about = "همیار: the meeting secretary's terminal app — decisions, agencies, deadlines, minutes",
    long_about = None,
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags every command takes.
// clap shows these comments as `--help`, where `<data dir>` is meant literally, not as HTML.
#[allow(rustdoc::invalid_html_tags)]
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The database file [default: <data dir>/hamyar/hamyar.db]
    #[arg(long, global = true, env = "HAMYAR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The config file [default: <config dir>/hamyar/config.toml]
    #[arg(long, global = true, env = "HAMYAR_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The language of the interface [default: fa]
    #[arg(long, global = true, env = "HAMYAR_LANG", value_enum)]
    pub lang: Option<Lang>,

    /// Who reorders right-to-left text: hamyar (app) or the terminal (terminal) [default: app]
    #[arg(long, global = true, value_enum)]
    pub bidi: Option<BidiArg>,

    /// Pretend today is DATE (1393/06/01 or 2014-08-23); decides what is overdue
    #[arg(long, global = true, env = "HAMYAR_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Open a fresh demo database (a temporary file) built from the Kerman meetings
    #[arg(long, global = true)]
    pub demo: bool,
}

impl GlobalArgs {
    /// What these flags ask of the settings.
    pub fn requested(&self) -> Requested {
        Requested {
            db: self.db.clone(),
            config: self.config.clone(),
            lang: self.lang,
            bidi: self.bidi.map(BidiArg::mode),
            today: self.today.clone(),
            demo: self.demo,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiArg {
    /// hamyar lays out right-to-left text itself and turns the terminal's bidi off
    App,
    /// write logical order, for terminals whose own bidi cannot be turned off
    Terminal,
}

impl BidiArg {
    pub fn mode(self) -> BidiMode {
        match self {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Terminal,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the demo meeting series into the database given by --db
    Demo,
    /// Fill an empty database with synthetic meetings and decisions, for benchmarks
    Synth(super::synth::SynthArgs),
    /// List the meetings
    Meetings(super::meetings::MeetingsArgs),
    /// Review the action items (decisions), with filters
    Actions(super::actions::ActionsArgs),
    /// Lay out logical lines from stdin in visual order, as hamyar draws them
    Bidi(super::bidi::BidiArgs),
    /// Check the database and the terminal, and say what to fix
    Doctor,
    /// Copy the database, checked, while hamyar may be running (into the backup folder, or -o FILE)
    Backup(super::backup::BackupArgs),
    /// Replace the database by a backup (every hamyar on it closed first); what it held is kept as a backup
    Restore(super::restore::RestoreArgs),
    /// The room display: the meeting's decisions for a projector, following the secretary's hamyar
    Present(super::present::PresentArgs),
    /// Export a meeting's minutes (صورتجلسه), or an agency's follow-up list
    Export(super::export::ExportArgs),
    /// Merge a minutes file (from `export --format json`) into the database
    Import(super::import::ImportArgs),
    /// Search issues, statements and decisions (بانك finds بانک, ۱۲ finds 12)
    Search(super::search::SearchArgs),
    /// Record a decision's follow-up: its new status and a note
    FollowUp(super::follow_up::FollowUpArgs),
    /// A decision's change history, field by field, with its follow-ups
    History(super::history::HistoryArgs),
    /// Create or list series of meetings
    #[command(subcommand)]
    Series(super::setup::SeriesCommand),
    /// Add or list the categories the meetings walk their problems by
    #[command(subcommand)]
    Category(super::setup::CategoryCommand),
    /// Import or export the people and agencies as a table (CSV or XLSX)
    #[command(subcommand)]
    Directory(super::setup::DirectoryCommand),
    /// Schedule the next meeting of a series
    #[command(subcommand)]
    Meeting(super::setup::MeetingCommand),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every argument whose value is a number, in every subcommand, takes Persian and
    /// Arabic-Indic digits: `export --meeting ۱` as `actions --meeting ۱`.
    #[test]
    fn every_numeric_argument_takes_any_digits() {
        use std::any::TypeId;
        let numeric = [
            TypeId::of::<u8>(),
            TypeId::of::<u16>(),
            TypeId::of::<u32>(),
            TypeId::of::<u64>(),
            TypeId::of::<usize>(),
            TypeId::of::<i32>(),
            TypeId::of::<i64>(),
        ];
        let mut seen = Vec::new();
        let mut stack = vec![Cli::command()];
        while let Some(cmd) = stack.pop() {
            for arg in cmd.get_arguments() {
                let parser = arg.get_value_parser();
                if !numeric.iter().any(|t| parser.type_id() == *t) {
                    continue;
                }
                let id = format!("{} {}", cmd.get_name(), arg.get_id());
                // The argument alone in a command of its own, so the rest need not be given.
                let alone = arg.clone().required(false).global(false);
                let one = clap::Command::new("t").arg(alone);
                for typed in ["۷", "٧", "7"] {
                    let argv: Vec<String> = match arg.get_long() {
                        Some(long) => vec!["t".into(), format!("--{long}"), typed.into()],
                        None => vec!["t".into(), typed.into()],
                    };
                    assert!(
                        one.clone().try_get_matches_from(&argv).is_ok(),
                        "{id} refuses {typed}"
                    );
                }
                seen.push(id);
            }
            stack.extend(cmd.get_subcommands().cloned());
        }
        for expected in [
            "export meeting",
            "synth seed",
            "actions meeting",
            "bidi width",
        ] {
            assert!(seen.iter().any(|s| s == expected), "{expected} in {seen:?}");
        }
    }
}
