//! Rules that span records: decision numbering, carry-over into a new meeting, and the
//! read-only status of approved meetings.

use std::cmp::Ordering;

use super::calendar::Date;
use super::entities::{Attendance, Category, Decision, DecisionNumber, Issue, Meeting};
use super::status::{AttendanceState, DecisionStatus, MeetingStatus};

/// A change refused because of the rules of the domain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleError {
    /// The meeting (its number here) is approved: its minutes are final.
    #[error("meeting {0} is approved and read-only; record a correction as an amendment instead")]
    MeetingApproved(u32),
    /// An amendment was asked for a meeting (its number here) that is not approved yet.
    #[error("meeting {0} is not approved yet; edit it directly instead of amending it")]
    NotApprovedYet(u32),
    /// Attendance as a substitute without the person stood in for.
    #[error("a substitute must name the person they stand in for")]
    SubstituteNeedsPerson,
    /// A decision already followed up or reviewed in a later meeting was to be deleted.
    #[error(
        "decision {0} already has follow-ups in later meetings; cancel it instead of deleting it"
    )]
    DecisionFollowedUp(DecisionNumber),
    /// A follow-up dated before the meeting that made its decision.
    #[error("decision {number} was made on {decided}; its follow-up cannot be dated earlier")]
    FollowUpBeforeDecision {
        number: DecisionNumber,
        decided: Date,
    },
    /// A follow-up dated after today: it reports what was done, not what is planned.
    #[error("a follow-up cannot be dated after today ({today})")]
    FollowUpAfterToday { today: Date },
    /// A name with no letters in it (a category, an agency, a person).
    #[error("the name is empty; type one")]
    EmptyName,
    /// The name (given here) is already borne by another record of its kind, however spelled.
    #[error("«{0}» is already in the list; choose it instead of adding it again")]
    NameTaken(String),
    /// A new meeting was asked for while this one (its number and status) is still open.
    #[error(
        "meeting {number} is still {}; start and close it (or edit it) before opening the next one",
        .status.label_en()
    )]
    MeetingStillOpen { number: u32, status: MeetingStatus },
    /// A meeting number at or below the series' last one.
    #[error("meeting numbers grow: the last is {last}, so this one must be at least {}", .last + 1)]
    MeetingNumberTaken { number: u32, last: u32 },
    /// A quorum rule asking for more member agencies than the series has.
    #[error(
        "the quorum asks for {quorum} member agencies but the series has {members}; add member agencies or lower the quorum"
    )]
    QuorumAboveMembers { quorum: u32, members: usize },
    /// A record was to be merged into itself.
    #[error("choose another record to merge it into; a record cannot be merged into itself")]
    MergeIntoItself,
    /// A meeting's number was to change after it started.
    #[error("meeting {0} has started; its number can no longer change")]
    NumberFixed(u32),
    /// An amendment that would leave the record as it is.
    #[error("the amendment changes nothing; change a value, or describe the correction in words")]
    NothingAmended,
}

/// A follow-up is dated between the day its decision was made and today.
pub fn ensure_follow_up_day(
    number: DecisionNumber,
    decided: Date,
    day: Date,
    today: Date,
) -> Result<(), RuleError> {
    if day > today {
        Err(RuleError::FollowUpAfterToday { today })
    } else if day < decided {
        Err(RuleError::FollowUpBeforeDecision { number, decided })
    } else {
        Ok(())
    }
}

/// Refuses in-place edits to an approved meeting and everything recorded in it.
pub fn ensure_editable(meeting: &Meeting) -> Result<(), RuleError> {
    if meeting.status.is_editable() {
        Ok(())
    } else {
        Err(RuleError::MeetingApproved(meeting.number))
    }
}

/// Amendments are for approved meetings only: before approval, the minutes are simply edited.
pub fn ensure_amendable(meeting: &Meeting) -> Result<(), RuleError> {
    if meeting.status == MeetingStatus::Approved {
        Ok(())
    } else {
        Err(RuleError::NotApprovedYet(meeting.number))
    }
}

/// A substitute stands in for someone, who must be named.
pub fn check_attendance(attendance: &Attendance) -> Result<(), RuleError> {
    if attendance.state == AttendanceState::Substitute && attendance.substitute_for.is_none() {
        Err(RuleError::SubstituteNeedsPerson)
    } else {
        Ok(())
    }
}

