//! The records of a minutes file as rows of their tables, in the order references allow
//! them to be written: agencies before the people in them, meetings before their decisions.

use rusqlite::types::Value;

use super::super::bundle::MeetingBundle;
use super::super::error::StoreError;
use super::super::issues::issue_text_f;
use super::super::rows::ids_json;
use super::super::setup::agency_names_f;
use crate::domain::{
    Attendance, Date, Decision, FollowUp, Id, Issue, Meeting, Statement, TimeOfDay,
};
use crate::text::fold::{fold, fold_for_index};
use crate::text::sanitize;

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
        let mut r = row("agencies", &a.id, sanitize(&a.name))?;
        r.cols = vec![
            ("name", text(&a.name)),
            ("name_en", text(&a.name_en)),
            ("short_name", text(&a.short_name)),
            ("active", Value::Integer(i64::from(a.active))),
        ];
        let clean = crate::domain::Agency {
            name: sanitize(&a.name).into_owned(),
            name_en: sanitize(&a.name_en).into_owned(),
            short_name: sanitize(&a.short_name).into_owned(),
            ..a.clone()
        };
        r.derived = vec![("names_f", Value::Text(agency_names_f(&clean)))];
        out.push(r);
    }
    for p in &b.people {
        let mut r = row("people", &p.id, sanitize(&p.name))?;
        r.cols = vec![
            ("name", text(&p.name)),
            ("title", text(&p.title)),
            ("agency", checked_opt(p.agency.as_ref())?),
        ];
        r.derived = vec![("name_f", Value::Text(fold(&sanitize(&p.name))))];
        out.push(r);
    }
    for c in &b.categories {
        let mut r = row("categories", &c.id, sanitize(&c.name))?;
        r.cols = vec![
            ("name", text(&c.name)),
            ("ord", Value::Integer(i64::from(c.order))),
        ];
        r.derived = vec![("name_f", Value::Text(fold(&sanitize(&c.name))))];
        out.push(r);
    }
    let s = &b.series;
    for a in &s.member_agencies {
        checked(a)?;
    }
    let mut r = row("series", &s.id, sanitize(&s.title))?;
    r.cols = vec![
        ("title", text(&s.title)),
        ("organisation", text(&s.organisation)),
        ("default_place", text(&s.default_place)),
        ("member_agencies", Value::Text(ids_json(&s.member_agencies))),
        ("quorum", Value::Integer(i64::from(s.quorum))),
    ];
    out.push(r);
    meetings_and_records(b, &mut out)?;
    Ok(out)
}

fn meetings_and_records(b: &MeetingBundle, out: &mut Vec<Row>) -> Result<(), StoreError> {
    // A decision both made and reviewed in the file is one record.
    let mut decisions: Vec<&Decision> = Vec::new();
    for d in b.decisions.iter().chain(&b.reviewed) {
        if !decisions.iter().any(|x| x.id == d.id) {
            decisions.push(d);
        }
    }
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
        let mut r = row("amendments", &a.id, number.clone())?;
        r.cols = vec![
            ("meeting", checked(&a.meeting)?),
            ("date", Value::Text(a.date.iso())),
            ("reason", text(&a.reason)),
            ("text", text(&a.text)),
        ];
        out.push(r);
    }
    Ok(())
}

/// A meeting; a new one's `last_item` covers the highest of its decisions in the file, so
/// that numbers are never reused.
fn meeting_row(m: &Meeting, decisions: &[&Decision]) -> Result<Row, StoreError> {
    let mut r = row("meetings", &m.id, m.number.to_string())?;
    r.cols = vec![
        ("series", checked(&m.series)?),
        ("number", Value::Integer(i64::from(m.number))),
        ("date", Value::Text(m.date.iso())),
        ("start_time", opt_time(m.start_time)),
        ("end_time", opt_time(m.end_time)),
        ("place", text(&m.place)),
        ("chair", checked_opt(m.chair.as_ref())?),
        ("secretary", checked_opt(m.secretary.as_ref())?),
        ("status", Value::Text(m.status.code().into())),
        ("next_meeting", opt_date(m.next_meeting)),
    ];
    let highest = decisions
        .iter()
        .filter(|d| d.meeting == m.id)
        .map(|d| d.number.item)
        .max();
    r.insert_only = vec![("last_item", Value::Integer(i64::from(highest.unwrap_or(0))))];
    r.minutes_of = Some(m.id.clone());
    Ok(r)
}

