//! The letterhead's logo in the page header: the image part, its relationship from the header,
//! and the inline drawing, 1.5 cm high with the image's proportions.

use std::io;

use super::xml::Xml;
use crate::export::letterhead::Logo;

/// The logo's height, in EMU (1 cm = 360 000).
const HEIGHT_EMU: u64 = 540_000;

/// The image part's name in the package.
pub(super) fn part(logo: &Logo) -> &'static str {
    if logo.png {
        "word/media/logo.png"
    } else {
        "word/media/logo.jpeg"
    }
}

/// `word/_rels/header1.xml.rels`: the header's one relationship, to the image.
pub(super) fn header_rels(logo: &Logo) -> String {
    let target = part(logo).trim_start_matches("word/");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{target}\"/></Relationships>"
    )
}

/// A run holding the logo as an inline picture.
pub(super) fn run(x: &mut Xml, logo: &Logo) -> io::Result<()> {
    let cy = HEIGHT_EMU;
    let cx = HEIGHT_EMU * u64::from(logo.width) / u64::from(logo.height.max(1));
    let (cx, cy) = (cx.to_string(), cy.to_string());
    x.open("w:r", &[])?;
    x.open("w:drawing", &[])?;
    x.open(
        "wp:inline",
        &[
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
        ],
    )?;
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)])?;
    x.empty("wp:docPr", &[("id", "1"), ("name", "logo")])?;
    x.open(
        "a:graphic",
        &[(
            "xmlns:a",
            "http://schemas.openxmlformats.org/drawingml/2006/main",
        )],
    )?;
    x.open(
        "a:graphicData",
        &[(
            "uri",
            "http://schemas.openxmlformats.org/drawingml/2006/picture",
        )],
    )?;
    x.open(
        "pic:pic",
        &[(
            "xmlns:pic",
            "http://schemas.openxmlformats.org/drawingml/2006/picture",
        )],
    )?;
    x.open("pic:nvPicPr", &[])?;
    x.empty("pic:cNvPr", &[("id", "1"), ("name", "logo")])?;
    x.empty("pic:cNvPicPr", &[])?;
    x.close("pic:nvPicPr")?;
    x.open("pic:blipFill", &[])?;
    x.empty("a:blip", &[("r:embed", "rIdLogo")])?;
    x.open("a:stretch", &[])?;
    x.empty("a:fillRect", &[])?;
    x.close("a:stretch")?;
    x.close("pic:blipFill")?;
    x.open("pic:spPr", &[])?;
    x.open("a:xfrm", &[])?;
    x.empty("a:off", &[("x", "0"), ("y", "0")])?;
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)])?;
    x.close("a:xfrm")?;
    x.open("a:prstGeom", &[("prst", "rect")])?;
    x.empty("a:avLst", &[])?;
    x.close("a:prstGeom")?;
    x.close("pic:spPr")?;
    x.close("pic:pic")?;
    x.close("a:graphicData")?;
    x.close("a:graphic")?;
    x.close("wp:inline")?;
    x.close("w:drawing")?;
    x.close("w:r")
}
