//! Layout throughput: the bidi corpus repeated to 1 MB, one paragraph per line.

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui_bidi::{BaseDirection, Layout, LayoutOptions};

#[path = "text_common/mod.rs"]
mod common;

fn layout_1mb(c: &mut Criterion) {
    let text = common::corpus_of_size(1 << 20);
    let lines: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, width) in [("1MB unlimited", None), ("1MB wrapped at 80", Some(80))] {
        let opts = LayoutOptions {
            base: BaseDirection::Rtl,
            width,
            ..Default::default()
        };
        let mut layout = Layout::new();
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut cells = 0usize;
                for line in &lines {
                    layout.compute(line, &opts);
                    cells += layout.lines().map(|l| l.cells.len()).sum::<usize>();
                }
                black_box(cells)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = layout_1mb
}
criterion_main!(benches);
