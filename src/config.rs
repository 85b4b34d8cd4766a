//! Where hamyar's settings come from: command-line flags, then environment, then defaults.

use std::path::PathBuf;
use std::sync::Arc;

use crate::domain::{Clock, Date, DateError, FixedClock, SystemClock};

/// The file name of the database inside the data directory.
const DB_FILE: &str = "hamyar.db";

/// The default database path: `<data dir>/hamyar/hamyar.db`, e.g.
/// `~/.local/share/hamyar/hamyar.db` on Linux.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hamyar").map(|d| d.data_dir().join(DB_FILE))
}

/// The clock for this run: fixed when `--today`/`HAMYAR_TODAY` is given, the system's otherwise.
pub fn clock_for(today: Option<&str>) -> Result<Arc<dyn Clock>, DateError> {
    match today {
        Some(s) => Ok(Arc::new(FixedClock(Date::parse_user(s)?))),
        None => Ok(Arc::new(SystemClock)),
    }
}

pub use crate::i18n::Lang;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_ends_in_hamyar_db() {
        if let Some(p) = default_db_path() {
            assert!(p.ends_with("hamyar/hamyar.db"), "{}", p.display());
        }
    }

    #[test]
    fn today_in_either_calendar() {
        let a = clock_for(Some("1393/06/01")).unwrap().today();
        let b = clock_for(Some("2014-08-23")).unwrap().today();
        assert_eq!(a, b);
        assert!(clock_for(Some("1402/12/30")).is_err());
    }
}
