//! The forms of the secretary's own set-up: people, series and the next meeting.

use super::build::{agency_options, base, chosen, line};
use super::{Creates, Field, FieldId, Form, FormKind, PickOption, Picker};
use crate::domain::{Id, Meeting, Person, Proposal, Series};
use crate::i18n::Lang;
use crate::tui::model::Directory;

/// Every active person, found by name, title or agency; a name none bears is added.
fn people_picker(lang: Lang, dir: &Directory, chosen_id: Option<&Id>) -> Picker {
    let options = dir
        .people
        .iter()
        .filter(|p| p.active || Some(&p.id) == chosen_id)
        .map(|p| {
            let agency = p.agency.as_ref().map_or("", |a| dir.agency_name(lang, a));
            PickOption::new(Some(p.id.clone()), &p.name, agency, &[&p.title])
        })
        .collect();
    let mut picker = Picker::single(options, base(lang)).creating(Creates::Person);
    picker.choose_ids(&[chosen_id.cloned()]);
    picker
}

/// A meeting to schedule or edit: number (while a draft), date, start time, place, chair,
/// secretary and the next meeting's date. `proposal` fills a new one; `last` gives its chair
/// and secretary.
pub fn meeting_form(
    lang: Lang,
    dir: &Directory,
    series: &crate::domain::Series,
    editing: Option<&Meeting>,
    proposal: Proposal,
    last: Option<&Meeting>,
) -> Form {
    let from = editing.or(last);
    let date = |d: Option<crate::domain::Date>| d.map(|d| lang.date(d)).unwrap_or_default();
    let (number, day, time, place, next) = match editing {
        Some(m) => (
            m.number,
            lang.date(m.date),
            m.start_time
                .map(|t| lang.digits(&t.to_string()))
                .unwrap_or_default(),
            m.place.clone(),
            date(m.next_meeting),
        ),
        None => (
            proposal.number,
            lang.date(proposal.date),
            String::new(),
            series.default_place.clone(),
            String::new(),
        ),
    };
    let mut fields = Vec::new();
    if editing.is_none_or(|m| m.status == crate::domain::MeetingStatus::Draft) {
        fields.push(line(lang, FieldId::MeetingNumber, &lang.number(number)));
    }
    fields.extend([
        line(lang, FieldId::MeetingDate, &day),
        line(lang, FieldId::StartTime, &time),
        line(lang, FieldId::Place, &place),
        Field::pick(
            FieldId::Chair,
            people_picker(lang, dir, from.and_then(|m| m.chair.as_ref())),
        ),
        Field::pick(
            FieldId::Secretary,
            people_picker(lang, dir, from.and_then(|m| m.secretary.as_ref())),
        ),
        line(lang, FieldId::NextMeeting, &next),
    ]);
    Form::new(
        FormKind::Meeting {
            series: series.id.clone(),
            editing: editing.map(|m| m.id.clone()),
        },
        fields,
    )
}

