//! HTML: one self-contained file that prints on A4.
//!
//! - `lang` and `dir` on the root; every value from the records inside `<bdi>`, so a Latin
//!   name or a number cannot reorder the words around it.
//! - The stylesheet (`assets/export/minutes.css`) is compiled in; the page header and page
//!   numbers of print are `@page` margin boxes, whose strings are escaped for CSS.
//! - Every text is escaped for HTML, and a Content-Security-Policy that allows no script, no
//!   network and no frame makes the file inert even in a browser that mis-parses it.

use std::fmt::Write as _;

use super::document::{Block, ColumnKind, Document, Item, Table, clean};
use super::widths;
use crate::i18n::Lang;

const STYLESHEET: &str = include_str!("../../assets/export/minutes.css");

pub fn render(doc: &Document) -> String {
    let (lang, dir) = match doc.lang {
        Lang::Fa => ("fa", "rtl"),
        Lang::En => ("en", "ltr"),
    };
    let mut out = String::with_capacity(32 * 1024 + STYLESHEET.len());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"hamyar\">\n<title>{}</title>\n<style>\n{}{STYLESHEET}{}</style>\n</head>\n<body>\n<main>\n",
        escape(&doc.title.replace('\n', " ")),
        font_faces(),
        page_boxes(doc),
    );
    let _ = writeln!(
        out,
        "<header class=\"running\"><bdi>{}</bdi></header>",
        escape(&doc.running_header)
    );
    if let Some(logo) = &doc.logo {
        let kind = if logo.png { "png" } else { "jpeg" };
        let _ = writeln!(
            out,
            "<img class=\"logo\" alt=\"\" src=\"data:image/{kind};base64,{}\">",
            base64(&logo.bytes)
        );
    }
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        let last_title = !matches!(blocks.peek(), Some(Block::Title(_)));
        write_block(&mut out, block, last_title);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The carried font as `@font-face` rules with data URLs, so that a computer without B Nazanin
/// or any Persian font shows the minutes in Vazirmatn FD, as the DOCX and PDF do; encoded once.
fn font_faces() -> &'static str {
    static FACES: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FACES.get_or_init(|| {
        let mut out = String::new();
        for f in &super::fonts::WEB_FILES {
            let _ = writeln!(
                out,
                "@font-face {{ font-family: \"{}\"; font-weight: {}; font-style: normal; src: url(data:font/woff2;base64,{}) format(\"woff2\"); }}",
                super::fonts::FALLBACK,
                if f.bold { "bold" } else { "normal" },
                base64(f.bytes)
            );
        }
        out
    })
}

/// The print header and the page numbers, in the document's language.
fn page_boxes(doc: &Document) -> String {
    let s = doc.lang.export_strings();
    let style = match doc.lang {
        Lang::Fa => "persian",
        Lang::En => "decimal",
    };
    format!(
        "@page {{\n  @top-center {{ content: {}; }}\n  @bottom-center {{ content: {} counter(page, {style}) {} counter(pages, {style}); }}\n}}\n",
        css_string(&doc.running_header),
        css_string(&format!("{} ", s.page)),
        css_string(&format!(" {} ", s.of)),
    )
}

