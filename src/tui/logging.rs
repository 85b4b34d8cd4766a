//! Logging to a file, never to the screen: the screen is the app's, and one stray line there
//! would corrupt it. `tracing` events go to `<data dir>/hamyar/hamyar.log` (or `$HAMYAR_LOG`),
//! one unbuffered write per event so that the lines before a crash or a `kill -9` are kept.
//!
//! The file is capped cheaply: when it passes [`MAX_LOG_BYTES`] it becomes `hamyar.log.1`
//! (replacing the older one) and a new file starts, so the logs never take more than twice the
//! cap. If the file cannot be opened or written, logging is simply off: no error reaches the
//! screen.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::filter::LevelFilter;

/// The log file's path, or `off` for no log.
pub const LOG_ENV: &str = "HAMYAR_LOG";
/// The least severe level written: error, warn, info (the default), debug or trace.
pub const LOG_LEVEL_ENV: &str = "HAMYAR_LOG_LEVEL";
/// Size at which the log file is rotated.
pub const MAX_LOG_BYTES: u64 = 4 * 1024 * 1024;

/// Why logging could not start (the caller goes on without it).
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// The file or its directory cannot be created or opened.
    #[error("cannot open the log file {path}: {source}")]
    Open { path: PathBuf, source: io::Error },
    /// A global subscriber is already installed.
    #[error("logging is already set up in this process")]
    AlreadySet,
}

/// Logging is on while this lives; dropping it notes the end in the log.
#[derive(Debug)]
pub struct LogGuard {
    path: PathBuf,
}

impl LogGuard {
    /// Where the log goes (for `hamyar doctor` and bug reports).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        tracing::info!("hamyar stops");
    }
}

/// Starts logging to the default place ([`log_path`]), or returns `None` when it is turned off
/// or cannot start.
pub fn init_logging() -> Option<LogGuard> {
    init_file_logging(&log_path()?).ok()
}

/// Starts logging to `path` for the rest of the process, at the level of `$HAMYAR_LOG_LEVEL`.
pub fn init_file_logging(path: &Path) -> Result<LogGuard, LogError> {
    let level = level_from(std::env::var(LOG_LEVEL_ENV).ok().as_deref());
    let subscriber = file_subscriber(path, level, MAX_LOG_BYTES)?;
    tracing::subscriber::set_global_default(subscriber).map_err(|_| LogError::AlreadySet)?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "hamyar starts");
    Ok(LogGuard {
        path: path.to_path_buf(),
    })
}

/// `$HAMYAR_LOG` if set (`None` for `off` or empty), else `<data dir>/hamyar/hamyar.log`.
pub fn log_path() -> Option<PathBuf> {
    let data_dir = directories::ProjectDirs::from("", "", "hamyar").map(|d| d.data_dir().into());
    resolve_log_path(std::env::var_os(LOG_ENV), data_dir)
}

fn resolve_log_path(env: Option<OsString>, data_dir: Option<PathBuf>) -> Option<PathBuf> {
    match env {
        Some(v) if v.is_empty() || v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => data_dir.map(|d| d.join("hamyar.log")),
    }
}

fn level_from(value: Option<&str>) -> LevelFilter {
    value
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(LevelFilter::INFO)
}

/// The subscriber, apart from installing it, so that tests can scope it to a thread.
fn file_subscriber(
    path: &Path,
    level: LevelFilter,
    max_bytes: u64,
) -> Result<impl tracing::Subscriber + Send + Sync + 'static, LogError> {
    let file = CappedFile::open(path, max_bytes).map_err(|source| LogError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_max_level(level)
        .with_ansi(false)
        // tracing-subscriber would report its own write errors on stderr: the screen.
        .log_internal_errors(false)
        .finish())
}

/// An append-only file that rotates past `max_bytes` and swallows its own errors.
#[derive(Debug)]
struct CappedFile {
    path: PathBuf,
    file: Option<File>,
    written: u64,
    max_bytes: u64,
}

impl CappedFile {
    fn open(path: &Path, max_bytes: u64) -> io::Result<CappedFile> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        let mut f = CappedFile {
            path: path.to_path_buf(),
            file: Some(append(path)?),
            written: fs::metadata(path).map_or(0, |m| m.len()),
            max_bytes,
        };
        if f.written >= max_bytes {
            f.rotate();
        }
        Ok(f)
    }

    /// `hamyar.log` → `hamyar.log.1`, and a new `hamyar.log`. On failure logging stops.
    fn rotate(&mut self) {
        self.file = None;
        let mut old = self.path.clone().into_os_string();
        old.push(".1");
        let _ = fs::rename(&self.path, &old);
        self.file = append(&self.path).ok();
        self.written = 0;
    }
}

fn append(path: &Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

impl Write for CappedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written > 0 && self.written + buf.len() as u64 > self.max_bytes {
            self.rotate();
        }
        if let Some(f) = self.file.as_mut()
            && f.write_all(buf).is_err()
        {
            self.file = None;
        }
        self.written += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(f) = self.file.as_mut() {
            let _ = f.flush();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_land_in_the_file_at_the_chosen_level() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/hamyar.log");
        let sub = file_subscriber(&path, LevelFilter::INFO, MAX_LOG_BYTES).unwrap();
        tracing::subscriber::with_default(sub, || {
            tracing::info!(decision = "۲/۱۱", "مصوبه ثبت شد");
            tracing::debug!("not at info");
        });
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("مصوبه ثبت شد") && text.contains("decision=\"۲/۱۱\""),
            "{text}"
        );
        assert!(!text.contains("not at info"));
        assert!(!text.contains('\x1b'), "no colour codes in the file");
    }

    #[test]
    fn the_file_rotates_past_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hamyar.log");
        let sub = file_subscriber(&path, LevelFilter::INFO, 2_000).unwrap();
        tracing::subscriber::with_default(sub, || {
            for i in 0..100 {
                tracing::info!("line {i} of a long meeting");
            }
        });
        let current = fs::metadata(&path).unwrap().len();
        let old = fs::metadata(dir.path().join("hamyar.log.1")).unwrap().len();
        assert!(current <= 2_000 && old <= 2_000, "{current} {old}");
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("line 99 "), "the newest lines are kept");
        // A file already over the cap is rotated when logging starts.
        fs::write(&path, vec![b'x'; 3_000]).unwrap();
        drop(CappedFile::open(&path, 2_000).unwrap());
        assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    }

    #[test]
    fn an_unopenable_file_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, "").unwrap();
        let err = file_subscriber(&blocker.join("hamyar.log"), LevelFilter::INFO, 10)
            .err()
            .unwrap();
        assert!(
            err.to_string().starts_with("cannot open the log file"),
            "{err}"
        );
    }

    #[test]
    fn path_and_level_from_the_environment() {
        let data = Some(PathBuf::from("/data/hamyar"));
        assert_eq!(
            resolve_log_path(None, data.clone()),
            Some(PathBuf::from("/data/hamyar/hamyar.log"))
        );
        assert_eq!(
            resolve_log_path(Some("/tmp/h.log".into()), data.clone()),
            Some(PathBuf::from("/tmp/h.log"))
        );
        assert_eq!(resolve_log_path(Some("off".into()), data.clone()), None);
        assert_eq!(resolve_log_path(Some("".into()), data), None);
        assert_eq!(level_from(None), LevelFilter::INFO);
        assert_eq!(level_from(Some("debug")), LevelFilter::DEBUG);
        assert_eq!(level_from(Some("chatty")), LevelFilter::INFO);
    }
}
