//! The people and bodies around the table: series, agencies, people, categories.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::error::StoreError;
use super::rows::*;
use crate::domain::{Agency, Category, Id, Person, Series};
use crate::text::fold::fold;

/// The folded text an agency is found by: its name, English name and short name.
pub(crate) fn agency_names_f(a: &Agency) -> String {
    fold(&format!("{}\n{}\n{}", a.name, a.name_en, a.short_name))
}

pub(crate) fn ensure_agencies(tx: &Transaction<'_>, ids: &[Id]) -> Result<(), StoreError> {
    let mut st = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM agencies WHERE id = ?1)")?;
    for id in ids {
        if !st.query_row([id.as_str()], |r| r.get::<_, bool>(0))? {
            return Err(StoreError::not_found("agency", id));
        }
    }
    Ok(())
}

pub(crate) fn list<T>(
    tx: &Transaction<'_>,
    sql: &str,
    params: impl rusqlite::Params,
    f: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreError> {
    let mut st = tx.prepare_cached(sql)?;
    let rows = st.query_map(params, f)?;
    let mut out = Vec::new();
    for r in rows {
        out.push(r?);
    }
    Ok(out)
}

pub(crate) fn one<T>(
    tx: &Transaction<'_>,
    what: &'static str,
    sql: &str,
    id: &str,
    f: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<T, StoreError> {
    tx.prepare_cached(sql)?
        .query_row([id], f)
        .optional()?
        .ok_or_else(|| StoreError::not_found(what, id))
}

impl Store {
    pub fn create_series(&mut self, series: &Series) -> Result<(), StoreError> {
        self.write("create_series", |w| {
            ensure_agencies(w.tx, &series.member_agencies)?;
            w.tx.execute(
                "INSERT INTO series (id, title, organisation, default_place, member_agencies, quorum)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    series.id.as_str(),
                    series.title,
                    series.organisation,
                    series.default_place,
                    ids_json(&series.member_agencies),
                    series.quorum
                ],
            )?;
            w.inserted("series", series.id.as_str())
        })
    }

    pub fn list_series(&self) -> Result<Vec<Series>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                &format!("SELECT {SERIES_COLS} FROM series ORDER BY id"),
                [],
                series_from_row,
            )
        })
    }

    pub fn get_series(&self, id: &Id) -> Result<Series, StoreError> {
        self.read(|tx| {
            one(
                tx,
                "series",
                &format!("SELECT {SERIES_COLS} FROM series WHERE id = ?1"),
                id.as_str(),
                series_from_row,
            )
        })
    }

    pub fn add_agency(&mut self, agency: &Agency) -> Result<(), StoreError> {
        self.write("add_agency", |w| {
            w.tx.execute(
                "INSERT INTO agencies (id, name, name_en, short_name, active, names_f)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    agency.id.as_str(),
                    agency.name,
                    agency.name_en,
                    agency.short_name,
                    agency.active,
                    agency_names_f(agency)
                ],
            )?;
            w.inserted("agencies", agency.id.as_str())
        })
    }

    /// Every agency, by name.
    pub fn list_agencies(&self) -> Result<Vec<Agency>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                &format!("SELECT {AGENCY_COLS} FROM agencies ORDER BY names_f"),
                [],
                agency_from_row,
            )
        })
    }

    pub fn get_agency(&self, id: &Id) -> Result<Agency, StoreError> {
        self.read(|tx| {
            one(
                tx,
                "agency",
                &format!("SELECT {AGENCY_COLS} FROM agencies WHERE id = ?1"),
                id.as_str(),
                agency_from_row,
            )
        })
    }

    /// Agencies whose name, English name or short name contains `query`, compared folded, so
    /// «بانك ملي» finds «بانک ملی». An empty query finds none.
    pub fn find_agencies(&self, query: &str) -> Result<Vec<Agency>, StoreError> {
        self.find_folded(
            &format!(
                "SELECT {AGENCY_COLS} FROM agencies WHERE instr(names_f, ?1) > 0 ORDER BY names_f"
            ),
            query,
            agency_from_row,
        )
    }

    pub fn add_person(&mut self, person: &Person) -> Result<(), StoreError> {
        self.write("add_person", |w| {
            w.tx.execute(
                "INSERT INTO people (id, name, title, agency, name_f) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    person.id.as_str(),
                    person.name,
                    person.title,
                    person.agency.as_ref().map(Id::as_str),
                    fold(&person.name)
                ],
            )?;
            w.inserted("people", person.id.as_str())
        })
    }

    pub fn list_people(&self) -> Result<Vec<Person>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                &format!("SELECT {PERSON_COLS} FROM people ORDER BY name_f"),
                [],
                person_from_row,
            )
        })
    }

    pub fn get_person(&self, id: &Id) -> Result<Person, StoreError> {
        self.read(|tx| {
            one(
                tx,
                "person",
                &format!("SELECT {PERSON_COLS} FROM people WHERE id = ?1"),
                id.as_str(),
                person_from_row,
            )
        })
    }

    pub fn add_category(&mut self, category: &Category) -> Result<(), StoreError> {
        self.write("add_category", |w| {
            w.tx.execute(
                "INSERT INTO categories (id, name, ord, name_f) VALUES (?1, ?2, ?3, ?4)",
                params![
                    category.id.as_str(),
                    category.name,
                    category.order,
                    fold(&category.name)
                ],
            )?;
            w.inserted("categories", category.id.as_str())
        })
    }

    /// Every category, in the order the meeting walks them.
    pub fn list_categories(&self) -> Result<Vec<Category>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                &format!("SELECT {CATEGORY_COLS} FROM categories ORDER BY ord, name_f"),
                [],
                category_from_row,
            )
        })
    }

    /// Categories whose name contains `query`, compared folded. An empty query finds none.
    pub fn find_categories(&self, query: &str) -> Result<Vec<Category>, StoreError> {
        self.find_folded(
            &format!(
                "SELECT {CATEGORY_COLS} FROM categories WHERE instr(name_f, ?1) > 0 ORDER BY ord"
            ),
            query,
            category_from_row,
        )
    }

    /// Rows of `sql`, whose `?1` is the folded `query`; an empty query finds none.
    fn find_folded<T>(
        &self,
        sql: &str,
        query: &str,
        row: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|tx| list(tx, sql, [q.as_str()], row))
    }
}
