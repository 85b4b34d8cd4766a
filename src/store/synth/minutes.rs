//! What the minutes of a synthetic meeting say about the people: who came, who sent a
//! substitute or was excused, and who said what about which issue (about three statements per
//! issue discussed, as in the Kerman minutes).

use super::phrases::{self, Scene};
use super::plan::issue_life;
use super::series::{Discussed, OpenIssue, SeriesState, count};
use crate::domain::{Attendance, AttendanceState, Id, Issue, IssueStatus, Meeting, Statement};
use crate::store::Writer;
use crate::store::fault::Fault;
use crate::store::issues::{insert_issue, insert_statement};
use crate::store::meetings::insert_attendance;

/// The most issues one meeting gets through, however many decisions it makes.
const MOST_DISCUSSED: u32 = 60;

impl<'c> SeriesState<'c> {
    /// Records everyone's attendance; returns who was in the room to speak.
    pub(super) fn attendance(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
    ) -> Result<Vec<Id>, Fault> {
        let roll = self.roll_call(&meeting.id);
        let mut speakers = Vec::with_capacity(roll.len());
        for a in roll {
            if matches!(
                a.state,
                AttendanceState::Present | AttendanceState::Substitute
            ) {
                speakers.push(a.person.clone());
            }
            insert_attendance(w, &a)?;
            self.report.attendance += 1;
        }
        Ok(speakers)
    }

    /// Who comes: the chair and the secretary always; each agency's head mostly, or their
    /// deputy in their place, or no one (excused or not); the regulars often.
    fn roll_call(&mut self, meeting: &Id) -> Vec<Attendance> {
        let cast = self.cast;
        let seat = |person: &Id, state, substitute_for: Option<&Id>, reason: String| Attendance {
            id: Id::new(),
            meeting: meeting.clone(),
            person: person.clone(),
            state,
            substitute_for: substitute_for.cloned(),
            reason,
        };
        let mut roll = vec![
            seat(
                &cast.chair.id,
                AttendanceState::Present,
                None,
                String::new(),
            ),
            seat(
                &cast.secretary.id,
                AttendanceState::Present,
                None,
                String::new(),
            ),
        ];
        for d in &cast.delegations {
            let head = &d.head.id;
            roll.push(match self.rng.below(100) {
                0..=77 => seat(head, AttendanceState::Present, None, String::new()),
                78..=85 => {
                    let why = phrases::substitution(&mut self.rng);
                    seat(&d.deputy.id, AttendanceState::Substitute, Some(head), why)
                }
                86..=93 => {
                    let why = phrases::excuse(&mut self.rng);
                    seat(head, AttendanceState::Excused, None, why)
                }
                _ => seat(head, AttendanceState::Absent, None, String::new()),
            });
        }
        for g in &cast.guests {
            let state = if self.rng.chance(65) {
                AttendanceState::Present
            } else {
                AttendanceState::Absent
            };
            roll.push(seat(&g.id, state, None, String::new()));
        }
        roll
    }

    /// Goes through the agenda and raises new issues, so that the meeting discusses about one
    /// issue per decision it will make; records what was said. Returns the issues discussed.
    pub(super) fn discuss(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
        agenda: &[Id],
        decisions: u32,
        speakers: &[Id],
    ) -> Result<Vec<Discussed>, Fault> {
        let mut discussed: Vec<Discussed> = Vec::new();
        for id in agenda {
            let Some(open) = self.lives.get(id) else {
                continue;
            };
            // An issue is always discussed in the meeting that settles it; others, mostly.
            if open.ends == meeting.number || self.rng.chance(85) {
                discussed.push(Discussed {
                    id: id.clone(),
                    category: open.category,
                });
            }
        }
        let target = decisions.clamp(1, MOST_DISCUSSED);
        for _ in 0..target.saturating_sub(count(discussed.len())).max(1) {
            discussed.push(self.raise_issue(w, meeting, speakers)?);
        }
        for issue in &mut self.open {
            if discussed.iter().any(|d| d.id == issue.id) {
                issue.status = IssueStatus::InProgress;
            }
        }
        self.opening(w, meeting)?;
        for issue in &discussed {
            for _ in 0..self.rng.between(2, 4) {
                self.statement(w, meeting, issue, speakers)?;
            }
        }
        Ok(discussed)
    }

    /// Records an issue raised in `meeting` by someone in the room, with the status it will end
    /// the series with; keeps it for the agenda of the meetings to come.
    fn raise_issue(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
        speakers: &[Id],
    ) -> Result<Discussed, Fault> {
        let category = self.rng.index(self.cast.categories.len());
        let scene = self.scene(meeting);
        let topic = self.cast.topic(category);
        let (title, description) = phrases::issue(&mut self.rng, topic, &scene);
        let life = issue_life(&mut self.rng, meeting.number, self.last);
        let mut issue = Issue {
            id: Id::new(),
            series: self.cast.series.id.clone(),
            category: self.cast.categories.get(category).map(|c| c.id.clone()),
            title,
            description,
            raised_in: Some(meeting.id.clone()),
            raised_by: self.speaker(speakers),
            status: life.status,
        };
        insert_issue(w, &issue)?;
        self.report.issues += 1;
        let id = issue.id.clone();
        if life.ends > meeting.number {
            issue.status = IssueStatus::Open;
            let ends = life.ends;
            self.lives.insert(id.clone(), OpenIssue { ends, category });
            self.open.push(issue);
        }
        Ok(Discussed { id, category })
    }

    /// The chair opens the meeting with a statement or two on no issue in particular.
    fn opening(&mut self, w: &Writer<'_>, meeting: &Meeting) -> Result<(), Fault> {
        for _ in 0..self.rng.between(1, 2) {
            let scene = self.scene(meeting);
            let s = Statement {
                id: Id::new(),
                meeting: meeting.id.clone(),
                issue: None,
                speaker: self.cast.chair.id.clone(),
                text: phrases::opening(&mut self.rng, &scene),
            };
            insert_statement(w, &s)?;
            self.report.statements += 1;
        }
        Ok(())
    }

    fn statement(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
        issue: &Discussed,
        speakers: &[Id],
    ) -> Result<(), Fault> {
        let scene = self.scene(meeting);
        let topic = self.cast.topic(issue.category);
        let s = Statement {
            id: Id::new(),
            meeting: meeting.id.clone(),
            issue: Some(issue.id.clone()),
            speaker: self
                .speaker(speakers)
                .unwrap_or_else(|| self.cast.chair.id.clone()),
            text: phrases::statement(&mut self.rng, topic, &scene),
        };
        insert_statement(w, &s)?;
        self.report.statements += 1;
        Ok(())
    }

    fn speaker(&mut self, speakers: &[Id]) -> Option<Id> {
        speakers.get(self.rng.index(speakers.len())).cloned()
    }

    /// The placeholders of this meeting's phrases: a month-end deadline, a member agency.
    fn scene(&mut self, meeting: &Meeting) -> Scene<'c> {
        let cast: &'c super::cast::Cast = self.cast;
        let delegations = &cast.delegations;
        let agency = delegations
            .get(self.rng.index(delegations.len()))
            .map_or("", |d| d.agency.short_name.as_str());
        Scene {
            meeting: meeting.number,
            date: meeting.date,
            due: meeting.date.add_days(30).end_of_jalali_month(),
            agency,
        }
    }
}
