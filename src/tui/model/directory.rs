//! The series' reference records, by id: agencies, people, categories.

use std::collections::HashMap;

use crate::domain::{Agency, Category, Id, Person, Series};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

/// Agencies, people, categories and series, loaded once and after changes.
#[derive(Debug, Default)]
pub struct Directory {
    pub agencies: Vec<Agency>,
    pub people: Vec<Person>,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
    /// Standing invitations, as (series, person).
    pub invitations: Vec<(Id, Id)>,
    agency_index: HashMap<Id, usize>,
    person_index: HashMap<Id, usize>,
}

impl Directory {
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let agencies = store.list_agencies()?;
        let people = store.list_people()?;
        let index = |ids: Vec<&Id>| -> HashMap<Id, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Ok(Directory {
            agency_index: index(agencies.iter().map(|a| &a.id).collect()),
            person_index: index(people.iter().map(|p| &p.id).collect()),
            agencies,
            people,
            categories: store.list_categories()?,
            series: store.list_series()?,
            invitations: store.invitations()?,
        })
    }

    pub fn agency(&self, id: &Id) -> Option<&Agency> {
        self.agency_index.get(id).map(|i| &self.agencies[*i])
    }

    pub fn person(&self, id: &Id) -> Option<&Person> {
        self.person_index.get(id).map(|i| &self.people[*i])
    }

    /// An agency's name in the interface's language (its English name in English, when it
    /// has one).
    pub fn agency_name(&self, lang: Lang, id: &Id) -> &str {
        match self.agency(id) {
            Some(a) if lang == Lang::En && !a.name_en.is_empty() => &a.name_en,
            Some(a) => &a.name,
            None => "",
        }
    }

    /// An agency's name for a column `width` cells wide: the whole name where it fits, else
    /// its short name (in Persian, where it has one), so a column of «اداره کل …» does not
    /// read as the same agency cut ten times.
    pub fn agency_name_within(&self, lang: Lang, id: &Id, width: usize) -> &str {
        let full = self.agency_name(lang, id);
        if crate::text::display_width(full) <= width {
            return full;
        }
        match self.agency(id) {
            Some(a) if lang == Lang::Fa && !a.short_name.is_empty() => &a.short_name,
            _ => full,
        }
    }

    /// Agency names joined as the language lists them.
    pub fn agency_names(&self, lang: Lang, ids: &[Id]) -> String {
        ids.iter()
            .map(|id| self.agency_name(lang, id))
            .collect::<Vec<_>>()
            .join(lang.list_separator())
    }

    pub fn person_name(&self, id: &Id) -> &str {
        self.person(id).map_or("", |p| p.name.as_str())
    }

    /// The series `person` is a standing invitee of.
    pub fn invited_to(&self, person: &Id) -> Vec<Id> {
        self.invitations
            .iter()
            .filter(|(_, p)| p == person)
            .map(|(s, _)| s.clone())
            .collect()
    }

    pub fn category_name(&self, id: Option<&Id>) -> &str {
        id.and_then(|id| self.categories.iter().find(|c| &c.id == id))
            .map_or("", |c| c.name.as_str())
    }
}