fn issue_row(i: &Issue) -> Result<Row, StoreError> {
    let mut r = row("issues", &i.id, sanitize(&i.title))?;
    r.cols = vec![
        ("series", checked(&i.series)?),
        ("category", checked_opt(i.category.as_ref())?),
        ("title", text(&i.title)),
        ("description", text(&i.description)),
        ("raised_in", checked_opt(i.raised_in.as_ref())?),
        ("raised_by", checked_opt(i.raised_by.as_ref())?),
        ("status", Value::Text(i.status.code().into())),
    ];
    let folded = issue_text_f(&sanitize(&i.title), &sanitize(&i.description));
    r.derived = vec![("text_f", Value::Text(folded))];
    r.fts = true;
    Ok(r)
}

fn attendance_row(a: &Attendance, number: &str) -> Result<Row, StoreError> {
    let mut r = row("attendance", &a.id, format!("at meeting {number}"))?;
    r.cols = vec![
        ("meeting", checked(&a.meeting)?),
        ("person", checked(&a.person)?),
        ("state", Value::Text(a.state.code().into())),
        ("substitute_for", checked_opt(a.substitute_for.as_ref())?),
        ("reason", text(&a.reason)),
    ];
    r.minutes_of = Some(a.meeting.clone());
    Ok(r)
}

fn statement_row(st: &Statement, number: &str) -> Result<Row, StoreError> {
    let mut r = row("statements", &st.id, format!("meeting {number}"))?;
    r.cols = vec![
        ("meeting", checked(&st.meeting)?),
        ("issue", checked_opt(st.issue.as_ref())?),
        ("speaker", checked(&st.speaker)?),
        ("text", text(&st.text)),
    ];
    r.derived = vec![("text_f", Value::Text(fold_for_index(&sanitize(&st.text))))];
    r.fts = true;
    r.minutes_of = Some(st.meeting.clone());
    Ok(r)
}

fn decision_row(d: &Decision) -> Result<Row, StoreError> {
    let mut r = row("decisions", &d.id, d.number.to_string())?;
    for a in &d.supporting_agencies {
        checked(a)?;
    }
    r.cols = vec![
        ("meeting", checked(&d.meeting)?),
        ("item", Value::Integer(i64::from(d.number.item))),
        ("issue", checked_opt(d.issue.as_ref())?),
        ("text", text(&d.text)),
        ("lead_agency", checked(&d.lead_agency)?),
        (
            "supporting_agencies",
            Value::Text(ids_json(&d.supporting_agencies)),
        ),
        ("due", opt_date(d.due)),
        ("status", Value::Text(d.status.code().into())),
    ];
    r.derived = vec![("text_f", Value::Text(fold_for_index(&sanitize(&d.text))))];
    r.fts = true;
    r.minutes_of = Some(d.meeting.clone());
    Ok(r)
}

/// A follow-up, named in reports by its decision's number.
fn follow_up_row(f: &FollowUp, decisions: &[&Decision]) -> Result<Row, StoreError> {
    let name = decisions
        .iter()
        .find(|d| d.id == f.decision)
        .map(|d| d.number.to_string())
        .unwrap_or_default();
    let mut r = row("follow_ups", &f.id, name)?;
    r.cols = vec![
        ("decision", checked(&f.decision)?),
        ("meeting", checked_opt(f.meeting.as_ref())?),
        ("date", Value::Text(f.date.iso())),
        ("new_status", Value::Text(f.new_status.code().into())),
        ("note", text(&f.note)),
    ];
    Ok(r)
}
