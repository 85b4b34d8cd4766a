//! One decision filter, two ways to run it: `hamyar actions` runs the domain's
//! `DecisionFilter` in SQL (`Store::actions`), the app's review runs it in memory over every
//! decision of the series. For any filter and any day they list the same decisions in the same
//! order, however the names are typed (Arabic kaf and yeh, another case, a short name).

use std::sync::OnceLock;

use hamyar::domain::{Date, DecisionFilter, DecisionStatus, Id};
use hamyar::store::{ActionFilter, ReviewEntries, Store, synth};
use hamyar::tui::model::{Directory, Review, Row, sort_for_review};
use proptest::prelude::*;

use super::support::open_store;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    series: Id,
    directory: Directory,
    entries: ReviewEntries,
    /// Names to filter by: agencies' names, short and English names; categories' names.
    agency_names: Vec<String>,
    category_names: Vec<String>,
}

// A `Store` is not `Sync`; each proptest case runs on the test's own thread.
thread_local! {
    static FIXTURE: OnceLock<Fixture> = const { OnceLock::new() };
}

fn with_fixture<T>(f: impl FnOnce(&Fixture) -> T) -> T {
    FIXTURE.with(|cell| {
        let fixture = cell.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("filter.db");
            let mut store = open_store(&path);
            synth(&mut store, 14, 700, 11).unwrap();
            let directory = Directory::load(&store).unwrap();
            let series = directory.series[0].id.clone();
            let entries = store.review_entries(Some(&series)).unwrap();
            let agency_names = directory
                .agencies
                .iter()
                .flat_map(|a| [a.name.clone(), a.short_name.clone(), a.name_en.clone()])
                .filter(|n| !n.is_empty())
                .collect();
            let category_names = directory
                .categories
                .iter()
                .map(|c| c.name.clone())
                .collect();
            Fixture {
                _dir: dir,
                store,
                series,
                directory,
                entries,
                agency_names,
                category_names,
            }
        });
        f(fixture)
    })
}

/// Part of a name as a person might type it: a piece of it, in another case, with the Arabic
/// kaf and yeh a keyboard may give.
fn typed_part(name: &str, from: usize, len: usize, arabic: bool, upper: bool) -> String {
    let chars: Vec<char> = name.chars().collect();
    let from = from % chars.len().max(1);
    let part: String = chars.iter().skip(from).take(len.max(1)).collect();
    let part = if arabic {
        part.replace('ک', "ك").replace('ی', "ي")
    } else {
        part
    };
    if upper { part.to_uppercase() } else { part }
}

#[derive(Debug, Clone)]
struct Case {
    agency: Option<(usize, usize, usize, bool, bool)>,
    category: Option<(usize, usize, usize, bool)>,
    status: Option<usize>,
    meeting: Option<u32>,
    overdue: bool,
    before: Option<i64>,
    after: Option<i64>,
    today: i64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::option::of((
            0..64usize,
            0..12usize,
            1..9usize,
            any::<bool>(),
            any::<bool>(),
        )),
        proptest::option::of((0..16usize, 0..8usize, 1..6usize, any::<bool>())),
        proptest::option::of(0..4usize),
        proptest::option::of(1..16u32),
        any::<bool>(),
        proptest::option::of(-30..200i64),
        proptest::option::of(-30..200i64),
        -30..200i64,
    )
        .prop_map(
            |(agency, category, status, meeting, overdue, before, after, today)| Case {
                agency,
                category,
                status,
                meeting,
                overdue,
                before,
                after,
                today,
            },
        )
}

/// The day `offset` weeks' worth of days after the synthetic series began (1390/01/06).
fn day(offset: i64) -> Date {
    Date::from_jalali(1390, 1, 6)
        .unwrap()
        .add_days(offset * 7 / 2)
}

fn filter_of(f: &Fixture, c: &Case) -> DecisionFilter {
    DecisionFilter {
        agency: c.agency.map(|(which, from, len, arabic, upper)| {
            let name = &f.agency_names[which % f.agency_names.len()];
            typed_part(name, from, len, arabic, upper)
        }),
        include_supporting: false,
        status: c
            .status
            .map(|s| DecisionStatus::ALL[s % DecisionStatus::ALL.len()]),
        category: c.category.map(|(which, from, len, arabic)| {
            let name = &f.category_names[which % f.category_names.len()];
            typed_part(name, from, len, arabic, false)
        }),
        meeting: c.meeting,
        overdue: c.overdue,
        due_before: c.before.map(day),
        due_after: c.after.map(day),
    }
}

/// What the app's review lists for `filter` on `today`: its rows, ungrouped.
fn in_memory(f: &Fixture, filter: &DecisionFilter, today: Date) -> Vec<Id> {
    let mut entries = f.entries.clone();
    sort_for_review(&mut entries.entries, today);
    let mut review = Review::default();
    review.set_entries(entries, &f.directory);
    review.filter = filter.clone();
    review.refresh(&f.directory, today);
    review
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Item(i) => Some(review.entries.entries[*i].id.clone()),
            Row::Group { .. } => None,
        })
        .collect()
}

/// What `hamyar actions` lists for it: the store's SQL.
fn in_sql(f: &Fixture, filter: &DecisionFilter, today: Date) -> Vec<Id> {
    f.store
        .actions(&ActionFilter {
            decisions: filter.clone(),
            today: Some(today),
            series: Some(f.series.clone()),
            meeting: None,
        })
        .unwrap()
        .complete()
        .unwrap()
        .into_iter()
        .map(|a| a.decision.id)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn sql_and_memory_list_the_same_decisions_in_the_same_order(c in case()) {
        with_fixture(|f| {
            let filter = filter_of(f, &c);
            let today = day(c.today);
            let sql = in_sql(f, &filter, today);
            let memory = in_memory(f, &filter, today);
            prop_assert_eq!(&sql, &memory, "filter {:?} on {}", filter, today.iso());
            Ok(())
        })?;
    }
}

#[test]
fn the_filters_agree_on_what_a_secretary_types() {
    with_fixture(|f| {
        let today = day(120);
        for line in [
            "",
            "agency:بانك",
            "دستگاه:\"بانک کشاورزی\" معوق",
            "status:pending overdue",
            "وضعیت:\"در دست اقدام\" نشست:۳",
            "پیش‌از:1390/06/01 پس‌از:1390/02/01",
        ] {
            let filter = DecisionFilter::parse(line).unwrap();
            let sql = in_sql(f, &filter, today);
            assert_eq!(sql, in_memory(f, &filter, today), "{line}");
            if line.is_empty() {
                assert_eq!(sql.len(), f.entries.entries.len());
            }
        }
    });
}
