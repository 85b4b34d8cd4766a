//! `word/document.xml`, the header and the footer, written from a [`Document`].
//!
//! Right to left is said at every level Word and LibreOffice read it: `w:bidi` on paragraphs
//! (and the section), `w:rtl` on runs of right-to-left text, `w:bidiVisual` on tables so the
//! first column is the rightmost. Element order inside `w:pPr`, `w:rPr`, `w:tblPr` and
//! `w:tcPr` follows the schema's sequences: Word refuses a file that does not.

use std::io;

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

use super::parts::{R_NS, W_NS};
use super::table::{columns, table};
use super::xml::Xml;
use crate::export::document::{Block, Document, Item, RUN_IN_DASH, clean};
use crate::i18n::Lang;

/// A4 in twentieths of a point, and margins of 2 cm.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1134;
pub(super) const TEXT_W: u32 = PAGE_W - 2 * MARGIN;
/// A list item's hanging indent, in twentieths of a point (6.3 mm).
pub(super) const LIST_INDENT: u32 = 357;

/// How a paragraph's runs look.
#[derive(Clone, Copy, Default)]
pub(super) struct RunStyle {
    pub(super) bold: bool,
}

pub(super) fn document_xml(doc: &Document) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open("w:document", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)])?;
    x.open("w:body", &[])?;
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        let is_table = |b: Option<&&Block>| matches!(b, Some(Block::Table(_) | Block::Columns(_)));
        let next_is_table = is_table(blocks.peek());
        write_block(&mut x, doc.lang, table_pt(doc), block)?;
        // Word merges two adjacent tables into one; a table also needs a paragraph after it.
        if is_table(Some(&block)) && (next_is_table || blocks.peek().is_none()) {
            paragraph(&mut x, doc.lang, None, &[])?;
        }
    }
    section(&mut x, doc.lang)?;
    x.close("w:body")?;
    x.close("w:document")?;
    Ok(x.finish())
}

/// The tables' text size in points.
fn table_pt(doc: &Document) -> f64 {
    f64::from(doc.text_size.table_pt())
}

fn write_block(x: &mut Xml, lang: Lang, table_pt: f64, block: &Block) -> io::Result<()> {
    let plain = RunStyle::default();
    let bold = RunStyle { bold: true };
    match block {
        Block::Invocation(t) => paragraph(x, lang, Some("Invocation"), &[(t, bold)]),
        Block::LetterBlock(fields) => {
            for f in fields {
                let label = format!("{}: ", f.label);
                paragraph(
                    x,
                    lang,
                    Some("LetterBlock"),
                    &[(&label, bold), (&f.value, plain)],
                )?;
            }
            Ok(())
        }
        Block::Title(t) => paragraph(x, lang, Some("Title"), &[(t, plain)]),
        Block::Notice(t) => paragraph(x, lang, Some("Notice"), &[(t, plain)]),
        Block::Heading(level, t) => {
            let style = match level {
                0 | 1 => "Heading1",
                2 => "Heading2",
                _ => "Heading3",
            };
            paragraph(x, lang, Some(style), &[(t, plain)])
        }
        Block::Paragraph(t) => paragraph(x, lang, None, &[(t, plain)]),
        Block::Fields(fields) => {
            for f in fields {
                let label = format!("{}: ", f.label);
                paragraph(x, lang, None, &[(&label, bold), (&f.value, plain)])?;
            }
            Ok(())
        }
        Block::List(items) => {
            for item in items {
                list_item(x, lang, item, None)?;
            }
            Ok(())
        }
        Block::Columns(items) => columns(x, lang, table_pt, items),
        Block::RunIn { title, items } => run_in(x, lang, title.as_deref(), items),
        Block::Table(t) => table(x, lang, table_pt, t),
    }
}

/// Items run in one paragraph after their title, each lead bold; the statements' text decides
/// its direction.
fn run_in(x: &mut Xml, lang: Lang, title: Option<&str>, items: &[Item]) -> io::Result<()> {
    let all: String = items.iter().map(|i| i.text.as_str()).collect();
    let rtl = rtl_paragraph(lang, &all);
    x.open("w:p", &[])?;
    paragraph_props(x, rtl, Some("RunIn"), false)?;
    if let Some(title) = title {
        runs(x, rtl, title, RunStyle { bold: true })?;
        runs(x, rtl, RUN_IN_DASH, RunStyle::default())?;
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            runs(x, rtl, " ", RunStyle::default())?;
        }
        if let Some(lead) = &item.lead {
            runs(x, rtl, &format!("{lead} "), RunStyle { bold: true })?;
        }
        runs(x, rtl, &item.text, RunStyle::default())?;
    }
    x.close("w:p")
}

