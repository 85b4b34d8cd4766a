//! What the screens and the list commands read, on the database of issue 8: 2,000 meetings and
//! 100,000 decisions with their statements, attendance, follow-ups and review rows.
//!
//! - `meeting_summaries`: the meetings list (`hamyar meetings`, the meetings screen);
//! - `search` of one, two and three words (`hamyar search`, the search screen as you type);
//! - `review_entries`: every decision of the series with what the review sorts by.
//!
//! `cargo bench --bench store_read`; `HAMYAR_BENCH_DB=file` reads a copy of an existing
//! database instead of writing one with `synth` (about 20 s).

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
use hamyar::domain::{Date, FixedClock};
use hamyar::store::{Store, synth};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let clock = Arc::new(FixedClock(Date::from_jalali(1428, 5, 20).unwrap()));
    if let Ok(source) = std::env::var("HAMYAR_BENCH_DB") {
        std::fs::copy(&source, &path).unwrap();
        // Flushed before timing: the kernel writing the copy back during the run would sit in
        // front of every fsync measured (saves took up to 0.8 s while it did).
        std::fs::File::open(&path).unwrap().sync_all().unwrap();
        eprintln!("using a copy of {source}");
    } else {
        let mut store = Store::open(&path, clock.clone()).unwrap();
        let t = Instant::now();
        synth(&mut store, 2000, 100_000, 3).unwrap();
        eprintln!(
            "synth: 2000 meetings, 100000 decisions in {:.1?}",
            t.elapsed()
        );
    }
    let store = Store::open_read_only(&path, clock).unwrap();
    let mut group = c.benchmark_group("store_read");
    group.sample_size(20);
    group.bench_function("meeting_summaries", |b| {
        b.iter(|| store.meeting_summaries(None).unwrap().rows.len())
    });
    for query in ["وام", "بانك كشاورزي", "سرمايه در گردش"] {
        eprintln!(
            "search «{query}»: {} hits",
            store.search(query).unwrap().len()
        );
        group.bench_function(format!("search_{}_words", query.split(' ').count()), |b| {
            b.iter(|| store.search(query).unwrap().len())
        });
    }
    group.bench_function("review_entries", |b| {
        b.iter(|| store.review_entries(None).unwrap().entries.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
