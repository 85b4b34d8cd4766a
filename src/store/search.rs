//! Full-text search over issues, statements and decisions (ARCHITECTURE.md, "Storage").
//!
//! The index holds folded text, and the query is folded the same way and cut into words, each
//! sent to FTS5 as a quoted prefix phrase: whatever the user types (`"`, `*`, `:`, `(`, `AND`,
//! `NEAR(`) is plain text to search for, never FTS5 syntax.

use super::Store;
use super::error::StoreError;
use crate::domain::Id;
use crate::text::fold::fold;

/// How many hits of each kind a search returns at most.
const LIMIT_PER_KIND: i64 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchKind {
    Issue,
    Statement,
    Decision,
}

/// One record whose text matches every word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: Id,
    /// The meeting the record belongs to (for an issue: the meeting it was raised in).
    pub meeting: Option<Id>,
    /// The text as stored: an issue's title, a statement's or a decision's text.
    pub text: String,
    /// A decision's number, `2/3`: results name decisions as the minutes do.
    pub number: Option<crate::domain::DecisionNumber>,
}

/// The FTS5 query for what the user typed, or `None` if it holds no word to search for.
///
/// Every word of two letters or more must match as a prefix; a one-letter word (و, a digit)
/// matches itself only, since as a prefix it would match most of the index. A compound typed with a ZWNJ (گروه‌های) may be stored
/// joined (گروههای), with a ZWNJ, or with a space: it matches either the joined word or all of
/// its parts, which [`fold_for_index`](crate::text::fold::fold_for_index) also indexes.
pub fn fts_query(user: &str) -> Option<String> {
    let mut terms = Vec::new();
    for chunk in user.split(char::is_whitespace) {
        let Some(joined) = all_prefixes(&fold(chunk)) else {
            continue;
        };
        let split = chunk
            .contains('\u{200C}')
            .then(|| all_prefixes(&fold(&chunk.replace('\u{200C}', " "))))
            .flatten();
        terms.push(match split {
            Some(parts) if parts != joined => format!("(({joined}) OR ({parts}))"),
            _ => joined,
        });
    }
    // Explicit ANDs: FTS5 does not accept an implicit AND beside a parenthesised group.
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// `"w1"* AND "w2"* …` for the words of folded text, or `None` when it has none. Words hold only
/// letters and digits, so the quotes cannot be broken out of.
fn all_prefixes(folded: &str) -> Option<String> {
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().count() > 1 {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

impl Store {
    /// Issues, statements and decisions containing every word of `query` (as a word prefix),
    /// compared folded; newest first within each kind. An empty query finds nothing.
    ///
    /// Newest first rather than by relevance: what a secretary looks for is usually what was
    /// said or decided lately, and ranking every match of a common word (bm25 over 300,000
    /// statements) cost 20 ms a keystroke where reading the newest 200 costs 1.5 ms.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        // A decision's number is its meeting's number and its item.
        let number = "(SELECT m.number FROM meetings m WHERE m.id = t.meeting), t.item";
        let kinds = [
            (
                SearchKind::Issue,
                "issues",
                "raised_in",
                "title",
                "NULL, NULL",
            ),
            (
                SearchKind::Statement,
                "statements",
                "meeting",
                "text",
                "NULL, NULL",
            ),
            (SearchKind::Decision, "decisions", "meeting", "text", number),
        ];
        self.read(|tx| {
            let mut out = Vec::new();
            for (kind, table, meeting, text, number) in kinds {
                let mut st = tx.prepare_cached(&format!(
                    "SELECT t.id, t.{meeting}, t.{text}, {number} FROM {table}_fts f
                     JOIN {table} t ON t.fts_key = f.rowid
                     WHERE {table}_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2"
                ))?;
                let rows = st.query_map(rusqlite::params![q, LIMIT_PER_KIND], |r| {
                    Ok(SearchHit {
                        kind,
                        id: Id::from_string(r.get::<_, String>(0)?),
                        meeting: r.get::<_, Option<String>>(1)?.map(Id::from_string),
                        text: r.get(2)?,
                        number: match (r.get::<_, Option<u32>>(3)?, r.get::<_, Option<u32>>(4)?) {
                            (Some(meeting), Some(item)) => {
                                Some(crate::domain::DecisionNumber { meeting, item })
                            }
                            _ => None,
                        },
                    })
                })?;
                for hit in rows {
                    out.push(hit?);
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_syntax_becomes_plain_words() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("\" * : ( )"), None);
        assert_eq!(
            fts_query("NEAR(a b)").as_deref(),
            Some("\"near\"* AND \"a\" AND \"b\"")
        );
        assert_eq!(
            fts_query("وام و ۴").as_deref(),
            Some("\"وام\"* AND \"و\" AND \"4\"")
        );
        assert_eq!(
            fts_query("كد AND بهداشتي").as_deref(),
            Some("\"کد\"* AND \"and\"* AND \"بهداشتی\"*")
        );
        assert_eq!(
            fts_query("گروه‌های همیار").as_deref(),
            Some("((\"گروههای\"*) OR (\"گروه\"* AND \"های\"*)) AND \"همیار\"*")
        );
    }
}
