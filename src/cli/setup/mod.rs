//! The commands that set up a secretary's own series from a script, for the IT person who
//! prepares a laptop: `series new|list`, `category add|list`, `meeting new`. Each is one store
//! call (the same use case the app calls), one sentence and a non-zero exit on any error, and
//! nothing changed when it fails.

mod category;
mod directory;
mod meeting;
mod series;

pub use category::{CategoryCommand, run as category};
pub use directory::{DirectoryCommand, run as directory};
pub use meeting::{MeetingCommand, run as meeting};
pub use series::{SeriesCommand, run as series};

/// `--format table|json` for the lists.
pub use super::meetings::ListFormat;
