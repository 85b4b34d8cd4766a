//! What was recorded in the meeting itself: its attendance, statements, decisions, the earlier
//! decisions it reviewed, its agenda and amendments, and the follow-ups of those decisions.

use rusqlite::Connection;

use crate::domain::{Attendance, Decision, FollowUp, Id, Statement};
use crate::store::error::Record;
use crate::store::fault::Fault;
use crate::store::listed::list;
use crate::store::rows::*;

/// The meeting's attendance, in the order it was first recorded.
pub(super) fn attendance_of(tx: &Connection, meeting: &Id) -> Result<Vec<Attendance>, Fault> {
    list(
        tx,
        Record::Attendance,
        &format!("SELECT {ATTENDANCE_COLS} FROM attendance WHERE meeting = ?1 ORDER BY id"),
        [meeting.as_str()],
        attendance_from_row,
    )
}

/// The meeting's statements, in the order they were said.
pub(super) fn statements_of(tx: &Connection, meeting: &Id) -> Result<Vec<Statement>, Fault> {
    list(
        tx,
        Record::Statement,
        &format!(
            "SELECT {STATEMENT_COLS} FROM statements s WHERE s.meeting = ?1 ORDER BY s.fts_key"
        ),
        [meeting.as_str()],
        statement_from_row,
    )
}

/// The meeting's own decisions, by number.
pub(crate) fn decisions_of(tx: &Connection, meeting: &Id) -> Result<Vec<Decision>, Fault> {
    list(
        tx,
        Record::Decision,
        &format!(
            "SELECT {DECISION_COLS} FROM decisions d JOIN meetings m ON m.id = d.meeting
             WHERE d.meeting = ?1 ORDER BY d.item"
        ),
        [meeting.as_str()],
        decision_from_row,
    )
}

/// The earlier decisions the meeting reviewed, in review order.
pub(crate) fn reviewed_in(tx: &Connection, meeting: &Id) -> Result<Vec<Decision>, Fault> {
    list(
        tx,
        Record::Decision,
        &format!(
            "SELECT {DECISION_COLS} FROM review_items v
             JOIN decisions d ON d.id = v.decision JOIN meetings m ON m.id = d.meeting
             WHERE v.meeting = ?1 ORDER BY v.position"
        ),
        [meeting.as_str()],
        decision_from_row,
    )
}

/// The agenda (دستور جلسه) of meeting `?1`, as rows `(id, part, pos)` to be ordered by `part,
/// pos`: the issues carried into it when it was created, in their order, then the issues raised
/// in the meeting itself, as they were raised. The one rule for the room, the minutes and
/// [`Store::agenda`](crate::store::Store::agenda); `meeting_summaries` counts by the same rule.
pub(crate) const AGENDA: &str = "SELECT a.issue AS id, 0 AS part, a.position AS pos
       FROM agenda_items a WHERE a.meeting = ?1
     UNION ALL
     SELECT r.id, 1, r.fts_key FROM issues r
      WHERE r.raised_in = ?1
        AND NOT EXISTS (SELECT 1 FROM agenda_items x WHERE x.meeting = ?1 AND x.issue = r.id)";

/// The agenda: issue ids, in order.
pub(super) fn agenda_of(tx: &Connection, meeting: &Id) -> Result<Vec<Id>, Fault> {
    list(
        tx,
        Record::AgendaItem,
        &format!("SELECT id FROM ({AGENDA}) ORDER BY part, pos"),
        [meeting.as_str()],
        |r| Ok(Id::from_string(r.get::<_, String>(0)?)),
    )
}

/// Every follow-up of `decisions`, oldest first.
pub(super) fn follow_ups_of<'a>(
    tx: &Connection,
    decisions: impl Iterator<Item = &'a Decision>,
) -> Result<Vec<FollowUp>, Fault> {
    let mut follow_ups = Vec::new();
    for d in decisions {
        follow_ups.extend(list(
            tx,
            Record::FollowUp,
            &format!("SELECT {FOLLOW_UP_COLS} FROM follow_ups WHERE decision = ?1 ORDER BY id"),
            [d.id.as_str()],
            follow_up_from_row,
        )?);
    }
    follow_ups.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(follow_ups)
}
