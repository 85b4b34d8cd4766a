//! `App::apply`: actions in (as keys through the real keymap, in both keyboard layouts), state
//! and store out.

use hamyar::domain::*;
use hamyar::i18n::Lang;
use hamyar::store::ActionFilter;
use hamyar::tui::event::Event;
use hamyar::tui::forms::FieldId;
use hamyar::tui::keymap::Mode;
use hamyar::tui::model::{Focus, Screen, TabKind};
use hamyar::tui::ui::Modal;

use super::support::*;

fn room(h: &Harness) -> &hamyar::tui::model::Room {
    h.app.model.room.as_ref().expect("a meeting is open")
}

fn decisions_of_meeting_2(h: &Harness) -> Vec<Decision> {
    let s = h.store();
    let m = s
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .find(|m| m.number == 2)
        .unwrap();
    s.list_decisions(&m.id).unwrap()
}

#[test]
fn it_opens_the_live_meeting_with_its_categories_as_tabs() {
    let h = Harness::demo(Lang::Fa);
    assert_eq!(h.app.model.screen, Screen::Room);
    let r = room(&h);
    assert_eq!(r.meeting.number, 2);
    assert_eq!(r.tabs.first().map(|t| &t.kind), Some(&TabKind::All));
    assert_eq!(r.tabs.last().map(|t| &t.kind), Some(&TabKind::Review));
    assert_eq!(r.tabs[0].open, 7, "the seven open issues of meeting 1");
    assert_eq!(h.app.mode(), Mode::Room);
}

#[test]
fn tabs_move_with_brackets_digits_and_their_persian_twins() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("]");
    assert_eq!(room(&h).tab, 1);
    h.key("چ");
    assert_eq!(room(&h).tab, 2, "] on the Persian layout");
    h.key("ج");
    assert_eq!(room(&h).tab, 1, "[ on the Persian layout");
    h.key("۳");
    assert_eq!(room(&h).tab, 2, "۳ goes to the third tab");
    h.key("1");
    assert_eq!(room(&h).tab, 0);
    let n = room(&h).tabs.len();
    h.key("[");
    assert_eq!(room(&h).tab, n - 1, "wraps to the review tab");
    assert!(matches!(room(&h).current_tab(), TabKind::Review));
    assert!(!room(&h).detail.follow_ups.is_empty() || !room(&h).review.is_empty());
}

#[test]
fn moving_loads_the_selected_issues_history() {
    let mut h = Harness::demo(Lang::Fa);
    let first = room(&h)
        .selected_issue(&h.app.model.directory)
        .unwrap()
        .id
        .clone();
    h.key("j");
    let second = room(&h)
        .selected_issue(&h.app.model.directory)
        .unwrap()
        .id
        .clone();
    assert_ne!(first, second);
    h.key("ت"); // j on the Persian layout
    assert_eq!(room(&h).selected, 2);
    h.keys(&["k", "k"]);
    assert_eq!(room(&h).selected, 0);
    assert!(!room(&h).detail.history.meetings.is_empty());
    h.key("tab");
    assert_eq!(room(&h).focus, Focus::Detail);
    h.key("esc");
    assert_eq!(room(&h).focus, Focus::List);
    h.key("esc");
    assert_eq!(h.app.model.screen, Screen::Meetings);
}

#[test]
fn a_decision_typed_in_persian_is_saved_with_its_agency_and_deadline() {
    let mut h = Harness::demo(Lang::Fa);
    let before = decisions_of_meeting_2(&h).len();
    h.key("ی");
    assert_eq!(h.app.mode(), Mode::Form);
    // Shortcuts are text in a form: ی, q and ض are typed, not obeyed.
    h.typed("بانک توسعه تعاون وام «قرض‌الحسنه» ۵۰ میلیون ریالی به SMS بدهد q ض");
    h.key("tab");
    assert_eq!(h.app.mode(), Mode::Picker);
    h.typed("بانك").key("enter");
    h.key("tab"); // supporting agencies: none
    h.typed("+14");
    h.key("ctrl+s");
    assert!(
        h.app.ui.modals.is_empty(),
        "saved and closed: {:?}",
        h.app.model.flash
    );
    assert!(h.flash().contains("۲/۸"), "{}", h.flash());
    let after = decisions_of_meeting_2(&h);
    assert_eq!(after.len(), before + 1);
    let d = after.last().unwrap();
    assert!(d.text.ends_with("q ض"));
    assert_eq!(d.due.unwrap().jalali().latin(), "1393/02/30");
    let lead = h.store().get_agency(&d.lead_agency).unwrap();
    assert_eq!(lead.name, "بانک توسعه تعاون");
    assert!(d.issue.is_some(), "linked to the selected issue");
    assert!(
        h.store().drafts().unwrap().is_empty(),
        "no draft left behind"
    );
}

