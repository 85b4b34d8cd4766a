//! hamyar (همیار): a terminal app for the secretary of recurring, multi-agency meetings.

pub mod domain;
pub mod store;
pub mod text;
