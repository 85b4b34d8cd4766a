//! The rows of the meetings and of what was recorded in them: issues, attendance, statements,
//! decisions, follow-ups and amendments.

use rusqlite::types::Value;

use super::{Row, checked, checked_opt, opt_date, opt_time, row, text};
use crate::domain::{Amendment, Attendance, Decision, FollowUp, Issue, Meeting, Statement};
use crate::store::error::StoreError;
use crate::store::issues::issue_text_f;
use crate::store::rows::ids_json;
use crate::text::fold::fold_for_index;
use crate::text::sanitize;

/// A meeting; a new one's `last_item` covers the highest of its decisions in the file, so
/// that numbers are never reused.
pub(super) fn meeting_row(m: &Meeting, decisions: &[&Decision]) -> Result<Row, StoreError> {
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

pub(super) fn issue_row(i: &Issue) -> Result<Row, StoreError> {
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

pub(super) fn attendance_row(a: &Attendance, number: &str) -> Result<Row, StoreError> {
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

pub(super) fn statement_row(st: &Statement, number: &str) -> Result<Row, StoreError> {
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

pub(super) fn decision_row(d: &Decision) -> Result<Row, StoreError> {
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
pub(super) fn follow_up_row(f: &FollowUp, decisions: &[&Decision]) -> Result<Row, StoreError> {
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

/// An amendment, named in reports by the meeting's number.
pub(super) fn amendment_row(a: &Amendment, number: &str) -> Result<Row, StoreError> {
    let mut r = row("amendments", &a.id, number)?;
    r.cols = vec![
        ("meeting", checked(&a.meeting)?),
        ("date", Value::Text(a.date.iso())),
        ("reason", text(&a.reason)),
        ("text", text(&a.text)),
        (
            "changes",
            Value::Text(serde_json::to_string(&a.changes).unwrap_or_else(|_| "[]".into())),
        ),
    ];
    Ok(r)
}
