//! The history modal: the selected record's changes, newest last, each with its fields, then
//! its follow-ups and the amendments of its approved meeting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pieces::{Pieces, Shape};
use super::widgets::{clear, label, modal_area, titled};
use crate::history::HistoryView;
use crate::tui::model::Model;
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame<'_>,
    screen: Rect,
    model: &Model,
    view: &HistoryView,
    offset: &mut usize,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().history;
    let area = modal_area(
        screen,
        screen.width.saturating_sub(4).min(100),
        screen.height.saturating_sub(2),
    );
    clear(frame, area);
    let inner = titled(
        frame,
        area,
        s.title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 2 {
        return;
    }
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let pieces = pieces(view, model, theme);
    // Scrolling stops where the last row shows at the bottom.
    let total = pieces.height(body.width, lang);
    *offset = (*offset).min(total.saturating_sub(usize::from(body.height)));
    pieces.draw(
        frame.buffer_mut(),
        body,
        lang,
        *offset,
        None,
        Style::default(),
    );
    let keys = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    label(frame.buffer_mut(), keys, s.keys, theme.muted, lang);
}

fn pieces(view: &HistoryView, model: &Model, theme: &Theme) -> Pieces {
    let s = model.lang.strings().history;
    let mut p = Pieces::default();
    p.push(Shape::Wrapped, view.subject.as_str(), theme.title, None);
    p.gap();
    if view.changes.is_empty() {
        p.push(Shape::Wrapped, s.empty, theme.muted, None);
    }
    for entry in &view.changes {
        p.push(Shape::Heading, entry.heading.as_str(), theme.header, None);
        for line in &entry.lines {
            p.push(Shape::Wrapped, line.as_str(), Style::default(), None);
        }
        p.gap();
    }
    if !view.follow_ups.is_empty() {
        p.push(Shape::Heading, s.follow_ups, theme.title, None);
        for line in &view.follow_ups {
            p.push(Shape::Wrapped, line.as_str(), Style::default(), None);
        }
        p.gap();
    }
    if !view.amendments.is_empty() {
        p.push(Shape::Heading, s.amendments, theme.title, None);
        for entry in &view.amendments {
            p.push(Shape::Heading, entry.heading.as_str(), theme.header, None);
            for line in &entry.lines {
                p.push(Shape::Wrapped, line.as_str(), Style::default(), None);
            }
        }
    }
    p
}
