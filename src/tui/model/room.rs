//! The meeting room: one meeting, its issues by category, its decisions and statements, the
//! review of earlier decisions, attendance, and what is selected.

use crate::domain::{
    Attendance, Date, Decision, FollowUp, Id, Issue, Meeting, Quorum, Series, Statement,
};
use crate::store::{IssueHistory, Store, StoreError};

use super::directory::Directory;
use super::meetings::step;

/// A category tab (or the "all" and "review" tabs) with its count of open items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub kind: TabKind,
    /// Open issues in the tab (for the review tab: decisions to review).
    pub open: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TabKind {
    All,
    Category(Id),
    /// Issues with no category.
    Uncategorised,
    /// The review of earlier decisions (پیگیری مصوبات قبلی).
    Review,
}

/// An earlier decision carried into this meeting for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub decision: Decision,
    pub overdue: bool,
}

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// Something in the detail pane that can be edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailItem {
    Decision(Id),
    Statement(Id),
}

/// What the detail pane shows for the selected list item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    /// The issue's meetings, decisions and statements across the series.
    pub history: IssueHistory,
    /// The follow-ups of the selected review decision.
    pub follow_ups: Vec<FollowUp>,
    pub selected: usize,
}

impl Detail {
    /// The selectable items, in the order the pane lists them: decisions, then statements.
    pub fn items(&self) -> Vec<DetailItem> {
        let decisions = self
            .history
            .decisions
            .iter()
            .map(|d| DetailItem::Decision(d.id.clone()));
        let statements = self
            .history
            .statements
            .iter()
            .map(|s| DetailItem::Statement(s.id.clone()));
        decisions.chain(statements).collect()
    }
}

/// One meeting, open in the room.
#[derive(Debug)]
pub struct Room {
    pub series: Series,
    pub meeting: Meeting,
    /// The issues of this meeting: its agenda and what was raised in it, whatever their status.
    pub issues: Vec<Issue>,
    pub decisions: Vec<Decision>,
    pub statements: Vec<Statement>,
    pub review: Vec<ReviewRow>,
    pub attendance: Vec<Attendance>,
    /// The series' standing invitees, in the order they were invited.
    pub invitees: Vec<Id>,
    pub tabs: Vec<Tab>,
    pub tab: usize,
    pub show_resolved: bool,
    pub selected: usize,
    pub focus: Focus,
    pub detail: Detail,
}

