//! The demo meeting series, built from a real meeting: the second session on the problems of
//! the Hamyar self-help groups, Welfare Directorate of Kerman province, spring 1393.
//!
//! The data lives in `assets/demo/kerman.json` and is compiled into the binary, so `--demo`
//! needs no files beside it. People, agencies and issues refer to each other by short keys
//! that are resolved to ids when the demo is written into a store.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::{
    Agency, Attendance, AttendanceState, Category, Date, DateError, DecisionNumber, DecisionStatus,
    Id, Issue, IssueStatus, MeetingStatus, Person, Series, Statement, TimeError, TimeOfDay,
    UnknownCode,
};
use crate::store::{NewDecision, NewMeeting, Store, StoreError};

const KERMAN_JSON: &str = include_str!("../assets/demo/kerman.json");

/// The demo as written in the asset file.
#[derive(Debug, Deserialize)]
pub struct DemoData {
    /// The day the demo pretends it is when `--today` is not given: the day of meeting 2.
    pub today: String,
    pub series: DemoSeries,
    pub agencies: Vec<DemoAgency>,
    pub people: Vec<DemoPerson>,
    pub categories: Vec<String>,
    pub meetings: Vec<DemoMeeting>,
}

#[derive(Debug, Deserialize)]
pub struct DemoSeries {
    pub title: String,
    pub organisation: String,
    pub default_place: String,
    pub quorum: u32,
}

#[derive(Debug, Deserialize)]
pub struct DemoAgency {
    pub key: String,
    pub name: String,
    pub name_en: String,
    pub short_name: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoPerson {
    pub key: String,
    pub name: String,
    pub title: String,
    pub agency: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoMeeting {
    pub number: u32,
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub chair: String,
    pub secretary: String,
    pub status: String,
    pub next_meeting: Option<String>,
    pub attendance: Vec<DemoAttendance>,
    pub issues: Vec<DemoIssue>,
    pub statements: Vec<DemoStatement>,
    pub decisions: Vec<DemoDecision>,
}

#[derive(Debug, Deserialize)]
pub struct DemoAttendance {
    pub person: String,
    pub state: String,
    #[serde(default)]
    pub substitute_for: Option<String>,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoIssue {
    pub key: String,
    pub category: String,
    pub title: String,
    pub description: String,
    pub raised_by: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoStatement {
    pub speaker: String,
    pub issue: Option<String>,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoDecision {
    pub issue: Option<String>,
    pub text: String,
    pub lead: String,
    pub supporting: Vec<String>,
    pub due: String,
    pub status: String,
    #[serde(default)]
    pub follow_up: Option<String>,
}

/// A flaw in the demo asset (a dangling key, a bad date): a bug in hamyar, not user error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DemoError {
    /// The asset is not valid JSON, or not shaped like a demo (serde's description).
    #[error("the demo data is not valid JSON ({0}); this is a bug in hamyar")]
    Json(String),
    /// A date in the asset cannot be read.
    #[error("the demo data holds a bad date ({0}); this is a bug in hamyar")]
    Date(DateError),
    /// A time of day in the asset cannot be read.
    #[error("the demo data holds a bad time ({0}); this is a bug in hamyar")]
    Time(TimeError),
    /// A status or attendance state in the asset is not a known code.
    #[error("the demo data holds a bad status ({0}); this is a bug in hamyar")]
    Code(UnknownCode),
    /// A key that names no agency, person, issue or category of the demo.
    #[error("the demo data refers to an unknown {} «{key}»; this is a bug in hamyar", .kind.noun_en())]
    UnknownKey { kind: DemoKey, key: String },
    /// A follow-up of a decision the demo does not have.
    #[error(
        "the demo data follows up decision {0}, which it does not have; this is a bug in hamyar"
    )]
    MissingDecision(DecisionNumber),
}

/// What a key of the demo asset names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoKey {
    Agency,
    Person,
    Issue,
    Category,
}

impl DemoKey {
    /// "agency", "person"…, as the English sentences name it.
    pub fn noun_en(self) -> &'static str {
        match self {
            DemoKey::Agency => "agency",
            DemoKey::Person => "person",
            DemoKey::Issue => "issue",
            DemoKey::Category => "category",
        }
    }
}

