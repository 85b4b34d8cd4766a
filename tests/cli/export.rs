//! `hamyar export` and `hamyar import` through the real binary: golden minutes of the demo's
//! meeting 2 in every format, the follow-up list, file names, and the PDF without LibreOffice.
//!
//! The goldens live in `tests/fixtures/export/`; `HAMYAR_BLESS=1 cargo test --test cli export`
//! rewrites them (see `regenerate.sh` there, which also renders the PNGs for people to look at).

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn hamyar(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hamyar").unwrap();
    cmd.env_remove("HAMYAR_DB")
        .env_remove("HAMYAR_TODAY")
        .arg("--db")
        .arg(db);
    cmd
}

pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    hamyar(&db).arg("demo").assert().success();
    db
}

/// `hamyar export ARGS` on the day of meeting 2 (unless ARGS say otherwise); its stdout. A
/// minutes file is validated against `docs/minutes.schema.json` on the way.
pub fn export(db: &Path, args: &[&str]) -> Vec<u8> {
    let mut cmd = hamyar(db);
    if !args.contains(&"--today") {
        cmd.args(["--today", "1393/02/16"]);
    }
    let out = cmd
        .arg("export")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    if args.windows(2).any(|w| w == ["--format", "json"]) {
        validate_minutes_file(&serde_json::from_slice(&out).unwrap());
    }
    out
}

/// Fails the test unless `file` is valid by the minutes file's JSON Schema.
pub fn validate_minutes_file(file: &serde_json::Value) {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    let validator = SCHEMA.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/minutes.schema.json");
        let schema = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    });
    let errors: Vec<String> = validator
        .iter_errors(file)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "not valid by the schema: {errors:#?}");
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

/// Ids and clock times differ on every run: each UUID becomes `<id-N>` (N by first
/// appearance) and each timestamp `<time>`.
pub fn normalise(text: &str) -> String {
    let mut ids: Vec<String> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(id) = rest.get(..36).filter(|w| is_uuid(w)) {
            let n = match ids.iter().position(|x| x == id) {
                Some(n) => n,
                None => {
                    ids.push(id.to_string());
                    ids.len() - 1
                }
            };
            out.push_str(&format!("<id-{}>", n + 1));
            i += 36;
        } else if rest.get(..20).is_some_and(is_timestamp) {
            out.push_str("<time>");
            i += 20;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn is_uuid(w: &str) -> bool {
    w.bytes().enumerate().all(|(i, b)| match i {
        8 | 13 | 18 | 23 => b == b'-',
        _ => b.is_ascii_hexdigit() && !b.is_ascii_uppercase(),
    })
}

fn is_timestamp(w: &str) -> bool {
    w.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        10 => b == b'T',
        13 | 16 => b == b':',
        19 => b == b'Z',
        _ => b.is_ascii_digit(),
    })
}

/// Compares with the golden file, or writes it under `HAMYAR_BLESS=1`.
fn golden(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("HAMYAR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; regenerate with HAMYAR_BLESS=1", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// The XML parts of a DOCX package by name, each as text (embedded fonts and images left out).
pub fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.ends_with(".odttf") || name.starts_with("word/media/") {
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        parts.push((name, text));
    }
    parts
}

#[test]
fn golden_minutes_of_demo_meeting_2_in_every_text_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    for (format, lang) in [
        ("md", "fa"),
        ("html", "fa"),
        ("json", "fa"),
        ("csv", "fa"),
        ("md", "en"),
    ] {
        let out = export(&db, &["--meeting", "2", "--format", format, "--lang", lang]);
        let text = String::from_utf8(out).unwrap();
        golden(&format!("minutes-2.{lang}.{format}"), &normalise(&text));
    }
}

#[test]
fn golden_docx_compared_part_by_part() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out_file = dir.path().join("m.docx");
    hamyar(&db)
        .args(["export", "--meeting", "2", "--format", "docx", "-o"])
        .arg(&out_file)
        .assert()
        .success();
    let parts = docx_parts(&std::fs::read(&out_file).unwrap());
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 12, "{names:?}");
    for (name, text) in &parts {
        golden(&format!("minutes-2.fa.docx/{name}"), &normalise(text));
    }
    let document = &parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    for needle in [
        "<w:bidi/>",
        "<w:rtl/>",
        "<w:bidiVisual/>",
        "<w:tblHeader/>",
        "w:w=\"11906\"",
    ] {
        assert!(document.contains(needle), "document.xml lacks {needle}");
    }
    // Every decision names its agency and its Solar Hijri deadline.
    for due in [
        "۱۳۹۳/۰۳/۳۱",
        "۱۳۹۳/۰۴/۱۵",
        "۱۳۹۳/۰۶/۳۱",
        "۱۳۹۳/۰۴/۳۱",
        "۱۳۹۳/۰۵/۱۵",
        "۱۳۹۳/۰۳/۱۵",
        "۱۳۹۳/۰۴/۱۰",
    ] {
        assert!(document.contains(due), "no deadline {due}");
    }
}

