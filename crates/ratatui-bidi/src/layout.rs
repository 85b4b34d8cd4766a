//! The pipeline from a logical string to visual lines (steps 2–6 of the module doc in `mod.rs`).

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiDataSource, Level, ParagraphBidiInfo};
use unicode_width::UnicodeWidthChar;

use super::FILLER;
use super::classes::CachedBidiData;
use super::cluster::{ZWNJ, cluster_width, is_haraka, is_simple, is_unit_boundary};
use super::direction::{BaseDirection, Direction};
use super::reorder::{apply_l1, apply_l2, apply_l3};
use super::resolve::{self, Resolver};
use super::shape::{Shaper, needs_shaping};
use super::terminal::BidiMode;
use super::visual::{LineInfo, VisualCell, VisualLine};
use super::wrap::{TOO_WIDE, wrap};

const PARAGRAPH_SEPARATOR: char = '\u{2029}';
/// Cells a TAB takes. It keeps its bidi class (a segment separator, rule L1) and is drawn as
/// this many spaces; a fixed width keeps a text's width independent of where it is drawn.
pub const TAB_WIDTH: u8 = 4;

/// How to lay out a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// Base direction of each paragraph (each `\n`-separated part of the text).
    pub base: BaseDirection,
    /// Wrap width in terminal cells; `None` lays every paragraph out on one line. A width of 0
    /// is treated as 1: there is no layout without room for a character.
    pub width: Option<usize>,
    /// [`BidiMode::Terminal`] only wraps: lines keep logical order, unshaped and left-aligned,
    /// for a terminal that reorders by itself.
    pub mode: BidiMode,
}

/// One logical character of the paragraph being laid out.
#[derive(Clone, Copy, Debug)]
pub(super) struct CharInfo {
    /// Byte offset within the paragraph.
    pub byte: usize,
    pub ch: char,
    /// Cells it takes; lowered by wrapping for hanging whitespace and too-wide graphemes.
    pub width: u8,
    /// Drawn as [`TOO_WIDE`]: part of a cluster wider than the whole line.
    pub too_wide: bool,
    /// Continues the grapheme cluster of the character before it (see `cluster`): it takes no
    /// cells of its own, and its cluster's first character carries the cluster's width.
    pub cont: bool,
    /// What `mark_clusters` needs to know of it to decide most boundaries itself.
    pub kind: Kind,
}

/// Characters whose grapheme cluster boundaries are certain (see `mark_clusters`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Grapheme_Cluster_Break=Other and not a regional indicator, Hangul or Prepend
    /// (`cluster::is_simple`).
    Simple,
    /// An Arabic haraka (`cluster::is_haraka`): Extend.
    Haraka,
    Zwnj,
    Other,
}

fn kind_of(c: char) -> Kind {
    if is_simple(c) {
        Kind::Simple
    } else if is_haraka(c) {
        Kind::Haraka
    } else if c == ZWNJ {
        Kind::Zwnj
    } else {
        Kind::Other
    }
}

/// Reusable per-paragraph and per-line buffers.
#[derive(Clone, Debug, Default)]
struct Scratch {
    chars: Vec<CharInfo>,
    /// Original bidi class of each character of the paragraph.
    classes: Vec<BidiClass>,
    /// Resolved embedding level of each character, before rule L1.
    para_levels: Vec<Level>,
    ranges: Vec<Range<usize>>,
    levels: Vec<Level>,
    /// The line's levels after rule L1, before each cluster is given one level.
    line_levels: Vec<Level>,
    order: Vec<u32>,
    glyphs: Vec<char>,
    shaper: Shaper,
    resolver: Resolver,
}

/// A laid-out text: visual lines, each cell knowing its logical byte index.
///
/// Keep one around and call [`Layout::compute`] again to reuse its buffers.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub(super) cells: Vec<VisualCell>,
    pub(super) lines: Vec<LineInfo>,
    scratch: Scratch,
}

/// Lays out `text` (see [`Layout`]).
///
/// ```
/// use ratatui_bidi::{BaseDirection, LayoutOptions, layout};
///
/// let laid = layout("سلام (۱)", &LayoutOptions { base: BaseDirection::Rtl, ..Default::default() });
/// let line = laid.line(0).unwrap();
/// // Visual order, shaped and mirrored; drawn against the right edge.
/// assert_eq!(line.visual_text(), "(۱) ﻡﻼﺳ");
/// assert!(line.right_aligned);
/// // The leftmost cell shows the logically last character.
/// assert_eq!(line.cells[0].logical, "سلام (۱".len());
/// ```
pub fn layout(text: &str, opts: &LayoutOptions) -> Layout {
    let mut l = Layout::default();
    l.compute(text, opts);
    l
}

