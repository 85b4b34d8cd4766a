//! The states of meetings, issues, decisions and attendance, and which changes are allowed.
//!
//! Each status has a stable code (stored in the database, used on the command line and in JSON)
//! and a label in each UI language.

use serde::{Deserialize, Serialize};

/// A status change the rules do not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot change {what} from «{from}» to «{to}»")]
pub struct TransitionError {
    pub what: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

/// An unknown status code (from the command line or a damaged record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} «{code}»; expected one of: {expected}")]
pub struct UnknownCode {
    pub what: &'static str,
    pub code: String,
    pub expected: String,
}

macro_rules! status_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $($variant:ident => $code:literal, $fa:literal, $en:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in storage, on the command line and in JSON.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn label_fa(self) -> &'static str {
                match self {
                    $($name::$variant => $fa,)+
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)+
                }
            }

            /// Parses a code, or a label in either language.
            pub fn parse(s: &str) -> Result<Self, UnknownCode> {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($code) || t == $fa || t.eq_ignore_ascii_case($en) {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownCode {
                    what: $what,
                    code: s.to_string(),
                    expected: [$($code,)+].join(", "),
                })
            }
        }
    };
}

status_enum! {
    /// Where a meeting is in its life: draft → in progress → closed → approved.
    MeetingStatus, "meeting status" {
        Draft => "draft", "پیش‌نویس", "draft";
        InProgress => "in_progress", "در حال برگزاری", "in progress";
        Closed => "closed", "پایان‌یافته", "closed";
        Approved => "approved", "تأییدشده", "approved";
    }
}

status_enum! {
    /// Where a problem raised in the meetings stands.
    IssueStatus, "issue status" {
        Open => "open", "باز", "open";
        InProgress => "in_progress", "در دست اقدام", "in progress";
        Resolved => "resolved", "حل‌شده", "resolved";
        Dropped => "dropped", "منتفی", "dropped";
    }
}

status_enum! {
    /// Where a decision (مصوبه) stands.
    DecisionStatus, "decision status" {
        Pending => "pending", "در انتظار اقدام", "pending";
        InProgress => "in_progress", "در دست اقدام", "in progress";
        Done => "done", "انجام‌شده", "done";
        Cancelled => "cancelled", "لغوشده", "cancelled";
    }
}

status_enum! {
    /// Whether a person attended.
    AttendanceState, "attendance state" {
        Present => "present", "حاضر", "present";
        Absent => "absent", "غایب", "absent";
        Excused => "excused", "غیبت موجه", "excused";
        Substitute => "substitute", "جانشین", "substitute";
    }
}

fn check<T: Copy + PartialEq>(
    what: &'static str,
    from: T,
    to: T,
    allowed: bool,
    code: fn(T) -> &'static str,
) -> Result<(), TransitionError> {
    if allowed && from != to {
        Ok(())
    } else {
        Err(TransitionError {
            what,
            from: code(from),
            to: code(to),
        })
    }
}

impl MeetingStatus {
    /// Meetings move forward one step at a time; a closed meeting may be reopened until it is
    /// approved, and an approved meeting never changes again (corrections are amendments).
    pub fn transition(self, to: Self) -> Result<Self, TransitionError> {
        use MeetingStatus::*;
        let ok = matches!(
            (self, to),
            (Draft, InProgress) | (InProgress, Closed) | (Closed, Approved) | (Closed, InProgress)
        );
        check("the meeting", self, to, ok, Self::code).map(|()| to)
    }

    /// Whether records of a meeting in this state may still be edited in place.
    pub fn is_editable(self) -> bool {
        self != MeetingStatus::Approved
    }
}

impl IssueStatus {
    /// Open and in-progress issues move freely; a resolved or dropped issue can only be reopened.
    pub fn transition(self, to: Self) -> Result<Self, TransitionError> {
        use IssueStatus::*;
        let ok = match self {
            Open | InProgress => true,
            Resolved | Dropped => to == Open,
        };
        check("the issue", self, to, ok, Self::code).map(|()| to)
    }

    /// Whether the issue still belongs on the agenda.
    pub fn is_open(self) -> bool {
        matches!(self, IssueStatus::Open | IssueStatus::InProgress)
    }
}

impl DecisionStatus {
    /// Pending and in-progress decisions move freely; a done decision can be reopened (the agency
    /// reported too early) and a cancelled one revived, each back to work, never straight across.
    pub fn transition(self, to: Self) -> Result<Self, TransitionError> {
        use DecisionStatus::*;
        let ok = match self {
            Pending | InProgress => true,
            Done => to == InProgress,
            Cancelled => to == Pending,
        };
        check("the decision", self, to, ok, Self::code).map(|()| to)
    }

    /// Whether the decision still needs follow-up (it carries over to the next meeting).
    pub fn is_active(self) -> bool {
        matches!(self, DecisionStatus::Pending | DecisionStatus::InProgress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_lifecycle() {
        use MeetingStatus::*;
        assert_eq!(Draft.transition(InProgress), Ok(InProgress));
        assert_eq!(InProgress.transition(Closed), Ok(Closed));
        assert_eq!(Closed.transition(InProgress), Ok(InProgress));
        assert_eq!(Closed.transition(Approved), Ok(Approved));
        assert!(Draft.transition(Approved).is_err());
        for to in MeetingStatus::ALL {
            assert!(Approved.transition(*to).is_err(), "approved is final");
        }
        assert!(!Approved.is_editable());
        assert!(Closed.is_editable());
    }

    #[test]
    fn decision_transitions() {
        use DecisionStatus::*;
        assert!(Pending.transition(Done).is_ok());
        assert!(InProgress.transition(Cancelled).is_ok());
        assert!(Done.transition(InProgress).is_ok());
        assert!(Done.transition(Cancelled).is_err());
        assert!(Cancelled.transition(Done).is_err());
        assert!(Cancelled.transition(Pending).is_ok());
        assert!(
            Pending.transition(Pending).is_err(),
            "no-op is not a transition"
        );
        assert!(Pending.is_active() && InProgress.is_active());
        assert!(!Done.is_active() && !Cancelled.is_active());
    }

    #[test]
    fn issue_transitions() {
        use IssueStatus::*;
        assert!(Open.transition(Resolved).is_ok());
        assert!(Resolved.transition(Open).is_ok());
        assert!(Resolved.transition(Dropped).is_err());
        assert!(Dropped.transition(InProgress).is_err());
    }

    #[test]
    fn codes_and_labels_parse() {
        assert_eq!(DecisionStatus::parse("done"), Ok(DecisionStatus::Done));
        assert_eq!(DecisionStatus::parse("انجام‌شده"), Ok(DecisionStatus::Done));
        assert_eq!(
            DecisionStatus::parse("In Progress"),
            Ok(DecisionStatus::InProgress)
        );
        let err = DecisionStatus::parse("finished").unwrap_err();
        assert!(
            err.to_string()
                .contains("pending, in_progress, done, cancelled")
        );
        for s in AttendanceState::ALL {
            assert_eq!(AttendanceState::parse(s.code()), Ok(*s));
        }
    }
}
