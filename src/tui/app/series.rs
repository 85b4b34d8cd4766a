//! Series from the app: created (then its first meeting scheduled), edited, archived.

use crate::domain::{Id, Series, digits::to_ascii_digits};
use crate::i18n::{Message, TuiMessage};
use crate::tui::forms::{self, FieldId, Form};
use crate::tui::model::Screen;
use crate::tui::ui::Modal;

use super::App;
use super::save::Refusal;

impl App {
    /// The series form: a new series, or (`editing`) the selected one's.
    pub(super) fn open_series_form(&mut self, editing: bool) {
        let series = editing
            .then(|| self.model.meetings.selected_series().cloned())
            .flatten();
        if editing && series.is_none() {
            return;
        }
        // The version first, then the series as it is now.
        let version = series
            .as_ref()
            .and_then(|s| self.version_for_edit(crate::store::Record::Series, &s.id));
        let series = series.map(|s| self.store.get_series(&s.id).unwrap_or(s));
        let mut form = forms::series_form(self.model.lang, &self.model.directory, series.as_ref());
        form.version = version;
        self.ui.modals.push(Modal::Form(form));
    }

    /// A whole number typed in a field (any digits), within `max`; empty is 0.
    fn count(&self, form: &Form, field: FieldId, max: u32) -> Result<u32, Refusal> {
        let typed = to_ascii_digits(form.text(field));
        match typed.as_str() {
            "" => Ok(0),
            t => t
                .parse()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| self.refusal(&TuiMessage::BadCount(form.text(field), max))),
        }
    }

    /// Saves the series as the form says. A new one goes to the meetings screen with the form
    /// of its first meeting open: nothing more is created until that is saved.
    pub(super) fn save_series(
        &mut self,
        form: &Form,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let title = form.text(FieldId::SeriesTitle).to_string();
        if crate::domain::name_key(&title).is_empty() {
            return Err(self.required(FieldId::SeriesTitle));
        }
        let current =
            editing.and_then(|id| self.model.meetings.series.iter().find(|s| &s.id == id));
        let series = Series {
            id: editing.cloned().unwrap_or_else(Id::new),
            title,
            organisation: form.text(FieldId::Organisation).to_string(),
            default_place: form.text(FieldId::Place).to_string(),
            member_agencies: form
                .picker(FieldId::MemberAgencies)
                .map(|p| p.chosen_ids())
                .unwrap_or_default(),
            quorum: self.count(form, FieldId::Quorum, 1000)?,
            interval_days: self.count(form, FieldId::Interval, 3650)?,
            archived: current.is_some_and(|s| s.archived),
        };
        if let Some(id) = editing {
            let read = self.version_read(form, crate::store::Record::Series, id)?;
            self.store
                .update_series(&series, read)
                .map_err(|e| self.refused(&e))?;
            if let Err(e) = self.reload() {
                return Err(self.refused(&e));
            }
            return self.said(&TuiMessage::SeriesSaved(&series.title));
        }
        self.store
            .create_series(&series)
            .map_err(|e| self.refused(&e))?;
        if let Err(e) = self.reload() {
            return Err(self.refused(&e));
        }
        self.show_meetings();
        self.model.meetings.select_series(&series.id);
        // The first meeting's form goes over the series form, which closes under it.
        match self.next_meeting_form(&series.id) {
            Ok(Some(f)) => {
                let top = self.ui.modals.len().saturating_sub(1);
                self.ui.modals.insert(top, Modal::Form(f));
            }
            Ok(None) => {}
            Err(e) => return Err(self.refused(&e)),
        }
        self.said(&TuiMessage::SeriesCreated)
    }

    /// `a` on the meetings screen: archives the selected series, or brings it back.
    pub(super) fn toggle_series_archived(&mut self) {
        let Some(s) = self.model.meetings.selected_series().cloned() else {
            return;
        };
        match self.store.set_series_archived(&s.id, !s.archived) {
            Ok(saved) => {
                if let Err(e) = self.reload() {
                    self.fail(&e);
                }
                self.model.screen = Screen::Meetings;
                self.model.meetings.select_series(&saved.id);
                let msg = TuiMessage::SeriesArchived(&saved.title, saved.archived);
                self.done(msg);
            }
            Err(e) => self.fail(&e),
        }
    }
}
