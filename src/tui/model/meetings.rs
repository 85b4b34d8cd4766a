//! The meetings screen: every series with its meetings.

use crate::domain::{Id, Meeting};
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
    /// Meetings left out because their records cannot be read, not yet reported.
    pub damage: Option<StoreError>,
}

impl Meetings {
    /// Every meeting with its counts, in one query. Meetings whose records cannot be read are
    /// left out and kept in `damage`, for the app to report.
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
        let selected = rows.len().saturating_sub(1);
        Ok(Meetings {
            rows,
            selected,
            damage,
        })
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

    /// The meeting to open at start ([`crate::domain::live_meeting`]).
    pub fn live(&self, today: crate::domain::Date) -> Option<&MeetingRow> {
        let live = crate::domain::live_meeting(self.rows.iter().map(|r| &r.meeting), today)?;
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
