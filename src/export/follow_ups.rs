//! The per-agency follow-up list: every open decision one agency must carry out, across the
//! meetings of a series, ready to attach to a letter to that agency.

use crate::domain::{Agency, Date, DecisionFilter, Id};
use crate::i18n::{ExportStrings, Lang};
use crate::store::{ActionFilter, Store, StoreError};

use super::letterhead::{Letterhead, MinutesConfig};
use super::minutes::due_text;

/// The follow-up list of one agency, worded in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpList {
    pub lang: Lang,
    /// The agency it is addressed to.
    pub agency: String,
    pub organisation: String,
    pub series_title: String,
    /// The day the list speaks for, as this language shows it.
    pub as_of: String,
    pub today: Date,
    pub rows: Vec<FollowUpLine>,
    /// The secretary who signs it (of the series' latest meeting).
    pub secretary: String,
    /// The series' latest meeting's number, for the letter number.
    pub meeting: u32,
    /// The letterhead; [`FollowUpList::with_letterhead`] sets the config's.
    pub letterhead: Letterhead,
    /// The series the letter speaks for, whose letterhead it takes.
    pub series_id: Option<Id>,
    stem: String,
}

/// One open decision of the agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpLine {
    pub number: String,
    pub text: String,
    pub meeting_date: String,
    pub due: String,
    /// Days past the deadline, or a dash when it is not past.
    pub days_overdue: String,
    /// The last report on it: date, status and note.
    pub last_follow_up: String,
}

impl FollowUpList {
    /// The open decisions `agency` leads, in `series` (or in all), overdue first, as of `today`.
    pub fn load(
        store: &Store,
        agency: &Agency,
        series: Option<&Id>,
        lang: Lang,
        today: Date,
    ) -> Result<FollowUpList, StoreError> {
        let items = store
            .actions(&ActionFilter {
                decisions: DecisionFilter {
                    agency: Some(agency.name.clone()),
                    ..DecisionFilter::default()
                },
                series: series.cloned(),
                today: Some(today),
                ..ActionFilter::default()
            })?
            .complete()?;
        let mut rows = Vec::new();
        let mut meetings = Vec::new();
        for item in items
            .iter()
            .filter(|i| i.decision.lead_agency == agency.id && i.decision.status.is_active())
        {
            let d = &item.decision;
            meetings.push(d.meeting.clone());
            let last = store.list_follow_ups(&d.id)?.pop();
            let overdue = d.due.map(|due| due.days_until(today)).filter(|n| *n > 0);
            rows.push(FollowUpLine {
                number: lang.decision_number(d.number),
                text: d.text.clone(),
                meeting_date: lang.date(item.meeting_date),
                due: due_text(lang, d.due),
                days_overdue: overdue.map_or_else(|| "—".to_string(), |n| lang.number(n)),
                last_follow_up: last
                    .map(|f| {
                        let head = format!("{} ({})", lang.date(f.date), lang.status(f.new_status));
                        if f.note.is_empty() {
                            head
                        } else {
                            format!("{head}: {}", f.note)
                        }
                    })
                    .unwrap_or_default(),
            });
        }
        let all = store.list_meetings(series)?.complete()?;
        let latest = all.last();
        let series = match latest {
            Some(m) => Some(store.get_series(&m.series)?),
            None => store.list_series()?.into_iter().next(),
        };
        let secretary = match latest.and_then(|m| m.secretary.as_ref()) {
            Some(p) => store.get_person(p)?.name,
            None => String::new(),
        };
        let name = match lang {
            Lang::En if !agency.name_en.is_empty() => agency.name_en.clone(),
            _ => super::minutes::persian_letters(lang, &agency.name),
        };
        let meeting = latest.map_or(0, |m| m.number);
        let series_id = series.as_ref().map(|s| s.id.clone());
        let letterhead = series
            .as_ref()
            .and_then(|s| Letterhead::resolve(&MinutesConfig::default(), s, lang).ok())
            .unwrap_or_default();
        let j = today.jalali();
        Ok(FollowUpList {
            lang,
            agency: name,
            organisation: series
                .as_ref()
                .map(|s| s.organisation.clone())
                .unwrap_or_default(),
            series_title: series.map(|s| s.title).unwrap_or_default(),
            as_of: lang.date_with_weekday(today),
            today,
            rows,
            secretary,
            meeting,
            letterhead,
            series_id,
            // The agency's id ends the name when it has no Latin name, so two letters of one
            // day never share a file name.
            stem: format!(
                "peygiri-{}-{}-{:04}-{:02}-{:02}",
                slug(&agency.name_en, &agency.short_name, &agency.id),
                meeting,
                j.year,
                j.month,
                j.day
            ),
        })
    }

    pub fn strings(&self) -> &'static ExportStrings {
        self.lang.export_strings()
    }

    /// The list with the letterhead `config` sets for its series.
    pub fn with_letterhead(
        mut self,
        store: &Store,
        config: &MinutesConfig,
    ) -> Result<FollowUpList, super::ExportError> {
        if let Some(id) = &self.series_id {
            let series = store.get_series(id)?;
            self.letterhead = Letterhead::resolve(config, &series, self.lang)?;
        }
        Ok(self)
    }

    /// The day of the letter without its weekday, for the letter block.
    pub fn as_of_date(&self) -> String {
        self.lang.date(self.today)
    }

    /// The letter number, filled in from the letterhead's pattern for the latest meeting.
    pub fn letter_number(&self) -> String {
        self.letterhead
            .number_of(self.meeting, self.today, self.lang)
    }

    /// A readable file name without extension: `peygiri-imam-reza-mehr-fund-1393-02-16`.
    pub fn file_stem(&self) -> &str {
        &self.stem
    }
}

/// The agency's English name as a file-name word; `agency-` and its id's last letters when it
/// has none in Latin letters.
fn slug(name_en: &str, short: &str, id: &Id) -> String {
    let source = if name_en.is_empty() { short } else { name_en };
    let mut out = String::new();
    for c in source.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        let id = id.as_str();
        format!("agency-{}", &id[id.len().saturating_sub(8)..])
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        let id = Id::new();
        assert_eq!(slug("Imam Reza Mehr Fund", "", &id), "imam-reza-mehr-fund");
        let other = Id::new();
        assert_ne!(slug("", "صندوق مهر", &id), slug("", "صندوق مهر", &other));
        assert!(slug("", "صندوق مهر", &id).starts_with("agency-"));
        assert_eq!(
            slug("Health Deputy, Kerman (KMU)", "", &id),
            "health-deputy-kerman-kmu"
        );
    }
}
