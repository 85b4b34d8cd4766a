//! Keeping the directory: editing agencies and people, deactivating them (records name them,
//! so they are never deleted), and the standing invitees of each series.

use rusqlite::{Connection, params};

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::one;
use super::meetings::{editable_meeting, insert_attendance};
use super::setup::{agency_names_f, ensure_agencies, ensure_new_name, insert_person};
use super::{AuditAction, Store, Writer};
use crate::domain::{Agency, Attendance, AttendanceState, Id, Person};
use crate::text::fold::fold;
use crate::text::sanitize;

/// The people invited to every meeting of `series`, in the order they were invited.
pub(crate) fn invitees_of(tx: &Connection, series: &Id) -> Result<Vec<Id>, Fault> {
    let mut st =
        tx.prepare_cached("SELECT person FROM invitees WHERE series = ?1 ORDER BY rowid")?;
    let rows = st.query_map([series], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Makes `person` the standing invitee of exactly `series`: invitations added and dropped.
fn write_invitations(w: &Writer<'_>, person: &Id, series: &[Id]) -> Result<(), Fault> {
    let mut current: Vec<(Id, Id)> = Vec::new();
    {
        let mut st =
            w.tx.prepare_cached("SELECT id, series FROM invitees WHERE person = ?1")?;
        let rows = st.query_map([person], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for r in rows {
            current.push(r?);
        }
    }
    for (id, s) in &current {
        if !series.contains(s) {
            let before = w.before("invitees", id.as_str())?;
            w.tx.execute("DELETE FROM invitees WHERE id = ?1", [id])?;
            w.deleted("invitees", id.as_str(), before)?;
        }
    }
    for s in series {
        if !current.iter().any(|(_, c)| c == s) {
            invite(w, s, person)?;
        }
    }
    Ok(())
}

/// Adds one standing invitation; used when a person is saved and by the directory's import.
pub(crate) fn invite(w: &Writer<'_>, series: &Id, person: &Id) -> Result<(), Fault> {
    one(
        w.tx,
        Record::Series,
        "SELECT id FROM series WHERE id = ?1",
        series.as_str(),
        |r| r.get::<_, String>(0),
    )?;
    let id = Id::new();
    w.tx.prepare_cached("INSERT INTO invitees (id, series, person) VALUES (?1, ?2, ?3)")?
        .execute(params![id, series, person])?;
    w.inserted("invitees", id.as_str())
}

/// Updates a person's name, title, agency and whether they are active.
fn update_person_row(w: &Writer<'_>, p: &Person) -> Result<(), Fault> {
    let before = w.before("people", p.id.as_str())?;
    let name = sanitize(p.name.trim());
    w.tx.execute(
        "UPDATE people SET name = ?2, title = ?3, agency = ?4, active = ?5, name_f = ?6
         WHERE id = ?1",
        params![
            p.id,
            name,
            sanitize(p.title.trim()),
            p.agency,
            p.active,
            fold(&name)
        ],
    )?;
    w.updated("people", p.id.as_str(), before)
}

/// A person with no letters in their name is refused.
fn ensure_named(p: &Person) -> Result<(), Fault> {
    if crate::domain::name_key(&p.name).is_empty() {
        Err(crate::domain::RuleError::EmptyName.into())
    } else {
        Ok(())
    }
}

impl Store {
    /// Adds a person, or updates the one with this id, and makes them the standing invitee of
    /// exactly `invited_to`: one action. Their agency must exist.
    pub fn save_person(&mut self, person: &Person, invited_to: &[Id]) -> Result<(), StoreError> {
        let exists = self.read(|tx| {
            Ok(tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)",
                [&person.id],
                |r| r.get::<_, bool>(0),
            )?)
        })?;
        let action = if exists {
            AuditAction::UpdatePerson
        } else {
            AuditAction::AddPerson
        };
        self.write(action, |w| {
            ensure_named(person)?;
            ensure_agencies(w.tx, person.agency.as_slice())?;
            if exists {
                update_person_row(w, person)?;
            } else {
                insert_person(w, person)?;
            }
            write_invitations(w, &person.id, invited_to)
        })
    }

    /// A guest who came without being expected: added to the directory, marked present at the
    /// meeting, and made the standing invitee of `invited_to` (the meeting's series, say). One
    /// action.
    pub fn add_guest(
        &mut self,
        meeting: &Id,
        person: &Person,
        invited_to: &[Id],
    ) -> Result<(), StoreError> {
        self.write(AuditAction::AddGuest, |w| {
            editable_meeting(w.tx, meeting)?;
            ensure_named(person)?;
            ensure_agencies(w.tx, person.agency.as_slice())?;
            insert_person(w, person)?;
            write_invitations(w, &person.id, invited_to)?;
            insert_attendance(
                w,
                &Attendance {
                    id: Id::new(),
                    meeting: meeting.clone(),
                    person: person.id.clone(),
                    state: AttendanceState::Present,
                    substitute_for: None,
                    reason: String::new(),
                },
            )
        })
    }

    /// Changes an agency's names and whether it is active. A name another agency bears
    /// (however spelled) is refused.
    pub fn update_agency(&mut self, agency: &Agency) -> Result<(), StoreError> {
        let clean = Agency {
            name: sanitize(agency.name.trim()).into_owned(),
            name_en: sanitize(agency.name_en.trim()).into_owned(),
            short_name: sanitize(agency.short_name.trim()).into_owned(),
            ..agency.clone()
        };
        self.write(AuditAction::UpdateAgency, |w| {
            let before = w.before("agencies", clean.id.as_str())?;
            ensure_new_name(w.tx, "agencies", &clean.name, Some(&clean.id))?;
            w.tx.execute(
                "UPDATE agencies SET name = ?2, name_en = ?3, short_name = ?4, active = ?5,
                        names_f = ?6
                 WHERE id = ?1",
                params![
                    clean.id,
                    clean.name,
                    clean.name_en,
                    clean.short_name,
                    clean.active,
                    agency_names_f(&clean)
                ],
            )?;
            w.updated("agencies", clean.id.as_str(), before)
        })
    }

    /// Deactivates an agency (kept, since records name it, but no longer offered in pickers)
    /// or makes it active again.
    pub fn set_agency_active(&mut self, id: &Id, active: bool) -> Result<(), StoreError> {
        self.write(AuditAction::UpdateAgency, |w| {
            let before = w.before("agencies", id.as_str())?;
            w.tx.execute(
                "UPDATE agencies SET active = ?2 WHERE id = ?1",
                params![id, active],
            )?;
            w.updated("agencies", id.as_str(), before)
        })
    }

    /// Deactivates a person (kept, since records name them, but no longer offered) or makes
    /// them active again.
    pub fn set_person_active(&mut self, id: &Id, active: bool) -> Result<(), StoreError> {
        self.write(AuditAction::UpdatePerson, |w| {
            let before = w.before("people", id.as_str())?;
            w.tx.execute(
                "UPDATE people SET active = ?2 WHERE id = ?1",
                params![id, active],
            )?;
            w.updated("people", id.as_str(), before)
        })
    }

    /// Writes what importing a directory table changes (`directory::plan`): the new agencies
    /// (their names kept unique), the new people, the people updated and their invitations,
    /// all in one action: any refusal leaves the database as it was.
    pub fn import_directory(
        &mut self,
        plan: &crate::directory::DirectoryPlan,
    ) -> Result<(), StoreError> {
        self.write(AuditAction::ImportDirectory, |w| {
            for a in &plan.new_agencies {
                ensure_new_name(w.tx, "agencies", &sanitize(a.name.trim()), None)?;
                super::setup::insert_agency(w, a)?;
            }
            for n in &plan.new_people {
                ensure_named(&n.person)?;
                insert_person(w, &n.person)?;
                for s in &n.invited_to {
                    invite(w, s, &n.person.id)?;
                }
            }
            for u in &plan.updates {
                update_person_row(w, &u.person)?;
                for s in &u.invite_to {
                    invite(w, s, &u.person.id)?;
                }
            }
            Ok(())
        })
    }

    /// The standing invitees of a series, in the order they were invited.
    pub fn invitees(&self, series: &Id) -> Result<Vec<Id>, StoreError> {
        self.read(|tx| invitees_of(tx, series))
    }

    /// Every standing invitation, as (series, person).
    pub fn invitations(&self) -> Result<Vec<(Id, Id)>, StoreError> {
        self.read(|tx| {
            let mut st = tx.prepare_cached("SELECT series, person FROM invitees ORDER BY rowid")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}
