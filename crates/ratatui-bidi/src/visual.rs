//! What layout produces, and the logical↔visual maps the cursor needs.

use std::ops::Range;

use super::FILLER;
use super::direction::Direction;
use super::layout::Layout;

/// One character in visual position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisualCell {
    /// What to draw: shaped and mirrored. [`FILLER`] for the lam of a lam-alef ligature.
    pub ch: char,
    /// Byte offset of the source character in the text given to layout.
    pub logical: usize,
    /// Terminal columns; 0 for marks, fillers, format characters and hanging whitespace.
    pub width: u8,
    /// The level it is drawn at is odd: right to left. (A grapheme cluster is drawn at the
    /// level of its first character.)
    pub rtl: bool,
    /// Its resolved embedding level (UAX #9, after rule L1): even is left to right, odd right
    /// to left. Characters that rule X9 removes (embeddings, BN) report their predecessor's.
    pub level: u8,
    /// Continues the grapheme cluster of the visually preceding cell (a haraka after its
    /// letter, a skin-tone modifier after its emoji): drawn in that cell, with width 0. A
    /// cluster's characters are always adjacent and in logical order.
    pub joined: bool,
}

#[derive(Clone, Debug)]
pub(super) struct LineInfo {
    pub cells: Range<usize>,
    pub logical: Range<usize>,
    pub width: usize,
    pub direction: Direction,
    pub right_aligned: bool,
    pub paragraph_end: bool,
}

/// A visual line: the cells of one contiguous logical range, left to right.
#[derive(Clone, Debug)]
pub struct VisualLine<'a> {
    /// Its cells, left to right.
    pub cells: &'a [VisualCell],
    /// The logical byte range the line shows (its cells are a permutation of its characters).
    pub logical: Range<usize>,
    /// Sum of the cells' widths.
    pub width: usize,
    /// Base direction of its paragraph.
    pub direction: Direction,
    /// Drawn against the right edge (RTL paragraphs, in visual mode).
    pub right_aligned: bool,
    /// Last line of its paragraph: the caret may sit after its last character.
    pub paragraph_end: bool,
}

impl VisualLine<'_> {
    /// Where the line starts in an area `area_width` wide: RTL lines are right-aligned.
    pub fn x_offset(&self, area_width: usize) -> usize {
        if self.right_aligned {
            area_width.saturating_sub(self.width)
        } else {
            0
        }
    }

    /// Visual index of the cell showing the character at logical byte `logical`.
    pub fn visual_index(&self, logical: usize) -> Option<usize> {
        self.cells.iter().position(|c| c.logical == logical)
    }

    /// The column (from the line's start) of each cell. A zero-width cell reports the column
    /// of the cell it is drawn into, the visually preceding one.
    pub fn columns(&self) -> impl Iterator<Item = (usize, &VisualCell)> + '_ {
        let mut next = 0usize;
        let mut last = 0usize;
        self.cells.iter().map(move |c| {
            if c.width > 0 {
                last = next;
                next += usize::from(c.width);
            }
            (last, c)
        })
    }

    /// Column of the cell at visual index `i`.
    pub fn column(&self, i: usize) -> usize {
        self.columns().nth(i).map_or(self.width, |(x, _)| x)
    }

    /// Appends the line's characters in visual order, without fillers.
    pub fn push_visual(&self, out: &mut String) {
        out.extend(self.cells.iter().map(|c| c.ch).filter(|&c| c != FILLER));
    }

    /// The line's characters in visual order, without fillers.
    pub fn visual_text(&self) -> String {
        let mut s = String::with_capacity(self.cells.len() * 2);
        self.push_visual(&mut s);
        s
    }

    /// The caret stops of this line in visual order: a logical position for every cell that
    /// takes room, plus the end of the paragraph on its last line, placed beside the logically
    /// last character (left of it if that one is right-to-left).
    fn stops(&self) -> Vec<Stop> {
        let mut stops: Vec<Stop> = self
            .columns()
            .enumerate()
            .filter(|(_, (_, c))| c.width > 0)
            .map(|(vi, (x, c))| Stop {
                logical: c.logical,
                x: x as isize,
                vi,
            })
            .collect();
        if !self.paragraph_end {
            return stops;
        }
        let end = self.logical.end;
        match self.last_logical_cell() {
            None => stops.push(Stop {
                logical: end,
                x: if self.direction.is_rtl() { -1 } else { 0 },
                vi: 0,
            }),
            Some((vi, cell)) => {
                let col = self.column(vi) as isize;
                let (x, at) = if cell.rtl {
                    (col - 1, stops.partition_point(|s| s.vi < vi))
                } else {
                    (
                        col + isize::from(cell.width),
                        stops.partition_point(|s| s.vi <= vi),
                    )
                };
                stops.insert(
                    at,
                    Stop {
                        logical: end,
                        x,
                        vi,
                    },
                );
            }
        }
        stops
    }

    fn last_logical_cell(&self) -> Option<(usize, &VisualCell)> {
        self.cells.iter().enumerate().max_by_key(|(_, c)| c.logical)
    }
}

