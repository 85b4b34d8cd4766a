//! A follow-up recorded in the action review, wherever the review was opened from: it is
//! recorded, and it belongs to the meeting in progress of its decision's series (else to none),
//! never to whichever room was opened last.

use hamyar::domain::{Date, DecisionStatus, FollowUp, Id, Meeting, MeetingStatus, TimeOfDay};
use hamyar::i18n::Lang;
use hamyar::tui::model::Screen;

use super::support::*;

fn meeting(h: &Harness, number: u32) -> Meeting {
    h.store()
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .find(|m| m.number == number)
        .unwrap()
}

/// Opens the review with `r` (on the Persian layout), selects decision `number`, and records a
/// follow-up moving it to the first status its menu offers, with `note`.
fn follow_up_in_review(h: &mut Harness, number: &str, note: &str) -> FollowUp {
    h.key("ق");
    assert_eq!(h.app.model.screen, Screen::Review);
    for _ in 0..20 {
        if h.app
            .model
            .review
            .selected_entry()
            .map(|e| e.number.to_string())
            == Some(number.to_string())
        {
            break;
        }
        h.key("j");
    }
    let d = h.app.model.review.decision.clone().unwrap();
    assert_eq!(d.number.to_string(), number);
    h.key("ب"); // f
    h.key("enter");
    h.typed(note).key("ctrl+s");
    assert!(h.flash().contains("ثبت شد"), "{}", h.flash());
    let f = h.store().list_follow_ups(&d.id).unwrap();
    let last = f.last().cloned().expect("the follow-up is recorded");
    assert_eq!(last.note, note);
    assert_ne!(h.store().get_decision(&d.id).unwrap().status, d.status);
    last
}

#[test]
fn a_follow_up_from_the_review_opened_on_the_meetings_screen_is_recorded() {
    let (_dir, path) = demo_db();
    {
        let mut s = open_store(&path);
        let m2 = s
            .list_meetings(None)
            .unwrap()
            .rows
            .into_iter()
            .find(|m| m.number == 2)
            .unwrap();
        s.close_meeting(&m2.id, TimeOfDay::parse("11:30").unwrap())
            .unwrap();
    }
    let later = Date::from_jalali(1393, 6, 1).unwrap();
    let mut h = Harness::on_day(&path, Lang::Fa, later);
    assert_eq!(h.app.model.screen, Screen::Meetings, "nothing is live");
    assert!(h.app.model.room.is_none());
    let f = follow_up_in_review(&mut h, "1/2", "نامهٔ شمارهٔ ۴۵ «بانک» (SMS) رسید");
    assert_eq!(
        f.meeting, None,
        "between meetings a follow-up belongs to none"
    );
}

#[test]
fn a_follow_up_belongs_to_the_meeting_in_progress_not_to_the_room_opened_last() {
    let mut h = Harness::demo(Lang::Fa);
    let live = meeting(&h, 2);
    assert_eq!(live.status, MeetingStatus::InProgress);
    // The secretary looks back at meeting 1, then opens the review from its room.
    h.key("esc");
    assert_eq!(h.app.model.screen, Screen::Meetings);
    for _ in 0..5 {
        h.key("k");
    }
    // The top line is the series' heading; meeting 1 is under it.
    h.key("j").key("enter");
    let first = meeting(&h, 1);
    assert_eq!(
        h.app.model.room.as_ref().map(|r| r.meeting.id.clone()),
        Some(first.id)
    );
    let f = follow_up_in_review(&mut h, "1/2", "گزارش تلفنی مدیر «صمت» دریافت شد");
    assert_eq!(f.meeting, Some(live.id.clone()));

    // `hamyar follow-up` asks the store the same question and gets the same answer.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hamyar"))
        .arg("--db")
        .arg(&h.path)
        .args([
            "--today",
            "1393/02/16",
            "follow-up",
            "۲/۴",
            "--status",
            "done",
        ])
        .env_remove("HAMYAR_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let store = h.store();
    let d = store
        .list_decisions(&live.id)
        .unwrap()
        .into_iter()
        .find(|d| d.number.item == 4)
        .unwrap();
    assert_eq!(d.status, DecisionStatus::Done);
    let cli: Vec<Option<Id>> = store
        .list_follow_ups(&d.id)
        .unwrap()
        .into_iter()
        .map(|f| f.meeting)
        .collect();
    assert_eq!(cli.last(), Some(&Some(live.id)));
}
