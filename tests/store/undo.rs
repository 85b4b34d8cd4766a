//! Undo of the last change, and the read-only rule for approved meetings.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{AuditAction, DecisionEdit, Record, StoreError};

#[test]
fn undo_reverts_newest_actions_in_turn() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    let d = f
        .store
        .record_decision(&new_decision(&m, &f.bank.id, "اول", None))
        .unwrap();
    let edit = DecisionEdit {
        text: "اصلاح".into(),
        lead_agency: f.health.id.clone(),
        supporting_agencies: vec![f.bank.id.clone()],
        due: Some(today()),
    };
    f.store
        .update_decision(
            &d.id,
            &edit,
            f.store.row_version(Record::Decision, &d.id).unwrap(),
        )
        .unwrap();
    f.store
        .record_follow_up(&d.id, DecisionStatus::InProgress, "گزارش")
        .unwrap();

    // Follow-up: the follow-up row goes and the decision's status comes back.
    let u = f.store.undo_last().unwrap().unwrap();
    assert_eq!(u.action, AuditAction::RecordFollowUp);
    assert_eq!(u.records, 2);
    assert!(f.store.list_follow_ups(&d.id).unwrap().is_empty());
    assert_eq!(
        f.store.get_decision(&d.id).unwrap().status,
        DecisionStatus::Pending
    );

    // Update: the old text, agency and deadline come back.
    assert_eq!(
        f.store.undo_last().unwrap().unwrap().action,
        AuditAction::UpdateDecision
    );
    assert_eq!(f.store.get_decision(&d.id).unwrap(), d);

    // Insert: the decision goes; its number is still not reused.
    assert_eq!(
        f.store.undo_last().unwrap().unwrap().action,
        AuditAction::RecordDecision
    );
    assert!(matches!(
        f.store.get_decision(&d.id),
        Err(StoreError::NotFound { .. })
    ));
    let d2 = f
        .store
        .record_decision(&new_decision(&m, &f.bank.id, "دوم", None))
        .unwrap();
    assert_eq!(d2.number.item, 2);

    // Delete: the decision comes back whole.
    f.store.delete_decision(&d2.id).unwrap();
    f.store.undo_last().unwrap();
    assert_eq!(f.store.get_decision(&d2.id).unwrap(), d2);
    assert!(f.store.integrity_check().unwrap().is_empty());
    assert_eq!(unaudited_rows(&path), 0);
}

#[test]
fn undo_of_a_new_meeting_removes_its_carry_over_and_stops_at_the_start() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    f.store
        .record_decision(&new_decision(&f.meeting.id, &f.bank.id, "باز", None))
        .unwrap();
    close(&mut f.store, &f.meeting.id);
    let m2 = f
        .store
        .create_meeting(&new_meeting(&f.series.id, today()))
        .unwrap();
    assert_eq!(f.store.review_list(&m2.id).unwrap().len(), 1);
    assert_eq!(
        f.store.undo_last().unwrap().unwrap().action,
        AuditAction::CreateMeeting
    );
    assert!(f.store.get_meeting(&m2.id).is_err());
    assert!(f.store.counts().unwrap().contains(&("review_items", 0)));
    // Undo everything back to the empty file, then nothing more.
    let mut n = 0;
    while f.store.undo_last().unwrap().is_some() {
        n += 1;
        assert!(n < 100);
    }
    assert!(
        f.store
            .counts()
            .unwrap()
            .iter()
            .all(|(t, c)| *t == "changes" || *c == 0)
    );
    assert!(f.store.integrity_check().unwrap().is_empty());
}

