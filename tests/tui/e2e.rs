//! The real binary in a pseudo-terminal, as a secretary uses it: a decision typed in Persian
//! through the Persian-layout keys survives quitting, a `kill -9` right after a save loses
//! nothing, and text typed for two seconds before a `kill -9` is offered back.

use std::path::{Path, PathBuf};
use std::time::Duration;

use hamyar::text::{BaseDirection, BidiMode, FilterOptions, bidi_filter};

use super::keys::Key;
use super::pty::{Pty, PtyCommand, SHORT};

/// How `text` looks on the terminal: the same pipeline the screen uses, right to left.
pub(super) fn shown(text: &str) -> String {
    let mut out = Vec::new();
    let opts = FilterOptions {
        base: BaseDirection::Rtl,
        width: None,
        sanitize: true,
        mode: BidiMode::App,
    };
    bidi_filter(format!("{text}\n").as_bytes(), &mut out, &opts).unwrap();
    // ZWNJ has done its work in shaping and is not sent to the terminal.
    String::from_utf8(out)
        .unwrap()
        .trim_end()
        .replace('\u{200C}', "")
}

pub(super) fn demo(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("meeting.db");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_hamyar"))
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .env_remove("HAMYAR_DB")
        .output()
        .unwrap();
    assert!(ok.status.success(), "{ok:?}");
    db
}

/// hamyar on `db` on the day of meeting 2, in a 120×35 terminal, once the room is drawn.
pub(super) fn open(db: &Path, dir: &tempfile::TempDir) -> Pty {
    let mut p = PtyCommand::hamyar()
        .arg("--db")
        .arg(db)
        .args(["--today", "1393/02/16"])
        .env("HAMYAR_LOG", dir.path().join("hamyar.log"))
        .home(dir.path())
        .size(120, 35)
        .spawn();
    p.wait_for_text("۱۳۹۳/۰۲/۱۶", SHORT);
    p
}

/// The decisions as `hamyar actions --format json` gives them.
fn actions(db: &Path) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hamyar"))
        .arg("--db")
        .arg(db)
        .args(["actions", "--format", "json"])
        .env_remove("HAMYAR_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn find<'a>(all: &'a serde_json::Value, number: &str) -> Option<&'a serde_json::Value> {
    all.as_array()?.iter().find(|d| d["number"] == number)
}

/// Types a decision on the selected issue through the Persian layout and saves it.
pub(super) fn record_decision(p: &mut Pty, text: &str) {
    p.send_text("ی"); // d on the Persian layout
    p.wait_for_text(&shown("مصوبه تازه"), SHORT);
    p.send_text(text);
    p.send(Key::Tab);
    p.send_text("بانك");
    p.wait_for_text(&shown("بانک توسعه تعاون"), SHORT);
    p.send(Key::Enter);
    p.send(Key::Tab);
    p.send_text("+14");
    p.wait_for_text("۱۳۹۳/۰۲/۳۰", SHORT);
    p.send(Key::Ctrl('s'));
}

const DECISION: &str = "بانک توسعه تعاون وام «قرض‌الحسنه» ۵۰ میلیون ریالی (SMS) بدهد";

#[test]
fn a_decision_typed_in_persian_is_kept_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    record_decision(&mut p, DECISION);
    p.wait_for_text(&shown("مصوبهٔ ۲/۸ ثبت شد."), SHORT);
    p.send_text("ض"); // q on the Persian layout
    let status = p.wait_exit(SHORT);
    assert!(status.success(), "{status:?}");
    let all = actions(&db);
    let d = find(&all, "2/8").expect("2/8 is in the database");
    assert_eq!(d["due_jalali"], "1393/02/30");
    assert_eq!(d["lead_agency"], "بانک توسعه تعاون");
    assert_eq!(d["text"], DECISION);
    // Reopened, the decision is on screen in its issue's detail.
    let mut p = open(&db, &dir);
    p.wait_for_text("۲/۸", SHORT);
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
}

#[test]
fn kill_9_right_after_a_save_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    record_decision(&mut p, "صندوق مهر وام بدهد");
    p.wait_for_text("۲/۸", SHORT);
    p.kill9();
    let all = actions(&db);
    assert!(
        find(&all, "2/8").is_some(),
        "acknowledged on screen, so in the file"
    );
    let check = rusqlite::Connection::open(&db).unwrap();
    let ok: String = check
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_draft_typed_for_two_seconds_is_offered_back_after_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    p.send_text("ی");
    p.wait_for_text(&shown("مصوبه تازه"), SHORT);
    let typed = "اداره کل صمت نمایشگاه برگزار کند";
    p.send_text(typed);
    p.wait_for_text(&shown(typed), SHORT);
    std::thread::sleep(Duration::from_secs(2));
    p.kill9();
    let mut p = open(&db, &dir);
    p.wait_for_text(&shown("برگردانده شود؟"), SHORT);
    p.send_text("y");
    p.wait_for_text(&shown(typed), SHORT);
    p.send(Key::Esc);
    p.send_text("y");
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
}

#[test]
fn a_follow_up_recorded_in_the_review_is_in_the_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    p.send_text("ق"); // r on the Persian layout
    p.wait_for_text(&shown("بررسی مصوبات"), SHORT);
    p.send_text("c");
    p.send_text("agency:بانك");
    p.send(Key::Enter);
    // The filter line is shown above the table once the form has closed.
    p.wait_for_text(&shown("پالایه: agency:بانك"), SHORT);
    p.send_text("ب"); // f
    // The menu of the statuses 2/4 may move to (a word with no combining hamza to match).
    p.wait_for_text(&shown("لغوشده"), SHORT);
    p.send(Key::Enter);
    p.send_text("نامه بانک رسید");
    p.send(Key::Ctrl('s'));
    p.wait_for_text(&shown("ثبت شد."), SHORT);
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
    let all = actions(&db);
    let d = find(&all, "2/4").unwrap();
    assert_eq!(d["status"], "in_progress");
}

#[test]
fn search_finds_a_decision_typed_with_an_arabic_kaf_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    p.send_text("/");
    p.wait_for_text(&shown("جست‌وجو"), SHORT);
    p.send_text("بانك توسعه پرداخت");
    p.wait_for_text(&shown("مصوبات"), SHORT);
    // No issue has these words: the first result is decision 2/4.
    p.send(Key::Enter);
    p.wait_for_text("۲/۴", SHORT);
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
}

#[test]
fn the_room_display_shows_a_decision_the_secretary_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut display = PtyCommand::hamyar()
        .arg("--db")
        .arg(&db)
        .args(["--today", "1393/02/16", "present"])
        .env("HAMYAR_LOG", dir.path().join("present.log"))
        .home(dir.path())
        .size(120, 35)
        .spawn();
    display.wait_for_text("۲/۷", SHORT);
    assert!(!display.screen().contains("۲/۸"));
    let before = std::fs::metadata(&db).unwrap().len();
    let mut p = open(&db, &dir);
    record_decision(&mut p, "میراث فرهنگی غرفه بدهد");
    p.wait_for_text("۲/۸", SHORT);
    display.wait_for_text("۲/۸", Duration::from_secs(3));
    display.send_text("q");
    assert!(display.wait_exit(SHORT).success());
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
    assert!(std::fs::metadata(&db).unwrap().len() >= before);
}
