//! The records of the series the meeting's own records refer to, added so that the bundle is
//! closed under reference: issues, other meetings, people, agencies and categories.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};

use super::MeetingBundle;
use crate::domain::{Agency, Amended, Category, Id, Issue, Meeting, Person};
use crate::store::error::Record;
use crate::store::fault::Fault;
use crate::store::listed::{RowFn, list};
use crate::store::meetings::load_meeting;
use crate::store::rows::*;

/// Adds the issues, meetings, people, agencies and categories the records refer to, in the
/// order references run: issues name meetings, meetings name people, people name agencies.
pub(super) fn add_referenced(tx: &Connection, b: &mut MeetingBundle) -> Result<(), Fault> {
    b.issues = referenced_issues(tx, b)?;
    b.other_meetings = referenced_meetings(tx, b)?;
    b.people = referenced_people(tx, b)?;
    b.agencies = referenced_agencies(tx, b)?;
    b.categories = referenced_categories(tx, b)?;
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
                // The category's order is the column after the issue's own.
                let order = ISSUE_COLS.split(',').count();
                Ok((r.get::<_, i64>(order)?, issue_from_row(r)?))
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

/// The people the meetings and records name: chairs and secretaries, those attending and
/// those they stood in for, speakers, and who raised each issue; by name.
fn referenced_people(tx: &Connection, b: &MeetingBundle) -> Result<Vec<Person>, Fault> {
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
        .chain(amended_ids(b, Amended::people))
        .collect();
    all_of(
        tx,
        Record::Person,
        &format!("SELECT {PERSON_COLS} FROM people ORDER BY name_f, id"),
        person_from_row,
        |p| people.contains(&p.id),
    )
}

/// The agencies named: the series' members, the people's agencies, and the lead and
/// supporting agencies of every decision; by name.
fn referenced_agencies(tx: &Connection, b: &MeetingBundle) -> Result<Vec<Agency>, Fault> {
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
        .chain(amended_ids(b, Amended::agencies))
        .collect();
    all_of(
        tx,
        Record::Agency,
        &format!("SELECT {AGENCY_COLS} FROM agencies ORDER BY names_f, id"),
        agency_from_row,
        |a| agencies.contains(&a.id),
    )
}

/// The ids the amendments' changes name, before and after (an agency an amendment replaced is
/// named in the minutes' «اصلاحیه‌ها» too).
fn amended_ids<'a>(
    b: &'a MeetingBundle,
    of: fn(&'a Amended) -> Vec<&'a Id>,
) -> impl Iterator<Item = &'a Id> {
    b.amendments.iter().flat_map(|a| &a.changes).flat_map(of)
}

/// The categories of the issues, in category order.
fn referenced_categories(tx: &Connection, b: &MeetingBundle) -> Result<Vec<Category>, Fault> {
    let categories: BTreeSet<&Id> = b
        .issues
        .iter()
        .filter_map(|i| i.category.as_ref())
        .collect();
    all_of(
        tx,
        Record::Category,
        &format!("SELECT {CATEGORY_COLS} FROM categories ORDER BY ord, name_f, id"),
        category_from_row,
        |c| categories.contains(&c.id),
    )
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
