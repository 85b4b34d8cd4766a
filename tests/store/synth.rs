//! The synthetic series: realistic minutes in the proportions of the demo, consistent with the
//! store's own rules (carry-over, transitions, numbering), repeatable, and only into an empty
//! database.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::Connection;

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{AuditAction, SearchKind, StoreError, SynthReport, synth};

const MEETINGS: u32 = 12;
const DECISIONS: u32 = 200;

fn small_series(path: &Path) -> SynthReport {
    let mut store = open(path);
    synth(&mut store, MEETINGS, DECISIONS, 42).unwrap()
}

fn raw(path: &Path) -> Connection {
    Connection::open(path).unwrap()
}

fn one<T: rusqlite::types::FromSql>(c: &Connection, sql: &str) -> T {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Rows of a two-column query as pairs.
fn pairs<A: rusqlite::types::FromSql, B: rusqlite::types::FromSql>(
    c: &Connection,
    sql: &str,
) -> Vec<(A, B)> {
    let mut st = c.prepare(sql).unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_report_counts_what_is_in_the_file() {
    let (_dir, path) = temp_db();
    let report = small_series(&path);
    let store = open(&path);
    let counts: HashMap<_, _> = store.counts().unwrap().into_iter().collect();
    let expected = [
        ("meetings", report.meetings),
        ("issues", report.issues),
        ("decisions", report.decisions),
        ("statements", report.statements),
        ("attendance", report.attendance),
        ("follow_ups", report.follow_ups),
        ("agenda_items", report.agenda_items),
        ("review_items", report.review_items),
    ];
    for (table, n) in expected {
        assert_eq!(counts[table], u64::from(n), "{table}");
    }
    assert_eq!((report.meetings, report.decisions), (MEETINGS, DECISIONS));
    assert!(store.integrity_check().unwrap().is_empty());
    // No audit rows: a synthetic series is not undone record by record.
    assert_eq!(counts["changes"], 0);
}

#[test]
fn meetings_are_weekly_and_approved_but_the_last() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let meetings = open(&path).list_meetings(None).unwrap().rows;
    assert_eq!(meetings.len(), MEETINGS as usize);
    assert_eq!(meetings[0].date, Date::from_jalali(1390, 1, 6).unwrap());
    for (m, next) in meetings.iter().zip(&meetings[1..]) {
        assert_eq!(m.status, MeetingStatus::Approved, "meeting {}", m.number);
        assert_eq!(m.date.days_until(next.date), 7);
        assert_eq!(next.number, m.number + 1);
    }
    assert_eq!(meetings.last().unwrap().status, MeetingStatus::InProgress);
}

#[test]
fn every_meeting_has_attendance_and_speakers_who_attended() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let c = raw(&path);
    let without: i64 = one(
        &c,
        "SELECT count(*) FROM meetings m WHERE NOT EXISTS
             (SELECT 1 FROM attendance a WHERE a.meeting = m.id)",
    );
    assert_eq!(without, 0);
    let per_meeting: i64 = one(
        &c,
        "SELECT count(*) / count(DISTINCT meeting) FROM attendance",
    );
    assert!((9..=20).contains(&per_meeting), "{per_meeting} per meeting");
    // Substitutes name whom they stand in for; someone was excused somewhere, with a reason.
    let bad_substitutes: i64 = one(
        &c,
        "SELECT count(*) FROM attendance WHERE state = 'substitute'
             AND (substitute_for IS NULL OR reason = '')",
    );
    assert_eq!(bad_substitutes, 0);
    let states: i64 = one(&c, "SELECT count(DISTINCT state) FROM attendance");
    assert_eq!(
        states, 4,
        "present, absent, excused and substitute all occur"
    );
    let absent_speakers: i64 = one(
        &c,
        "SELECT count(*) FROM statements s WHERE NOT EXISTS
             (SELECT 1 FROM attendance a WHERE a.meeting = s.meeting AND a.person = s.speaker
              AND a.state IN ('present', 'substitute'))",
    );
    assert_eq!(absent_speakers, 0);
}

#[test]
fn about_three_statements_per_issue_discussed() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let c = raw(&path);
    let groups: Vec<(i64, String)> = pairs(
        &c,
        "SELECT count(*), meeting FROM statements WHERE issue IS NOT NULL GROUP BY meeting, issue",
    );
    assert!(groups.iter().all(|(n, _)| (2..=4).contains(n)));
    let mean = groups.iter().map(|(n, _)| *n as f64).sum::<f64>() / groups.len() as f64;
    assert!((2.6..=3.4).contains(&mean), "{mean} statements per issue");
    // About one issue discussed per decision made.
    let discussed = groups.len() as f64;
    assert!(
        (0.8..=1.5).contains(&(discussed / f64::from(DECISIONS))),
        "{discussed}"
    );
    let texts: Vec<(String, String)> = pairs(&c, "SELECT text, text FROM statements");
    let all = texts
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for mark in ['«', '(', '\u{200C}', '۱'] {
        assert!(all.contains(mark), "statements carry {mark:?}");
    }
    assert!(all.contains("IBAN") || all.contains("SMS"));
    assert!(all.chars().any(|c| c.is_ascii_digit()), "Latin digits too");
}

