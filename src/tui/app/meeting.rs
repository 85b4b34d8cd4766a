//! Scheduling and editing meetings: the form that creates nothing until Ctrl+S, and starting
//! a meeting on another day than its date.

use crate::domain::{
    Date, Id, Meeting, TimeOfDay, digits::to_ascii_digits, ensure_can_open_next, parse_due,
    propose_next,
};
use crate::i18n::TuiMessage;
use crate::store::{NewMeeting, StoreError};
use crate::tui::forms::{self, FieldId, Form};
use crate::tui::ui::{Modal, Pending};

use super::App;
use super::save::Refusal;

impl App {
    /// The form of the next meeting of `series`, proposed from the last one; refused at once
    /// while a meeting of the series is still a draft or in progress.
    pub(super) fn open_next_meeting_form(&mut self, series: &Id) {
        match self.next_meeting_form(series) {
            Ok(Some(form)) => self.ui.modals.push(Modal::Form(form)),
            Ok(None) => {}
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn next_meeting_form(&self, series: &Id) -> Result<Option<Form>, StoreError> {
        let meetings = self.store.list_meetings(Some(series))?.complete()?;
        ensure_can_open_next(&meetings)?;
        let Some(s) = self.model.directory.series.iter().find(|s| &s.id == series) else {
            return Ok(None);
        };
        let last = meetings.iter().max_by_key(|m| m.number);
        let proposal = propose_next(last, s.interval_days, self.model.today);
        let dir = &self.model.directory;
        Ok(Some(forms::meeting_form(
            self.model.lang,
            dir,
            s,
            None,
            proposal,
            last,
        )))
    }

    /// The form of a meeting's details; an approved meeting is read-only.
    pub(super) fn open_edit_meeting_form(&mut self, meeting: &Id) {
        match self.edit_meeting_form(meeting) {
            Ok(Some(form)) => self.ui.modals.push(Modal::Form(form)),
            Ok(None) => {}
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn edit_meeting_form(&self, meeting: &Id) -> Result<Option<Form>, StoreError> {
        let version = self.version_for_edit(crate::store::Record::Meeting, meeting);
        let m = self.store.get_meeting(meeting)?;
        crate::domain::ensure_editable(&m)?;
        let Some(s) = self
            .model
            .directory
            .series
            .iter()
            .find(|s| s.id == m.series)
        else {
            return Ok(None);
        };
        let proposal = crate::domain::Proposal {
            number: m.number,
            date: m.date,
        };
        let dir = &self.model.directory;
        let mut form = forms::meeting_form(self.model.lang, dir, s, Some(&m), proposal, None);
        form.version = version;
        Ok(Some(form))
    }

    /// A date field as typed: either calendar, any digits, or `+21`; `None` when empty.
    fn typed_date(&self, form: &Form, field: FieldId) -> Result<Option<Date>, Refusal> {
        parse_due(form.text(field), self.model.today, self.calendar()).map_err(|e| self.refusal(&e))
    }

    /// Schedules the meeting as the form says (one store call, which refuses it while another
    /// is open), or saves a meeting's new details.
    pub(super) fn save_meeting(
        &mut self,
        form: &Form,
        series: &Id,
        editing: Option<&Id>,
    ) -> Result<Option<crate::i18n::Message>, Refusal> {
        let date = self
            .typed_date(form, FieldId::MeetingDate)?
            .ok_or_else(|| self.required(FieldId::MeetingDate))?;
        let time = match form.text(FieldId::StartTime) {
            "" => None,
            t => Some(TimeOfDay::parse(t).map_err(|_| self.refusal(&TuiMessage::BadTime(t)))?),
        };
        let number = match form.field(FieldId::MeetingNumber).map(|f| f.text().trim()) {
            None | Some("") => None,
            Some(typed) => Some(
                to_ascii_digits(typed)
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| self.refusal(&TuiMessage::BadNumber(typed)))?,
            ),
        };
        let person = |id| form.picker(id).and_then(|p| p.chosen_id().cloned());
        let place = form.text(FieldId::Place).to_string();
        let next_meeting = self.typed_date(form, FieldId::NextMeeting)?;
        let saved = match editing {
            Some(id) => {
                let read = self.version_read(form, crate::store::Record::Meeting, id)?;
                let current = self.store.get_meeting(id).map_err(|e| self.refused(&e))?;
                let edited = Meeting {
                    number: number.unwrap_or(current.number),
                    date,
                    start_time: time,
                    place,
                    chair: person(FieldId::Chair),
                    secretary: person(FieldId::Secretary),
                    next_meeting,
                    ..current
                };
                let m = self
                    .store
                    .update_meeting(&edited, read)
                    .map_err(|e| self.refused(&e))?;
                return self.said(&TuiMessage::MeetingUpdated(m.number));
            }
            None => self.store.create_meeting(&NewMeeting {
                series: series.clone(),
                number,
                date,
                start_time: time,
                end_time: None,
                place,
                chair: person(FieldId::Chair),
                secretary: person(FieldId::Secretary),
                next_meeting,
            }),
        };
        let m = saved.map_err(|e| self.refused(&e))?;
        if let Err(e) = self.reload().and_then(|()| self.open_room(&m.id)) {
            return Err(self.refused(&e));
        }
        self.said(&TuiMessage::MeetingScheduled(m.number, m.date))
    }

    /// Starts the open meeting; on another day than its date, first asks whether to move it.
    pub(super) fn ask_to_start(&mut self, meeting: &Id) {
        let Some(room) = self
            .model
            .room
            .as_ref()
            .filter(|r| &r.meeting.id == meeting)
        else {
            return;
        };
        let (date, today) = (room.meeting.date, self.model.today);
        if date == today {
            return self.start_meeting(meeting, false);
        }
        let question =
            crate::i18n::Message::new(self.lang(), &TuiMessage::MoveDateQuestion { date, today });
        self.ui.modals.push(Modal::Confirm {
            question,
            yes: Pending::StartMeeting(meeting.clone()),
        });
    }

    /// Starts a meeting now, moving its date to today if asked: one action.
    pub(super) fn start_meeting(&mut self, meeting: &Id, move_to_today: bool) {
        let (now, today) = (self.model.now, self.model.today);
        self.meeting_change(|app| -> Result<Meeting, StoreError> {
            if move_to_today {
                app.store.start_meeting_on(meeting, now, today)
            } else {
                app.store.start_meeting(meeting, now)
            }
        });
    }
}
