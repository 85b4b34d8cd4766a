use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;

fn ev(key: &str) -> KeyEvent {
    key.parse::<Key>().unwrap().to_event()
}

fn room(keymap: &Keymap, key: &str) -> Option<Action> {
    keymap.resolve(Mode::Room, &ev(key))
}

fn table(text: &str) -> toml::Table {
    text.parse().unwrap()
}

/// The key contract: each key, its Persian-layout twin (where the layout has one), and the
/// action, in the meeting room.
const CONTRACT: &[(&str, Option<&str>, Action)] = &[
    ("q", Some("ض"), Action::Quit),
    ("?", Some("؟"), Action::Help),
    ("j", Some("ت"), Action::Down),
    ("k", Some("ن"), Action::Up),
    ("down", None, Action::Down),
    ("up", None, Action::Up),
    ("left", None, Action::Left),
    ("right", None, Action::Right),
    ("tab", None, Action::NextPane),
    ("[", Some("ج"), Action::PrevTab),
    ("]", Some("چ"), Action::NextTab),
    ("d", Some("ی"), Action::NewDecision),
    ("t", Some("ف"), Action::NewStatement),
    ("i", Some("ه"), Action::NewIssue),
    ("a", Some("ش"), Action::Attendance),
    ("m", Some("پ"), Action::MeetingStatus),
    ("e", Some("ث"), Action::Edit),
    ("u", Some("ع"), Action::Undo),
    ("esc", None, Action::Back),
    ("r", Some("ق"), Action::Review),
    ("/", None, Action::Search),
    ("h", Some("ا"), Action::History),
    ("f", Some("ب"), Action::FollowUp),
    ("y", Some("غ"), Action::Copy),
];

#[test]
fn every_contract_key_works_in_the_room_in_both_layouts() {
    let k = Keymap::builtin().unwrap();
    for (key, twin, action) in CONTRACT {
        assert_eq!(room(&k, key).as_ref(), Some(action), "{key}");
        if let Some(twin) = twin {
            assert_eq!(
                room(&k, twin).as_ref(),
                Some(action),
                "{twin} (twin of {key})"
            );
        }
    }
    let digits = ["۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"];
    for (n, fa) in (1..=9u8).zip(digits) {
        assert_eq!(room(&k, &n.to_string()), Some(Action::GotoTab(n)));
        assert_eq!(room(&k, fa), Some(Action::GotoTab(n)), "{fa}");
    }
}

#[test]
fn new_meeting_in_the_meetings_screen() {
    let k = Keymap::builtin().unwrap();
    for key in ["n", "د"] {
        assert_eq!(
            k.resolve(Mode::Meetings, &ev(key)),
            Some(Action::NewMeeting)
        );
    }
    assert_eq!(room(&k, "n"), None, "n does nothing in the room");
    assert_eq!(k.resolve(Mode::Dialog, &ev("غ")), Some(Action::Yes));
    assert_eq!(k.resolve(Mode::Dialog, &ev("د")), Some(Action::No));
    assert_eq!(k.resolve(Mode::Help, &ev("؟")), Some(Action::Back));
}

#[test]
fn nothing_is_a_shortcut_while_typing() {
    let k = Keymap::builtin().unwrap();
    for mode in [Mode::Form, Mode::Picker, Mode::Search] {
        for key in [
            "d",
            "ی",
            "q",
            "ض",
            "?",
            "1",
            "۳",
            "/",
            "space",
            "backspace",
            "ctrl+c",
        ] {
            let e = ev(key);
            if mode == Mode::Search && key == "ctrl+c" {
                continue;
            }
            assert_eq!(k.resolve(mode, &e), Some(Action::Input(e)), "{mode} {key}");
        }
    }
    let form = |key: &str| k.resolve(Mode::Form, &ev(key));
    assert_eq!(form("tab"), Some(Action::NextField));
    assert_eq!(form("shift+tab"), Some(Action::PrevField));
    assert_eq!(form("ctrl+s"), Some(Action::Save));
    assert_eq!(
        form("ctrl+س"),
        Some(Action::Save),
        "Ctrl+S in the Persian layout"
    );
    assert_eq!(form("esc"), Some(Action::Back));
    assert_eq!(form("enter"), Some(Action::Select));
    assert_eq!(form("alt+space"), Some(Action::Zwnj));
    assert_eq!(form("ctrl+space"), Some(Action::Zwnj));
}

#[test]
fn releases_are_not_keys_and_unbound_keys_do_nothing() {
    let k = Keymap::builtin().unwrap();
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(k.resolve(Mode::Room, &release), None);
    assert_eq!(room(&k, "z"), None);
    assert_eq!(room(&k, "ظ"), None);
    assert_eq!(room(&k, "f9"), None);
}

