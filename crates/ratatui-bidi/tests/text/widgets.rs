//! Buffer tests for the bidi widgets, in both directions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{StatefulWidget, Widget};
use ratatui_bidi::{
    BaseDirection, BidiInput, BidiLine, BidiMode, BidiParagraph, Direction, InputState,
    ParagraphState, StyleSpan,
};

const DECISION: &str = "مصوبه ۲/۳: بانک توسعه تعاون (شعبه کرمان) تا ۱۴۰۵/۰۹/۳۰ اقدام کند.";

/// The buffer's rows as strings, wide-character continuation cells left out.
fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect()
}

fn render(w: impl Widget, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    w.render(buf.area, &mut buf);
    buf
}

fn render_input(state: &mut InputState, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    BidiInput::new().render(buf.area, &mut buf, state);
    buf
}

/// Symbols of the cells drawn with `style`'s foreground or modifier, left to right.
fn cells_with(buf: &Buffer, y: u16, pred: impl Fn(&ratatui::buffer::Cell) -> bool) -> String {
    (0..buf.area.width)
        .filter(|&x| pred(&buf[(x, y)]))
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn paragraph_rtl_wraps_right_aligned_with_numbers_and_parentheses() {
    let buf = render(BidiParagraph::new(DECISION), 30, 4);
    assert_eq!(
        rows(&buf),
        [
            "   ﻥﻭﺎﻌﺗ ﻪﻌﺳﻮﺗ ﮏﻧﺎﺑ :۲/۳ ﻪﺑﻮﺼﻣ",
            "    ۱۴۰۵/۰۹/۳۰ ﺎﺗ (ﻥﺎﻣﺮﮐ ﻪﺒﻌﺷ)",
            "                    .ﺪﻨﮐ ﻡﺍﺪﻗﺍ",
            "                              ",
        ]
    );
}

#[test]
fn paragraph_ltr_left_aligned_with_persian_inside() {
    let text = "Meeting with بانک سپه (Kerman) on 2026-12-21.";
    let buf = render(BidiParagraph::new(text), 22, 3);
    assert_eq!(
        rows(&buf),
        [
            "Meeting with ﻪﭙﺳ ﮏﻧﺎﺑ ",
            "(Kerman) on           ",
            // No break between a number and the full stop after it (UAX #14).
            "2026-12-21.           ",
        ]
    );
}

#[test]
fn paragraph_scrolls_and_paragraphs_keep_their_own_direction() {
    let text = "سطر اول\nsecond line\nسطر سوم (۳)";
    let buf = render(BidiParagraph::new(text).scroll(1), 14, 2);
    assert_eq!(rows(&buf), ["second line   ", "   (۳) ﻡﻮﺳ ﺮﻄﺳ"]);
}

#[test]
fn styles_follow_their_characters() {
    let start = DECISION.find('(').unwrap_or(0);
    let end = DECISION.find(')').map_or(0, |i| i + 1);
    let spans = [StyleSpan::new(start..end, Style::default().fg(Color::Red))];
    let buf = render(BidiParagraph::new(DECISION).spans(&spans), 30, 4);
    // The logical "(شعبه کرمان)" is drawn, mirrored and reversed, as one red stretch.
    assert_eq!(cells_with(&buf, 1, |c| c.fg == Color::Red), "(ﻥﺎﻣﺮﮐ ﻪﺒﻌﺷ)");
    assert_eq!(cells_with(&buf, 0, |c| c.fg == Color::Red), "");
}

#[test]
fn line_rtl_truncates_at_the_logical_end() {
    let buf = render(BidiLine::new(DECISION), 30, 1);
    // The logical start (مصوبه) stays at the right edge; the ellipsis is on the left.
    assert_eq!(rows(&buf), ["…) ﻥﻭﺎﻌﺗ ﻪﻌﺳﻮﺗ ﮏﻧﺎﺑ :۲/۳ ﻪﺑﻮﺼﻣ"]);
    let short = render(BidiLine::new("بانک (۲)"), 12, 1);
    assert_eq!(rows(&short), ["    (۲) ﮏﻧﺎﺑ"]);
}

#[test]
fn line_ltr_truncates_at_the_logical_end() {
    let text = "Decision 2/3: بانک توسعه (Kerman) by 1405/09/30";
    let buf = render(BidiLine::new(text), 24, 1);
    // Cut between graphemes: توسعه loses its last letter, and ع takes its final form.
    assert_eq!(rows(&buf), ["Decision 2/3: ﻊﺳﻮﺗ ﮏﻧﺎﺑ…"]);
}

#[test]
fn line_keeps_the_direction_of_the_whole_text_when_cut() {
    // Auto direction comes from "abc"; the cut prefix has no strong character left.
    let buf = render(BidiLine::new("۱۲۳۴۵۶۷۸ abc"), 6, 1);
    assert_eq!(rows(&buf), ["۱۲۳۴۵…"]);
}

#[test]
fn input_cursor_sits_on_its_character_in_mixed_text() {
    let mut st = InputState::single_line().with_text("گزارش SMS برای (۱۲) نفر");
    st.set_cursor("گزارش SM".len());
    let buf = render_input(&mut st, 30, 1);
    assert_eq!(rows(&buf), ["       ﺮﻔﻧ (۱۲) ﯼﺍﺮﺑ SMS ﺵﺭﺍﺰﮔ"]);
    // On the second S of SMS.
    assert_eq!(st.cursor_position(), Some(Position::new(23, 0)));

    // At the end of an RTL text the caret is left of its last letter.
    st.move_end(false);
    render_input(&mut st, 30, 1);
    assert_eq!(st.cursor_position(), Some(Position::new(6, 0)));
    // At the start, on the first letter at the right edge.
    st.move_home(false);
    render_input(&mut st, 30, 1);
    assert_eq!(st.cursor_position(), Some(Position::new(29, 0)));
}

#[test]
fn input_left_and_right_move_visually() {
    let mut st = InputState::single_line().with_text("ab سلام cd");
    st.set_cursor(0);
    render_input(&mut st, 20, 1);
    let mut xs = vec![];
    for _ in 0..12 {
        st.move_right(false);
        render_input(&mut st, 20, 1);
        xs.push(st.cursor_position().map_or(99, |p| p.x));
    }
    // LTR paragraph: "ab ﻡﻼﺳ cd" (9 cells: lam-alef is one); Right walks the columns one by
    // one, through the reversed Persian word too, and stops after the end.
    assert_eq!(xs, [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9]);

    let mut st = InputState::single_line().with_text("سلام ab");
    st.set_cursor(0);
    render_input(&mut st, 10, 1);
    assert_eq!(rows(&render_input(&mut st, 10, 1)), ["    ab ﻡﻼﺳ"]);
    let mut seen = vec![];
    for _ in 0..9 {
        st.move_left(false);
        render_input(&mut st, 10, 1);
        seen.push((st.cursor(), st.cursor_position().map_or(99, |p| p.x)));
    }
    // Left from the first letter (right edge) goes logically forward through the Persian word
    // (the lam hides in the ligature's cell), over the space, to the end of the text (just
    // after "b", sharing the space's column), then b, a, and stops at the left edge.
    let xs: Vec<u16> = seen.iter().map(|s| s.1).collect();
    assert_eq!(xs, [8, 7, 6, 6, 5, 4, 4, 4, 4]);
    let end = "سلام ab".len();
    assert_eq!(seen[3].0, end);
    assert_eq!(seen[5].0, end - 2);
}

#[test]
fn input_editing_is_logical_and_paste_is_sanitized() {
    let mut st = InputState::single_line().with_text("می");
    st.insert_zwnj();
    st.insert_str("خواهم\r\n\u{202E}۱۲\t(ب)");
    // The override is shown as a mark, not obeyed; the tab stays a tab.
    assert_eq!(st.text(), "می\u{200C}خواهم ◂۱۲\t(ب)");
    st.backspace();
    assert_eq!(st.text(), "می\u{200C}خواهم ◂۱۲\t(ب");
    st.move_home(false);
    st.delete();
    assert_eq!(st.text(), "ی\u{200C}خواهم ◂۱۲\t(ب");
    let buf = render_input(&mut st, 16, 1);
    // ZWNJ keeps ی and خ apart: final-form ی, initial-form خ. The tab is drawn as four spaces.
    assert_eq!(rows(&buf), ["ﺏ)    ۱۲◂ ﻢﻫﺍﻮﺧﯼ"]);
}

#[test]
fn input_selection_highlight_survives_reordering() {
    let mut st = InputState::single_line().with_text("گزارش SMS برای (۱۲) نفر");
    st.set_cursor("گزارش ".len());
    // Shift+Right twice in the Latin run: logically forward over "SM".
    st.move_right(true);
    st.move_right(true);
    assert_eq!(st.selection(), Some("گزارش ".len().."گزارش SM".len()));
    let buf = render_input(&mut st, 30, 1);
    let reversed = |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::REVERSED);
    assert_eq!(cells_with(&buf, 0, reversed), "SM");
    // Past the run's right end the next stop is the space before it (logically earlier).
    st.move_right(true);
    assert_eq!(st.cursor(), "گزارش".len());

    // A selection across a direction change is split on screen but whole in logic.
    let mut st = InputState::single_line().with_text("گزارش SMS برای (۱۲) نفر");
    st.set_cursor("گزارش S".len());
    st.move_end(true);
    let buf = render_input(&mut st, 30, 1);
    assert_eq!(cells_with(&buf, 0, reversed), "ﺮﻔﻧ (۱۲) ﯼﺍﺮﺑ MS");
    st.backspace();
    assert_eq!(st.text(), "گزارش S");
}

