//! The terminal guard: everything hamyar changes in the terminal, changed in one place and put
//! back in one place, whatever way the app ends.
//!
//! [`TerminalGuard::enter`] turns on raw mode, the alternate screen, bracketed paste, the bidi
//! mode (BDSM, so the terminal does not reorder hamyar's visual-order text) and, where the
//! terminal answers for it, the kitty keyboard protocol (Esc without delay, Ctrl+Space and
//! Alt+Space told apart). The mouse is not captured: capturing it would take text selection
//! away from the user, and nothing needs it.
//!
//! It is all undone
//! - when the guard is dropped (a normal quit, an error returned through `?`);
//! - on a panic, by a panic hook that restores the terminal *before* the panic message is
//!   printed, so the message lands on the normal screen, readable;
//! - on SIGTERM, SIGHUP or SIGINT, which set the guard's flag: the event source turns it into
//!   [`Event::Terminate`](crate::tui::event::Event::Terminate), the app saves and returns, and
//!   the guard is dropped;
//! - while the process is stopped (SIGTSTP: [`TerminalGuard::suspend`]), and set up again when
//!   it continues.
//!
//! The app itself never needs the guard: it draws on any ratatui backend, so tests build it on
//! `TestBackend` without a terminal.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, Once, PoisonError};

use crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, KeyboardEnhancementFlags,
    PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, queue, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::text::BidiMode;
use crate::tui::event::CrosstermEvents;
use crate::tui::signals::{JobSignals, TerminationSignals, stop_until_continued};

/// How to set the terminal up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TerminalOptions {
    /// Who reorders right-to-left text; `App` sends BDSM.
    pub bidi: BidiMode,
    /// Inside tmux, BDSM also goes through tmux's passthrough.
    pub in_tmux: bool,
    /// Ask the terminal whether it speaks the kitty keyboard protocol, and use it if so. The
    /// question waits for the terminal's answer to a device-attributes query, which every
    /// terminal gives at once; turn it off for one that does not.
    pub keyboard_enhancement: bool,
}

impl TerminalOptions {
    /// Options for `bidi`, with tmux detected from `$TMUX` and keyboard enhancement on.
    pub fn new(bidi: BidiMode) -> TerminalOptions {
        TerminalOptions {
            bidi,
            in_tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
            keyboard_enhancement: true,
        }
    }
}

/// What has to be undone, as far as it was done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Entered {
    raw: bool,
    screen: bool,
    keyboard: bool,
    bidi_enter: String,
    bidi_exit: String,
}

/// The terminal state to restore, shared with the panic hook.
static ACTIVE: Mutex<Option<Entered>> = Mutex::new(None);
static PANIC_HOOK: Once = Once::new();

/// The terminal, set up for the app until dropped. One at a time.
#[derive(Debug)]
pub struct TerminalGuard {
    signals: TerminationSignals,
    job: JobSignals,
}

impl TerminalGuard {
    /// Sets the terminal up. On error, whatever was already changed is put back.
    pub fn enter(options: &TerminalOptions) -> io::Result<TerminalGuard> {
        if !io::stdout().is_terminal() {
            return Err(io::Error::other(
                "the standard output is not a terminal: the interactive app needs one",
            ));
        }
        install_panic_hook();
        let signals = TerminationSignals::register()?;
        let job = JobSignals::register()?;
        let guard = TerminalGuard { signals, job };
        set_active(Entered::default());
        terminal::enable_raw_mode()?;
        update_active(|e| e.raw = true);
        let mut out = io::stdout();
        let bidi_enter = options.bidi.enter_sequence(options.in_tmux);
        update_active(|e| {
            e.screen = true;
            e.bidi_enter = bidi_enter.clone();
            e.bidi_exit = options.bidi.exit_sequence(options.in_tmux);
        });
        out.write_all(&enter_bytes(&bidi_enter)?)?;
        out.flush()?;
        if options.keyboard_enhancement && supports_keyboard_enhancement() {
            update_active(|e| e.keyboard = true);
            let flags = KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;
            crossterm::execute!(out, PushKeyboardEnhancementFlags(flags))?;
        }
        Ok(guard)
    }

    /// The flag the termination signals set.
    pub fn terminate_flag(&self) -> Arc<AtomicBool> {
        self.signals.flag()
    }

    /// The terminal's events, with this guard's termination and job-control flags.
    pub fn events(&self) -> CrosstermEvents {
        CrosstermEvents::new(self.terminate_flag()).with_job_control(self.job.flags())
    }

    /// SIGTSTP: hands the terminal back as a shell expects it, stops the process, and once it
    /// is continued sets the terminal up again. The caller then draws the whole screen.
    pub fn suspend(&mut self) -> io::Result<()> {
        let entered = active();
        if let Some(e) = &entered {
            write_and_cook(e)?;
        }
        stop_until_continued()?;
        self.resume()
    }

