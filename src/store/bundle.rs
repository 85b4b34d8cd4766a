//! Everything about one meeting, read in one snapshot: the meeting, what was recorded in it, and
//! every record of the series it refers to. The minutes are made from it, and it is what a
//! minutes file carries from one database to another (see `import`).

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Store;
use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{RowFn, list, one};
use super::meetings::load_meeting;
use super::rows::*;
use crate::domain::{
    Agency, Amendment, Attendance, Category, Decision, FollowUp, Id, Issue, Meeting, Person,
    Series, Statement,
};

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

/// The meeting's attendance, in the order it was first recorded.
fn attendance_of(tx: &Connection, meeting: &Id) -> Result<Vec<Attendance>, Fault> {
    list(
        tx,
        Record::Attendance,
        &format!("SELECT {ATTENDANCE_COLS} FROM attendance WHERE meeting = ?1 ORDER BY id"),
        [meeting.as_str()],
        attendance_from_row,
    )
}

/// The meeting's statements, in the order they were said.
fn statements_of(tx: &Connection, meeting: &Id) -> Result<Vec<Statement>, Fault> {
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
fn decisions_of(tx: &Connection, meeting: &Id) -> Result<Vec<Decision>, Fault> {
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
fn reviewed_in(tx: &Connection, meeting: &Id) -> Result<Vec<Decision>, Fault> {
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

/// The agenda: issue ids, in order.
fn agenda_of(tx: &Connection, meeting: &Id) -> Result<Vec<Id>, Fault> {
    list(
        tx,
        Record::AgendaItem,
        "SELECT issue FROM agenda_items WHERE meeting = ?1 ORDER BY position",
        [meeting.as_str()],
        |r| Ok(Id::from_string(r.get::<_, String>(0)?)),
    )
}

fn amendments_of(tx: &Connection, meeting: &Id) -> Result<Vec<Amendment>, Fault> {
    list(
        tx,
        Record::Amendment,
        &format!("SELECT {AMENDMENT_COLS} FROM amendments WHERE meeting = ?1 ORDER BY id"),
        [meeting.as_str()],
        amendment_from_row,
    )
}

/// Every follow-up of `decisions`, oldest first.
fn follow_ups_of<'a>(
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

/// Adds the issues, meetings, people, agencies and categories the records refer to, in the
/// order references run: issues name meetings, meetings name people, people name agencies.
fn add_referenced(tx: &Connection, b: &mut MeetingBundle) -> Result<(), Fault> {
    b.issues = referenced_issues(tx, b)?;
    b.other_meetings = referenced_meetings(tx, b)?;
    let people: BTreeSet<&Id> = std::iter::once(&b.meeting)
        .chain(&b.other_meetings)
        .flat_map(|m| m.chair.iter().chain(m.secretary.iter()))
        .chain(
            b.attendance
                .iter()
                .flat_map(|a| std::iter::once(&a.person).chain(&a.substitute_for)),
        )
        .chain(b.statements.iter().map(|s| &s.speaker))
        .chain(b.issues.iter().filter_map(|i| i.raised_by.as_ref()))
        .collect();
    let people = all_of(
        tx,
        Record::Person,
        &format!("SELECT {PERSON_COLS} FROM people ORDER BY name_f, id"),
        person_from_row,
        |p| people.contains(&p.id),
    )?;
    b.people = people;
    let agencies: BTreeSet<&Id> = b
        .series
        .member_agencies
        .iter()
        .chain(b.people.iter().filter_map(|p| p.agency.as_ref()))
        .chain(
            b.decisions
                .iter()
                .chain(&b.reviewed)
                .flat_map(|d| std::iter::once(&d.lead_agency).chain(&d.supporting_agencies)),
        )
        .collect();
    let agencies = all_of(
        tx,
        Record::Agency,
        &format!("SELECT {AGENCY_COLS} FROM agencies ORDER BY names_f, id"),
        agency_from_row,
        |a| agencies.contains(&a.id),
    )?;
    b.agencies = agencies;
    let categories: BTreeSet<&Id> = b
        .issues
        .iter()
        .filter_map(|i| i.category.as_ref())
        .collect();
    let categories = all_of(
        tx,
        Record::Category,
        &format!("SELECT {CATEGORY_COLS} FROM categories ORDER BY ord, name_f, id"),
        category_from_row,
        |c| categories.contains(&c.id),
    )?;
    b.categories = categories;
    Ok(())
}

/// The issues on the agenda or named by a statement or decision, in category order.
fn referenced_issues(tx: &Connection, b: &MeetingBundle) -> Result<Vec<Issue>, Fault> {
    let issue_ids: BTreeSet<&Id> = b
        .agenda
        .iter()
        .chain(b.statements.iter().filter_map(|s| s.issue.as_ref()))
        .chain(
            b.decisions
                .iter()
                .chain(&b.reviewed)
                .filter_map(|d| d.issue.as_ref()),
        )
        .collect();
    let issue_sql = format!(
        "SELECT {ISSUE_COLS}, coalesce(c.ord, 2147483647) FROM issues i
         LEFT JOIN categories c ON c.id = i.category WHERE i.id = ?1"
    );
    let mut issues = Vec::new();
    for issue in issue_ids {
        let mut st = tx.prepare_cached(&issue_sql)?;
        let found = st
            .query_row([issue.as_str()], |r| {
                Ok((r.get::<_, i64>(8)?, issue_from_row(r)?))
            })
            .optional()?;
        issues.push(found.ok_or_else(|| Fault::not_found(Record::Issue, issue))?);
    }
    issues.sort_by(|(oa, a), (ob, b)| (oa, &a.id).cmp(&(ob, &b.id)));
    Ok(issues.into_iter().map(|(_, i)| i).collect())
}

/// The other meetings the records name: where reviewed decisions were made, follow-ups
/// reported and issues raised; by series and number.
fn referenced_meetings(tx: &Connection, b: &MeetingBundle) -> Result<Vec<Meeting>, Fault> {
    let meeting_ids: BTreeSet<&Id> = b
        .reviewed
        .iter()
        .map(|d| &d.meeting)
        .chain(b.follow_ups.iter().filter_map(|f| f.meeting.as_ref()))
        .chain(b.issues.iter().filter_map(|i| i.raised_in.as_ref()))
        .filter(|m| **m != b.meeting.id)
        .collect();
    let mut others = Vec::new();
    for m in meeting_ids {
        others.push(load_meeting(tx, m)?);
    }
    others.sort_by(|a, b| (&a.series, a.number).cmp(&(&b.series, b.number)));
    Ok(others)
}

/// The rows of a small directory table (people, agencies, categories) read by `sql`, in its
/// order, that `wanted` keeps.
fn all_of<T>(
    tx: &Connection,
    record: Record,
    sql: &str,
    from_row: RowFn<T>,
    wanted: impl Fn(&T) -> bool,
) -> Result<Vec<T>, Fault> {
    let rows = list(tx, record, sql, [], from_row)?;
    Ok(rows.into_iter().filter(|r| wanted(r)).collect())
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
