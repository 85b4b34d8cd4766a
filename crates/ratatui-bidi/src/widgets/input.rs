//! An editable text field: the editing state is a plain struct the app owns; the widget only
//! draws it and records where the terminal cursor goes.

use std::ops::Range;

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::{Position, Rect};
use ratatui_core::style::{Modifier, Style};
use ratatui_core::widgets::StatefulWidget;
use unicode_normalization::char::is_combining_mark;

use super::{Paint, paint_line};
use crate::cluster::{is_emoji_sequence, is_unit_boundary, next_unit_boundary, unit_start};
use crate::direction::BaseDirection;
use crate::layout::{Layout, LayoutOptions};
use crate::sanitize::sanitize;
use crate::terminal::BidiMode;

const ZWNJ: char = '\u{200C}';

/// Text, cursor and selection of a single- or multi-line field. No terminal I/O: key handling
/// calls its methods, and [`BidiInput`] draws it.
///
/// Positions are byte offsets into the text, always between grapheme clusters: the cursor never
/// lands inside an emoji sequence or between a letter and its harakat. Left/Right move to the
/// visually adjacent cluster (so in Persian, Left goes *forward*), Home/End to the logical ends
/// of the current paragraph. Delete removes the logically next cluster; Backspace the
/// previous one, except that it takes a letter's last haraka alone, so that a typist can fix a
/// mark without retyping the letter.
#[derive(Clone, Debug)]
///
/// ```
/// use ratatui_bidi::{BidiInput, InputState};
/// use ratatui_core::{buffer::Buffer, layout::Rect, widgets::StatefulWidget};
///
/// let mut state = InputState::single_line().with_text("مصوبه");
/// state.insert_str(" ۲/۳");
/// state.backspace(); // the logically previous character, whatever its place on screen
/// assert_eq!(state.text(), "مصوبه ۲/");
///
/// let area = Rect::new(0, 0, 20, 1);
/// let mut buf = Buffer::empty(area);
/// BidiInput::new().render(area, &mut buf, &mut state);
/// // Right to left: the field's first letter is in its rightmost cell.
/// assert_eq!(buf[(19, 0)].symbol(), "ﻣ");
/// ```
pub struct InputState {
    text: String,
    cursor: usize,
    anchor: Option<usize>,
    multiline: bool,
    base: BaseDirection,
    mode: BidiMode,
    layout: Layout,
    /// Width the layout was made for (`None`: not wrapped), and whether text changed since.
    laid_out: Option<Option<usize>>,
    /// Last rendered width, for movement between renders.
    width: usize,
    /// First visible visual line (multi-line).
    scroll: usize,
    /// Leftmost visible column of the line (single-line, when it is wider than the field).
    hscroll: isize,
    cursor_position: Option<Position>,
}

impl Default for InputState {
    fn default() -> Self {
        Self::single_line()
    }
}

impl InputState {
    /// An empty field of one line: newlines typed or pasted become spaces.
    pub fn single_line() -> Self {
        InputState {
            text: String::new(),
            cursor: 0,
            anchor: None,
            multiline: false,
            base: BaseDirection::default(),
            mode: BidiMode::App,
            layout: Layout::new(),
            laid_out: None,
            width: 80,
            scroll: 0,
            hscroll: 0,
            cursor_position: None,
        }
    }

    /// An empty field of several lines: Enter inserts a newline.
    pub fn multi_line() -> Self {
        InputState {
            multiline: true,
            ..Self::single_line()
        }
    }

    /// The base direction of the field's paragraphs.
    pub fn with_base(mut self, base: BaseDirection) -> Self {
        self.base = base;
        self.laid_out = None;
        self
    }

    /// [`BidiMode::Terminal`]: logical order, for a terminal that reorders by itself.
    pub fn with_mode(mut self, mode: BidiMode) -> Self {
        self.mode = mode;
        self.laid_out = None;
        self
    }

    /// Replaces the text (sanitized) and puts the cursor at its end.
    pub fn with_text(mut self, text: &str) -> Self {
        self.set_text(text);
        self
    }

    /// Replaces the text (sanitized) and puts the cursor at its end.
    pub fn set_text(&mut self, text: &str) {
        self.text = self.clean(text);
        self.cursor = self.text.len();
        self.anchor = None;
        self.changed();
    }

    /// The text as typed (sanitized).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the field takes several lines.
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Cursor as a byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Puts the cursor at byte `pos` (moved back to the start of its grapheme cluster),
    /// clearing the selection.
    pub fn set_cursor(&mut self, pos: usize) {
        self.cursor = self.boundary(pos);
        self.anchor = None;
    }

    /// The selected logical byte range, if any.
    pub fn selection(&self) -> Option<Range<usize>> {
        let a = self.anchor?;
        (a != self.cursor).then(|| a.min(self.cursor)..a.max(self.cursor))
    }

