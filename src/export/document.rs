//! The page layout the document formats share (DOCX, HTML, Markdown, plain text): a title, a
//! line repeated at the top of each page, and a list of blocks.
//!
//! The minutes and the per-agency follow-up list are each laid out once into a [`Document`];
//! every document format renders any `Document`, so the same content comes out in each.

use std::borrow::Cow;

use crate::domain::Date;
use crate::i18n::Lang;

/// A document ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    /// The document's name (the HTML `<title>`, the DOCX's properties).
    pub title: String,
    /// Repeated at the top of every printed page.
    pub running_header: String,
    /// An image at the top of every printed page, beside the running header.
    pub logo: Option<super::letterhead::Logo>,
    /// The paged documents' (DOCX, PDF) text size; the HTML keeps its own.
    pub text_size: super::letterhead::TextSize,
    /// The day the document speaks for; it dates the DOCX, so output does not change per run.
    pub date: Date,
    pub blocks: Vec<Block>,
}

/// One piece of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The letter's heading line, centred above everything («بسمه تعالی»).
    Invocation(String),
    /// The letter block: `label: value` lines set at the page's end side, as on a letterhead
    /// (شماره / تاریخ / پیوست).
    LetterBlock(Vec<Field>),
    /// A centred title line; the first is the largest.
    Title(String),
    /// A warning set apart from the text (the draft notice).
    Notice(String),
    /// A section heading, level 1 (a section) to 3.
    Heading(u8, String),
    Paragraph(String),
    /// `label: value` lines.
    Fields(Vec<Field>),
    /// A list whose items may start with a bold lead (a number, a speaker).
    List(Vec<Item>),
    /// A list of short items (the agenda's titles) set in two columns on a page, down the
    /// first column and then the second; a plain list where there are no pages.
    Columns(Vec<Item>),
    /// One paragraph of items run in one after the other, each with its bold lead, after a
    /// bold title when there is one: what was said on one issue, «۱. عنوان — نام (سمت): متن.
    /// نام: متن.». The title is run in rather than a heading of its own: a long meeting's
    /// forty issues would take a page of heading lines.
    RunIn {
        title: Option<String>,
        items: Vec<Item>,
    },
    Table(Table),
}

/// What stands between a run-in title and the first statement, in every format.
pub const RUN_IN_DASH: &str = " — ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub lead: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// A signature table has tall, empty cells to sign in.
    pub signatures: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub kind: ColumnKind,
}

/// What a column holds, which decides its width and whether its cells may wrap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Words, which wrap between words.
    Text,
    /// Numbers and dates (`۲/۱`, `۱۳۹۳/۰۳/۳۱`), which never wrap.
    Code,
    /// Room to sign in.
    Signature,
}

impl Column {
    pub fn text(title: &str) -> Self {
        Column::of(title, ColumnKind::Text)
    }

    pub fn code(title: &str) -> Self {
        Column::of(title, ColumnKind::Code)
    }

    pub fn signature(title: &str) -> Self {
        Column::of(title, ColumnKind::Signature)
    }

    fn of(title: &str, kind: ColumnKind) -> Self {
        Column {
            title: title.to_string(),
            kind,
        }
    }
}

impl Field {
    pub fn new(label: &str, value: impl Into<String>) -> Self {
        Field {
            label: label.to_string(),
            value: value.into(),
        }
    }
}

/// Text made safe for any format before its own escaping: a field as `text::sanitize_field`
/// makes it (controls removed, bidi overrides shown as marks, isolates and embeddings
/// balanced so that the field cannot reorder its neighbours), CRLF made one newline, a tab
/// made a space (no format here gives it a meaning), and the noncharacters U+FFFE/U+FFFF (and
/// the other code points XML 1.0 forbids) dropped, so the DOCX stays well-formed XML.
pub fn clean(text: &str) -> Cow<'_, str> {
    if crate::text::is_field_sanitized(text)
        && !text.chars().any(|c| c == '\t' || is_noncharacter(c))
    {
        return Cow::Borrowed(text);
    }
    let text = text.replace("\r\n", "\n");
    crate::text::sanitize_field(&text)
        .chars()
        .filter(|c| !is_noncharacter(*c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect::<String>()
        .into()
}

fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_what_no_format_may_carry() {
        assert!(matches!(clean("بانک «ملی» 2/3"), Cow::Borrowed(_)));
        assert_eq!(
            clean("a\r\nb\u{1}c\u{FFFE}d\u{202E}e\u{202C}\u{FDD0}"),
            "a\nbcd◂e",
            "an override is shown as a mark; the PDF it had is unmatched and goes"
        );
        assert_eq!(
            clean("\u{200C}\u{200F}"),
            "\u{200C}\u{200F}",
            "ZWNJ and RLM stay"
        );
    }
}
