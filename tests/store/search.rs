//! Search through fold, with user input that looks like FTS5 syntax.

use super::support::*;
use hamyar::domain::*;
use hamyar::store::{SearchKind, Store};

fn texts(store: &Store, q: &str) -> Vec<String> {
    let mut t: Vec<String> = store
        .search(q)
        .unwrap()
        .into_iter()
        .map(|h| h.text)
        .collect();
    t.sort();
    t
}

fn seeded() -> (tempfile::TempDir, Fixture) {
    let (dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    for text in [
        "مُدیر کل بهزیستی پیگیری کند",
        "من می‌خواهم وام بگیرم",
        "مهلت تا پایان سال ۱۴۰۳",
        "اخذ کد بهداشتی برای محصولات",
        "بانک \"کشاورزی\" (شعبه مرکزی): وام AND ضمانت",
        "NEAR(دو کلمه) و * ستاره",
    ] {
        f.store
            .record_decision(&new_decision(&m, &f.bank.id, text, None))
            .unwrap();
    }
    let issue = Issue {
        id: Id::new(),
        series: f.series.id.clone(),
        category: None,
        title: "کد بهداشتي محصولات لبنی".into(),
        description: "شرح".into(),
        raised_in: Some(m.clone()),
        raised_by: None,
        status: IssueStatus::Open,
    };
    f.store.add_issue(&issue).unwrap();
    f.store
        .record_statement(&Statement {
            id: Id::new(),
            meeting: m,
            issue: None,
            speaker: f.person.id.clone(),
            text: "خانم سعيدي: گروه‌ها مشكل فروش دارند".into(),
        })
        .unwrap();
    (dir, f)
}

#[test]
fn the_four_folding_cases() {
    let (_dir, f) = seeded();
    assert_eq!(texts(&f.store, "مدیر"), ["مُدیر کل بهزیستی پیگیری کند"]);
    assert_eq!(texts(&f.store, "میخواهم"), ["من می‌خواهم وام بگیرم"]);
    assert_eq!(texts(&f.store, "1403"), ["مهلت تا پایان سال ۱۴۰۳"]);
    assert_eq!(
        texts(&f.store, "كد بهداشتي"),
        ["اخذ کد بهداشتی برای محصولات", "کد بهداشتي محصولات لبنی"]
    );
}

#[test]
fn zwnj_joined_and_spaced_spellings_find_each_other() {
    let (_dir, mut f) = seeded();
    let m = f.meeting.id.clone();
    f.store
        .record_decision(&new_decision(
            &m,
            &f.bank.id,
            "صندوق می تواند وام بدهد",
            None,
        ))
        .unwrap();
    // Stored with a ZWNJ: found however the query writes the compound.
    for q in ["می‌خواهم", "میخواهم", "می خواهم"] {
        assert_eq!(texts(&f.store, q), ["من می‌خواهم وام بگیرم"], "{q}");
    }
    // Stored with a space: a query with a ZWNJ finds it too.
    for q in ["می تواند", "می‌تواند"] {
        assert_eq!(texts(&f.store, q), ["صندوق می تواند وام بدهد"], "{q}");
    }
}

#[test]
fn kinds_and_seed_spellings() {
    let (_dir, f) = seeded();
    let hits = f.store.search("مشکل فروش").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, SearchKind::Statement);
    let hits = f.store.search("سعیدی").unwrap();
    assert_eq!(hits.len(), 1);
    let hits = f.store.search("لبنی").unwrap();
    assert_eq!(hits[0].kind, SearchKind::Issue);
    // Prefixes find longer words: the secretary types as she searches.
    assert_eq!(texts(&f.store, "بهداش").len(), 2);
}

