//! Minutes export: a meeting with 300 decisions in each format, and the whole process
//! `hamyar export --format docx` against `pandoc` turning the same minutes' Markdown into DOCX
//! (the goal: hamyar in at most 0.2× pandoc's time). PDF and pandoc are measured only when
//! `soffice` and `pandoc` are installed; otherwise the bench says so and skips them.

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use hamyar::domain::{Date, FixedClock};
use hamyar::export::{self, Format};
use hamyar::i18n::Lang;
use hamyar::store::{Store, synth};

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let clock = Arc::new(FixedClock(Date::from_jalali(1393, 6, 1).unwrap()));
    let mut store = Store::open(&db, clock).unwrap();
    synth(&mut store, 2, 600, 3).unwrap();
    let meeting = store
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .find(|m| m.number == 2)
        .unwrap();
    let minutes = export::minutes(&store, &meeting.id, Lang::Fa).unwrap();
    assert_eq!(minutes.decisions.len(), 300);

    let mut group = c.benchmark_group("export_300_decisions");
    group.sample_size(20);
    group.bench_function("minutes_from_store", |b| {
        b.iter(|| export::minutes(&store, &meeting.id, Lang::Fa).unwrap())
    });
    for format in [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Csv,
    ] {
        let size = export::render(&minutes, format).unwrap().len();
        eprintln!("{}: {} KiB", format.extension(), size / 1024);
        group.bench_function(format.extension(), |b| {
            b.iter(|| export::render(&minutes, format).unwrap())
        });
    }
    if installed("soffice") {
        group.sample_size(10);
        group.bench_function("pdf", |b| {
            b.iter(|| export::render(&minutes, Format::Pdf).unwrap())
        });
    } else {
        eprintln!("pdf: skipped, soffice is not installed (Debian: libreoffice-writer-nogui)");
    }
    group.finish();
    drop(store);

    let markdown = dir.path().join("minutes.md");
    std::fs::write(&markdown, export::render(&minutes, Format::Md).unwrap()).unwrap();
    whole_process(c, &db, &markdown, dir.path());
}

/// `hamyar export --format docx` as a user runs it, against pandoc on the same minutes.
fn whole_process(c: &mut Criterion, db: &Path, markdown: &Path, dir: &Path) {
    let hamyar_out = dir.join("hamyar.docx");
    let pandoc_out = dir.join("pandoc.docx");
    let hamyar = || {
        let status = Command::new(env!("CARGO_BIN_EXE_hamyar"))
            .arg("--db")
            .arg(db)
            .args(["export", "--meeting", "2", "--format", "docx", "-o"])
            .arg(&hamyar_out)
            .status()
            .unwrap();
        assert!(status.success());
    };
    let mut group = c.benchmark_group("process_docx");
    group.sample_size(10);
    group.bench_function("hamyar_export", |b| b.iter(hamyar));
    if !installed("pandoc") {
        eprintln!("pandoc: skipped, it is not installed (Debian: pandoc)");
        return;
    }
    let pandoc = || {
        let status = Command::new("pandoc")
            .arg(markdown)
            .args(["-f", "gfm", "-o"])
            .arg(&pandoc_out)
            .status()
            .unwrap();
        assert!(status.success());
    };
    group.bench_function("pandoc_markdown_to_docx", |b| b.iter(pandoc));
    group.finish();

    let median = |f: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..15)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        times.sort();
        times[times.len() / 2]
    };
    let (h, p) = (median(&hamyar), median(&pandoc));
    eprintln!(
        "whole process, median of 15: hamyar export docx {h:.1?}, pandoc md→docx {p:.1?}: ratio {:.3} (goal ≤ 0.2)",
        h.as_secs_f64() / p.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
