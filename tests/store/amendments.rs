//! Amendments change what they amend: a decision's text, deadline and agencies, or one
//! person's attendance, applied with the amendment in one transaction, kept before → after,
//! undone together.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{ActionFilter, AuditAction, Record, StoreError};

/// The fixture's meeting with one decision, then approved.
fn approved(f: &mut Fixture) -> Decision {
    let m = f.meeting.id.clone();
    let d = f
        .store
        .record_decision(&new_decision(
            &m,
            &f.bank.id,
            "پرداخت تسهیلات ۵۰ میلیونی (قرض‌الحسنه) به گروه «نور»",
            Date::from_jalali(1405, 10, 30).ok(),
        ))
        .unwrap();
    for s in [
        MeetingStatus::InProgress,
        MeetingStatus::Closed,
        MeetingStatus::Approved,
    ] {
        f.store.set_meeting_status(&m, s).unwrap();
    }
    d
}

fn same(d: &Decision) -> DecisionAmendment {
    DecisionAmendment {
        decision: d.id.clone(),
        text: d.text.clone(),
        lead_agency: d.lead_agency.clone(),
        supporting_agencies: d.supporting_agencies.clone(),
        due: d.due,
    }
}

#[test]
fn an_amended_deadline_is_the_decisions_deadline_everywhere() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let d = approved(&mut f);
    let m = f.meeting.id.clone();
    let new_due = Date::from_jalali(1405, 10, 20).ok();
    let to = DecisionAmendment {
        due: new_due,
        supporting_agencies: vec![f.health.id.clone()],
        ..same(&d)
    };
    let a = f
        .store
        .amend(
            &m,
            "مهلت در جلسه ۲۰ دی گفته شد (طبق نامهٔ ۱۲۳/ص)",
            "",
            &Correction::Decision(to),
        )
        .unwrap();
    // The record itself changed.
    let now = f.store.get_decision(&d.id).unwrap();
    assert_eq!(now.due, new_due);
    assert_eq!(now.supporting_agencies, vec![f.health.id.clone()]);
    assert_eq!(now.text, d.text);
    // So every reader sees it: the action list (CLI and review) reads the record.
    let listed = f.store.actions(&ActionFilter::default()).unwrap();
    let item = listed.rows.iter().find(|i| i.decision.id == d.id).unwrap();
    assert_eq!(item.decision.due, new_due);
    // The amendment keeps before → after, and reads back as written.
    assert_eq!(
        a.changes,
        vec![
            Amended::DecisionDue {
                decision: d.id.clone(),
                number: d.number,
                before: d.due,
                after: new_due,
            },
            Amended::SupportingAgencies {
                decision: d.id.clone(),
                number: d.number,
                before: vec![],
                after: vec![f.health.id.clone()],
            },
        ]
    );
    assert_eq!(f.store.list_amendments(&m).unwrap(), vec![a]);
    // The decision's own history has the change, as an amendment.
    let log = f.store.history(&d.id).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, AuditAction::RecordAmendment);
    let fields: Vec<String> = last.field_changes().into_iter().map(|c| c.field).collect();
    assert!(fields.contains(&"due".to_string()), "{fields:?}");
}

#[test]
fn undoing_an_amendment_takes_back_the_change_with_it() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let d = approved(&mut f);
    let m = f.meeting.id.clone();
    let to = DecisionAmendment {
        text: "پرداخت تسهیلات ۳۰ میلیونی به گروه «نور» (SMS به اعضا)".into(),
        lead_agency: f.health.id.clone(),
        ..same(&d)
    };
    f.store
        .amend(&m, "اشتباه تایپی", "", &Correction::Decision(to))
        .unwrap();
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!(undone.action, AuditAction::RecordAmendment);
    let back = f.store.get_decision(&d.id).unwrap();
    assert_eq!(
        (&back.text, &back.lead_agency, back.due),
        (&d.text, &d.lead_agency, d.due)
    );
    assert!(f.store.list_amendments(&m).unwrap().is_empty());
    // The approved meeting's other records stay read-only.
    assert!(matches!(
        f.store
            .record_decision(&new_decision(&m, &f.bank.id, "تازه", None)),
        Err(StoreError::Rule(RuleError::MeetingApproved(_)))
    ));
}

