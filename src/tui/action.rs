//! [`Action`]: the only vocabulary between the keys and the app. The keymap turns key events
//! into actions, the event loop turns the other events (paste, resize, tick, a signal) into
//! actions, and `App::apply` is the one place that acts on them.
//!
//! The bindable actions have stable snake_case names: the keymap file, a user's overrides and
//! the help screen all use them, so a name, once published, is not renamed.

use std::fmt;
use std::str::FromStr;

use crossterm::event::KeyEvent;

/// Declares the bindable unit actions once: the enum variants, their names and their order
/// (which is the order of the help screen).
macro_rules! actions {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, )*) => {
        /// What the user asked for, or what happened to the terminal.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $(#[$doc])* $variant, )*
            /// Go to category tab N (1 to 9); bound as `goto_tab_1` … `goto_tab_9`.
            GotoTab(u8),
            /// A key typed into a text field (form, picker, search): text, not a command.
            Input(KeyEvent),
            /// Text pasted into the terminal (bracketed paste), not yet sanitized or capped.
            Paste(String),
            /// The terminal's new size, in columns and rows.
            Resize(u16, u16),
            /// Time passed (the event source's tick): clocks, drafts, other writers' changes.
            Tick,
            /// SIGTERM, SIGHUP or a vanished terminal: save what is typed and exit.
            Terminate,
        }

        /// The bindable unit actions in declaration order, with their names.
        const NAMED: &[(&str, Action)] = &[ $( ($name, Action::$variant), )* ];

        impl Action {
            fn unit_name(&self) -> Option<&'static str> {
                match self {
                    $( Action::$variant => Some($name), )*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    /// Leave hamyar (from a modal: close it).
    Quit => "quit",
    /// The keys of the current screen.
    Help => "help",
    Up => "up",
    Down => "down",
    Left => "left",
    Right => "right",
    PageUp => "page_up",
    PageDown => "page_down",
    Home => "home",
    End => "end",
    /// Focus the next pane of the screen.
    NextPane => "next_pane",
    PrevPane => "prev_pane",
    /// The previous category tab.
    PrevTab => "prev_tab",
    NextTab => "next_tab",
    /// Open or take the selected item (Enter).
    Select => "select",
    /// Close, cancel, go up one screen (Esc).
    Back => "back",
    NewDecision => "new_decision",
    NewStatement => "new_statement",
    NewIssue => "new_issue",
    Attendance => "attendance",
    /// Start, close, approve or amend the meeting.
    MeetingStatus => "meeting_status",
    Edit => "edit",
    Delete => "delete",
    /// Undo the last change, and say which.
    Undo => "undo",
    /// Show or hide resolved issues.
    ToggleResolved => "toggle_resolved",
    IssueStatus => "issue_status",
    /// Move the selected issue to another category.
    MoveIssue => "move_issue",
    /// Meeting N+1 of the series, with carry-over.
    NewMeeting => "new_meeting",
    NewSeries => "new_series",
    LoadDemo => "load_demo",
    /// Review of previous decisions.
    Review => "review",
    Search => "search",
    /// The history of changes (audit log).
    History => "history",
    /// A follow-up note on the selected decision.
    FollowUp => "follow_up",
    /// Copy the selected item's text.
    Copy => "copy",
    /// Group the review by agency, status or category.
    ToggleGrouping => "toggle_grouping",
    /// Show only overdue decisions.
    FilterOverdue => "filter_overdue",
    EditFilter => "edit_filter",
    /// Export the minutes.
    Export => "export",
    /// Save the form (Ctrl+S).
    Save => "save",
    /// The next form field (Tab).
    NextField => "next_field",
    PrevField => "prev_field",
    /// Insert a zero-width non-joiner (نیم‌فاصله) in a text field.
    Zwnj => "zwnj",
    /// Confirm a question.
    Yes => "yes",
    /// Decline a question.
    No => "no",
    /// Attendance: the selected person is present.
    MarkPresent => "mark_present",
    MarkAbsent => "mark_absent",
    /// Absent with a reason that excuses it.
    MarkExcused => "mark_excused",
    /// Present on behalf of someone else (asks for whom).
    MarkSubstitute => "mark_substitute",
    /// Attendance: the reason of an absence.
    EditReason => "edit_reason",
    /// Attendance: someone who came unexpected, added to the directory and marked present.
    AddGuest => "add_guest",
    /// Archive the selected series (or deactivate an agency or person), or bring it back.
    Archive => "archive",
    /// Show archived series (and deactivated records) too, or hide them again.
    ToggleArchived => "toggle_archived",
    /// The directory: agencies, people and categories.
    Directory => "directory",
    /// Add an agency, a person or a category (the directory's tab says which).
    Add => "add",
    /// Merge the selected agency or person, a duplicate, into another.
    Merge => "merge",
    /// Move the selected category one place earlier or later in the meeting's order.
    MoveUp => "move_up",
    MoveDown => "move_down",
}

const GOTO_TAB_NAMES: [&str; 9] = [
    "goto_tab_1",
    "goto_tab_2",
    "goto_tab_3",
    "goto_tab_4",
    "goto_tab_5",
    "goto_tab_6",
    "goto_tab_7",
    "goto_tab_8",
    "goto_tab_9",
];

/// A name that is not a bindable action.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown action {0:?}")]
pub struct UnknownAction(pub String);

impl Action {
    /// The stable name: `new_decision`, `goto_tab_3`, and for the actions no key produces
    /// `input`, `paste`, `resize`, `tick`, `terminate`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::GotoTab(n) => usize::from(*n)
                .checked_sub(1)
                .and_then(|i| GOTO_TAB_NAMES.get(i))
                .copied()
                .unwrap_or("goto_tab"),
            Action::Input(_) => "input",
            Action::Paste(_) => "paste",
            Action::Resize(..) => "resize",
            Action::Tick => "tick",
            Action::Terminate => "terminate",
            unit => unit.unit_name().unwrap_or("unknown"),
        }
    }

    /// Every action a key can be bound to, in help-screen order.
    pub fn bindable() -> impl Iterator<Item = Action> {
        let units = NAMED.iter().map(|(_, a)| a.clone());
        units.chain((1..=9).map(Action::GotoTab))
    }

    /// Whether a key can be bound to this action (false for input, paste, resize, tick and
    /// terminate, which come from the event loop).
    pub fn is_bindable(&self) -> bool {
        match self {
            Action::GotoTab(n) => (1..=9).contains(n),
            other => other.unit_name().is_some(),
        }
    }

    /// Position in help-screen order (declaration order, tabs last).
    pub fn order(&self) -> usize {
        match self {
            Action::GotoTab(n) => NAMED.len() + usize::from(*n),
            other => NAMED
                .iter()
                .position(|(_, a)| a == other)
                .unwrap_or(usize::MAX),
        }
    }
}