#[test]
fn overrides_replace_add_and_unbind_with_their_twins() {
    let mut k = Keymap::builtin().unwrap();
    k.with_overrides(&table(
        r#"
        room = { "d" = "none", "x" = "new_decision", "ctrl+e" = "edit" }
        global = { "q" = "none" }
        "#,
    ))
    .unwrap();
    assert_eq!(room(&k, "d"), None);
    assert_eq!(room(&k, "ی"), None, "the twin follows its key");
    assert_eq!(room(&k, "x"), Some(Action::NewDecision));
    assert_eq!(room(&k, "ط"), Some(Action::NewDecision), "twin of x");
    assert_eq!(room(&k, "ctrl+e"), Some(Action::Edit));
    assert_eq!(room(&k, "e"), Some(Action::Edit), "untouched keys stay");
    assert_eq!(room(&k, "q"), None);
    assert_eq!(room(&k, "ctrl+c"), Some(Action::Quit));
    // An unbinding in a mode hides the global key there.
    k.with_overrides(&table(r#"room = { "/" = "none" }"#))
        .unwrap();
    assert_eq!(room(&k, "/"), None);
    assert_eq!(k.resolve(Mode::Meetings, &ev("/")), Some(Action::Search));
    // A form key unbound becomes typed text.
    k.with_overrides(&table(r#"form = { "tab" = "none" }"#))
        .unwrap();
    let tab = ev("tab");
    assert_eq!(k.resolve(Mode::Form, &tab), Some(Action::Input(tab)));
}

#[test]
fn an_explicit_persian_key_beats_a_derived_twin() {
    let mut k = Keymap::builtin().unwrap();
    k.with_overrides(&table(r#"room = { "ی" = "delete" }"#))
        .unwrap();
    assert_eq!(room(&k, "ی"), Some(Action::Delete));
    assert_eq!(room(&k, "d"), Some(Action::NewDecision));
}

fn override_error(text: &str) -> String {
    let mut k = Keymap::builtin().unwrap();
    let before = room(&k, "d");
    let err = k.with_overrides(&table(text)).unwrap_err().to_string();
    assert_eq!(room(&k, "d"), before, "a failed override changes nothing");
    err
}

#[test]
fn bad_overrides_name_the_table_the_key_and_the_value() {
    let e = override_error(r#"room = { "d" = "none", "x" = "exprt" }"#);
    assert!(
        e.starts_with("[keys.room] \"x\" = \"exprt\": not an action"),
        "{e}"
    );
    assert!(e.contains("new_decision") && e.contains("\"none\""), "{e}");
    let e = override_error(r#"rooom = { "x" = "export" }"#);
    assert!(
        e.contains("[keys.rooom] is not a keymap mode") && e.contains("room"),
        "{e}"
    );
    let e = override_error(r#"room = { "ctrl+shift+/" = "export" }"#);
    assert!(e.contains("[keys.room] key \"ctrl+shift+/\""), "{e}");
    let e = override_error(r#"room = { "escp" = "back" }"#);
    assert!(e.contains("unknown key \"escp\""), "{e}");
    let e = override_error(r#"room = { "x" = 3 }"#);
    assert!(e.contains("\"x\" = 3: not an action"), "{e}");
    let e = override_error(r#"room = "x""#);
    assert!(e.contains("[keys.room] must be a table"), "{e}");
    let e = override_error(r#"form = { "x" = "save" }"#);
    assert!(e.contains("form is a text mode"), "{e}");
    let e = override_error(r#"room = { "shift+tab" = "back", "backtab" = "back" }"#);
    assert!(e.contains("are the same key"), "{e}");
    let e = override_error(r#"room = { "x" = "paste" }"#);
    assert!(e.contains("not an action"), "{e}");
}

#[test]
fn the_help_screen_shows_each_key_with_its_twin() {
    let k = Keymap::builtin().unwrap();
    let help = k.help(Mode::Room);
    let line = |key: &str| help.iter().find(|b| b.key.to_string() == key).unwrap();
    let d = line("d");
    assert_eq!(
        (d.layer, d.action.clone()),
        (Layer::Mode(Mode::Room), Action::NewDecision)
    );
    assert_eq!(d.twin.map(|t| t.to_string()).as_deref(), Some("ی"));
    let q = line("q");
    assert_eq!(
        (q.layer, q.twin.map(|t| t.to_string())),
        (Layer::Global, Some("ض".into()))
    );
    assert_eq!(line("?").twin.map(|t| t.to_string()).as_deref(), Some("؟"));
    assert_eq!(line("/").twin, None);
    assert!(
        help.iter().all(|b| b.key.plain_char() != Some('ی')),
        "twins are not own lines"
    );
    // Ordered as the actions are declared: quit first, the tabs last.
    assert_eq!(help[0].action, Action::Quit);
    assert_eq!(
        help.last().map(|b| b.action.clone()),
        Some(Action::GotoTab(9))
    );
    // In the help screen, `?` closes it: the global `?` is hidden there.
    let in_help = k.help(Mode::Help);
    let marks: Vec<_> = in_help
        .iter()
        .filter(|b| b.key.to_string() == "?")
        .collect();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].action, Action::Back);
    // A text mode lists its own keys only.
    assert!(
        k.help(Mode::Form)
            .iter()
            .all(|b| b.layer == Layer::Mode(Mode::Form))
    );
    assert!(k.bindings().count() > help.len());
}

#[test]
fn every_action_but_the_event_ones_has_a_key_somewhere() {
    let k = Keymap::builtin().unwrap();
    for a in Action::bindable() {
        assert!(
            k.bindings().any(|b| b.action == a),
            "{a} has no key in assets/keymap.toml"
        );
    }
}
