//! The app: `App { model, ui }` and [`App::apply`], the only code that changes the model and
//! the only caller of the store. Each change is one store call, committed before the model is
//! reloaded and the next frame confirms it.

mod backup;
mod choices;
mod directory;
mod history;
mod meeting;
mod modals;
mod review;
mod save;
mod screens;
mod search;
mod series;
mod versions;

use std::sync::Arc;

use crate::domain::Clock;
use crate::i18n::{Lang, Localized, Message};
use crate::store::{Store, StoreError};

use super::action::Action;
use super::model::{Directory, Meetings, Model, Room, Screen};
use super::ui::{Modal, Pending, Ui};

/// The interactive app, apart from the terminal.
pub struct App {
    pub model: Model,
    pub ui: Ui,
    store: Store,
    clock: Arc<dyn Clock>,
    /// The file's `data_version` when the model was last loaded: when it moves, another
    /// hamyar wrote, and the model is reloaded.
    data_version: i64,
    /// The meetings list's counts are out of date after a change in the room; it is reloaded
    /// when it is shown again, so a save in the room pays only for the room.
    meetings_stale: bool,
    /// The review's decisions being read in the background.
    review_loader: Option<std::sync::mpsc::Receiver<review::Loaded>>,
    /// The review's decisions changed since they were read.
    review_stale: bool,
    /// The screen the directory was opened from, which Esc goes back to.
    directory_back: Screen,
    /// The demo's temporary folder, when the welcome opened it: removed at exit.
    demo_dir: Option<tempfile::TempDir>,
    /// The last draft could not be written: said once, tried again at every tick.
    draft_failing: bool,
    /// The config file's letterhead and organisation, for exports.
    exports: crate::export_file::ExportSettings,
    /// Where the backup made when a meeting starts goes; none until set (tests, benchmarks).
    backups: Option<crate::backup::BackupSettings>,
    /// That backup, being written off the loop.
    backup_job: Option<std::sync::mpsc::Receiver<backup::Written>>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("model", &self.model)
            .field("ui", &self.ui)
            .finish_non_exhaustive()
    }
}

impl App {
    /// The app on `store`: the live meeting's room if there is one (in progress, or dated
    /// today), the meetings otherwise, a welcome on an empty database; and the offer of a
    /// draft a crash left behind.
    pub fn new(store: Store, lang: Lang) -> Result<App, StoreError> {
        let clock = store.clock().clone();
        let today = clock.today();
        let model = Model {
            lang,
            today,
            now: clock.time_of_day(),
            screen: Screen::Meetings,
            directory: Directory::load(&store)?,
            meetings: Meetings::load(&store)?,
            room: None,
            review: Default::default(),
            search: Default::default(),
            directory_screen: Default::default(),
            clipboard: None,
            flash: None,
            quit: false,
        };
        let mut app = App {
            model,
            ui: Ui::default(),
            data_version: store.data_version()?,
            meetings_stale: false,
            review_loader: None,
            review_stale: false,
            draft_failing: false,
            exports: crate::export_file::ExportSettings::default(),
            backups: None,
            backup_job: None,
            directory_back: Screen::Meetings,
            demo_dir: None,
            store,
            clock,
        };
        app.go_to_start()?;
        app.offer_draft()?;
        app.report_damage();
        // The review's decisions are read while the secretary starts, so it opens at once.
        app.load_review_in_background();
        Ok(app)
    }

