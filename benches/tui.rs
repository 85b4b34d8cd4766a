//! The interactive app on a synthetic database (HAMYAR_BENCH_DECISIONS decisions over
//! HAMYAR_BENCH_MEETINGS meetings; 20,000 over 400 unless set), without a terminal:
//!
//! - criterion: start (open the store, load the live meeting, draw the first frame) and a full
//!   meeting-room frame at 200×50;
//! - key to frame, as percentiles over many presses (criterion reports means, and the goal is
//!   a p99): move, switch category, open the decision form, save a decision, undo.
//!
//! `cargo bench --bench tui` (HAMYAR_BENCH_DB=file to start from a copy of a database); the real binary's start in a terminal is measured by the pty
//! test harness (see README).

// Benchmarks may unwrap and print: they are run by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyModifiers};
use hamyar::domain::{Date, FrozenClock, TimeOfDay};
use hamyar::i18n::Lang;
use hamyar::store::{Store, synth};
use hamyar::tui::app::App;
use hamyar::tui::event::Event;
use hamyar::tui::keymap::Keymap;
use hamyar::tui::run::draw;
use hamyar::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn clock() -> Arc<FrozenClock> {
    Arc::new(FrozenClock {
        date: Date::from_jalali(1400, 1, 1).unwrap(),
        time: TimeOfDay::parse("10:00").unwrap(),
    })
}

fn app(path: &Path) -> App {
    App::new(Store::open(path, clock()).unwrap(), Lang::Fa).unwrap()
}

struct Driver {
    app: App,
    keymap: Keymap,
    theme: Theme,
    terminal: Terminal<TestBackend>,
}

impl Driver {
    fn press(&mut self, event: Event) {
        if let Some(a) = event.into_action(&self.keymap, self.app.mode()) {
            self.app.apply(a);
        }
        draw(&mut self.terminal, &mut self.app, &self.keymap, &self.theme).unwrap();
    }

    fn key(&mut self, c: char) {
        self.press(Event::char(c));
    }
}

/// Runs `f` `n` times and prints p50, p99 and the worst.
fn percentiles(name: &str, n: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "key to frame {name:<22} n={n:<5} p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
        at(0.5),
        at(0.99),
        times[times.len() - 1]
    );
}

