//! The backup made whenever a meeting starts: written on a connection of its own, off the
//! loop, so that neither a large file nor a failing disk holds the meeting up. A failure is
//! said once on the status line; the meeting has started either way.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::backup::BackupSettings;
use crate::i18n::{Message, TuiMessage};
use crate::store::StoreError;

use super::App;

/// What the backup thread sends back: the file written, if backups are on.
pub(super) type Written = Result<Option<PathBuf>, StoreError>;

impl App {
    /// Makes a backup when a meeting starts (`[backup]` of the config file); off until set.
    pub fn set_backups(&mut self, backups: BackupSettings) {
        self.backups = Some(backups);
    }

    pub(super) fn back_up_in_background(&mut self) {
        let Some(settings) = self.backups.clone() else {
            return;
        };
        if self.backup_job.is_some() || settings.keep == 0 {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let path = self.store.path().to_path_buf();
        let clock = self.clock.clone();
        let spawned = std::thread::Builder::new()
            .name("backup".into())
            .spawn(move || {
                let _ = tx.send(crate::backup::automatic(&settings, &path, clock));
            });
        match spawned {
            Ok(_) => self.backup_job = Some(rx),
            Err(e) => {
                let e = StoreError::Io {
                    path: self.store.path().to_path_buf(),
                    error: e,
                };
                self.backup_failed(&e);
            }
        }
    }

    /// Takes the backup's result when it is ready (`wait`: blocks until it is).
    pub(super) fn poll_backup(&mut self, wait: bool) {
        let Some(rx) = &self.backup_job else {
            return;
        };
        let written = if wait {
            rx.recv().ok()
        } else {
            match rx.try_recv() {
                Err(mpsc::TryRecvError::Empty) => return,
                other => other.ok(),
            }
        };
        self.backup_job = None;
        match written {
            Some(Ok(Some(path))) => tracing::info!("backup written to {}", path.display()),
            Some(Ok(None)) => {}
            Some(Err(e)) => self.backup_failed(&e),
            // The thread ended without a word (it panicked): said like any failure.
            None => self.backup_failed(&StoreError::Unexpected {
                path: self.store.path().to_path_buf(),
                detail: "the backup thread stopped".into(),
            }),
        }
    }

    fn backup_failed(&mut self, e: &StoreError) {
        tracing::warn!(error = %e, "the automatic backup failed");
        let text = Message::new(self.model.lang, &TuiMessage::BackupFailed(e));
        self.model.flash_error(text);
    }
}
