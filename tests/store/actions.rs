//! Action review filters, and the synthetic data generator.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{ActionFilter, synth};

/// The store's filter of decisions, over every series, judged on the store's day.
fn of(decisions: DecisionFilter) -> ActionFilter {
    ActionFilter {
        decisions,
        ..Default::default()
    }
}

#[test]
fn filters_match_through_fold_and_sort_overdue_first() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    let issue = Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: Some(f.health_code.id.clone()),
        title: "کد بهداشتی".into(),
        description: String::new(),
        raised_in: Some(m.clone()),
        raised_by: None,
        status: IssueStatus::Open,
    };
    f.store.add_issue(&issue).unwrap();
    let t = today();
    let mut late = new_decision(&m, &f.bank.id, "دیر", Some(t.add_days(-3)));
    late.issue = Some(issue.id.clone());
    late.supporting_agencies = vec![f.health.id.clone()];
    let late = f.store.record_decision(&late).unwrap();
    let later = f
        .store
        .record_decision(&new_decision(
            &m,
            &f.bank.id,
            "خیلی دیر",
            Some(t.add_days(-30)),
        ))
        .unwrap();
    let due_today = f
        .store
        .record_decision(&new_decision(&m, &f.bank.id, "امروز", Some(t)))
        .unwrap();
    let undated = f
        .store
        .record_decision(&new_decision(&m, &f.bank.id, "بی‌مهلت", None))
        .unwrap();
    let health = f
        .store
        .record_decision(&new_decision(
            &m,
            &f.health.id,
            "بهداشت",
            Some(t.add_days(-1)),
        ))
        .unwrap();
    f.store
        .record_follow_up(&health.id, DecisionStatus::Done, "")
        .unwrap();

    let ids = |filter: ActionFilter| -> Vec<Id> {
        f.store
            .actions(&filter)
            .unwrap()
            .rows
            .into_iter()
            .map(|a| a.decision.id)
            .collect()
    };
    // Arabic kaf and yeh in the typed name.
    let bank = DecisionFilter {
        agency: Some("بانك كشاورزي".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(of(bank.clone())),
        [
            later.id.clone(),
            late.id.clone(),
            due_today.id.clone(),
            undated.id.clone()
        ]
    );
    let overdue = DecisionFilter {
        overdue: true,
        ..bank.clone()
    };
    assert_eq!(
        ids(of(overdue.clone())),
        [later.id.clone(), late.id.clone()]
    );
    // "Overdue" follows the day asked for, not the clock.
    assert_eq!(
        ids(ActionFilter {
            today: Some(t.add_days(-10)),
            ..of(overdue)
        }),
        vec![later.id.clone()]
    );
    assert_eq!(
        ids(of(DecisionFilter {
            status: Some(DecisionStatus::Done),
            ..Default::default()
        })),
        vec![health.id.clone()]
    );
    assert_eq!(
        ids(of(DecisionFilter {
            category: Some("كد".into()),
            ..Default::default()
        })),
        vec![late.id.clone()]
    );
    let supporting = DecisionFilter {
        agency: Some("Health".into()),
        include_supporting: true,
        ..Default::default()
    };
    assert_eq!(ids(of(supporting)).len(), 2);
    assert!(
        ids(ActionFilter {
            meeting: Some(Id::new()),
            ..Default::default()
        })
        .is_empty()
    );
    assert!(
        ids(of(DecisionFilter {
            agency: Some("ناموجود".into()),
            ..Default::default()
        }))
        .is_empty()
    );

    let items = f
        .store
        .actions(&of(DecisionFilter {
            agency: Some("کشاورزی".into()),
            overdue: true,
            ..Default::default()
        }))
        .unwrap()
        .rows;
    let first = &items[1];
    assert!(first.overdue);
    assert_eq!(first.lead_agency, f.bank.name);
    assert_eq!(first.supporting_agencies, vec![f.health.name.clone()]);
    assert_eq!(first.category.as_deref(), Some("کد بهداشتی"));
    assert_eq!(first.issue_title.as_deref(), Some("کد بهداشتی"));
    assert_eq!(first.decision.number.to_string(), "1/1");
    assert_eq!(first.meeting_date, f.meeting.date);
}

#[test]
fn synth_writes_a_sound_realistic_database() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let report = synth(&mut store, 7, 500, 42).unwrap();
    assert_eq!((report.meetings, report.decisions), (7, 500));
    let counts = store.counts().unwrap();
    assert!(counts.contains(&("decisions", 500)));
    assert!(counts.contains(&("meetings", 7)));
    assert!(store.integrity_check().unwrap().is_empty());
    let meetings = store.list_meetings(None).unwrap().rows;
    assert_eq!(meetings.last().unwrap().status, MeetingStatus::InProgress);
    assert_eq!(store.list_decisions(&meetings[0].id).unwrap().len(), 72);
    let by_agency = of(DecisionFilter {
        agency: Some("بانک کشاورزی".into()),
        ..Default::default()
    });
    assert!(!store.actions(&by_agency).unwrap().rows.is_empty());
    assert!(!store.search("وام").unwrap().is_empty());
    // Numbers continue after the synthetic ones; what is recorded after the synth is audited
    // (the synth itself writes no audit rows: it is never undone record by record).
    let last = meetings.last().unwrap();
    let d = store
        .record_decision(&new_decision(
            &last.id,
            &store.list_agencies().unwrap()[0].id,
            "تازه",
            None,
        ))
        .unwrap();
    assert_eq!(d.number.item, 72);
    assert!(!store.history(&d.id).unwrap().is_empty());
}
