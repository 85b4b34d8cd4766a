//! Scheduling the next meeting of a series: what it is proposed to be (number and date), when it
//! may be opened, and which numbers it may take.

use super::calendar::Date;
use super::entities::Meeting;
use super::rules::RuleError;
use super::status::MeetingStatus;

/// What the next meeting of a series is proposed to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub number: u32,
    pub date: Date,
}

/// The next meeting after `last` (the series' latest, if any): numbered after it, dated on the
/// next-meeting date its minutes give, else `interval_days` after it, else today. A date
/// before today is proposed as today: a meeting is scheduled, not backdated.
pub fn propose_next(last: Option<&Meeting>, interval_days: u32, today: Date) -> Proposal {
    let Some(last) = last else {
        return Proposal {
            number: 1,
            date: today,
        };
    };
    let planned = last
        .next_meeting
        .or_else(|| (interval_days > 0).then(|| last.date.add_days(i64::from(interval_days))));
    Proposal {
        number: last.number.saturating_add(1),
        date: planned.map_or(today, |d| d.max(today)),
    }
}

/// A new meeting of a series opens only once the others are under way to their minutes: none
/// may still be a draft or in progress (two open meetings would split the carry-over).
pub fn ensure_can_open_next(meetings: &[Meeting]) -> Result<(), RuleError> {
    match meetings
        .iter()
        .find(|m| matches!(m.status, MeetingStatus::Draft | MeetingStatus::InProgress))
    {
        Some(m) => Err(RuleError::MeetingStillOpen {
            number: m.number,
            status: m.status,
        }),
        None => Ok(()),
    }
}

/// A meeting's number comes after every other meeting of its series: numbers grow with the
/// meetings, so that decision `3/2` is always later than `2/5`.
pub fn ensure_number_after(number: u32, others: &[Meeting]) -> Result<(), RuleError> {
    let last = others.iter().map(|m| m.number).max().unwrap_or(0);
    if number > last {
        Ok(())
    } else {
        Err(RuleError::MeetingNumberTaken { number, last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    fn meeting(number: u32, date: Date, status: MeetingStatus) -> Meeting {
        Meeting {
            id: Id::new(),
            series: Id::new(),
            number,
            date,
            start_time: None,
            end_time: None,
            place: String::new(),
            chair: None,
            secretary: None,
            status,
            next_meeting: None,
        }
    }

    #[test]
    fn the_next_meeting_is_proposed_from_the_minutes_then_the_interval() {
        let d = |m, day| Date::from_jalali(1405, m, day).unwrap();
        let today = d(9, 12);
        assert_eq!(
            propose_next(None, 21, today),
            Proposal {
                number: 1,
                date: today
            }
        );
        let mut last = meeting(4, d(9, 5), MeetingStatus::Approved);
        // The interval, from the last meeting's date.
        assert_eq!(propose_next(Some(&last), 21, today).date, d(9, 26));
        // No interval: today.
        assert_eq!(propose_next(Some(&last), 0, today).date, today);
        // The minutes' next-meeting date wins over the interval.
        last.next_meeting = Some(d(10, 3));
        let p = propose_next(Some(&last), 21, today);
        assert_eq!((p.number, p.date), (5, d(10, 3)));
        // A planned day already past is proposed as today.
        last.next_meeting = Some(d(9, 1));
        assert_eq!(propose_next(Some(&last), 21, today).date, today);
    }

    #[test]
    fn a_new_meeting_waits_for_the_open_one_and_numbers_grow() {
        let day = Date::from_jalali(1405, 9, 12).unwrap();
        let mut all = vec![
            meeting(1, day, MeetingStatus::Approved),
            meeting(2, day, MeetingStatus::InProgress),
        ];
        assert_eq!(
            ensure_can_open_next(&all),
            Err(RuleError::MeetingStillOpen {
                number: 2,
                status: MeetingStatus::InProgress
            })
        );
        all[1].status = MeetingStatus::Closed;
        assert_eq!(ensure_can_open_next(&all), Ok(()));
        assert_eq!(ensure_number_after(3, &all), Ok(()));
        assert_eq!(ensure_number_after(13, &all), Ok(()));
        assert_eq!(
            ensure_number_after(2, &all),
            Err(RuleError::MeetingNumberTaken { number: 2, last: 2 })
        );
        assert_eq!(ensure_number_after(1, &[]), Ok(()));
    }
}
