//! The room display: it shows the meeting's decisions newest first and follows another
//! hamyar's writes, never writing itself.

use std::time::Duration;

use hamyar::i18n::Lang;
use hamyar::store::NewDecision;
use hamyar::tui::event::{Event, EventSource};
use hamyar::tui::present::run_display;
use hamyar::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::support::*;

/// Ticks; on the first, the secretary's hamyar records a decision.
struct SecretaryWrites {
    step: usize,
    path: std::path::PathBuf,
}

impl EventSource for SecretaryWrites {
    fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
        self.step += 1;
        if self.step == 1 {
            let mut s = open_store(&self.path);
            let m = s
                .list_meetings(None)
                .unwrap()
                .rows
                .into_iter()
                .find(|m| m.number == 2)
                .unwrap();
            let agency = s.find_agencies("صندوق مهر").unwrap()[0].id.clone();
            s.record_decision(&NewDecision {
                meeting: m.id,
                issue: None,
                text: "صندوق مهر امام رضا (ع) ۲۰ فقره وام «کارآفرینی» بدهد".into(),
                lead_agency: agency,
                supporting_agencies: vec![],
                due: None,
            })
            .unwrap();
        }
        Ok(Some(if self.step < 3 {
            Event::Tick
        } else {
            Event::Terminate
        }))
    }
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_display_follows_the_secretary_and_never_writes() {
    let (_dir, path) = demo_db();
    let store = open_store(&path);
    let m = store
        .list_meetings(None)
        .unwrap()
        .rows
        .into_iter()
        .find(|m| m.number == 2)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut events = SecretaryWrites {
        step: 0,
        path: path.clone(),
    };
    run_display(
        &mut terminal,
        &mut events,
        &store,
        &m.id,
        Lang::Fa,
        &Theme::new(false),
    )
    .unwrap();
    let screen = text_of(&terminal);
    assert!(
        screen.contains("۲/۸"),
        "the new decision is on the display:\n{screen}"
    );
    let first = screen.find("۲/۸").unwrap();
    let older = screen.find("۲/۷").unwrap();
    assert!(first < older, "newest at the top");
    drop(store);
    let reader = open_store(&path);
    assert_eq!(reader.list_decisions(&m.id).unwrap().len(), 8);
    assert_ne!(
        before,
        std::fs::read(&path).unwrap(),
        "the secretary's write is in the file"
    );
}

#[test]
fn the_display_in_both_languages() {
    for lang in [Lang::Fa, Lang::En] {
        let (_dir, path) = demo_db();
        let store = open_store(&path);
        let m = store
            .list_meetings(None)
            .unwrap()
            .rows
            .into_iter()
            .find(|m| m.number == 2)
            .unwrap();
        let display = hamyar::tui::present::Display::load(&store, &m.id).unwrap();
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|f| hamyar::tui::present::draw(f, &display, lang, &Theme::new(false)))
            .unwrap();
        let name = format!("present_{}", if lang == Lang::Fa { "fa" } else { "en" });
        let screen: String = text_of(&terminal)
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        insta::assert_snapshot!(name, screen);
        for (w, h) in [(1, 1), (10, 3), (300, 100)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| hamyar::tui::present::draw(f, &display, lang, &Theme::new(false)))
                .unwrap();
        }
    }
}
