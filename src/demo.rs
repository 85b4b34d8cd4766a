//! The demo meeting series, built from a real meeting: the second session on the problems of
//! the Hamyar self-help groups, Welfare Directorate of Kerman province, spring 1393.
//!
//! The data lives in `assets/demo/kerman.json` and is compiled into the binary, so `--demo`
//! needs no files beside it. People, agencies and issues refer to each other by short keys
//! that are resolved to ids when the demo is written into a store.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::{
    Agency, Attendance, AttendanceState, Category, Date, DateError, DecisionStatus, Id, Issue,
    IssueStatus, MeetingStatus, Person, Series, Statement, TimeOfDay,
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
pub enum DemoError {
    #[error("demo data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("demo data: {0}")]
    Date(#[from] DateError),
    #[error("demo data refers to an unknown {kind} «{key}»")]
    UnknownKey { kind: &'static str, key: String },
    #[error("demo data: {0}")]
    Invalid(String),
}

impl DemoData {
    /// The Kerman demo compiled into hamyar.
    pub fn kerman() -> Result<Self, DemoError> {
        let data: DemoData = serde_json::from_str(KERMAN_JSON)?;
        data.validate()?;
        Ok(data)
    }

    pub fn today(&self) -> Result<Date, DemoError> {
        Ok(Date::parse_user(&self.today)?)
    }

    /// Checks every cross-reference and value before anything is written, so that a flawed
    /// asset never leaves a half-built demo database behind.
    fn validate(&self) -> Result<(), DemoError> {
        let agencies: HashMap<&str, ()> =
            self.agencies.iter().map(|a| (a.key.as_str(), ())).collect();
        let people: HashMap<&str, ()> = self.people.iter().map(|p| (p.key.as_str(), ())).collect();
        let check = |kind: &'static str, map: &HashMap<&str, ()>, key: &str| {
            if map.contains_key(key) {
                Ok(())
            } else {
                Err(DemoError::UnknownKey {
                    kind,
                    key: key.to_string(),
                })
            }
        };
        self.today()?;
        for p in &self.people {
            if let Some(a) = &p.agency {
                check("agency", &agencies, a)?;
            }
        }
        let mut issues: HashMap<&str, ()> = HashMap::new();
        for m in &self.meetings {
            for i in &m.issues {
                issues.insert(i.key.as_str(), ());
            }
        }
        for m in &self.meetings {
            Date::parse_user(&m.date)?;
            if let Some(n) = &m.next_meeting {
                Date::parse_user(n)?;
            }
            for t in m.start_time.iter().chain(m.end_time.iter()) {
                TimeOfDay::parse(t).map_err(|e| DemoError::Invalid(e.to_string()))?;
            }
            MeetingStatus::parse(&m.status).map_err(|e| DemoError::Invalid(e.to_string()))?;
            check("person", &people, &m.chair)?;
            check("person", &people, &m.secretary)?;
            for a in &m.attendance {
                check("person", &people, &a.person)?;
                if let Some(s) = &a.substitute_for {
                    check("person", &people, s)?;
                }
                AttendanceState::parse(&a.state).map_err(|e| DemoError::Invalid(e.to_string()))?;
            }
            for i in &m.issues {
                check("person", &people, &i.raised_by)?;
                if !self.categories.contains(&i.category) {
                    return Err(DemoError::UnknownKey {
                        kind: "category",
                        key: i.category.clone(),
                    });
                }
            }
            for s in &m.statements {
                check("person", &people, &s.speaker)?;
                if let Some(i) = &s.issue {
                    check("issue", &issues, i)?;
                }
            }
            for d in &m.decisions {
                check("agency", &agencies, &d.lead)?;
                for s in &d.supporting {
                    check("agency", &agencies, s)?;
                }
                if let Some(i) = &d.issue {
                    check("issue", &issues, i)?;
                }
                Date::parse_user(&d.due)?;
                DecisionStatus::parse(&d.status).map_err(|e| DemoError::Invalid(e.to_string()))?;
            }
        }
        Ok(())
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
pub enum WriteDemoError {
    #[error(transparent)]
    Demo(#[from] DemoError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "{} already holds meetings; the demo is written only into an empty database (choose another --db)",
        .0.display()
    )]
    NotEmpty(std::path::PathBuf),
}

impl DemoData {
    /// Writes the whole demo into an empty store.
    ///
    /// Each record goes in through the same use-case methods the app uses, so the demo also
    /// carries a full audit trail. The store's clock should be the demo's `today`, which dates
    /// the follow-ups reported in meeting 2.
    pub fn write_into(&self, store: &mut Store) -> Result<DemoSummary, WriteDemoError> {
        if !store.list_series()?.is_empty() || !store.list_meetings(None)?.is_empty() {
            return Err(WriteDemoError::NotEmpty(store.path().to_path_buf()));
        }
        let mut agencies: HashMap<&str, Id> = HashMap::new();
        for a in &self.agencies {
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
        let agency = |key: &str| {
            agencies
                .get(key)
                .cloned()
                .ok_or_else(|| DemoError::UnknownKey {
                    kind: "agency",
                    key: key.to_string(),
                })
        };
        let mut people: HashMap<&str, Id> = HashMap::new();
        for p in &self.people {
            let person = Person {
                id: Id::new(),
                name: p.name.clone(),
                title: p.title.clone(),
                agency: p.agency.as_deref().map(agency).transpose()?,
            };
            store.add_person(&person)?;
            people.insert(p.key.as_str(), person.id);
        }
        let person = |key: &str| {
            people
                .get(key)
                .cloned()
                .ok_or_else(|| DemoError::UnknownKey {
                    kind: "person",
                    key: key.to_string(),
                })
        };
        let mut categories: HashMap<&str, Id> = HashMap::new();
        for (order, name) in self.categories.iter().enumerate() {
            let category = Category {
                id: Id::new(),
                name: name.clone(),
                order: i32::try_from(order + 1).unwrap_or(i32::MAX),
            };
            store.add_category(&category)?;
            categories.insert(name.as_str(), category.id);
        }
        let series = Series {
            id: Id::new(),
            title: self.series.title.clone(),
            organisation: self.series.organisation.clone(),
            default_place: self.series.default_place.clone(),
            member_agencies: self
                .agencies
                .iter()
                .filter_map(|a| agencies.get(a.key.as_str()).cloned())
                .collect(),
            quorum: self.series.quorum,
        };
        store.create_series(&series)?;

        let mut issues: HashMap<&str, Id> = HashMap::new();
        let mut decisions_written = 0;
        let mut previous: Option<(Id, MeetingStatus)> = None;
        for m in &self.meetings {
            // A meeting is closed and approved before the next one opens, as in the real series.
            if let Some((id, status)) = previous.take() {
                advance(store, &id, status)?;
            }
            let time = |t: &Option<String>| {
                t.as_deref()
                    .map(TimeOfDay::parse)
                    .transpose()
                    .map_err(|e| DemoError::Invalid(e.to_string()))
            };
            let meeting = store.create_meeting(&NewMeeting {
                series: series.id.clone(),
                date: Date::parse_user(&m.date).map_err(DemoError::from)?,
                start_time: time(&m.start_time)?,
                end_time: time(&m.end_time)?,
                place: self.series.default_place.clone(),
                chair: Some(person(&m.chair)?),
                secretary: Some(person(&m.secretary)?),
                next_meeting: m
                    .next_meeting
                    .as_deref()
                    .map(Date::parse_user)
                    .transpose()
                    .map_err(DemoError::from)?,
            })?;
            store.set_meeting_status(&meeting.id, MeetingStatus::InProgress)?;

            // Reports on earlier decisions come first in a meeting (پیگیری مصوبات قبلی).
            for earlier in self.meetings.iter().filter(|e| e.number < m.number) {
                for (item, d) in earlier.decisions.iter().enumerate() {
                    let Some(note) = &d.follow_up else { continue };
                    let status = DecisionStatus::parse(&d.status)
                        .map_err(|e| DemoError::Invalid(e.to_string()))?;
                    let number = u32::try_from(item + 1).unwrap_or(u32::MAX);
                    let decision = store
                        .list_decisions(&store.meeting_by_number(&series.id, earlier.number)?.id)?
                        .into_iter()
                        .find(|x| x.number.item == number)
                        .ok_or_else(|| {
                            DemoError::Invalid(format!("decision {}/{number}", earlier.number))
                        })?;
                    if decision.status != status {
                        store.record_follow_up(&decision.id, Some(&meeting.id), status, note)?;
                    }
                }
            }

            for a in &m.attendance {
                store.set_attendance(&Attendance {
                    id: Id::new(),
                    meeting: meeting.id.clone(),
                    person: person(&a.person)?,
                    state: AttendanceState::parse(&a.state)
                        .map_err(|e| DemoError::Invalid(e.to_string()))?,
                    substitute_for: a.substitute_for.as_deref().map(person).transpose()?,
                    reason: a.reason.clone(),
                })?;
            }
            for i in &m.issues {
                let issue = Issue {
                    id: Id::new(),
                    series: series.id.clone(),
                    category: categories.get(i.category.as_str()).cloned(),
                    title: i.title.clone(),
                    description: i.description.clone(),
                    raised_in: Some(meeting.id.clone()),
                    raised_by: Some(person(&i.raised_by)?),
                    status: IssueStatus::Open,
                };
                store.add_issue(&issue)?;
                issues.insert(i.key.as_str(), issue.id);
            }
            let issue = |key: &Option<String>| -> Result<Option<Id>, DemoError> {
                key.as_deref()
                    .map(|k| {
                        issues.get(k).cloned().ok_or_else(|| DemoError::UnknownKey {
                            kind: "issue",
                            key: k.to_string(),
                        })
                    })
                    .transpose()
            };
            for s in &m.statements {
                store.record_statement(&Statement {
                    id: Id::new(),
                    meeting: meeting.id.clone(),
                    issue: issue(&s.issue)?,
                    speaker: person(&s.speaker)?,
                    text: s.text.clone(),
                })?;
            }
            for d in &m.decisions {
                let supporting = d
                    .supporting
                    .iter()
                    .map(|s| agency(s))
                    .collect::<Result<_, _>>()?;
                store.record_decision(&NewDecision {
                    meeting: meeting.id.clone(),
                    issue: issue(&d.issue)?,
                    text: d.text.clone(),
                    lead_agency: agency(&d.lead)?,
                    supporting_agencies: supporting,
                    due: Some(Date::parse_user(&d.due).map_err(DemoError::from)?),
                })?;
                decisions_written += 1;
            }
            let target =
                MeetingStatus::parse(&m.status).map_err(|e| DemoError::Invalid(e.to_string()))?;
            previous = Some((meeting.id, target));
        }
        if let Some((id, status)) = previous {
            advance(store, &id, status)?;
        }
        Ok(DemoSummary {
            meetings: self.meetings.len(),
            decisions: decisions_written,
            today: self.today()?,
        })
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
