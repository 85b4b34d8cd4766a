//! The interactive app: what the secretary has open during a meeting.
//!
//! # The flow
//!
//! ```text
//! terminal ──► EventSource ──► Event ──► Keymap (by Mode) ──► Action ──► App::apply ──► Store
//!  (crossterm,    (event)                  (keymap)          (action)       (commit)
//!   signals)                                                                     │
//!                              view::* draws the model  ◄──  model reloaded  ◄───┘
//! ```
//!
//! - [`terminal`]: one guard sets the terminal up (raw mode, alternate screen, bracketed paste,
//!   BDSM, the kitty keyboard protocol where offered) and puts it back on drop, on panic and,
//!   through [`signals`], on SIGTERM/SIGHUP.
//! - [`event`]: [`event::Event`] (key, paste, resize, tick, terminate) from an
//!   [`event::EventSource`]: the terminal's, or a script in tests.
//! - [`keymap`]: one table of keys per [`keymap::Mode`], built in from `assets/keymap.toml`,
//!   with the Persian-layout twin of every character key, and a user's overrides. In a text mode
//!   every unbound key is typed text.
//! - [`action`]: [`action::Action`], the only vocabulary between the keys and the app.
//! - [`theme`]: the styles, by meaning; `NO_COLOR`.
//! - [`logging`]: `tracing` to a file, never to the screen.
//!
//! A plain synchronous loop serves: a SQLite commit takes about a millisecond, so no async
//! runtime is needed. The loop is generic over the ratatui backend and the event source, so
//! tests run the whole app on `TestBackend` with scripted events, without a terminal.

pub mod action;
pub mod app;
pub mod event;
pub mod forms;
pub mod keymap;
pub mod logging;
pub mod mode;
pub mod model;
pub mod present;
pub mod run;
pub mod signals;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;

pub use run::{run, run_loop};
