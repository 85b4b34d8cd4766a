//! What an amendment (اصلاحیه) of approved minutes changes: a decision's text, deadline or
//! agencies, or one person's attendance, each kept as it was and as it became.
//!
//! An approved meeting never changes in place; an amendment is the one way it changes, and it
//! says so in the minutes. So the change and its record are one: the store applies what the
//! amendment names to the record and keeps the before → after in the amendment itself, in the
//! same transaction.

use serde::{Deserialize, Serialize};

use super::calendar::Date;
use super::entities::{Attendance, Decision, DecisionNumber};
use super::id::Id;
use super::status::AttendanceState;

/// A decision as it should read after the amendment: the whole of what an amendment may
/// change in it. What equals the decision as it is stays untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionAmendment {
    pub decision: Id,
    pub text: String,
    pub lead_agency: Id,
    pub supporting_agencies: Vec<Id>,
    pub due: Option<Date>,
}

/// One person's attendance as it should read after the amendment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceAmendment {
    pub person: Id,
    pub state: AttendanceState,
    pub substitute_for: Option<Id>,
    pub reason: String,
}

/// What an amendment corrects in the record, besides its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// Words only: a correction the record has no field for (the old free-text amendment).
    Text,
    Decision(DecisionAmendment),
    Attendance(AttendanceAmendment),
}

/// An attendance line, as an amendment keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceLine {
    pub state: AttendanceState,
    pub substitute_for: Option<Id>,
    pub reason: String,
}

impl From<&Attendance> for AttendanceLine {
    fn from(a: &Attendance) -> Self {
        AttendanceLine {
            state: a.state,
            substitute_for: a.substitute_for.clone(),
            reason: a.reason.clone(),
        }
    }
}

/// One field an amendment changed, before → after. Decisions are named by their number too, so
/// the minutes can say «مصوبهٔ ۱/۴» without another lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Amended {
    DecisionText {
        decision: Id,
        number: DecisionNumber,
        before: String,
        after: String,
    },
    DecisionDue {
        decision: Id,
        number: DecisionNumber,
        before: Option<Date>,
        after: Option<Date>,
    },
    LeadAgency {
        decision: Id,
        number: DecisionNumber,
        before: Id,
        after: Id,
    },
    SupportingAgencies {
        decision: Id,
        number: DecisionNumber,
        before: Vec<Id>,
        after: Vec<Id>,
    },
    Attendance {
        person: Id,
        /// `None`: nothing was recorded for them.
        before: Option<AttendanceLine>,
        after: AttendanceLine,
    },
}

impl Amended {
    /// The agencies this change names, before and after.
    pub fn agencies(&self) -> Vec<&Id> {
        match self {
            Amended::LeadAgency { before, after, .. } => vec![before, after],
            Amended::SupportingAgencies { before, after, .. } => {
                before.iter().chain(after).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The people this change names: whose attendance, and whom they stood in for.
    pub fn people(&self) -> Vec<&Id> {
        match self {
            Amended::Attendance {
                person,
                before,
                after,
            } => std::iter::once(person)
                .chain(before.iter().flat_map(|b| &b.substitute_for))
                .chain(&after.substitute_for)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The fields of `decision` that `to` changes, in the order the minutes list them; empty when
/// it changes nothing.
pub fn decision_changes(decision: &Decision, to: &DecisionAmendment) -> Vec<Amended> {
    let (id, number) = (&decision.id, decision.number);
    let mut out = Vec::new();
    if decision.text != to.text {
        out.push(Amended::DecisionText {
            decision: id.clone(),
            number,
            before: decision.text.clone(),
            after: to.text.clone(),
        });
    }
    if decision.due != to.due {
        out.push(Amended::DecisionDue {
            decision: id.clone(),
            number,
            before: decision.due,
            after: to.due,
        });
    }
    if decision.lead_agency != to.lead_agency {
        out.push(Amended::LeadAgency {
            decision: id.clone(),
            number,
            before: decision.lead_agency.clone(),
            after: to.lead_agency.clone(),
        });
    }
    if decision.supporting_agencies != to.supporting_agencies {
        out.push(Amended::SupportingAgencies {
            decision: id.clone(),
            number,
            before: decision.supporting_agencies.clone(),
            after: to.supporting_agencies.clone(),
        });
    }
    out
}

/// The attendance line `to` makes of what was recorded (`was`), if it changes anything.
pub fn attendance_change(was: Option<&Attendance>, to: &AttendanceAmendment) -> Option<Amended> {
    let before = was.map(AttendanceLine::from);
    let after = AttendanceLine {
        state: to.state,
        substitute_for: to.substitute_for.clone(),
        reason: to.reason.clone(),
    };
    (before.as_ref() != Some(&after)).then(|| Amended::Attendance {
        person: to.person.clone(),
        before,
        after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DecisionStatus;

    fn decision() -> Decision {
        Decision {
            id: Id::from_string("d"),
            meeting: Id::from_string("m"),
            number: DecisionNumber {
                meeting: 1,
                item: 4,
            },
            issue: None,
            text: "تسهیلات ۵۰ میلیونی (قرض‌الحسنه)".into(),
            lead_agency: Id::from_string("a"),
            supporting_agencies: vec![],
            due: Date::parse_iso("2026-12-21").ok(),
            status: DecisionStatus::Pending,
        }
    }

    fn same(d: &Decision) -> DecisionAmendment {
        DecisionAmendment {
            decision: d.id.clone(),
            text: d.text.clone(),
            lead_agency: d.lead_agency.clone(),
            supporting_agencies: d.supporting_agencies.clone(),
            due: d.due,
        }
    }

    #[test]
    fn only_what_differs_is_a_change() {
        let d = decision();
        assert!(decision_changes(&d, &same(&d)).is_empty());
        let to = DecisionAmendment {
            due: Date::parse_iso("2027-01-10").ok(),
            supporting_agencies: vec![Id::from_string("b")],
            ..same(&d)
        };
        let changes = decision_changes(&d, &to);
        assert_eq!(changes.len(), 2);
        assert!(matches!(
            &changes[0],
            Amended::DecisionDue { before, after, .. } if *before == d.due && *after == to.due
        ));
        assert!(matches!(&changes[1], Amended::SupportingAgencies { .. }));
    }

    #[test]
    fn an_attendance_line_as_it_was_is_no_change() {
        let was = Attendance {
            id: Id::from_string("x"),
            meeting: Id::from_string("m"),
            person: Id::from_string("p"),
            state: AttendanceState::Absent,
            substitute_for: None,
            reason: String::new(),
        };
        let to = AttendanceAmendment {
            person: was.person.clone(),
            state: AttendanceState::Absent,
            substitute_for: None,
            reason: String::new(),
        };
        assert_eq!(attendance_change(Some(&was), &to), None);
        let present = AttendanceAmendment {
            state: AttendanceState::Present,
            ..to
        };
        assert!(attendance_change(Some(&was), &present).is_some());
        assert!(attendance_change(None, &present).is_some());
    }

    #[test]
    fn a_change_reads_back_from_its_json() {
        let d = decision();
        let to = DecisionAmendment {
            text: "متن «اصلاح‌شده» با ZWNJ".into(),
            ..same(&d)
        };
        let changes = decision_changes(&d, &to);
        let json = serde_json::to_string(&changes).unwrap_or_default();
        assert!(json.contains(r#""field":"decision_text""#), "{json}");
        let back: Vec<Amended> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, changes);
    }
}
