//! Views: each borrows the model and the render-time state and draws one screen or modal.
//! Views never touch the store. Every piece of text is laid out by `crate::text`, each cell
//! and value its own paragraph.

mod dialogs;
mod directory;
mod form;
mod help;
mod history;
mod meetings;
pub mod pieces;
mod review;
mod room;
mod search;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::keymap::Keymap;
use super::model::{FlashKind, Model, Screen};
use super::theme::Theme;
use super::ui::{Modal, Ui};
use widgets::{label, line};

/// Below this size the screens cannot be drawn; one line says so instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Draws the whole frame.
pub fn draw(frame: &mut Frame<'_>, model: &Model, ui: &mut Ui, theme: &Theme, keymap: &Keymap) {
    let area = frame.area();
    ui.height = area.height;
    let lang = model.lang;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let s = lang.strings().tui;
        let at = Rect::new(area.x, area.y, area.width, area.height.min(1));
        line(frame.buffer_mut(), at, s.too_small, theme.error, lang);
        return;
    }
    let body = Rect::new(area.x, area.y, area.width, area.height - 2);
    let footer = Rect::new(area.x, area.y + area.height - 2, area.width, 2);
    match (model.screen, &model.room) {
        (Screen::Room, Some(room)) => room::draw(frame, body, model, room, &mut ui.scroll, theme),
        (Screen::Welcome, _) => meetings::welcome(frame, body, model, theme),
        (Screen::Review, _) => review::draw(frame, body, model, &mut ui.scroll, theme),
        (Screen::Search, _) => search::draw(frame, body, model, ui, theme),
        (Screen::Directory, _) => directory::draw(frame, body, model, &mut ui.scroll, theme),
        _ => meetings::draw(frame, body, model, &mut ui.scroll, theme),
    }
    draw_footer(frame, footer, model, theme);
    let scroll = &mut ui.scroll;
    // Every modal is drawn, bottom first, so a question stands over the form it is about.
    for modal in &mut ui.modals {
        match modal {
            Modal::Form(f) => form::draw(frame, area, model, f, theme),
            Modal::Confirm { question, .. } => {
                dialogs::confirm(frame, area, model, question.as_str(), theme)
            }
            Modal::Menu(m) => dialogs::menu(frame, area, model, m, theme),
            Modal::Attendance { selected } => {
                dialogs::attendance(frame, area, model, *selected, scroll, theme)
            }
            Modal::Help {
                scroll: offset,
                dialog,
                screen,
            } => {
                let opened = help::Opened {
                    dialog: *dialog,
                    screen: *screen,
                };
                help::draw(frame, area, model, keymap, opened, offset, theme)
            }
            Modal::History {
                view,
                scroll: offset,
            } => history::draw(frame, area, model, view, offset, theme),
        }
    }
}

/// The status line (what was saved, or what went wrong) and the screen's main keys.
fn draw_footer(frame: &mut Frame<'_>, area: Rect, model: &Model, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let buf = frame.buffer_mut();
    if let Some(flash) = &model.flash {
        let style = match flash.kind {
            FlashKind::Done => theme.success,
            FlashKind::Error => theme.error,
        };
        label(
            buf,
            Rect::new(area.x, area.y, area.width, 1),
            flash.text.as_str(),
            style,
            lang,
        );
    }
    let keys = match model.screen {
        Screen::Welcome => s.welcome_keys,
        Screen::Meetings => s.meetings_keys,
        Screen::Room => s.room_keys,
        Screen::Review => s.review_keys,
        Screen::Search => s.search_keys,
        Screen::Directory => s.directory_keys,
    };
    label(
        buf,
        Rect::new(area.x, area.y + 1, area.width, 1),
        &fit_keys(keys, usize::from(area.width)),
        theme.muted,
        lang,
    );
}

/// The keys that fit `width`: whole hints from the first on, and the one for help (`?`), or
/// else the last (`Esc`), always, so a hint line never ends in a cut word and always says
/// where the rest are or how to leave.
pub(super) fn fit_keys(keys: &str, width: usize) -> String {
    const SEPARATOR: &str = " · ";
    let w = crate::text::display_width;
    if w(keys) <= width {
        return keys.to_string();
    }
    let hints: Vec<&str> = keys.split(SEPARATOR).collect();
    let help = hints
        .iter()
        .position(|h| h.starts_with("?:"))
        .or(hints.len().checked_sub(1));
    let mut used = help.map_or(0, |i| w(hints[i]) + w(SEPARATOR));
    let mut kept = Vec::new();
    for (i, hint) in hints.iter().enumerate() {
        if Some(i) == help {
            continue;
        }
        let more = w(hint) + if kept.is_empty() { 0 } else { w(SEPARATOR) };
        if used + more > width {
            break;
        }
        used += more;
        kept.push(*hint);
    }
    if let Some(i) = help {
        kept.push(hints[i]);
    }
    kept.join(SEPARATOR)
}
