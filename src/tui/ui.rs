//! Render-time state: the modals stacked over the screen (forms hold `InputState`s, which
//! lay themselves out while drawing) and the list offsets the views keep between frames.

use crate::domain::{DecisionStatus, Id, IssueStatus};
use crate::store::Draft;

use super::forms::Form;
use crate::history::HistoryView;

/// Something standing over the screen and taking the keys; the last one is on top.
#[derive(Debug)]
pub enum Modal {
    Form(Form),
    /// A yes/no question; `yes` runs when answered yes.
    Confirm {
        question: crate::i18n::Message,
        yes: Pending,
    },
    /// Attendance of the open meeting; the selected person's row.
    Attendance {
        selected: usize,
    },
    /// A short list of choices.
    Menu(Menu),
    /// The keys of the dialog it was opened over (if any), then of the screen, then global.
    Help {
        scroll: usize,
        dialog: Option<crate::tui::keymap::Mode>,
        screen: crate::tui::keymap::Mode,
    },
    /// The change history of the selected record.
    History {
        view: Box<HistoryView>,
        scroll: usize,
    },
}

/// What a yes in a confirmation does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Throw away the form under the question.
    DiscardForm,
    DeleteDecision(Id),
    DeleteStatement(Id),
    ApproveMeeting(Id),
    /// Bring back a draft left by a crash.
    RestoreDraft(Draft),
    /// Start a meeting held on another day than its date: yes moves the date to today, no
    /// keeps it, Esc starts nothing.
    StartMeeting(Id),
    /// Write the export form's file over the one of that name.
    ReplaceExport,
    /// Merge `duplicate` into `keep`: two people if `person`, else two agencies.
    Merge {
        person: bool,
        keep: Id,
        duplicate: Id,
    },
}

/// A list of choices, one of them selected.
#[derive(Debug, Clone)]
pub struct Menu {
    pub title: String,
    pub items: Vec<(String, Choice)>,
    pub selected: usize,
}

/// What a menu item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    StartMeeting,
    CloseMeeting,
    ReopenMeeting,
    ApproveMeeting,
    AmendMeeting,
    /// The meeting's date, time, place, chair, secretary (and number, while a draft).
    EditMeeting,
    IssueStatus(Id, IssueStatus),
    FollowUp(Id, crate::domain::DecisionNumber, DecisionStatus),
}

/// Offsets kept between frames so a long list scrolls instead of jumping.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scroll {
    pub list: usize,
    pub detail: usize,
    pub meetings: usize,
    pub attendance: usize,
    pub review: usize,
    pub search: usize,
    pub directory: usize,
}

/// Everything the views keep between frames.
#[derive(Debug, Default)]
pub struct Ui {
    pub modals: Vec<Modal>,
    /// A question a form's save asks (a merge), shown once the form has closed.
    pub queued: Option<Modal>,
    pub scroll: Scroll,
    /// The terminal's height at the last frame: how many rows of a list a screen can show.
    pub height: u16,
    /// The search screen's query.
    pub search_input: crate::text::InputState,
}

impl Ui {
    pub fn top(&self) -> Option<&Modal> {
        self.modals.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Modal> {
        self.modals.last_mut()
    }

    /// The form on top, if the top modal is one.
    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match self.modals.last_mut() {
            Some(Modal::Form(f)) => Some(f),
            _ => None,
        }
    }

    /// The topmost form, even under a question about it.
    pub fn any_form(&self) -> Option<&Form> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Form(f) => Some(f),
            _ => None,
        })
    }

    pub fn any_form_mut(&mut self) -> Option<&mut Form> {
        self.modals.iter_mut().rev().find_map(|m| match m {
            Modal::Form(f) => Some(f),
            _ => None,
        })
    }
}
