//! The minutes file: everything about one meeting as versioned JSON, which `hamyar import`
//! reads back into a database.
//!
//! ```json
//! { "format": "hamyar-minutes", "version": 1, "series": {…}, "meeting": {…}, … }
//! ```
//! The fields after `version` are a [`MeetingBundle`]. Output goes through
//! [`crate::json::to_writer_pretty`], so control and bidi characters in records are escaped.

use serde::Serialize;
use serde_json::Value;

use super::ExportError;
use crate::store::MeetingBundle;

/// The `format` field of a minutes file.
pub const FORMAT: &str = "hamyar-minutes";
/// The version this hamyar writes, and the newest it reads.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct File<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    bundle: &'a MeetingBundle,
}

pub fn render(bundle: &MeetingBundle) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(64 * 1024);
    crate::json::to_writer_pretty(
        &mut out,
        &File {
            format: FORMAT,
            version: VERSION,
            bundle,
        },
    )?;
    out.push(b'\n');
    Ok(out)
}

/// Reads a minutes file, refusing other JSON and files from a newer hamyar.
pub fn parse(bytes: &[u8]) -> Result<MeetingBundle, ExportError> {
    let value: Value = serde_json::from_slice(bytes).map_err(ExportError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ExportError::NotMinutes);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > VERSION => return Err(ExportError::NewerVersion(v)),
        Some(_) => {}
        None => return Err(ExportError::NotMinutes),
    }
    serde_json::from_value(value).map_err(ExportError::Damaged)
}