pub(super) fn list_item(
    x: &mut Xml,
    lang: Lang,
    item: &Item,
    style: Option<&str>,
) -> io::Result<()> {
    // An item's text decides its direction (a statement in Persian in English minutes).
    let rtl = rtl_paragraph(lang, &item.text);
    x.open("w:p", &[])?;
    x.open("w:pPr", &[])?;
    if let Some(s) = style {
        x.val("w:pStyle", s)?;
    }
    if rtl {
        x.empty("w:bidi", &[])?;
    }
    let indent = LIST_INDENT.to_string();
    x.empty("w:ind", &[("w:start", &indent), ("w:hanging", &indent)])?;
    x.close("w:pPr")?;
    let lead = match &item.lead {
        Some(l) => format!("{l} "),
        None => "•\t".to_string(),
    };
    runs(x, rtl, &lead, RunStyle { bold: true })?;
    runs(x, rtl, &item.text, RunStyle::default())?;
    x.close("w:p")
}

/// One paragraph of styled pieces of text.
pub(super) fn paragraph(
    x: &mut Xml,
    lang: Lang,
    style: Option<&str>,
    pieces: &[(&str, RunStyle)],
) -> io::Result<()> {
    let all: String = pieces.iter().map(|(t, _)| *t).collect();
    let rtl = rtl_paragraph(lang, &all);
    x.open("w:p", &[])?;
    paragraph_props(x, rtl, style, false)?;
    for (text, run_style) in pieces {
        runs(x, rtl, text, *run_style)?;
    }
    x.close("w:p")
}

/// Whether a paragraph reads right to left: always in Persian minutes; in English ones when
/// its text starts (first strong letter) in a right-to-left script.
pub(super) fn rtl_paragraph(lang: Lang, text: &str) -> bool {
    lang == Lang::Fa
        || text
            .chars()
            .map(bidi_class)
            .find(|c| matches!(c, BidiClass::L | BidiClass::R | BidiClass::AL))
            .is_some_and(|c| c != BidiClass::L)
}

pub(super) fn paragraph_props(
    x: &mut Xml,
    rtl: bool,
    style: Option<&str>,
    center: bool,
) -> io::Result<()> {
    x.open("w:pPr", &[])?;
    if let Some(s) = style {
        x.val("w:pStyle", s)?;
    }
    if rtl {
        x.empty("w:bidi", &[])?;
    }
    if center {
        x.val("w:jc", "center")?;
    }
    x.close("w:pPr")
}

/// Text as runs: one run per stretch of one direction, lines joined by `w:br`.
pub(super) fn runs(x: &mut Xml, rtl: bool, text: &str, style: RunStyle) -> io::Result<()> {
    let text = clean(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.open("w:r", &[])?;
            x.empty("w:br", &[])?;
            x.close("w:r")?;
        }
        for (piece, rtl) in direction_runs(line, rtl) {
            run(x, piece, rtl, style)?;
        }
    }
    Ok(())
}

fn run(x: &mut Xml, text: &str, rtl: bool, style: RunStyle) -> io::Result<()> {
    x.open("w:r", &[])?;
    if rtl || style.bold {
        x.open("w:rPr", &[])?;
        if style.bold {
            x.empty("w:b", &[])?;
            x.empty("w:bCs", &[])?;
        }
        if rtl {
            x.empty("w:rtl", &[])?;
        }
        x.close("w:rPr")?;
    }
    x.element("w:t", &[("xml:space", "preserve")], text)?;
    x.close("w:r")
}

/// Splits a line where its resolved bidi level changes. A stretch is right to left when its
/// level is odd, or, in a right-to-left paragraph, when it has no left-to-right letter (digits
/// and punctuation among Persian words read and are shaped as part of them).
fn direction_runs(line: &str, paragraph_rtl: bool) -> Vec<(&str, bool)> {
    if line.is_empty() {
        return Vec::new();
    }
    let base = if paragraph_rtl {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let info = BidiInfo::new(line, Some(base));
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let piece = &line[from..to];
        let has_ltr_letter = piece.chars().any(|c| bidi_class(c) == BidiClass::L);
        let rtl = info.levels[from].is_rtl() || (paragraph_rtl && !has_ltr_letter);
        out.push((piece, rtl));
    };
    for (i, _) in line.char_indices().skip(1) {
        if info.levels[i] != info.levels[start] {
            push(start, i);
            start = i;
        }
    }
    push(start, line.len());
    out
}

