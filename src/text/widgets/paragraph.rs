//! A wrapped, scrollable block of text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::super::direction::BaseDirection;
use super::super::layout::LayoutOptions;
use super::super::terminal::BidiMode;
use super::{Paint, StyleSpan, paint_line, with_scratch};

/// Text wrapped to the area's width, each paragraph (`\n`) laid out on its own, RTL lines
/// right-aligned. `scroll` skips that many visual lines.
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
    pub fn new(text: &'a str) -> Self {
        BidiParagraph {
            text,
            ..Default::default()
        }
    }

    pub fn base(mut self, base: BaseDirection) -> Self {
        self.base = base;
        self
    }

    /// [`BidiMode::Terminal`]: logical order, for a terminal that reorders by itself.
    pub fn mode(mut self, mode: BidiMode) -> Self {
        self.mode = mode;
        self
    }

    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Styles for logical byte ranges of the text; they follow their characters.
    pub fn spans(mut self, spans: &'a [StyleSpan]) -> Self {
        self.spans = spans;
        self
    }

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
        let paint = Paint {
            base: self.style,
            spans: self.spans,
            highlight: None,
        };
        with_scratch(|layout| {
            layout.compute(self.text, &self.options(area.width));
            for (row, line) in layout
                .lines()
                .skip(self.scroll)
                .take(usize::from(area.height))
                .enumerate()
            {
                let origin = line.x_offset(usize::from(area.width)) as isize;
                paint_line(buf, area, area.y + row as u16, &line, origin, &paint);
            }
        });
    }
}
