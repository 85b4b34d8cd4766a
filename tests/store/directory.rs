//! The directory a secretary builds herself: categories, agencies, people, and merging the
//! duplicates a hurried typist makes.

use hamyar::domain::RuleError;
use hamyar::store::StoreError;

use super::support::*;

#[test]
fn a_new_category_goes_last_and_a_name_is_taken_however_spelled() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let first = store.new_category("  اخذ مجوز ", None).unwrap();
    assert_eq!((first.name.as_str(), first.order), ("اخذ مجوز", 1));
    let second = store.new_category("كد بهداشتي (۱۴۰۵)", None).unwrap();
    assert_eq!(second.order, 2);
    for same in ["کد بهداشتی (1405)", "كد‌بهداشتي (۱۴۰۵)"] {
        let err = store.new_category(same, None).unwrap_err();
        assert!(
            matches!(&err, StoreError::Rule(RuleError::NameTaken(n)) if n == same.trim()),
            "{same}: {err:?}"
        );
    }
    assert!(matches!(
        store.new_category(" \u{200c} ", None),
        Err(StoreError::Rule(RuleError::EmptyName))
    ));
    let names: Vec<String> = store
        .list_categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["اخذ مجوز", "كد بهداشتي (۱۴۰۵)"]);
    store.undo_last().unwrap();
    assert_eq!(store.list_categories().unwrap().len(), 1);
}

#[test]
fn a_person_is_saved_with_invitations_and_a_guest_is_one_undoable_action() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let mut p = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: "آقای رضایی".into(),
        title: "رئیس شعبه".into(),
        agency: Some(f.bank.id.clone()),
        active: true,
    };
    f.store
        .save_person(&p, std::slice::from_ref(&f.series.id))
        .unwrap();
    assert_eq!(f.store.invitees(&f.series.id).unwrap(), [p.id.clone()]);
    // Saved again: the title changes and the invitation is dropped, in one action.
    p.title = "معاون شعبه".into();
    f.store.save_person(&p, &[]).unwrap();
    assert_eq!(f.store.get_person(&p.id).unwrap().title, "معاون شعبه");
    assert!(f.store.invitees(&f.series.id).unwrap().is_empty());
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!((undone.action.code(), undone.records), ("update_person", 2));
    assert_eq!(f.store.get_person(&p.id).unwrap().title, "رئیس شعبه");
    assert_eq!(f.store.invitees(&f.series.id).unwrap(), [p.id.clone()]);
    // An agency that does not exist, or no name, is refused and nothing is written.
    let ghost = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        agency: Some(hamyar::domain::Id::new()),
        ..p.clone()
    };
    assert!(f.store.save_person(&ghost, &[]).is_err());
    let nameless = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: " ".into(),
        agency: None,
        ..p.clone()
    };
    assert!(matches!(
        f.store.save_person(&nameless, &[]),
        Err(StoreError::Rule(RuleError::EmptyName))
    ));
    assert_eq!(f.store.list_people().unwrap().len(), 2);

    // A guest: person, invitation and attendance in one action.
    let guest = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: "خانم کاظمی".into(),
        title: "نماینده".into(),
        agency: Some(f.health.id.clone()),
        active: true,
    };
    f.store
        .add_guest(&f.meeting.id, &guest, std::slice::from_ref(&f.series.id))
        .unwrap();
    let att = f.store.list_attendance(&f.meeting.id).unwrap();
    assert_eq!(att.len(), 1);
    assert_eq!(att[0].person, guest.id);
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!((undone.action.code(), undone.records), ("add_guest", 3));
    assert!(f.store.list_attendance(&f.meeting.id).unwrap().is_empty());
    assert_eq!(f.store.list_people().unwrap().len(), 2);
}

