//! One line of text for list rows and table cells, cut at its logical end.

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::Rect;
use ratatui_core::style::Style;
use ratatui_core::widgets::Widget;

use super::{Paint, StyleSpan, paint_line, with_scratch};
use crate::cluster::{cluster_width, units};
use crate::direction::BaseDirection;
use crate::layout::LayoutOptions;
use crate::terminal::BidiMode;

/// A single line (the text up to its first `\n`). When it does not fit, it keeps its logical
/// beginning and ends with `…`: the cut is made in logical order, so an RTL line loses its
/// *left* end, and the ellipsis stands where the text would have gone on.
#[derive(Clone, Debug, Default)]
///
/// ```
/// use ratatui_bidi::BidiLine;
/// use ratatui_core::{buffer::Buffer, layout::Rect, widgets::Widget};
///
/// let area = Rect::new(0, 0, 12, 1);
/// let mut buf = Buffer::empty(area);
/// BidiLine::new("بانک ملی (شعبه کرمان)").render(area, &mut buf);
/// let row: String = (0..12).map(|x| buf[(x, 0)].symbol().to_string()).collect();
/// // Cut at its logical end: the beginning stays, on the right, and `…` ends it on the left.
/// assert!(row.starts_with('…') && row.ends_with("ﮏﻧﺎﺑ"), "{row}");
/// ```
pub struct BidiLine<'a> {
    text: &'a str,
    base: BaseDirection,
    style: Style,
    spans: &'a [StyleSpan],
    mode: BidiMode,
}

const ELLIPSIS: char = '…';

impl<'a> BidiLine<'a> {
    /// A line showing `text` up to its first newline.
    pub fn new(text: &'a str) -> Self {
        let text = text.split('\n').next().unwrap_or_default();
        BidiLine {
            text,
            ..Default::default()
        }
    }

    /// How the line picks its base direction.
    pub fn base(mut self, base: BaseDirection) -> Self {
        self.base = base;
        self
    }

    /// [`BidiMode::Terminal`]: logical order, for a terminal that reorders by itself.
    pub fn mode(mut self, mode: BidiMode) -> Self {
        self.mode = mode;
        self
    }

    /// The style of the whole line.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Styles for logical byte ranges of the text; they follow their characters.
    pub fn spans(mut self, spans: &'a [StyleSpan]) -> Self {
        self.spans = spans;
        self
    }
}

/// Byte length of the longest prefix of `text` (whole grapheme clusters, trailing spaces
/// dropped) that fits in `width` cells, clusters measured as layout measures them.
pub fn fitting_prefix(text: &str, width: usize) -> usize {
    let mut used = 0usize;
    let mut end = 0usize;
    for (i, g) in units(text) {
        let w = cluster_width(g);
        if used + w > width {
            break;
        }
        used += w;
        end = i + g.len();
    }
    text[..end].trim_end().len()
}

impl Widget for BidiLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Widget::render(&self, area, buf);
    }
}

impl Widget for &BidiLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        buf.set_style(area, self.style);
        if area.is_empty() {
            return;
        }
        let width = usize::from(area.width);
        let paint = Paint {
            base: self.style,
            spans: self.spans,
            highlight: None,
        };
        let opts = LayoutOptions {
            base: self.base.pinned(self.text),
            width: None,
            mode: self.mode,
        };
        with_scratch(|layout| {
            layout.compute(self.text, &opts);
            let fits = layout.line(0).is_none_or(|l| l.width <= width);
            if !fits {
                let mut cut = String::with_capacity(self.text.len());
                cut.push_str(&self.text[..fitting_prefix(self.text, width - 1)]);
                cut.push(ELLIPSIS);
                layout.compute(&cut, &opts);
            }
            if let Some(line) = layout.line(0) {
                let origin = line.x_offset(width) as isize;
                paint_line(buf, area, area.y, &line, origin, &paint);
            }
        });
    }
}