// By hand rather than `#[from]`: the sentence already says what the inner error says, and a
// `source` would make a report that walks the chain say it twice.
impl From<serde_json::Error> for DemoError {
    fn from(e: serde_json::Error) -> Self {
        DemoError::Json(e.to_string())
    }
}

impl From<DateError> for DemoError {
    fn from(e: DateError) -> Self {
        DemoError::Date(e)
    }
}

impl From<TimeError> for DemoError {
    fn from(e: TimeError) -> Self {
        DemoError::Time(e)
    }
}

impl From<UnknownCode> for DemoError {
    fn from(e: UnknownCode) -> Self {
        DemoError::Code(e)
    }
}

impl DemoData {
    /// The Kerman demo compiled into hamyar.
    pub fn kerman() -> Result<Self, DemoError> {
        Ok(serde_json::from_str(KERMAN_JSON)?)
    }

    pub fn today(&self) -> Result<Date, DemoError> {
        Ok(Date::parse_user(&self.today)?)
    }
}

/// What writing the demo produced, for the message the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub meetings: usize,
    pub decisions: usize,
    pub today: Date,
}

/// Why the demo could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteDemoError {
    /// The demo asset is flawed.
    #[error(transparent)]
    Demo(#[from] DemoError),
    /// The database refused: it holds data already ([`StoreError::NotEmpty`]), is locked…
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<DateError> for WriteDemoError {
    fn from(e: DateError) -> Self {
        DemoError::from(e).into()
    }
}

impl From<TimeError> for WriteDemoError {
    fn from(e: TimeError) -> Self {
        DemoError::from(e).into()
    }
}

impl From<UnknownCode> for WriteDemoError {
    fn from(e: UnknownCode) -> Self {
        DemoError::from(e).into()
    }
}

impl DemoData {
    /// Writes the whole demo into an empty store, in one transaction: a database that holds
    /// data is refused ([`StoreError::NotEmpty`]), and a flaw found halfway leaves nothing.
    ///
    /// Each record goes in through the same use-case methods the app uses, so the demo also
    /// carries a full audit trail. The store's clock should be the demo's `today`, which dates
    /// the follow-ups reported in meeting 2.
    pub fn write_into(&self, store: &mut Store) -> Result<DemoSummary, WriteDemoError> {
        store.fill_empty(|store| {
            let mut w = DemoWriter::cast(store, self)?;
            let mut previous: Option<(Id, MeetingStatus)> = None;
            for m in &self.meetings {
                // A meeting is closed and approved before the next one opens, as in the real
                // series.
                if let Some((id, status)) = previous.take() {
                    advance(w.store, &id, status)?;
                }
                let id = w.meeting(m)?;
                previous = Some((id, MeetingStatus::parse(&m.status)?));
            }
            if let Some((id, status)) = previous {
                advance(w.store, &id, status)?;
            }
            Ok(DemoSummary {
                meetings: self.meetings.len(),
                decisions: self.meetings.iter().map(|m| m.decisions.len()).sum(),
                today: self.today()?,
            })
        })
    }
}

/// Writes the demo into a store, resolving the asset's keys to the ids it has written.
struct DemoWriter<'s, 'd> {
    store: &'s mut Store,
    demo: &'d DemoData,
    series: Id,
    agencies: HashMap<&'d str, Id>,
    people: HashMap<&'d str, Id>,
    categories: HashMap<&'d str, Id>,
    issues: HashMap<&'d str, Id>,
    /// Decisions by their number in the asset (meeting, item).
    decisions: HashMap<DecisionNumber, Id>,
}

fn lookup(map: &HashMap<&str, Id>, kind: DemoKey, key: &str) -> Result<Id, DemoError> {
    map.get(key).cloned().ok_or_else(|| DemoError::UnknownKey {
        kind,
        key: key.to_string(),
    })
}

impl<'s, 'd> DemoWriter<'s, 'd> {
    /// Writes the agencies, people, categories and the series.
    fn cast(store: &'s mut Store, demo: &'d DemoData) -> Result<Self, WriteDemoError> {
        let mut agencies = HashMap::new();
        for a in &demo.agencies {
            let agency = Agency {
                id: Id::new(),
                name: a.name.clone(),
                name_en: a.name_en.clone(),
                short_name: a.short_name.clone(),
                active: true,
            };
            store.add_agency(&agency)?;
            agencies.insert(a.key.as_str(), agency.id);
        }
        let mut people = HashMap::new();
        for p in &demo.people {
            let person = Person {
                id: Id::new(),
                name: p.name.clone(),
                title: p.title.clone(),
                agency: p
                    .agency
                    .as_deref()
                    .map(|k| lookup(&agencies, DemoKey::Agency, k))
                    .transpose()?,
            };
            store.add_person(&person)?;
            people.insert(p.key.as_str(), person.id);
        }
        let mut categories = HashMap::new();
        for (name, order) in demo.categories.iter().zip(1..) {
            let category = Category {
                id: Id::new(),
                name: name.clone(),
                order,
            };
            store.add_category(&category)?;
            categories.insert(name.as_str(), category.id);
        }
        let series = Series {
            id: Id::new(),
            title: demo.series.title.clone(),
            organisation: demo.series.organisation.clone(),
            default_place: demo.series.default_place.clone(),
            member_agencies: demo
                .agencies
                .iter()
                .map(|a| lookup(&agencies, DemoKey::Agency, &a.key))
                .collect::<Result<_, _>>()?,
            quorum: demo.series.quorum,
        };
        store.create_series(&series)?;
        Ok(DemoWriter {
            store,
            demo,
            series: series.id,
            agencies,
            people,
            categories,
            issues: HashMap::new(),
            decisions: HashMap::new(),
        })
    }

    fn person(&self, key: &str) -> Result<Id, DemoError> {
        lookup(&self.people, DemoKey::Person, key)
    }

    fn agency(&self, key: &str) -> Result<Id, DemoError> {
        lookup(&self.agencies, DemoKey::Agency, key)
    }

    fn issue(&self, key: Option<&str>) -> Result<Option<Id>, DemoError> {
        key.map(|k| lookup(&self.issues, DemoKey::Issue, k))
            .transpose()
    }

    /// Opens one meeting and records in it what the asset says happened; returns its id.
    fn meeting(&mut self, m: &'d DemoMeeting) -> Result<Id, WriteDemoError> {
        let time = |t: &Option<String>| t.as_deref().map(TimeOfDay::parse).transpose();
        let meeting = self.store.create_meeting(&NewMeeting {
            series: self.series.clone(),
            date: Date::parse_user(&m.date)?,
            start_time: time(&m.start_time)?,
            end_time: time(&m.end_time)?,
            place: self.demo.series.default_place.clone(),
            chair: Some(self.person(&m.chair)?),
            secretary: Some(self.person(&m.secretary)?),
            next_meeting: m
                .next_meeting
                .as_deref()
                .map(Date::parse_user)
                .transpose()?,
        })?;
        self.store
            .set_meeting_status(&meeting.id, MeetingStatus::InProgress)?;
        self.follow_ups(m.number, &meeting.id)?;
        self.attendance(m, &meeting.id)?;
        self.issues_and_statements(m, &meeting.id)?;
        for (d, item) in m.decisions.iter().zip(1..) {
            let decision = self.store.record_decision(&NewDecision {
                meeting: meeting.id.clone(),
                issue: self.issue(d.issue.as_deref())?,
                text: d.text.clone(),
                lead_agency: self.agency(&d.lead)?,
                supporting_agencies: d
                    .supporting
                    .iter()
                    .map(|s| self.agency(s))
                    .collect::<Result<_, _>>()?,
                due: Some(Date::parse_user(&d.due)?),
            })?;
            let number = DecisionNumber {
                meeting: m.number,
                item,
            };
            self.decisions.insert(number, decision.id);
        }
        Ok(meeting.id)
    }

    /// Reports on earlier decisions come first in a meeting (پیگیری مصوبات قبلی).
    fn follow_ups(&mut self, number: u32, meeting: &Id) -> Result<(), WriteDemoError> {
        let demo = self.demo;
        for earlier in demo.meetings.iter().filter(|e| e.number < number) {
            for (d, item) in earlier.decisions.iter().zip(1..) {
                let Some(note) = &d.follow_up else { continue };
                let status = DecisionStatus::parse(&d.status)?;
                let number = DecisionNumber {
                    meeting: earlier.number,
                    item,
                };
                let id = self
                    .decisions
                    .get(&number)
                    .cloned()
                    .ok_or(DemoError::MissingDecision(number))?;
                if self.store.get_decision(&id)?.status != status {
                    self.store
                        .record_follow_up(&id, Some(meeting), status, note)?;
                }
            }
        }
        Ok(())
    }

    fn attendance(&mut self, m: &DemoMeeting, meeting: &Id) -> Result<(), WriteDemoError> {
        for a in &m.attendance {
            let attendance = Attendance {
                id: Id::new(),
                meeting: meeting.clone(),
                person: self.person(&a.person)?,
                state: AttendanceState::parse(&a.state)?,
                substitute_for: a
                    .substitute_for
                    .as_deref()
                    .map(|p| self.person(p))
                    .transpose()?,
                reason: a.reason.clone(),
            };
            self.store.set_attendance(&attendance)?;
        }
        Ok(())
    }

    fn issues_and_statements(
        &mut self,
        m: &'d DemoMeeting,
        meeting: &Id,
    ) -> Result<(), WriteDemoError> {
        for i in &m.issues {
            let issue = Issue {
                id: Id::new(),
                series: self.series.clone(),
                category: Some(lookup(&self.categories, DemoKey::Category, &i.category)?),
                title: i.title.clone(),
                description: i.description.clone(),
                raised_in: Some(meeting.clone()),
                raised_by: Some(self.person(&i.raised_by)?),
                status: IssueStatus::Open,
            };
            self.store.add_issue(&issue)?;
            self.issues.insert(i.key.as_str(), issue.id);
        }
        for s in &m.statements {
            let statement = Statement {
                id: Id::new(),
                meeting: meeting.clone(),
                issue: self.issue(s.issue.as_deref())?,
                speaker: self.person(&s.speaker)?,
                text: s.text.clone(),
            };
            self.store.record_statement(&statement)?;
        }
        Ok(())
    }
}

/// Moves an in-progress meeting forward to `target` one allowed step at a time.
fn advance(store: &mut Store, meeting: &Id, target: MeetingStatus) -> Result<(), StoreError> {
    let steps: &[MeetingStatus] = match target {
        MeetingStatus::Draft | MeetingStatus::InProgress => &[],
        MeetingStatus::Closed => &[MeetingStatus::Closed],
        MeetingStatus::Approved => &[MeetingStatus::Closed, MeetingStatus::Approved],
    };
    for step in steps {
        store.set_meeting_status(meeting, *step)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kerman_demo_is_consistent() {
        let demo = DemoData::kerman().unwrap();
        assert_eq!(demo.meetings.len(), 2);
        assert_eq!(demo.categories.len(), 4);
        assert_eq!(demo.today().unwrap().jalali().latin(), "1393/02/16");
        let m1 = Date::parse_user(&demo.meetings[0].date).unwrap().jalali();
        assert_eq!(
            (m1.year, m1.month),
            (1392, 12),
            "meeting 1 is in Esfand 1392"
        );
        for name in ["سعیدی", "فکری", "هاشمی"] {
            assert!(
                demo.meetings[1].statements.iter().any(|s| demo
                    .people
                    .iter()
                    .any(|p| p.key == s.speaker && p.name.contains(name))),
                "{name} speaks in meeting 2"
            );
        }
    }
}
