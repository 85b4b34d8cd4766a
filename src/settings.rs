//! hamyar's settings, resolved once from flags, environment, the config file and defaults, in
//! that order, and then passed by reference to whatever runs (a command or the app).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::backup::BackupSettings;
use crate::demo::{DemoData, DemoError, WriteDemoError};
use crate::domain::{Clock, Date, DateError, FixedClock, SystemClock};
use crate::i18n::Lang;
use crate::store::Store;
use crate::text::BidiMode;

/// The file name of the database inside the data directory.
const DB_FILE: &str = "hamyar.db";
/// The file name of the config file inside the config directory.
const CONFIG_FILE: &str = "config.toml";

/// What the user asked for on the command line (or through the environment); `None` where
/// nothing was said, so the config file and defaults can fill in.
#[derive(Debug, Clone, Default)]
pub struct Requested {
    pub db: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub bidi: Option<BidiMode>,
    /// A day typed in either calendar (`--today`, `HAMYAR_TODAY`).
    pub today: Option<String>,
    pub demo: bool,
}

/// Everything a command or the app needs to know about this run.
pub struct Settings {
    /// The database file.
    pub db: PathBuf,
    /// "Today", for what is overdue and for dating follow-ups.
    pub clock: Arc<dyn Clock>,
    pub lang: Lang,
    pub bidi: BidiMode,
    /// Set when running on a fresh demo database.
    pub demo: Option<DemoSession>,
    /// The config file's contents (defaults when there is none).
    pub config: Config,
    /// Where this database's backups go and how many are kept.
    pub backup: BackupSettings,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("db", &self.db)
            .field("today", &self.clock.today())
            .field("lang", &self.lang)
            .field("bidi", &self.bidi)
            .field("demo", &self.demo.as_ref().map(|d| d.today))
            .finish_non_exhaustive()
    }
}

/// A demo database in a temporary folder, removed when this value is dropped.
pub struct DemoSession {
    /// The day the demo runs on: `--today` if given, else the day of its live meeting.
    pub today: Date,
    _dir: tempfile::TempDir,
}

/// The config file (`<config dir>/hamyar/config.toml`, or `--config`/`HAMYAR_CONFIG`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `fa` or `en`.
    pub lang: Option<Lang>,
    /// `app` or `terminal`.
    pub bidi: Option<String>,
    /// The database file, when not the default.
    pub db: Option<PathBuf>,
    /// The organisation named at the head of the minutes, when it is not the series' own.
    pub organisation: Option<String>,
    /// Keymap overrides, one table per mode: `[keys.room]` `"x" = "export"`.
    #[serde(default)]
    pub keys: toml::Table,
    /// The letterhead of the minutes and letters (`[minutes]`, and per series).
    #[serde(default)]
    pub minutes: crate::export::MinutesConfig,
    /// Where backups go and how many are kept (`[backup]`).
    #[serde(default)]
    pub backup: crate::backup::BackupConfig,
}