/// A4, 2 cm margins, the header and footer on every page, right to left in Persian.
fn section(x: &mut Xml, lang: Lang) -> io::Result<()> {
    x.open("w:sectPr", &[])?;
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", "rIdHeader")],
    )?;
    x.empty(
        "w:footerReference",
        &[("w:type", "default"), ("r:id", "rIdFooter")],
    )?;
    x.empty(
        "w:pgSz",
        &[("w:w", &PAGE_W.to_string()), ("w:h", &PAGE_H.to_string())],
    )?;
    let m = MARGIN.to_string();
    let attrs = [
        ("w:top", m.as_str()),
        ("w:right", m.as_str()),
        ("w:bottom", m.as_str()),
        ("w:left", m.as_str()),
        ("w:header", "567"),
        ("w:footer", "567"),
        ("w:gutter", "0"),
    ];
    x.empty("w:pgMar", &attrs)?;
    if lang == Lang::Fa {
        x.empty("w:bidi", &[])?;
    }
    x.close("w:sectPr")
}

/// The running header, repeated on every page.
pub(super) fn header_xml(doc: &Document) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open(
        "w:hdr",
        &[
            ("xmlns:w", W_NS),
            ("xmlns:r", R_NS),
            (
                "xmlns:wp",
                "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            ),
        ],
    )?;
    if let Some(logo) = &doc.logo {
        x.open("w:p", &[])?;
        paragraph_props(&mut x, doc.lang == Lang::Fa, Some("Header"), false)?;
        super::logo::run(&mut x, logo)?;
        x.close("w:p")?;
    }
    paragraph(
        &mut x,
        doc.lang,
        Some("Header"),
        &[(&doc.running_header, RunStyle::default())],
    )?;
    x.close("w:hdr")?;
    Ok(x.finish())
}

/// «صفحهٔ ۱ از ۳»: the page number and count are fields the word processor fills in.
pub(super) fn footer_xml(doc: &Document) -> io::Result<Vec<u8>> {
    let s = doc.lang.export_strings();
    let mut x = Xml::new()?;
    x.open("w:ftr", &[("xmlns:w", W_NS), ("xmlns:r", R_NS)])?;
    x.open("w:p", &[])?;
    let rtl = doc.lang == Lang::Fa;
    paragraph_props(&mut x, rtl, Some("Footer"), false)?;
    let plain = RunStyle::default();
    run(&mut x, &format!("{} ", s.page), rtl, plain)?;
    field(&mut x, "PAGE", rtl)?;
    run(&mut x, &format!(" {} ", s.of), rtl, plain)?;
    field(&mut x, "NUMPAGES", rtl)?;
    x.close("w:p")?;
    x.close("w:ftr")?;
    Ok(x.finish())
}

fn field(x: &mut Xml, name: &str, rtl: bool) -> io::Result<()> {
    x.open(
        "w:fldSimple",
        &[("w:instr", &format!(" {name} \\* MERGEFORMAT "))],
    )?;
    run(x, "1", rtl, RunStyle::default())?;
    x.close("w:fldSimple")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_latin_and_digits_get_their_directions() {
        let runs = direction_runs("گزارش ۷ گروه از Excel و 10 فایل", true);
        let rtl: Vec<(&str, bool)> = runs
            .into_iter()
            .filter(|(t, _)| !t.trim().is_empty())
            .collect();
        assert!(
            rtl.iter().any(|(t, r)| t.contains("Excel") && !r),
            "{rtl:?}"
        );
        assert!(
            rtl.iter().any(|(t, r)| t.contains("گزارش") && *r),
            "{rtl:?}"
        );
        assert!(rtl.iter().any(|(t, r)| t.contains("10") && *r), "{rtl:?}");
        let en = direction_runs("Meeting 2 with بانک ملی", false);
        assert!(en.iter().any(|(t, r)| t.contains("بانک") && *r), "{en:?}");
        assert!(
            en.iter().any(|(t, r)| t.contains("Meeting 2") && !r),
            "{en:?}"
        );
    }
}
