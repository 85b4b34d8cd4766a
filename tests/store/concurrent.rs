//! Two processes writing the same database at once: neither sees an error, no write is lost,
//! and decision numbers stay unique.

use std::process::{Command, Stdio};

use super::support::*;
use hamyar::domain::{DecisionStatus, Id};
use hamyar::store::Store;

const CHILD_ENV: &str = "HAMYAR_TEST_WRITER_CHILD";
const PER_WRITER: usize = 80;

/// In child mode: opens the file and records decisions and follow-ups as fast as it can.
#[test]
fn writer_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by `two_writers_lose_nothing`
    };
    let mut parts = spec.split('|');
    let (path, meeting, agency, name) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let mut store = Store::open(path, clock()).unwrap();
    let (meeting, agency) = (Id::from_string(meeting), Id::from_string(agency));
    // Both writers start together, once both have the file open: this one says it has, then
    // waits for the word (a guard of minutes against a lost parent, not a timing).
    std::fs::write(format!("{path}.ready-{name}"), b"").unwrap();
    let go = std::path::PathBuf::from(format!("{path}.go"));
    let waited = std::time::Instant::now();
    while !go.exists() && waited.elapsed().as_secs() < 300 {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    for i in 0..PER_WRITER {
        let d = store
            .record_decision(&new_decision(
                &meeting,
                &agency,
                &format!("{name} {i}"),
                None,
            ))
            .unwrap_or_else(|e| panic!("ERR {e}"));
        if i % 4 == 0 {
            store
                .record_follow_up(&d.id, DecisionStatus::InProgress, name)
                .unwrap_or_else(|e| panic!("ERR {e}"));
        }
        // Readers run between writes too, as the screen refreshes.
        store
            .list_decisions(&meeting)
            .unwrap_or_else(|e| panic!("ERR {e}"));
        println!("\nACK {}", d.id);
    }
}

fn spawn(spec: String) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "concurrent::writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, spec)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_writers_lose_nothing() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let base = format!("{}|{}|{}", path.display(), f.meeting.id, f.bank.id);
    drop(f);
    let mut a = spawn(format!("{base}|writer-a"));
    let mut b = spawn(format!("{base}|writer-b"));
    // However slow the machine, the word is given once both have the file open.
    let waited = std::time::Instant::now();
    let ready =
        |name: &str| std::path::Path::new(&format!("{}.ready-{name}", path.display())).exists();
    while !(ready("writer-a") && ready("writer-b")) {
        assert!(
            waited.elapsed().as_secs() < 300,
            "a writer never opened the file"
        );
        // One that ended before it said so failed: its output says why, below.
        if a.try_wait().unwrap().is_some() || b.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    std::fs::write(format!("{}.go", path.display()), b"").unwrap();
    let mut acked = Vec::new();
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "a writer failed: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        acked.extend(
            stdout
                .lines()
                .filter_map(|l| l.split_once("ACK "))
                .map(|(_, id)| id.trim().to_string()),
        );
    }
    assert_eq!(acked.len(), 2 * PER_WRITER);
    let store = open(&path);
    let meeting = store.list_meetings(None).unwrap().rows[0].id.clone();
    let decisions = store.list_decisions(&meeting).unwrap();
    assert_eq!(decisions.len(), 2 * PER_WRITER);
    for id in &acked {
        store.get_decision(&Id::from_string(id.clone())).unwrap();
    }
    let items: Vec<u32> = decisions.iter().map(|d| d.number.item).collect();
    assert_eq!(items, (1..=(2 * PER_WRITER) as u32).collect::<Vec<_>>());
    let switches = decisions
        .windows(2)
        .filter(|w| w[0].text[..8] != w[1].text[..8])
        .count();
    eprintln!("writers took turns {switches} times");
    assert!(switches >= 1, "the writers never overlapped");
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    assert_eq!(unaudited_rows(&path), 0);
}

#[test]
fn two_processes_creating_the_same_new_file() {
    let (_dir, path) = temp_db();
    // The file does not exist yet: both children create, initialise and migrate it at once.
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "concurrent::opener_child",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("HAMYAR_TEST_OPENER_CHILD", &path)
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let s = open(&path);
    assert_eq!(s.schema_version().unwrap(), hamyar::store::SCHEMA_VERSION);
    assert!(s.counts().unwrap().contains(&("agencies", 2)));
}

#[test]
fn opener_child() {
    let Ok(path) = std::env::var("HAMYAR_TEST_OPENER_CHILD") else {
        return; // only does something when started by `two_processes_creating_the_same_new_file`
    };
    let mut store = Store::open(path, clock()).unwrap_or_else(|e| panic!("ERR {e}"));
    store
        .add_agency(&agency("بانک", "Bank", "بانک"))
        .unwrap_or_else(|e| panic!("ERR {e}"));
}

#[test]
fn many_threads_creating_the_same_new_file_all_wait_their_turn() {
    for round in 0..5 {
        let (_dir, path) = temp_db();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let mut store = Store::open(&path, clock())?;
                    store.add_agency(&agency(&format!("بانک {i}"), "Bank", "بانک"))
                })
            })
            .collect();
        for t in threads {
            if let Err(e) = t.join().unwrap() {
                panic!("round {round}: {e}");
            }
        }
        let s = open(&path);
        assert_eq!(s.schema_version().unwrap(), hamyar::store::SCHEMA_VERSION);
        assert_eq!(s.list_agencies().unwrap().len(), 8);
    }
}

/// Opening a file that is already current writes nothing, so it never queues behind another
/// store's write: the app started while another hamyar saves opens at once, and eight threads
/// creating one file (above) do not wait out each other's busy timeouts on a slow machine.
#[test]
fn opening_a_current_file_never_waits_for_another_stores_write() {
    let (_dir, path) = temp_db();
    drop(open(&path)); // current, and empty: `fill_empty` may hold its write open
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut store = open(&path);
            store
                .fill_empty(|s| -> Result<(), hamyar::store::StoreError> {
                    s.add_agency(&agency("بانک کشاورزی", "Bank Keshavarzi", "کشاورزی"))?;
                    ready_tx.send(()).unwrap();
                    done_rx.recv().unwrap();
                    Ok(())
                })
                .unwrap();
        })
    };
    ready_rx.recv().unwrap();
    // The writer holds its lock until this open returns: waiting for it would run out the
    // busy timeout and fail.
    let second = Store::open(&path, clock());
    done_tx.send(()).unwrap();
    writer.join().unwrap();
    let second = second.unwrap_or_else(|e| panic!("the open waited for the writer: {e}"));
    assert_eq!(second.list_agencies().unwrap().len(), 1);
}
