//! An amendment of approved minutes changes the record and says so: the decisions' section
//! prints the amended deadline, «اصلاحیه‌ها» lists the change before → after with its reason,
//! in every format (Markdown here, the JSON validated against the schema), and the command
//! line's lists read the record as amended.

use std::sync::Arc;

use hamyar::domain::{Correction, Date, DecisionAmendment, FixedClock};
use hamyar::store::Store;

use super::export::{demo_db, export, hamyar};

/// The demo's approved meeting 1 with decision 1/1's deadline amended to 1393/02/10.
fn amended_demo(dir: &std::path::Path) -> std::path::PathBuf {
    let db = demo_db(dir);
    let today = Date::from_jalali(1393, 2, 16).unwrap();
    let mut store = Store::open(&db, Arc::new(FixedClock(today))).unwrap();
    let meeting = store
        .list_meetings(None)
        .unwrap()
        .complete()
        .unwrap()
        .into_iter()
        .find(|m| m.number == 1)
        .unwrap();
    let d = store.list_decisions(&meeting.id).unwrap().remove(0);
    let to = DecisionAmendment {
        decision: d.id.clone(),
        text: d.text.clone(),
        lead_agency: d.lead_agency.clone(),
        supporting_agencies: d.supporting_agencies.clone(),
        due: Date::from_jalali(1393, 2, 10).ok(),
    };
    store
        .amend(
            &meeting.id,
            "مهلت در نامهٔ شمارهٔ ۱۲۳/ص «اصلاح» شد",
            "",
            &Correction::Decision(to),
        )
        .unwrap();
    db
}

#[test]
fn the_minutes_print_the_amended_record_and_the_amendments_section() {
    let dir = tempfile::tempdir().unwrap();
    let db = amended_demo(dir.path());
    let md = String::from_utf8(export(&db, &["--meeting", "۱", "--format", "md"])).unwrap();
    let section = &md[md.find("## اصلاحیه‌ها").expect("the amendments section")..];
    let line = section
        .lines()
        .find(|l| l.contains("مصوبهٔ ۱/۱"))
        .unwrap_or_else(|| panic!("{section}"));
    assert!(line.contains("مهلت اجرا: "), "{line}");
    assert!(line.contains(" ← ۱۳۹۳/۰۲/۱۰"), "{line}");
    assert!(
        line.contains("مهلت در نامهٔ شمارهٔ ۱۲۳/ص «اصلاح» شد"),
        "{line}"
    );
    insta::assert_snapshot!(
        "amendments_section_fa",
        section.lines().take(4).collect::<Vec<_>>().join("\n")
    );
    let en = String::from_utf8(export(
        &db,
        &["--meeting", "1", "--format", "md", "--lang", "en"],
    ));
    let en = en.unwrap();
    assert!(en.contains("Decision 1/1 · Deadline: "), "{en}");
    assert!(en.contains(" → 2014-04-30"), "{en}");
    // The JSON keeps the change (and `export` checks it against the schema).
    let json = String::from_utf8(export(&db, &["--meeting", "1", "--format", "json"])).unwrap();
    assert!(json.contains(r#""field": "decision_due""#), "{json}");
}

#[test]
fn the_command_lines_lists_read_the_amended_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let db = amended_demo(dir.path());
    let out = hamyar(&db)
        .args([
            "--today",
            "1393/02/16",
            "actions",
            "--meeting",
            "1",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("2014-04-30"), "{out}");
}
