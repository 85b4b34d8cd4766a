//! The screens and forms of a secretary's own set-up, as text, in Persian and English, at
//! 100×30 and 80×24 (insta snapshots, read by people: the Persian ones read right to left).

use hamyar::i18n::Lang;

use super::support::*;

/// A screen reached from the demo's live meeting by these keys.
const SCREENS: &[(&str, &[&str])] = &[
    ("directory_agencies", &["p"]),
    ("directory_people", &["p", "]"]),
    ("directory_categories", &["p", "]", "]"]),
    (
        "directory_filtered",
        &["p", "]", "/", "ب", "ا", "ن", "ك", "enter"],
    ),
    ("agency_form", &["p", "n"]),
    ("person_form", &["p", "]", "n"]),
    ("merge_form", &["p", "m", "ب", "ا", "ن", "ک"]),
    ("merge_question", &["p", "m", "ب", "ا", "ن", "ک", "enter"]),
    ("series_form", &["esc", "home", "e"]),
    ("next_meeting_form", &["m", "enter", "esc", "n"]),
    ("meeting_edit_form", &["m", "down"]),
    ("guest_form", &["a", "n"]),
    ("move_issue_new_category", &["c", "ف", "ر", "و", "ش"]),
    ("meetings_with_series", &["esc", "home"]),
];

/// Each screen once per language: its two snapshots, and (in Persian) sizes from 1×1 up
/// without a panic, one line saying a small window is too small.
#[test]
fn the_set_up_screens_in_both_languages_at_two_sizes() {
    for lang in [Lang::Fa, Lang::En] {
        let lang_name = match lang {
            Lang::Fa => "fa",
            Lang::En => "en",
        };
        for (name, keys) in SCREENS {
            let mut h = Harness::demo_copied(lang);
            h.keys(keys);
            for (w, hgt) in [(100, 30), (80, 24)] {
                let screen = h.screen(w, hgt);
                insta::assert_snapshot!(format!("{name}_{lang_name}_{w}x{hgt}"), screen);
            }
            if lang == Lang::Fa {
                for (w, hgt) in [(1, 1), (39, 10), (40, 9), (40, 10), (200, 60)] {
                    assert_eq!(h.screen(w, hgt).lines().count(), usize::from(hgt), "{name}");
                }
            }
        }
    }
}
