//! Reading domain records out of rows. Each `*_COLS` list matches its `*_from_row`.

use rusqlite::Row;
use rusqlite::types::Type;

use crate::domain::{
    Agency, Amendment, Attendance, AttendanceState, Category, Date, Decision, DecisionNumber,
    DecisionStatus, FollowUp, Id, Issue, IssueStatus, Meeting, MeetingStatus, Person, Series,
    Statement, TimeOfDay,
};

type R<T> = rusqlite::Result<T>;

fn bad<E: std::error::Error + Send + Sync + 'static>(i: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e))
}

fn id(r: &Row<'_>, i: usize) -> R<Id> {
    Ok(Id::from_string(r.get::<_, String>(i)?))
}

fn opt_id(r: &Row<'_>, i: usize) -> R<Option<Id>> {
    Ok(r.get::<_, Option<String>>(i)?.map(Id::from_string))
}

fn date(r: &Row<'_>, i: usize) -> R<Date> {
    Date::parse_iso(&r.get::<_, String>(i)?).map_err(|e| bad(i, e))
}

fn opt_date(r: &Row<'_>, i: usize) -> R<Option<Date>> {
    r.get::<_, Option<String>>(i)?
        .map(|s| Date::parse_iso(&s).map_err(|e| bad(i, e)))
        .transpose()
}

fn opt_time(r: &Row<'_>, i: usize) -> R<Option<TimeOfDay>> {
    r.get::<_, Option<String>>(i)?
        .map(|s| TimeOfDay::parse(&s).map_err(|e| bad(i, e)))
        .transpose()
}

fn ids(r: &Row<'_>, i: usize) -> R<Vec<Id>> {
    let s: String = r.get(i)?;
    serde_json::from_str(&s).map_err(|e| bad(i, e))
}

macro_rules! status {
    ($t:ty, $r:expr, $i:expr) => {
        <$t>::parse(&$r.get::<_, String>($i)?).map_err(|e| bad($i, e))
    };
}

pub const SERIES_COLS: &str = "id, title, organisation, default_place, member_agencies, quorum";
pub fn series_from_row(r: &Row<'_>) -> R<Series> {
    Ok(Series {
        id: id(r, 0)?,
        title: r.get(1)?,
        organisation: r.get(2)?,
        default_place: r.get(3)?,
        member_agencies: ids(r, 4)?,
        quorum: r.get(5)?,
    })
}

pub const AGENCY_COLS: &str = "id, name, name_en, short_name, active";
pub fn agency_from_row(r: &Row<'_>) -> R<Agency> {
    Ok(Agency {
        id: id(r, 0)?,
        name: r.get(1)?,
        name_en: r.get(2)?,
        short_name: r.get(3)?,
        active: r.get(4)?,
    })
}

pub const PERSON_COLS: &str = "id, name, title, agency";
pub fn person_from_row(r: &Row<'_>) -> R<Person> {
    Ok(Person {
        id: id(r, 0)?,
        name: r.get(1)?,
        title: r.get(2)?,
        agency: opt_id(r, 3)?,
    })
}

pub const CATEGORY_COLS: &str = "id, name, ord";
pub fn category_from_row(r: &Row<'_>) -> R<Category> {
    Ok(Category {
        id: id(r, 0)?,
        name: r.get(1)?,
        order: r.get(2)?,
    })
}

pub const MEETING_COLS: &str = "m.id, m.series, m.number, m.date, m.start_time, m.end_time, m.place, m.chair, m.secretary, m.status, m.next_meeting";
pub fn meeting_from_row(r: &Row<'_>) -> R<Meeting> {
    Ok(Meeting {
        id: id(r, 0)?,
        series: id(r, 1)?,
        number: r.get(2)?,
        date: date(r, 3)?,
        start_time: opt_time(r, 4)?,
        end_time: opt_time(r, 5)?,
        place: r.get(6)?,
        chair: opt_id(r, 7)?,
        secretary: opt_id(r, 8)?,
        status: status!(MeetingStatus, r, 9)?,
        next_meeting: opt_date(r, 10)?,
    })
}

pub const ATTENDANCE_COLS: &str = "id, meeting, person, state, substitute_for, reason";
pub fn attendance_from_row(r: &Row<'_>) -> R<Attendance> {
    Ok(Attendance {
        id: id(r, 0)?,
        meeting: id(r, 1)?,
        person: id(r, 2)?,
        state: status!(AttendanceState, r, 3)?,
        substitute_for: opt_id(r, 4)?,
        reason: r.get(5)?,
    })
}

pub const ISSUE_COLS: &str =
    "i.id, i.series, i.category, i.title, i.description, i.raised_in, i.raised_by, i.status";
pub fn issue_from_row(r: &Row<'_>) -> R<Issue> {
    Ok(Issue {
        id: id(r, 0)?,
        series: id(r, 1)?,
        category: opt_id(r, 2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        raised_in: opt_id(r, 5)?,
        raised_by: opt_id(r, 6)?,
        status: status!(IssueStatus, r, 7)?,
    })
}

pub const STATEMENT_COLS: &str = "s.id, s.meeting, s.issue, s.speaker, s.text";
pub fn statement_from_row(r: &Row<'_>) -> R<Statement> {
    Ok(Statement {
        id: id(r, 0)?,
        meeting: id(r, 1)?,
        issue: opt_id(r, 2)?,
        speaker: id(r, 3)?,
        text: r.get(4)?,
    })
}

/// Needs `decisions d JOIN meetings m ON m.id = d.meeting`.
pub const DECISION_COLS: &str = "d.id, d.meeting, m.number, d.item, d.issue, d.text, d.lead_agency, d.supporting_agencies, d.due, d.status";
pub fn decision_from_row(r: &Row<'_>) -> R<Decision> {
    Ok(Decision {
        id: id(r, 0)?,
        meeting: id(r, 1)?,
        number: DecisionNumber {
            meeting: r.get(2)?,
            item: r.get(3)?,
        },
        issue: opt_id(r, 4)?,
        text: r.get(5)?,
        lead_agency: id(r, 6)?,
        supporting_agencies: ids(r, 7)?,
        due: opt_date(r, 8)?,
        status: status!(DecisionStatus, r, 9)?,
    })
}

pub const FOLLOW_UP_COLS: &str = "id, decision, meeting, date, new_status, note";
pub fn follow_up_from_row(r: &Row<'_>) -> R<FollowUp> {
    Ok(FollowUp {
        id: id(r, 0)?,
        decision: id(r, 1)?,
        meeting: opt_id(r, 2)?,
        date: date(r, 3)?,
        new_status: status!(DecisionStatus, r, 4)?,
        note: r.get(5)?,
    })
}

pub const AMENDMENT_COLS: &str = "id, meeting, date, reason, text";
pub fn amendment_from_row(r: &Row<'_>) -> R<Amendment> {
    Ok(Amendment {
        id: id(r, 0)?,
        meeting: id(r, 1)?,
        date: date(r, 2)?,
        reason: r.get(3)?,
        text: r.get(4)?,
    })
}

/// A JSON array of ids, as stored for lists of agencies.
pub fn ids_json(ids: &[Id]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}
