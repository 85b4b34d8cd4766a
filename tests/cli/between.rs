//! Between meetings, from scripts: `search`, `follow-up` and `history` through the real binary.

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use super::commands::{demo_db, hamyar};

fn json(db: &Path, args: &[&str]) -> Value {
    let out = hamyar(db)
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn status_of(db: &Path, number: &str) -> String {
    let all = json(db, &["actions"]);
    all.as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == number)
        .map(|d| d["status"].as_str().unwrap().to_string())
        .unwrap()
}

fn follow_ups(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM follow_ups", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn search_folds_arabic_letters_and_digits_and_groups_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    // Arabic kaf and yeh, and ASCII digits for the ۴ of «۴٪».
    let hits = json(&db, &["search", "بانك", "نرخ", "4"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h["text"].as_str().unwrap().contains("بانک"))
    );
    let decision = hits.iter().find(|h| h["kind"] == "decision").unwrap();
    assert_eq!(decision["number"], "2/4");
    assert_eq!(decision["date_jalali"], "1393/02/16");
    // Kinds come grouped: decisions, then issues, then statements.
    let kinds: Vec<&str> = hits.iter().map(|h| h["kind"].as_str().unwrap()).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| {
        ["decision", "issue", "statement"]
            .iter()
            .position(|x| x == k)
    });
    assert_eq!(kinds, sorted);
    // The Persian table: the kind in words, the decision's number in Persian digits.
    hamyar(&db)
        .args(["search", "بانك"])
        .assert()
        .success()
        .stdout(predicate::str::contains("مصوبه").and(predicate::str::contains("۲/۴")));
}

#[test]
fn a_search_too_short_is_refused_and_one_with_no_hits_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .args(["--lang", "en", "search", "ب"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("at least two letters"));
    hamyar(&db)
        .args(["--lang", "en", "search", "زرافه"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing found for «زرافه»"));
    assert_eq!(json(&db, &["search", "زرافه"]), Value::Array(vec![]));
}

#[test]
fn a_follow_up_moves_the_status_seen_by_actions_and_is_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    assert_eq!(status_of(&db, "2/3"), "pending");
    hamyar(&db)
        .args(["--lang", "en", "--today", "1393/03/01", "follow-up", "۲/۳"])
        .args([
            "--status",
            "in_progress",
            "--note",
            "نامهٔ شمارهٔ ۱۲ (IBAN) رسید",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "follow-up of decision 2/3 recorded: pending → in progress",
        ));
    assert_eq!(status_of(&db, "2/3"), "in_progress");
    let history = json(&db, &["history", "2/3"]);
    let last = history["changes"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["action"], "record_follow_up");
    assert_eq!(
        last["fields"],
        serde_json::json!([{"field": "status", "before": "pending", "after": "in_progress"}])
    );
    let follow_up = history["follow_ups"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(follow_up["date"], "2014-05-22");
    assert_eq!(follow_up["note"], "نامهٔ شمارهٔ ۱۲ (IBAN) رسید");
    // The Persian history says it in words, right to left.
    hamyar(&db)
        .args(["history", "2/3"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("وضعیت: در انتظار اقدام ← در دست اقدام")
                .and(predicate::str::contains("ثبت پیگیری")),
        );
}

#[test]
fn bad_numbers_unknown_statuses_and_disallowed_transitions_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let before = follow_ups(&db);
    for bad in ["2/", "abc", "0/0", "2/3/4", "\u{1b}]0;x\u{7}"] {
        hamyar(&db)
            .args(["--lang", "en", "follow-up", bad, "--status", "done"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("is not a decision number"))
            .stderr(predicate::str::contains("\u{1b}").not());
    }
    hamyar(&db)
        .args(["--lang", "en", "follow-up", "۹۹/۱", "--status", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no meeting 99"));
    hamyar(&db)
        .args(["--lang", "en", "follow-up", "2/99", "--status", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no decision 2/99"));
    hamyar(&db)
        .args(["follow-up", "2/3", "--status", "finished"])
        .assert()
        .code(2);
    // The Persian label is a status too.
    hamyar(&db)
        .args(["follow-up", "2/3", "--status", "انجام‌شده"])
        .assert()
        .success();
    let after_done = follow_ups(&db);
    hamyar(&db)
        .args(["--lang", "en", "follow-up", "2/3", "--status", "pending"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot change the decision"));
    hamyar(&db)
        .args(["follow-up", "2/3", "--status", "pending"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("نمی‌رود"));
    assert_eq!(follow_ups(&db), after_done);
    assert_eq!(after_done, before + 1);
    assert_eq!(status_of(&db, "2/3"), "done");
}

#[test]
fn a_follow_up_into_a_read_only_database_is_refused_and_reading_still_works() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&db).unwrap();
    hamyar(&db)
        .args(["--lang", "en", "follow-up", "2/3", "--status", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be written"));
    hamyar(&db).args(["history", "2/3"]).assert().success();
    hamyar(&db).args(["search", "بانك"]).assert().success();
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}