#[test]
fn decision_numbers_are_unique_and_statuses_follow_their_follow_ups() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let c = raw(&path);
    let gaps: i64 = one(
        &c,
        "SELECT count(*) FROM meetings m WHERE m.last_item <>
             (SELECT count(*) FROM decisions d WHERE d.meeting = m.id)
          OR m.last_item <> (SELECT coalesce(max(item), 0) FROM decisions d WHERE d.meeting = m.id)",
    );
    assert_eq!(gaps, 0, "items are 1..=last_item in every meeting");
    let duplicates: i64 = one(
        &c,
        "SELECT count(*) FROM (SELECT 1 FROM decisions d JOIN meetings m ON m.id = d.meeting
                               GROUP BY m.number, d.item HAVING count(*) > 1)",
    );
    assert_eq!(duplicates, 0);
    let early: i64 = one(
        &c,
        "SELECT count(*) FROM decisions d JOIN meetings m ON m.id = d.meeting WHERE d.due <= m.date",
    );
    assert_eq!(early, 0, "every deadline is after its meeting");
    // Replay each decision's follow-ups through the domain's transitions.
    let store = open(&path);
    for m in store.list_meetings(None).unwrap().rows {
        for d in store.list_decisions(&m.id).unwrap() {
            let mut status = DecisionStatus::Pending;
            for f in store.list_follow_ups(&d.id).unwrap() {
                status = status.transition(f.new_status).unwrap();
                assert!(
                    f.date > m.date,
                    "{} followed up after its meeting",
                    d.number
                );
            }
            assert_eq!(status, d.status, "decision {}", d.number);
        }
    }
}

#[test]
fn most_old_decisions_are_followed_up_and_some_recent_ones_are_overdue() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let c = raw(&path);
    // Decisions at least eight meetings old.
    let (followed, old): (i64, i64) = c
        .query_row(
            "SELECT sum(EXISTS (SELECT 1 FROM follow_ups f WHERE f.decision = d.id)), count(*)
             FROM decisions d JOIN meetings m ON m.id = d.meeting WHERE m.number <= ?1",
            [MEETINGS - 8],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        followed * 10 >= old * 7,
        "{followed} of {old} old decisions followed up"
    );
    let statuses: Vec<(String, i64)> =
        pairs(&c, "SELECT status, count(*) FROM decisions GROUP BY status");
    assert_eq!(statuses.len(), 4, "{statuses:?}");
    let last_date: String = one(&c, "SELECT max(date) FROM meetings");
    let untouched_overdue: i64 = c
        .query_row(
            "SELECT count(*) FROM decisions d WHERE d.status = 'pending' AND d.due < ?1
               AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.decision = d.id)",
            [&last_date],
            |r| r.get(0),
        )
        .unwrap();
    assert!(untouched_overdue > 0);
}

#[test]
fn carried_decisions_and_issues_are_reviewed_as_the_store_carries_them() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let c = raw(&path);
    // A decision is reviewed in every meeting after its own until the meeting that settles it.
    let rows: Vec<(String, i64)> = pairs(
        &c,
        "SELECT d.id, m.number FROM decisions d JOIN meetings m ON m.id = d.meeting",
    );
    let reviewed: BTreeMap<String, Vec<i64>> = pairs::<String, i64>(
        &c,
        "SELECT v.decision, m.number FROM review_items v JOIN meetings m ON m.id = v.meeting
         ORDER BY m.number",
    )
    .into_iter()
    .fold(BTreeMap::new(), |mut map, (d, n)| {
        map.entry(d).or_insert_with(Vec::new).push(n);
        map
    });
    let settled: HashMap<String, i64> = pairs(
        &c,
        "SELECT f.decision, m.number FROM follow_ups f JOIN meetings m ON m.id = f.meeting
         WHERE f.new_status IN ('done', 'cancelled')",
    )
    .into_iter()
    .collect();
    for (id, made) in rows {
        let until = settled.get(&id).copied().unwrap_or(i64::from(MEETINGS));
        let expected: Vec<i64> = (made + 1..=until).collect();
        let got = reviewed.get(&id).cloned().unwrap_or_default();
        assert_eq!(got, expected, "decision {id} made in meeting {made}");
    }
    let unreviewed_follow_ups: i64 = one(
        &c,
        "SELECT count(*) FROM follow_ups f WHERE NOT EXISTS
             (SELECT 1 FROM review_items v WHERE v.meeting = f.meeting AND v.decision = f.decision)",
    );
    assert_eq!(
        unreviewed_follow_ups, 0,
        "every follow-up is of a reviewed decision"
    );
    // Issues on an agenda were raised earlier; some issues are resolved over time.
    let late_agenda: i64 = one(
        &c,
        "SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting
         JOIN issues i ON i.id = a.issue JOIN meetings r ON r.id = i.raised_in
         WHERE r.number >= m.number",
    );
    assert_eq!(late_agenda, 0);
    assert!(one::<i64>(&c, "SELECT count(*) FROM agenda_items") > 0);
    assert!(one::<i64>(&c, "SELECT count(*) FROM issues WHERE status = 'resolved'") > 0);
    assert!(
        one::<i64>(
            &c,
            "SELECT count(*) FROM issues WHERE status IN ('open', 'in_progress')"
        ) > 0
    );
}

