//! The demo meeting series, built from a real meeting: the second session on the problems of
//! the Hamyar self-help groups, Welfare Directorate of Kerman province, spring 1393.
//!
//! The data lives in `assets/demo/kerman.json` and is compiled into the binary, so `--demo`
//! needs no files beside it. People, agencies and issues refer to each other by short keys
//! that are resolved to ids when the demo is written into a store.

use serde::Deserialize;

use crate::domain::{
    Agency, Attendance, AttendanceState, Category, Date, DateError, DecisionNumber, DecisionStatus,
    Id, Issue, IssueStatus, MeetingStatus, Person, Series, Statement, TimeError, TimeOfDay,
    UnknownCode,
};
use crate::store::{NewDecision, NewMeeting, Store, StoreError};

mod write;

use write::{DemoWriter, advance};

const KERMAN_JSON: &str = include_str!("../../assets/demo/kerman.json");

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
