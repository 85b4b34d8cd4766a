//! The help: the keys of the open dialog, then of the screen, then the global ones, each action
//! on one row with every key that does it and their Persian-layout twins. Generated from the
//! keymap, so it can never disagree with what the keys do; scrolled when it is taller than the
//! window.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::widgets::{cells, clear, label, line, ltr_label, modal_area, titled};
use crate::i18n::{Lang, Localized, TuiMessage, action_help};
use crate::text::display_width;
use crate::tui::keymap::{HelpPart, Keymap, Mode};
use crate::tui::model::Model;
use crate::tui::theme::Theme;

/// One row of the help as drawn.
enum Row<'a> {
    Part(&'static str),
    Keys {
        keys: String,
        twins: String,
        what: &'a str,
    },
}

/// What the help lists: the dialog it was opened over, if any, and the screen.
#[derive(Debug, Clone, Copy)]
pub struct Opened {
    pub dialog: Option<Mode>,
    pub screen: Mode,
}

pub fn draw(
    frame: &mut Frame<'_>,
    screen: Rect,
    model: &Model,
    keymap: &Keymap,
    opened: Opened,
    offset: &mut usize,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let rows = rows(keymap, opened, lang);
    let area = modal_area(
        screen,
        screen.width.saturating_sub(2).min(90),
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
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let widths = widths(&rows, inner.width, s.persian_layout);
    let buf = frame.buffer_mut();
    let head = Rect::new(inner.x, inner.y, inner.width, 1);
    let head_cells = cells(head, &widths, lang);
    label(buf, head_cells[1], s.persian_layout, theme.header, lang);
    let body_rows = usize::from(inner.height - 2);
    *offset = (*offset).min(rows.len().saturating_sub(body_rows));
    for (k, row) in rows.iter().enumerate().skip(*offset).take(body_rows) {
        let at = Rect::new(inner.x, inner.y + 1 + (k - *offset) as u16, inner.width, 1);
        match row {
            Row::Part(title) => label(buf, at, title, theme.header, lang),
            Row::Keys { keys, twins, what } => {
                let parts = cells(at, &widths, lang);
                ltr_label(buf, parts[0], keys, theme.title, lang);
                ltr_label(buf, parts[1], twins, theme.title, lang);
                line(buf, parts[2], what, Style::default(), lang);
            }
        }
    }
    let more = rows.len() > *offset + body_rows;
    let hint = if more || *offset > 0 {
        format!(
            "{} · {}",
            s.help_keys,
            scrolled(lang, *offset, body_rows, rows.len())
        )
    } else {
        s.help_keys.to_string()
    };
    let keys = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    label(buf, keys, &hint, theme.muted, lang);
}

/// The parts and their rows, in order.
fn rows(keymap: &Keymap, opened: Opened, lang: Lang) -> Vec<Row<'static>> {
    let parts = lang.strings().tui.help_parts;
    let mut out = Vec::new();
    for section in keymap.help_sections(opened.dialog, opened.screen) {
        out.push(Row::Part(match section.part {
            HelpPart::Dialog(_) => parts[0],
            HelpPart::Screen(_) => parts[1],
            HelpPart::Global => parts[2],
        }));
        for r in section.rows {
            // Every bindable action has its words (a test holds to that); the name is a
            // last resort, never an empty row.
            let what = action_help(lang, r.action.name()).unwrap_or(r.action.name());
            out.push(Row::Keys {
                keys: keys(&r.keys),
                twins: keys(&r.twins),
                what,
            });
        }
    }
    out
}

/// Keys side by side, left to right: a left-to-right mark after each keeps two Persian keys
/// (`ز ض`) from reading as one right-to-left run, which would swap them.
fn keys(keys: &[String]) -> String {
    keys.join("\u{200E} ")
}

/// The key and twin columns as wide as their widest entry (and the twin column's heading), within
/// a third and a quarter of the width; what the key does takes the rest.
fn widths(rows: &[Row<'_>], width: u16, twin_head: &str) -> [u16; 3] {
    let widest = |f: &dyn Fn(&Row<'_>) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let key = widest(&|r| match r {
        Row::Keys { keys, .. } => display_width(keys),
        Row::Part(_) => 0,
    });
    let twin = widest(&|r| match r {
        Row::Keys { twins, .. } => display_width(twins),
        Row::Part(_) => 0,
    })
    .max(display_width(twin_head));
    let cap = |n: usize, most: u16| u16::try_from(n).unwrap_or(most).min(most);
    [cap(key, width / 3), cap(twin, width / 4), 0]
}

/// «۱–۲۰ از ۴۵»: which rows show.
fn scrolled(lang: Lang, offset: usize, shown: usize, total: usize) -> String {
    let last = (offset + shown).min(total);
    TuiMessage::Showing(offset + 1, last, total).localized(lang)
}