#[test]
fn a_decision_form_says_what_is_missing_and_stays_open() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d").key("ctrl+s");
    let form_error = |h: &Harness| match h.app.ui.top() {
        Some(Modal::Form(f)) => f.error.clone().unwrap_or_default(),
        _ => panic!("the form is still open"),
    };
    assert!(form_error(&h).contains("شرح مصوبه"), "{}", form_error(&h));
    h.typed("متن").key("ctrl+s");
    assert!(form_error(&h).contains("مسئول پیگیری"));
    h.key("tab")
        .typed("بانك")
        .key("enter")
        .key("tab")
        .typed("1402/12/30")
        .key("ctrl+s");
    assert!(form_error(&h).contains("وجود ندارد"), "{}", form_error(&h));
    assert_eq!(decisions_of_meeting_2(&h).len(), 7);
}

#[test]
fn esc_asks_before_throwing_typed_text_away() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d").key("esc");
    assert!(h.app.ui.modals.is_empty(), "nothing typed: closes at once");
    h.key("d").typed("نیمه‌کاره").key("esc");
    assert_eq!(h.app.mode(), Mode::Dialog);
    h.key("n");
    assert_eq!(h.app.mode(), Mode::Form, "no: back to the form");
    h.tick();
    assert_eq!(
        h.store().drafts().unwrap().len(),
        1,
        "the draft was kept on the tick"
    );
    h.key("esc").key("y");
    assert!(h.app.ui.modals.is_empty());
    assert!(
        h.store().drafts().unwrap().is_empty(),
        "discarding forgets the draft"
    );
}

#[test]
fn a_draft_left_by_a_crash_is_offered_back() {
    let (_dir, path) = demo_db();
    {
        let mut h = Harness::on(&path, Lang::Fa);
        h.key("d").typed("بانک ملی تا پایان ماه").tick();
        // The process dies here: no quit, no save.
    }
    let mut h = Harness::on(&path, Lang::Fa);
    assert_eq!(h.app.mode(), Mode::Dialog, "the draft is offered");
    h.key("y");
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("the form is back")
    };
    assert_eq!(form.text(FieldId::DecisionText), "بانک ملی تا پایان ماه");
}

#[test]
fn a_statement_is_recorded_for_a_speaker_found_by_part_of_the_name() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("ف"); // t
    h.typed("فكري").key("enter");
    h.typed("مشکلات باید درست بیان شوند تا هر دستگاه بتواند اقدام کند.");
    h.key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let s = h.store();
    let m = &room(&h).meeting;
    let statements = s.list_statements(&m.id).unwrap();
    let last = statements.last().unwrap();
    assert!(last.text.starts_with("مشکلات باید"));
    assert!(s.get_person(&last.speaker).unwrap().name.contains("فکری"));
}

#[test]
fn an_issue_is_added_to_the_current_category() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("2"); // the first category tab
    let TabKind::Category(cat) = room(&h).current_tab().clone() else {
        panic!()
    };
    h.key("ه").typed("نبود سامانه فروش اینترنتی").key("ctrl+s");
    let issue = room(&h)
        .issues
        .iter()
        .find(|i| i.title == "نبود سامانه فروش اینترنتی")
        .expect("listed in the room")
        .clone();
    assert_eq!(issue.category, Some(cat));
    assert_eq!(issue.raised_in.as_ref(), Some(&room(&h).meeting.id));
}