#[test]
fn input_multi_line_wraps_scrolls_and_moves_vertically() {
    let mut st = InputState::multi_line().with_text("سطر اول\nsecond line here\nسطر سوم");
    let buf = render_input(&mut st, 10, 2);
    // The cursor is at the very end, so the view scrolls to the last lines.
    assert_eq!(rows(&buf), ["line here ", "   ﻡﻮﺳ ﺮﻄﺳ"]);
    assert_eq!(st.cursor_position(), Some(Position::new(2, 1)));
    st.move_up(false);
    st.move_up(false);
    render_input(&mut st, 10, 2);
    assert_eq!(st.cursor_position().map(|p| p.y), Some(0));
    assert!(st.cursor() > "سطر اول\n".len() && st.cursor() <= "سطر اول\nsecond line ".len());
    st.insert_char('\n');
    assert!(st.text().contains("\n\n") || st.text().matches('\n').count() == 3);
}

#[test]
fn ctrl_u_w_k_delete_to_the_line_start_the_word_before_and_the_line_end() {
    // Ctrl+W: the word before the cursor with its spaces; a ZWNJ is inside the word.
    let mut st = InputState::single_line().with_text("مصوبهٔ «۲/۳» می‌خواهم  ");
    st.delete_word_before();
    assert_eq!(st.text(), "مصوبهٔ «۲/۳» ");
    st.delete_word_before();
    assert_eq!(st.text(), "مصوبهٔ ");
    st.delete_word_before();
    st.delete_word_before();
    assert_eq!(st.text(), "");
    // Ctrl+U and Ctrl+K: from the cursor to either end of its line, in a text of lines.
    let mut st = InputState::multi_line().with_text("اول (SMS)\nدوم ۱۲ نفر\nسوم");
    st.set_cursor("اول (SMS)\nدوم".len());
    st.delete_to_line_start();
    assert_eq!(st.text(), "اول (SMS)\n ۱۲ نفر\nسوم");
    assert_eq!(st.cursor(), "اول (SMS)\n".len());
    st.delete_to_line_end();
    assert_eq!(st.text(), "اول (SMS)\n\nسوم");
    // At a line's end, Ctrl+K joins the next line.
    st.delete_to_line_end();
    assert_eq!(st.text(), "اول (SMS)\nسوم");
    // A selection goes first, whatever the key.
    let mut st = InputState::single_line().with_text("عنوان غلط");
    st.select_all();
    st.delete_to_line_end();
    assert_eq!(st.text(), "");
}

