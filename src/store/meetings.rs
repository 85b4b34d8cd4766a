//! Meetings: opening the next one with its carry-over, status (started and closed with their
//! clock times) and attendance.

use super::AuditAction;
use super::version::{RowVersion, update_as_read};
use rusqlite::{Connection, OptionalExtension, params};

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{Listed, list, listed, one};
use super::rows::*;
use super::sql::{ACTIVE_DECISIONS, OPEN_ISSUES};
use super::{Store, Writer};
use crate::domain::{
    Attendance, Date, Decision, Id, Issue, Meeting, MeetingStatus, RuleError, TimeOfDay,
    carry_over, check_attendance, ensure_can_open_next, ensure_editable, ensure_number_after,
};
use crate::text::sanitize;

/// What the secretary gives to open a meeting; its status is the store's to set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub series: Id,
    /// Its number, after every other of the series; `None`: the one after the last.
    pub number: Option<u32>,
    pub date: Date,
    pub start_time: Option<TimeOfDay>,
    pub end_time: Option<TimeOfDay>,
    pub place: String,
    pub chair: Option<Id>,
    pub secretary: Option<Id>,
    pub next_meeting: Option<Date>,
}

pub(crate) fn load_meeting(tx: &Connection, id: &Id) -> Result<Meeting, Fault> {
    one(
        tx,
        Record::Meeting,
        &format!("SELECT {MEETING_COLS} FROM meetings m WHERE m.id = ?1"),
        id.as_str(),
        meeting_from_row,
    )
}

/// The meeting, if its records may still be edited in place.
pub(crate) fn editable_meeting(tx: &Connection, id: &Id) -> Result<Meeting, Fault> {
    let m = load_meeting(tx, id)?;
    ensure_editable(&m)?;
    Ok(m)
}

/// Inserts a meeting as given (its place sanitized), with `last_item` decisions already
/// numbered; used by `create_meeting` and synth.
pub(crate) fn insert_meeting(
    w: &Writer<'_>,
    meeting: &Meeting,
    last_item: u32,
) -> Result<(), Fault> {
    w.tx.prepare_cached(
        "INSERT INTO meetings (id, series, number, date, start_time, end_time, place, chair,
                               secretary, status, next_meeting, last_item)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        meeting.id,
        meeting.series,
        meeting.number,
        meeting.date,
        meeting.start_time,
        meeting.end_time,
        sanitize(&meeting.place),
        meeting.chair,
        meeting.secretary,
        meeting.status,
        meeting.next_meeting,
        last_item,
    ])?;
    w.inserted("meetings", meeting.id.as_str())
}

/// Inserts one person's attendance, its reason sanitized; used by `set_attendance` and synth.
pub(crate) fn insert_attendance(w: &Writer<'_>, a: &Attendance) -> Result<(), Fault> {
    w.tx.prepare_cached(
        "INSERT INTO attendance (id, meeting, person, state, substitute_for, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        a.id,
        a.meeting,
        a.person,
        a.state,
        a.substitute_for,
        sanitize(&a.reason)
    ])?;
    w.inserted("attendance", a.id.as_str())
}

impl Store {
    /// Opens the next meeting of a series as a draft, numbered as asked or after the last one.
    /// Refused while another meeting of the series is a draft or in progress, and for a number
    /// not after the last. Its agenda is every open issue of the series (in category order) and
    /// its review list every earlier decision not yet done or cancelled, overdue ones (as of
    /// the meeting's date) first.
    pub fn create_meeting(&mut self, new: &NewMeeting) -> Result<Meeting, StoreError> {
        self.write(AuditAction::CreateMeeting, |w| {
            let tx = w.tx;
            one(
                tx,
                Record::Series,
                "SELECT id FROM series WHERE id = ?1",
                new.series.as_str(),
                |r| r.get::<_, String>(0),
            )?;
            let others = series_meetings(tx, &new.series)?;
            ensure_can_open_next(&others)?;
            let number = new
                .number
                .unwrap_or_else(|| others.iter().map(|m| m.number).max().unwrap_or(0) + 1);
            ensure_number_after(number, &others)?;
            let meeting = Meeting {
                id: Id::new(),
                series: new.series.clone(),
                number,
                date: new.date,
                start_time: new.start_time,
                end_time: new.end_time,
                place: sanitize(&new.place).into_owned(),
                chair: new.chair.clone(),
                secretary: new.secretary.clone(),
                status: MeetingStatus::Draft,
                next_meeting: new.next_meeting,
            };
            insert_meeting(w, &meeting, 0)?;
            carry_into(w, &meeting)?;
            Ok(meeting)
        })
    }

    pub fn get_meeting(&self, id: &Id) -> Result<Meeting, StoreError> {
        self.read(|tx| load_meeting(tx, id))
    }

