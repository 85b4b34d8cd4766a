//! The review of earlier decisions (پیگیری مصوبات قبلی), bounded so that the minutes stay the
//! record of one meeting however long the series has run.
//!
//! Of the earlier decisions the meeting carried over, in the domain's review order:
//! - those reported on in this meeting are listed in full, with the report: this meeting's
//!   record;
//! - the others still open are counted under their lead agency: each was printed in full in the
//!   minutes that made it and in every meeting that heard a report on it, and the agency's
//!   follow-up letter lists them by number (listed here by number, they took a page of the
//!   49th meeting's minutes);
//! - the others done or cancelled since the previous meeting (a follow-up between meetings)
//!   are listed by number;
//! - those done or cancelled before the previous meeting are one counted line.
//!
//! Without a previous meeting, those closed are all "since the previous meeting". A decision's status "at" a
//! meeting is the last follow-up reported in it, or else the last one dated on or before its
//! day ([`status_at`]).

use std::collections::HashMap;

use crate::domain::{Date, DecisionStatus, FollowUp, Id};
use crate::i18n::Lang;
use crate::store::MeetingBundle;

use super::minutes::{Names, due_text, persian_letters};

/// The series' meeting before the one the minutes are of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub id: Id,
    pub date: Date,
}

/// The review as the minutes print it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// Decisions with news, in full.
    pub lines: Vec<ReviewLine>,
    /// How many open decisions had no report, by lead agency in the order they first come.
    pub waiting: Vec<Waiting>,
    /// Decisions done or cancelled since the previous meeting but not reported on in this one.
    pub closed_since: Vec<String>,
    /// How many were done or cancelled before the previous meeting.
    pub settled: usize,
}

/// An earlier decision as it stood at this meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    pub number: String,
    /// The decision's text shortened to its first words: it was printed whole in the minutes
    /// that made it, and here its number and a few words name it.
    pub text: String,
    /// The lead agency's short name (its name when it has none).
    pub agency: String,
    pub due: String,
    pub status: String,
    pub note: String,
}

/// How many of one lead agency's open decisions had no news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The agency's short name (its name when it has none).
    pub agency: String,
    pub count: usize,
}

impl Review {
    pub(crate) fn new(
        b: &MeetingBundle,
        names: &Names<'_>,
        lang: Lang,
        previous: Option<&Previous>,
    ) -> Review {
        let mut by_decision: HashMap<&Id, Vec<&FollowUp>> = HashMap::new();
        for f in &b.follow_ups {
            by_decision.entry(&f.decision).or_default().push(f);
        }
        let mut review = Review::default();
        let mut waiting: Vec<(Id, usize)> = Vec::new();
        let mut closed_since = Vec::new();
        let day = b.meeting.date;
        let mut reviewed: Vec<_> = b
            .reviewed
            .iter()
            .map(|d| {
                let history = by_decision.get(&d.id).map_or(&[][..], Vec::as_slice);
                (d, history, status_at(history, &b.meeting.id, day))
            })
            .collect();
        // The domain's review order, as the room and the action review show it: overdue on
        // the meeting's day first, then by deadline.
        reviewed.sort_by_cached_key(|(d, _, (status, _))| {
            crate::domain::review_rank(*status, d.due, d.number, day)
        });
        for (d, history, (status, report)) in reviewed {
            let reported_here = report.is_some_and(|f| f.meeting.as_ref() == Some(&b.meeting.id));
            if reported_here {
                review.lines.push(ReviewLine {
                    number: lang.decision_number(d.number),
                    text: short_text(&d.text, names, &d.lead_agency, lang),
                    agency: names.agency_short(&d.lead_agency),
                    due: due_text(lang, d.due),
                    status: lang.status(status).to_string(),
                    note: report.map(|f| f.note.clone()).unwrap_or_default(),
                });
            } else if status.is_active() {
                match waiting.iter_mut().find(|(a, _)| a == &d.lead_agency) {
                    Some((_, count)) => *count += 1,
                    None => waiting.push((d.lead_agency.clone(), 1)),
                }
            } else if history
                .iter()
                .any(|f| previous.is_none_or(|p| f.date > p.date))
            {
                closed_since.push(d.number);
            } else {
                review.settled += 1;
            }
        }
        closed_since.sort();
        review.closed_since = closed_since
            .into_iter()
            .map(|n| lang.decision_number(n))
            .collect();
        review.waiting = waiting
            .into_iter()
            .map(|(agency, count)| Waiting {
                agency: names.agency_short(&agency),
                count,
            })
            .collect();
        review
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
            && self.waiting.is_empty()
            && self.closed_since.is_empty()
            && self.settled == 0
    }
}

/// How many characters of a decision's text the review keeps, at most; a quotation or
/// bracket open at the cut is kept to its end if that is at most [`NEAR`] further. Two lines
/// of its column at most, as the report beside it mostly takes: more words made the rows
/// taller, and a long review a page longer.
const SHORT_TEXT: usize = 28;
const NEAR: usize = 20;

