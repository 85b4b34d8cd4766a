//! The action review: every decision of the series, filtered, optionally grouped by lead agency
//! with each group's counts, overdue first. The decisions are held in memory (loaded in the
//! background), so a filter or the grouping changes without a query.

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::{Date, FollowUp, Id, review_order};
use crate::store::ReviewEntry;
use crate::text::fold::fold;

use super::directory::Directory;
use super::filter::ReviewFilter;
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

/// The review screen.
#[derive(Debug, Default)]
pub struct Review {
    /// Every decision of the series in review order; shared with the loader.
    pub entries: Arc<Vec<ReviewEntry>>,
    /// The decisions are still being read.
    pub loading: bool,
    pub filter: ReviewFilter,
    /// The filter as typed, shown above the table.
    pub filter_text: String,
    pub grouped: bool,
    pub rows: Vec<Row>,
    /// Index into `rows`; always an item when there is one.
    pub selected: usize,
    /// The selected decision's follow-ups and the meetings that reviewed it.
    pub follow_ups: Vec<FollowUp>,
    pub reviewed_in: Vec<u32>,
    /// Each entry's lead agency and category as positions in the directory (`u32::MAX` for
    /// none), so that filtering 100,000 decisions compares numbers, not ids.
    keys: Vec<(u32, u32)>,
    /// How many decisions the rows show.
    pub item_count: usize,
}

/// Sorts decisions as the review lists them: overdue first (most overdue on top), then by
/// deadline, undated last, then by number.
pub fn sort_for_review(entries: &mut [ReviewEntry], today: Date) {
    entries.sort_by(|a, b| review_order(&a.decision, &b.decision, today));
}

impl Review {
    /// The decision of the selected row.
    pub fn selected_entry(&self) -> Option<&ReviewEntry> {
        match self.rows.get(self.selected) {
            Some(Row::Item(i)) => self.entries.get(*i),
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
        self.selected = keep
            .and_then(|keep| self.rows.iter().position(|r| *r == Row::Item(keep)))
            .unwrap_or_else(|| self.first_item_from(0, 1).unwrap_or(0));
    }

    /// Sets new entries (in review order) and indexes them against the directory.
    pub fn set_entries(&mut self, entries: Arc<Vec<ReviewEntry>>, dir: &Directory) {
        self.entries = entries;
        self.index(dir);
    }

    /// Recomputes each entry's directory positions (after the entries or the directory change).
    pub fn index(&mut self, dir: &Directory) {
        let agencies: HashMap<&Id, u32> = dir
            .agencies
            .iter()
            .enumerate()
            .map(|(i, a)| (&a.id, i as u32))
            .collect();
        let categories: HashMap<&Id, u32> = dir
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i as u32))
            .collect();
        self.keys = self
            .entries
            .iter()
            .map(|e| {
                let a = agencies
                    .get(&e.decision.lead_agency)
                    .copied()
                    .unwrap_or(u32::MAX);
                let c = e
                    .category
                    .as_ref()
                    .and_then(|c| categories.get(c).copied())
                    .unwrap_or(u32::MAX);
                (a, c)
            })
            .collect();
    }

    /// The entry's lead agency's position in the directory.
    pub fn agency_key(&self, entry: usize) -> u32 {
        self.keys.get(entry).map_or(u32::MAX, |k| k.0)
    }

    /// Indices of the entries the filter lets through, in review order.
    fn matching(&self, dir: &Directory, today: Date) -> Vec<usize> {
        let f = &self.filter;
        let agency_ok: Vec<bool> = dir
            .agencies
            .iter()
            .map(|a| {
                let names = fold(&format!("{}\n{}\n{}", a.name, a.name_en, a.short_name));
                f.agency.as_ref().is_none_or(|q| names.contains(q.as_str()))
            })
            .collect();
        let category_ok: Vec<bool> = dir
            .categories
            .iter()
            .map(|c| {
                f.category
                    .as_ref()
                    .is_none_or(|q| fold(&c.name).contains(q.as_str()))
            })
            .collect();
        let ok = |table: &[bool], key: u32, unfiltered: bool| {
            table.get(key as usize).copied().unwrap_or(unfiltered)
        };
        if self.keys.len() != self.entries.len() {
            return Vec::new();
        }
        self.entries
            .iter()
            .zip(&self.keys)
            .enumerate()
            .filter(|(_, (e, (agency, category)))| {
                let d = &e.decision;
                ok(&agency_ok, *agency, f.agency.is_none())
                    && ok(&category_ok, *category, f.category.is_none())
                    && f.status.is_none_or(|s| d.status == s)
                    && (!f.overdue || d.is_overdue(today))
                    && f.meeting.is_none_or(|n| d.number.meeting == n)
                    && f.due_before.is_none_or(|b| d.due.is_some_and(|x| x <= b))
                    && f.due_after.is_none_or(|a| d.due.is_some_and(|x| x >= a))
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

/// Rows grouped by lead agency: groups with the most overdue decisions first, then by name;
/// within a group, review order.
fn grouped_rows(review: &Review, matching: &[usize], dir: &Directory, today: Date) -> Vec<Row> {
    let entries = &review.entries;
    let mut groups: HashMap<u32, Vec<usize>> = HashMap::new();
    for &i in matching {
        groups.entry(review.agency_key(i)).or_default().push(i);
    }
    let mut heads: Vec<(Row, Vec<usize>, &str)> = groups
        .into_iter()
        .map(|(agency, items)| {
            let count = |f: &dyn Fn(&crate::domain::Decision) -> bool| {
                items.iter().filter(|i| f(&entries[**i].decision)).count()
            };
            let head = Row::Group {
                agency: agency as usize,
                open: count(&|d| d.status.is_active()),
                overdue: count(&|d| d.is_overdue(today)),
                done: count(&|d| d.status == crate::domain::DecisionStatus::Done),
            };
            let name = dir
                .agencies
                .get(agency as usize)
                .map_or("", |a| a.name.as_str());
            (head, items, name)
        })
        .collect();
    heads.sort_by(|a, b| {
        let overdue = |r: &Row| match r {
            Row::Group { overdue, .. } => *overdue,
            Row::Item(_) => 0,
        };
        overdue(&b.0).cmp(&overdue(&a.0)).then_with(|| a.2.cmp(b.2))
    });
    let mut rows = Vec::with_capacity(matching.len() + heads.len());
    for (head, items, _) in heads {
        rows.push(head);
        rows.extend(items.into_iter().map(Row::Item));
    }
    rows
}
