//! Plain-text, CSV and JSON output for the list commands.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::text::{
    BaseDirection, BidiLine, BidiMode, Direction, LayoutOptions, fitting_prefix, layout, sanitize,
};

/// How a cell's text becomes what is printed: logical order for pipes, visual order laid out
/// by `text` for a terminal.
pub trait CellLayout {
    /// `text` fitted into `width` cells (truncated with `…` if longer), padded to exactly
    /// `width` cells; right-aligned when the cell is right to left.
    fn cell(&self, text: &str, width: usize) -> String;
    /// Display width of `text` in terminal cells.
    fn width(&self, text: &str) -> usize {
        UnicodeWidthStr::width(text)
    }
    /// A whole line of text (a heading, a message), as it should be printed.
    fn line(&self, text: &str) -> String;
    /// Whether cells come out in visual order, so that a right-to-left table must also be
    /// drawn with its columns mirrored. In logical order the reader's bidi does that.
    fn is_visual(&self) -> bool;
}

/// A simple table: a header row and rows of cells, columns separated by two spaces.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The widest any column may be; longer cells are truncated at their logical end.
    pub max_col_width: usize,
    /// Columns run right to left (the Persian UI), so the first column is printed rightmost.
    pub rtl: bool,
}

impl Table {
    pub fn write(&self, out: &mut dyn Write, layout: &dyn CellLayout) -> io::Result<()> {
        let cols = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| layout.width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(layout.width(cell)).min(self.max_col_width);
            }
        }
        let mut line = |cells: &[String]| -> io::Result<()> {
            let mut parts: Vec<String> = (0..cols)
                .map(|i| layout.cell(cells.get(i).map_or("", String::as_str), widths[i]))
                .collect();
            if self.rtl && layout.is_visual() {
                parts.reverse();
            }
            let joined = parts.join("  ");
            writeln!(out, "{}", joined.trim_end())
        };
        line(&self.headers)?;
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule)?;
        for row in &self.rows {
            line(row)?;
        }
        Ok(())
    }
}

/// Logical-order cells for pipes and files: what a script or another program expects.
pub struct LogicalCells;

impl CellLayout for LogicalCells {
    fn cell(&self, text: &str, width: usize) -> String {
        let clean = sanitize(text).replace('\n', " ");
        let mut out = truncate_logical(&clean, width);
        let used = UnicodeWidthStr::width(out.as_str());
        out.push_str(&" ".repeat(width.saturating_sub(used)));
        out
    }

    fn line(&self, text: &str) -> String {
        sanitize(text).into_owned()
    }

    fn is_visual(&self) -> bool {
        false
    }
}

/// Visual-order cells laid out by `text`, for a person reading a terminal: each cell is its own
/// paragraph (so no cell can reorder its neighbours), truncated at its logical end, and
/// right-aligned when it is right to left.
pub struct VisualCells {
    /// The direction of the interface, for cells with no strong letter (numbers, dates).
    pub ui: Direction,
    /// The terminal's width, for aligning whole lines; `None` leaves lines unpadded.
    pub terminal_width: Option<usize>,
}

impl VisualCells {
    fn base(&self) -> BaseDirection {
        BaseDirection::Auto(self.ui)
    }
}

