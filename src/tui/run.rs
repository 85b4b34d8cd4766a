//! The loop: draw, wait for an event, turn it into an action, apply it. Generic over the
//! backend and the event source, so tests run the whole app without a terminal.

use std::time::Duration;

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::App;
use super::event::{Event, EventSource};
use super::keymap::Keymap;
use super::terminal::{TerminalGuard, TerminalOptions, ratatui_terminal};
use super::theme::Theme;
use super::view;
use crate::settings::Settings;

/// How long the loop waits for an event before drawing again (the source ticks meanwhile).
const WAIT: Duration = Duration::from_millis(250);

/// Opens the database and runs the app on this terminal until the secretary quits (or a
/// signal asks it to stop). Every change is already committed when this returns.
pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let _log = super::logging::init_logging();
    let keymap = keymap(settings)?;
    let store = settings.open_store()?;
    let mut app = App::new(store, settings.lang)?;
    app.set_exports(crate::export_file::ExportSettings::from_config(
        &settings.config,
    ));
    app.set_backups(settings.backup.clone());
    let theme = Theme::from_env();
    view::widgets::set_bidi(settings.bidi);
    let guard = TerminalGuard::enter(&TerminalOptions::new(settings.bidi))
        .context("the interactive app needs a terminal")?;
    let mut events = guard.events();
    let mut terminal = ratatui_terminal()?;
    tracing::info!(db = %settings.db.display(), "hamyar started");
    let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
    let mut copy = |text: &str| {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(osc52(text, in_tmux).as_bytes());
        let _ = out.flush();
    };
    let mut guard = guard;
    let mut handover = |stop: Handover| match stop {
        Handover::Suspend => guard.suspend(),
        Handover::Resume => guard.resume(),
    };
    let mut host = Host {
        copy: &mut copy,
        handover: &mut handover,
    };
    let result = run_loop(
        &mut terminal,
        &mut events,
        &mut app,
        &keymap,
        &theme,
        &mut host,
    );
    drop(guard);
    tracing::info!("hamyar stopped");
    result
}

/// The built-in keymap with the config file's overrides.
pub fn keymap(settings: &Settings) -> anyhow::Result<Keymap> {
    let mut keymap = Keymap::builtin()?;
    if !settings.config.keys.is_empty() {
        keymap.with_overrides(&settings.config.keys)?;
    }
    Ok(keymap)
}

/// What the terminal is asked to do for a stop (SIGTSTP) and a continue (SIGCONT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handover {
    /// Hand the terminal back, stop until continued, take it up again.
    Suspend,
    /// Take the terminal up again (continued after a stop hamyar did not ask for).
    Resume,
}

/// What the loop needs of the terminal beyond drawing: the clipboard, and job control.
pub struct Host<'a> {
    /// Puts text on the system clipboard.
    pub copy: &'a mut dyn FnMut(&str),
    /// Suspends or resumes the terminal.
    pub handover: &'a mut dyn FnMut(Handover) -> std::io::Result<()>,
}

/// Draws and applies until the app asks to quit. When the terminal fails (a frame that cannot
/// be written, events that cannot be read), the app ends as a quit ends it, the draft kept,
/// before the error is returned: a hang-up may come as a failed write before its signal.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
    host: &mut Host<'_>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let result = frames(terminal, events, app, keymap, theme, host);
    if result.is_err() {
        app.terminal_lost();
    }
    result
}

fn frames<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
    host: &mut Host<'_>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        draw(terminal, app, keymap, theme)?;
        if let Some(text) = app.model.clipboard.take() {
            (host.copy)(&text);
        }
        if app.model.quit {
            return Ok(());
        }
        let Some(event) = events.next(WAIT)? else {
            continue;
        };
        let handover = match event {
            // What is typed is kept first: a stopped hamyar may never be continued.
            Event::Suspend => {
                app.keep_draft_now();
                Some(Handover::Suspend)
            }
            // A hang-up sends SIGCONT with its SIGHUP: the terminal taken up again may be gone.
            Event::Resumed => {
                app.keep_draft_now();
                Some(Handover::Resume)
            }
            _ => None,
        };
        if let Some(h) = handover {
            (host.handover)(h)?;
            // The screen is blank or the shell's: draw every cell again.
            terminal.clear()?;
            continue;
        }
        if let Some(action) = event.into_action(keymap, app.mode()) {
            app.apply(action);
        }
    }
}

/// One frame.
pub fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    terminal.draw(|frame| view::draw(frame, &app.model, &mut app.ui, theme, keymap))?;
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the system clipboard (through tmux's passthrough
/// inside tmux). The text is sanitized first: it is data for the clipboard, never commands.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let clean = crate::text::sanitize(text);
    let seq = format!("\x1b]52;c;{}\x07", base64(clean.as_bytes()));
    if in_tmux {
        crate::text::tmux_passthrough(&seq)
    } else {
        seq
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_the_clipboard_sequence() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("مصوبه".as_bytes()), "2YXYtdmI2KjZhw==");
        let seq = osc52("a\u{1b}]0;x\u{7}b", false);
        assert_eq!(
            seq,
            format!("\x1b]52;c;{}\x07", base64(b"a]0;xb")),
            "no escape survives"
        );
        assert!(osc52("x", true).starts_with("\x1bPtmux;"));
    }
}