#[test]
fn fts_syntax_in_queries_is_plain_text() {
    let (_dir, f) = seeded();
    let quoted = "بانک \"کشاورزی\" (شعبه مرکزی): وام AND ضمانت";
    for q in [
        "\"کشاورزی\"",
        "کشاورزی*",
        "شعبه:",
        "(شعبه",
        "AND ضمانت",
        "وام AND",
        "\"کشاورزی",
    ] {
        assert_eq!(texts(&f.store, q), [quoted], "query {q:?}");
    }
    assert_eq!(texts(&f.store, "NEAR(دو"), ["NEAR(دو کلمه) و * ستاره"]);
    assert_eq!(texts(&f.store, "near"), ["NEAR(دو کلمه) و * ستاره"]);
    for q in [
        "", "   ", "\"", "*", ":", "(", ")", "\"\"", "NOT", "^", "-", "{a}:b",
    ] {
        let r = f.store.search(q);
        assert!(r.is_ok(), "query {q:?} gave {r:?}");
    }
    assert!(f.store.search("").unwrap().is_empty());
    assert!(f.store.search("*").unwrap().is_empty());
    assert!(f.store.search("ناموجود").unwrap().is_empty());
}

#[test]
fn edits_and_deletes_update_the_index() {
    let (_dir, mut f) = seeded();
    let d = f
        .store
        .record_decision(&new_decision(
            &f.meeting.id,
            &f.bank.id,
            "واژه‌ای یکتا",
            None,
        ))
        .unwrap();
    assert_eq!(texts(&f.store, "یکتا").len(), 1);
    let edit = hamyar::store::DecisionEdit {
        text: "متن دیگر".into(),
        lead_agency: f.bank.id.clone(),
        supporting_agencies: vec![],
        due: None,
    };
    f.store
        .update_decision(
            &d.id,
            &edit,
            f.store
                .row_version(hamyar::store::Record::Decision, &d.id)
                .unwrap(),
        )
        .unwrap();
    assert!(texts(&f.store, "یکتا").is_empty());
    assert_eq!(texts(&f.store, "دیگر"), ["متن دیگر"]);
    f.store.delete_decision(&d.id).unwrap();
    assert!(texts(&f.store, "دیگر").is_empty());
    f.store.undo_last().unwrap();
    assert_eq!(
        texts(&f.store, "دیگر"),
        ["متن دیگر"],
        "undo restores the index too"
    );
}

#[test]
fn seed_text_with_its_typos_stays_searchable() {
    // Sentences of the seed article as published: no ZWNJ in گروههای, اداه for اداره, Latin
    // digits, spaces inside compounds.
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let article = [
        "دراولین نشستی که با حضور مسئولین استانی چون اداه کل کار، تعاون و رفاه اجتماعی ، بنیاد توسعه و کار آفرین استان ، بانک تعاون در پایان سال 92 داشتیم مشکلات عنوان شد",
        "حل مشکلات گروههای همیار را راهی برای توانمند سازی زنان سرپرست خانوار دانست",
        "دریافت کد بهداشتی محصولات ، سرمایه کار ، محل عرضه فروش محصولات",
    ];
    for text in article {
        let st = Statement {
            id: Id::new(),
            meeting: f.meeting.id.clone(),
            issue: None,
            speaker: f.person.id.clone(),
            text: text.into(),
        };
        f.store.record_statement(&st).unwrap();
    }
    let one = |q: &str| {
        let hits = f.store.search(q).unwrap();
        assert_eq!(hits.len(), 1, "query {q:?}: {hits:?}");
        hits[0].text.clone()
    };
    assert!(
        one("اداه کل").starts_with("دراولین"),
        "the typo itself is found"
    );
    assert!(
        one("گروه‌های همیار").contains("گروههای"),
        "with or without ZWNJ"
    );
    assert!(
        one("۹۲").contains("سال 92"),
        "Persian digits find Latin ones"
    );
    assert!(one("كار آفرين").contains("کار آفرین"), "Arabic kaf and yeh");
    assert!(one("سرپرست خانوار").contains("توانمند"));
    assert!(one("کد بهداشتي").starts_with("دریافت"));
}