#[test]
fn tiny_and_empty_areas_do_not_panic() {
    for (w, h) in [(0, 0), (1, 1), (0, 3), (3, 0), (1, 4), (2, 1)] {
        render(BidiParagraph::new(DECISION), w, h);
        render(BidiLine::new(DECISION), w, h);
        render(BidiLine::new(""), w, h);
        render(BidiParagraph::new("中文 ۱۲ لا"), w, h);
        let mut st = InputState::multi_line().with_text(DECISION);
        render_input(&mut st, w, h);
        st.move_left(false);
        st.move_up(false);
        let mut st = InputState::single_line();
        render_input(&mut st, w, h);
        st.backspace();
        st.move_right(false);
    }
    let buf = render(BidiLine::new(DECISION), 1, 1);
    assert_eq!(rows(&buf), ["…"]);
}

#[test]
fn forced_ltr_and_rtl() {
    let buf = render(BidiLine::new("abc سلام").base(BaseDirection::Rtl), 10, 1);
    // سلام takes 3 cells: lam-alef is one ligature.
    assert_eq!(rows(&buf), ["   ﻡﻼﺳ abc"]);
    let buf = render(
        BidiLine::new("۱۲ سلام").base(BaseDirection::Auto(Direction::Ltr)),
        10,
        1,
    );
    assert_eq!(rows(&buf), ["    ﻡﻼﺳ ۱۲"]);
}

