//! Dates: stored as ISO Gregorian, shown as Solar Hijri (جلالی), typed in either calendar.
//!
//! All calendar arithmetic goes through `icu_calendar`'s Persian calendar; nothing here computes
//! month lengths or leap years by hand.

use std::fmt;

use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;
use icu_calendar::{Date as IcuDate, Iso};
use serde::{Deserialize, Serialize};

use super::digits::{ascii_digit, to_persian_digits};

/// A calendar day, held as a proleptic Gregorian (ISO) date. Ordering is chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A day in the Solar Hijri calendar, for display and input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JalaliDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a typed or stored date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Text that is not written as a date at all (the text, as given).
    #[error("«{0}» is not a date; write it as 1405/09/06 (Solar Hijri) or 2026-11-27 (Gregorian)")]
    Format(String),
    /// A well-written date that is not in the calendar, e.g. 1402/12/30 (as written).
    #[error("{0} does not exist in the calendar")]
    Impossible(String),
    /// A year outside the ranges hamyar reads (the year, as given).
    #[error("year {0} is out of range: years 1200–1599 are Solar Hijri, 1600–2999 are Gregorian")]
    YearOutOfRange(i32),
}

/// Solar Hijri month names, فروردین first.
pub const JALALI_MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Persian weekday names, Monday first (the order of `icu_calendar::types::Weekday`).
const WEEKDAYS_FA: [&str; 7] = [
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
    "شنبه",
    "یکشنبه",
];

const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// A Gregorian date, checked.
    pub fn from_gregorian(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        IcuDate::try_new_iso(year, month, day)
            .map(|_| Date { year, month, day })
            .map_err(|_| DateError::Impossible(format!("{year:04}-{month:02}-{day:02}")))
    }

    /// A Solar Hijri date, checked (1402/12/30 does not exist; 1403/12/30 does).
    pub fn from_jalali(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let persian = IcuDate::try_new_persian(year, month, day)
            .map_err(|_| DateError::Impossible(format!("{year:04}/{month:02}/{day:02}")))?;
        // A valid Persian date can still fail its own round trip when the day number is
        // past the month's end and the calendar clamps it; compare to be sure.
        let back = persian.to_calendar(Persian);
        if back.day_of_month().0 != day || back.month().ordinal != month {
            return Err(DateError::Impossible(format!(
                "{year:04}/{month:02}/{day:02}"
            )));
        }
        Ok(Self::from_icu(&persian.to_calendar(Iso)))
    }

    fn from_icu(iso: &IcuDate<Iso>) -> Self {
        Date {
            year: iso.year().extended_year(),
            month: iso.month().ordinal,
            day: iso.day_of_month().0,
        }
    }

    fn to_icu(self) -> IcuDate<Iso> {
        // Every `Date` was validated on construction, so this cannot fail; fall back to the
        // Unix epoch rather than panic if that invariant is ever broken.
        IcuDate::try_new_iso(self.year, self.month, self.day)
            .unwrap_or_else(|_| IcuDate::from_rata_die(RataDie::new(719_163), Iso))
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day in the Solar Hijri calendar.
    pub fn jalali(self) -> JalaliDate {
        let p = self.to_icu().to_calendar(Persian);
        JalaliDate {
            year: p.year().extended_year(),
            month: p.month().ordinal,
            day: p.day_of_month().0,
        }
    }

    /// `days` later (or earlier, if negative).
    pub fn add_days(self, days: i64) -> Self {
        let rd = self.to_icu().to_rata_die().add(days);
        Self::from_icu(&IcuDate::from_rata_die(rd, Iso))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_icu().to_rata_die().to_i64_date() - self.to_icu().to_rata_die().to_i64_date()
    }

    /// Days since 1970-01-01, for turning a Unix time into a date.
    pub fn from_unix_days(days: i64) -> Self {
        let epoch = RataDie::new(719_163);
        Self::from_icu(&IcuDate::from_rata_die(epoch.add(days), Iso))
    }

    /// The last day of this date's Solar Hijri month ("end of month" in the deadline field).
    pub fn end_of_jalali_month(self) -> Self {
        let p = self.to_icu().to_calendar(Persian);
        let last = p.days_in_month();
        let j = self.jalali();
        Date::from_jalali(j.year, j.month, last).unwrap_or(self)
    }

    /// `YYYY-MM-DD`, the stored form.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Parses the stored form only (`YYYY-MM-DD`, Gregorian).
    pub fn parse_iso(s: &str) -> Result<Self, DateError> {
        let parts = split_numbers(s).ok_or_else(|| DateError::Format(s.to_string()))?;
        if !s.contains('-') {
            return Err(DateError::Format(s.to_string()));
        }
        let (y, m, d) = parts;
        Date::from_gregorian(y, m, d)
    }

    /// Parses what a person types: `1393/06/01`, `۱۳۹۳/۶/۱` or `2014-08-23`.
    ///
    /// Years 1200–1599 are Solar Hijri, 1600–2999 Gregorian, whatever the separator.
    pub fn parse_user(s: &str) -> Result<Self, DateError> {
        let (y, m, d) =
            split_numbers(s.trim()).ok_or_else(|| DateError::Format(s.trim().to_string()))?;
        match y {
            1200..=1599 => Date::from_jalali(y, m, d),
            1600..=2999 => Date::from_gregorian(y, m, d),
            _ => Err(DateError::YearOutOfRange(y)),
        }
    }

    /// The Persian weekday name (شنبه …).
    pub fn weekday_fa(self) -> &'static str {
        WEEKDAYS_FA[self.to_icu().weekday() as usize - 1]
    }

    /// The English weekday name.
    pub fn weekday_en(self) -> &'static str {
        WEEKDAYS_EN[self.to_icu().weekday() as usize - 1]
    }
}

