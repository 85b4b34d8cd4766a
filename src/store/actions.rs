//! Action review: decisions by agency, status, category and overdue.

use std::collections::HashMap;

use rusqlite::params;

use super::Store;
use super::error::StoreError;
use super::rows::*;
use crate::domain::{Date, Decision, DecisionStatus, Id};
use crate::text::fold::fold;

/// Which decisions to review. Names are matched folded and as substrings, so «بانك» typed with
/// an Arabic kaf finds «بانک ملی».
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Responsible agency: its name, English name or short name contains this.
    pub agency: Option<String>,
    /// Also match decisions where the agency only supports.
    pub include_supporting: bool,
    pub status: Option<DecisionStatus>,
    /// The category of the decision's issue contains this.
    pub category: Option<String>,
    /// Only decisions past their deadline and not done or cancelled.
    pub overdue: bool,
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

impl Store {
    /// The decisions matching `filter`: overdue first (most overdue on top), then by deadline,
    /// undated last, then by number.
    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<ActionItem>, StoreError> {
        let today = filter.today.unwrap_or_else(|| self.clock.today());
        let agency = filter.agency.as_deref().map(|a| fold(a.trim()));
        let category = filter.category.as_deref().map(|c| fold(c.trim()));
        self.read(|tx| {
            let names: HashMap<String, String> = {
                let mut st = tx.prepare_cached("SELECT id, name FROM agencies")?;
                let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut st = tx.prepare_cached(&format!(
                "SELECT {DECISION_COLS}, m.date, c.name, i.title,
                        (d.status IN ('pending', 'in_progress') AND d.due < ?5) AS overdue
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
                   AND (NOT ?4 OR (d.status IN ('pending', 'in_progress') AND d.due < ?5))
                   AND (?6 IS NULL OR d.meeting = ?6)
                   AND (?8 IS NULL OR m.series = ?8)
                 ORDER BY overdue DESC, d.due IS NULL, d.due, m.number, d.item"
            ))?;
            let rows = st.query_map(
                params![
                    agency,
                    filter.status.map(DecisionStatus::code),
                    category,
                    filter.overdue,
                    today.iso(),
                    filter.meeting.as_ref().map(Id::as_str),
                    filter.include_supporting,
                    filter.series.as_ref().map(Id::as_str),
                ],
                |r| {
                    let decision = decision_from_row(r)?;
                    let date: String = r.get(10)?;
                    Ok((
                        decision,
                        date,
                        r.get(11)?,
                        r.get(12)?,
                        r.get::<_, Option<bool>>(13)?,
                    ))
                },
            )?;
            let mut out = Vec::new();
            for row in rows {
                let (decision, date, category, issue_title, overdue) = row?;
                let name = |id: &Id| names.get(id.as_str()).cloned().unwrap_or_default();
                out.push(ActionItem {
                    meeting_date: Date::parse_iso(&date).map_err(|e| {
                        StoreError::Invalid(format!("a meeting date is damaged: {e}"))
                    })?,
                    lead_agency: name(&decision.lead_agency),
                    supporting_agencies: decision.supporting_agencies.iter().map(name).collect(),
                    category,
                    issue_title,
                    overdue: overdue.unwrap_or(false),
                    decision,
                });
            }
            Ok(out)
        })
    }
}
