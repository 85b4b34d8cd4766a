//! ratatui widgets drawing text through the layout pipeline.

mod input;
mod line;
mod paragraph;

use std::cell::RefCell;
use std::ops::Range;

use std::num::NonZeroU16;

use ratatui_core::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui_core::layout::Rect;
use ratatui_core::style::Style;
use unicode_normalization::char::is_combining_mark;

use super::layout::Layout;
use super::visual::VisualLine;

pub use input::{BidiInput, InputState};
pub use line::{BidiLine, fitting_prefix};
pub use paragraph::{BidiParagraph, ParagraphState};

/// A style for a logical byte range of the widget's text. Later spans patch earlier ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleSpan {
    /// Logical byte range of the widget's text.
    pub range: Range<usize>,
    /// Style patched onto those characters, wherever they are drawn.
    pub style: Style,
}

impl StyleSpan {
    /// A style for the logical byte range `range`.
    pub fn new(range: Range<usize>, style: Style) -> Self {
        StyleSpan { range, style }
    }
}

thread_local! {
    /// One layout per thread reused by every stateless widget render: no allocation per frame
    /// once the buffers have grown.
    static SCRATCH: RefCell<Layout> = RefCell::new(Layout::new());
}

/// Runs `f` with the thread's scratch layout (or a fresh one if it is already in use).
pub(super) fn with_scratch<T>(f: impl FnOnce(&mut Layout) -> T) -> T {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut layout) => f(&mut layout),
        Err(_) => f(&mut Layout::new()),
    })
}

/// How one visual line is painted.
pub(super) struct Paint<'a> {
    pub base: Style,
    pub spans: &'a [StyleSpan],
    /// Logical range drawn with an extra style (a selection), whatever its visual shape.
    pub highlight: Option<(Range<usize>, Style)>,
}

impl Paint<'_> {
    fn style_at(&self, logical: usize) -> Style {
        let mut style = self.base;
        for s in self.spans {
            if s.range.contains(&logical) {
                style = style.patch(s.style);
            }
        }
        if let Some((r, hl)) = &self.highlight
            && r.contains(&logical)
        {
            style = style.patch(*hl);
        }
        style
    }
}

/// Paints `line` on row `y` of `area`, its column 0 at `origin` columns from the area's left
/// edge (negative: scrolled off to the left). Cells outside the area are clipped. The rest of a
/// grapheme cluster (harakat, an emoji's modifier and joiners) goes into its first cell, so the
/// terminal gets the cluster whole; a stray combining mark joins the cell before it. Other
/// zero-width characters (fillers, ZWNJ, bidi marks) are not sent to the terminal.
pub(super) fn paint_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &VisualLine<'_>,
    origin: isize,
    paint: &Paint<'_>,
) {
    let width = area.width as isize;
    let mut last: Option<((u16, u16), u8)> = None;
    let mut symbol = String::new();
    for (col, cell) in line.columns() {
        let x = origin + col as isize;
        if cell.width == 0 {
            if (cell.joined || is_combining_mark(cell.ch))
                && let Some((pos, w)) = last
                && let Some(target) = buf.cell_mut(pos)
            {
                symbol.clear();
                symbol.push_str(target.symbol());
                symbol.push(cell.ch);
                target.set_symbol(&symbol);
                hold_width(target, w);
            }
            continue;
        }
        let w = isize::from(cell.width);
        if x < 0 || x + w > width || cell.ch.is_control() {
            last = None;
            continue;
        }
        let pos = (area.x + x as u16, y);
        let style = paint.style_at(cell.logical);
        if let Some(target) = buf.cell_mut(pos) {
            target.set_char(cell.ch).set_style(style);
            // One character: ratatui measures it as layout did, unless joined ones follow.
            if matches!(target.diff_option, CellDiffOption::ForcedWidth(_)) {
                target.set_diff_option(CellDiffOption::None);
            }
            last = Some((pos, cell.width));
        }
        for extra in 1..cell.width {
            if let Some(hidden) = buf.cell_mut((pos.0 + u16::from(extra), y)) {
                hidden.reset();
                hidden.set_style(style);
            }
        }
    }
}

/// Makes ratatui treat `cell` as `width` columns wide, as layout measured it, when its own
/// measure of the symbol differs (an emoji sequence it does not know): otherwise it would not
/// skip the covered column when drawing.
fn hold_width(cell: &mut Cell, width: u8) {
    cell.set_diff_option(CellDiffOption::None);
    if cell.cell_width() != u16::from(width)
        && let Some(w) = NonZeroU16::new(u16::from(width))
    {
        cell.set_diff_option(CellDiffOption::ForcedWidth(w));
    }
}
