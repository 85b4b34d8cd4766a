//! CSV from both commands that write it (`export --format csv`, `actions --format csv`): one
//! way of quoting, one formula guard, and decision numbers that spreadsheets keep as text.
//! That Calc really keeps them as text is checked by `tests/fixtures/export/office-checks.sh`.

use std::sync::Arc;

use hamyar::domain::{Date, FixedClock};
use hamyar::store::{NewDecision, Store};

use super::commands::{demo_db, hamyar};

fn stdout(db: &std::path::Path, args: &[&str]) -> String {
    let out = hamyar(db)
        .args(["--today", "1393/02/16", "--lang", "en"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The cells of the records whose text cell is `text`, parsed as CSV.
fn rows_with(csv: &str, text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .filter(|r| r.get(1).is_some_and(|t| t == text))
        .collect()
}

#[test]
fn both_csvs_guard_formulas_alike_and_keep_decision_numbers_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    {
        let clock = Arc::new(FixedClock(Date::from_jalali(1393, 2, 16).unwrap()));
        let mut store = Store::open(&db, clock).unwrap();
        let meeting = store
            .list_meetings(None)
            .unwrap()
            .rows
            .into_iter()
            .find(|m| m.number == 2)
            .unwrap();
        let agency = store.list_agencies().unwrap().remove(0);
        store
            .record_decision(&NewDecision {
                meeting: meeting.id,
                issue: None,
                text: " -۲۰٪ =SUM(A1), «فوری»".to_string(),
                lead_agency: agency.id,
                supporting_agencies: Vec::new(),
                due: None,
            })
            .unwrap();
    }
    let exported = stdout(&db, &["export", "--meeting", "2", "--format", "csv"]);
    let actions = stdout(&db, &["actions", "--meeting", "2", "--format", "csv"]);
    let guarded = "' -۲۰٪ =SUM(A1), «فوری»";
    let (a, b) = (rows_with(&exported, guarded), rows_with(&actions, guarded));
    assert_eq!(a.len(), 1, "{exported}");
    assert_eq!(b.len(), 1, "{actions}");
    assert_eq!(a[0][0], "\u{200E}2/8", "the number is marked to stay text");
    assert_eq!(a[0][0], b[0][0], "both commands write the number alike");
    for csv in [&exported, &actions] {
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        for record in reader.records() {
            let number = record.unwrap()[0].to_string();
            assert!(number.starts_with('\u{200E}'), "{number:?} in {csv}");
        }
    }
}
