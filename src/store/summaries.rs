//! The meetings list: every meeting with what a list of meetings shows beside it, in one query.

use rusqlite::Row;

use super::Store;
use super::error::{Record, StoreError};
use super::listed::{Listed, listed};
use super::rows::{MEETING_COLS, meeting_from_row};
use super::sql::OPEN_ISSUES;
use crate::domain::{Id, Meeting};

/// A meeting with its series' title and its counts, as the meetings list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSummary {
    pub meeting: Meeting,
    /// The title of the meeting's series.
    pub series_title: String,
    /// How many decisions the meeting made.
    pub decisions: u32,
    /// How many issues of the meeting are still open: those on its agenda (carried into it)
    /// or raised in it.
    pub open_issues: u32,
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<MeetingSummary> {
    Ok(MeetingSummary {
        meeting: meeting_from_row(r)?,
        series_title: r.get(11)?,
        decisions: r.get(12)?,
        open_issues: r.get(13)?,
    })
}

impl Store {
    /// Every meeting of one series, or of all, oldest first, with its series' title and counts,
    /// read in one query (the counts use the indexes on each table's meeting column). Meetings
    /// whose records cannot be read are reported apart.
    pub fn meeting_summaries(
        &self,
        series: Option<&Id>,
    ) -> Result<Listed<MeetingSummary>, StoreError> {
        // Counting per meeting through the indexes on (meeting, …) is cheap; issues have no
        // index on `raised_in`, so those are counted in one pass and joined.
        let sql = format!(
            "WITH raised AS MATERIALIZED (
                 SELECT i.raised_in AS meeting, count(*) AS n FROM issues i
                 WHERE i.status IN {open} AND i.raised_in IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM agenda_items a
                                   WHERE a.meeting = i.raised_in AND a.issue = i.id)
                 GROUP BY i.raised_in)
             SELECT {MEETING_COLS}, s.title,
                    (SELECT count(*) FROM decisions d WHERE d.meeting = m.id),
                    (SELECT count(*) FROM agenda_items a JOIN issues i ON i.id = a.issue
                     WHERE a.meeting = m.id AND i.status IN {open}) + coalesce(r.n, 0)
             FROM meetings m
             JOIN series s ON s.id = m.series
             LEFT JOIN raised r ON r.meeting = m.id
             WHERE ?1 IS NULL OR m.series = ?1
             ORDER BY m.series, m.number",
            open = *OPEN_ISSUES,
        );
        let (rows, damaged) =
            self.read(|tx| listed(tx, Record::Meeting, &sql, [series], summary_from_row))?;
        Ok(Listed::new(rows, damaged, &self.path))
    }
}
