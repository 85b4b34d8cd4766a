//! A secretary's own series, built from an empty database with the keys only: categories from
//! the pickers, people and attendance, the meeting form, series and the directory.

use hamyar::i18n::Lang;
use hamyar::tui::forms::FieldId;
use hamyar::tui::model::Screen;
use hamyar::tui::ui::Modal;

use super::support::*;

/// An empty database, a series made in the welcome, its first meeting open in the room.
fn own_series(lang: Lang) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::on(&dir.path().join("new.db"), lang);
    h.key("n").typed("کارگروه اشتغال زنان").key("ctrl+s");
    assert_eq!(h.app.model.screen, Screen::Room, "{}", h.flash());
    (dir, h)
}

fn form(h: &Harness) -> &hamyar::tui::forms::Form {
    match h.app.ui.top() {
        Some(Modal::Form(f)) => f,
        other => panic!("no form on top: {other:?}"),
    }
}

#[test]
fn a_category_typed_in_the_issue_form_is_added_with_enter() {
    let (_dir, mut h) = own_series(Lang::Fa);
    h.key("ه").typed("دریافت مجوز خانگی (۳ گروه)").key("tab"); // i
    h.typed("اخذ مجوز");
    // Nothing bears the name: the one row offers it, and the hint says Enter adds it.
    let screen = h.screen(100, 30);
    assert!(screen.contains("ﻥﺩﻭﺰﻓﺍ :Enter"), "{screen}");
    assert!(screen.contains("«ﺯﻮﺠﻣ ﺬﺧﺍ» ﻥﺩﻭﺰﻓﺍ +"), "{screen}");
    h.key("enter");
    let picked = form(&h).picker(FieldId::IssueCategory).unwrap();
    assert_eq!(picked.chosen().next().unwrap().label, "اخذ مجوز");
    assert_eq!(form(&h).focused().unwrap().id, FieldId::IssueDescription);
    h.key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let store = h.store();
    let cats = store.list_categories().unwrap();
    assert_eq!(cats.len(), 1);
    assert_eq!((cats[0].name.as_str(), cats[0].order), ("اخذ مجوز", 1));
    let room = h.app.model.room.as_ref().unwrap();
    assert_eq!(room.issues[0].category.as_ref(), Some(&cats[0].id));

    // `c` moves it to another category, typed with Arabic letters and added at once.
    h.key("c").typed("كد بهداشتي").key("enter");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let cats = store.list_categories().unwrap();
    assert_eq!(cats.len(), 2);
    assert_eq!((cats[1].name.as_str(), cats[1].order), ("كد بهداشتي", 2));
    let issue = store.get_issue(&room_issue(&h)).unwrap();
    assert_eq!(issue.category.as_ref(), Some(&cats[1].id));

    // Typed again however spelled, it is found, not offered again; its own is not offered.
    h.key("ز").typed("کد بهداشتی"); // c
    let p = form(&h).picker(FieldId::IssueCategory).unwrap();
    assert_eq!(p.row_count(), 0, "the issue's own category is left out");
    h.key("esc").key("y");
    h.key("c").typed("اخذ");
    assert_eq!(
        form(&h).picker(FieldId::IssueCategory).unwrap().enter(),
        hamyar::tui::forms::Enter::Choose
    );
    h.key("enter");
    assert_eq!(
        store.get_issue(&room_issue(&h)).unwrap().category.as_ref(),
        Some(&cats[0].id)
    );
    // Each change is its own undo: the move, the second move, the category.
    h.key("u").key("u");
    assert_eq!(
        store.get_issue(&room_issue(&h)).unwrap().category.as_ref(),
        Some(&cats[0].id)
    );
    h.key("u");
    assert_eq!(store.list_categories().unwrap().len(), 1);
    assert!(h.flash().contains("دسته"), "{}", h.flash());
}

fn room_issue(h: &Harness) -> hamyar::domain::Id {
    h.app.model.room.as_ref().unwrap().issues[0].id.clone()
}

#[test]
fn a_picker_of_other_things_says_nothing_matches_and_enter_does_nothing() {
    let (_dir, mut h) = own_series(Lang::En);
    h.key("t").key("tab").key("tab").typed("nothing like it");
    let screen = h.screen(100, 30);
    assert!(screen.contains("no match"), "{screen}");
    assert!(screen.contains("type to narrow · ↑↓"), "{screen}");
    assert!(!screen.contains("Enter: add"), "{screen}");
    h.key("enter");
    assert_eq!(form(&h).focused().unwrap().id, FieldId::StatementIssue);
}

#[test]
fn a_guest_is_added_on_the_spot_with_title_and_agency_and_invited() {
    let (_dir, mut h) = own_series(Lang::Fa);
    h.key("ش").key("د"); // a, then n in the Persian layout
    assert!(matches!(
        form(&h).kind,
        hamyar::tui::forms::FormKind::Person {
            guest_at: Some(_),
            ..
        }
    ));
    h.typed("خانم آزیتا سعیدی")
        .key("tab")
        .typed("کارشناس مسئول «گروه‌های همیار»")
        .key("tab")
        .typed("صندوق کارآفرینی امید (کرمان)")
        .key("enter");
    // The agency was added from the picker, and the focus went on to the invitations.
    assert_eq!(form(&h).focused().unwrap().id, FieldId::InviteeOf);
    h.typed("اشتغال").key("enter").key("ctrl+s");
    assert!(
        matches!(h.app.ui.top(), Some(Modal::Attendance { .. })),
        "back on the attendance list: {:?} {}",
        h.app.ui.top(),
        h.flash()
    );
    let store = h.store();
    let people = store.list_people().unwrap();
    assert_eq!(people.len(), 1);
    let p = &people[0];
    assert_eq!(p.title, "کارشناس مسئول «گروه‌های همیار»");
    let agency = store.get_agency(p.agency.as_ref().unwrap()).unwrap();
    assert_eq!(agency.name, "صندوق کارآفرینی امید (کرمان)");
    let room = h.app.model.room.as_ref().unwrap();
    assert_eq!(
        store.invitees(&room.series.id).unwrap(),
        std::slice::from_ref(&p.id)
    );
    let att = store.list_attendance(&room.meeting.id).unwrap();
    assert_eq!(att.len(), 1);
    assert_eq!(att[0].state, hamyar::domain::AttendanceState::Present);
    assert_eq!(
        room.expected_people(&h.app.model.directory),
        std::slice::from_ref(&p.id)
    );
    let screen = h.screen(100, 30);
    assert!(screen.contains("ﯼﺪﯿﻌﺳ ﺎﺘﯾﺯﺁ ﻢﻧﺎﺧ"), "{screen}");
    // One undo takes the guest away whole: attendance, invitation and person.
    h.key("esc").key("u");
    assert!(store.list_people().unwrap().is_empty());
    assert!(store.invitees(&room_series(&h)).unwrap().is_empty());
    assert!(h.flash().contains("مهمان"), "{}", h.flash());
}

fn room_series(h: &Harness) -> hamyar::domain::Id {
    h.app.model.room.as_ref().unwrap().series.id.clone()
}