#[test]
fn terminal_mode_writes_logical_order_unshaped() {
    let buf = render(BidiLine::new("سلام (۱)").mode(BidiMode::Terminal), 10, 1);
    assert_eq!(rows(&buf), ["سلام (۱)  "]);
    let buf = render(BidiParagraph::new("abc سلام").mode(BidiMode::Terminal), 5, 2);
    assert_eq!(rows(&buf), ["abc  ", "سلام "]);
}

/// A small screen in both directions, as a snapshot: a list of decisions (BidiLine rows, cut at
/// their logical end), the selected decision's text (BidiParagraph) and an input with a cursor.
fn screen(persian: bool) -> String {
    let items: [&str; 4] = if persian {
        [
            "۲/۱ بانک توسعه تعاون: تسهیلات (۵۰٪) تا ۱۴۰۵/۰۹/۳۰",
            "۲/۲ اداره بهزیستی — «بازارچه» دائمی",
            "۲/۳ SMS یادآوری به ۱۲ نفر",
            "۲/۴ کد بهداشتی (IRC) برای ۳ گروه",
        ]
    } else {
        [
            "2/1 Bank Tose'e Ta'avon: loans (50%) by 2026-12-21",
            "2/2 Welfare office — a permanent «بازارچه»",
            "2/3 SMS reminder to 12 members",
            "2/4 Health code (IRC) for 3 groups",
        ]
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, 44, 9));
    for (i, item) in items.iter().enumerate() {
        BidiLine::new(item).render(Rect::new(0, i as u16, 44, 1), &mut buf);
    }
    let body = if persian {
        DECISION
    } else {
        "Decision 2/3: the bank (Kerman branch) acts by ۱۴۰۵/۰۹/۳۰."
    };
    Widget::render(BidiParagraph::new(body), Rect::new(0, 4, 44, 3), &mut buf);
    let mut st = InputState::single_line().with_text(if persian {
        "پیگیری: می‌خواهم (۲) نسخه"
    } else {
        "follow-up: 2 copies (PDF)"
    });
    st.move_home(false);
    st.move_right(false);
    let mut field = Buffer::empty(Rect::new(0, 8, 44, 1));
    BidiInput::new().render(field.area, &mut field, &mut st);
    buf.merge(&field);
    let mut out = rows(&buf).join("\n");
    out.push_str(&format!("\ncursor: {:?}", st.cursor_position()));
    out
}

