//! What reaches the app from outside: keys, pastes, resizes, the passing of time and the request
//! to terminate, behind one [`EventSource`] trait so that tests feed scripted events
//! ([`ScriptedEvents`]) where the app reads the terminal ([`CrosstermEvents`]).
//!
//! A bracketed paste arrives whole as one [`Event::Paste`], however large: crossterm collects
//! it in linear time, and this layer neither sanitizes nor cuts it. What to keep is the app's
//! decision; [`cap_paste`] is the helper for it.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self as ct, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

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
        }
    }
}

/// Where events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout`; `Ok(None)` when none came in time.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The terminal's events through crossterm, a [`Event::Tick`] every tick, and
/// [`Event::Terminate`] once the termination flag is set.
#[derive(Debug)]
pub struct CrosstermEvents {
    terminate: Arc<AtomicBool>,
    terminate_sent: bool,
    tick: Duration,
    next_tick: Instant,
}

impl CrosstermEvents {
    /// A quarter second: the meeting clock and "saved" notes change at a glance, a draft is
    /// saved and another hamyar's commit (`PRAGMA data_version`) is seen well within the
    /// promised second, and a signal is answered within a tick even where poll is not
    /// interrupted. Four idle frames a second cost well under 1% of a core.
    pub const DEFAULT_TICK: Duration = Duration::from_millis(250);

    /// Events from the terminal; `terminate` is the flag of
    /// [`crate::tui::signals::TerminationSignals`].
    pub fn new(terminate: Arc<AtomicBool>) -> CrosstermEvents {
        CrosstermEvents {
            terminate,
            terminate_sent: false,
            tick: Self::DEFAULT_TICK,
            next_tick: Instant::now() + Self::DEFAULT_TICK,
        }
    }

    /// Another tick interval (at least a millisecond).
    #[must_use]
    pub fn with_tick(mut self, tick: Duration) -> CrosstermEvents {
        self.tick = tick.max(Duration::from_millis(1));
        self.next_tick = Instant::now() + self.tick;
        self
    }

    /// A read error means the terminal is gone (a hangup): that ends the app like a signal,
    /// once; after that the error itself is returned.
    fn gone(&mut self, err: io::Error) -> io::Result<Option<Event>> {
        tracing::warn!("reading the terminal failed: {err}");
        if self.terminate_sent {
            return Err(err);
        }
        self.terminate_sent = true;
        Ok(Some(Event::Terminate))
    }
}

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let start = Instant::now();
        let deadline = start
            .checked_add(timeout)
            .unwrap_or(start + Duration::from_secs(86_400));
        loop {
            if !self.terminate_sent && self.terminate.load(Ordering::SeqCst) {
                self.terminate_sent = true;
                return Ok(Some(Event::Terminate));
            }
            let now = Instant::now();
            if now >= self.next_tick {
                self.next_tick = now + self.tick;
                return Ok(Some(Event::Tick));
            }
            if now >= deadline {
                return Ok(None);
            }
            let wait = deadline.min(self.next_tick) - now;
            match ct::poll(wait) {
                Ok(false) => {}
                Ok(true) => match ct::read() {
                    Ok(event) => {
                        if let Some(event) = convert(event) {
                            return Ok(Some(event));
                        }
                    }
                    Err(e) => return self.gone(e),
                },
                Err(e) => return self.gone(e),
            }
        }
    }
}

fn convert(event: ct::Event) -> Option<Event> {
    match event {
        ct::Event::Key(k) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
        ct::Event::Paste(text) => Some(Event::Paste(text)),
        ct::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
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

/// How much of a paste a text field takes: 10,000 characters, some five pages, far more than any
/// decision or statement, and little enough to lay out within a frame.
pub const PASTE_LIMIT_CHARS: usize = 10_000;

/// A paste cut to a size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CappedPaste {
    /// At most the limit in characters, ending on a whole grapheme (no half of a «لا» or of an
    /// emoji sequence).
    pub text: String,
    /// Characters cut off the end, for a message such as "۹۹۰٬۰۰۰ characters were not pasted".
    pub dropped_chars: usize,
}

/// Cuts `text` to at most `limit_chars` characters at a grapheme boundary, in place: only the
/// kept part is segmented, the rest is only counted.
pub fn cap_paste(mut text: String, limit_chars: usize) -> CappedPaste {
    let mut kept_chars = 0;
    let mut cut = text.len();
    for (at, grapheme) in text.grapheme_indices(true) {
        let n = grapheme.chars().count();
        if kept_chars + n > limit_chars {
            cut = at;
            break;
        }
        kept_chars += n;
    }
    let dropped_chars = text.get(cut..).map_or(0, |rest| rest.chars().count());
    text.truncate(cut);
    CappedPaste {
        text,
        dropped_chars,
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

    #[test]
    fn a_megabyte_paste_is_cut_to_the_limit_and_says_how_much() {
        let sentence = "بانک توسعه تعاون (شعبه کرمان) تا ۱۴۰۵/۰۹/۳۰ «اقدام» کند؛ SMS می‌فرستد.\n";
        let mut big = String::new();
        while big.len() < 1 << 20 {
            big.push_str(sentence);
        }
        let total = big.chars().count();
        let capped = cap_paste(big, PASTE_LIMIT_CHARS);
        assert_eq!(capped.text.chars().count() + capped.dropped_chars, total);
        assert!(capped.text.chars().count() <= PASTE_LIMIT_CHARS);
        assert!(capped.text.chars().count() > PASTE_LIMIT_CHARS - 4);
        assert!(capped.text.starts_with(sentence));
    }

    #[test]
    fn the_cut_never_splits_a_grapheme() {
        // e + combining acute is one grapheme of two characters.
        let capped = cap_paste("abe\u{301}cd".into(), 3);
        assert_eq!(capped.text, "ab");
        assert_eq!(capped.dropped_chars, 4);
        let whole = cap_paste("می‌خواهد".into(), 100);
        assert_eq!((whole.text.as_str(), whole.dropped_chars), ("می‌خواهد", 0));
        assert_eq!(cap_paste("abc".into(), 0).dropped_chars, 3);
    }
}
