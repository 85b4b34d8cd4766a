//! The letterhead an Iranian office expects on minutes and letters: the heading line
//! («بسمه تعالی»), a logo in the page header, and the letter block (شماره / تاریخ / پیوست), set
//! in the config file's `[minutes]` table and, per series, in `[minutes.series."TITLE"]`:
//!
//! ```toml
//! [minutes]
//! heading = "بسمه تعالی"          # the default in Persian; "" for none (English: none)
//! logo = "/home/me/logo.png"      # PNG or JPEG, in the header of every page
//! number = "{series}/{meeting}/ص"  # the letter number; {series} {meeting} {year}
//! attachments = "ندارد"            # پیوست
//! agency_head = "ریاست محترم"      # before the agency's name in a letter to it
//! text_size = 12                   # the DOCX's text in points (8–16), tables a point less
//! [minutes.series."همیار زنان"]     # a series, by part of its title (folded)
//! code = "۱۲"                      # its {series}
//! number = "{series}/{meeting}"
//! ```
//!
//! The series' own settings win over `[minutes]`, which wins over the defaults. Reading the logo
//! is the only I/O, done once in [`Letterhead::resolve`]; renderers get the bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::{Date, Series};
use crate::i18n::Lang;
use crate::text::fold::fold;

/// `[minutes]` in the config file: the settings of every series, and of some by title.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MinutesConfig {
    pub heading: Option<String>,
    pub logo: Option<PathBuf>,
    pub number: Option<String>,
    pub attachments: Option<String>,
    pub agency_head: Option<String>,
    /// The DOCX's (and so the PDF's) text size; every series' minutes and letters.
    pub text_size: Option<TextSize>,
    /// Per series, by (part of) its title.
    #[serde(default)]
    pub series: BTreeMap<String, LetterheadConfig>,
}

/// The settings of one level (all series, or one).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LetterheadConfig {
    pub heading: Option<String>,
    pub logo: Option<PathBuf>,
    pub number: Option<String>,
    pub attachments: Option<String>,
    pub agency_head: Option<String>,
    /// The series' code, for `{series}` in the number.
    pub code: Option<String>,
}

/// The size of a document's text in points; its tables are a point smaller. 10 unless the
/// config says otherwise: the carried Vazirmatn FD is large for its size, and at 10 a long
/// meeting's minutes stay short; an office whose PCs all have B Nazanin, which runs smaller,
/// may want 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub struct TextSize(u8);

impl TextSize {
    pub const MIN: u8 = 8;
    pub const MAX: u8 = 16;

    pub fn text_pt(self) -> u8 {
        self.0
    }

    pub fn table_pt(self) -> u8 {
        self.0 - 1
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize(10)
    }
}

impl TryFrom<i64> for TextSize {
    type Error = String;

    fn try_from(points: i64) -> Result<Self, Self::Error> {
        u8::try_from(points)
            .ok()
            .filter(|p| (TextSize::MIN..=TextSize::MAX).contains(p))
            .map(TextSize)
            .ok_or_else(|| {
                format!(
                    "text_size is {points}: the minutes' text size is {} to {} points",
                    TextSize::MIN,
                    TextSize::MAX
                )
            })
    }
}

/// The letterhead as the documents print it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Letterhead {
    /// «بسمه تعالی», or nothing.
    pub heading: String,
    pub logo: Option<Logo>,
    /// The number pattern, before a meeting fills it in; empty leaves a line to write on.
    pub number: String,
    pub code: String,
    pub attachments: String,
    pub agency_head: String,
    pub text_size: TextSize,
}

/// A PNG or JPEG image, with its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub png: bool,
    pub width: u32,
    pub height: u32,
}

/// Why the letterhead could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LetterheadError {
    #[error("the logo {} cannot be read: {source}", .path.display())]
    LogoUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the logo {} is not a PNG or JPEG image", .path.display())]
    LogoNotAnImage { path: PathBuf },
}

impl Letterhead {
    /// The letterhead of `series` in `lang`: its own settings, then `[minutes]`, then the
    /// defaults («بسمه تعالی» in Persian; پیوست «ندارد»).
    pub fn resolve(
        config: &MinutesConfig,
        series: &Series,
        lang: Lang,
    ) -> Result<Letterhead, LetterheadError> {
        let title = fold(&series.title);
        let own = config
            .series
            .iter()
            .find(|(key, _)| !key.trim().is_empty() && title.contains(&fold(key.trim())))
            .map(|(_, c)| c);
        let all = LetterheadConfig {
            heading: config.heading.clone(),
            logo: config.logo.clone(),
            number: config.number.clone(),
            attachments: config.attachments.clone(),
            agency_head: config.agency_head.clone(),
            code: None,
        };
        let pick = |f: fn(&LetterheadConfig) -> &Option<String>| {
            own.and_then(|c| f(c).clone()).or_else(|| f(&all).clone())
        };
        let s = lang.export_strings();
        let logo = own
            .and_then(|c| c.logo.clone())
            .or_else(|| all.logo.clone());
        Ok(Letterhead {
            heading: pick(|c| &c.heading).unwrap_or_else(|| s.invocation.to_string()),
            logo: logo.map(|p| read_logo(&p)).transpose()?,
            number: pick(|c| &c.number).unwrap_or_default(),
            code: pick(|c| &c.code).unwrap_or_default(),
            attachments: pick(|c| &c.attachments).unwrap_or_else(|| s.no_attachments.to_string()),
            agency_head: pick(|c| &c.agency_head).unwrap_or_else(|| s.agency_head.to_string()),
            text_size: config.text_size.unwrap_or_default(),
        })
    }

