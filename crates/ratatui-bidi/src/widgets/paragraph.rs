//! A wrapped, scrollable block of text, laid out on every render or kept in a
//! [`ParagraphState`] between renders.

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::Rect;
use ratatui_core::style::Style;
use ratatui_core::widgets::{StatefulWidget, Widget};

use super::{Paint, StyleSpan, paint_line, with_scratch};
use crate::direction::BaseDirection;
use crate::layout::{Layout, LayoutOptions};
use crate::terminal::BidiMode;

/// Text wrapped to the area's width, each paragraph (`\n`) laid out on its own, RTL lines
/// right-aligned. `scroll` skips that many visual lines.
///
/// As a [`Widget`] it lays its whole text out on every render (about 4 ms for 100 KB). For long
/// text (a description, a preview) render it as a [`StatefulWidget`] with a [`ParagraphState`]
/// kept in the screen's render-time state: the layout is then made again only when the text,
/// the width, the base direction or the mode changes.
#[derive(Clone, Debug, Default)]
pub struct BidiParagraph<'a> {
    text: &'a str,
    base: BaseDirection,
    style: Style,
    spans: &'a [StyleSpan],
    scroll: usize,
    mode: BidiMode,
}

impl<'a> BidiParagraph<'a> {
    /// A paragraph widget showing `text`.
    pub fn new(text: &'a str) -> Self {
        BidiParagraph {
            text,
            ..Default::default()
        }
    }

    /// How each paragraph picks its base direction.
    pub fn base(mut self, base: BaseDirection) -> Self {
        self.base = base;
        self
    }

    /// [`BidiMode::Terminal`]: logical order, for a terminal that reorders by itself.
    pub fn mode(mut self, mode: BidiMode) -> Self {
        self.mode = mode;
        self
    }

    /// The style of the whole text.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Styles for logical byte ranges of the text; they follow their characters.
    pub fn spans(mut self, spans: &'a [StyleSpan]) -> Self {
        self.spans = spans;
        self
    }

    /// Skips the first `lines` visual lines.
    pub fn scroll(mut self, lines: usize) -> Self {
        self.scroll = lines;
        self
    }

    /// How many visual lines the text takes at `width` (for scroll bars and sizing).
    pub fn line_count(&self, width: u16) -> usize {
        with_scratch(|layout| {
            layout.compute(self.text, &self.options(width));
            layout.line_count()
        })
    }

    fn options(&self, width: u16) -> LayoutOptions {
        LayoutOptions {
            base: self.base,
            width: Some(usize::from(width)),
            mode: self.mode,
        }
    }
}

impl Widget for BidiParagraph<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Widget::render(&self, area, buf);
    }
}

impl Widget for &BidiParagraph<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        buf.set_style(area, self.style);
        if area.is_empty() {
            return;
        }
        with_scratch(|layout| {
            layout.compute(self.text, &self.options(area.width));
            self.paint(layout, area, buf);
        });
    }
}

impl BidiParagraph<'_> {
    /// Draws the visible lines of `layout` (made for this paragraph at `area`'s width).
    fn paint(&self, layout: &Layout, area: Rect, buf: &mut Buffer) {
        let paint = Paint {
            base: self.style,
            spans: self.spans,
            highlight: None,
        };
        for (row, line) in layout
            .lines()
            .skip(self.scroll)
            .take(usize::from(area.height))
            .enumerate()
        {
            let origin = line.x_offset(usize::from(area.width)) as isize;
            paint_line(buf, area, area.y + row as u16, &line, origin, &paint);
        }
    }
}

/// The layout of a [`BidiParagraph`] kept between renders, for a screen to hold in its
/// render-time state. It is made again only when the text, the width, the base direction or
/// the mode differs from the last render; styles and scrolling never need a new layout.
///
/// It keeps a copy of the text to notice changes: comparing it costs microseconds where a new
/// layout of 100 KB costs milliseconds, and a copy cannot be fooled by a buffer edited in place.
#[derive(Clone, Debug, Default)]
pub struct ParagraphState {
    layout: Layout,
    text: String,
    options: Option<LayoutOptions>,
    computed: u64,
}

impl ParagraphState {
    /// A state with no layout yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many times a layout was made (for tests and diagnostics).
    pub fn computed(&self) -> u64 {
        self.computed
    }

    /// How many visual lines `paragraph` takes at `width`, from the kept layout (for scroll
    /// bars and sizing).
    pub fn line_count(&mut self, paragraph: &BidiParagraph<'_>, width: u16) -> usize {
        self.layout_for(paragraph, width).line_count()
    }

    /// The layout of `paragraph` at `width`, made again only if an input changed.
    fn layout_for(&mut self, paragraph: &BidiParagraph<'_>, width: u16) -> &Layout {
        let options = paragraph.options(width);
        if self.options != Some(options) || self.text != paragraph.text {
            self.text.clear();
            self.text.push_str(paragraph.text);
            self.layout.compute(paragraph.text, &options);
            self.options = Some(options);
            self.computed += 1;
        }
        &self.layout
    }
}

impl StatefulWidget for BidiParagraph<'_> {
    type State = ParagraphState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ParagraphState) {
        StatefulWidget::render(&self, area, buf, state);
    }
}

impl StatefulWidget for &BidiParagraph<'_> {
    type State = ParagraphState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ParagraphState) {
        let area = area.intersection(buf.area);
        buf.set_style(area, self.style);
        if area.is_empty() {
            return;
        }
        let layout = state.layout_for(self, area.width);
        self.paint(layout, area, buf);
    }
}
