//! The forms of the app, with their fields in order, filled from the records they edit.

use super::{Creates, Field, FieldId, Form, FormKind, PickOption, Picker};
use crate::domain::{AttendanceState, Decision, DecisionStatus, Id, Issue, Statement};
use crate::i18n::Lang;
use crate::text::{BaseDirection, InputState};
use crate::tui::model::{Directory, Room};

/// Fields read in the interface's direction, as everything else on screen does.
pub(super) fn base(lang: Lang) -> BaseDirection {
    crate::tui::view::widgets::base(lang)
}

pub(super) fn input(state: InputState, lang: Lang, text: &str) -> InputState {
    state
        .with_base(base(lang))
        .with_mode(crate::tui::view::widgets::bidi())
        .with_text(text)
}

pub(super) fn line(lang: Lang, id: FieldId, text: &str) -> Field {
    Field::line(id, input(InputState::single_line(), lang, text))
}

pub(super) fn lines(lang: Lang, id: FieldId, text: &str) -> Field {
    Field::lines(id, input(InputState::multi_line(), lang, text))
}

/// Every active agency, named in the interface's language and found by any of its names.
pub(super) fn agency_options(lang: Lang, dir: &Directory) -> Vec<PickOption> {
    dir.agencies
        .iter()
        .filter(|a| a.active)
        .map(|a| {
            let label = dir.agency_name(lang, &a.id);
            PickOption::new(
                Some(a.id.clone()),
                label,
                &a.short_name,
                &[&a.name, &a.name_en],
            )
        })
        .collect()
}

/// "None" first, then the meeting's issues.
fn issue_options(lang: Lang, none: &str, dir: &Directory, issues: &[Issue]) -> Vec<PickOption> {
    let mut opts = vec![PickOption::new(None, none, "", &[])];
    opts.extend(issues.iter().map(|i| {
        let category = dir.category_name(i.category.as_ref());
        PickOption::new(Some(i.id.clone()), &i.title, category, &[])
    }));
    let _ = lang;
    opts
}

pub(super) fn chosen(picker: &mut Picker, ids: &[Option<Id>]) {
    picker.choose_ids(ids);
}

