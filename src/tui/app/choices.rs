//! Carrying out what was chosen in a menu or answered yes in a question: deletions, meeting
//! status, issue moves, a draft brought back. Each is one store call, committed before the status
//! line confirms it.

use crate::domain::{Id, MeetingStatus};
use crate::i18n::TuiMessage;
use crate::store::Draft;
use crate::tui::forms;
use crate::tui::ui::{Choice, Modal, Pending};

use super::App;

impl App {
    pub(super) fn delete_decision(&mut self, id: &Id) {
        match self
            .store
            .get_decision(id)
            .and_then(|d| self.store.delete_decision(id).map(|()| d))
        {
            Ok(d) => {
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                self.done(TuiMessage::DecisionDeleted(d.number));
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn delete_statement(&mut self, id: &Id) {
        match self.store.delete_statement(id) {
            Ok(()) => {
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                self.done(TuiMessage::StatementDeleted);
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn approve(&mut self, id: &Id) {
        self.meeting_change(|app| app.store.set_meeting_status(id, MeetingStatus::Approved));
    }

    /// One change of the open meeting's status, then its new status in the status line.
    pub(super) fn meeting_change(
        &mut self,
        f: impl FnOnce(&mut App) -> Result<crate::domain::Meeting, crate::store::StoreError>,
    ) {
        match f(self) {
            Ok(m) => {
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                let label = self.lang().status(m.status);
                self.done(TuiMessage::MeetingStatus(label));
                if m.status == crate::domain::MeetingStatus::InProgress {
                    self.back_up_in_background();
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn run_choice(&mut self, choice: Choice) {
        let lang = self.lang();
        match choice {
            // A decision's or an issue's own choices need no open room: the review opened from
            // the meetings screen offers them too.
            Choice::IssueStatus(issue, to) => match self.store.set_issue_status(&issue, to) {
                Ok(_) => {
                    if let Err(e) = self.after_change() {
                        self.fail(&e);
                    }
                    self.done(TuiMessage::IssueSaved);
                }
                Err(e) => self.fail(&e),
            },
            Choice::FollowUp(decision, number, status) => {
                let form = forms::follow_up_form(lang, &decision, number, status);
                self.ui.modals.push(Modal::Form(form));
            }
            meeting_choice => self.run_meeting_choice(meeting_choice),
        }
    }

    /// A choice about the open room's meeting: its status, approval, details, an amendment.
    fn run_meeting_choice(&mut self, choice: Choice) {
        let Some(meeting) = self.model.room.as_ref().map(|r| r.meeting.id.clone()) else {
            return;
        };
        let now = self.model.now;
        let lang = self.lang();
        match choice {
            Choice::StartMeeting => self.ask_to_start(&meeting),
            Choice::ReopenMeeting => {
                self.meeting_change(|app| app.store.start_meeting(&meeting, now))
            }
            Choice::CloseMeeting => {
                self.meeting_change(|app| app.store.close_meeting(&meeting, now))
            }
            Choice::ApproveMeeting => {
                let question = crate::i18n::Message::fixed(lang, |s| s.tui.approve_question);
                self.ui.modals.push(Modal::Confirm {
                    question,
                    yes: Pending::ApproveMeeting(meeting),
                });
            }
            Choice::EditMeeting => self.open_edit_meeting_form(&meeting),
            Choice::AmendMeeting => {
                if let Some(room) = &self.model.room {
                    let form = forms::amend_what_form(lang, &self.model.directory, room);
                    self.ui.modals.push(Modal::Form(form));
                }
            }
            Choice::IssueStatus(..) | Choice::FollowUp(..) => self.run_choice(choice),
        }
    }

    /// Opens the form a draft belongs to (in its meeting's room) with what was typed.
    pub(super) fn restore_draft(&mut self, draft: &Draft) {
        let body: serde_json::Value = serde_json::from_str(&draft.body).unwrap_or_default();
        let mut parts = draft.key.split(':');
        let kind = parts.next().unwrap_or_default();
        let meeting = parts.next().map(Id::from_string);
        if let Some(m) = &meeting
            && matches!(
                kind,
                "decision"
                    | "statement"
                    | "issue"
                    | "amendment"
                    | "amend_decision"
                    | "amend_attendance"
                    | "guest"
            )
            && let Err(e) = self.open_room(m)
        {
            self.fail(&e);
            return;
        }
        let editing = parts.next().map(Id::from_string);
        let lang = self.lang();
        let dir = &self.model.directory;
        let form = match (kind, &self.model.room) {
            ("decision", Some(room)) => {
                let d = editing.and_then(|id| self.store.get_decision(&id).ok());
                Some(forms::decision_form(lang, dir, room, None, d.as_ref()))
            }
            ("statement", Some(room)) => {
                let st =
                    editing.and_then(|id| room.statements.iter().find(|s| s.id == id).cloned());
                Some(forms::statement_form(lang, dir, room, None, st.as_ref()))
            }
            ("issue", Some(room)) => {
                let i = editing.and_then(|id| self.store.get_issue(&id).ok());
                Some(forms::issue_form(lang, dir, room, i.as_ref(), None))
            }
            ("amendment", Some(room)) => Some(forms::amendment_form(lang, &room.meeting.id)),
            ("amend_decision", Some(room)) => editing
                .and_then(|id| room.decisions.iter().find(|d| d.id == id))
                .map(|d| forms::amend_decision_form(lang, dir, &room.meeting.id, d)),
            ("amend_attendance", Some(room)) => {
                editing.map(|person| forms::amend_attendance_form(lang, dir, room, &person))
            }
            // `series:<id>`: the id stands where a meeting's would.
            ("series", _) => match &meeting {
                None => Some(forms::series_form(lang, dir, None)),
                Some(id) => dir
                    .series
                    .iter()
                    .find(|s| &s.id == id)
                    .map(|s| forms::series_form(lang, dir, Some(s))),
            },
            ("meeting", _) => {
                let series = meeting.clone().unwrap_or_else(|| Id::from_string(""));
                let made = match &editing {
                    Some(m) => self.edit_meeting_form(m),
                    None => self.next_meeting_form(&series),
                };
                made.ok().flatten()
            }
            ("guest", Some(room)) => {
                Some(forms::person_form(lang, dir, None, Some(&room.meeting.id)))
            }
            // `person:<id>`: the id stands where a meeting's would.
            ("person", _) => match &meeting {
                None => Some(forms::person_form(lang, dir, None, None)),
                Some(id) => dir.person(id).map(|p| {
                    let invited: Vec<Id> = self
                        .store
                        .invitations()
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|(_, person)| person == id)
                        .map(|(series, _)| series)
                        .collect();
                    forms::person_form(lang, dir, Some((p, &invited)), None)
                }),
            },
            _ => None,
        };
        match form {
            Some(mut form) => {
                form.restore(&body);
                // What the draft was typed against is not known: the record as it is now.
                if form.version.is_none()
                    && let Some((record, id)) = form.kind.edits()
                {
                    form.version = self.version_for_edit(record, id);
                }
                if form.kind.draft_key() != draft.key
                    && let Err(e) = self.store.delete_draft(&draft.key)
                {
                    self.fail(&e);
                }
                self.ui.modals.push(Modal::Form(form));
            }
            None => {
                if let Err(e) = self.store.delete_draft(&draft.key) {
                    self.fail(&e);
                }
            }
        }
    }
}
