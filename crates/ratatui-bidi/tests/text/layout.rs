//! Layout unit tests: wrapping, maps, carets, edge cases.

use ratatui_bidi::{BaseDirection, Direction, FILLER, Layout, LayoutOptions, layout};

fn rtl(width: Option<usize>) -> LayoutOptions {
    LayoutOptions {
        base: BaseDirection::Rtl,
        width,
        ..Default::default()
    }
}

fn logical_lines(text: &str, opts: &LayoutOptions) -> Vec<String> {
    layout(text, opts)
        .lines()
        .map(|l| text[l.logical.clone()].to_string())
        .collect()
}

fn visual_lines(text: &str, opts: &LayoutOptions) -> Vec<String> {
    layout(text, opts)
        .lines()
        .map(|l| l.visual_text())
        .collect()
}

#[test]
fn wraps_between_words_never_at_zwnj() {
    let text = "کارگروه‌های تخصصی می‌خواهند گزارش بدهند";
    for width in 1..40 {
        for line in logical_lines(text, &rtl(Some(width))) {
            // A ZWNJ stays with the letter before it, even when a word must be cut.
            assert!(!line.starts_with('\u{200C}'));
            // The longest word takes 10 cells: from there on, no word is cut.
            if width >= 10 {
                assert!(!line.trim_end().ends_with('\u{200C}'));
                assert!(
                    line.ends_with(' ') || text.ends_with(&line),
                    "{width}: {line:?}"
                );
            }
        }
    }
    assert_eq!(
        logical_lines(text, &rtl(Some(20))),
        ["کارگروه‌های تخصصی ", "می‌خواهند گزارش بدهند"]
    );
}

#[test]
fn a_word_wider_than_the_line_is_cut_between_graphemes() {
    let text = "https://www.example.ir/forms/hamyar";
    let lines = logical_lines(text, &rtl(Some(10)));
    assert_eq!(lines.concat(), text);
    assert!(lines.iter().all(|l| l.chars().count() <= 10));
    // A haraka stays with its letter.
    let lines = logical_lines("مُدیرِکُلّ", &rtl(Some(3)));
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with(['\u{64F}', '\u{650}', '\u{651}']))
    );
}

#[test]
fn trailing_spaces_hang_instead_of_overflowing() {
    let l = layout("abcd     efgh", &rtl(Some(4)));
    let widths: Vec<usize> = l.lines().map(|v| v.width).collect();
    assert_eq!(widths, [4, 4]);
    assert_eq!(l.line(0).map(|v| v.cells.len()), Some(9));
}

#[test]
fn wide_characters_in_a_one_column_field() {
    let l = layout("中文", &rtl(Some(1)));
    assert_eq!(l.line_count(), 2);
    assert!(l.lines().all(|v| v.width == 1 && v.visual_text() == "…"));
    // Width 0 is treated as 1.
    assert_eq!(layout("ab", &rtl(Some(0))).line_count(), 2);
}

#[test]
fn empty_text_and_empty_paragraphs_have_lines() {
    assert_eq!(layout("", &rtl(None)).line_count(), 1);
    assert_eq!(layout("", &rtl(Some(1))).line_count(), 1);
    let l = layout("الف\n\nب\n", &rtl(Some(5)));
    let ranges: Vec<_> = l.lines().map(|v| v.logical).collect();
    assert_eq!(ranges, [0..6, 7..7, 8..10, 11..11]);
}

#[test]
fn lam_alef_keeps_a_one_to_one_map() {
    let text = "سلام";
    let l = layout(text, &rtl(None));
    let line = l.line(0).unwrap_or_else(|| panic!("no line"));
    assert_eq!(line.cells.len(), 4);
    assert_eq!(line.width, 3);
    // Visual order: م, ligature (alef's slot), filler (lam's slot), س.
    let cells: Vec<(char, usize)> = line.cells.iter().map(|c| (c.ch, c.logical)).collect();
    assert_eq!(
        cells,
        [
            ('\u{FEE1}', 6),
            ('\u{FEFC}', 4),
            (FILLER, 2),
            ('\u{FEB3}', 0)
        ]
    );
}

#[test]
fn mirroring_and_marks() {
    // L4: brackets and guillemets in RTL runs; L3: the shadda and fatha follow their base.
    assert_eq!(visual_lines("«بانک» (۱)", &rtl(None)), ["(۱) «ﮏﻧﺎﺑ»"]);
    assert_eq!(visual_lines("بَنّا", &rtl(None)), ["ﺎﻨّﺑَ"]);
}

#[test]
fn caret_and_hit_maps_are_inverse_for_drawn_cells() {
    let text = "مصوبه ۲/۳: بانک (Kerman) تا ۱۴۰۵";
    let l = layout(text, &rtl(Some(16)));
    for (li, line) in l.lines().enumerate() {
        for (col, cell) in line.columns().filter(|(_, c)| c.width > 0) {
            let x = line.x_offset(16) + col;
            assert_eq!(l.hit(li, x, 16), Some(cell.logical));
            let caret = l.caret(cell.logical, 16);
            assert_eq!(caret.map(|c| (c.line, c.x)), Some((li, x)));
        }
    }
}

#[test]
fn auto_direction_falls_back_per_paragraph() {
    let opts = LayoutOptions {
        base: BaseDirection::Auto(Direction::Rtl),
        width: None,
        ..Default::default()
    };
    let l = layout("abc (۱)\n۱۲۳\nسلام", &opts);
    let dirs: Vec<Direction> = l.lines().map(|v| v.direction).collect();
    assert_eq!(dirs, [Direction::Ltr, Direction::Rtl, Direction::Rtl]);
}

