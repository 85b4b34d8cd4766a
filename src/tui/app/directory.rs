//! The directory from the app: people saved from their form, guests added on the spot.

use crate::domain::{Id, Person};
use crate::i18n::TuiMessage;
use crate::tui::forms::{FieldId, Form};

use super::App;
use super::save::Refusal;

impl App {
    /// A person as the form says, with their standing invitations; a guest is also marked
    /// present at the meeting. One store call.
    pub(super) fn save_person(
        &mut self,
        form: &Form,
        editing: Option<&Id>,
        guest_at: Option<&Id>,
    ) -> Result<Option<crate::i18n::Message>, Refusal> {
        let name = form.text(FieldId::PersonName).to_string();
        if crate::domain::name_key(&name).is_empty() {
            return Err(self.required(FieldId::PersonName));
        }
        let person = Person {
            id: editing.cloned().unwrap_or_else(Id::new),
            name: name.clone(),
            title: form.text(FieldId::PersonTitle).to_string(),
            agency: form
                .picker(FieldId::PersonAgency)
                .and_then(|p| p.chosen_id().cloned()),
            active: editing
                .and_then(|id| self.model.directory.person(id))
                .is_none_or(|p| p.active),
        };
        let invited = form
            .picker(FieldId::InviteeOf)
            .map(|p| p.chosen_ids())
            .unwrap_or_default();
        let saved = match guest_at {
            Some(meeting) => self.store.add_guest(meeting, &person, &invited),
            None => self.store.save_person(&person, &invited),
        };
        saved.map_err(|e| self.refused(&e))?;
        self.reload_directory();
        self.said(&match guest_at {
            Some(_) => TuiMessage::GuestAdded(&name),
            None => TuiMessage::PersonSaved(&name),
        })
    }

    /// Reads the directory again after a change to it.
    pub(super) fn reload_directory(&mut self) {
        match crate::tui::model::Directory::load(&self.store) {
            Ok(d) => self.model.directory = d,
            Err(e) => self.fail(&e),
        }
    }
}
