//! Decisions (مصوبات) and their follow-ups.

use super::AuditAction;
use rusqlite::{Connection, params};

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{list, one};
use super::meetings::editable_meeting;
use super::rows::*;
use super::setup::ensure_agencies;
use super::version::{RowVersion, update_as_read};
use super::{Store, Writer};
use crate::domain::{
    Date, Decision, DecisionStatus, FollowUp, Id, Meeting, ensure_deletable, ensure_follow_up_day,
    follow_up_meeting, next_decision_number,
};
use crate::text::fold::fold_for_index;
use crate::text::sanitize;

/// A decision as the secretary records it; the store numbers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDecision {
    pub meeting: Id,
    pub issue: Option<Id>,
    pub text: String,
    pub lead_agency: Id,
    pub supporting_agencies: Vec<Id>,
    pub due: Option<Date>,
}

/// The parts of a decision that may be corrected while its meeting is not approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionEdit {
    pub text: String,
    pub lead_agency: Id,
    pub supporting_agencies: Vec<Id>,
    pub due: Option<Date>,
}

fn decision_sql() -> String {
    format!(
        "SELECT {DECISION_COLS} FROM decisions d JOIN meetings m ON m.id = d.meeting WHERE d.id = ?1"
    )
}

pub(crate) fn load_decision(tx: &Connection, id: &Id) -> Result<Decision, Fault> {
    one(
        tx,
        Record::Decision,
        &decision_sql(),
        id.as_str(),
        decision_from_row,
    )
}

/// Inserts a decision with the next number of its meeting; used by `record_decision`.
pub(crate) fn insert_decision(
    w: &Writer<'_>,
    meeting: &Meeting,
    new: &NewDecision,
    status: DecisionStatus,
) -> Result<Decision, Fault> {
    let tx = w.tx;
    let before = w.before("meetings", meeting.id.as_str())?;
    let last: u32 = tx
        .prepare_cached("SELECT last_item FROM meetings WHERE id = ?1")?
        .query_row([&meeting.id], |r| r.get(0))?;
    let number = next_decision_number(meeting.number, last);
    tx.prepare_cached("UPDATE meetings SET last_item = ?2 WHERE id = ?1")?
        .execute(params![meeting.id, number.item])?;
    w.updated("meetings", meeting.id.as_str(), before)?;
    let d = Decision {
        id: Id::new(),
        meeting: meeting.id.clone(),
        number,
        issue: new.issue.clone(),
        text: new.text.clone(),
        lead_agency: new.lead_agency.clone(),
        supporting_agencies: new.supporting_agencies.clone(),
        due: new.due,
        status,
    };
    insert_decision_row(w, &d)
}

/// Inserts a decision already numbered (its meeting's `last_item` covers it), its text
/// sanitized and folded for search; returns it as stored. Used by `insert_decision` and synth.
pub(crate) fn insert_decision_row(w: &Writer<'_>, d: &Decision) -> Result<Decision, Fault> {
    let d = Decision {
        text: sanitize(&d.text).into_owned(),
        ..d.clone()
    };
    w.tx.prepare_cached(
        "INSERT INTO decisions (id, meeting, item, issue, text, lead_agency, supporting_agencies,
                                due, status, fts_key, text_f)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                 (SELECT coalesce(max(fts_key), 0) + 1 FROM decisions), ?10)",
    )?
    .execute(params![
        d.id,
        d.meeting,
        d.number.item,
        d.issue,
        d.text,
        d.lead_agency,
        ids_json(&d.supporting_agencies),
        d.due,
        d.status,
        fold_for_index(&d.text),
    ])?;
    w.inserted("decisions", d.id.as_str())?;
    Ok(d)
}

/// Every meeting of the series `meeting` belongs to.
fn series_meetings(tx: &Connection, meeting: &Id) -> Result<Vec<Meeting>, Fault> {
    list(
        tx,
        Record::Meeting,
        &format!(
            "SELECT {MEETING_COLS} FROM meetings m
             WHERE m.series = (SELECT series FROM meetings WHERE id = ?1) ORDER BY m.number"
        ),
        [meeting],
        meeting_from_row,
    )
}

/// Inserts a follow-up, its note sanitized; the decision's status is the caller's to move.
/// Used by `record_follow_up` and synth.
pub(crate) fn insert_follow_up(w: &Writer<'_>, f: &FollowUp) -> Result<(), Fault> {
    w.tx.prepare_cached(
        "INSERT INTO follow_ups (id, decision, meeting, date, new_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        f.id,
        f.decision,
        f.meeting,
        f.date,
        f.new_status,
        sanitize(&f.note)
    ])?;
    w.inserted("follow_ups", f.id.as_str())
}

impl Store {
    /// Records a decision as pending, numbered after the highest number its meeting has issued.
    pub fn record_decision(&mut self, new: &NewDecision) -> Result<Decision, StoreError> {
        self.write(AuditAction::RecordDecision, |w| {
            let m = editable_meeting(w.tx, &new.meeting)?;
            ensure_agencies(w.tx, std::slice::from_ref(&new.lead_agency))?;
            ensure_agencies(w.tx, &new.supporting_agencies)?;
            insert_decision(w, &m, new, DecisionStatus::Pending)
        })
    }

