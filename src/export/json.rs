//! The minutes file: everything about one meeting as versioned JSON, which `hamyar import`
//! reads back into a database.
//!
//! ```json
//! { "format": "hamyar-minutes", "version": 2, "exported_at": "2014-05-06T08:30:00Z",
//!   "generator": "hamyar 0.1.0", "series": {…}, "meeting": {…}, … }
//! ```
//! The fields after `generator` are a [`MeetingBundle`]. `docs/minutes.schema.json` describes
//! the whole file (the tests validate every export against it). Version 1 files, written
//! before `exported_at` and `generator`, are read as they are. Output goes through
//! [`crate::json::to_writer_pretty`], so control and bidi characters in records are escaped.

use serde::Serialize;
use serde_json::Value;

use super::ExportError;
use crate::store::MeetingBundle;

/// The `format` field of a minutes file.
pub const FORMAT: &str = "hamyar-minutes";
/// The version this hamyar writes, and the newest it reads.
pub const VERSION: u64 = 2;
/// The `generator` field: this program and its version.
pub const GENERATOR: &str = concat!("hamyar ", env!("CARGO_PKG_VERSION"));

#[derive(Serialize)]
struct File<'a> {
    format: &'static str,
    version: u64,
    exported_at: &'a str,
    generator: &'static str,
    #[serde(flatten)]
    bundle: &'a MeetingBundle,
}

/// The minutes file of `bundle`, stamped as written at `exported_at` (RFC 3339, UTC).
pub fn render(bundle: &MeetingBundle, exported_at: &str) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(64 * 1024);
    crate::json::to_writer_pretty(
        &mut out,
        &File {
            format: FORMAT,
            version: VERSION,
            exported_at,
            generator: GENERATOR,
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