    /// Exports with the config file's letterhead and organisation (as `hamyar export` does).
    pub fn set_exports(&mut self, exports: crate::export_file::ExportSettings) {
        self.exports = exports;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn go_to_start(&mut self) -> Result<(), StoreError> {
        if self.model.directory.series.is_empty() {
            self.model.screen = Screen::Welcome;
            return Ok(());
        }
        let live = self
            .model
            .meetings
            .live(self.model.today)
            .map(|r| r.meeting.id.clone());
        match live {
            Some(id) => self.open_room(&id),
            None => {
                self.model.screen = Screen::Meetings;
                Ok(())
            }
        }
    }

    /// Offers back the newest draft left behind, if any.
    fn offer_draft(&mut self) -> Result<(), StoreError> {
        if let Some(draft) = self.store.drafts()?.into_iter().next() {
            let question = Message::fixed(self.model.lang, |s| s.tui.draft_question);
            self.ui.modals.push(Modal::Confirm {
                question,
                yes: Pending::RestoreDraft(draft),
            });
        }
        Ok(())
    }

    /// The one entry point for everything that happens: keys, pastes, ticks, signals.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Tick => self.tick(),
            Action::Resize(_, height) => {
                // A taller screen shows more of the review: read those texts before the frame.
                self.ui.height = height;
                if self.model.screen == Screen::Review {
                    self.read_review_texts();
                }
            }
            Action::Terminate => self.quit(),
            Action::Paste(text) => self.paste(text),
            action => {
                self.model.flash = None;
                if self.ui.top().is_some() {
                    self.apply_modal(action);
                } else {
                    self.apply_screen(action);
                }
            }
        }
    }

    /// Keeps the form's draft, then ends the loop. Everything else is already committed.
    fn quit(&mut self) {
        self.keep_draft();
        // A backup being written is finished, not cut off by the exit.
        self.poll_backup(true);
        self.model.quit = true;
    }

    /// Every quarter second or so: the clock, drafts of what is being typed, and changes
    /// another hamyar made to the file.
    fn tick(&mut self) {
        self.model.now = self.clock.time_of_day();
        self.model.today = self.clock.today();
        self.keep_draft();
        self.poll_review(false);
        self.poll_backup(false);
        match self.store.data_version() {
            Ok(v) if v != self.data_version => {
                self.data_version = v;
                if self.reload().is_ok() && self.ui.top().is_none() {
                    let msg = Message::fixed(self.model.lang, |s| s.tui.other_hamyar);
                    self.model.flash_done(msg);
                }
            }
            Ok(_) => {}
            Err(e) => self.fail(&e),
        }
    }

    /// Keeps the draft of the form being typed now, not at the next tick (the process is about
    /// to stop).
    pub fn keep_draft_now(&mut self) {
        self.keep_draft();
    }

    /// Ends the app as a quit does (the draft kept, a backup in progress finished) when the
    /// terminal is gone: a hang-up, a closed window, a broken pipe.
    pub fn terminal_lost(&mut self) {
        self.quit();
    }

    /// Writes the draft of a form that changed since it was last kept. One that could not be
    /// written (a full disk, a lock held too long) is tried again at every tick until it is,
    /// and said once, not at every try.
    fn keep_draft(&mut self) {
        let Some(form) = self.ui.any_form_mut() else {
            return;
        };
        if !form.unsaved || form.kind.keeps_no_draft() {
            return;
        }
        let (key, body) = (form.kind.draft_key(), form.draft());
        match self.store.save_draft(&key, &body) {
            Ok(()) => {
                if let Some(form) = self.ui.any_form_mut() {
                    form.unsaved = false;
                }
                self.draft_failing = false;
            }
            Err(e) if !self.draft_failing => {
                self.draft_failing = true;
                self.fail(&e);
            }
            Err(_) => {}
        }
    }

    /// A paste goes into the form being typed in, cut to a size that lays out within a frame
    /// (a 1 MB paste must not freeze the screen); the status line says what was left out.
    fn paste(&mut self, text: String) {
        let Some(form) = self.ui.form_mut() else {
            return;
        };
        let capped = super::event::cap_paste(text, super::event::PASTE_LIMIT_CHARS);
        form.insert(&capped.text);
        if capped.dropped_chars > 0 {
            self.done(crate::i18n::TuiMessage::PasteCut(capped.dropped_chars));
        }
    }

    /// Reloads everything the screens show (after another process's changes).
    fn reload(&mut self) -> Result<(), StoreError> {
        self.review_stale = true;
        if self.model.screen == Screen::Review {
            self.load_review_in_background();
        }
        self.model.directory = Directory::load(&self.store)?;
        // Agencies or categories may have been added or renamed: positions are re-read.
        self.model.review.index(&self.model.directory);
        let (selected, archived) = (
            self.model.meetings.selection(),
            self.model.meetings.show_archived,
        );
        self.model.meetings = Meetings::load(&self.store)?;
        self.model.meetings.show_archived = archived;
        self.model.meetings.reselect(selected.as_ref());
        self.report_damage();
        self.meetings_stale = false;
        self.reload_room()
    }

    /// After a change made in the room: the room now, the meetings list when next shown.
    fn after_change(&mut self) -> Result<(), StoreError> {
        self.meetings_stale = true;
        self.review_stale = true;
        match self.reload_room() {
            // The open meeting itself is gone (its creation was undone): back to the list.
            Err(StoreError::NotFound { .. }) => {
                self.model.room = None;
                self.show_meetings();
                Ok(())
            }
            other => {
                if self.model.screen == Screen::Meetings {
                    self.show_meetings();
                }
                other
            }
        }
    }

    /// Shows the meetings screen, reloading its list if the room changed things since.
    fn show_meetings(&mut self) {
        if self.meetings_stale {
            let selected = self.model.meetings.selection();
            let archived = self.model.meetings.show_archived;
            match Meetings::load(&self.store) {
                Ok(m) => {
                    self.model.meetings = m;
                    self.model.meetings.show_archived = archived;
                    self.model.meetings.reselect(selected.as_ref());
                    self.report_damage();
                    self.meetings_stale = false;
                }
                Err(e) => self.fail(&e),
            }
        }
        self.model.screen = Screen::Meetings;
    }

    /// Reloads the open meeting after a commit, and the detail of its selection.
    fn reload_room(&mut self) -> Result<(), StoreError> {
        if let Some(room) = &mut self.model.room {
            room.reload(&self.store, &self.model.directory, self.model.today)?;
        }
        self.data_version = self.store.data_version()?;
        self.refresh_detail()
    }

    /// Opens a meeting in the room.
    fn open_room(&mut self, id: &crate::domain::Id) -> Result<(), StoreError> {
        let room = Room::load(&self.store, id, &self.model.directory, self.model.today)?;
        self.model.room = Some(room);
        self.model.screen = Screen::Room;
        self.model.meetings.select(id);
        self.refresh_detail()
    }

    /// Loads what the detail pane shows for the selected item.
    fn refresh_detail(&mut self) -> Result<(), StoreError> {
        let Some(room) = &self.model.room else {
            return Ok(());
        };
        let dir = &self.model.directory;
        let mut detail = room.detail.clone();
        detail.follow_ups.clear();
        if let Some(issue) = room.selected_issue(dir) {
            detail.history = self.store.issue_history(&issue.id)?;
        } else if let Some(row) = room.selected_review(dir) {
            detail.follow_ups = self.store.list_follow_ups(&row.decision.id)?;
            detail.history = match &row.decision.issue {
                Some(issue) => self.store.issue_history(issue)?,
                None => Default::default(),
            };
        } else {
            detail.history = Default::default();
        }
        if let Some(room) = &mut self.model.room {
            detail.selected = detail.selected.min(detail.items().len().saturating_sub(1));
            room.detail = detail;
        }
        Ok(())
    }

    /// Shows a refusal or failure in the status line, in the interface's language.
    fn fail(&mut self, e: &StoreError) {
        // The log keeps the English sentence with SQLite's own detail, for a bug report.
        tracing::warn!(error = %e, "refused or failed");
        let text = Message::new(self.model.lang, e);
        self.model.flash_error(text);
    }

    /// Says that meetings were left out of the list because their records cannot be read.
    fn report_damage(&mut self) {
        if let Some(e) = self.model.meetings.damage.take() {
            self.fail(&e);
        }
    }

    /// Shows a message in the status line.
    fn done(&mut self, msg: impl Localized) {
        let text = Message::new(self.model.lang, &msg);
        self.model.flash_done(text);
    }
}
