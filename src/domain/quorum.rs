//! حد نصاب: the one quorum rule. A series names its member agencies and how many of them must be
//! represented for a meeting to decide; a meeting has its quorum when that many member agencies
//! have someone present for them. People are not counted: five people of one bank are one
//! agency represented.
//!
//! The room's header, the attendance list and the minutes' quorum sentence all read
//! [`Quorum::of`], so they can never disagree.

use super::entities::{Attendance, Series};
use super::id::Id;
use super::rules::RuleError;
use super::status::AttendanceState;

/// What the quorum rule counts for one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quorum {
    /// The series' member agencies that someone present represents, in the series' order.
    pub represented: Vec<Id>,
    /// How many member agencies the series has.
    pub members: usize,
    /// How many member agencies must be represented; 0 when the series has no rule.
    pub required: u32,
    /// How many people are present (substitutes included), whatever their agency.
    pub people_present: usize,
}

impl Quorum {
    /// Counts the quorum of a meeting from its attendance. `agency_of` gives a person's agency
    /// (from the directory). Someone present represents their own agency; a substitute with no
    /// agency of their own represents the agency of the person they stand in for.
    pub fn of<'a>(
        series: &Series,
        attendance: &[Attendance],
        agency_of: impl Fn(&Id) -> Option<&'a Id>,
    ) -> Quorum {
        let mut here: Vec<&Id> = Vec::new();
        let mut people_present = 0;
        for a in attendance {
            let agency = match a.state {
                AttendanceState::Present => agency_of(&a.person),
                AttendanceState::Substitute => {
                    agency_of(&a.person).or_else(|| a.substitute_for.as_ref().and_then(&agency_of))
                }
                AttendanceState::Absent | AttendanceState::Excused => continue,
            };
            people_present += 1;
            if let Some(agency) = agency {
                here.push(agency);
            }
        }
        let represented = series
            .member_agencies
            .iter()
            .filter(|m| here.contains(m))
            .cloned()
            .collect();
        Quorum {
            represented,
            members: series.member_agencies.len(),
            required: series.quorum,
            people_present,
        }
    }

    /// Whether the series has a quorum rule at all.
    pub fn has_rule(&self) -> bool {
        self.required > 0
    }

    /// Whether enough member agencies are represented (always, when there is no rule).
    pub fn is_met(&self) -> bool {
        self.represented.len() >= self.required as usize
    }

    /// How many more member agencies must be represented for the quorum.
    pub fn missing(&self) -> usize {
        (self.required as usize).saturating_sub(self.represented.len())
    }
}

/// A series' quorum rule asks for no more agencies than it has members: a rule that could
/// never be met is refused.
pub fn ensure_series(series: &Series) -> Result<(), RuleError> {
    let members = series.member_agencies.len();
    if series.quorum as usize > members {
        return Err(RuleError::QuorumAboveMembers {
            quorum: series.quorum,
            members,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn series(members: &[&Id], quorum: u32) -> Series {
        Series {
            id: Id::new(),
            title: "نشست حل مشکلات گروه‌های همیار".into(),
            organisation: String::new(),
            default_place: String::new(),
            member_agencies: members.iter().map(|m| (*m).clone()).collect(),
            quorum,
            archived: false,
            interval_days: 0,
        }
    }

    fn here(person: &Id, state: AttendanceState, stands_for: Option<&Id>) -> Attendance {
        Attendance {
            id: Id::new(),
            meeting: Id::new(),
            person: person.clone(),
            state,
            substitute_for: stands_for.cloned(),
            reason: String::new(),
        }
    }

    #[test]
    fn agencies_are_counted_not_people() {
        let (bank, fund, welfare, guest_body) = (Id::new(), Id::new(), Id::new(), Id::new());
        let s = series(&[&bank, &fund, &welfare], 2);
        let (a, b, c, d, e) = (Id::new(), Id::new(), Id::new(), Id::new(), Id::new());
        let agency: HashMap<Id, Id> = [
            (a.clone(), bank.clone()),
            (b.clone(), bank.clone()),
            (c.clone(), fund.clone()),
            (d.clone(), guest_body.clone()),
        ]
        .into();
        let of = |p: &Id| agency.get(p);
        // Two people of the bank and a guest of a body that is not a member: one agency.
        let mut att = vec![
            here(&a, AttendanceState::Present, None),
            here(&b, AttendanceState::Present, None),
            here(&d, AttendanceState::Present, None),
            here(&c, AttendanceState::Absent, None),
        ];
        let q = Quorum::of(&s, &att, of);
        assert_eq!(q.represented, vec![bank.clone()]);
        assert_eq!((q.members, q.required, q.people_present), (3, 2, 3));
        assert!(!q.is_met());
        assert_eq!(q.missing(), 1);
        // A substitute with no agency of their own stands for the fund's absent member.
        att.push(here(&e, AttendanceState::Substitute, Some(&c)));
        let q = Quorum::of(&s, &att, of);
        assert_eq!(q.represented, vec![bank.clone(), fund.clone()]);
        assert!(q.is_met());
        assert_eq!(q.missing(), 0);
    }

    #[test]
    fn excused_people_represent_no_one_and_no_rule_is_always_met() {
        let bank = Id::new();
        let p = Id::new();
        let agency: HashMap<Id, Id> = [(p.clone(), bank.clone())].into();
        let att = vec![here(&p, AttendanceState::Excused, None)];
        let q = Quorum::of(&series(&[&bank], 1), &att, |x| agency.get(x));
        assert!(q.represented.is_empty());
        assert_eq!(q.people_present, 0);
        assert!(!q.is_met());
        let q = Quorum::of(&series(&[&bank], 0), &att, |x| agency.get(x));
        assert!(!q.has_rule());
        assert!(q.is_met(), "a series without a rule always decides");
    }

    #[test]
    fn a_quorum_asks_no_more_agencies_than_there_are_members() {
        let (a, b) = (Id::new(), Id::new());
        assert_eq!(ensure_series(&series(&[&a, &b], 2)), Ok(()));
        assert_eq!(
            ensure_series(&series(&[&a], 2)),
            Err(RuleError::QuorumAboveMembers {
                quorum: 2,
                members: 1
            })
        );
    }
}
