//! One field of a form: a line, a few lines, or a picker, and how typed keys edit it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;

use super::picker::Picker;
use crate::domain::Id;
pub use crate::i18n::FieldId;
use crate::text::InputState;

/// Applies a key to a text input: characters, Backspace and Delete edit; the arrows, Home and
/// End move (Shift extends the selection); Enter breaks a line in a multi-line input and asks
/// for the next field in a one-line one.
pub fn edit_input(input: &mut InputState, key: &KeyEvent, multiline: bool) -> Edited {
    let extend = key.modifiers.contains(KeyModifiers::SHIFT);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            input.insert_char(c);
            Edited::Changed
        }
        // Readline's clearing keys, on either layout (a terminal with the kitty protocol
        // reports Ctrl+ع for Ctrl+U on the Persian one).
        KeyCode::Char('u' | 'ع') if ctrl => {
            input.delete_to_line_start();
            Edited::Changed
        }
        KeyCode::Char('w' | 'ص') if ctrl => {
            input.delete_word_before();
            Edited::Changed
        }
        KeyCode::Char('k' | 'ن') if ctrl => {
            input.delete_to_line_end();
            Edited::Changed
        }
        KeyCode::Backspace => {
            input.backspace();
            Edited::Changed
        }
        KeyCode::Delete => {
            input.delete();
            Edited::Changed
        }
        KeyCode::Left => {
            input.move_left(extend);
            Edited::Moved
        }
        KeyCode::Right => {
            input.move_right(extend);
            Edited::Moved
        }
        KeyCode::Home => {
            input.move_home(extend);
            Edited::Moved
        }
        KeyCode::End => {
            input.move_end(extend);
            Edited::Moved
        }
        KeyCode::Up if multiline => {
            input.move_up(extend);
            Edited::Moved
        }
        KeyCode::Down if multiline => {
            input.move_down(extend);
            Edited::Moved
        }
        KeyCode::Enter if multiline => {
            input.insert_char('\n');
            Edited::Changed
        }
        KeyCode::Enter => Edited::Next,
        _ => Edited::Ignored,
    }
}

impl FieldId {
    /// Fields that take a date (either calendar, any digits, or `+14`): the form shows the
    /// day they mean as they are typed.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            FieldId::Due | FieldId::MeetingDate | FieldId::NextMeeting
        )
    }

    /// The name the field's value is kept under in a draft.
    pub fn key(self) -> &'static str {
        match self {
            FieldId::DecisionText => "decision_text",
            FieldId::LeadAgency => "lead_agency",
            FieldId::SupportingAgencies => "supporting_agencies",
            FieldId::Due => "due",
            FieldId::LinkedIssue => "linked_issue",
            FieldId::Speaker => "speaker",
            FieldId::StatementText => "statement_text",
            FieldId::StatementIssue => "statement_issue",
            FieldId::IssueTitle => "issue_title",
            FieldId::IssueCategory => "issue_category",
            FieldId::IssueDescription => "issue_description",
            FieldId::SeriesTitle => "series_title",
            FieldId::Organisation => "organisation",
            FieldId::Place => "place",
            FieldId::Quorum => "quorum",
            FieldId::AmendmentReason => "amendment_reason",
            FieldId::AmendmentText => "amendment_text",
            FieldId::AmendWhat => "amend_what",
            FieldId::AttendanceState => "attendance_state",
            FieldId::Reason => "reason",
            FieldId::SubstituteFor => "substitute_for",
            FieldId::FollowUpNote => "follow_up_note",
            FieldId::ExportFormat => "export_format",
            FieldId::ExportFile => "export_file",
            FieldId::Filter => "filter",
            FieldId::PersonName => "person_name",
            FieldId::PersonTitle => "person_title",
            FieldId::PersonAgency => "person_agency",
            FieldId::InviteeOf => "invitee_of",
            FieldId::MeetingNumber => "meeting_number",
            FieldId::MeetingDate => "meeting_date",
            FieldId::StartTime => "start_time",
            FieldId::Chair => "chair",
            FieldId::Secretary => "secretary",
            FieldId::NextMeeting => "next_meeting",
            FieldId::Interval => "interval",
            FieldId::MemberAgencies => "member_agencies",
            FieldId::AgencyName => "agency_name",
            FieldId::AgencyShort => "agency_short",
            FieldId::AgencyEn => "agency_en",
            FieldId::CategoryName => "category_name",
            FieldId::MergeInto => "merge_into",
            FieldId::DirectoryFilter => "directory_filter",
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    /// One line; Enter moves on.
    Line(InputState),
    /// Several lines; Enter starts a new one.
    Lines(InputState),
    Pick(Picker),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub kind: FieldKind,
}

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The text or choice changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Enter in a one-line field: go to the next field.
    Next,
    /// The field has no use for the key.
    Ignored,
}

