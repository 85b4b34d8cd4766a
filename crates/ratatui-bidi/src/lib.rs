//! Persian/Arabic (right-to-left) and mixed-direction text for terminals.
//!
//! Terminals draw cells left to right and most do no bidi at all, so this module lays out every
//! piece of text itself and hands the terminal *visual* order: sanitize, resolve the base
//! direction, wrap in logical order, reorder each line (UAX #9, with L3 and L4), shape
//! Arabic-script letters into presentation forms, align. Every visual cell remembers the logical
//! byte it came from, so cursors, styles and selections follow their characters. Grapheme
//! clusters (a letter and its harakat, an emoji sequence) are never split or reordered inside.
//!
//! Entry points:
//! - [`sanitize()`] on every input path;
//! - [`display_width`] for the cells a text takes, grapheme cluster by cluster;
//! - [`layout`] / [`Layout::compute`] for [`VisualLine`]s, with [`Layout::caret`],
//!   [`Layout::hit`] and [`Layout::move_visual`] for cursors;
//! - the ratatui widgets [`BidiParagraph`] (+ [`ParagraphState`] to keep its layout between
//!   renders), [`BidiLine`] and [`BidiInput`] (+ [`InputState`]);
//! - [`BidiMode`] and [`detect_terminal`] for the terminal's own bidi;
//! - [`bidi_filter`] for `hamyar bidi`.
//!
//! It depends on nothing else in the crate.

#![warn(missing_docs)]

mod classes;
mod cluster;
pub mod direction;
pub mod filter;
pub mod fold;
mod layout;
mod reorder;
mod resolve;
pub mod sanitize;
mod shape;
mod shape_table;
pub mod terminal;
mod visual;
pub mod widgets;
mod wrap;

pub use cluster::display_width;
pub use direction::{BaseDirection, Direction};
pub use filter::{FilterOptions, bidi_filter, logical_wrap_filter};
pub use layout::{Layout, LayoutOptions, TAB_WIDTH, layout};
pub use sanitize::{
    LRO_MARK, RLO_MARK, is_field_sanitized, is_sanitized, sanitize, sanitize_field, sanitize_into,
};
pub use terminal::{
    BDSM_EXPLICIT, BDSM_IMPLICIT, BidiMode, TerminalBidi, TerminalReport, UnknownBidiMode,
    detect_terminal, detect_terminal_from_env, tmux_passthrough,
};
pub use visual::{Caret, VisualCell, VisualLine};
pub use widgets::{
    BidiInput, BidiLine, BidiParagraph, InputState, ParagraphState, StyleSpan, fitting_prefix,
};

/// The cell placed where FriBidi would put its zero-width filler: the lam of a lam-alef
/// ligature, whose glyph lives in the alef's cell.
pub const FILLER: char = '\u{FEFF}';

/// The README's examples, run as doc tests so that it cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