#[test]
fn screen_snapshots() {
    insta::assert_snapshot!("screen_fa", screen(true));
    insta::assert_snapshot!("screen_en", screen(false));
}

#[test]
fn input_wider_than_its_field_scrolls_to_the_cursor() {
    let mut st = InputState::single_line().with_text(DECISION);
    // On the "۳" of "۲/۳", in the middle of an RTL line with numbers and parentheses.
    st.set_cursor(DECISION.find('۳').unwrap_or(0));
    let buf = render_input(&mut st, 24, 1);
    assert_eq!(rows(&buf), ["ﺷ) ﻥﻭﺎﻌﺗ ﻪﻌﺳﻮﺗ ﮏﻧﺎﺑ :۲/۳"]);
    let at = st.cursor_position().unwrap_or_default();
    assert_eq!(buf[(at.x, at.y)].symbol(), "۳");
    // Moving to the start brings the right end of the line (its logical start) into view.
    st.move_home(false);
    let buf = render_input(&mut st, 24, 1);
    assert_eq!(rows(&buf), ["ﻌﺗ ﻪﻌﺳﻮﺗ ﮏﻧﺎﺑ :۲/۳ ﻪﺑﻮﺼﻣ"]);
    assert_eq!(st.cursor_position(), Some(Position::new(23, 0)));
    st.move_end(false);
    let buf = render_input(&mut st, 24, 1);
    // The end of an RTL text is at its left; the caret sits in the spare column before it.
    assert_eq!(rows(&buf), [" .ﺪﻨﮐ ﻡﺍﺪﻗﺍ ۱۴۰۵/۰۹/۳۰ ﺎ"]);
    assert_eq!(st.cursor_position(), Some(Position::new(0, 0)));
}

const WOMAN: &str = "👩🏽";

#[test]
fn emoji_clusters_are_drawn_whole_and_never_cut() {
    let text = format!("سلام {WOMAN} خوب");
    let buf = render(BidiLine::new(&text), 12, 1);
    // One cell holds the whole cluster, the next is its hidden second column.
    assert_eq!(rows(&buf), [format!("  ﺏﻮﺧ {WOMAN} ﻡﻼﺳ")]);
    assert_eq!(buf[(6, 0)].symbol(), WOMAN);
    // Cut at the logical end: the cluster is either whole or gone, never half.
    let cut = render(BidiLine::new(&text), 8, 1);
    assert_eq!(rows(&cut), [format!(" …{WOMAN} ﻡﻼﺳ")]);
    let cut = render(BidiLine::new(&text), 6, 1);
    assert_eq!(rows(&cut), ["  …ﻡﻼﺳ"]);
    // A flag and a ZWJ family too (regional indicators are strong left-to-right letters).
    let family = "👨\u{200D}👩\u{200D}👧";
    let buf = render(BidiParagraph::new(&format!("🇮🇷 {family}")), 5, 1);
    assert_eq!(rows(&buf), [format!("🇮🇷 {family}")]);
    let buf = render(BidiParagraph::new(&format!("ما {family}")), 5, 1);
    assert_eq!(rows(&buf), [format!("{family} ﺎﻣ")]);
}

#[test]
fn input_moves_and_deletes_whole_emoji_clusters() {
    let text = format!("سلام {WOMAN} خوب");
    let woman = "سلام ".len();
    let mut st = InputState::single_line().with_text(&text);
    // Inside the cluster is not a place for the cursor.
    st.set_cursor(woman + 4);
    assert_eq!(st.cursor(), woman);
    render_input(&mut st, 20, 1);
    // Left goes logically forward in Persian: over the whole emoji, to the space after it.
    st.move_left(false);
    assert_eq!(st.cursor(), woman + WOMAN.len());
    st.move_right(false);
    assert_eq!(st.cursor(), woman);
    st.delete();
    assert_eq!(st.text(), "سلام  خوب");
    st.insert_str(WOMAN);
    assert_eq!(st.cursor(), woman + WOMAN.len());
    st.backspace();
    assert_eq!(st.text(), "سلام  خوب");
    // A haraka goes alone on Backspace; the letter stays.
    let mut st = InputState::single_line().with_text("بَ");
    st.backspace();
    assert_eq!(st.text(), "ب");
    // A ZWJ typed before an emoji joins it into one cluster; the cursor goes past it.
    let mut st = InputState::single_line().with_text("👧");
    st.set_cursor(0);
    st.insert_str("👩\u{200D}");
    assert_eq!(st.cursor(), st.text().len());
}

