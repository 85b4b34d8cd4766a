//! CSV of the meeting's action items, for spreadsheets.
//!
//! UTF-8 with a byte-order mark (so spreadsheet programs read Persian), CRLF line ends, RFC 4180
//! quoting, the deadline in both calendars, and every cell that a spreadsheet would take for a
//! formula (`=`, `+`, `-`, `@` first) prefixed with an apostrophe, so it opens as text.

use super::document::clean;
use super::minutes::Minutes;

pub fn render(m: &Minutes) -> Vec<u8> {
    let s = m.strings();
    let mut out = String::from("\u{FEFF}");
    let headers = [
        s.number,
        s.decision_text,
        s.lead_agency,
        s.supporting,
        s.due_jalali,
        s.due_gregorian,
        s.status,
    ];
    record(&mut out, headers.iter().copied());
    for d in &m.decisions {
        record(
            &mut out,
            [
                d.number.as_str(),
                &d.text,
                &d.lead,
                &d.supporting,
                &d.due_jalali,
                &d.due_gregorian,
                &d.status,
            ]
            .into_iter(),
        );
    }
    out.into_bytes()
}

fn record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// One cell: neutralized if it could be a formula, quoted when it must be.
pub fn field(text: &str) -> String {
    let text = clean(text);
    let formula = text.trim_start().starts_with(['=', '+', '-', '@']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.into_owned()
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

    #[test]
    fn formulas_are_neutralized_and_quotes_doubled() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field(" +1"), "' +1");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("بانک، ملی"), "بانک، ملی");
        assert_eq!(field("a\nb"), "\"a\nb\"");
        assert_eq!(field("۲/۱"), "۲/۱");
    }
}
