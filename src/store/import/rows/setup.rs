//! The rows of the series and of the people and bodies around its table: agencies, people and
//! categories.

use rusqlite::types::Value;

use super::{Row, checked, checked_opt, row, text};
use crate::domain::{Agency, Category, Person, Series};
use crate::store::error::StoreError;
use crate::store::rows::ids_json;
use crate::store::setup::agency_names_f;
use crate::text::fold::fold;
use crate::text::sanitize;

/// An agency; its folded names are made from the sanitized names, as when one is added here.
pub(super) fn agency_row(a: &Agency) -> Result<Row, StoreError> {
    let mut r = row("agencies", &a.id, sanitize(&a.name))?;
    r.cols = vec![
        ("name", text(&a.name)),
        ("name_en", text(&a.name_en)),
        ("short_name", text(&a.short_name)),
        ("active", Value::Integer(i64::from(a.active))),
    ];
    let clean = Agency {
        name: sanitize(&a.name).into_owned(),
        name_en: sanitize(&a.name_en).into_owned(),
        short_name: sanitize(&a.short_name).into_owned(),
        ..a.clone()
    };
    r.derived = vec![("names_f", Value::Text(agency_names_f(&clean)))];
    Ok(r)
}

pub(super) fn person_row(p: &Person) -> Result<Row, StoreError> {
    let mut r = row("people", &p.id, sanitize(&p.name))?;
    r.cols = vec![
        ("name", text(&p.name)),
        ("title", text(&p.title)),
        ("agency", checked_opt(p.agency.as_ref())?),
        ("active", Value::Integer(i64::from(p.active))),
    ];
    r.derived = vec![("name_f", Value::Text(fold(&sanitize(&p.name))))];
    Ok(r)
}

pub(super) fn category_row(c: &Category) -> Result<Row, StoreError> {
    let mut r = row("categories", &c.id, sanitize(&c.name))?;
    r.cols = vec![
        ("name", text(&c.name)),
        ("ord", Value::Integer(i64::from(c.order))),
        ("archived", Value::Integer(i64::from(c.archived))),
    ];
    r.derived = vec![("name_f", Value::Text(fold(&sanitize(&c.name))))];
    Ok(r)
}

/// The series; its member agencies are ids too, checked before the series' own.
pub(super) fn series_row(s: &Series) -> Result<Row, StoreError> {
    for a in &s.member_agencies {
        checked(a)?;
    }
    let mut r = row("series", &s.id, sanitize(&s.title))?;
    r.cols = vec![
        ("title", text(&s.title)),
        ("organisation", text(&s.organisation)),
        ("default_place", text(&s.default_place)),
        ("member_agencies", Value::Text(ids_json(&s.member_agencies))),
        ("quorum", Value::Integer(i64::from(s.quorum))),
        ("interval_days", Value::Integer(i64::from(s.interval_days))),
        ("archived", Value::Integer(i64::from(s.archived))),
    ];
    Ok(r)
}