/// Splits `Y?M?D` where `?` is `/`, `-` or `.` and digits may be Persian or Arabic-Indic.
fn split_numbers(s: &str) -> Option<(i32, u8, u8)> {
    let ascii: String = s.chars().map(ascii_digit).collect();
    let mut parts = ascii.split(['/', '-', '.', '\u{066B}']);
    let y = parts.next()?.trim();
    let m = parts.next()?.trim();
    let d = parts.next()?.trim();
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || d.is_empty() {
        return None;
    }
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({})", self.iso())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).map_err(serde::de::Error::custom)
    }
}

impl JalaliDate {
    /// `1405/09/06` with Latin digits.
    pub fn latin(&self) -> String {
        format!("{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }

    /// `۱۴۰۵/۰۹/۰۶`, as the Persian UI shows it.
    pub fn persian(&self) -> String {
        to_persian_digits(&self.latin())
    }

    /// `۶ آذر ۱۴۰۵`, for the header of the minutes.
    pub fn long_persian(&self) -> String {
        let month = JALALI_MONTHS_FA
            .get(usize::from(self.month.saturating_sub(1)))
            .copied()
            .unwrap_or("");
        to_persian_digits(&format!("{} {} {}", self.day, month, self.year))
    }
}

impl fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.latin())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_conversions() {
        let d = Date::from_gregorian(2026, 11, 27).unwrap();
        assert_eq!(d.jalali().latin(), "1405/09/06");
        assert_eq!(d.jalali().persian(), "۱۴۰۵/۰۹/۰۶");
        assert_eq!(Date::from_jalali(1403, 1, 1).unwrap().iso(), "2024-03-20");
        assert_eq!(Date::parse_user("1393/06/01").unwrap().iso(), "2014-08-23");
    }

    #[test]
    fn leap_years_of_the_solar_hijri_calendar() {
        assert!(Date::from_jalali(1403, 12, 30).is_ok());
        assert!(matches!(
            Date::from_jalali(1402, 12, 30),
            Err(DateError::Impossible(_))
        ));
        assert!(Date::from_jalali(1402, 13, 1).is_err());
        assert!(Date::from_jalali(1402, 7, 31).is_err(), "Mehr has 30 days");
        assert!(
            Date::from_jalali(1402, 6, 31).is_ok(),
            "Shahrivar has 31 days"
        );
    }

    #[test]
    fn user_input_in_either_calendar_and_digit_set() {
        let want = Date::from_gregorian(2014, 8, 23).unwrap();
        for s in [
            "1393/06/01",
            "۱۳۹۳/۰۶/۰۱",
            "۱۳۹۳/۶/۱",
            "١٣٩٣/٦/١",
            "2014-08-23",
            " 2014/8/23 ",
        ] {
            assert_eq!(Date::parse_user(s), Ok(want), "{s}");
        }
        assert!(matches!(
            Date::parse_user("2014-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            Date::parse_user("0999/01/01"),
            Err(DateError::YearOutOfRange(999))
        ));
        for bad in [
            "",
            "1393",
            "1393/06",
            "13930601",
            "1393/06/01/02",
            "x/y/z",
            "1393/006/01",
        ] {
            assert!(
                matches!(Date::parse_user(bad), Err(DateError::Format(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn arithmetic_and_weekdays() {
        let d = Date::from_gregorian(2026, 11, 27).unwrap();
        assert_eq!(d.add_days(14).iso(), "2026-12-11");
        assert_eq!(d.add_days(-27).iso(), "2026-10-31");
        assert_eq!(d.days_until(d.add_days(40)), 40);
        assert_eq!(d.weekday_fa(), "جمعه");
        assert_eq!(d.weekday_en(), "Friday");
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(d.end_of_jalali_month().jalali().latin(), "1405/09/30");
        let esfand = Date::from_jalali(1403, 12, 5).unwrap();
        assert_eq!(esfand.end_of_jalali_month().jalali().latin(), "1403/12/30");
    }

    #[test]
    fn long_form() {
        let d = Date::from_gregorian(2026, 11, 27).unwrap();
        assert_eq!(d.jalali().long_persian(), "۶ آذر ۱۴۰۵");
    }
}
