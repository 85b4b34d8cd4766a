//! The meetings screen: every series, each heading its meetings, archived series hidden unless
//! asked for. A series' heading is a row of its own, so a series with no meeting yet (made on
//! the command line) can be chosen, edited and given its first meeting.

use crate::domain::{Id, Meeting, Series};
use crate::store::{Store, StoreError};

/// One meeting in the list, with its counts.
#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub meeting: Meeting,
    pub series_title: String,
    pub decisions: usize,
    pub open_issues: usize,
}

/// The selected line, by the id of what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Series(Id),
    Meeting(Id),
}

/// A row of the list: a series' heading or one of its meetings.
#[derive(Debug, Clone, Copy)]
pub enum Line<'a> {
    Series(&'a Series),
    Meeting(&'a MeetingRow),
}

/// The series and their meetings, oldest first within a series, and the selected line.
#[derive(Debug, Default)]
pub struct Meetings {
    /// Every meeting of every series, by series and number.
    pub rows: Vec<MeetingRow>,
    /// Every series, archived ones too.
    pub series: Vec<Series>,
    /// Whether archived series are listed.
    pub show_archived: bool,
    /// Index into [`Meetings::lines`].
    pub selected: usize,
    /// Meetings left out because their records cannot be read, not yet reported.
    pub damage: Option<StoreError>,
}

impl Meetings {
    /// Every series and meeting with its counts, in two queries; the newest meeting selected.
    /// Meetings whose records cannot be read are left out and kept in `damage`, for the app
    /// to report.
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let listed = store.meeting_summaries(None)?;
        let damage = (!listed.is_whole()).then(|| StoreError::Damaged {
            path: listed.path().to_path_buf(),
            rows: listed.damaged.clone(),
        });
        let rows: Vec<MeetingRow> = listed
            .rows
            .into_iter()
            .map(|s| MeetingRow {
                meeting: s.meeting,
                series_title: s.series_title,
                decisions: s.decisions as usize,
                open_issues: s.open_issues as usize,
            })
            .collect();
        let mut m = Meetings {
            rows,
            series: store.list_series()?,
            show_archived: false,
            selected: 0,
            damage,
        };
        m.selected = m.lines().len().saturating_sub(1);
        Ok(m)
    }

    /// The rows shown: each listed series' heading, then its meetings.
    pub fn lines(&self) -> Vec<Line<'_>> {
        let mut out = Vec::with_capacity(self.rows.len() + self.series.len());
        for s in self
            .series
            .iter()
            .filter(|s| self.show_archived || !s.archived)
        {
            out.push(Line::Series(s));
            out.extend(
                self.rows
                    .iter()
                    .filter(|r| r.meeting.series == s.id)
                    .map(Line::Meeting),
            );
        }
        out
    }

    /// The selected meeting, when a meeting (not a heading) is selected.
    pub fn selected(&self) -> Option<&MeetingRow> {
        match self.lines().get(self.selected) {
            Some(Line::Meeting(r)) => Some(r),
            _ => None,
        }
    }

    /// The series of the selected line: the heading's, or the selected meeting's.
    pub fn selected_series(&self) -> Option<&Series> {
        match self.lines().get(self.selected) {
            Some(Line::Series(s)) => Some(s),
            Some(Line::Meeting(r)) => self.series.iter().find(|s| s.id == r.meeting.series),
            None => None,
        }
    }

    /// Moves the selection by `delta` lines, staying in the list.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = step(self.selected, delta, self.lines().len());
    }

    /// Selects the meeting with this id, if it is listed.
    pub fn select(&mut self, id: &Id) {
        let at = self
            .lines()
            .iter()
            .position(|l| matches!(l, Line::Meeting(r) if &r.meeting.id == id));
        if let Some(i) = at {
            self.selected = i;
        }
    }

    /// Selects the heading of this series, if it is listed.
    pub fn select_series(&mut self, id: &Id) {
        let at = self
            .lines()
            .iter()
            .position(|l| matches!(l, Line::Series(s) if &s.id == id));
        if let Some(i) = at {
            self.selected = i;
        }
    }

    /// What is selected, to select it again after the list is read anew.
    pub fn selection(&self) -> Option<Selection> {
        match self.lines().get(self.selected)? {
            Line::Series(s) => Some(Selection::Series(s.id.clone())),
            Line::Meeting(r) => Some(Selection::Meeting(r.meeting.id.clone())),
        }
    }

    /// Selects what [`Meetings::selection`] gave, if it is still listed.
    pub fn reselect(&mut self, selection: Option<&Selection>) {
        self.selected = self.selected.min(self.lines().len().saturating_sub(1));
        match selection {
            Some(Selection::Series(id)) => self.select_series(id),
            Some(Selection::Meeting(id)) => self.select(id),
            None => {}
        }
    }

    /// Lists archived series too, or hides them again; the selection stays on its line.
    pub fn toggle_archived(&mut self) {
        let on = self.selection();
        self.show_archived = !self.show_archived;
        self.reselect(on.as_ref());
    }

    /// The meeting to open at start ([`crate::domain::live_meeting`]) among the meetings of
    /// series that are not archived.
    pub fn live(&self, today: crate::domain::Date) -> Option<&MeetingRow> {
        let current = |m: &&Meeting| self.series.iter().any(|s| s.id == m.series && !s.archived);
        let live = crate::domain::live_meeting(
            self.rows.iter().map(|r| &r.meeting).filter(current),
            today,
        )?;
        self.rows.iter().find(|r| r.meeting.id == live.id)
    }
}

/// `index + delta`, kept within `0..len`.
pub fn step(index: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    index.saturating_add_signed(delta).min(len - 1)
}
