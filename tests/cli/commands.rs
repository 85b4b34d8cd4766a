//! The command-line contract, exercised through the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

pub fn hamyar(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hamyar").unwrap();
    cmd.env_remove("HAMYAR_DB")
        .env_remove("HAMYAR_TODAY")
        .arg("--db")
        .arg(db);
    cmd
}

pub fn demo_db(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("demo.db");
    hamyar(&db).arg("demo").assert().success();
    db
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn numbers(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| d["number"].as_str().unwrap().to_string())
        .collect()
}

/// Decisions of the demo that are still open and past due on 1393/06/01, most overdue first.
const OVERDUE_ON_1393_06_01: [&str; 7] = ["1/2", "2/6", "2/1", "2/7", "2/2", "2/4", "2/5"];

#[test]
fn demo_then_meetings_lists_two_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let v = json(hamyar(&db).args(["meetings", "--format", "json"]));
    let meetings = v.as_array().unwrap();
    assert_eq!(meetings.len(), 2);
    assert_eq!(meetings[0]["number"], 1);
    assert_eq!(meetings[0]["date_jalali"], "1392/12/20");
    assert_eq!(meetings[1]["number"], 2);
    assert_eq!(meetings[1]["status"], "in_progress");
}

#[test]
fn overdue_actions_on_a_given_day_in_either_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    for today in ["1393/06/01", "۱۳۹۳/۰۶/۰۱", "2014-08-23"] {
        let v =
            json(hamyar(&db).args(["actions", "--overdue", "--today", today, "--format", "json"]));
        assert_eq!(numbers(&v), OVERDUE_ON_1393_06_01, "--today {today}");
        for d in v.as_array().unwrap() {
            assert_eq!(d["overdue"], true);
            assert!(d["due"].as_str().unwrap() < "2014-08-23");
        }
    }
    // The same through the environment.
    let v = json(hamyar(&db).env("HAMYAR_TODAY", "1393/06/01").args([
        "actions",
        "--overdue",
        "--format",
        "json",
    ]));
    assert_eq!(numbers(&v), OVERDUE_ON_1393_06_01);
    // On the day of meeting 2 only the county report from meeting 1 is late.
    let v = json(hamyar(&db).args([
        "actions",
        "--overdue",
        "--today",
        "1393/02/16",
        "--format",
        "json",
    ]));
    assert_eq!(numbers(&v), ["1/2"]);
}

#[test]
fn agency_names_match_whatever_yeh_and_kaf_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    // Arabic kaf (ك) in بانك, Arabic yeh (ي) in پزشكي.
    let v = json(hamyar(&db).args([
        "actions",
        "--agency",
        "بانك توسعه تعاون",
        "--format",
        "json",
    ]));
    assert_eq!(numbers(&v), ["2/4"]);
    let v = json(hamyar(&db).args([
        "actions",
        "--agency",
        "معاونت بهداشت دانشگاه علوم پزشكي كرمان",
        "--format",
        "json",
    ]));
    assert_eq!(numbers(&v), ["2/2"]);
    let v = json(hamyar(&db).args(["actions", "--agency", "صندوق مهر", "--format", "json"]));
    assert_eq!(numbers(&v), ["2/3"]);
    assert_eq!(v[0]["lead_agency"], "صندوق مهر امام رضا (ع)");
    assert_eq!(v[0]["lead_agency_en"], "Imam Reza Mehr Fund");
    // The English interface names agencies in English; the English name also matches.
    hamyar(&db)
        .args(["--lang", "en", "actions", "--agency", "mehr fund"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Imam Reza Mehr Fund"));
    hamyar(&db)
        .args(["actions", "--agency", "no such agency"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no such agency"));
}

#[test]
fn actions_filter_by_status_and_category_and_print_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let v = json(hamyar(&db).args(["actions", "--status", "done", "--format", "json"]));
    assert_eq!(numbers(&v), ["1/1"]);
    let v = json(hamyar(&db).args(["actions", "--category", "محل عرضه", "--format", "json"]));
    let mut got = numbers(&v);
    got.sort();
    assert_eq!(got, ["1/3", "2/5", "2/6", "2/7"]);
    hamyar(&db)
        .args(["actions", "--status", "finished"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("pending"));
    let out = hamyar(&db)
        .args(["actions", "--format", "csv", "--meeting", "2"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with('\u{FEFF}'), "CSV starts with a BOM");
    assert_eq!(
        csv.lines().count(),
        1 + 7,
        "header + seven decisions of meeting 2"
    );
    assert!(csv.contains("صندوق مهر امام رضا (ع)"));
}

#[test]
fn table_output_is_readable_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .args(["actions", "--today", "1393/06/01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2/3").or(predicate::str::contains("۲/۳")));
    // Piped, a Persian table stays in logical order with its first column first: whatever
    // shows the file applies its own bidi, which puts that column on the right.
    let out = hamyar(&db)
        .arg("meetings")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("نشست"), "{text}");
    assert!(text.contains("۱۳۹۲/۱۲/۲۰"));
    hamyar(&db)
        .args(["--lang", "en", "meetings"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2014-05-06"));
}

#[test]
fn impossible_today_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .args(["actions", "--today", "1402/12/30"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("1402/12/30"));
}

#[test]
fn bidi_overrides_in_arguments_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let out = hamyar(&db)
        .args([
            "actions",
            "--agency",
            "\u{202E}evil\u{1b}[2J \u{202D}\u{202A}\u{202B}\u{2066}\u{2067}\u{2068}x",
        ])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("evil"), "{err}");
    assert!(
        !err.contains('\u{202E}') && !err.contains('\u{202D}') && !err.contains('\u{1b}'),
        "{err:?}"
    );
    // Whatever the argument opened is closed by the end of the message's line.
    assert!(hamyar::text::is_field_sanitized(&err), "{err:?}");
}

#[test]
fn demo_refuses_a_database_that_already_holds_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let before = std::fs::read(&db).unwrap();
    hamyar(&db)
        .arg("demo")
        .assert()
        .failure()
        .stderr(predicate::str::contains(db.display().to_string()));
    assert_eq!(meetings_count(&db), 2);
    drop(before);
}

fn meetings_count(db: &Path) -> usize {
    json(hamyar(db).args(["meetings", "--format", "json"]))
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    let junk: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&db, &junk).unwrap();
    for args in [&["meetings"][..], &["demo"][..], &["doctor"][..]] {
        hamyar(&db)
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(db.display().to_string()));
        assert_eq!(
            std::fs::read(&db).unwrap(),
            junk,
            "{args:?} left the file as it was"
        );
    }
}

