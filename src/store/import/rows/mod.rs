//! The records of a minutes file as rows of their tables, in the order references allow
//! them to be written: agencies before the people in them, meetings before their decisions.

use rusqlite::types::Value;

mod minutes;
mod setup;

use super::super::bundle::MeetingBundle;
use super::super::error::StoreError;
use crate::domain::{Date, Decision, Id, TimeOfDay};
use crate::text::sanitize;
use minutes::{
    amendment_row, attendance_row, decision_row, follow_up_row, issue_row, meeting_row,
    statement_row,
};
use setup::{agency_row, category_row, person_row, series_row};

/// One record of the file as the columns of its table.
pub(super) struct Row {
    pub table: &'static str,
    pub id: Id,
    /// What the record is called in a report: a number or a name.
    pub name: String,
    /// The record's own columns: compared, and written.
    pub cols: Vec<(&'static str, Value)>,
    /// Folded copies for search: written, never compared.
    pub derived: Vec<(&'static str, Value)>,
    /// Written only when the row is new.
    pub insert_only: Vec<(&'static str, Value)>,
    /// Searchable: gets the next `fts_key` when new.
    pub fts: bool,
    /// The meeting whose minutes it belongs to (read-only once approved).
    pub minutes_of: Option<Id>,
}

fn text(s: &str) -> Value {
    Value::Text(sanitize(s).into_owned())
}

fn opt_date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::Text(d.iso()))
}

fn opt_time(t: Option<TimeOfDay>) -> Value {
    t.map_or(Value::Null, |t| Value::Text(t.to_string()))
}

/// Every id in the file must be a UUID: they are what records are merged by.
fn checked(id: &Id) -> Result<Value, StoreError> {
    uuid::Uuid::parse_str(id.as_str())
        .map(|_| Value::Text(id.to_string()))
        .map_err(|_| {
            StoreError::from(super::ImportError::MalformedId {
                id: sanitize(id.as_str()).into_owned(),
            })
        })
}

fn row(table: &'static str, id: &Id, name: impl Into<String>) -> Result<Row, StoreError> {
    checked(id)?;
    Ok(Row {
        table,
        id: id.clone(),
        name: name.into(),
        cols: Vec::new(),
        derived: Vec::new(),
        insert_only: Vec::new(),
        fts: false,
        minutes_of: None,
    })
}

fn checked_opt(id: Option<&Id>) -> Result<Value, StoreError> {
    id.map_or(Ok(Value::Null), checked)
}

impl Row {
    /// «decision 2/3», «meeting 2», «agency «…»»: the record in an English sentence.
    pub fn label(&self) -> String {
        let kind = match self.table {
            "agencies" => "agency",
            "people" => "person",
            "categories" => "category",
            "meetings" => "meeting",
            "attendance" => "attendance",
            "issues" => "issue",
            "statements" => "statement in",
            "decisions" => "decision",
            "follow_ups" => "follow-up of decision",
            "amendments" => "amendment of meeting",
            other => other,
        };
        format!("{kind} {}", self.name)
    }
}

/// The file's records as rows, references first; every id checked to be a UUID and every text
/// sanitized, as on every way in.
pub(super) fn rows_of(b: &MeetingBundle) -> Result<Vec<Row>, StoreError> {
    let mut out = Vec::new();
    for a in &b.agencies {
        out.push(agency_row(a)?);
    }
    for p in &b.people {
        out.push(person_row(p)?);
    }
    for c in &b.categories {
        out.push(category_row(c)?);
    }
    out.push(series_row(&b.series)?);
    meetings_and_records(b, &mut out)?;
    Ok(out)
}

/// The meetings, then the issues they raised, then what was recorded in this meeting.
fn meetings_and_records(b: &MeetingBundle, out: &mut Vec<Row>) -> Result<(), StoreError> {
    let decisions = distinct_decisions(b);
    for m in std::iter::once(&b.meeting).chain(&b.other_meetings) {
        out.push(meeting_row(m, &decisions)?);
    }
    for i in &b.issues {
        out.push(issue_row(i)?);
    }
    let number = b.meeting.number.to_string();
    for a in &b.attendance {
        out.push(attendance_row(a, &number)?);
    }
    for st in &b.statements {
        out.push(statement_row(st, &number)?);
    }
    for d in &decisions {
        out.push(decision_row(d)?);
    }
    for f in &b.follow_ups {
        out.push(follow_up_row(f, &decisions)?);
    }
    for a in &b.amendments {
        out.push(amendment_row(a, &number)?);
    }
    Ok(())
}

/// The decisions made and reviewed, in that order: a decision both made and reviewed in the
/// file is one record.
fn distinct_decisions(b: &MeetingBundle) -> Vec<&Decision> {
    let mut decisions: Vec<&Decision> = Vec::new();
    for d in b.decisions.iter().chain(&b.reviewed) {
        if !decisions.iter().any(|x| x.id == d.id) {
            decisions.push(d);
        }
    }
    decisions
}
