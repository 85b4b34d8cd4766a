//! Everything about one meeting, read in one snapshot: the meeting, what was recorded in it, and
//! every record of the series it refers to. The minutes are made from it, and it is what a
//! minutes file carries from one database to another (see `import`).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

mod records;
mod referenced;

use super::Store;
use super::amendments::amendments_of;
use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::one;
use super::meetings::load_meeting;
use super::rows::{SERIES_COLS, series_from_row};
use crate::domain::{
    Agency, Amendment, Attendance, Category, Decision, FollowUp, Id, Issue, Meeting, Person,
    Series, Statement,
};
use records::{agenda_of, attendance_of, follow_ups_of, statements_of};
use referenced::add_referenced;

/// The room and the decision list read the same lists as the minutes.
pub(crate) use records::{AGENDA, decisions_of, reviewed_in};

/// One meeting and the records it refers to, closed under reference: every id in it names a
/// record that is in it too, so it can be written into an empty database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingBundle {
    pub series: Series,
    pub meeting: Meeting,
    /// The other meetings its records refer to: where reviewed decisions were made, issues
    /// raised and follow-ups reported. Their own records are not included.
    pub other_meetings: Vec<Meeting>,
    pub agencies: Vec<Agency>,
    pub people: Vec<Person>,
    pub categories: Vec<Category>,
    pub issues: Vec<Issue>,
    /// The agenda (دستور جلسه): issue ids, in order.
    pub agenda: Vec<Id>,
    pub attendance: Vec<Attendance>,
    pub statements: Vec<Statement>,
    /// The decisions of this meeting, by number.
    pub decisions: Vec<Decision>,
    /// Earlier decisions reviewed in this meeting (پیگیری مصوبات قبلی), in review order.
    pub reviewed: Vec<Decision>,
    /// Every follow-up of the decisions above, oldest first.
    pub follow_ups: Vec<FollowUp>,
    pub amendments: Vec<Amendment>,
    /// When each record last changed (RFC 3339, UTC), by id: on import, the newer change wins.
    #[serde(default)]
    pub changed_at: BTreeMap<Id, String>,
}

impl Store {
    /// Everything about one meeting, read in one transaction so the parts agree.
    pub fn meeting_bundle(&self, meeting: &Id) -> Result<MeetingBundle, StoreError> {
        self.read(|tx| read_bundle(tx, meeting))
    }
}

/// The meeting and its own records first, then what they refer to, then when each changed:
/// each step reads what the one before it found.
fn read_bundle(tx: &Connection, id: &Id) -> Result<MeetingBundle, Fault> {
    let meeting = load_meeting(tx, id)?;
    let series = one(
        tx,
        Record::Series,
        &format!("SELECT {SERIES_COLS} FROM series WHERE id = ?1"),
        meeting.series.as_str(),
        series_from_row,
    )?;
    let attendance = attendance_of(tx, id)?;
    let statements = statements_of(tx, id)?;
    let decisions = decisions_of(tx, id)?;
    let reviewed = reviewed_in(tx, id)?;
    let agenda = agenda_of(tx, id)?;
    let amendments = amendments_of(tx, id)?;
    let follow_ups = follow_ups_of(tx, decisions.iter().chain(&reviewed))?;
    let mut bundle = MeetingBundle {
        series,
        meeting,
        other_meetings: Vec::new(),
        agencies: Vec::new(),
        people: Vec::new(),
        categories: Vec::new(),
        issues: Vec::new(),
        agenda,
        attendance,
        statements,
        decisions,
        reviewed,
        follow_ups,
        amendments,
        changed_at: BTreeMap::new(),
    };
    add_referenced(tx, &mut bundle)?;
    bundle.changed_at = changed_at(tx, &bundle)?;
    Ok(bundle)
}

/// The time of the newest change of every record in the bundle (by log order, not by clock:
/// an imported change keeps the time it was made where it was made).
fn changed_at(tx: &Connection, b: &MeetingBundle) -> Result<BTreeMap<Id, String>, Fault> {
    let ids = std::iter::once(&b.series.id)
        .chain(std::iter::once(&b.meeting.id))
        .chain(b.other_meetings.iter().map(|m| &m.id))
        .chain(b.agencies.iter().map(|x| &x.id))
        .chain(b.people.iter().map(|x| &x.id))
        .chain(b.categories.iter().map(|x| &x.id))
        .chain(b.issues.iter().map(|x| &x.id))
        .chain(b.attendance.iter().map(|x| &x.id))
        .chain(b.statements.iter().map(|x| &x.id))
        .chain(b.decisions.iter().chain(&b.reviewed).map(|x| &x.id))
        .chain(b.follow_ups.iter().map(|x| &x.id))
        .chain(b.amendments.iter().map(|x| &x.id));
    let mut st =
        tx.prepare_cached("SELECT at FROM changes WHERE entity_id = ?1 ORDER BY seq DESC LIMIT 1")?;
    let mut out = BTreeMap::new();
    for id in ids {
        if let Some(at) = st
            .query_row([id.as_str()], |r| r.get::<_, String>(0))
            .optional()?
        {
            out.insert(id.clone(), at);
        }
    }
    Ok(out)
}
