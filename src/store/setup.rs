//! The people and bodies around the table: series, agencies, people, categories.

use super::AuditAction;
use rusqlite::{Connection, params};

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{RowFn, list, one};
use super::rows::*;
use super::{Store, Writer};
use crate::domain::{Agency, Category, Id, Person, RuleError, Series, name_key};
use crate::text::fold::fold;
use crate::text::sanitize;

/// The folded text an agency is found by: its name, English name and short name.
pub(crate) fn agency_names_f(a: &Agency) -> String {
    crate::domain::agency_search_text(a)
}

pub(crate) fn ensure_agencies(tx: &Connection, ids: &[Id]) -> Result<(), Fault> {
    let mut st = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM agencies WHERE id = ?1)")?;
    for id in ids {
        if !st.query_row([id], |r| r.get::<_, bool>(0))? {
            return Err(Fault::not_found(Record::Agency, id));
        }
    }
    Ok(())
}

/// Refuses a name that is empty, or that a row of `table` other than `except` already bears
/// ([`crate::domain::same_name`]: folded, spaces ignored). The directory's tables hold hundreds
/// of rows, so they are read whole.
pub(crate) fn ensure_new_name(
    tx: &Connection,
    table: &'static str,
    name: &str,
    except: Option<&Id>,
) -> Result<(), Fault> {
    let key = name_key(name);
    if key.is_empty() {
        return Err(RuleError::EmptyName.into());
    }
    let mut st = tx.prepare_cached(&format!(
        "SELECT name FROM {table} WHERE ?1 IS NULL OR id <> ?1"
    ))?;
    let mut rows = st.query([except])?;
    while let Some(r) = rows.next()? {
        let existing: String = r.get(0)?;
        if name_key(&existing) == key {
            return Err(RuleError::NameTaken(name.to_string()).into());
        }
    }
    Ok(())
}

/// Inserts a series, its text sanitized; used by `create_series` and synth.
pub(crate) fn insert_series(w: &Writer<'_>, series: &Series) -> Result<(), Fault> {
    ensure_agencies(w.tx, &series.member_agencies)?;
    w.tx.prepare_cached(
        "INSERT INTO series (id, title, organisation, default_place, member_agencies, quorum,
                             interval_days, archived)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        series.id,
        sanitize(&series.title),
        sanitize(&series.organisation),
        sanitize(&series.default_place),
        ids_json(&series.member_agencies),
        series.quorum,
        series.interval_days,
        series.archived,
    ])?;
    w.inserted("series", series.id.as_str())
}

/// Inserts an agency, its names sanitized; used by `add_agency` and synth.
pub(crate) fn insert_agency(w: &Writer<'_>, agency: &Agency) -> Result<(), Fault> {
    let clean = Agency {
        name: sanitize(&agency.name).into_owned(),
        name_en: sanitize(&agency.name_en).into_owned(),
        short_name: sanitize(&agency.short_name).into_owned(),
        ..agency.clone()
    };
    w.tx.prepare_cached(
        "INSERT INTO agencies (id, name, name_en, short_name, active, names_f)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        clean.id,
        clean.name,
        clean.name_en,
        clean.short_name,
        clean.active,
        agency_names_f(&clean)
    ])?;
    w.inserted("agencies", clean.id.as_str())
}

/// Inserts a category, its name sanitized; used by `add_category` and synth.
pub(crate) fn insert_category(w: &Writer<'_>, category: &Category) -> Result<(), Fault> {
    let name = sanitize(&category.name);
    w.tx.prepare_cached(
        "INSERT INTO categories (id, name, ord, name_f, series, archived)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        category.id,
        name,
        category.order,
        fold(&name),
        category.series,
        category.archived
    ])?;
    w.inserted("categories", category.id.as_str())
}

/// Inserts a person, their name and title sanitized; used by `add_person` and synth.
pub(crate) fn insert_person(w: &Writer<'_>, person: &Person) -> Result<(), Fault> {
    let name = sanitize(&person.name);
    w.tx.prepare_cached(
        "INSERT INTO people (id, name, title, agency, name_f, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        person.id,
        name,
        sanitize(&person.title),
        person.agency,
        fold(&name),
        person.active
    ])?;
    w.inserted("people", person.id.as_str())
}

impl Store {
    /// Adds an agency as given, its names sanitized (the demo, tests). The secretary's way in
    /// is [`Store::new_agency`], which keeps names unique.
    pub fn add_agency(&mut self, agency: &Agency) -> Result<(), StoreError> {
        self.write(AuditAction::AddAgency, |w| insert_agency(w, agency))
    }

    /// Adds an agency the secretary names (a picker, the directory): a name that is empty, or
    /// that another agency bears however spelled, is refused.
    pub fn new_agency(&mut self, agency: &Agency) -> Result<(), StoreError> {
        self.write(AuditAction::AddAgency, |w| {
            ensure_new_name(w.tx, "agencies", &sanitize(agency.name.trim()), None)?;
            insert_agency(w, agency)
        })
    }

    /// Every agency, by name.
    pub fn list_agencies(&self) -> Result<Vec<Agency>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Agency,
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
                Record::Agency,
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
            Record::Agency,
            &format!(
                "SELECT {AGENCY_COLS} FROM agencies WHERE instr(names_f, ?1) > 0 ORDER BY names_f"
            ),
            query,
            agency_from_row,
        )
    }

    /// Adds a person, their name and title sanitized.
    pub fn add_person(&mut self, person: &Person) -> Result<(), StoreError> {
        self.write(AuditAction::AddPerson, |w| insert_person(w, person))
    }

    pub fn list_people(&self) -> Result<Vec<Person>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Person,
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
                Record::Person,
                &format!("SELECT {PERSON_COLS} FROM people WHERE id = ?1"),
                id.as_str(),
                person_from_row,
            )
        })
    }

    /// Adds a category, its name sanitized.
    pub fn add_category(&mut self, category: &Category) -> Result<(), StoreError> {
        self.write(AuditAction::AddCategory, |w| insert_category(w, category))
    }

    /// Every category, in the order the meeting walks them.
    pub fn list_categories(&self) -> Result<Vec<Category>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Category,
                &format!("SELECT {CATEGORY_COLS} FROM categories ORDER BY ord, name_f"),
                [],
                category_from_row,
            )
        })
    }

    /// Categories whose name contains `query`, compared folded. An empty query finds none.
    pub fn find_categories(&self, query: &str) -> Result<Vec<Category>, StoreError> {
        self.find_folded(
            Record::Category,
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
        record: Record,
        sql: &str,
        query: &str,
        row: RowFn<T>,
    ) -> Result<Vec<T>, StoreError> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|tx| list(tx, record, sql, [q.as_str()], row))
    }
}
