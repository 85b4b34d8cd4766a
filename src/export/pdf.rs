//! PDF: the DOCX, converted by LibreOffice (`soffice --headless --convert-to pdf`).
//!
//! LibreOffice runs with a profile of its own in a temporary folder
//! (`-env:UserInstallation=file:///tmp/…`), so a LibreOffice the user has open is neither
//! disturbed nor asked to do the work, and nothing is left behind.

use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

use super::ExportError;
use super::document::Document;

/// The program that converts; found on `PATH`.
const SOFFICE: &str = "soffice";

pub fn render(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let docx = super::docx::render(doc)?;
    let dir = tempfile::Builder::new().prefix("hamyar-pdf-").tempdir()?;
    let input = dir.path().join("minutes.docx");
    std::fs::write(&input, docx)?;
    let profile = format!(
        "-env:UserInstallation={}",
        file_url(&dir.path().join("profile"))
    );
    let output = Command::new(SOFFICE)
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
    fn profile_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/پ")),
            "file:///tmp/a%20b/%D9%BE"
        );
    }
}
