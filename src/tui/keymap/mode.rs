//! Which table of the keymap has the keys: one [`Mode`] per kind of screen or modal, plus the
//! `global` table that every command mode falls back to. The app derives the mode from its
//! state each time a key arrives; it is never stored beside that state.

use std::fmt;
use std::str::FromStr;

/// A keymap mode: a table of the keymap file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// An empty database: create a series or load the demo.
    Welcome,
    /// The series and their meetings.
    Meetings,
    /// The meeting room, the main screen.
    Room,
    /// Review of previous decisions.
    Review,
    /// Search: a query field over the results. A text mode.
    Search,
    /// The history of changes.
    History,
    /// The keys of a screen.
    Help,
    /// A yes/no question.
    Dialog,
    /// A short list of choices (meeting status, issue status, a follow-up's new status).
    Menu,
    /// The attendance list of the open meeting.
    Attendance,
    /// A form being filled in. A text mode.
    Form,
    /// A list filtered by what is typed (agencies, speakers, categories). A text mode.
    Picker,
    /// The directory: agencies, people and categories.
    Directory,
}

impl Mode {
    /// Every mode, in the order of the keymap file.
    pub const ALL: [Mode; 13] = [
        Mode::Welcome,
        Mode::Meetings,
        Mode::Room,
        Mode::Review,
        Mode::Search,
        Mode::History,
        Mode::Help,
        Mode::Dialog,
        Mode::Menu,
        Mode::Attendance,
        Mode::Form,
        Mode::Picker,
        Mode::Directory,
    ];

    /// The table name in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Welcome => "welcome",
            Mode::Meetings => "meetings",
            Mode::Room => "room",
            Mode::Review => "review",
            Mode::Search => "search",
            Mode::History => "history",
            Mode::Help => "help",
            Mode::Dialog => "dialog",
            Mode::Menu => "menu",
            Mode::Attendance => "attendance",
            Mode::Form => "form",
            Mode::Picker => "picker",
            Mode::Directory => "directory",
        }
    }

    /// In a text mode every key is typed text unless the mode's own table binds it (only
    /// control keys are), and the global table does not apply: no shortcut fires while typing,
    /// in either keyboard layout.
    pub fn is_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Form | Mode::Picker)
    }
}

/// A table of the keymap: the global one or a mode's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Keys that work in every command (non-text) mode unless the mode rebinds them.
    Global,
    Mode(Mode),
}

impl Layer {
    /// Every layer: global first, then the modes.
    pub fn all() -> impl Iterator<Item = Layer> {
        std::iter::once(Layer::Global).chain(Mode::ALL.into_iter().map(Layer::Mode))
    }

    /// The table name in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Global => "global",
            Layer::Mode(m) => m.name(),
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Layer::Global => 0,
            Layer::Mode(m) => 1 + Mode::ALL.iter().position(|x| *x == m).unwrap_or(0),
        }
    }
}

/// A table name that is neither `global` nor a mode.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown keymap mode {0:?}")]
pub struct UnknownMode(pub String);

impl FromStr for Layer {
    type Err = UnknownMode;

    fn from_str(s: &str) -> Result<Layer, UnknownMode> {
        Layer::all()
            .find(|l| l.name() == s)
            .ok_or_else(|| UnknownMode(s.to_string()))
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// All table names, for error messages: "global, welcome, meetings, …".
pub fn layer_names() -> String {
    Layer::all().map(Layer::name).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_index_is_dense() {
        for (i, l) in Layer::all().enumerate() {
            assert_eq!(l.name().parse::<Layer>(), Ok(l));
            assert_eq!(l.index(), i);
        }
        assert_eq!(Layer::all().count(), 14);
        assert!("Room".parse::<Layer>().is_err());
        assert!(layer_names().starts_with("global, welcome, meetings, room"));
    }

    #[test]
    fn text_modes() {
        let text: Vec<Mode> = Mode::ALL.into_iter().filter(|m| m.is_text()).collect();
        assert_eq!(text, [Mode::Search, Mode::Form, Mode::Picker]);
    }
}
