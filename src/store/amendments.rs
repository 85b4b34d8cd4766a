//! Amendments (اصلاحیه‌ها) of approved minutes: the one way an approved meeting's record
//! changes. An amendment that corrects a decision or an attendance line applies the correction
//! and keeps its before → after, in one transaction, so the record and its amendment never
//! disagree; undoing it puts both back.

use rusqlite::{Connection, OptionalExtension, params};

use super::decisions::load_decision;
use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::list;
use super::meetings::{insert_attendance, load_meeting};
use super::rows::*;
use super::setup::ensure_agencies;
use super::version::{RowVersion, version_of};
use super::{AuditAction, Store, Writer};
use crate::domain::{
    Amended, Amendment, Attendance, AttendanceAmendment, Correction, DecisionAmendment, Id,
    RuleError, attendance_change, check_attendance, decision_changes, ensure_amendable,
};
use crate::text::fold::fold_for_index;
use crate::text::sanitize;

impl Store {
    /// Records a correction in words to an approved meeting, dated today: one the record has
    /// no field for. Meetings not yet approved are simply edited.
    pub fn record_amendment(
        &mut self,
        meeting: &Id,
        reason: &str,
        text: &str,
    ) -> Result<Amendment, StoreError> {
        self.amend(meeting, reason, text, &Correction::Text)
    }

    /// Amends an approved meeting, dated today: applies `correction` to its record (a
    /// decision's text, deadline and agencies, or one person's attendance) and records the
    /// amendment with its reason, its words (`text`, may be empty for a correction of the
    /// record) and what it changed, before → after. A correction that changes nothing, and an
    /// amendment of words only with no words, are refused ([`RuleError::NothingAmended`]).
    pub fn amend(
        &mut self,
        meeting: &Id,
        reason: &str,
        text: &str,
        correction: &Correction,
    ) -> Result<Amendment, StoreError> {
        self.amend_checked(meeting, reason, text, correction, None)
    }

    /// [`Store::amend`] from a screen that read the amended decision at version `read`:
    /// refused ([`StoreError::Stale`]) if another hamyar changed the decision since, so that a
    /// form opened on the old record never writes its old values back over the newer change.
    pub fn amend_as_read(
        &mut self,
        meeting: &Id,
        reason: &str,
        text: &str,
        correction: &Correction,
        read: RowVersion,
    ) -> Result<Amendment, StoreError> {
        self.amend_checked(meeting, reason, text, correction, Some(read))
    }

    fn amend_checked(
        &mut self,
        meeting: &Id,
        reason: &str,
        text: &str,
        correction: &Correction,
        read: Option<RowVersion>,
    ) -> Result<Amendment, StoreError> {
        let today = self.clock.today();
        self.write(AuditAction::RecordAmendment, |w| {
            ensure_amendable(&load_meeting(w.tx, meeting)?)?;
            let changes = match correction {
                Correction::Text => Vec::new(),
                Correction::Decision(to) => amend_decision(w, meeting, to, read)?,
                Correction::Attendance(to) => amend_attendance(w, meeting, to)?,
            };
            let text = sanitize(text).into_owned();
            if changes.is_empty() && (text.trim().is_empty() || *correction != Correction::Text) {
                return Err(RuleError::NothingAmended.into());
            }
            let a = Amendment {
                id: Id::new(),
                meeting: meeting.clone(),
                date: today,
                reason: sanitize(reason).into_owned(),
                text,
                changes,
            };
            let changes = serde_json::to_string(&a.changes).unwrap_or_else(|_| "[]".into());
            w.tx.execute(
                "INSERT INTO amendments (id, meeting, date, reason, text, changes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![a.id, a.meeting, a.date, a.reason, a.text, changes],
            )?;
            w.inserted("amendments", a.id.as_str())?;
            Ok(a)
        })
    }

    /// The amendments of a meeting, oldest first.
    pub fn list_amendments(&self, meeting: &Id) -> Result<Vec<Amendment>, StoreError> {
        self.read(|tx| amendments_of(tx, meeting))
    }
}

/// The amendments of a meeting, oldest first (ids are UUIDv7).
pub(crate) fn amendments_of(tx: &Connection, meeting: &Id) -> Result<Vec<Amendment>, Fault> {
    list(
        tx,
        Record::Amendment,
        &format!("SELECT {AMENDMENT_COLS} FROM amendments WHERE meeting = ?1 ORDER BY id"),
        [meeting.as_str()],
        amendment_from_row,
    )
}

/// Writes what `to` changes in a decision of `meeting`, and returns those changes.
fn amend_decision(
    w: &Writer<'_>,
    meeting: &Id,
    to: &DecisionAmendment,
    read: Option<RowVersion>,
) -> Result<Vec<Amended>, Fault> {
    let d = load_decision(w.tx, &to.decision)?;
    if &d.meeting != meeting {
        return Err(Fault::not_found(Record::Decision, &to.decision));
    }
    // Checked before anything is compared: the screen's "before" may be another's "after".
    if let Some(read) = read
        && version_of(w.tx, Record::Decision, &d.id)? != read
    {
        return Err(StoreError::Stale {
            what: Record::Decision,
        }
        .into());
    }
    ensure_agencies(w.tx, std::slice::from_ref(&to.lead_agency))?;
    ensure_agencies(w.tx, &to.supporting_agencies)?;
    let to = DecisionAmendment {
        text: sanitize(&to.text).into_owned(),
        ..to.clone()
    };
    let changes = decision_changes(&d, &to);
    if changes.is_empty() {
        return Ok(changes);
    }
    let before = w.before("decisions", d.id.as_str())?;
    w.tx.execute(
        "UPDATE decisions SET text = ?2, text_f = ?3, lead_agency = ?4,
                supporting_agencies = ?5, due = ?6
         WHERE id = ?1",
        params![
            d.id,
            to.text,
            fold_for_index(&to.text),
            to.lead_agency,
            ids_json(&to.supporting_agencies),
            to.due,
        ],
    )?;
    w.updated("decisions", d.id.as_str(), before)?;
    Ok(changes)
}

/// Writes one person's attendance in `meeting` as `to` says, and returns the change.
fn amend_attendance(
    w: &Writer<'_>,
    meeting: &Id,
    to: &AttendanceAmendment,
) -> Result<Vec<Amended>, Fault> {
    let was: Option<Attendance> =
        w.tx.query_row(
            &format!("SELECT {ATTENDANCE_COLS} FROM attendance WHERE meeting = ?1 AND person = ?2"),
            [meeting, &to.person],
            attendance_from_row,
        )
        .optional()?;
    let to = AttendanceAmendment {
        reason: sanitize(&to.reason).into_owned(),
        ..to.clone()
    };
    let record = Attendance {
        id: was.as_ref().map_or_else(Id::new, |a| a.id.clone()),
        meeting: meeting.clone(),
        person: to.person.clone(),
        state: to.state,
        substitute_for: to.substitute_for.clone(),
        reason: to.reason.clone(),
    };
    check_attendance(&record)?;
    let Some(change) = attendance_change(was.as_ref(), &to) else {
        return Ok(Vec::new());
    };
    match was {
        Some(_) => {
            let before = w.before("attendance", record.id.as_str())?;
            w.tx.execute(
                "UPDATE attendance SET state = ?2, substitute_for = ?3, reason = ?4 WHERE id = ?1",
                params![
                    record.id,
                    record.state,
                    record.substitute_for,
                    record.reason
                ],
            )?;
            w.updated("attendance", record.id.as_str(), before)?;
        }
        None => insert_attendance(w, &record)?,
    }
    Ok(vec![change])
}
