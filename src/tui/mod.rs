//! The interactive app (placeholder doc; completed below).

pub mod action;
pub mod keymap;
