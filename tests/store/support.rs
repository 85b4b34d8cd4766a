//! Shared fixtures for the store tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hamyar::domain::{Agency, Category, Date, FixedClock, Id, Meeting, Person, Series};
use hamyar::store::{NewDecision, NewMeeting, Store};

pub fn today() -> Date {
    Date::from_jalali(1393, 2, 15).unwrap()
}

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(today()))
}

pub fn open(path: &Path) -> Store {
    Store::open(path, clock()).unwrap()
}

pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hamyar.db");
    (dir, path)
}

/// A store with one series, two agencies, one person, two categories and one meeting.
pub struct Fixture {
    pub store: Store,
    pub series: Series,
    pub bank: Agency,
    pub health: Agency,
    pub person: Person,
    pub permits: Category,
    pub health_code: Category,
    pub meeting: Meeting,
}

pub fn agency(name: &str, en: &str, short: &str) -> Agency {
    Agency {
        id: Id::new(),
        name: name.into(),
        name_en: en.into(),
        short_name: short.into(),
        active: true,
    }
}

pub fn fixture(path: &Path) -> Fixture {
    let mut store = open(path);
    let bank = agency("بانک کشاورزی", "Bank Keshavarzi", "کشاورزی");
    let health = agency("معاونت بهداشتی", "Health Deputy", "بهداشت");
    store.add_agency(&bank).unwrap();
    store.add_agency(&health).unwrap();
    let person = Person {
        id: Id::new(),
        name: "خانم سعیدی".into(),
        title: "کارشناس".into(),
        agency: Some(health.id.clone()),
        active: true,
    };
    store.add_person(&person).unwrap();
    let permits = Category {
        id: Id::new(),
        name: "اخذ مجوز".into(),
        order: 1,
        archived: false,
        series: None,
    };
    let health_code = Category {
        id: Id::new(),
        name: "کد بهداشتی".into(),
        order: 2,
        archived: false,
        series: None,
    };
    store.add_category(&permits).unwrap();
    store.add_category(&health_code).unwrap();
    let series = Series {
        id: Id::new(),
        title: "نشست حل مشکلات گروه‌های همیار".into(),
        organisation: "بهزیستی استان کرمان".into(),
        default_place: "سالن جلسات".into(),
        member_agencies: vec![bank.id.clone(), health.id.clone()],
        quorum: 2,
        archived: false,
        interval_days: 0,
    };
    store.create_series(&series).unwrap();
    let meeting = store
        .create_meeting(&new_meeting(
            &series.id,
            Date::from_jalali(1392, 12, 20).unwrap(),
        ))
        .unwrap();
    Fixture {
        store,
        series,
        bank,
        health,
        person,
        permits,
        health_code,
        meeting,
    }
}

pub fn new_meeting(series: &Id, date: Date) -> NewMeeting {
    NewMeeting {
        series: series.clone(),
        date,
        start_time: None,
        end_time: None,
        place: "سالن جلسات".into(),
        chair: None,
        secretary: None,
        next_meeting: None,
        number: None,
    }
}

pub fn new_decision(meeting: &Id, agency: &Id, text: &str, due: Option<Date>) -> NewDecision {
    NewDecision {
        meeting: meeting.clone(),
        issue: None,
        text: text.into(),
        lead_agency: agency.clone(),
        supporting_agencies: vec![],
        due,
    }
}

/// SHA-free fingerprint of a file's bytes: the bytes themselves.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Rows of decisions, meetings or follow-ups whose current state has no audit row: what a
/// half-written action would leave.
pub fn unaudited_rows(path: &Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut total = 0;
    for table in ["decisions", "meetings", "follow_ups", "agencies"] {
        let n: i64 = c
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} t WHERE NOT EXISTS (
                         SELECT 1 FROM changes c WHERE c.entity = '{table}' AND c.entity_id = t.id
                         AND c.after IS NOT NULL AND json(c.after) = (
                             SELECT json(after) FROM changes WHERE entity_id = t.id ORDER BY seq DESC LIMIT 1))"
                ),
                [],
                |r| r.get(0),
            )
            .unwrap();
        total += n;
    }
    total
}

/// Starts and closes a meeting: the next one of its series may then open.
pub fn close(store: &mut Store, meeting: &hamyar::domain::Id) {
    use hamyar::domain::MeetingStatus;
    store
        .set_meeting_status(meeting, MeetingStatus::InProgress)
        .unwrap();
    store
        .set_meeting_status(meeting, MeetingStatus::Closed)
        .unwrap();
}
