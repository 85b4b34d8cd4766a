//! The set-up commands from an empty database: `series new|list`, `category add|list`,
//! `meeting new`; every bad input one sentence, a non-zero exit and nothing changed.

use predicates::prelude::*;
use serde_json::Value;

use super::commands::hamyar;

fn json(db: &std::path::Path, args: &[&str]) -> Value {
    let out = hamyar(db)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn changes(db: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_series_with_its_agencies_categories_and_first_meeting_from_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    hamyar(&db)
        .args([
            "series",
            "new",
            "--title",
            "کارگروه اشتغال زنان سرپرست خانوار",
        ])
        .args(["--organisation", "بهزیستی استان کرمان", "--place", "سالن ۲"])
        .args(["--quorum", "۲", "--interval", "٢١"])
        .args([
            "--member",
            "بانك توسعه تعاون",
            "--member",
            "صندوق کارآفرینی امید",
        ])
        .args(["--member", "بانک توسعه‌تعاون"]) // the same bank, spelled otherwise
        .assert()
        .success()
        .stdout(predicate::str::contains("بانك توسعه تعاون"));
    let all = json(&db, &["series", "list", "--format", "json"]);
    let s = &all[0];
    assert_eq!(s["quorum"], 2);
    assert_eq!(s["interval_days"], 21);
    assert_eq!(s["member_agencies"].as_array().unwrap().len(), 2);
    hamyar(&db)
        .args(["category", "add", "اخذ مجوز"])
        .assert()
        .success();
    hamyar(&db)
        .args(["category", "add", "فروش محصولات", "--series", "اشتغال"])
        .assert()
        .success();
    let cats = json(&db, &["category", "list", "--format", "json"]);
    assert_eq!(cats[0]["name"], "اخذ مجوز");
    assert_eq!(cats[0]["series"], Value::Null);
    assert_eq!(cats[1]["series"], "کارگروه اشتغال زنان سرپرست خانوار");
    hamyar(&db)
        .args(["meeting", "new", "--date", "۱۴۰۵/۹/۲۶", "--time", "۰۹:۳۰"])
        .assert()
        .success();
    let m = json(&db, &["meetings", "--format", "json"]);
    assert_eq!(m[0]["date_jalali"], "1405/09/26");
    assert_eq!(m[0]["start_time"], "09:30");
    assert_eq!(m[0]["place"], "سالن ۲");
    assert_eq!(m[0]["status"], "draft");
}

#[test]
fn bad_inputs_are_one_sentence_a_non_zero_exit_and_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    // No series yet: a meeting cannot be scheduled.
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/09/26"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("series new"));
    // A quorum no member agencies can meet; the new agency is not left behind.
    hamyar(&db)
        .args([
            "--lang",
            "en",
            "series",
            "new",
            "--title",
            "کمیته",
            "--quorum",
            "2",
        ])
        .args(["--member", "بانک ملی"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("quorum asks for 2"));
    hamyar(&db)
        .args(["series", "new", "--title", "  ", "--organisation", "x"])
        .assert()
        .failure();
    for bad in ["-1", "x", "۱۰۰۱"] {
        hamyar(&db)
            .args(["series", "new", "--title", "کمیته", "--quorum", bad])
            .assert()
            .code(2);
    }
    let store_changes = || {
        if db.exists() { changes(&db) } else { 0 }
    };
    assert_eq!(store_changes(), 0, "nothing was written");
    hamyar(&db)
        .args(["series", "new", "--title", "کمیته سلامت"])
        .assert()
        .success();
    hamyar(&db)
        .args(["category", "add", "کد بهداشتی"])
        .assert()
        .success();
    let before = changes(&db);
    hamyar(&db)
        .args(["category", "add", "كد بهداشتي"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("در فهرست هست"));
    hamyar(&db)
        .args(["category", "add", "x", "--series", "هیچ"])
        .assert()
        .failure();
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/13/40"])
        .assert()
        .code(2);
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/09/26", "--time", "25:00"])
        .assert()
        .code(2);
    assert_eq!(changes(&db), before);
    // The first meeting is a draft: the second waits for it.
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/09/26"])
        .assert()
        .success();
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/10/17"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("پیش‌نویس"));
    // Two series: --series must choose.
    hamyar(&db)
        .args(["series", "new", "--title", "کارگروه اشتغال"])
        .assert()
        .success();
    hamyar(&db)
        .args(["meeting", "new", "--date", "1405/10/17"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--series"));
    hamyar(&db)
        .args([
            "meeting",
            "new",
            "--date",
            "1405/10/17",
            "--series",
            "اشتغال",
        ])
        .assert()
        .success();
}
