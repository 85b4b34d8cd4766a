//! The meetings screen: every series with its meetings.

use crate::domain::{Id, Meeting, MeetingStatus};
use crate::store::{Store, StoreError};

/// One meeting in the list, with its counts.
#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub meeting: Meeting,
    pub series_title: String,
    pub decisions: usize,
    pub open_issues: usize,
}

/// The meetings of every series, oldest first within a series, and the selected row.
#[derive(Debug, Default)]
pub struct Meetings {
    pub rows: Vec<MeetingRow>,
    pub selected: usize,
}

impl Meetings {
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let series = store.list_series()?;
        let counts: std::collections::HashMap<Id, (usize, usize)> = store
            .meeting_counts()?
            .into_iter()
            .map(|(id, d, i)| (id, (d, i)))
            .collect();
        let rows: Vec<MeetingRow> = store
            .list_meetings(None)?
            .into_iter()
            .map(|m| {
                let (decisions, open_issues) = counts.get(&m.id).copied().unwrap_or_default();
                MeetingRow {
                    series_title: series
                        .iter()
                        .find(|s| s.id == m.series)
                        .map(|s| s.title.clone())
                        .unwrap_or_default(),
                    decisions,
                    open_issues,
                    meeting: m,
                }
            })
            .collect();
        let selected = rows.len().saturating_sub(1);
        Ok(Meetings { rows, selected })
    }

    pub fn selected(&self) -> Option<&MeetingRow> {
        self.rows.get(self.selected)
    }

    /// Moves the selection by `delta` rows, staying in the list.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = step(self.selected, delta, self.rows.len());
    }

    /// Selects the meeting with this id, if it is listed.
    pub fn select(&mut self, id: &Id) {
        if let Some(i) = self.rows.iter().position(|r| &r.meeting.id == id) {
            self.selected = i;
        }
    }

    /// The meeting to open at start: one in progress, else one dated `today`.
    pub fn live(&self, today: crate::domain::Date) -> Option<&MeetingRow> {
        self.rows
            .iter()
            .rev()
            .find(|r| r.meeting.status == MeetingStatus::InProgress)
            .or_else(|| self.rows.iter().rev().find(|r| r.meeting.date == today))
    }
}

/// `index + delta`, kept within `0..len`.
pub fn step(index: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    index.saturating_add_signed(delta).min(len - 1)
}
