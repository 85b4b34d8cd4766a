//! Search: the query, and the results grouped by kind with the matched words highlighted where
//! they stand in each right-to-left line.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::widgets::{self, cells, label, line, scroll_to, titled};
use crate::store::SearchKind;
use crate::text::{BidiInput, BidiLine, StyleSpan};
use crate::tui::model::{Model, Search, matched_words};
use crate::tui::theme::Theme;
use crate::tui::ui::Ui;

pub fn draw(frame: &mut Frame<'_>, area: Rect, model: &Model, ui: &mut Ui, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let inner = titled(
        frame,
        area,
        s.search_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 3 {
        return;
    }
    let query = Rect::new(inner.x, inner.y, inner.width, 1);
    if ui.search_input.text().is_empty() {
        label(frame.buffer_mut(), query, s.search_hint, theme.muted, lang);
    }
    frame.render_stateful_widget(
        BidiInput::new().style(theme.input_focused),
        query,
        &mut ui.search_input,
    );
    if let Some(pos) = ui.search_input.cursor_position() {
        frame.set_cursor_position(pos);
    }
    let search = &model.search;
    let (rows, selected_row) = rows(search);
    let body = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    let visible = usize::from(body.height);
    ui.scroll.search = scroll_to(ui.scroll.search, selected_row, visible);
    let buf = frame.buffer_mut();
    for (k, row) in rows.iter().enumerate().skip(ui.scroll.search).take(visible) {
        let at = Rect::new(
            body.x,
            body.y + (k - ui.scroll.search) as u16,
            body.width,
            1,
        );
        match row {
            Some(i) => draw_hit(buf, at, model, *i, theme),
            None => {
                // A heading names the kind of the hit below it.
                let below = rows.get(k + 1).copied().flatten().unwrap_or(0);
                let name = match search.hits.get(below).map(|h| h.hit.kind) {
                    Some(SearchKind::Issue) => s.kind_issue,
                    Some(SearchKind::Decision) => s.kind_decision,
                    _ => s.kind_statement,
                };
                label(buf, at, name, theme.header, lang);
            }
        }
    }
}

/// The list's rows: a heading (`None`) before the first hit of each kind, then the hits; and
/// the row of the selected hit.
fn rows(search: &Search) -> (Vec<Option<usize>>, usize) {
    let mut rows: Vec<Option<usize>> = Vec::new();
    let mut last = None;
    let mut selected_row = 0;
    for (i, h) in search.hits.iter().enumerate() {
        if last != Some(h.hit.kind) {
            rows.push(None);
            last = Some(h.hit.kind);
        }
        if i == search.selected {
            selected_row = rows.len();
        }
        rows.push(Some(i));
    }
    (rows, selected_row)
}

/// One hit: its meeting's number and date, then its text with the words searched for
/// underlined.
fn draw_hit(buf: &mut Buffer, at: Rect, model: &Model, i: usize, theme: &Theme) {
    let (lang, search) = (model.lang, &model.search);
    let Some(h) = search.hits.get(i) else {
        return;
    };
    let style = if i == search.selected {
        theme.selected
    } else {
        Style::default()
    };
    buf.set_style(at, style);
    let s = lang.strings().tui;
    // A decision by its number, as the minutes name it; anything else by its meeting's.
    let place = match (h.hit.number, h.meeting_number, h.meeting_date) {
        (Some(n), _, Some(d)) => format!(
            "{} {} · {}",
            s.decision_noun,
            lang.decision_number(n),
            lang.date(d)
        ),
        (None, Some(n), Some(d)) => format!("{} {} · {}", s.meeting, lang.number(n), lang.date(d)),
        _ => String::new(),
    };
    // Wide enough for «Decision 12/34 · 2014-05-06» whole: a hit's number and date decide it.
    let parts = cells(at, &[28, 0], lang);
    line(buf, parts[0], &place, style.patch(theme.muted), lang);
    let highlight = theme.title.add_modifier(Modifier::UNDERLINED);
    let spans: Vec<StyleSpan> = matched_words(&h.hit.text, &search.query)
        .into_iter()
        .map(|r| StyleSpan::new(r, highlight))
        .collect();
    BidiLine::new(&h.hit.text)
        .base(widgets::base(lang))
        .mode(widgets::bidi())
        .style(style)
        .spans(&spans)
        .render(parts[1], buf);
}
