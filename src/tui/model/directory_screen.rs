//! The directory screen: the agencies, the people and the categories, one tab each, narrowed
//! by a filter folded like the pickers' (`بانك` finds «بانک», a title or an agency finds a
//! person), deactivated and archived ones hidden unless asked for.

use crate::domain::{Agency, Category, Id, Person};
use crate::text::fold::fold;

use super::directory::Directory;
use super::meetings::step;

/// A tab of the directory screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectoryTab {
    #[default]
    Agencies,
    People,
    Categories,
}

impl DirectoryTab {
    pub const ALL: [DirectoryTab; 3] = [
        DirectoryTab::Agencies,
        DirectoryTab::People,
        DirectoryTab::Categories,
    ];
}

/// One row of the directory's list.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    Agency(&'a Agency),
    Person(&'a Person),
    Category(&'a Category),
}

impl Entry<'_> {
    pub fn id(&self) -> &Id {
        match self {
            Entry::Agency(a) => &a.id,
            Entry::Person(p) => &p.id,
            Entry::Category(c) => &c.id,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Entry::Agency(a) => &a.name,
            Entry::Person(p) => &p.name,
            Entry::Category(c) => &c.name,
        }
    }

    /// Active (agencies, people) or not archived (categories).
    pub fn is_current(&self) -> bool {
        match self {
            Entry::Agency(a) => a.active,
            Entry::Person(p) => p.active,
            Entry::Category(c) => !c.archived,
        }
    }
}

/// What the directory screen shows: its tab, filter and selection.
#[derive(Debug, Clone, Default)]
pub struct DirectoryScreen {
    pub tab: DirectoryTab,
    /// The filter as typed; empty shows everything.
    pub filter: String,
    /// Whether deactivated agencies and people and archived categories are listed.
    pub show_inactive: bool,
    pub selected: usize,
}

/// Whether every word of the folded query is in the folded text: the pickers' rule.
fn matches(text: &str, query: &str) -> bool {
    query.is_empty() || query.split(' ').all(|w| text.contains(w))
}

impl DirectoryScreen {
    /// The rows of the current tab, filtered, in the directory's order.
    pub fn entries<'a>(&self, dir: &'a Directory) -> Vec<Entry<'a>> {
        let q = fold(self.filter.trim());
        let all: Vec<(Entry<'a>, String)> = match self.tab {
            DirectoryTab::Agencies => dir
                .agencies
                .iter()
                .map(|a| {
                    let text = format!("{}\n{}\n{}", a.name, a.short_name, a.name_en);
                    (Entry::Agency(a), text)
                })
                .collect(),
            DirectoryTab::People => dir
                .people
                .iter()
                .map(|p| {
                    let agency = p.agency.as_ref().and_then(|a| dir.agency(a));
                    let agency = agency.map_or(String::new(), |a| {
                        format!("{}\n{}\n{}", a.name, a.short_name, a.name_en)
                    });
                    (
                        Entry::Person(p),
                        format!("{}\n{}\n{agency}", p.name, p.title),
                    )
                })
                .collect(),
            DirectoryTab::Categories => dir
                .categories
                .iter()
                .map(|c| (Entry::Category(c), c.name.clone()))
                .collect(),
        };
        all.into_iter()
            .filter(|(e, _)| self.show_inactive || e.is_current())
            .filter(|(_, text)| matches(&fold(text), &q))
            .map(|(e, _)| e)
            .collect()
    }

    pub fn selected_entry<'a>(&self, dir: &'a Directory) -> Option<Entry<'a>> {
        self.entries(dir).get(self.selected).copied()
    }

    pub fn move_by(&mut self, delta: isize, dir: &Directory) {
        self.selected = step(self.selected, delta, self.entries(dir).len());
    }

    /// Shows another tab, its first row selected.
    pub fn set_tab(&mut self, tab: DirectoryTab) {
        self.tab = tab;
        self.selected = 0;
    }

    /// Selects the row of this record, if it is listed.
    pub fn select(&mut self, id: &Id, dir: &Directory) {
        if let Some(i) = self.entries(dir).iter().position(|e| e.id() == id) {
            self.selected = i;
        }
    }

    /// Keeps the selection inside the list after a change.
    pub fn clamp(&mut self, dir: &Directory) {
        self.selected = self.selected.min(self.entries(dir).len().saturating_sub(1));
    }
}
