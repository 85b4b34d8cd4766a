//! The help: the screen's own keys (and the open dialog's) first, then the global ones, every
//! one, scrollable, readable at 80×24 in both languages.

use hamyar::i18n::{Lang, action_help};
use hamyar::tui::keymap::{HelpPart, Keymap, Mode};
use hamyar::tui::ui::Modal;

use super::support::*;

fn keys_of(part: &hamyar::tui::keymap::HelpSection) -> Vec<String> {
    part.rows.iter().flat_map(|r| r.keys.clone()).collect()
}

#[test]
fn the_rooms_own_keys_come_first_then_the_global_ones_and_none_is_left_out() {
    let keymap = Keymap::builtin().unwrap();
    let sections = keymap.help_sections(None, Mode::Room);
    assert_eq!(sections[0].part, HelpPart::Screen(Mode::Room));
    let own = keys_of(&sections[0]);
    for k in [
        "d", "t", "i", "a", "m", "e", "delete", "s", "c", "v", "f", "x",
    ] {
        assert!(own.iter().any(|o| o == k), "{k} in {own:?}");
    }
    assert_eq!(sections[1].part, HelpPart::Global);
    let global = keys_of(&sections[1]);
    for k in ["q", "?", "u", "ctrl+z", "r", "/", "h", "[", "1–9"] {
        assert!(global.iter().any(|g| g == k), "{k} in {global:?}");
    }
    // Every key of the room's table and of the global one it does not hide is listed.
    let listed: Vec<String> = sections.iter().flat_map(keys_of).collect();
    for b in keymap.bindings() {
        let applies = match b.layer {
            hamyar::tui::keymap::Layer::Mode(Mode::Room) => true,
            hamyar::tui::keymap::Layer::Global => !own.contains(&b.key.to_string()),
            _ => false,
        };
        let key = b.key.to_string();
        // The tab digits are one row, «1–9».
        let tab_digit = key.len() == 1 && key.chars().all(|c| ('1'..='9').contains(&c));
        if applies && !tab_digit {
            assert!(listed.contains(&key), "{key} missing");
        }
    }
}

#[test]
fn every_bindable_action_has_its_words_in_both_languages() {
    let keymap = Keymap::builtin().unwrap();
    for b in keymap.bindings() {
        for lang in [Lang::Fa, Lang::En] {
            assert!(
                action_help(lang, b.action.name()).is_some(),
                "{} ({}) has no help in {lang:?}",
                b.action.name(),
                b.key
            );
        }
    }
}

fn opened(h: &Harness) -> (Option<Mode>, Mode) {
    match h.app.ui.top() {
        Some(Modal::Help { dialog, screen, .. }) => (*dialog, *screen),
        other => panic!("the help is open, not {other:?}"),
    }
}

#[test]
fn the_help_opens_over_a_dialog_with_its_keys_first() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("؟"); // ? on the Persian layout
    assert_eq!(opened(&h), (None, Mode::Room));
    h.key("esc").key("a").key("?");
    assert_eq!(opened(&h), (Some(Mode::Attendance), Mode::Room));
    h.key("esc");
    assert!(
        matches!(h.app.ui.top(), Some(Modal::Attendance { .. })),
        "back to the dialog"
    );
    h.key("esc").key("d").event(hamyar::tui::event::Event::key(
        crossterm::event::KeyCode::F(1),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(opened(&h), (Some(Mode::Form), Mode::Room), "F1 in a form");
}

#[test]
fn the_help_at_80x24_and_100x30_in_both_languages() {
    for lang in [Lang::Fa, Lang::En] {
        let name = match lang {
            Lang::Fa => "fa",
            Lang::En => "en",
        };
        for (w, hgt) in [(80, 24), (100, 30)] {
            let mut h = Harness::demo(lang);
            h.key("?");
            let first = h.screen(w, hgt);
            assert!(!first.contains("+ctrl"), "a key read backwards:\n{first}");
            insta::assert_snapshot!(format!("help_room_{name}_{w}x{hgt}"), first);
            // Scrolled to the end: the last global keys show.
            for _ in 0..60 {
                h.key("j");
            }
            insta::assert_snapshot!(format!("help_room_end_{name}_{w}x{hgt}"), h.screen(w, hgt));
        }
        let mut h = Harness::demo(lang);
        h.key("a").key("?");
        insta::assert_snapshot!(format!("help_attendance_{name}_80x24"), h.screen(80, 24));
    }
}
