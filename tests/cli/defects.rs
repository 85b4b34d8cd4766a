//! What a careless or hostile user found (issue "Before the screens"), each through the real
//! binary: data written where it should not be, files that are not databases, read-only and
//! damaged files, concurrent creation, symbolic links. Raw controls in stored text are in
//! `hostile.rs` and `tests/store/sanitize.rs`.

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

use super::commands::{demo_db, hamyar};

const PATIENCE: Duration = Duration::from_secs(20);

fn en(db: &Path) -> Command {
    let mut cmd = hamyar(db);
    cmd.args(["--lang", "en"]).timeout(PATIENCE);
    cmd
}

/// stderr of a failed run: exactly one line, which is returned.
fn one_sentence(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// A demo database folded into one file (no WAL beside it), as a copy sent by mail would be.
fn demo_file(dir: &tempfile::TempDir) -> PathBuf {
    let db = demo_db(dir);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    db
}

fn siblings(db: &Path) -> Vec<String> {
    let name = db.file_name().unwrap().to_string_lossy().to_string();
    std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&name) && *n != name)
        .collect()
}

// 1. synth into a database that holds data.
#[test]
fn synth_refuses_a_database_with_data_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let (series, decisions) = (count(&db, "series"), count(&db, "decisions"));
    let err = one_sentence(en(&db).args(["synth", "--meetings", "2", "--decisions", "4"]));
    assert!(err.contains("already holds data"), "{err}");
    assert!(err.contains(&db.display().to_string()), "{err}");
    assert_eq!(
        (count(&db, "series"), count(&db, "decisions")),
        (series, decisions)
    );
}

// 1. several series with a meeting 1: --series chooses.
#[test]
fn a_meeting_number_in_several_series_asks_for_series() {
    use hamyar::domain::{Date, FixedClock, Id, Series};
    use hamyar::store::{NewMeeting, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    {
        let clock = std::sync::Arc::new(FixedClock(Date::from_jalali(1393, 2, 16).unwrap()));
        let mut store = Store::open(&db, clock).unwrap();
        let series = Series {
            id: Id::new(),
            title: "شورای اشتغال شهرستان بم".into(),
            organisation: "فرمانداری بم".into(),
            default_place: "فرمانداری".into(),
            member_agencies: vec![],
            quorum: 0,
            archived: false,
            interval_days: 0,
        };
        store.create_series(&series).unwrap();
        store
            .create_meeting(&NewMeeting {
                series: series.id.clone(),
                date: Date::from_jalali(1393, 3, 1).unwrap(),
                start_time: None,
                end_time: None,
                place: String::new(),
                chair: None,
                secretary: None,
                next_meeting: None,
                number: None,
            })
            .unwrap();
    }
    // One sentence, then the series to choose from, one per line.
    en(&db)
        .args(["actions", "--meeting", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("choose one with --series"))
        .stderr(predicate::str::contains("شورای اشتغال شهرستان بم"));
    en(&db)
        .args([
            "actions",
            "--meeting",
            "1",
            "--series",
            "همیار",
            "--format",
            "json",
        ])
        .assert()
        .success();
    en(&db)
        .args([
            "actions",
            "--meeting",
            "1",
            "--series",
            "بم",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::diff("[]\n"));
}

// 2. Not a regular file: refused at once with one sentence naming what it is.
#[test]
fn pipes_folders_devices_and_sockets_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Process::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let cases: [(&Path, &str); 4] = [
        (&fifo, "a named pipe (FIFO)"),
        (&socket, "a socket"),
        (&folder, "a folder"),
        (Path::new("/dev/null"), "a character device"),
    ];
    let commands: [&[&str]; 5] = [
        &["meetings"],
        &["actions"],
        &["synth", "--meetings", "1", "--decisions", "1"],
        &["demo"],
        &[],
    ];
    for (path, kind) in cases {
        for args in commands {
            let err = one_sentence(en(path).args(args));
            assert!(err.contains(kind), "{args:?} on {kind}: {err}");
        }
        // doctor reports it among its findings and fails.
        en(path)
            .arg("doctor")
            .assert()
            .failure()
            .stdout(predicate::str::contains(kind));
    }
}

// 5. A read-only file in a read-only folder is read; the bytes stay.
#[test]
fn a_read_only_database_in_a_read_only_folder_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(&dir);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["meetings"][..],
        &["actions", "--format", "json"],
        &["search", "بانك"],
        &["history", "2/1"],
        &["export", "--meeting", "2", "--format", "md"],
    ] {
        en(&db).args(args).assert().success();
    }
    en(&db)
        .arg("doctor")
        .assert()
        .success()
        .stdout(predicate::str::contains("integrity: ok"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(siblings(&db).is_empty(), "{:?}", siblings(&db));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

// 6. Reading commands never change a byte.
#[test]
fn an_empty_file_is_reported_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("z.db");
    std::fs::write(&db, b"").unwrap();
    for args in [
        &["meetings"][..],
        &["actions"],
        &["search", "بانك"],
        &["export", "--meeting", "1", "--format", "md"],
    ] {
        let err = one_sentence(en(&db).args(args));
        assert!(err.contains("holds no hamyar data yet"), "{args:?}: {err}");
    }
    en(&db)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(predicate::str::contains("holds no hamyar data yet"));
    assert_eq!(std::fs::read(&db).unwrap(), b"");
    assert!(siblings(&db).is_empty(), "{:?}", siblings(&db));
    // Without a terminal, hamyar alone lists what there is, and makes no file that is missing.
    let missing = dir.path().join("not-yet.db");
    en(&missing).assert().success();
    assert!(!missing.exists());
}

#[test]
fn a_rollback_journal_file_stays_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(&dir);
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["meetings"][..],
        &["actions", "--format", "csv"],
        &["doctor"],
    ] {
        en(&db).args(args).assert().success();
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "same bytes, still journal mode"
    );
    assert!(siblings(&db).is_empty(), "no -wal: {:?}", siblings(&db));
}

