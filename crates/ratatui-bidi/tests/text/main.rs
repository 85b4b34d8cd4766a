//! The text engine: FriBidi conformance, layout, properties and widgets, in one binary.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod conformance;
mod layout;
mod properties;
mod unicode;
mod widgets;
