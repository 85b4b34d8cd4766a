//! `hamyar synth` on a terminal: one progress line rewritten in place, in the interface's
//! language and digits, and erased before the report is printed.

use super::pty::{PtyCommand, SHORT};

#[test]
fn synth_rewrites_one_progress_line_and_erases_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("en", "writing meetings: 40 of 40", "synth: 40 meetings"),
        ("fa", "نوشتن نشست‌ها: ۴۰ از ۴۰", "۴۰ نشست"),
    ];
    for (lang, last_progress, report) in cases {
        let db = dir.path().join(format!("{lang}.db"));
        // Logical order on the terminal, so the bytes can be compared with the sentences.
        let mut p = PtyCommand::hamyar()
            .arg("--db")
            .arg(&db)
            .args(["--lang", lang, "--bidi", "terminal"])
            .args(["synth", "--meetings", "40", "--decisions", "400"])
            .spawn();
        assert!(p.wait_exit(SHORT).success(), "{}", p.screen());
        let out = String::from_utf8_lossy(&p.output()).into_owned();
        let shown = out
            .rfind(&format!("\r{last_progress}\x1b[K"))
            .unwrap_or_else(|| panic!("no progress line in {out:?}"));
        let erased = out.rfind("\r\x1b[2K").unwrap();
        assert!(shown < erased, "the line is erased after it was last drawn");
        assert!(
            !out.contains('\n') || out.find('\n') > Some(erased),
            "one line, never scrolled"
        );
        let screen = p.screen();
        assert!(screen.contains(report), "{screen}");
        assert!(!screen.contains(last_progress), "{screen}");
    }
}