#[test]
fn approved_meeting_refuses_edits_and_takes_amendments() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    let d = f
        .store
        .record_decision(&new_decision(&m, &f.bank.id, "مصوبه", Some(today())))
        .unwrap();
    assert!(matches!(
        f.store.record_amendment(&m, "دلیل", "متن"),
        Err(StoreError::Rule(RuleError::NotApprovedYet(_)))
    ));
    for s in [
        MeetingStatus::InProgress,
        MeetingStatus::Closed,
        MeetingStatus::Approved,
    ] {
        f.store.set_meeting_status(&m, s).unwrap();
    }
    let approved = |r: Result<(), StoreError>| {
        matches!(r, Err(StoreError::Rule(RuleError::MeetingApproved(1))))
    };
    assert!(approved(
        f.store
            .record_decision(&new_decision(&m, &f.bank.id, "تازه", None))
            .map(drop)
    ));
    let edit = DecisionEdit {
        text: "تغییر".into(),
        lead_agency: f.bank.id.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    assert!(approved(
        f.store
            .update_decision(
                &d.id,
                &edit,
                f.store.row_version(Record::Decision, &d.id).unwrap()
            )
            .map(drop)
    ));
    assert!(approved(f.store.delete_decision(&d.id)));
    let meeting = f.store.get_meeting(&m).unwrap();
    assert!(approved(
        f.store
            .update_meeting(
                &meeting,
                f.store.row_version(Record::Meeting, &meeting.id).unwrap()
            )
            .map(drop)
    ));
    let st = Statement {
        id: Id::new(),
        meeting: m.clone(),
        issue: None,
        speaker: f.person.id.clone(),
        text: "x".into(),
    };
    assert!(approved(f.store.record_statement(&st)));
    let att = Attendance {
        id: Id::new(),
        meeting: m.clone(),
        person: f.person.id.clone(),
        state: AttendanceState::Present,
        substitute_for: None,
        reason: String::new(),
    };
    assert!(approved(f.store.set_attendance(&att).map(drop)));
    assert!(matches!(
        f.store.set_meeting_status(&m, MeetingStatus::Closed),
        Err(StoreError::Transition(_))
    ));
    // Undo cannot reach behind the approval either.
    assert!(approved(f.store.undo_last().map(drop)));
    assert_eq!(
        f.store.get_meeting(&m).unwrap().status,
        MeetingStatus::Approved
    );
    assert_eq!(f.store.get_decision(&d.id).unwrap(), d);

    // Follow-ups still track the decision's progress, and a mistaken one can be undone.
    f.store
        .record_follow_up(&d.id, DecisionStatus::Cancelled, "اشتباهی")
        .unwrap();
    assert_eq!(
        f.store.undo_last().unwrap().map(|u| u.action),
        Some(AuditAction::RecordFollowUp)
    );
    assert_eq!(f.store.get_decision(&d.id).unwrap(), d);
    assert!(f.store.list_follow_ups(&d.id).unwrap().is_empty());
    f.store
        .record_follow_up(&d.id, DecisionStatus::Done, "انجام شد")
        .unwrap();
    // Corrections go on record as amendments.
    let a = f
        .store
        .record_amendment(&m, "اشتباه در مهلت", "مهلت مصوبه ۱/۱ یک ماه است")
        .unwrap();
    assert_eq!(a.date, today());
    assert_eq!(f.store.list_amendments(&m).unwrap(), vec![a]);
    // Insert; follow-up and its undo; follow-up.
    assert_eq!(f.store.history(&d.id).unwrap().len(), 4);
}

#[test]
fn undo_takes_back_only_this_stores_own_changes() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let m = f.meeting.id.clone();
    drop(f.store);
    let mut a = open(&path);
    let mut b = open(&path);
    let said = |text: &str| Statement {
        id: Id::new(),
        meeting: m.clone(),
        issue: None,
        speaker: f.person.id.clone(),
        text: text.into(),
    };
    let mine = said("نمایندهٔ بانک: وام «قرض‌الحسنه» ۵۰ میلیون ریال است (SMS)");
    let theirs = said("کارشناس بهزیستی: فهرست ۱۰ گروه آماده است");
    a.record_statement(&mine).unwrap();
    b.record_statement(&theirs).unwrap();
    let undone = a.undo_last().unwrap().unwrap();
    assert_eq!(undone.action, AuditAction::RecordStatement);
    let left: Vec<String> = a
        .list_statements(&m)
        .unwrap()
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(
        left,
        std::slice::from_ref(&theirs.text),
        "the other store's statement stays"
    );
    // Nothing else of this store's: the fixture's records, written before, stay too.
    assert!(a.undo_last().unwrap().is_none());
    assert!(a.get_meeting(&m).is_ok());
    assert_eq!(a.list_agencies().unwrap().len(), 2);
}

#[test]
fn undo_refuses_to_overwrite_what_another_store_changed_since() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let (m, bank, health) = (f.meeting.id.clone(), f.bank.id.clone(), f.health.id.clone());
    drop(f.store);
    let mut a = open(&path);
    let mut b = open(&path);
    let first = a
        .record_decision(&new_decision(&m, &bank, "بانک کشاورزی وام بدهد", None))
        .unwrap();
    let d = a
        .record_decision(&new_decision(&m, &bank, "صمت نمایشگاه برگزار کند", None))
        .unwrap();
    let edit = DecisionEdit {
        text: "صمت نمایشگاه ۱۴۰۵ را برگزار کند".into(),
        lead_agency: health.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    let edited = b
        .update_decision(
            &d.id,
            &edit,
            b.row_version(Record::Decision, &d.id).unwrap(),
        )
        .unwrap();
    let refused = a.undo_last().unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::ChangedSince {
                what: Record::Decision
            }
        ),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("another hamyar"), "{refused}");
    assert_eq!(
        a.get_decision(&d.id).unwrap(),
        edited,
        "the other edit is kept"
    );
    // The undo goes on with this store's action before it.
    assert_eq!(
        a.undo_last().unwrap().map(|u| u.action),
        Some(AuditAction::RecordDecision)
    );
    assert!(a.get_decision(&first.id).is_err());
    assert!(a.undo_last().unwrap().is_none());
    assert_eq!(unaudited_rows(&path), 0);
}