/// Byte index of the first `\n` or U+2029 in `text`. `str::find` of one character is a
/// word-at-a-time `memchr`; a byte loop testing for both showed in profiles.
fn next_separator(text: &str) -> Option<usize> {
    let newline = text.find('\n');
    let before = &text[..newline.unwrap_or(text.len())];
    before.find(PARAGRAPH_SEPARATOR).or(newline)
}

fn char_width_uncached(c: char) -> u8 {
    match c {
        '\t' => TAB_WIDTH,
        PARAGRAPH_SEPARATOR => 0,
        // Other controls have no width; they are not drawn (input is sanitized first).
        _ => c.width().map_or(0, |w| w.min(2) as u8),
    }
}

/// What layout needs of one character: its bidi class, width and [`Kind`].
type Props = (BidiClass, u8, Kind);

fn props_uncached(c: char) -> Props {
    (
        CachedBidiData.bidi_class(c),
        char_width_uncached(c),
        kind_of(c),
    )
}

/// [`Props`] of U+0000..U+07FF (Latin, Arabic), looked up once and then indexed:
/// `unicode-width`'s lookup, the class cache's checks and the cluster tests showed in profiles.
fn low_props() -> &'static [Props] {
    static LOW: std::sync::OnceLock<Vec<Props>> = std::sync::OnceLock::new();
    LOW.get_or_init(|| {
        (0..0x800u32)
            .map(|cp| char::from_u32(cp).map_or((BidiClass::L, 0, Kind::Other), props_uncached))
            .collect()
    })
}

fn char_props(low: &[Props], c: char) -> Props {
    match low.get(c as usize) {
        Some(&p) => p,
        None => props_uncached(c),
    }
}

/// Marks the characters that continue a grapheme cluster and gives each cluster of several
/// characters its width as a whole, on its first character. Where the boundary is certain it
/// is decided here (most Persian and Latin text; asking the segmenter showed in profiles):
/// between two simple characters there is one (GB999), a haraka after a simple character or
/// another haraka continues its cluster (GB9), and a ZWNJ before a simple character (or at the
/// end) is a unit of its own with a boundary on both sides (see `cluster`). Elsewhere the
/// segmenter decides.
fn mark_clusters(para: &str, chars: &mut [CharInfo]) {
    let mut prev = Kind::Simple;
    let mut start = 0usize;
    for i in 0..chars.len() {
        let kind = match chars[i].kind {
            Kind::Zwnj if chars.get(i + 1).is_none_or(|n| n.kind == Kind::Simple) => Kind::Simple,
            Kind::Zwnj => Kind::Other,
            k => k,
        };
        let cont = i > 0
            && match (prev, kind) {
                (Kind::Simple | Kind::Haraka, Kind::Simple) => false,
                (Kind::Simple | Kind::Haraka, Kind::Haraka) => true,
                _ => !is_unit_boundary(para, chars[i].byte),
            };
        prev = kind;
        if cont {
            chars[i].cont = true;
            chars[i].width = 0;
            continue;
        }
        if i - start > 1 {
            cluster_ends(para, chars, start..i);
        }
        start = i;
    }
    cluster_ends(para, chars, start..chars.len());
}

/// Gives a cluster of several characters (`r`, indices into `chars`) its width, as a whole.
fn cluster_ends(para: &str, chars: &mut [CharInfo], r: Range<usize>) {
    if r.len() < 2 {
        return;
    }
    let from = chars[r.start].byte;
    let to = chars.get(r.end).map_or(para.len(), |c| c.byte);
    chars[r.start].width = cluster_width(&para[from..to]).min(usize::from(u8::MAX)) as u8;
}

