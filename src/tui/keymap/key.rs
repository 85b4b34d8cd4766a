//! One key as the keymap sees it, and the text syntax of keys in the keymap file: `q`, `ض`, `?`,
//! `ctrl+s`, `alt+space`, `shift+tab`, `esc`, `enter`, `pgup`, `f1`.
//!
//! Terminals report the same key in several ways (`?` with or without Shift, Shift+Tab as
//! `BackTab` with or without Shift, Ctrl+Shift+S as Ctrl+S in the legacy encoding), so a
//! [`Key`] is normalised once, both when parsed from the file and when built from an event, and
//! the two compare equal whenever they mean the same key.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A normalised key: a code and the modifiers that matter (Ctrl, Alt; Shift only where the
/// code does not already say it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    mods: u8,
}

/// `KeyCode` is not `Ord`; the few codes a keymap binds are kept in this ordered mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(u8),
}

/// Named keys in the file syntax, with the code each one means. The first name of a code is
/// the one [`Key`]'s `Display` writes.
const NAMED: &[(&str, KeyCode)] = &[
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("ins", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
];

const CTRL: u8 = 1;
const ALT: u8 = 2;
const SHIFT: u8 = 4;

/// Why a key in the keymap file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// Nothing, or only modifiers.
    #[error("no key: write one character, or a name such as esc, enter, tab, pgup or f1")]
    Empty,
    /// A word that names no key and is longer than one character.
    #[error(
        "unknown key {0:?}: write one character, or a name such as esc, enter, tab, space, pgup or f1"
    )]
    Unknown(String),
    /// A modifier other than ctrl, alt and shift.
    #[error("unknown modifier {0:?}: the modifiers are ctrl, alt and shift")]
    UnknownModifier(String),
    /// `shift+` with a character that is not a letter.
    #[error(
        "shift+{0} cannot be written: write the shifted character itself (e.g. \"?\" or \"!\")"
    )]
    ShiftedSymbol(char),
}

impl Key {
    /// The key an event reports. Release events are not keys here; the event layer drops them.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods = 0;
        if event.modifiers.contains(KeyModifiers::CONTROL) {
            mods |= CTRL;
        }
        if event.modifiers.contains(KeyModifiers::ALT) {
            mods |= ALT;
        }
        if event.modifiers.contains(KeyModifiers::SHIFT) {
            mods |= SHIFT;
        }
        Key::normalised(event.code, mods)
    }

    /// A plain character key, e.g. `Key::char('ی')`.
    pub fn char(c: char) -> Key {
        Key::normalised(KeyCode::Char(c), 0)
    }

    /// The character of a key without Ctrl or Alt, the kind a Persian-layout twin exists for.
    pub fn plain_char(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if self.mods == 0 => Some(c),
            _ => None,
        }
    }

    /// The character of a character key, whatever its modifiers.
    pub fn char_code(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) => Some(c),
            _ => None,
        }
    }

    /// The same modifiers on another character (for a key's twin in the other layout).
    pub fn with_char(&self, c: char) -> Key {
        Key::normalised(KeyCode::Char(c), self.mods)
    }

    /// The crossterm event this key stands for (a press with these modifiers).
    pub fn to_event(&self) -> KeyEvent {
        let mut modifiers = KeyModifiers::NONE;
        if self.mods & CTRL != 0 {
            modifiers |= KeyModifiers::CONTROL;
        }
        if self.mods & ALT != 0 {
            modifiers |= KeyModifiers::ALT;
        }
        if self.mods & SHIFT != 0 {
            modifiers |= KeyModifiers::SHIFT;
        }
        let code = match self.code {
            KeyCodeOrd::Char(c) => KeyCode::Char(c),
            KeyCodeOrd::F(n) => KeyCode::F(n),
            KeyCodeOrd::Named(i) => NAMED.get(usize::from(i)).map_or(KeyCode::Null, |n| n.1),
        };
        KeyEvent::new(code, modifiers)
    }

    /// Shift is part of a character (`?`, `A`, `ي`) and of BackTab; it stays a modifier only on
    /// the other named keys (`shift+up`). Ctrl or Alt with a letter ignores case, as the legacy
    /// encoding does (Ctrl+Shift+S arrives as Ctrl+S).
    fn normalised(code: KeyCode, mut mods: u8) -> Key {
        let code = match code {
            KeyCode::Char(c) => {
                mods &= !SHIFT;
                let c = if mods != 0 { c.to_ascii_lowercase() } else { c };
                KeyCodeOrd::Char(c)
            }
            KeyCode::BackTab => {
                mods &= !SHIFT;
                KeyCodeOrd::Named(name_index(KeyCode::BackTab))
            }
            KeyCode::Tab if mods & SHIFT != 0 => {
                mods &= !SHIFT;
                KeyCodeOrd::Named(name_index(KeyCode::BackTab))
            }
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(name_index(other)),
        };
        Key { code, mods }
    }
}

