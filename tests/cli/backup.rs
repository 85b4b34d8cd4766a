//! `hamyar backup`: a checked, private copy through SQLite's online backup, made while another
//! connection writes; names that never collide; the folder keeps the newest; `doctor` says
//! when the last was made and where.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use predicates::prelude::*;

use super::commands::{demo_db, hamyar};
use hamyar::domain::{Date, FixedClock};
use hamyar::store::Store;

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(Date::from_jalali(1405, 9, 13).unwrap()))
}

/// `hamyar backup` on `db` with the config file `config` and `--today 1405/09/13`.
fn backup(db: &Path, config: &Path) -> assert_cmd::Command {
    let mut cmd = hamyar(db);
    cmd.arg("--config")
        .arg(config)
        .args(["--today", "1405/09/13", "backup"]);
    cmd
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn count(db: &Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_while_another_connection_holds_a_write_is_the_committed_state_checked_and_private() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    // The app is open (a writable Store, as the app holds it), and another connection is in
    // the middle of a write it has not committed.
    let app = Store::open(&db, clock()).unwrap();
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM follow_ups; DELETE FROM statements;")
        .unwrap();
    let statements = {
        let reader = Store::open_read_only(&db, clock()).unwrap();
        reader
            .counts()
            .unwrap()
            .into_iter()
            .find(|(t, _)| *t == "statements")
            .unwrap()
            .1
    };
    assert!(statements > 0);
    let started = std::time::Instant::now();
    backup(&db, &config)
        .assert()
        .success()
        .stderr(predicate::str::contains("پشتیبان در"))
        .stderr(predicate::str::contains("hamyar-1405-09-13-1.db"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "the backup waited for the writer's lock: {:?}",
        started.elapsed()
    );
    writer.execute_batch("COMMIT").unwrap();
    let folder = dir.path().join("demo-backups");
    assert_eq!(
        names(&folder),
        ["hamyar-1405-09-13-1.db"],
        "no temporary file left"
    );
    let copy = folder.join("hamyar-1405-09-13-1.db");
    #[cfg(unix)]
    {
        assert_eq!(mode(&copy), 0o600);
        assert_eq!(mode(&folder), 0o700);
    }
    // The copy: sound, hamyar's, self-contained (no -wal beside it), the committed state.
    let read = Store::open_read_only(&copy, clock()).unwrap();
    assert!(read.integrity_check().unwrap().is_empty());
    drop(read);
    assert_eq!(count(&copy, "statements"), statements as i64);
    assert_eq!(
        count(&db, "statements"),
        0,
        "the writer's commit reached the database"
    );
    assert!(!folder.join("hamyar-1405-09-13-1.db-wal").exists());
    // The backup's own connection left the app's locks alone: its -wal is still there.
    assert!(db.with_file_name("demo.db-wal").exists());
    drop(app);
}

#[test]
fn default_names_never_collide_and_the_folder_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let folder = dir.path().join("بک‌آپ ها (SMS)");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[backup]\nkeep = 3\ndir = \"{}\"\n", folder.display()),
    )
    .unwrap();
    // Someone else's file in the folder is never pruned.
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("notes.txt"), "یادداشت").unwrap();
    for _ in 0..5 {
        backup(&db, &config).assert().success();
    }
    assert_eq!(
        names(&folder),
        [
            "hamyar-1405-09-13-3.db",
            "hamyar-1405-09-13-4.db",
            "hamyar-1405-09-13-5.db",
            "notes.txt"
        ]
    );
    // A config key hamyar does not know is refused, as every other.
    std::fs::write(&config, "[backup]\nkeeep = 3\n").unwrap();
    backup(&db, &config)
        .assert()
        .failure()
        .stderr(predicate::str::contains("keeep"));
}

#[test]
fn o_names_the_copy_and_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let out: PathBuf = dir.path().join("نسخه «آذر».db");
    std::fs::write(&out, b"an old copy").unwrap();
    backup(&db, &config)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("نسخه «آذر».db"));
    assert_eq!(count(&out, "decisions"), 10);
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600);
    assert!(
        !dir.path().join("demo-backups").exists(),
        "-o writes only FILE"
    );
    // English, and into a folder that does not exist: one sentence, a failure, nothing left.
    let nowhere = dir.path().join("missing").join("x.db");
    hamyar(&db)
        .arg("--config")
        .arg(&config)
        .args(["--lang", "en", "backup", "-o"])
        .arg(&nowhere)
        .assert()
        .failure()
        .code(predicate::ne(0))
        .stderr(predicate::str::contains("x.db"));
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn no_database_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nothing.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    backup(&db, &config)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing.db"));
    assert!(!db.exists(), "a backup never creates the database");
    assert!(!dir.path().join("nothing-backups").exists());
}

#[test]
fn doctor_says_when_the_last_backup_was_made_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let doctor = |lang: &str| {
        let out = hamyar(&db)
            .arg("--config")
            .arg(&config)
            .args(["--lang", lang, "doctor"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let before = doctor("en");
    assert!(before.contains("no backup yet in"), "{before}");
    assert!(before.contains("demo-backups"), "{before}");
    backup(&db, &config).assert().success();
    let en = doctor("en");
    let line = en.lines().find(|l| l.contains("last backup:")).unwrap();
    assert!(line.contains("hamyar-1405-09-13-1.db"), "{line}");
    // Written just now, said as the local day and time.
    let now = jiff::Zoned::now();
    assert!(
        line.contains(&now.strftime("%Y-%m-%d").to_string()),
        "{line}"
    );
    let fa = doctor("fa");
    let line = fa.lines().find(|l| l.contains("آخرین پشتیبان:")).unwrap();
    let today = hamyar::domain::SystemClock;
    let day = hamyar::domain::Clock::today(&today).jalali().persian();
    assert!(
        line.contains(&day),
        "the Solar Hijri day in Persian digits: {line}"
    );
    assert!(line.contains("hamyar-1405-09-13-1.db"), "{line}");
}

#[test]
fn a_file_of_an_older_hamyar_is_copied_as_it_is_before_its_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    first_schema_db(&db);
    let before = std::fs::read(&db).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let copy = dir.path().join("before-upgrade.db");
    backup(&db, &config).arg("-o").arg(&copy).assert().success();
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the original is not upgraded"
    );
    let c = rusqlite::Connection::open(&copy).unwrap();
    let version: u32 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(count(&copy, "agencies"), 1);
}

