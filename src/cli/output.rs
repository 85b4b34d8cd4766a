//! Plain-text, CSV and JSON output for the list commands.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

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
            if self.rtl {
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
        let mut out = String::new();
        let mut used = 0;
        let total = UnicodeWidthStr::width(text);
        for ch in text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if total > width && used + w + 1 > width {
                out.push('…');
                used += 1;
                break;
            }
            out.push(ch);
            used += w;
        }
        out.push_str(&" ".repeat(width.saturating_sub(used)));
        out
    }

    fn line(&self, text: &str) -> String {
        text.to_string()
    }
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
        let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
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
        write_csv(&mut out, &["ردیف", "شرح"], &[vec!["1".into(), "x,y".into()]]).unwrap();
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
        assert_eq!(s.lines().nth(2), Some("1  بانک توس…"));
    }
}
