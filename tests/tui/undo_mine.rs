//! Two apps on one file (two terminals): each one's undo takes back only its own changes,
//! newest first, says when there is nothing left, and refuses to overwrite the other's work.

use hamyar::i18n::Lang;

use super::support::*;

fn statements(h: &Harness) -> Vec<String> {
    let m = &h.app.model.room.as_ref().unwrap().meeting;
    h.store()
        .list_statements(&m.id)
        .unwrap()
        .into_iter()
        .map(|s| s.text)
        .collect()
}

fn say(h: &mut Harness, text: &str) {
    h.key("ف"); // t
    h.typed("فكري").key("enter");
    h.typed(text).key("ctrl+s");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
}

#[test]
fn each_app_undoes_only_its_own_changes() {
    let (_dir, path) = demo_db();
    let mut a = Harness::on(&path, Lang::Fa);
    let mut b = Harness::on(&path, Lang::Fa);
    let seeded = statements(&a).len();
    let mine = "نمایندهٔ بانک: وام «قرض‌الحسنه» ۵۰ میلیون ریالی (SMS) است";
    let theirs = "کارشناس صمت: غرفهٔ ۱۲ متری در نمایشگاه آماده است";
    say(&mut a, mine);
    say(&mut b, theirs);
    a.key("ع"); // u
    assert!(a.flash().contains("اظهارات"), "{}", a.flash());
    let left = statements(&a);
    assert!(
        left.iter().any(|t| t == theirs),
        "the other app's statement stays"
    );
    assert!(!left.iter().any(|t| t == mine));
    assert_eq!(left.len(), seeded + 1);
    // Nothing more of this app's: the demo's records stay.
    a.key("ع");
    assert!(a.flash().contains("چیزی برای برگرداندن"), "{}", a.flash());
    assert_eq!(statements(&a).len(), seeded + 1);
}

#[test]
fn undo_refuses_to_overwrite_the_other_apps_edit_and_reloads() {
    let (_dir, path) = demo_db();
    let mut a = Harness::on(&path, Lang::Fa);
    let mut b = Harness::on(&path, Lang::Fa);
    say(&mut a, "مهندس هاشمی: پرونده‌ها تا ۱۴۰۵/۰۹/۳۰ بررسی می‌شود");
    let s = a.store();
    let m = a.app.model.room.as_ref().unwrap().meeting.id.clone();
    let st = s.list_statements(&m).unwrap().pop().unwrap();
    drop(s);
    // The other app corrects the statement (through its store, as its edit form does).
    let mut other = b.store();
    other
        .update_statement(
            &st.id,
            "مهندس هاشمی: پرونده‌ها تا ۱۴۰۵/۱۰/۱۵ بررسی می‌شود",
            other
                .row_version(hamyar::store::Record::Statement, &st.id)
                .unwrap(),
        )
        .unwrap();
    b.tick();
    a.key("ع");
    assert!(a.flash().contains("همیار دیگری"), "{}", a.flash());
    assert!(statements(&a).iter().any(|t| t.contains("۱۴۰۵/۱۰/۱۵")));
    let shown = a
        .app
        .model
        .room
        .as_ref()
        .unwrap()
        .statements
        .iter()
        .any(|s| s.text.contains("۱۴۰۵/۱۰/۱۵"));
    assert!(shown, "the room shows the other app's text");
}
