//! Pieces every screen draws with: lines and paragraphs through the text engine, boxes with
//! titles that read in the interface's direction, rows of cells mirrored in Persian, and a
//! list that keeps its selection in view.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use std::cell::Cell;

use crate::i18n::Lang;
use crate::text::{BaseDirection, BidiLine, BidiMode, BidiParagraph};

thread_local! {
    /// Who reorders text in this run (`--bidi`), set once before drawing starts. A render-time
    /// setting like the terminal size, so it is not threaded through every view.
    static BIDI: Cell<BidiMode> = const { Cell::new(BidiMode::App) };
}

/// Sets who reorders text for every view drawn on this thread from now on.
pub fn set_bidi(mode: BidiMode) {
    BIDI.with(|b| b.set(mode));
}

/// Who reorders text in this run.
pub fn bidi() -> BidiMode {
    BIDI.with(Cell::get)
}

/// The base direction of every piece of text on screen: a Persian sentence stays right to left
/// in the Persian interface even when it starts with a Latin word.
pub fn base(lang: Lang) -> BaseDirection {
    BaseDirection::Prefer(lang.direction())
}

/// One line of text, cut at its logical end when too long.
pub fn line(buf: &mut Buffer, area: Rect, text: &str, style: Style, lang: Lang) {
    BidiLine::new(text)
        .base(base(lang))
        .mode(bidi())
        .style(style)
        .render(area, buf);
}

/// One line aligned to the interface's start (right in Persian) whatever the text's own
/// direction: labels and headings.
pub fn label(buf: &mut Buffer, area: Rect, text: &str, style: Style, lang: Lang) {
    let width = crate::text::display_width(text).min(usize::from(area.width));
    let w = u16::try_from(width).unwrap_or(area.width);
    let x = match lang {
        Lang::Fa => area.x + area.width.saturating_sub(w),
        Lang::En => area.x,
    };
    line(
        buf,
        Rect::new(x, area.y, w, area.height.min(1)),
        text,
        style,
        lang,
    );
}

/// A line that reads left to right whatever the interface (a key such as `ctrl+ز`, which a
/// right-to-left line would show as «ز+ctrl»), aligned to the interface's start side.
pub fn ltr_label(buf: &mut Buffer, area: Rect, text: &str, style: Style, lang: Lang) {
    let width = crate::text::display_width(text).min(usize::from(area.width));
    let w = u16::try_from(width).unwrap_or(area.width);
    let x = match lang {
        Lang::Fa => area.x + area.width.saturating_sub(w),
        Lang::En => area.x,
    };
    BidiLine::new(text)
        .base(BaseDirection::Ltr)
        .mode(bidi())
        .style(style)
        .render(Rect::new(x, area.y, w, area.height.min(1)), buf);
}

/// `text` with its spaces made no-break, so that a short phrase («در انتظار اقدام», a date) in
/// a wrapped line moves to the next row whole rather than splitting.
pub fn unbroken(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// How many rows `text` takes wrapped at `width`.
pub fn height(text: &str, width: u16, lang: Lang) -> usize {
    if width == 0 {
        return 0;
    }
    BidiParagraph::new(text)
        .base(base(lang))
        .mode(bidi())
        .line_count(width)
}

/// Wrapped text, skipping its first `skip` rows.
pub fn paragraph(buf: &mut Buffer, area: Rect, text: &str, style: Style, lang: Lang, skip: usize) {
    BidiParagraph::new(text)
        .base(base(lang))
        .mode(bidi())
        .style(style)
        .scroll(skip)
        .render(area, buf);
}

/// A box with its title on the interface's start side; returns the inside.
pub fn titled(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    border: Style,
    title_style: Style,
    lang: Lang,
) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if area.width > 4 && !title.is_empty() {
        let room = Rect::new(area.x + 2, area.y, area.width - 4, 1);
        let text = format!(" {title} ");
        label(frame.buffer_mut(), room, &text, title_style, lang);
    }
    inner
}

/// A box over the screen, centred, cleared underneath.
pub fn modal_area(screen: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(screen.width);
    let h = height.min(screen.height);
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

pub fn clear(frame: &mut Frame<'_>, area: Rect) {
    frame.render_widget(Clear, area);
}

/// Splits a row into the list pane and the detail pane: the list on the interface's start
/// side (right in Persian), `list_percent` of the width.
pub fn panes(area: Rect, lang: Lang, list_percent: u16) -> (Rect, Rect) {
    let list_w = (u32::from(area.width) * u32::from(list_percent) / 100) as u16;
    let detail_w = area.width - list_w;
    let (list_x, detail_x) = match lang {
        Lang::Fa => (area.x + detail_w, area.x),
        Lang::En => (area.x, area.x + list_w),
    };
    (
        Rect::new(list_x, area.y, list_w, area.height),
        Rect::new(detail_x, area.y, detail_w, area.height),
    )
}

/// Lays cells of the given widths along a row, from the interface's start side, with one
/// space between them; the last cell takes what is left. Returns each cell's area.
pub fn cells(area: Rect, widths: &[u16], lang: Lang) -> Vec<Rect> {
    let mut out = Vec::with_capacity(widths.len());
    let mut used = 0u16;
    for (i, w) in widths.iter().enumerate() {
        let left = area.width.saturating_sub(used);
        let w = if i + 1 == widths.len() {
            left
        } else {
            (*w).min(left)
        };
        let x = match lang {
            Lang::Fa => area.x + area.width.saturating_sub(used + w),
            Lang::En => area.x + used,
        };
        out.push(Rect::new(x, area.y, w, area.height));
        used = used.saturating_add(w).saturating_add(1);
    }
    out
}

/// The first row to draw so that row `selected` of a list shows in `rows` rows, moving the
/// kept offset as little as possible.
pub fn scroll_to(offset: usize, selected: usize, rows: usize) -> usize {
    if rows == 0 {
        return selected;
    }
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}
