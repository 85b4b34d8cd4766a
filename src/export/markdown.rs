//! GitHub-flavoured Markdown, with the tables as GFM tables.
//!
//! Record text is escaped so that it stays text: every character Markdown or inline HTML could
//! read as syntax (`<`, `&`, `*`, `[`, `|`, `$`…) is backslash-escaped, and a line cannot start
//! a heading, list or quote. A Persian document sits in a `<div dir="rtl">`, which GitHub and
//! pandoc both honour.

use std::fmt::Write as _;

use super::document::{Block, Document, Item, Table, clean};
use crate::i18n::Lang;

pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    if doc.lang == Lang::Fa {
        out.push_str("<div dir=\"rtl\">\n\n");
    }
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        match block {
            // The last of a run of titles is the document's heading; those above it lead in.
            Block::Title(t) if matches!(blocks.peek(), Some(Block::Title(_))) => {
                let _ = writeln!(out, "**{}**  ", inline(t));
                continue;
            }
            Block::Title(t) => {
                let _ = writeln!(out, "# {}", inline(t));
            }
            Block::Invocation(t) => {
                let _ = writeln!(
                    out,
                    "<p align=\"center\"><b>{}</b></p>",
                    crate::export::html::escape(t)
                );
            }
            Block::LetterBlock(fields) => {
                for f in fields {
                    let _ = writeln!(out, "**{}:** {}  ", inline(&f.label), inline(&f.value));
                }
            }
            Block::Notice(t) => {
                let _ = writeln!(out, "> **{}**", inline(t));
            }
            Block::Heading(level, t) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 4)) + 1);
                let _ = writeln!(out, "{hashes} {}", inline(t));
            }
            Block::Paragraph(t) => {
                let _ = writeln!(out, "{}", inline(t).replace("<br>", "\\\n"));
            }
            Block::Fields(fields) => {
                for f in fields {
                    let _ = writeln!(out, "- **{}:** {}", inline(&f.label), inline(&f.value));
                }
            }
            Block::List(items) | Block::Columns(items) => {
                for item in items {
                    out.push_str(&list_item(item));
                }
            }
            Block::RunIn { title, items } => {
                let run: Vec<String> = items.iter().map(run_in_item).collect();
                let title = title
                    .as_ref()
                    .map(|t| format!("**{}**{}", inline(t), super::document::RUN_IN_DASH))
                    .unwrap_or_default();
                let _ = writeln!(out, "{title}{}", run.join(" "));
            }
            Block::Table(t) => table(&mut out, t),
        }
        out.push('\n');
    }
    if doc.lang == Lang::Fa {
        out.push_str("</div>\n");
    }
    out
}

fn run_in_item(item: &Item) -> String {
    match &item.lead {
        Some(lead) => format!("**{}** {}", inline(lead), inline(&item.text)),
        None => inline(&item.text),
    }
}

fn list_item(item: &Item) -> String {
    match &item.lead {
        Some(lead) => format!("- **{}** {}\n", inline(lead), inline(&item.text)),
        None => format!("- {}\n", inline(&item.text)),
    }
}

fn table(out: &mut String, t: &Table) {
    let row = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&mut t.columns.iter().map(|c| inline(&c.title))));
    out.push_str(&row(&mut t.columns.iter().map(|_| "---".to_string())));
    for cells in &t.rows {
        let mut padded = (0..t.columns.len()).map(|i| {
            let text = cells.get(i).map_or("", String::as_str);
            // An empty cell in a signature table still needs room to sign in print.
            if text.is_empty() && t.signatures {
                " ".to_string()
            } else {
                inline(text)
            }
        });
        out.push_str(&row(&mut padded));
    }
}

/// Text escaped for one line of Markdown: newlines become `<br>`, and nothing in it is syntax.
pub fn inline(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    out.push_str(&line[..lead]);
    // A line starting `1.` or `1)` would begin an ordered list.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in trimmed.char_indices() {
        let at_start = i == 0 && matches!(c, '#' | '+' | '-' | '=' | '>' | ':');
        let list_marker = digits > 0 && i == digits && matches!(c, '.' | ')');
        let syntax = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '$' | '!' | '^'
        );
        if at_start || list_marker || syntax {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_in_records_is_escaped() {
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(inline("# نه عنوان"), "\\# نه عنوان");
        assert_eq!(inline("1. نه فهرست"), "1\\. نه فهرست");
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("&lt;"), "\\&lt;");
        assert_eq!(inline("خط اول\nخط دوم"), "خط اول<br>خط دوم");
        assert_eq!(inline("=HYPERLINK(\"x\")"), "\\=HYPERLINK(\"x\")");
        assert_eq!(inline("بانک (ع) ۵۰٬۰۰۰ ریال"), "بانک (ع) ۵۰٬۰۰۰ ریال");
    }
}
