//! Which table of the keymap has the keys: derived from the app's state each time a key
//! arrives, never stored beside it.

pub use super::keymap::Mode;

use super::app::App;
use super::model::Screen;
use super::ui::Modal;

impl App {
    /// The mode of the topmost modal, or of the screen when none is open.
    pub fn mode(&self) -> Mode {
        match self.ui.top() {
            Some(Modal::Form(f)) if f.is_picking() => Mode::Picker,
            Some(Modal::Form(_)) => Mode::Form,
            Some(Modal::Confirm { .. }) => Mode::Dialog,
            Some(Modal::Menu(_)) => Mode::Menu,
            Some(Modal::Attendance { .. }) => Mode::Attendance,
            Some(Modal::Help { .. }) => Mode::Help,
            Some(Modal::History { .. }) => Mode::History,
            None => match self.model.screen {
                Screen::Welcome => Mode::Welcome,
                Screen::Meetings => Mode::Meetings,
                Screen::Room => Mode::Room,
                Screen::Review => Mode::Review,
                Screen::Search => Mode::Search,
                Screen::Directory => Mode::Directory,
            },
        }
    }
}
