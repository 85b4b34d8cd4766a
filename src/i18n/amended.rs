//! What an amendment changed, as one line a person reads in the history and in the minutes'
//! «اصلاحیه‌ها»: «مصوبهٔ ۱/۴ · مهلت اجرا: ۱۴۰۵/۱۰/۳۰ ← ۱۴۰۵/۱۰/۲۰».

use super::{Lang, column_label, isolate};
use crate::domain::{Amended, AttendanceLine, AttendanceState, Date, Id};

/// Names for the ids a change holds; an unknown id reads «—».
pub struct AmendedNames<'a> {
    pub agency: &'a dyn Fn(&Id) -> Option<String>,
    pub person: &'a dyn Fn(&Id) -> Option<String>,
    /// Whether typed values are isolated (`i18n::isolate`) for a screen that honours isolates;
    /// documents, which may not, take them as they are.
    pub isolated: bool,
}

/// One change of an amendment, before → after.
pub fn amended_line(lang: Lang, change: &Amended, names: &AmendedNames<'_>) -> String {
    let arrow = match lang {
        Lang::Fa => "←",
        Lang::En => "→",
    };
    let none = "—";
    let quoted = |s: &str| {
        if s.is_empty() {
            none.to_string()
        } else if names.isolated {
            format!("«{}»", isolate(s))
        } else {
            format!("«{s}»")
        }
    };
    let agency = |id: &Id| (names.agency)(id).unwrap_or_else(|| none.into());
    let agencies = |ids: &[Id]| {
        if ids.is_empty() {
            none.to_string()
        } else {
            let names: Vec<String> = ids.iter().map(agency).collect();
            names.join(lang.list_separator())
        }
    };
    let date = |d: &Option<Date>| d.map_or_else(|| none.to_string(), |d| lang.date(d));
    let decision = |n| match lang {
        Lang::Fa => format!("مصوبهٔ {}", lang.decision_number(n)),
        Lang::En => format!("Decision {}", lang.decision_number(n)),
    };
    let label = |column: &str| column_label(lang, column).unwrap_or_default().to_string();
    let (subject, field, before, after) = match change {
        Amended::DecisionText {
            number,
            before,
            after,
            ..
        } => (
            decision(*number),
            label("text"),
            quoted(before),
            quoted(after),
        ),
        Amended::DecisionDue {
            number,
            before,
            after,
            ..
        } => (decision(*number), label("due"), date(before), date(after)),
        Amended::LeadAgency {
            number,
            before,
            after,
            ..
        } => (
            decision(*number),
            label("lead_agency"),
            agency(before),
            agency(after),
        ),
        Amended::SupportingAgencies {
            number,
            before,
            after,
            ..
        } => (
            decision(*number),
            label("supporting_agencies"),
            agencies(before),
            agencies(after),
        ),
        Amended::Attendance {
            person,
            before,
            after,
        } => {
            let person = (names.person)(person).unwrap_or_else(|| none.into());
            let line = |l: &AttendanceLine| {
                let mut s = lang.status(l.state).to_string();
                if l.state == AttendanceState::Substitute
                    && let Some(whom) = &l.substitute_for
                {
                    let whom = (names.person)(whom).unwrap_or_else(|| none.into());
                    s = format!("{s} ({} {whom})", label("substitute_for"));
                }
                if !l.reason.is_empty() {
                    s = format!("{s} ({}: {})", label("reason"), quoted(&l.reason));
                }
                s
            };
            let before = before.as_ref().map_or_else(|| none.to_string(), line);
            (label("state"), person, before, line(after))
        }
    };
    format!("{subject} · {field}: {before} {arrow} {after}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DecisionNumber;

    #[test]
    fn a_deadline_reads_before_then_after_in_solar_hijri() {
        let agency = |_: &Id| None;
        let person = |_: &Id| None;
        let names = AmendedNames {
            agency: &agency,
            person: &person,
            isolated: false,
        };
        let change = Amended::DecisionDue {
            decision: Id::from_string("d"),
            number: DecisionNumber {
                meeting: 1,
                item: 4,
            },
            before: Date::parse_iso("2027-01-20").ok(),
            after: Date::parse_iso("2027-01-10").ok(),
        };
        assert_eq!(
            amended_line(Lang::Fa, &change, &names),
            "مصوبهٔ ۱/۴ · مهلت اجرا: ۱۴۰۵/۱۰/۳۰ ← ۱۴۰۵/۱۰/۲۰"
        );
        assert_eq!(
            amended_line(Lang::En, &change, &names),
            "Decision 1/4 · Deadline: 2027-01-20 → 2027-01-10"
        );
    }
}
