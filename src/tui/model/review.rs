//! The action review: every decision of the series, filtered, optionally grouped by lead agency
//! with each group's counts, overdue first. The decisions are held in memory (loaded in the
//! background) as small rows without their text, so a filter or the grouping changes without a
//! query; the texts of the rows around the selection, and the selected decision whole, are read
//! by the app as the selection moves.

use std::collections::{HashMap, HashSet};

use crate::domain::{
    Date, Decision, DecisionFilter, DecisionStatus, FollowUp, Id, agency_search_text, review_rank,
};
use crate::store::{ReviewEntries, ReviewEntry};
use crate::text::fold::fold;

use super::directory::Directory;
use super::meetings::step;

/// One row of the review table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A lead agency's group heading with its counts among the filtered decisions.
    Group {
        agency: usize,
        open: usize,
        overdue: usize,
        done: usize,
    },
    /// A decision: its index in [`Review::entries`].
    Item(usize),
}

/// Stands for "not in the directory" among directory positions.
const NOWHERE: u32 = u32::MAX;

/// The review screen.
#[derive(Debug, Default)]
pub struct Review {
    /// Every decision of the series in review order, with the agencies and categories they
    /// name.
    pub entries: ReviewEntries,
    /// The decisions are still being read.
    pub loading: bool,
    pub filter: DecisionFilter,
    /// The filter as typed, shown above the table.
    pub filter_text: String,
    pub grouped: bool,
    pub rows: Vec<Row>,
    /// Index into `rows`; always an item when there is one.
    pub selected: usize,
    /// The selected decision, whole (its text, supporting agencies, meeting).
    pub decision: Option<Decision>,
    /// The selected decision's follow-ups and the meetings that reviewed it.
    pub follow_ups: Vec<FollowUp>,
    pub reviewed_in: Vec<u32>,
    /// The texts of the decisions in the rows around the selection, by entry: all that a
    /// screen can show, never 100,000 of them.
    pub texts: HashMap<usize, String>,
    /// Each agency and category the entries name, as its position in the directory
    /// ([`NOWHERE`] when it is not there), so that filtering 100,000 decisions compares
    /// numbers, not ids.
    agency_positions: Vec<u32>,
    category_positions: Vec<u32>,
    /// How many decisions the rows show.
    pub item_count: usize,
    /// The day the rows were built for (overdue depends on it); none once the entries or the
    /// directory changed. A new filter or grouping rebuilds the rows at once.
    built_for: Option<Date>,
}

/// Sorts decisions as the review lists them: overdue first (most overdue on top), then by
/// deadline, undated last, then by number.
pub fn sort_for_review(entries: &mut [ReviewEntry], today: Date) {
    entries.sort_by_cached_key(|e| review_rank(e.status, e.due, e.number, today));
}

impl Review {
    /// The decision of the selected row.
    pub fn selected_entry(&self) -> Option<&ReviewEntry> {
        match self.rows.get(self.selected) {
            Some(Row::Item(i)) => self.entries.entries.get(*i),
            _ => None,
        }
    }

    /// Rebuilds the rows from the entries, the filter and the grouping, keeping the selected
    /// decision selected when it is still shown.
    pub fn refresh(&mut self, dir: &Directory, today: Date) {
        let keep = match self.rows.get(self.selected) {
            Some(Row::Item(i)) => Some(*i),
            _ => None,
        };
        let matching = self.matching(dir, today);
        self.rows = if self.grouped {
            grouped_rows(self, &matching, dir, today)
        } else {
            matching.into_iter().map(Row::Item).collect()
        };
        self.item_count = self
            .rows
            .iter()
            .filter(|r| matches!(r, Row::Item(_)))
            .count();
        self.built_for = Some(today);
        self.selected = keep
            .and_then(|keep| self.rows.iter().position(|r| *r == Row::Item(keep)))
            .unwrap_or_else(|| self.first_item_from(0, 1).unwrap_or(0));
    }