impl Layout {
    /// An empty layout; [`Layout::compute`] fills it.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays out `text`, replacing the previous content. Logical indices are byte offsets into
    /// `text`.
    ///
    /// Each `\n` ends a paragraph and takes no cell. A U+2029 PARAGRAPH SEPARATOR ends one
    /// too, as UAX #9 rule P1 says: it stays with the paragraph it ends, as its last
    /// character (a zero-width cell at the paragraph's level), and the next paragraph
    /// resolves its own direction. (Sanitized text has no other paragraph separator.)
    pub fn compute(&mut self, text: &str, opts: &LayoutOptions) {
        self.cells.clear();
        self.lines.clear();
        let mut offset = 0;
        loop {
            let rest = &text[offset..];
            match next_separator(rest) {
                Some(i) if rest[i..].starts_with('\n') => {
                    self.paragraph(&rest[..i], offset, opts);
                    offset += i + 1;
                }
                Some(i) => {
                    let end = i + PARAGRAPH_SEPARATOR.len_utf8();
                    self.paragraph(&rest[..end], offset, opts);
                    offset += end;
                    if offset == text.len() {
                        // The text ends with its separator: one more, empty paragraph.
                        self.paragraph("", offset, opts);
                        break;
                    }
                }
                None => {
                    self.paragraph(rest, offset, opts);
                    break;
                }
            }
        }
    }

    fn paragraph(&mut self, para: &str, offset: usize, opts: &LayoutOptions) {
        let dir = opts.base.resolve(para);
        if para.is_empty() {
            let at = self.cells.len();
            self.lines.push(LineInfo {
                cells: at..at,
                logical: offset..offset,
                width: 0,
                direction: dir,
                right_aligned: dir.is_rtl() && opts.mode == BidiMode::App,
                paragraph_end: true,
            });
            return;
        }
        let s = &mut self.scratch;
        s.chars.clear();
        s.classes.clear();
        s.para_levels.clear();
        let low = low_props();
        // One pass for characters, widths and classes (every class is needed but for ASCII in
        // a left-to-right paragraph, which resolves to level 0 without them).
        let ascii_ltr = dir == Direction::Ltr && para.is_ascii();
        let mut simple = true;
        s.chars.reserve(para.len());
        if !ascii_ltr {
            s.classes.reserve(para.len());
        }
        for (byte, ch) in para.char_indices() {
            let (class, width, kind) = char_props(low, ch);
            s.chars.push(CharInfo {
                byte,
                ch,
                width,
                too_wide: false,
                cont: false,
                kind,
            });
            if !ascii_ltr {
                simple &= resolve::applies(class);
                s.classes.push(class);
            }
        }
        mark_clusters(para, &mut s.chars);
        if ascii_ltr {
            // Pure ASCII in a left-to-right paragraph resolves to level 0 throughout.
            s.classes.resize(s.chars.len(), BidiClass::L);
            s.para_levels.resize(s.chars.len(), Level::ltr());
        } else if simple {
            // No explicit control: one run sequence, resolved here (see `resolve`).
            s.resolver.resolve(
                s.chars.iter().map(|c| c.ch),
                &s.classes,
                dir.level(),
                &mut s.para_levels,
            );
        } else {
            s.classes.clear();
            let info =
                ParagraphBidiInfo::new_with_data_source(&CachedBidiData, para, Some(dir.level()));
            for c in &s.chars {
                s.classes.push(info.original_classes[c.byte]);
                s.para_levels.push(info.levels[c.byte]);
            }
        }
        s.ranges.clear();
        match opts.width {
            Some(w) => wrap(para, &mut s.chars, w, &mut s.ranges),
            None => s.ranges.push(0..s.chars.len()),
        }
        for i in 0..self.scratch.ranges.len() {
            let r = self.scratch.ranges[i].clone();
            let last = i + 1 == self.scratch.ranges.len();
            self.emit_line(para, r, dir, offset, last, opts.mode);
        }
    }

