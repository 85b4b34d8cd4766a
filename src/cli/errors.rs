//! How errors reach the user: one sentence on stderr, sanitized (a file name or a typed value
//! may carry escape sequences or bidi overrides), laid out like everything else hamyar shows
//! when stderr is a terminal, and a non-zero exit. A closed pipe is not an error.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;

use super::number::NumberError;
use super::output::{CellLayout, VisualCells};
use crate::domain::{DateError, UnknownCode};
use crate::i18n::{CliMessage, Lang, Localized};
use crate::store::{Listed, StoreError};
use crate::text::{Direction, sanitize, sanitize_field};

/// Reports a failed command; `hamyar … | head` closing the pipe early is success.
pub fn report(err: &anyhow::Error, lang: Lang) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    write_stderr(&format!("{}{}", prefix(lang), sentence(err, lang)), lang);
    ExitCode::FAILURE
}

/// The error in the interface's language.
pub(super) fn sentence(err: &anyhow::Error, lang: Lang) -> String {
    if let Some(e) = err.downcast_ref::<crate::settings::SettingsError>() {
        return e.localized(lang);
    }
    if let Some(e) = err.downcast_ref::<StoreError>() {
        return store_sentence(e, lang);
    }
    if let Some(e) = err.downcast_ref::<crate::export::ExportError>() {
        return e.localized(lang);
    }
    format!("{err:#}")
}

/// Whether the error is a closed pipe on stdout, however deeply it is wrapped.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == io::ErrorKind::BrokenPipe)
    })
}

/// Reports a usage error from clap (or prints help and version). clap quotes the user's
/// input in its messages, so they are sanitized like every other message.
pub fn usage(err: &clap::Error) -> ExitCode {
    let lang = requested_lang();
    let text = match err.kind() {
        ErrorKind::ValueValidation => {
            value_message(err, lang).unwrap_or_else(|| err.render().to_string())
        }
        _ => err.render().to_string(),
    };
    if err.use_stderr() {
        write_stderr(&text, lang);
    } else {
        let mut out = io::stdout().lock();
        let _ = out.write_all(sanitize_field(&text).as_bytes());
        let _ = out.flush();
    }
    match u8::try_from(err.exit_code()) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(code),
        Err(_) => ExitCode::FAILURE,
    }
}

/// The rows of a listing that could be read; the damaged ones are named in one warning on stderr,
/// so that one bad record does not hide the others.
pub fn readable<T>(lang: Lang, listed: Listed<T>) -> Vec<T> {
    if listed.is_whole() {
        return listed.rows;
    }
    let damaged = StoreError::Damaged {
        path: listed.path().to_path_buf(),
        rows: listed.damaged,
    };
    write_stderr(
        &format!("{}{}", prefix(lang), store_sentence(&damaged, lang)),
        lang,
    );
    listed.rows
}

/// A store error in the interface's language.
fn store_sentence(e: &StoreError, lang: Lang) -> String {
    e.localized(lang)
}

/// Our own sentence for a value the parser refused (a number out of range, an unknown status,
/// a date that is not one), in the interface's language; clap's own is always English.
fn value_message(err: &clap::Error, lang: Lang) -> Option<String> {
    let source = std::error::Error::source(err)?;
    let flag = match err.get(clap::error::ContextKind::InvalidArg) {
        Some(clap::error::ContextValue::String(s)) => s.split(' ').next().unwrap_or("").to_string(),
        _ => String::new(),
    };
    let sentence = if let Some(e) = source.downcast_ref::<NumberError>() {
        CliMessage::NumberOutOfRange {
            flag: &flag,
            value: &e.value,
            min: e.min,
            max: e.max,
        }
        .localized(lang)
    } else if let Some(e) = source.downcast_ref::<UnknownCode>() {
        format!("{flag}: {}", e.localized(lang))
    } else if let Some(e) = source.downcast_ref::<DateError>() {
        format!("{flag}: {}", e.localized(lang))
    } else {
        return None;
    };
    Some(format!("{}{sentence}\n", prefix(lang)))
}

/// What starts an error line: the program's name in the interface's language, so that a
/// Persian sentence starts with a Persian word and reads right to left.
fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "همیار: ",
        Lang::En => "hamyar: ",
    }
}

/// The language asked for before the arguments could be parsed: `--lang` or `HAMYAR_LANG`.
fn requested_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    match from_args
        .or_else(|| std::env::var("HAMYAR_LANG").ok())
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Fa,
    }
}

/// Writes a message to stderr: sanitized, and laid out in visual order on a terminal.
fn write_stderr(text: &str, lang: Lang) {
    let clean = sanitize(text);
    let msg = if io::stderr().is_terminal() {
        let cells = VisualCells {
            ui: match lang {
                Lang::Fa => Direction::Rtl,
                Lang::En => Direction::Ltr,
            },
            terminal_width: None,
        };
        clean
            .trim_end()
            .lines()
            .map(|l| cells.line(l))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        // Logical order for a pipe or file: what the text opened is closed at each line's end.
        sanitize_field(clean.trim_end()).into_owned()
    };
    let _ = writeln!(io::stderr().lock(), "{msg}");
}