    /// Whether the rows are those [`Review::refresh`] would build today.
    pub fn is_current(&self, today: Date) -> bool {
        self.built_for == Some(today)
    }

    /// Sets new entries (in review order) and indexes them against the directory.
    pub fn set_entries(&mut self, entries: ReviewEntries, dir: &Directory) {
        self.entries = entries;
        self.texts.clear();
        self.index(dir);
    }

    /// Recomputes the directory positions of the agencies and categories the entries name
    /// (after the entries or the directory change).
    pub fn index(&mut self, dir: &Directory) {
        self.built_for = None;
        let positions = |ids: &[Id], of: &dyn Fn(&Id) -> Option<usize>| -> Vec<u32> {
            ids.iter()
                .map(|id| of(id).map_or(NOWHERE, |at| at as u32))
                .collect()
        };
        self.agency_positions = positions(&self.entries.agencies, &|id| {
            dir.agencies.iter().position(|a| &a.id == id)
        });
        self.category_positions = positions(&self.entries.categories, &|id| {
            dir.categories.iter().position(|c| &c.id == id)
        });
    }

    /// The entry's lead agency's position in the directory.
    pub fn agency_key(&self, entry: usize) -> u32 {
        self.entries
            .entries
            .get(entry)
            .and_then(|e| self.agency_positions.get(e.lead_agency as usize))
            .copied()
            .unwrap_or(NOWHERE)
    }

    /// The entry's lead agency's id.
    pub fn lead_agency(&self, entry: &ReviewEntry) -> Option<&Id> {
        self.entries.agencies.get(entry.lead_agency as usize)
    }

    /// Puts a decision changed here (a follow-up) into its row at once, before any reload.
    pub fn patch(&mut self, d: &Decision, dir: &Directory) {
        let lead = self.entries.agency_position(&d.lead_agency);
        if lead as usize >= self.agency_positions.len() {
            self.index(dir);
        }
        let found = self.entries.entries.iter().position(|e| e.id == d.id);
        if let Some(at) = found {
            let e = &mut self.entries.entries[at];
            e.status = d.status;
            e.due = d.due;
            e.lead_agency = lead;
            e.supporting = u16::try_from(d.supporting_agencies.len()).unwrap_or(u16::MAX);
            if let Some(text) = self.texts.get_mut(&at) {
                text.clone_from(&d.text);
            }
        }
        if self.decision.as_ref().is_some_and(|x| x.id == d.id) {
            self.decision = Some(d.clone());
        }
    }