#[test]
fn attendance_marks_people_with_letters_in_either_layout() {
    let mut h = Harness::demo(Lang::Fa);
    let present_before = room(&h).attendance_summary(&h.app.model.directory).present;
    h.key("ش"); // a
    assert_eq!(h.app.mode(), Mode::Attendance);
    h.key("x");
    assert_eq!(
        room(&h).attendance_summary(&h.app.model.directory).present,
        present_before - 1
    );
    h.key("ح"); // p on the Persian layout
    assert_eq!(
        room(&h).attendance_summary(&h.app.model.directory).present,
        present_before
    );
    h.key("e").key("r").typed("مأموریت اداری").key("ctrl+s");
    let first = room(&h).expected_people(&h.app.model.directory)[0].clone();
    let a = room(&h).attendance_of(&first).unwrap();
    assert_eq!(
        (a.state, a.reason.as_str()),
        (AttendanceState::Excused, "مأموریت اداری")
    );
    h.key("s").typed("هاشمی").key("enter").key("ctrl+s");
    let a = room(&h).attendance_of(&first).unwrap().clone();
    assert_eq!(a.state, AttendanceState::Substitute);
    assert!(a.substitute_for.is_some());
    h.key("esc");
    assert_eq!(h.app.mode(), Mode::Room);
}

#[test]
fn the_meeting_is_closed_approved_then_only_amended() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("پ").key("enter"); // m: close
    assert_eq!(room(&h).meeting.status, MeetingStatus::Closed);
    assert_eq!(
        room(&h).meeting.end_time.map(|t| t.to_string()).as_deref(),
        Some("10:15")
    );
    h.key("m").key("enter"); // approve
    assert_eq!(h.app.mode(), Mode::Dialog, "approval asks first");
    h.key("y");
    assert_eq!(room(&h).meeting.status, MeetingStatus::Approved);
    h.key("d");
    assert!(
        h.app.ui.modals.is_empty(),
        "no decision form on an approved meeting"
    );
    assert!(h.flash().contains("اصلاحیه"), "{}", h.flash());
    h.key("m").key("enter");
    // What to amend: in words only, the picker's last option.
    h.typed("متنی").key("enter");
    h.typed("اصلاح نام دستگاه")
        .key("tab")
        .typed("در مصوبهٔ ۲/۳ نام صندوق درست شد.")
        .key("ctrl+s");
    let amendments = h.store().list_amendments(&room(&h).meeting.id).unwrap();
    assert_eq!(amendments.len(), 1);
    assert_eq!(amendments[0].reason, "اصلاح نام دستگاه");
}

#[test]
fn undo_reverts_the_last_change_and_says_which() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d")
        .typed("آزمایش")
        .key("tab")
        .typed("بانك")
        .key("enter")
        .key("ctrl+s");
    assert_eq!(decisions_of_meeting_2(&h).len(), 8);
    h.key("ع"); // u
    assert_eq!(decisions_of_meeting_2(&h).len(), 7);
    assert!(h.flash().contains("ثبت مصوبه"), "{}", h.flash());
}

#[test]
fn a_decision_is_edited_and_a_statement_deleted_from_the_detail_pane() {
    let mut h = Harness::demo(Lang::Fa);
    // The issue with a decision and statements in meeting 2.
    while room(&h)
        .detail
        .history
        .decisions
        .iter()
        .all(|d| d.number.meeting != 2)
    {
        h.key("j");
    }
    h.key("tab");
    let target = room(&h)
        .detail
        .history
        .decisions
        .iter()
        .position(|d| d.number.meeting == 2)
        .unwrap();
    for _ in 0..target {
        h.key("j");
    }
    h.key("e");
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("edit form")
    };
    assert!(!form.text(FieldId::DecisionText).is_empty(), "prefilled");
    h.key("ctrl+s");
    assert!(h.flash().contains("اصلاح شد"), "{}", h.flash());
    let statements = room(&h).detail.history.statements.clone();
    let pos = statements
        .iter()
        .position(|s| s.meeting == room(&h).meeting.id)
        .expect("the demo issue has a statement in meeting 2");
    let n = room(&h).detail.history.decisions.len() + pos;
    h.key("home");
    for _ in 0..n {
        h.key("j");
    }
    h.key("delete").key("y");
    let left = h.store().list_statements(&room(&h).meeting.id).unwrap();
    assert!(
        left.iter().all(|s| s.id != statements[pos].id),
        "{}",
        h.flash()
    );
}

