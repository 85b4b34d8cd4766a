//! The domain: meetings, agencies, issues and decisions, with their rules. Pure: no I/O.

mod amendment;
mod calendar;
mod clock;
pub mod digits;
mod due;
mod entities;
mod filter;
mod id;
mod live;
mod names;
mod quorum;
mod rules;
mod schedule;
mod status;

pub use amendment::{
    Amended, AttendanceAmendment, AttendanceLine, Correction, DecisionAmendment, attendance_change,
    decision_changes,
};
pub use calendar::{Date, DateError, JALALI_MONTHS_FA, JalaliDate};
pub use clock::{Clock, FixedClock, FrozenClock, SystemClock, local_moment};
pub use due::{DueError, MonthCalendar, end_of_month, parse_due};
pub use entities::{
    Agency, Amendment, Attendance, Category, Decision, DecisionNumber, FollowUp, Issue, Meeting,
    Person, Series, Statement, TimeError, TimeOfDay,
};
pub use filter::{DecisionFilter, FilterError, agency_search_text};
pub use id::Id;
pub use live::{follow_up_meeting, live_meeting, meeting_in_progress};
pub use names::{name_key, same_name};
pub use quorum::{Quorum, ensure_series};
pub use rules::{
    CarryOver, RuleError, carry_over, check_attendance, ensure_amendable, ensure_deletable,
    ensure_editable, ensure_follow_up_day, is_overdue, next_decision_number, review_order,
    review_rank,
};
pub use schedule::{Proposal, ensure_can_open_next, ensure_number_after, propose_next};
pub use status::{
    AttendanceState, DecisionStatus, IssueStatus, MeetingStatus, StatusKind, TransitionError,
    UnknownCode, short_fa,
};
