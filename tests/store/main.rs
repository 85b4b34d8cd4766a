//! Domain and store tests, in one binary so bundled SQLite is linked once.
//!
//! `concurrent`, `crash` and `open` re-run this binary as a child process (`--exact
//! module::child_test`), so a child test's path here is part of those tests.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod actions;
mod amendments;
mod backup;
mod calendar;
mod concurrent;
mod crash;
mod directory;
mod locks;
mod open;
mod room;
mod roundtrip;
mod sanitize;
mod schedule;
mod search;
mod stale;
mod support;
mod synth;
mod undo;
