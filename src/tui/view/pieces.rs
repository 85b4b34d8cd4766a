//! A scrollable column of headings, lines and wrapped paragraphs (the detail pane, the help),
//! each laid out as its own paragraph, with one of its items kept in view when selected.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::widgets;
use crate::i18n::Lang;

/// How a piece of the column is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line aligned to the interface's start, cut if too long.
    Heading,
    /// One line in the text's own direction, cut if too long.
    Line,
    /// Wrapped over as many rows as it needs.
    Wrapped,
    /// An empty row.
    Gap,
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub shape: Shape,
    /// The selectable item this piece belongs to, if any.
    pub item: Option<usize>,
}

/// The column being built.
#[derive(Debug, Default)]
pub struct Pieces(pub Vec<Piece>);

impl Pieces {
    pub fn push(
        &mut self,
        shape: Shape,
        text: impl Into<String>,
        style: Style,
        item: Option<usize>,
    ) {
        self.0.push(Piece {
            text: text.into(),
            style,
            shape,
            item,
        });
    }

    pub fn gap(&mut self) {
        if self.0.last().is_some_and(|p| p.shape != Shape::Gap) {
            self.push(Shape::Gap, "", Style::default(), None);
        }
    }

    fn rows(piece: &Piece, width: u16, lang: Lang) -> usize {
        match piece.shape {
            Shape::Wrapped => widgets::height(&piece.text, width, lang).max(1),
            _ => 1,
        }
    }

    /// How many rows the whole column takes at `width`.
    pub fn height(&self, width: u16, lang: Lang) -> usize {
        self.0.iter().map(|p| Self::rows(p, width, lang)).sum()
    }

    /// Draws the column from row `offset`, first moving `offset` so that the rows of item
    /// `selected` are in view; returns the offset used.
    pub fn draw(
        &self,
        buf: &mut Buffer,
        area: Rect,
        lang: Lang,
        offset: usize,
        selected: Option<usize>,
        highlight: Style,
    ) -> usize {
        let heights: Vec<usize> = self
            .0
            .iter()
            .map(|p| Self::rows(p, area.width, lang))
            .collect();
        let mut offset = offset;
        if let Some(sel) = selected {
            let mut top = 0;
            let mut span: Option<(usize, usize)> = None;
            for (p, h) in self.0.iter().zip(&heights) {
                if p.item == Some(sel) {
                    span = Some(span.map_or((top, top + h), |(a, _)| (a, top + h)));
                }
                top += h;
            }
            if let Some((start, end)) = span {
                let rows = usize::from(area.height);
                if start < offset {
                    offset = start;
                } else if end > offset + rows {
                    offset = end.saturating_sub(rows).min(start);
                }
            }
        }
        let mut y = 0usize;
        for (p, h) in self.0.iter().zip(heights) {
            let (top, bottom) = (y, y + h);
            y = bottom;
            if bottom <= offset {
                continue;
            }
            let row = top.saturating_sub(offset);
            if row >= usize::from(area.height) {
                break;
            }
            let skip = offset.saturating_sub(top);
            let rows = (h - skip).min(usize::from(area.height) - row);
            let at = Rect::new(area.x, area.y + row as u16, area.width, rows as u16);
            let style = if selected.is_some() && p.item == selected {
                p.style.patch(highlight)
            } else {
                p.style
            };
            match p.shape {
                Shape::Heading => widgets::label(buf, at, &p.text, style, lang),
                Shape::Line => widgets::line(buf, at, &p.text, style, lang),
                Shape::Wrapped => widgets::paragraph(buf, at, &p.text, style, lang, skip),
                Shape::Gap => {}
            }
        }
        offset
    }
}
