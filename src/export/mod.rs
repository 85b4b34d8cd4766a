//! Minutes (صورتجلسه) export: one view-model, one pure renderer per format.
//!
//! The flow:
//! 1. [`Store::meeting_bundle`] reads everything about one meeting in one snapshot: the meeting,
//!    its attendance, statements and decisions, the earlier decisions it reviews with their
//!    follow-ups, and every series record they refer to.
//! 2. [`Minutes::new`] words it in one language ([`minutes`] does 1 and 2): Solar Hijri dates
//!    and Persian digits in Persian, agency names in English in English. The per-agency
//!    [`FollowUpList`] is the other view-model, built the same way.
//! 3. The document formats lay a view-model out as a [`Document`] (title, running header,
//!    headings, fields, lists, tables) and render it: `docx`, `html`, `markdown`, `plain` (the
//!    preview), and `pdf` (the DOCX through LibreOffice).
//! 4. The data formats render the view-model's records: [`json`] (the versioned minutes file
//!    `hamyar import` reads back, see `Store::import_bundle`) and `csv` (action items).
//!
//! Renderers are pure: bytes out of a view-model, no store, no clock, no screen. Each cleans
//! what it writes ([`document::clean`]: controls, bidi overrides, noncharacters) and escapes
//! its own syntax, so text in a record stays text in every format.

pub mod csv;
mod document;
mod docx;
mod follow_ups;
pub mod fonts;
mod html;
pub mod json;
mod layout;
pub mod letterhead;
mod markdown;
mod metrics;
mod minutes;
mod pdf;
mod plain;
mod review;
mod widths;

use crate::domain::Id;
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

pub use document::{Block, Column, ColumnKind, Document, Field, Item, Table, clean};
pub use follow_ups::{FollowUpLine, FollowUpList};
pub use letterhead::{Letterhead, LetterheadConfig, Logo, MinutesConfig};
pub use minutes::{
    Absence, AgendaLine, AmendmentLine, Context, DecisionLine, DiscussionGroup, DiscussionIssue,
    Header, Minutes, People, PersonLine, StatementLine, Substitute,
};
pub use review::{Previous, Review, ReviewLine, Waiting};

#[cfg(doc)]
use crate::store::MeetingBundle;

/// The formats the minutes come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// GitHub-flavoured Markdown
    Md,
    /// one self-contained HTML file, printable on A4
    Html,
    /// Word (opens in LibreOffice too)
    Docx,
    /// PDF, converted from the DOCX by LibreOffice
    Pdf,
    /// the versioned minutes file, for `hamyar import`
    Json,
    /// the action items, for spreadsheets
    Csv,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::Json,
        Format::Csv,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// Binary formats are written to a file, never to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }

    /// Whether the per-agency follow-up list comes in this format (a document, not data).
    pub fn is_document(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Docx | Format::Pdf)
    }

    /// `soratjalase-2-1393-02-16.docx` for a file stem such as [`Minutes::file_stem`].
    pub fn default_file_name(self, stem: &str) -> String {
        format!("{stem}.{}", self.extension())
    }
}

/// Why an export or an import of a minutes file failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(
        "PDF export needs LibreOffice, which is not installed: install the Debian package libreoffice-writer-nogui (or export --format docx and convert it yourself)"
    )]
    NoLibreOffice,
    #[error("LibreOffice could not convert the minutes to PDF: {0}")]
    Conversion(String),
    #[error("the {} format is for minutes; a follow-up list comes as md, html, docx or pdf", .0.extension())]
    NotADocumentFormat(Format),
    #[error("the file is not JSON ({0}); give a file made by `hamyar export --format json`")]
    NotJson(serde_json::Error),
    #[error(
        "the file is not a hamyar minutes file (no \"format\": \"hamyar-minutes\" with a version)"
    )]
    NotMinutes,
    #[error(
        "the file was written by a newer hamyar (minutes file version {0}, this one reads up to {v}); update hamyar to import it — nothing was changed",
        v = json::VERSION
    )]
    NewerVersion(u64),
    #[error("the minutes file is damaged: {0}; nothing was changed")]
    Damaged(serde_json::Error),
    #[error(transparent)]
    Letterhead(#[from] letterhead::LetterheadError),
}

/// The minutes of one meeting, worded in `lang`, with the default letterhead.
pub fn minutes(store: &Store, meeting: &Id, lang: Lang) -> Result<Minutes, StoreError> {
    let bundle = store.meeting_bundle(meeting)?;
    let letterhead =
        Letterhead::resolve(&MinutesConfig::default(), &bundle.series, lang).unwrap_or_default();
    minutes_of(store, bundle, lang, letterhead)
}

/// The minutes of one meeting, worded in `lang`, with the letterhead `config` sets for its
/// series (the config file's `[minutes]`).
pub fn minutes_for(
    store: &Store,
    meeting: &Id,
    lang: Lang,
    config: &MinutesConfig,
) -> Result<Minutes, ExportError> {
    let bundle = store.meeting_bundle(meeting)?;
    let letterhead = Letterhead::resolve(config, &bundle.series, lang)?;
    Ok(minutes_of(store, bundle, lang, letterhead)?)
}

fn minutes_of(
    store: &Store,
    bundle: crate::store::MeetingBundle,
    lang: Lang,
    letterhead: Letterhead,
) -> Result<Minutes, StoreError> {
    let m = &bundle.meeting;
    // The series' meeting before this one, by number: it bounds the review.
    let previous = store
        .list_meetings(Some(&m.series))?
        .complete()?
        .into_iter()
        .filter(|x| x.number < m.number)
        .max_by_key(|x| x.number)
        .map(|x| Previous {
            id: x.id,
            date: x.date,
        });
    let context = Context {
        exported_at: store.clock().now_utc(),
        previous,
        letterhead,
    };
    Ok(Minutes::new(bundle, lang, context))
}

/// The minutes in `format`.
pub fn render(minutes: &Minutes, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Json => json::render(&minutes.bundle, &minutes.exported_at),
        Format::Csv => Ok(csv::render(minutes)),
        _ => render_document(&minutes.document(), format),
    }
}

/// A follow-up list in `format` (a document format).
pub fn render_follow_ups(list: &FollowUpList, format: Format) -> Result<Vec<u8>, ExportError> {
    if !format.is_document() {
        return Err(ExportError::NotADocumentFormat(format));
    }
    render_document(&list.document(), format)
}

fn render_document(doc: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Md => markdown::render(doc).into_bytes(),
        Format::Html => html::render(doc).into_bytes(),
        Format::Docx => docx::render(doc, docx::Fonts::Embedded)?,
        Format::Pdf => pdf::render(doc)?,
        Format::Json | Format::Csv => return Err(ExportError::NotADocumentFormat(format)),
    })
}

/// The minutes as plain text in logical order, for a preview on screen.
pub fn preview(minutes: &Minutes) -> String {
    plain::render(&minutes.document())
}
