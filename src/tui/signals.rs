//! SIGTERM, SIGHUP and SIGINT as a flag the event loop polls, so that a closed terminal window,
//! a logout or `kill` ends hamyar through its normal exit: what is typed is saved, the terminal
//! is restored, nothing committed is lost. A signal handler itself does nothing but set the flag.
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
