//! `hamyar present`: the room display. A second terminal (a projector) shows the meeting for
//! the room: its title, the category being discussed, and its decisions newest first in large,
//! spaced rows. It follows what the secretary records in another hamyar on the same file
//! within a second (`PRAGMA data_version` on every tick) and never writes.

use std::time::Duration;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::event::{Event, EventSource};
use super::theme::Theme;
use super::view::pieces::{Pieces, Shape};
use super::view::widgets::{label, line};
use crate::domain::{Decision, Id, Meeting, Series};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

/// What the room sees.
#[derive(Debug, Clone)]
pub struct Display {
    pub series: Series,
    pub meeting: Meeting,
    /// Newest first.
    pub decisions: Vec<Decision>,
    /// The category of the issue last spoken about or decided on.
    pub category: Option<String>,
    pub agencies: Vec<crate::domain::Agency>,
}

impl Display {
    /// Reads meeting `id` for display.
    pub fn load(store: &Store, id: &Id) -> Result<Display, StoreError> {
        let meeting = store.get_meeting(id)?;
        let series = store.get_series(&meeting.series)?;
        let mut decisions = store.list_decisions(id)?;
        let statements = store.list_statements(id)?;
        let last_issue = decisions
            .last()
            .and_then(|d| d.issue.clone())
            .or_else(|| statements.last().and_then(|s| s.issue.clone()));
        let category = match last_issue {
            Some(issue) => {
                let issue = store.get_issue(&issue)?;
                let categories = store.list_categories()?;
                issue
                    .category
                    .and_then(|c| categories.into_iter().find(|k| k.id == c))
                    .map(|c| c.name)
            }
            None => None,
        };
        decisions.reverse();
        Ok(Display {
            series,
            meeting,
            decisions,
            category,
            agencies: store.list_agencies()?,
        })
    }
}

/// Draws the display.
pub fn draw(frame: &mut Frame<'_>, display: &Display, lang: Lang, theme: &Theme) {
    let area = frame.area();
    if area.width < 20 || area.height < 4 {
        let s = lang.strings().tui;
        line(
            frame.buffer_mut(),
            Rect::new(area.x, area.y, area.width, area.height.min(1)),
            s.too_small,
            theme.error,
            lang,
        );
        return;
    }
    let inner = Rect::new(area.x + 2, area.y + 1, area.width - 4, area.height - 1);
    let buf = frame.buffer_mut();
    draw_heading(buf, inner, display, lang, theme);
    let body = Rect::new(
        inner.x,
        inner.y + 4,
        inner.width,
        inner.height.saturating_sub(4),
    );
    decisions(display, lang, theme).draw(buf, body, lang, 0, None, theme.selected);
}

/// The series, the meeting's number and day, and the category being discussed.
fn draw_heading(buf: &mut Buffer, inner: Rect, display: &Display, lang: Lang, theme: &Theme) {
    let s = lang.strings().tui;
    let m = &display.meeting;
    label(
        buf,
        Rect::new(inner.x, inner.y, inner.width, 1),
        &display.series.title,
        theme.title,
        lang,
    );
    let head = format!(
        "{} {} · {}",
        s.meeting,
        lang.number(m.number),
        lang.date_with_weekday(m.date)
    );
    label(
        buf,
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
        &head,
        theme.header,
        lang,
    );
    if let Some(c) = &display.category {
        label(
            buf,
            Rect::new(inner.x, inner.y + 2, inner.width, 1),
            &format!("{}: {c}", s.now_discussing),
            theme.tab_active,
            lang,
        );
    }
}

/// Each decision of the meeting: its number, lead agency and deadline, then its text.
fn decisions(display: &Display, lang: Lang, theme: &Theme) -> Pieces {
    let s = lang.strings().tui;
    let mut p = Pieces::default();
    for d in &display.decisions {
        let agency = display
            .agencies
            .iter()
            .find(|a| a.id == d.lead_agency)
            .map(|a| {
                if lang == Lang::En && !a.name_en.is_empty() {
                    a.name_en.as_str()
                } else {
                    a.name.as_str()
                }
            })
            .unwrap_or("");
        let due = d.due.map_or_else(|| s.no_due.to_string(), |x| lang.date(x));
        p.push(
            Shape::Heading,
            format!("{} · {agency} · {due}", lang.decision_number(d.number)),
            theme.title,
            None,
        );
        p.push(Shape::Wrapped, d.text.clone(), Style::default(), None);
        p.gap();
    }
    if display.decisions.is_empty() {
        p.push(Shape::Heading, s.no_decisions_yet, theme.muted, None);
    }
    p
}

/// Shows the display until `q` or `Esc` (or a signal), reloading when the file changes.
pub fn run_display<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    events: &mut impl EventSource,
    store: &Store,
    meeting: &Id,
    lang: Lang,
    theme: &Theme,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut display = Display::load(store, meeting)?;
    let mut version = store.data_version()?;
    loop {
        terminal.draw(|f| draw(f, &display, lang, theme))?;
        match events.next(Duration::from_millis(250))? {
            Some(Event::Terminate) => return Ok(()),
            Some(Event::Key(k)) if is_quit(&k) => return Ok(()),
            Some(Event::Tick) | None => {
                let now = store.data_version()?;
                if now != version {
                    version = now;
                    display = Display::load(store, meeting)?;
                }
            }
            Some(_) => {}
        }
    }
}

/// `q`, its Persian twin `ض`, `Esc` or `Ctrl+C`.
fn is_quit(k: &crossterm::event::KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(k.code, KeyCode::Char('q' | 'ض') | KeyCode::Esc)
        || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
}
