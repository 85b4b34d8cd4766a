//! Merging duplicates in the directory: the same bank typed as «بانك توسعه تعاون» and «بانک
//! توسعه تعاون», one person entered twice. Every record that names the duplicate is moved to
//! the one kept, in one action, and the duplicate goes; undo brings it back with every
//! reference.
//!
//! A merge rewrites references in approved minutes too: they name the same body, now spelled
//! once. It changes no text, number or date of them, and is undone whole like any action.

use rusqlite::{Connection, params};

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::one;
use super::rows::*;
use super::setup::agency_names_f;
use super::{AuditAction, Store, Writer};
use crate::domain::{Agency, Id, Person};
use crate::text::fold::fold;

/// What a merge moved: how many records of each table now name the one kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// (table, records changed), for the tables that had any, in the order they were met.
    pub moved: Vec<(&'static str, usize)>,
    /// The records counted, so that one changed twice counts once.
    seen: Vec<(&'static str, Id)>,
}

impl MergeReport {
    /// Every record moved, in all tables.
    pub fn total(&self) -> usize {
        self.moved.iter().map(|(_, n)| n).sum()
    }

    fn add(&mut self, table: &'static str, ids: Vec<Id>) {
        for id in ids {
            if self.seen.iter().any(|(t, i)| *t == table && *i == id) {
                continue;
            }
            self.seen.push((table, id));
            match self.moved.iter_mut().find(|(t, _)| *t == table) {
                Some((_, m)) => *m += 1,
                None => self.moved.push((table, 1)),
            }
        }
    }
}

/// The ids of the rows of `table` whose `column` is `id`.
fn rows_naming(tx: &Connection, table: &str, column: &str, id: &Id) -> Result<Vec<Id>, Fault> {
    let mut st = tx.prepare(&format!("SELECT id FROM {table} WHERE {column} = ?1"))?;
    let rows = st.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Points `column` of every row of `table` that names `from` at `to`, each row logged.
fn repoint(
    w: &Writer<'_>,
    table: &'static str,
    column: &str,
    from: &Id,
    to: &Id,
) -> Result<Vec<Id>, Fault> {
    let ids = rows_naming(w.tx, table, column, from)?;
    for row in &ids {
        let before = w.before(table, row.as_str())?;
        w.tx.execute(
            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
            params![row, to],
        )?;
        w.updated(table, row.as_str(), before)?;
    }
    Ok(ids)
}

/// In a JSON list of ids, `from` becomes `to` (once), and `drop` goes: a merged agency is
/// listed once, and a decision's lead is not also among its supporting agencies. `None` when
/// nothing changes.
fn merged_list(json: &str, from: &Id, to: &Id, drop: Option<&Id>) -> Option<String> {
    let ids: Vec<Id> = serde_json::from_str(json).ok()?;
    let mut out: Vec<Id> = Vec::with_capacity(ids.len());
    for id in &ids {
        let id = if id == from { to.clone() } else { id.clone() };
        if !out.contains(&id) && Some(&id) != drop {
            out.push(id);
        }
    }
    (out != ids).then(|| ids_json(&out))
}

/// Rewrites a JSON list column (`series.member_agencies`, `decisions.supporting_agencies`)
/// in every row that lists `from` (or `to`, which may now be the row's lead).
fn repoint_lists(
    w: &Writer<'_>,
    table: &'static str,
    column: &str,
    lead: Option<&str>,
    from: &Id,
    to: &Id,
) -> Result<Vec<Id>, Fault> {
    let lead_col = lead.unwrap_or("NULL");
    let (like_from, like_to) = (format!("%\"{from}\"%"), format!("%\"{to}\"%"));
    let mut found: Vec<(Id, String, Option<Id>)> = Vec::new();
    {
        let mut st = w.tx.prepare(&format!(
            "SELECT id, {column}, {lead_col} FROM {table} WHERE {column} LIKE ?1 OR {column} LIKE ?2"
        ))?;
        let rows = st.query_map([&like_from, &like_to], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        for r in rows {
            found.push(r?);
        }
    }
    let mut changed = Vec::new();
    for (row, list, lead) in found {
        // After the merge a decision's lead may be the agency kept: it is not also supporting.
        let lead = lead.map(|l| if &l == from { to.clone() } else { l });
        let Some(new) = merged_list(&list, from, to, lead.as_ref()) else {
            continue;
        };
        let before = w.before(table, row.as_str())?;
        w.tx.execute(
            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
            params![row, new],
        )?;
        w.updated(table, row.as_str(), before)?;
        changed.push(row);
    }
    Ok(changed)
}

/// Deletes a row that nothing names any more, logged so that undo brings it back.
fn delete_row(w: &Writer<'_>, table: &'static str, id: &Id) -> Result<(), Fault> {
    let before = w.before(table, id.as_str())?;
    w.tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    w.deleted(table, id.as_str(), before)
}

/// Where two rows would name the same pair once merged (attendance at one meeting, an
/// invitation to one series), the duplicate's row goes and the kept one's stays.
fn drop_clashes(
    w: &Writer<'_>,
    table: &'static str,
    pair: &str,
    from: &Id,
    to: &Id,
) -> Result<Vec<Id>, Fault> {
    let clashing: Vec<Id> = {
        let mut st = w.tx.prepare(&format!(
            "SELECT d.id FROM {table} d JOIN {table} k ON k.{pair} = d.{pair} AND k.person = ?2
             WHERE d.person = ?1"
        ))?;
        let rows = st.query_map([from, to], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in &clashing {
        delete_row(w, table, id)?;
    }
    Ok(clashing)
}

fn load_agency(tx: &Connection, id: &Id) -> Result<Agency, Fault> {
    one(
        tx,
        Record::Agency,
        &format!("SELECT {AGENCY_COLS} FROM agencies WHERE id = ?1"),
        id.as_str(),
        agency_from_row,
    )
}

fn load_person(tx: &Connection, id: &Id) -> Result<Person, Fault> {
    one(
        tx,
        Record::Person,
        &format!("SELECT {PERSON_COLS} FROM people WHERE id = ?1"),
        id.as_str(),
        person_from_row,
    )
}

/// `kept`'s empty names filled from `gone`'s: nothing typed is lost by merging.
fn fill_agency(w: &Writer<'_>, kept: &Agency, gone: &Agency) -> Result<(), Fault> {
    let pick = |a: &str, b: &str| if a.is_empty() { b } else { a }.to_string();
    let filled = Agency {
        name_en: pick(&kept.name_en, &gone.name_en),
        short_name: pick(&kept.short_name, &gone.short_name),
        active: kept.active || gone.active,
        ..kept.clone()
    };
    if &filled == kept {
        return Ok(());
    }
    let before = w.before("agencies", kept.id.as_str())?;
    w.tx.execute(
        "UPDATE agencies SET name_en = ?2, short_name = ?3, active = ?4, names_f = ?5
         WHERE id = ?1",
        params![
            kept.id,
            filled.name_en,
            filled.short_name,
            filled.active,
            agency_names_f(&filled)
        ],
    )?;
    w.updated("agencies", kept.id.as_str(), before)
}

/// `kept`'s empty title and agency filled from `gone`'s.
fn fill_person(w: &Writer<'_>, kept: &Person, gone: &Person) -> Result<(), Fault> {
    let filled = Person {
        title: if kept.title.is_empty() {
            gone.title.clone()
        } else {
            kept.title.clone()
        },
        agency: kept.agency.clone().or_else(|| gone.agency.clone()),
        active: kept.active || gone.active,
        ..kept.clone()
    };
    if &filled == kept {
        return Ok(());
    }
    let before = w.before("people", kept.id.as_str())?;
    w.tx.execute(
        "UPDATE people SET title = ?2, agency = ?3, active = ?4, name_f = ?5 WHERE id = ?1",
        params![
            kept.id,
            filled.title,
            filled.agency,
            filled.active,
            fold(&filled.name)
        ],
    )?;
    w.updated("people", kept.id.as_str(), before)
}

/// A record cannot be merged into itself.
fn ensure_two(keep: &Id, duplicate: &Id) -> Result<(), Fault> {
    if keep == duplicate {
        Err(crate::domain::RuleError::MergeIntoItself.into())
    } else {
        Ok(())
    }
}

impl Store {
    /// Merges agency `duplicate` into `keep`: its people, the decisions it leads or supports
    /// and the series it is a member of name `keep` instead; `keep`'s empty names are filled
    /// from it; then it goes. One action.
    pub fn merge_agencies(&mut self, keep: &Id, duplicate: &Id) -> Result<MergeReport, StoreError> {
        self.write(AuditAction::MergeAgencies, |w| {
            ensure_two(keep, duplicate)?;
            let kept = load_agency(w.tx, keep)?;
            let gone = load_agency(w.tx, duplicate)?;
            let mut report = MergeReport::default();
            report.add("people", repoint(w, "people", "agency", duplicate, keep)?);
            let led = repoint(w, "decisions", "lead_agency", duplicate, keep)?;
            report.add("decisions", led);
            let supported = repoint_lists(
                w,
                "decisions",
                "supporting_agencies",
                Some("lead_agency"),
                duplicate,
                keep,
            )?;
            report.add("decisions", supported);
            let members = repoint_lists(w, "series", "member_agencies", None, duplicate, keep)?;
            report.add("series", members);
            fill_agency(w, &kept, &gone)?;
            delete_row(w, "agencies", duplicate)?;
            Ok(report)
        })
    }

    /// Merges person `duplicate` into `keep`: the meetings they chair or keep the minutes of,
    /// their attendance (where both attended one meeting, `keep`'s record stays), whom they
    /// stood in for, the issues they raised, what they said and their standing invitations
    /// name `keep`; `keep`'s empty title and agency are filled from them; then they go. One
    /// action.
    pub fn merge_people(&mut self, keep: &Id, duplicate: &Id) -> Result<MergeReport, StoreError> {
        self.write(AuditAction::MergePeople, |w| {
            ensure_two(keep, duplicate)?;
            let kept = load_person(w.tx, keep)?;
            let gone = load_person(w.tx, duplicate)?;
            let mut report = MergeReport::default();
            for column in ["chair", "secretary"] {
                report.add("meetings", repoint(w, "meetings", column, duplicate, keep)?);
            }
            report.add(
                "attendance",
                drop_clashes(w, "attendance", "meeting", duplicate, keep)?,
            );
            report.add(
                "attendance",
                repoint(w, "attendance", "person", duplicate, keep)?,
            );
            let stood_for = repoint(w, "attendance", "substitute_for", duplicate, keep)?;
            report.add("attendance", stood_for);
            // Someone cannot stand in for themself: a substitute for the one kept, who is that
            // one, is simply present.
            fix_self_substitutes(w, keep)?;
            report.add(
                "issues",
                repoint(w, "issues", "raised_by", duplicate, keep)?,
            );
            report.add(
                "statements",
                repoint(w, "statements", "speaker", duplicate, keep)?,
            );
            report.add(
                "invitees",
                drop_clashes(w, "invitees", "series", duplicate, keep)?,
            );
            report.add(
                "invitees",
                repoint(w, "invitees", "person", duplicate, keep)?,
            );
            fill_person(w, &kept, &gone)?;
            delete_row(w, "people", duplicate)?;
            Ok(report)
        })
    }
}

/// Attendance of `person` as a substitute for themself becomes plain presence.
fn fix_self_substitutes(w: &Writer<'_>, person: &Id) -> Result<(), Fault> {
    let ids: Vec<Id> = {
        let mut st =
            w.tx.prepare("SELECT id FROM attendance WHERE person = ?1 AND substitute_for = ?1")?;
        let rows = st.query_map([person], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in ids {
        let before = w.before("attendance", id.as_str())?;
        w.tx.execute(
            "UPDATE attendance SET state = 'present', substitute_for = NULL WHERE id = ?1",
            [&id],
        )?;
        w.updated("attendance", id.as_str(), before)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_names_the_one_kept_once_and_not_the_lead() {
        let (a, b, c) = (Id::new(), Id::new(), Id::new());
        let json = ids_json(&[a.clone(), b.clone(), c.clone()]);
        let merged = merged_list(&json, &a, &c, None).unwrap();
        assert_eq!(merged, ids_json(&[c.clone(), b.clone()]));
        let merged = merged_list(&json, &a, &b, Some(&b)).unwrap();
        assert_eq!(merged, ids_json(std::slice::from_ref(&c)));
        assert_eq!(
            merged_list(&ids_json(std::slice::from_ref(&b)), &a, &c, None),
            None
        );
    }
}
