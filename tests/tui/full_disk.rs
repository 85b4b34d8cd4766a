//! A full disk (a page cap, as a quota would be): a save is refused whole, the form keeps what
//! was typed, and the interface says what happened in its own language.

use hamyar::i18n::Lang;
use hamyar::tui::event::Event;
use hamyar::tui::forms::FieldId;
use hamyar::tui::ui::Modal;

use super::support::*;

/// A long text, pasted: it needs pages of its own, which a full disk does not have.
fn long(sentence: &str) -> String {
    std::iter::repeat_n(sentence, 60)
        .collect::<Vec<_>>()
        .join(" ")
}

const SENTENCE: &str = "بانک توسعه تعاون وام «قرض‌الحسنه» ۵۰ میلیون ریالی (SMS) بدهد.";

/// The demo with its free pages given back (VACUUM) and the file capped at its size; with
/// a table of ballast that another program can delete later, freeing pages inside the file.
fn full(lang: Lang) -> (tempfile::TempDir, Harness, rusqlite::Connection) {
    let (dir, path) = demo_db();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "CREATE TABLE ballast(b BLOB); INSERT INTO ballast VALUES (zeroblob(400000)); VACUUM;",
    )
    .unwrap();
    let store = open_store(&path);
    store.set_max_pages(1).unwrap(); // raised to the current size: no room to grow
    (dir, Harness::on_store(store, &path, lang), raw)
}

fn form(h: &Harness) -> &hamyar::tui::forms::Form {
    match h.app.ui.top() {
        Some(Modal::Form(f)) => f,
        other => panic!("the form closed: {other:?}"),
    }
}

#[test]
fn a_decision_saved_on_a_full_disk_stays_in_its_form_and_nothing_is_written() {
    let (_dir, mut h, _raw) = full(Lang::Fa);
    let before = h.store().counts().unwrap();
    let typed = long(SENTENCE);
    h.key("d").event(Event::Paste(typed.clone()));
    h.key("tab").typed("بانك").key("enter");
    h.key("ctrl+s");
    assert_eq!(form(&h).text(FieldId::DecisionText), typed, "kept as typed");
    let why = form(&h).error.as_deref().unwrap_or_default().to_string();
    assert!(
        why.contains("پر است") && why.contains("چیزی ذخیره نشد"),
        "said in Persian: {why}"
    );
    assert_eq!(h.store().counts().unwrap(), before, "nothing half written");
    assert!(h.store().integrity_check().unwrap().is_empty());
}

#[test]
fn the_english_interface_says_it_in_english() {
    let (_dir, mut h, _raw) = full(Lang::En);
    let typed = long("The bank gives a loan of 50 million rials (SMS).");
    h.key("t").typed("فكري").key("enter");
    h.event(Event::Paste(typed.clone())).key("ctrl+s");
    assert_eq!(form(&h).text(FieldId::StatementText), typed);
    let why = form(&h).error.as_deref().unwrap_or_default().to_string();
    assert!(
        why.contains("is full") && why.contains("nothing was saved"),
        "{why}"
    );
}

#[test]
fn a_draft_that_could_not_be_kept_is_kept_once_there_is_room() {
    let (_dir, mut h, raw) = full(Lang::Fa);
    let typed = long(SENTENCE);
    h.key("d").event(Event::Paste(typed));
    h.tick();
    assert!(h.store().drafts().unwrap().is_empty(), "no room for it");
    assert!(h.flash().contains("پر است"), "said: {}", h.flash());
    // Every later tick tries again, without saying it again and again.
    h.app.model.flash = None;
    h.tick();
    assert!(h.flash().is_empty(), "{}", h.flash());
    assert!(h.app.ui.top().is_some(), "the form stays");
    // Room again: the next tick keeps the draft.
    raw.execute_batch("DELETE FROM ballast").unwrap();
    h.tick();
    let drafts = h.store().drafts().unwrap();
    assert!(drafts.iter().any(|d| d.body.contains("قرض")), "{drafts:?}");
}