    /// The entries in the rows within `reach` rows of the selection: those a screen of that
    /// height can show.
    pub fn entries_near_selection(&self, reach: usize) -> Vec<usize> {
        let from = self.selected.saturating_sub(reach);
        let to = self.selected.saturating_add(reach).min(self.rows.len());
        self.rows
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|r| match r {
                Row::Item(i) => Some(*i),
                Row::Group { .. } => None,
            })
            .collect()
    }

    /// Forgets the texts of entries not in `near`, and says which of `near` have none yet.
    pub fn keep_texts(&mut self, near: &[usize]) -> Vec<usize> {
        let wanted: HashSet<usize> = near.iter().copied().collect();
        self.texts.retain(|i, _| wanted.contains(i));
        near.iter()
            .copied()
            .filter(|i| !self.texts.contains_key(i))
            .collect()
    }

    /// Indices of the entries the filter lets through, in review order: the domain's filter
    /// ([`DecisionFilter`]), run in memory, as `hamyar actions` runs it in SQL.
    fn matching(&self, dir: &Directory, today: Date) -> Vec<usize> {
        let f = &self.filter;
        let (agency, category) = (f.agency_query(), f.category_query());
        // Whether each agency and category of the directory passes the filter, then the same
        // for each one the entries name: one look-up per decision, not a fold.
        let agency_passes: Vec<bool> = dir
            .agencies
            .iter()
            .map(|a| DecisionFilter::agency_passes(agency.as_deref(), &agency_search_text(a)))
            .collect();
        let category_passes: Vec<bool> = dir
            .categories
            .iter()
            .map(|c| DecisionFilter::category_passes(category.as_deref(), Some(&fold(&c.name))))
            .collect();
        // Outside the directory (or without a category), only an absent filter passes.
        let per_entry = |positions: &[u32], passes: &[bool], unfiltered: bool| -> Vec<bool> {
            positions
                .iter()
                .map(|&at| passes.get(at as usize).copied().unwrap_or(unfiltered))
                .collect()
        };
        let agency_ok = per_entry(&self.agency_positions, &agency_passes, agency.is_none());
        let category_ok = per_entry(
            &self.category_positions,
            &category_passes,
            category.is_none(),
        );
        self.entries
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                agency_ok
                    .get(e.lead_agency as usize)
                    .copied()
                    .unwrap_or(agency.is_none())
                    && e.category
                        .and_then(|c| category_ok.get(c as usize).copied())
                        .unwrap_or(category.is_none())
                    && f.passes(e.status, e.due, e.number.meeting, today)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The first item row at or after `from` going in `direction` (±1).
    fn first_item_from(&self, from: usize, direction: isize) -> Option<usize> {
        let mut i = from as isize;
        while i >= 0 && (i as usize) < self.rows.len() {
            if matches!(self.rows[i as usize], Row::Item(_)) {
                return Some(i as usize);
            }
            i += direction;
        }
        None
    }

    /// Moves the selection by `delta` decisions, stepping over group headings.
    pub fn move_by(&mut self, delta: isize) {
        let direction = delta.signum();
        let target = step(self.selected, delta, self.rows.len());
        self.selected = self
            .first_item_from(target, direction)
            .or_else(|| self.first_item_from(target, -direction))
            .unwrap_or(self.selected);
    }
}

/// One lead agency's group while the rows are built.
#[derive(Default)]
struct Group {
    items: Vec<usize>,
    open: usize,
    overdue: usize,
    done: usize,
}

/// Rows grouped by lead agency: groups with the most overdue decisions first, then by name;
/// within a group, review order. One pass over the matching decisions, counting as it goes.
fn grouped_rows(review: &Review, matching: &[usize], dir: &Directory, today: Date) -> Vec<Row> {
    let entries = &review.entries.entries;
    // By the agency's position among the ids read; the last one for a lead agency not read
    // (a row patched since).
    let mut groups: Vec<Group> = Vec::new();
    groups.resize_with(review.entries.agencies.len() + 1, Group::default);
    let last = groups.len() - 1;
    for &i in matching {
        let Some(e) = entries.get(i) else { continue };
        let g = &mut groups[(e.lead_agency as usize).min(last)];
        g.items.push(i);
        g.open += usize::from(e.status.is_active());
        g.overdue += usize::from(e.is_overdue(today));
        g.done += usize::from(e.status == DecisionStatus::Done);
    }
    let mut heads: Vec<(u32, Group, &str)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.items.is_empty())
        .map(|(at, g)| {
            let agency = review.agency_positions.get(at).copied().unwrap_or(NOWHERE);
            let name = dir
                .agencies
                .get(agency as usize)
                .map_or("", |a| a.name.as_str());
            (agency, g, name)
        })
        .collect();
    heads.sort_by(|a, b| b.1.overdue.cmp(&a.1.overdue).then_with(|| a.2.cmp(b.2)));
    let mut rows = Vec::with_capacity(matching.len() + heads.len());
    for (agency, g, _) in heads {
        rows.push(Row::Group {
            agency: agency as usize,
            open: g.open,
            overdue: g.overdue,
            done: g.done,
        });
        rows.extend(g.items.into_iter().map(Row::Item));
    }
    rows
}
