//! The fixed parts of the package: content types, relationships, styles, fonts and settings.
//! None of them holds a record's text, so they are written as literal XML.

use crate::export::fonts;
use crate::export::letterhead::TextSize;
use crate::i18n::Lang;

pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The complex-script font: B Nazanin, the Iranian office standard; where it is missing the
/// embedded Vazirmatn FD stands in (see `fonts`).
pub(super) const CS_FONT: &str = fonts::PREFERRED;
const LATIN_FONT: &str = "Times New Roman";

/// Whether the package carries the Persian font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fonts {
    /// Embedded, for a file that goes to other computers.
    Embedded,
    /// Only named, for LibreOffice on this computer, which is given the font another way (PDF).
    Named,
}

pub(super) fn content_types(fonts: Fonts, images: bool) -> String {
    let mut defaults = String::new();
    if fonts == Fonts::Embedded {
        defaults.push_str("<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>");
    }
    if images {
        defaults.push_str("<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>");
    }
    let over = |part: &str, kind: &str| {
        format!(
            "<Override PartName=\"/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.{kind}+xml\"/>"
        )
    };
    format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
{}{}{}{}{}{}{}\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
{}</Types>",
        defaults,
        over("word/document.xml", "wordprocessingml.document.main"),
        over("word/styles.xml", "wordprocessingml.styles"),
        over("word/settings.xml", "wordprocessingml.settings"),
        over("word/fontTable.xml", "wordprocessingml.fontTable"),
        over("word/header1.xml", "wordprocessingml.header"),
        over("word/footer1.xml", "wordprocessingml.footer"),
        over("docProps/app.xml", "extended-properties"),
    )
}

pub(super) fn package_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{R_NS}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{R_NS}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

pub(super) fn document_rels() -> String {
    let rel = |id: &str, kind: &str, target: &str| {
        format!("<Relationship Id=\"{id}\" Type=\"{R_NS}/{kind}\" Target=\"{target}\"/>")
    };
    format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}{}{}{}{}</Relationships>",
        rel("rIdStyles", "styles", "styles.xml"),
        rel("rIdSettings", "settings", "settings.xml"),
        rel("rIdFonts", "fontTable", "fontTable.xml"),
        rel("rIdHeader", "header", "header1.xml"),
        rel("rIdFooter", "footer", "footer1.xml"),
    )
}

pub(super) fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>hamyar</Application></Properties>"
    )
}

pub(super) fn settings(fonts: Fonts) -> String {
    let embed = if fonts == Fonts::Embedded {
        "<w:embedTrueTypeFonts/>"
    } else {
        ""
    };
    format!(
        "{DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/>{embed}\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"en-US\" w:bidi=\"fa-IR\"/></w:settings>"
    )
}

pub(super) fn font_table(fonts: Fonts) -> String {
    let embed = match fonts {
        Fonts::Embedded => super::fonts::embed_elements(),
        Fonts::Named => String::new(),
    };
    let font = |name: &str, alt: &str, charset: &str, family: &str, embed: &str| {
        let alt = if alt.is_empty() {
            String::new()
        } else {
            format!("<w:altName w:val=\"{alt}\"/>")
        };
        format!(
            "<w:font w:name=\"{name}\">{alt}<w:charset w:val=\"{charset}\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/>{embed}</w:font>"
        )
    };
    format!(
        "{DECL}<w:fonts xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{}{}{}</w:fonts>",
        font(LATIN_FONT, "", "00", "roman", ""),
        font(CS_FONT, fonts::FALLBACK, "B2", "auto", &embed),
        font(fonts::FALLBACK, "", "B2", "swiss", &embed),
    )
}

