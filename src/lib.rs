//! hamyar (همیار): a terminal app for the secretary of recurring, multi-agency meetings.
//!
//! - [`domain`]: the records and their rules, with the Solar Hijri calendar; pure.
//! - [`store`]: SQLite, one transaction per user action, audit log, undo and search.
//! - [`text`]: right-to-left and mixed text laid out for terminals; depends on nothing else here.
//! - [`export`]: the minutes (صورتجلسه) in DOCX, HTML, Markdown, PDF, JSON and CSV; import.
//! - [`i18n`]: what the user reads, in Persian and English.
//! - [`history`]: a record's change history as a person reads it, for the app and the CLI.
//! - [`tui`]: the interactive app: terminal, events, keys, actions, screens.
//! - [`backup`]: copies of the database, checked, never colliding, the newest kept.
//! - [`cli`]: the command line.

pub mod backup;
pub mod cli;
pub mod demo;
pub mod directory;
pub mod domain;
pub mod export;
pub mod export_file;
pub mod history;
pub mod i18n;
pub mod json;
pub mod settings;
pub mod store;
/// The text engine, a crate of its own (`crates/ratatui-bidi`); `crate::text::…` paths name it.
pub use ratatui_bidi as text;
pub mod tui;