/// The decision form, for a new decision on `issue` or to edit `editing`.
pub fn decision_form(
    lang: Lang,
    dir: &Directory,
    room: &Room,
    issue: Option<&Id>,
    editing: Option<&Decision>,
) -> Form {
    let s = lang.strings().tui;
    let mut lead = Picker::single(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    let mut supporting =
        Picker::multi(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    let mut linked = Picker::single(
        issue_options(lang, s.no_issue, dir, &room.issues),
        base(lang),
    );
    let (text, due) = match editing {
        Some(d) => {
            chosen(&mut lead, &[Some(d.lead_agency.clone())]);
            let ids: Vec<Option<Id>> = d.supporting_agencies.iter().cloned().map(Some).collect();
            chosen(&mut supporting, &ids);
            chosen(&mut linked, std::slice::from_ref(&d.issue));
            (
                d.text.as_str(),
                d.due.map(|x| lang.date(x)).unwrap_or_default(),
            )
        }
        None => {
            chosen(&mut linked, &[issue.cloned()]);
            ("", String::new())
        }
    };
    Form::new(
        FormKind::Decision {
            meeting: room.meeting.id.clone(),
            editing: editing.map(|d| d.id.clone()),
        },
        vec![
            lines(lang, FieldId::DecisionText, text),
            Field::pick(FieldId::LeadAgency, lead),
            Field::pick(FieldId::SupportingAgencies, supporting),
            line(lang, FieldId::Due, &due),
            Field::pick(FieldId::LinkedIssue, linked),
        ],
    )
}

/// The statement form: who spoke (those present first), what they said, about which issue.
pub fn statement_form(
    lang: Lang,
    dir: &Directory,
    room: &Room,
    issue: Option<&Id>,
    editing: Option<&Statement>,
) -> Form {
    let s = lang.strings().tui;
    let present: Vec<&Id> = room
        .attendance
        .iter()
        .filter(|a| a.state.code() == "present" || a.state.code() == "substitute")
        .map(|a| &a.person)
        .collect();
    let speaking = editing.map(|st| &st.speaker);
    let mut people: Vec<&crate::domain::Person> = dir
        .people
        .iter()
        .filter(|p| p.active || Some(&p.id) == speaking)
        .collect();
    people.sort_by_key(|p| !present.contains(&&p.id));
    let options = people
        .iter()
        .map(|p| {
            let agency = p.agency.as_ref().map_or("", |a| dir.agency_name(lang, a));
            PickOption::new(Some(p.id.clone()), &p.name, agency, &[&p.title])
        })
        .collect();
    let mut speaker = Picker::single(options, base(lang)).creating(Creates::Person);
    let mut about = Picker::single(
        issue_options(lang, s.whole_meeting, dir, &room.issues),
        base(lang),
    );
    let text = match editing {
        Some(st) => {
            chosen(&mut speaker, &[Some(st.speaker.clone())]);
            chosen(&mut about, std::slice::from_ref(&st.issue));
            st.text.as_str()
        }
        None => {
            chosen(&mut about, &[issue.cloned()]);
            ""
        }
    };
    Form::new(
        FormKind::Statement {
            meeting: room.meeting.id.clone(),
            editing: editing.map(|st| st.id.clone()),
        },
        vec![
            Field::pick(FieldId::Speaker, speaker),
            lines(lang, FieldId::StatementText, text),
            Field::pick(FieldId::StatementIssue, about),
        ],
    )
}

/// The issue form: title, category and description, new or to edit.
pub fn issue_form(
    lang: Lang,
    dir: &Directory,
    room: &Room,
    editing: Option<&Issue>,
    category: Option<&Id>,
) -> Form {
    let own = editing.and_then(|i| i.category.as_ref());
    let mut cat = category_picker(lang, dir, &room.series.id, own);
    let (title, description) = match editing {
        Some(i) => {
            chosen(&mut cat, std::slice::from_ref(&i.category));
            (i.title.as_str(), i.description.as_str())
        }
        None => {
            chosen(&mut cat, &[category.cloned()]);
            ("", "")
        }
    };
    Form::new(
        FormKind::Issue {
            meeting: room.meeting.id.clone(),
            editing: editing.map(|i| i.id.clone()),
        },
        vec![
            line(lang, FieldId::IssueTitle, title),
            Field::pick(FieldId::IssueCategory, cat),
            lines(lang, FieldId::IssueDescription, description),
        ],
    )
}

/// The categories of `series` (its own and those of every series, not archived), in the
/// meeting's order; a name typed that none bears is added.
fn category_picker(lang: Lang, dir: &Directory, series: &Id, keep: Option<&Id>) -> Picker {
    let options = dir
        .categories
        .iter()
        .filter(|c| {
            Some(&c.id) == keep || (!c.archived && c.series.as_ref().is_none_or(|s| s == series))
        })
        .map(|c| PickOption::new(Some(c.id.clone()), &c.name, "", &[]))
        .collect();
    Picker::single(options, base(lang)).creating(Creates::Category)
}

/// Another category for an issue: its own is not offered.
pub fn move_issue_form(lang: Lang, dir: &Directory, issue: &Issue) -> Form {
    let mut picker = category_picker(lang, dir, &issue.series, None);
    picker.drop_options(|o| o.id.is_some() && o.id == issue.category);
    Form::new(
        FormKind::MoveIssue {
            issue: issue.id.clone(),
        },
        vec![Field::pick(FieldId::IssueCategory, picker)],
    )
}

/// A correction in words to an approved meeting, with its reason.
pub fn amendment_form(lang: Lang, meeting: &Id) -> Form {
    Form::new(
        FormKind::Amendment {
            meeting: meeting.clone(),
        },
        vec![
            line(lang, FieldId::AmendmentReason, ""),
            lines(lang, FieldId::AmendmentText, ""),
        ],
    )
}

/// What an amendment of approved minutes corrects: a decision, found by its number; someone's
/// attendance; or, last, the minutes in words only. Enter on one opens its form.
pub fn amend_what_form(lang: Lang, dir: &Directory, room: &Room) -> Form {
    let s = lang.strings().tui;
    let mut options: Vec<PickOption> = room
        .decisions
        .iter()
        .map(|d| {
            let number = lang.decision_number(d.number);
            let ascii = d.number.to_string();
            PickOption::new(Some(d.id.clone()), &number, &d.text, &[&ascii])
        })
        .collect();
    options.extend(room.expected_people(dir).iter().map(|p| {
        let state = room
            .attendance_of(p)
            .map_or(s.not_marked, |a| lang.status(a.state));
        let detail = format!("{}: {state}", s.attendance_noun);
        PickOption::new(Some(p.clone()), dir.person_name(p), &detail, &[])
    }));
    options.push(PickOption::new(None, s.amend_in_words, "", &[]));
    Form::new(
        FormKind::AmendWhat {
            meeting: room.meeting.id.clone(),
        },
        vec![Field::pick(
            FieldId::AmendWhat,
            Picker::single(options, base(lang)),
        )],
    )
}

/// An amendment of one decision of approved minutes: its reason, then the decision as it
/// should read (its text, agencies and deadline as they are now, to change).
pub fn amend_decision_form(lang: Lang, dir: &Directory, meeting: &Id, d: &Decision) -> Form {
    let mut lead = Picker::single(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    let mut supporting =
        Picker::multi(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    chosen(&mut lead, &[Some(d.lead_agency.clone())]);
    let ids: Vec<Option<Id>> = d.supporting_agencies.iter().cloned().map(Some).collect();
    chosen(&mut supporting, &ids);
    let due = d.due.map(|x| lang.date(x)).unwrap_or_default();
    Form::new(
        FormKind::AmendDecision {
            meeting: meeting.clone(),
            decision: d.id.clone(),
            number: d.number,
        },
        vec![
            line(lang, FieldId::AmendmentReason, ""),
            lines(lang, FieldId::DecisionText, &d.text),
            Field::pick(FieldId::LeadAgency, lead),
            Field::pick(FieldId::SupportingAgencies, supporting),
            line(lang, FieldId::Due, &due),
        ],
    )
}

/// An amendment of one person's attendance in approved minutes: its reason, then the line as
/// it should read (as recorded now, to change).
pub fn amend_attendance_form(lang: Lang, dir: &Directory, room: &Room, person: &Id) -> Form {
    let s = lang.strings().tui;
    let was = room.attendance_of(person);
    let mut state = Picker::single(
        AttendanceState::ALL
            .iter()
            .map(|st| {
                let code = st.code();
                PickOption::new(Some(Id::from_string(code)), lang.status(*st), "", &[code])
            })
            .collect(),
        base(lang),
    );
    if let Some(a) = was {
        state.choose_ids(&[Some(Id::from_string(a.state.code()))]);
    }
    let mut options = vec![PickOption::new(None, s.nobody, "", &[])];
    options.extend(
        dir.people
            .iter()
            .filter(|p| {
                &p.id != person
                    && (p.active || was.and_then(|a| a.substitute_for.as_ref()) == Some(&p.id))
            })
            .map(|p| {
                let agency = p.agency.as_ref().map_or("", |a| dir.agency_name(lang, a));
                PickOption::new(Some(p.id.clone()), &p.name, agency, &[&p.title])
            }),
    );
    let mut stands_for = Picker::single(options, base(lang));
    stands_for.choose_ids(&[was.and_then(|a| a.substitute_for.clone())]);
    Form::new(
        FormKind::AmendAttendance {
            meeting: room.meeting.id.clone(),
            person: person.clone(),
        },
        vec![
            line(lang, FieldId::AmendmentReason, ""),
            Field::pick(FieldId::AttendanceState, state),
            Field::pick(FieldId::SubstituteFor, stands_for),
            line(lang, FieldId::Reason, was.map_or("", |a| a.reason.as_str())),
        ],
    )
}

/// Why someone is absent or excused.
pub fn reason_form(lang: Lang, person: &Id, reason: &str) -> Form {
    Form::new(
        FormKind::AttendanceReason {
            person: person.clone(),
        },
        vec![line(lang, FieldId::Reason, reason)],
    )
}

/// Whom a substitute stands in for.
pub fn substitute_form(lang: Lang, dir: &Directory, person: &Id) -> Form {
    let options = dir
        .people
        .iter()
        .filter(|p| &p.id != person && p.active)
        .map(|p| {
            let agency = p.agency.as_ref().map_or("", |a| dir.agency_name(lang, a));
            PickOption::new(Some(p.id.clone()), &p.name, agency, &[&p.title])
        })
        .collect();
    Form::new(
        FormKind::Substitute {
            person: person.clone(),
        },
        vec![Field::pick(
            FieldId::SubstituteFor,
            Picker::single(options, base(lang)).creating(Creates::Person),
        )],
    )
}

/// A follow-up note on an earlier decision, moving it to `status`.
pub fn follow_up_form(
    lang: Lang,
    decision: &Id,
    number: crate::domain::DecisionNumber,
    status: DecisionStatus,
) -> Form {
    Form::new(
        FormKind::FollowUp {
            decision: decision.clone(),
            status,
            number,
        },
        vec![lines(lang, FieldId::FollowUpNote, "")],
    )
}

/// The formats offered on the export screen, in the order they are listed.
pub fn export_formats() -> [crate::export::Format; 6] {
    use crate::export::Format;
    [
        Format::Docx,
        Format::Pdf,
        Format::Html,
        Format::Md,
        Format::Json,
        Format::Csv,
    ]
}

/// The export screen: a format (DOCX first) and a file name, empty for the readable default.
pub fn export_form(lang: Lang, meeting: &Id, stem: String, preview: String) -> Form {
    let s = lang.strings().tui;
    let options = export_formats()
        .iter()
        .map(|f| {
            let what = match f {
                crate::export::Format::Docx => s.format_docx,
                crate::export::Format::Pdf => s.format_pdf,
                crate::export::Format::Html => s.format_html,
                crate::export::Format::Md => s.format_md,
                crate::export::Format::Json => s.format_json,
                crate::export::Format::Csv => s.format_csv,
            };
            let ext = f.extension().to_uppercase();
            PickOption::new(
                Some(Id::from_string(f.extension())),
                &ext,
                what,
                &[f.extension()],
            )
        })
        .collect();
    let mut format = Picker::single(options, BaseDirection::Ltr);
    format.choose_ids(&[Some(Id::from_string("docx"))]);
    Form::new(
        FormKind::Export {
            meeting: meeting.clone(),
            stem,
            preview,
        },
        vec![
            Field::pick(FieldId::ExportFormat, format),
            Field::line(
                FieldId::ExportFile,
                InputState::single_line()
                    .with_base(BaseDirection::Ltr)
                    .with_mode(crate::tui::view::widgets::bidi()),
            ),
        ],
    )
}

/// The review's filter, typed as one line (`agency:بانك status:pending overdue`).
pub fn filter_form(lang: Lang, current: &str) -> Form {
    Form::new(
        FormKind::ReviewFilter,
        vec![line(lang, FieldId::Filter, current)],
    )
}
