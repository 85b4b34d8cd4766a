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
        // Few issues are open, and decisions are counted in one pass of their (meeting, item)
        // index: the counts come from grouped passes joined to the meetings, never from a
        // query per meeting. CROSS JOIN keeps SQLite from scanning every agenda item.
        let sql = format!(
            "WITH open AS MATERIALIZED (
                 SELECT i.id, i.raised_in FROM series s
                 CROSS JOIN issues i ON i.series = s.id AND i.status IN {open}),
             on_agenda AS MATERIALIZED (
                 SELECT a.meeting AS meeting, count(*) AS n
                 FROM open o CROSS JOIN agenda_items a ON a.issue = o.id
                 GROUP BY a.meeting),
             raised AS MATERIALIZED (
                 SELECT o.raised_in AS meeting, count(*) AS n FROM open o
                 WHERE o.raised_in IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM agenda_items a
                                   WHERE a.meeting = o.raised_in AND a.issue = o.id)
                 GROUP BY o.raised_in),
             decided AS MATERIALIZED (
                 SELECT meeting, count(*) AS n FROM decisions GROUP BY meeting)
             SELECT {MEETING_COLS}, s.title, coalesce(d.n, 0),
                    coalesce(g.n, 0) + coalesce(r.n, 0)
             FROM meetings m
             JOIN series s ON s.id = m.series
             LEFT JOIN decided d ON d.meeting = m.id
             LEFT JOIN on_agenda g ON g.meeting = m.id
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
