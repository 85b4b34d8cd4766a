//! What the user reads, in Persian and English: one place per language, checked by the compiler.
//!
//! - [`Lang`] picks the language; [`Lang::strings`] gives its [`Strings`], a struct of
//!   `&'static str` per area (command line, screens, minutes…). Each area's struct has a static
//!   `FA` and `EN` instance, so a string missing from either language fails to build.
//! - Sentences with values in them are enums rendered per language ([`Localized`]), so the
//!   word order of each language is its own.
//! - Numbers, dates, decision numbers and statuses are formatted here: Persian digits and the
//!   Solar Hijri calendar in Persian, ASCII digits and Gregorian dates in English.
//!
//! Nothing here lays text out: what these functions return still goes through [`crate::text`]
//! on its way to the screen.

mod amended;
mod cli;
mod doctor;
mod errors;
mod history;
mod isolate;
mod labels;
mod message;
mod refusals;
mod setup;
mod tui;

pub use amended::{AmendedNames, amended_line};
pub use cli::{CliMessage, CliStrings};
pub use doctor::DoctorLine;
pub use history::{HistoryStrings, column_label};
pub(crate) use isolate::isolate;
pub use labels::{FieldId, action_help, action_name, field_label};
pub use message::Message;
pub use refusals::NotWritten;
pub use setup::SetupMessage;
pub use tui::{TuiMessage, TuiStrings};

use crate::domain::{
    AttendanceState, Date, DecisionNumber, DecisionStatus, IssueStatus, MeetingStatus,
    digits::to_persian_digits,
};
use crate::text::Direction;

mod export;
pub use export::{ExportMessage, ExportStrings};

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian: right to left, Solar Hijri dates, Persian digits.
    #[default]
    Fa,
    /// English: left to right, Gregorian dates.
    En,
}

/// Every fixed string of the interface in one language, by area.
#[derive(Debug)]
pub struct Strings {
    pub cli: &'static CliStrings,
    pub tui: &'static TuiStrings,
    pub history: &'static HistoryStrings,
}

/// Persian.
pub static FA: Strings = Strings {
    cli: &cli::FA,
    tui: &tui::FA,
    history: &history::FA,
};
/// English.
pub static EN: Strings = Strings {
    cli: &cli::EN,
    tui: &tui::EN,
    history: &history::EN,
};

/// A message whose wording depends on the language: typed errors and parameterised sentences.
pub trait Localized {
    /// The message as one sentence (or a few lines) in `lang`.
    fn localized(&self, lang: Lang) -> String;
}

impl Lang {
    /// The fixed strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fa => &FA,
            Lang::En => &EN,
        }
    }

    /// The direction of the interface: where lists go and how text with no strong letter reads.
    pub fn direction(self) -> Direction {
        match self {
            Lang::Fa => Direction::Rtl,
            Lang::En => Direction::Ltr,
        }
    }

    /// An integer in this language's digits.
    pub fn number(self, n: impl std::fmt::Display) -> String {
        self.digits(&n.to_string())
    }

    /// `s` with its ASCII digits in this language's digits.
    pub fn digits(self, s: &str) -> String {
        match self {
            Lang::Fa => to_persian_digits(s),
            Lang::En => s.to_string(),
        }
    }

    /// A date as this language shows it: ۱۳۹۳/۰۲/۱۶ (Solar Hijri) or 2014-05-06.
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::Fa => d.jalali().persian(),
            Lang::En => d.iso(),
        }
    }

    /// The weekday of a date.
    pub fn weekday(self, d: Date) -> &'static str {
        match self {
            Lang::Fa => d.weekday_fa(),
            Lang::En => d.weekday_en(),
        }
    }

    /// A date with its weekday: «سه‌شنبه ۱۳۹۳/۰۲/۱۶» or «Tuesday 2014-05-06».
    pub fn date_with_weekday(self, d: Date) -> String {
        format!("{} {}", self.weekday(d), self.date(d))
    }

    /// An audit-log timestamp (RFC 3339, UTC) as the local day and time: «۱۳۹۳/۰۲/۱۶ ۱۰:۳۰» or
    /// «2014-05-06 10:30»; one that does not read as a time is shown as it is.
    pub fn moment(self, at: &str) -> String {
        match crate::domain::local_moment(at) {
            Some((date, time)) => format!("{} {}", self.date(date), self.digits(&time.to_string())),
            None => at.to_string(),
        }
    }

    /// A decision number: ۲/۳ or 2/3.
    pub fn decision_number(self, n: DecisionNumber) -> String {
        self.digits(&n.to_string())
    }

    /// The separator of a list of names: «، » or «, ».
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Fa => "، ",
            Lang::En => ", ",
        }
    }

    /// A status's label in this language.
    pub fn status(self, s: impl Status) -> &'static str {
        match self {
            Lang::Fa => s.label_fa(),
            Lang::En => s.label_en(),
        }
    }
}

impl Lang {
    /// A status's label, or its short form where the full one is wider than `width` cells
    /// («در انتظار اقدام» becomes «منتظر اقدام» in a narrow column).
    pub fn status_within(self, s: impl Status, width: usize) -> &'static str {
        let full = self.status(s);
        if crate::text::display_width(full) <= width || self == Lang::En {
            return full;
        }
        crate::domain::short_fa(full)
    }
}

/// The statuses of the domain, which carry their own labels in both languages.
pub trait Status: Copy {
    fn label_fa(self) -> &'static str;
    fn label_en(self) -> &'static str;
}

macro_rules! status_labels {
    ($($t:ty),+) => {$(
        impl Status for $t {
            fn label_fa(self) -> &'static str {
                <$t>::label_fa(self)
            }
            fn label_en(self) -> &'static str {
                <$t>::label_en(self)
            }
        }
    )+};
}

status_labels!(MeetingStatus, IssueStatus, DecisionStatus, AttendanceState);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dates_and_statuses_per_language() {
        let d = Date::from_jalali(1393, 2, 16).unwrap();
        assert_eq!(Lang::Fa.date(d), "۱۳۹۳/۰۲/۱۶");
        assert_eq!(Lang::En.date(d), "2014-05-06");
        assert_eq!(Lang::Fa.date_with_weekday(d), "سه‌شنبه ۱۳۹۳/۰۲/۱۶");
        assert_eq!(Lang::Fa.number(12), "۱۲");
        let n = DecisionNumber {
            meeting: 2,
            item: 11,
        };
        assert_eq!(Lang::Fa.decision_number(n), "۲/۱۱");
        assert_eq!(Lang::En.decision_number(n), "2/11");
        assert_eq!(Lang::Fa.status(DecisionStatus::Done), "انجام‌شده");
        assert_eq!(Lang::En.status(MeetingStatus::InProgress), "in progress");
        assert_eq!(
            Lang::Fa.status_within(DecisionStatus::Pending, 12),
            "منتظر اقدام"
        );
        assert_eq!(
            Lang::Fa.status_within(DecisionStatus::Pending, 15),
            "در انتظار اقدام"
        );
        assert_eq!(
            Lang::En.status_within(DecisionStatus::Pending, 5),
            "pending"
        );
    }
}
