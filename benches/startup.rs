//! Start to first frame of the real binary in a pseudo-terminal: from spawning `hamyar` until
//! the meeting room's title is on the emulated screen. This counts what a secretary waits for:
//! process start, opening the database, loading the directory and the room, the terminal's
//! answers to hamyar's questions, and drawing.
//!
//! `cargo bench --bench startup`; `HAMYAR_BENCH_DB=file` starts from a copy of a database (a
//! `hamyar synth` one, say), otherwise the demo on the day of its meeting in progress.

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    dead_code
)]

#[path = "../tests/tui/keys.rs"]
mod keys;
#[path = "../tests/tui/pty.rs"]
mod pty;
#[path = "../tests/tui/screen.rs"]
mod screen;

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use hamyar::text::{BaseDirection, BidiMode, FilterOptions, bidi_filter};
use pty::PtyCommand;

/// The tab of all categories, as the Persian meeting room draws it: there whatever the data.
fn all_tab() -> String {
    let mut out = Vec::new();
    let opts = FilterOptions {
        base: BaseDirection::Rtl,
        width: None,
        sanitize: true,
        mode: BidiMode::App,
    };
    bidi_filter("همه\n".as_bytes(), &mut out, &opts).unwrap();
    String::from_utf8(out).unwrap().trim().to_string()
}

fn database(dir: &Path) -> (std::path::PathBuf, Option<String>) {
    let path = dir.join("bench.db");
    if let Ok(source) = std::env::var("HAMYAR_BENCH_DB") {
        std::fs::copy(&source, &path).unwrap();
        // Flushed before timing: the kernel writing the copy back during the run would sit in
        // front of every fsync measured (saves took up to 0.8 s while it did).
        std::fs::File::open(&path).unwrap().sync_all().unwrap();
        eprintln!("using a copy of {source}");
        return (path, None);
    }
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_hamyar"))
        .arg("--db")
        .arg(&path)
        .arg("demo")
        .status()
        .unwrap();
    assert!(status.success());
    (path, Some("1393/02/16".into()))
}

fn start(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (db, today) = database(dir.path());
    let tab = all_tab();
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("binary_to_first_room_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut cmd = PtyCommand::hamyar()
                    .arg("--db")
                    .arg(&db)
                    .env("HAMYAR_LOG", "off")
                    .size(200, 50);
                if let Some(day) = &today {
                    cmd = cmd.args(["--today", day.as_str()]);
                }
                let t = Instant::now();
                let mut app = cmd.spawn();
                app.wait_for_text(&tab, pty::SHORT);
                total += t.elapsed();
                app.send_text("q");
                let _ = app.wait_exit(pty::SHORT);
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, start);
criterion_main!(benches);