    /// Meeting `number` of a series.
    pub fn meeting_by_number(&self, series: &Id, number: u32) -> Result<Meeting, StoreError> {
        self.read(|tx| {
            let id: Option<Id> = tx
                .prepare_cached("SELECT id FROM meetings WHERE series = ?1 AND number = ?2")?
                .query_row(params![series, number], |r| r.get(0))
                .optional()?;
            match id {
                Some(id) => load_meeting(tx, &id),
                None => Err(StoreError::NoMeetingNumber { number }.into()),
            }
        })
    }

    /// The meetings of one series, or of all, oldest first; damaged ones are reported apart.
    pub fn list_meetings(&self, series: Option<&Id>) -> Result<Listed<Meeting>, StoreError> {
        let (rows, damaged) = self.read(|tx| {
            listed(
                tx,
                Record::Meeting,
                &format!(
                    "SELECT {MEETING_COLS} FROM meetings m
                     WHERE ?1 IS NULL OR m.series = ?1 ORDER BY m.series, m.number"
                ),
                [series],
                meeting_from_row,
            )
        })?;
        Ok(Listed::new(rows, damaged, &self.path))
    }

    /// Moves a meeting along its life (draft → in progress → closed → approved).
    pub fn set_meeting_status(
        &mut self,
        id: &Id,
        to: MeetingStatus,
    ) -> Result<Meeting, StoreError> {
        self.write(AuditAction::SetMeetingStatus, |w| {
            let mut m = load_meeting(w.tx, id)?;
            m.status = m.status.transition(to)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2 WHERE id = ?1",
                params![id, m.status],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            Ok(m)
        })
    }

    /// Starts a meeting: it goes in progress and, the first time, records when it started.
    pub fn start_meeting(&mut self, id: &Id, at: TimeOfDay) -> Result<Meeting, StoreError> {
        self.write(AuditAction::StartMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::InProgress)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, start_time = coalesce(start_time, ?3) WHERE id = ?1",
                params![id, status, at],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
        })
    }

    /// Starts a meeting held on another day than its date, moving its date to `day` (and its
    /// review's overdue order stays as carried): one action.
    pub fn start_meeting_on(
        &mut self,
        id: &Id,
        at: TimeOfDay,
        day: crate::domain::Date,
    ) -> Result<Meeting, StoreError> {
        self.write(AuditAction::StartMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::InProgress)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, start_time = coalesce(start_time, ?3), date = ?4
                 WHERE id = ?1",
                params![id, status, at, day],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
        })
    }

    /// Closes a meeting and records when it ended.
    pub fn close_meeting(&mut self, id: &Id, at: TimeOfDay) -> Result<Meeting, StoreError> {
        self.write(AuditAction::CloseMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::Closed)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, end_time = ?3 WHERE id = ?1",
                params![id, status, at],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
        })
    }

    /// Changes a meeting's date, times, place, chair, secretary and next-meeting date, and its
    /// number while it is a draft (after the series' other meetings). Its series and status are
    /// not changed here. Refused ([`StoreError::Stale`]) if it changed since version `read`.
    pub fn update_meeting(
        &mut self,
        meeting: &Meeting,
        read: RowVersion,
    ) -> Result<Meeting, StoreError> {
        self.write(AuditAction::UpdateMeeting, |w| {
            let current = editable_meeting(w.tx, &meeting.id)?;
            if meeting.number != current.number {
                if current.status != MeetingStatus::Draft {
                    return Err(RuleError::NumberFixed(current.number).into());
                }
                let others: Vec<Meeting> = series_meetings(w.tx, &current.series)?
                    .into_iter()
                    .filter(|m| m.id != current.id)
                    .collect();
                ensure_number_after(meeting.number, &others)?;
            }
            let before = w.before("meetings", meeting.id.as_str())?;
            update_as_read(
                w.tx,
                Record::Meeting,
                &meeting.id,
                read,
                "UPDATE meetings SET date = ?2, start_time = ?3, end_time = ?4, place = ?5,
                        chair = ?6, secretary = ?7, next_meeting = ?8, number = ?9
                 WHERE id = ?1 AND version = ?10",
                params![
                    meeting.id,
                    meeting.date,
                    meeting.start_time,
                    meeting.end_time,
                    sanitize(&meeting.place),
                    meeting.chair,
                    meeting.secretary,
                    meeting.next_meeting,
                    meeting.number,
                ],
            )?;
            w.updated("meetings", meeting.id.as_str(), before)?;
            load_meeting(w.tx, &meeting.id)
        })
    }

    /// The meeting's agenda (دستور جلسه): the issues carried into it, in order, then those
    /// raised in it, whatever their status now.
    pub fn agenda(&self, meeting: &Id) -> Result<Vec<Issue>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Issue,
                &format!(
                    "SELECT {ISSUE_COLS} FROM ({}) o JOIN issues i ON i.id = o.id
                     ORDER BY o.part, o.pos",
                    super::bundle::AGENDA
                ),
                [meeting.as_str()],
                issue_from_row,
            )
        })
    }

    /// The earlier decisions to review in this meeting (پیگیری مصوبات قبلی), in order.
    pub fn review_list(&self, meeting: &Id) -> Result<Vec<Decision>, StoreError> {
        self.read(|tx| super::bundle::reviewed_in(tx, meeting))
    }

    /// Records one person's attendance, replacing what was recorded for them before.
    pub fn set_attendance(&mut self, a: &Attendance) -> Result<Attendance, StoreError> {
        self.write(AuditAction::SetAttendance, |w| {
            editable_meeting(w.tx, &a.meeting)?;
            check_attendance(a)?;
            let existing: Option<Id> = w
                .tx
                .query_row(
                    "SELECT id FROM attendance WHERE meeting = ?1 AND person = ?2",
                    [&a.meeting, &a.person],
                    |r| r.get(0),
                )
                .optional()?;
            let a = Attendance {
                id: existing.clone().unwrap_or_else(|| a.id.clone()),
                reason: sanitize(&a.reason).into_owned(),
                ..a.clone()
            };
            if existing.is_some() {
                let before = w.before("attendance", a.id.as_str())?;
                w.tx.execute(
                    "UPDATE attendance SET state = ?2, substitute_for = ?3, reason = ?4 WHERE id = ?1",
                    params![a.id, a.state, a.substitute_for, a.reason],
                )?;
                w.updated("attendance", a.id.as_str(), before)?;
            } else {
                insert_attendance(w, &a)?;
            }
            Ok(a)
        })
    }

    pub fn list_attendance(&self, meeting: &Id) -> Result<Vec<Attendance>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Attendance,
                &format!("SELECT {ATTENDANCE_COLS} FROM attendance WHERE meeting = ?1 ORDER BY id"),
                [meeting.as_str()],
                attendance_from_row,
            )
        })
    }
}

