//! Forms as a secretary uses them in a meeting: clearing with Ctrl+U/W/K, sub-forms that say
//! what they are about, no «۰» to type after, a question only when something would be lost,
//! undo that leaves the selection on what came back, decision numbers in search results.

use crossterm::event::{KeyCode, KeyModifiers};
use hamyar::i18n::Lang;
use hamyar::tui::event::Event;
use hamyar::tui::forms::FieldId;
use hamyar::tui::keymap::Mode;
use hamyar::tui::model::{DetailItem, Screen};
use hamyar::tui::ui::Modal;

use super::support::*;

fn ctrl(h: &mut Harness, c: char) {
    h.event(Event::key(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn form_text(h: &Harness, id: FieldId) -> String {
    match h.app.ui.any_form() {
        Some(f) => f
            .field(id)
            .map(|f| f.text().to_string())
            .unwrap_or_default(),
        None => panic!("a form is open"),
    }
}

#[test]
fn ctrl_u_w_and_k_clear_what_was_typed() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d").typed("بانک «توسعه» تا ۱۴۰۵/۰۹/۳۰ می‌پردازد");
    ctrl(&mut h, 'w');
    assert_eq!(
        form_text(&h, FieldId::DecisionText),
        "بانک «توسعه» تا ۱۴۰۵/۰۹/۳۰ "
    );
    ctrl(&mut h, 'u');
    assert_eq!(form_text(&h, FieldId::DecisionText), "");
    h.typed("عنوان (SMS) غلط").key("home");
    ctrl(&mut h, 'k');
    assert_eq!(form_text(&h, FieldId::DecisionText), "");
    // On the Persian layout, with a terminal that reports the letter typed: Ctrl+ع is Ctrl+U.
    h.typed("دوباره");
    ctrl(&mut h, 'ع');
    assert_eq!(form_text(&h, FieldId::DecisionText), "");
}

#[test]
fn esc_asks_only_when_the_form_holds_typed_text() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d").typed("چیزی").keys(&["backspace"; 4]).key("esc");
    assert!(
        h.app.ui.modals.is_empty(),
        "typed and deleted: nothing to lose"
    );
    h.key("d").typed("چیزی").key("esc");
    assert_eq!(h.app.mode(), Mode::Dialog, "typed text: asked");
    h.key("y");
    // An edit form opens with the record's text: only a change is worth a question.
    h.key("tab").key("home").key("e");
    assert_eq!(h.app.mode(), Mode::Form);
    h.key("esc");
    assert!(h.app.ui.modals.is_empty(), "opened and left as it was");
}

#[test]
fn the_quorum_field_of_a_new_series_is_empty_not_zero() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("esc"); // the meetings
    h.key("s");
    assert_eq!(form_text(&h, FieldId::Quorum), "");
    let Some(Modal::Form(form)) = h.app.ui.top_mut() else {
        panic!("the series form")
    };
    form.focus_on(FieldId::Quorum);
    h.typed("5");
    assert_eq!(form_text(&h, FieldId::Quorum), "5");
}

#[test]
fn sub_forms_name_whom_and_what_they_are_about() {
    for lang in [Lang::Fa, Lang::En] {
        let name = match lang {
            Lang::Fa => "fa",
            Lang::En => "en",
        };
        let mut h = Harness::demo(lang);
        // The reason of an absence names the person.
        h.key("a").key("r");
        let person = match h.app.ui.top() {
            Some(Modal::Form(f)) => match &f.kind {
                hamyar::tui::forms::FormKind::AttendanceReason { person } => person.clone(),
                other => panic!("the reason form, not {other:?}"),
            },
            other => panic!("a form, not {other:?}"),
        };
        assert!(h.app.model.directory.person(&person).is_some());
        insta::assert_snapshot!(format!("reason_form_{name}_80x24"), h.screen(80, 24));
        // The follow-up note names the decision and the status chosen.
        let mut h = Harness::demo(lang);
        h.key("[").key("f").key("enter");
        let Some(Modal::Form(form)) = h.app.ui.top() else {
            panic!("the follow-up form")
        };
        assert!(matches!(
            form.kind,
            hamyar::tui::forms::FormKind::FollowUp { .. }
        ));
        insta::assert_snapshot!(format!("follow_up_form_{name}_80x24"), h.screen(80, 24));
        insta::assert_snapshot!(format!("follow_up_form_{name}_100x30"), h.screen(100, 30));
    }
}

fn selected_decision(h: &Harness) -> Option<hamyar::domain::Id> {
    match h.app.model.room.as_ref()?.selected_detail() {
        Some(DetailItem::Decision(id)) => Some(id),
        _ => None,
    }
}

#[test]
fn after_undo_the_selection_is_on_the_record_that_came_back() {
    let mut h = Harness::demo(Lang::Fa);
    // A new issue with two decisions; the second, the last of the pane, is deleted.
    h.key("i").typed("نبود سامانهٔ فروش (SMS)").key("ctrl+s");
    for _ in 0..30 {
        let room = h.app.model.room.as_ref().unwrap();
        if room
            .selected_issue(&h.app.model.directory)
            .is_some_and(|i| i.title.starts_with("نبود سامانهٔ فروش"))
        {
            break;
        }
        h.key("j");
    }
    for text in ["بانک «توسعه» وام بدهد", "صندوق مهر ۱۰ گروه را بپذیرد"]
    {
        h.key("d")
            .typed(text)
            .key("tab")
            .typed("بانك")
            .key("enter")
            .key("ctrl+s");
    }
    h.key("tab").key("end");
    let last = selected_decision(&h).expect("a decision selected in the detail pane");
    assert!(
        h.store()
            .get_decision(&last)
            .unwrap()
            .text
            .starts_with("صندوق")
    );
    h.key("delete").key("y");
    assert!(h.store().get_decision(&last).is_err(), "{}", h.flash());
    h.key("u");
    assert_eq!(
        selected_decision(&h),
        Some(last.clone()),
        "the restored decision is selected, not the one before it"
    );
    // So the next Delete asks about it, not its neighbour.
    h.key("delete");
    let Some(Modal::Confirm { yes, .. }) = h.app.ui.top() else {
        panic!("asked")
    };
    assert_eq!(*yes, hamyar::tui::ui::Pending::DeleteDecision(last));
}

#[test]
fn search_results_name_decisions_by_number() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("/").typed("بانك");
    assert_eq!(h.app.model.screen, Screen::Search);
    let decision = h
        .app
        .model
        .search
        .hits
        .iter()
        .find(|x| x.hit.kind == hamyar::store::SearchKind::Decision)
        .expect("a decision is found");
    let n = decision.hit.number.expect("with its number");
    let shown = Lang::Fa.decision_number(n);
    let screen = h.screen(100, 30);
    assert!(screen.contains(&shown), "{shown} on screen:\n{screen}");
    insta::assert_snapshot!("search_numbers_fa_100x30", screen);
}