/// Every table's rows as JSON, to compare a database before a merge and after its undo; row
/// versions aside, which the undo moves on (a screen that read the merged state is stale).
fn everything(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for t in [
        "series",
        "agencies",
        "people",
        "meetings",
        "attendance",
        "issues",
        "statements",
        "decisions",
        "invitees",
    ] {
        let mut st = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY id"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut row = String::new();
                for i in (0..n).filter(|i| r.as_ref().column_name(*i) != Ok("version")) {
                    let v: rusqlite::types::Value = r.get(i)?;
                    row.push_str(&format!("{v:?}|"));
                }
                Ok(format!("{t}: {row}"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn merging_two_agencies_moves_every_reference_and_undo_brings_the_duplicate_back() {
    use hamyar::domain::{Agency, Id, MeetingStatus, Person};
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    // The bank typed twice, the second time with Arabic letters; the kept one has no short name.
    let keep = Agency {
        short_name: String::new(),
        ..agency("بانک توسعه تعاون", "", "")
    };
    let dup = agency(
        "بانك توسعه تعاون",
        "Cooperative Development Bank",
        "توسعه تعاون",
    );
    f.store.add_agency(&keep).unwrap();
    f.store.add_agency(&dup).unwrap();
    let mut series = f.series.clone();
    series.member_agencies = vec![keep.id.clone(), dup.id.clone(), f.health.id.clone()];
    f.store
        .update_series(
            &series,
            f.store
                .row_version(hamyar::store::Record::Series, &series.id)
                .unwrap(),
        )
        .unwrap();
    let clerk = Person {
        id: Id::new(),
        name: "آقای رضایی".into(),
        title: "رئیس شعبه".into(),
        agency: Some(dup.id.clone()),
        active: true,
    };
    f.store.add_person(&clerk).unwrap();
    let mut led = new_decision(&f.meeting.id, &dup.id, "وام ۵۰ میلیون ریالی بدهد", None);
    led.supporting_agencies = vec![keep.id.clone(), f.health.id.clone()];
    let led = f.store.record_decision(&led).unwrap();
    let mut helped = new_decision(&f.meeting.id, &f.health.id, "کد بهداشتی صادر شود", None);
    helped.supporting_agencies = vec![dup.id.clone(), keep.id.clone()];
    let helped = f.store.record_decision(&helped).unwrap();
    // Its meeting approved: the merge reaches the minutes too, and is still undone.
    close(&mut f.store, &f.meeting.id);
    f.store
        .set_meeting_status(&f.meeting.id, MeetingStatus::Approved)
        .unwrap();
    let before = everything(&path);

    let report = f.store.merge_agencies(&keep.id, &dup.id).unwrap();
    assert_eq!(
        report.moved,
        [("people", 1), ("decisions", 2), ("series", 1)],
        "{report:?}"
    );
    assert!(
        f.store.get_agency(&dup.id).is_err(),
        "the duplicate is gone"
    );
    let kept = f.store.get_agency(&keep.id).unwrap();
    assert_eq!(kept.name, "بانک توسعه تعاون");
    assert_eq!(
        (kept.name_en.as_str(), kept.short_name.as_str()),
        ("Cooperative Development Bank", "توسعه تعاون"),
        "its empty names filled from the duplicate's"
    );
    assert_eq!(
        f.store.get_person(&clerk.id).unwrap().agency,
        Some(keep.id.clone())
    );
    let led = f.store.get_decision(&led.id).unwrap();
    assert_eq!(led.lead_agency, keep.id);
    assert_eq!(
        led.supporting_agencies,
        [f.health.id.clone()],
        "not its own supporter"
    );
    let helped = f.store.get_decision(&helped.id).unwrap();
    assert_eq!(
        helped.supporting_agencies,
        std::slice::from_ref(&keep.id),
        "listed once"
    );
    assert_eq!(
        f.store.get_series(&series.id).unwrap().member_agencies,
        [keep.id.clone(), f.health.id.clone()]
    );
    assert!(f.store.integrity_check().unwrap().is_empty());
    // In the history, as one action.
    let h = f.store.history(&keep.id).unwrap();
    assert_eq!(h.last().unwrap().action.code(), "merge_agencies");

    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!(undone.action.code(), "merge_agencies");
    assert_eq!(everything(&path), before, "undo puts every row back");
    assert!(matches!(
        f.store.merge_agencies(&keep.id, &keep.id),
        Err(StoreError::Rule(RuleError::MergeIntoItself))
    ));
}

#[test]
fn merging_two_people_moves_every_reference_and_keeps_one_attendance_per_meeting() {
    use hamyar::domain::{Attendance, AttendanceState, Id, Issue, IssueStatus, Person, Statement};
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let keep = f.person.clone();
    let dup = Person {
        id: Id::new(),
        name: "خانم سعیدي".into(),
        title: String::new(),
        agency: None,
        active: true,
    };
    let other = Person {
        id: Id::new(),
        name: "آقای کاظمی".into(),
        title: "نماینده".into(),
        agency: Some(f.bank.id.clone()),
        active: true,
    };
    f.store.add_person(&dup).unwrap();
    f.store.add_person(&other).unwrap();
    let mut m1 = f.meeting.clone();
    m1.chair = Some(dup.id.clone());
    m1.secretary = Some(dup.id.clone());
    f.store
        .update_meeting(
            &m1,
            f.store
                .row_version(hamyar::store::Record::Meeting, &m1.id)
                .unwrap(),
        )
        .unwrap();
    let here = |person: &Id, state, stands_for: Option<&Id>| Attendance {
        id: Id::new(),
        meeting: f.meeting.id.clone(),
        person: person.clone(),
        state,
        substitute_for: stands_for.cloned(),
        reason: String::new(),
    };
    // Both entries marked at meeting 1: the kept one's record stays.
    f.store
        .set_attendance(&here(&keep.id, AttendanceState::Present, None))
        .unwrap();
    f.store
        .set_attendance(&here(&dup.id, AttendanceState::Absent, None))
        .unwrap();
    f.store
        .set_attendance(&here(&other.id, AttendanceState::Substitute, Some(&dup.id)))
        .unwrap();
    let issue = Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: None,
        title: "مجوز خانگی".into(),
        description: String::new(),
        raised_in: Some(f.meeting.id.clone()),
        raised_by: Some(dup.id.clone()),
        status: IssueStatus::Open,
    };
    f.store.add_issue(&issue).unwrap();
    let said = Statement {
        id: Id::new(),
        meeting: f.meeting.id.clone(),
        issue: Some(issue.id.clone()),
        speaker: dup.id.clone(),
        text: "مدارک ناقص علت اصلی تأخیر است.".into(),
    };
    f.store.record_statement(&said).unwrap();
    f.store
        .save_person(&keep, std::slice::from_ref(&f.series.id))
        .unwrap();
    f.store
        .save_person(&dup, std::slice::from_ref(&f.series.id))
        .unwrap();
    let before = everything(&path);

    let report = f.store.merge_people(&keep.id, &dup.id).unwrap();
    assert_eq!(
        report.moved,
        [
            ("meetings", 1),
            ("attendance", 2),
            ("issues", 1),
            ("statements", 1),
            ("invitees", 1)
        ],
        "{report:?}"
    );
    assert!(f.store.get_person(&dup.id).is_err());
    let m = f.store.get_meeting(&f.meeting.id).unwrap();
    assert_eq!(
        (m.chair.as_ref(), m.secretary.as_ref()),
        (Some(&keep.id), Some(&keep.id))
    );
    let att = f.store.list_attendance(&f.meeting.id).unwrap();
    assert_eq!(att.len(), 2);
    let mine = att.iter().find(|a| a.person == keep.id).unwrap();
    assert_eq!(
        mine.state,
        AttendanceState::Present,
        "the kept one's record"
    );
    let sub = att.iter().find(|a| a.person == other.id).unwrap();
    assert_eq!(sub.substitute_for, Some(keep.id.clone()));
    assert_eq!(
        f.store.get_issue(&issue.id).unwrap().raised_by,
        Some(keep.id.clone())
    );
    assert_eq!(
        f.store.list_statements(&f.meeting.id).unwrap()[0].speaker,
        keep.id
    );
    assert_eq!(
        f.store.invitees(&f.series.id).unwrap(),
        std::slice::from_ref(&keep.id)
    );
    assert!(f.store.integrity_check().unwrap().is_empty());

    f.store.undo_last().unwrap().unwrap();
    assert_eq!(everything(&path), before, "undo puts every row back");
}

#[test]
fn categories_are_renamed_reordered_and_archived_one_action_each() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let third = f.store.new_category("سرمایه در گردش", None).unwrap();
    let names = |s: &hamyar::store::Store| -> Vec<String> {
        s.list_categories()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(
        names(&f.store),
        ["اخذ مجوز", "کد بهداشتی", "سرمایه در گردش"]
    );
    f.store.move_category(&third.id, -2).unwrap();
    assert_eq!(
        names(&f.store),
        ["سرمایه در گردش", "اخذ مجوز", "کد بهداشتی"]
    );
    f.store.move_category(&third.id, -1).unwrap();
    assert_eq!(names(&f.store)[0], "سرمایه در گردش", "already first");
    assert!(matches!(
        f.store.rename_category(&third.id, "كد بهداشتي"),
        Err(StoreError::Rule(RuleError::NameTaken(_)))
    ));
    f.store
        .rename_category(&third.id, "سرمایهٔ کار (وام ۱۴۰۵)")
        .unwrap();
    let archived = f.store.set_category_archived(&f.permits.id, true).unwrap();
    assert!(archived.archived);
    // Each was one action: undone one at a time.
    f.store.undo_last().unwrap();
    assert!(!f.store.list_categories().unwrap()[1].archived);
    f.store.undo_last().unwrap();
    assert_eq!(names(&f.store)[0], "سرمایه در گردش");
    f.store.undo_last().unwrap(); // the move that changed nothing logged nothing: this is the first move
    assert_eq!(
        names(&f.store),
        ["اخذ مجوز", "کد بهداشتی", "سرمایه در گردش"]
    );
    // A category for one series only.
    let own = f.store.new_category("فروشگاه", Some(&f.series.id)).unwrap();
    assert_eq!(own.series.as_ref(), Some(&f.series.id));
    assert!(
        f.store
            .new_category("جای دیگر", Some(&hamyar::domain::Id::new()))
            .is_err()
    );
}