#[test]
fn an_amendment_that_changes_nothing_is_refused_and_writes_nothing() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let d = approved(&mut f);
    let m = f.meeting.id.clone();
    assert!(matches!(
        f.store
            .amend(&m, "دلیل", "", &Correction::Decision(same(&d))),
        Err(StoreError::Rule(RuleError::NothingAmended))
    ));
    assert!(matches!(
        f.store.record_amendment(&m, "دلیل", "  "),
        Err(StoreError::Rule(RuleError::NothingAmended))
    ));
    assert!(f.store.list_amendments(&m).unwrap().is_empty());
    // A decision of another meeting is not this meeting's to amend.
    let next = f
        .store
        .create_meeting(&new_meeting(
            &f.series.id,
            Date::from_jalali(1393, 1, 20).unwrap(),
        ))
        .unwrap();
    let other = f
        .store
        .record_decision(&new_decision(&next.id, &f.bank.id, "دیگر", None))
        .unwrap();
    assert!(
        f.store
            .amend(
                &m,
                "دلیل",
                "",
                &Correction::Decision(DecisionAmendment {
                    text: "x".into(),
                    ..same(&other)
                })
            )
            .is_err()
    );
    assert_eq!(f.store.get_decision(&other.id).unwrap().text, "دیگر");
    // Only approved minutes are amended.
    assert!(matches!(
        f.store.amend(
            &next.id,
            "دلیل",
            "",
            &Correction::Decision(DecisionAmendment {
                text: "x".into(),
                ..same(&other)
            })
        ),
        Err(StoreError::Rule(RuleError::NotApprovedYet(_)))
    ));
}

#[test]
fn an_attendance_line_is_amended_in_approved_minutes() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    f.store
        .set_attendance(&Attendance {
            id: Id::new(),
            meeting: m.clone(),
            person: f.person.id.clone(),
            state: AttendanceState::Absent,
            substitute_for: None,
            reason: String::new(),
        })
        .unwrap();
    approved(&mut f);
    let to = AttendanceAmendment {
        person: f.person.id.clone(),
        state: AttendanceState::Present,
        substitute_for: None,
        reason: String::new(),
    };
    let a = f
        .store
        .amend(&m, "حاضر بود و دیر رسید", "", &Correction::Attendance(to))
        .unwrap();
    let now = f.store.list_attendance(&m).unwrap();
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].state, AttendanceState::Present);
    assert!(matches!(
        &a.changes[..],
        [Amended::Attendance { before: Some(b), after, .. }]
            if b.state == AttendanceState::Absent && after.state == AttendanceState::Present
    ));
    // A substitute names whom they stood in for, in an amendment too.
    let nobody = AttendanceAmendment {
        person: f.person.id.clone(),
        state: AttendanceState::Substitute,
        substitute_for: None,
        reason: String::new(),
    };
    assert!(matches!(
        f.store
            .amend(&m, "دلیل", "", &Correction::Attendance(nobody)),
        Err(StoreError::Rule(RuleError::SubstituteNeedsPerson))
    ));
}

#[test]
fn an_amendment_in_words_still_reads_with_no_changes() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    approved(&mut f);
    let m = f.meeting.id.clone();
    let a = f
        .store
        .record_amendment(&m, "اصلاح نام", "نام «صندوق کارآفرینی امید» درست نوشته شد")
        .unwrap();
    assert!(a.changes.is_empty());
    assert_eq!(f.store.list_amendments(&m).unwrap(), vec![a]);
}

/// Two hamyars on one file: the second amends ۱/۱'s deadline while the first has the
/// amendment form open on the old record. The first one's save is refused, and the newer
/// deadline stays: a form's "before" is never written back over another's "after".
#[test]
fn an_amendment_from_a_stale_form_is_refused_and_the_newer_change_stays() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let d = approved(&mut f);
    let m = f.meeting.id.clone();
    let read = f.store.row_version(Record::Decision, &d.id).unwrap();

    let mut other = open(&path);
    let theirs = Date::from_jalali(1405, 11, 15).ok();
    other
        .amend(
            &m,
            "نامهٔ ۴۵۶/ص بانک",
            "",
            &Correction::Decision(DecisionAmendment {
                due: theirs,
                ..same(&d)
            }),
        )
        .unwrap();

    let mine = DecisionAmendment {
        text: format!("{} (اصلاح‌شده)", d.text),
        ..same(&d)
    };
    let refused = f
        .store
        .amend_as_read(&m, "اشتباه تایپی", "", &Correction::Decision(mine), read);
    assert!(
        matches!(
            refused,
            Err(StoreError::Stale {
                what: Record::Decision
            })
        ),
        "{refused:?}"
    );
    let now = f.store.get_decision(&d.id).unwrap();
    assert_eq!((now.due, &now.text), (theirs, &d.text));
    assert_eq!(f.store.list_amendments(&m).unwrap().len(), 1);

    // Read again, the same amendment goes through.
    let read = f.store.row_version(Record::Decision, &d.id).unwrap();
    let mine = DecisionAmendment {
        text: format!("{} (اصلاح‌شده)", d.text),
        ..same(&now)
    };
    f.store
        .amend_as_read(&m, "اشتباه تایپی", "", &Correction::Decision(mine), read)
        .unwrap();
    assert_eq!(f.store.get_decision(&d.id).unwrap().due, theirs);
}