/// A decision that later meetings have followed up or reviewed is part of their minutes too:
/// it is cancelled, never deleted.
pub fn ensure_deletable(decision: &Decision, followed_up: bool) -> Result<(), RuleError> {
    if followed_up {
        Err(RuleError::DecisionFollowedUp(decision.number))
    } else {
        Ok(())
    }
}

/// The number for the next decision of a meeting.
///
/// `highest_issued` is the highest item number ever given in that meeting, including deleted
/// decisions: numbers are never reused, so `2/3` keeps meaning the same decision in printed
/// minutes even after `2/2` is deleted.
pub fn next_decision_number(meeting_number: u32, highest_issued: u32) -> DecisionNumber {
    DecisionNumber {
        meeting: meeting_number,
        item: highest_issued.saturating_add(1),
    }
}

/// What a new meeting of a series starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryOver<'a> {
    /// The open issues, as the agenda, in category order.
    pub agenda: Vec<&'a Issue>,
    /// Earlier decisions not yet done or cancelled (پیگیری مصوبات قبلی), overdue ones first.
    pub to_review: Vec<&'a Decision>,
}

/// Builds the carry-over for a meeting held on `today` from everything the series holds.
pub fn carry_over<'a>(
    issues: &'a [Issue],
    decisions: &'a [Decision],
    categories: &[Category],
    today: Date,
) -> CarryOver<'a> {
    let category_order = |issue: &Issue| {
        issue
            .category
            .as_ref()
            .and_then(|c| categories.iter().find(|k| &k.id == c))
            .map_or(i32::MAX, |c| c.order)
    };
    let mut agenda: Vec<&Issue> = issues.iter().filter(|i| i.status.is_open()).collect();
    agenda.sort_by_key(|i| category_order(i));

    let mut to_review: Vec<&Decision> = decisions.iter().filter(|d| d.status.is_active()).collect();
    to_review.sort_by(|a, b| review_order(a, b, today));
    CarryOver { agenda, to_review }
}

/// Overdue first (the most overdue at the top), then by deadline, then undated; ties by number.
pub fn review_order(a: &Decision, b: &Decision, today: Date) -> Ordering {
    review_rank(a.status, a.due, a.number, today)
        .cmp(&review_rank(b.status, b.due, b.number, today))
}

/// What [`review_order`] sorts by, for records that hold a decision's status, deadline and
/// number without the whole decision (the action review's rows).
pub fn review_rank(
    status: DecisionStatus,
    due: Option<Date>,
    number: DecisionNumber,
    today: Date,
) -> impl Ord {
    (!is_overdue(status, due, today), due.is_none(), due, number)
}

