//! What one change of the audit log did to its record, field by field: the before and after
//! snapshots compared column by column, leaving out what only the store keeps for itself
//! (folded search text, index keys, ids that never change).

use serde_json::Value as Json;

use super::audit::Change;

/// One column of a record, as it was and as it became. A record's creation has `before`
/// null in every field, its deletion `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The column's name as stored: `text`, `lead_agency`, `due`, `status`…
    pub field: String,
    pub before: Json,
    pub after: Json,
}

/// Columns a person never sees change: the record's own id, its meeting (fixed when it is
/// made), and what the store derives for search, numbering and row versions.
fn internal(column: &str) -> bool {
    matches!(
        column,
        "id" | "fts_key" | "last_item" | "position" | "version"
    ) || column.ends_with("_f")
}

/// Whether a value says nothing: no value, empty text or an empty list.
fn blank(v: &Json) -> bool {
    match v {
        Json::Null => true,
        // Lists of ids are stored as JSON text.
        Json::String(s) => s.is_empty() || s == "[]",
        Json::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Where a column comes in a list of changes: what the record says, then who and when, then
/// the rest by name.
fn rank(column: &str) -> usize {
    const ORDER: [&str; 12] = [
        "title",
        "text",
        "description",
        "reason",
        "note",
        "lead_agency",
        "supporting_agencies",
        "speaker",
        "due",
        "date",
        "status",
        "new_status",
    ];
    ORDER
        .iter()
        .position(|c| *c == column)
        .unwrap_or(ORDER.len())
}

impl Change {
    /// The fields this change touched, the text first. A creation lists the
    /// fields it filled in, a deletion the fields that were lost.
    pub fn field_changes(&self) -> Vec<FieldChange> {
        let empty = serde_json::Map::new();
        let before = self.before.as_ref().and_then(Json::as_object);
        let after = self.after.as_ref().and_then(Json::as_object);
        let mut columns: Vec<&String> = after
            .or(before)
            .unwrap_or(&empty)
            .keys()
            .chain(before.unwrap_or(&empty).keys())
            .collect();
        // Snapshots keep their columns in name order; a person reads the text first.
        columns.sort_by_key(|c| (rank(c), *c));
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for column in columns {
            if internal(column) || !seen.insert(column) {
                continue;
            }
            let old = before
                .and_then(|b| b.get(column))
                .cloned()
                .unwrap_or(Json::Null);
            let new = after
                .and_then(|a| a.get(column))
                .cloned()
                .unwrap_or(Json::Null);
            if old == new || (blank(&old) && blank(&new)) {
                continue;
            }
            // A record's series, meeting and number are fixed when it is made, and its title
            // says them: its creation and its deletion need not repeat them.
            let whole = before.is_none() || after.is_none();
            if whole && matches!(column.as_str(), "series" | "meeting" | "item") {
                continue;
            }
            out.push(FieldChange {
                field: column.clone(),
                before: old,
                after: new,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn change(op: &str, before: Option<Json>, after: Option<Json>) -> Change {
        Change {
            seq: 1,
            txn: 1,
            action: crate::store::AuditAction::UpdateDecision,
            at: "2014-05-06T06:30:00Z".into(),
            entity: "decisions".into(),
            entity_id: "d".into(),
            op: op.into(),
            before,
            after,
        }
    }

    #[test]
    fn an_update_lists_only_what_changed_and_hides_the_store_s_own_columns() {
        let before = json!({"id": "d", "text": "پرداخت وام ۵۰ میلیون ریالی", "text_f": "x",
            "fts_key": 3, "due": "2014-05-20", "status": "pending", "supporting_agencies": []});
        let after = json!({"id": "d", "text": "پرداخت وام ۶۰ میلیون ریالی", "text_f": "y",
            "fts_key": 3, "due": "2014-05-20", "status": "in_progress", "supporting_agencies": []});
        let fields: Vec<String> = change("update", Some(before), Some(after))
            .field_changes()
            .into_iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(fields, ["text", "status"]);
    }

    #[test]
    fn a_creation_lists_what_was_filled_in() {
        let after = json!({"id": "d", "meeting": "m", "text": "«SMS» برای اعضا", "due": null,
            "supporting_agencies": [], "lead_agency": "a"});
        let c = change("insert", None, Some(after)).field_changes();
        let fields: Vec<&str> = c.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["text", "lead_agency"]);
        assert!(c.iter().all(|f| f.before.is_null()));
    }

    #[test]
    fn a_deletion_lists_what_was_lost() {
        let before = json!({"id": "s", "text": "گفته شد", "speaker": "p"});
        let c = change("delete", Some(before), None).field_changes();
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|f| f.after.is_null()));
    }
}
