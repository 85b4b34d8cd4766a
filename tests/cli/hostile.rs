//! What a careless or hostile user tries on the command line: escape sequences and bidi
//! overrides in arguments, numbers out of range or in other digits, closed pipes, several
//! series, and control characters that another program put into the database.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;

use hamyar::domain::{Date, FixedClock, Id, Series};
use hamyar::store::{NewMeeting, Store};
use hamyar::text::is_field_sanitized;

use super::commands::{demo_db, hamyar};

/// Characters that must never reach a terminal from hamyar's stderr or JSON.
fn is_dangerous(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn stderr_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn escape_sequences_in_rejected_arguments_are_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let evil = "\u{1b}]0;PWNED\u{7}\u{202e}x\u{9b}2J";
    for args in [
        vec!["actions", "--meeting", evil],
        vec!["--lang", evil, "meetings"],
        vec!["actions", "--format", evil],
        vec!["actions", "--status", evil],
        vec!["bidi", "--width", evil],
        vec![evil],
    ] {
        let err = stderr_of(hamyar(&db).args(&args));
        // Isolates may stay, balanced: messages isolate the values they quote.
        let isolate = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
        assert!(
            !err.chars().any(|c| is_dangerous(c) && !isolate(c)) && is_field_sanitized(&err),
            "{args:?} leaked: {err:?}"
        );
        // The sequences are dropped whole (an OSC with its payload); what is left is named.
        assert!(err.contains("2J"), "the value is still named: {err}");
    }
}

#[test]
fn numbers_take_any_digits_and_refuse_zero_and_absurd_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let err = stderr_of(hamyar(&db).args(["--lang", "en", "bidi", "--width", "0"]));
    assert!(err.contains("from 1 to 10000"), "{err}");
    let err = stderr_of(hamyar(&db).args(["bidi", "--width", "0"]));
    assert!(err.contains("از ۱ تا ۱۰۰۰۰"), "Persian sentence: {err}");
    let out = hamyar(&db)
        .args(["bidi", "--width", "۵", "--ltr"])
        .write_stdin("abc def\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(lines, ["abc", "def"], "wrapped at ۵ cells");
    let other = dir.path().join("synth.db");
    let err = stderr_of(hamyar(&other).args(["--lang", "en", "synth", "--meetings", "0"]));
    assert!(err.contains("from 1 to 10000"), "{err}");
    let err = stderr_of(hamyar(&other).args(["synth", "--decisions", "99999999"]));
    assert!(err.contains("۱۰۰۰۰۰۰"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(
        &hamyar(&db)
            .args(["actions", "--meeting", "۲", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        7,
        "the seven decisions of meeting ۲"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    hamyar(&db)
        .args(["synth", "--meetings", "4", "--decisions", "3000"])
        .assert()
        .success();
    for format in ["json", "csv", "table"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hamyar"))
            .args(["--db"])
            .arg(&db)
            .args(["actions", "--format", format])
            .env_remove("HAMYAR_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The reader has what it wanted and closes the pipe, like `| head -1`.
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {:?} {err}", out.status);
        assert!(err.is_empty(), "{format}: {err}");
    }
}

/// The demo plus a second series that also has a meeting 1.
fn two_series(dir: &tempfile::TempDir) -> PathBuf {
    let db = demo_db(dir);
    let day = Date::from_jalali(1393, 3, 1).unwrap();
    let mut store = Store::open(&db, Arc::new(FixedClock(day))).unwrap();
    let series = Series {
        id: Id::new(),
        title: "کارگروه اشتغال روستایی".into(),
        organisation: "استانداری".into(),
        default_place: String::new(),
        member_agencies: vec![],
        quorum: 0,
        archived: false,
        interval_days: 0,
    };
    store.create_series(&series).unwrap();
    store
        .create_meeting(&NewMeeting {
            series: series.id.clone(),
            date: day,
            start_time: None,
            end_time: None,
            place: String::new(),
            chair: None,
            secretary: None,
            next_meeting: None,
            number: None,
        })
        .unwrap();
    db
}

#[test]
fn several_series_are_told_apart_with_series() {
    let dir = tempfile::tempdir().unwrap();
    let db = two_series(&dir);
    let err = stderr_of(hamyar(&db).args(["--lang", "en", "actions", "--meeting", "1"]));
    assert!(err.contains("--series"), "{err}");
    assert!(
        err.contains("کارگروه اشتغال روستایی"),
        "names the series: {err}"
    );
    let json = |series: &str| -> serde_json::Value {
        let out = hamyar(&db)
            .args([
                "actions",
                "--meeting",
                "1",
                "--series",
                series,
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    assert_eq!(
        json("همیار").as_array().unwrap().len(),
        3,
        "Kerman meeting 1"
    );
    assert_eq!(
        json("اشتغال روستايي").as_array().unwrap().len(),
        0,
        "folded match"
    );
    let err = stderr_of(hamyar(&db).args([
        "--lang",
        "en",
        "actions",
        "--meeting",
        "1",
        "--series",
        "nope",
    ]));
    assert!(
        err.contains("no series matches") && err.contains("اشتغال"),
        "{err}"
    );
    let out = hamyar(&db)
        .args(["meetings", "--series", "اشتغال", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}

/// Writes control characters and overrides straight into the file, as another program could.
fn poison(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE decisions SET text = 'بانک\u{9b}2J \u{85}تعاون \u{202e}evil\u{202c}' WHERE item = 1",
        [],
    )
    .unwrap();
    conn.execute("UPDATE meetings SET place = 'سالن\u{1b}]0;x\u{7}'", [])
        .unwrap();
}

#[test]
fn json_escapes_control_and_bidi_characters_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    poison(&db);
    for args in [
        &["actions", "--format", "json"][..],
        &["meetings", "--format", "json"],
        &["history", "1/1", "--format", "json"],
    ] {
        let out = hamyar(&db)
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.chars().any(|c| is_dangerous(c) && c != '\n'),
            "{args:?}: {text:?}"
        );
        // Still valid JSON, with the stored text's value intact.
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let listed = match &v {
            serde_json::Value::Array(rows) => !rows.is_empty(),
            serde_json::Value::Object(fields) => !fields.is_empty(),
            _ => false,
        };
        assert!(listed, "{args:?}: {v}");
    }
    let out = hamyar(&db)
        .args(["actions", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("\\u009B") && text.contains("\\u202E"),
        "escaped, not dropped"
    );
}
