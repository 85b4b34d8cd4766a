//! Signals to the real binary in a pseudo-terminal, with a form open: SIGTERM, SIGHUP and
//! SIGINT end hamyar through its normal exit (the terminal sane again, what was typed offered
//! back at the next start, nothing committed lost); SIGTSTP hands the terminal back while it is
//! stopped, and SIGCONT takes it up again with the form as it was.

use std::path::Path;

use super::e2e::{demo, open, record_decision, shown};
use super::keys::Key;
use super::pty::{Pty, SHORT};

const TYPED: &str = "اداره کل صمت نمایشگاه «بهاره» ۱۴۰۵ را برگزار کند (SMS)";

/// The terminal as a shell expects it: alternate screen off, cursor shown, no bracketed paste,
/// and the line discipline cooked (canonical input, echo, output processing).
fn sane(p: &Pty) {
    let s = p.screen();
    assert!(
        !s.alternate && !s.cursor_hidden && !s.bracketed_paste,
        "not restored:\n{s}"
    );
    let t = p.termios().expect("the pty's termios");
    use nix::sys::termios::{InputFlags, LocalFlags, OutputFlags};
    assert!(
        t.local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG),
        "stty not sane: {:?}",
        t.local_flags
    );
    assert!(
        t.output_flags.contains(OutputFlags::OPOST),
        "{:?}",
        t.output_flags
    );
    assert!(
        t.input_flags.contains(InputFlags::ICRNL),
        "{:?}",
        t.input_flags
    );
}

/// The room with one decision recorded (committed) and the decision form open with `TYPED`.
fn typing(db: &Path, dir: &tempfile::TempDir) -> Pty {
    let mut p = open(db, dir);
    record_decision(&mut p, "بانک توسعه تعاون وام بدهد");
    p.wait_for_text(&shown("مصوبهٔ ۲/۸ ثبت شد."), SHORT);
    p.send_text("ی"); // d
    p.wait_for_text(&shown("مصوبه تازه"), SHORT);
    p.send_text(TYPED);
    p.wait_for_text(&shown(TYPED), SHORT);
    p
}

#[test]
fn term_hup_and_int_restore_the_terminal_and_offer_the_typing_back() {
    for signal in ["TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let db = demo(&dir);
        let mut p = typing(&db, &dir);
        p.signal(signal);
        let status = p.wait_exit(SHORT);
        assert!(status.success(), "SIG{signal}: {status:?}\n{}", p.screen());
        sane(&p);
        let mut p = open(&db, &dir);
        p.wait_for_text(&shown("برگردانده شود؟"), SHORT);
        p.send_text("y");
        p.wait_for_text(&shown(TYPED), SHORT);
        p.send(Key::Esc);
        p.send_text("y");
        // The decision saved before the signal is there.
        p.wait_for_text("۲/۸", SHORT);
        p.send_text("q");
        assert!(p.wait_exit(SHORT).success(), "SIG{signal}");
    }
}

#[test]
fn tstp_hands_the_terminal_back_and_cont_takes_it_up_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(&dir);
    let mut p = typing(&db, &dir);
    p.signal("TSTP");
    p.wait_for("the normal screen while stopped", |s| !s.alternate, SHORT);
    sane(&p);
    p.signal("CONT");
    p.wait_for(
        "the form again, as it was",
        |s| s.alternate && s.contains(&shown(TYPED)),
        SHORT,
    );
    p.send(Key::Tab);
    p.send_text("بانك");
    p.wait_for_text(&shown("بانک توسعه تعاون"), SHORT);
    p.send(Key::Enter);
    p.send(Key::Ctrl('s'));
    p.wait_for_text(&shown("مصوبهٔ ۲/۹ ثبت شد."), SHORT);
    p.send_text("q");
    assert!(p.wait_exit(SHORT).success());
    sane(&p);
}
