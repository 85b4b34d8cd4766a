//! CSV, the one place hamyar writes it: the minutes' action items here, and `hamyar actions
//! --format csv` through [`write()`].
//!
//! - UTF-8 with a byte-order mark, so spreadsheet programs read Persian; CRLF line ends; RFC
//!   4180 quoting.
//! - Every cell is [`clean`]ed, and a cell a spreadsheet would take for a formula (`=`, `+`,
//!   `-`, `@`, a tab or a carriage return first, after any spaces) gets a leading apostrophe,
//!   so the file opens without running anything.
//! - A [`Cell::Code`] (a decision number such as `2/1`) starts with a left-to-right mark:
//!   Calc and Excel with their default settings read `2/1` as the first of February, and an
//!   invisible mark is the one thing both keep as text without showing it.

use std::io::{self, Write};

use super::document::clean;
use super::minutes::Minutes;

/// One cell of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text as it is.
    Text(&'a str),
    /// An identifier that looks like a number or a date but is neither, and must stay text.
    Code(&'a str),
}

/// U+200E LEFT-TO-RIGHT MARK: invisible, not a digit, so no spreadsheet parses past it.
const KEEP_AS_TEXT: char = '\u{200E}';

/// The minutes' decisions as CSV: number, text, agencies, the deadline in both calendars and
/// the status.
pub fn render(m: &Minutes) -> Vec<u8> {
    let s = m.strings();
    let headers = [
        s.number,
        s.decision_text,
        s.lead_agency,
        s.supporting,
        s.due_jalali,
        s.due_gregorian,
        s.status,
    ];
    let rows: Vec<Vec<Cell<'_>>> = m
        .decisions
        .iter()
        .map(|d| {
            vec![
                Cell::Code(&d.number),
                Cell::Text(&d.text),
                Cell::Text(&d.lead),
                Cell::Text(&d.supporting),
                Cell::Text(&d.due_jalali),
                Cell::Text(&d.due_gregorian),
                Cell::Text(&d.status),
            ]
        })
        .collect();
    let mut out = Vec::with_capacity(4096);
    // Writing into a Vec cannot fail.
    let _ = write(&mut out, &headers, &rows);
    out
}

/// A whole CSV file: the byte-order mark, the header line and the records.
pub fn write(out: &mut dyn Write, headers: &[&str], rows: &[Vec<Cell<'_>>]) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let head: Vec<Cell<'_>> = headers.iter().map(|h| Cell::Text(h)).collect();
    record(out, &head)?;
    for row in rows {
        record(out, row)?;
    }
    Ok(())
}

fn record(out: &mut dyn Write, cells: &[Cell<'_>]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| field(*c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

/// One cell as it is written: cleaned, neutralized if it could be a formula, marked if it must
/// stay text, quoted when it must be.
pub fn field(cell: Cell<'_>) -> String {
    let (text, code) = match cell {
        Cell::Text(t) => (clean(t), false),
        Cell::Code(t) => (clean(t), true),
    };
    let formula = text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = match (formula, code) {
        (true, _) => format!("'{text}"),
        (false, true) if !text.is_empty() => format!("{KEEP_AS_TEXT}{text}"),
        _ => text.into_owned(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> String {
        field(Cell::Text(t))
    }

    #[test]
    fn formulas_are_neutralized_and_quotes_doubled() {
        assert_eq!(
            text("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(text(" +1"), "' +1");
        assert_eq!(text("-2"), "'-2");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            text("\t=1"),
            "' =1",
            "a tab is cleaned to a space, then guarded"
        );
        assert_eq!(text("بانک، ملی"), "بانک، ملی");
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("a\nb"), "\"a\nb\"");
        assert_eq!(text("«نقل» \"قول\""), "\"«نقل» \"\"قول\"\"\"");
        assert_eq!(
            text("a\u{202E}b"),
            "a◂b",
            "bidi overrides are shown, not obeyed"
        );
    }

    #[test]
    fn codes_stay_text_in_spreadsheets() {
        assert_eq!(field(Cell::Code("2/1")), "\u{200E}2/1");
        assert_eq!(field(Cell::Code("۲/۱")), "\u{200E}۲/۱");
        assert_eq!(field(Cell::Code("")), "");
        assert_eq!(
            field(Cell::Code("=1")),
            "'=1",
            "the formula guard comes first"
        );
    }

    #[test]
    fn a_file_has_a_bom_a_header_and_crlf_records() {
        let mut out = Vec::new();
        write(
            &mut out,
            &["ردیف", "شرح"],
            &[vec![Cell::Code("1/2"), Cell::Text("x,y")]],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{FEFF}ردیف,شرح\r\n\u{200E}1/2,\"x,y\"\r\n"
        );
    }
}
