//! What the help screen lists, from the keymap itself: the keys of the open dialog first, then
//! those of the screen, then the global ones that still work there; one row per action with
//! every key bound to it and their Persian-layout twins.

use super::{Binding, Keymap, Layer, Mode};
use crate::tui::action::Action;

/// Whose keys a part of the help lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpPart {
    /// The dialog (form, question, menu, attendance…) standing over the screen.
    Dialog(Mode),
    /// The screen itself.
    Screen(Mode),
    /// The global keys the screen does not bind to anything else.
    Global,
}

/// One action and every key that does it in a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub action: Action,
    /// The keys as the keymap file writes them, in key order.
    pub keys: Vec<String>,
    /// Their Persian-layout twins that work too.
    pub twins: Vec<String>,
}

/// A part of the help and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpSection {
    pub part: HelpPart,
    pub rows: Vec<HelpRow>,
}

impl Keymap {
    /// The help for `screen` with `dialog` open over it (or none): its parts in the order a
    /// person looks for them, each part's actions in the order they are declared.
    pub fn help_sections(&self, dialog: Option<Mode>, screen: Mode) -> Vec<HelpSection> {
        let mut out = Vec::new();
        if let Some(d) = dialog {
            out.push(section(
                HelpPart::Dialog(d),
                self.layer_bindings(Layer::Mode(d)),
            ));
        }
        let own = Layer::Mode(screen);
        out.push(section(HelpPart::Screen(screen), self.layer_bindings(own)));
        if !screen.is_text() {
            let global = self
                .layer_bindings(Layer::Global)
                .into_iter()
                .filter(|b| self.lookup(own, &b.key).is_none())
                .map(|mut b| {
                    b.twin = b.twin.filter(|t| self.lookup(own, t).is_none());
                    b
                })
                .collect();
            out.push(section(HelpPart::Global, global));
        }
        out.retain(|s| !s.rows.is_empty());
        out
    }
}

fn section(part: HelpPart, mut bindings: Vec<Binding>) -> HelpSection {
    bindings.sort_by_key(|b| (b.action.order(), b.key));
    // The nine tab keys are one row: «go to tab N».
    let row_of = |a: &Action| match a {
        Action::GotoTab(_) => Action::GotoTab(1),
        other => other.clone(),
    };
    let mut rows: Vec<HelpRow> = Vec::new();
    for b in bindings {
        let action = row_of(&b.action);
        let row = match rows.last_mut() {
            Some(r) if r.action == action => r,
            _ => {
                rows.push(HelpRow {
                    action,
                    keys: Vec::new(),
                    twins: Vec::new(),
                });
                let Some(r) = rows.last_mut() else { break };
                r
            }
        };
        row.keys.push(b.key.to_string());
        row.twins.extend(b.twin.map(|t| t.to_string()));
    }
    for r in &mut rows {
        if matches!(r.action, Action::GotoTab(_)) {
            r.keys = span(&r.keys);
            r.twins = span(&r.twins);
        }
    }
    HelpSection { part, rows }
}

/// A run of keys (the tab digits) as its first and last: `1–9`.
fn span(keys: &[String]) -> Vec<String> {
    match keys {
        [first, .., last] => vec![format!("{first}–{last}")],
        other => other.to_vec(),
    }
}