/// `hamyar restore FILE` on `db`, as `backup` runs it.
fn restore(db: &Path, config: &Path, file: &Path) -> assert_cmd::Command {
    let mut cmd = hamyar(db);
    cmd.arg("--config")
        .arg(config)
        .args(["--today", "1405/09/13", "restore"])
        .arg(file);
    cmd
}

fn categories(db: &Path) -> Vec<String> {
    let store = Store::open_read_only(db, clock()).unwrap();
    store
        .list_categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn restore_brings_a_backup_back_whole_and_keeps_what_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let copy = dir.path().join("پیش از نشست ۳.db");
    backup(&db, &config).arg("-o").arg(&copy).assert().success();
    let before = categories(&db);
    hamyar(&db)
        .args(["category", "add", "وام «قرض‌الحسنه» (SMS)"])
        .assert()
        .success();
    assert_eq!(categories(&db).len(), before.len() + 1);
    restore(&db, &config, &copy)
        .assert()
        .success()
        .stderr(predicate::str::contains("برگردانده شد"))
        .stderr(predicate::str::contains("hamyar-1405-09-13-1.db"));
    assert_eq!(categories(&db), before, "the backup's state, whole");
    let store = Store::open(&db, clock()).unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    // What it replaced is a backup of its own: the restore can be taken back.
    let kept = dir
        .path()
        .join("demo-backups")
        .join("hamyar-1405-09-13-1.db");
    assert_eq!(categories(&kept).len(), before.len() + 1);
    restore(&db, &config, &kept).assert().success();
    assert_eq!(categories(&db).len(), before.len() + 1);
}

#[test]
fn restore_is_refused_while_anything_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let copy = dir.path().join("copy.db");
    backup(&db, &config).arg("-o").arg(&copy).assert().success();
    let mut app = Store::open(&db, clock()).unwrap();
    app.add_category(&hamyar::domain::Category {
        id: hamyar::domain::Id::new(),
        name: "اخذ مجوز".into(),
        order: 9,
        archived: false,
        series: None,
    })
    .unwrap();
    let names = categories(&db);
    for lang in ["fa", "en"] {
        hamyar(&db)
            .arg("--config")
            .arg(&config)
            .args(["--lang", lang, "restore"])
            .arg(&copy)
            .assert()
            .failure()
            .stderr(predicate::str::contains("demo.db"));
    }
    assert_eq!(categories(&db), names, "nothing changed");
    assert!(
        !dir.path().join("demo-backups").exists(),
        "nothing kept either"
    );
    // The app goes on writing as before.
    app.add_category(&hamyar::domain::Category {
        id: hamyar::domain::Id::new(),
        name: "کد بهداشتی".into(),
        order: 10,
        archived: false,
        series: None,
    })
    .unwrap();
    drop(app);
    assert_eq!(categories(&db).len(), names.len() + 1);
    // A file that is not a hamyar database is no backup.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database").unwrap();
    restore(&db, &config, &junk).assert().failure();
    assert_eq!(categories(&db).len(), names.len() + 1);
}

/// A database of the first schema, with one agency, closed.
fn first_schema_db(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    c.execute_batch(include_str!("../fixtures/schema-1/schema.sql"))
        .unwrap();
    c.execute(
        "INSERT INTO agencies (id, name, names_f) VALUES ('a1', 'صندوق کارآفرینی امید', 'صندوق کارافرینی امید')",
        [],
    )
    .unwrap();
}

#[test]
fn the_first_write_of_a_newer_hamyar_keeps_the_old_file_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    first_schema_db(&db);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let add = |name: &str| {
        hamyar(&db)
            .arg("--config")
            .arg(&config)
            .args(["--today", "1405/09/13", "category", "add", name])
            .assert()
            .success();
    };
    add("اخذ مجوز (۱۴۰۵)");
    let kept = dir
        .path()
        .join("old-backups")
        .join("hamyar-1405-09-13-1.db");
    let c = rusqlite::Connection::open(&kept).unwrap();
    let version: u32 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the file as it was before the upgrade");
    drop(c);
    assert_eq!(count(&kept, "agencies"), 1);
    // Upgraded now: the next write makes no other copy.
    add("کد بهداشتی");
    assert_eq!(
        names(&dir.path().join("old-backups")),
        ["hamyar-1405-09-13-1.db"]
    );
    assert_eq!(count(&db, "categories"), 2);
    // With backups off, none.
    let other = dir.path().join("other.db");
    first_schema_db(&other);
    std::fs::write(&config, "[backup]\nkeep = 0\n").unwrap();
    hamyar(&other)
        .arg("--config")
        .arg(&config)
        .args(["category", "add", "اخذ مجوز"])
        .assert()
        .success();
    assert!(!dir.path().join("other-backups").exists());
}
