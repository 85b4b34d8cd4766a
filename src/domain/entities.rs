//! The records hamyar keeps (ARCHITECTURE.md, "Domain"), as plain data.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::calendar::Date;
use super::digits::to_persian_digits;
use super::id::Id;
use super::status::{AttendanceState, DecisionStatus, IssueStatus, MeetingStatus};

/// سلسله نشست‌ها: a recurring meeting and the agencies that belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub id: Id,
    pub title: String,
    pub organisation: String,
    pub default_place: String,
    pub member_agencies: Vec<Id>,
    /// How many member agencies must be represented for the meeting to decide (0: no rule).
    pub quorum: u32,
    /// The usual number of days between meetings (0: none), to propose the next one's date.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub interval_days: u32,
    /// Archived: its meetings are over, and the meetings screen hides it unless asked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub archived: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_true(b: &bool) -> bool {
    *b
}

fn yes() -> bool {
    true
}

/// نشست: one meeting of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    pub series: Id,
    pub number: u32,
    pub date: Date,
    pub start_time: Option<TimeOfDay>,
    pub end_time: Option<TimeOfDay>,
    pub place: String,
    pub chair: Option<Id>,
    pub secretary: Option<Id>,
    pub status: MeetingStatus,
    pub next_meeting: Option<Date>,
}

/// دستگاه: an executive body (bank, directorate, fund…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: Id,
    pub name: String,
    pub name_en: String,
    pub short_name: String,
    pub active: bool,
}

/// شخص: someone who attends or speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub title: String,
    pub agency: Option<Id>,
    /// Deactivated people are kept (records name them) but no longer offered in pickers.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub active: bool,
}

/// حضور و غیاب: one person's attendance at one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub id: Id,
    pub meeting: Id,
    pub person: Id,
    pub state: AttendanceState,
    /// For a substitute: the person they stand in for.
    pub substitute_for: Option<Id>,
    /// Why someone was absent or excused.
    pub reason: String,
}

/// دسته: a category of problems, in the order the meeting walks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: Id,
    pub name: String,
    pub order: i32,
    /// The one series it belongs to, or every series (`None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Id>,
    /// Archived: kept for the issues filed under it, no longer offered for new ones.
    #[serde(default, skip_serializing_if = "is_false")]
    pub archived: bool,
}

/// مشکل / موضوع: a problem raised in a meeting and carried until it is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: Id,
    pub series: Id,
    pub category: Option<Id>,
    pub title: String,
    pub description: String,
    pub raised_in: Option<Id>,
    pub raised_by: Option<Id>,
    pub status: IssueStatus,
}

/// اظهارات: what someone said, in brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: Id,
    pub meeting: Id,
    pub issue: Option<Id>,
    pub speaker: Id,
    pub text: String,
}

/// مصوبه: a decision, with the agency responsible for it and a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: Id,
    pub meeting: Id,
    pub number: DecisionNumber,
    pub issue: Option<Id>,
    pub text: String,
    pub lead_agency: Id,
    pub supporting_agencies: Vec<Id>,
    pub due: Option<Date>,
    pub status: DecisionStatus,
}

impl Decision {
    /// Still to be done and past its deadline.
    pub fn is_overdue(&self, today: Date) -> bool {
        super::rules::is_overdue(self.status, self.due, today)
    }
}

/// پیگیری: an agency's report on a decision, made at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: Id,
    pub decision: Id,
    pub meeting: Option<Id>,
    pub date: Date,
    pub new_status: DecisionStatus,
    pub note: String,
}

/// اصلاحیه: a correction recorded against an approved meeting, instead of a silent edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub id: Id,
    pub meeting: Id,
    pub date: Date,
    pub reason: String,
    pub text: String,
    /// What it changed in the record, before → after; empty for an amendment of words only
    /// (every amendment recorded before schema step 7).
    #[serde(default)]
    pub changes: Vec<super::amendment::Amended>,
}

