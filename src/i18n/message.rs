//! [`Message`]: a sentence already in the interface's language. The app's status line, a
//! form's refusal and a question take only this type, and it is made only from a
//! [`Localized`] message or a fixed string of the language's tables: an error's English
//! `Display`, a `format!` of raw data or an id cannot reach the screen by accident.

use std::fmt;

use super::{Lang, Localized, Strings};

/// A sentence for the person at the screen, in the language it was made for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message(String);

impl Message {
    /// A parameterised message or a typed error, said in `lang`.
    pub fn new(lang: Lang, msg: &(impl Localized + ?Sized)) -> Message {
        Message(msg.localized(lang))
    }

    /// A fixed string of `lang`'s tables, picked by `pick` (`|s| s.tui.read_only`).
    pub fn fixed(lang: Lang, pick: fn(&'static Strings) -> &'static str) -> Message {
        Message(pick(lang.strings()).to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Read as text; there is no way back from text to a message.
impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
