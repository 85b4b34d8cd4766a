//! What the DOCX must carry for an office to file it, read from the package itself (no office
//! suite needed): the embedded font. How LibreOffice renders it is checked by
//! `tests/fixtures/export/office-checks.sh`.

use std::io::Read;

use super::export::{demo_db, docx_parts, hamyar};

/// The minutes of demo meeting 2 as a DOCX package, in `lang`.
pub fn demo_docx(dir: &tempfile::TempDir, lang: &str) -> Vec<u8> {
    let db = dir.path().join("demo.db");
    if !db.exists() {
        demo_db(dir.path());
    }
    let file = dir.path().join(format!("m-{lang}.docx"));
    hamyar(&db)
        .args([
            "--today",
            "1393/02/16",
            "--lang",
            lang,
            "export",
            "--meeting",
            "2",
        ])
        .args(["--format", "docx", "-o"])
        .arg(&file)
        .assert()
        .success();
    std::fs::read(file).unwrap()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

/// The value of `attr` in the first element `element` of `xml`.
fn attribute<'a>(xml: &'a str, element: &str, attr: &str) -> &'a str {
    let at = xml.find(&format!("<{element} ")).unwrap();
    let rest = &xml[at..];
    let start = rest.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
    let len = rest[start..].find('"').unwrap();
    &rest[start..start + len]
}

/// The target of relationship `id`.
fn relationship_target<'a>(rels: &'a str, id: &str) -> &'a str {
    let rel = rels
        .split("<Relationship ")
        .find(|r| r.contains(&format!("Id=\"{id}\"")))
        .unwrap();
    let start = rel.find("Target=\"").unwrap() + "Target=\"".len();
    &rel[start..start + rel[start..].find('"').unwrap()]
}

/// The font key's 16 bytes, last hex pair first (ECMA-376 Part 1, §17.8.1).
fn key_bytes(key: &str) -> Vec<u8> {
    let hex: String = key.chars().filter(char::is_ascii_hexdigit).collect();
    let mut bytes: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    bytes.reverse();
    bytes
}

#[test]
fn the_persian_font_is_embedded_obfuscated_for_word_and_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = demo_docx(&dir, "fa");
    let parts = docx_parts(&bytes);
    assert!(part(&parts, "word/settings.xml").contains("<w:embedTrueTypeFonts/>"));
    assert!(part(&parts, "[Content_Types].xml").contains(
        "Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\""
    ));
    let table = part(&parts, "word/fontTable.xml");
    let rels = part(&parts, "word/_rels/fontTable.xml.rels");
    // B Nazanin, asked for first, and Vazirmatn FD, its stand-in, both carry the font.
    for family in ["B Nazanin", "Vazirmatn FD"] {
        let entry = &table[table.find(&format!("w:name=\"{family}\"")).unwrap()..];
        let entry = &entry[..entry.find("</w:font>").unwrap()];
        assert!(
            entry.contains("<w:embedRegular ") && entry.contains("<w:embedBold "),
            "{entry}"
        );
    }
    let styles = part(&parts, "word/styles.xml");
    assert!(
        styles.contains("w:cs=\"B Nazanin\""),
        "B Nazanin stays the first choice"
    );

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for (element, asset) in [
        ("w:embedRegular", "Vazirmatn-FD-Regular.ttf"),
        ("w:embedBold", "Vazirmatn-FD-Bold.ttf"),
    ] {
        let id = attribute(table, element, "r:id");
        let key = key_bytes(attribute(table, element, "w:fontKey"));
        let target = relationship_target(rels, id);
        let mut font = Vec::new();
        zip.by_name(&format!("word/{target}"))
            .unwrap()
            .read_to_end(&mut font)
            .unwrap();
        for (i, b) in font.iter_mut().take(32).enumerate() {
            *b ^= key[i % 16];
        }
        let original = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/fonts")
                .join(asset),
        )
        .unwrap();
        assert!(
            font == original,
            "word/{target} is {asset}, obfuscated with its key"
        );
    }
}

/// The text of each table cell of `document.xml`, with whether the cell may wrap.
fn cells(document: &str) -> Vec<(String, bool)> {
    document
        .split("<w:tc>")
        .skip(1)
        .map(|tc| {
            let tc = &tc[..tc.find("</w:tc>").unwrap()];
            let text: String = tc
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| &t[..t.find("</w:t>").unwrap()])
                .collect();
            (text, !tc.contains("<w:noWrap/>"))
        })
        .collect()
}

/// A decision number (۲/۱) or a date (۱۳۹۳/۰۳/۳۱, 2014-06-21), in Persian or Latin digits.
fn is_number_or_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    (parts.len() == 2 || parts.len() == 3)
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_digit() || ('۰'..='۹').contains(&c))
        })
}

