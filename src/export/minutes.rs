//! The minutes (صورتجلسه) view-model: what a printed صورتجلسه says, in one language, built from
//! a [`MeetingBundle`]. Every value is already worded and formatted (Solar Hijri dates and
//! Persian digits in Persian), so the renderers only lay it out.

use std::collections::HashMap;

use crate::domain::{AttendanceState, Date, Decision, Id, Issue, MeetingStatus, Person, Quorum};
use crate::i18n::{ExportStrings, Lang};
use crate::store::MeetingBundle;

use super::letterhead::Letterhead;
use super::review::{Previous, Review};

/// What the minutes need beyond the meeting's own records.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// When they are made (RFC 3339, UTC): the minutes file's `exported_at`.
    pub exported_at: String,
    /// The series' meeting before this one, which bounds the review.
    pub previous: Option<Previous>,
    pub letterhead: Letterhead,
}

/// A صورتجلسه, worded in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    pub lang: Lang,
    pub header: Header,
    pub people: People,
    pub agenda: Vec<AgendaLine>,
    /// The review of earlier decisions (پیگیری مصوبات قبلی), bounded: see [`Review`].
    pub review: Review,
    pub discussion: Vec<DiscussionGroup>,
    pub decisions: Vec<DecisionLine>,
    /// The next meeting's date, with its weekday.
    pub next_meeting: Option<String>,
    /// Who signs in the table: everyone at the table but the chair and the secretary.
    pub signatures: Vec<PersonLine>,
    pub amendments: Vec<AmendmentLine>,
    pub letterhead: Letterhead,
    /// The letter number, filled in from the letterhead's pattern (empty: written by hand).
    pub letter_number: String,
    /// «جلسه با حضور نمایندگان ۷ دستگاه از ۸ دستگاه عضو رسمیت یافت», when the series has
    /// member agencies.
    pub quorum: Option<String>,
    /// The records the minutes were made from; the JSON format writes these.
    pub bundle: MeetingBundle,
    /// When they were read (RFC 3339, UTC): the minutes file's `exported_at`.
    pub exported_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub organisation: String,
    pub series_title: String,
    /// The meeting's number in this language's digits.
    pub number: String,
    /// Weekday and date: «سه‌شنبه ۱۳۹۳/۰۲/۱۶».
    pub date: String,
    /// «۰۹:۳۰ تا ۱۱:۳۰», or the start time alone.
    pub time: Option<String>,
    pub place: String,
    pub status: String,
    /// The meeting's date without its weekday, for the letter block.
    pub short_date: String,
    /// Not final yet (draft or in progress): the minutes say so at the top.
    pub draft: bool,
}

