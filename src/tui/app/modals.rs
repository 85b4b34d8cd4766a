//! Keys in a modal: forms, questions, menus, attendance and help.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::{Attendance, AttendanceState, Id};
use crate::i18n::TuiMessage;
use crate::tui::action::Action;
use crate::tui::forms::{self, Creates, Enter};
use crate::tui::ui::{Modal, Pending};

use super::App;
use crate::export_file::Replace;

impl App {
    /// The help over whatever is open: a dialog's keys first, then the screen's.
    pub(super) fn open_help(&mut self) {
        let dialog = self.ui.top().map(crate::tui::mode::modal_mode);
        let screen = crate::tui::mode::screen_mode(self.model.screen);
        self.ui.modals.push(Modal::Help {
            scroll: 0,
            dialog,
            screen,
        });
    }

    pub(super) fn apply_modal(&mut self, action: Action) {
        if action == Action::Help
            && matches!(
                self.ui.top(),
                Some(
                    Modal::Form(_)
                        | Modal::Confirm { .. }
                        | Modal::Menu(_)
                        | Modal::Attendance { .. }
                )
            )
        {
            return self.open_help();
        }
        match self.ui.top_mut() {
            Some(Modal::Form(_)) => self.apply_form(action),
            Some(Modal::Confirm { .. }) => self.apply_confirm(action),
            Some(Modal::Menu(_)) => self.apply_menu(action),
            Some(Modal::Attendance { .. }) => self.apply_attendance(action),
            Some(Modal::Help { scroll, .. } | Modal::History { scroll, .. }) => match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll += 1,
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::PageDown => *scroll += 10,
                Action::Back | Action::Quit | Action::Help | Action::History | Action::Select => {
                    self.ui.modals.pop();
                }
                _ => {}
            },
            None => {}
        }
    }

    fn apply_form(&mut self, action: Action) {
        let Some(form) = self.ui.form_mut() else {
            return;
        };
        match action {
            Action::Input(key) => form.key(&key),
            Action::Zwnj => form.insert("\u{200C}"),
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            // Enter runs a one-line form (the review's filter, the export's file name).
            Action::Select if !form.is_picking() && form.kind.saves_on_enter() => {
                self.save_form();
            }
            // In a picker Up, Down and Enter choose; in a text field they move and break lines.
            Action::Up | Action::Down | Action::Select if !form.is_picking() => {
                let code = match action {
                    Action::Up => KeyCode::Up,
                    Action::Down => KeyCode::Down,
                    _ => KeyCode::Enter,
                };
                form.key(&KeyEvent::new(code, KeyModifiers::NONE));
            }
            Action::Up => form.move_highlight(-1),
            Action::Down => form.move_highlight(1),
            Action::PageUp => form.move_highlight(-5),
            Action::PageDown => form.move_highlight(5),
            Action::Select => match form.focused().and_then(|f| f.picker()).map(|p| p.enter()) {
                Some(Enter::Add(name, what)) => self.create_from_picker(&name, what),
                _ => {
                    form.take();
                    if form.kind.saves_on_take() {
                        self.save_form();
                    }
                }
            },
            Action::Save => self.save_form(),
            Action::Back | Action::Quit => {
                if form.holds_typed_text() {
                    let question =
                        crate::i18n::Message::fixed(self.model.lang, |s| s.tui.discard_question);
                    self.ui.modals.push(Modal::Confirm {
                        question,
                        yes: Pending::DiscardForm,
                    });
                } else {
                    self.close_form();
                }
            }
            _ => {}
        }
    }

    /// Enter on a new name in a picker: a new agency, person or category named as typed,
    /// added to the directory (one commit) and taken.
    fn create_from_picker(&mut self, typed: &str, what: Creates) {
        let name = crate::text::sanitize(typed.trim()).into_owned();
        if name.is_empty() {
            return;
        }
        let added = match what {
            Creates::Agency => {
                let agency = crate::domain::Agency {
                    id: Id::new(),
                    name: name.clone(),
                    name_en: String::new(),
                    short_name: String::new(),
                    active: true,
                };
                self.store.new_agency(&agency).map(|()| agency.id)
            }
            Creates::Person => {
                let person = crate::domain::Person {
                    id: Id::new(),
                    name: name.clone(),
                    title: String::new(),
                    agency: None,
                    active: true,
                };
                self.store.add_person(&person).map(|()| person.id)
            }
            Creates::Category => self.store.new_category(&name, None).map(|c| c.id),
        };
        let new_id = match added {
            Ok(id) => id,
            Err(e) => {
                self.fail(&e);
                return;
            }
        };
        match super::super::model::Directory::load(&self.store) {
            Ok(d) => self.model.directory = d,
            Err(e) => self.fail(&e),
        }
        let Some(form) = self.ui.form_mut() else {
            return;
        };
        let mut multi = false;
        if let Some(p) = form.focused_mut().and_then(|f| f.picker_mut()) {
            multi = p.is_multi();
            p.add_and_take(forms::PickOption::new(Some(new_id), &name, "", &[]));
        }
        form.unsaved = true;
        form.touched = true;
        if form.kind.saves_on_take() {
            self.save_form();
        } else if !multi {
            form.next_field();
        }
    }

    /// Closes the form on top and forgets its draft.
    pub(super) fn close_form(&mut self) {
        if let Some(Modal::Form(form)) = self.ui.modals.pop()
            && let Err(e) = self.store.delete_draft(&form.kind.draft_key())
        {
            self.fail(&e);
        }
    }

    fn apply_confirm(&mut self, action: Action) {
        // Yes, no, or (Esc) neither: a question with a third way says so.
        let (answer, declined) = match action {
            Action::Yes => (true, false),
            Action::No => (false, true),
            Action::Back | Action::Quit => (false, false),
            _ => return,
        };
        let Some(Modal::Confirm { yes, .. }) = self.ui.modals.pop() else {
            return;
        };
        match (answer, yes) {
            (true, Pending::StartMeeting(id)) => self.start_meeting(&id, true),
            (
                true,
                Pending::Merge {
                    person,
                    keep,
                    duplicate,
                },
            ) => self.merge(person, &keep, &duplicate),
            (false, Pending::StartMeeting(id)) if declined => self.start_meeting(&id, false),
            (true, Pending::DiscardForm) => self.close_form(),
            (true, Pending::ReplaceExport) => self.save_form_with(Replace::Allowed),
            (true, Pending::DeleteDecision(id)) => self.delete_decision(&id),
            (true, Pending::DeleteStatement(id)) => self.delete_statement(&id),
            (true, Pending::ApproveMeeting(id)) => self.approve(&id),
            (true, Pending::RestoreDraft(draft)) => self.restore_draft(&draft),
            (false, Pending::RestoreDraft(draft)) => {
                if let Err(e) = self.store.delete_draft(&draft.key) {
                    self.fail(&e);
                }
            }
            (false, _) => {}
        }
    }

    fn apply_menu(&mut self, action: Action) {
        let Some(Modal::Menu(menu)) = self.ui.top_mut() else {
            return;
        };
        match action {
            Action::Up => menu.selected = menu.selected.saturating_sub(1),
            Action::Down => {
                menu.selected = (menu.selected + 1).min(menu.items.len().saturating_sub(1))
            }
            Action::GotoTab(n) => {
                let i = usize::from(n.saturating_sub(1));
                if i < menu.items.len() {
                    menu.selected = i;
                    self.choose();
                }
            }
            Action::Select => self.choose(),
            Action::Back | Action::Quit => {
                self.ui.modals.pop();
            }
            _ => {}
        }
    }

    fn choose(&mut self) {
        let Some(Modal::Menu(menu)) = self.ui.modals.pop() else {
            return;
        };
        if let Some((_, choice)) = menu.items.get(menu.selected) {
            self.run_choice(choice.clone());
        }
    }

    fn apply_attendance(&mut self, action: Action) {
        let Some(room) = &self.model.room else { return };
        let people = room.expected_people(&self.model.directory);
        let Some(Modal::Attendance { selected }) = self.ui.top_mut() else {
            return;
        };
        let person = people.get(*selected).cloned();
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(people.len().saturating_sub(1)),
            Action::PageUp => *selected = selected.saturating_sub(10),
            Action::PageDown => *selected = (*selected + 10).min(people.len().saturating_sub(1)),
            Action::Back | Action::Quit | Action::Attendance => {
                self.ui.modals.pop();
            }
            Action::MarkPresent | Action::MarkAbsent | Action::MarkExcused => {
                let state = match action {
                    Action::MarkPresent => AttendanceState::Present,
                    Action::MarkAbsent => AttendanceState::Absent,
                    _ => AttendanceState::Excused,
                };
                if let Some(person) = person {
                    self.set_attendance(&person, state, None);
                }
            }
            Action::AddGuest => {
                let meeting = self.model.room.as_ref().map(|r| r.meeting.id.clone());
                let form = forms::person_form(
                    self.model.lang,
                    &self.model.directory,
                    None,
                    meeting.as_ref(),
                );
                self.ui.modals.push(Modal::Form(form));
            }
            Action::MarkSubstitute | Action::EditReason => {
                if let Some(person) = person {
                    self.attendance_form(&person, action == Action::MarkSubstitute);
                }
            }
            _ => {}
        }
    }

    /// The form for whom a substitute stands in for, or for the reason of an absence.
    fn attendance_form(&mut self, person: &Id, substitute: bool) {
        let lang = self.model.lang;
        let form = if substitute {
            forms::substitute_form(lang, &self.model.directory, person)
        } else {
            let reason = self
                .model
                .room
                .as_ref()
                .and_then(|r| r.attendance_of(person))
                .map(|a| a.reason.clone())
                .unwrap_or_default();
            forms::reason_form(lang, person, &reason)
        };
        self.ui.modals.push(Modal::Form(form));
    }

    /// Records one person's attendance, keeping their reason unless a new one is given.
    pub(super) fn set_attendance(
        &mut self,
        person: &Id,
        state: AttendanceState,
        substitute_for: Option<Id>,
    ) {
        let Some(room) = &self.model.room else { return };
        let existing = room.attendance_of(person);
        let record = Attendance {
            id: existing.map_or_else(Id::new, |a| a.id.clone()),
            meeting: room.meeting.id.clone(),
            person: person.clone(),
            state,
            substitute_for,
            reason: existing.map(|a| a.reason.clone()).unwrap_or_default(),
        };
        self.commit_attendance(&record);
    }

    pub(super) fn commit_attendance(&mut self, record: &Attendance) {
        match self.store.set_attendance(record) {
            Ok(_) => {
                let name = self.model.directory.person_name(&record.person).to_string();
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                self.done(TuiMessage::AttendanceSaved(&name));
            }
            Err(e) => self.fail(&e),
        }
    }
}
