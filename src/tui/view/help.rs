//! The help: every key of the screen below, with its Persian-layout twin, generated from the
//! keymap so it can never disagree with what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::widgets::{cells, clear, label, line, modal_area, titled};
use crate::i18n::action_help;
use crate::tui::keymap::Keymap;
use crate::tui::mode::Mode;
use crate::tui::model::Model;
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame<'_>,
    screen: Rect,
    model: &Model,
    keymap: &Keymap,
    mode: Mode,
    offset: &mut usize,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let rows: Vec<(String, String, &str)> = keymap
        .help(mode)
        .into_iter()
        .filter_map(|b| {
            let what = action_help(lang, b.action.name())?;
            let twin = b.twin.map(|t| t.to_string()).unwrap_or_default();
            Some((b.key.to_string(), twin, what))
        })
        .collect();
    let area = modal_area(
        screen,
        screen.width.saturating_sub(4).min(80),
        screen.height.saturating_sub(2),
    );
    clear(frame, area);
    let inner = titled(
        frame,
        area,
        s.help_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    let head = Rect::new(inner.x, inner.y, inner.width, 1);
    let widths = [12, 12, 0];
    let heads = ["", s.persian_layout, ""];
    for (text, cell) in heads.iter().zip(cells(head, &widths, lang)) {
        line(buf, cell, text, theme.header, lang);
    }
    let body_rows = usize::from(inner.height - 2);
    *offset = (*offset).min(rows.len().saturating_sub(body_rows));
    for (k, (key, twin, what)) in rows.iter().enumerate().skip(*offset).take(body_rows) {
        let at = Rect::new(inner.x, inner.y + 1 + (k - *offset) as u16, inner.width, 1);
        let parts = cells(at, &widths, lang);
        line(buf, parts[0], key, theme.title, lang);
        line(buf, parts[1], twin, theme.title, lang);
        line(buf, parts[2], what, ratatui::style::Style::default(), lang);
    }
    let keys = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    label(buf, keys, s.help_keys, theme.muted, lang);
}