/// Paragraph and table styles. Persian minutes default to right-to-left paragraphs; the
/// complex script is as large as Latin in text (`text_size`, 10 pt unless the config says) and
/// larger in tables (a point smaller than the text): B Nazanin runs small at a given size, and
/// Vazirmatn FD, which stands in for it, large, with lines 1.56 em tall at single spacing. At
/// 11/10 pt the 49th meeting of a long series took 17 pages in LibreOffice; at 10/9 pt, 14,
/// with Vazirmatn as legible as B Nazanin two points larger.
pub(super) fn styles(lang: Lang, text_size: TextSize) -> String {
    let text = u32::from(text_size.text_pt()) * 2;
    let table = u32::from(text_size.table_pt()) * 2;
    let bidi = if lang == Lang::Fa { "<w:bidi/>" } else { "" };
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let size = |half_points: u32| {
        format!(
            "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{}\"/>",
            half_points + 2
        )
    };
    // Latin and Persian sizes apart, in half points.
    let sizes = |latin: u32, persian: u32| {
        format!("<w:sz w:val=\"{latin}\"/><w:szCs w:val=\"{persian}\"/>")
    };
    let bold = "<w:b/><w:bCs/>";
    let rule =
        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"444444\"/></w:pBdr>";
    format!(
        "{DECL}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"{LATIN_FONT}\" w:hAnsi=\"{LATIN_FONT}\" w:eastAsia=\"{LATIN_FONT}\" w:cs=\"{CS_FONT}\"/>\
{}<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"fa-IR\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>{bidi}</w:pPr></w:style>\
{}{}{}{}{}{}{}{}{}{}{}\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>",
        sizes(text, text),
        para(
            "Title",
            "Title",
            &format!("{bidi}<w:spacing w:after=\"40\"/><w:jc w:val=\"center\"/>"),
            &format!("{bold}{}", size(28))
        ),
        para(
            "Heading1",
            "heading 1",
            &format!(
                "<w:keepNext/>{rule}{bidi}<w:spacing w:before=\"240\" w:after=\"100\"/><w:outlineLvl w:val=\"0\"/>"
            ),
            &format!("{bold}{}", size(26))
        ),
        para(
            "Heading2",
            "heading 2",
            &format!(
                "<w:keepNext/>{bidi}<w:spacing w:before=\"160\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/>"
            ),
            &format!("{bold}{}", size(24))
        ),
        para(
            "Heading3",
            "heading 3",
            &format!(
                "<w:keepNext/>{bidi}<w:spacing w:before=\"80\" w:after=\"20\"/><w:outlineLvl w:val=\"2\"/>"
            ),
            &format!("{bold}{}", sizes(text, text))
        ),
        para(
            "Notice",
            "Notice",
            &format!(
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"AA0000\"/><w:left w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"AA0000\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"AA0000\"/><w:right w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"AA0000\"/></w:pBdr>{bidi}<w:spacing w:before=\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/>"
            ),
            &format!("{bold}<w:color w:val=\"AA0000\"/>")
        ),
        para(
            "Invocation",
            "Invocation",
            &format!("{bidi}<w:spacing w:after=\"60\"/><w:jc w:val=\"center\"/>"),
            &format!("{bold}{}", size(22))
        ),
        // The letter block sits at the page's end side: in a right-to-left paragraph Word and
        // LibreOffice read `w:jc` as logical, so `right` is the end (the left of the page).
        para(
            "LetterBlock",
            "Letter Block",
            &format!("{bidi}<w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>"),
            &size(20)
        ),
        para(
            "Header",
            "header",
            &format!("{bidi}<w:jc w:val=\"center\"/>"),
            &size(18)
        ),
        para(
            "Footer",
            "footer",
            &format!("{bidi}<w:jc w:val=\"center\"/>"),
            &size(18)
        ),
        para(
            "TableText",
            "Table Text",
            &format!("{bidi}<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"),
            &sizes(table - 1, table)
        ),
        // What was said on one issue, one paragraph, apart from the next by a little space.
        para(
            "RunIn",
            "Run-in",
            &format!("{bidi}<w:spacing w:after=\"60\"/>"),
            ""
        ),
    )
}
