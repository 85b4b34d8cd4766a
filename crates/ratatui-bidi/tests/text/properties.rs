//! Properties of the text pipeline on arbitrary strings.

use std::collections::HashSet;

use proptest::prelude::*;
use ratatui_bidi::{
    BaseDirection, Direction, InputState, LRO_MARK, Layout, LayoutOptions, RLO_MARK,
    is_field_sanitized, is_sanitized, sanitize, sanitize_field,
};
use unicode_segmentation::UnicodeSegmentation;

/// Strings biased toward what makes bidi hard: Persian/Arabic letters, digits of three kinds,
/// brackets and quotes, harakat, joiners and marks, bidi controls, newlines, wide characters,
/// plus arbitrary code points.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "سلام", "می", "خواهم", "لا", "الله", "گچپژکی", "ي", "ك", "ۀ", "ء", "ـ", "مصوبه",
        ]).prop_map(str::to_string),
        2 => prop::sample::select(vec!["abc", "SMS", "Kerman", "e\u{301}", "x"]).prop_map(str::to_string),
        2 => prop::sample::select(vec!["۱۴۰۵", "۲/۳", "12", "3.5", "١٢", "4%", "٪", "-", "+98", "٬"])
            .prop_map(str::to_string),
        2 => prop::sample::select(vec!["(", ")", "[", "]", "«", "»", "{", "}", "<", ">", "\"", "'"])
            .prop_map(str::to_string),
        2 => prop::sample::select(vec!["\u{64E}", "\u{650}", "\u{651}", "\u{64B}", "\u{670}"])
            .prop_map(str::to_string),
        2 => prop::sample::select(vec!["\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{61C}", "\u{FEFF}"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
            "\u{2068}", "\u{2069}",
        ]).prop_map(str::to_string),
        3 => prop::sample::select(vec![" ", "  ", "\n", "\t", "\r\n", "\r", "\u{A0}", "\u{2029}", "\u{2028}", "\u{85}", "\u{1B}"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec!["中文", "🙂", "👍🏽", "🇮🇷", "ｗ"]).prop_map(str::to_string),
        2 => prop::sample::select(vec![
            "👩🏽", "👨\u{200D}👩\u{200D}👧", "🇮🇷🇩🇪", "🇮", "1\u{FE0F}\u{20E3}", "#\u{20E3}", "❤\u{FE0F}",
            "\u{1F3FD}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "☝🏽",
        ]).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{8,30}".prop_map(|s| s),
        1 => "[ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی]{8,30}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// The byte ranges of `text`'s grapheme clusters, a trailing ZWNJ or ZWJ split off: the units
/// layout never splits or reorders inside (its `cluster` module, written again here).
fn clusters(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![];
    let mut offset = 0;
    // Paragraph by paragraph, as layout goes (a CRLF in raw text is cut at its `\n`), each
    // `\n` a unit.
    for para in text.split('\n') {
        for (i, g) in para.grapheme_indices(true) {
            let i = offset + i;
            match g.char_indices().next_back() {
                Some((j, '\u{200C}' | '\u{200D}')) if j > 0 => {
                    out.push(i..i + j);
                    out.push(i + j..i + g.len());
                }
                _ => out.push(i..i + g.len()),
            }
        }
        offset += para.len();
        if offset < text.len() {
            out.push(offset..offset + 1);
        }
        offset += 1;
    }
    out
}

fn base() -> impl Strategy<Value = BaseDirection> {
    prop_oneof![
        Just(BaseDirection::Rtl),
        Just(BaseDirection::Ltr),
        Just(BaseDirection::Auto(Direction::Rtl)),
        Just(BaseDirection::Auto(Direction::Ltr)),
        Just(BaseDirection::Prefer(Direction::Rtl)),
        Just(BaseDirection::Prefer(Direction::Ltr)),
    ]
}

/// All the layout properties, for one text, base and width.
fn check_layout(text: &str, base: BaseDirection, width: usize) -> Result<(), TestCaseError> {
    let opts = LayoutOptions {
        base,
        width: Some(width),
        ..Default::default()
    };
    let mut layout = Layout::new();
    layout.compute(text, &opts);
    prop_assert!(layout.line_count() >= 1);

    let mut covered = 0usize;
    for (li, line) in layout.lines().enumerate() {
        // No visual line wider than asked.
        prop_assert!(
            line.width <= width,
            "line {li} is {} wide, max {width}",
            line.width
        );
        let sum: usize = line.cells.iter().map(|c| usize::from(c.width)).sum();
        prop_assert_eq!(sum, line.width);

        // Lines cover the text in order: contiguous within a paragraph, one `\n` between.
        if line.logical.start != covered {
            prop_assert_eq!(line.logical.start, covered + 1);
            prop_assert_eq!(text.as_bytes().get(covered), Some(&b'\n'));
        }
        prop_assert!(text.is_char_boundary(line.logical.start));
        prop_assert!(text.is_char_boundary(line.logical.end));
        covered = line.logical.end;

        // The cells are a permutation of the segment's characters.
        let segment: Vec<usize> = text[line.logical.clone()]
            .char_indices()
            .map(|(i, _)| line.logical.start + i)
            .collect();
        let mut got: Vec<usize> = line.cells.iter().map(|c| c.logical).collect();
        prop_assert_eq!(got.len(), segment.len());
        got.sort_unstable();
        prop_assert_eq!(&got, &segment);

        // log→vis and vis→log are inverse bijections.
        for (vi, cell) in line.cells.iter().enumerate() {
            prop_assert_eq!(line.visual_index(cell.logical), Some(vi));
            prop_assert_eq!(layout.line_of(cell.logical), li);
        }
        // The screen map: every drawn cell is hit at its column.
        let off = line.x_offset(width);
        for (col, cell) in line.columns() {
            if cell.width > 0 {
                prop_assert_eq!(layout.hit(li, off + col, width), Some(cell.logical));
            }
        }
    }
    prop_assert_eq!(covered, text.len());
    check_clusters(text, &layout)?;

    // Carets and movement stay on character boundaries and never panic.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let set: HashSet<usize> = bounds.iter().copied().collect();
    for &b in bounds.iter().step_by(1 + bounds.len() / 16) {
        let caret = layout.caret(b, width);
        prop_assert!(caret.is_some());
        prop_assert!(caret.is_some_and(|c| c.x < width.max(1)));
        for left in [true, false] {
            prop_assert!(set.contains(&layout.move_visual(b, left)));
        }
        for up in [true, false] {
            prop_assert!(set.contains(&layout.move_vertical(b, up, width)));
        }
    }
    Ok(())
}

/// No line starts or ends inside a cluster; in each line, a cluster's cells are adjacent and in
/// logical order, its first one alone taking room.
fn check_clusters(text: &str, layout: &Layout) -> Result<(), TestCaseError> {
    let units = clusters(text);
    let starts: HashSet<usize> = units.iter().map(|u| u.start).chain([text.len()]).collect();
    for line in layout.lines() {
        prop_assert!(starts.contains(&line.logical.start));
        prop_assert!(starts.contains(&line.logical.end));
        let at: std::collections::HashMap<usize, usize> = line
            .cells
            .iter()
            .enumerate()
            .map(|(vi, c)| (c.logical, vi))
            .collect();
        for u in units.iter().filter(|u| line.logical.contains(&u.start)) {
            let Some(&first) = at.get(&u.start) else {
                continue; // the `\n` between paragraphs
            };
            for (k, (i, _)) in text[u.clone()].char_indices().enumerate().skip(1) {
                let cell = line.cells.get(first + k);
                prop_assert_eq!(
                    cell.map(|c| c.logical),
                    Some(u.start + i),
                    "{:?}",
                    &text[u.clone()]
                );
                prop_assert_eq!(cell.map(|c| c.width), Some(0));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn layout_of_raw_text(text in text(), base in base(), width in 1usize..=200) {
        check_layout(&text, base, width)?;
    }

    #[test]
    fn layout_of_sanitized_text_in_narrow_fields(text in text(), base in base(), width in 1usize..=12) {
        check_layout(&sanitize(&text), base, width)?;
    }

    #[test]
    fn unlimited_width_gives_one_line_per_paragraph(text in text(), base in base()) {
        let clean = sanitize(&text);
        let layout = ratatui_bidi::layout(&clean, &LayoutOptions { base, width: None, ..Default::default() });
        // A newline and a U+2029 each end a paragraph.
        prop_assert_eq!(layout.line_count(), clean.split(['\n', '\u{2029}']).count());
    }

    #[test]
    fn sanitize_is_idempotent_and_clean(text in text()) {
        let once = sanitize(&text).into_owned();
        let twice = sanitize(&once).into_owned();
        prop_assert_eq!(&twice, &once);
        prop_assert!(is_sanitized(&once));
        for c in once.chars() {
            let control = c.is_control() && c != '\n' && c != '\t';
            let override_ = matches!(c, '\u{202D}' | '\u{202E}');
            prop_assert!(!control && !override_, "{:?} left in {:?}", c, once);
        }
        // The marks Persian typists use survive, and so do isolates and embeddings.
        for keep in [
            '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{61C}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\t',
        ] {
            prop_assert_eq!(text.matches(keep).count(), once.matches(keep).count());
        }
        // Each override is shown as its mark.
        prop_assert_eq!(
            text.matches(['\u{202D}', '\u{202E}']).count() + text.matches([LRO_MARK, RLO_MARK]).count(),
            once.matches([LRO_MARK, RLO_MARK]).count()
        );
        let field = sanitize_field(&text).into_owned();
        prop_assert_eq!(sanitize_field(&field).into_owned(), field.clone());
        prop_assert!(is_field_sanitized(&field) && is_sanitized(&field));
    }

    /// A field put inline inside an isolate (as `<bdi>` does in HTML) cannot change the level of
    /// anything outside it, whatever controls it holds: its own PDI cannot close the isolate
    /// early, nor its embeddings run past its end.
    #[test]
    fn an_isolated_field_reorders_nothing_outside_itself(text in text(), rtl in any::<bool>()) {
        let outside = |field: &str| {
            let whole = format!("(«۱۲» abc) \u{2068}{field}\u{2069} (۳ def) - «۴»");
            let base = if rtl { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() };
            let info = unicode_bidi::BidiInfo::new(&whole, Some(base));
            let levels = info.reordered_levels_per_char(&info.paragraphs[0], 0..whole.len());
            // The 12 characters before the field, and the 14 after it.
            let n = field.chars().count();
            let mut out: Vec<u8> = levels[..12].iter().map(|l| l.number()).collect();
            out.extend(levels[12 + n..].iter().map(|l| l.number()));
            out
        };
        let field = sanitize_field(&text).replace(['\n', '\u{2029}'], " ");
        prop_assert_eq!(outside(&field), outside("x"));
    }

    #[test]
    fn editing_never_panics(text in text(), keys in prop::collection::vec(0u8..11, 0..40), width in 0u16..30) {
        use ratatui::{buffer::Buffer, layout::Rect, widgets::StatefulWidget};
        let mut st = InputState::multi_line().with_text(&text);
        let area = Rect::new(0, 0, width, 3);
        let mut buf = Buffer::empty(area);
        for k in keys {
            match k {
                0 => st.move_left(k % 2 == 0),
                1 => st.move_right(true),
                2 => st.move_up(false),
                3 => st.move_down(false),
                4 => st.backspace(),
                5 => st.delete(),
                6 => st.insert_zwnj(),
                7 => st.insert_str("(۱) a"),
                10 => st.insert_str("👩🏽\u{200D}"),
                8 => st.move_home(true),
                _ => st.move_end(false),
            }
            ratatui_bidi::BidiInput::new().render(area, &mut buf, &mut st);
            prop_assert!(st.text().is_char_boundary(st.cursor()));
            // Never inside a grapheme cluster.
            let starts: HashSet<usize> = clusters(st.text()).iter().map(|u| u.start).collect();
            prop_assert!(st.cursor() == st.text().len() || starts.contains(&st.cursor()), "{:?} at {}", st.text(), st.cursor());
            prop_assert!(is_sanitized(st.text()));
        }
    }
}
