//! Amending approved minutes from the room: what to amend picked by a decision's number or a
//! person's name, the decision's form filled as it reads now, an impossible date refused, the
//! change applied with its reason, shown in the history and undone like any change.

use crossterm::event::{KeyCode, KeyModifiers};
use hamyar::domain::*;
use hamyar::i18n::Lang;
use hamyar::tui::event::Event;
use hamyar::tui::forms::{FieldId, FormKind};
use hamyar::tui::model::DetailItem;

use super::support::*;

fn room(h: &Harness) -> &hamyar::tui::model::Room {
    h.app.model.room.as_ref().expect("a meeting is open")
}

/// The demo with its approved meeting 1 open in the room.
fn approved_room(lang: Lang) -> Harness {
    let mut h = Harness::demo(lang);
    h.key("esc");
    for _ in 0..4 {
        if h.app
            .model
            .meetings
            .selected()
            .is_some_and(|m| m.meeting.number == 1)
        {
            break;
        }
        h.key("up");
    }
    h.key("enter");
    assert_eq!(room(&h).meeting.number, 1);
    assert_eq!(room(&h).meeting.status, MeetingStatus::Approved);
    h
}

fn ctrl(h: &mut Harness, c: char) {
    h.event(Event::key(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn focus(h: &mut Harness, id: FieldId) {
    h.app.ui.any_form_mut().expect("a form").focus_on(id);
}

fn decision_1_2(h: &Harness) -> Decision {
    let s = h.store();
    let d = s.list_decisions(&room(h).meeting.id).unwrap();
    d.into_iter().find(|d| d.number.item == 2).unwrap()
}

#[test]
fn a_decisions_deadline_is_amended_from_the_room_and_undone() {
    for (lang, name, impossible, day, iso) in [
        (Lang::Fa, "fa", "۱۳۹۳/۰۲/۳۲", "۱۳۹۳/۰۳/۲۰", "2014-06-10"),
        (Lang::En, "en", "2014-02-30", "2014-06-10", "2014-06-10"),
    ] {
        let mut h = approved_room(lang);
        let before = decision_1_2(&h);
        h.key("m").key("enter"); // the approved meeting's one choice: an amendment
        h.typed("1/2");
        insta::assert_snapshot!(format!("amend_what_{name}_80x24"), h.screen(80, 24));
        h.key("enter");
        let Some(form) = h.app.ui.any_form() else {
            panic!("the decision's amendment form")
        };
        assert!(
            matches!(form.kind, FormKind::AmendDecision { .. }),
            "{:?}",
            form.kind
        );
        assert_eq!(form.text(FieldId::DecisionText), before.text);
        h.typed("مهلت در نامهٔ «۱۲۳/ص» (SMS) ۲۰ خرداد آمده بود");
        focus(&mut h, FieldId::Due);
        ctrl(&mut h, 'u');
        h.typed(impossible).key("ctrl+s");
        assert!(
            h.app.ui.any_form().is_some_and(|f| f.error.is_some()),
            "an impossible date is refused in the form"
        );
        assert_eq!(decision_1_2(&h).due, before.due, "nothing written");
        ctrl(&mut h, 'u');
        h.typed(day);
        insta::assert_snapshot!(format!("amend_decision_{name}_80x24"), h.screen(80, 24));
        insta::assert_snapshot!(format!("amend_decision_{name}_100x30"), h.screen(100, 30));
        h.key("ctrl+s");
        assert!(h.app.ui.modals.is_empty(), "{}", h.flash());
        let after = decision_1_2(&h);
        assert_eq!(after.due.map(|d| d.iso()).as_deref(), Some(iso));
        assert_eq!(after.text, before.text);
        let amendments = h.store().list_amendments(&room(&h).meeting.id).unwrap();
        assert_eq!(amendments.len(), 1);
        assert!(matches!(
            &amendments[0].changes[..],
            [Amended::DecisionDue { before: b, .. }] if *b == before.due
        ));
        // The room shows the decision as amended.
        let shown = room(&h)
            .decisions
            .iter()
            .find(|d| d.id == before.id)
            .unwrap();
        assert_eq!(shown.due, after.due);
        // And the action review reads it so too.
        h.key("r");
        let review = &h.app.model.review;
        let entry = review.entries.entries.iter().find(|e| e.id == before.id);
        assert_eq!(entry.map(|e| e.due), Some(after.due));
        h.key("esc");
        // Undone like any change: the deadline and the amendment go back together.
        h.key("u");
        assert_eq!(decision_1_2(&h).due, before.due, "{}", h.flash());
        assert!(
            h.store()
                .list_amendments(&room(&h).meeting.id)
                .unwrap()
                .is_empty()
        );
    }
}

#[test]
fn the_history_shows_the_amendment_before_then_after() {
    let mut h = approved_room(Lang::Fa);
    let d = decision_1_2(&h);
    h.key("m").key("enter").typed("1/2").key("enter");
    h.typed("اشتباه در مهلت");
    focus(&mut h, FieldId::Due);
    ctrl(&mut h, 'u');
    h.typed("۱۳۹۳/۰۳/۲۰").key("ctrl+s");
    let store = h.store();
    let amendments = store.list_amendments(&room(&h).meeting.id).unwrap();
    let names = |_: &Id| None;
    let view = hamyar::history::HistoryView::build(
        String::new(),
        &store.history(&d.id).unwrap(),
        &[],
        &amendments,
        &hamyar::history::Names {
            agency: &names,
            person: &names,
            category: &names,
            issue: &names,
            meeting: &|_| None,
            lang: Lang::Fa,
        },
    );
    let last = view.changes.last().unwrap();
    assert!(last.heading.contains("ثبت اصلاحیه"), "{}", last.heading);
    assert!(
        last.lines.iter().any(|l| l.ends_with("← ۱۳۹۳/۰۳/۲۰")),
        "{:?}",
        last.lines
    );
    let amended = &view.amendments[0];
    assert!(amended.heading.contains("اشتباه در مهلت"));
    assert_eq!(amended.lines.len(), 1, "{:?}", amended.lines);
    assert!(amended.lines[0].starts_with("مصوبهٔ ۱/۲ · مهلت اجرا: "));
}

#[test]
fn e_on_a_decision_of_approved_minutes_opens_its_amendment() {
    let mut h = approved_room(Lang::Fa);
    // The first issue with a decision of meeting 1 in its detail pane.
    let of_meeting_1 = |h: &Harness| {
        let r = room(h);
        r.detail.items().iter().position(|i| {
            matches!(i, DetailItem::Decision(id)
                if r.decisions.iter().any(|d| &d.id == id))
        })
    };
    for _ in 0..12 {
        if of_meeting_1(&h).is_some() {
            break;
        }
        h.key("j");
    }
    let at = of_meeting_1(&h).expect("an issue with a decision of meeting 1");
    h.key("tab");
    for _ in 0..at {
        h.key("j");
    }
    h.key("e");
    assert!(
        h.app
            .ui
            .any_form()
            .is_some_and(|f| matches!(f.kind, FormKind::AmendDecision { .. })),
        "{}",
        h.flash()
    );
}

#[test]
fn an_attendance_line_is_amended_by_the_persons_name() {
    let mut h = approved_room(Lang::Fa);
    let present = room(&h)
        .attendance
        .iter()
        .find(|a| a.state == AttendanceState::Present)
        .cloned()
        .expect("someone present in meeting 1");
    let name = h
        .app
        .model
        .directory
        .person_name(&present.person)
        .to_string();
    h.key("m").key("enter").typed(&name).key("enter");
    assert!(
        h.app
            .ui
            .any_form()
            .is_some_and(|f| matches!(f.kind, FormKind::AmendAttendance { .. })),
        "{}",
        h.flash()
    );
    h.typed("در فهرست حاضران اشتباه ثبت شده بود");
    focus(&mut h, FieldId::AttendanceState);
    h.typed("موجه").key("enter");
    focus(&mut h, FieldId::Reason);
    h.typed("مأموریت اداری (نامهٔ ۴۵)");
    insta::assert_snapshot!("amend_attendance_fa_80x24", h.screen(80, 24));
    h.key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{}", h.flash());
    let now = room(&h).attendance_of(&present.person).unwrap();
    assert_eq!(now.state, AttendanceState::Excused);
    assert_eq!(now.reason, "مأموریت اداری (نامهٔ ۴۵)");
}