    /// The letter number of a meeting: the pattern with `{series}`, `{meeting}` and `{year}`
    /// (Solar Hijri) filled in, in the language's digits; empty when there is no pattern.
    pub fn number_of(&self, meeting: u32, date: Date, lang: Lang) -> String {
        let filled = self
            .number
            .replace("{series}", &self.code)
            .replace("{meeting}", &meeting.to_string())
            .replace("{year}", &date.jalali().year.to_string());
        lang.digits(&filled)
    }
}

/// Reads a PNG or JPEG and its size from its header.
fn read_logo(path: &Path) -> Result<Logo, LetterheadError> {
    let bytes = std::fs::read(path).map_err(|source| LetterheadError::LogoUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let not_image = || LetterheadError::LogoNotAnImage {
        path: path.to_path_buf(),
    };
    let (png, (width, height)) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (true, png_size(&bytes).ok_or_else(not_image)?)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        (false, jpeg_size(&bytes).ok_or_else(not_image)?)
    } else {
        return Err(not_image());
    };
    Ok(Logo {
        bytes,
        png,
        width,
        height,
    })
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

/// Width and height from the IHDR chunk, which a PNG starts with.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    (b.get(12..16) == Some(b"IHDR")).then_some(())?;
    let size = (be32(b, 16)?, be32(b, 20)?);
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// Width and height from the first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 9 < b.len() {
        if b[at] != 0xFF {
            return None;
        }
        let marker = b[at + 1];
        let len = be16(b, at + 2)? as usize;
        let frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if frame {
            let size = (be16(b, at + 7)?, be16(b, at + 5)?);
            return (size.0 > 0 && size.1 > 0).then_some(size);
        }
        at += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    fn series(title: &str) -> Series {
        Series {
            id: Id::new(),
            title: title.into(),
            organisation: String::new(),
            default_place: String::new(),
            member_agencies: Vec::new(),
            quorum: 0,
            interval_days: 0,
            archived: false,
        }
    }

    #[test]
    fn a_series_own_settings_win_then_minutes_then_the_defaults() {
        let config: MinutesConfig = toml::from_str(
            "number = \"{series}/{meeting}/ص\"\nattachments = \"دارد\"\n\
             [series.\"همیار زنان\"]\ncode = \"12\"\nheading = \"\"\n",
        )
        .unwrap();
        let day = Date::from_jalali(1393, 2, 16).unwrap();
        let own =
            Letterhead::resolve(&config, &series("نشست گروه‌های همیار زنان"), Lang::Fa).unwrap();
        assert_eq!(own.heading, "", "the series asked for none");
        assert_eq!(own.attachments, "دارد");
        assert_eq!(own.number_of(2, day, Lang::Fa), "۱۲/۲/ص");
        let other = Letterhead::resolve(&config, &series("نشست اشتغال"), Lang::Fa).unwrap();
        assert_eq!(other.heading, "بسمه تعالی");
        assert_eq!(other.number_of(3, day, Lang::Fa), "/۳/ص");
        let none = Letterhead::resolve(&MinutesConfig::default(), &series("x"), Lang::En).unwrap();
        assert_eq!(none.heading, "", "English minutes have no heading line");
        assert_eq!(none.number_of(3, day, Lang::En), "");
    }

    #[test]
    fn logos_are_read_with_their_size() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("logo.png");
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(120u32.to_be_bytes());
        bytes.extend(80u32.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0]);
        std::fs::write(&png, &bytes).unwrap();
        let logo = read_logo(&png).unwrap();
        assert!(logo.png);
        assert_eq!((logo.width, logo.height), (120, 80));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 200, 3, 0, 0, 0,
        ];
        std::fs::write(dir.path().join("l.jpg"), jpeg).unwrap();
        let logo = read_logo(&dir.path().join("l.jpg")).unwrap();
        assert_eq!((logo.width, logo.height), (200, 50));
        std::fs::write(dir.path().join("x.gif"), b"GIF89a").unwrap();
        assert!(matches!(
            read_logo(&dir.path().join("x.gif")),
            Err(LetterheadError::LogoNotAnImage { .. })
        ));
    }
}
