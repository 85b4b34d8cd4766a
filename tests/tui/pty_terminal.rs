//! The terminal guard and the event layer in a real pseudo-terminal.
//!
//! Each test runs twice: as the parent, it starts this test binary again in a pty, filtered to
//! the same test, with `HAMYAR_PTY_CHILD` set; as that child, it sets the terminal up with
//! [`TerminalGuard`] and reports on screen every event it reads and what the keymap makes of it.

use std::io::Write;
use std::time::Duration;

use hamyar::text::BidiMode;
use hamyar::tui::event::{Event, EventSource, PASTE_LIMIT_CHARS, cap_paste};
use hamyar::tui::keymap::{Key as KeyName, Keymap, Mode};
use hamyar::tui::terminal::{TerminalGuard, TerminalOptions};

use super::keys::Key;
use super::pty::{Pty, PtyCommand, SHORT};

const CHILD: &str = "HAMYAR_PTY_CHILD";
const MARK: &str = "HAMYAR_PTY_MARK";

/// In the child, runs `scenario` and returns true; in the parent, returns false.
fn as_child(scenario: fn()) -> bool {
    if std::env::var_os(CHILD).is_none() {
        return false;
    }
    scenario();
    true
}

/// Starts this test binary in a pty, running only `test` (a name in this module) as the child.
fn child(test: &str, kitty: bool) -> PtyCommand {
    let module = module_path!().split_once("::").map_or("", |m| m.1);
    PtyCommand::new(std::env::current_exe().unwrap())
        .args([
            &format!("{module}::{test}"),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env("HAMYAR_PTY_KITTY", if kitty { "1" } else { "0" })
        .kitty_keyboard(kitty)
        .size(100, 40)
}

/// Best effort: once the terminal is closed a write fails, and the kernel's SIGCONT that comes
/// with the hang-up can be read (and said) before its SIGHUP; the mark file is the witness then.
fn say(line: &str) {
    let mut out = std::io::stdout();
    let _ = write!(out, "{line}\r\n");
    let _ = out.flush();
}

/// The child: reports events until quit or terminate, then restores the terminal and says how
/// it ended, on the screen and in the `HAMYAR_PTY_MARK` file.
fn echo_events() {
    let options = TerminalOptions {
        bidi: BidiMode::App,
        in_tmux: false,
        keyboard_enhancement: std::env::var("HAMYAR_PTY_KITTY").as_deref() == Ok("1"),
    };
    let guard = TerminalGuard::enter(&options).unwrap();
    let keymap = Keymap::builtin().unwrap();
    let mut events = guard.events();
    say("ready");
    let reason = loop {
        let Some(event) = events.next(Duration::from_secs(1)).unwrap() else {
            continue;
        };
        match event {
            Event::Key(k) => {
                let name = |m| keymap.resolve(m, &k).map_or("-", |a| a.name());
                let (room, form) = (name(Mode::Room), name(Mode::Form));
                say(&format!(
                    "key {} room={room} form={form}",
                    KeyName::from_event(&k)
                ));
                if room == "quit" {
                    break "quit";
                }
            }
            Event::Paste(text) => {
                let bytes = text.len();
                let capped = cap_paste(text, PASTE_LIMIT_CHARS);
                let kept = capped.text.chars().count();
                say(&format!(
                    "paste {bytes} bytes, kept {kept}, dropped {}",
                    capped.dropped_chars
                ));
            }
            Event::Resize(w, h) => say(&format!("resize {w}x{h}")),
            Event::Tick => {}
            Event::Suspend => say("suspend"),
            Event::Resumed => say("resumed"),
            Event::Terminate => break "terminate",
        }
    };
    drop(guard);
    if let Some(mark) = std::env::var_os(MARK) {
        std::fs::write(mark, format!("clean exit after {reason}")).unwrap();
    }
    say(&format!("clean exit after {reason}"));
}

fn start(test: &str, kitty: bool) -> Pty {
    let mut p = child(test, kitty).spawn();
    p.wait_for(
        "the child's terminal set up",
        |s| s.alternate && s.contains("ready"),
        SHORT,
    );
    p
}

fn restored(p: &Pty) {
    let s = p.screen();
    assert!(
        !s.alternate && !s.cursor_hidden && !s.bracketed_paste,
        "not restored:\n{s}"
    );
    let out = p.output();
    let at = |seq: &[u8]| out.windows(seq.len()).rposition(|w| w == seq);
    assert!(at(b"\x1b[8l").is_some(), "BDSM was not sent");
    assert!(at(b"\x1b[8h") > at(b"\x1b[8l"), "BDSM was not reset");
}

#[test]
fn keys_pastes_and_resizes_reach_the_app_in_both_layouts() {
    if as_child(echo_events) {
        return;
    }
    let mut p = start(
        "keys_pastes_and_resizes_reach_the_app_in_both_layouts",
        false,
    );
    let s = p.screen();
    assert!(s.bracketed_paste, "bracketed paste is on:\n{s}");
    let expect = [
        ("d", "key d room=new_decision form=input"),
        ("ی", "key ی room=new_decision form=input"),
        ("؟", "key ؟ room=help form=input"),
        ("۳", "key ۳ room=goto_tab_3 form=input"),
        ("ت", "key ت room=down form=input"),
    ];
    for (typed, line) in expect {
        p.send_text(typed);
        p.wait_for_text(line, SHORT);
    }
    for (key, line) in [
        (Key::Ctrl('s'), "key ctrl+s room=- form=save"),
        (Key::Tab, "key tab room=next_pane form=next_field"),
        (Key::BackTab, "key shift+tab room=prev_pane form=prev_field"),
        (Key::Alt(' '), "key alt+space room=- form=zwnj"),
        (Key::Ctrl(' '), "key ctrl+space room=- form=zwnj"),
        (Key::Up, "key up room=up form=up"),
        (Key::Esc, "key esc room=back form=back"),
    ] {
        p.send(key);
        p.wait_for_text(line, SHORT);
    }
    // A megabyte pasted at once arrives whole, as one event.
    let sentence = "بانک توسعه تعاون (شعبه کرمان) تا ۱۴۰۵/۰۹/۳۰ «اقدام» کند؛ SMS می‌فرستد.\n";
    let big = sentence.repeat((1 << 20) / sentence.len() + 1);
    p.paste(&big);
    let line = format!("paste {} bytes, kept {PASTE_LIMIT_CHARS}", big.len());
    p.wait_for_text(&line, SHORT);
    p.resize(60, 20);
    p.wait_for_text("resize 60x20", SHORT);
    p.send_text("ض");
    assert!(p.wait_exit(SHORT).success(), "{}", p.screen());
    restored(&p);
    // Read from the output: at 60 columns the line may wrap.
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.contains("clean exit after quit"), "{}", p.screen());
}

#[test]
fn sigterm_ends_the_app_through_its_normal_exit() {
    if as_child(echo_events) {
        return;
    }
    let mut p = start("sigterm_ends_the_app_through_its_normal_exit", false);
    p.signal("TERM");
    assert!(p.wait_exit(SHORT).success(), "{}", p.screen());
    restored(&p);
    assert!(
        p.screen().contains("clean exit after terminate"),
        "{}",
        p.screen()
    );
}

#[test]
fn closing_the_terminal_ends_the_app_through_its_normal_exit() {
    if as_child(echo_events) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mark = dir.path().join("mark");
    let mut p = child(
        "closing_the_terminal_ends_the_app_through_its_normal_exit",
        false,
    )
    .env(MARK, &mark)
    .spawn();
    p.wait_for_text("ready", SHORT);
    // The exit status does not matter: the test runner's own report fails on a closed terminal.
    p.hang_up(SHORT);
    let said = std::fs::read_to_string(&mark).unwrap_or_default();
    assert_eq!(said, "clean exit after terminate");
}

#[test]
fn the_kitty_keyboard_protocol_is_used_where_offered_and_popped() {
    if as_child(echo_events) {
        return;
    }
    for kitty in [true, false] {
        let mut p = start(
            "the_kitty_keyboard_protocol_is_used_where_offered_and_popped",
            kitty,
        );
        p.send_text("ض");
        assert!(p.wait_exit(SHORT).success(), "{}", p.screen());
        restored(&p);
        let out = p.output();
        let has = |seq: &[u8]| out.windows(seq.len()).any(|w| w == seq);
        assert_eq!(has(b"\x1b[>1u"), kitty, "pushed");
        assert_eq!(has(b"\x1b[<1u"), kitty, "popped");
        assert!(
            !has(b"\x1b[?1000h") && !has(b"\x1b[?1006h"),
            "no mouse capture"
        );
    }
}

fn panic_in_the_app() {
    let options = TerminalOptions {
        bidi: BidiMode::App,
        in_tmux: false,
        keyboard_enhancement: false,
    };
    let _guard = TerminalGuard::enter(&options).unwrap();
    say("about to panic");
    panic!("a deliberate panic «آزمون»");
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    if as_child(panic_in_the_app) {
        return;
    }
    let mut p = child("a_panic_restores_the_terminal_before_its_message", false).spawn();
    let status = p.wait_exit(SHORT);
    assert!(!status.success());
    restored(&p);
    let s = p.screen();
    assert!(
        s.contains("a deliberate panic «آزمون»"),
        "the message is on the normal screen:\n{s}"
    );
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let left = out.rfind("\x1b[?1049l").unwrap();
    assert!(
        out.rfind("a deliberate panic").unwrap() > left,
        "restored before the message"
    );
}
