//! DOCX: a small WordprocessingML writer on `zip` + `quick-xml`.
//!
//! docx-rs 0.4 writes neither run-level `w:rtl` nor table-level `w:bidiVisual`, and those are
//! what make a Persian صورتجلسه read right to left in Word and LibreOffice; the few parts a
//! document needs are simple enough to write directly. Everything but the text is fixed, and
//! the package carries no clock time (zip entries are dated 1980-01-01, the document by its
//! own day), so the same minutes give the same bytes.

mod body;
mod fonts;
mod logo;
mod parts;
mod table;
mod xml;

use std::io::{self, Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::document::Document;
pub use parts::Fonts;
use xml::Xml;

/// The document as a `.docx` package, with the Persian font embedded or only named.
pub fn render(doc: &Document, fonts: Fonts) -> io::Result<Vec<u8>> {
    let parts: [(&str, Vec<u8>); 10] = [
        (
            "[Content_Types].xml",
            parts::content_types(fonts, doc.logo.is_some()).into_bytes(),
        ),
        ("_rels/.rels", parts::package_rels().into_bytes()),
        ("docProps/core.xml", core(doc)?),
        ("docProps/app.xml", parts::app().into_bytes()),
        (
            "word/_rels/document.xml.rels",
            parts::document_rels().into_bytes(),
        ),
        ("word/document.xml", body::document_xml(doc)?),
        (
            "word/styles.xml",
            parts::styles(doc.lang, doc.text_size).into_bytes(),
        ),
        ("word/settings.xml", parts::settings(fonts).into_bytes()),
        ("word/fontTable.xml", parts::font_table(fonts).into_bytes()),
        ("word/header1.xml", body::header_xml(doc)?),
    ];
    let footer = body::footer_xml(doc)?;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(32 * 1024)));
    for (name, bytes) in parts
        .iter()
        .chain(std::iter::once(&("word/footer1.xml", footer)))
    {
        zip.start_file(*name, options).map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    if let Some(image) = &doc.logo {
        zip.start_file("word/_rels/header1.xml.rels", options)
            .map_err(io::Error::other)?;
        zip.write_all(logo::header_rels(image).as_bytes())?;
        zip.start_file(logo::part(image), options)
            .map_err(io::Error::other)?;
        zip.write_all(&image.bytes)?;
    }
    if fonts == Fonts::Embedded {
        zip.start_file("word/_rels/fontTable.xml.rels", options)
            .map_err(io::Error::other)?;
        zip.write_all(fonts::font_table_rels().as_bytes())?;
        for cut in fonts::embedded() {
            zip.start_file(cut.part, options.compression_level(Some(1)))
                .map_err(io::Error::other)?;
            zip.write_all(&cut.bytes)?;
        }
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// The package's properties: title, creator, language, and the document's own day.
fn core(doc: &Document) -> io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    )?;
    x.element("dc:title", &[], &doc.title)?;
    x.element("dc:creator", &[], "hamyar")?;
    let language = match doc.lang {
        crate::i18n::Lang::Fa => "fa-IR",
        crate::i18n::Lang::En => "en-US",
    };
    x.element("dc:language", &[], language)?;
    let day = format!("{}T00:00:00Z", doc.date.iso());
    x.element("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &day)?;
    x.close("cp:coreProperties")?;
    Ok(x.finish())
}