/// Every meeting of a series, by number.
fn series_meetings(tx: &Connection, series: &Id) -> Result<Vec<Meeting>, Fault> {
    list(
        tx,
        Record::Meeting,
        &format!("SELECT {MEETING_COLS} FROM meetings m WHERE m.series = ?1 ORDER BY m.number"),
        [series],
        meeting_from_row,
    )
}

/// Writes the carry-over of a new meeting: open issues as agenda, active decisions for review.
fn carry_into(w: &Writer<'_>, meeting: &Meeting) -> Result<(), Fault> {
    let tx = w.tx;
    let issues = list(
        tx,
        Record::Issue,
        &format!(
            "SELECT {ISSUE_COLS} FROM issues i WHERE i.series = ?1 AND i.status IN {}",
            *OPEN_ISSUES
        ),
        [&meeting.series],
        issue_from_row,
    )?;
    let decisions = list(
        tx,
        Record::Decision,
        &format!(
            "SELECT {DECISION_COLS} FROM decisions d JOIN meetings m ON m.id = d.meeting
             WHERE m.series = ?1 AND m.id <> ?2 AND d.status IN {}",
            *ACTIVE_DECISIONS
        ),
        [&meeting.series, &meeting.id],
        decision_from_row,
    )?;
    let categories = list(
        tx,
        Record::Category,
        &format!("SELECT {CATEGORY_COLS} FROM categories"),
        [],
        category_from_row,
    )?;
    let carried = carry_over(&issues, &decisions, &categories, meeting.date);
    let agenda = carried.agenda.iter().map(|i| &i.id);
    insert_items(w, "agenda_items", "issue", &meeting.id, agenda)?;
    let review = carried.to_review.iter().map(|d| &d.id);
    insert_items(w, "review_items", "decision", &meeting.id, review)?;
    Ok(())
}

/// Writes a meeting's ordered list of carried-over records (its agenda or review list); used
/// by `create_meeting` and synth.
pub(crate) fn insert_items<'a>(
    w: &Writer<'_>,
    table: &'static str,
    column: &str,
    meeting: &Id,
    records: impl Iterator<Item = &'a Id>,
) -> Result<(), Fault> {
    for (pos, record) in records.enumerate() {
        let id = Id::new();
        w.tx.prepare_cached(&format!(
            "INSERT INTO {table} (id, meeting, {column}, position) VALUES (?1, ?2, ?3, ?4)"
        ))?
        .execute(params![id, meeting, record, pos as i64])?;
        w.inserted(table, id.as_str())?;
    }
    Ok(())
}