/// A decision's number within its meeting series: `meeting/item`, e.g. `2/3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DecisionNumber {
    pub meeting: u32,
    pub item: u32,
}

impl DecisionNumber {
    /// `۲/۳`, as the Persian UI shows it.
    pub fn persian(self) -> String {
        to_persian_digits(&self.to_string())
    }
}

impl DecisionNumber {
    /// A number as typed: `2/3`, `۲/۳` or `٢/٣` (a division slash too); `None` unless both
    /// parts are whole numbers from 1.
    pub fn parse(typed: &str) -> Option<DecisionNumber> {
        let ascii = super::digits::to_ascii_digits(typed.trim());
        let (meeting, item) = ascii.split_once(['/', '\u{2215}'])?;
        let part = |p: &str| -> Option<u32> {
            let p = p.trim();
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok().filter(|n| *n >= 1)
        };
        Some(DecisionNumber {
            meeting: part(meeting)?,
            item: part(item)?,
        })
    }
}

impl fmt::Display for DecisionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.meeting, self.item)
    }
}

/// A time of day on the meeting's own clock, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

/// A time that is not `HH:MM` within a day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» is not a time of day; write it as 09:30")]
pub struct TimeError(pub String);

impl TimeOfDay {
    /// Parses `9:30`, `09:30` or `۰۹:۳۰`.
    pub fn parse(s: &str) -> Result<Self, TimeError> {
        let ascii = super::digits::to_ascii_digits(s.trim());
        let err = || TimeError(s.to_string());
        let (h, m) = ascii.split_once(':').ok_or_else(err)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(err());
        }
        let hour: u8 = h.parse().map_err(|_| err())?;
        let minute: u8 = m.parse().map_err(|_| err())?;
        if hour > 23 || minute > 59 {
            return Err(err());
        }
        Ok(TimeOfDay { hour, minute })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TimeOfDay::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_numbers_are_read_in_any_digits() {
        let n = |m, i| {
            Some(DecisionNumber {
                meeting: m,
                item: i,
            })
        };
        assert_eq!(DecisionNumber::parse("2/3"), n(2, 3));
        assert_eq!(DecisionNumber::parse(" ۲/۱۱ "), n(2, 11));
        assert_eq!(DecisionNumber::parse("٢/٣"), n(2, 3));
        for bad in [
            "",
            "2",
            "2/",
            "/3",
            "0/1",
            "2/0",
            "a/b",
            "2/3/4",
            "-2/3",
            "99999999999/1",
        ] {
            assert_eq!(DecisionNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn decision_numbers_read_both_ways() {
        let n = DecisionNumber {
            meeting: 2,
            item: 3,
        };
        assert_eq!(n.to_string(), "2/3");
        assert_eq!(n.persian(), "۲/۳");
    }

    #[test]
    fn times_of_day() {
        assert_eq!(TimeOfDay::parse("۰۹:۳۰").unwrap().to_string(), "09:30");
        assert_eq!(TimeOfDay::parse("9:05").unwrap().to_string(), "09:05");
        for bad in ["24:00", "12:60", "12", "12:5", "ab:cd", ""] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn overdue_means_active_and_past_due() {
        let today = Date::from_jalali(1393, 6, 1).unwrap();
        let mut d = Decision {
            id: Id::new(),
            meeting: Id::new(),
            number: DecisionNumber {
                meeting: 1,
                item: 1,
            },
            issue: None,
            text: "x".into(),
            lead_agency: Id::new(),
            supporting_agencies: vec![],
            due: Some(today.add_days(-1)),
            status: DecisionStatus::Pending,
        };
        assert!(d.is_overdue(today));
        d.due = Some(today);
        assert!(!d.is_overdue(today), "due today is not yet overdue");
        d.due = Some(today.add_days(-1));
        d.status = DecisionStatus::Done;
        assert!(!d.is_overdue(today));
        d.status = DecisionStatus::InProgress;
        d.due = None;
        assert!(!d.is_overdue(today));
    }
}