#[test]
fn an_older_schema_is_reported_by_a_reader_not_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = one_sentence(en(&db).arg("meetings"));
    assert!(err.contains("older hamyar"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

// 7. Damage: one sentence naming the file and what to do; damaged rows left out of lists.
#[test]
fn a_damaged_page_gives_one_sentence_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(&dir);
    let (page_size, root): (i64, i64) = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        (
            conn.query_row("PRAGMA page_size", [], |r| r.get(0))
                .unwrap(),
            conn.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'meetings'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
        )
    };
    let mut bytes = std::fs::read(&db).unwrap();
    // The meetings table's page: scribble over its cells.
    let start = usize::try_from((root - 1) * page_size).unwrap();
    let end = start + usize::try_from(page_size).unwrap();
    for b in &mut bytes[start + 8..end] {
        *b = 0xFF;
    }
    std::fs::write(&db, &bytes).unwrap();
    let err = one_sentence(en(&db).arg("meetings"));
    assert!(err.contains(&db.display().to_string()), "{err}");
    assert!(err.contains("doctor") || err.contains("backup"), "{err}");
    for raw in ["utf-8", "Error code", "Conversion error", "malformed"] {
        assert!(!err.contains(raw), "{raw} in {err}");
    }
}

#[test]
fn a_damaged_row_is_named_and_the_others_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let total = count(&db, "decisions");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        // Another program writes a date that is not a date, and text that is not UTF-8.
        conn.execute(
            "UPDATE decisions SET due = '2014-13-45' WHERE item = 1
             AND meeting = (SELECT id FROM meetings WHERE number = 2)",
            [],
        )
        .unwrap();
        conn.execute(
            "UPDATE meetings SET place = CAST(x'ff' AS TEXT) WHERE number = 1",
            [],
        )
        .unwrap();
    }
    let out = en(&db)
        .args(["actions", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len() as i64, total - 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("2014-13-45") && err.contains("due"), "{err}");
    let out = en(&db)
        .arg("meetings")
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("not valid UTF-8") && err.contains("place"),
        "{err}"
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("2014-05-06")
    );
    // Minutes must be whole: the meeting with the damaged decision is not exported.
    let err = one_sentence(en(&db).args(["export", "--meeting", "2", "--format", "md"]));
    assert!(err.contains("damaged record"), "{err}");
}

// 9. Two demos at once on a new file: one writes, the other waits and is refused for data.
#[test]
fn two_demos_at_once_never_fail_for_a_lock() {
    let bin = assert_cmd::cargo::cargo_bin("hamyar");
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new.db");
        let spawn = || {
            Process::new(&bin)
                .args(["--lang", "en", "--db"])
                .arg(&db)
                .arg("demo")
                .env_remove("HAMYAR_DB")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let ok = outs.iter().filter(|o| o.status.success()).count();
        assert_eq!(ok, 1, "round {round}: exactly one writes the demo");
        for o in outs.iter().filter(|o| !o.status.success()) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("already holds data"), "round {round}: {err}");
        }
        assert_eq!(count(&db, "series"), 1);
    }
}

// 11. Symbolic links say what they are.
#[test]
fn dangling_links_and_link_loops_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("dangling.db");
    std::os::unix::fs::symlink(dir.path().join("moved-away.db"), &dangling).unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let err = one_sentence(en(&dangling).arg("meetings"));
    assert!(
        err.contains("symbolic link") && err.contains("moved-away.db"),
        "{err}"
    );
    let err = one_sentence(en(&a).arg("meetings"));
    assert!(err.contains("loop"), "{err}");
    for link in [&dangling, &a] {
        en(link)
            .arg("doctor")
            .assert()
            .failure()
            .stdout(predicate::str::contains("not created yet").not());
    }
    // Writing commands do not create anything through them either.
    one_sentence(en(&dangling).arg("demo"));
    assert!(!dir.path().join("moved-away.db").exists());
}