/// A decision's text as the review names it: without the lead agency's name it starts with
/// (the agency has a column of its own), then [`shortened`].
fn short_text(text: &str, names: &Names<'_>, lead: &Id, lang: Lang) -> String {
    let text = persian_letters(lang, text);
    let mut rest = text.trim();
    // Compared in Persian letters, whichever letters it was typed in (the two spellings take
    // as many bytes), with every name the agency has: the text may be Persian in English
    // minutes.
    let folded = persian_letters(Lang::Fa, rest);
    for name in names.agency_names(lead) {
        if let Some(after) = folded.strip_prefix(name.as_str())
            && after.starts_with(char::is_whitespace)
            && !after.trim().is_empty()
        {
            rest = rest[name.len()..].trim_start();
            break;
        }
    }
    shortened(rest, SHORT_TEXT)
}

/// `text` cut after its last whole word within `max` characters, with «…» where it was cut.
pub(crate) fn shortened(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    // The last whole word: up to a space, unless the first word alone is longer than `max`.
    let head = match head.rfind(char::is_whitespace) {
        Some(_) if text[cut..].starts_with(char::is_whitespace) => head,
        Some(space) => &head[..space],
        None => head,
    };
    // Not inside brackets or quotes that the cut would leave open: a quotation to its end when
    // that is near (a quoted title is the words that name a decision), else before it.
    let mut head = head;
    for (open, close, keep) in [('«', '»', true), ('(', ')', false), ('[', ']', false)] {
        if head.matches(open).count() > head.matches(close).count()
            && let Some(at) = head.rfind(open)
        {
            let end = text[at..].find(close).map(|i| at + i + close.len_utf8());
            match end {
                Some(end) if keep && text[head.len()..end].chars().count() <= NEAR => {
                    head = &text[..end];
                    if end < text.len() {
                        return format!("{head}…");
                    }
                    return head.to_string();
                }
                _ if at > 0 => head = &head[..at],
                _ => {}
            }
        }
    }
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",،;؛:".contains(c));
    format!("{head}…")
}

/// A decision's status and report as they stood at `meeting`, from its follow-ups (oldest
/// first): the last one reported in it, or else the last one dated on or before its day; with
/// none, as it was made.
pub(crate) fn status_at<'f>(
    history: &[&'f FollowUp],
    meeting: &Id,
    day: Date,
) -> (DecisionStatus, Option<&'f FollowUp>) {
    let at = history
        .iter()
        .rfind(|f| f.meeting.as_ref() == Some(meeting))
        .or_else(|| history.iter().rfind(|f| f.date <= day))
        .copied();
    (at.map_or(DecisionStatus::Pending, |f| f.new_status), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up(meeting: Option<&Id>, day: Date, status: DecisionStatus) -> FollowUp {
        FollowUp {
            id: Id::new(),
            decision: Id::new(),
            meeting: meeting.cloned(),
            date: day,
            new_status: status,
            note: String::new(),
        }
    }

    #[test]
    fn a_long_text_is_cut_after_a_whole_word() {
        assert_eq!(shortened("بانک ملی گزارش دهد.", 60), "بانک ملی گزارش دهد.");
        assert_eq!(
            shortened("اداره کل صنعت، معدن و تجارت بیمهٔ زنان را بررسی کند", 20),
            "اداره کل صنعت، معدن…"
        );
        assert_eq!(
            shortened("یک دو سه", 6),
            "یک دو…",
            "a word ending at the cut is kept"
        );
        assert_eq!(shortened("گروه‌های‌همیار‌زنان", 5), "گروه‌…");
        assert_eq!(
            shortened("برگزاری کارگاه «بسته‌بندی و برچسب‌گذاری» را بررسی کند", 30),
            "برگزاری کارگاه «بسته‌بندی و برچسب‌گذاری»…",
            "a quotation near the cut is kept whole"
        );
        assert_eq!(
            shortened(
                "ارسال گزارش (با همکاری صندوق کارآفرینی امید و بانک ملی ایران) تا ۱۳۹۰/۱۲/۱۵",
                25
            ),
            "ارسال گزارش…",
            "no bracket left open"
        );
    }

    #[test]
    fn a_reviewed_decision_shows_its_status_as_of_the_meeting() {
        let (m2, m3) = (Id::new(), Id::new());
        let day2 = Date::from_jalali(1393, 2, 16).unwrap();
        let day3 = Date::from_jalali(1393, 4, 20).unwrap();
        assert_eq!(status_at(&[], &m2, day2).0, DecisionStatus::Pending);
        let made = [
            follow_up(None, day2.add_days(-5), DecisionStatus::InProgress),
            follow_up(Some(&m2), day2, DecisionStatus::Done),
            follow_up(Some(&m3), day3, DecisionStatus::InProgress),
        ];
        let history: Vec<&FollowUp> = made.iter().collect();
        let (status, report) = status_at(&history, &m2, day2);
        assert_eq!(status, DecisionStatus::Done, "reported in meeting 2");
        assert_eq!(report.map(|f| f.id.clone()), Some(made[1].id.clone()));
        let (status, _) = status_at(&history[..1], &m2, day2);
        assert_eq!(
            status,
            DecisionStatus::InProgress,
            "last report before the meeting"
        );
        let (status, _) = status_at(&history, &m3, day3);
        assert_eq!(
            status,
            DecisionStatus::InProgress,
            "later meetings see later reports"
        );
    }
}