/// Why the settings could not be resolved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// The config file exists but cannot be read.
    #[error("the config file {} cannot be read: {source}", .path.display())]
    ConfigUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The config file is not valid TOML, or holds a key hamyar does not know.
    #[error("the config file {} is not valid: {detail}", .path.display())]
    ConfigInvalid { path: PathBuf, detail: String },
    /// A config file named with `--config` does not exist.
    #[error("the config file {} does not exist", .path.display())]
    ConfigMissing { path: PathBuf },
    /// The config file names a bidi mode that is neither `app` nor `terminal`.
    #[error("the config file {} says bidi = «{value}»; write \"app\" or \"terminal\"", .path.display())]
    ConfigBidi { path: PathBuf, value: String },
    /// `--today` is not a date.
    #[error("--today: {0}")]
    Today(#[from] DateError),
    /// There is no home folder to keep the database in.
    #[error("there is no home folder to keep the database in; give one with --db PATH")]
    NoHome,
    /// The demo database could not be made.
    #[error(transparent)]
    Demo(#[from] WriteDemoError),
    /// The temporary folder for the demo could not be made.
    #[error("could not create a temporary folder for the demo database: {0}")]
    DemoFolder(std::io::Error),
}

impl From<DemoError> for SettingsError {
    fn from(e: DemoError) -> Self {
        SettingsError::Demo(e.into())
    }
}

impl Settings {
    /// Resolves what was requested against the config file and the defaults. With `demo`, this
    /// writes the demo into a fresh temporary database.
    pub fn resolve(req: &Requested) -> Result<Settings, SettingsError> {
        let config = load_config(req.config.as_deref())?;
        let lang = req.lang.or(config.lang).unwrap_or_default();
        let bidi = match (req.bidi, &config.bidi) {
            (Some(b), _) => b,
            (None, Some(v)) => v.parse().map_err(|_| SettingsError::ConfigBidi {
                path: config_path(req.config.as_deref()).unwrap_or_default(),
                value: v.clone(),
            })?,
            (None, None) => BidiMode::App,
        };
        let today = req.today.as_deref().map(Date::parse_user).transpose()?;
        let (db, clock, demo): (PathBuf, Arc<dyn Clock>, _) = if req.demo {
            let (session, db) = DemoSession::create(today)?;
            (db, Arc::new(FixedClock(session.today)), Some(session))
        } else {
            let db = match req.db.clone().or_else(|| config.db.clone()) {
                Some(p) => p,
                None => default_db_path().ok_or(SettingsError::NoHome)?,
            };
            (db, clock_for(today), None)
        };
        let mut backup = BackupSettings::resolve(&config.backup, &db);
        if demo.is_some() {
            // A throwaway file: a copy of it beside it would only mislead.
            backup.keep = 0;
        }
        Ok(Settings {
            backup,
            db,
            clock,
            lang,
            bidi,
            demo,
            config,
        })
    }
}

impl Settings {
    /// Opens the database for writing (created if missing), migrating it; a file of an older
    /// hamyar is first backed up as it was ([`crate::backup::before_upgrade`]).
    pub fn open_store(&self) -> Result<Store, crate::store::StoreError> {
        self.back_up_before_upgrade();
        Store::open(&self.db, self.clock.clone())
    }

    /// [`Settings::open_store`] for a database that must exist already.
    pub fn open_existing_store(&self) -> Result<Store, crate::store::StoreError> {
        self.back_up_before_upgrade();
        Store::open_existing(&self.db, self.clock.clone())
    }

    fn back_up_before_upgrade(&self) {
        match crate::backup::before_upgrade(&self.backup, &self.db, self.clock.clone()) {
            Some(Ok(path)) => tracing::info!("before the upgrade, a backup: {}", path.display()),
            // The upgrade goes on as it always did; the log keeps why there is no copy.
            Some(Err(e)) => tracing::warn!(error = %e, "no backup before the upgrade"),
            None => {}
        }
    }
}

impl DemoSession {
    /// Writes the Kerman demo into a new temporary folder; returns it with the database path.
    fn create(today: Option<Date>) -> Result<(DemoSession, PathBuf), SettingsError> {
        let demo = DemoData::kerman()?;
        let demo_day = demo.today()?;
        let dir = tempfile::Builder::new()
            .prefix("hamyar-demo-")
            .tempdir()
            .map_err(SettingsError::DemoFolder)?;
        let db = dir.path().join("demo.db");
        // Follow-ups in the demo are dated on the day of its live meeting, whatever --today is.
        let mut store =
            Store::open(&db, Arc::new(FixedClock(demo_day))).map_err(WriteDemoError::from)?;
        demo.write_into(&mut store)?;
        let session = DemoSession {
            today: today.unwrap_or(demo_day),
            _dir: dir,
        };
        Ok((session, db))
    }
}

/// The clock for this run: fixed on `today` when given, the system's otherwise.
pub fn clock_for(today: Option<Date>) -> Arc<dyn Clock> {
    match today {
        Some(d) => Arc::new(FixedClock(d)),
        None => Arc::new(SystemClock),
    }
}

/// The default database path: `<data dir>/hamyar/hamyar.db`, e.g.
/// `~/.local/share/hamyar/hamyar.db` on Linux.
pub fn default_db_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join(DB_FILE))
}

