//! What reaches the app from outside: keys, pastes, resizes, the passing of time and the request
//! to terminate, behind one [`EventSource`] trait so that tests feed scripted events
//! ([`ScriptedEvents`]) where the app reads the terminal ([`CrosstermEvents`]).
//!
//! A bracketed paste arrives whole as one [`Event::Paste`], however large: crossterm collects
//! it in linear time, and this layer neither sanitizes nor cuts it. What to keep is the app's
//! decision; [`cap_paste`] is the helper for it.

mod paste;
mod reader;

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::tui::signals::JobFlags;
pub use paste::{CappedPaste, PASTE_LIMIT_CHARS, cap_paste};
pub use reader::CrosstermEvents;

use crate::tui::action::Action;
use crate::tui::keymap::{Keymap, Mode};

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A key press (or auto-repeat); releases are dropped.
    Key(KeyEvent),
    /// A bracketed paste, whole and untouched.
    Paste(String),
    /// The terminal's new size: columns, rows.
    Resize(u16, u16),
    /// A tick of the clock ([`CrosstermEvents::DEFAULT_TICK`]).
    Tick,
    /// A termination signal, or the terminal went away: save and exit.
    Terminate,
    /// SIGTSTP: keep what is typed, hand the terminal back, stop until continued.
    Suspend,
    /// SIGCONT: the process was stopped and goes on; take the terminal up again and draw all.
    Resumed,
}

impl Event {
    /// A plain character key, as typed (`Event::char('ی')`).
    pub fn char(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    /// A key with modifiers (`Event::key(KeyCode::Char('s'), KeyModifiers::CONTROL)`).
    pub fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// One key event per character of `text`, as a person types it.
    pub fn typed(text: &str) -> impl Iterator<Item = Event> + '_ {
        text.chars().map(Event::char)
    }

    /// The action this event asks for in `mode`: keys through the keymap, the rest as they
    /// are. `None` for a key that does nothing in that mode.
    pub fn into_action(self, keymap: &Keymap, mode: Mode) -> Option<Action> {
        match self {
            Event::Key(key) => keymap.resolve(mode, &key),
            Event::Paste(text) => Some(Action::Paste(text)),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Tick => Some(Action::Tick),
            Event::Terminate => Some(Action::Terminate),
            // The loop's own business (the terminal), not the app's.
            Event::Suspend | Event::Resumed => None,
        }
    }
}

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `Ok(None)` when none came in time.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Events from a script, for tests: each call to `next` takes the next one, whatever the
/// timeout. When the script is done it answers [`Event::Terminate`], like a terminal that
/// closed, so a loop driven by it always ends.
#[derive(Clone, Debug, Default)]
pub struct ScriptedEvents {
    queue: VecDeque<Event>,
}

impl ScriptedEvents {
    pub fn new(events: impl IntoIterator<Item = Event>) -> ScriptedEvents {
        ScriptedEvents {
            queue: events.into_iter().collect(),
        }
    }

    /// Adds events at the end of the script.
    pub fn push(&mut self, events: impl IntoIterator<Item = Event>) {
        self.queue.extend(events);
    }

    /// Events not yet taken.
    pub fn remaining(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

impl EventSource for ScriptedEvents {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        Ok(Some(self.queue.pop_front().unwrap_or(Event::Terminate)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_plays_in_order_then_terminates() {
        let mut s = ScriptedEvents::new(Event::typed("ید"));
        s.push([Event::Tick, Event::Resize(60, 20)]);
        assert_eq!(s.remaining(), 4);
        let mut got = Vec::new();
        for _ in 0..6 {
            got.push(s.next(Duration::ZERO).unwrap().unwrap());
        }
        assert_eq!(
            got,
            [
                Event::char('ی'),
                Event::char('د'),
                Event::Tick,
                Event::Resize(60, 20),
                Event::Terminate,
                Event::Terminate
            ]
        );
        assert!(s.is_empty());
    }

    #[test]
    fn events_become_actions_through_the_keymap() {
        let k = Keymap::builtin().unwrap();
        let room = |e: Event| e.into_action(&k, Mode::Room);
        assert_eq!(room(Event::char('ی')), Some(Action::NewDecision));
        assert_eq!(room(Event::char('ظ')), None);
        let ctrl_s = Event::key(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(ctrl_s.into_action(&k, Mode::Form), Some(Action::Save));
        let typed = KeyEvent::new(KeyCode::Char('ی'), KeyModifiers::NONE);
        assert_eq!(
            Event::Key(typed).into_action(&k, Mode::Form),
            Some(Action::Input(typed))
        );
        let paste = "مصوبه ۲/۳: «SMS» (۱۴۰۵/۹/۳۰)".to_string();
        assert_eq!(
            room(Event::Paste(paste.clone())),
            Some(Action::Paste(paste))
        );
        assert_eq!(room(Event::Resize(1, 1)), Some(Action::Resize(1, 1)));
        assert_eq!(room(Event::Tick), Some(Action::Tick));
        assert_eq!(room(Event::Terminate), Some(Action::Terminate));
    }
}
