//! The action review: loading every decision in the background, filters, grouping, follow-ups,
//! copying a decision, and jumping to it in its meeting.

use std::sync::mpsc;

use crate::domain::DecisionFilter;
use crate::domain::{Decision, Id};
use crate::i18n::{Localized, TuiMessage};
use crate::store::{ReviewEntries, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::forms;
use crate::tui::model::{DetailItem, Focus, Screen, sort_for_review};
use crate::tui::ui::Modal;

use super::App;

/// What the background reader sends back.
pub(super) type Loaded = Result<ReviewEntries, StoreError>;

/// How many rows above and below the selection have their text read, at least: more than a
/// screen shows, so that moving one row reads one text.
const TEXT_REACH: usize = 64;

impl App {
    /// Reads every decision of the series on a second connection, off the loop, so that the
    /// review opens at once however many decisions there are.
    pub(super) fn load_review_in_background(&mut self) {
        if self.review_loader.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let path = self.store.path().to_path_buf();
        let clock = self.clock.clone();
        let today = self.model.today;
        let series = self.model.room.as_ref().map(|r| r.series.id.clone());
        let spawned = std::thread::Builder::new()
            .name("review-loader".into())
            .spawn(move || {
                let loaded = Store::open_read_only(&path, clock)
                    .and_then(|s| s.review_entries(series.as_ref()))
                    .map(|mut v| {
                        sort_for_review(&mut v.entries, today);
                        v
                    });
                let _ = tx.send(loaded);
            });
        match spawned {
            Ok(_) => {
                self.review_loader = Some(rx);
                self.model.review.loading = true;
            }
            Err(e) => tracing::warn!("the review loader did not start: {e}"),
        }
    }

    /// Takes the background reader's result when it is ready.
    pub(super) fn poll_review(&mut self, wait: bool) {
        let Some(rx) = &self.review_loader else {
            return;
        };
        let loaded = if wait {
            rx.recv().ok()
        } else {
            rx.try_recv().ok()
        };
        let Some(loaded) = loaded else {
            if wait {
                self.review_loader = None;
            }
            return;
        };
        self.review_loader = None;
        self.model.review.loading = false;
        match loaded {
            Ok(entries) => {
                self.model
                    .review
                    .set_entries(entries, &self.model.directory);
                self.review_stale = false;
                self.refresh_review();
            }
            Err(e) => self.fail(&e),
        }
    }

    /// Blocks until background reads are done (tests and benchmarks).
    pub fn settle(&mut self) {
        self.poll_review(true);
        self.poll_backup(true);
    }

    /// Puts a decision changed here (a follow-up) into the review at once, before any reload.
    pub(super) fn patch_review_entry(&mut self, d: &Decision) {
        self.model.review.patch(d, &self.model.directory);
        self.refresh_review();
    }

    pub(super) fn refresh_review(&mut self) {
        self.model
            .review
            .refresh(&self.model.directory, self.model.today);
        self.review_detail();
    }

    /// Loads the selected decision whole, its follow-ups and the meetings that reviewed it,
    /// and the texts of the rows around it.
    fn review_detail(&mut self) {
        self.read_review_texts();
        let r = &mut self.model.review;
        let Some(id) = r.selected_entry().map(|e| e.id.clone()) else {
            r.decision = None;
            r.follow_ups.clear();
            r.reviewed_in.clear();
            return;
        };
        let loaded = self.store.get_decision(&id).and_then(|d| {
            Ok((
                d,
                self.store.list_follow_ups(&id)?,
                self.store.reviewed_in(&id)?,
            ))
        });
        let r = &mut self.model.review;
        match loaded {
            Ok((d, f, v)) => {
                r.decision = Some(d);
                r.follow_ups = f;
                r.reviewed_in = v;
            }
            Err(e) => {
                r.decision = None;
                self.fail(&e);
            }
        }
    }

    /// Reads the texts of the rows a screen can show around the selection, and forgets the
    /// others: the review holds no more than a few hundred texts, whatever the series' size.
    pub(super) fn read_review_texts(&mut self) {
        let reach = usize::from(self.ui.height).max(TEXT_REACH);
        let r = &mut self.model.review;
        let near = r.entries_near_selection(reach);
        let missing = r.keep_texts(&near);
        if missing.is_empty() {
            return;
        }
        let ids: Vec<&Id> = missing
            .iter()
            .filter_map(|&i| r.entries.entries.get(i).map(|e| &e.id))
            .collect();
        match self.store.decision_texts(&ids) {
            Ok(texts) => r.texts.extend(missing.into_iter().zip(texts)),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn open_review(&mut self) {
        self.model.screen = Screen::Review;
        if self.review_stale
            || (self.model.review.entries.entries.is_empty() && !self.model.review.loading)
        {
            self.load_review_in_background();
        }
        // The rows stay as they were built unless something changed them since.
        if self.model.review.is_current(self.model.today) {
            self.review_detail();
        } else {
            self.refresh_review();
        }
    }

    pub(super) fn apply_review(&mut self, action: Action) {
        // A key that acts on the list waits for it, rather than act on an empty one.
        if self.review_loader.is_some() {
            self.poll_review(true);
        }
        let r = &mut self.model.review;
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Home
            | Action::End => {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -10,
                    Action::PageDown => 10,
                    Action::Home => isize::MIN / 2,
                    _ => isize::MAX / 2,
                };
                r.move_by(delta);
                self.review_detail();
            }
            Action::ToggleGrouping => {
                r.grouped = !r.grouped;
                self.refresh_review();
            }
            Action::FilterOverdue => {
                r.filter.overdue = !r.filter.overdue;
                r.filter_text =
                    toggle_word(&r.filter_text, self.model.lang.strings().tui.overdue_word);
                self.refresh_review();
            }
            Action::EditFilter => {
                let form = forms::filter_form(self.model.lang, &r.filter_text);
                self.ui.modals.push(Modal::Form(form));
            }
            Action::FollowUp => {
                if let Some(d) = r.decision.clone() {
                    self.open_follow_up_menu_for(&d);
                }
            }
            Action::Copy => self.copy_selected_decision(),
            Action::Select | Action::Edit => {
                if let Some(d) = r.decision.clone() {
                    self.jump_to_decision(&d);
                }
            }
            Action::Export => {
                if let Some(m) = r.decision.as_ref().map(|d| d.meeting.clone()) {
                    self.open_export(&m);
                }
            }
            Action::Back => {
                if self.model.room.is_some() {
                    self.model.screen = Screen::Room;
                } else {
                    self.show_meetings();
                }
            }
            _ => {}
        }
    }

    /// Applies a filter line typed in the filter form; a mistake keeps the form open.
    pub(super) fn apply_filter_line(&mut self, line: &str) -> Result<(), crate::i18n::Message> {
        let lang = self.model.lang;
        let filter =
            DecisionFilter::parse(line).map_err(|e| crate::i18n::Message::new(lang, &e))?;
        self.model.review.filter = filter;
        self.model.review.filter_text = line.trim().to_string();
        self.refresh_review();
        Ok(())
    }

    /// The selected decision as text (number, text, agency, deadline) in logical order, for
    /// the system clipboard: what a letter needs, never the screen's visual order.
    fn copy_selected_decision(&mut self) {
        let Some(d) = self.model.review.decision.clone() else {
            return;
        };
        let lang = self.model.lang;
        let text = TuiMessage::DecisionAsText {
            number: d.number,
            text: &d.text,
            agency: self.model.directory.agency_name(lang, &d.lead_agency),
            due: d.due,
        }
        .localized(lang);
        self.model.clipboard = Some(text);
        self.done(TuiMessage::Copied(d.number));
    }

    /// Opens the decision's meeting with its issue selected and the decision in the detail pane.
    pub(super) fn jump_to_decision(&mut self, d: &Decision) {
        if let Err(e) = self.open_room(&d.meeting) {
            self.fail(&e);
            return;
        }
        if let Some(issue) = &d.issue {
            self.select_in_room(issue, Some(DetailItem::Decision(d.id.clone())));
        }
    }

    /// Selects an issue in the room, in the tab on screen when it lists it, else in the "all"
    /// tab; and an item of its detail when given.
    pub(super) fn select_in_room(&mut self, issue: &Id, item: Option<DetailItem>) {
        let Some(room) = &mut self.model.room else {
            return;
        };
        let dir = &self.model.directory;
        let listed = |room: &crate::tui::model::Room| {
            room.items(dir)
                .iter()
                .position(|i| matches!(i, crate::tui::model::ListItem::Issue(x) if &x.id == issue))
        };
        if listed(room).is_none() {
            room.set_tab(0);
            room.show_resolved = true;
        }
        let at = listed(room);
        if let Some(at) = at {
            room.selected = at;
        }
        if let Err(e) = self.refresh_detail() {
            self.fail(&e);
        }
        if let (Some(item), Some(room)) = (item, &mut self.model.room)
            && let Some(k) = room.detail.items().iter().position(|x| *x == item)
        {
            room.detail.selected = k;
            room.focus = Focus::Detail;
        }
    }
}

impl App {
    /// After an undo: the selection on the record it brought back (a deleted decision, an
    /// issue, a statement), so that the next key acts on it and not on its neighbour.
    pub(super) fn stay_on(&mut self, restored: &[(String, Id)]) {
        if self.model.screen != Screen::Room {
            return;
        }
        let Some(room) = &self.model.room else { return };
        for (table, id) in restored {
            let target = match table.as_str() {
                "issues" => Some((id.clone(), None)),
                "decisions" => {
                    if let Some(k) = room.review.iter().position(|r| &r.decision.id == id)
                        && matches!(room.current_tab(), crate::tui::model::TabKind::Review)
                    {
                        if let Some(room) = &mut self.model.room {
                            room.selected = k;
                        }
                        return self.refresh_after_select();
                    }
                    self.store
                        .get_decision(id)
                        .ok()
                        .and_then(|d| d.issue)
                        .map(|issue| (issue, Some(DetailItem::Decision(id.clone()))))
                }
                "statements" => room
                    .statements
                    .iter()
                    .find(|s| &s.id == id)
                    .and_then(|s| s.issue.clone())
                    .map(|issue| (issue, Some(DetailItem::Statement(id.clone())))),
                _ => None,
            };
            if let Some((issue, item)) = target {
                return self.select_in_room(&issue, item);
            }
        }
    }

    fn refresh_after_select(&mut self) {
        if let Err(e) = self.refresh_detail() {
            self.fail(&e);
        }
    }
}

/// Adds `word` to a filter line, or takes it out if it is there.
fn toggle_word(line: &str, word: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let without: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "overdue" | "معوق"))
        .collect();
    if without.len() == words.len() {
        let mut w = without;
        w.push(word);
        w.join(" ")
    } else {
        without.join(" ")
    }
}
