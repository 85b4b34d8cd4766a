//! `hamyar synth`: synthetic meetings and decisions in an empty database, for benchmarks.

use anyhow::Result;
use clap::Args;

use super::number::number;
use super::output::print_line;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many meetings (1 to 10000)
    #[arg(long, default_value = "100", value_parser = number::<1, 10_000>)]
    pub meetings: u32,
    /// How many decisions, spread over the meetings (1 to 1000000)
    #[arg(long, default_value = "10000", value_parser = number::<1, 1_000_000>)]
    pub decisions: u32,
    /// Seed for the generator, so runs can be repeated
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(settings: &Settings, args: &SynthArgs) -> Result<()> {
    let mut store = Store::open(&settings.db, settings.clock.clone())?;
    let started = std::time::Instant::now();
    let report = crate::store::synth(&mut store, args.meetings, args.decisions, args.seed)?;
    let msg = CliMessage::SynthWritten {
        path: &settings.db,
        meetings: report.meetings,
        issues: report.issues,
        decisions: report.decisions,
        seconds: started.elapsed().as_secs_f64(),
    };
    print_line(settings, &msg.localized(settings.lang))?;
    Ok(())
}
