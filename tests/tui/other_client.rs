//! Another SQLite client (a backup script, the `sqlite3` shell) opening the file while the app
//! runs: the app keeps its locks, so the other client never deletes the `-wal` the app writes
//! to, and the app's next confirmed save survives `kill -9` and is seen by the other process.

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use super::e2e::{demo, open, record_decision, shown};
use super::pty::{Key, SHORT};

const CLIENT_ENV: &str = "HAMYAR_TEST_OTHER_CLIENT";

/// In child mode: a plain SQLite client on the bundled library. Opens the file, counts the
/// decisions with the given text, backs the file up, and closes it.
#[test]
fn other_client_child() {
    let Ok(spec) = std::env::var(CLIENT_ENV) else {
        return; // only does something when started by the test below
    };
    let mut parts = spec.splitn(3, '|');
    let (path, copy, text) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let c = rusqlite::Connection::open(path).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM decisions WHERE text = ?1",
            [text],
            |r| r.get(0),
        )
        .unwrap();
    c.backup(
        rusqlite::MAIN_DB,
        copy,
        None::<fn(rusqlite::backup::Progress)>,
    )
    .unwrap();
    drop(c);
    println!("\nCOUNT {n}");
}

/// Runs the other client to completion: how many decisions read `text`.
fn other_client(path: &Path, copy: &Path, text: &str) -> i64 {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "other_client::other_client_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            CLIENT_ENV,
            format!("{}|{}|{text}", path.display(), copy.display()),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the other client failed: {stdout}");
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("COUNT "))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Whether process `pid` holds a POSIX lock on the file at `path` (`/proc/locks`).
fn holds_lock(pid: u32, path: &Path) -> bool {
    let ino = std::fs::metadata(path).unwrap().ino().to_string();
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.get(1) == Some(&"POSIX")
                && f.get(4) == Some(&pid.to_string().as_str())
                && f.get(5).and_then(|d| d.rsplit(':').next()) == Some(ino.as_str())
        })
}

#[test]
fn a_save_after_another_client_read_the_file_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = open(&db, &dir);
    // The review's rows are read on a second connection, in the background: once they are
    // shown, that connection has come and gone.
    p.send_text("ق"); // r on the Persian layout
    p.wait_for_text(&shown("بررسی مصوبات"), SHORT);
    p.wait_for_text("۱/۱", SHORT);
    p.send(Key::Esc);
    p.wait_for_text("۱۳۹۳/۰۲/۱۶", SHORT);
    assert!(
        holds_lock(p.pid(), &db),
        "the running app holds its SHARED lock on the database file"
    );
    let text = "صندوق کارآفرینی امید «وام» ۳۰ میلیون ریالی (SMS) بدهد";
    assert_eq!(other_client(&db, &dir.path().join("copy.db"), text), 0);
    assert!(
        db.with_extension("db-wal").exists(),
        "the other client deleted the -wal the app writes to"
    );
    record_decision(&mut p, text);
    p.wait_for_text(&shown("مصوبهٔ ۲/۸ ثبت شد."), SHORT);
    p.kill9();
    assert_eq!(
        other_client(&db, &dir.path().join("copy2.db"), text),
        1,
        "confirmed on screen, so in the file and seen by the other process"
    );
}
