//! `hamyar synth`: a synthetic series in an empty database, for benchmarks, with a progress
//! line on a terminal.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::Args;

use super::number::{number, number_u64};
use super::output::{print_line, stderr_line};
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::{Store, synth_with_progress};

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many meetings (1 to 10000)
    #[arg(long, default_value = "100", value_parser = number::<1, 10_000>)]
    pub meetings: u32,
    /// How many decisions, spread over the meetings (1 to 1000000)
    #[arg(long, default_value = "10000", value_parser = number::<1, 1_000_000>)]
    pub decisions: u32,
    /// Seed for the generator, so runs can be repeated
    #[arg(long, default_value = "1", value_parser = number_u64::<0, { u64::MAX }>)]
    pub seed: u64,
}

pub fn run(settings: &Settings, args: &SynthArgs) -> Result<()> {
    let mut store = Store::open(&settings.db, settings.clock.clone())?;
    let started = Instant::now();
    let mut progress = Progress::new(settings);
    let report = synth_with_progress(
        &mut store,
        args.meetings,
        args.decisions,
        args.seed,
        &mut |done, total| progress.show(done, total),
    );
    progress.clear();
    let msg = CliMessage::SynthWritten {
        path: &settings.db,
        report: report?,
        seconds: started.elapsed().as_secs_f64(),
    };
    print_line(settings, &msg.localized(settings.lang))?;
    Ok(())
}

/// One line on stderr, rewritten in place, saying how many meetings are written; nothing when
/// stderr is not a terminal. Writing it is best effort: a failed write never stops the synth.
struct Progress<'s> {
    settings: &'s Settings,
    on_terminal: bool,
    last: Option<Instant>,
}

/// How often the line is redrawn at most: often enough to move, rarely enough to cost nothing.
const REDRAW: Duration = Duration::from_millis(100);

impl<'s> Progress<'s> {
    fn new(settings: &'s Settings) -> Self {
        Progress {
            settings,
            on_terminal: io::stderr().is_terminal(),
            last: None,
        }
    }

    fn show(&mut self, done: u32, total: u32) {
        let recent = self.last.is_some_and(|t| t.elapsed() < REDRAW);
        if !self.on_terminal || (recent && done < total) {
            return;
        }
        self.last = Some(Instant::now());
        let text = CliMessage::SynthProgress { done, total }.localized(self.settings.lang);
        let line = stderr_line(&text, self.settings);
        // Carriage return, the line, then erase whatever a longer earlier line left.
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
    }

    /// Erases the line, so that the report starts on a clean one.
    fn clear(&mut self) {
        if self.on_terminal && self.last.is_some() {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
