//! Property: for generated meetings with arbitrary Unicode text, a minutes file exported,
//! imported into an empty database and exported again is the same file; every format renders
//! without panicking.

use std::sync::Arc;

use hamyar::domain::{
    Agency, Attendance, AttendanceState, Category, Date, DecisionStatus, FixedClock, Id, Issue,
    IssueStatus, MeetingStatus, Person, Series, Statement, TimeOfDay,
};
use hamyar::export::{self, Format, json};
use hamyar::i18n::Lang;
use hamyar::store::{NewDecision, NewMeeting, Store};
use hamyar::text::sanitize;
use proptest::prelude::*;

/// Any Unicode (controls and bidi overrides included), sanitized as every way in does.
fn text() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| sanitize(&s).chars().take(60).collect())
}

#[derive(Debug, Clone)]
struct Plan {
    title: String,
    agencies: Vec<String>,
    people: Vec<(String, String)>,
    states: Vec<u8>,
    statements: Vec<String>,
    decisions: Vec<(String, usize, bool, Option<u16>)>,
    follow_up: String,
    day: u16,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        text(),
        prop::collection::vec(text(), 1..4),
        prop::collection::vec((text(), text()), 2..5),
        prop::collection::vec(0u8..4, 5),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(
            (
                text(),
                0usize..4,
                any::<bool>(),
                prop::option::of(0u16..400),
            ),
            1..5,
        ),
        text(),
        0u16..3000,
    )
        .prop_map(
            |(title, agencies, people, states, statements, decisions, follow_up, day)| Plan {
                title,
                agencies,
                people,
                states,
                statements,
                decisions,
                follow_up,
                day,
            },
        )
}

