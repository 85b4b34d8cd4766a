//! Series of meetings: created, edited, archived, listed.

use rusqlite::params;

use super::error::{Record, StoreError};
use super::listed::{list, one};
use super::rows::*;
use super::setup::{ensure_agencies, insert_series};
use super::version::{RowVersion, update_as_read};
use super::{AuditAction, Store};
use crate::domain::{Id, Series, ensure_series};
use crate::text::sanitize;

impl Store {
    /// Adds a series of meetings: a title, its member agencies (which must exist) and a
    /// quorum asking for no more agencies than it has members.
    pub fn create_series(&mut self, series: &Series) -> Result<(), StoreError> {
        self.write(AuditAction::CreateSeries, |w| {
            ensure_series(series)?;
            insert_series(w, series)
        })
    }

    /// Adds the agencies new to the directory (their names kept unique) and a series whose
    /// members they are among, in one action: a refused series leaves no agency behind.
    pub fn create_series_with_agencies(
        &mut self,
        series: &Series,
        agencies: &[crate::domain::Agency],
    ) -> Result<(), StoreError> {
        self.write(AuditAction::CreateSeries, |w| {
            ensure_series(series)?;
            for a in agencies {
                super::setup::ensure_new_name(w.tx, "agencies", &sanitize(a.name.trim()), None)?;
                super::setup::insert_agency(w, a)?;
            }
            insert_series(w, series)
        })
    }

    /// Changes a series' title, organisation, place, interval, member agencies and quorum.
    /// Refused ([`StoreError::Stale`]) if the series changed since version `read`.
    pub fn update_series(
        &mut self,
        series: &Series,
        read: RowVersion,
    ) -> Result<Series, StoreError> {
        self.write(AuditAction::UpdateSeries, |w| {
            ensure_series(series)?;
            ensure_agencies(w.tx, &series.member_agencies)?;
            let before = w.before("series", series.id.as_str())?;
            update_as_read(
                w.tx,
                Record::Series,
                &series.id,
                read,
                "UPDATE series SET title = ?2, organisation = ?3, default_place = ?4,
                        member_agencies = ?5, quorum = ?6, interval_days = ?7
                 WHERE id = ?1 AND version = ?8",
                params![
                    series.id,
                    sanitize(series.title.trim()),
                    sanitize(series.organisation.trim()),
                    sanitize(series.default_place.trim()),
                    ids_json(&series.member_agencies),
                    series.quorum,
                    series.interval_days,
                ],
            )?;
            w.updated("series", series.id.as_str(), before)?;
            load_series(w.tx, &series.id)
        })
    }

    /// Archives a series (its meetings are over; it is hidden from the meetings screen unless
    /// asked for), or brings it back.
    pub fn set_series_archived(&mut self, id: &Id, archived: bool) -> Result<Series, StoreError> {
        let action = if archived {
            AuditAction::ArchiveSeries
        } else {
            AuditAction::UnarchiveSeries
        };
        self.write(action, |w| {
            let before = w.before("series", id.as_str())?;
            w.tx.execute(
                "UPDATE series SET archived = ?2 WHERE id = ?1",
                params![id, archived],
            )?;
            w.updated("series", id.as_str(), before)?;
            load_series(w.tx, id)
        })
    }

    /// Every series, oldest first.
    pub fn list_series(&self) -> Result<Vec<Series>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Series,
                &format!("SELECT {SERIES_COLS} FROM series ORDER BY id"),
                [],
                series_from_row,
            )
        })
    }

    pub fn get_series(&self, id: &Id) -> Result<Series, StoreError> {
        self.read(|tx| load_series(tx, id))
    }
}

fn load_series(tx: &rusqlite::Connection, id: &Id) -> Result<Series, super::fault::Fault> {
    one(
        tx,
        Record::Series,
        &format!("SELECT {SERIES_COLS} FROM series WHERE id = ?1"),
        id.as_str(),
        series_from_row,
    )
}
