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

/// Runs hamyar on `db`, expecting exit `code` and one line on stderr containing `needle`.
fn refused_with(db: &Path, args: &[&str], code: i32, needle: &str) {
    let out = hamyar(db)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(needle), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
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
        .stdout(predicate::str::contains(
            "nothing found for «\u{2068}زرافه\u{2069}»",
        ));
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

/// The store of the demo, for edits the command line has no command for.
fn store(db: &Path) -> hamyar::store::Store {
    use hamyar::domain::{Date, FixedClock};
    let clock = std::sync::Arc::new(FixedClock(Date::from_jalali(1393, 2, 16).unwrap()));
    hamyar::store::Store::open_existing(db, clock).unwrap()
}

fn decision_numbers(hits: &Value) -> Vec<String> {
    hits.as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "decision")
        .map(|h| h["number"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_reads_any_digits_and_ignores_zwnj() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    // «نوروز ۱۳۹۳» in decision 1/3: Arabic-Indic and ASCII digits find the Persian ones.
    for query in ["نوروز ١٣٩٣", "نوروز 1393", "نوروز ۱۳۹۳"] {
        let hits = json(&db, &["search", query]);
        assert_eq!(decision_numbers(&hits), ["1/3"], "{query}");
    }
    // «گروه‌های همیار» and «قرض‌الحسنه» are stored with a ZWNJ; typed without one, or with a
    // space, they are still found.
    for query in ["گروههای همیار", "گروه‌های همیار"] {
        let numbers = decision_numbers(&json(&db, &["search", query]));
        assert!(
            numbers.contains(&"2/1".to_string()) && numbers.contains(&"2/5".to_string()),
            "{query}: {numbers:?}"
        );
    }
    assert_eq!(
        decision_numbers(&json(&db, &["search", "قرضالحسنه"])),
        ["2/3"]
    );
    // With --series, and in the English table with Gregorian dates.
    hamyar(&db)
        .args([
            "--lang",
            "en",
            "search",
            "قرضالحسنه",
            "--series",
            "زنان سرپرست",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("2/3").and(predicate::str::contains("2014-05-06")));
}

#[test]
fn a_follow_up_is_dated_as_given_in_either_calendar_and_belongs_to_the_meeting_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .args(["follow-up", "2/3", "--status", "in-progress"])
        .args(["--date", "۱۳۹۳/۰۳/۰۱", "--note", "نامهٔ «صندوق» رسید"])
        .assert()
        .success()
        .stdout(predicate::str::contains("۲/۳"));
    hamyar(&db)
        .args([
            "follow-up",
            "2/3",
            "--status",
            "done",
            "--date",
            "2014-06-01",
        ])
        .assert()
        .success();
    let history = json(&db, &["history", "2/3"]);
    let dates: Vec<&str> = history["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates[dates.len() - 2..], ["2014-05-22", "2014-06-01"]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let in_meeting_2 = |date: &str| -> bool {
        conn.query_row(
            "SELECT f.meeting = m.id FROM follow_ups f, meetings m
             WHERE m.number = 2 AND f.date = ?1",
            [date],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(in_meeting_2("2014-05-22") && in_meeting_2("2014-06-01"));

    // Between meetings (none in progress) a follow-up belongs to no meeting.
    {
        let mut store = store(&db);
        let m2 = store.list_meetings(None).unwrap().rows[1].clone();
        store
            .set_meeting_status(&m2.id, hamyar::domain::MeetingStatus::Closed)
            .unwrap();
    }
    hamyar(&db)
        .args([
            "follow-up",
            "2/4",
            "--status",
            "cancelled",
            "--date",
            "1393/04/10",
        ])
        .assert()
        .success();
    let meeting: Option<String> = conn
        .query_row(
            "SELECT meeting FROM follow_ups WHERE date = '2014-07-01'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(meeting, None);
}

#[test]
fn a_bad_date_or_an_unknown_status_is_one_sentence_in_the_interface_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let before = std::fs::read(&db).unwrap();
    // The parser refuses these (exit code 2).
    let refused = |args: &[&str], needle: &str| refused_with(&db, args, 2, needle);
    let follow = ["follow-up", "2/3", "--status"];
    refused(
        &[&follow[..], &["finished"]].concat(),
        "وضعیت مصوبه «\u{2068}finished\u{2069}» شناخته نیست",
    );
    refused(
        &[&follow[..], &["finished"]].concat(),
        "in_progress (در دست اقدام)",
    );
    refused(
        &[&["--lang", "en"], &follow[..], &["finished"]].concat(),
        "unknown decision status «finished»; expected one of: pending, in_progress, done, cancelled",
    );
    refused(
        &[&follow[..], &["done", "--date", "۱۳۹۳/۱۳/۰۱"]].concat(),
        "در تقویم وجود ندارد",
    );
    refused(
        &[&follow[..], &["done", "--date", "فردا"]].concat(),
        "«\u{2068}فردا\u{2069}» تاریخ نیست",
    );
    refused(
        &[
            &["--lang", "en"],
            &follow[..],
            &["done", "--date", "3000-01-01"],
        ]
        .concat(),
        "year 3000 is out of range",
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing changed");
}

#[test]
fn a_follow_up_is_dated_between_its_decision_s_meeting_and_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let before = std::fs::read(&db).unwrap();
    // The store refuses these (exit code 1).
    let refused = |args: &[&str], needle: &str| refused_with(&db, args, 1, needle);
    // Decision 2/3 was made in meeting 2, on 1393/02/16.
    let follow = ["follow-up", "2/3", "--status", "done", "--date"];
    refused(
        &[&follow[..], &["۱۳۹۳/۰۲/۱۵"]].concat(),
        "مصوبهٔ ۲/۳ در ۱۳۹۳/۰۲/۱۶ گرفته شده است",
    );
    refused(
        &[&["--lang", "en"], &follow[..], &["2014-05-05"]].concat(),
        "decision 2/3 was made on 2014-05-06; its follow-up cannot be dated earlier",
    );
    refused(
        &[&["--today", "1393/03/01"], &follow[..], &["1393/03/02"]].concat(),
        "پیگیری نمی‌تواند تاریخی پس از امروز (۱۳۹۳/۰۳/۰۱) داشته باشد",
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing changed");
    // The day of the meeting itself, and today, are fine.
    hamyar(&db)
        .args(["--today", "1393/03/01"])
        .args(&follow[..])
        .arg("1393/02/16")
        .assert()
        .success();
    hamyar(&db)
        .args([
            "--today",
            "1393/03/01",
            "follow-up",
            "2/4",
            "--status",
            "done",
        ])
        .assert()
        .success();
    let history = json(&db, &["history", "2/4"]);
    let last = history["follow_ups"].as_array().unwrap().last().cloned();
    assert_eq!(last.unwrap()["date"], "2014-05-22");
}

#[test]
fn the_history_shows_an_edit_field_by_field_after_a_follow_up() {
    use hamyar::domain::Date;
    use hamyar::store::DecisionEdit;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .args(["follow-up", "2/4", "--status", "in_progress"])
        .assert()
        .success();
    {
        let mut store = store(&db);
        let m2 = store.list_meetings(None).unwrap().rows[1].clone();
        let d = store
            .list_decisions(&m2.id)
            .unwrap()
            .into_iter()
            .find(|d| d.number.item == 4)
            .unwrap();
        store
            .update_decision(
                &d.id,
                &DecisionEdit {
                    text: d.text.replace("۴٪", "۳٪ (IBAN)"),
                    lead_agency: d.lead_agency.clone(),
                    supporting_agencies: d.supporting_agencies.clone(),
                    due: Some(Date::from_jalali(1393, 5, 31).unwrap()),
                },
                store
                    .row_version(hamyar::store::Record::Decision, &d.id)
                    .unwrap(),
            )
            .unwrap();
    }
    let history = json(&db, &["history", "۲/۴"]);
    let changes = history["changes"].as_array().unwrap();
    let actions: Vec<&str> = changes
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions[actions.len() - 2..],
        ["record_follow_up", "update_decision"]
    );
    let edit = &changes[changes.len() - 1]["fields"];
    let fields: Vec<&str> = edit
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["text", "due"]);
    assert_eq!(edit[1]["after"], "2014-08-22");
    assert!(edit[0]["after"].as_str().unwrap().contains("۳٪ (IBAN)"));
    // The Persian table: field names in words, the new deadline in Solar Hijri.
    hamyar(&db)
        .args(["history", "2/4"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("اصلاح مصوبه")
                .and(predicate::str::contains("مهلت اجرا:"))
                .and(predicate::str::contains("← ۱۳۹۳/۰۵/۳۱"))
                .and(predicate::str::contains("۳٪ (IBAN)")),
        );
    hamyar(&db)
        .args(["--lang", "en", "history", "2/4"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("→ 2014-08-22").and(predicate::str::contains("Deadline:")),
        );
}