/// Someone at the table: name, title, agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonLine {
    pub name: String,
    pub title: String,
    pub agency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct People {
    pub chair: Option<PersonLine>,
    pub secretary: Option<PersonLine>,
    /// Present attendees, by agency.
    pub present: Vec<PersonLine>,
    /// «X on behalf of Y».
    pub substitutes: Vec<Substitute>,
    /// Absent and excused people, with the state and reason.
    pub absent: Vec<Absence>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitute {
    pub person: PersonLine,
    pub for_name: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub person: PersonLine,
    pub state: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaLine {
    pub number: String,
    pub title: String,
    pub category: String,
}

/// The discussion of one category (or of no issue in particular: the first group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscussionGroup {
    pub heading: String,
    pub issues: Vec<DiscussionIssue>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscussionIssue {
    /// `None` for the statements on no issue.
    pub title: Option<String>,
    /// Its number on the agenda, when it is on it.
    pub number: Option<String>,
    pub statements: Vec<StatementLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub speaker: String,
    /// The speaker's title and agency, «معاون امور اجتماعی، اداره کل بهزیستی».
    pub role: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionLine {
    /// «۲/۱».
    pub number: String,
    pub text: String,
    pub lead: String,
    /// The supporting agencies, joined with the language's list separator.
    pub supporting: String,
    /// The same by their short names, for the minutes' table, where the lead agency is named
    /// in full and the attendance gives every name whole.
    pub supporting_short: String,
    /// The deadline as this language shows it.
    pub due: String,
    /// The deadline in both calendars, digits in ASCII: `1393/03/31` and `2014-06-21`.
    pub due_jalali: String,
    pub due_gregorian: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentLine {
    pub date: String,
    pub reason: String,
    pub text: String,
    /// What it changed, one line each: «مصوبهٔ ۱/۴ · مهلت اجرا: ۱۴۰۵/۱۰/۳۰ ← ۱۴۰۵/۱۰/۲۰».
    pub changes: Vec<String>,
}

/// Names of agencies and people, looked up in the bundle.
pub(crate) struct Names<'a> {
    lang: Lang,
    agencies: HashMap<&'a Id, &'a crate::domain::Agency>,
    people: HashMap<&'a Id, &'a Person>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(lang: Lang, b: &'a MeetingBundle) -> Self {
        Names {
            lang,
            agencies: b.agencies.iter().map(|a| (&a.id, a)).collect(),
            people: b.people.iter().map(|p| (&p.id, p)).collect(),
        }
    }

    /// One change of an amendment, names as the minutes write them.
    fn amended(&self, change: &crate::domain::Amended) -> String {
        let agency = |id: &Id| Some(self.agency(id)).filter(|n| !n.is_empty());
        let person = |id: &Id| Some(self.person(id).name).filter(|n| !n.is_empty());
        let names = crate::i18n::AmendedNames {
            agency: &agency,
            person: &person,
            isolated: false,
        };
        crate::i18n::amended_line(self.lang, change, &names)
    }

    /// An agency's name; the English minutes use its English name when it has one.
    pub(crate) fn agency(&self, id: &Id) -> String {
        match self.agencies.get(id) {
            Some(a) if self.lang == Lang::En && !a.name_en.is_empty() => a.name_en.clone(),
            Some(a) => persian_letters(self.lang, &a.name),
            None => String::new(),
        }
    }

    /// An agency's short name (بهزیستی), for a compact table; its name when it has none.
    pub(crate) fn agency_short(&self, id: &Id) -> String {
        match self.agencies.get(id) {
            Some(a) if self.lang == Lang::Fa && !a.short_name.trim().is_empty() => {
                persian_letters(self.lang, &a.short_name)
            }
            _ => self.agency(id),
        }
    }

    /// Every name an agency has, in Persian letters, longest first: what a text may start
    /// with when it names it.
    pub(crate) fn agency_names(&self, id: &Id) -> Vec<String> {
        let mut all: Vec<String> = self
            .agencies
            .get(id)
            .map(|a| {
                [&a.name, &a.short_name, &a.name_en]
                    .into_iter()
                    .map(|n| persian_letters(Lang::Fa, n.trim()))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        all.sort_by_key(|n| std::cmp::Reverse(n.len()));
        all
    }

    fn agencies(&self, ids: &[Id]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.agency(id)).collect();
        names.join(self.lang.list_separator())
    }

    fn person(&self, id: &Id) -> PersonLine {
        match self.people.get(id) {
            Some(p) => PersonLine {
                name: persian_letters(self.lang, &p.name),
                title: persian_letters(self.lang, &p.title),
                agency: p
                    .agency
                    .as_ref()
                    .map(|a| self.agency(a))
                    .unwrap_or_default(),
            },
            None => PersonLine {
                name: String::new(),
                title: String::new(),
                agency: String::new(),
            },
        }
    }
}

/// A deadline as `lang` shows it, or a dash.
pub(crate) fn due_text(lang: Lang, due: Option<Date>) -> String {
    due.map_or_else(|| "—".to_string(), |d| lang.date(d))
}

impl Minutes {
    /// Words the minutes of `bundle`'s meeting in `lang`.
    pub fn new(bundle: MeetingBundle, lang: Lang, context: Context) -> Minutes {
        let names = Names::new(lang, &bundle);
        let m = &bundle.meeting;
        let header = Header {
            organisation: bundle.series.organisation.clone(),
            series_title: bundle.series.title.clone(),
            number: lang.number(m.number),
            date: lang.date_with_weekday(m.date),
            time: m.start_time.map(|start| match m.end_time {
                Some(end) => lang.digits(&format!("{start} {} {end}", lang.export_strings().until)),
                None => lang.digits(&start.to_string()),
            }),
            place: m.place.clone(),
            status: lang.status(m.status).to_string(),
            short_date: lang.date(m.date),
            draft: matches!(m.status, MeetingStatus::Draft | MeetingStatus::InProgress),
        };
        let people = people(&bundle, &names, lang);
        let signatures = signatures(&people);
        let quorum = quorum_sentence(&bundle, lang);
        let letter_number = context.letterhead.number_of(m.number, m.date, lang);
        Minutes {
            lang,
            header,
            agenda: agenda(&bundle, lang),
            review: Review::new(&bundle, &names, lang, context.previous.as_ref()),
            discussion: discussion(&bundle, &names, lang),
            decisions: bundle
                .decisions
                .iter()
                .map(|d| decision_line(d, &names, lang))
                .collect(),
            next_meeting: m.next_meeting.map(|d| lang.date_with_weekday(d)),
            signatures,
            amendments: bundle
                .amendments
                .iter()
                .map(|a| AmendmentLine {
                    date: lang.date(a.date),
                    reason: a.reason.clone(),
                    text: a.text.clone(),
                    changes: a.changes.iter().map(|c| names.amended(c)).collect(),
                })
                .collect(),
            people,
            letterhead: context.letterhead,
            letter_number,
            quorum,
            bundle,
            exported_at: context.exported_at,
        }
    }

    /// The labels of these minutes' language.
    pub fn strings(&self) -> &'static ExportStrings {
        self.lang.export_strings()
    }

    /// A readable file name without extension: `soratjalase-2-1393-02-16` (or
    /// `minutes-2-2014-05-06` in English).
    pub fn file_stem(&self) -> String {
        let m = &self.bundle.meeting;
        match self.lang {
            Lang::Fa => {
                let j = m.date.jalali();
                format!(
                    "soratjalase-{}-{:04}-{:02}-{:02}",
                    m.number, j.year, j.month, j.day
                )
            }
            Lang::En => format!("minutes-{}-{}", m.number, m.date.iso()),
        }
    }
}

fn people(b: &MeetingBundle, names: &Names<'_>, lang: Lang) -> People {
    let agency_order: HashMap<&Id, usize> = b
        .agencies
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();
    let person_order = |id: &Id| {
        let agency = names.people.get(id).and_then(|p| p.agency.as_ref());
        agency
            .and_then(|a| agency_order.get(a))
            .copied()
            .unwrap_or(usize::MAX)
    };
    let mut attendance: Vec<_> = b.attendance.iter().collect();
    attendance.sort_by_key(|a| person_order(&a.person));
    let mut out = People {
        chair: b.meeting.chair.as_ref().map(|p| names.person(p)),
        secretary: b.meeting.secretary.as_ref().map(|p| names.person(p)),
        ..People::default()
    };
    for a in attendance {
        let person = names.person(&a.person);
        match a.state {
            AttendanceState::Present => out.present.push(person),
            AttendanceState::Substitute => out.substitutes.push(Substitute {
                person,
                for_name: a
                    .substitute_for
                    .as_ref()
                    .map(|p| names.person(p).name)
                    .unwrap_or_default(),
                reason: a.reason.clone(),
            }),
            AttendanceState::Absent | AttendanceState::Excused => out.absent.push(Absence {
                person,
                state: lang.status(a.state).to_string(),
                reason: a.reason.clone(),
            }),
        }
    }
    out
}

/// Who signs the table: everyone at it but the chair and the secretary, who sign on lines of
/// their own.
fn signatures(p: &People) -> Vec<PersonLine> {
    let is_officer =
        |x: &PersonLine| p.chair.as_ref() == Some(x) || p.secretary.as_ref() == Some(x);
    let mut out: Vec<PersonLine> = p
        .present
        .iter()
        .filter(|x| !is_officer(x))
        .cloned()
        .collect();
    out.extend(p.substitutes.iter().map(|s| s.person.clone()));
    out
}

/// The quorum sentence, from the domain's one quorum rule; none when the series names no
/// member agencies.
fn quorum_sentence(b: &MeetingBundle, lang: Lang) -> Option<String> {
    let agency_of: HashMap<&Id, &Id> = b
        .people
        .iter()
        .filter_map(|p| p.agency.as_ref().map(|a| (&p.id, a)))
        .collect();
    let q = Quorum::of(&b.series, &b.attendance, |p| agency_of.get(p).copied());
    if q.members == 0 {
        return None;
    }
    let s = lang.export_strings();
    let template = match (q.has_rule(), q.is_met()) {
        (false, _) => s.quorum_none,
        (true, true) => s.quorum_met,
        (true, false) => s.quorum_missing,
    };
    Some(
        template
            .replace("{present}", &lang.number(q.represented.len()))
            .replace("{members}", &lang.number(q.members))
            .replace("{required}", &lang.number(q.required as usize)),
    )
}

/// Persian letters for Arabic ones (ك → ک, ي ى → ی), as names are printed in Persian minutes;
/// the records keep what was typed.
pub(crate) fn persian_letters(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fa if text.contains(['ك', 'ي', 'ى']) => text
            .chars()
            .map(|c| match c {
                'ك' => 'ک',
                'ي' | 'ى' => 'ی',
                c => c,
            })
            .collect(),
        _ => text.to_string(),
    }
}

/// The issues on the agenda, in its order; an issue's place here is its agenda number.
fn agenda_order(b: &MeetingBundle) -> impl Iterator<Item = &Issue> {
    let issues: HashMap<&Id, &Issue> = b.issues.iter().map(|i| (&i.id, i)).collect();
    b.agenda
        .iter()
        .filter_map(move |id| issues.get(id).copied())
}

fn agenda(b: &MeetingBundle, lang: Lang) -> Vec<AgendaLine> {
    agenda_order(b)
        .enumerate()
        .map(|(n, i)| AgendaLine {
            number: lang.number(n + 1),
            title: i.title.clone(),
            category: category_name(b, i.category.as_ref()),
        })
        .collect()
}

fn category_name(b: &MeetingBundle, id: Option<&Id>) -> String {
    id.and_then(|c| b.categories.iter().find(|k| &k.id == c))
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

fn discussion(b: &MeetingBundle, names: &Names<'_>, lang: Lang) -> Vec<DiscussionGroup> {
    let strings = lang.export_strings();
    let statement = |s: &crate::domain::Statement| {
        let who = names.person(&s.speaker);
        // The agency, unless the title already names it («معاون امور اجتماعی بهزیستی»), in
        // whichever of its names.
        let agency = names
            .people
            .get(&s.speaker)
            .and_then(|p| p.agency.as_ref())
            .and_then(|a| names.agencies.get(a));
        let named = agency.is_some_and(|a| {
            [&a.short_name, &a.name, &a.name_en]
                .into_iter()
                .map(|n| persian_letters(Lang::Fa, n.trim()))
                .any(|n| !n.is_empty() && persian_letters(Lang::Fa, &who.title).contains(&n))
        });
        let agency = if named { "" } else { who.agency.as_str() };
        let role = [who.title.as_str(), agency]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(lang.list_separator());
        StatementLine {
            speaker: who.name,
            role,
            text: s.text.clone(),
        }
    };
    let mut groups = Vec::new();
    let general: Vec<StatementLine> = b
        .statements
        .iter()
        .filter(|s| s.issue.is_none())
        .map(statement)
        .collect();
    if !general.is_empty() {
        groups.push(DiscussionGroup {
            heading: strings.general.to_string(),
            issues: vec![DiscussionIssue {
                title: None,
                number: None,
                statements: general,
            }],
        });
    }
    let on_agenda: HashMap<&Id, usize> = agenda_order(b)
        .enumerate()
        .map(|(n, i)| (&i.id, n + 1))
        .collect();
    // Issues are already in category order; a group starts where the category changes.
    for issue in &b.issues {
        let said: Vec<StatementLine> = b
            .statements
            .iter()
            .filter(|s| s.issue.as_ref() == Some(&issue.id))
            .map(statement)
            .collect();
        if said.is_empty() {
            continue;
        }
        let heading = category_name(b, issue.category.as_ref());
        let item = DiscussionIssue {
            title: Some(issue.title.clone()),
            number: on_agenda.get(&issue.id).map(|n| lang.number(*n)),
            statements: said,
        };
        match groups.last_mut() {
            Some(g) if g.heading == heading && !g.issues.iter().any(|i| i.title.is_none()) => {
                g.issues.push(item)
            }
            _ => groups.push(DiscussionGroup {
                heading,
                issues: vec![item],
            }),
        }
    }
    groups
}

pub(crate) fn decision_line(d: &Decision, names: &Names<'_>, lang: Lang) -> DecisionLine {
    DecisionLine {
        number: lang.decision_number(d.number),
        text: d.text.clone(),
        lead: names.agency(&d.lead_agency),
        supporting: names.agencies(&d.supporting_agencies),
        supporting_short: d
            .supporting_agencies
            .iter()
            .map(|id| names.agency_short(id))
            .collect::<Vec<_>>()
            .join(lang.list_separator()),
        due: due_text(lang, d.due),
        due_jalali: d.due.map(|x| x.jalali().latin()).unwrap_or_default(),
        due_gregorian: d.due.map(Date::iso).unwrap_or_default(),
        status: lang.status(d.status).to_string(),
    }
}