impl CellLayout for VisualCells {
    /// Drawn by the same [`BidiLine`] widget the screen uses, then read back from the buffer.
    fn cell(&self, text: &str, width: usize) -> String {
        let clean = sanitize(text).replace('\n', " ");
        let Ok(w) = u16::try_from(width) else {
            return String::new();
        };
        let area = Rect::new(0, 0, w, 1);
        let mut buf = Buffer::empty(area);
        BidiLine::new(&clean)
            .base(self.base())
            .render(area, &mut buf);
        let mut out = String::with_capacity(width * 3);
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, 0)].symbol();
            out.push_str(symbol);
            x += u16::try_from(UnicodeWidthStr::width(symbol).max(1)).unwrap_or(1);
        }
        out
    }

    fn line(&self, text: &str) -> String {
        let clean = sanitize(text).replace('\n', " ");
        let opts = LayoutOptions {
            base: self.base(),
            width: None,
            mode: BidiMode::App,
        };
        let laid = layout(&clean, &opts);
        let Some(line) = laid.line(0) else {
            return String::new();
        };
        let mut out = String::new();
        if let (Direction::Rtl, Some(w)) = (line.direction, self.terminal_width) {
            out.push_str(&" ".repeat(w.saturating_sub(line.width)));
        }
        line.push_visual(&mut out);
        out
    }

    fn is_visual(&self) -> bool {
        true
    }
}

/// The longest logical prefix of `text` that fits `width` cells with an ellipsis after it, or
/// `text` itself when it fits whole. Cutting the logical end keeps the beginning of a sentence,
/// which in a right-to-left cell is its right-hand side.
pub fn truncate_logical(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = text[..fitting_prefix(text, width - 1)].to_string();
    out.push('…');
    out
}

/// One CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes CSV rows with a UTF-8 byte-order mark, so spreadsheet programs read Persian right.
pub fn write_csv(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let head: Vec<String> = headers.iter().map(|h| csv_field(h)).collect();
    write!(out, "{}\r\n", head.join(","))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_field(&sanitize(c))).collect();
        write!(out, "{}\r\n", cells.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must() {
        assert_eq!(csv_field("ساده"), "ساده");
        assert_eq!(csv_field("الف، ب"), "الف، ب");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("«نقل» \"قول\""), "\"«نقل» \"\"قول\"\"\"");
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["ردیف", "شرح"],
            &[vec!["1".into(), "x,y".into()]],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{FEFF}ردیف,شرح\r\n1,\"x,y\"\r\n"
        );
    }

    #[test]
    fn logical_cells_truncate_and_pad() {
        assert_eq!(LogicalCells.cell("abc", 5), "abc  ");
        assert_eq!(LogicalCells.cell("abcdef", 4), "abc…");
        let t = Table {
            headers: vec!["n".into(), "name".into()],
            rows: vec![vec!["1".into(), "بانک توسعه تعاون".into()]],
            max_col_width: 8,
            rtl: false,
        };
        let mut out = Vec::new();
        t.write(&mut out, &LogicalCells).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.lines().nth(2), Some("1  بانک تو…"));
    }

    #[test]
    fn visual_cells_right_align_persian_and_keep_numbers_readable() {
        let cells = VisualCells {
            ui: Direction::Rtl,
            terminal_width: None,
        };
        // Logical «مصوبه ۲/۳ (بانک)»: in visual order the first word is on the right, the
        // number still reads ۲/۳, and the parentheses face the right way once mirrored.
        let cell = cells.cell("مصوبه ۲/۳ (بانک)", 20);
        assert_eq!(UnicodeWidthStr::width(cell.as_str()), 20);
        assert!(cell.starts_with("    "), "right-aligned: «{cell}»");
        assert!(cell.contains("۲/۳"), "{cell}");
        let latin = cells.cell("Bank 2/3", 10);
        assert_eq!(latin, "Bank 2/3  ");
        let cut = cells.cell("اداره کل کار، تعاون و رفاه اجتماعی", 10);
        assert_eq!(UnicodeWidthStr::width(cut.as_str()), 10);
        assert!(
            cut.trim_start().starts_with('…'),
            "the logical end is on the left: «{cut}»"
        );
    }

    #[test]
    fn truncation_is_logical_and_fits() {
        assert_eq!(truncate_logical("abc", 3), "abc");
        assert_eq!(truncate_logical("abcd", 3), "ab…");
        assert_eq!(truncate_logical("ab cd", 4), "ab…");
        assert_eq!(truncate_logical("abcd", 0), "");
    }
}
