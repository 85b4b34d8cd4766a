//! Row versions: an edit names the version its screen read, checked in the `UPDATE`; one made
//! on a record that another store changed since is refused and writes nothing.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{DecisionEdit, IssueEdit, Record, StoreError};

#[test]
fn an_edit_of_a_record_changed_since_it_was_read_is_refused() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let (m, bank, health) = (f.meeting.id.clone(), f.bank.id.clone(), f.health.id.clone());
    drop(f.store);
    let mut a = open(&path);
    let mut b = open(&path);
    let d = a
        .record_decision(&new_decision(
            &m,
            &bank,
            "بانک کشاورزی وام «قرض‌الحسنه» بدهد",
            None,
        ))
        .unwrap();
    let read_by_a = a.row_version(Record::Decision, &d.id).unwrap();
    let read_by_b = b.row_version(Record::Decision, &d.id).unwrap();
    let theirs = DecisionEdit {
        text: "بانک کشاورزی وام ۵۰ میلیون ریالی (SMS) بدهد".into(),
        lead_agency: bank.clone(),
        supporting_agencies: vec![health.clone()],
        due: Some(today()),
    };
    let saved = b.update_decision(&d.id, &theirs, read_by_b).unwrap();
    let mine = DecisionEdit {
        text: "معاونت بهداشتی کد صادر کند".into(),
        lead_agency: health.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    let refused = a.update_decision(&d.id, &mine, read_by_a).unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Stale {
                what: Record::Decision
            }
        ),
        "{refused:?}"
    );
    assert_eq!(
        a.get_decision(&d.id).unwrap(),
        saved,
        "nothing was overwritten"
    );
    // Read again, the edit goes through.
    let now = a.row_version(Record::Decision, &d.id).unwrap();
    let edited = a.update_decision(&d.id, &mine, now).unwrap();
    assert_eq!(edited.text, mine.text);

    // A follow-up moves the version on too: a screen that read before it is stale.
    let before = a.row_version(Record::Decision, &d.id).unwrap();
    b.record_follow_up(&d.id, DecisionStatus::InProgress, "نامه رسید")
        .unwrap();
    assert!(matches!(
        a.update_decision(&d.id, &mine, before),
        Err(StoreError::Stale { .. })
    ));
    assert_eq!(unaudited_rows(&path), 0);
}

#[test]
fn statements_issues_meetings_and_series_are_checked_too() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let (m, person, series) = (
        f.meeting.id.clone(),
        f.person.id.clone(),
        f.series.id.clone(),
    );
    drop(f.store);
    let mut a = open(&path);
    let mut b = open(&path);
    let st = Statement {
        id: Id::new(),
        meeting: m.clone(),
        issue: None,
        speaker: person,
        text: "فهرست ۱۰ گروه آماده است".into(),
    };
    a.record_statement(&st).unwrap();
    let v = a.row_version(Record::Statement, &st.id).unwrap();
    b.update_statement(&st.id, "فهرست ۱۲ گروه آماده است", v)
        .unwrap();
    assert!(matches!(
        a.update_statement(&st.id, "فهرست ۹ گروه", v),
        Err(StoreError::Stale {
            what: Record::Statement
        })
    ));

    let issue = Issue {
        id: Id::new(),
        series: series.clone(),
        category: None,
        title: "نبود مجوز خانگی".into(),
        description: String::new(),
        raised_in: Some(m.clone()),
        raised_by: None,
        status: IssueStatus::Open,
    };
    a.add_issue(&issue).unwrap();
    let v = a.row_version(Record::Issue, &issue.id).unwrap();
    b.set_issue_status(&issue.id, IssueStatus::InProgress)
        .unwrap();
    let edit = IssueEdit {
        title: "نبود مجوز".into(),
        category: None,
        description: String::new(),
    };
    assert!(matches!(
        a.update_issue(&issue.id, &edit, v),
        Err(StoreError::Stale {
            what: Record::Issue
        })
    ));

    let meeting = a.get_meeting(&m).unwrap();
    let v = a.row_version(Record::Meeting, &m).unwrap();
    let mut moved = meeting.clone();
    moved.place = "سالن شهدا".into();
    b.update_meeting(&moved, v).unwrap();
    let mut mine = meeting.clone();
    mine.place = "دفتر مدیرکل".into();
    assert!(matches!(
        a.update_meeting(&mine, v),
        Err(StoreError::Stale {
            what: Record::Meeting
        })
    ));
    assert_eq!(a.get_meeting(&m).unwrap().place, "سالن شهدا");

    let s = a.get_series(&series).unwrap();
    let v = a.row_version(Record::Series, &series).unwrap();
    b.set_series_archived(&series, true).unwrap();
    assert!(matches!(
        a.update_series(&s, v),
        Err(StoreError::Stale {
            what: Record::Series
        })
    ));
    // A record that is gone is not found, rather than stale.
    assert!(matches!(
        a.update_statement(&Id::new(), "x", v),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn undo_moves_the_version_on_so_a_stale_screen_cannot_pass_for_current() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let d = f
        .store
        .record_decision(&new_decision(&f.meeting.id, &f.bank.id, "اول", None))
        .unwrap();
    let v0 = f.store.row_version(Record::Decision, &d.id).unwrap();
    let edit = |text: &str| DecisionEdit {
        text: text.into(),
        lead_agency: f.bank.id.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    f.store.update_decision(&d.id, &edit("دوم"), v0).unwrap();
    let v1 = f.store.row_version(Record::Decision, &d.id).unwrap();
    f.store.undo_last().unwrap();
    let v2 = f.store.row_version(Record::Decision, &d.id).unwrap();
    assert!(v2 != v0 && v2 != v1, "{v0:?} {v1:?} {v2:?}");
    f.store.update_decision(&d.id, &edit("سوم"), v2).unwrap();
    // A screen that read «دوم» (version v1) is stale, though a version number came back.
    assert!(matches!(
        f.store.update_decision(&d.id, &edit("چهارم"), v1),
        Err(StoreError::Stale { .. })
    ));
}
