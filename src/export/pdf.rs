//! PDF: the DOCX, converted by LibreOffice (`soffice --headless --convert-to pdf`).
//!
//! LibreOffice runs with a profile of its own in a temporary folder
//! (`-env:UserInstallation=file:///tmp/…`), so a LibreOffice the user has open is neither
//! disturbed nor asked to do the work, and nothing is left behind.
//!
//! The font: LibreOffice asks fontconfig for B Nazanin and, where it is missing, takes
//! whatever fontconfig offers (DejaVu Sans on most Linux systems), ignoring the fallbacks a DOCX
//! names. So on fontconfig systems the conversion gets a private fontconfig file that includes
//! the user's own configuration, adds the carried Vazirmatn FD (written into the temporary
//! folder), and makes it B Nazanin's stand-in; the DOCX only names the font, so an installed
//! B Nazanin still comes first. Elsewhere (Windows, macOS) the DOCX embeds the font instead.

use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

use super::ExportError;
use super::document::Document;
use super::docx::Fonts;
use super::fonts;

/// The program that converts; found on `PATH`.
const SOFFICE: &str = "soffice";

/// Whether LibreOffice finds its fonts through fontconfig here.
const FONTCONFIG: bool = cfg!(all(unix, not(target_os = "macos")));

pub fn render(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let dir = tempfile::Builder::new().prefix("hamyar-pdf-").tempdir()?;
    let fonts = if FONTCONFIG {
        Fonts::Named
    } else {
        Fonts::Embedded
    };
    let docx = super::docx::render(doc, fonts)?;
    let input = dir.path().join("minutes.docx");
    std::fs::write(&input, docx)?;
    let profile = format!(
        "-env:UserInstallation={}",
        file_url(&dir.path().join("profile"))
    );
    let mut soffice = Command::new(SOFFICE);
    if FONTCONFIG {
        soffice.env("FONTCONFIG_FILE", private_fontconfig(dir.path())?);
    }
    let output = soffice
        .arg("--headless")
        .arg("--norestore")
        .arg(profile)
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound | ErrorKind::PermissionDenied => ExportError::NoLibreOffice,
            _ => ExportError::Io(e),
        })?;
    let pdf = dir.path().join("minutes.pdf");
    match std::fs::read(&pdf) {
        Ok(bytes) if output.status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(ExportError::Conversion(
            crate::text::sanitize(String::from_utf8_lossy(&output.stderr).trim()).into_owned(),
        )),
    }
}

/// Writes the carried font and a fontconfig file that adds it to the user's configuration as
/// B Nazanin's stand-in; returns the file's path.
fn private_fontconfig(dir: &Path) -> Result<std::path::PathBuf, ExportError> {
    let font_dir = dir.join("fonts");
    std::fs::create_dir(&font_dir)?;
    for f in &fonts::FILES {
        std::fs::write(font_dir.join(f.file_name), f.bytes)?;
    }
    // The user's own fontconfig file, if they chose one, else the system's.
    let base = std::env::var_os("FONTCONFIG_FILE")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_file())
        .unwrap_or_else(|| "/etc/fonts/fonts.conf".into());
    let conf = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n\
  <include ignore_missing=\"yes\">{}</include>\n  <dir>{}</dir>\n  <cachedir>{}</cachedir>\n\
  <alias binding=\"same\"><family>{}</family><accept><family>{}</family></accept></alias>\n</fontconfig>\n",
        xml_text(&base),
        xml_text(&font_dir),
        xml_text(&dir.join("fontconfig-cache")),
        fonts::PREFERRED,
        fonts::FALLBACK,
    );
    let path = dir.join("fonts.conf");
    std::fs::write(&path, conf)?;
    Ok(path)
}

/// A path as XML text.
fn xml_text(path: &Path) -> String {
    path.to_string_lossy()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `file://` URL of a path, with every byte that is not plainly safe percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_private_fontconfig_adds_the_carried_font_as_b_nazanins_stand_in() {
        let dir = tempfile::tempdir().unwrap();
        let conf = std::fs::read_to_string(private_fontconfig(dir.path()).unwrap()).unwrap();
        assert!(conf.contains("<include ignore_missing=\"yes\">"), "{conf}");
        assert!(
            conf.contains("<family>B Nazanin</family><accept><family>Vazirmatn FD</family>"),
            "{conf}"
        );
        for f in &fonts::FILES {
            let written = std::fs::read(dir.path().join("fonts").join(f.file_name)).unwrap();
            assert_eq!(written, f.bytes);
        }
    }

    #[test]
    fn profile_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/پ")),
            "file:///tmp/a%20b/%D9%BE"
        );
    }
}
