//! The change history of one record, as a person reads it, for the app's history modal and
//! `hamyar history`: each change of the audit log with when it was made and what it changed,
//! field by field, values as a person knows them (names for ids, Solar Hijri dates, statuses in
//! words); then the record's follow-ups, and the amendments of an approved meeting with their
//! reasons and what each changed, before → after.

use serde_json::Value as Json;

use crate::domain::{
    Amendment, AttendanceState, Date, DecisionStatus, FollowUp, Id, IssueStatus, MeetingStatus,
};
use crate::i18n::{AmendedNames, Lang, action_name, amended_line, column_label};
use crate::store::{AuditAction, Change, FieldChange};

/// One change: its heading (when, which action) and one line per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub heading: String,
    pub lines: Vec<String>,
    /// The audit log's timestamp (RFC 3339, UTC) and action, for output read by programs.
    pub at: String,
    pub action: AuditAction,
}

/// What the history modal shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryView {
    /// The record, as its title line: «مصوبهٔ ۲/۳: …».
    pub subject: String,
    pub changes: Vec<HistoryEntry>,
    pub follow_ups: Vec<String>,
    pub amendments: Vec<HistoryEntry>,
}

/// Names for the ids a change holds, from what the caller has at hand (the app's directory,
/// or lists the command line reads). An unknown id has no name.
pub struct Names<'a> {
    pub agency: &'a dyn Fn(&Id) -> Option<String>,
    pub person: &'a dyn Fn(&Id) -> Option<String>,
    pub category: &'a dyn Fn(&Id) -> Option<String>,
    pub issue: &'a dyn Fn(&Id) -> Option<String>,
    /// A meeting's number.
    pub meeting: &'a dyn Fn(&Id) -> Option<u32>,
    pub lang: Lang,
}

impl HistoryView {
    pub fn build(
        subject: String,
        log: &[Change],
        follow_ups: &[FollowUp],
        amendments: &[Amendment],
        names: &Names<'_>,
    ) -> HistoryView {
        let lang = names.lang;
        let changes = log
            .iter()
            .map(|c| HistoryEntry {
                heading: heading(c, lang),
                lines: c
                    .field_changes()
                    .iter()
                    .map(|f| field_line(&c.entity, f, names))
                    .collect(),
                at: c.at.clone(),
                action: c.action,
            })
            .collect();
        let follow_ups = follow_ups
            .iter()
            .map(|f| {
                let head = format!("{} · {}", lang.date(f.date), lang.status(f.new_status));
                if f.note.is_empty() {
                    head
                } else {
                    format!("{head}: {}", f.note)
                }
            })
            .collect();
        let amended = AmendedNames {
            agency: names.agency,
            person: names.person,
            isolated: true,
        };
        let amendments = amendments
            .iter()
            .map(|a| HistoryEntry {
                heading: format!("{} · {}", lang.date(a.date), a.reason),
                lines: (!a.text.is_empty())
                    .then(|| a.text.clone())
                    .into_iter()
                    .chain(a.changes.iter().map(|c| amended_line(lang, c, &amended)))
                    .collect(),
                at: a.date.iso(),
                action: AuditAction::RecordAmendment,
            })
            .collect();
        HistoryView {
            subject,
            changes,
            follow_ups,
            amendments,
        }
    }
}

/// «۱۳۹۳/۰۲/۱۶ ۱۰:۳۰ · ثبت مصوبه».
fn heading(c: &Change, lang: Lang) -> String {
    format!("{} · {}", lang.moment(&c.at), action_name(lang, c.action))
}

/// «وضعیت: در انتظار ← در حال اجرا», or «متن: ثبت شد: …» for a value that is new.
fn field_line(entity: &str, f: &FieldChange, names: &Names<'_>) -> String {
    let lang = names.lang;
    let s = lang.strings().history;
    let label = column_label(lang, &f.field).unwrap_or(&f.field);
    let before = value(entity, &f.field, &f.before, names);
    let after = value(entity, &f.field, &f.after, names);
    let arrow = match lang {
        Lang::Fa => "←",
        Lang::En => "→",
    };
    match (before, after) {
        (None, Some(after)) => format!("{label} ({}): {after}", s.created),
        (Some(before), None) => format!("{label} ({}): {before}", s.removed),
        (Some(before), Some(after)) => format!("{label}: {before} {arrow} {after}"),
        (None, None) => label.to_string(),
    }
}

/// A stored value as a person reads it, or `None` for no value.
fn value(entity: &str, column: &str, v: &Json, names: &Names<'_>) -> Option<String> {
    let lang = names.lang;
    let text = match v {
        Json::Null => return None,
        Json::String(s) if s.is_empty() => return None,
        // Lists of agencies are stored as JSON text.
        Json::String(s) if matches!(column, "supporting_agencies" | "member_agencies") => {
            let ids: Vec<Id> = serde_json::from_str(s).unwrap_or_default();
            let names: Vec<String> = ids
                .iter()
                .map(|id| (names.agency)(id).unwrap_or_else(|| "—".into()))
                .collect();
            return (!names.is_empty()).then(|| names.join(lang.list_separator()));
        }
        Json::String(s) => s.as_str(),
        other => return Some(lang.digits(&other.to_string())),
    };
    let id = || Id::from_string(text);
    let named = |f: &dyn Fn(&Id) -> Option<String>| f(&id()).unwrap_or_else(|| "—".into());
    Some(match column {
        "lead_agency" | "agency" => named(names.agency),
        "speaker" | "person" | "raised_by" | "chair" | "secretary" | "substitute_for" => {
            named(names.person)
        }
        "category" => named(names.category),
        "issue" => named(names.issue),
        "meeting" | "raised_in" => match (names.meeting)(&id()) {
            Some(n) => format!("{} {}", lang.strings().tui.meeting, lang.number(n)),
            None => "—".into(),
        },
        "due" | "date" | "next_meeting" => match Date::parse_iso(text) {
            Ok(d) => lang.date(d),
            Err(_) => text.to_string(),
        },
        "status" | "new_status" | "state" => status(entity, text, lang),
        "start_time" | "end_time" => lang.digits(text),
        // An id of a kind this history cannot name is not for a person's eyes.
        _ if looks_like_id(text) => "—".into(),
        _ => text.to_string(),
    })
}

/// Whether a stored text is a record's id (a UUID), not something a person typed.
fn looks_like_id(text: &str) -> bool {
    uuid::Uuid::try_parse(text).is_ok()
}

/// A status code in words, by the kind of record it belongs to.
fn status(entity: &str, code: &str, lang: Lang) -> String {
    let word = match entity {
        "decisions" | "follow_ups" => DecisionStatus::from_code(code).map(|s| lang.status(s)),
        "issues" => IssueStatus::from_code(code).map(|s| lang.status(s)),
        "meetings" => MeetingStatus::from_code(code).map(|s| lang.status(s)),
        "attendance" => AttendanceState::from_code(code).map(|s| lang.status(s)),
        _ => return code.to_string(),
    };
    word.map_or_else(|_| code.to_string(), str::to_string)
}
