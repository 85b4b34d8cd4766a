//! Every entity goes in and comes back out the same.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{ActionFilter, DecisionEdit, StoreError};

#[test]
fn setup_entities_round_trip() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let s = &f.store;
    assert_eq!(s.list_series().unwrap(), vec![f.series.clone()]);
    assert_eq!(s.get_series(&f.series.id).unwrap(), f.series);
    assert_eq!(s.get_agency(&f.bank.id).unwrap(), f.bank);
    assert_eq!(s.list_agencies().unwrap().len(), 2);
    assert_eq!(s.get_person(&f.person.id).unwrap(), f.person);
    assert_eq!(s.list_people().unwrap(), vec![f.person.clone()]);
    assert_eq!(
        s.list_categories().unwrap(),
        vec![f.permits.clone(), f.health_code.clone()]
    );
    assert_eq!(
        s.find_categories("كد").unwrap(),
        vec![f.health_code.clone()]
    );
    // Found through fold: Arabic kaf and yeh, and by the English or short name.
    assert_eq!(
        s.find_agencies("بانك كشاورزي").unwrap(),
        vec![f.bank.clone()]
    );
    assert_eq!(s.find_agencies("KESHAVARZI").unwrap(), vec![f.bank.clone()]);
    assert!(s.find_agencies("").unwrap().is_empty());
    // Reopening the file gives the same records.
    let path2 = s.path().to_path_buf();
    drop(f.store);
    let s = open(&path2);
    assert_eq!(s.get_agency(&f.health.id).unwrap(), f.health);
}

