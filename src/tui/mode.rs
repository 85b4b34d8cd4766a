//! Which table of the keymap has the keys: derived from the app's state each time a key
//! arrives, never stored beside it.

pub use super::keymap::Mode;

use super::app::App;
use super::model::Screen;
use super::ui::Modal;

impl App {
    /// The mode of the topmost modal, or of the screen when none is open.
    pub fn mode(&self) -> Mode {
        self.ui
            .top()
            .map_or_else(|| screen_mode(self.model.screen), modal_mode)
    }
}

/// The keys of a modal.
pub fn modal_mode(modal: &Modal) -> Mode {
    match modal {
        Modal::Form(f) if f.is_picking() => Mode::Picker,
        Modal::Form(_) => Mode::Form,
        Modal::Confirm { .. } => Mode::Dialog,
        Modal::Menu(_) => Mode::Menu,
        Modal::Attendance { .. } => Mode::Attendance,
        Modal::Help { .. } => Mode::Help,
        Modal::History { .. } => Mode::History,
    }
}

/// The keys of a screen with no modal over it.
pub fn screen_mode(screen: Screen) -> Mode {
    match screen {
        Screen::Welcome => Mode::Welcome,
        Screen::Meetings => Mode::Meetings,
        Screen::Room => Mode::Room,
        Screen::Review => Mode::Review,
        Screen::Search => Mode::Search,
        Screen::Directory => Mode::Directory,
    }
}
