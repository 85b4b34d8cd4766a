//! How each synthetic decision and issue lives, decided when it is made.
//!
//! A decision's future is drawn up front as the follow-ups it will get, each in a later
//! meeting: most are done about on time, some late, some after stalling in progress for months,
//! some cancelled, and some are never reported on until they are cancelled long after their
//! deadline. Follow-ups that would fall after the last meeting are not written, so at the end of
//! the series the recent decisions are still pending or in progress, some of them overdue.
//! Knowing its future, a decision is stored with its final status at once, and the follow-ups
//! are written meeting by meeting as the series gets there.

use super::rng::Rng;
use crate::domain::{DecisionStatus, IssueStatus, TransitionError};

/// One follow-up to come: in which meeting, and the status it moves the decision to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Step {
    pub meeting: u32,
    pub status: DecisionStatus,
}

/// The follow-ups of a decision made in meeting `made` and due about `due_weeks` weeks later,
/// up to meeting `last`, in order.
pub(super) fn decision_steps(rng: &mut Rng, made: u32, due_weeks: u32, last: u32) -> Vec<Step> {
    use DecisionStatus::{Cancelled, Done, InProgress};
    let due = due_weeks.max(1);
    // Weeks after the meeting, strictly increasing.
    let mut weeks: Vec<(u32, DecisionStatus)> = Vec::with_capacity(3);
    let started = rng.between(1, due);
    match rng.below(100) {
        // On time, often reported in progress first.
        0..=54 => {
            if rng.chance(50) && due > 1 {
                let w = rng.between(1, due - 1);
                weeks.push((w, InProgress));
                weeks.push((rng.between(w + 1, due), Done));
            } else {
                weeks.push((started, Done));
            }
        }
        // Late by up to ten weeks.
        55..=69 => {
            weeks.push((started, InProgress));
            weeks.push((due + rng.between(1, 10), Done));
        }
        // Cancelled, sometimes after work began.
        70..=77 => {
            let mut w = started;
            if rng.chance(50) {
                weeks.push((w, InProgress));
                w += 1;
            }
            weeks.push((w + rng.below(due + 4), Cancelled));
        }
        // Stalled in progress for months, then done.
        78..=89 => {
            let w = rng.between(1, 3);
            weeks.push((w, InProgress));
            weeks.push((w.max(due) + rng.between(5, 20), Done));
        }
        // Never reported on, cancelled long after its deadline.
        _ => weeks.push((due + rng.between(12, 30), Cancelled)),
    }
    weeks
        .into_iter()
        .map(|(w, status)| Step {
            meeting: made.saturating_add(w),
            status,
        })
        .take_while(|s| s.meeting <= last)
        .collect()
}

/// The status a decision ends with after its steps, each checked against the domain's rules.
pub(super) fn final_status(steps: &[Step]) -> Result<DecisionStatus, TransitionError> {
    steps
        .iter()
        .try_fold(DecisionStatus::Pending, |s, step| s.transition(step.status))
}

/// How long an issue raised in meeting `raised` stays on the agenda, and how it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IssueLife {
    /// The meeting in which it is resolved or dropped, after being discussed.
    pub ends: u32,
    /// Its status after meeting `last`.
    pub status: IssueStatus,
}

pub(super) fn issue_life(rng: &mut Rng, raised: u32, last: u32) -> IssueLife {
    let ends = raised.saturating_add(rng.below(6));
    let status = if ends <= last {
        if rng.chance(90) {
            IssueStatus::Resolved
        } else {
            IssueStatus::Dropped
        }
    } else if raised < last {
        IssueStatus::InProgress
    } else {
        IssueStatus::Open
    };
    IssueLife { ends, status }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_come_in_later_meetings_and_follow_the_rules() {
        let mut rng = Rng::new(5);
        for made in 1..200 {
            let due = rng.between(1, 13);
            let steps = decision_steps(&mut rng, made, due, 150);
            let mut at = made;
            for s in &steps {
                assert!(s.meeting > at && s.meeting <= 150, "{steps:?}");
                at = s.meeting;
            }
            let end = final_status(&steps).unwrap();
            assert_eq!(
                steps.last().map_or(DecisionStatus::Pending, |s| s.status),
                end
            );
        }
    }

    #[test]
    fn old_decisions_are_mostly_settled() {
        let mut rng = Rng::new(11);
        let settled = (0..1000)
            .filter(|_| {
                let due = rng.between(1, 13);
                let steps = decision_steps(&mut rng, 1, due, 60);
                !final_status(&steps).unwrap().is_active()
            })
            .count();
        assert!(settled > 950, "{settled} of 1000 settled after 60 meetings");
    }
}
