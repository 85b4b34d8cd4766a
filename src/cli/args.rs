//! The command-line contract (DESIGN §7). Scripts and tests rely on these names.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Lang;
use crate::text::BidiMode;

#[derive(Debug, Parser)]
#[command(
    name = "hamyar",
    version,
    about = "همیار: the meeting secretary's terminal app — decisions, agencies, deadlines, minutes",
    long_about = None,
)]
pub struct Cli {
    /// The database file [default: <data dir>/hamyar/hamyar.db]
    #[arg(long, global = true, env = "HAMYAR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The language of the interface
    #[arg(long, global = true, value_enum, default_value_t = Lang::Fa)]
    pub lang: Lang,

    /// Who reorders right-to-left text: hamyar (app) or the terminal (terminal)
    #[arg(long, global = true, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,

    /// Pretend today is DATE (1393/06/01 or 2014-08-23); decides what is overdue
    #[arg(long, global = true, env = "HAMYAR_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Open a fresh demo database (a temporary file) built from the Kerman meetings
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl BidiArg {
    pub fn mode(self) -> BidiMode {
        match self {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Terminal,
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the demo meeting series into the database given by --db
    Demo,
    /// Fill the database with synthetic meetings and decisions, for benchmarks
    Synth(SynthArgs),
    /// List the meetings
    Meetings(MeetingsArgs),
    /// Review the action items (decisions), with filters
    Actions(ActionsArgs),
    /// Lay out logical lines from stdin in visual order, as hamyar draws them
    Bidi(BidiArgs),
    /// Check the database and the terminal, and say what to fix
    Doctor,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many meetings
    #[arg(long, default_value_t = 100)]
    pub meetings: u32,
    /// How many decisions, spread over the meetings
    #[arg(long, default_value_t = 10_000)]
    pub decisions: u32,
    /// Seed for the generator, so runs can be repeated
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct MeetingsArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only decisions this agency leads (name, English name or short name; ي/ك and ی/ک alike)
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Only decisions in this status: pending, in_progress, done, cancelled
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Only decisions on issues of this category
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Only decisions made in this meeting (its number)
    #[arg(long, value_name = "N")]
    pub meeting: Option<u32>,
    /// Only decisions past their deadline and not done
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, value_enum, default_value_t = ActionsFormat::Table)]
    pub format: ActionsFormat,
}

#[derive(Debug, Args)]
pub struct BidiArgs {
    /// Wrap lines to N terminal cells (default: no wrapping)
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
    /// Paragraphs are right to left
    #[arg(long, conflicts_with_all = ["ltr", "auto"])]
    pub rtl: bool,
    /// Paragraphs are left to right
    #[arg(long, conflicts_with_all = ["rtl", "auto"])]
    pub ltr: bool,
    /// Each paragraph's direction comes from its first strong letter (the default)
    #[arg(long, conflicts_with_all = ["rtl", "ltr"])]
    pub auto: bool,
    /// Print the logical lines the wrapper chose instead (for regenerating test fixtures)
    #[arg(long, hide = true, requires = "width")]
    pub logical: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
