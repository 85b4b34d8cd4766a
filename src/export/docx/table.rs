//! Tables in `word/document.xml`: the data tables (column widths from the content, numbers
//! and dates that never wrap, a header row repeated on every page, tall rows that may break)
//! and the agenda's two borderless columns.

use std::io;

use super::body::{
    LIST_INDENT, RunStyle, TEXT_W, list_item, paragraph, paragraph_props, rtl_paragraph, runs,
};
use super::xml::Xml;
use crate::export::document::{ColumnKind, Item, Table};
use crate::export::widths;
use crate::i18n::Lang;

/// Short items in two columns: a table with no borders and one row, its first cell (the
/// rightmost in Persian) the first items, its second the rest, split where the two are of a
/// length. A table rather than a two-column section, so that no section break is needed and
/// Word and LibreOffice lay it out alike; one row rather than a row per pair, so that a long
/// item beside a short one leaves no gap.
pub(super) fn columns(x: &mut Xml, lang: Lang, table_pt: f64, items: &[Item]) -> io::Result<()> {
    let half = (TEXT_W / 2).to_string();
    let texts: Vec<String> = items
        .iter()
        .map(|i| format!("{} {}", i.lead.as_deref().unwrap_or("•"), i.text))
        .collect();
    // Each column less its hanging indent.
    let column_pt = f64::from(TEXT_W / 2 - LIST_INDENT) / 20.0;
    let first = widths::column_break(&texts, column_pt, table_pt);
    x.open("w:tbl", &[])?;
    x.open("w:tblPr", &[])?;
    table_frame(x, lang, &[("w:val", "nil")])?;
    x.close("w:tblPr")?;
    x.open("w:tblGrid", &[])?;
    x.empty("w:gridCol", &[("w:w", &half)])?;
    x.empty("w:gridCol", &[("w:w", &half)])?;
    x.close("w:tblGrid")?;
    // The row may break across pages, as a long agenda must.
    x.open("w:tr", &[])?;
    for column in [&items[..first], &items[first..]] {
        x.open("w:tc", &[])?;
        x.open("w:tcPr", &[])?;
        x.empty("w:tcW", &[("w:w", &half), ("w:type", "dxa")])?;
        x.close("w:tcPr")?;
        for item in column {
            list_item(x, lang, item, Some("TableText"))?;
        }
        // A cell holds at least one paragraph.
        if column.is_empty() {
            paragraph(x, lang, None, &[])?;
        }
        x.close("w:tc")?;
    }
    x.close("w:tr")?;
    x.close("w:tbl")
}

/// The start of a table's properties, in the schema's order: its direction, the page's width,
/// every border drawn as `border` says, and a fixed layout.
fn table_frame(x: &mut Xml, lang: Lang, border: &[(&str, &str)]) -> io::Result<()> {
    if lang == Lang::Fa {
        x.empty("w:bidiVisual", &[])?;
    }
    x.empty("w:tblW", &[("w:w", &TEXT_W.to_string()), ("w:type", "dxa")])?;
    x.open("w:tblBorders", &[])?;
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(side, border)?;
    }
    x.close("w:tblBorders")?;
    x.empty("w:tblLayout", &[("w:type", "fixed")])
}

/// Cell padding: 1 mm above and below, 2 mm at the sides, so no letter touches a border.
const CELL_MARGINS: [(&str, &str); 4] = [
    ("w:top", "57"),
    ("w:left", "113"),
    ("w:bottom", "57"),
    ("w:right", "113"),
];
pub(super) fn table(x: &mut Xml, lang: Lang, table_pt: f64, t: &Table) -> io::Result<()> {
    let shares = widths::shares(t, table_pt);
    let twips: Vec<u32> = shares
        .iter()
        .map(|s| (f64::from(TEXT_W) * s).round() as u32)
        .collect();
    let widths: Vec<String> = twips.iter().map(u32::to_string).collect();
    x.open("w:tbl", &[])?;
    x.open("w:tblPr", &[])?;
    let rule = [
        ("w:val", "single"),
        ("w:sz", "4"),
        ("w:space", "0"),
        ("w:color", "444444"),
    ];
    table_frame(x, lang, &rule)?;
    x.open("w:tblCellMar", &[])?;
    for (side, w) in CELL_MARGINS {
        x.empty(side, &[("w:w", w), ("w:type", "dxa")])?;
    }
    x.close("w:tblCellMar")?;
    x.close("w:tblPr")?;
    x.open("w:tblGrid", &[])?;
    for w in &widths {
        x.empty("w:gridCol", &[("w:w", w)])?;
    }
    x.close("w:tblGrid")?;
    let kinds: Vec<ColumnKind> = t.columns.iter().map(|c| c.kind).collect();
    let titles: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let shape = RowShape {
        widths: &widths,
        kinds: &kinds,
        header: true,
        tall: false,
        splittable: false,
    };
    row(x, lang, &shape, &titles)?;
    for cells in &t.rows {
        let shape = RowShape {
            header: false,
            tall: t.signatures,
            splittable: widths::may_break(cells, &shares, table_pt),
            ..shape
        };
        row(x, lang, &shape, cells)?;
    }
    x.close("w:tbl")
}

/// How a row is laid out: its columns, and whether it heads the table, is a tall signature
/// row, or may break across pages.
#[derive(Clone, Copy)]
struct RowShape<'a> {
    widths: &'a [String],
    kinds: &'a [ColumnKind],
    header: bool,
    tall: bool,
    splittable: bool,
}

fn row(x: &mut Xml, lang: Lang, shape: &RowShape<'_>, cells: &[String]) -> io::Result<()> {
    x.open("w:tr", &[])?;
    x.open("w:trPr", &[])?;
    if !shape.splittable {
        x.empty("w:cantSplit", &[])?;
    }
    if shape.tall {
        x.empty("w:trHeight", &[("w:val", "737"), ("w:hRule", "atLeast")])?;
    }
    if shape.header {
        x.empty("w:tblHeader", &[])?;
    }
    x.close("w:trPr")?;
    for (i, w) in shape.widths.iter().enumerate() {
        let text = cells.get(i).map_or("", String::as_str);
        x.open("w:tc", &[])?;
        x.open("w:tcPr", &[])?;
        x.empty("w:tcW", &[("w:w", w), ("w:type", "dxa")])?;
        if shape.header {
            x.empty(
                "w:shd",
                &[
                    ("w:val", "clear"),
                    ("w:color", "auto"),
                    ("w:fill", "E6E6E6"),
                ],
            )?;
        }
        // A number or a date is never broken across lines.
        if !shape.header && shape.kinds.get(i) == Some(&ColumnKind::Code) {
            x.empty("w:noWrap", &[])?;
        }
        x.val("w:vAlign", if shape.tall { "center" } else { "top" })?;
        x.close("w:tcPr")?;
        x.open("w:p", &[])?;
        let rtl = rtl_paragraph(lang, text);
        paragraph_props(x, rtl, Some("TableText"), shape.header)?;
        runs(x, rtl, text, RunStyle { bold: shape.header })?;
        x.close("w:p")?;
        x.close("w:tc")?;
    }
    x.close("w:tr")
}