#[test]
fn issue_status_moves_and_resolved_issues_hide_until_toggled() {
    let mut h = Harness::demo(Lang::Fa);
    let id = room(&h)
        .selected_issue(&h.app.model.directory)
        .unwrap()
        .id
        .clone();
    h.key("s");
    assert_eq!(h.app.mode(), Mode::Menu);
    let Some(Modal::Menu(menu)) = h.app.ui.top() else {
        panic!()
    };
    let resolved = menu
        .items
        .iter()
        .position(|(_, c)| {
            matches!(
                c,
                hamyar::tui::ui::Choice::IssueStatus(_, IssueStatus::Resolved)
            )
        })
        .unwrap();
    for _ in 0..resolved {
        h.key("j");
    }
    h.key("enter");
    assert_eq!(
        h.store().get_issue(&id).unwrap().status,
        IssueStatus::Resolved
    );
    let visible = |h: &Harness| room(h).items(&h.app.model.directory).len();
    assert_eq!(visible(&h), 6);
    h.key("v");
    assert_eq!(visible(&h), 7);
    h.key("c").key("enter");
    assert_ne!(h.store().get_issue(&id).unwrap().category, None);
}

#[test]
fn a_follow_up_on_a_decision_under_review_moves_its_status() {
    let mut h = Harness::demo(Lang::Fa);
    let n = room(&h).tabs.len();
    h.key("[");
    assert_eq!(room(&h).tab, n - 1);
    let decision = room(&h)
        .selected_review(&h.app.model.directory)
        .unwrap()
        .decision
        .clone();
    h.key("ب"); // f
    assert_eq!(h.app.mode(), Mode::Menu);
    h.key("enter").typed("نامه به بانک ارسال شد").key("ctrl+s");
    let after = h.store().get_decision(&decision.id).unwrap();
    assert_ne!(after.status, decision.status);
    let f = h.store().list_follow_ups(&decision.id).unwrap();
    assert_eq!(f.last().unwrap().note, "نامه به بانک ارسال شد");
}

#[test]
fn a_new_meeting_is_scheduled_in_a_form_and_carries_over() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("esc");
    assert_eq!(h.app.model.screen, Screen::Meetings);
    // Meeting 2 is in progress: the next one waits for it, and says so.
    h.key("د"); // n
    assert!(h.app.ui.modals.is_empty());
    assert!(h.flash().contains("نشست ۲ هنوز"), "{}", h.flash());
    h.key("enter").key("m").key("enter"); // close meeting 2
    h.key("esc").key("n");
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("the meeting form: {}", h.flash())
    };
    assert_eq!(form.text(FieldId::MeetingNumber), "۳");
    assert_eq!(
        form.text(FieldId::MeetingDate),
        "۱۳۹۳/۰۴/۲۰",
        "the next-meeting date in meeting 2's minutes"
    );
    let before = h.store().list_meetings(None).unwrap().rows.len();
    h.key("tab");
    for _ in 0..10 {
        h.key("backspace");
    }
    h.typed("+۲۱");
    // Nothing is created until Ctrl+S.
    assert_eq!(h.store().list_meetings(None).unwrap().rows.len(), before);
    h.key("ctrl+s");
    assert_eq!(room(&h).meeting.number, 3, "{}", h.flash());
    assert_eq!(room(&h).meeting.date.jalali().latin(), "1393/03/06");
    assert!(
        !room(&h).review.is_empty(),
        "unfinished decisions to review"
    );
    assert!(!room(&h).issues.is_empty(), "open issues on the agenda");
    assert!(h.flash().contains("۱۳۹۳/۰۳/۰۶"), "{}", h.flash());
    h.key("esc").key("k").key("enter");
    assert_eq!(room(&h).meeting.number, 2);
}

#[test]
fn an_empty_database_welcomes_and_starts_a_series_or_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let mut h = Harness::on(&path, Lang::Fa);
    assert_eq!(h.app.model.screen, Screen::Welcome);
    h.key("n")
        .typed("کارگروه اشتغال زنان")
        .key("tab")
        .typed("استانداری کرمان");
    h.key("tab")
        .typed("سالن ۲")
        .key("tab")
        .typed("۲۱")
        .key("tab");
    for agency in ["بانک توسعه تعاون", "صندوق مهر", "بهزیستی"] {
        h.typed(agency).key("enter");
    }
    h.key("tab").key("backspace").typed("۳").key("ctrl+s");
    // The series is made; its first meeting's form is open, and saving it opens the room.
    assert_eq!(h.app.model.screen, Screen::Meetings, "{}", h.flash());
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("the first meeting's form: {}", h.flash())
    };
    assert_eq!(form.text(FieldId::MeetingNumber), "۱");
    assert_eq!(form.text(FieldId::Place), "سالن ۲");
    h.key("ctrl+s");
    assert_eq!(h.app.model.screen, Screen::Room, "{}", h.flash());
    let series = h.store().list_series().unwrap();
    assert_eq!(
        (
            series[0].title.as_str(),
            series[0].quorum,
            series[0].interval_days,
            series[0].member_agencies.len()
        ),
        ("کارگروه اشتغال زنان", 3, 21, 3)
    );
    // The demo opens in a temporary file of its own: the user's database stays empty.
    let other = dir.path().join("mine.db");
    let mut h = Harness::on(&other, Lang::En);
    h.key("l");
    assert_eq!(h.app.model.screen, Screen::Room, "{}", h.flash());
    assert_eq!(room(&h).meeting.number, 2);
    assert!(h.flash().contains("temporary file"), "{}", h.flash());
    assert!(
        !h.store().holds_data().unwrap(),
        "nothing written into mine.db"
    );
    assert_ne!(h.app.store().path(), other.as_path());
    let demo = h.app.store().path().to_path_buf();
    drop(h);
    assert!(!demo.exists(), "the demo goes at exit");
}

