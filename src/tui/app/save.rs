//! Saving forms: each is one store call, committed before the form closes and the status line
//! confirms it.

use std::path::{Path, PathBuf};

use crate::domain::{
    AttendanceAmendment, AttendanceState, Correction, Decision, DecisionAmendment, DecisionStatus,
    Id, Issue, IssueStatus, MonthCalendar, Statement, parse_due,
};
use crate::export_file::{self, Replace};
use crate::i18n::{Lang, Localized, Message, NotWritten, TuiMessage, field_label};
use crate::store::{DecisionEdit, IssueEdit, NewDecision, Record};
use crate::tui::forms::{self, FieldId, Form, FormKind};
use crate::tui::ui::{Modal, Pending};

use super::App;

/// Why a form cannot be saved yet: shown in the form, which stays open.
pub(super) struct Refusal(pub(super) Message);

impl App {
    pub(super) fn save_form(&mut self) {
        self.save_form_with(Replace::Never);
    }

    /// Saves the form on top; an export replaces a file of its name only if `replace` allows
    /// it (the secretary said yes), and otherwise asks first.
    pub(super) fn save_form_with(&mut self, replace: Replace) {
        let Some(form) = self.ui.form_mut() else {
            return;
        };
        let form = form.clone();
        if replace == Replace::Never && self.ask_before_replacing(&form) {
            return;
        }
        let result = match &form.kind {
            FormKind::Decision { meeting, editing } => {
                self.save_decision(&form, meeting, editing.as_ref())
            }
            FormKind::Statement { meeting, editing } => {
                self.save_statement(&form, meeting, editing.as_ref())
            }
            FormKind::Issue { meeting, editing } => {
                self.save_issue(&form, meeting, editing.as_ref())
            }
            FormKind::Series { editing } => self.save_series(&form, editing.as_ref()),
            FormKind::Amendment { meeting } => self.save_amendment(&form, meeting),
            FormKind::AmendWhat { meeting } => self.open_amendment(&form, meeting),
            FormKind::AmendDecision {
                meeting, decision, ..
            } => self.save_amend_decision(&form, meeting, decision),
            FormKind::AmendAttendance { meeting, person } => {
                self.save_amend_attendance(&form, meeting, person)
            }
            FormKind::AttendanceReason { person } => self.save_reason(&form, person),
            FormKind::Substitute { person } => self.save_substitute(&form, person),
            FormKind::FollowUp {
                decision, status, ..
            } => self.save_follow_up(&form, decision, *status),
            FormKind::Export { meeting, stem, .. } => {
                self.save_export(&form, meeting, stem, replace)
            }
            FormKind::MoveIssue { issue } => self.save_move_issue(&form, issue),
            FormKind::Meeting { series, editing } => {
                self.save_meeting(&form, series, editing.as_ref())
            }
            FormKind::Agency { editing } => self.save_agency(&form, editing.as_ref()),
            FormKind::Category { editing } => self.save_category(&form, editing.as_ref()),
            FormKind::Merge { person, duplicate } => self.ask_merge(&form, *person, duplicate),
            FormKind::DirectoryFilter => {
                self.model.directory_screen.filter = form.text(FieldId::DirectoryFilter).into();
                self.model.directory_screen.selected = 0;
                Ok(None)
            }
            FormKind::Person { editing, guest_at } => {
                self.save_person(&form, editing.as_ref(), guest_at.as_ref())
            }
            FormKind::ReviewFilter => {
                if self.review_loader.is_some() {
                    self.poll_review(true);
                }
                self.apply_filter_line(form.text(FieldId::Filter))
                    .map(|()| None)
                    .map_err(Refusal)
            }
        };
        match result {
            Ok(message) => {
                self.close_form();
                if let Err(e) = self.after_change() {
                    self.fail(&e);
                }
                // A form whose save asks a question (a merge) leaves it queued.
                if let Some(question) = self.ui.queued.take() {
                    self.ui.modals.push(question);
                }
                if let Some(message) = message {
                    self.model.flash_done(message);
                }
            }
            Err(Refusal(why)) => {
                // Refused because another hamyar changed the record meanwhile: the screen
                // reloads, and the form (still holding what was typed) says so.
                let (why, version) = match self.moved_on(&form) {
                    Some((said, now)) => (said, Some(now)),
                    None => (why, None),
                };
                if let Some(f) = self.ui.form_mut() {
                    f.error = Some(why);
                    if version.is_some() {
                        f.version = version;
                    }
                }
            }
        }
    }

