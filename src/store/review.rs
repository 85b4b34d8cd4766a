//! Every decision of a series with what the action review sorts and filters by, in one read:
//! the review keeps them in memory so that switching a filter or the grouping costs no query.

use super::Store;
use super::error::{Record, StoreError};
use super::listed::list;
use super::rows::*;
use crate::domain::{Date, Decision, Id};

/// A decision with its meeting's date and its issue's category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEntry {
    pub decision: Decision,
    pub meeting_date: Date,
    pub category: Option<Id>,
    /// The day of its latest follow-up.
    pub last_follow_up: Option<Date>,
}

impl Store {
    /// The decisions of a series (or of all series), by meeting and number.
    pub fn review_entries(&self, series: Option<&Id>) -> Result<Vec<ReviewEntry>, StoreError> {
        // Each meeting's decisions are read in item order through the (meeting, item) index;
        // sorting 100,000 joined rows in SQL cost more than the read, so meetings are put in
        // order here.
        let mut entries = self.read(|tx| {
            list(
                tx,
                Record::Decision,
                &format!(
                    "SELECT {DECISION_COLS}, m.date, i.category,
                            (SELECT max(f.date) FROM follow_ups f WHERE f.decision = d.id)
                     FROM meetings m CROSS JOIN decisions d ON d.meeting = m.id
                     LEFT JOIN issues i ON i.id = d.issue
                     WHERE ?1 IS NULL OR m.series = ?1"
                ),
                [series],
                |r| {
                    Ok(ReviewEntry {
                        decision: decision_from_row(r)?,
                        meeting_date: r.get(10)?,
                        category: r.get(11)?,
                        last_follow_up: r
                            .get::<_, Option<String>>(12)?
                            .and_then(|s| Date::parse_iso(&s).ok()),
                    })
                },
            )
        })?;
        entries.sort_by_key(|e| e.decision.number);
        Ok(entries)
    }

    /// The meetings whose review list carried a decision, by number.
    pub fn reviewed_in(&self, decision: &Id) -> Result<Vec<u32>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::ReviewItem,
                "SELECT m.number FROM review_items v JOIN meetings m ON m.id = v.meeting
                 WHERE v.decision = ?1 ORDER BY m.number",
                [decision],
                |r| r.get(0),
            )
        })
    }
}
