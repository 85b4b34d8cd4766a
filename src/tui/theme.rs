//! The styles the screens use, by meaning (title, selection, overdue, a decision's status…),
//! in colour or, when `NO_COLOR` is set, without any colour: bold, reverse, underline and dim
//! only, so the selection and the warnings stay visible. Views take styles from here and never
//! name a colour themselves. Colour is never the only sign: a view that marks something overdue
//! in red also says so in text.

use std::ffi::OsStr;

use ratatui::style::{Color, Modifier, Style};

use crate::domain::{AttendanceState, DecisionStatus, IssueStatus, MeetingStatus};

/// The palette of the screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    /// A screen's or pane's title.
    pub title: Style,
    /// Labels in the meeting header (series, number, date).
    pub header: Style,
    /// Body text.
    pub text: Style,
    /// Secondary text: hints, dates of old records, counts.
    pub muted: Style,
    /// The selected row in the pane that has the focus.
    pub selected: Style,
    /// The selected row in a pane without the focus.
    pub selected_unfocused: Style,
    /// The current category tab.
    pub tab_active: Style,
    pub tab_inactive: Style,
    /// A pane's border, and the border of the pane with the focus.
    pub border: Style,
    pub border_focused: Style,
    /// A key in the hint line or the help screen.
    pub key: Style,
    /// An overdue decision.
    pub overdue: Style,
    /// The error line.
    pub error: Style,
    /// A warning (quorum not reached, a date that does not exist).
    pub warning: Style,
    /// A confirmation ("saved as ۲/۱۱").
    pub success: Style,
    /// A form field.
    pub input: Style,
    /// The form field being typed in.
    pub input_focused: Style,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to something non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme::new(color_allowed(std::env::var_os("NO_COLOR").as_deref()))
    }

    /// The colour theme, or the one without colour.
    pub fn new(color: bool) -> Theme {
        if color {
            Theme::colored()
        } else {
            Theme::mono()
        }
    }

    /// Whether this theme uses colour.
    pub fn is_color(&self) -> bool {
        self.color
    }

    fn colored() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            color: true,
            title: bold.fg(Color::Cyan),
            header: bold,
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            // White on blue reads on light and dark terminals alike; black on cyan turns grey
            // where bold means bright (xterm).
            selected: bold.fg(Color::White).bg(Color::Blue),
            selected_unfocused: Style::new().fg(Color::White).bg(Color::DarkGray),
            tab_active: bold.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            tab_inactive: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            key: bold.fg(Color::Yellow),
            overdue: bold.fg(Color::Red),
            error: bold.fg(Color::White).bg(Color::Red),
            warning: Style::new().fg(Color::Yellow),
            success: Style::new().fg(Color::Green),
            input: Style::new(),
            input_focused: Style::new().fg(Color::White).bg(Color::DarkGray),
        }
    }

    fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            color: false,
            title: bold,
            header: bold,
            text: Style::new(),
            muted: Style::new().add_modifier(Modifier::DIM),
            selected: reversed.add_modifier(Modifier::BOLD),
            selected_unfocused: reversed,
            tab_active: reversed.add_modifier(Modifier::BOLD),
            tab_inactive: Style::new(),
            border: Style::new(),
            border_focused: bold,
            key: bold,
            overdue: bold.add_modifier(Modifier::UNDERLINED),
            error: reversed.add_modifier(Modifier::BOLD),
            warning: bold,
            success: Style::new(),
            input: Style::new(),
            input_focused: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// A decision's status: pending stands out, done is calm, cancelled fades.
    pub fn decision_status(&self, status: DecisionStatus) -> Style {
        match status {
            DecisionStatus::Pending => self.pick(Color::Yellow, Modifier::BOLD),
            DecisionStatus::InProgress => self.pick(Color::Blue, Modifier::empty()),
            DecisionStatus::Done => self.pick(Color::Green, Modifier::empty()),
            DecisionStatus::Cancelled => self.muted.add_modifier(Modifier::CROSSED_OUT),
        }
    }

    /// An issue's status.
    pub fn issue_status(&self, status: IssueStatus) -> Style {
        match status {
            IssueStatus::Open => self.pick(Color::Yellow, Modifier::BOLD),
            IssueStatus::InProgress => self.pick(Color::Blue, Modifier::empty()),
            IssueStatus::Resolved => self.pick(Color::Green, Modifier::empty()),
            IssueStatus::Dropped => self.muted,
        }
    }

    /// A meeting's status: the one in progress stands out.
    pub fn meeting_status(&self, status: MeetingStatus) -> Style {
        match status {
            MeetingStatus::Draft => self.muted,
            MeetingStatus::InProgress => self.pick(Color::Green, Modifier::BOLD),
            MeetingStatus::Closed => self.pick(Color::Blue, Modifier::empty()),
            MeetingStatus::Approved => self.text,
        }
    }

    /// A person's attendance.
    pub fn attendance(&self, state: AttendanceState) -> Style {
        match state {
            AttendanceState::Present => self.pick(Color::Green, Modifier::empty()),
            AttendanceState::Absent => self.pick(Color::Red, Modifier::BOLD),
            AttendanceState::Excused => self.pick(Color::Yellow, Modifier::empty()),
            AttendanceState::Substitute => self.pick(Color::Blue, Modifier::empty()),
        }
    }

    /// The colour, or without colour the modifier.
    fn pick(&self, color: Color, mono: Modifier) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new().add_modifier(mono)
        }
    }
}

