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
    h.key("n")
        .typed("کارگروه اشتغال زنان")
        .key("ctrl+s")
        .key("ctrl+s");
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

#[test]
fn a_meeting_not_started_is_edited_and_starting_it_late_moves_its_date() {
    let (_dir, mut h) = own_series(Lang::Fa);
    let meeting = h.app.model.room.as_ref().unwrap().meeting.clone();
    assert_eq!(meeting.number, 1);
    // e in a room with no issue edits the meeting: a date of next week, a time, a chair.
    h.key("e");
    assert!(matches!(
        form(&h).kind,
        hamyar::tui::forms::FormKind::Meeting {
            editing: Some(_),
            ..
        }
    ));
    assert_eq!(form(&h).text(FieldId::MeetingNumber), "۱");
    h.key("backspace").typed("۱۲").key("tab");
    for _ in 0..10 {
        h.key("backspace");
    }
    h.typed("1393/2/23")
        .key("tab")
        .typed("۰۹:۳۰")
        .key("tab")
        .key("tab");
    h.typed("دکتر محمدی").key("enter");
    h.key("ctrl+s");
    assert!(
        h.app.ui.modals.is_empty(),
        "{:?} {}",
        h.app.ui.top(),
        h.flash()
    );
    let m = h.store().get_meeting(&meeting.id).unwrap();
    assert_eq!(
        (m.number, m.date.jalali().latin()),
        (12, "1393/02/23".to_string())
    );
    assert_eq!(m.start_time.unwrap().to_string(), "09:30");
    let chair = h.store().get_person(m.chair.as_ref().unwrap()).unwrap();
    assert_eq!(chair.name, "دکتر محمدی");
    // The meetings screen: n waits for the draft, e edits it.
    h.key("esc").key("n");
    assert!(h.flash().contains("نشست ۱۲ هنوز"), "{}", h.flash());
    h.key("ث"); // e
    assert!(matches!(
        form(&h).kind,
        hamyar::tui::forms::FormKind::Meeting { .. }
    ));
    h.key("esc");
    // Started today, not on its date: asked, and yes moves the date to today.
    h.key("enter").key("m");
    h.key("enter");
    let question = match h.app.ui.top() {
        Some(Modal::Confirm { question, .. }) => question.clone(),
        other => panic!("a question: {other:?}"),
    };
    assert!(
        question.contains("۱۳۹۳/۰۲/۲۳") && question.contains("۱۳۹۳/۰۲/۱۶"),
        "{question}"
    );
    h.key("y");
    let m = h.store().get_meeting(&meeting.id).unwrap();
    assert_eq!(m.status, hamyar::domain::MeetingStatus::InProgress);
    assert_eq!(m.date.jalali().latin(), "1393/02/16");
    // One undo puts both back.
    h.key("u");
    let m = h.store().get_meeting(&meeting.id).unwrap();
    assert_eq!(m.status, hamyar::domain::MeetingStatus::Draft);
    assert_eq!(m.date.jalali().latin(), "1393/02/23");
    // n keeps the date; Esc starts nothing.
    h.key("m").key("enter").key("esc");
    assert_eq!(
        h.store().get_meeting(&meeting.id).unwrap().status,
        hamyar::domain::MeetingStatus::Draft
    );
    h.key("m").key("enter").key("n");
    let m = h.store().get_meeting(&meeting.id).unwrap();
    assert_eq!(m.status, hamyar::domain::MeetingStatus::InProgress);
    assert_eq!(m.date.jalali().latin(), "1393/02/23");
}

