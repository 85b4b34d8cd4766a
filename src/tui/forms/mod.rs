//! Forms: a modal of fields the secretary types into. Everything typed is text (no shortcut
//! fires), Tab and Shift+Tab move between fields, Ctrl+S saves, Esc asks before discarding.
//! The form only holds what is typed; saving it is the app's (one store call, one commit).

mod build;
mod field;
mod picker;
mod setup;

use crossterm::event::KeyEvent;
use serde_json::{Map, Value};

use crate::domain::Id;
use crate::store::{Record, RowVersion};

pub use build::{
    amend_attendance_form, amend_decision_form, amend_what_form, amendment_form, decision_form,
    export_form, export_formats, filter_form, follow_up_form, issue_form, move_issue_form,
    reason_form, statement_form, substitute_form,
};
pub use field::{Edited, Field, FieldId, FieldKind, edit_input};
pub use picker::{Creates, Enter, PickOption, Picker};
pub use setup::{
    agency_form, category_form, directory_filter_form, meeting_form, merge_form, person_form,
    series_form,
};

/// What a form records, and for which record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// A decision of `meeting`; `editing` a recorded one.
    Decision { meeting: Id, editing: Option<Id> },
    /// A statement in `meeting`.
    Statement { meeting: Id, editing: Option<Id> },
    /// An issue of the series, raised in `meeting`.
    Issue { meeting: Id, editing: Option<Id> },
    /// A series: a new one (the welcome, `s` on the meetings screen), or `editing`.
    Series { editing: Option<Id> },
    /// A correction in words to an approved meeting.
    Amendment { meeting: Id },
    /// What an amendment of an approved meeting corrects: one picker, done when taken.
    AmendWhat { meeting: Id },
    /// An amendment of a decision (numbered `number`) of an approved meeting.
    AmendDecision {
        meeting: Id,
        decision: Id,
        number: crate::domain::DecisionNumber,
    },
    /// An amendment of one person's attendance in an approved meeting.
    AmendAttendance { meeting: Id, person: Id },
    /// The reason of someone's absence.
    AttendanceReason { person: Id },
    /// Whom a substitute stands in for.
    Substitute { person: Id },
    /// A report on an earlier decision, moving it to `status`.
    FollowUp {
        decision: Id,
        status: crate::domain::DecisionStatus,
        /// Its number, for the form's title.
        number: crate::domain::DecisionNumber,
    },
    /// A person of the directory, new or `editing`; with `guest_at`, a guest who came to that
    /// meeting unexpected, marked present when saved.
    Person {
        editing: Option<Id>,
        guest_at: Option<Id>,
    },
    /// A meeting of `series` to schedule (nothing is created until it is saved), or `editing`.
    Meeting { series: Id, editing: Option<Id> },
    /// An agency of the directory, new or `editing`.
    Agency { editing: Option<Id> },
    /// A category, new or `editing` (renamed).
    Category { editing: Option<Id> },
    /// The record to merge `duplicate` (a person, else an agency) into: one picker, which
    /// asks before it merges.
    Merge { person: bool, duplicate: Id },
    /// The directory's filter line.
    DirectoryFilter,
    /// Another category for an issue (`c`): one picker, saved as soon as a category is taken.
    MoveIssue { issue: Id },
    /// The action review's filter line.
    ReviewFilter,
    /// The minutes of `meeting` to a file; `stem` names it by default, `preview` shows it.
    Export {
        meeting: Id,
        stem: String,
        preview: String,
    },
}

impl FormKind {
    /// The key its draft is kept under: one draft per form and record.
    pub fn draft_key(&self) -> String {
        let id = |i: &Option<Id>| i.as_ref().map_or(String::new(), |i| format!(":{i}"));
        match self {
            FormKind::Decision { meeting, editing } => format!("decision:{meeting}{}", id(editing)),
            FormKind::Statement { meeting, editing } => {
                format!("statement:{meeting}{}", id(editing))
            }
            FormKind::Issue { meeting, editing } => format!("issue:{meeting}{}", id(editing)),
            FormKind::Series { editing } => format!("series{}", id(editing)),
            FormKind::Amendment { meeting } => format!("amendment:{meeting}"),
            FormKind::AmendWhat { meeting } => format!("amend_what:{meeting}"),
            FormKind::AmendDecision {
                meeting, decision, ..
            } => format!("amend_decision:{meeting}:{decision}"),
            FormKind::AmendAttendance { meeting, person } => {
                format!("amend_attendance:{meeting}:{person}")
            }
            FormKind::AttendanceReason { person } => format!("reason:{person}"),
            FormKind::Substitute { person } => format!("substitute:{person}"),
            FormKind::FollowUp {
                decision, status, ..
            } => {
                format!("follow_up:{decision}:{}", status.code())
            }
            FormKind::Export { meeting, .. } => format!("export:{meeting}"),
            FormKind::MoveIssue { issue } => format!("move_issue:{issue}"),
            FormKind::Agency { editing } => format!("agency{}", id(editing)),
            FormKind::Category { editing } => format!("category{}", id(editing)),
            FormKind::Merge { duplicate, .. } => format!("merge:{duplicate}"),
            FormKind::DirectoryFilter => "directory_filter".into(),
            FormKind::Meeting { series, editing } => format!("meeting:{series}{}", id(editing)),
            FormKind::Person {
                editing,
                guest_at: Some(m),
            } => format!("guest:{m}{}", id(editing)),
            FormKind::Person { editing, .. } => format!("person{}", id(editing)),
            FormKind::ReviewFilter => "filter".into(),
        }
    }
}