/// `NO_COLOR` turns colour off when it is present and not empty.
pub fn color_allowed(no_color: Option<&OsStr>) -> bool {
    no_color.is_none_or(OsStr::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_styles(t: &Theme) -> Vec<Style> {
        let mut v = vec![
            t.title,
            t.header,
            t.text,
            t.muted,
            t.selected,
            t.selected_unfocused,
            t.tab_active,
            t.tab_inactive,
            t.border,
            t.border_focused,
            t.key,
            t.overdue,
            t.error,
            t.warning,
            t.success,
        ];
        v.extend(DecisionStatus::ALL.iter().map(|s| t.decision_status(*s)));
        v.extend(IssueStatus::ALL.iter().map(|s| t.issue_status(*s)));
        v.extend(MeetingStatus::ALL.iter().map(|s| t.meeting_status(*s)));
        v.extend(AttendanceState::ALL.iter().map(|s| t.attendance(*s)));
        v
    }

    #[test]
    fn no_color_means_no_colour_at_all() {
        let t = Theme::new(false);
        assert!(!t.is_color());
        for s in all_styles(&t) {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
    }

    #[test]
    fn without_colour_the_selection_and_warnings_still_show() {
        let t = Theme::new(false);
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(
            t.selected_unfocused
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_ne!(t.selected, t.selected_unfocused);
        assert_ne!(t.tab_active, t.tab_inactive);
        for s in [t.overdue, t.error, t.warning, t.title, t.key] {
            assert!(s.add_modifier.contains(Modifier::BOLD), "{s:?}");
        }
        assert_ne!(t.decision_status(DecisionStatus::Pending), t.text);
        assert_ne!(t.decision_status(DecisionStatus::Cancelled), t.text);
    }

    #[test]
    fn in_colour_the_meanings_differ() {
        let t = Theme::new(true);
        assert!(t.is_color());
        assert_eq!(t.overdue.fg, Some(Color::Red));
        assert!(t.selected.bg.is_some());
        let decisions: Vec<Style> = DecisionStatus::ALL
            .iter()
            .map(|s| t.decision_status(*s))
            .collect();
        for (i, a) in decisions.iter().enumerate() {
            for b in &decisions[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn no_color_follows_the_convention() {
        assert!(color_allowed(None));
        assert!(color_allowed(Some(OsStr::new(""))));
        assert!(!color_allowed(Some(OsStr::new("1"))));
        assert!(!color_allowed(Some(OsStr::new("0"))), "any value, even 0");
    }
}