impl FromStr for Action {
    type Err = UnknownAction;

    /// Only bindable actions parse: a keymap cannot produce `paste` or `tick`.
    fn from_str(s: &str) -> Result<Action, UnknownAction> {
        if let Some(i) = GOTO_TAB_NAMES.iter().position(|n| *n == s) {
            return u8::try_from(i + 1)
                .map(Action::GotoTab)
                .map_err(|_| UnknownAction(s.to_string()));
        }
        NAMED
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, a)| a.clone())
            .ok_or_else(|| UnknownAction(s.to_string()))
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_name_round_trips() {
        let all: Vec<Action> = Action::bindable().collect();
        assert_eq!(all.len(), 58 + 9);
        for a in &all {
            assert!(a.is_bindable(), "{a}");
            assert_eq!(a.name().parse::<Action>().as_ref(), Ok(a));
            assert_ne!(a.order(), usize::MAX);
        }
        let mut names: Vec<&str> = all.iter().map(Action::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "names are unique");
    }

    #[test]
    fn the_contract_names() {
        for (name, a) in [
            ("quit", Action::Quit),
            ("new_decision", Action::NewDecision),
            ("goto_tab_1", Action::GotoTab(1)),
            ("goto_tab_9", Action::GotoTab(9)),
            ("zwnj", Action::Zwnj),
            ("page_up", Action::PageUp),
        ] {
            assert_eq!(name.parse::<Action>(), Ok(a.clone()));
            assert_eq!(a.name(), name);
        }
    }

    #[test]
    fn event_actions_have_names_but_cannot_be_bound() {
        use crossterm::event::{KeyCode, KeyModifiers};
        let input = Action::Input(KeyEvent::new(KeyCode::Char('ی'), KeyModifiers::NONE));
        for (a, name) in [
            (input, "input"),
            (Action::Paste("«متن»".into()), "paste"),
            (Action::Resize(80, 24), "resize"),
            (Action::Tick, "tick"),
            (Action::Terminate, "terminate"),
        ] {
            assert_eq!(a.name(), name);
            assert!(!a.is_bindable());
            assert!(name.parse::<Action>().is_err());
        }
        assert!("goto_tab_0".parse::<Action>().is_err());
        assert!("goto_tab_10".parse::<Action>().is_err());
        assert!(!Action::GotoTab(0).is_bindable());
        assert_eq!("Quit".parse::<Action>(), Err(UnknownAction("Quit".into())));
    }

    #[test]
    fn serde_uses_the_names() {
        let json = serde_json::to_string(&Action::GotoTab(3)).unwrap();
        assert_eq!(json, "\"goto_tab_3\"");
        let back: Action = serde_json::from_str("\"follow_up\"").unwrap();
        assert_eq!(back, Action::FollowUp);
        let err = serde_json::from_str::<Action>("\"paste\"").unwrap_err();
        assert!(err.to_string().contains("unknown action"), "{err}");
    }

    #[test]
    fn help_order_is_declaration_order() {
        assert!(Action::Quit.order() < Action::Help.order());
        assert!(Action::No.order() < Action::GotoTab(1).order());
        assert!(Action::GotoTab(1).order() < Action::GotoTab(2).order());
    }
}
