//! SIGTERM, SIGHUP and SIGINT as a flag the event loop polls, so that a closed terminal window,
//! a logout or `kill` ends hamyar through its normal exit: what is typed is saved, the terminal
//! is restored, nothing committed is lost. SIGTSTP and SIGCONT likewise ([`JobSignals`]): the
//! terminal is handed back before the process stops, and taken up again when it continues.
//! A signal handler itself does nothing but set a flag.
//!
//! A second signal while the flag is already set exits at once (status 128 + signal), for an
//! app that is stuck and would never see the flag.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::SigId;

/// The signals that ask hamyar to end. SIGINT is here for `kill -INT`: in raw mode Ctrl+C is
/// a key, not a signal.
#[cfg(unix)]
pub const TERMINATION_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];
#[cfg(not(unix))]
pub const TERMINATION_SIGNALS: &[i32] =
    &[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// The registered handlers and their flag. Dropping it unregisters them (the signals are then
/// ignored until exit, which follows at once).
#[derive(Debug)]
pub struct TerminationSignals {
    flag: Arc<AtomicBool>,
    ids: Vec<SigId>,
}

impl TerminationSignals {
    /// Installs the handlers.
    pub fn register() -> io::Result<TerminationSignals> {
        let flag = Arc::new(AtomicBool::new(false));
        let mut signals = TerminationSignals {
            flag: Arc::clone(&flag),
            ids: Vec::new(),
        };
        for &sig in TERMINATION_SIGNALS {
            // Registered first, so it sees the flag as it was before this signal: only a
            // second signal exits.
            signals
                .ids
                .push(signal_hook::flag::register_conditional_shutdown(
                    sig,
                    128 + sig,
                    Arc::clone(&flag),
                )?);
            signals
                .ids
                .push(signal_hook::flag::register(sig, Arc::clone(&flag))?);
        }
        Ok(signals)
    }

    /// The flag, for the event source ([`crate::tui::event::CrosstermEvents`]).
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.flag)
    }

    /// Whether a termination signal has arrived.
    pub fn received(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }
}

impl Drop for TerminationSignals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// SIGTSTP (a "stop": `kill -TSTP`, or Ctrl+Z where a terminal sends it) and SIGCONT, as flags
/// the event source turns into [`Event::Suspend`](crate::tui::event::Event::Suspend) and
/// [`Event::Resumed`](crate::tui::event::Event::Resumed). Stopping with the terminal in raw
/// mode on the alternate screen would leave the shell an unusable terminal; so the app hands
/// it back first, and takes it up again when continued.
#[derive(Debug)]
pub struct JobSignals {
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
    ids: Vec<SigId>,
}

/// The flags of [`JobSignals`], for the event source.
#[derive(Debug, Clone, Default)]
pub struct JobFlags {
    pub suspend: Arc<AtomicBool>,
    pub resumed: Arc<AtomicBool>,
}

impl JobSignals {
    /// Installs the handlers (none where there is no job control).
    pub fn register() -> io::Result<JobSignals> {
        let flags = JobFlags::default();
        let mut ids = Vec::new();
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            ids.push(signal_hook::flag::register(
                SIGTSTP,
                Arc::clone(&flags.suspend),
            )?);
            ids.push(signal_hook::flag::register(
                SIGCONT,
                Arc::clone(&flags.resumed),
            )?);
        }
        Ok(JobSignals {
            suspend: flags.suspend,
            resumed: flags.resumed,
            ids,
        })
    }

    pub fn flags(&self) -> JobFlags {
        JobFlags {
            suspend: Arc::clone(&self.suspend),
            resumed: Arc::clone(&self.resumed),
        }
    }
}

impl Drop for JobSignals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Stops this process until it is continued. SIGSTOP, not SIGTSTP again: the kernel drops a
/// SIGTSTP whose default is to stop a process of an orphaned group (one started in a pty by
/// another program, say), and SIGSTOP cannot be dropped.
#[cfg(unix)]
pub fn stop_until_continued() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
}

#[cfg(not(unix))]
pub fn stop_until_continued() -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The only test in this binary that raises a signal: a second one would exit the runner.
    #[test]
    fn a_hangup_sets_the_flag_and_does_not_kill() {
        let signals = TerminationSignals::register().unwrap();
        let flag = signals.flag();
        assert!(!signals.received());
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        assert!(signals.received());
        assert!(flag.load(Ordering::SeqCst));
        drop(signals);
    }
}
