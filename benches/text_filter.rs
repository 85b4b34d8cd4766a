//! Whole process: `hamyar bidi --rtl` against `fribidi --nopad --nobreak --rtl`, on the same 1 MB file. Their outputs are
//! compared first (FriBidi's U+FEFF fillers removed): they differ only on the lines of emoji clusters
//! the fixtures list as deliberate. Skipped, with a message, without FriBidi.

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "../crates/ratatui-bidi/benches/text_common/mod.rs"]
mod common;

/// The real `hamyar` binary: cargo builds it for benchmarks and tells us where it is.
fn bidi_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hamyar"))
}

fn run(cmd: &mut Command, input: &Path, capture: bool) -> Vec<u8> {
    let file = File::open(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    cmd.stdin(file).stdout(if capture {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{cmd:?} failed");
    out.stdout
}

fn without_feff(bytes: Vec<u8>) -> Vec<u8> {
    String::from_utf8_lossy(&bytes)
        .replace('\u{FEFF}', "")
        .into_bytes()
}

/// Checks that the two outputs differ only on the corpus lines the fixtures list as deliberate
/// (`deliberate-clusters.tsv`: emoji sequences FriBidi reorders code point by code point);
/// returns how many lines differ.
fn same_but_deliberate(ours: &[u8], fribidi: &[u8]) -> usize {
    let listed = include_str!("../crates/ratatui-bidi/tests/fixtures/bidi/deliberate-clusters.tsv");
    let deliberate: Vec<usize> = listed
        .lines()
        .filter(|l| l.starts_with("rtl\tnone\t"))
        .filter_map(|l| l.split('\t').nth(2)?.parse().ok())
        .collect();
    let corpus_lines = common::corpus().lines().count();
    let (ours, fribidi) = (
        String::from_utf8_lossy(ours),
        String::from_utf8_lossy(fribidi),
    );
    assert_eq!(ours.lines().count(), fribidi.lines().count());
    let mut differing = 0;
    for (i, (a, b)) in ours.lines().zip(fribidi.lines()).enumerate() {
        if a != b {
            let line = i % corpus_lines + 1;
            assert!(
                deliberate.contains(&line),
                "hamyar bidi and fribidi disagree on corpus line {line}:\n{a}\n{b}"
            );
            differing += 1;
        }
    }
    differing
}

fn whole_process(c: &mut Criterion) {
    let have_fribidi = Command::new("fribidi")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have_fribidi {
        eprintln!("text_filter: fribidi not found (apt-get install libfribidi-bin); skipped");
        return;
    }
    let text = common::corpus_of_size(1 << 20);
    let input = std::env::temp_dir().join(format!("hamyar-bidi-bench-{}.txt", std::process::id()));
    std::fs::write(&input, &text).unwrap_or_else(|e| panic!("{e}"));
    let bidi = bidi_binary();
    let ours = || {
        let mut c = Command::new(&bidi);
        c.args(["bidi", "--rtl"]);
        c
    };
    let fribidi = || {
        let mut c = Command::new("fribidi");
        c.args(["--charset", "UTF-8", "--nopad", "--nobreak", "--rtl"])
            .env_remove("COLUMNS");
        c
    };
    let a = run(&mut ours(), &input, true);
    let b = without_feff(run(&mut fribidi(), &input, true));
    let differing = same_but_deliberate(&a, &b);
    eprintln!(
        "text_filter: outputs identical ({} bytes) but for {differing} lines of emoji clusters FriBidi splits",
        a.len()
    );

    let mut group = c.benchmark_group("whole process, 1 MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("hamyar bidi --rtl", |b| {
        b.iter(|| run(&mut ours(), &input, false))
    });
    group.bench_function("fribidi --nopad --nobreak --rtl", |b| {
        b.iter(|| run(&mut fribidi(), &input, false))
    });
    group.finish();
    let _ = std::fs::remove_file(&input);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = whole_process
}
criterion_main!(benches);
