//! `hamyar import`: the JSON round trip, idempotence, refusal of newer and foreign files,
//! merges between two laptops' databases, and text that must stay inert in every format.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use hamyar::domain::{Date, DecisionStatus, FixedClock, Id, Meeting, MeetingStatus};
use hamyar::store::{NewDecision, Store};
use serde_json::Value;

use super::export::{demo_db, docx_parts, export, hamyar};

fn open(db: &Path) -> Store {
    let day = Date::from_jalali(1393, 2, 16).unwrap();
    Store::open(db, Arc::new(FixedClock(day))).unwrap()
}

fn meeting(store: &Store, number: u32) -> Meeting {
    store
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .find(|m| m.number == number)
        .unwrap()
}

fn decision_id(store: &Store, meeting_number: u32, item: u32) -> Id {
    let m = meeting(store, meeting_number);
    store
        .list_decisions(&m.id)
        .unwrap()
        .into_iter()
        .find(|d| d.number.item == item)
        .unwrap()
        .id
}

fn import(db: &Path, file: &Path) -> String {
    let out = hamyar(db)
        .args(["--lang", "en", "import"])
        .arg(file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn changes(db: &Path) -> u64 {
    let store = open(db);
    let counts = store.counts().unwrap();
    counts.iter().find(|(t, _)| *t == "changes").unwrap().1
}

#[test]
fn json_round_trip_through_an_empty_database_is_exact_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_db(dir.path());
    let first = export(&a, &["--meeting", "2", "--format", "json"]);
    let file = dir.path().join("m2.json");
    std::fs::write(&file, &first).unwrap();

    let b = dir.path().join("b.db");
    let report = import(&b, &file);
    assert!(
        report.contains("0 updated") && report.contains("0 conflicts"),
        "{report}"
    );
    let again = export(&b, &["--meeting", "2", "--format", "json"]);
    // Only the time of export may differ.
    let unstamped = |file: &[u8]| {
        let mut v: Value = serde_json::from_slice(file).unwrap();
        v["exported_at"] = Value::Null;
        v
    };
    assert!(
        unstamped(&first) == unstamped(&again),
        "export → import → export changed the file"
    );
    // The Persian minutes read the same from either database.
    assert_eq!(
        export(&a, &["--meeting", "2", "--format", "md"]),
        export(&b, &["--meeting", "2", "--format", "md"])
    );

    let before = changes(&b);
    let report = import(&b, &file);
    assert!(report.starts_with("Imported: 0 new, 0 updated"), "{report}");
    assert_eq!(changes(&b), before, "a second import writes nothing");
    let report = import(&a, &file);
    assert!(
        report.starts_with("Imported: 0 new, 0 updated"),
        "into its origin: {report}"
    );
}

#[test]
fn a_version_1_file_without_export_stamp_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_db(dir.path());
    let mut v: Value =
        serde_json::from_slice(&export(&a, &["--meeting", "2", "--format", "json"])).unwrap();
    assert_eq!(v["version"], 2);
    assert!(v["exported_at"].is_string() && v["generator"].is_string());
    let object = v.as_object_mut().unwrap();
    object.remove("exported_at");
    object.remove("generator");
    v["version"] = Value::from(1);
    super::export::validate_minutes_file(&v);
    let old = dir.path().join("v1.json");
    std::fs::write(&old, serde_json::to_vec(&v).unwrap()).unwrap();
    let b = dir.path().join("b.db");
    let report = import(&b, &old);
    assert!(report.starts_with("Imported: "), "{report}");
    assert_eq!(meeting(&open(&b), 2).number, 2);
}

#[test]
fn a_newer_or_foreign_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_db(dir.path());
    let mut v: Value =
        serde_json::from_slice(&export(&a, &["--meeting", "2", "--format", "json"])).unwrap();
    v["version"] = Value::from(3);
    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, serde_json::to_vec(&v).unwrap()).unwrap();
    let b = dir.path().join("b.db");
    hamyar(&b)
        .arg("import")
        .arg(&newer)
        .assert()
        .failure()
        .stderr(
            predicates::str::contains("همیاری تازه‌تر").and(predicates::str::contains("نسخهٔ ۳")),
        );
    let other = dir.path().join("other.json");
    std::fs::write(&other, br#"{"meetings": []}"#).unwrap();
    hamyar(&b)
        .arg("import")
        .arg(&other)
        .assert()
        .failure()
        .stderr(predicates::str::contains("پروندهٔ صورتجلسهٔ همیار نیست"));
    v["version"] = Value::from(1);
    v["decisions"][0]["lead_agency"] = Value::from("00000000-0000-7000-8000-000000000000");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, serde_json::to_vec(&v).unwrap()).unwrap();
    hamyar(&b)
        .args(["--lang", "en", "import"])
        .arg(&broken)
        .assert()
        .failure()
        .stderr(predicates::str::contains("nothing was imported"));
    hamyar(&b)
        .arg("import")
        .arg(&broken)
        .assert()
        .failure()
        .stderr(predicates::str::contains("چیزی وارد نشد"));
    assert!(
        open(&b).list_meetings(None).unwrap().rows.is_empty(),
        "all or nothing"
    );
}

