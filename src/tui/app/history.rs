//! The history modal (`h`): the change log of the selected issue, decision or statement, read
//! from the store when opened and shown read-only.

use std::collections::HashMap;

use serde_json::Value as Json;

use crate::domain::{Id, MeetingStatus};
use crate::history::{HistoryView, Names};
use crate::store::{Change, StoreError};
use crate::tui::model::{DetailItem, Screen};
use crate::tui::ui::Modal;

use super::App;

/// The record whose history is asked for.
enum Subject {
    Issue(Id),
    Decision(Id),
    Statement(Id),
}

impl App {
    pub(super) fn open_history(&mut self) {
        let Some(subject) = self.history_subject() else {
            let text = crate::i18n::Message::fixed(self.model.lang, |s| s.history.nothing_selected);
            self.model.flash_error(text);
            return;
        };
        match self.history_of(&subject) {
            Ok(view) => self.ui.modals.push(Modal::History {
                view: Box::new(view),
                scroll: 0,
            }),
            Err(e) => self.fail(&e),
        }
    }

    /// The selection of the screen: the detail pane's decision or statement when it has the
    /// keys, else the list's issue or reviewed decision; the review's decision.
    fn history_subject(&self) -> Option<Subject> {
        match self.model.screen {
            Screen::Room => {
                let room = self.model.room.as_ref()?;
                let dir = &self.model.directory;
                match room.selected_detail() {
                    Some(DetailItem::Decision(id)) => Some(Subject::Decision(id)),
                    Some(DetailItem::Statement(id)) => Some(Subject::Statement(id)),
                    None => room
                        .selected_issue(dir)
                        .map(|i| Subject::Issue(i.id.clone()))
                        .or_else(|| {
                            room.selected_review(dir)
                                .map(|r| Subject::Decision(r.decision.id.clone()))
                        }),
                }
            }
            Screen::Review => self
                .model
                .review
                .selected_entry()
                .map(|e| Subject::Decision(e.id.clone())),
            _ => None,
        }
    }

    fn history_of(&self, subject: &Subject) -> Result<HistoryView, StoreError> {
        let lang = self.model.lang;
        let s = lang.strings().tui;
        let (id, title, meeting, follow_ups) = match subject {
            Subject::Issue(id) => {
                let issue = self.store.get_issue(id)?;
                let title = format!("{}: {}", s.issue_noun, issue.title);
                (id, title, issue.raised_in, Vec::new())
            }
            Subject::Decision(id) => {
                let d = self.store.get_decision(id)?;
                let title = format!(
                    "{} {}: {}",
                    s.decision_noun,
                    lang.decision_number(d.number),
                    d.text
                );
                (id, title, Some(d.meeting), self.store.list_follow_ups(id)?)
            }
            Subject::Statement(id) => {
                let found = self
                    .model
                    .room
                    .as_ref()
                    .and_then(|r| r.detail.history.statements.iter().find(|st| &st.id == id));
                let (title, meeting) = match found {
                    Some(st) => (
                        format!(
                            "{} {}: {}",
                            s.statement_noun,
                            self.model.directory.person_name(&st.speaker),
                            st.text
                        ),
                        Some(st.meeting.clone()),
                    ),
                    None => (s.statement_noun.to_string(), None),
                };
                (id, title, meeting, Vec::new())
            }
        };
        let log = self.store.history(id)?;
        let amendments = match meeting {
            Some(m) if self.store.get_meeting(&m)?.status == MeetingStatus::Approved => {
                self.store.list_amendments(&m)?
            }
            _ => Vec::new(),
        };
        let titles = self.issue_titles(&log);
        let dir = &self.model.directory;
        let known = |name: &str| (!name.is_empty()).then(|| name.to_string());
        let names = Names {
            agency: &|id| known(dir.agency_name(lang, id)),
            person: &|id| known(dir.person_name(id)),
            category: &|id| known(dir.category_name(Some(id))),
            issue: &|id| titles.get(id).cloned(),
            meeting: &|id| self.store.get_meeting(id).ok().map(|m| m.number),
            lang,
        };
        Ok(HistoryView::build(
            title,
            &log,
            &follow_ups,
            &amendments,
            &names,
        ))
    }

    /// The titles of the issues the log's changes name, read once each.
    fn issue_titles(&self, log: &[Change]) -> HashMap<Id, String> {
        let mut out = HashMap::new();
        let named = log
            .iter()
            .flat_map(|c| [c.before.as_ref(), c.after.as_ref()])
            .flatten()
            .filter_map(|snapshot| snapshot.get("issue").and_then(Json::as_str));
        for id in named {
            let id = Id::from_string(id);
            if out.contains_key(&id) {
                continue;
            }
            // An issue deleted since (by undo) simply has no title to show.
            if let Ok(issue) = self.store.get_issue(&id) {
                out.insert(id, issue.title);
            }
        }
        out
    }
}
