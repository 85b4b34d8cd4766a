//! Writing the demo into a store: the asset's short keys resolved to the ids written.

use std::collections::HashMap;

use super::*;

/// Writes the demo into a store, resolving the asset's keys to the ids it has written.
pub(super) struct DemoWriter<'s, 'd> {
    pub(super) store: &'s mut Store,
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
    pub(super) fn cast(store: &'s mut Store, demo: &'d DemoData) -> Result<Self, WriteDemoError> {
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
                active: true,
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
                archived: false,
                series: None,
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
            archived: false,
            interval_days: 0,
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
    pub(super) fn meeting(&mut self, m: &'d DemoMeeting) -> Result<Id, WriteDemoError> {
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
            number: None,
        })?;
        self.store
            .set_meeting_status(&meeting.id, MeetingStatus::InProgress)?;
        self.follow_ups(m.number)?;
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

    /// Reports on earlier decisions come first in a meeting (پیگیری مصوبات قبلی): the meeting
    /// is in progress, so they belong to it.
    fn follow_ups(&mut self, number: u32) -> Result<(), WriteDemoError> {
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
                    self.store.record_follow_up(&id, status, note)?;
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
pub(super) fn advance(
    store: &mut Store,
    meeting: &Id,
    target: MeetingStatus,
) -> Result<(), StoreError> {
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
