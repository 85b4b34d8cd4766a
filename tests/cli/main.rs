//! The command-line contract, through the real binary, in one test binary.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod amendments;
mod backup;
mod between;
mod bidi;
mod commands;
mod csv;
mod defects;
mod directory;
mod docx;
mod export;
mod export_props;
mod hostile;
mod import;
mod letterhead;
mod review;
mod setup;
