//! Keys to [`Action`]s, one table per [`Mode`], from the built-in `assets/keymap.toml` and a
//! user's overrides.
//!
//! Resolution of a key in a mode: the mode's own table, then (for command modes only) the
//! `global` table. In a text mode (search, form, picker) an unbound key is
//! [`Action::Input`]: typed text. Each table also answers to the Persian-layout twins of its
//! character keys, derived from the ISIRI 9147 table ([`layout`]) after every change, so an
//! override of `d` moves `ی` with it.

mod help;
pub mod key;
pub mod layout;
mod load;
pub mod mode;

use crossterm::event::{KeyEvent, KeyEventKind};

pub use help::{HelpPart, HelpRow, HelpSection};
pub use key::{Key, KeyParseError};
pub use layout::{LayoutError, PersianLayout};
pub use load::KeymapError;
pub use mode::{Layer, Mode, UnknownMode};

use crate::tui::action::Action;
use load::{Bindings, merge_tables};

/// The built-in keymap file.
const BUILTIN: &str = include_str!("../../../assets/keymap.toml");

/// The keymap: explicit bindings per layer, and the Persian-layout twins derived from them.
#[derive(Clone, Debug)]
pub struct Keymap {
    explicit: Vec<Bindings>,
    twins: Vec<Bindings>,
    layout: PersianLayout,
}

/// One line of the help screen: a key, its Persian-layout twin, and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// The table the binding comes from.
    pub layer: Layer,
    pub key: Key,
    /// The key on the same physical key in the Persian layout (`ی` for `d`), when it works too.
    pub twin: Option<Key>,
    pub action: Action,
}

impl Keymap {
    /// The keymap of `assets/keymap.toml`.
    pub fn builtin() -> Result<Keymap, KeymapError> {
        Keymap::from_toml(BUILTIN)
    }

    /// A keymap from a whole file in the format of `assets/keymap.toml`.
    pub fn from_toml(text: &str) -> Result<Keymap, KeymapError> {
        let tables: toml::Table = text.parse()?;
        let layers = Layer::all().count();
        let mut keymap = Keymap {
            explicit: vec![Bindings::new(); layers],
            twins: vec![Bindings::new(); layers],
            layout: PersianLayout::isiri9147()?,
        };
        merge_tables(&mut keymap.explicit, &tables, "")?;
        keymap.derive_twins();
        Ok(keymap)
    }

    /// Applies a config file's `[keys]` table (`{ room = { "x" = "export", "d" = "none" } }`)
    /// key by key. On error the keymap is unchanged.
    pub fn with_overrides(&mut self, keys: &toml::Table) -> Result<(), KeymapError> {
        let mut explicit = self.explicit.clone();
        merge_tables(&mut explicit, keys, "keys.")?;
        self.explicit = explicit;
        self.derive_twins();
        Ok(())
    }

    /// What `event` means in `mode`. `None` for a key that does nothing there (and for key
    /// releases); in a text mode, `Input` for every key its table does not bind.
    pub fn resolve(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        let layer = Layer::Mode(mode);
        if let Some(found) = self.lookup(layer, &key) {
            return match found {
                None if mode.is_text() => Some(Action::Input(*event)),
                other => other.clone(),
            };
        }
        if mode.is_text() {
            return Some(Action::Input(*event));
        }
        self.lookup(Layer::Global, &key).cloned().flatten()
    }

    /// The keys that work in `mode`, its own and the global ones it does not hide, ordered as
    /// the actions are declared: what the help screen shows.
    pub fn help(&self, mode: Mode) -> Vec<Binding> {
        let own = Layer::Mode(mode);
        let mut out = self.layer_bindings(own);
        if !mode.is_text() {
            out.extend(
                self.layer_bindings(Layer::Global)
                    .into_iter()
                    .filter(|b| self.lookup(own, &b.key).is_none())
                    .map(|mut b| {
                        b.twin = b.twin.filter(|t| self.lookup(own, t).is_none());
                        b
                    }),
            );
        }
        out.sort_by_key(|b| (b.action.order(), b.key));
        out
    }

    /// Every explicit binding of every table (global first), with its twin: the whole keymap
    /// as (layer, key, action), e.g. to print it.
    pub fn bindings(&self) -> impl Iterator<Item = Binding> + '_ {
        Layer::all().flat_map(|l| self.layer_bindings(l))
    }

    /// The Persian-layout table the twins come from.
    pub fn layout(&self) -> &PersianLayout {
        &self.layout
    }

    fn layer_bindings(&self, layer: Layer) -> Vec<Binding> {
        let Some(explicit) = self.explicit.get(layer.index()) else {
            return Vec::new();
        };
        explicit
            .iter()
            .filter_map(|(key, action)| {
                let action = action.clone()?;
                let twin = self.twin_key(key).filter(|t| {
                    self.twins
                        .get(layer.index())
                        .and_then(|tw| tw.get(t))
                        .is_some_and(|a| a.as_ref() == Some(&action))
                });
                Some(Binding {
                    layer,
                    key: *key,
                    twin,
                    action,
                })
            })
            .collect()
    }

    /// `Some(binding)` when the layer's table (or its twins) has the key, even unbound.
    fn lookup(&self, layer: Layer, key: &Key) -> Option<&Option<Action>> {
        let i = layer.index();
        let explicit = self.explicit.get(i)?;
        explicit
            .get(key)
            .or_else(|| self.twins.get(i).and_then(|t| t.get(key)))
    }

    fn twin_key(&self, key: &Key) -> Option<Key> {
        key.char_code()
            .and_then(|c| self.layout.twin(c))
            .map(|t| key.with_char(t))
    }

    /// Rebuilds the twins: for each explicit character key, the Persian-layout character on the
    /// same physical key, unless the table binds that character itself. Explicit keys are
    /// visited in key order, so when two keys would give the same twin the first one keeps it.
    fn derive_twins(&mut self) {
        for (explicit, twins) in self.explicit.iter().zip(self.twins.iter_mut()) {
            twins.clear();
            for (key, action) in explicit {
                let Some(twin) = key
                    .char_code()
                    .and_then(|c| self.layout.twin(c))
                    .map(|t| key.with_char(t))
                else {
                    continue;
                };
                if !explicit.contains_key(&twin) && !twins.contains_key(&twin) {
                    twins.insert(twin, action.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
