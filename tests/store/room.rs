//! The meeting room's store methods: start and close with times, issue edits, statement
//! deletion, an issue's history, drafts and noticing other writers.

use hamyar::domain::*;
use hamyar::store::{AuditAction, IssueEdit, Store, StoreError};

use super::support::*;

fn issue(f: &Fixture, title: &str) -> Issue {
    Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: Some(f.permits.id.clone()),
        title: title.into(),
        description: "گروه‌ها برای «مجوز خانگی» ۳ ماه منتظر مانده‌اند".into(),
        raised_in: Some(f.meeting.id.clone()),
        raised_by: Some(f.person.id.clone()),
        status: IssueStatus::Open,
    }
}

#[test]
fn starting_and_closing_record_the_clock_times() {
    let (_d, path) = temp_db();
    let mut f = fixture(&path);
    let nine = TimeOfDay::parse("09:05").unwrap();
    let m = f.store.start_meeting(&f.meeting.id, nine).unwrap();
    assert_eq!(
        (m.status, m.start_time),
        (MeetingStatus::InProgress, Some(nine))
    );
    let m = f
        .store
        .close_meeting(&f.meeting.id, TimeOfDay::parse("۱۱:۴۰").unwrap())
        .unwrap();
    assert_eq!(m.status, MeetingStatus::Closed);
    assert_eq!(m.end_time.map(|t| t.to_string()).as_deref(), Some("11:40"));
    // Reopening keeps the first start time.
    let m = f
        .store
        .start_meeting(&f.meeting.id, TimeOfDay::parse("12:00").unwrap())
        .unwrap();
    assert_eq!(m.start_time, Some(nine));
    assert!(matches!(
        f.store.start_meeting(&f.meeting.id, nine),
        Err(StoreError::Transition(_))
    ));
}

#[test]
fn an_issue_edit_moves_it_and_is_found_by_its_new_title() {
    let (_d, path) = temp_db();
    let mut f = fixture(&path);
    let i = issue(&f, "اخذ مجوز");
    f.store.add_issue(&i).unwrap();
    let edited = f
        .store
        .update_issue(
            &i.id,
            &IssueEdit {
                title: "کد بهداشتی محصولات لبنی (SMS به اعضا)".into(),
                category: Some(f.health_code.id.clone()),
                description: "\u{202e}شرح تازه".into(),
            },
            f.store
                .row_version(hamyar::store::Record::Issue, &i.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(edited.category, Some(f.health_code.id.clone()));
    assert_eq!(
        edited.description, "◂شرح تازه",
        "sanitized on the way in: the override shown as its mark"
    );
    let hits = f.store.search("لبني").unwrap();
    assert!(hits.iter().any(|h| h.id == i.id), "{hits:?}");
    assert!(f.store.search("مجوز").unwrap().iter().all(|h| h.id != i.id));
    f.store.undo_last().unwrap();
    assert_eq!(f.store.get_issue(&i.id).unwrap().title, "اخذ مجوز");
}

#[test]
fn statements_are_deleted_only_while_the_meeting_is_editable() {
    let (_d, path) = temp_db();
    let mut f = fixture(&path);
    let s = Statement {
        id: Id::new(),
        meeting: f.meeting.id.clone(),
        issue: None,
        speaker: f.person.id.clone(),
        text: "پیشنهاد شد وام ۵۰ میلیون ریالی پرداخت شود".into(),
    };
    f.store.record_statement(&s).unwrap();
    f.store.delete_statement(&s.id).unwrap();
    assert!(f.store.list_statements(&f.meeting.id).unwrap().is_empty());
    f.store.undo_last().unwrap();
    assert_eq!(f.store.list_statements(&f.meeting.id).unwrap().len(), 1);
    for to in [
        MeetingStatus::InProgress,
        MeetingStatus::Closed,
        MeetingStatus::Approved,
    ] {
        f.store.set_meeting_status(&f.meeting.id, to).unwrap();
    }
    assert!(f.store.delete_statement(&s.id).is_err());
}

#[test]
fn an_issue_history_spans_the_meetings_of_its_series() {
    let (_d, path) = temp_db();
    let mut f = fixture(&path);
    let i = issue(&f, "سرمایه در گردش");
    f.store.add_issue(&i).unwrap();
    let mut d1 = new_decision(&f.meeting.id, &f.bank.id, "بانک کشاورزی وام بدهد", None);
    d1.issue = Some(i.id.clone());
    f.store.record_decision(&d1).unwrap();
    close(&mut f.store, &f.meeting.id);
    let second = f
        .store
        .create_meeting(&new_meeting(
            &f.series.id,
            Date::from_jalali(1393, 2, 16).unwrap(),
        ))
        .unwrap();
    f.store
        .record_statement(&Statement {
            id: Id::new(),
            meeting: second.id.clone(),
            issue: Some(i.id.clone()),
            speaker: f.person.id.clone(),
            text: "هنوز وامی پرداخت نشده است".into(),
        })
        .unwrap();
    let h = f.store.issue_history(&i.id).unwrap();
    let numbers: Vec<u32> = h.meetings.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [1, 2], "raised in 1, on the agenda of 2");
    assert_eq!(h.decisions.len(), 1);
    assert_eq!(h.statements.len(), 1);
}

#[test]
fn drafts_are_kept_and_forgotten_outside_the_undo_stack() {
    let (_d, path) = temp_db();
    let mut f = fixture(&path);
    let key = format!("decision:{}", f.meeting.id);
    let body = serde_json::json!({ "text": "بانک ملی تا پایان ماه ..." });
    f.store.save_draft(&key, &body).unwrap();
    f.store
        .save_draft(&key, &serde_json::json!({ "text": "نسخهٔ تازه" }))
        .unwrap();
    let reopened = Store::open(&path, clock()).unwrap();
    let d = reopened.draft(&key).unwrap().unwrap();
    assert!(d.body.contains("نسخهٔ تازه"));
    assert_eq!(reopened.drafts().unwrap().len(), 1);
    // The newest undoable action is still the fixture's meeting, not a draft.
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!(undone.action, AuditAction::CreateMeeting);
    f.store.delete_draft(&key).unwrap();
    assert_eq!(f.store.draft(&key).unwrap(), None);
}

#[test]
fn data_version_moves_when_another_connection_commits() {
    let (_d, path) = temp_db();
    let f = fixture(&path);
    let before = f.store.data_version().unwrap();
    assert_eq!(
        f.store.data_version().unwrap(),
        before,
        "stable while nobody writes"
    );
    let mut other = Store::open(&path, clock()).unwrap();
    other
        .add_agency(&agency("صندوق کارآفرینی امید", "Omid Fund", "امید"))
        .unwrap();
    assert_ne!(f.store.data_version().unwrap(), before);
}