/// The index of a code in [`NAMED`]; codes a keymap cannot name share one index that no parsed
/// key has, so they never match a binding.
fn name_index(code: KeyCode) -> u8 {
    NAMED
        .iter()
        .position(|(_, c)| *c == code)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

impl FromStr for Key {
    type Err = KeyParseError;

    fn from_str(s: &str) -> Result<Key, KeyParseError> {
        // The last part is the key: `ctrl++` is Ctrl and `+`, and `+` alone is the plus key.
        let (mods_part, key_part) = match s.strip_suffix("++") {
            Some(rest) => (rest, "+"),
            None if s == "+" => ("", "+"),
            None => s.rsplit_once('+').unwrap_or(("", s)),
        };
        let mut mods = 0;
        for m in mods_part.split('+').filter(|m| !m.is_empty()) {
            mods |= match m.trim().to_ascii_lowercase().as_str() {
                "ctrl" | "control" => CTRL,
                "alt" | "meta" => ALT,
                "shift" => SHIFT,
                other => return Err(KeyParseError::UnknownModifier(other.to_string())),
            };
        }
        let mut chars = key_part.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(KeyParseError::Empty),
            (Some(c), None) => {
                if mods & SHIFT != 0 && !c.is_ascii_alphabetic() {
                    return Err(KeyParseError::ShiftedSymbol(c));
                }
                if mods & SHIFT != 0 && mods & (CTRL | ALT) == 0 {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named_code(&key_part.to_ascii_lowercase())
                .ok_or_else(|| KeyParseError::Unknown(key_part.to_string()))?,
        };
        Ok(Key::normalised(code, mods))
    }
}

fn named_code(name: &str) -> Option<KeyCode> {
    if name == "space" {
        return Some(KeyCode::Char(' '));
    }
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

impl fmt::Display for Key {
    /// The file syntax, so that what the help screen shows can be pasted into a config file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods & CTRL != 0 {
            f.write_str("ctrl+")?;
        }
        if self.mods & ALT != 0 {
            f.write_str("alt+")?;
        }
        if self.mods & SHIFT != 0 {
            f.write_str("shift+")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(i) => match NAMED.get(usize::from(i)) {
                // The first name of a code is the short, canonical one.
                Some((_, code)) => {
                    let name = NAMED.iter().find(|(_, c)| c == code).map_or("?", |n| n.0);
                    f.write_str(if *code == KeyCode::BackTab {
                        "shift+tab"
                    } else {
                        name
                    })
                }
                None => f.write_str("unnamed"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    fn ev(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(&KeyEvent::new(code, mods))
    }

    #[test]
    fn characters_latin_persian_and_symbols() {
        assert_eq!(key("q"), ev(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(key("ض"), ev(KeyCode::Char('ض'), KeyModifiers::NONE));
        assert_eq!(key("۳"), Key::char('۳'));
        // `?` arrives with Shift from some terminals and without it from others.
        assert_eq!(key("?"), ev(KeyCode::Char('?'), KeyModifiers::SHIFT));
        assert_eq!(key("?"), ev(KeyCode::Char('?'), KeyModifiers::NONE));
        assert_eq!(key("G"), ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(key("shift+g"), key("G"));
        assert_ne!(key("g"), key("G"));
        assert_eq!(key("+"), Key::char('+'));
        assert_eq!(key("space"), Key::char(' '));
    }

    #[test]
    fn modifiers_and_named_keys() {
        assert_eq!(key("ctrl+s"), ev(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(key("Ctrl+S"), key("ctrl+s"));
        assert_eq!(
            key("ctrl+s"),
            ev(
                KeyCode::Char('S'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        );
        assert_eq!(key("alt+space"), ev(KeyCode::Char(' '), KeyModifiers::ALT));
        assert_eq!(
            key("ctrl+space"),
            ev(KeyCode::Char(' '), KeyModifiers::CONTROL)
        );
        assert_eq!(key("ctrl++"), ev(KeyCode::Char('+'), KeyModifiers::CONTROL));
        assert_eq!(key("shift+tab"), ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(key("backtab"), ev(KeyCode::BackTab, KeyModifiers::NONE));
        assert_eq!(key("shift+tab"), ev(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!(key("esc"), ev(KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(key("Escape"), key("esc"));
        assert_eq!(key("enter"), ev(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(key("pgup"), ev(KeyCode::PageUp, KeyModifiers::NONE));
        assert_eq!(key("pagedown"), key("pgdn"));
        assert_eq!(key("f1"), ev(KeyCode::F(1), KeyModifiers::NONE));
        assert_eq!(key("shift+up"), ev(KeyCode::Up, KeyModifiers::SHIFT));
        assert_ne!(key("shift+up"), key("up"));
    }

    #[test]
    fn display_is_the_file_syntax() {
        for s in [
            "q",
            "ض",
            "?",
            "G",
            "ctrl+s",
            "alt+space",
            "shift+tab",
            "esc",
            "enter",
            "pgup",
            "pgdn",
            "f12",
            "ctrl++",
            "shift+up",
            "delete",
        ] {
            assert_eq!(key(s).to_string(), s);
            assert_eq!(key(&key(s).to_string()), key(s), "{s}");
        }
        assert_eq!(key("Escape").to_string(), "esc");
        assert_eq!(key("backtab").to_string(), "shift+tab");
    }

    #[test]
    fn round_trip_through_events() {
        for s in [
            "ی",
            "ctrl+s",
            "alt+space",
            "shift+tab",
            "f5",
            "home",
            "shift+left",
        ] {
            assert_eq!(Key::from_event(&key(s).to_event()), key(s), "{s}");
        }
    }

    #[test]
    fn bad_keys_say_why() {
        assert_eq!("".parse::<Key>(), Err(KeyParseError::Empty));
        assert_eq!("ctrl+".parse::<Key>(), Err(KeyParseError::Empty));
        assert_eq!(
            "escp".parse::<Key>(),
            Err(KeyParseError::Unknown("escp".into()))
        );
        assert_eq!(
            "f25".parse::<Key>(),
            Err(KeyParseError::Unknown("f25".into()))
        );
        assert_eq!(
            "hyper+x".parse::<Key>(),
            Err(KeyParseError::UnknownModifier("hyper".into()))
        );
        assert_eq!(
            "shift+/".parse::<Key>(),
            Err(KeyParseError::ShiftedSymbol('/'))
        );
        let msg = "shift+/".parse::<Key>().unwrap_err().to_string();
        assert!(msg.contains("\"?\""), "{msg}");
        // An event for a key no keymap can name matches nothing parsed.
        let media = ev(KeyCode::CapsLock, KeyModifiers::NONE);
        assert_ne!(media, key("esc"));
    }
}
