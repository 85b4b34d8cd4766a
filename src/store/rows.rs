//! Reading domain records out of rows. Each `*_COLS` list matches its `*_from_row`.

use rusqlite::Row;
use rusqlite::types::Type;

use crate::domain::{
    Agency, Amendment, Attendance, Category, Decision, DecisionNumber, FollowUp, Id, Issue,
    Meeting, Person, Series, Statement,
};

type R<T> = rusqlite::Result<T>;

/// A JSON array of ids (supporting agencies, series members).
fn ids(r: &Row<'_>, i: usize) -> R<Vec<Id>> {
    let s: String = r.get(i)?;
    serde_json::from_str(&s)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}

pub const SERIES_COLS: &str =
    "id, title, organisation, default_place, member_agencies, quorum, interval_days, archived";
pub fn series_from_row(r: &Row<'_>) -> R<Series> {
    Ok(Series {
        id: r.get(0)?,
        title: r.get(1)?,
        organisation: r.get(2)?,
        default_place: r.get(3)?,
        member_agencies: ids(r, 4)?,
        quorum: r.get(5)?,
        interval_days: r.get(6)?,
        archived: r.get(7)?,
    })
}

pub const AGENCY_COLS: &str = "id, name, name_en, short_name, active";
pub fn agency_from_row(r: &Row<'_>) -> R<Agency> {
    Ok(Agency {
        id: r.get(0)?,
        name: r.get(1)?,
        name_en: r.get(2)?,
        short_name: r.get(3)?,
        active: r.get(4)?,
    })
}

pub const PERSON_COLS: &str = "id, name, title, agency, active";
pub fn person_from_row(r: &Row<'_>) -> R<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        title: r.get(2)?,
        agency: r.get(3)?,
        active: r.get(4)?,
    })
}

pub const CATEGORY_COLS: &str = "id, name, ord, series, archived";
pub fn category_from_row(r: &Row<'_>) -> R<Category> {
    Ok(Category {
        id: r.get(0)?,
        name: r.get(1)?,
        order: r.get(2)?,
        series: r.get(3)?,
        archived: r.get(4)?,
    })
}

pub const MEETING_COLS: &str = "m.id, m.series, m.number, m.date, m.start_time, m.end_time, m.place, m.chair, m.secretary, m.status, m.next_meeting";
pub fn meeting_from_row(r: &Row<'_>) -> R<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        series: r.get(1)?,
        number: r.get(2)?,
        date: r.get(3)?,
        start_time: r.get(4)?,
        end_time: r.get(5)?,
        place: r.get(6)?,
        chair: r.get(7)?,
        secretary: r.get(8)?,
        status: r.get(9)?,
        next_meeting: r.get(10)?,
    })
}

pub const ATTENDANCE_COLS: &str = "id, meeting, person, state, substitute_for, reason";
pub fn attendance_from_row(r: &Row<'_>) -> R<Attendance> {
    Ok(Attendance {
        id: r.get(0)?,
        meeting: r.get(1)?,
        person: r.get(2)?,
        state: r.get(3)?,
        substitute_for: r.get(4)?,
        reason: r.get(5)?,
    })
}

pub const ISSUE_COLS: &str =
    "i.id, i.series, i.category, i.title, i.description, i.raised_in, i.raised_by, i.status";
pub fn issue_from_row(r: &Row<'_>) -> R<Issue> {
    Ok(Issue {
        id: r.get(0)?,
        series: r.get(1)?,
        category: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        raised_in: r.get(5)?,
        raised_by: r.get(6)?,
        status: r.get(7)?,
    })
}

pub const STATEMENT_COLS: &str = "s.id, s.meeting, s.issue, s.speaker, s.text";
pub fn statement_from_row(r: &Row<'_>) -> R<Statement> {
    Ok(Statement {
        id: r.get(0)?,
        meeting: r.get(1)?,
        issue: r.get(2)?,
        speaker: r.get(3)?,
        text: r.get(4)?,
    })
}

/// Needs `decisions d JOIN meetings m ON m.id = d.meeting`.
pub const DECISION_COLS: &str = "d.id, d.meeting, m.number, d.item, d.issue, d.text, d.lead_agency, d.supporting_agencies, d.due, d.status";
pub fn decision_from_row(r: &Row<'_>) -> R<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        meeting: r.get(1)?,
        number: DecisionNumber {
            meeting: r.get(2)?,
            item: r.get(3)?,
        },
        issue: r.get(4)?,
        text: r.get(5)?,
        lead_agency: r.get(6)?,
        supporting_agencies: ids(r, 7)?,
        due: r.get(8)?,
        status: r.get(9)?,
    })
}

pub const FOLLOW_UP_COLS: &str = "id, decision, meeting, date, new_status, note";
pub fn follow_up_from_row(r: &Row<'_>) -> R<FollowUp> {
    Ok(FollowUp {
        id: r.get(0)?,
        decision: r.get(1)?,
        meeting: r.get(2)?,
        date: r.get(3)?,
        new_status: r.get(4)?,
        note: r.get(5)?,
    })
}

pub const AMENDMENT_COLS: &str = "id, meeting, date, reason, text, changes";
pub fn amendment_from_row(r: &Row<'_>) -> R<Amendment> {
    Ok(Amendment {
        id: r.get(0)?,
        meeting: r.get(1)?,
        date: r.get(2)?,
        reason: r.get(3)?,
        text: r.get(4)?,
        changes: {
            let s: String = r.get(5)?;
            serde_json::from_str(&s).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(5, Type::Text, Box::new(e))
            })?
        },
    })
}

/// A JSON array of ids, as stored for lists of agencies.
pub fn ids_json(ids: &[Id]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}