    fn emit_line(
        &mut self,
        para: &str,
        r: Range<usize>,
        dir: Direction,
        offset: usize,
        last: bool,
        mode: BidiMode,
    ) {
        let s = &mut self.scratch;
        let chars = &s.chars[r.clone()];
        let classes = &s.classes[r.clone()];
        let para_levels = &s.para_levels[r.clone()];
        let n = chars.len();
        s.levels.clear();
        s.levels.extend_from_slice(para_levels);
        s.order.clear();
        s.order.extend(0..n as u32);
        s.glyphs.clear();
        s.glyphs.extend(chars.iter().map(|c| c.ch));

        let visual = mode == BidiMode::App;
        apply_l1(classes, &mut s.levels, dir.level());
        // A cluster moves as one: all of it at its first character's level. The cells keep
        // the levels of rule L1 (`line_levels`, copied only when a cluster changes one).
        let clusters = chars.iter().any(|c| c.cont);
        if clusters {
            s.line_levels.clear();
            s.line_levels.extend_from_slice(&s.levels);
            for (i, c) in chars.iter().enumerate().skip(1) {
                if c.cont {
                    s.levels[i] = s.levels[i - 1];
                }
            }
        }
        if visual && s.levels.iter().any(|l| l.is_rtl()) {
            if clusters {
                apply_l3(|i| chars[i].cont, &s.levels, &mut s.order);
            }
            apply_l2(&s.levels, &mut s.order);
        }
        if visual && needs_shaping(s.glyphs.iter().copied()) {
            s.shaper.shape(&mut s.glyphs, classes, para_levels);
        }
        for ((g, l), class) in s.glyphs.iter_mut().zip(para_levels).zip(classes) {
            // Every character with a Bidi_Mirroring_Glyph is of class ON.
            if visual
                && l.is_rtl()
                && *class == BidiClass::ON
                && let Some(m) = unicode_bidi_mirroring::get_mirrored(*g)
            {
                *g = m;
            }
        }

        let first_cell = self.cells.len();
        let mut width = 0usize;
        for &o in &s.order {
            let o = o as usize;
            let c = &chars[o];
            let (ch, w) = if c.too_wide {
                // The rest of a cluster too wide to draw lives in its first character's cell.
                (if c.cont { FILLER } else { TOO_WIDE }, c.width)
            } else if s.glyphs[o] == FILLER {
                (FILLER, 0)
            } else if c.ch == '\t' {
                (' ', c.width)
            } else {
                (s.glyphs[o], c.width)
            };
            width += usize::from(w);
            self.cells.push(VisualCell {
                ch,
                logical: offset + c.byte,
                width: w,
                rtl: s.levels[o].is_rtl(),
                level: if clusters {
                    s.line_levels[o]
                } else {
                    s.levels[o]
                }
                .number(),
                joined: c.cont && !c.too_wide,
            });
        }
        let start = chars.first().map_or(para.len(), |c| c.byte);
        let end = s.chars.get(r.end).map_or(para.len(), |c| c.byte);
        self.lines.push(LineInfo {
            cells: first_cell..self.cells.len(),
            logical: offset + start..offset + end,
            width,
            direction: dir,
            right_aligned: dir.is_rtl() && visual,
            paragraph_end: last,
        });
    }

    /// Number of visual lines.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The `i`th visual line, top to bottom.
    pub fn line(&self, i: usize) -> Option<VisualLine<'_>> {
        let info = self.lines.get(i)?;
        Some(VisualLine {
            cells: self.cells.get(info.cells.clone())?,
            logical: info.logical.clone(),
            width: info.width,
            direction: info.direction,
            right_aligned: info.right_aligned,
            paragraph_end: info.paragraph_end,
        })
    }

    /// All visual lines, top to bottom.
    pub fn lines(&self) -> impl ExactSizeIterator<Item = VisualLine<'_>> + '_ {
        self.lines.iter().map(|info| VisualLine {
            cells: &self.cells[info.cells.clone()],
            logical: info.logical.clone(),
            width: info.width,
            direction: info.direction,
            right_aligned: info.right_aligned,
            paragraph_end: info.paragraph_end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::units;

    #[test]
    fn the_cluster_shortcuts_agree_with_the_segmenter() {
        let alphabet = [
            'a',
            ' ',
            'ب',
            'ی',
            '۱',
            '«',
            '.',
            '\u{64E}',
            '\u{654}',
            '\u{670}',
            '\u{200C}',
            '\u{200D}',
            '\u{301}',
            '👍',
            '\u{1F3FD}',
            '\u{FE0F}',
            '\u{600}',
            '\u{6DD}',
            'क',
            '\u{94D}',
            '\u{1F1EE}',
            '\t',
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer.into_iter().filter(|t| t.chars().count() <= 4));
            texts.sort();
            texts.dedup();
        }
        for text in &texts {
            let mut chars: Vec<CharInfo> = text
                .char_indices()
                .map(|(byte, ch)| CharInfo {
                    byte,
                    ch,
                    width: char_width_uncached(ch),
                    too_wide: false,
                    cont: false,
                    kind: kind_of(ch),
                })
                .collect();
            mark_clusters(text, &mut chars);
            let starts: Vec<usize> = units(text).map(|(i, _)| i).collect();
            for c in &chars {
                assert_eq!(c.cont, !starts.contains(&c.byte), "{text:?} at {}", c.byte);
            }
        }
    }
}
