//! What importing a directory table would change, worked out before anything is written:
//! names are folded to find who is already there (`domain::name_key`), an unknown agency is
//! created, a series is found by (part of) its title.

use super::DirectoryRow;
use crate::domain::{Agency, Id, Person, Series, name_key};

/// A person the import adds, with the series they are invited to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub person: Person,
    pub invited_to: Vec<Id>,
}

/// A person already in the directory whose title or agency the file changes, or whom it
/// invites to more series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonUpdate {
    pub person: Person,
    pub invite_to: Vec<Id>,
}

/// Everything an import writes, in one transaction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectoryPlan {
    pub new_agencies: Vec<Agency>,
    pub new_people: Vec<NewPerson>,
    pub updates: Vec<PersonUpdate>,
    /// Rows that change nothing (already in the directory as the file says).
    pub unchanged: usize,
}

/// A row that names a series the database does not hold (or several): line and name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: no single series is called «{name}»; nothing was imported")]
pub struct UnknownSeries {
    pub line: usize,
    pub name: String,
}

/// Works out the import of `rows` into a directory holding these records.
pub fn plan(
    rows: &[DirectoryRow],
    agencies: &[Agency],
    people: &[Person],
    series: &[Series],
    invitations: &[(Id, Id)],
) -> Result<DirectoryPlan, UnknownSeries> {
    let mut plan = DirectoryPlan::default();
    let mut agency_keys: Vec<(String, Id)> = agencies
        .iter()
        .flat_map(|a| {
            [
                (name_key(&a.name), a.id.clone()),
                (name_key(&a.short_name), a.id.clone()),
            ]
        })
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let mut people_keys: Vec<(String, Person, Vec<Id>)> = people
        .iter()
        .map(|p| {
            let invited = invitations
                .iter()
                .filter(|(_, who)| who == &p.id)
                .map(|(s, _)| s.clone())
                .collect();
            (name_key(&p.name), p.clone(), invited)
        })
        .collect();
    for row in rows {
        let agency = (!row.agency.is_empty()).then(|| {
            let key = name_key(&row.agency);
            match agency_keys.iter().find(|(k, _)| *k == key) {
                Some((_, id)) => id.clone(),
                None => {
                    let a = Agency {
                        id: Id::new(),
                        name: row.agency.clone(),
                        name_en: String::new(),
                        short_name: String::new(),
                        active: true,
                    };
                    agency_keys.push((key, a.id.clone()));
                    let id = a.id.clone();
                    plan.new_agencies.push(a);
                    id
                }
            }
        });
        if row.name.is_empty() {
            continue; // an agency's own row
        }
        let invited_to = row
            .invitee_of
            .iter()
            .map(|name| {
                find_series(series, name).ok_or_else(|| UnknownSeries {
                    line: row.line,
                    name: name.clone(),
                })
            })
            .collect::<Result<Vec<Id>, _>>()?;
        let key = name_key(&row.name);
        match people_keys.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, p, invited)) => {
                let mut changed = p.clone();
                if !row.title.is_empty() {
                    changed.title = row.title.clone();
                }
                if agency.is_some() {
                    changed.agency = agency.clone();
                }
                let more: Vec<Id> = invited_to
                    .into_iter()
                    .filter(|s| !invited.contains(s))
                    .collect();
                if &changed == p && more.is_empty() {
                    plan.unchanged += 1;
                    continue;
                }
                invited.extend(more.iter().cloned());
                *p = changed.clone();
                // A person new in this file is still one new person, however often listed.
                if let Some(n) = plan.new_people.iter_mut().find(|n| n.person.id == p.id) {
                    n.person = changed;
                    n.invited_to.extend(more);
                } else if let Some(u) = plan.updates.iter_mut().find(|u| u.person.id == p.id) {
                    u.person = changed;
                    u.invite_to.extend(more);
                } else {
                    plan.updates.push(PersonUpdate {
                        person: changed,
                        invite_to: more,
                    });
                }
            }
            None => {
                let person = Person {
                    id: Id::new(),
                    name: row.name.clone(),
                    title: row.title.clone(),
                    agency,
                    active: true,
                };
                people_keys.push((key, person.clone(), invited_to.clone()));
                plan.new_people.push(NewPerson { person, invited_to });
            }
        }
    }
    Ok(plan)
}

/// The one series whose title is `name`, or contains it (folded).
fn find_series(series: &[Series], name: &str) -> Option<Id> {
    let key = name_key(name);
    if let Some(s) = series.iter().find(|s| name_key(&s.title) == key) {
        return Some(s.id.clone());
    }
    match series
        .iter()
        .filter(|s| !key.is_empty() && name_key(&s.title).contains(&key))
        .collect::<Vec<_>>()
        .as_slice()
    {
        [one] => Some(one.id.clone()),
        _ => None,
    }
}
