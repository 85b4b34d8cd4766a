//! The states of meetings, issues, decisions and attendance, and which changes are allowed.
//!
//! Each status has a stable code (stored in the database, used on the command line and in JSON)
//! and a label in each UI language.

use serde::{Deserialize, Serialize};

/// Which kind of record a status belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// A meeting's status ([`MeetingStatus`]).
    Meeting,
    /// An issue's status ([`IssueStatus`]).
    Issue,
    /// A decision's status ([`DecisionStatus`]).
    Decision,
    /// A person's attendance ([`AttendanceState`]).
    Attendance,
}

impl StatusKind {
    /// The stable codes of this kind's values, in order.
    pub fn codes(self) -> Vec<&'static str> {
        match self {
            StatusKind::Meeting => MeetingStatus::ALL.iter().map(|s| s.code()).collect(),
            StatusKind::Issue => IssueStatus::ALL.iter().map(|s| s.code()).collect(),
            StatusKind::Decision => DecisionStatus::ALL.iter().map(|s| s.code()).collect(),
            StatusKind::Attendance => AttendanceState::ALL.iter().map(|s| s.code()).collect(),
        }
    }

    /// The Persian labels of this kind's values, in order.
    pub fn labels_fa(self) -> Vec<&'static str> {
        match self {
            StatusKind::Meeting => MeetingStatus::ALL.iter().map(|s| s.label_fa()).collect(),
            StatusKind::Issue => IssueStatus::ALL.iter().map(|s| s.label_fa()).collect(),
            StatusKind::Decision => DecisionStatus::ALL.iter().map(|s| s.label_fa()).collect(),
            StatusKind::Attendance => AttendanceState::ALL.iter().map(|s| s.label_fa()).collect(),
        }
    }
}

/// A status change the rules do not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransitionError {
    /// A meeting moved out of its order (draft → in progress → closed → approved).
    #[error("cannot change the meeting from «{}» to «{}»", .from.code(), .to.code())]
    Meeting {
        from: MeetingStatus,
        to: MeetingStatus,
    },
    /// A resolved or dropped issue moved elsewhere than back to open.
    #[error("cannot change the issue from «{}» to «{}»", .from.code(), .to.code())]
    Issue { from: IssueStatus, to: IssueStatus },
    /// A done or cancelled decision moved straight across, or a status "changed" to itself.
    #[error("cannot change the decision from «{}» to «{}»", .from.code(), .to.code())]
    Decision {
        from: DecisionStatus,
        to: DecisionStatus,
    },
}

/// An unknown status code (from the command line or a damaged record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {} «{code}»; expected one of: {}", .kind.noun_en(), .kind.codes().join(", "))]
pub struct UnknownCode {
    /// Which kind of status was expected.
    pub kind: StatusKind,
    /// What was given instead, as given.
    pub code: String,
}

impl StatusKind {
    /// "meeting status", "decision status"…, as the English sentences name it.
    pub fn noun_en(self) -> &'static str {
        match self {
            StatusKind::Meeting => "meeting status",
            StatusKind::Issue => "issue status",
            StatusKind::Decision => "decision status",
            StatusKind::Attendance => "attendance state",
        }
    }
}

/// The short forms of the long Persian labels, which a narrow column shows and `parse` takes
/// back: «منتظر اقدام» for «در انتظار اقدام».
const SHORT_FA: &[(&str, &str)] = &[
    ("در انتظار اقدام", "منتظر اقدام"),
    ("در حال برگزاری", "در جریان"),
];

/// The short form of a Persian status label, or the label itself when it has none.
pub fn short_fa(label: &'static str) -> &'static str {
    SHORT_FA
        .iter()
        .find(|(long, _)| *long == label)
        .map_or(label, |(_, short)| short)
}

macro_rules! status_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:ident {
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

            /// Parses a code, or a label in either language (what a person types).
            pub fn parse(s: &str) -> Result<Self, UnknownCode> {
                let t = s.trim();
                // `in-progress` as well as `in_progress`: scripts write either.
                let code = t.replace('-', "_");
                $(
                    if code.eq_ignore_ascii_case($code)
                        || t == $fa
                        || t == short_fa($fa)
                        || t.eq_ignore_ascii_case($en)
                    {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownCode {
                    kind: StatusKind::$kind,
                    code: s.to_string(),
                })
            }

            /// Reads a stored code exactly: what the database holds is a code or damage.
            pub fn from_code(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode {
                        kind: StatusKind::$kind,
                        code: s.to_string(),
                    }),
                }
            }
        }
    };
}

status_enum! {
    /// Where a meeting is in its life: draft → in progress → closed → approved.
    MeetingStatus, Meeting {
        Draft => "draft", "پیش‌نویس", "draft";
        InProgress => "in_progress", "در حال برگزاری", "in progress";
        Closed => "closed", "پایان‌یافته", "closed";
        Approved => "approved", "تأییدشده", "approved";
    }
}

status_enum! {
    /// Where a problem raised in the meetings stands.
    IssueStatus, Issue {
        Open => "open", "باز", "open";
        InProgress => "in_progress", "در دست اقدام", "in progress";
        Resolved => "resolved", "حل‌شده", "resolved";
        Dropped => "dropped", "منتفی", "dropped";
    }
}

status_enum! {
    /// Where a decision (مصوبه) stands.
    DecisionStatus, Decision {
        Pending => "pending", "در انتظار اقدام", "pending";
        InProgress => "in_progress", "در دست اقدام", "in progress";
        Done => "done", "انجام‌شده", "done";
        Cancelled => "cancelled", "لغوشده", "cancelled";
    }
}

status_enum! {
    /// Whether a person attended.
    AttendanceState, Attendance {
        Present => "present", "حاضر", "present";
        Absent => "absent", "غایب", "absent";
        Excused => "excused", "غیبت موجه", "excused";
        Substitute => "substitute", "جانشین", "substitute";
    }
}

/// The change `from` → `to`, if the rule allows it and it is a change at all.
fn check<T: PartialEq>(
    from: T,
    to: T,
    allowed: bool,
    refused: TransitionError,
) -> Result<T, TransitionError> {
    if allowed && from != to {
        Ok(to)
    } else {
        Err(refused)
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
        check(self, to, ok, TransitionError::Meeting { from: self, to })
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
        check(self, to, ok, TransitionError::Issue { from: self, to })
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
        check(self, to, ok, TransitionError::Decision { from: self, to })
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
        // The short form a narrow column shows is read back too.
        assert_eq!(
            DecisionStatus::parse("منتظر اقدام"),
            Ok(DecisionStatus::Pending)
        );
        assert_eq!(
            MeetingStatus::parse("در جریان"),
            Ok(MeetingStatus::InProgress)
        );
        assert_eq!(
            DecisionStatus::parse("In Progress"),
            Ok(DecisionStatus::InProgress)
        );
        assert_eq!(
            DecisionStatus::parse("in-progress"),
            Ok(DecisionStatus::InProgress)
        );
        let err = DecisionStatus::parse("finished").unwrap_err();
        assert!(
            err.to_string()
                .contains("pending, in_progress, done, cancelled")
        );
        for s in AttendanceState::ALL {
            assert_eq!(AttendanceState::parse(s.code()), Ok(*s));
            assert_eq!(AttendanceState::from_code(s.code()), Ok(*s));
        }
        assert!(
            DecisionStatus::from_code("Done").is_err(),
            "stored codes are exact"
        );
        assert_eq!(
            MeetingStatus::Approved
                .transition(MeetingStatus::Draft)
                .unwrap_err()
                .to_string(),
            "cannot change the meeting from «approved» to «draft»"
        );
    }
}