#[test]
fn help_quit_paste_and_terminate() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("؟");
    assert_eq!(h.app.mode(), Mode::Help);
    h.key("esc");
    h.key("d");
    let huge = "متن «بلند» ۱۲۳ ".repeat(70_000);
    h.event(Event::Paste(huge));
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!()
    };
    assert!(form.text(FieldId::DecisionText).chars().count() <= 10_000);
    assert!(h.flash().contains("چسبانده نشد"), "{}", h.flash());
    h.event(Event::Paste("\u{1b}]0;x\u{7}\u{202e}سلام".into()));
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!()
    };
    assert!(
        !form
            .text(FieldId::DecisionText)
            .contains(['\u{1b}', '\u{202e}', '\u{7}'])
    );
    h.event(Event::Terminate);
    assert!(h.app.model.quit);
    assert_eq!(
        h.store().drafts().unwrap().len(),
        1,
        "what was typed is kept"
    );
    let mut h = Harness::demo(Lang::Fa);
    h.key("ض");
    assert!(h.app.model.quit);
}

#[test]
fn another_hamyars_commit_shows_within_a_tick() {
    let mut h = Harness::demo(Lang::Fa);
    let mut other = h.store();
    let m = room(&h).meeting.id.clone();
    let agency = other.list_agencies().unwrap()[0].id.clone();
    other
        .record_decision(&hamyar::store::NewDecision {
            meeting: m,
            issue: None,
            text: "از همیار دیگر".into(),
            lead_agency: agency,
            supporting_agencies: vec![],
            due: None,
        })
        .unwrap();
    assert_eq!(room(&h).decisions.len(), 7);
    h.tick();
    assert_eq!(room(&h).decisions.len(), 8);
    let open = other.actions(&ActionFilter::default()).unwrap().rows;
    assert!(open.iter().any(|a| a.decision.text == "از همیار دیگر"));
}

#[test]
fn an_unknown_agency_or_speaker_is_added_from_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let mut h = Harness::on(&path, Lang::Fa);
    h.key("n")
        .typed("کارگروه اشتغال")
        .key("ctrl+s")
        .key("ctrl+s");
    assert_eq!(h.app.model.screen, Screen::Room);
    h.key("d").typed("پرداخت وام اشتغال خانگی").key("tab");
    h.typed("صندوق کارآفرینی امید").key("enter");
    h.key("tab").typed("آخر ماه").key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let store = h.store();
    let agencies = store.list_agencies().unwrap();
    assert_eq!(agencies.len(), 1);
    assert_eq!(agencies[0].name, "صندوق کارآفرینی امید");
    let d = &store.actions(&ActionFilter::default()).unwrap().rows[0].decision;
    assert_eq!(d.lead_agency, agencies[0].id);
    assert_eq!(d.due.unwrap().jalali().latin(), "1393/02/31");
    h.key("t")
        .typed("خانم احمدی")
        .key("enter")
        .typed("موافقت شد")
        .key("ctrl+s");
    assert_eq!(store.list_people().unwrap()[0].name, "خانم احمدی");
}