    /// Selects the whole text, the cursor at its end.
    pub fn select_all(&mut self) {
        self.anchor = Some(0);
        self.cursor = self.text.len();
    }

    /// Where the terminal cursor belongs after the last render, if the cursor was visible.
    pub fn cursor_position(&self) -> Option<Position> {
        self.cursor_position
    }

    /// Types `c` at the cursor, replacing the selection if any.
    pub fn insert_char(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut b));
    }

    /// Inserts a zero-width non-joiner (نیم‌فاصله), for the key the keymap binds to it.
    pub fn insert_zwnj(&mut self) {
        self.insert_char(ZWNJ);
    }

    /// Inserts typed or pasted text at the cursor, replacing the selection. The text is
    /// sanitized; a single-line field turns newlines into spaces.
    pub fn insert_str(&mut self, s: &str) {
        let s = self.clean(s);
        if s.is_empty() {
            return;
        }
        self.delete_selection();
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
        // Text ending in a ZWJ joins the emoji after it into one cluster: go past it.
        if !is_unit_boundary(&self.text, self.cursor) {
            self.cursor = next_unit_boundary(&self.text, self.cursor);
        }
        self.changed();
    }

    /// Deletes the selection, or the grapheme cluster logically before the cursor (only its
    /// last mark, when it is a letter with harakat).
    pub fn backspace(&mut self) {
        if self.delete_selection() || self.cursor == 0 {
            return;
        }
        let mut start = unit_start(&self.text, self.cursor - 1);
        let cluster = &self.text[start..self.cursor];
        if let Some(last) = cluster.chars().next_back()
            && cluster.len() > last.len_utf8()
            && is_combining_mark(last)
            && !is_emoji_sequence(cluster)
        {
            start = self.cursor - last.len_utf8();
        }
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        self.removed();
    }

    /// Deletes the selection, or the grapheme cluster logically after the cursor.
    pub fn delete(&mut self) {
        if self.delete_selection() {
            return;
        }
        let end = next_unit_boundary(&self.text, self.cursor);
        if end > self.cursor {
            self.text.replace_range(self.cursor..end, "");
            self.removed();
        }
    }

    /// Deletes the selection, or from the start of the cursor's line (paragraph) to the
    /// cursor: readline's Ctrl+U.
    pub fn delete_to_line_start(&mut self) {
        if self.delete_selection() {
            return;
        }
        let start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.delete_range(start, self.cursor);
    }

    /// Deletes the selection, or from the cursor to the end of its line; at the end of a line,
    /// the line break, so the next line joins it: readline's Ctrl+K.
    pub fn delete_to_line_end(&mut self) {
        if self.delete_selection() {
            return;
        }
        let end = match self.text[self.cursor..].find('\n') {
            Some(0) => self.cursor + 1,
            Some(i) => self.cursor + i,
            None => self.text.len(),
        };
        self.delete_range(self.cursor, end);
    }

    /// Deletes the selection, or the word before the cursor with the spaces after it:
    /// readline's Ctrl+W. A ZWNJ (نیم‌فاصله) is inside a word, so «می‌خواهم» goes whole.
    pub fn delete_word_before(&mut self) {
        if self.delete_selection() {
            return;
        }
        let before = &self.text[..self.cursor];
        let word_end = before.trim_end_matches(|c: char| c.is_whitespace()).len();
        let start = before[..word_end]
            .rfind(char::is_whitespace)
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        self.delete_range(start, self.cursor);
    }

    fn delete_range(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        self.anchor = None;
        self.removed();
    }

    /// Moves one character to the left on screen; `extend` grows the selection.
    pub fn move_left(&mut self, extend: bool) {
        self.layout_now();
        let to = self.layout.move_visual(self.cursor, true);
        self.move_to(to, extend);
    }

    /// Moves the cursor one character to the right on screen (visually); `extend` selects.
    pub fn move_right(&mut self, extend: bool) {
        self.layout_now();
        let to = self.layout.move_visual(self.cursor, false);
        self.move_to(to, extend);
    }

    /// Moves the cursor to the visual line above, nearest its column; `extend` selects.
    pub fn move_up(&mut self, extend: bool) {
        self.layout_now();
        let to = self.layout.move_vertical(self.cursor, true, self.width);
        self.move_to(to, extend);
    }

    /// Moves the cursor to the visual line below, nearest its column; `extend` selects.
    pub fn move_down(&mut self, extend: bool) {
        self.layout_now();
        let to = self.layout.move_vertical(self.cursor, false, self.width);
        self.move_to(to, extend);
    }

    /// To the logical start of the current paragraph.
    pub fn move_home(&mut self, extend: bool) {
        let to = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.move_to(to, extend);
    }

    /// To the logical end of the current paragraph.
    pub fn move_end(&mut self, extend: bool) {
        let to = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i);
        self.move_to(to, extend);
    }

    fn move_to(&mut self, to: usize, extend: bool) {
        if extend {
            self.anchor.get_or_insert(self.cursor);
        } else {
            self.anchor = None;
        }
        self.cursor = self.boundary(to);
    }

    fn delete_selection(&mut self) -> bool {
        let Some(r) = self.selection() else {
            self.anchor = None;
            return false;
        };
        self.text.replace_range(r.clone(), "");
        self.cursor = r.start;
        self.anchor = None;
        self.removed();
        true
    }

    fn clean(&self, s: &str) -> String {
        let s = sanitize(s);
        if self.multiline {
            s.into_owned()
        } else {
            s.replace('\n', " ")
        }
    }

    fn boundary(&self, pos: usize) -> usize {
        unit_start(&self.text, pos)
    }

    /// After a deletion: what is left on either side may form one cluster now (an emoji, a
    /// ZWJ, then the space that was deleted before another emoji); the cursor goes to its start.
    fn removed(&mut self) {
        self.cursor = self.boundary(self.cursor);
        self.changed();
    }

    fn changed(&mut self) {
        self.laid_out = None;
    }

    fn wrap_width(&self) -> Option<usize> {
        self.multiline.then_some(self.width.max(1))
    }

    fn layout_now(&mut self) {
        let want = self.wrap_width();
        if self.laid_out != Some(want) {
            let opts = LayoutOptions {
                base: self.base,
                width: want,
                mode: self.mode,
            };
            self.layout.compute(&self.text, &opts);
            self.laid_out = Some(want);
        }
    }
}

