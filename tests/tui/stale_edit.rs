//! Two apps on one file: a form opened on a record the other app then changes is refused when
//! saved, the room reloads, and the form keeps what was typed; a second Ctrl+S saves it.

use hamyar::domain::Decision;
use hamyar::i18n::Lang;
use hamyar::tui::forms::FieldId;
use hamyar::tui::ui::Modal;

use super::support::*;

/// Opens the edit form of the first decision of meeting 2 in the detail pane, and types `more`
/// at the end of its text; the decision as the form opened on it.
fn edit_first_decision_of_meeting_2(h: &mut Harness, more: &str) -> Decision {
    let decisions = |h: &Harness| {
        h.app
            .model
            .room
            .as_ref()
            .unwrap()
            .detail
            .history
            .decisions
            .clone()
    };
    while decisions(h).iter().all(|d| d.number.meeting != 2) {
        h.key("j");
    }
    h.key("tab");
    let decisions = decisions(h);
    let target = decisions
        .iter()
        .position(|d| d.number.meeting == 2)
        .unwrap();
    for _ in 0..target {
        h.key("j");
    }
    h.key("e");
    h.key("end").typed(more);
    decisions[target].clone()
}

fn form_error(h: &Harness) -> String {
    match h.app.ui.top() {
        Some(Modal::Form(form)) => form.error.as_deref().unwrap_or_default().to_string(),
        other => panic!("the form is closed: {other:?}"),
    }
}

#[test]
fn a_stale_form_never_overwrites_the_other_apps_edit() {
    let (_dir, path) = demo_db();
    let mut a = Harness::on(&path, Lang::Fa);
    let mut b = Harness::on(&path, Lang::Fa);
    let d = edit_first_decision_of_meeting_2(&mut a, " (اصلاحیهٔ «الف»)");
    let theirs = edit_first_decision_of_meeting_2(&mut b, " ظرف ۱۰ روز (SMS)");
    assert_eq!(theirs.id, d.id);
    b.key("ctrl+s");
    assert!(b.flash().contains("اصلاح شد"), "{}", b.flash());
    let their_text = b.store().get_decision(&d.id).unwrap().text;
    assert!(their_text.ends_with("ظرف ۱۰ روز (SMS)"));

    a.key("ctrl+s");
    let why = form_error(&a);
    assert!(why.contains("همیار دیگری"), "{why}");
    assert_eq!(
        a.store().get_decision(&d.id).unwrap().text,
        their_text,
        "nothing was overwritten"
    );
    let shown = a.app.model.room.as_ref().unwrap();
    assert!(
        shown
            .detail
            .history
            .decisions
            .iter()
            .any(|x| x.id == d.id && x.text == their_text),
        "the room was reloaded behind the form"
    );
    let Some(Modal::Form(form)) = a.app.ui.top() else {
        panic!()
    };
    assert!(
        form.text(FieldId::DecisionText).ends_with("(اصلاحیهٔ «الف»)"),
        "what was typed is kept"
    );
    // Told, the secretary saves again: now knowingly over the other edit.
    a.key("ctrl+s");
    assert!(a.app.ui.top().is_none(), "{:?}", a.app.ui.top());
    assert!(
        a.store()
            .get_decision(&d.id)
            .unwrap()
            .text
            .ends_with("(اصلاحیهٔ «الف»)")
    );
}