/// One row of the list pane.
#[derive(Debug, Clone, Copy)]
pub enum ListItem<'a> {
    Issue(&'a Issue),
    Review(&'a ReviewRow),
}

impl Room {
    /// Loads meeting `id` with everything the room shows.
    pub fn load(store: &Store, id: &Id, dir: &Directory, today: Date) -> Result<Room, StoreError> {
        let meeting = store.get_meeting(id)?;
        let series = store.get_series(&meeting.series)?;
        let mut room = Room {
            series,
            meeting,
            issues: Vec::new(),
            decisions: Vec::new(),
            statements: Vec::new(),
            review: Vec::new(),
            attendance: Vec::new(),
            invitees: Vec::new(),
            tabs: Vec::new(),
            tab: 0,
            show_resolved: false,
            selected: 0,
            focus: Focus::List,
            detail: Detail::default(),
        };
        room.reload(store, dir, today)?;
        Ok(room)
    }

    /// Reloads the meeting's records, keeping the tab and selection where they can stay.
    pub fn reload(
        &mut self,
        store: &Store,
        dir: &Directory,
        today: Date,
    ) -> Result<(), StoreError> {
        let id = self.meeting.id.clone();
        self.meeting = store.get_meeting(&id)?;
        self.issues = store.agenda(&id)?;
        self.decisions = store.list_decisions(&id)?;
        self.statements = store.list_statements(&id)?;
        let mut review = store.review_list(&id)?;
        // The domain's order as of today, as the action review has it: overdue first. The
        // stored order is the one the meeting was created with, before statuses moved.
        review.sort_by(|a, b| crate::domain::review_order(a, b, today));
        self.review = review
            .into_iter()
            .map(|d| ReviewRow {
                overdue: d.is_overdue(today),
                decision: d,
            })
            .collect();
        self.attendance = store.list_attendance(&id)?;
        self.series = store.get_series(&self.meeting.series)?;
        self.invitees = store.invitees(&self.series.id)?;
        self.rebuild_tabs(dir);
        self.clamp();
        Ok(())
    }

    /// The tabs: all, each category with issues here, uncategorised if any, and the review.
    fn rebuild_tabs(&mut self, dir: &Directory) {
        let current = self.tabs.get(self.tab).map(|t| t.kind.clone());
        let open = |f: &dyn Fn(&Issue) -> bool| {
            self.issues
                .iter()
                .filter(|i| i.status.is_open() && f(i))
                .count()
        };
        let mut tabs = vec![Tab {
            kind: TabKind::All,
            open: open(&|_| true),
        }];
        for c in &dir.categories {
            if self
                .issues
                .iter()
                .any(|i| i.category.as_ref() == Some(&c.id))
            {
                tabs.push(Tab {
                    kind: TabKind::Category(c.id.clone()),
                    open: open(&|i| i.category.as_ref() == Some(&c.id)),
                });
            }
        }
        let known = |i: &Issue| {
            i.category
                .as_ref()
                .is_some_and(|c| dir.categories.iter().any(|k| &k.id == c))
        };
        if self.issues.iter().any(|i| !known(i)) {
            tabs.push(Tab {
                kind: TabKind::Uncategorised,
                open: open(&|i| !known(i)),
            });
        }
        tabs.push(Tab {
            kind: TabKind::Review,
            open: self.review.len(),
        });
        self.tabs = tabs;
        self.tab = current
            .and_then(|k| self.tabs.iter().position(|t| t.kind == k))
            .unwrap_or(0);
    }

    pub fn current_tab(&self) -> &TabKind {
        self.tabs.get(self.tab).map_or(&TabKind::All, |t| &t.kind)
    }

    /// The rows of the list pane for the current tab.
    pub fn items(&self, dir: &Directory) -> Vec<ListItem<'_>> {
        let visible = |i: &&Issue| self.show_resolved || i.status.is_open();
        let known = |i: &Issue| {
            i.category
                .as_ref()
                .is_some_and(|c| dir.categories.iter().any(|k| &k.id == c))
        };
        match self.current_tab() {
            TabKind::Review => self.review.iter().map(ListItem::Review).collect(),
            TabKind::All => {
                let order = |i: &Issue| {
                    i.category
                        .as_ref()
                        .and_then(|c| dir.categories.iter().position(|k| &k.id == c))
                        .unwrap_or(usize::MAX)
                };
                let mut v: Vec<&Issue> = self.issues.iter().filter(visible).collect();
                v.sort_by_key(|i| order(i));
                v.into_iter().map(ListItem::Issue).collect()
            }
            TabKind::Category(c) => self
                .issues
                .iter()
                .filter(visible)
                .filter(|i| i.category.as_ref() == Some(c))
                .map(ListItem::Issue)
                .collect(),
            TabKind::Uncategorised => self
                .issues
                .iter()
                .filter(visible)
                .filter(|i| !known(i))
                .map(ListItem::Issue)
                .collect(),
        }
    }

    /// The issue selected in the list, if the selection is an issue.
    pub fn selected_issue(&self, dir: &Directory) -> Option<&Issue> {
        match self.items(dir).get(self.selected) {
            Some(ListItem::Issue(i)) => Some(i),
            _ => None,
        }
    }

    /// The review decision selected in the list, if the selection is one.
    pub fn selected_review(&self, dir: &Directory) -> Option<&ReviewRow> {
        match self.items(dir).get(self.selected) {
            Some(ListItem::Review(r)) => Some(r),
            _ => None,
        }
    }

    /// The decision or statement selected in the detail pane, when it has the keys.
    pub fn selected_detail(&self) -> Option<DetailItem> {
        (self.focus == Focus::Detail)
            .then(|| self.detail.items().into_iter().nth(self.detail.selected))
            .flatten()
    }

    pub fn move_selection(&mut self, delta: isize, dir: &Directory) {
        match self.focus {
            Focus::List => self.selected = step(self.selected, delta, self.items(dir).len()),
            Focus::Detail => {
                let n = self.detail.items().len();
                self.detail.selected = step(self.detail.selected, delta, n);
            }
        }
    }

    /// Shows tab `index` (clamped), with the selection at its top.
    pub fn set_tab(&mut self, index: usize) {
        if !self.tabs.is_empty() {
            self.tab = index.min(self.tabs.len() - 1);
            self.selected = 0;
            self.focus = Focus::List;
        }
    }

    /// Keeps the selections inside their lists after a reload.
    fn clamp(&mut self) {
        if self.tab >= self.tabs.len() {
            self.tab = 0;
        }
        self.detail.selected = self
            .detail
            .selected
            .min(self.detail.items().len().saturating_sub(1));
    }

    /// Present and expected people, and the quorum: the member agencies represented.
    pub fn attendance_summary(&self, dir: &Directory) -> AttendanceSummary {
        let quorum = Quorum::of(&self.series, &self.attendance, |p| {
            dir.person(p).and_then(|p| p.agency.as_ref())
        });
        AttendanceSummary {
            present: quorum.people_present,
            expected: self.expected_people(dir).len(),
            quorum,
        }
    }

    /// The people expected at this meeting, in an order that marking them does not change:
    /// the series' standing invitees, then the active people of its member agencies (in the
    /// series' order of agencies), then anyone else with an attendance record (guests).
    pub fn expected_people(&self, dir: &Directory) -> Vec<Id> {
        let mut ids: Vec<Id> = Vec::new();
        let mut add = |id: &Id| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        };
        let recorded = |id: &Id| self.attendance.iter().any(|a| &a.person == id);
        let active = |id: &Id| dir.person(id).is_some_and(|p| p.active) || recorded(id);
        for id in self.invitees.iter().filter(|id| active(id)) {
            add(id);
        }
        for agency in &self.series.member_agencies {
            for p in &dir.people {
                if p.agency.as_ref() == Some(agency) && active(&p.id) {
                    add(&p.id);
                }
            }
        }
        for a in &self.attendance {
            add(&a.person);
        }
        ids
    }

    pub fn attendance_of(&self, person: &Id) -> Option<&Attendance> {
        self.attendance.iter().find(|a| &a.person == person)
    }
}

/// The header's attendance: present/expected people and the quorum of agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceSummary {
    pub present: usize,
    pub expected: usize,
    pub quorum: Quorum,
}