#[test]
fn prefer_rtl_in_the_widgets() {
    let text = "SMS برای اعضا ارسال شود";
    let base = BaseDirection::Prefer(Direction::Rtl);
    let buf = render(BidiLine::new(text).base(base), 24, 1);
    assert_eq!(rows(&buf), [" ﺩﻮﺷ ﻝﺎﺳﺭﺍ ﺎﻀﻋﺍ ﯼﺍﺮﺑ SMS"]);
    // Cut at the logical end, the sentence keeps its direction: SMS stays on the right.
    let buf = render(BidiLine::new(text).base(base), 12, 1);
    assert_eq!(rows(&buf), ["…ﻉﺍ ﯼﺍﺮﺑ SMS"]);
    let buf = render(BidiParagraph::new(text).base(base), 14, 2);
    assert_eq!(rows(&buf), [" ﺎﻀﻋﺍ ﯼﺍﺮﺑ SMS", "     ﺩﻮﺷ ﻝﺎﺳﺭﺍ"]);
    // In the input, the line is right-aligned and Home puts the caret on the first S of SMS,
    // which reads left to right at the right edge.
    let mut st = InputState::single_line().with_base(base).with_text(text);
    st.move_home(false);
    let buf = render_input(&mut st, 30, 1);
    assert_eq!(rows(&buf), ["       ﺩﻮﺷ ﻝﺎﺳﺭﺍ ﺎﻀﻋﺍ ﯼﺍﺮﺑ SMS"]);
    assert_eq!(st.cursor_position(), Some(Position::new(27, 0)));
}

fn render_cached(p: &BidiParagraph<'_>, st: &mut ParagraphState, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    StatefulWidget::render(p, buf.area, &mut buf, st);
    buf
}

#[test]
fn paragraph_state_lays_out_again_exactly_when_an_input_changes() {
    let mut text = format!("{DECISION}\n").repeat(40);
    let mut st = ParagraphState::new();
    let p = BidiParagraph::new(&text).scroll(3);
    let first = render_cached(&p, &mut st, 30, 8);
    assert_eq!(st.computed(), 1);
    // The same as without the state.
    assert_eq!(first, render(BidiParagraph::new(&text).scroll(3), 30, 8));
    // Again, scrolled, styled, taller, asked for its line count: no new layout.
    let spans = [StyleSpan::new(0..10, Style::default().fg(Color::Red))];
    let p = BidiParagraph::new(&text).scroll(7).spans(&spans);
    let styled = render_cached(&p, &mut st, 30, 12);
    assert_eq!(
        styled,
        render(BidiParagraph::new(&text).scroll(7).spans(&spans), 30, 12)
    );
    assert_eq!(st.line_count(&p, 30), p.line_count(30));
    let same = text.clone();
    render_cached(&BidiParagraph::new(&same), &mut st, 30, 8);
    assert_eq!(st.computed(), 1);
    // Each input that changes the layout makes a new one, once.
    render_cached(&BidiParagraph::new(&text), &mut st, 31, 8);
    assert_eq!(st.computed(), 2);
    let rtl = BidiParagraph::new(&text).base(BaseDirection::Ltr);
    render_cached(&rtl, &mut st, 31, 8);
    render_cached(&rtl, &mut st, 31, 8);
    assert_eq!(st.computed(), 3);
    let terminal = BidiParagraph::new(&text)
        .base(BaseDirection::Ltr)
        .mode(BidiMode::Terminal);
    render_cached(&terminal, &mut st, 31, 8);
    assert_eq!(st.computed(), 4);
    // Text edited in place, same length: still noticed.
    text.replace_range(0..2, "ن");
    let p = BidiParagraph::new(&text);
    let edited = render_cached(&p, &mut st, 31, 8);
    assert_eq!(st.computed(), 5);
    assert_eq!(edited, render(BidiParagraph::new(&text), 31, 8));
    render_cached(&p, &mut st, 31, 8);
    assert_eq!(st.computed(), 5);
}

