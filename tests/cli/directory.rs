//! `hamyar directory import|export`: CSV (with or without BOM) and XLSX, folded names,
//! unknown agencies created, `--dry-run`, all or nothing, and files that are not tables.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use super::commands::hamyar;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/directory")
        .join(name)
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn series(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("new.db");
    hamyar(&db)
        .args(["series", "new", "--title", "کارگروه اشتغال زنان"])
        .assert()
        .success();
    db
}

#[test]
fn an_xlsx_and_a_csv_import_with_folded_names_and_a_dry_run_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = series(&dir);
    let changes = count(&db, "changes");
    hamyar(&db)
        .args(["--lang", "en", "directory", "import", "--dry-run"])
        .arg(fixture("people.xlsx"))
        .assert()
        .success()
        .stdout(predicate::str::contains("2 people would be added"));
    assert_eq!(count(&db, "changes"), changes, "a dry run writes nothing");
    hamyar(&db)
        .args(["directory", "import"])
        .arg(fixture("people.xlsx"))
        .assert()
        .success()
        .stdout(predicate::str::contains("صندوق مهر امام رضا (ع)"));
    assert_eq!((count(&db, "people"), count(&db, "agencies")), (2, 3));
    assert_eq!(count(&db, "invitees"), 1);
    // The same people in CSV with a BOM, Arabic letters, another title and Persian digits.
    let csv = dir.path().join("more.csv");
    std::fs::write(
        &csv,
        "\u{feff}نام,سمت,دستگاه\r\nخانم آزيتا سعيدي,کارشناس ارشد (۱۴۰۵),بهزيستي استان كرمان\r\n,,\r\nمهندس فکری,مدیرعامل,صندوق کارآفرینی امید\r\n",
    )
    .unwrap();
    hamyar(&db)
        .args(["--lang", "en", "directory", "import"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 people added, 1 updated"));
    assert_eq!((count(&db, "people"), count(&db, "agencies")), (3, 4));
    let out = hamyar(&db)
        .args(["directory", "export"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM for spreadsheets");
    assert!(
        text.contains(
            "خانم آزیتا سعیدی,کارشناس ارشد (۱۴۰۵),بهزیستی استان کرمان,کارگروه اشتغال زنان"
        ),
        "{text}"
    );
    // Exported and imported again, nothing changes.
    let again = dir.path().join("again.csv");
    std::fs::write(&again, text).unwrap();
    let changes = count(&db, "changes");
    hamyar(&db)
        .args(["--lang", "en", "directory", "import"])
        .arg(&again)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 people added, 0 updated"));
    assert_eq!(count(&db, "changes"), changes);
}

#[test]
fn a_file_that_is_not_a_table_or_names_an_unknown_series_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = series(&dir);
    let changes = count(&db, "changes");
    let bin = dir.path().join("photo.csv");
    std::fs::write(&bin, [0xff_u8, 0xd8, 0xff, 0xe0, 0, 1, 2]).unwrap();
    let no_header = dir.path().join("list.csv");
    std::fs::write(&no_header, "خانم احمدی,کارشناس\n").unwrap();
    let unknown = dir.path().join("unknown.csv");
    std::fs::write(
        &unknown,
        "name,agency,invitee_of\nآقای کاظمی,اداره کل تعاون,\nخانم احمدی,بانک ملی,کمیته‌ای که نیست\n",
    )
    .unwrap();
    for (file, said) in [
        (&bin, "not a table"),
        (&no_header, "should name the columns"),
        (&unknown, "line 3"),
        (&dir.path().join("missing.csv"), "could not be read"),
    ] {
        hamyar(&db)
            .args(["--lang", "en", "directory", "import"])
            .arg(file)
            .assert()
            .failure()
            .stderr(predicate::str::contains(said));
    }
    assert_eq!(count(&db, "changes"), changes, "all or nothing");
    assert_eq!(count(&db, "agencies"), 0, "not even the first row's agency");
}

#[test]
fn ten_thousand_rows_in_one_action() {
    let dir = tempfile::tempdir().unwrap();
    let db = series(&dir);
    let mut csv = String::from("name,title,agency\n");
    for i in 0..10_000 {
        csv.push_str(&format!("عضو شمارهٔ {i},کارشناس,دستگاه {}\n", i % 40));
    }
    let file = dir.path().join("big.csv");
    std::fs::write(&file, csv).unwrap();
    hamyar(&db)
        .args(["--lang", "en", "directory", "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("10000 people added"));
    assert_eq!((count(&db, "people"), count(&db, "agencies")), (10_000, 40));
    // One undoable action.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let actions: i64 = conn
        .query_row(
            "SELECT count(DISTINCT txn) FROM changes WHERE action = 'import_directory'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actions, 1);
}
