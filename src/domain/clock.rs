//! The injected clock: "today" decides what is overdue, so tests and `--today` set it.

use super::calendar::Date;
use super::entities::TimeOfDay;

/// Where the app learns the date and time.
pub trait Clock: Send + Sync {
    /// The local calendar day.
    fn today(&self) -> Date;
    /// The current instant as an RFC 3339 UTC timestamp, for the audit log.
    fn now_utc(&self) -> String;
    /// The local time of day, for a meeting's start and end and its running time.
    fn time_of_day(&self) -> TimeOfDay {
        let now = jiff::Zoned::now();
        TimeOfDay {
            hour: u8::try_from(now.hour()).unwrap_or(0),
            minute: u8::try_from(now.minute()).unwrap_or(0),
        }
    }
}

/// The local day and time of an audit timestamp (RFC 3339), in the machine's time zone: when a
/// change was made, as the person who made it saw the clock.
pub fn local_moment(at: &str) -> Option<(Date, TimeOfDay)> {
    let zoned = at
        .parse::<jiff::Timestamp>()
        .ok()?
        .to_zoned(jiff::tz::TimeZone::system());
    let d = zoned.date();
    let date = Date::from_gregorian(i32::from(d.year()), d.month() as u8, d.day() as u8).ok()?;
    let time = TimeOfDay {
        hour: u8::try_from(zoned.hour()).ok()?,
        minute: u8::try_from(zoned.minute()).ok()?,
    };
    Some((date, time))
}

/// The real clock, in the machine's time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> Date {
        let now = jiff::Zoned::now();
        let d = now.date();
        Date::from_gregorian(i32::from(d.year()), d.month() as u8, d.day() as u8)
            .unwrap_or_else(|_| Date::from_unix_days(now.timestamp().as_second() / 86_400))
    }

    fn now_utc(&self) -> String {
        jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    }
}

/// A clock stopped on one day, for tests and for `--today`.
///
/// Audit timestamps still come from the real clock: they record when a change was made, not
/// which day the user is pretending it is.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Date);

impl Clock for FixedClock {
    fn today(&self) -> Date {
        self.0
    }

    fn now_utc(&self) -> String {
        SystemClock.now_utc()
    }
}

/// A clock stopped at one moment of one day, so screens that show the time can be compared
/// in tests.
#[derive(Debug, Clone, Copy)]
pub struct FrozenClock {
    pub date: Date,
    pub time: TimeOfDay,
}

impl Clock for FrozenClock {
    fn today(&self) -> Date {
        self.date
    }

    fn now_utc(&self) -> String {
        SystemClock.now_utc()
    }

    fn time_of_day(&self) -> TimeOfDay {
        self.time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_timestamps_read_as_a_local_day_and_time() {
        let (date, _) = local_moment("2014-05-06T06:30:00Z").unwrap();
        // Whatever the machine's zone, it is within a day of the UTC date.
        assert!(
            date.days_until(Date::from_gregorian(2014, 5, 6).unwrap())
                .abs()
                <= 1
        );
        assert!(local_moment("yesterday").is_none());
    }

    #[test]
    fn fixed_clock_is_fixed() {
        let d = Date::from_jalali(1393, 6, 1).unwrap();
        assert_eq!(FixedClock(d).today(), d);
        assert!(SystemClock.today().year() >= 2024);
        assert!(SystemClock.now_utc().ends_with('Z'));
    }
}
