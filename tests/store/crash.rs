//! Crash safety (ARCHITECTURE.md §8): a child records decisions and acknowledges each commit; the
//! parent kills it with SIGKILL at random moments. After every kill, every acknowledged decision
//! is there, the file is sound, and no action is half written.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::support::*;
use hamyar::domain::Id;
use hamyar::store::Store;

const CHILD_ENV: &str = "HAMYAR_TEST_CRASH_CHILD";
const KILLS: usize = 60;

/// In child mode: records decisions forever, printing `ACK <id>` after each commit.
#[test]
fn crash_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by `kill_at_random_moments`
    };
    let mut parts = spec.split('|');
    let (path, meeting, agency) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let mut store = Store::open(path, clock()).unwrap();
    let (meeting, agency) = (Id::from_string(meeting), Id::from_string(agency));
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let text = format!("مصوبه آزمون {i} {}", "متن ".repeat(i % 40));
        let d = store
            .record_decision(&new_decision(&meeting, &agency, &text, Some(today())))
            .unwrap();
        if i % 3 == 0 {
            store
                .record_follow_up(&d.id, hamyar::domain::DecisionStatus::InProgress, "گزارش")
                .unwrap();
        }
        writeln!(out, "\nACK {}", d.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn kill_at_random_moments() {
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let spec = format!("{}|{}|{}", path.display(), f.meeting.id, f.bank.id);
    drop(f);
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut random = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let started = Instant::now();
    let mut acked: Vec<String> = Vec::new();
    for round in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash::crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &spec)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let reader = {
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if let Some((_, id)) = line.split_once("ACK ") {
                        seen.lock().unwrap().push(id.trim().to_string());
                    }
                }
            })
        };
        // Some kills land while the child is still starting or opening the file.
        std::thread::sleep(Duration::from_millis(5 + random(120)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        reader.join().unwrap();
        assert!(
            !status.success(),
            "round {round}: the child must have been killed"
        );
        acked.extend(seen.lock().unwrap().drain(..));

        let store = open(&path);
        assert!(store.integrity_check().unwrap().is_empty(), "round {round}");
        for id in &acked {
            store
                .get_decision(&Id::from_string(id.clone()))
                .unwrap_or_else(|e| panic!("round {round}: acknowledged decision {id} lost: {e}"));
        }
        drop(store);
        assert_eq!(
            unaudited_rows(&path),
            0,
            "round {round}: a change without its audit row"
        );
    }
    let store = open(&path);
    let decisions = store
        .list_decisions(&store.list_meetings(None).unwrap().rows[0].id)
        .unwrap();
    let mut items: Vec<u32> = decisions.iter().map(|d| d.number.item).collect();
    items.dedup();
    assert_eq!(items.len(), decisions.len(), "numbers are unique");
    assert!(
        acked.len() >= KILLS,
        "too few commits to test anything: {}",
        acked.len()
    );
    eprintln!(
        "{KILLS} kills, {} acknowledged decisions, {:?}",
        acked.len(),
        started.elapsed()
    );
}
