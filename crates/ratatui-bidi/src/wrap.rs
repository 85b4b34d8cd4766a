//! Step 3: choose line breaks in logical order.
//!
//! Lines end at UAX #14 opportunities (never next to a ZWNJ, which is inside a Persian word, nor
//! inside a grapheme cluster). A word wider than the width is cut between grapheme clusters; a
//! cluster is never cut, and one wider than the whole line gets a line of its own, drawn as
//! [`TOO_WIDE`]. Whitespace at the end of a line
//! "hangs": it does not count against the width, and when it would overflow it gets zero
//! width, so no visual line is ever wider than asked while every character keeps a cell.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::layout::CharInfo;

const ZWNJ: char = '\u{200C}';
/// Shown instead of a single grapheme cluster wider than the whole line (a wide character in a
/// one-column field): it cannot be drawn, and must not push the line past its width.
pub(super) const TOO_WIDE: char = '…';

fn width(chars: &[CharInfo], r: Range<usize>) -> usize {
    chars[r].iter().map(|c| usize::from(c.width)).sum()
}

/// Width of `r` without its trailing whitespace.
fn content_width(chars: &[CharInfo], r: Range<usize>) -> usize {
    let mut end = r.end;
    while end > r.start && chars[end - 1].ch.is_whitespace() {
        end -= 1;
    }
    width(chars, r.start..end)
}

/// Breaks one paragraph into lines of at most `max` cells (at least 1), as ranges of indices
/// into `chars`, appended to `out`. `para` is the paragraph's text, `chars` its characters.
/// May lower `width` and set `too_wide` on characters, as described in the module comment.
pub(super) fn wrap(para: &str, chars: &mut [CharInfo], max: usize, out: &mut Vec<Range<usize>>) {
    let max = max.max(1);
    let n = chars.len();
    let first_line = out.len();
    let mut start = 0usize;
    let mut last_fit: Option<usize> = None;
    let mut ci = 0usize; // char index of the current opportunity's byte position
    for (byte, kind) in linebreaks(para) {
        while ci < n && chars[ci].byte < byte {
            ci += 1;
        }
        let pos = ci;
        if pos == 0 || pos <= start {
            continue;
        }
        let at_end = pos == n;
        if !at_end && (chars[pos - 1].ch == ZWNJ || chars[pos].ch == ZWNJ || chars[pos].cont) {
            continue;
        }
        loop {
            if content_width(chars, start..pos) <= max {
                last_fit = Some(pos);
                break;
            }
            match last_fit {
                Some(b) if b > start => {
                    out.push(start..b);
                    start = b;
                    last_fit = None;
                }
                _ => {
                    start = split_clusters(chars, start..pos, max, out);
                    last_fit = Some(pos);
                    break;
                }
            }
        }
        if kind == BreakOpportunity::Mandatory && !at_end {
            out.push(start..pos);
            start = pos;
            last_fit = None;
        }
    }
    if start < n || out.len() == first_line {
        out.push(start..n);
    }
    for line in &out[first_line..] {
        hang_trailing_whitespace(chars, line.clone(), max);
    }
}

/// Cuts an unbreakable stretch between grapheme clusters. Pushes all full lines and returns the
/// start of the last, partial one (never empty), which the caller keeps filling.
fn split_clusters(
    chars: &mut [CharInfo],
    r: Range<usize>,
    max: usize,
    out: &mut Vec<Range<usize>>,
) -> usize {
    let mut line_start = r.start;
    let mut line_width = 0usize;
    let mut g_start = r.start;
    while g_start < r.end {
        let mut g_end = g_start + 1;
        while g_end < r.end && chars[g_end].cont {
            g_end += 1;
        }
        // Only the first character of a cluster has a width (see `layout::mark_clusters`).
        let mut g_width = usize::from(chars[g_start].width);
        if g_width > max {
            chars[g_start].width = 1;
            for c in &mut chars[g_start..g_end] {
                c.too_wide = true;
            }
            g_width = 1;
        }
        let is_space = chars[g_start..g_end].iter().all(|c| c.ch.is_whitespace());
        if line_width + g_width > max && g_start > line_start && !is_space {
            out.push(line_start..g_start);
            line_start = g_start;
            line_width = 0;
        }
        line_width += g_width;
        g_start = g_end;
    }
    line_start
}

fn hang_trailing_whitespace(chars: &mut [CharInfo], line: Range<usize>, max: usize) {
    let mut w = width(chars, line.clone());
    let mut i = line.end;
    while w > max && i > line.start && chars[i - 1].ch.is_whitespace() {
        i -= 1;
        w -= usize::from(chars[i].width);
        chars[i].width = 0;
    }
}