/// A person: name, title (سمت), agency (a new one added as typed), and the series they are a
/// standing invitee of. A guest at `guest_at` is offered its series' invitation.
pub fn person_form(
    lang: Lang,
    dir: &Directory,
    editing: Option<(&Person, &[Id])>,
    guest_at: Option<&Id>,
) -> Form {
    let mut agency =
        Picker::single(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    let series = dir
        .series
        .iter()
        .filter(|s| !s.archived)
        .map(|s| PickOption::new(Some(s.id.clone()), &s.title, &s.organisation, &[]))
        .collect();
    let mut invited = Picker::multi(series, base(lang));
    let (name, title) = match editing {
        Some((p, series)) => {
            chosen(&mut agency, std::slice::from_ref(&p.agency));
            let ids: Vec<Option<Id>> = series.iter().cloned().map(Some).collect();
            chosen(&mut invited, &ids);
            (p.name.as_str(), p.title.as_str())
        }
        None => ("", ""),
    };
    Form::new(
        FormKind::Person {
            editing: editing.map(|(p, _)| p.id.clone()),
            guest_at: guest_at.cloned(),
        },
        vec![
            line(lang, FieldId::PersonName, name),
            line(lang, FieldId::PersonTitle, title),
            Field::pick(FieldId::PersonAgency, agency),
            Field::pick(FieldId::InviteeOf, invited),
        ],
    )
}

/// A series: title, organisation, default place, the usual interval between meetings, its
/// member agencies (a new one added as typed) and the quorum rule: how many of them must be
/// represented. New, or `editing`.
pub fn series_form(lang: Lang, dir: &Directory, editing: Option<&Series>) -> Form {
    let mut members =
        Picker::multi(agency_options(lang, dir), base(lang)).creating(Creates::Agency);
    let (title, organisation, place, interval, quorum) = match editing {
        Some(s) => {
            let ids: Vec<Option<Id>> = s.member_agencies.iter().cloned().map(Some).collect();
            chosen(&mut members, &ids);
            (
                s.title.as_str(),
                s.organisation.as_str(),
                s.default_place.as_str(),
                s.interval_days,
                s.quorum,
            )
        }
        None => ("", "", "", 0, 0),
    };
    // A count of none is an empty field, not «۰»: typing 5 into «۰» gave «۰5».
    let count = |n: u32| match n {
        0 => String::new(),
        n => lang.number(n),
    };
    let (interval, quorum) = (count(interval), count(quorum));
    Form::new(
        FormKind::Series {
            editing: editing.map(|s| s.id.clone()),
        },
        vec![
            line(lang, FieldId::SeriesTitle, title),
            line(lang, FieldId::Organisation, organisation),
            line(lang, FieldId::Place, place),
            line(lang, FieldId::Interval, &interval),
            Field::pick(FieldId::MemberAgencies, members),
            line(lang, FieldId::Quorum, &quorum),
        ],
    )
}

/// An agency: its name, short name and English name.
pub fn agency_form(lang: Lang, editing: Option<&crate::domain::Agency>) -> Form {
    let (name, short, en) = editing.map_or(("", "", ""), |a| {
        (a.name.as_str(), a.short_name.as_str(), a.name_en.as_str())
    });
    Form::new(
        FormKind::Agency {
            editing: editing.map(|a| a.id.clone()),
        },
        vec![
            line(lang, FieldId::AgencyName, name),
            line(lang, FieldId::AgencyShort, short),
            Field::line(
                FieldId::AgencyEn,
                crate::text::InputState::single_line()
                    .with_base(crate::text::BaseDirection::Ltr)
                    .with_mode(crate::tui::view::widgets::bidi())
                    .with_text(en),
            ),
        ],
    )
}

/// A category's name, new or to rename.
pub fn category_form(lang: Lang, editing: Option<&crate::domain::Category>) -> Form {
    Form::new(
        FormKind::Category {
            editing: editing.map(|c| c.id.clone()),
        },
        vec![line(
            lang,
            FieldId::CategoryName,
            editing.map_or("", |c| c.name.as_str()),
        )],
    )
}

/// The record a duplicate is merged into: every other agency (or person), found however it
/// is spelled.
pub fn merge_form(lang: Lang, dir: &Directory, person: bool, duplicate: &Id) -> Form {
    let options = if person {
        dir.people
            .iter()
            .filter(|p| &p.id != duplicate)
            .map(|p| {
                let agency = p.agency.as_ref().map_or("", |a| dir.agency_name(lang, a));
                PickOption::new(Some(p.id.clone()), &p.name, agency, &[&p.title])
            })
            .collect()
    } else {
        dir.agencies
            .iter()
            .filter(|a| &a.id != duplicate)
            .map(|a| {
                PickOption::new(
                    Some(a.id.clone()),
                    dir.agency_name(lang, &a.id),
                    &a.short_name,
                    &[&a.name, &a.name_en],
                )
            })
            .collect()
    };
    Form::new(
        FormKind::Merge {
            person,
            duplicate: duplicate.clone(),
        },
        vec![Field::pick(
            FieldId::MergeInto,
            Picker::single(options, base(lang)),
        )],
    )
}

/// The directory's filter, typed as one line.
pub fn directory_filter_form(lang: Lang, current: &str) -> Form {
    Form::new(
        FormKind::DirectoryFilter,
        vec![line(lang, FieldId::DirectoryFilter, current)],
    )
}
