//! Backups through SQLite's online backup API while a `Store` of another thread is in the
//! middle of a write: the copy is the committed state, made without waiting for the writer.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::support::*;
use hamyar::store::Store;

#[test]
fn a_backup_during_another_stores_write_copies_the_committed_state() {
    let (dir, path) = temp_db();
    drop(open(&path)); // the schema, no data: `fill_empty` may hold its write open
    let (ready_tx, ready_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut store = open(&path);
            store
                .fill_empty(|s| -> Result<(), hamyar::store::StoreError> {
                    s.add_agency(&agency("بانک کشاورزی", "Bank Keshavarzi", "کشاورزی"))?;
                    ready_tx.send(()).unwrap();
                    // Holds the write open until the backup is done.
                    done_rx.recv().unwrap();
                    Ok(())
                })
                .unwrap();
        })
    };
    ready_rx.recv().unwrap();
    let source = Store::open_read_only(&path, clock()).unwrap();
    let folder = dir.path().join("backups");
    let started = Instant::now();
    let copy = hamyar::backup::write_new(&source, &folder, today(), 10).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "it waited for the writer"
    );
    done_tx.send(()).unwrap();
    writer.join().unwrap();
    let copied = Store::open_read_only(&copy, clock()).unwrap();
    assert!(copied.integrity_check().unwrap().is_empty());
    assert!(
        copied.list_agencies().unwrap().is_empty(),
        "nothing uncommitted"
    );
    assert_eq!(
        open(&path).list_agencies().unwrap().len(),
        1,
        "the write went on"
    );
    // A second backup sees the commit, under the next name.
    let again = hamyar::backup::write_new(&source, &folder, today(), 10).unwrap();
    assert_ne!(copy, again);
    drop(source);
    let copied = Store::open_read_only(&again, clock()).unwrap();
    assert_eq!(copied.list_agencies().unwrap().len(), 1);
}

#[test]
fn a_damaged_database_gives_no_backup() {
    let (dir, path) = temp_db();
    let f = fixture(&path);
    drop(f);
    // Garbage over an index's page, as a bad disk would leave it.
    let root: i64 = {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
        c.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'decisions_lead'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let start = (root as usize - 1) * 4096;
    for b in &mut bytes[start..start + 64] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let folder = dir.path().join("backups");
    let result = Store::open_read_only(&path, clock())
        .and_then(|s| hamyar::backup::write_new(&s, &folder, today(), 10));
    assert!(
        matches!(result, Err(hamyar::store::StoreError::BackupUnsound { .. })),
        "{result:?}"
    );
    let left: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| d.collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "no copy kept, no temporary left: {left:?}");
}

#[test]
fn the_folder_keeps_the_newest_ten_by_default() {
    let (dir, path) = temp_db();
    drop(fixture(&path));
    let settings = hamyar::backup::BackupSettings::resolve(&Default::default(), &path);
    assert_eq!(settings.keep, 10);
    assert_eq!(settings.dir, dir.path().join("hamyar-backups"));
    let store = Store::open_read_only(&path, clock()).unwrap();
    for _ in 0..12 {
        hamyar::backup::write_new(&store, &settings.dir, today(), settings.keep).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&settings.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort_by_key(|n| (n.len(), n.clone())); // -3 … -9, then -10 … -12
    let expected: Vec<String> = (3..=12)
        .map(|n| format!("hamyar-1393-02-15-{n}.db"))
        .collect();
    assert_eq!(names, expected);
    assert_eq!(
        hamyar::backup::latest(&settings.dir).unwrap().path,
        settings.dir.join("hamyar-1393-02-15-12.db"),
        "the newest by number, not by spelling"
    );
}
