//! Every screen and modal as text, in Persian and English, at 100×30, 80×24 and 60×20 (insta
//! snapshots, read by people: the Persian ones must read right to left), and every screen at
//! sizes from 1×1 to 300×100 without a panic.

use hamyar::i18n::Lang;

use super::support::*;

/// A screen reached from the live meeting by these keys.
const SCREENS: &[(&str, &[&str])] = &[
    ("room", &[]),
    ("room_detail", &["j", "j", "tab"]),
    ("review", &["["]),
    ("meetings", &["esc"]),
    ("decision_form", &["d", "tab"]),
    ("statement_form", &["t"]),
    ("issue_form", &["i"]),
    ("attendance", &["a"]),
    ("status_menu", &["m"]),
    ("help", &["?"]),
    ("discard_question", &["d", "x", "esc"]),
    ("export", &["x"]),
    ("review_screen", &["r"]),
    ("review_grouped", &["r", "g"]),
    ("search_screen", &["/", "ب", "ا", "ن", "ك"]),
    ("history", &["j", "j", "tab", "h"]),
];

fn reach(lang: Lang, keys: &[&str]) -> Harness {
    let mut h = Harness::demo(lang);
    h.keys(keys);
    h
}

#[test]
fn every_screen_in_both_languages_at_two_sizes() {
    for lang in [Lang::Fa, Lang::En] {
        for (name, keys) in SCREENS {
            for (w, hgt) in [(100, 30), (80, 24), (60, 20)] {
                let mut h = reach(lang, keys);
                without_times(&mut h);
                let screen = h.screen(w, hgt);
                let lang_name = match lang {
                    Lang::Fa => "fa",
                    Lang::En => "en",
                };
                insta::assert_snapshot!(format!("{name}_{lang_name}_{w}x{hgt}"), screen);
            }
        }
    }
}

/// The history's headings say when each change was made, which is when the test wrote the demo:
/// the time is replaced by a dash so the snapshot holds still.
fn without_times(h: &mut Harness) {
    for modal in &mut h.app.ui.modals {
        if let hamyar::tui::ui::Modal::History { view, .. } = modal {
            for entry in &mut view.changes {
                if let Some((_, action)) = entry.heading.split_once(" · ") {
                    entry.heading = format!("— · {action}");
                }
            }
        }
    }
}

#[test]
fn the_welcome_screen() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Fa, Lang::En] {
        let mut h = Harness::on(&dir.path().join("empty.db"), lang);
        let name = format!("welcome_{}", if lang == Lang::Fa { "fa" } else { "en" });
        insta::assert_snapshot!(name, h.screen(100, 30));
    }
}

#[test]
fn no_size_panics_and_a_small_one_says_so() {
    for (_, keys) in SCREENS {
        let mut h = reach(Lang::Fa, keys);
        for (w, hgt) in [(1, 1), (10, 3), (40, 10), (300, 100), (39, 10), (40, 9)] {
            let screen = h.screen(w, hgt);
            assert_eq!(screen.lines().count(), usize::from(hgt));
        }
        let small = h.screen(30, 5);
        assert!(
            small.contains("ﮏﭼﻮﮐ"),
            "one line says it is too small: {small}"
        );
    }
}

#[test]
fn a_persian_line_that_starts_with_a_latin_word_reads_right_to_left() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d").typed("SMS برای اعضا ارسال شود");
    let screen = h.screen(100, 30);
    let row = screen
        .lines()
        .find(|l| l.contains("SMS"))
        .expect("the text is on screen");
    // Right to left: the sentence's first word, SMS, is at its right end.
    let sms = row.find("SMS").unwrap();
    let persian = row.find('ﺩ').unwrap();
    assert!(sms > persian, "«{row}»");
}