    pub(super) fn lang(&self) -> Lang {
        self.model.lang
    }

    pub(super) fn required(&self, field: FieldId) -> Refusal {
        let label = field_label(self.lang(), field);
        self.refusal(&TuiMessage::Required(label))
    }

    pub(super) fn refused(&self, e: &crate::store::StoreError) -> Refusal {
        tracing::warn!(error = %e, "a form's save was refused");
        self.refusal(e)
    }

    pub(super) fn refusal(&self, why: &(impl Localized + ?Sized)) -> Refusal {
        Refusal(Message::new(self.lang(), why))
    }

    pub(super) fn said(&self, what: &TuiMessage<'_>) -> Result<Option<Message>, Refusal> {
        Ok(Some(Message::new(self.lang(), what)))
    }

    pub(super) fn calendar(&self) -> MonthCalendar {
        match self.lang() {
            Lang::Fa => MonthCalendar::SolarHijri,
            Lang::En => MonthCalendar::Gregorian,
        }
    }

    /// What a decision's form says it reads: text, lead and supporting agencies, deadline; the
    /// same fields for a new decision, an edit and an amendment.
    fn decision_fields(&self, form: &Form) -> Result<DecisionEdit, Refusal> {
        let text = form.text(FieldId::DecisionText).to_string();
        if text.is_empty() {
            return Err(self.required(FieldId::DecisionText));
        }
        let lead = form
            .picker(FieldId::LeadAgency)
            .and_then(|p| p.chosen_id().cloned())
            .ok_or_else(|| self.required(FieldId::LeadAgency))?;
        let supporting: Vec<Id> = form
            .picker(FieldId::SupportingAgencies)
            .map(|p| p.chosen_ids())
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a != &lead)
            .collect();
        let due = parse_due(form.text(FieldId::Due), self.model.today, self.calendar())
            .map_err(|e| self.refusal(&e))?;
        Ok(DecisionEdit {
            text,
            lead_agency: lead,
            supporting_agencies: supporting,
            due,
        })
    }

    fn save_decision(
        &mut self,
        form: &Form,
        meeting: &Id,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let edit = self.decision_fields(form)?;
        let issue = form
            .picker(FieldId::LinkedIssue)
            .and_then(|p| p.chosen_id().cloned());
        let saved: Decision = match editing {
            Some(id) => {
                let read = self.version_read(form, Record::Decision, id)?;
                let d = self
                    .store
                    .update_decision(id, &edit, read)
                    .map_err(|e| self.refused(&e))?;
                return self.said(&TuiMessage::DecisionUpdated(d.number));
            }
            None => self
                .store
                .record_decision(&NewDecision {
                    meeting: meeting.clone(),
                    issue,
                    text: edit.text,
                    lead_agency: edit.lead_agency,
                    supporting_agencies: edit.supporting_agencies,
                    due: edit.due,
                })
                .map_err(|e| self.refused(&e))?,
        };
        self.said(&TuiMessage::DecisionSaved(saved.number))
    }

    fn save_statement(
        &mut self,
        form: &Form,
        meeting: &Id,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let speaker = form
            .picker(FieldId::Speaker)
            .and_then(|p| p.chosen_id().cloned())
            .ok_or_else(|| self.required(FieldId::Speaker))?;
        let text = form.text(FieldId::StatementText).to_string();
        if text.is_empty() {
            return Err(self.required(FieldId::StatementText));
        }
        match editing {
            Some(id) => {
                let read = self.version_read(form, Record::Statement, id)?;
                self.store
                    .update_statement(id, &text, read)
                    .map_err(|e| self.refused(&e))?;
            }
            None => {
                let issue = form
                    .picker(FieldId::StatementIssue)
                    .and_then(|p| p.chosen_id().cloned());
                let s = Statement {
                    id: Id::new(),
                    meeting: meeting.clone(),
                    issue,
                    speaker,
                    text,
                };
                self.store
                    .record_statement(&s)
                    .map_err(|e| self.refused(&e))?;
            }
        }
        self.said(&TuiMessage::StatementSaved)
    }

    fn save_issue(
        &mut self,
        form: &Form,
        meeting: &Id,
        editing: Option<&Id>,
    ) -> Result<Option<Message>, Refusal> {
        let title = form.text(FieldId::IssueTitle).to_string();
        if title.is_empty() {
            return Err(self.required(FieldId::IssueTitle));
        }
        let category = form
            .picker(FieldId::IssueCategory)
            .and_then(|p| p.chosen_id().cloned());
        let description = form.text(FieldId::IssueDescription).to_string();
        match editing {
            Some(id) => {
                let edit = IssueEdit {
                    title,
                    category,
                    description,
                };
                let read = self.version_read(form, Record::Issue, id)?;
                self.store
                    .update_issue(id, &edit, read)
                    .map_err(|e| self.refused(&e))?;
            }
            None => {
                let series = self
                    .store
                    .get_meeting(meeting)
                    .map_err(|e| self.refused(&e))?
                    .series;
                let issue = Issue {
                    id: Id::new(),
                    series,
                    category,
                    title,
                    description,
                    raised_in: Some(meeting.clone()),
                    raised_by: None,
                    status: IssueStatus::Open,
                };
                self.store.add_issue(&issue).map_err(|e| self.refused(&e))?;
            }
        }
        self.said(&TuiMessage::IssueSaved)
    }

    /// The issue in the category taken, its title and description as they are.
    fn save_move_issue(&mut self, form: &Form, id: &Id) -> Result<Option<Message>, Refusal> {
        let category = form
            .picker(FieldId::IssueCategory)
            .and_then(|p| p.chosen_id().cloned())
            .ok_or_else(|| self.required(FieldId::IssueCategory))?;
        let read = self.version_read(form, Record::Issue, id)?;
        let issue = self.store.get_issue(id).map_err(|e| self.refused(&e))?;
        let edit = IssueEdit {
            title: issue.title,
            category: Some(category),
            description: issue.description,
        };
        self.store
            .update_issue(id, &edit, read)
            .map_err(|e| self.refused(&e))?;
        self.said(&TuiMessage::IssueSaved)
    }

    fn save_amendment(&mut self, form: &Form, meeting: &Id) -> Result<Option<Message>, Refusal> {
        let reason = self.amendment_reason(form)?;
        let text = form.text(FieldId::AmendmentText).to_string();
        if text.is_empty() {
            return Err(self.required(FieldId::AmendmentText));
        }
        self.store
            .record_amendment(meeting, &reason, &text)
            .map_err(|e| self.refused(&e))?;
        self.said(&TuiMessage::AmendmentSaved)
    }

    /// What to amend was taken: its own form follows, over the room.
    fn open_amendment(&mut self, form: &Form, meeting: &Id) -> Result<Option<Message>, Refusal> {
        let picker = form.picker(FieldId::AmendWhat);
        if !picker.is_some_and(|p| p.has_choice()) {
            return Err(self.required(FieldId::AmendWhat));
        }
        let lang = self.lang();
        let dir = &self.model.directory;
        let next = match (picker.and_then(|p| p.chosen_id()), &self.model.room) {
            (None, _) => forms::amendment_form(lang, meeting),
            (Some(id), Some(room)) => match room.decisions.iter().find(|d| &d.id == id) {
                Some(d) => {
                    let d = d.clone();
                    self.amend_decision_form(meeting, d)
                }
                None => forms::amend_attendance_form(lang, dir, room, id),
            },
            (Some(_), None) => return Ok(None),
        };
        self.ui.queued = Some(Modal::Form(next));
        Ok(None)
    }

    /// The reason an amendment gives, which it must.
    fn amendment_reason(&self, form: &Form) -> Result<String, Refusal> {
        match form.text(FieldId::AmendmentReason) {
            "" => Err(self.required(FieldId::AmendmentReason)),
            reason => Ok(reason.to_string()),
        }
    }

    /// A decision of approved minutes amended: the change applied and recorded as one.
    fn save_amend_decision(
        &mut self,
        form: &Form,
        meeting: &Id,
        decision: &Id,
    ) -> Result<Option<Message>, Refusal> {
        let reason = self.amendment_reason(form)?;
        let to = self.decision_fields(form)?;
        let read = self.version_read(form, Record::Decision, decision)?;
        let correction = Correction::Decision(DecisionAmendment {
            decision: decision.clone(),
            text: to.text,
            lead_agency: to.lead_agency,
            supporting_agencies: to.supporting_agencies,
            due: to.due,
        });
        self.store
            .amend_as_read(meeting, &reason, "", &correction, read)
            .map_err(|e| self.refused(&e))?;
        self.said(&TuiMessage::AmendmentSaved)
    }

    /// One person's attendance in approved minutes amended.
    fn save_amend_attendance(
        &mut self,
        form: &Form,
        meeting: &Id,
        person: &Id,
    ) -> Result<Option<Message>, Refusal> {
        let reason = self.amendment_reason(form)?;
        let state = form
            .picker(FieldId::AttendanceState)
            .and_then(|p| p.chosen_id())
            .and_then(|code| AttendanceState::from_code(code.as_str()).ok())
            .ok_or_else(|| self.required(FieldId::AttendanceState))?;
        let substitute_for = match state {
            AttendanceState::Substitute => form
                .picker(FieldId::SubstituteFor)
                .and_then(|p| p.chosen_id().cloned()),
            _ => None,
        };
        let correction = Correction::Attendance(AttendanceAmendment {
            person: person.clone(),
            state,
            substitute_for,
            reason: form.text(FieldId::Reason).to_string(),
        });
        self.store
            .amend(meeting, &reason, "", &correction)
            .map_err(|e| self.refused(&e))?;
        self.said(&TuiMessage::AmendmentSaved)
    }

    fn save_reason(&mut self, form: &Form, person: &Id) -> Result<Option<Message>, Refusal> {
        let Some(room) = &self.model.room else {
            return Ok(None);
        };
        let existing = room.attendance_of(person);
        let record = crate::domain::Attendance {
            id: existing.map_or_else(Id::new, |a| a.id.clone()),
            meeting: room.meeting.id.clone(),
            person: person.clone(),
            state: existing.map_or(AttendanceState::Excused, |a| a.state),
            substitute_for: existing.and_then(|a| a.substitute_for.clone()),
            reason: form.text(FieldId::Reason).to_string(),
        };
        self.store
            .set_attendance(&record)
            .map_err(|e| self.refused(&e))?;
        let name = self.model.directory.person_name(person).to_string();
        self.said(&TuiMessage::AttendanceSaved(&name))
    }

    fn save_substitute(&mut self, form: &Form, person: &Id) -> Result<Option<Message>, Refusal> {
        let stands_for = form
            .picker(FieldId::SubstituteFor)
            .and_then(|p| p.chosen_id().cloned())
            .ok_or_else(|| self.required(FieldId::SubstituteFor))?;
        let Some(room) = &self.model.room else {
            return Ok(None);
        };
        let existing = room.attendance_of(person);
        let record = crate::domain::Attendance {
            id: existing.map_or_else(Id::new, |a| a.id.clone()),
            meeting: room.meeting.id.clone(),
            person: person.clone(),
            state: AttendanceState::Substitute,
            substitute_for: Some(stands_for),
            reason: existing.map(|a| a.reason.clone()).unwrap_or_default(),
        };
        self.store
            .set_attendance(&record)
            .map_err(|e| self.refused(&e))?;
        let name = self.model.directory.person_name(person).to_string();
        self.said(&TuiMessage::AttendanceSaved(&name))
    }

    /// A follow-up, which the store attaches to the meeting in progress of the decision's
    /// series (whichever room is open, or none).
    fn save_follow_up(
        &mut self,
        form: &Form,
        decision: &Id,
        status: DecisionStatus,
    ) -> Result<Option<Message>, Refusal> {
        let note = form.text(FieldId::FollowUpNote).to_string();
        self.store
            .record_follow_up(decision, status, &note)
            .map_err(|e| self.refused(&e))?;
        let updated = self
            .store
            .get_decision(decision)
            .map_err(|e| self.refused(&e))?;
        self.patch_review_entry(&updated);
        self.said(&TuiMessage::FollowUpSaved(updated.number))
    }

    /// Writes the minutes in the chosen format to the file named (or the readable default in
    /// the current folder). A file that exists is not overwritten without a new name.
    /// The minutes to a file, through the one export-to-file home: the config's letterhead and
    /// organisation, a default name no file has yet, a typed one replaced only if `replace`
    /// says so, and never half a file.
    fn save_export(
        &mut self,
        form: &Form,
        meeting: &Id,
        stem: &str,
        replace: Replace,
    ) -> Result<Option<Message>, Refusal> {
        let format = self.export_format(form)?;
        let minutes = self
            .exports
            .minutes(&self.store, meeting, self.lang())
            .map_err(|e| self.refusal(&e))?;
        let bytes = crate::export::render(&minutes, format).map_err(|e| self.refusal(&e))?;
        let written = match form.text(FieldId::ExportFile) {
            "" => export_file::write_new(self.exports.folder(), format, stem, &bytes),
            typed => {
                let path = PathBuf::from(typed);
                export_file::write(&path, &bytes, replace).map(|()| path)
            }
        };
        let path = written.map_err(|error| {
            let path = PathBuf::from(match form.text(FieldId::ExportFile) {
                "" => format.default_file_name(stem),
                typed => typed.to_string(),
            });
            self.refusal(&NotWritten {
                path: &path,
                error: &error,
            })
        })?;
        let shown = std::fs::canonicalize(&path).unwrap_or(path);
        self.said(&TuiMessage::Exported(&shown.display().to_string()))
    }

    fn export_format(&self, form: &Form) -> Result<crate::export::Format, Refusal> {
        let chosen = form
            .picker(FieldId::ExportFormat)
            .and_then(|p| p.chosen_id())
            .map(|id| id.as_str().to_string())
            .ok_or_else(|| self.required(FieldId::ExportFormat))?;
        forms::export_formats()
            .into_iter()
            .find(|f| f.extension() == chosen)
            .ok_or_else(|| self.required(FieldId::ExportFormat))
    }

    /// An export form whose typed file name is taken: asks whether to replace it (the form
    /// stays open under the question) and says so.
    fn ask_before_replacing(&mut self, form: &Form) -> bool {
        if !matches!(form.kind, FormKind::Export { .. }) {
            return false;
        }
        let typed = form.text(FieldId::ExportFile);
        if typed.is_empty() || Path::new(typed).symlink_metadata().is_err() {
            return false;
        }
        let question = Message::new(self.lang(), &TuiMessage::ReplaceQuestion(typed));
        self.ui.modals.push(Modal::Confirm {
            question,
            yes: Pending::ReplaceExport,
        });
        true
    }
}