#[test]
fn two_laptops_merge_the_newer_change_wins_and_the_conflict_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_db(dir.path());
    let b = dir.path().join("b.db");
    let file = dir.path().join("m2.json");
    std::fs::write(&file, export(&a, &["--meeting", "2", "--format", "json"])).unwrap();
    import(&b, &file);

    // Laptop B reports on decision 2/1; a second later laptop A reports on 2/1 and 2/2.
    {
        let mut store = open(&b);
        let d = decision_id(&store, 2, 1);
        store
            .record_follow_up(&d, DecisionStatus::InProgress, "گزارش لپ‌تاپ ب")
            .unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(1100));
    {
        let mut store = open(&a);
        for item in [1, 2] {
            let d = decision_id(&store, 2, item);
            store
                .record_follow_up(&d, DecisionStatus::Done, "گزارش لپ‌تاپ الف")
                .unwrap();
        }
    }
    let newer = dir.path().join("m2-newer.json");
    std::fs::write(&newer, export(&a, &["--meeting", "2", "--format", "json"])).unwrap();
    let report = import(&b, &newer);
    assert!(report.contains("1 conflicts"), "{report}");
    assert!(
        report.contains(
            "decision «\u{2068}2/1\u{2069}» was changed on both sides; the file's newer change"
        ),
        "{report}"
    );
    assert!(
        report.contains("2 new") && report.contains("1 updated"),
        "{report}"
    );
    let store = open(&b);
    for item in [1, 2] {
        let d = store.get_decision(&decision_id(&store, 2, item)).unwrap();
        assert_eq!(d.status, DecisionStatus::Done, "2/{item}");
    }
    assert_eq!(
        store
            .list_follow_ups(&decision_id(&store, 2, 1))
            .unwrap()
            .len(),
        2
    );
    drop(store);

    // The older file, once more: B already moved past it, so nothing changes, silently.
    let report = import(&b, &file);
    assert!(report.contains("0 conflicts"), "{report}");
    assert!(report.contains("older than here"), "{report}");
    assert_eq!(
        open(&b)
            .get_decision(&decision_id(&open(&b), 2, 1))
            .unwrap()
            .status,
        DecisionStatus::Done
    );
}

#[test]
fn minutes_approved_here_are_not_changed_by_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo_db(dir.path());
    let b = dir.path().join("b.db");
    let file = dir.path().join("m1.json");
    let json = export(&a, &["--meeting", "1", "--format", "json"]);
    std::fs::write(&file, &json).unwrap();
    import(&b, &file);
    let mut v: Value = serde_json::from_slice(&json).unwrap();
    let id = v["decisions"][0]["id"].as_str().unwrap().to_string();
    v["decisions"][0]["text"] = Value::from("متن دست‌کاری‌شده");
    v["changed_at"][&id] = Value::from("2099-01-01T00:00:00Z");
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    let report = import(&b, &file);
    assert!(
        report.contains("belongs to a meeting approved here"),
        "{report}"
    );
    let store = open(&b);
    assert_eq!(meeting(&store, 1).status, MeetingStatus::Approved);
    assert_ne!(
        store.get_decision(&Id::from_string(id)).unwrap().text,
        "متن دست‌کاری‌شده"
    );
}

/// Every kind of hostile text, with every bidi control: the overrides, embeddings and isolates
/// left open, and closers with nothing to close (the Trojan Source vectors).
const NASTY: &str = "=HYPERLINK(\"http://x.example\",\"click\") <script>alert(1)</script> ]]> \u{1}a\u{FFFE}b \u{202E}fdp.exe\u{202C} & ‌نیم‌فاصله \u{2069}\u{202C} \u{202D}LRO \u{202A}LRE \u{202B}RLE \u{2066}LRI \u{2067}RLI \u{2068}FSI \u{200E}\u{200F}\u{61C}";

/// A database whose meeting 2 holds a decision and an agency with hostile text.
fn nasty_db(dir: &Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    let mut store = open(&db);
    let agency = hamyar::domain::Agency {
        id: Id::new(),
        name: format!("@SUM(A1) {NASTY}"),
        name_en: String::new(),
        short_name: String::new(),
        active: true,
    };
    store.add_agency(&agency).unwrap();
    let m = meeting(&store, 2);
    store
        .record_decision(&NewDecision {
            meeting: m.id,
            issue: None,
            text: NASTY.to_string(),
            lead_agency: agency.id,
            supporting_agencies: vec![],
            due: None,
        })
        .unwrap();
    db
}

