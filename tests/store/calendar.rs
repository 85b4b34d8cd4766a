//! The calendar against itself over its whole range, and against anything typed.

use hamyar::domain::{Date, DateError, digits::to_persian_digits};
use proptest::prelude::*;

proptest! {
    #[test]
    fn every_solar_hijri_day_round_trips(year in 1200i32..1600, month in 1u8..=12, day in 1u8..=31) {
        match Date::from_jalali(year, month, day) {
            Ok(d) => {
                let j = d.jalali();
                prop_assert_eq!((j.year, j.month, j.day), (year, month, day));
                // The same day typed in either calendar and digit set.
                prop_assert_eq!(Date::parse_user(&j.latin()), Ok(d));
                prop_assert_eq!(Date::parse_user(&j.persian()), Ok(d));
                prop_assert_eq!(Date::parse_user(&d.iso()), Ok(d));
                prop_assert_eq!(Date::parse_iso(&d.iso()), Ok(d));
                // The next day is the next day in both calendars.
                prop_assert_eq!(d.days_until(d.add_days(1)), 1);
            }
            Err(e) => {
                // Only days past the month's end are refused: 31 in the second half of the
                // year, and 30 of Esfand outside leap years.
                prop_assert!(matches!(e, DateError::Impossible(_)));
                prop_assert!(day >= 30 && month >= 7, "{year}/{month}/{day}");
            }
        }
    }

    #[test]
    fn typed_dates_never_panic(s in "\\PC{0,24}") {
        let _ = Date::parse_user(&s);
        let _ = Date::parse_iso(&s);
    }

    #[test]
    fn typed_date_shapes_never_panic(y in 0u32..100_000, m in 0u32..1000, d in 0u32..1000, sep in "[-/.٫]") {
        for s in [format!("{y}{sep}{m}{sep}{d}"), to_persian_digits(&format!("{y}{sep}{m}{sep}{d}"))] {
            if let Ok(date) = Date::parse_user(&s) {
                prop_assert!((1200..3000).contains(&y), "{s} → {date:?}");
            }
        }
    }
}

#[test]
fn month_lengths_follow_the_calendar() {
    // The first six months have 31 days, the next five 30, and Esfand 29 or 30.
    for m in 1..=6 {
        assert!(Date::from_jalali(1404, m, 31).is_ok());
    }
    for m in 7..=11 {
        assert!(Date::from_jalali(1404, m, 30).is_ok());
        assert!(Date::from_jalali(1404, m, 31).is_err());
    }
    let leap: Vec<i32> = (1395..=1410)
        .filter(|y| Date::from_jalali(*y, 12, 30).is_ok())
        .collect();
    assert_eq!(leap, [1395, 1399, 1403, 1408]);
}
