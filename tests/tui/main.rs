//! The interactive app: `App::apply` with keys through the real keymap, screens drawn on
//! `TestBackend`, and the real binary in a pseudo-terminal.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod app;
mod present;
mod screens;
mod support;
