//! `hamyar bidi` end to end: the binary against the committed FriBidi expectations.

use assert_cmd::Command;

const CORPUS: &str = include_str!("../../crates/ratatui-bidi/tests/fixtures/bidi/corpus.txt");
const EXPECTED_RTL: &str =
    include_str!("../../crates/ratatui-bidi/tests/fixtures/bidi/expected-rtl.txt");
const EXPECTED_LTR: &str =
    include_str!("../../crates/ratatui-bidi/tests/fixtures/bidi/expected-ltr.txt");
const CLUSTERS: &str =
    include_str!("../../crates/ratatui-bidi/tests/fixtures/bidi/deliberate-clusters.tsv");

fn bidi(args: &[&str], input: impl Into<Vec<u8>>) -> String {
    let out = Command::cargo_bin("hamyar")
        .unwrap()
        .arg("bidi")
        .args(args)
        .write_stdin(input.into())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Every corpus line as FriBidi lays it out, except the ones where FriBidi reverses an emoji
/// sequence code point by code point (`deliberate-clusters.tsv`, width `none`), which differ.
#[test]
fn the_corpus_comes_out_as_fribidi_lays_it_out() {
    for (dir, expected) in [("rtl", EXPECTED_RTL), ("ltr", EXPECTED_LTR)] {
        let deliberate: Vec<usize> = CLUSTERS
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f.len() > 2 && f[0] == dir && f[1] == "none")
            .map(|f| f[2].parse().unwrap())
            .collect();
        assert!(!deliberate.is_empty());
        let out = bidi(&[&format!("--{dir}")], CORPUS);
        assert_eq!(out.lines().count(), expected.lines().count());
        for (i, (got, want)) in out.lines().zip(expected.lines()).enumerate() {
            let listed = deliberate.contains(&(i + 1));
            assert_eq!(got != want, listed, "{dir} line {}: {got}", i + 1);
        }
    }
}

#[test]
fn a_megabyte_streams_through() {
    let mut input = String::new();
    while input.len() < 1 << 20 {
        input.push_str(CORPUS);
    }
    let lines = input.lines().count();
    let out = bidi(&["--rtl"], input);
    assert_eq!(out.lines().count(), lines);
    assert!(out.starts_with(EXPECTED_RTL.lines().next().unwrap()));
}

#[test]
fn width_wraps_and_no_line_is_wider() {
    let out = bidi(
        &["--width", "20"],
        "مصوبه ۲/۳: بانک توسعه تعاون (شعبه کرمان) تا ۱۴۰۵/۰۹/۳۰ اقدام کند.\n",
    );
    assert!(out.lines().count() > 1, "{out}");
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 20, "{line}");
    }
}

#[test]
fn controls_and_overrides_are_removed_and_bad_utf8_survives() {
    let out = bidi(
        &["--ltr"],
        b"abc\x1b[2J\xe2\x80\xae def \xff ghi\n".to_vec(),
    );
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}'),
        "{out:?}"
    );
    assert!(out.contains('◂'), "the override is shown: {out:?}");
    assert!(out.contains("def"), "{out:?}");
    assert!(out.contains('\u{FFFD}'), "{out:?}");
}

/// Every bidi control in one line: isolates, embeddings and marks are honoured inside the line;
/// the overrides are shown as marks and force nothing.
#[test]
fn isolates_are_honoured_and_overrides_shown_as_marks() {
    // An isolate keeps «abc» from deciding the direction of the paragraph (rule P2).
    assert_eq!(
        bidi(&["--auto"], "\u{2066}abc\u{2069} سلام\n"),
        "ﻡﻼﺳ \u{2069}abc\u{2066}\n"
    );
    // In a right-to-left embedding, the «!» after a Latin word goes to its left (rule N1).
    let out = bidi(&["--ltr"], "x \u{202B}abc!\u{202C} y\n");
    assert_eq!(out.replace(['\u{202B}', '\u{202C}'], ""), "x !abc y\n");
    assert_eq!(bidi(&["--ltr"], "x abc! y\n"), "x abc! y\n");
    // RLO would have drawn "abc" as "cba"; it is shown as ◂ and the letters stay in order.
    for control in ["\u{202E}", "\u{202D}"] {
        let out = bidi(&["--ltr"], format!("x {control}abc\u{202C} y\n"));
        assert!(out.contains("abc") && !out.contains(control), "{out:?}");
        assert!(out.contains('◂') || out.contains('▸'), "{out:?}");
    }
}

/// U+2029 ends a paragraph (rule P1): the next one resolves its own direction and is written
/// as a line of its own.
#[test]
fn a_paragraph_separator_splits_paragraphs() {
    assert_eq!(
        bidi(&["--auto"], "abc (1)\u{2029}سلام (۲)\n"),
        "abc (1)\n(۲) ﻡﻼﺳ\n"
    );
    // The information separators and NEL are paragraph separators too.
    assert_eq!(
        bidi(&["--auto"], "abc\u{1C}سلام\u{85}def\n"),
        "abc\nﻡﻼﺳ\ndef\n"
    );
}

/// A tab is a segment separator: in a left-to-right line, the right-to-left text on either side
/// of it stays on its side (rule L1), and it is written as spaces.
#[test]
fn a_tab_keeps_its_class_and_is_drawn_as_spaces() {
    assert_eq!(bidi(&["--ltr"], "سلام\tخوب\n"), "ﻡﻼﺳ    ﺏﻮﺧ\n");
    assert_eq!(bidi(&["--ltr"], "سلام خوب\n"), "ﺏﻮﺧ ﻡﻼﺳ\n");
}

#[test]
fn terminal_mode_keeps_logical_order() {
    let line = "نشست دوم (۱۳۹۳)";
    let out = bidi(&["--rtl"], format!("{line}\n"));
    assert_ne!(out.trim_end(), line);
    let out = Command::cargo_bin("hamyar")
        .unwrap()
        .args(["--bidi", "terminal", "bidi", "--rtl"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().trim_end(), line);
}

/// Issue 6, defect 3: an emoji sequence is one grapheme cluster, kept in order inside when its
/// line is reordered, and measured as two cells.
#[test]
fn emoji_clusters_keep_their_order_in_persian_text() {
    // The woman stays before her skin tone, and the family keeps its order.
    assert_eq!(bidi(&[], "سلام 👩🏽 خوب\n"), "ﺏﻮﺧ 👩🏽 ﻡﻼﺳ\n");
    assert_eq!(
        bidi(&[], "سلام 👨\u{200D}👩\u{200D}👧 خوب\n"),
        "ﺏﻮﺧ 👨\u{200D}👩\u{200D}👧 ﻡﻼﺳ\n"
    );
    assert_eq!(bidi(&[], "پرچم 🇮🇷 و 1️⃣\n"), "1️⃣ ﻭ 🇮🇷 ﻢﭼﺮﭘ\n");
}

#[test]
fn an_emoji_sequence_is_never_split_by_wrapping() {
    for width in ["1", "2", "3", "4"] {
        let out = bidi(&["--width", width], "سلام 👩🏽 خوب\n");
        let w: usize = width.parse().unwrap();
        // Two cells: on a line of its own from width 2 up, drawn as … when it cannot fit.
        let own = if w >= 2 { "👩🏽" } else { "…" };
        assert!(
            out.lines().any(|l| l.trim() == own),
            "width {width}: {out:?}"
        );
        assert!(!out.contains('\u{1F3FD}') || out.contains("👩🏽"), "{out:?}");
        assert!(!out.contains('\u{1F469}') || out.contains("👩🏽"), "{out:?}");
    }
}
