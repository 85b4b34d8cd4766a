//! The interactive app: `App::apply` with keys through the real keymap, screens drawn on
//! `TestBackend`, and the real binary in a pseudo-terminal. `pty` (with `keys` and `screen`) is
//! the pseudo-terminal harness; `pty_selftest` proves it on the binary; `pty_terminal` checks
//! the terminal guard and the event layer in a real pseudo-terminal.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod agenda;
mod amendments;
mod app;
mod backup;
mod e2e;
mod e2e_own_series;
mod export_file;
mod filter_agreement;
mod follow_up_meeting;
mod forms;
mod full_disk;
mod help;
mod other_client;
mod present;
mod refusals;
mod review_rows;
mod screens;
mod setup;
mod setup_screens;
mod signals;
mod small_screens;
mod stale_edit;
mod support;
mod terminal_lost;
mod undo_mine;

// The harness offers more than today's tests call.
#[allow(dead_code)]
mod keys;
#[allow(dead_code)]
mod pty;
#[allow(dead_code)]
mod screen;

mod pty_selftest;
mod pty_terminal;
mod synth_progress;
