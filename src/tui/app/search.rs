//! Search: the query runs as it is typed, results grouped by kind; Enter opens the item in its
//! meeting with the item selected.

use std::collections::HashMap;

use crate::domain::Id;
use crate::store::SearchKind;
use crate::tui::action::Action;
use crate::tui::model::{DetailItem, Hit, Screen, kind_order};

use super::App;

impl App {
    pub(super) fn open_search(&mut self) {
        self.model.search.back_to_review = self.model.screen == Screen::Review;
        self.model.screen = Screen::Search;
    }

    pub(super) fn apply_search(&mut self, action: Action) {
        match action {
            Action::Input(key) => {
                let input = &mut self.ui.search_input;
                let before = input.text().to_string();
                crate::tui::forms::edit_input(input, &key, false);
                if input.text() != before {
                    self.run_search();
                }
            }
            Action::Paste(text) => {
                let capped = crate::tui::event::cap_paste(text, 1_000);
                self.ui.search_input.insert_str(&capped.text);
                self.run_search();
            }
            Action::Zwnj => {
                self.ui.search_input.insert_zwnj();
                self.run_search();
            }
            Action::Up => self.move_hit(-1),
            Action::Down => self.move_hit(1),
            Action::PageUp => self.move_hit(-10),
            Action::PageDown => self.move_hit(10),
            Action::Select => self.open_hit(),
            Action::Back | Action::Quit => {
                self.model.screen = if self.model.search.back_to_review {
                    Screen::Review
                } else if self.model.room.is_some() {
                    Screen::Room
                } else {
                    Screen::Meetings
                };
            }
            _ => {}
        }
    }

    fn move_hit(&mut self, delta: isize) {
        let s = &mut self.model.search;
        s.selected = crate::tui::model::step(s.selected, delta, s.hits.len());
    }

    /// Runs the query typed so far: the store's folded full-text search. A query whose words
    /// are all one letter long waits for the next letter: a one-letter prefix matches most of
    /// the index and would only slow the typing.
    fn run_search(&mut self) {
        let query = self.ui.search_input.text().to_string();
        let folded = crate::text::fold::fold(&query);
        let longest = folded
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        if longest < 2 {
            let s = &mut self.model.search;
            s.hits.clear();
            s.query = query;
            s.selected = 0;
            return;
        }
        // A word being typed counts from its second letter; until then the results of the
        // words before it stay.
        let typed = match query.rsplit_once(char::is_whitespace) {
            Some((before, last))
                if crate::text::fold::fold(last).chars().count() == 1
                    && !before.trim().is_empty() =>
            {
                before
            }
            _ => query.as_str(),
        };
        match self.store.search(typed) {
            Ok(found) => {
                let meetings: HashMap<&Id, (u32, crate::domain::Date)> = self
                    .model
                    .meetings
                    .rows
                    .iter()
                    .map(|r| (&r.meeting.id, (r.meeting.number, r.meeting.date)))
                    .collect();
                let mut hits: Vec<Hit> = found
                    .into_iter()
                    .map(|hit| {
                        let m = hit.meeting.as_ref().and_then(|m| meetings.get(m));
                        Hit {
                            meeting_number: m.map(|m| m.0),
                            meeting_date: m.map(|m| m.1),
                            hit,
                        }
                    })
                    .collect();
                hits.sort_by_key(|h| kind_order(h.hit.kind));
                let s = &mut self.model.search;
                s.hits = hits;
                s.query = query;
                s.selected = 0;
            }
            Err(e) => self.fail(&e),
        }
    }

    /// Opens the selected result in its meeting, selected.
    fn open_hit(&mut self) {
        let Some(hit) = self.model.search.selected_hit().cloned() else {
            return;
        };
        let id = hit.hit.id.clone();
        match hit.hit.kind {
            SearchKind::Issue => {
                let Some(m) = hit.hit.meeting else { return };
                if let Err(e) = self.open_room(&m) {
                    self.fail(&e);
                    return;
                }
                self.select_in_room(&id, None);
            }
            SearchKind::Decision => match self.store.get_decision(&id) {
                Ok(d) => self.jump_to_decision(&d),
                Err(e) => self.fail(&e),
            },
            SearchKind::Statement => {
                let Some(m) = hit.hit.meeting else { return };
                let statement = self
                    .store
                    .list_statements(&m)
                    .map(|all| all.into_iter().find(|s| s.id == id));
                match statement {
                    Ok(Some(s)) => {
                        if let Err(e) = self.open_room(&m) {
                            self.fail(&e);
                            return;
                        }
                        if let Some(issue) = &s.issue {
                            self.select_in_room(issue, Some(DetailItem::Statement(id)));
                        }
                    }
                    Ok(None) => {}
                    Err(e) => self.fail(&e),
                }
            }
        }
    }
}
