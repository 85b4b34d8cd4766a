//! Text is sanitized on its way into the store: whatever the app, the command line or an
//! import hands it, no record keeps a control character (a tab aside), a C1 control (U+009B is
//! a one-byte CSI) or a bidi override (shown as a mark instead). Isolates, embeddings and the
//! marks are what the writer meant and are kept as typed.

use hamyar::domain::*;
use hamyar::store::{DecisionEdit, IssueEdit};

use super::support::*;

/// A Persian sentence with every kind of character that must not be stored, and every bidi
/// control (the Trojan Source vectors).
const NASTY: &str = "بانک\u{9B}31m \u{85}کشاورزی \u{202E}exe.fdp\u{202C} \u{1B}]0;عنوان\u{7} «وام» ۱۲ \u{202D}LRO \u{202A}LRE \u{202B}RLE\u{202C} \u{2066}LRI \u{2067}RLI\u{2069} \u{2068}FSI \u{2069}\u{200E}\u{200F}\u{61C}\t.";

fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202D}' | '\u{202E}')
}

#[test]
fn every_text_column_is_stored_clean() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let s = &mut f.store;
    s.add_agency(&agency(NASTY, NASTY, NASTY)).unwrap();
    s.add_person(&Person {
        id: Id::new(),
        name: NASTY.into(),
        title: NASTY.into(),
        agency: None,
        active: true,
    })
    .unwrap();
    s.add_category(&Category {
        id: Id::new(),
        name: NASTY.into(),
        order: 9,
        archived: false,
        series: None,
    })
    .unwrap();
    s.create_series(&Series {
        id: Id::new(),
        title: NASTY.into(),
        organisation: NASTY.into(),
        default_place: NASTY.into(),
        member_agencies: vec![],
        quorum: 0,
        archived: false,
        interval_days: 0,
    })
    .unwrap();
    let m = f.meeting.id.clone();
    let issue = Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: None,
        title: NASTY.into(),
        description: NASTY.into(),
        raised_in: Some(m.clone()),
        raised_by: None,
        status: IssueStatus::Open,
    };
    s.add_issue(&issue).unwrap();
    s.update_issue(
        &issue.id,
        &IssueEdit {
            title: format!("{NASTY} ۲"),
            category: None,
            description: NASTY.into(),
        },
        s.row_version(hamyar::store::Record::Issue, &issue.id)
            .unwrap(),
    )
    .unwrap();
    let statement = Statement {
        id: Id::new(),
        meeting: m.clone(),
        issue: Some(issue.id.clone()),
        speaker: f.person.id.clone(),
        text: NASTY.into(),
    };
    s.record_statement(&statement).unwrap();
    s.update_statement(
        &statement.id,
        &format!("{NASTY} ۲"),
        s.row_version(hamyar::store::Record::Statement, &statement.id)
            .unwrap(),
    )
    .unwrap();
    let d = s
        .record_decision(&new_decision(&m, &f.bank.id, NASTY, None))
        .unwrap();
    s.update_decision(
        &d.id,
        &DecisionEdit {
            text: format!("{NASTY} ۲"),
            lead_agency: f.bank.id.clone(),
            supporting_agencies: vec![],
            due: None,
        },
        s.row_version(hamyar::store::Record::Decision, &d.id)
            .unwrap(),
    )
    .unwrap();
    s.record_follow_up(&d.id, DecisionStatus::InProgress, NASTY)
        .unwrap();
    s.set_attendance(&Attendance {
        id: Id::new(),
        meeting: m.clone(),
        person: f.person.id.clone(),
        state: AttendanceState::Excused,
        substitute_for: None,
        reason: NASTY.into(),
    })
    .unwrap();
    for status in [
        MeetingStatus::InProgress,
        MeetingStatus::Closed,
        MeetingStatus::Approved,
    ] {
        s.set_meeting_status(&m, status).unwrap();
    }
    s.record_amendment(&m, NASTY, NASTY).unwrap();

    // Read every text column raw, past the store.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let columns = [
        ("agencies", "name || name_en || short_name"),
        ("people", "name || title"),
        ("categories", "name"),
        ("series", "title || organisation || default_place"),
        ("issues", "title || description"),
        ("statements", "text"),
        ("decisions", "text"),
        ("follow_ups", "note"),
        ("attendance", "reason"),
        ("amendments", "reason || text"),
        ("meetings", "place"),
    ];
    for (table, expr) in columns {
        let mut st = conn
            .prepare(&format!("SELECT {expr} FROM {table}"))
            .unwrap();
        let texts: Vec<String> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(!texts.is_empty(), "{table}");
        for t in texts {
            assert!(!t.chars().any(forbidden), "{table}: {t:?}");
        }
    }
    // What remains is the text itself.
    let stored: String = conn
        .query_row("SELECT text FROM decisions", [], |r| r.get(0))
        .unwrap();
    assert!(
        stored.contains("«وام» ۱۲") && stored.contains("◂exe.fdp\u{202C}"),
        "{stored}"
    );
    for kept in [
        "\u{202A}LRE",
        "\u{202B}RLE\u{202C}",
        "\u{2066}LRI",
        "\u{2067}RLI\u{2069}",
        "\u{2068}FSI \u{2069}",
        "\u{200E}\u{200F}\u{61C}\t.",
        "▸LRO",
    ] {
        assert!(stored.contains(kept), "{kept:?} in {stored:?}");
    }
}