fn write_block(out: &mut String, block: &Block, last_title: bool) {
    let _ = match block {
        Block::Title(t) if last_title => writeln!(out, "<h1><bdi>{}</bdi></h1>", escape(t)),
        Block::Title(t) => writeln!(out, "<p class=\"title\"><bdi>{}</bdi></p>", escape(t)),
        Block::Notice(t) => writeln!(out, "<p class=\"notice\">{}</p>", escape(t)),
        Block::Invocation(t) => {
            writeln!(out, "<p class=\"invocation\"><bdi>{}</bdi></p>", escape(t))
        }
        Block::LetterBlock(fields) => {
            out.push_str("<dl class=\"letter\">\n");
            for f in fields {
                let _ = writeln!(
                    out,
                    "<div><dt>{}</dt><dd><bdi>{}</bdi></dd></div>",
                    escape(&f.label),
                    escape(&f.value)
                );
            }
            writeln!(out, "</dl>")
        }
        Block::Heading(level, t) => {
            let h = (*level).clamp(1, 4) + 1;
            writeln!(out, "<h{h}><bdi>{}</bdi></h{h}>", escape(t))
        }
        Block::Paragraph(t) => writeln!(out, "<p dir=\"auto\">{}</p>", escape(t)),
        Block::Fields(fields) => {
            out.push_str("<dl class=\"fields\">\n");
            for f in fields {
                let _ = writeln!(
                    out,
                    "<div><dt>{}</dt><dd dir=\"auto\"><bdi>{}</bdi></dd></div>",
                    escape(&f.label),
                    escape(&f.value)
                );
            }
            writeln!(out, "</dl>")
        }
        Block::List(items) | Block::Columns(items) => {
            // Items led by a number or a speaker need no bullet as well.
            let led = items.iter().all(|i| i.lead.is_some());
            let columns = matches!(block, Block::Columns(_));
            out.push_str(match (led, columns) {
                (true, true) => "<ul class=\"led columns\">\n",
                (true, false) => "<ul class=\"led\">\n",
                (false, true) => "<ul class=\"columns\">\n",
                (false, false) => "<ul>\n",
            });
            for item in items {
                list_item(out, item);
            }
            writeln!(out, "</ul>")
        }
        Block::RunIn { title, items } => {
            let all: String = items.iter().map(|i| i.text.as_str()).collect();
            let dir = match first_strong_rtl(&all) {
                Some(true) => " dir=\"rtl\"",
                Some(false) => " dir=\"ltr\"",
                None => "",
            };
            let _ = write!(out, "<p class=\"run-in\"{dir}>");
            if let Some(title) = title {
                let _ = write!(
                    out,
                    "<b class=\"issue\"><bdi>{}</bdi></b>{}",
                    escape(title),
                    escape(super::document::RUN_IN_DASH)
                );
            }
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                if let Some(lead) = &item.lead {
                    let _ = write!(out, "<b><bdi>{}</bdi></b> ", escape(lead));
                }
                let _ = write!(out, "<bdi>{}</bdi>", escape(&item.text));
            }
            writeln!(out, "</p>")
        }
        Block::Table(t) => {
            table(out, t);
            Ok(())
        }
    };
}

fn list_item(out: &mut String, item: &Item) {
    // The item's text decides its direction, whatever the speaker's name is written in.
    let dir = match first_strong_rtl(&item.text) {
        Some(true) => " dir=\"rtl\"",
        Some(false) => " dir=\"ltr\"",
        None => "",
    };
    let _ = write!(out, "<li{dir}>");
    if let Some(lead) = &item.lead {
        let _ = write!(out, "<b><bdi>{}</bdi></b> ", escape(lead));
    }
    let _ = writeln!(out, "<bdi>{}</bdi></li>", escape(&item.text));
}

/// The size of the tables' text in the HTML (`table.data td` in the style sheet).
const TABLE_PT: f64 = 10.0;

fn table(out: &mut String, t: &Table) {
    let class = if t.signatures { "signatures" } else { "data" };
    let _ = writeln!(out, "<table class=\"{class}\">\n<colgroup>");
    let shares = widths::shares(t, TABLE_PT);
    for share in &shares {
        let _ = writeln!(out, "<col style=\"width: {:.1}%\">", share * 100.0);
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for c in &t.columns {
        let _ = write!(out, "<th>{}</th>", escape(&c.title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for cells in &t.rows {
        // A tall row may break across pages rather than leave one mostly empty.
        out.push_str(if widths::may_break(cells, &shares, TABLE_PT) {
            "<tr class=\"tall\">"
        } else {
            "<tr>"
        });
        for (i, column) in t.columns.iter().enumerate() {
            let text = cells.get(i).map_or("", String::as_str);
            // A number or a date never wraps.
            let class = if column.kind == ColumnKind::Code {
                " class=\"code\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<td{class} dir=\"auto\"><bdi>{}</bdi></td>",
                escape(text)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Standard base64 with padding, for the logo's data URL.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Whether `text` starts (first strong letter) right to left; `None` with no strong letter.
fn first_strong_rtl(text: &str) -> Option<bool> {
    use unicode_bidi::{BidiClass, bidi_class};
    text.chars()
        .map(bidi_class)
        .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL))
        .map(|c| c != BidiClass::L)
}

/// Text escaped for HTML element content and attribute values; newlines become `<br>`.
pub fn escape(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// A CSS string literal: anything but letters, digits and spaces is written as a hex escape,
/// so no quote, backslash or `</style>` in a record can end the string or the stylesheet.
fn css_string(text: &str) -> String {
    let text = clean(text);
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' || !c.is_ascii() && !c.is_whitespace() {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn html_and_css_escaping() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(escape("a\nb\u{202E}c"), "a<br>b◂c");
        assert_eq!(
            css_string("a\"b</style>"),
            "\"a\\22 b\\3c \\2f style\\3e \""
        );
        assert_eq!(css_string("صفحهٔ ۲"), "\"صفحهٔ ۲\"");
    }
}