#[test]
fn the_newest_come_first_within_a_kind() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let m = f.meeting.id.clone();
    for n in ["۱", "۲", "۳"] {
        f.store
            .record_decision(&new_decision(
                &m,
                &f.bank.id,
                &format!("وام شماره {n}"),
                None,
            ))
            .unwrap();
    }
    let found: Vec<String> = f
        .store
        .search("وام")
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == SearchKind::Decision)
        .map(|h| h.text)
        .collect();
    assert_eq!(found, ["وام شماره ۳", "وام شماره ۲", "وام شماره ۱"]);
}

/// The search indexes as schema step 3 left them: 2- and 3-letter prefixes only, filled from
/// the folded texts. Writing them with today's step 4 undone is how a file of the previous
/// build looks.
fn as_step_3(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    for t in ["issues", "statements", "decisions"] {
        conn.execute_batch(&format!(
            "DROP TABLE {t}_fts;
             CREATE VIRTUAL TABLE {t}_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3');
             INSERT INTO {t}_fts (rowid, body) SELECT fts_key, text_f FROM {t};"
        ))
        .unwrap();
    }
    // What steps 5, 6 and 7 added goes too, so that every step after 3 runs again.
    for t in [
        "decisions",
        "statements",
        "issues",
        "meetings",
        "series",
        "agencies",
        "people",
        "categories",
    ] {
        conn.execute_batch(&format!(
            "DROP TRIGGER {t}_version; ALTER TABLE {t} DROP COLUMN version;"
        ))
        .unwrap();
    }
    conn.execute_batch(
        "DROP TABLE invitees;
         ALTER TABLE series DROP COLUMN interval_days;
         ALTER TABLE series DROP COLUMN archived;
         ALTER TABLE people DROP COLUMN active;
         ALTER TABLE categories DROP COLUMN archived;
         ALTER TABLE categories DROP COLUMN series;
         ALTER TABLE amendments DROP COLUMN changes;",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
}

fn index_sql(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut st = conn
        .prepare(
            "SELECT sql FROM sqlite_schema
             WHERE name IN ('issues_fts', 'statements_fts', 'decisions_fts') ORDER BY name",
        )
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn step_4_rebuilds_the_indexes_with_four_letter_prefixes_and_keeps_every_hit() {
    let (dir, f) = seeded();
    let path = dir.path().join("hamyar.db");
    let queries = ["بانك", "بهداشتي", "كشاورزی وام", "گروه‌ها", "مشکل"];
    let before: Vec<Vec<String>> = queries.iter().map(|q| texts(&f.store, q)).collect();
    assert!(before.iter().all(|hits| !hits.is_empty()), "{before:?}");
    drop(f);
    as_step_3(&path);
    let old = index_sql(&path);
    assert!(old.iter().all(|s| s.contains("prefix='2 3')")), "{old:?}");

    let mut store = open(&path);
    assert_eq!(
        store.schema_version().unwrap(),
        hamyar::store::SCHEMA_VERSION
    );
    let sql = index_sql(&path);
    assert_eq!(sql.len(), 3);
    assert!(sql.iter().all(|s| s.contains("prefix='2 3 4'")), "{sql:?}");
    let after: Vec<Vec<String>> = queries.iter().map(|q| texts(&store, q)).collect();
    assert_eq!(after, before);

    // The triggers still keep the rebuilt index: a new decision is found, a deleted one not.
    let m = store.list_meetings(None).unwrap().rows[0].id.clone();
    let bank = store.list_agencies().unwrap()[0].id.clone();
    let d = store
        .record_decision(&new_decision(&m, &bank, "بانکداری خرد برای گروه‌ها", None))
        .unwrap();
    assert_eq!(texts(&store, "بانکدا"), ["بانکداری خرد برای گروه‌ها"]);
    store.delete_decision(&d.id).unwrap();
    assert!(texts(&store, "بانکدا").is_empty());
}
