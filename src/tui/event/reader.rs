//! [`CrosstermEvents`]: the terminal's events, read on a thread of their own.
//!
//! The thread is there for one failure: when the terminal goes away (its window closed, an SSH
//! connection dropped), crossterm 0.29 keeps reading the dead terminal inside `poll` and never
//! returns. Were the app's loop waiting in `poll`, it would spin there for ever and never see
//! the SIGHUP flag; with the thread, only the thread spins, and the loop, waiting on a channel
//! in short slices, sees the flag, answers [`Event::Terminate`], saves and exits.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::{self as ct, KeyEventKind};

use super::{Event, EventSource, JobFlags};

/// How often the reading thread looks whether it should stop, and the loop at the flag.
const SLICE: Duration = Duration::from_millis(50);

/// The terminal's events through crossterm, a [`Event::Tick`] every tick, and
/// [`Event::Terminate`] once the termination flag is set or the terminal is gone.
#[derive(Debug)]
pub struct CrosstermEvents {
    events: Receiver<io::Result<Event>>,
    stop: Arc<AtomicBool>,
    terminate: Arc<AtomicBool>,
    terminate_sent: bool,
    job: JobFlags,
    tick: Duration,
    next_tick: Instant,
}

impl CrosstermEvents {
    /// A quarter second: the meeting clock and "saved" notes change at a glance, a draft is
    /// saved and another hamyar's commit (`PRAGMA data_version`) is seen well within the
    /// promised second, and four idle frames a second cost next to nothing.
    pub const DEFAULT_TICK: Duration = Duration::from_millis(250);

    /// Starts reading the terminal; `terminate` is the flag of
    /// [`crate::tui::signals::TerminationSignals`]. Create it after the terminal is set up
    /// (the guard's keyboard query reads the terminal too).
    pub fn new(terminate: Arc<AtomicBool>) -> CrosstermEvents {
        let (tx, events) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_reader = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("terminal events".into())
            .spawn(move || {
                while !stop_reader.load(Ordering::SeqCst) {
                    let event = match ct::poll(SLICE) {
                        Ok(false) => continue,
                        Ok(true) => ct::read(),
                        Err(e) => Err(e),
                    };
                    let failed = event.is_err();
                    let sent = match event {
                        Ok(e) => convert(e).map_or(Ok(()), |e| tx.send(Ok(e))),
                        Err(e) => tx.send(Err(e)),
                    };
                    if failed || sent.is_err() {
                        break;
                    }
                }
            });
        if let Err(e) = spawned {
            // No reader: the loop gets the error, hence Terminate, at once.
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(Err(e));
            return CrosstermEvents::from_parts(rx, stop, terminate);
        }
        CrosstermEvents::from_parts(events, stop, terminate)
    }

    fn from_parts(
        events: Receiver<io::Result<Event>>,
        stop: Arc<AtomicBool>,
        terminate: Arc<AtomicBool>,
    ) -> CrosstermEvents {
        CrosstermEvents {
            events,
            stop,
            terminate,
            terminate_sent: false,
            job: JobFlags::default(),
            tick: Self::DEFAULT_TICK,
            next_tick: Instant::now() + Self::DEFAULT_TICK,
        }
    }

    /// Answers [`Event::Suspend`] and [`Event::Resumed`] when these flags are set
    /// ([`crate::tui::signals::JobSignals`]).
    #[must_use]
    pub fn with_job_control(mut self, job: JobFlags) -> CrosstermEvents {
        self.job = job;
        self
    }

    /// Another tick interval (at least a millisecond).
    #[must_use]
    pub fn with_tick(mut self, tick: Duration) -> CrosstermEvents {
        self.tick = tick.max(Duration::from_millis(1));
        self.next_tick = Instant::now() + self.tick;
        self
    }

    /// The terminal cannot be read (or the reader is gone): that ends the app like a signal,
    /// once; after that the error itself is returned.
    fn gone(&mut self, err: io::Error) -> io::Result<Option<Event>> {
        tracing::warn!("reading the terminal failed: {err}");
        if self.terminate_sent {
            return Err(err);
        }
        self.terminate_sent = true;
        Ok(Some(Event::Terminate))
    }
}

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let start = Instant::now();
        let deadline = start
            .checked_add(timeout)
            .unwrap_or(start + Duration::from_secs(86_400));
        loop {
            if !self.terminate_sent && self.terminate.load(Ordering::SeqCst) {
                self.terminate_sent = true;
                return Ok(Some(Event::Terminate));
            }
            if self.job.suspend.swap(false, Ordering::SeqCst) {
                return Ok(Some(Event::Suspend));
            }
            if self.job.resumed.swap(false, Ordering::SeqCst) {
                return Ok(Some(Event::Resumed));
            }
            let now = Instant::now();
            if now >= self.next_tick {
                self.next_tick = now + self.tick;
                return Ok(Some(Event::Tick));
            }
            if now >= deadline {
                return Ok(None);
            }
            // A signal does not interrupt the wait, so it is cut into slices.
            let wait = (deadline.min(self.next_tick) - now).min(SLICE);
            match self.events.recv_timeout(wait) {
                Ok(Ok(event)) => return Ok(Some(event)),
                Ok(Err(e)) => return self.gone(e),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return self.gone(io::Error::new(
                        io::ErrorKind::BrokenPipe,
                        "the terminal's event reader stopped",
                    ));
                }
            }
        }
    }
}

impl Drop for CrosstermEvents {
    /// The thread stops within a slice; it is not joined, since on a dead terminal it never
    /// returns from crossterm.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn convert(event: ct::Event) -> Option<Event> {
    match event {
        ct::Event::Key(k) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
        ct::Event::Paste(text) => Some(Event::Paste(text)),
        ct::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}
