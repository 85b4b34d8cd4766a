//! The Persian font the minutes carry (`assets/fonts/`, Vazirmatn FD, OFL): compiled in, so a
//! DOCX can embed it and LibreOffice can be given it for a PDF on a computer that has no
//! Persian font at all.
//!
//! B Nazanin stays the font the documents ask for first; Vazirmatn FD is what they get where it
//! is missing. Its digits are Persian, as B Nazanin's are, so a page number a word processor
//! fills in reads in Persian whichever of the two draws it.

/// The family the documents ask for first: the Iranian office standard.
pub const PREFERRED: &str = "B Nazanin";
/// The family that stands in for it, carried by hamyar.
pub const FALLBACK: &str = "Vazirmatn FD";

/// One file of the carried font.
pub struct FontFile {
    /// Its file name in `assets/fonts/`.
    pub file_name: &'static str,
    pub bold: bool,
    pub bytes: &'static [u8],
}

/// The regular and bold cuts: every weight the documents use.
pub const FILES: [FontFile; 2] = [
    FontFile {
        file_name: "Vazirmatn-FD-Regular.ttf",
        bold: false,
        bytes: include_bytes!("../../assets/fonts/Vazirmatn-FD-Regular.ttf"),
    },
    FontFile {
        file_name: "Vazirmatn-FD-Bold.ttf",
        bold: true,
        bytes: include_bytes!("../../assets/fonts/Vazirmatn-FD-Bold.ttf"),
    },
];

/// The same cuts as WOFF2 (Vazirmatn's own web fonts, from the same release), which the HTML
/// carries as data URLs: a third the size of the TrueType files.
pub const WEB_FILES: [FontFile; 2] = [
    FontFile {
        file_name: "Vazirmatn-FD-Regular.woff2",
        bold: false,
        bytes: include_bytes!("../../assets/fonts/Vazirmatn-FD-Regular.woff2"),
    },
    FontFile {
        file_name: "Vazirmatn-FD-Bold.woff2",
        bold: true,
        bytes: include_bytes!("../../assets/fonts/Vazirmatn-FD-Bold.woff2"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_web_fonts_are_woff2_of_both_weights() {
        for f in &WEB_FILES {
            assert_eq!(&f.bytes[..4], b"wOF2", "{}", f.file_name);
        }
        assert_ne!(WEB_FILES[0].bold, WEB_FILES[1].bold);
    }

    #[test]
    fn the_carried_files_are_truetype_fonts_that_allow_embedding() {
        for f in &FILES {
            assert_eq!(&f.bytes[..4], &[0, 1, 0, 0], "{} is TrueType", f.file_name);
            // OS/2 fsType 0: installable embedding, which the OFL allows.
            let tables = usize::from(u16::from_be_bytes([f.bytes[4], f.bytes[5]]));
            let os2 = (0..tables)
                .map(|i| &f.bytes[12 + 16 * i..28 + 16 * i])
                .find(|rec| &rec[..4] == b"OS/2")
                .map(|rec| u32::from_be_bytes([rec[8], rec[9], rec[10], rec[11]]) as usize)
                .unwrap();
            assert_eq!(&f.bytes[os2 + 8..os2 + 10], &[0, 0], "{}", f.file_name);
        }
    }
}