#[test]
fn numbers_and_dates_never_wrap_and_columns_fit_them() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fa", "en"] {
        let parts = docx_parts(&demo_docx(&dir, lang));
        let document = part(&parts, "word/document.xml");
        let all = cells(document);
        let codes: Vec<&(String, bool)> =
            all.iter().filter(|(t, _)| is_number_or_date(t)).collect();
        assert!(
            codes.len() >= 20,
            "{lang}: the decision numbers and deadlines: {codes:?}"
        );
        for (text, wraps) in &codes {
            assert!(!wraps, "{lang}: «{text}» may wrap");
        }
        // Every column is at least as wide as its longest number or date needs at the
        // tables' size in Vazirmatn FD (advances of ۰ to ۹ and of the separators, in em, from
        // its hmtx table), with the cell's padding of 2 × 113 twips.
        let styles = part(&parts, "word/styles.xml");
        let table_style = &styles[styles.find("w:styleId=\"TableText\"").unwrap()..];
        let size = &table_style[table_style.find("<w:szCs w:val=\"").unwrap() + 16..];
        let half_points: f64 = size[..size.find('"').unwrap()].parse().unwrap();
        const DIGITS: [f64; 10] = [0.42, 0.29, 0.52, 0.66, 0.57, 0.59, 0.49, 0.59, 0.59, 0.48];
        let twips = |text: &str| -> u32 {
            let em: f64 = text
                .chars()
                .map(|c| {
                    match c
                        .to_digit(10)
                        .or_else(|| "۰۱۲۳۴۵۶۷۸۹".chars().position(|p| p == c).map(|d| d as u32))
                    {
                        Some(d) => DIGITS[d as usize],
                        None => 0.41,
                    }
                })
                .sum();
            (em * half_points / 2.0 * 20.0) as u32 + 226
        };
        for table in document.split("<w:tbl>").skip(1) {
            let grid: Vec<u32> = table
                .split("<w:gridCol w:w=\"")
                .skip(1)
                .map(|g| g[..g.find('"').unwrap()].parse().unwrap())
                .collect();
            for (i, (text, _)) in cells(&table[..table.find("</w:tbl>").unwrap()])
                .iter()
                .enumerate()
            {
                if is_number_or_date(text) {
                    let width = grid[i % grid.len()];
                    let needs = twips(text);
                    assert!(
                        width >= needs,
                        "{lang}: «{text}» in {width} twips, needs {needs}"
                    );
                }
            }
        }
    }
}

#[test]
fn html_keeps_numbers_and_dates_on_one_line_and_never_breaks_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = super::export::export(&db, &["--meeting", "2", "--format", "html"]);
    let html = String::from_utf8(html).unwrap();
    assert!(
        !html.contains("overflow-wrap: anywhere"),
        "no word is broken anywhere"
    );
    assert!(html.contains("td.code { white-space: nowrap; }"));
    for due in ["۱۳۹۳/۰۳/۳۱", "۱۳۹۳/۰۴/۱۵"] {
        assert!(
            html.contains(&format!(
                "<td class=\"code\" dir=\"auto\"><bdi>{due}</bdi></td>"
            )),
            "{due} in a cell that does not wrap"
        );
    }
    assert!(html.contains("<td class=\"code\" dir=\"auto\"><bdi>۲/۱</bdi></td>"));
}

#[test]
fn substitutes_and_absentees_carry_their_title() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let md = super::export::export(&db, &["--meeting", "2", "--format", "md"]);
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("کارشناس واحد بهداشت مواد غذایی (کارشناس (جانشین)، معاونت بهداشت"),
        "the substitute's title and agency"
    );
    assert!(md.contains("| نام | سمت | دستگاه | وضعیت | علت |"));
    assert!(md.contains("| نماینده مجمع امور صنفی | نماینده | مجمع امور صنفی |"));
}

#[test]
fn html_carries_the_persian_font_as_woff2_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let html = super::export::export(&db, &["--meeting", "2", "--format", "html"]);
    let html = String::from_utf8(html).unwrap();
    let faces: Vec<&str> = html.split("@font-face {").skip(1).collect();
    assert_eq!(faces.len(), 2, "regular and bold");
    for (face, weight) in faces.iter().zip(["normal", "bold"]) {
        assert!(
            face.contains("font-family: \"Vazirmatn FD\""),
            "{}",
            &face[..80]
        );
        assert!(face.contains(&format!("font-weight: {weight};")));
        // "wOF2" in base64, the file's signature.
        assert!(face.contains("src: url(data:font/woff2;base64,d09GMg"));
    }
    assert!(
        html.contains("font-src data:;") || html.contains("font-src data:\""),
        "the policy lets the page use its own font and nothing else"
    );
    assert!(html.contains("font-family: \"B Nazanin\", \"Vazirmatn FD\""));
    assert!(html.len() < 250 * 1024, "{} bytes", html.len());
}

#[test]
fn english_minutes_give_each_paragraph_the_direction_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let parts = docx_parts(&demo_docx(&dir, "en"));
    let document = part(&parts, "word/document.xml");
    let paragraphs: Vec<&str> = document.split("<w:p>").skip(1).collect();
    let with = |needle: &str| {
        paragraphs
            .iter()
            .find(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("no paragraph with {needle}"))
    };
    // A Persian statement and a Persian agenda item read right to left...
    assert!(with("گزارشی از اقدامات بهزیستی").contains("<w:bidi/>"));
    assert!(with("طولانی بودن روند صدور مجوز").contains("<w:bidi/>"));
    // ...an English line with Persian names in it stays left to right, each name followed by
    // RLM (its own punctuation) and LRM (back to the line's direction).
    let substitute = with("on behalf of");
    assert!(!substitute.contains("<w:bidi/>"), "{substitute}");
    assert!(substitute.contains("غذایی\u{200F}</w:t>"), "{substitute}");
    assert!(
        substitute.contains("(جانشین)\u{200F}</w:t>")
            && substitute.contains(">\u{200E}, Health Deputy"),
        "the title, then the agency: {substitute}"
    );
    assert!(!with("Minutes of meeting").contains("<w:bidi/>"));

    let db = dir.path().join("demo.db");
    let html = super::export::export(&db, &["--meeting", "2", "--format", "html", "--lang", "en"]);
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("<p class=\"run-in\" dir=\"rtl\"><b><bdi>آزیتا سعیدی (")
            && html.contains("<b><bdi>آزیتا سعیدی:</bdi></b>"),
        "statements: a right-to-left paragraph, the speaker's title the first time"
    );
    assert!(
        html.contains("<td dir=\"auto\">"),
        "cells take their text's direction"
    );
}
