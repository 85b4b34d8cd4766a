//! The meetings screen, and the welcome of an empty database.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::widgets::{cells, label, line, paragraph, scroll_to, titled};
use crate::i18n::{Localized, TuiMessage};
use crate::tui::model::{Line, Model};
use crate::tui::theme::Theme;
use crate::tui::ui::Scroll;

/// Every meeting, with its series title above each run of its meetings.
pub fn draw(frame: &mut Frame<'_>, area: Rect, model: &Model, scroll: &mut Scroll, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let inner = titled(
        frame,
        area,
        s.meetings_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 2 {
        return;
    }
    let headers = lang.strings().cli.meetings_headers;
    // Each column at least as wide as its header («Decisions», «Open issues»), the place last.
    let mut widths = [6u16, 10, 10, 14, 8, 10, 0];
    for (w, h) in widths.iter_mut().zip(headers.iter()).take(6) {
        *w = (*w).max(crate::text::display_width(h) as u16);
    }
    let head = Rect::new(inner.x, inner.y, inner.width, 1);
    let buf = frame.buffer_mut();
    for (text, cell) in headers.iter().zip(cells(head, &widths, lang)) {
        line(buf, cell, text, theme.header, lang);
    }
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let lines = model.meetings.lines();
    let visible = usize::from(body.height);
    scroll.meetings = scroll_to(scroll.meetings, model.meetings.selected, visible);
    for (k, l) in lines.iter().enumerate().skip(scroll.meetings).take(visible) {
        let at = Rect::new(body.x, body.y + (k - scroll.meetings) as u16, body.width, 1);
        let selected = k == model.meetings.selected;
        let style = if selected {
            theme.selected
        } else {
            Style::default()
        };
        buf.set_style(at, style);
        let r = match l {
            Line::Series(series) => {
                let text = TuiMessage::SeriesHeading(series).localized(lang);
                label(buf, at, &text, style.patch(theme.title), lang);
                continue;
            }
            Line::Meeting(r) => r,
        };
        let m = &r.meeting;
        let values = [
            lang.number(m.number),
            lang.date(m.date),
            lang.weekday(m.date).to_string(),
            lang.status(m.status).to_string(),
            lang.number(r.decisions),
            lang.number(r.open_issues),
            m.place.clone(),
        ];
        for (text, cell) in values.iter().zip(cells(at, &widths, lang)) {
            line(buf, cell, text, style, lang);
        }
    }
}

/// An empty database: what hamyar is for, and the two ways to begin.
pub fn welcome(frame: &mut Frame<'_>, area: Rect, model: &Model, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let inner = titled(
        frame,
        area,
        s.welcome_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    let buf = frame.buffer_mut();
    let text_area = Rect::new(
        inner.x + 1,
        inner.y + 1,
        inner.width.saturating_sub(2),
        inner.height.saturating_sub(1),
    );
    paragraph(buf, text_area, s.welcome_text, Style::default(), lang, 0);
}
