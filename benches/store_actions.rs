//! `Store::actions` with an agency filter on a synthetic database, `search`, single writes
//! (`record_decision`, `record_follow_up`) and `fold`.
//!
//! The database is built once per run by `store::synth` (HAMYAR_BENCH_DECISIONS decisions,
//! 20,000 unless set), in a temporary folder.

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use hamyar::domain::{Date, DecisionFilter, DecisionStatus, FixedClock};
use hamyar::store::{ActionFilter, NewDecision, Store, synth};

fn bench(c: &mut Criterion) {
    let decisions: u32 = std::env::var("HAMYAR_BENCH_DECISIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let clock = Arc::new(FixedClock(Date::from_jalali(1393, 6, 1).unwrap()));
    let mut store = Store::open(&path, clock).unwrap();
    let t = Instant::now();
    synth(&mut store, 100, decisions, 7).unwrap();
    eprintln!(
        "synth: {decisions} decisions in {:.2?}, {} KiB",
        t.elapsed(),
        std::fs::metadata(&path).unwrap().len() / 1024
    );

    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    let by_agency = ActionFilter {
        decisions: DecisionFilter {
            agency: Some("بانك كشاورزي".into()),
            ..DecisionFilter::default()
        },
        ..ActionFilter::default()
    };
    eprintln!(
        "agency filter: {} rows",
        store.actions(&by_agency).unwrap().rows.len()
    );
    group.bench_function("actions_by_agency", |b| {
        b.iter(|| store.actions(&by_agency).unwrap().rows)
    });
    let overdue = ActionFilter {
        decisions: DecisionFilter {
            agency: Some("بهزیستی".into()),
            overdue: true,
            ..DecisionFilter::default()
        },
        ..ActionFilter::default()
    };
    group.bench_function("actions_by_agency_overdue", |b| {
        b.iter(|| store.actions(&overdue).unwrap().rows)
    });
    group.bench_function("search_two_words", |b| {
        b.iter(|| store.search("کد بهداشتي").unwrap())
    });
    // Writes, as the secretary makes them during a meeting: each one a committed transaction
    // with its audit row and index update, fsynced (synchronous=FULL), on the large database.
    let live = store
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .rfind(|m| m.status.is_editable())
        .unwrap();
    let agency = store.list_agencies().unwrap()[0].id.clone();
    let mut n = 0u64;
    group.bench_function("record_decision", |b| {
        b.iter(|| {
            n += 1;
            store
                .record_decision(&NewDecision {
                    meeting: live.id.clone(),
                    issue: None,
                    text: format!("مصوبه آزمایشی {n}: بانک کشاورزی تا ۱۴۰۵/۰۹/۳۰ گزارش دهد"),
                    lead_agency: agency.clone(),
                    supporting_agencies: vec![],
                    due: None,
                })
                .unwrap()
        })
    });
    let d = store.list_decisions(&live.id).unwrap()[0].id.clone();
    let mut flip = false;
    group.bench_function("record_follow_up", |b| {
        b.iter(|| {
            flip = !flip;
            let to = if flip {
                DecisionStatus::InProgress
            } else {
                DecisionStatus::Pending
            };
            store.record_follow_up(&d, to, "گزارش").unwrap()
        })
    });
    let sentence = "بانك كشاورزي مقرر شد ظرف مهلت مقرر نسبت به پرداخت وام‌های خُرد ۱۴۰۳ اقدام نماید";
    group.bench_function("fold_sentence", |b| {
        b.iter(|| hamyar::text::fold::fold(std::hint::black_box(sentence)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
