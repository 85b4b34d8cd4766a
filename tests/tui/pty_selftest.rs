//! The harness proven on what `hamyar` does besides the interactive app: print a table on a
//! terminal, and lay out lines typed at the terminal (`hamyar bidi`).

use std::time::Duration;

use hamyar::text::{BaseDirection, BidiMode, FilterOptions, bidi_filter};

use super::keys::Key;
use super::pty::{PtyCommand, SHORT};

/// What `hamyar bidi --rtl` writes for `line`, from the library: the oracle for the screen.
fn visual(line: &str) -> String {
    let mut out = Vec::new();
    let opts = FilterOptions {
        base: BaseDirection::Rtl,
        width: None,
        sanitize: true,
        mode: BidiMode::App,
    };
    bidi_filter(format!("{line}\n").as_bytes(), &mut out, &opts).unwrap();
    String::from_utf8(out).unwrap().trim_end().to_string()
}

#[test]
fn the_demo_tables_are_printed_and_the_program_exits() {
    // `--demo` builds its database in a temporary file of its own.
    let mut p = PtyCommand::hamyar()
        .args(["--demo", "actions"])
        .size(200, 40)
        .spawn();
    let status = p.wait_exit(SHORT);
    assert!(status.success(), "{status:?}\n{}", p.screen());
    let screen = p.screen();
    assert!(
        !screen.alternate,
        "the tables are printed on the normal screen"
    );
    // Decision 2/4's agency and deadline, as the terminal shows them.
    for logical in ["بانک توسعه تعاون", "۱۳۹۳/۰۴/۳۱"] {
        let shown = visual(logical);
        assert!(
            screen.contains(&shown),
            "{logical:?} shown as {shown:?}:\n{screen}"
        );
    }
}

#[test]
fn typed_persian_lines_come_back_laid_out_and_ctrl_d_ends_the_input() {
    let mut p = PtyCommand::hamyar()
        .args(["bidi", "--rtl"])
        .size(100, 20)
        .spawn();
    let line = "مصوبه ۲/۳: بانک (شعبه کرمان) «SMS» می‌فرستد";
    p.send_text(line);
    p.send(Key::Enter);
    let shown = visual(line);
    assert_ne!(shown, line, "the layout differs from the logical order");
    p.wait_for(
        "the laid-out line under the echoed one",
        |s| {
            s.find(&shown)
                .is_some_and(|(row, _)| s.row(row - 1).contains(line))
        },
        SHORT,
    );
    p.send(Key::Ctrl('d'));
    let status = p.wait_exit(SHORT);
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_resized_terminal_and_kill_9() {
    let mut p = PtyCommand::hamyar()
        .args(["bidi", "--ltr"])
        .size(80, 24)
        .spawn();
    p.send_text("abc\r");
    p.wait_for_text("abc", SHORT);
    p.resize(40, 10);
    let screen = p.screen();
    assert_eq!(screen.size, (40, 10));
    assert_eq!(screen.rows.len(), 10);
    let status = p.kill9();
    assert!(!status.success());
    assert!(status.signal().is_some(), "{status:?}");
}

#[test]
fn waiting_in_vain_fails_with_the_screen() {
    let mut p = PtyCommand::hamyar()
        .args(["bidi", "--ltr"])
        .size(60, 8)
        .spawn();
    p.send_text("visible line\r");
    p.wait_for_text("visible line", SHORT);
    let failure = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        p.wait_for_text("never shown", Duration::from_millis(200));
    }))
    .unwrap_err();
    let message = failure.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("\"never shown\" on the screen, in vain"),
        "{message}"
    );
    assert!(message.contains("│visible line"), "{message}");
    assert!(message.contains("60×8"), "{message}");
}
