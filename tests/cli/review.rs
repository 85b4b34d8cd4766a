//! The minutes' review of earlier decisions is bounded: on meeting 49 of a 50-meeting synthetic
//! series (473 earlier decisions carried over) it lists in full only those reported on in the
//! meeting, counts the others still open by agency, lists by number those closed since the
//! previous meeting, and counts those settled before it. Its page count in LibreOffice is
//! checked by `tests/fixtures/export/office-checks.sh`.

use std::collections::HashSet;

use serde_json::Value;

use super::export::{export, hamyar};

/// A decision number as JSON holds it, in the minutes' Persian digits: ۴۷/۲.
fn persian(number: &Value) -> String {
    let latin = format!("{}/{}", number["meeting"], number["item"]);
    latin
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap(),
            None => c,
        })
        .collect()
}

/// The first number in `text`, in any digits: «۳۹۰):» is 390.
fn number_in(text: &str) -> usize {
    text.chars()
        .skip_while(|c| !c.is_numeric())
        .take_while(|c| c.is_numeric())
        .fold(0, |n, c| {
            n * 10 + c.to_digit(10).or_else(|| persian_digit(c)).unwrap() as usize
        })
}

fn persian_digit(c: char) -> Option<u32> {
    ('۰'..='۹').contains(&c).then(|| c as u32 - '۰' as u32)
}

#[test]
fn the_review_lists_reports_in_full_and_only_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synth.db");
    hamyar(&db)
        .args(["synth", "--meetings", "50", "--decisions", "2000"])
        .assert()
        .success();
    let json: Value =
        serde_json::from_slice(&export(&db, &["--meeting", "49", "--format", "json"])).unwrap();
    let md = String::from_utf8(export(&db, &["--meeting", "49", "--format", "md"])).unwrap();
    let review = &md[md.find("## پیگیری مصوبات قبلی").unwrap()..];
    let review = &review[..3 + review[3..].find("\n## ").unwrap()];
    let in_rows: HashSet<String> = review
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ردیف") && !l.starts_with("| ---"))
        .map(|l| {
            l.split(" | ")
                .next()
                .unwrap()
                .trim_start_matches("| ")
                .to_string()
        })
        .collect();
    // «سایر مصوبات باز، … (۳۹۰):** تعاون (۲۹)، میراث فرهنگی (۳۰)، …»: a count per agency.
    let waiting = review
        .lines()
        .find(|l| l.starts_with("- **سایر مصوبات باز"))
        .expect("the open decisions without news are counted");
    let (label, by_agency) = waiting.split_once(":** ").unwrap();
    let waiting_total = number_in(label.rsplit('(').next().unwrap());
    let counts: Vec<usize> = by_agency
        .split("، ")
        .map(|a| number_in(a.rsplit('(').next().unwrap()))
        .collect();
    assert!(
        counts.len() > 3 && counts.iter().all(|&c| c > 0),
        "{waiting}"
    );
    assert_eq!(counts.iter().sum::<usize>(), waiting_total, "{waiting}");
    let listed_by_number: Vec<String> = review
        .lines()
        .filter(|l| l.starts_with("- **") && *l != waiting)
        .flat_map(|l| {
            l.split(":** ")
                .nth(1)
                .unwrap()
                .split("، ")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();

    // A compact row: a few words of the decision (it was printed whole in its own minutes;
    // 28 characters, or to the end of a quotation open there),
    // the lead agency's short name.
    for row in review
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ردیف") && !l.starts_with("| ---"))
    {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(cells[1].chars().count() <= 49, "short text: {row}");
        assert!(
            !cells[2].starts_with("اداره کل"),
            "short agency name: {row}"
        );
    }

    let meeting = json["meeting"]["id"].as_str().unwrap();
    let reviewed = json["reviewed"].as_array().unwrap();
    assert_eq!(reviewed.len(), 473);
    for d in reviewed {
        let number = persian(&d["number"]);
        let reported_here = json["follow_ups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["decision"] == d["id"] && f["meeting"] == meeting);
        let row = in_rows.contains(&number);
        let by_number = listed_by_number.contains(&number);
        assert!(!(row && by_number), "{number} is listed twice");
        assert_eq!(
            row, reported_here,
            "{number}: in full exactly when reported on"
        );
    }
    let settled = review
        .lines()
        .find(|l| l.contains("پیش از نشست قبل انجام یا لغو شده است"))
        .map_or(0, number_in);
    assert_eq!(
        in_rows.len() + listed_by_number.len() + waiting_total + settled,
        473,
        "every reviewed decision is a row, a number or counted"
    );
    assert!(in_rows.len() < 100, "{} rows in full", in_rows.len());
}
