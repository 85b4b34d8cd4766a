//! The series as it unfolds, meeting by meeting, in the order a real meeting goes: opened with
//! its carry-over (the open issues as its agenda, the unfinished decisions for review), the
//! agencies' reports on earlier decisions, who came, the issues discussed with what was said,
//! and the decisions made.

use std::collections::HashMap;

use super::SynthReport;
use super::cast::{Cast, PLACES};
use super::phrases::{self, Scene};
use super::plan::{Step, decision_steps, final_status};
use super::rng::Rng;
use crate::domain::{
    Date, Decision, DecisionStatus, FollowUp, Id, Issue, Meeting, MeetingStatus, TimeOfDay,
    carry_over,
};
use crate::store::Writer;
use crate::store::decisions::{insert_decision_row, insert_follow_up};
use crate::store::fault::Fault;
use crate::store::meetings::{insert_items, insert_meeting};

/// 1390/01/06 (2011-03-26), the day of the first synthetic meeting, in days since 1970-01-01.
pub(super) const FIRST_MEETING_DAY: i64 = 15_059;

/// What the series knows of an open issue beside its record.
pub(super) struct OpenIssue {
    /// The meeting that resolves or drops it.
    pub ends: u32,
    /// Its category, as an index into the cast's categories.
    pub category: usize,
}

/// An issue discussed in a meeting, and its category.
pub(super) struct Discussed {
    pub id: Id,
    pub category: usize,
}

/// What the series holds between two meetings, beside what is already written.
pub(super) struct SeriesState<'c> {
    pub cast: &'c Cast,
    pub rng: Rng,
    /// The number of the last meeting, which is still in progress.
    pub last: u32,
    /// Issues raised and not yet resolved: the next meeting's agenda.
    pub open: Vec<Issue>,
    /// When each open issue ends, and its category.
    pub lives: HashMap<Id, OpenIssue>,
    /// Decisions still pending or in progress, with their status as of now.
    pub active: Vec<Decision>,
    /// The follow-ups still to come for each active decision, the next one last.
    pub steps: HashMap<Id, Vec<Step>>,
    pub report: SynthReport,
}

impl<'c> SeriesState<'c> {
    pub fn new(cast: &'c Cast, rng: Rng, last: u32) -> Self {
        SeriesState {
            cast,
            rng,
            last,
            open: Vec::new(),
            lives: HashMap::new(),
            active: Vec::new(),
            steps: HashMap::new(),
            report: SynthReport::default(),
        }
    }

    /// Writes meeting `number` with `decisions` decisions.
    pub fn meeting(&mut self, w: &Writer<'_>, number: u32, decisions: u32) -> Result<(), Fault> {
        let meeting = self.open_meeting(w, number, decisions)?;
        let agenda = self.carry_over(w, &meeting)?;
        self.follow_ups(w, &meeting)?;
        let speakers = self.attendance(w, &meeting)?;
        let discussed = self.discuss(w, &meeting, &agenda, decisions, &speakers)?;
        self.decide(w, &meeting, decisions, &discussed)?;
        self.close_issues(number);
        self.report.meetings += 1;
        Ok(())
    }

    /// Inserts the meeting: approved, or in progress for the last one.
    fn open_meeting(&mut self, w: &Writer<'_>, number: u32, items: u32) -> Result<Meeting, Fault> {
        let date = meeting_date(number);
        let meeting = Meeting {
            id: Id::new(),
            series: self.cast.series.id.clone(),
            number,
            date,
            start_time: Some(TimeOfDay { hour: 9, minute: 0 }),
            end_time: Some(TimeOfDay {
                hour: 11,
                minute: if self.rng.chance(50) { 0 } else { 30 },
            }),
            place: self.rng.pick(PLACES).into(),
            chair: Some(self.cast.chair.id.clone()),
            secretary: Some(self.cast.secretary.id.clone()),
            status: if number == self.last {
                MeetingStatus::InProgress
            } else {
                MeetingStatus::Approved
            },
            next_meeting: Some(date.add_days(7)),
        };
        insert_meeting(w, &meeting, items)?;
        Ok(meeting)
    }

    /// Writes the agenda and review list the store gives a new meeting (the domain's
    /// carry-over of what is open now); returns the agenda's issues, in order.
    fn carry_over(&mut self, w: &Writer<'_>, meeting: &Meeting) -> Result<Vec<Id>, Fault> {
        let carried = carry_over(
            &self.open,
            &self.active,
            &self.cast.categories,
            meeting.date,
        );
        let agenda: Vec<Id> = carried.agenda.iter().map(|i| i.id.clone()).collect();
        insert_items(w, "agenda_items", "issue", &meeting.id, agenda.iter())?;
        let review = carried.to_review.iter().map(|d| &d.id);
        insert_items(w, "review_items", "decision", &meeting.id, review)?;
        self.report.agenda_items += count(carried.agenda.len());
        self.report.review_items += count(carried.to_review.len());
        Ok(agenda)
    }

