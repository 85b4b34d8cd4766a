//! Keys on the screens themselves (no modal open): moving, switching tabs, opening forms and
//! menus, undo.

use crate::domain::MeetingStatus;
use crate::i18n::{TuiMessage, action_name};
use crate::store::Record;
use crate::tui::action::Action;
use crate::tui::forms;
use crate::tui::model::{DetailItem, Directory, Focus, Screen};
use crate::tui::ui::{Choice, Menu, Modal, Pending};

use super::App;

impl App {
    pub(super) fn apply_screen(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit(),
            Action::Help => self.open_help(),
            Action::Undo => self.undo(),
            Action::Review if !matches!(self.model.screen, Screen::Welcome | Screen::Review) => {
                self.open_review();
            }
            Action::Search if self.model.screen != Screen::Welcome => self.open_search(),
            Action::History if matches!(self.model.screen, Screen::Room | Screen::Review) => {
                self.open_history();
            }
            _ => match self.model.screen {
                Screen::Welcome => self.apply_welcome(action),
                Screen::Meetings => self.apply_meetings(action),
                Screen::Room => self.apply_room(action),
                Screen::Review => self.apply_review(action),
                Screen::Search => self.apply_search(action),
                Screen::Directory => self.apply_directory(action),
            },
        }
    }

    fn apply_welcome(&mut self, action: Action) {
        match action {
            Action::NewSeries | Action::NewMeeting => self.open_series_form(false),
            Action::LoadDemo => self.load_demo(),
            _ => {}
        }
    }

    fn apply_meetings(&mut self, action: Action) {
        let m = &mut self.model.meetings;
        match action {
            Action::Up => m.move_by(-1),
            Action::Down => m.move_by(1),
            Action::PageUp => m.move_by(-10),
            Action::PageDown => m.move_by(10),
            Action::Home => m.move_by(isize::MIN / 2),
            Action::End => m.move_by(isize::MAX / 2),
            Action::Select => {
                if let Some(id) = m.selected().map(|r| r.meeting.id.clone())
                    && let Err(e) = self.open_room(&id)
                {
                    self.fail(&e);
                }
            }
            Action::NewMeeting => {
                if let Some(series) = m.selected_series().map(|s| s.id.clone()) {
                    self.open_next_meeting_form(&series);
                }
            }
            Action::Edit => match m.selected().map(|r| r.meeting.id.clone()) {
                Some(id) => self.open_edit_meeting_form(&id),
                None => self.open_series_form(true),
            },
            Action::Archive => self.toggle_series_archived(),
            Action::Directory => self.open_directory(),
            Action::ToggleArchived => m.toggle_archived(),
            Action::MeetingStatus => {
                if let Some(id) = m.selected().map(|r| r.meeting.id.clone()) {
                    match self.open_room(&id) {
                        Ok(()) => self.open_status_menu(),
                        Err(e) => self.fail(&e),
                    }
                }
            }
            Action::NewSeries => self.open_series_form(false),
            Action::Export => {
                if let Some(id) = m.selected().map(|r| r.meeting.id.clone()) {
                    self.open_export(&id);
                }
            }
            Action::Back if self.model.room.is_some() => self.model.screen = Screen::Room,
            _ => {}
        }
    }

    fn apply_room(&mut self, action: Action) {
        let Some(room) = &mut self.model.room else {
            self.model.screen = Screen::Meetings;
            return;
        };
        let dir = &self.model.directory;
        let moved = match action {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::PageUp => Some(-10),
            Action::PageDown => Some(10),
            Action::Home => Some(isize::MIN / 2),
            Action::End => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(delta) = moved {
            let list = room.focus == Focus::List;
            room.move_selection(delta, dir);
            if list {
                self.detail_changed();
            }
            return;
        }
        match action {
            Action::NextPane | Action::PrevPane | Action::Left | Action::Right => {
                room.focus = match room.focus {
                    Focus::List if !room.detail.items().is_empty() => Focus::Detail,
                    _ => Focus::List,
                };
            }
            Action::NextTab => {
                let next = (room.tab + 1) % room.tabs.len().max(1);
                room.set_tab(next);
                self.detail_changed();
            }
            Action::PrevTab => {
                let n = room.tabs.len().max(1);
                room.set_tab((room.tab + n - 1) % n);
                self.detail_changed();
            }
            Action::GotoTab(n) => {
                room.set_tab(usize::from(n.saturating_sub(1)));
                self.detail_changed();
            }
            Action::ToggleResolved => {
                room.show_resolved = !room.show_resolved;
                room.selected = 0;
                self.detail_changed();
            }
            Action::Back => {
                if room.focus == Focus::Detail {
                    room.focus = Focus::List;
                } else {
                    self.show_meetings();
                }
            }
            Action::NewDecision => self.open_decision_form(None),
            Action::NewStatement => self.open_statement_form(None),
            Action::NewIssue => self.open_issue_form(false),
            Action::Edit => self.edit_selected(),
            Action::Delete => self.delete_selected(),
            Action::Attendance if self.writable() => {
                self.ui.modals.push(Modal::Attendance { selected: 0 });
            }
            Action::MeetingStatus => self.open_status_menu(),
            Action::IssueStatus => self.open_issue_status_menu(),
            Action::MoveIssue => self.open_move_issue_form(),
            Action::Directory => self.open_directory(),
            Action::FollowUp => self.open_follow_up_menu(),
            Action::Export => {
                if let Some(id) = self.model.room.as_ref().map(|r| r.meeting.id.clone()) {
                    self.open_export(&id);
                }
            }
            _ => {}
        }
    }

    /// After the list selection changed: load the detail pane for it.
    fn detail_changed(&mut self) {
        if let Some(room) = &mut self.model.room {
            room.detail.selected = 0;
        }
        if let Err(e) = self.refresh_detail() {
            self.fail(&e);
        }
    }

    /// Whether the open meeting may be changed; says why not when it may not.
    pub(super) fn writable(&mut self) -> bool {
        let approved = self
            .model
            .room
            .as_ref()
            .is_some_and(|r| r.meeting.status == MeetingStatus::Approved);
        if approved {
            let msg = crate::i18n::Message::fixed(self.model.lang, |s| s.tui.read_only);
            self.model.flash_error(msg);
        }
        !approved
    }

    fn undo(&mut self) {
        match self.store.undo_last() {
            Ok(Some(undone)) => {
                let what = action_name(self.model.lang, undone.action);
                let reloaded = Directory::load(&self.store).map(|d| self.model.directory = d);
                if let Err(e) = reloaded.and_then(|()| self.after_change()) {
                    self.fail(&e);
                }
                self.stay_on(&undone.restored);
                self.done(TuiMessage::Undone(what));
            }
            Ok(None) => self.done(TuiMessage::NothingToUndo),
            Err(e @ crate::store::StoreError::ChangedSince { .. }) => {
                // Show what the other hamyar made of it, then say why nothing was undone.
                if let Err(reload) = self.after_change() {
                    self.fail(&reload);
                }
                self.fail(&e);
            }
            Err(e) => self.fail(&e),
        }
    }

    /// `l` on the welcome: the demo in a temporary file of its own, never in the user's
    /// database (which stays empty); on its live day, as `--demo` runs it. It goes at exit.
    fn load_demo(&mut self) {
        match open_demo() {
            Ok((dir, store)) => {
                self.clock = store.clock().clone();
                self.store = store;
                self.demo_dir = Some(dir);
                self.model.today = self.clock.today();
                self.model.now = self.clock.time_of_day();
                let started = self
                    .store
                    .data_version()
                    .map(|v| self.data_version = v)
                    .and_then(|()| self.reload())
                    .and_then(|()| self.go_to_start());
                if let Err(e) = started {
                    self.fail(&e);
                }
                self.load_review_in_background();
                self.done(TuiMessage::DemoLoaded);
            }
            Err(e) => {
                let text = crate::i18n::Message::new(self.model.lang, &e);
                self.model.flash_error(text);
            }
        }
    }

    pub(super) fn open_decision_form(&mut self, editing: Option<crate::domain::Decision>) {
        if !self.writable() {
            return;
        }
        // The version first, then the decision as it is now (see `versions`).
        let version = editing
            .as_ref()
            .and_then(|d| self.version_for_edit(Record::Decision, &d.id));
        let editing = editing.map(|d| self.store.get_decision(&d.id).unwrap_or(d));
        let Some(room) = &self.model.room else { return };
        let dir = &self.model.directory;
        let issue = room.selected_issue(dir).map(|i| i.id.clone()).or_else(|| {
            room.selected_review(dir)
                .and_then(|r| r.decision.issue.clone())
        });
        let mut form =
            forms::decision_form(self.model.lang, dir, room, issue.as_ref(), editing.as_ref());
        form.version = version;
        self.ui.modals.push(Modal::Form(form));
    }

    /// The amendment of a decision of approved minutes, opened as every edit is: the version
    /// first, then the decision as it is now (the room's copy may be older).
    pub(super) fn amend_decision_form(
        &self,
        meeting: &crate::domain::Id,
        d: crate::domain::Decision,
    ) -> crate::tui::forms::Form {
        let version = self.version_for_edit(Record::Decision, &d.id);
        let d = self.store.get_decision(&d.id).unwrap_or(d);
        let mut form =
            forms::amend_decision_form(self.model.lang, &self.model.directory, meeting, &d);
        form.version = version;
        form
    }

    pub(super) fn open_statement_form(&mut self, editing: Option<crate::domain::Statement>) {
        if !self.writable() {
            return;
        }
        let version = editing
            .as_ref()
            .and_then(|s| self.version_for_edit(Record::Statement, &s.id));
        let editing = editing.map(|s| self.store.get_statement(&s.id).unwrap_or(s));
        let Some(room) = &self.model.room else { return };
        let dir = &self.model.directory;
        let issue = room.selected_issue(dir).map(|i| i.id.clone());
        let mut form =
            forms::statement_form(self.model.lang, dir, room, issue.as_ref(), editing.as_ref());
        form.version = version;
        self.ui.modals.push(Modal::Form(form));
    }

    fn open_issue_form(&mut self, edit: bool) {
        if !self.writable() {
            return;
        }
        let Some(room) = &self.model.room else { return };
        let dir = &self.model.directory;
        let editing = edit.then(|| room.selected_issue(dir)).flatten().cloned();
        let version = editing
            .as_ref()
            .and_then(|i| self.version_for_edit(Record::Issue, &i.id));
        let editing = editing.map(|i| self.store.get_issue(&i.id).unwrap_or(i));
        let category = match room.current_tab() {
            crate::tui::model::TabKind::Category(c) => Some(c),
            _ => None,
        };
        let mut form = forms::issue_form(self.model.lang, dir, room, editing.as_ref(), category);
        form.version = version;
        self.ui.modals.push(Modal::Form(form));
    }

    /// `e`: the selected decision or statement in the detail pane, else the selected issue.
    fn edit_selected(&mut self) {
        let Some(room) = &self.model.room else { return };
        match room.selected_detail() {
            // A decision of approved minutes changes by an amendment, which `e` opens.
            Some(DetailItem::Decision(id))
                if room.meeting.status == MeetingStatus::Approved
                    && room.decisions.iter().any(|d| d.id == id) =>
            {
                if let Some(d) = room.decisions.iter().find(|d| d.id == id) {
                    let (meeting, d) = (room.meeting.id.clone(), d.clone());
                    let form = self.amend_decision_form(&meeting, d);
                    self.ui.modals.push(Modal::Form(form));
                }
            }
            Some(DetailItem::Decision(id)) => {
                let d = room
                    .detail
                    .history
                    .decisions
                    .iter()
                    .find(|d| d.id == id)
                    .cloned();
                self.open_decision_form(d);
            }
            Some(DetailItem::Statement(id)) => {
                let s = room
                    .detail
                    .history
                    .statements
                    .iter()
                    .find(|s| s.id == id)
                    .cloned();
                self.open_statement_form(s);
            }
            // A meeting with no issue yet (just scheduled): its own details.
            None if room.selected_issue(&self.model.directory).is_none() => {
                let id = room.meeting.id.clone();
                self.open_edit_meeting_form(&id);
            }
            None => self.open_issue_form(true),
        }
    }

    fn delete_selected(&mut self) {
        if !self.writable() {
            return;
        }
        let Some(room) = &self.model.room else { return };
        let s = self.model.lang.strings().tui;
        let (what, yes) = match room.selected_detail() {
            Some(DetailItem::Decision(id)) => {
                let n = room.detail.history.decisions.iter().find(|d| d.id == id);
                let n = n
                    .map(|d| self.model.lang.decision_number(d.number))
                    .unwrap_or_default();
                (
                    format!("{} {n}", s.decision_noun),
                    Pending::DeleteDecision(id),
                )
            }
            Some(DetailItem::Statement(id)) => {
                (s.statement_noun.to_string(), Pending::DeleteStatement(id))
            }
            None => return,
        };
        let question =
            crate::i18n::Message::new(self.model.lang, &TuiMessage::DeleteQuestion(&what));
        self.ui.modals.push(Modal::Confirm { question, yes });
    }

    pub(super) fn open_status_menu(&mut self) {
        let Some(room) = &self.model.room else { return };
        let s = self.model.lang.strings().tui;
        let mut items: Vec<(String, Choice)> = match room.meeting.status {
            MeetingStatus::Draft => vec![(s.start_meeting.into(), Choice::StartMeeting)],
            MeetingStatus::InProgress => vec![(s.close_meeting.into(), Choice::CloseMeeting)],
            MeetingStatus::Closed => vec![
                (s.approve_meeting.into(), Choice::ApproveMeeting),
                (s.reopen_meeting.into(), Choice::ReopenMeeting),
            ],
            MeetingStatus::Approved => vec![(s.amend_meeting.into(), Choice::AmendMeeting)],
        };
        if room.meeting.status != MeetingStatus::Approved {
            items.push((s.edit_meeting.into(), Choice::EditMeeting));
        }
        self.push_menu(s.status_title, items);
    }

    fn open_issue_status_menu(&mut self) {
        if !self.writable() {
            return;
        }
        let Some(room) = &self.model.room else { return };
        let Some(issue) = room.selected_issue(&self.model.directory) else {
            return;
        };
        let lang = self.model.lang;
        let items = crate::domain::IssueStatus::ALL
            .iter()
            .filter(|to| issue.status.transition(**to).is_ok())
            .map(|to| {
                (
                    lang.status(*to).to_string(),
                    Choice::IssueStatus(issue.id.clone(), *to),
                )
            })
            .collect();
        self.push_menu(lang.strings().tui.issue_status_title, items);
    }

    /// `c`: a picker of the other categories; a name typed that none bears becomes a new one.
    fn open_move_issue_form(&mut self) {
        if !self.writable() {
            return;
        }
        let Some(room) = &self.model.room else { return };
        let dir = &self.model.directory;
        let Some(issue) = room.selected_issue(dir) else {
            return;
        };
        let mut form = forms::move_issue_form(self.model.lang, dir, issue);
        form.version = self.version_for_edit(Record::Issue, &issue.id);
        self.ui.modals.push(Modal::Form(form));
    }

    /// `f` on a decision to review (or in the detail pane): its allowed next statuses.
    fn open_follow_up_menu(&mut self) {
        let Some(room) = &self.model.room else { return };
        let decision = match room.selected_detail() {
            Some(DetailItem::Decision(id)) => {
                room.detail.history.decisions.iter().find(|d| d.id == id)
            }
            _ => room
                .selected_review(&self.model.directory)
                .map(|r| &r.decision),
        };
        let Some(d) = decision.cloned() else { return };
        self.open_follow_up_menu_for(&d);
    }

    /// The statuses a decision may move to, to record a follow-up.
    pub(super) fn open_follow_up_menu_for(&mut self, d: &crate::domain::Decision) {
        let lang = self.model.lang;
        let items = crate::domain::DecisionStatus::ALL
            .iter()
            .filter(|to| d.status.transition(**to).is_ok())
            .map(|to| {
                (
                    lang.status(*to).to_string(),
                    Choice::FollowUp(d.id.clone(), d.number, *to),
                )
            })
            .collect();
        self.push_menu(lang.strings().tui.follow_up_title, items);
    }

    /// The export screen for a meeting's minutes, with their preview.
    pub(super) fn open_export(&mut self, meeting: &crate::domain::Id) {
        // The preview shows what is written: the config's letterhead and organisation.
        match self.exports.minutes(&self.store, meeting, self.model.lang) {
            Ok(minutes) => {
                let preview = crate::export::preview(&minutes);
                let form =
                    forms::export_form(self.model.lang, meeting, minutes.file_stem(), preview);
                self.ui.modals.push(Modal::Form(form));
            }
            Err(e) => {
                let text = crate::i18n::Message::new(self.model.lang, &e);
                self.model.flash_error(text);
            }
        }
    }

    fn push_menu(&mut self, title: &str, items: Vec<(String, Choice)>) {
        if !items.is_empty() {
            self.ui.modals.push(Modal::Menu(Menu {
                title: title.to_string(),
                items,
                selected: 0,
            }));
        }
    }
}

/// The Kerman demo written into a new temporary folder, and a store on it dated on the day
/// of its live meeting.
fn open_demo() -> Result<(tempfile::TempDir, crate::store::Store), crate::demo::WriteDemoError> {
    use crate::demo::{DemoData, WriteDemoError};
    use crate::store::{Store, StoreError};
    let demo = DemoData::kerman()?;
    let day = demo.today()?;
    let dir = tempfile::Builder::new()
        .prefix("hamyar-demo-")
        .tempdir()
        .map_err(|error| {
            WriteDemoError::from(StoreError::Io {
                path: std::env::temp_dir(),
                error,
            })
        })?;
    let db = dir.path().join("demo.db");
    let clock: std::sync::Arc<dyn crate::domain::Clock> =
        std::sync::Arc::new(crate::domain::FixedClock(day));
    let mut store = Store::open(&db, clock)?;
    demo.write_into(&mut store)?;
    Ok((dir, store))
}
