//! Deadlines as the secretary types them in the decision form: a date in either calendar, or a
//! few words relative to today (`+14`, `+2w`, `end of month`, «آخر ماه»).

use super::calendar::{Date, DateError};
use super::digits::to_ascii_digits;

/// Which calendar "end of month" and "+N months" count in: the interface's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthCalendar {
    SolarHijri,
    Gregorian,
}

/// Why a typed deadline was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DueError {
    /// A date that cannot be read, or does not exist.
    #[error(transparent)]
    Date(#[from] DateError),
    /// `+N` with N too large to be a deadline.
    #[error("«{0}» is too far ahead; a deadline is at most ten years away")]
    TooFar(String),
}

/// The longest relative deadline accepted, in days.
const MAX_DAYS: i64 = 3660;

/// Reads a deadline typed on `today`: `۱۴۰۵/۹/۳۰`, `1405/09/30`, `2026-12-20`, `+14` (days),
/// `+2w` (weeks), `+3m` (months, in `calendar`), `end of month` / «آخر ماه», `today` /
/// «امروز», `tomorrow` / «فردا». Digits may be Persian, Arabic-Indic or Latin. Empty input is
/// no deadline. A date before today is accepted (a correction may need one); the form says so.
pub fn parse_due(
    input: &str,
    today: Date,
    calendar: MonthCalendar,
) -> Result<Option<Date>, DueError> {
    let text = to_ascii_digits(input.trim()).to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Ok(None);
    }
    let date = match text.as_str() {
        "today" | "امروز" => today,
        "tomorrow" | "فردا" => today.add_days(1),
        "end of month" | "eom" | "آخر ماه" | "پایان ماه" | "اخر ماه" => {
            end_of_month(today, calendar)
        }
        _ => match text.strip_prefix('+') {
            Some(rest) => relative(rest.trim(), input, today, calendar)?,
            None => Date::parse_user(&text)?,
        },
    };
    Ok(Some(date))
}

/// `14`, `14d`, `2w`, `3m`, or the same with Persian unit words (روز، هفته، ماه).
fn relative(
    rest: &str,
    input: &str,
    today: Date,
    calendar: MonthCalendar,
) -> Result<Date, DueError> {
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(split);
    let not_a_date = || DueError::Date(DateError::Format(input.trim().to_string()));
    let n: i64 = digits.parse().map_err(|_| not_a_date())?;
    let too_far = || DueError::TooFar(input.trim().to_string());
    let days = match unit.trim() {
        "" | "d" | "روز" => n,
        "w" | "هفته" => n.checked_mul(7).ok_or_else(too_far)?,
        "m" | "ماه" => {
            if n > MAX_DAYS / 28 {
                return Err(too_far());
            }
            return Ok(add_months(today, n as u32, calendar));
        }
        _ => return Err(not_a_date()),
    };
    if days > MAX_DAYS {
        return Err(too_far());
    }
    Ok(today.add_days(days))
}

/// The last day of `day`'s month in `calendar`.
pub fn end_of_month(day: Date, calendar: MonthCalendar) -> Date {
    match calendar {
        MonthCalendar::SolarHijri => day.end_of_jalali_month(),
        MonthCalendar::Gregorian => (28..=31)
            .rev()
            .find_map(|d| Date::from_gregorian(day.year(), day.month(), d).ok())
            .unwrap_or(day),
    }
}

/// The same day `months` months later, or the last day of that month when it is shorter.
fn add_months(day: Date, months: u32, calendar: MonthCalendar) -> Date {
    let (year, month, d) = match calendar {
        MonthCalendar::SolarHijri => {
            let j = day.jalali();
            (j.year, j.month, j.day)
        }
        MonthCalendar::Gregorian => (day.year(), day.month(), day.day()),
    };
    let index = i64::from(month) - 1 + i64::from(months);
    let (year, month) = (year + (index / 12) as i32, (index % 12) as u8 + 1);
    let make = |d: u8| match calendar {
        MonthCalendar::SolarHijri => Date::from_jalali(year, month, d),
        MonthCalendar::Gregorian => Date::from_gregorian(year, month, d),
    };
    (1..=d).rev().find_map(|d| make(d).ok()).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(s: &str) -> Date {
        Date::parse_user(s).unwrap()
    }

    fn due(s: &str) -> Result<Option<Date>, DueError> {
        parse_due(s, on("1405/09/06"), MonthCalendar::SolarHijri)
    }

    #[test]
    fn dates_in_either_calendar_and_any_digits() {
        for s in ["۱۴۰۵/۹/۳۰", "1405/09/30", "2026-12-21", "١٤٠٥/٠٩/٣٠"] {
            assert_eq!(
                due(s).unwrap().unwrap().jalali().latin(),
                "1405/09/30",
                "{s}"
            );
        }
        assert_eq!(due("").unwrap(), None);
        assert_eq!(due("   ").unwrap(), None);
    }

    #[test]
    fn relative_deadlines() {
        let d = |s: &str| due(s).unwrap().unwrap().jalali().latin();
        assert_eq!(d("+14"), "1405/09/20");
        assert_eq!(d("+۱۴"), "1405/09/20");
        assert_eq!(d("+14d"), "1405/09/20");
        assert_eq!(d("+2w"), "1405/09/20");
        assert_eq!(d("+۲ هفته"), "1405/09/20");
        assert_eq!(d("+1m"), "1405/10/06");
        assert_eq!(d("end of month"), "1405/09/30");
        assert_eq!(d("آخر ماه"), "1405/09/30");
        assert_eq!(d("today"), "1405/09/06");
        assert_eq!(d("فردا"), "1405/09/07");
        let greg = parse_due("end of month", on("2026-11-27"), MonthCalendar::Gregorian);
        assert_eq!(greg.unwrap().unwrap().iso(), "2026-11-30");
    }

    #[test]
    fn months_clamp_to_the_shorter_month() {
        // 31 Shahrivar + 1 month is 30 Mehr; 30 Bahman 1402 + 1 month is 29 Esfand (no leap day).
        let d = add_months(on("1404/06/31"), 1, MonthCalendar::SolarHijri);
        assert_eq!(d.jalali().latin(), "1404/07/30");
        let d = add_months(on("1402/11/30"), 1, MonthCalendar::SolarHijri);
        assert_eq!(d.jalali().latin(), "1402/12/29");
        let d = add_months(on("2024-01-31"), 1, MonthCalendar::Gregorian);
        assert_eq!(d.iso(), "2024-02-29");
    }

    #[test]
    fn impossible_past_and_absurd_deadlines_are_refused() {
        assert!(matches!(
            parse_due("1402/12/30", on("1402/01/01"), MonthCalendar::SolarHijri),
            Err(DueError::Date(DateError::Impossible(_)))
        ));
        assert_eq!(
            due("1405/09/05").unwrap().unwrap().jalali().latin(),
            "1405/09/05"
        );
        assert!(matches!(
            due("+99999999999999999999"),
            Err(DueError::Date(_))
        ));
        assert!(matches!(due("+5000"), Err(DueError::TooFar(_))));
        assert!(matches!(due("+9999w"), Err(DueError::TooFar(_))));
        assert!(matches!(due("+2x"), Err(DueError::Date(_))));
        assert!(matches!(due("soon"), Err(DueError::Date(_))));
    }
}