/// Writes the plan as two meetings: the second reviews the first's decisions.
fn build(store: &mut Store, p: &Plan) -> Id {
    let agencies: Vec<Id> = p
        .agencies
        .iter()
        .map(|name| {
            let a = Agency {
                id: Id::new(),
                name: name.clone(),
                name_en: name.chars().rev().collect(),
                short_name: String::new(),
                active: true,
            };
            store.add_agency(&a).unwrap();
            a.id
        })
        .collect();
    let people: Vec<Id> = p
        .people
        .iter()
        .enumerate()
        .map(|(i, (name, title))| {
            let person = Person {
                id: Id::new(),
                name: name.clone(),
                title: title.clone(),
                agency: agencies.get(i).cloned(),
                active: true,
            };
            store.add_person(&person).unwrap();
            person.id
        })
        .collect();
    let category = Category {
        id: Id::new(),
        name: p.title.chars().rev().collect(),
        order: 1,
        archived: false,
        series: None,
    };
    store.add_category(&category).unwrap();
    let series = Series {
        id: Id::new(),
        title: p.title.clone(),
        organisation: p.follow_up.clone(),
        default_place: p.title.clone(),
        member_agencies: agencies.clone(),
        quorum: 1,
        archived: false,
        interval_days: 0,
    };
    store.create_series(&series).unwrap();
    let first_day = Date::from_jalali(1392, 1, 1)
        .unwrap()
        .add_days(i64::from(p.day));
    let mut meeting_id = Id::new();
    for number in 1..=2 {
        if number == 2 {
            // A meeting opens once the one before it has closed.
            store
                .set_meeting_status(&meeting_id, MeetingStatus::Closed)
                .unwrap();
        }
        let m = store
            .create_meeting(&NewMeeting {
                series: series.id.clone(),
                date: first_day.add_days(30 * i64::from(number)),
                start_time: Some(TimeOfDay {
                    hour: 9,
                    minute: 30,
                }),
                end_time: (number == 1).then_some(TimeOfDay {
                    hour: 11,
                    minute: 0,
                }),
                place: p.title.clone(),
                chair: people.first().cloned(),
                secretary: people.get(1).cloned(),
                next_meeting: None,
                number: None,
            })
            .unwrap();
        store
            .set_meeting_status(&m.id, MeetingStatus::InProgress)
            .unwrap();
        let issue = Issue {
            id: Id::new(),
            series: series.id.clone(),
            category: Some(category.id.clone()),
            title: p.follow_up.clone(),
            description: p.title.clone(),
            raised_in: Some(m.id.clone()),
            raised_by: people.first().cloned(),
            status: IssueStatus::Open,
        };
        store.add_issue(&issue).unwrap();
        for (i, person) in people.iter().enumerate() {
            let state = AttendanceState::ALL[usize::from(p.states[i % p.states.len()])];
            let substitute_for = (state == AttendanceState::Substitute)
                .then(|| people[(i + 1) % people.len()].clone());
            store
                .set_attendance(&Attendance {
                    id: Id::new(),
                    meeting: m.id.clone(),
                    person: person.clone(),
                    state,
                    substitute_for,
                    reason: p.title.clone(),
                })
                .unwrap();
        }
        for (i, said) in p.statements.iter().enumerate() {
            let issue = (i % 2 == 0).then(|| issue.id.clone());
            store
                .record_statement(&Statement {
                    id: Id::new(),
                    meeting: m.id.clone(),
                    issue,
                    speaker: people[i % people.len()].clone(),
                    text: said.clone(),
                })
                .unwrap();
        }
        if number == 2 {
            for d in store.review_list(&m.id).unwrap().iter().take(1) {
                store
                    .record_follow_up(&d.id, DecisionStatus::InProgress, &p.follow_up)
                    .unwrap();
            }
        }
        for (text, lead, support, due) in &p.decisions {
            let lead = agencies[lead % agencies.len()].clone();
            let supporting = if *support {
                agencies.iter().filter(|a| **a != lead).cloned().collect()
            } else {
                vec![]
            };
            store
                .record_decision(&NewDecision {
                    meeting: m.id.clone(),
                    issue: Some(issue.id.clone()),
                    text: text.clone(),
                    lead_agency: lead,
                    supporting_agencies: supporting,
                    due: due.map(|d| first_day.add_days(i64::from(d))),
                })
                .unwrap();
        }
        meeting_id = m.id;
    }
    meeting_id
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn generated_minutes_round_trip_through_json_exactly(p in plan()) {
        let dir = tempfile::tempdir().unwrap();
        // After every meeting a plan can date (up to 1400/05): follow-ups are dated today.
        let clock = Arc::new(FixedClock(Date::from_jalali(1410, 1, 1).unwrap()));
        let mut a = Store::open(dir.path().join("a.db"), clock.clone()).unwrap();
        let meeting = build(&mut a, &p);
        let first = json::render(&a.meeting_bundle(&meeting).unwrap(), "2014-05-06T08:30:00Z").unwrap();
        super::export::validate_minutes_file(&serde_json::from_slice(&first).unwrap());

        let mut b = Store::open(dir.path().join("b.db"), clock).unwrap();
        let report = b.import_bundle(&json::parse(&first).unwrap()).unwrap();
        prop_assert!(report.conflicts.is_empty());
        let again = json::render(&b.meeting_bundle(&meeting).unwrap(), "2014-05-06T08:30:00Z").unwrap();
        prop_assert_eq!(String::from_utf8_lossy(&first), String::from_utf8_lossy(&again));
        let twice = b.import_bundle(&json::parse(&first).unwrap()).unwrap();
        prop_assert_eq!((twice.added, twice.updated), (0, 0));

        for lang in [Lang::Fa, Lang::En] {
            let minutes = export::minutes(&b, &meeting, lang).unwrap();
            for format in Format::ALL.into_iter().filter(|f| *f != Format::Pdf) {
                let bytes = export::render(&minutes, format).unwrap();
                prop_assert!(!bytes.is_empty());
            }
            let html = String::from_utf8(export::render(&minutes, Format::Html).unwrap()).unwrap();
            prop_assert!(scraper::Html::parse_document(&html).errors.is_empty());
        }
    }
}
