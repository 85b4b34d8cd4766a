//! What the screens show: loaded from the store, reloaded after each commit (and when another
//! hamyar commits to the same file), changed only by [`App::apply`](super::app::App::apply).

mod directory;
mod directory_screen;
mod meetings;
mod review;
mod room;
mod search;

use crate::domain::{Date, TimeOfDay};
use crate::i18n::{Lang, Message};

pub use directory::Directory;
pub use directory_screen::{DirectoryScreen, DirectoryTab, Entry};
pub use meetings::{Line, MeetingRow, Meetings, Selection, step};
pub use review::{Review, Row, sort_for_review};
pub use room::{
    AttendanceSummary, Detail, DetailItem, Focus, ListItem, ReviewRow, Room, Tab, TabKind,
};
pub use search::{Hit, Search, kind_order, matched_words};

/// Which screen is up (a modal may stand over it; see `ui`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// An empty database: create a series or load the demo.
    Welcome,
    /// Every series and its meetings.
    Meetings,
    /// One meeting, live.
    Room,
    /// Every decision of the series, filtered and grouped.
    Review,
    /// Issues, decisions and statements found by a query.
    Search,
    /// The agencies, people and categories: added, edited, deactivated, merged.
    Directory,
}

/// A message in the status line after an action: what was saved, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: Message,
    pub kind: FlashKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Done,
    Error,
}

/// Everything the screens draw.
#[derive(Debug)]
pub struct Model {
    pub lang: Lang,
    pub today: Date,
    /// The time of day at the last tick, for the meeting's running time.
    pub now: TimeOfDay,
    pub screen: Screen,
    pub directory: Directory,
    pub meetings: Meetings,
    pub room: Option<Room>,
    pub review: Review,
    pub search: Search,
    pub directory_screen: DirectoryScreen,
    /// Text for the system clipboard (OSC 52), taken by the loop after the next frame.
    pub clipboard: Option<String>,
    pub flash: Option<Flash>,
    /// Set by `quit`; the loop ends after the frame it is set in.
    pub quit: bool,
}

impl Model {
    pub fn flash_done(&mut self, text: Message) {
        self.flash = Some(Flash {
            text,
            kind: FlashKind::Done,
        });
    }

    pub fn flash_error(&mut self, text: Message) {
        self.flash = Some(Flash {
            text,
            kind: FlashKind::Error,
        });
    }
}