#[test]
fn golden_follow_up_list_of_one_agency() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // «بهزیستی» is in three agencies' names but is one agency's short name.
    let md = export(
        &db,
        &[
            "--agency",
            "بهزیستی",
            "--format",
            "md",
            "--today",
            "1393/06/01",
        ],
    );
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("| ۱/۲ |"), "{md}");
    golden("follow-ups-behzisti.fa.md", &normalise(&md));
    let html = export(
        &db,
        &["--agency", "Imam Reza", "--format", "html", "--lang", "en"],
    );
    golden(
        "follow-ups-mehr.en.html",
        &normalise(&String::from_utf8(html).unwrap()),
    );
    hamyar(&db)
        .args(["export", "--agency", "بهزیستی", "--format", "csv"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("md، html، docx یا pdf"));
    hamyar(&db)
        .args([
            "--lang",
            "en",
            "export",
            "--agency",
            "استان کرمان",
            "--format",
            "md",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("several agencies match"));
}

#[test]
fn binary_formats_go_to_a_readable_file_name_text_formats_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    hamyar(&db)
        .current_dir(dir.path())
        .args(["export", "--meeting", "2", "--format", "docx"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("soratjalase-2-1393-02-16.docx"));
    let file = dir.path().join("soratjalase-2-1393-02-16.docx");
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    hamyar(&db)
        .current_dir(dir.path())
        .args([
            "--lang",
            "en",
            "export",
            "--meeting",
            "1",
            "--format",
            "docx",
        ])
        .assert()
        .success();
    assert!(dir.path().join("minutes-1-2014-03-11.docx").exists());
    let md = export(&db, &["--meeting", "1", "--format", "md"]);
    assert!(
        String::from_utf8(md)
            .unwrap()
            .contains("صورتجلسهٔ نشست شمارهٔ ۱")
    );
    hamyar(&db)
        .args(["export", "--meeting", "9", "--format", "md"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("نشست ۹ وجود ندارد"));
}

#[test]
fn pdf_without_libreoffice_names_the_debian_package_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let empty = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.pdf");
    hamyar(&db)
        .env("PATH", empty.path())
        .args(["export", "--meeting", "2", "--format", "pdf", "-o"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("libreoffice-writer-nogui"));
    assert!(!out.exists(), "no half-written PDF");
}

/// Two letters to one agency on one day (DOCX), and the minutes twice: each export gets its own
/// file, and the first is never written over; `-o FILE` replaces, whole.
#[test]
fn exports_never_replace_a_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let letter = |dir: &Path| {
        hamyar(&db)
            .current_dir(dir)
            .args(["export", "--agency", "صندوق مهر", "--format", "docx"])
            .assert()
            .success();
    };
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    letter(&out);
    let names = |dir: &Path| {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    let first = names(&out);
    assert_eq!(first.len(), 1, "{first:?}");
    let first_bytes = std::fs::read(out.join(&first[0])).unwrap();
    letter(&out);
    let both = names(&out);
    assert_eq!(
        both.len(),
        2,
        "the second letter has a name of its own: {both:?}"
    );
    assert!(
        both[0].ends_with("-2.docx") || both[1].ends_with("-2.docx"),
        "{both:?}"
    );
    assert_eq!(std::fs::read(out.join(&first[0])).unwrap(), first_bytes);

    for _ in 0..2 {
        hamyar(&db)
            .current_dir(&out)
            .args(["export", "--meeting", "2", "--format", "docx"])
            .assert()
            .success();
    }
    assert!(out.join("soratjalase-2-1393-02-16.docx").exists());
    assert!(out.join("soratjalase-2-1393-02-16-2.docx").exists());

    // Named with -o, the file is replaced (atomically: no temporary left beside it).
    let named = out.join("minutes.md");
    std::fs::write(&named, "old").unwrap();
    hamyar(&db)
        .args(["export", "--meeting", "2", "--format", "md", "-o"])
        .arg(&named)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&named)
            .unwrap()
            .contains("صورتجلسه")
    );
    assert_eq!(names(&out).len(), 5, "{:?}", names(&out));
}