/// The default config file: `<config dir>/hamyar/config.toml`, e.g.
/// `~/.config/hamyar/config.toml` on Linux.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join(CONFIG_FILE))
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "hamyar")
}

fn config_path(requested: Option<&Path>) -> Option<PathBuf> {
    requested
        .map(Path::to_path_buf)
        .or_else(default_config_path)
}

/// Reads the config file. A missing default file is no error: most people never write one.
fn load_config(requested: Option<&Path>) -> Result<Config, SettingsError> {
    let Some(path) = config_path(requested) else {
        return Ok(Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && requested.is_none() => {
            return Ok(Config::default());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SettingsError::ConfigMissing { path });
        }
        Err(source) => return Err(SettingsError::ConfigUnreadable { path, source }),
    };
    toml::from_str(&text).map_err(|e| SettingsError::ConfigInvalid {
        path,
        detail: e.message().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn flags_win_over_the_config_file_which_wins_over_defaults() {
        let (_dir, path) = write_config(
            "lang = \"en\"\nbidi = \"terminal\"\ndb = \"/tmp/x.db\"\n[keys.room]\nx = \"export\"\n",
        );
        let mut req = Requested {
            config: Some(path),
            ..Requested::default()
        };
        let s = Settings::resolve(&req).unwrap();
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.bidi, BidiMode::Terminal);
        assert_eq!(s.db, PathBuf::from("/tmp/x.db"));
        assert!(s.config.keys.contains_key("room"));
        req.lang = Some(Lang::Fa);
        req.bidi = Some(BidiMode::App);
        req.db = Some(PathBuf::from("/tmp/y.db"));
        req.today = Some("۱۳۹۳/۰۶/۰۱".into());
        let s = Settings::resolve(&req).unwrap();
        assert_eq!((s.lang, s.bidi), (Lang::Fa, BidiMode::App));
        assert_eq!(s.db, PathBuf::from("/tmp/y.db"));
        assert_eq!(s.clock.today().iso(), "2014-08-23");
    }

    #[test]
    fn a_bad_config_file_is_one_clear_error() {
        let (_dir, path) = write_config("language = \"fa\"\n");
        let req = Requested {
            config: Some(path.clone()),
            ..Requested::default()
        };
        let err = Settings::resolve(&req).unwrap_err().to_string();
        assert!(
            err.contains("config.toml") && err.contains("language"),
            "{err}"
        );
        let (_dir, path) = write_config("bidi = \"sideways\"\n");
        let req = Requested {
            config: Some(path),
            ..Requested::default()
        };
        assert!(matches!(
            Settings::resolve(&req),
            Err(SettingsError::ConfigBidi { .. })
        ));
        let req = Requested {
            config: Some(PathBuf::from("/nonexistent/hamyar.toml")),
            ..Requested::default()
        };
        assert!(matches!(
            Settings::resolve(&req),
            Err(SettingsError::ConfigMissing { .. })
        ));
        let req = Requested {
            today: Some("1402/12/30".into()),
            ..Requested::default()
        };
        assert!(matches!(
            Settings::resolve(&req),
            Err(SettingsError::Today(_))
        ));
    }

    #[test]
    fn the_demo_runs_on_its_live_day_unless_today_is_given() {
        let s = Settings::resolve(&Requested {
            demo: true,
            config: Some(PathBuf::from("/dev/null")),
            ..Requested::default()
        })
        .unwrap();
        assert_eq!(s.clock.today().jalali().latin(), "1393/02/16");
        assert!(s.db.exists());
        let db = s.db.clone();
        drop(s);
        assert!(!db.exists(), "the demo folder goes with the settings");
    }

    #[test]
    fn default_paths_end_in_hamyar() {
        if let Some(p) = default_db_path() {
            assert!(p.ends_with("hamyar/hamyar.db"), "{}", p.display());
        }
        if let Some(p) = default_config_path() {
            assert!(p.ends_with("hamyar/config.toml"), "{}", p.display());
        }
    }
}
