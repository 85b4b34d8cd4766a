//! The directory from the app: its screen (agencies, people, categories), people saved from
//! their form, guests added on the spot, duplicates merged after a question.

use crate::domain::{Agency, Id, Person};
use crate::i18n::{Message, TuiMessage};
use crate::tui::action::Action;
use crate::tui::forms::{self, FieldId, Form};
use crate::tui::model::{DirectoryTab, Entry, Screen};
use crate::tui::ui::{Modal, Pending};

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

/// The directory screen: keys, forms and their saves.
impl App {
    /// `p`: the directory, from the meetings or the room; Esc goes back there.
    pub(super) fn open_directory(&mut self) {
        self.directory_back = self.model.screen;
        self.model.screen = Screen::Directory;
        self.model.directory_screen.clamp(&self.model.directory);
    }

    pub(super) fn apply_directory(&mut self, action: Action) {
        let dir = &self.model.directory;
        let screen = &mut self.model.directory_screen;
        match action {
            Action::Up => screen.move_by(-1, dir),
            Action::Down => screen.move_by(1, dir),
            Action::PageUp => screen.move_by(-10, dir),
            Action::PageDown => screen.move_by(10, dir),
            Action::Home => screen.move_by(isize::MIN / 2, dir),
            Action::End => screen.move_by(isize::MAX / 2, dir),
            Action::NextTab | Action::PrevTab | Action::GotoTab(_) => {
                let at = DirectoryTab::ALL
                    .iter()
                    .position(|t| *t == screen.tab)
                    .unwrap_or(0);
                let to = match action {
                    Action::NextTab => (at + 1) % 3,
                    Action::PrevTab => (at + 2) % 3,
                    Action::GotoTab(n) => usize::from(n.saturating_sub(1)).min(2),
                    _ => at,
                };
                screen.set_tab(DirectoryTab::ALL[to]);
            }
            Action::ToggleArchived => {
                screen.show_inactive = !screen.show_inactive;
                screen.clamp(dir);
            }
            Action::EditFilter => {
                let form = forms::directory_filter_form(self.model.lang, &screen.filter);
                self.ui.modals.push(Modal::Form(form));
            }
            Action::Add => self.add_to_directory(),
            Action::Edit | Action::Select => self.edit_in_directory(),
            Action::Archive => self.toggle_active(),
            Action::Merge => self.open_merge(),
            Action::MoveUp | Action::MoveDown => {
                let delta = if action == Action::MoveUp { -1 } else { 1 };
                self.move_category(delta);
            }
            Action::Back => self.model.screen = self.directory_back,
            _ => {}
        }
    }

    fn add_to_directory(&mut self) {
        let lang = self.model.lang;
        let form = match self.model.directory_screen.tab {
            DirectoryTab::Agencies => forms::agency_form(lang, None),
            DirectoryTab::People => forms::person_form(lang, &self.model.directory, None, None),
            DirectoryTab::Categories => forms::category_form(lang, None),
        };
        self.ui.modals.push(Modal::Form(form));
    }

    fn edit_in_directory(&mut self) {
        let lang = self.model.lang;
        let dir = &self.model.directory;
        let form = match self.model.directory_screen.selected_entry(dir) {
            Some(Entry::Agency(a)) => forms::agency_form(lang, Some(a)),
            Some(Entry::Person(p)) => {
                let invited = dir.invited_to(&p.id);
                forms::person_form(lang, dir, Some((p, &invited)), None)
            }
            Some(Entry::Category(c)) => forms::category_form(lang, Some(c)),
            None => return,
        };
        self.ui.modals.push(Modal::Form(form));
    }

    /// `a`: deactivates the selected agency or person (archives a category), or brings it back.
    fn toggle_active(&mut self) {
        let Some(entry) = self
            .model
            .directory_screen
            .selected_entry(&self.model.directory)
        else {
            return;
        };
        let (id, name, now) = (
            entry.id().clone(),
            entry.name().to_string(),
            entry.is_current(),
        );
        let done = match entry {
            Entry::Agency(_) => self.store.set_agency_active(&id, !now),
            Entry::Person(_) => self.store.set_person_active(&id, !now),
            Entry::Category(_) => self.store.set_category_archived(&id, now).map(drop),
        };
        match done {
            Ok(()) => {
                self.reload_directory();
                self.model.directory_screen.clamp(&self.model.directory);
                self.done(TuiMessage::Deactivated(&name, now));
            }
            Err(e) => self.fail(&e),
        }
    }