/// Still to be done and past its deadline.
pub fn is_overdue(status: DecisionStatus, due: Option<Date>, today: Date) -> bool {
    status.is_active() && due.is_some_and(|due| due < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DecisionStatus, Id, IssueStatus};

    fn decision(item: u32, due: Option<Date>, status: DecisionStatus) -> Decision {
        Decision {
            id: Id::new(),
            meeting: Id::new(),
            number: DecisionNumber { meeting: 1, item },
            issue: None,
            text: format!("مصوبه {item}"),
            lead_agency: Id::new(),
            supporting_agencies: vec![],
            due,
            status,
        }
    }

    fn issue(title: &str, category: Option<&Category>, status: IssueStatus) -> Issue {
        Issue {
            id: Id::new(),
            series: Id::new(),
            category: category.map(|c| c.id.clone()),
            title: title.into(),
            description: String::new(),
            raised_in: None,
            raised_by: None,
            status,
        }
    }

    #[test]
    fn numbers_are_never_reused() {
        assert_eq!(next_decision_number(2, 0).to_string(), "2/1");
        // 2/1..2/3 were issued and 2/2 deleted: the next is still 2/4.
        assert_eq!(next_decision_number(2, 3).to_string(), "2/4");
    }

    #[test]
    fn carry_over_takes_open_work_overdue_first() {
        let today = Date::from_jalali(1393, 2, 15).unwrap();
        let permits = Category {
            id: Id::new(),
            name: "اخذ مجوز".into(),
            order: 1,
            archived: false,
            series: None,
        };
        let capital = Category {
            id: Id::new(),
            name: "سرمایه کار".into(),
            order: 3,
            archived: false,
            series: None,
        };
        let issues = vec![
            issue("وام", Some(&capital), IssueStatus::Open),
            issue("مجوز", Some(&permits), IssueStatus::InProgress),
            issue("حل‌شده", Some(&permits), IssueStatus::Resolved),
            issue("بی‌دسته", None, IssueStatus::Open),
        ];
        let decisions = vec![
            decision(1, Some(today.add_days(10)), DecisionStatus::Pending),
            decision(2, Some(today.add_days(-3)), DecisionStatus::InProgress),
            decision(3, Some(today.add_days(-30)), DecisionStatus::Pending),
            decision(4, None, DecisionStatus::Pending),
            decision(5, Some(today.add_days(-40)), DecisionStatus::Done),
            decision(6, Some(today.add_days(-40)), DecisionStatus::Cancelled),
        ];
        let cats = [permits.clone(), capital.clone()];
        let c = carry_over(&issues, &decisions, &cats, today);
        let titles: Vec<_> = c.agenda.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["مجوز", "وام", "بی‌دسته"]);
        let items: Vec<_> = c.to_review.iter().map(|d| d.number.item).collect();
        assert_eq!(items, [3, 2, 1, 4]);
    }

    #[test]
    fn approved_meetings_are_read_only() {
        let mut m = Meeting {
            id: Id::new(),
            series: Id::new(),
            number: 1,
            date: Date::from_jalali(1392, 12, 20).unwrap(),
            start_time: None,
            end_time: None,
            place: String::new(),
            chair: None,
            secretary: None,
            status: MeetingStatus::Closed,
            next_meeting: None,
        };
        assert!(ensure_editable(&m).is_ok());
        m.status = MeetingStatus::Approved;
        assert_eq!(ensure_editable(&m), Err(RuleError::MeetingApproved(1)));
        assert_eq!(ensure_amendable(&m), Ok(()));
        m.status = MeetingStatus::Closed;
        assert_eq!(ensure_amendable(&m), Err(RuleError::NotApprovedYet(1)));
    }

    #[test]
    fn substitutes_name_whom_they_stand_in_for() {
        let mut a = Attendance {
            id: Id::new(),
            meeting: Id::new(),
            person: Id::new(),
            state: AttendanceState::Substitute,
            substitute_for: None,
            reason: String::new(),
        };
        assert_eq!(check_attendance(&a), Err(RuleError::SubstituteNeedsPerson));
        a.substitute_for = Some(Id::new());
        assert_eq!(check_attendance(&a), Ok(()));
        a.substitute_for = None;
        a.state = AttendanceState::Present;
        assert_eq!(check_attendance(&a), Ok(()));
    }

    #[test]
    fn followed_up_decisions_are_cancelled_not_deleted() {
        let d = decision(3, None, DecisionStatus::Pending);
        assert_eq!(ensure_deletable(&d, false), Ok(()));
        let err = ensure_deletable(&d, true).unwrap_err();
        assert_eq!(err, RuleError::DecisionFollowedUp(d.number));
        assert!(err.to_string().contains("1/3"), "{err}");
    }

    #[test]
    fn a_follow_up_is_dated_between_its_decision_and_today() {
        let n = DecisionNumber {
            meeting: 2,
            item: 3,
        };
        let decided = Date::from_jalali(1393, 2, 16).unwrap();
        let today = Date::from_jalali(1393, 3, 1).unwrap();
        for ok in [decided, today, Date::from_jalali(1393, 2, 20).unwrap()] {
            assert_eq!(ensure_follow_up_day(n, decided, ok, today), Ok(()), "{ok}");
        }
        let before = Date::from_jalali(1393, 2, 15).unwrap();
        assert_eq!(
            ensure_follow_up_day(n, decided, before, today),
            Err(RuleError::FollowUpBeforeDecision { number: n, decided })
        );
        let after = Date::from_jalali(1393, 3, 2).unwrap();
        assert_eq!(
            ensure_follow_up_day(n, decided, after, today),
            Err(RuleError::FollowUpAfterToday { today })
        );
    }
}
