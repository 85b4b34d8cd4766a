//! hamyar (همیار): a terminal app for the secretary of recurring, multi-agency meetings.

pub mod text;
