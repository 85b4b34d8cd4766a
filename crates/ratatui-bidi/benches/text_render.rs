//! One 200×50 frame full of mixed Persian text drawn through the bidi widgets on ratatui's
//! TestBackend, against the same text through plain ratatui widgets (which do no bidi).
//!
//! The screen: left half a wrapped BidiParagraph of corpus text, right half 49 BidiLine rows
//! (list rows, cut with an ellipsis) and a BidiInput at the bottom.
//!
//! Also a 100 KB paragraph (a long description or preview) drawn into a 100×40 area, laid out
//! on every render (`Widget`) against kept in a `ParagraphState` (`StatefulWidget`).

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget, Wrap};
use ratatui_bidi::{BidiInput, BidiLine, BidiParagraph, InputState, ParagraphState};

#[path = "text_common/mod.rs"]
mod common;

fn frames(c: &mut Criterion) {
    let corpus = common::corpus();
    let lines: Vec<&str> = corpus.lines().collect();
    let block: String = lines[..40].join("\n");
    let rows: Vec<&str> = lines[40..89].to_vec();
    let mut input = InputState::single_line().with_text(lines[120]);

    let split = |area: Rect| {
        let [left, right] = Layout::horizontal([Constraint::Fill(1); 2]).areas(area);
        let [list, field] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(right);
        (left, list, field)
    };

    let mut group = c.benchmark_group("frame 200x50");
    let backend = TestBackend::new(200, 50);
    let mut terminal = Terminal::new(backend).unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("bidi widgets", |b| {
        b.iter(|| {
            let r = terminal.draw(|f| {
                let (left, list, field) = split(f.area());
                f.render_widget(BidiParagraph::new(&block), left);
                for (i, row) in rows.iter().enumerate().take(usize::from(list.height)) {
                    let area = Rect::new(list.x, list.y + i as u16, list.width, 1);
                    f.render_widget(BidiLine::new(row), area);
                }
                f.render_stateful_widget(BidiInput::new(), field, &mut input);
            });
            black_box(r.is_ok())
        })
    });

    let backend = TestBackend::new(200, 50);
    let mut terminal = Terminal::new(backend).unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("plain ratatui Paragraph", |b| {
        b.iter(|| {
            let r = terminal.draw(|f| {
                let (left, list, field) = split(f.area());
                f.render_widget(
                    Paragraph::new(block.as_str()).wrap(Wrap { trim: false }),
                    left,
                );
                for (i, row) in rows.iter().enumerate().take(usize::from(list.height)) {
                    let area = Rect::new(list.x, list.y + i as u16, list.width, 1);
                    f.render_widget(Paragraph::new(*row), area);
                }
                f.render_widget(Paragraph::new(lines[120]), field);
            });
            black_box(r.is_ok())
        })
    });
    group.finish();
}

fn long_paragraph(c: &mut Criterion) {
    let text = common::corpus_of_size(100 * 1024);
    let area = Rect::new(0, 0, 100, 40);
    let mut buf = Buffer::empty(area);
    let mut group = c.benchmark_group("paragraph 100KB in 100x40");
    group.bench_function("laid out on every render", |b| {
        b.iter(|| {
            Widget::render(BidiParagraph::new(&text).scroll(200), area, &mut buf);
            black_box(&buf);
        })
    });
    let mut state = ParagraphState::new();
    group.bench_function("kept in a ParagraphState", |b| {
        b.iter(|| {
            StatefulWidget::render(
                BidiParagraph::new(&text).scroll(200),
                area,
                &mut buf,
                &mut state,
            );
            black_box(&buf);
        })
    });
    group.finish();
    assert_eq!(state.computed(), 1);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = frames, long_paragraph
}
criterion_main!(benches);