    pub fn get_decision(&self, id: &Id) -> Result<Decision, StoreError> {
        self.read(|tx| load_decision(tx, id))
    }

    /// The decisions of a meeting, by number.
    pub fn list_decisions(&self, meeting: &Id) -> Result<Vec<Decision>, StoreError> {
        self.read(|tx| super::bundle::decisions_of(tx, meeting))
    }

    /// Corrects a decision's text, agencies or deadline; refused once its meeting is approved,
    /// and refused ([`StoreError::Stale`]) if it changed since version `read`.
    pub fn update_decision(
        &mut self,
        id: &Id,
        edit: &DecisionEdit,
        read: RowVersion,
    ) -> Result<Decision, StoreError> {
        let text = sanitize(&edit.text);
        let text_f = fold_for_index(&text);
        self.write(AuditAction::UpdateDecision, |w| {
            let d = load_decision(w.tx, id)?;
            editable_meeting(w.tx, &d.meeting)?;
            ensure_agencies(w.tx, std::slice::from_ref(&edit.lead_agency))?;
            ensure_agencies(w.tx, &edit.supporting_agencies)?;
            let before = w.before("decisions", id.as_str())?;
            update_as_read(
                w.tx,
                Record::Decision,
                id,
                read,
                "UPDATE decisions SET text = ?2, text_f = ?3, lead_agency = ?4,
                        supporting_agencies = ?5, due = ?6
                 WHERE id = ?1 AND version = ?7",
                params![
                    id,
                    text,
                    text_f,
                    edit.lead_agency,
                    ids_json(&edit.supporting_agencies),
                    edit.due,
                ],
            )?;
            w.updated("decisions", id.as_str(), before)?;
            load_decision(w.tx, id)
        })
    }

    /// Deletes a decision of a meeting not yet approved. Its number is not given out again.
    pub fn delete_decision(&mut self, id: &Id) -> Result<(), StoreError> {
        self.write(AuditAction::DeleteDecision, |w| {
            let d = load_decision(w.tx, id)?;
            editable_meeting(w.tx, &d.meeting)?;
            let followed: bool = w.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM follow_ups WHERE decision = ?1)
                     OR EXISTS (SELECT 1 FROM review_items WHERE decision = ?1)",
                [id],
                |r| r.get(0),
            )?;
            ensure_deletable(&d, followed)?;
            let before = w.before("decisions", id.as_str())?;
            w.tx.execute("DELETE FROM decisions WHERE id = ?1", [id])?;
            w.deleted("decisions", id.as_str(), before)
        })
    }

    /// Records an agency's report on a decision and moves the decision to `new_status`, as the
    /// domain's transitions allow, dated today.
    ///
    /// The report belongs to the meeting in progress of the decision's series, if any
    /// ([`crate::domain::follow_up_meeting`], read in the same transaction): the app and the
    /// command line ask the same question and get the same answer. The decision's own meeting
    /// may be approved: its status is tracking, not minutes.
    pub fn record_follow_up(
        &mut self,
        decision: &Id,
        new_status: DecisionStatus,
        note: &str,
    ) -> Result<FollowUp, StoreError> {
        let today = self.clock.today();
        self.record_follow_up_on(decision, new_status, note, today)
    }

    /// [`Store::record_follow_up`] dated `day` (a report received earlier and recorded now),
    /// which must lie between the day of the decision's meeting and today.
    pub fn record_follow_up_on(
        &mut self,
        decision: &Id,
        new_status: DecisionStatus,
        note: &str,
        day: Date,
    ) -> Result<FollowUp, StoreError> {
        let today = self.clock.today();
        self.write(AuditAction::RecordFollowUp, |w| {
            let d = load_decision(w.tx, decision)?;
            let meetings = series_meetings(w.tx, &d.meeting)?;
            let decided = meetings
                .iter()
                .find(|m| m.id == d.meeting)
                .map(|m| m.date)
                .ok_or_else(|| Fault::not_found(Record::Meeting, &d.meeting))?;
            ensure_follow_up_day(d.number, decided, day, today)?;
            let status = d.status.transition(new_status)?;
            let f = FollowUp {
                id: Id::new(),
                decision: decision.clone(),
                meeting: follow_up_meeting(&meetings).map(|m| m.id.clone()),
                date: day,
                new_status: status,
                note: sanitize(note).into_owned(),
            };
            insert_follow_up(w, &f)?;
            let before = w.before("decisions", decision.as_str())?;
            w.tx.execute(
                "UPDATE decisions SET status = ?2 WHERE id = ?1",
                params![decision, status],
            )?;
            w.updated("decisions", decision.as_str(), before)?;
            Ok(f)
        })
    }

    /// The follow-ups of a decision, oldest first.
    pub fn list_follow_ups(&self, decision: &Id) -> Result<Vec<FollowUp>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::FollowUp,
                &format!("SELECT {FOLLOW_UP_COLS} FROM follow_ups WHERE decision = ?1 ORDER BY id"),
                [decision],
                follow_up_from_row,
            )
        })
    }
}