/// Draws an [`InputState`]: wrapped and scrolled vertically when multi-line, scrolled
/// horizontally when single-line. The selection is highlighted on its characters wherever
/// reordering put them. The terminal cursor position is stored in the state.
#[derive(Clone, Debug)]
pub struct BidiInput {
    style: Style,
    selection_style: Style,
    cursor_style: Option<Style>,
}

impl Default for BidiInput {
    fn default() -> Self {
        BidiInput {
            style: Style::default(),
            selection_style: Style::default().add_modifier(Modifier::REVERSED),
            cursor_style: None,
        }
    }
}

impl BidiInput {
    /// The widget, in the default style.
    pub fn new() -> Self {
        Self::default()
    }

    /// The style of the text.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The style patched onto the selection.
    pub fn selection_style(mut self, style: Style) -> Self {
        self.selection_style = style;
        self
    }

    /// Also paint the cell under the cursor with `style` (for a drawn cursor instead of, or
    /// besides, the terminal's).
    pub fn cursor_style(mut self, style: Style) -> Self {
        self.cursor_style = Some(style);
        self
    }
}

impl StatefulWidget for BidiInput {
    type State = InputState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut InputState) {
        let area = area.intersection(buf.area);
        buf.set_style(area, self.style);
        state.cursor_position = None;
        if area.is_empty() {
            return;
        }
        state.width = usize::from(area.width);
        state.layout_now();
        let width = usize::from(area.width);
        let paint = Paint {
            base: self.style,
            spans: &[],
            highlight: state.selection().map(|r| (r, self.selection_style)),
        };
        let Some((caret_line, caret_col)) = state.layout.caret_column(state.cursor) else {
            return;
        };
        let rows = usize::from(area.height);
        if state.multiline {
            if caret_line < state.scroll {
                state.scroll = caret_line;
            } else if caret_line >= state.scroll + rows {
                state.scroll = caret_line + 1 - rows;
            }
        } else {
            state.scroll = 0;
        }
        for (row, line) in state
            .layout
            .lines()
            .skip(state.scroll)
            .take(rows)
            .enumerate()
        {
            let origin = if state.multiline || line.width < width {
                line.x_offset(width) as isize
            } else {
                // Wider than the field: keep the caret in view, one column spare for the end.
                let view = width as isize;
                if caret_col < state.hscroll {
                    state.hscroll = caret_col;
                } else if caret_col >= state.hscroll + view {
                    state.hscroll = caret_col + 1 - view;
                }
                state.hscroll = state
                    .hscroll
                    .clamp(-1, (line.width as isize + 1 - view).max(-1));
                -state.hscroll
            };
            let y = area.y + row as u16;
            paint_line(buf, area, y, &line, origin, &paint);
            if row + state.scroll == caret_line {
                let x = (origin + caret_col).clamp(0, width as isize - 1) as u16;
                let pos = Position::new(area.x + x, y);
                state.cursor_position = Some(pos);
                if let (Some(style), Some(cell)) = (self.cursor_style, buf.cell_mut(pos)) {
                    cell.set_style(style);
                }
            }
        }
    }
}
