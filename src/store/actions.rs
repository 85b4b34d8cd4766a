//! Action review: decisions by agency, status, category and overdue.

use std::collections::HashMap;

use rusqlite::params;

use super::Store;
use super::error::{Record, StoreError};
use super::listed::{Listed, listed};
use super::rows::*;
use super::sql::ACTIVE_DECISIONS;
use crate::domain::{Date, Decision, DecisionFilter, Id};

/// Which decisions to list: the domain's filter ([`DecisionFilter`], the one the app's review
/// runs in memory), run here in SQL, within a meeting or a series, judged on a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub decisions: DecisionFilter,
    /// The day "overdue" is judged on; the store's clock when `None`.
    pub today: Option<Date>,
    pub meeting: Option<Id>,
    pub series: Option<Id>,
}

/// One decision with what a reviewer needs beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    pub decision: Decision,
    pub meeting_date: Date,
    pub lead_agency: String,
    pub supporting_agencies: Vec<String>,
    pub category: Option<String>,
    pub issue_title: Option<String>,
    pub overdue: bool,
}

/// One row of the actions query: the decision, its meeting's date, category, issue title and
/// whether it is overdue.
type ActionRow = (Decision, Date, Option<String>, Option<String>, bool);

fn action_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActionRow> {
    Ok((
        decision_from_row(r)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
        r.get::<_, Option<bool>>(13)?.unwrap_or(false),
    ))
}

impl Store {
    /// The decisions matching `filter`, in the domain's review order
    /// ([`crate::domain::review_rank`]: overdue first, most overdue on top, then by deadline,
    /// undated last, then by number). The SQL is the speed-up of
    /// [`DecisionFilter`]'s predicates, which a proptest holds it to. Decisions (or agencies)
    /// whose records cannot be read are reported in [`Listed::damaged`], and the rest listed.
    pub fn actions(&self, filter: &ActionFilter) -> Result<Listed<ActionItem>, StoreError> {
        let today = filter.today.unwrap_or_else(|| self.clock.today());
        let f = &filter.decisions;
        let agency = f.agency_query();
        let category = f.category_query();
        let active = &*ACTIVE_DECISIONS;
        let (items, damaged) = self.read(|tx| {
            let (agencies, mut damaged) = listed(
                tx,
                Record::Agency,
                "SELECT id, name FROM agencies",
                [],
                |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)),
            )?;
            let names: HashMap<Id, String> = agencies.into_iter().collect();
            let (rows, bad) = listed(
                tx,
                Record::Decision,
                &format!(
                    "SELECT {DECISION_COLS}, m.date AS meeting_date, c.name, i.title,
                            (d.status IN {active} AND d.due < ?5) AS overdue
                     FROM decisions d
                     JOIN meetings m ON m.id = d.meeting
                     LEFT JOIN issues i ON i.id = d.issue
                     LEFT JOIN categories c ON c.id = i.category
                     WHERE (?1 IS NULL
                            OR d.lead_agency IN (SELECT id FROM agencies WHERE instr(names_f, ?1) > 0)
                            OR (?7 AND EXISTS (
                                  SELECT 1 FROM json_each(d.supporting_agencies) j
                                  JOIN agencies s ON s.id = j.value WHERE instr(s.names_f, ?1) > 0)))
                       AND (?2 IS NULL OR d.status = ?2)
                       AND (?3 IS NULL OR instr(c.name_f, ?3) > 0)
                       AND (NOT ?4 OR (d.status IN {active} AND d.due < ?5))
                       AND (?6 IS NULL OR d.meeting = ?6)
                       AND (?8 IS NULL OR m.series = ?8)
                       AND (?9 IS NULL OR m.number = ?9)
                       AND (?10 IS NULL OR d.due <= ?10)
                       AND (?11 IS NULL OR d.due >= ?11)
                     ORDER BY overdue DESC, d.due IS NULL, d.due, m.number, d.item"
                ),
                params![
                    agency,
                    f.status,
                    category,
                    f.overdue,
                    today,
                    filter.meeting,
                    f.include_supporting,
                    filter.series,
                    f.meeting,
                    f.due_before,
                    f.due_after,
                ],
                action_from_row,
            )?;
            damaged.extend(bad);
            let name = |id: &Id| names.get(id).cloned().unwrap_or_default();
            let items = rows
                .into_iter()
                .map(|(decision, meeting_date, category, issue_title, overdue)| ActionItem {
                    meeting_date,
                    lead_agency: name(&decision.lead_agency),
                    supporting_agencies: decision.supporting_agencies.iter().map(name).collect(),
                    category,
                    issue_title,
                    overdue,
                    decision,
                })
                .collect();
            Ok((items, damaged))
        })?;
        Ok(Listed::new(items, damaged, &self.path))
    }
}