#[test]
fn layout_reuses_its_buffers() {
    let mut l = Layout::new();
    l.compute("یک متن طولانی‌تر برای آزمایش", &rtl(Some(8)));
    let n = l.line_count();
    l.compute("کوتاه", &rtl(Some(8)));
    assert_eq!(l.line_count(), 1);
    assert!(n > 1);
}

const WOMAN: &str = "👩🏽";
const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";

#[test]
fn an_emoji_sequence_is_one_cluster_two_cells_wide() {
    let text = format!("سلام {WOMAN} خوب");
    let l = layout(&text, &rtl(None));
    let line = l.line(0).unwrap_or_else(|| panic!("no line"));
    assert_eq!(line.visual_text(), format!("ﺏﻮﺧ {WOMAN} ﻡﻼﺳ"));
    // سلام 3 (lam-alef), 👩🏽 2, خوب 3, two spaces.
    assert_eq!(line.width, 10);
    let woman = "سلام ".len();
    let cells: Vec<(usize, u8, bool)> = line
        .cells
        .iter()
        .filter(|c| c.logical >= woman && c.logical < woman + WOMAN.len())
        .map(|c| (c.logical, c.width, c.joined))
        .collect();
    // The woman first, two cells; the modifier after her, in her cell.
    assert_eq!(cells, [(woman, 2, false), (woman + 4, 0, true)]);
    // Both columns of the emoji hit its start; the modifier's caret is the woman's.
    let x = line.x_offset(20) + 4;
    assert_eq!(l.hit(0, x, 20), Some(woman));
    assert_eq!(l.hit(0, x + 1, 20), Some(woman));
    assert_eq!(l.caret(woman + 4, 20), l.caret(woman, 20));

    let family = format!("خانواده {FAMILY} ما");
    assert_eq!(
        visual_lines(&family, &rtl(None)),
        [format!("ﺎﻣ {FAMILY} ﻩﺩﺍﻮﻧﺎﺧ")]
    );
    for (text, width) in [
        (FAMILY, 2),
        ("🇮🇷", 2),
        ("1\u{FE0F}\u{20E3}", 2),
        ("❤\u{FE0F}", 2),
        ("بَ", 1),
    ] {
        assert_eq!(
            layout(text, &rtl(None)).line(0).map(|v| v.width),
            Some(width),
            "{text}"
        );
        assert_eq!(ratatui_bidi::display_width(text), width, "{text}");
    }
}

#[test]
fn wrapping_never_splits_an_emoji_sequence() {
    let text = format!("سلام {WOMAN} خوب {FAMILY} ۱۲");
    for width in 1..=12 {
        let l = layout(&text, &rtl(Some(width)));
        for line in l.lines() {
            assert!(line.width <= width, "width {width}");
            let s = &text[line.logical.clone()];
            // Every line starts and ends between clusters.
            for e in [WOMAN, FAMILY] {
                let inside = text.find(e).map_or(0..0, |i| i + 1..i + e.len());
                assert!(
                    !inside.contains(&line.logical.start),
                    "width {width}: {s:?}"
                );
                assert!(!inside.contains(&line.logical.end), "width {width}: {s:?}");
            }
        }
    }
    // Width 3: the woman is on a line of her own (with the space after her), not cut.
    let lines = logical_lines(&text, &rtl(Some(3)));
    assert!(lines.contains(&format!("{WOMAN} ")), "{lines:?}");
}

#[test]
fn a_cluster_wider_than_the_line_gets_a_line_of_its_own() {
    let text = format!("a{WOMAN}b");
    let opts = LayoutOptions {
        base: BaseDirection::Ltr,
        width: Some(1),
        ..Default::default()
    };
    assert_eq!(logical_lines(&text, &opts), ["a", WOMAN, "b"]);
    let l = layout(&text, &opts);
    let middle = l.line(1).unwrap_or_else(|| panic!("no line"));
    // Drawn as … in one cell; the modifier keeps its (empty) cell, so the map stays 1:1.
    assert_eq!(middle.visual_text(), "…");
    assert_eq!(middle.width, 1);
    assert_eq!(middle.cells.len(), 2);
}

#[test]
fn prefer_rtl_keeps_a_persian_sentence_that_starts_in_latin_right_to_left() {
    let text = "SMS برای اعضا ارسال شود";
    let prefer = LayoutOptions {
        base: BaseDirection::Prefer(Direction::Rtl),
        width: None,
        ..Default::default()
    };
    let l = layout(text, &prefer);
    let line = l.line(0).unwrap_or_else(|| panic!("no line"));
    assert_eq!(line.direction, Direction::Rtl);
    assert!(line.right_aligned);
    // Read from the right: SMS first, at the right edge.
    assert_eq!(line.visual_text(), "ﺩﻮﺷ ﻝﺎﺳﺭﺍ ﺎﻀﻋﺍ ﯼﺍﺮﺑ SMS");
    let auto = LayoutOptions {
        base: BaseDirection::Auto(Direction::Rtl),
        ..prefer
    };
    assert_eq!(visual_lines(text, &auto), ["SMS ﺩﻮﺷ ﻝﺎﺳﺭﺍ ﺎﻀﻋﺍ ﯼﺍﺮﺑ"]);
    // Per paragraph: a Latin-only paragraph is left to right, a number-only one keeps the
    // preferred direction.
    let l = layout(&format!("{text}\nPDF v2\n۱۲/۳"), &prefer);
    let dirs: Vec<Direction> = l.lines().map(|v| v.direction).collect();
    assert_eq!(dirs, [Direction::Rtl, Direction::Ltr, Direction::Rtl]);
}