    /// After the process was continued (SIGCONT, after a stop hamyar did not ask for, too):
    /// raw mode and the alternate screen again, whatever the shell did to the terminal.
    pub fn resume(&mut self) -> io::Result<()> {
        let Some(e) = active() else {
            return Ok(());
        };
        if e.raw {
            terminal::enable_raw_mode()?;
        }
        let mut out = io::stdout();
        if e.screen {
            out.write_all(&enter_bytes(&e.bidi_enter)?)?;
        }
        if e.keyboard {
            let flags = KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES;
            crossterm::queue!(out, PushKeyboardEnhancementFlags(flags))?;
        }
        out.flush()
    }

    /// Puts the terminal back now (e.g. to print something on the normal screen); dropping the
    /// guard afterwards does nothing more.
    pub fn restore(&mut self) -> io::Result<()> {
        restore_active()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Nowhere to report it: the terminal may be gone (SIGHUP).
        if let Err(e) = restore_active() {
            tracing::warn!("restoring the terminal failed: {e}");
        }
    }
}

/// Whether the terminal speaks the kitty keyboard protocol. A terminal that does not answer
/// the query in time is taken not to (crossterm waits up to two seconds for the answer).
fn supports_keyboard_enhancement() -> bool {
    terminal::supports_keyboard_enhancement().unwrap_or_else(|e| {
        tracing::warn!("the keyboard protocol query failed: {e}");
        false
    })
}

/// A ratatui terminal on standard output, for use inside a [`TerminalGuard`].
pub fn ratatui_terminal() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

fn set_active(entered: Entered) {
    *ACTIVE.lock().unwrap_or_else(PoisonError::into_inner) = Some(entered);
}

fn update_active(f: impl FnOnce(&mut Entered)) {
    if let Some(e) = ACTIVE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_mut()
    {
        f(e);
    }
}

/// What is entered now, left in place.
fn active() -> Option<Entered> {
    ACTIVE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// Restores what [`ACTIVE`] says was entered, once. `try_lock`: a panic inside a restore must
/// not deadlock the hook.
fn restore_active() -> io::Result<()> {
    let taken = match ACTIVE.try_lock() {
        Ok(mut active) => active.take(),
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().take(),
        Err(std::sync::TryLockError::WouldBlock) => None,
    };
    let Some(entered) = taken else {
        return Ok(());
    };
    write_and_cook(&entered)
}

/// Writes what undoes `entered` and leaves raw mode.
fn write_and_cook(entered: &Entered) -> io::Result<()> {
    let mut out = io::stdout();
    let written = exit_bytes(entered).and_then(|bytes| {
        out.write_all(&bytes)?;
        out.flush()
    });
    // Raw mode goes last and even when writing failed, so the shell gets a sane line.
    let raw = if entered.raw {
        terminal::disable_raw_mode()
    } else {
        Ok(())
    };
    written.and(raw)
}

fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore_active();
            previous(info);
        }));
    });
}

/// The bytes that set the screen up (raw mode and the kitty query aside).
fn enter_bytes(bidi_enter: &str) -> io::Result<Vec<u8>> {
    let mut b = Vec::new();
    queue!(b, EnterAlternateScreen, EnableBracketedPaste)?;
    b.extend_from_slice(bidi_enter.as_bytes());
    Ok(b)
}

/// The bytes that undo [`enter_bytes`] and the keyboard flags, in reverse order, and show the
/// cursor ratatui hid.
fn exit_bytes(entered: &Entered) -> io::Result<Vec<u8>> {
    let mut b = Vec::new();
    if entered.keyboard {
        queue!(b, PopKeyboardEnhancementFlags)?;
    }
    if entered.screen {
        queue!(b, DisableBracketedPaste)?;
        b.extend_from_slice(entered.bidi_exit.as_bytes());
        queue!(b, LeaveAlternateScreen)?;
    }
    queue!(b, cursor::Show)?;
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_and_exit_mirror_each_other() {
        let enter =
            String::from_utf8(enter_bytes(&BidiMode::App.enter_sequence(false)).unwrap()).unwrap();
        assert_eq!(enter, "\x1b[?1049h\x1b[?2004h\x1b[8l");
        let entered = Entered {
            raw: true,
            screen: true,
            keyboard: true,
            bidi_enter: BidiMode::App.enter_sequence(false),
            bidi_exit: BidiMode::App.exit_sequence(false),
        };
        let exit = String::from_utf8(exit_bytes(&entered).unwrap()).unwrap();
        assert_eq!(exit, "\x1b[<1u\x1b[?2004l\x1b[8h\x1b[?1049l\x1b[?25h");
        assert!(!exit.contains("?1000"), "no mouse capture to release");
    }

    #[test]
    fn only_what_was_entered_is_undone() {
        let exit = exit_bytes(&Entered::default()).unwrap();
        assert_eq!(exit, b"\x1b[?25h");
        let terminal_bidi = Entered {
            screen: true,
            bidi_exit: BidiMode::Terminal.exit_sequence(true),
            ..Entered::default()
        };
        let exit = String::from_utf8(exit_bytes(&terminal_bidi).unwrap()).unwrap();
        assert_eq!(exit, "\x1b[?2004l\x1b[?1049l\x1b[?25h");
        let tmux = BidiMode::App.exit_sequence(true);
        assert!(tmux.contains("\x1bPtmux;"));
    }
}
