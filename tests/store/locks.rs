//! Another SQLite client opening the file while hamyar has it open (the `sqlite3` shell, a backup
//! script): hamyar's locks stay held, so the other client never takes itself for the last
//! connection, checkpoints and deletes the `-wal` that hamyar is still writing to.
//!
//! POSIX locks belong to the process and the file, and closing *any* descriptor of the file
//! drops them all; so nothing in hamyar may open or close the database outside SQLite while a
//! connection is open. The scenario is the real one: the store lives in a child process that
//! acknowledges its commits and is killed with SIGKILL, and the other client is a third process
//! on the bundled SQLite.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use super::support::*;
use hamyar::domain::Id;
use hamyar::store::Store;

const HOLDER_ENV: &str = "HAMYAR_TEST_LOCK_HOLDER";
const CLIENT_ENV: &str = "HAMYAR_TEST_OTHER_CLIENT";

/// In child mode: a plain SQLite client. Opens the file, reads, backs it up, closes it.
#[test]
fn other_client_child() {
    let Ok(spec) = std::env::var(CLIENT_ENV) else {
        return; // only does something when started by the tests below
    };
    let (path, copy) = spec.split_once('|').unwrap();
    let c = rusqlite::Connection::open(path).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM decisions", [], |r| r.get(0))
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

/// Runs the other client to completion; the number of decisions it saw.
pub fn other_client(path: &Path, copy: &Path) -> i64 {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "locks::other_client_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CLIENT_ENV, format!("{}|{}", path.display(), copy.display()))
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

/// In child mode: holds a writable store open as the app does (with a second, read-only store
/// opened and closed beside it, as the review's background reader does), and records one
/// decision for each line read on stdin, printing `ACK <id>` after its commit.
#[test]
fn lock_holder_child() {
    let Ok(spec) = std::env::var(HOLDER_ENV) else {
        return;
    };
    let mut parts = spec.split('|');
    let (path, meeting, agency) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let mut store = Store::open(path, clock()).unwrap();
    let (meeting, agency) = (Id::from_string(meeting), Id::from_string(agency));
    store.list_decisions(&meeting).unwrap();
    let reader = Store::open_read_only(path, clock()).unwrap();
    reader.review_entries(None).unwrap();
    drop(reader);
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nREADY").unwrap();
    out.flush().unwrap();
    for line in std::io::stdin().lock().lines() {
        let text = line.unwrap();
        let d = store
            .record_decision(&new_decision(&meeting, &agency, &text, None))
            .unwrap();
        writeln!(out, "\nACK {}", d.id).unwrap();
        out.flush().unwrap();
    }
}

struct Holder {
    child: Child,
    stdin: ChildStdin,
    lines: std::io::Lines<BufReader<ChildStdout>>,
}

impl Holder {
    fn start(path: &Path, meeting: &Id, agency: &Id) -> Holder {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "locks::lock_holder_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(HOLDER_ENV, format!("{}|{meeting}|{agency}", path.display()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut h = Holder {
            child,
            stdin,
            lines,
        };
        h.expect("READY");
        h
    }

    fn expect(&mut self, prefix: &str) -> String {
        for line in self.lines.by_ref() {
            if let Some(rest) = line.unwrap().strip_prefix(prefix) {
                return rest.trim().to_string();
            }
        }
        panic!("the holder ended before saying {prefix}");
    }

    fn record(&mut self, text: &str) -> String {
        writeln!(self.stdin, "{text}").unwrap();
        self.stdin.flush().unwrap();
        self.expect("ACK ")
    }
}

/// The POSIX locks process `pid` holds on the file at `path`, as `/proc/locks` lists them.
pub fn locks_held(pid: u32, path: &Path) -> Vec<String> {
    let ino = std::fs::metadata(path).unwrap().ino();
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .filter(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.get(1) == Some(&"POSIX")
                && f.get(4) == Some(&pid.to_string().as_str())
                && f.get(5)
                    .and_then(|d| d.rsplit(':').next())
                    .is_some_and(|i| i == ino.to_string())
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn another_client_reading_and_backing_up_leaves_the_wal_and_every_save() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    let (meeting, agency) = (f.meeting.id.clone(), f.bank.id.clone());
    drop(f);
    let mut holder = Holder::start(&path, &meeting, &agency);
    let first = holder.record("مصوبه پیش از سرزدن برنامهٔ دیگر (۱)");
    assert!(
        !locks_held(holder.child.id(), &path).is_empty(),
        "an open connection holds its SHARED lock on the main file"
    );

    let copy = dir.path().join("copy.db");
    assert_eq!(other_client(&path, &copy), 1);
    let wal = path.with_extension("db-wal");
    assert!(wal.exists(), "the other client deleted the -wal in use");

    let second = holder.record("مصوبه پس از سرزدن برنامهٔ دیگر «SMS» (۲)");
    holder.child.kill().unwrap();
    holder.child.wait().unwrap();
    assert_eq!(
        other_client(&path, &dir.path().join("copy2.db")),
        2,
        "the other process sees the save"
    );
    let store = open(&path);
    for id in [first, second] {
        store
            .get_decision(&Id::from_string(id.clone()))
            .unwrap_or_else(|e| panic!("acknowledged decision {id} lost: {e}"));
    }
    assert!(store.integrity_check().unwrap().is_empty());
    let backup = Store::open_read_only(&copy, clock()).unwrap();
    assert!(backup.integrity_check().unwrap().is_empty());
}

#[test]
fn a_second_store_in_the_process_keeps_the_first_ones_lock() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let me = std::process::id();
    assert!(!locks_held(me, &path).is_empty(), "a lock while open");
    for _ in 0..2 {
        let reader = Store::open_read_only(&path, clock()).unwrap();
        reader.counts().unwrap();
        drop(reader);
        assert!(
            !locks_held(me, &path).is_empty(),
            "a second store opened and closed beside the first dropped its lock"
        );
        drop(Store::open_existing(&path, clock()).unwrap());
        assert!(!locks_held(me, &path).is_empty());
    }
    drop(f);
}
