//! Every decision of a series with what the action review sorts and filters by, in one read:
//! the review keeps them in memory so that switching a filter or the grouping costs no query.
//!
//! A series can hold 100,000 decisions, so a review row is kept small: no text (the review
//! reads the texts of the rows on screen, [`Store::decision_texts`]), and the lead agency and
//! category as positions in lists of the ids read, not an id per row. With whole decisions the
//! review took ~95 MB for 100,000; these rows take ~13 MB.

use std::collections::HashMap;

use super::Store;
use super::error::{Record, StoreError};
use super::listed::list;
use crate::domain::{Date, DecisionNumber, DecisionStatus, Id, is_overdue};

/// A decision as the review lists it: its number, deadline and status, its lead agency and
/// its issue's category, its meeting's date and its latest follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEntry {
    pub id: Id,
    pub number: DecisionNumber,
    pub status: DecisionStatus,
    pub due: Option<Date>,
    /// The lead agency: its position in [`ReviewEntries::agencies`].
    pub lead_agency: u32,
    /// The category of the decision's issue: its position in [`ReviewEntries::categories`].
    pub category: Option<u32>,
    /// How many agencies support the lead agency.
    pub supporting: u16,
    pub meeting_date: Date,
    /// The day of its latest follow-up.
    pub last_follow_up: Option<Date>,
}

impl ReviewEntry {
    /// Still to be done and past its deadline.
    pub fn is_overdue(&self, today: Date) -> bool {
        is_overdue(self.status, self.due, today)
    }
}

/// The review's decisions with the agencies and categories they name, each id once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewEntries {
    pub agencies: Vec<Id>,
    pub categories: Vec<Id>,
    pub entries: Vec<ReviewEntry>,
}

impl ReviewEntries {
    /// The position of `agency` in [`ReviewEntries::agencies`], added if it is not there.
    pub fn agency_position(&mut self, agency: &Id) -> u32 {
        position(&mut self.agencies, agency)
    }
}

fn position(ids: &mut Vec<Id>, id: &Id) -> u32 {
    match ids.iter().position(|x| x == id) {
        Some(at) => at as u32,
        None => {
            ids.push(id.clone());
            (ids.len() - 1) as u32
        }
    }
}

/// Gives each distinct id read a small number, without allocating for the ones seen before.
#[derive(Default)]
struct Interner {
    ids: Vec<Id>,
    at: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&at) = self.at.get(id) {
            return at;
        }
        let at = self.ids.len() as u32;
        self.ids.push(Id::from_string(id));
        self.at.insert(id.to_string(), at);
        at
    }
}

impl Store {
    /// The decisions of a series (or of all series), by meeting and number.
    pub fn review_entries(&self, series: Option<&Id>) -> Result<ReviewEntries, StoreError> {
        let mut agencies = Interner::default();
        let mut categories = Interner::default();
        // Each meeting's decisions are read in item order through the (meeting, item) index;
        // sorting 100,000 joined rows in SQL cost more than the read, so meetings are put in
        // order here.
        let mut entries = self.read(|tx| {
            list(
                tx,
                Record::Decision,
                "SELECT d.id, m.number, d.item, d.status, d.due, d.lead_agency, i.category,
                        json_array_length(d.supporting_agencies), m.date,
                        (SELECT max(f.date) FROM follow_ups f WHERE f.decision = d.id)
                 FROM meetings m CROSS JOIN decisions d ON d.meeting = m.id
                 LEFT JOIN issues i ON i.id = d.issue
                 WHERE ?1 IS NULL OR m.series = ?1",
                [series],
                |r| {
                    let category = r.get_ref(6)?.as_str_or_null()?;
                    Ok(ReviewEntry {
                        id: r.get(0)?,
                        number: DecisionNumber {
                            meeting: r.get(1)?,
                            item: r.get(2)?,
                        },
                        status: r.get(3)?,
                        due: r.get(4)?,
                        lead_agency: agencies.intern(r.get_ref(5)?.as_str()?),
                        category: category.map(|c| categories.intern(c)),
                        supporting: r
                            .get::<_, Option<i64>>(7)?
                            .map_or(0, |n| u16::try_from(n).unwrap_or(u16::MAX)),
                        meeting_date: r.get(8)?,
                        last_follow_up: r
                            .get::<_, Option<String>>(9)?
                            .and_then(|s| Date::parse_iso(&s).ok()),
                    })
                },
            )
        })?;
        entries.sort_by_key(|e| e.number);
        Ok(ReviewEntries {
            agencies: agencies.ids,
            categories: categories.ids,
            entries,
        })
    }

    /// The texts of the decisions `ids`, in their order; an id with no decision gives an
    /// empty text (it was deleted since the review was read). A text another program spoilt
    /// (not UTF-8) is shown with replacement marks here; the decision's own view names the
    /// damage.
    pub fn decision_texts(&self, ids: &[&Id]) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let mut st = tx.prepare_cached("SELECT text FROM decisions WHERE id = ?1")?;
            let mut texts = Vec::with_capacity(ids.len());
            for id in ids {
                let mut rows = st.query([id])?;
                let text = match rows.next()? {
                    Some(r) => {
                        let bytes = r.get_ref(0)?.as_bytes().map_err(rusqlite::Error::from)?;
                        String::from_utf8_lossy(bytes).into_owned()
                    }
                    None => String::new(),
                };
                texts.push(text);
            }
            Ok(texts)
        })
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