fn assert_no_raw_controls(what: &str, text: &str) {
    // JSON (escaped) and the store may carry U+FFFE (no terminal control); every other format
    // drops it.
    let nonchar: &[char] = if matches!(what, "json" | "stored") {
        &[]
    } else {
        &['\u{FFFE}']
    };
    for c in ['\u{1}', '\u{202D}', '\u{202E}'].iter().chain(nonchar) {
        let c = *c;
        assert!(!text.contains(c), "{what} carries U+{:04X}", u32::from(c));
    }
    if what == "stored" {
        // Isolates and embeddings are kept as typed, and the overrides shown as marks.
        assert!(
            text.contains("\u{2066}LRI") && text.contains("◂fdp.exe"),
            "{text:?}"
        );
    } else {
        // Every field balanced, so none can reorder anything outside itself: no PDF or PDI
        // closes what a field did not open, and every isolate and embedding a field opens is
        // closed by its end.
        assert!(
            hamyar::text::is_field_sanitized(&text.replace('\r', "")),
            "{what} leaves a bidi control unbalanced"
        );
    }
}

#[test]
fn hostile_text_is_inert_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = nasty_db(dir.path());

    let html = String::from_utf8(export(&db, &["--meeting", "2", "--format", "html"])).unwrap();
    assert_no_raw_controls("html", &html);
    let page = scraper::Html::parse_document(&html);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let all = scraper::Selector::parse("*").unwrap();
    for el in page.select(&all) {
        assert_ne!(el.value().name(), "script");
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}");
            assert!(!value.contains("javascript:"), "{name}={value}");
        }
    }
    let body = scraper::Selector::parse("body").unwrap();
    let text: String = page.select(&body).next().unwrap().text().collect();
    assert!(
        text.contains("<script>alert(1)</script> ]]>"),
        "shown as text"
    );

    let md = String::from_utf8(export(&db, &["--meeting", "2", "--format", "md"])).unwrap();
    assert_no_raw_controls("markdown", &md);
    assert!(!md.contains("<script>") && md.contains("\\<script\\>"));

    let csv = export(&db, &["--meeting", "2", "--format", "csv"]);
    let csv = String::from_utf8(csv).unwrap();
    assert_no_raw_controls("csv", &csv);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let mut found = false;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula cell {cell:?}"
            );
            found |= cell.starts_with("'=HYPERLINK(");
        }
    }
    assert!(found, "the decision is there, neutralized");

    let json = export(&db, &["--meeting", "2", "--format", "json"]);
    let json = String::from_utf8(json).unwrap();
    assert_no_raw_controls("json", &json);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["text"] == *hamyar::text::sanitize(NASTY)),
        "stored sanitized, exported as stored"
    );

    let file = dir.path().join("nasty.docx");
    hamyar(&db)
        .args([
            "--today",
            "1393/02/16",
            "export",
            "--meeting",
            "2",
            "--format",
            "docx",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();
    let bytes = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    assert_no_raw_controls("docx", &document);
    let mut shown = String::new();
    let mut nodes = Vec::new();
    for (name, part) in docx_parts(&bytes) {
        let mut reader = quick_xml::Reader::from_str(&part);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) if name == "word/document.xml" => {
                    shown.push_str(&t.xml10_content());
                    nodes.push(t.xml10_content().into_owned());
                }
                Ok(quick_xml::events::Event::GeneralRef(r)) if name == "word/document.xml" => {
                    shown.push_str(match &*r.xml10_content() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    });
                }
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
    }
    assert!(
        shown.contains("<script>alert(1)</script> ]]>"),
        "shown as text in the DOCX"
    );
    assert!(shown.contains("=HYPERLINK("), "as text, not a field");
    // Each run of text on its own is balanced, not only the whole document.
    for node in &nodes {
        assert!(hamyar::text::is_field_sanitized(node), "{node:?}");
    }
    // The DOCX gives each direction's run its own `w:rtl`, so each run closes what it opens.
    assert!(
        shown.contains('\u{2066}') && shown.contains("◂fdp.exe"),
        "{shown:?}"
    );
}

#[test]
fn importing_sanitizes_text_from_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = nasty_db(dir.path());
    let file = dir.path().join("nasty.json");
    std::fs::write(&file, export(&db, &["--meeting", "2", "--format", "json"])).unwrap();
    let b = dir.path().join("b.db");
    import(&b, &file);
    let store = open(&b);
    let texts: Vec<String> = store
        .list_decisions(&meeting(&store, 2).id)
        .unwrap()
        .into_iter()
        .map(|d| d.text)
        .collect();
    let nasty = texts.iter().find(|t| t.contains("HYPERLINK")).unwrap();
    // Sanitized as on every way in (U+FFFE is no control: stored, dropped only where a format forbids it).
    assert_no_raw_controls("stored", nasty);
    assert!(nasty.contains("\u{200C}"), "ZWNJ kept");
    assert!(nasty.contains("<script>"), "letters are stored as typed");
}

use predicates::prelude::PredicateBooleanExt;
