//! Crash safety (ARCHITECTURE.md §8): a child process is killed with SIGKILL at random moments
//! while it writes, and after every kill the file is sound and nothing acknowledged is missing.
//!
//! - **Decision writes:** a child records decisions (and follow-ups) and acknowledges each
//!   commit; every acknowledged decision survives, and no action is half written.
//! - **An import:** `hamyar import` of a minutes file, killed: the whole import is visible, or
//!   none of it.
//! - **A migration:** a database of the first schema (built from
//!   `tests/fixtures/schema-1/schema.sql`), killed while `Store::open` upgrades it: its version
//!   is the old one or the newest, never one between, and its records are all there.
//! - **A restore:** `hamyar restore` of a backup, killed: the database is the old one or the
//!   backup, never a mixture.
//!
//! `HAMYAR_CRASH_KILLS` sets the number of kills (about 50 by default; `HAMYAR_CRASH_KILLS=1000`
//! for the heavy run), shared 5:2:2:1 by the four. Each round checks what it added (the new
//! acknowledged ids) and the file's integrity; one full check runs at the end, so that a
//! thousand rounds stay linear. Kills are timed from what the child says it is doing (opening,
//! committed), not from when it was spawned, so a slow machine moves where they land, never
//! whether the test holds.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::support::*;
use hamyar::domain::Id;
use hamyar::store::{SCHEMA_VERSION, Store};

const CHILD_ENV: &str = "HAMYAR_TEST_CRASH_CHILD";
const MIGRATE_ENV: &str = "HAMYAR_TEST_MIGRATE_CHILD";
/// How long a child may take to say anything: a guard against a hung child, not a timing.
const PATIENCE: Duration = Duration::from_secs(120);

/// The kills of this run: `HAMYAR_CRASH_KILLS`, else 50.
fn total_kills() -> usize {
    std::env::var("HAMYAR_CRASH_KILLS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(50)
}

/// This test's share of the kills (tenths), at least a few.
fn share(tenths: usize) -> usize {
    (total_kills() * tenths / 10).max(3)
}

/// A xorshift generator seeded from the clock; the seed is printed, to replay a failure.
struct Random(u64);

impl Random {
    // The seed is for whoever replays a failure: it goes where the test's own output goes.
    #[allow(clippy::print_stderr)]
    fn new(what: &str) -> Random {
        let seed = std::env::var("HAMYAR_CRASH_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        eprintln!("{what}: HAMYAR_CRASH_SEED={seed}");
        Random(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    /// A moment within `span`.
    fn within(&mut self, span: Duration) -> Duration {
        Duration::from_micros(self.below(span.as_micros().max(1) as u64))
    }
}

/// A child with its stdout read line by line on a thread of its own.
struct Running {
    child: Child,
    lines: Receiver<String>,
}

impl Running {
    fn spawn(mut cmd: Command) -> Running {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running { child, lines }
    }

    /// This test binary again, running only `test` with `env` set.
    fn test_child(test: &str, env: (&str, &str)) -> Running {
        let mut cmd = Command::new(std::env::current_exe().unwrap());
        cmd.args(["--exact", test, "--nocapture", "--test-threads=1"])
            .env(env.0, env.1);
        Running::spawn(cmd)
    }

    /// Waits for a line starting with `prefix` (the lines before it go to `seen`).
    fn wait_for(&self, prefix: &str, seen: &mut Vec<String>) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => {
                    seen.push(line);
                    return;
                }
                Ok(line) => seen.push(line),
                Err(RecvTimeoutError::Timeout) => panic!("the child never said {prefix}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the child ended before {prefix}"),
            }
        }
    }

    /// SIGKILL, then every line it wrote before it died; whether it was killed (a child with
    /// an end may have reached it first).
    fn kill(mut self, seen: &mut Vec<String>) -> bool {
        let _ = self.child.kill();
        let status = self.child.wait().unwrap();
        seen.extend(self.lines.iter());
        !status.success()
    }
}

fn acked(lines: &[String]) -> impl Iterator<Item = String> + '_ {
    lines
        .iter()
        .filter_map(|l| l.split_once("ACK ").map(|(_, id)| id.trim().to_string()))
}

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
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nOPEN").unwrap();
    out.flush().unwrap();
    let mut store = Store::open(path, clock()).unwrap();
    let (meeting, agency) = (Id::from_string(meeting), Id::from_string(agency));
    for i in 0.. {
        let text = format!(
            "مصوبه آزمون {i}: بانک «توسعه تعاون» (SMS) تا ۱۴۰۵/۰۹/{:02} اقدام می‌کند {}",
            i % 30 + 1,
            "متن ".repeat(i % 40)
        );
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
    let kills = share(5);
    let (_dir, path) = temp_db();
    let f = fixture(&path);
    let spec = format!("{}|{}|{}", path.display(), f.meeting.id, f.bank.id);
    let meeting = f.meeting.id.clone();
    drop(f);
    let mut random = Random::new("kill_at_random_moments");
    let started = Instant::now();
    let mut all: Vec<String> = Vec::new();
    // How long one commit (a decision, and every third a follow-up) takes here, as seen.
    let mut commit = Duration::from_millis(5);
    for round in 0..kills {
        let child = Running::test_child("crash::crash_child", (CHILD_ENV, &spec));
        let mut seen = Vec::new();
        child.wait_for("OPEN", &mut seen);
        // One kill in four while the child opens the file; the others after 1 to 4 commits,
        // within the next one.
        if random.below(4) > 0 {
            let mut last = Instant::now();
            for _ in 0..=random.below(4) {
                child.wait_for("ACK", &mut seen);
                commit = (commit * 7 + last.elapsed()) / 8;
                last = Instant::now();
            }
        }
        std::thread::sleep(random.within(commit * 2));
        assert!(
            child.kill(&mut seen),
            "round {round}: the child must have been killed"
        );
        let new: Vec<String> = acked(&seen).collect();

        let store = open(&path);
        assert!(store.integrity_check().unwrap().is_empty(), "round {round}");
        for id in &new {
            store
                .get_decision(&Id::from_string(id.clone()))
                .unwrap_or_else(|e| panic!("round {round}: acknowledged decision {id} lost: {e}"));
        }
        all.extend(new);
    }
    // The full check, once.
    let store = open(&path);
    for id in &all {
        store
            .get_decision(&Id::from_string(id.clone()))
            .unwrap_or_else(|e| panic!("acknowledged decision {id} lost: {e}"));
    }
    let decisions = store.list_decisions(&meeting).unwrap();
    let mut items: Vec<u32> = decisions.iter().map(|d| d.number.item).collect();
    items.sort_unstable();
    items.dedup();
    assert_eq!(items.len(), decisions.len(), "numbers are unique");
    drop(store);
    assert_eq!(unaudited_rows(&path), 0, "a change without its audit row");
    assert!(
        all.len() >= kills / 2,
        "too few commits to test anything: {}",
        all.len()
    );
    eprintln!(
        "decision writes: {kills} kills, {} acknowledged decisions, {:?}",
        all.len(),
        started.elapsed()
    );
}