#[test]
fn the_minutes_are_exported_from_the_room_with_a_preview() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("ط"); // x
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("the export screen")
    };
    let hamyar::tui::forms::FormKind::Export { preview, stem, .. } = &form.kind else {
        panic!()
    };
    assert!(
        preview.contains("مصوبات") || preview.contains("صورتجلسه"),
        "{preview}"
    );
    assert_eq!(stem, "soratjalase-2-1393-02-16");
    let screen = h.screen(100, 30);
    assert!(screen.contains("DOCX"), "{screen}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.docx");
    h.key("tab").typed(out.to_str().unwrap()).key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip (DOCX)");
    assert!(h.flash().contains("minutes.docx"), "{}", h.flash());
    // An existing file is not overwritten unasked (tui/export_file.rs has the rest).
    h.key("x")
        .key("tab")
        .typed(out.to_str().unwrap())
        .key("ctrl+s");
    assert!(
        matches!(h.app.ui.top(), Some(Modal::Confirm { .. })),
        "{:?}",
        h.app.ui.top()
    );
}

fn review_numbers(h: &Harness) -> Vec<String> {
    let r = &h.app.model.review;
    r.rows
        .iter()
        .filter_map(|row| match row {
            hamyar::tui::model::Row::Item(i) => Some(r.entries.entries[*i].number.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_review_filters_groups_and_follows_up() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("ق"); // r
    assert_eq!(h.app.model.screen, Screen::Review);
    assert_eq!(review_numbers(&h).len(), 10, "every decision of the series");
    assert_eq!(review_numbers(&h)[0], "1/2", "the overdue one first");
    h.key("o");
    assert_eq!(review_numbers(&h), ["1/2"]);
    assert_eq!(h.app.model.review.filter_text, "معوق");
    h.key("o");
    assert_eq!(review_numbers(&h).len(), 10);
    h.key("c").typed("agency:بانك status:pending").key("enter");
    assert_eq!(review_numbers(&h), ["2/4"]);
    h.key("c");
    h.keys(&["ctrl+s"]);
    h.key("c").key("esc");
    h.key("c").typed(" colour:red").key("enter");
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!("the filter form stays open")
    };
    assert!(form.error.as_deref().unwrap_or_default().contains("colour"));
    h.key("esc").key("y");
    h.key("c");
    for _ in 0..40 {
        h.key("backspace");
    }
    h.key("enter");
    h.key("g");
    let groups = h
        .app
        .model
        .review
        .rows
        .iter()
        .filter(|r| matches!(r, hamyar::tui::model::Row::Group { .. }))
        .count();
    assert!(groups >= 5, "one group per lead agency: {groups}");
    assert!(matches!(
        h.app.model.review.rows[h.app.model.review.selected],
        hamyar::tui::model::Row::Item(_)
    ));
    // A follow-up from the review shows at once.
    let before = h.app.model.review.decision.clone().unwrap();
    assert_eq!(h.app.model.review.selected_entry().unwrap().id, before.id);
    h.key("ب")
        .key("enter")
        .typed("پیگیری تلفنی انجام شد")
        .key("ctrl+s");
    let after = h
        .app
        .model
        .review
        .entries
        .entries
        .iter()
        .find(|e| e.id == before.id)
        .unwrap();
    assert_ne!(after.status, before.status);
    assert_eq!(
        h.store().get_decision(&before.id).unwrap().status,
        after.status
    );
    assert_eq!(
        h.app.model.review.decision.as_ref().map(|d| d.status),
        Some(after.status),
        "the detail shows the new status too"
    );
}

#[test]
fn a_decision_is_copied_in_logical_order_and_opened_in_its_meeting() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("r").key("c").typed("agency:بانك").key("enter");
    h.key("غ"); // y
    let copied = h.app.model.clipboard.clone().unwrap();
    assert!(copied.starts_with("مصوبهٔ ۲/۴: "), "{copied}");
    assert!(
        copied.contains("مسئول پیگیری: بانک توسعه تعاون"),
        "{copied}"
    );
    h.key("enter");
    assert_eq!(h.app.model.screen, Screen::Room);
    let r = room(&h);
    assert_eq!(r.focus, Focus::Detail);
    let item = r.selected_detail().unwrap();
    let d = r
        .detail
        .history
        .decisions
        .iter()
        .find(|d| hamyar::tui::model::DetailItem::Decision(d.id.clone()) == item)
        .unwrap();
    assert_eq!(d.number.to_string(), "2/4");
}

#[test]
fn search_finds_as_one_types_and_jumps_to_the_item() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("/");
    assert_eq!(h.app.mode(), Mode::Search);
    h.typed("بانك");
    let hits = &h.app.model.search.hits;
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .any(|x| x.hit.kind == hamyar::store::SearchKind::Decision)
    );
    assert!(
        hits.iter()
            .all(|x| x.meeting_number.is_some() || x.hit.kind == hamyar::store::SearchKind::Issue)
    );
    let decision = hits
        .iter()
        .position(|x| x.hit.kind == hamyar::store::SearchKind::Decision)
        .unwrap();
    for _ in 0..decision {
        h.key("down");
    }
    let id = h.app.model.search.selected_hit().unwrap().hit.id.clone();
    h.key("enter");
    assert_eq!(h.app.model.screen, Screen::Room);
    assert_eq!(
        room(&h).selected_detail(),
        Some(hamyar::tui::model::DetailItem::Decision(id))
    );
    h.key("/").key("esc");
    assert_eq!(h.app.model.screen, Screen::Room);
}