#[derive(Clone, Copy, Debug)]
struct Stop {
    logical: usize,
    /// Column relative to the line's start; -1 is just left of it.
    x: isize,
    /// Visual index of its cell.
    vi: usize,
}

/// Where to draw a caret: a visual line and a column within the area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    /// Index of the visual line, top to bottom.
    pub line: usize,
    /// Column within the area, from its left edge.
    pub x: usize,
}

impl Layout {
    /// Index of the visual line holding logical position `logical` (a char boundary, up to
    /// the text's length).
    pub fn line_of(&self, logical: usize) -> usize {
        self.lines
            .partition_point(|l| l.logical.start <= logical)
            .saturating_sub(1)
    }

    /// The caret column of logical position `logical` relative to the start of its visual
    /// line (-1 is just left of the line), with the line's index.
    pub fn caret_column(&self, logical: usize) -> Option<(usize, isize)> {
        let li = self.line_of(logical);
        let line = self.line(li)?;
        let x = match line.visual_index(logical) {
            Some(i) => line.column(i) as isize,
            None => line
                .stops()
                .iter()
                .find(|s| s.logical == logical)
                .map_or(0, |s| s.x),
        };
        Some((li, x))
    }

    /// Logical → visual: the caret for logical byte position `logical` in an area
    /// `area_width` wide. The caret covers the character at `logical`; at the end of a
    /// paragraph it sits beside the last character, on the side text grows.
    pub fn caret(&self, logical: usize, area_width: usize) -> Option<Caret> {
        let (li, x) = self.caret_column(logical)?;
        let line = self.line(li)?;
        let x = line.x_offset(area_width) as isize + x;
        let max = area_width.saturating_sub(1) as isize;
        Some(Caret {
            line: li,
            x: x.clamp(0, max.max(0)) as usize,
        })
    }

    /// Visual → logical: the logical byte index of the character drawn at column `x` of visual
    /// line `line` in an area `area_width` wide, if any.
    pub fn hit(&self, line: usize, x: usize, area_width: usize) -> Option<usize> {
        let l = self.line(line)?;
        let x = x.checked_sub(l.x_offset(area_width))?;
        l.columns()
            .find(|(col, c)| c.width > 0 && (*col..*col + usize::from(c.width)).contains(&x))
            .map(|(_, c)| c.logical)
    }

    /// The logical position one caret stop to the left (`left`) or right of `logical`, moving
    /// into the neighbouring visual line past the edge. Stays put at the text's edges.
    pub fn move_visual(&self, logical: usize, left: bool) -> usize {
        let li = self.line_of(logical);
        let Some(line) = self.line(li) else {
            return logical;
        };
        let stops = line.stops();
        let here = stops.iter().position(|s| s.logical == logical).or_else(|| {
            // A zero-width character has no stop of its own: use its visual neighbour's.
            let vi = line.visual_index(logical)?;
            let x = line.column(vi) as isize;
            stops.iter().position(|s| s.x >= x)
        });
        if let Some(i) = here {
            let j = if left { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(s) = j.and_then(|j| stops.get(j)) {
                return s.logical;
            }
        }
        // Past the edge: left of an RTL line is its continuation (the next line).
        let next = left == line.direction.is_rtl();
        let target = if next {
            li.checked_add(1)
        } else {
            li.checked_sub(1)
        };
        let Some(other) = target.and_then(|t| self.line(t)) else {
            return logical;
        };
        let stops = other.stops();
        let s = if left { stops.last() } else { stops.first() };
        s.map_or(logical, |s| s.logical)
    }

    /// The logical position on the visual line above (`up`) or below whose caret column is
    /// nearest to that of `logical`.
    pub fn move_vertical(&self, logical: usize, up: bool, area_width: usize) -> usize {
        let Some(caret) = self.caret(logical, area_width) else {
            return logical;
        };
        let target = if up {
            caret.line.checked_sub(1)
        } else {
            Some(caret.line + 1)
        };
        let Some(line) = target.and_then(|t| self.line(t)) else {
            return logical;
        };
        let off = line.x_offset(area_width) as isize;
        line.stops()
            .iter()
            .min_by_key(|s| (off + s.x - caret.x as isize).abs())
            .map_or(logical, |s| s.logical)
    }
}
