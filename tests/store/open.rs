//! Opening files: creation, migrations, and every error a user can meet, each leaving the file
//! as it was.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::support::*;
use hamyar::store::{SCHEMA_VERSION, Store, StoreError};

#[test]
fn creates_private_file_and_reopens() {
    let (dir, _) = temp_db();
    let path = dir.path().join("nested/folder/hamyar.db");
    let f = fixture(&path);
    assert_eq!(f.store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    let counts = f.store.counts().unwrap();
    assert!(counts.contains(&("agencies", 2)));
    drop(f);
    let s = Store::open_existing(&path, clock()).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.list_agencies().unwrap().len(), 2);
    assert!(s.integrity_check().unwrap().is_empty());
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn empty_file_is_initialised() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    let s = Store::open_existing(&path, clock()).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn missing_file_is_refused_by_open_existing() {
    let (_dir, path) = temp_db();
    let err = Store::open_existing(&path, clock()).unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
    assert!(err.to_string().contains(&*path.to_string_lossy()));
    assert!(!path.exists(), "nothing is created");
}

fn assert_refused_unchanged(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = bytes(path);
    for open in [Store::open, Store::open_existing] {
        let err = open(path, clock()).unwrap_err();
        assert!(check(&err), "unexpected error {err:?}");
        assert!(err.to_string().contains(&*path.to_string_lossy()), "{err}");
    }
    assert_eq!(
        bytes(path),
        before,
        "the file must be left byte for byte unchanged"
    );
    let wal = path.with_extension("db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    drop(fixture(&path));
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    assert_refused_unchanged(&path, |e| {
        matches!(e, StoreError::NewerSchema { found, .. } if *found == SCHEMA_VERSION + 1)
            && e.to_string().contains("newer hamyar")
    });
}

#[test]
fn newer_schema_in_rollback_journal_mode_is_left_untouched() {
    let (_dir, path) = temp_db();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE t(x); PRAGMA application_id = 1213028690; PRAGMA user_version = 999;",
        )
        .unwrap();
    }
    assert_refused_unchanged(&path, |e| {
        matches!(e, StoreError::NewerSchema { found: 999, .. })
    });
}

#[test]
fn foreign_sqlite_file_is_refused() {
    let (_dir, path) = temp_db();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x');")
            .unwrap();
    }
    assert_refused_unchanged(&path, |e| matches!(e, StoreError::Foreign { .. }));
}

#[test]
fn non_database_files_are_refused() {
    let (_dir, path) = temp_db();
    let mut x: u64 = 0x1234_5678;
    let random: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    for content in [
        random.clone(),
        "این یک فایل متنی است\nnot a database\n"
            .repeat(50)
            .into_bytes(),
        b"SQLite format 3\0 but cut short".to_vec(),
    ] {
        std::fs::write(&path, &content).unwrap();
        assert_refused_unchanged(&path, |e| matches!(e, StoreError::NotADatabase { .. }));
    }
}

#[test]
fn damaged_database_is_reported() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    for i in 0..200 {
        f.store
            .record_decision(&new_decision(
                &f.meeting.id,
                &f.bank.id,
                &format!("مصوبه {i} {}", "متن ".repeat(50)),
                None,
            ))
            .unwrap();
    }
    drop(f);
    let mut content = bytes(&path);
    assert!(content.len() > 40_000);
    for b in &mut content[8192..36_864] {
        *b = 0x5A;
    }
    std::fs::write(&path, &content).unwrap();
    match Store::open(&path, clock()) {
        Err(e) => assert!(
            matches!(
                e,
                StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
            ),
            "{e:?}"
        ),
        Ok(s) => match s.integrity_check() {
            Ok(problems) => assert!(!problems.is_empty()),
            Err(e) => assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}"),
        },
    }
}

#[test]
fn locked_database_gives_the_locked_error() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    f.store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let err = f
        .store
        .record_decision(&new_decision(&f.meeting.id, &f.bank.id, "x", None))
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert!(err.to_string().contains("locked"));
    other.execute_batch("ROLLBACK").unwrap();
    f.store
        .record_decision(&new_decision(&f.meeting.id, &f.bank.id, "x", None))
        .unwrap();
}

#[test]
fn disk_full_gives_the_full_error_and_keeps_the_database() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let kept = f
        .store
        .record_decision(&new_decision(
            &f.meeting.id,
            &f.bank.id,
            "پیش از پر شدن",
            None,
        ))
        .unwrap();
    f.store.set_max_pages(1).unwrap(); // raised to the current size: no room to grow
    let big = "متن طولانی ".repeat(2000);
    let mut failed = None;
    for _ in 0..50 {
        if let Err(e) =
            f.store
                .record_decision(&new_decision(&f.meeting.id, &f.bank.id, &big, None))
        {
            failed = Some(e);
            break;
        }
    }
    let err = failed.expect("the capped file must fill up");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains("full"));
    let counts_before = f.store.counts().unwrap();
    drop(f);
    let s = open(&path);
    assert!(s.integrity_check().unwrap().is_empty());
    assert_eq!(s.get_decision(&kept.id).unwrap(), kept);
    assert_eq!(
        s.counts().unwrap(),
        counts_before,
        "the failed action left nothing behind"
    );
    assert_eq!(s.history(&kept.id).unwrap().len(), 1);
    assert_eq!(unaudited_rows(&path), 0, "nothing was half written");
}

