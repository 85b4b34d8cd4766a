//! Scheduling meetings: one open at a time, numbers that grow, a draft's number and date
//! changed, and a meeting started on another day moved to it in one action.

use hamyar::domain::{Date, MeetingStatus, RuleError, TimeOfDay};
use hamyar::store::StoreError;

use super::support::*;

#[test]
fn a_meeting_waits_for_the_open_one_and_takes_a_number_after_the_last() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let day = Date::from_jalali(1393, 1, 20).unwrap();
    let refused = f.store.create_meeting(&new_meeting(&f.series.id, day));
    assert!(
        matches!(
            refused,
            Err(StoreError::Rule(RuleError::MeetingStillOpen {
                number: 1,
                status: MeetingStatus::Draft
            }))
        ),
        "{refused:?}"
    );
    close(&mut f.store, &f.meeting.id);
    let mut asked = new_meeting(&f.series.id, day);
    asked.number = Some(1);
    assert!(matches!(
        f.store.create_meeting(&asked),
        Err(StoreError::Rule(RuleError::MeetingNumberTaken {
            number: 1,
            last: 1
        }))
    ));
    // A series that was numbered on paper before goes on from its own number.
    asked.number = Some(14);
    let m = f.store.create_meeting(&asked).unwrap();
    assert_eq!((m.number, m.status), (14, MeetingStatus::Draft));

    // While a draft its number and date may change; once started, its number may not.
    let mut edited = m.clone();
    edited.number = 15;
    edited.date = day.add_days(7);
    let saved = f
        .store
        .update_meeting(
            &edited,
            f.store
                .row_version(hamyar::store::Record::Meeting, &edited.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!((saved.number, saved.date), (15, day.add_days(7)));
    edited.number = 1;
    assert!(matches!(
        f.store.update_meeting(
            &edited,
            f.store
                .row_version(hamyar::store::Record::Meeting, &edited.id)
                .unwrap()
        ),
        Err(StoreError::Rule(RuleError::MeetingNumberTaken { .. }))
    ));
    let at = TimeOfDay::parse("10:05").unwrap();
    let started = f.store.start_meeting_on(&m.id, at, today()).unwrap();
    assert_eq!(
        (started.status, started.date),
        (MeetingStatus::InProgress, today())
    );
    edited.number = 16;
    edited.date = today();
    assert!(matches!(
        f.store.update_meeting(
            &edited,
            f.store
                .row_version(hamyar::store::Record::Meeting, &edited.id)
                .unwrap()
        ),
        Err(StoreError::Rule(RuleError::NumberFixed(15)))
    ));
    // Starting and moving the date were one action.
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!(
        (undone.action.as_str(), undone.records),
        ("start_meeting", 1)
    );
    let back = f.store.get_meeting(&m.id).unwrap();
    assert_eq!(
        (back.status, back.date),
        (MeetingStatus::Draft, day.add_days(7))
    );
}

#[test]
fn a_series_is_edited_and_archived_and_its_quorum_is_possible() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let mut s = f.series.clone();
    s.quorum = 3;
    assert!(matches!(
        f.store.update_series(
            &s,
            f.store
                .row_version(hamyar::store::Record::Series, &s.id)
                .unwrap()
        ),
        Err(StoreError::Rule(RuleError::QuorumAboveMembers {
            quorum: 3,
            members: 2
        }))
    ));
    let mut other = s.clone();
    other.id = hamyar::domain::Id::new();
    assert!(
        f.store.create_series(&other).is_err(),
        "refused when made too"
    );
    s.quorum = 1;
    s.interval_days = 14;
    s.title = "  نشست ماهانهٔ گروه‌های همیار (۱۴۰۵)  ".into();
    let saved = f
        .store
        .update_series(
            &s,
            f.store
                .row_version(hamyar::store::Record::Series, &s.id)
                .unwrap(),
        )
        .unwrap();
    assert_eq!(saved.title, "نشست ماهانهٔ گروه‌های همیار (۱۴۰۵)");
    assert_eq!((saved.quorum, saved.interval_days), (1, 14));
    let archived = f.store.set_series_archived(&s.id, true).unwrap();
    assert!(archived.archived);
    assert!(f.store.list_series().unwrap()[0].archived);
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!(undone.action.code(), "archive_series");
    assert!(!f.store.get_series(&s.id).unwrap().archived);
    f.store.undo_last().unwrap();
    assert_eq!(f.store.get_series(&s.id).unwrap().quorum, 2);
}
