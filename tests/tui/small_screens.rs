//! The default terminal, 80×24: the meeting room (with its tab of earlier decisions), the
//! action review and the attendance show what decides a meeting (decision numbers, deadlines,
//! agencies, statuses) whole, in Persian and English, beside their 100×30 snapshots.

use hamyar::domain::Date;
use hamyar::i18n::Lang;
use hamyar::tui::model::Screen;

use super::support::*;

/// A screen reached from the demo's live meeting, on a day when some deadlines have passed.
const SCREENS: &[(&str, &[&str])] = &[
    ("room", &[]),
    ("room_review_tab", &["["]),
    ("room_review_detail", &["[", "tab"]),
    ("review", &["r"]),
    ("attendance", &["a"]),
];

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "fa",
        Lang::En => "en",
    }
}

fn later(lang: Lang) -> (tempfile::TempDir, Harness) {
    let (dir, path) = demo_db();
    let day = Date::from_jalali(1393, 6, 1).unwrap();
    (dir, Harness::on_day(&path, lang, day))
}

#[test]
fn the_room_review_and_attendance_at_80x24_and_100x30() {
    for lang in [Lang::Fa, Lang::En] {
        for (name, keys) in SCREENS {
            let (_dir, mut h) = later(lang);
            h.keys(keys);
            for (w, hgt) in [(80, 24), (100, 30)] {
                let screen = h.screen(w, hgt);
                let snap = format!("small_{name}_{}_{w}x{hgt}", lang_name(lang));
                insta::assert_snapshot!(snap, screen);
            }
        }
    }
}

/// The row of tabs at 80 columns: from the first tab, every tab with its count (the names of
/// the others cut); on any tab, the current one whole, and a «…» for tabs scrolled away.
#[test]
fn every_tab_shows_at_80_columns_the_current_one_whole() {
    for lang in [Lang::Fa, Lang::En] {
        let (_dir, mut h) = later(lang);
        let tabs = h.app.model.room.as_ref().unwrap().tabs.len();
        for k in 0..tabs {
            let screen = h.screen(80, 24);
            let row = screen.lines().nth(2).unwrap().to_string();
            let shown = row.matches('(').count();
            if k == 0 {
                assert_eq!(shown, tabs, "every tab with its count: «{row}»");
            }
            assert!(
                shown == tabs || row.contains('…'),
                "a «…» says tabs are scrolled away: «{row}» (tab {k})"
            );
            if lang == Lang::En && k == 0 {
                assert!(row.contains("All (7)"), "«{row}»");
            }
            if lang == Lang::En && k + 1 == tabs {
                assert!(row.contains("Review of earlier decisions (3)"), "«{row}»");
            }
            h.key("]");
        }
    }
}

/// In the room's review tab, the selected decision's head line (agency, deadline, status) is
/// wrapped, not cut: at 80 columns its deadline and its overdue mark are on screen.
#[test]
fn a_decision_under_review_keeps_its_deadline_and_status_at_80_columns() {
    let (_dir, mut h) = later(Lang::En);
    h.key("[");
    let screen = h.screen(80, 24);
    // The list row and the head line of the detail pane, twice in its decisions too.
    assert!(screen.matches("2014-04-30").count() >= 2, "{screen}");
    assert!(screen.contains("overdue"), "{screen}");
    assert!(screen.contains("in progress"), "{screen}");
}

/// The review at 80 columns: the status whole (its short form in Persian), the lead agency by
/// its short name, nothing cut in the table.
#[test]
fn the_action_review_cuts_no_status_nor_agency_at_80_columns() {
    let (_dir, mut h) = later(Lang::En);
    h.key("r");
    let screen = h.screen(80, 24);
    assert!(
        !screen.contains("pend…") && screen.contains("pending"),
        "{screen}"
    );
    assert!(screen.contains("in progress"), "{screen}");
    let (_dir, mut h) = later(Lang::Fa);
    h.key("r");
    let screen = h.screen(80, 24);
    let table: Vec<&str> = screen.lines().skip(3).take(10).collect();
    for row in &table {
        // The table is the right-hand pane: from the middle border on.
        let right = row.rsplit("││").next().unwrap();
        assert!(!right.contains('…'), "a cut cell: «{row}»");
    }
}

/// The footer keeps whole hints and always the one for help.
#[test]
fn the_footer_at_80_columns_ends_in_whole_hints_and_help() {
    for keys in [&[][..], &["r"][..], &["esc"][..], &["p"][..]] {
        let (_dir, mut h) = later(Lang::En);
        h.keys(keys);
        let screen = h.screen(80, 24);
        let footer = screen.lines().last().unwrap().trim_end().to_string();
        assert!(footer.ends_with("?: help"), "«{footer}»");
        assert!(!footer.contains('…'), "«{footer}»");
    }
}

/// A new series with nobody invited yet: the attendance says how to add people.
#[test]
fn an_empty_attendance_says_how_to_add_people() {
    for lang in [Lang::Fa, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = Harness::on(&dir.path().join("new.db"), lang);
        h.key("n")
            .typed("نشست هماهنگی «طرح توانمندسازی» (SMS) ۱۴۰۵")
            .key("ctrl+s")
            .key("ctrl+s");
        assert_eq!(h.app.model.screen, Screen::Room, "{}", h.flash());
        h.key("a");
        for (w, hgt) in [(80, 24), (100, 30)] {
            let screen = h.screen(w, hgt);
            if lang == Lang::En {
                assert!(screen.contains("Nobody is listed yet"), "{screen}");
                assert!(screen.contains("n: a guest"), "{screen}");
            }
            let snap = format!("small_attendance_empty_{}_{w}x{hgt}", lang_name(lang));
            insta::assert_snapshot!(snap, screen);
        }
    }
}