// Read-only files and folders. Root ignores permission bits, so when the tests run as root the
// open happens in a child process that has dropped to user `nobody`.

const CHILD_ENV: &str = "HAMYAR_TEST_READONLY_CHILD";

#[test]
fn readonly_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return; // only does something when started by the tests below
    };
    match Store::open(&path, clock()) {
        Ok(_) => println!("RESULT=opened"),
        Err(e) => println!("RESULT={}\nMESSAGE={e}", kind(&e)),
    }
}

fn kind(e: &StoreError) -> &'static str {
    match e {
        StoreError::ReadOnly { .. } => "readonly",
        _ => "other",
    }
}

fn is_root(dir: &Path) -> bool {
    std::fs::metadata(dir).unwrap().uid() == 0
}

/// Opens `path` as a user without write permission and returns (kind, message).
fn open_without_privileges(dir: &Path, path: &Path) -> (String, String) {
    if !is_root(dir) {
        return match Store::open(path, clock()) {
            Ok(_) => ("opened".into(), String::new()),
            Err(e) => (kind(&e).into(), e.to_string()),
        };
    }
    use std::os::unix::process::CommandExt;
    // The test binary may sit below a folder `nobody` cannot enter (a clone under /root, say):
    // run a copy from a folder anyone can read.
    let exe_dir = tempfile::Builder::new()
        .prefix("hamyar-readonly-child")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(exe_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let exe = exe_dir.path().join("child");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = Command::new(&exe)
        .args([
            "--exact",
            "open::readonly_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, path)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |k: &str| {
        stdout
            .lines()
            .find_map(|l| l.split_once(k).map(|(_, v)| v))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        out.status.success(),
        "child failed: {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (field("RESULT="), field("MESSAGE="))
}

#[test]
fn readonly_file_gives_the_readonly_error() {
    let (dir, path) = temp_db();
    drop(fixture(&path));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = bytes(&path);
    let (kind, message) = open_without_privileges(dir.path(), &path);
    assert_eq!(kind, "readonly", "{message}");
    assert!(
        message.contains(&*path.to_string_lossy()) && message.contains("read-only"),
        "{message}"
    );
    assert_eq!(bytes(&path), before);
}

#[test]
fn readonly_folder_gives_the_readonly_error() {
    let (dir, path) = temp_db();
    drop(fixture(&path));
    // The file itself is writable by the user; only the folder (where -wal and -shm go) is not.
    if is_root(dir.path()) {
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = bytes(&path);
    let (kind, message) = open_without_privileges(dir.path(), &path);
    let fresh = dir.path().join("new.db");
    let (kind_new, message_new) = open_without_privileges(dir.path(), &fresh);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(kind, "readonly", "{message}");
    assert_eq!(kind_new, "readonly", "{message_new}");
    assert!(message_new.contains("new.db"));
    assert_eq!(bytes(&path), before);
    assert!(!fresh.exists());
}

/// The pages a write-ahead log holds, from its frame headers (those of its current generation).
fn pages_in_log(wal: &[u8]) -> std::collections::BTreeSet<u32> {
    let be32 = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    let mut pages = std::collections::BTreeSet::new();
    if wal.len() < 32 {
        return pages;
    }
    let page_size = be32(&wal[8..12]) as usize;
    let salt = &wal[16..24];
    let mut at = 32;
    while at + 24 + page_size <= wal.len() {
        let frame = &wal[at..at + 24];
        if &frame[8..16] != salt {
            break;
        }
        pages.insert(be32(&frame[0..4]));
        at += 24 + page_size;
    }
    pages
}

/// A hamyar killed in the middle of a checkpoint leaves a main file whose pages are part old,
/// part new, and the `-wal` beside it that still holds every committed page: SQLite recovers
/// from the pair. Opening must let SQLite read the pair, not judge the main file alone (seen
/// as `Corrupt` after a kill in `crash::kill_at_random_moments`).
#[test]
fn a_main_file_torn_by_a_killed_checkpoint_opens_through_its_log() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    let mut wal_path = path.as_os_str().to_owned();
    wal_path.push("-wal");
    // What a kill leaves: the file and its log as they are while the writer still runs.
    let wal = bytes(Path::new(&wal_path));
    let mut main = bytes(&path);
    let torn = dir.path().join("torn.db");
    std::fs::write(dir.path().join("torn.db-wal"), &wal).unwrap();
    drop(f);

    let pages = pages_in_log(&wal);
    assert!(
        pages.contains(&1),
        "the log must hold page 1 for this test: {pages:?}"
    );
    let page_size = match u16::from_be_bytes([main[16], main[17]]) {
        1 => 65_536,
        n => usize::from(n),
    };
    // Every page the log supersedes half-copied: garbage in the main file, the header's first
    // 100 bytes (which SQLite reads before the log) left whole.
    for page in &pages {
        let start = (*page as usize - 1) * page_size;
        let from = if *page == 1 { 100 } else { start };
        let end = (start + page_size).min(main.len());
        for b in main.iter_mut().take(end).skip(from) {
            *b = 0xA5;
        }
    }
    std::fs::write(&torn, &main).unwrap();

    let store = Store::open(&torn, clock()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(store.integrity_check().unwrap().is_empty());
    assert_eq!(store.list_meetings(None).unwrap().rows.len(), 1);
}