fn header(h: &mut Harness) -> String {
    h.screen(100, 30)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn series_are_edited_several_kept_and_archived_and_the_quorum_counts_agencies() {
    let (_dir, mut h) = own_series(Lang::Fa);
    // Its heading on the meetings screen: e edits the series.
    h.key("esc").key("home").key("e");
    assert!(matches!(
        form(&h).kind,
        hamyar::tui::forms::FormKind::Series { editing: Some(_) }
    ));
    h.keys(&["tab", "tab", "tab"]).typed("۲۱").key("tab");
    for agency in ["بانک توسعه تعاون", "صندوق کارآفرینی امید", "بهزیستی استان"]
    {
        h.typed(agency).key("enter");
    }
    h.key("tab").key("backspace").typed("۲").key("ctrl+s");
    assert!(
        h.app.ui.modals.is_empty(),
        "{:?} {}",
        h.app.ui.top(),
        h.flash()
    );
    let series = h.store().list_series().unwrap().remove(0);
    assert_eq!((series.quorum, series.interval_days), (2, 21));
    assert_eq!(series.member_agencies.len(), 3);
    // A quorum above the members is refused in the form, which stays open.
    h.key("e")
        .keys(&["tab", "tab", "tab", "tab", "tab"])
        .key("backspace")
        .typed("۴");
    h.key("ctrl+s");
    let why = form(&h).error.clone().unwrap_or_default();
    assert!(why.contains("حد نصاب ۴ دستگاه"), "{why}");
    h.key("esc").key("y");

    // In the room the header counts the member agencies represented.
    h.key("down").key("enter");
    let line = header(&mut h);
    assert!(line.contains("ﺎﻫﻩﺎﮕﺘﺳﺩ"), "{line}");
    assert!(line.contains("۰/۳"), "{line}");
    h.key("a")
        .key("n")
        .typed("آقای رضایی")
        .key("tab")
        .typed("رئیس شعبه")
        .key("tab");
    h.typed("بانک توسعه").key("enter").key("ctrl+s").key("esc");
    let line = header(&mut h);
    assert!(line.contains("۱/۳"), "{line}");
    assert!(
        line.contains("ﺖﺳﺍ ﻡﺯﻻ ﺮﮕﯾﺩ ﻩﺎﮕﺘﺳﺩ ۱"),
        "one more is needed: {line}"
    );

    // A second series in the same database, its first meeting scheduled from its heading.
    h.key("esc")
        .key("s")
        .typed("کمیتهٔ سلامت محصولات")
        .key("ctrl+s");
    h.key("esc").key("y"); // the first meeting's form, thrown away: nothing was created
    let lines = h.app.model.meetings.lines().len();
    assert_eq!(lines, 3, "two headings and one meeting");
    assert_eq!(
        h.app.model.meetings.selected_series().unwrap().title,
        "کمیتهٔ سلامت محصولات"
    );
    h.key("n").key("ctrl+s");
    let room = h.app.model.room.as_ref().unwrap();
    assert_eq!(
        (room.series.title.as_str(), room.meeting.number),
        ("کمیتهٔ سلامت محصولات", 1)
    );

    // Archived, it leaves the list; v shows it, u brings it back.
    h.key("esc").key("up").key("ش"); // a
    assert!(h.store().list_series().unwrap()[1].archived);
    assert_eq!(h.app.model.meetings.lines().len(), 2);
    h.key("v");
    assert_eq!(h.app.model.meetings.lines().len(), 4);
    assert!(h.screen(100, 30).contains("(ﯽﻧﺎﮕﯾﺎﺑ)"));
    h.key("u");
    assert!(!h.store().list_series().unwrap()[1].archived);
}

fn directory_names(h: &Harness) -> Vec<String> {
    let dir = &h.app.model.directory;
    h.app
        .model
        .directory_screen
        .entries(dir)
        .iter()
        .map(|e| e.name().to_string())
        .collect()
}

#[test]
fn the_directory_adds_filters_deactivates_and_merges_duplicates() {
    let (_dir, mut h) = own_series(Lang::Fa);
    h.key("ح"); // p, the directory
    assert_eq!(h.app.model.screen, Screen::Directory);
    // Two agencies that are one bank, typed by two people.
    h.key("n")
        .typed("بانک توسعه تعاون")
        .key("tab")
        .typed("توسعه تعاون");
    h.key("tab")
        .typed("Cooperative Development Bank")
        .key("ctrl+s");
    h.key("n").typed("بانك توسعه تعاون - كرمان").key("ctrl+s");
    assert_eq!(directory_names(&h).len(), 2, "{}", h.flash());
    // Adding the first again, however spelled, is refused in the form.
    h.key("n").typed("بانك توسعه‌تعاون").key("ctrl+s");
    let why = form(&h).error.clone().unwrap_or_default();
    assert!(why.contains("در فهرست هست"), "{why}");
    h.key("esc").key("y");
    // A person of the duplicate, on the people tab.
    h.key("]")
        .key("n")
        .typed("آقای رضایی")
        .key("tab")
        .typed("رئیس شعبه")
        .key("tab");
    h.typed("كرمان").key("enter").key("ctrl+s");
    let store = h.store();
    let people = store.list_people().unwrap();
    let duplicate = store
        .list_agencies()
        .unwrap()
        .into_iter()
        .find(|a| a.name.contains("كرمان"))
        .unwrap();
    assert_eq!(people[0].agency.as_ref(), Some(&duplicate.id));
    // The filter folds: «بانک» with a Persian kaf finds both.
    h.key("[").key("/").typed("بانک").key("enter");
    assert_eq!(directory_names(&h).len(), 2);
    h.key("/");
    for _ in 0.."بانک".chars().count() {
        h.key("backspace");
    }
    h.typed("cooperative").key("enter");
    assert_eq!(directory_names(&h), ["بانک توسعه تعاون"]);
    h.key("/").key("end");
    for _ in 0..20 {
        h.key("backspace");
    }
    h.key("enter");

    // m on the duplicate: the one to keep, then a question, then the merge.
    let at = directory_names(&h)
        .iter()
        .position(|n| n.contains("كرمان"))
        .unwrap();
    h.key("home");
    for _ in 0..at {
        h.key("down");
    }
    h.key("پ").typed("توسعه"); // m
    h.key("enter");
    let question = match h.app.ui.top() {
        Some(Modal::Confirm { question, .. }) => question.to_string(),
        other => panic!("a question before merging: {other:?}"),
    };
    assert!(
        question.contains(
            "«\u{2068}بانك توسعه تعاون - كرمان\u{2069}» با «\u{2068}بانک توسعه تعاون\u{2069}»"
        ),
        "{question}"
    );
    h.key("y");
    assert!(h.flash().contains("یکی شد"), "{}", h.flash());
    assert_eq!(directory_names(&h), ["بانک توسعه تعاون"]);
    assert!(store.get_agency(&duplicate.id).is_err());
    let kept = store.list_agencies().unwrap().remove(0);
    assert_eq!(
        store.list_people().unwrap()[0].agency,
        Some(kept.id.clone())
    );
    // Undone whole.
    h.key("u");
    assert_eq!(store.list_agencies().unwrap().len(), 2);
    assert_eq!(
        store.list_people().unwrap()[0].agency,
        Some(duplicate.id.clone())
    );

    // A person deactivated leaves the list and the pickers; v shows them, marked.
    h.key("]").key("ش"); // a
    assert!(!store.list_people().unwrap()[0].active);
    assert!(directory_names(&h).is_empty());
    h.key("v");
    assert_eq!(directory_names(&h), ["آقای رضایی"]);
    assert!(h.screen(100, 30).contains("ﻝﺎﻌﻓﺮﯿﻏ"));
    h.key("a");
    assert!(store.list_people().unwrap()[0].active);

    // Categories: added, and put in the meeting's order with K (and J).
    h.key("]");
    for name in ["اخذ مجوز", "کد بهداشتی", "سرمایه در گردش"] {
        h.key("n").typed(name).key("ctrl+s");
    }
    assert_eq!(
        directory_names(&h),
        ["اخذ مجوز", "کد بهداشتی", "سرمایه در گردش"]
    );
    assert_eq!(
        h.app.model.directory_screen.selected, 2,
        "the one just added"
    );
    h.key("K").key("K");
    assert_eq!(
        directory_names(&h),
        ["سرمایه در گردش", "اخذ مجوز", "کد بهداشتی"]
    );
    h.key("e").key("end").typed(" (وام)").key("ctrl+s");
    assert_eq!(directory_names(&h)[0], "سرمایه در گردش (وام)");
    h.key("esc");
    assert_eq!(h.app.model.screen, Screen::Room, "back where it was opened");
}
