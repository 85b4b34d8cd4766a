//! Driving the app without a terminal: a demo database on a frozen clock, keys typed through
//! the real keymap, frames drawn on `TestBackend`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyModifiers};
use hamyar::demo::DemoData;
use hamyar::domain::{Date, FixedClock, FrozenClock, TimeOfDay};
use hamyar::i18n::Lang;
use hamyar::store::Store;
use hamyar::tui::app::App;
use hamyar::tui::event::Event;
use hamyar::tui::keymap::Keymap;
use hamyar::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The day of the demo's live meeting (meeting 2), at 10:15.
pub fn clock() -> Arc<FrozenClock> {
    Arc::new(FrozenClock {
        date: Date::from_jalali(1393, 2, 16).unwrap(),
        time: TimeOfDay::parse("10:15").unwrap(),
    })
}

/// A fresh demo database in a temporary folder.
pub fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let demo = DemoData::kerman().unwrap();
    let mut store = Store::open(&path, Arc::new(FixedClock(demo.today().unwrap()))).unwrap();
    demo.write_into(&mut store).unwrap();
    (dir, path)
}

/// A fresh copy of one demo database written once per test binary: writing the demo takes
/// a hundred fsynced actions, copying it a moment.
pub fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    static TEMPLATE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, template) = TEMPLATE.get_or_init(demo_db);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    std::fs::copy(template, &path).unwrap();
    for ext in ["-wal", "-shm"] {
        let side = template.with_file_name(format!("demo.db{ext}"));
        if side.exists() {
            std::fs::copy(&side, dir.path().join(format!("demo.db{ext}"))).unwrap();
        }
    }
    (dir, path)
}

pub fn open_store(path: &Path) -> Store {
    Store::open(path, clock()).unwrap()
}

/// The app and what drives it.
pub struct Harness {
    pub app: App,
    pub keymap: Keymap,
    pub path: PathBuf,
    _dir: Option<tempfile::TempDir>,
}

impl Harness {
    /// The app on a fresh demo database.
    pub fn demo(lang: Lang) -> Harness {
        let (dir, path) = demo_db();
        let mut h = Harness::on(&path, lang);
        h._dir = Some(dir);
        h
    }

    /// The app on a copy of the demo database ([`demo_copy`]).
    pub fn demo_copied(lang: Lang) -> Harness {
        let (dir, path) = demo_copy();
        let mut h = Harness::on(&path, lang);
        h._dir = Some(dir);
        h
    }

    /// The app on an existing database file.
    pub fn on(path: &Path, lang: Lang) -> Harness {
        Harness::on_store(open_store(path), path, lang)
    }

    /// The app on an existing database file, on another day than the demo's.
    pub fn on_day(path: &Path, lang: Lang, day: Date) -> Harness {
        let clock = Arc::new(FrozenClock {
            date: day,
            time: TimeOfDay::parse("10:15").unwrap(),
        });
        Harness::on_store(Store::open(path, clock).unwrap(), path, lang)
    }

    /// The app on `store`, opened on `path` (with a page cap, say).
    pub fn on_store(store: Store, path: &Path, lang: Lang) -> Harness {
        let mut app = App::new(store, lang).unwrap();
        app.settle();
        Harness {
            app,
            keymap: Keymap::builtin().unwrap(),
            path: path.to_path_buf(),
            _dir: None,
        }
    }

    /// A second store on the same file, to check what was committed.
    pub fn store(&self) -> Store {
        open_store(&self.path)
    }

    /// One event through the keymap; background reads (the review's) finish before it
    /// returns, so tests see a settled app.
    pub fn event(&mut self, event: Event) -> &mut Self {
        if let Some(action) = event.into_action(&self.keymap, self.app.mode()) {
            self.app.apply(action);
        }
        self.app.settle();
        self
    }

    /// Presses one key given as the keymap writes it: `d`, `ی`, `esc`, `ctrl+s`, `tab`.
    pub fn key(&mut self, key: &str) -> &mut Self {
        let event = match key {
            "esc" => Event::key(KeyCode::Esc, KeyModifiers::NONE),
            "enter" => Event::key(KeyCode::Enter, KeyModifiers::NONE),
            "tab" => Event::key(KeyCode::Tab, KeyModifiers::NONE),
            "backtab" => Event::key(KeyCode::BackTab, KeyModifiers::SHIFT),
            "up" => Event::key(KeyCode::Up, KeyModifiers::NONE),
            "down" => Event::key(KeyCode::Down, KeyModifiers::NONE),
            "delete" => Event::key(KeyCode::Delete, KeyModifiers::NONE),
            "home" => Event::key(KeyCode::Home, KeyModifiers::NONE),
            "end" => Event::key(KeyCode::End, KeyModifiers::NONE),
            "backspace" => Event::key(KeyCode::Backspace, KeyModifiers::NONE),
            "ctrl+s" => Event::key(KeyCode::Char('s'), KeyModifiers::CONTROL),
            "ctrl+space" => Event::key(KeyCode::Char(' '), KeyModifiers::CONTROL),
            k => {
                let mut chars = k.chars();
                let c = chars.next().unwrap();
                assert!(chars.next().is_none(), "unknown key name {k}");
                Event::char(c)
            }
        };
        self.event(event)
    }

    pub fn keys(&mut self, keys: &[&str]) -> &mut Self {
        for k in keys {
            self.key(k);
        }
        self
    }

    /// Types text, one key per character.
    pub fn typed(&mut self, text: &str) -> &mut Self {
        for e in Event::typed(text) {
            self.event(e);
        }
        self
    }

    pub fn tick(&mut self) -> &mut Self {
        self.event(Event::Tick)
    }

    /// The status line's text.
    pub fn flash(&self) -> String {
        self.app
            .model
            .flash
            .as_ref()
            .map(|f| f.text.to_string())
            .unwrap_or_default()
    }

    /// The frame at `width`×`height`, as text rows.
    pub fn screen(&mut self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let theme = Theme::new(false);
        hamyar::tui::run::draw(&mut terminal, &mut self.app, &self.keymap, &theme).unwrap();
        let buf = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..height {
            let mut row = String::new();
            for x in 0..width {
                row.push_str(buf[(x, y)].symbol());
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out
    }
}