fn bench(c: &mut Criterion) {
    let decisions = env("HAMYAR_BENCH_DECISIONS", 20_000);
    let meetings = env("HAMYAR_BENCH_MEETINGS", 400);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    // HAMYAR_BENCH_DB: a copy of an existing synthetic database instead of a new one.
    if let Ok(source) = std::env::var("HAMYAR_BENCH_DB") {
        std::fs::copy(&source, &path).unwrap();
        // Flushed before timing: the kernel writing the copy back during the run would sit in
        // front of every fsync measured (saves took up to 0.8 s while it did).
        std::fs::File::open(&path).unwrap().sync_all().unwrap();
        eprintln!("using a copy of {source}");
    } else {
        let mut store = Store::open(&path, clock()).unwrap();
        let t = Instant::now();
        synth(&mut store, meetings, decisions, 3).unwrap();
        eprintln!(
            "synth: {meetings} meetings, {decisions} decisions in {:.1?}",
            t.elapsed()
        );
    }
    let theme = Theme::new(true);
    let keymap = Keymap::builtin().unwrap();

    let mut group = c.benchmark_group("tui");
    group.sample_size(20);
    // The review's background read starts with the app; it is let finish outside the timing,
    // so one start does not slow the next.
    group.bench_function("start_to_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let mut app = app(&path);
                let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
                draw(&mut terminal, &mut app, &keymap, &theme).unwrap();
                total += t.elapsed();
                app.settle();
            }
            total
        })
    });
    let mut first = app(&path);
    first.settle();
    let mut d = Driver {
        app: first,
        keymap: keymap.clone(),
        theme,
        terminal: Terminal::new(TestBackend::new(200, 50)).unwrap(),
    };
    group.bench_function("room_frame_200x50", |b| {
        b.iter(|| draw(&mut d.terminal, &mut d.app, &d.keymap, &d.theme).unwrap())
    });
    group.finish();

    percentiles("move", 2000, || d.key(if fastrand() { 'j' } else { 'k' }));
    percentiles("switch category", 2000, || d.key(']'));
    percentiles("open decision form", 500, || {
        d.key('d');
        d.press(Event::key(KeyCode::Esc, KeyModifiers::NONE));
    });
    percentiles("save decision", 300, || {
        d.key('d');
        for e in Event::typed("بانک ملی وام بدهد") {
            d.press(e);
        }
        d.press(Event::key(KeyCode::Tab, KeyModifiers::NONE));
        for e in Event::typed("بانک") {
            d.press(e);
        }
        d.press(Event::key(KeyCode::Enter, KeyModifiers::NONE));
        // Only the save itself is what the issue calls "save a decision"; the typing above is
        // measured by "move"-like keys. Time it alone:
        let t = Instant::now();
        d.press(Event::key(KeyCode::Char('s'), KeyModifiers::CONTROL));
        SAVE.with(|s| s.borrow_mut().push(t.elapsed()));
    });
    SAVE.with(|s| {
        let mut v = s.borrow().clone();
        v.sort();
        let at = |q: f64| v[((v.len() as f64 - 1.0) * q) as usize];
        println!(
            "key to frame {:<22} n={:<5} p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}",
            "ctrl+s (save)",
            v.len(),
            at(0.5),
            at(0.99),
            v[v.len() - 1]
        );
    });
    percentiles("undo", 300, || d.key('u'));

    // Between meetings: the review (its decisions read in the background at start) and search.
    d.app.settle();
    percentiles("open review", 300, || {
        d.key('r');
        d.press(Event::key(KeyCode::Esc, KeyModifiers::NONE));
    });
    d.key('r');
    d.app.settle();
    println!(
        "review rows: {} of {} decisions",
        d.app.model.review.rows.len(),
        d.app.model.review.entries.entries.len()
    );
    percentiles("review overdue toggle", 300, || d.key('o'));
    percentiles("review grouping toggle", 300, || d.key('g'));
    percentiles("review move", 1000, || {
        d.key(if fastrand() { 'j' } else { 'k' })
    });
    d.press(Event::key(KeyCode::Esc, KeyModifiers::NONE));
    d.key('/');
    // One key per sample: the phrase typed letter by letter, then erased letter by letter.
    let phrase: Vec<char> = "بانك كشاورزي وام".chars().collect();
    let mut keys = phrase
        .iter()
        .map(|c| Event::char(*c))
        .chain(
            phrase
                .iter()
                .map(|_| Event::key(KeyCode::Backspace, KeyModifiers::NONE)),
        )
        .cycle();
    percentiles("search as you type", 320, || {
        if let Some(e) = keys.next() {
            d.press(e);
        }
    });
    d.press(Event::key(KeyCode::Esc, KeyModifiers::NONE));

    // The room display: reload after a change, and a frame.
    let store = Store::open(&path, clock()).unwrap();
    let meeting = store
        .list_meetings(None)
        .unwrap()
        .rows
        .last()
        .unwrap()
        .id
        .clone();
    let mut display = hamyar::tui::present::Display::load(&store, &meeting).unwrap();
    percentiles("present reload", 300, || {
        display = hamyar::tui::present::Display::load(&store, &meeting).unwrap();
    });
    let mut t = Terminal::new(TestBackend::new(200, 50)).unwrap();
    percentiles("present frame 200x50", 300, || {
        t.draw(|f| hamyar::tui::present::draw(f, &display, Lang::Fa, &theme))
            .unwrap();
    });
}

thread_local! {
    static SAVE: std::cell::RefCell<Vec<Duration>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A cheap coin toss, so moving goes up and down and stays inside the list.
fn fastrand() -> bool {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STATE: AtomicU64 = AtomicU64::new(0x2545_F491_4F6C_DD1D);
    let mut x = STATE.load(Ordering::Relaxed);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, Ordering::Relaxed);
    x & 1 == 0
}

criterion_group!(benches, bench);
criterion_main!(benches);