    /// Records the reports due in this meeting on earlier decisions, and lets the settled ones
    /// go: they are not carried to the next meeting.
    fn follow_ups(&mut self, w: &Writer<'_>, meeting: &Meeting) -> Result<(), Fault> {
        for d in &mut self.active {
            let Some(steps) = self.steps.get_mut(&d.id) else {
                continue;
            };
            if steps.last().is_none_or(|s| s.meeting != meeting.number) {
                continue;
            }
            let Some(step) = steps.pop() else { continue };
            d.status = d.status.transition(step.status)?;
            let scene = Scene {
                meeting: meeting.number,
                date: meeting.date,
                due: d.due.unwrap_or(meeting.date),
                agency: agency_name(self.cast, &d.lead_agency),
            };
            let f = FollowUp {
                id: Id::new(),
                decision: d.id.clone(),
                meeting: Some(meeting.id.clone()),
                date: meeting.date,
                new_status: d.status,
                note: phrases::follow_up_note(&mut self.rng, d.status, &scene),
            };
            insert_follow_up(w, &f)?;
            self.report.follow_ups += 1;
        }
        let steps = &mut self.steps;
        self.active.retain(|d| {
            let keep = d.status.is_active();
            if !keep {
                steps.remove(&d.id);
            }
            keep
        });
        Ok(())
    }

    /// Records a decision of `meeting`, numbered `item`, on one of the issues discussed.
    fn decision(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
        item: u32,
        discussed: &[Discussed],
    ) -> Result<(), Fault> {
        let delegations = &self.cast.delegations;
        let lead = &delegations[self.rng.index(delegations.len())].agency;
        let mut supporting: Vec<Id> = Vec::new();
        for _ in 0..self.rng.below(3) {
            let other = &delegations[self.rng.index(delegations.len())].agency;
            if other.id != lead.id && !supporting.contains(&other.id) {
                supporting.push(other.id.clone());
            }
        }
        let due = due_date(&mut self.rng, meeting.date);
        let due_weeks = u32::try_from((meeting.date.days_until(due) + 6) / 7).unwrap_or(1);
        let mut steps = decision_steps(&mut self.rng, meeting.number, due_weeks, self.last);
        let scene = Scene {
            meeting: meeting.number,
            date: meeting.date,
            due,
            agency: &lead.short_name,
        };
        let on = discussed
            .get(self.rng.index(discussed.len()))
            .filter(|_| self.rng.chance(90));
        let topic = on.map(|d| self.cast.topic(d.category));
        let support = supporting.first().map(|s| agency_name(self.cast, s));
        let text = phrases::decision(&mut self.rng, &lead.name, topic, support, &scene);
        let issue = on.map(|d| d.id.clone());
        let mut d = Decision {
            id: Id::new(),
            meeting: meeting.id.clone(),
            number: crate::domain::DecisionNumber {
                meeting: meeting.number,
                item,
            },
            issue,
            text,
            lead_agency: lead.id.clone(),
            supporting_agencies: supporting,
            due: Some(due),
            status: final_status(&steps)?,
        };
        insert_decision_row(w, &d)?;
        self.report.decisions += 1;
        // Until its first follow-up, the decision is pending.
        d.status = DecisionStatus::Pending;
        steps.reverse();
        self.steps.insert(d.id.clone(), steps);
        self.active.push(d);
        Ok(())
    }

    fn decide(
        &mut self,
        w: &Writer<'_>,
        meeting: &Meeting,
        decisions: u32,
        discussed: &[Discussed],
    ) -> Result<(), Fault> {
        for item in 1..=decisions {
            self.decision(w, meeting, item, discussed)?;
        }
        Ok(())
    }

    /// Issues resolved or dropped in meeting `number` leave the agenda.
    fn close_issues(&mut self, number: u32) {
        let lives = &mut self.lives;
        self.open.retain(|i| {
            let keep = lives.get(&i.id).is_some_and(|l| l.ends > number);
            if !keep {
                lives.remove(&i.id);
            }
            keep
        });
    }
}

/// The day of meeting `number`: weekly from 1390/01/06.
pub(super) fn meeting_date(number: u32) -> Date {
    Date::from_unix_days(FIRST_MEETING_DAY).add_days(7 * i64::from(number.saturating_sub(1)))
}

/// A deadline one to twelve weeks ahead, often the middle or the end of a Solar Hijri month,
/// as secretaries set them.
fn due_date(rng: &mut Rng, date: Date) -> Date {
    let day = date.add_days(i64::from(rng.between(7, 84)));
    let snapped = match rng.below(10) {
        0..=3 => day.end_of_jalali_month(),
        4..=6 => {
            let j = day.jalali();
            Date::from_jalali(j.year, j.month, 15).unwrap_or(day)
        }
        _ => day,
    };
    if snapped > date { snapped } else { day }
}

fn agency_name<'a>(cast: &'a Cast, id: &Id) -> &'a str {
    cast.delegations
        .iter()
        .find(|d| &d.agency.id == id)
        .map_or("", |d| d.agency.short_name.as_str())
}

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