#[test]
fn the_series_is_searchable_and_the_store_works_on_after_it() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let mut store = open(&path);
    let hits = store.search("گروه‌ها").unwrap();
    for kind in [
        SearchKind::Issue,
        SearchKind::Statement,
        SearchKind::Decision,
    ] {
        assert!(hits.iter().any(|h| h.kind == kind), "{kind:?}");
    }
    assert!(
        !store.search("iban").unwrap().is_empty(),
        "Latin words are found folded"
    );
    // The search triggers are back: a statement recorded now is found at once, and audited.
    let last = store.list_meetings(None).unwrap().rows.pop().unwrap();
    let speaker = store.list_people().unwrap()[0].id.clone();
    let s = Statement {
        id: Id::new(),
        meeting: last.id.clone(),
        issue: None,
        speaker,
        text: "واژهٔ «نادرِ» تازه (XYZZY) در ۱۴۰۳".into(),
    };
    store.record_statement(&s).unwrap();
    let found = store.search("xyzzy").unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, s.id);
    assert!(!store.history(&s.id).unwrap().is_empty());
    assert_eq!(
        store.undo_last().unwrap().unwrap().action,
        AuditAction::RecordStatement
    );
    assert!(
        store.undo_last().unwrap().is_none(),
        "the synth itself is not undone"
    );
    assert!(store.integrity_check().unwrap().is_empty());
}

#[test]
fn a_database_that_holds_data_is_refused() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let before = open(&path).counts().unwrap();
    let err = synth(&mut open(&path), 2, 4, 1).unwrap_err();
    assert!(matches!(err, StoreError::NotEmpty { .. }), "{err:?}");
    assert_eq!(open(&path).counts().unwrap(), before);
}

/// Everything a person reads in the series, in a stable order.
fn texts(path: &Path) -> Vec<String> {
    let c = raw(path);
    let queries = [
        "SELECT title || '|' || description || '|' || status FROM issues ORDER BY fts_key",
        "SELECT text FROM statements ORDER BY fts_key",
        "SELECT text || '|' || due || '|' || status FROM decisions ORDER BY fts_key",
        "SELECT f.note || '|' || f.new_status FROM follow_ups f
         JOIN decisions d ON d.id = f.decision ORDER BY d.fts_key, f.date",
        "SELECT p.name || '|' || a.state || '|' || a.reason FROM attendance a
         JOIN people p ON p.id = a.person JOIN meetings m ON m.id = a.meeting
         ORDER BY m.number, p.name, a.state, a.reason",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut st = c.prepare(q).unwrap();
        out.extend(
            st.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    out
}

#[test]
fn the_same_arguments_give_the_same_series() {
    let (_a, first) = temp_db();
    let (_b, second) = temp_db();
    let (_c, other) = temp_db();
    let report = synth(&mut open(&first), 6, 90, 7).unwrap();
    assert_eq!(synth(&mut open(&second), 6, 90, 7).unwrap(), report);
    synth(&mut open(&other), 6, 90, 8).unwrap();
    let texts_first = texts(&first);
    assert!(texts_first.len() > 500);
    assert_eq!(texts_first, texts(&second));
    assert_ne!(texts_first, texts(&other), "another seed, another series");
}

#[test]
fn a_synth_that_fails_halfway_leaves_the_file_empty_with_its_search_triggers() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    // A quota the series cannot fit in: the disk-full path, halfway through.
    store.set_max_pages(120).unwrap();
    assert!(synth(&mut store, MEETINGS, DECISIONS, 42).is_err());
    drop(store);
    let triggers: i64 = one(
        &raw(&path),
        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_fts_ins'",
    );
    assert_eq!(triggers, 3);
    let mut store = open(&path);
    assert!(!store.holds_data().unwrap());
    assert_eq!(
        synth(&mut store, MEETINGS, DECISIONS, 42)
            .unwrap()
            .decisions,
        DECISIONS
    );
    assert!(!store.search("گروه").unwrap().is_empty());
}

#[test]
fn the_meetings_list_counts_as_the_records_say() {
    let (_dir, path) = temp_db();
    small_series(&path);
    let store = open(&path);
    let summaries = store.meeting_summaries(None).unwrap().complete().unwrap();
    assert_eq!(summaries.len(), MEETINGS as usize);
    // The same counts, one meeting at a time, from the store's own lists.
    for s in &summaries {
        let m = &s.meeting;
        assert_eq!(
            s.decisions as usize,
            store.list_decisions(&m.id).unwrap().len(),
            "meeting {}",
            m.number
        );
        let open = store
            .agenda(&m.id)
            .unwrap()
            .into_iter()
            .filter(|i| i.status.is_open())
            .count();
        assert_eq!(s.open_issues as usize, open, "meeting {}", m.number);
    }
    assert!(summaries.iter().any(|s| s.open_issues > 0));
}
