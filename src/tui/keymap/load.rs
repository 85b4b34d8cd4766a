//! Reading keymap tables (the built-in file and a user's `[keys.<mode>]` overrides) into typed
//! bindings, with errors that name the table, the key and the bad value.

use std::collections::BTreeMap;

use super::key::{Key, KeyParseError};
use super::layout::LayoutError;
use super::mode::{Layer, layer_names};
use crate::tui::action::Action;

/// What a key does in one table: an action, or `None` for a key unbound on purpose (which also
/// hides the global binding of that key).
pub(super) type Bindings = BTreeMap<Key, Option<Action>>;

/// A keymap that cannot be built; each message says where and what to write instead.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// The keymap file is not TOML.
    #[error("the keymap is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// The vendored keyboard table is broken.
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// A table that names no mode.
    #[error("[{table}] is not a keymap mode; the modes are {}", layer_names())]
    UnknownMode { table: String },
    /// A mode given as something other than a table.
    #[error("[{table}] must be a table of \"key\" = \"action\" lines")]
    NotATable { table: String },
    /// A key that cannot be read.
    #[error("[{table}] key {key:?}: {reason}")]
    BadKey {
        table: String,
        key: String,
        reason: KeyParseError,
    },
    /// A value that is not the name of a bindable action.
    #[error(
        "[{table}] {key:?} = {value}: not an action; write \"none\" to unbind the key, or one of: {}",
        action_names()
    )]
    BadAction {
        table: String,
        key: String,
        value: String,
    },
    /// A plain character bound in a text mode, where it must stay typed text.
    #[error(
        "[{table}] {key:?} = {value}: {table} is a text mode, where characters are typed; bind a \
         named key or one with ctrl or alt instead"
    )]
    CharacterInTextMode {
        table: String,
        key: String,
        value: String,
    },
    /// Two spellings of one key in one table (`"shift+tab"` and `"backtab"`).
    #[error("[{table}] {key:?} and {other:?} are the same key")]
    DuplicateKey {
        table: String,
        key: String,
        other: String,
    },
}

fn action_names() -> String {
    Action::bindable()
        .map(|a| a.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads `tables` (`{ room = { "d" = "new_decision" } }`) into `layers`, replacing the bindings
/// of the keys it names and leaving the others. `prefix` is how the tables are written in the
/// file the user edits (`""` for the built-in file, `"keys."` for a config file).
pub(super) fn merge_tables(
    layers: &mut [Bindings],
    tables: &toml::Table,
    prefix: &str,
) -> Result<(), KeymapError> {
    for (name, value) in tables {
        let table = format!("{prefix}{name}");
        let layer: Layer = name.parse().map_err(|_| KeymapError::UnknownMode {
            table: table.clone(),
        })?;
        let toml::Value::Table(entries) = value else {
            return Err(KeymapError::NotATable { table });
        };
        let parsed = parse_entries(layer, &table, entries)?;
        if let Some(bindings) = layers.get_mut(layer.index()) {
            bindings.extend(parsed);
        }
    }
    Ok(())
}

fn parse_entries(
    layer: Layer,
    table: &str,
    entries: &toml::Table,
) -> Result<Bindings, KeymapError> {
    let mut out = Bindings::new();
    let mut spelled: BTreeMap<Key, &str> = BTreeMap::new();
    for (key_text, value) in entries {
        let key: Key = key_text.parse().map_err(|reason| KeymapError::BadKey {
            table: table.to_string(),
            key: key_text.clone(),
            reason,
        })?;
        let action = parse_action(table, key_text, value)?;
        let text_mode = matches!(layer, Layer::Mode(m) if m.is_text());
        if text_mode && action.is_some() && key.plain_char().is_some() {
            return Err(KeymapError::CharacterInTextMode {
                table: table.to_string(),
                key: key_text.clone(),
                value: value.to_string(),
            });
        }
        if let Some(other) = spelled.insert(key, key_text) {
            return Err(KeymapError::DuplicateKey {
                table: table.to_string(),
                key: other.to_string(),
                other: key_text.clone(),
            });
        }
        out.insert(key, action);
    }
    Ok(out)
}

fn parse_action(
    table: &str,
    key: &str,
    value: &toml::Value,
) -> Result<Option<Action>, KeymapError> {
    let bad = || KeymapError::BadAction {
        table: table.to_string(),
        key: key.to_string(),
        value: value.to_string(),
    };
    match value.as_str() {
        Some("none") => Ok(None),
        Some(name) => name.parse().map(Some).map_err(|_| bad()),
        None => Err(bad()),
    }
}