#[test]
fn meetings_issues_statements_round_trip() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = &f.meeting;
    assert_eq!(m.number, 1);
    assert_eq!(m.status, MeetingStatus::Draft);
    assert_eq!(f.store.get_meeting(&m.id).unwrap(), *m);
    assert_eq!(f.store.meeting_by_number(&f.series.id, 1).unwrap(), *m);
    assert!(matches!(
        f.store.meeting_by_number(&f.series.id, 9),
        Err(StoreError::NoMeetingNumber { number: 9 })
    ));

    let mut edited = m.clone();
    edited.start_time = Some(TimeOfDay::parse("09:30").unwrap());
    edited.end_time = Some(TimeOfDay::parse("11:00").unwrap());
    edited.next_meeting = Some(Date::from_jalali(1393, 2, 15).unwrap());
    edited.chair = Some(f.person.id.clone());
    let got = f
        .store
        .update_meeting(
            &edited,
            f.store
                .row_version(hamyar::store::Record::Meeting, &edited.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(got, edited);

    let issue = Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: Some(f.health_code.id.clone()),
        title: "کد بهداشتی محصولات".into(),
        description: "اعضا برای اخذ کد بهداشتي مشکل دارند".into(),
        raised_in: Some(m.id.clone()),
        raised_by: Some(f.person.id.clone()),
        status: IssueStatus::Open,
    };
    f.store.add_issue(&issue).unwrap();
    assert_eq!(f.store.get_issue(&issue.id).unwrap(), issue);
    assert_eq!(
        f.store
            .list_issues(&f.series.id, Some(&f.health_code.id))
            .unwrap(),
        vec![issue.clone()]
    );
    assert!(
        f.store
            .list_issues(&f.series.id, Some(&f.permits.id))
            .unwrap()
            .is_empty()
    );
    let resolved = f
        .store
        .set_issue_status(&issue.id, IssueStatus::Resolved)
        .unwrap();
    assert_eq!(resolved.status, IssueStatus::Resolved);
    assert!(matches!(
        f.store.set_issue_status(&issue.id, IssueStatus::Dropped),
        Err(StoreError::Transition(_))
    ));

    let st = Statement {
        id: Id::new(),
        meeting: m.id.clone(),
        issue: Some(issue.id.clone()),
        speaker: f.person.id.clone(),
        text: "مراجعه به مرکز بهداشت لازم است".into(),
    };
    f.store.record_statement(&st).unwrap();
    assert_eq!(f.store.list_statements(&m.id).unwrap(), vec![st.clone()]);
    let st2 = f
        .store
        .update_statement(
            &st.id,
            "متن اصلاح‌شده",
            f.store
                .row_version(hamyar::store::Record::Statement, &st.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(st2.text, "متن اصلاح‌شده");

    let att = Attendance {
        id: Id::new(),
        meeting: m.id.clone(),
        person: f.person.id.clone(),
        state: AttendanceState::Excused,
        substitute_for: None,
        reason: "مأموریت".into(),
    };
    f.store.set_attendance(&att).unwrap();
    assert_eq!(f.store.list_attendance(&m.id).unwrap(), vec![att.clone()]);
    let present = Attendance {
        id: Id::new(),
        state: AttendanceState::Present,
        reason: String::new(),
        ..att.clone()
    };
    let stored = f.store.set_attendance(&present).unwrap();
    assert_eq!(stored.id, att.id, "one row per person and meeting");
    assert_eq!(f.store.list_attendance(&m.id).unwrap(), vec![stored]);
    assert!(f.store.integrity_check().unwrap().is_empty());
}

#[test]
fn decisions_follow_ups_and_numbers() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.clone();
    let due = Some(today().add_days(-5));
    let mut d1 = new_decision(&m.id, &f.bank.id, "پرداخت وام", due);
    d1.supporting_agencies = vec![f.health.id.clone()];
    let d1 = f.store.record_decision(&d1).unwrap();
    let d2 = f
        .store
        .record_decision(&new_decision(&m.id, &f.health.id, "صدور کد", None))
        .unwrap();
    let d3 = f
        .store
        .record_decision(&new_decision(&m.id, &f.bank.id, "سوم", None))
        .unwrap();
    assert_eq!(
        [
            d1.number.to_string(),
            d2.number.to_string(),
            d3.number.to_string()
        ],
        ["1/1", "1/2", "1/3"]
    );
    assert_eq!(f.store.get_decision(&d1.id).unwrap(), d1);
    assert_eq!(d1.supporting_agencies, vec![f.health.id.clone()]);

    // Deleting does not renumber, and the deleted number is not given out again.
    f.store.delete_decision(&d3.id).unwrap();
    let d4 = f
        .store
        .record_decision(&new_decision(&m.id, &f.bank.id, "چهارم", None))
        .unwrap();
    assert_eq!(d4.number.to_string(), "1/4");
    let items: Vec<u32> = f
        .store
        .list_decisions(&m.id)
        .unwrap()
        .iter()
        .map(|d| d.number.item)
        .collect();
    assert_eq!(items, [1, 2, 4]);

    let edit = DecisionEdit {
        text: "پرداخت وام اصلاح شد".into(),
        lead_agency: f.health.id.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    let e = f
        .store
        .update_decision(
            &d2.id,
            &edit,
            f.store
                .row_version(hamyar::store::Record::Decision, &d2.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(
        (e.text.as_str(), &e.lead_agency, e.due),
        ("پرداخت وام اصلاح شد", &f.health.id, None)
    );

    let fu = f
        .store
        .record_follow_up(&d1.id, DecisionStatus::InProgress, "در دست بررسی")
        .unwrap();
    assert_eq!(fu.date, today());
    assert_eq!(f.store.list_follow_ups(&d1.id).unwrap(), vec![fu]);
    assert_eq!(
        f.store.get_decision(&d1.id).unwrap().status,
        DecisionStatus::InProgress
    );
    f.store
        .record_follow_up(&d1.id, DecisionStatus::Done, "")
        .unwrap();
    assert!(matches!(
        f.store
            .record_follow_up(&d1.id, DecisionStatus::Cancelled, ""),
        Err(StoreError::Transition(_))
    ));
    assert_eq!(
        f.store.get_decision(&d1.id).unwrap().status,
        DecisionStatus::Done
    );
    // A decision with follow-ups cannot be deleted; it is cancelled instead.
    assert!(matches!(
        f.store.delete_decision(&d1.id),
        Err(StoreError::Rule(RuleError::DecisionFollowedUp(_)))
    ));
    let unknown = new_decision(&m.id, &Id::new(), "x", None);
    assert!(matches!(
        f.store.record_decision(&unknown),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn new_meeting_carries_over_open_work() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m1 = f.meeting.clone();
    let mk_issue = |title: &str, cat: &Category, status| Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: Some(cat.id.clone()),
        title: title.into(),
        description: String::new(),
        raised_in: Some(m1.id.clone()),
        raised_by: None,
        status,
    };
    let open_health = mk_issue("کد", &f.health_code, IssueStatus::Open);
    let open_permit = mk_issue("مجوز", &f.permits, IssueStatus::InProgress);
    let closed = mk_issue("حل شده", &f.permits, IssueStatus::Resolved);
    for i in [&open_health, &open_permit, &closed] {
        f.store.add_issue(i).unwrap();
    }
    let date2 = Date::from_jalali(1393, 2, 15).unwrap();
    let later = f
        .store
        .record_decision(&new_decision(
            &m1.id,
            &f.bank.id,
            "بعدا",
            Some(date2.add_days(10)),
        ))
        .unwrap();
    let overdue = f
        .store
        .record_decision(&new_decision(
            &m1.id,
            &f.bank.id,
            "دیر",
            Some(date2.add_days(-10)),
        ))
        .unwrap();
    let done = f
        .store
        .record_decision(&new_decision(&m1.id, &f.bank.id, "تمام", None))
        .unwrap();
    f.store
        .record_follow_up(&done.id, DecisionStatus::Done, "")
        .unwrap();

    close(&mut f.store, &f.meeting.id);
    let m2 = f
        .store
        .create_meeting(&new_meeting(&f.series.id, date2))
        .unwrap();
    assert_eq!(m2.number, 2);
    let agenda: Vec<Id> = f
        .store
        .agenda(&m2.id)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(agenda, [open_permit.id.clone(), open_health.id.clone()]);
    let review: Vec<Id> = f
        .store
        .review_list(&m2.id)
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(review, [overdue.id.clone(), later.id.clone()]);
    assert_eq!(
        f.store
            .list_meetings(Some(&f.series.id))
            .unwrap()
            .rows
            .len(),
        2
    );
    assert_eq!(f.store.list_meetings(None).unwrap().rows.len(), 2);

    let items = f.store.actions(&ActionFilter::default()).unwrap().rows;
    assert_eq!(items.len(), 3);
    assert!(items[0].overdue && items[0].decision.id == overdue.id);
}