#[test]
fn a_zwj_sequence_ratatui_does_not_know_is_still_two_columns() {
    // Not a recommended sequence, so unicode-width counts 4 columns; layout says 2.
    let odd = "🙂\u{200D}🙂";
    let buf = render(BidiLine::new(&format!("{odd}ab")), 5, 1);
    assert_eq!(buf[(0, 0)].symbol(), odd);
    assert_eq!(buf[(2, 0)].symbol(), "a");
    // ratatui then sends "a" to column 2, not after its own measure of the emoji.
    let drawn: Vec<(u16, String)> = Buffer::empty(buf.area)
        .diff(&buf)
        .into_iter()
        .map(|(x, _, c)| (x, c.symbol().to_string()))
        .collect();
    assert_eq!(
        drawn[..3],
        [(0, odd.to_string()), (2, "a".into()), (3, "b".into())]
    );
}

/// Draws `w` inside a frame of `│` one column either side, `width` cells between them, and
/// returns the rows with the frame.
fn framed(w: impl Widget, width: u16, height: u16) -> Vec<String> {
    let mut buf = Buffer::empty(Rect::new(0, 0, width + 2, height));
    for y in 0..height {
        buf[(0, y)].set_symbol("│");
        buf[(width + 1, y)].set_symbol("│");
    }
    w.render(Rect::new(1, 0, width, height), &mut buf);
    rows(&buf)
}

#[test]
fn a_line_that_exactly_fills_its_width_stays_inside_its_frame() {
    // Every piece has a letter or cluster whose width differs from its character count: a
    // ZWNJ (no cell), a hamza above (joined to its heh), a lam-alef (one cell for two letters),
    // digits, «quotes», parentheses and a Latin word; the room screen's sentence that exactly
    // fills the meetings' panel (53 cells) is the first.
    let texts = [
        "امیدواریم با تسهیل اخذ مجوز، دریافت کد بهداشتی، تأمین سرمایه کار و محل عرضهٔ محصولات.",
        "گروه‌های همیار «حسابکار» (۲/۳) با SMS لاغر نشد؛ هزینهٔ غرفه ۱۲٬۵۰۰ تومان.",
        "لا لا لا ۱۲ «لا» (SMS) نمی‌خواهم عرضهٔ",
    ];
    for text in texts {
        let full = ratatui_bidi::display_width(text);
        for width in 1..=full as u16 + 2 {
            for (what, rows) in [
                ("paragraph", framed(BidiParagraph::new(text), width, 12)),
                ("line", framed(BidiLine::new(text), width, 1)),
            ] {
                for (y, row) in rows.iter().enumerate() {
                    let inside: String = row
                        .strip_prefix('│')
                        .and_then(|r| r.strip_suffix('│'))
                        .unwrap_or_else(|| panic!("{what} at {width}, row {y}: {row}"))
                        .to_owned();
                    let cells = ratatui_bidi::display_width(&inside);
                    assert_eq!(
                        cells,
                        usize::from(width),
                        "{what} at {width}, row {y}: {row}"
                    );
                }
            }
        }
    }
    // The room's line, exactly 53 cells: its logically last letter (the ن of تأمین) takes the
    // leftmost cell, right beside the frame, and the next word starts the next line.
    let rows = framed(BidiParagraph::new(texts[0]), 53, 3);
    assert!(rows[0].starts_with("│ﻦﯿﻣﺄﺗ ،"), "{}", rows[0]);
    assert!(rows[0].ends_with("ﻢﯾﺭﺍﻭﺪﯿﻣﺍ│"), "{}", rows[0]);
    assert!(rows[1].ends_with(" ﻪﯾﺎﻣﺮﺳ│"), "{}", rows[1]);
}