/// Every table's row count, the change log's too.
fn counts(path: &Path) -> Vec<(&'static str, u64)> {
    Store::open_read_only(path, clock())
        .unwrap()
        .counts()
        .unwrap()
}

/// Copies a closed database file (no `-wal` beside it) over `to`, removing `to`'s side files.
fn fresh_copy(from: &Path, to: &Path) {
    for ext in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{ext}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

#[test]
fn kill_during_an_import() {
    let kills = share(2);
    let dir = tempfile::tempdir().unwrap();
    let hamyar = env!("CARGO_BIN_EXE_hamyar");
    // The minutes file: meeting 2 of the demo, as another laptop exports it.
    let source = dir.path().join("source.db");
    let demo = hamyar::demo::DemoData::kerman().unwrap();
    let mut store = Store::open(&source, clock()).unwrap();
    demo.write_into(&mut store).unwrap();
    drop(store);
    let bundle = dir.path().join("soratjalase-2.json");
    let ok = Command::new(hamyar)
        .arg("--db")
        .arg(&source)
        .args(["export", "--meeting", "2", "--format", "json", "-o"])
        .arg(&bundle)
        .status()
        .unwrap();
    assert!(ok.success());
    // Into an empty database, closed (so copying it copies everything).
    let pristine = dir.path().join("pristine.db");
    drop(open(&pristine));
    let before = counts(&pristine);
    let target = dir.path().join("target.db");
    let import = |target: &Path| {
        let mut cmd = Command::new(hamyar);
        cmd.arg("--db")
            .arg(target)
            .arg("--config")
            .arg("/dev/null")
            .arg("import")
            .arg(&bundle);
        cmd
    };
    // One import to its end: what "all of it" is, and how long an import takes here.
    fresh_copy(&pristine, &target);
    let timed = Instant::now();
    assert!(import(&target).output().unwrap().status.success());
    let span = timed.elapsed();
    let after = counts(&target);
    assert_ne!(before, after);

    let mut random = Random::new("kill_during_an_import");
    let started = Instant::now();
    let (mut none, mut whole) = (0, 0);
    for round in 0..kills {
        fresh_copy(&pristine, &target);
        let child = Running::spawn(import(&target));
        std::thread::sleep(random.within(span + span / 5));
        let killed = child.kill(&mut Vec::new());
        let store = Store::open(&target, clock()).unwrap();
        assert!(store.integrity_check().unwrap().is_empty(), "round {round}");
        drop(store);
        let now = counts(&target);
        if now == before {
            assert!(
                killed,
                "round {round}: an import that ended well left nothing"
            );
            none += 1;
        } else {
            assert_eq!(now, after, "round {round}: part of an import is visible");
            whole += 1;
        }
    }
    eprintln!(
        "import: {kills} kills ({none} left nothing, {whole} the whole import; one import takes {span:?}), {:?}",
        started.elapsed()
    );
}

/// In child mode: opens (and so upgrades) the database, saying `OPEN` first.
#[test]
fn migrate_child() {
    let Ok(path) = std::env::var(MIGRATE_ENV) else {
        return; // only does something when started by `kill_during_a_migration`
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nOPEN").unwrap();
    out.flush().unwrap();
    drop(Store::open(path, clock()).unwrap());
    writeln!(out, "\nDONE").unwrap();
}

/// The texts of the first schema's decisions: Persian with digits, parentheses, «quotes», Latin
/// words and ZWNJ.
fn old_text(i: usize) -> String {
    format!(
        "مصوبه {i}: صندوق کارآفرینی امید وام «قرض‌الحسنه» {} میلیون ریالی به گروه‌های همیار (SMS) بدهد.",
        i * 5 + 10
    )
}

/// A database of schema version 1 with `n` decisions and statements, written as the first
/// release wrote them (its search columns folded the same way).
fn first_schema_db(path: &Path, n: usize) {
    use hamyar::text::fold::{fold, fold_for_index};
    let mut c = rusqlite::Connection::open(path).unwrap();
    c.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    c.execute_batch(include_str!("../fixtures/schema-1/schema.sql"))
        .unwrap();
    let tx = c.transaction().unwrap();
    let bank = "0190a000-0000-7000-8000-000000000001";
    tx.execute(
        "INSERT INTO agencies (id, name, name_en, short_name, names_f) VALUES (?1, ?2, 'Bank', 'بانک', ?3)",
        (bank, "بانک توسعه تعاون", fold("بانک توسعه تعاون")),
    )
    .unwrap();
    tx.execute(
        "INSERT INTO people (id, name, title, agency, name_f) VALUES ('p1', 'خانم سعیدی', 'کارشناس', ?1, ?2)",
        (bank, fold("خانم سعیدی")),
    )
    .unwrap();
    tx.execute_batch(
        "INSERT INTO series (id, title, organisation) VALUES ('s1', 'نشست همیار', 'بهزیستی');
         INSERT INTO meetings (id, series, number, date, status, last_item)
             VALUES ('m1', 's1', 1, '2014-03-11', 'closed', 0);",
    )
    .unwrap();
    for i in 1..=n {
        let text = old_text(i);
        let key = i as i64;
        tx.execute(
            "INSERT INTO decisions (id, meeting, item, text, lead_agency, status, fts_key, text_f)
             VALUES (?1, 'm1', ?2, ?3, ?4, 'pending', ?2, ?5)",
            (format!("d{i}"), key, &text, bank, fold_for_index(&text)),
        )
        .unwrap();
        let said = format!("گزارش {i}: نامهٔ شمارهٔ {i}/۱۲ (Excel) رسید.");
        tx.execute(
            "INSERT INTO statements (id, meeting, speaker, text, fts_key, text_f)
             VALUES (?1, 'm1', 'p1', ?2, ?3, ?4)",
            (format!("t{i}"), &said, key, fold_for_index(&said)),
        )
        .unwrap();
    }
    tx.execute("UPDATE meetings SET last_item = ?1", [n as i64])
        .unwrap();
    tx.commit().unwrap();
    c.close().unwrap();
    assert!(!Path::new(&format!("{}-wal", path.display())).exists());
}

/// The version, integrity and rows of a file a migration was killed on, read without
/// upgrading it (a plain connection, which recovers a crashed writer's log).
fn as_left(path: &Path) -> (u32, Vec<String>, i64, i64) {
    let c = rusqlite::Connection::open(path).unwrap();
    let version: u32 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut st = c.prepare("PRAGMA integrity_check").unwrap();
    let problems: Vec<String> = st
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|p| p != "ok")
        .collect();
    let count = |t: &str| {
        c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    let out = (version, problems, count("decisions"), count("statements"));
    drop(st);
    out
}

#[test]
fn kill_during_a_migration() {
    const ROWS: usize = 300;
    let kills = share(2);
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("schema-1.db");
    first_schema_db(&old, ROWS);
    let target: PathBuf = dir.path().join("hamyar.db");
    // One upgrade to its end: how long it takes here.
    fresh_copy(&old, &target);
    let timed = Instant::now();
    drop(open(&target));
    let span = timed.elapsed();

    let mut random = Random::new("kill_during_a_migration");
    let started = Instant::now();
    let (mut old_left, mut new_left) = (0, 0);
    for round in 0..kills {
        fresh_copy(&old, &target);
        let child = Running::test_child(
            "crash::migrate_child",
            (MIGRATE_ENV, target.to_str().unwrap()),
        );
        let mut seen = Vec::new();
        child.wait_for("OPEN", &mut seen);
        std::thread::sleep(random.within(span + span / 2));
        child.kill(&mut seen);
        let finished = seen.iter().any(|l| l.starts_with("DONE"));
        let (version, problems, decisions, statements) = as_left(&target);
        assert!(problems.is_empty(), "round {round}: {problems:?}");
        match version {
            1 if !finished => old_left += 1,
            v if v == SCHEMA_VERSION => new_left += 1,
            v => panic!("round {round}: schema {v}, between 1 and {SCHEMA_VERSION}"),
        }
        assert_eq!(
            (decisions, statements),
            (ROWS as i64, ROWS as i64),
            "round {round}"
        );
        // Opened again, it is upgraded (or already was), whole, and its search finds the old
        // records (the upgrade rebuilt the index).
        let store = open(&target);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(store.integrity_check().unwrap().is_empty(), "round {round}");
        let i = 1 + random.below(ROWS as u64) as usize;
        let d = store
            .get_decision(&Id::from_string(format!("d{i}")))
            .unwrap();
        assert_eq!(d.text, old_text(i), "round {round}");
        let hits = store.search("قرض‌الحسنه").unwrap();
        assert!(!hits.is_empty(), "round {round}: the search finds nothing");
    }
    eprintln!(
        "migration: {kills} kills ({old_left} left schema 1, {new_left} schema {SCHEMA_VERSION}; one upgrade of {ROWS} decisions and statements takes {span:?}), {:?}",
        started.elapsed()
    );
}

#[test]
fn kill_during_a_restore() {
    let kills = share(1);
    let dir = tempfile::tempdir().unwrap();
    let hamyar = env!("CARGO_BIN_EXE_hamyar");
    // The database: the demo, plus what the backup does not hold.
    let pristine = dir.path().join("pristine.db");
    let demo = hamyar::demo::DemoData::kerman().unwrap();
    let mut store = Store::open(&pristine, clock()).unwrap();
    demo.write_into(&mut store).unwrap();
    let backup = dir.path().join("backup.db");
    hamyar::backup::write(&store, &backup, hamyar::export_file::Replace::Never).unwrap();
    // Meeting 2, in progress (meeting 1 is approved).
    let live = store
        .list_meetings(None)
        .unwrap()
        .rows
        .last()
        .unwrap()
        .id
        .clone();
    let agency = store.list_agencies().unwrap()[0].id.clone();
    for i in 0..60 {
        let text = format!("مصوبهٔ پس از پشتیبان {i} (SMS) «بانک»");
        store
            .record_decision(&new_decision(&live, &agency, &text, None))
            .unwrap();
    }
    drop(store);
    let (before, restored) = (counts(&pristine), counts(&backup));
    assert_ne!(before, restored);
    let target = dir.path().join("hamyar.db");
    let restore = |target: &Path| {
        let mut cmd = Command::new(hamyar);
        cmd.arg("--db")
            .arg(target)
            .arg("--config")
            .arg("/dev/null")
            .arg("restore")
            .arg(&backup);
        cmd
    };
    fresh_copy(&pristine, &target);
    let timed = Instant::now();
    assert!(restore(&target).output().unwrap().status.success());
    let span = timed.elapsed();
    let mut random = Random::new("kill_during_a_restore");
    let started = Instant::now();
    let (mut old, mut new) = (0, 0);
    for round in 0..kills {
        fresh_copy(&pristine, &target);
        // What each restore keeps of the database it replaces: not needed here.
        let _ = std::fs::remove_dir_all(dir.path().join("hamyar-backups"));
        let child = Running::spawn(restore(&target));
        std::thread::sleep(random.within(span + span / 5));
        let killed = child.kill(&mut Vec::new());
        let store = Store::open(&target, clock()).unwrap();
        assert!(store.integrity_check().unwrap().is_empty(), "round {round}");
        drop(store);
        let now = counts(&target);
        if now == before {
            assert!(
                killed,
                "round {round}: a restore that ended well left the old state"
            );
            old += 1;
        } else {
            assert_eq!(now, restored, "round {round}: a mixture of the two");
            new += 1;
        }
    }
    eprintln!(
        "restore: {kills} kills ({old} left the old database, {new} the backup; one restore takes {span:?}), {:?}",
        started.elapsed()
    );
}