fn history_view(h: &Harness) -> hamyar::history::HistoryView {
    match h.app.ui.top() {
        Some(Modal::History { view, .. }) => (**view).clone(),
        other => panic!("the history is open, not {other:?}"),
    }
}

#[test]
fn the_history_shows_what_an_edit_changed_field_by_field() {
    let mut h = Harness::demo(Lang::Fa);
    while room(&h)
        .detail
        .history
        .decisions
        .iter()
        .all(|d| d.number.meeting != 2)
    {
        h.key("j");
    }
    // The issue's own history first, from the list.
    h.key("h");
    assert!(history_view(&h).subject.starts_with("مشکل: "));
    assert_eq!(h.app.mode(), Mode::History);
    h.key("esc");
    h.key("tab");
    let target = room(&h)
        .detail
        .history
        .decisions
        .iter()
        .position(|d| d.number.meeting == 2)
        .unwrap();
    for _ in 0..target {
        h.key("j");
    }
    h.key("e")
        .key("end")
        .typed(" (با پیامک SMS، ۲ بار)")
        .key("ctrl+s");
    assert!(h.flash().contains("اصلاح شد"), "{}", h.flash());
    // h on the Persian layout.
    h.key("ا");
    let view = history_view(&h);
    assert!(view.subject.starts_with("مصوبه ۲/"), "{}", view.subject);
    let last = view.changes.last().expect("the edit is in the log");
    assert!(last.heading.contains("اصلاح مصوبه"), "{}", last.heading);
    let text = last.lines.iter().find(|l| l.starts_with("متن: ")).unwrap();
    assert!(
        text.contains(" ← ") && text.ends_with("(با پیامک SMS، ۲ بار)"),
        "{text}"
    );
    assert_eq!(
        last.lines.len(),
        1,
        "only the text changed: {:?}",
        last.lines
    );
    h.key("h");
    assert!(h.app.ui.top().is_none(), "h closes it again");
}

#[test]
fn the_history_of_a_decision_under_review_lists_its_follow_ups() {
    let mut h = Harness::demo(Lang::En);
    h.key("r");
    h.tick();
    for _ in 0..200 {
        if !h.app.model.review.rows.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.tick();
    }
    let decision = h.app.model.review.decision.clone().unwrap();
    let mut other = h.store();
    let status = if decision.status == DecisionStatus::Pending {
        DecisionStatus::InProgress
    } else {
        DecisionStatus::Done
    };
    other
        .record_follow_up(&decision.id, status, "نامه شمارهٔ ۱۲۳ (IBAN) ارسال شد")
        .unwrap();
    h.key("h");
    let view = history_view(&h);
    assert!(view.subject.starts_with("Decision "), "{}", view.subject);
    assert!(
        view.follow_ups
            .iter()
            .any(|f| f.ends_with(": نامه شمارهٔ ۱۲۳ (IBAN) ارسال شد")),
        "{:?}",
        view.follow_ups
    );
    let last = view.changes.last().unwrap();
    assert!(
        last.heading.contains("recording a follow-up"),
        "{}",
        last.heading
    );
    assert!(
        last.lines
            .iter()
            .any(|l| l.starts_with("Status: ") && l.contains(" → ")),
        "{:?}",
        last.lines
    );
    let created = view.changes.first().expect("its creation is logged");
    assert!(
        created
            .lines
            .iter()
            .any(|l| l.starts_with("Lead agency (set): ")),
        "{:?}",
        created.lines
    );
}