    /// `m` on an agency or a person: the picker of the one to merge it into.
    fn open_merge(&mut self) {
        let dir = &self.model.directory;
        let (person, id) = match self.model.directory_screen.selected_entry(dir) {
            Some(Entry::Agency(a)) => (false, a.id.clone()),
            Some(Entry::Person(p)) => (true, p.id.clone()),
            _ => return,
        };
        let form = forms::merge_form(self.model.lang, dir, person, &id);
        self.ui.modals.push(Modal::Form(form));
    }

    /// The one to keep is taken: asks, naming both, before merging.
    pub(super) fn ask_merge(
        &mut self,
        form: &Form,
        person: bool,
        duplicate: &Id,
    ) -> Result<Option<Message>, Refusal> {
        let keep = form
            .picker(FieldId::MergeInto)
            .and_then(|p| p.chosen_id().cloned())
            .ok_or_else(|| self.required(FieldId::MergeInto))?;
        let dir = &self.model.directory;
        let name = |id: &Id| -> String {
            if person {
                dir.person_name(id).to_string()
            } else {
                dir.agency(id).map_or(String::new(), |a| a.name.clone())
            }
        };
        let question = TuiMessage::MergeQuestion {
            duplicate: &name(duplicate),
            keep: &name(&keep),
        };
        self.ui.queued = Some(Modal::Confirm {
            question: Message::new(self.lang(), &question),
            yes: Pending::Merge {
                person,
                keep,
                duplicate: duplicate.clone(),
            },
        });
        Ok(None)
    }

    /// Merges, then says how many records moved.
    pub(super) fn merge(&mut self, person: bool, keep: &Id, duplicate: &Id) {
        let merged = if person {
            self.store.merge_people(keep, duplicate)
        } else {
            self.store.merge_agencies(keep, duplicate)
        };
        match merged {
            Ok(report) => {
                self.reload_directory();
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                let dir = &self.model.directory;
                self.model.directory_screen.select(keep, dir);
                let name = if person {
                    dir.person_name(keep).to_string()
                } else {
                    dir.agency(keep).map_or(String::new(), |a| a.name.clone())
                };
                self.done(TuiMessage::Merged(&name, report.total()));
            }
            Err(e) => self.fail(&e),
        }
    }

    fn move_category(&mut self, delta: i32) {
        let dir = &self.model.directory;
        let Some(Entry::Category(c)) = self.model.directory_screen.selected_entry(dir) else {
            return;
        };
        let id = c.id.clone();
        match self.store.move_category(&id, delta) {
            Ok(()) => {
                self.reload_directory();
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                let dir = &self.model.directory;
                self.model.directory_screen.select(&id, dir);
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn save_agency(
        &mut self,
        form: &Form,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let name = form.text(FieldId::AgencyName).to_string();
        if crate::domain::name_key(&name).is_empty() {
            return Err(self.required(FieldId::AgencyName));
        }
        let agency = Agency {
            id: editing.cloned().unwrap_or_else(Id::new),
            name: name.clone(),
            short_name: form.text(FieldId::AgencyShort).to_string(),
            name_en: form.text(FieldId::AgencyEn).to_string(),
            active: editing
                .and_then(|id| self.model.directory.agency(id))
                .is_none_or(|a| a.active),
        };
        let saved = match editing {
            Some(_) => self.store.update_agency(&agency),
            None => self.store.new_agency(&agency),
        };
        saved.map_err(|e| self.refused(&e))?;
        self.reload_directory();
        self.model
            .directory_screen
            .select(&agency.id, &self.model.directory);
        self.said(&TuiMessage::AgencySaved(&name))
    }

    pub(super) fn save_category(
        &mut self,
        form: &Form,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let name = form.text(FieldId::CategoryName).to_string();
        let saved = match editing {
            Some(id) => self.store.rename_category(id, &name),
            None => self.store.new_category(&name, None),
        };
        let c = saved.map_err(|e| self.refused(&e))?;
        self.reload_directory();
        self.model
            .directory_screen
            .select(&c.id, &self.model.directory);
        self.said(&TuiMessage::CategorySaved(&c.name))
    }
}
