//! The loop: draw, wait for an event, turn it into an action, apply it. Generic over the
//! backend and the event source, so tests run the whole app without a terminal.

use std::time::Duration;

use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::App;
use super::event::EventSource;
use super::keymap::Keymap;
use super::terminal::{TerminalGuard, TerminalOptions, ratatui_terminal};
use super::theme::Theme;
use super::view;
use crate::settings::Settings;
use crate::store::Store;

/// How long the loop waits for an event before drawing again (the source ticks meanwhile).
const WAIT: Duration = Duration::from_millis(250);

/// Opens the database and runs the app on this terminal until the secretary quits (or a
/// signal asks it to stop). Every change is already committed when this returns.
pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let _log = super::logging::init_logging();
    let keymap = keymap(settings)?;
    let store = Store::open(&settings.db, settings.clock.clone())?;
    let mut app = App::new(store, settings.lang)?;
    let theme = Theme::from_env();
    view::widgets::set_bidi(settings.bidi);
    let guard = TerminalGuard::enter(&TerminalOptions::new(settings.bidi))
        .context("the interactive app needs a terminal")?;
    let mut events = guard.events();
    let mut terminal = ratatui_terminal()?;
    tracing::info!(db = %settings.db.display(), "hamyar started");
    let result = run_loop(&mut terminal, &mut events, &mut app, &keymap, &theme);
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

/// Draws and applies until the app asks to quit.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    app: &mut App,
    keymap: &Keymap,
    theme: &Theme,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        draw(terminal, app, keymap, theme)?;
        if app.model.quit {
            return Ok(());
        }
        let Some(event) = events.next(WAIT)? else {
            continue;
        };
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
    let mode = app.mode();
    terminal.draw(|frame| view::draw(frame, &app.model, &mut app.ui, theme, keymap, mode))?;
    Ok(())
}