impl FormKind {
    /// The recorded record this form edits, if any.
    pub fn edits(&self) -> Option<(Record, &Id)> {
        match self {
            FormKind::Decision {
                editing: Some(id), ..
            } => Some((Record::Decision, id)),
            FormKind::Statement {
                editing: Some(id), ..
            } => Some((Record::Statement, id)),
            FormKind::Issue {
                editing: Some(id), ..
            }
            | FormKind::MoveIssue { issue: id } => Some((Record::Issue, id)),
            FormKind::Series { editing: Some(id) } => Some((Record::Series, id)),
            FormKind::Meeting {
                editing: Some(id), ..
            } => Some((Record::Meeting, id)),
            FormKind::AmendDecision { decision, .. } => Some((Record::Decision, decision)),
            _ => None,
        }
    }

    /// Forms of one picker, done as soon as Enter takes (or adds) a choice.
    pub fn saves_on_take(&self) -> bool {
        matches!(
            self,
            FormKind::MoveIssue { .. } | FormKind::Merge { .. } | FormKind::AmendWhat { .. }
        )
    }

    /// One-line forms that Enter saves (a filter, a file name).
    pub fn saves_on_enter(&self) -> bool {
        matches!(
            self,
            FormKind::ReviewFilter | FormKind::Export { .. } | FormKind::DirectoryFilter
        )
    }

    /// Forms whose typing is not worth a draft: nothing is lost by typing it again.
    pub fn keeps_no_draft(&self) -> bool {
        matches!(
            self,
            FormKind::Export { .. }
                | FormKind::MoveIssue { .. }
                | FormKind::AmendWhat { .. }
                | FormKind::Merge { .. }
                | FormKind::DirectoryFilter
        )
    }
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused, shown in the form.
    pub error: Option<crate::i18n::Message>,
    /// Changed since the draft was last kept.
    pub unsaved: bool,
    /// Changed at all since it opened (Esc asks before throwing that away).
    pub touched: bool,
    /// What the fields held when the form opened: text typed since is what differs from it.
    pristine: Value,
    /// The row version of the record being edited, read before its values were: the save
    /// names it, so that a change another hamyar made meanwhile is refused, not overwritten.
    pub version: Option<RowVersion>,
}

impl Form {
    pub fn new(kind: FormKind, fields: Vec<Field>) -> Self {
        let mut form = Form {
            kind,
            fields,
            focus: 0,
            error: None,
            unsaved: false,
            touched: false,
            pristine: Value::Null,
            version: None,
        };
        form.pristine = form.draft();
        form
    }

    /// Whether the fields hold something other than what they opened with: what Esc (or
    /// quitting) would throw away, so only then is the secretary asked. Text typed and
    /// deleted again is nothing to lose.
    pub fn holds_typed_text(&self) -> bool {
        self.touched && self.draft() != self.pristine
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The trimmed text of a line field.
    pub fn text(&self, id: FieldId) -> &str {
        self.field(id).map_or("", |f| f.text().trim())
    }

    pub fn picker(&self, id: FieldId) -> Option<&Picker> {
        self.field(id).and_then(Field::picker)
    }

    pub fn is_picking(&self) -> bool {
        self.focused().is_some_and(|f| f.picker().is_some())
    }

    pub fn next_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    pub fn focus_on(&mut self, id: FieldId) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
        }
    }

    fn changed(&mut self) {
        self.unsaved = true;
        self.touched = true;
        self.error = None;
    }

    /// A key typed into the focused field.
    pub fn key(&mut self, key: &KeyEvent) {
        let Some(field) = self.focused_mut() else {
            return;
        };
        match field.key(key) {
            Edited::Changed => self.changed(),
            Edited::Next => self.next_field(),
            Edited::Moved | Edited::Ignored => {}
        }
    }

    /// Text pasted, or typed by the ZWNJ key, into the focused field.
    pub fn insert(&mut self, text: &str) {
        if let Some(field) = self.focused_mut() {
            field.insert(text);
            self.changed();
        }
    }

    /// Up/Down in a picker.
    pub fn move_highlight(&mut self, delta: isize) {
        if let Some(p) = self.focused_mut().and_then(Field::picker_mut) {
            p.move_highlight(delta);
        }
    }

    /// Enter in a picker: takes the highlighted option; a single picker then moves on.
    pub fn take(&mut self) {
        let Some(p) = self.focused_mut().and_then(Field::picker_mut) else {
            return;
        };
        let multi = p.is_multi();
        if p.take() {
            self.changed();
            if !multi {
                self.next_field();
            }
        }
    }

    /// What is typed, as kept in a draft.
    pub fn draft(&self) -> Value {
        let fields: Map<String, Value> = self
            .fields
            .iter()
            .map(|f| (f.id.key().to_string(), f.draft_value()))
            .collect();
        Value::Object(fields)
    }

    /// Puts back what a draft kept.
    pub fn restore(&mut self, draft: &Value) {
        for f in &mut self.fields {
            if let Some(v) = draft.get(f.id.key()) {
                f.restore(v);
            }
        }
        self.touched = true;
    }
}
