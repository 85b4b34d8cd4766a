//! Edits against row versions: a form that edits a record remembers the record's version, read
//! before its values; the save names it, and the store refuses it if another hamyar changed
//! the record in between. Then the screen reloads, the form keeps what was typed and says so,
//! and a second Ctrl+S saves it over the newer state, knowingly.

use crate::domain::Id;
use crate::i18n::{Message, TuiMessage};
use crate::store::{Record, RowVersion};
use crate::tui::forms::Form;

use super::App;
use super::save::Refusal;

impl App {
    /// The version of a record about to be edited: read it before reading the values the form
    /// is filled with.
    pub(super) fn version_for_edit(&self, record: Record, id: &Id) -> Option<RowVersion> {
        match self.store.row_version(record, id) {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!(error = %e, "the version of a record to edit could not be read");
                None
            }
        }
    }

    /// The version a save of `form`, which edits `record` `id`, names: the one read when it
    /// opened.
    pub(super) fn version_read(
        &self,
        form: &Form,
        record: Record,
        id: &Id,
    ) -> Result<RowVersion, Refusal> {
        match form.version {
            Some(v) => Ok(v),
            // Every editing form is opened with its version; if one was not, the record as it
            // is now is what the form is taken to have read.
            None => self
                .store
                .row_version(record, id)
                .map_err(|e| self.refused(&e)),
        }
    }

    /// After `form`'s save was refused with `why`: when the record it edits moved on since the
    /// form opened, reloads the screen, lets the form name the new version, and says so
    /// instead. `None` leaves `why` as it is.
    pub(super) fn moved_on(&mut self, form: &Form) -> Option<(Message, RowVersion)> {
        let (record, id) = form.kind.edits()?;
        let read = form.version?;
        let now = self.store.row_version(record, id).ok()?;
        if now == read {
            return None;
        }
        if let Err(e) = self.after_change() {
            self.fail(&e);
        }
        let said = Message::new(self.lang(), &TuiMessage::EditedElsewhere(record));
        Some((said, now))
    }
}