#[test]
fn a_database_from_a_newer_hamyar_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    hamyar(&db)
        .args(["--lang", "en", "meetings"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("newer"));
    hamyar(&db)
        .args(["meetings"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("تازه‌تر"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_read_only_database_is_read_and_only_writes_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    // Fold the WAL into the main file so the read-only file holds everything.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["meetings"][..],
        &["actions", "--format", "json"],
        &["doctor"],
    ] {
        hamyar(&db).args(args).assert().success();
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // A write into a read-only file is refused with the sentence that says so.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    std::fs::set_permissions(&empty, std::fs::Permissions::from_mode(0o444)).unwrap();
    hamyar(&empty)
        .args([
            "--lang",
            "en",
            "synth",
            "--meetings",
            "1",
            "--decisions",
            "1",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("read-only"));
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

#[test]
fn a_missing_database_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nothing-here.db");
    hamyar(&db)
        .arg("meetings")
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing-here.db"));
    assert!(!db.exists(), "a read command does not create a database");
}

#[test]
fn doctor_reports_integrity_schema_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .arg("doctor")
        .env("TERM_PROGRAM", "WezTerm")
        .assert()
        .success()
        .stdout(predicate::str::contains("درستی پرونده: سالم"))
        .stdout(predicate::str::contains("طرح پایگاه داده: نسخهٔ"))
        .stdout(predicate::str::contains("مصوبات: ۱۰"))
        .stdout(predicate::str::contains("پایانه: WezTerm"))
        .stdout(predicate::str::contains("integrity").not())
        .stdout(predicate::str::contains("Nothing to set").not());
    hamyar(&db)
        .args(["--lang", "en", "doctor"])
        .env("TERM_PROGRAM", "WezTerm")
        .assert()
        .success()
        .stdout(predicate::str::contains("integrity: ok"))
        .stdout(predicate::str::contains("schema"))
        .stdout(predicate::str::contains("decisions: 10"));
}

#[test]
fn synth_creates_the_requested_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synth.db");
    hamyar(&db)
        .args([
            "--lang",
            "en",
            "synth",
            "--meetings",
            "5",
            "--decisions",
            "200",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(" statements, "))
        // No progress line when stderr is not a terminal.
        .stderr("");
    let v = json(hamyar(&db).args(["actions", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 200);
    assert_eq!(meetings_count(&db), 5);
}

#[test]
fn demo_flag_prints_the_live_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("hamyar").unwrap();
    cmd.env_remove("HAMYAR_DB")
        .env_remove("HAMYAR_TODAY")
        .env("TMPDIR", dir.path())
        .arg("--demo")
        .assert()
        .success()
        .stdout(predicate::str::contains("1393/02/16").or(predicate::str::contains("۱۳۹۳/۰۲/۱۶")));
}

#[test]
fn the_database_comes_from_hamyar_db_or_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // HAMYAR_DB, without --db.
    let db = dir.path().join("from-env.db");
    let mut cmd = Command::cargo_bin("hamyar").unwrap();
    cmd.env("HAMYAR_DB", &db)
        .env_remove("HAMYAR_TODAY")
        .arg("demo")
        .assert()
        .success();
    assert!(db.exists());
    // Neither: the user's data directory, created with the database private to its owner.
    let home = dir.path().join("home");
    let mut cmd = Command::cargo_bin("hamyar").unwrap();
    cmd.env_remove("HAMYAR_DB")
        .env_remove("HAMYAR_TODAY")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .arg("demo")
        .assert()
        .success();
    let default = home.join(".local/share/hamyar/hamyar.db");
    let mode = std::fs::metadata(&default).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{}", default.display());
}

#[test]
fn doctor_reports_a_damaged_database_and_still_checks_the_terminal() {
    use std::io::{Seek, SeekFrom, Write};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    // Damage a page past the header, where the data lives.
    let mut f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.seek(SeekFrom::Start(4096 * 5)).unwrap();
    f.write_all(&[0xFF; 3000]).unwrap();
    drop(f);
    hamyar(&db)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(predicate::str::contains("آسیب"))
        .stdout(predicate::str::contains("پایانه:"))
        .stderr(predicate::str::contains(db.display().to_string()));
}

#[test]
fn a_meeting_number_in_persian_digits_exports_that_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let latin = hamyar(&db)
        .args(["export", "--meeting", "2", "--format", "md"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    hamyar(&db)
        .args(["export", "--meeting", "۲", "--format", "md"])
        .assert()
        .success()
        .stdout(latin);
    hamyar(&db)
        .args(["export", "--meeting", "۰", "--format", "md"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("۰").and(predicate::str::contains("is not allowed").not()),
        );
}

#[test]
fn present_without_a_terminal_says_so_in_the_interfaces_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    hamyar(&db)
        .arg("present")
        .assert()
        .failure()
        .stderr(predicate::str::contains("پایانه می‌خواهد"))
        .stderr(predicate::str::contains("needs a terminal").not());
}
