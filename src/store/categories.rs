//! The categories a meeting walks its problems by: added (from a picker, the directory or the
//! command line), renamed, put in order, archived.

use rusqlite::params;

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{list, one};
use super::rows::*;
use super::setup::{ensure_new_name, insert_category};
use super::{AuditAction, Store, Writer};
use crate::domain::{Category, Id};
use crate::text::fold::fold;
use crate::text::sanitize;

fn load(tx: &rusqlite::Connection, id: &Id) -> Result<Category, Fault> {
    one(
        tx,
        Record::Category,
        &format!("SELECT {CATEGORY_COLS} FROM categories WHERE id = ?1"),
        id.as_str(),
        category_from_row,
    )
}

/// Writes one category's name, order and archived flag, logged.
fn write(w: &Writer<'_>, c: &Category) -> Result<(), Fault> {
    let before = w.before("categories", c.id.as_str())?;
    w.tx.execute(
        "UPDATE categories SET name = ?2, ord = ?3, archived = ?4, name_f = ?5 WHERE id = ?1",
        params![c.id, c.name, c.order, c.archived, fold(&c.name)],
    )?;
    w.updated("categories", c.id.as_str(), before)
}

impl Store {
    /// Adds a category named `name` after the others, for one series or (`None`) for every
    /// series. A name that is empty, or that a category already bears (compared folded:
    /// «كد بهداشتي» is «کد بهداشتی»), is refused.
    pub fn new_category(
        &mut self,
        name: &str,
        series: Option<&Id>,
    ) -> Result<Category, StoreError> {
        let name = sanitize(name.trim()).into_owned();
        self.write(AuditAction::AddCategory, |w| {
            ensure_new_name(w.tx, "categories", &name, None)?;
            if let Some(s) = series {
                one(
                    w.tx,
                    Record::Series,
                    "SELECT id FROM series WHERE id = ?1",
                    s.as_str(),
                    |r| r.get::<_, String>(0),
                )?;
            }
            let order: i32 = w.tx.query_row(
                "SELECT coalesce(max(ord), 0) + 1 FROM categories",
                [],
                |r| r.get(0),
            )?;
            let category = Category {
                id: Id::new(),
                name: name.clone(),
                order,
                archived: false,
                series: series.cloned(),
            };
            insert_category(w, &category)?;
            Ok(category)
        })
    }

    /// Renames a category; a name another bears is refused.
    pub fn rename_category(&mut self, id: &Id, name: &str) -> Result<Category, StoreError> {
        let name = sanitize(name.trim()).into_owned();
        self.write(AuditAction::UpdateCategory, |w| {
            ensure_new_name(w.tx, "categories", &name, Some(id))?;
            let c = Category {
                name: name.clone(),
                ..load(w.tx, id)?
            };
            write(w, &c)?;
            Ok(c)
        })
    }

    /// Archives a category (kept for the issues filed under it, no longer offered), or
    /// brings it back.
    pub fn set_category_archived(
        &mut self,
        id: &Id,
        archived: bool,
    ) -> Result<Category, StoreError> {
        self.write(AuditAction::UpdateCategory, |w| {
            let c = Category {
                archived,
                ..load(w.tx, id)?
            };
            write(w, &c)?;
            Ok(c)
        })
    }

    /// Moves a category one place earlier (`-1`) or later (`1`) in the meeting's order,
    /// renumbering them all 1, 2, 3… in one action.
    pub fn move_category(&mut self, id: &Id, delta: i32) -> Result<(), StoreError> {
        self.write(AuditAction::ReorderCategories, |w| {
            let mut all = list(
                w.tx,
                Record::Category,
                &format!("SELECT {CATEGORY_COLS} FROM categories ORDER BY ord, name_f, id"),
                [],
                category_from_row,
            )?;
            let Some(at) = all.iter().position(|c| &c.id == id) else {
                return Err(Fault::not_found(Record::Category, id));
            };
            let to = at.saturating_add_signed(delta as isize).min(all.len() - 1);
            let moved = all.remove(at);
            all.insert(to, moved);
            for (c, order) in all.iter_mut().zip(1..) {
                if c.order != order {
                    c.order = order;
                    write(w, c)?;
                }
            }
            Ok(())
        })
    }
}