impl Field {
    pub fn line(id: FieldId, input: InputState) -> Self {
        Field {
            id,
            kind: FieldKind::Line(input),
        }
    }

    pub fn lines(id: FieldId, input: InputState) -> Self {
        Field {
            id,
            kind: FieldKind::Lines(input),
        }
    }

    pub fn pick(id: FieldId, picker: Picker) -> Self {
        Field {
            id,
            kind: FieldKind::Pick(picker),
        }
    }

    /// The text being typed: the line, the lines, or the picker's query.
    pub fn input_mut(&mut self) -> &mut InputState {
        match &mut self.kind {
            FieldKind::Line(i) | FieldKind::Lines(i) => i,
            FieldKind::Pick(p) => &mut p.query,
        }
    }

    pub fn text(&self) -> &str {
        match &self.kind {
            FieldKind::Line(i) | FieldKind::Lines(i) => i.text(),
            FieldKind::Pick(p) => p.query.text(),
        }
    }

    pub fn picker(&self) -> Option<&Picker> {
        match &self.kind {
            FieldKind::Pick(p) => Some(p),
            _ => None,
        }
    }

    pub fn picker_mut(&mut self) -> Option<&mut Picker> {
        match &mut self.kind {
            FieldKind::Pick(p) => Some(p),
            _ => None,
        }
    }

    /// Applies a key typed into the field.
    pub fn key(&mut self, key: &KeyEvent) -> Edited {
        let multiline = matches!(self.kind, FieldKind::Lines(_));
        if let FieldKind::Pick(p) = &mut self.kind
            && key.code == KeyCode::Backspace
            && p.query.text().is_empty()
        {
            if p.is_multi() && p.has_choice() {
                p.drop_last();
                return Edited::Changed;
            }
            return Edited::Ignored;
        }
        let edited = edit_input(self.input_mut(), key, multiline);
        if edited == Edited::Changed
            && let FieldKind::Pick(p) = &mut self.kind
        {
            p.refilter();
        }
        edited
    }

    /// Inserts pasted (or a ZWNJ key's) text at the cursor.
    pub fn insert(&mut self, text: &str) {
        self.input_mut().insert_str(text);
        if let FieldKind::Pick(p) = &mut self.kind {
            p.refilter();
        }
    }

    /// The field's value for a draft: its text, or the ids taken.
    pub fn draft_value(&self) -> Value {
        match &self.kind {
            FieldKind::Line(i) | FieldKind::Lines(i) => Value::from(i.text()),
            FieldKind::Pick(p) => Value::from(
                p.chosen()
                    .map(|o| o.id.as_ref().map(|id| id.as_str().to_string()))
                    .collect::<Vec<_>>(),
            ),
        }
    }

    /// Puts back a value kept by [`Field::draft_value`].
    pub fn restore(&mut self, value: &Value) {
        match (&mut self.kind, value) {
            (FieldKind::Line(i) | FieldKind::Lines(i), Value::String(s)) => i.set_text(s),
            (FieldKind::Pick(p), Value::Array(ids)) => {
                let ids: Vec<Option<Id>> = ids
                    .iter()
                    .map(|v| v.as_str().map(Id::from_string))
                    .collect();
                p.choose_ids(&ids);
            }
            _ => {}
        }
    }
}
