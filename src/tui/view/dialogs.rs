//! Small modals: a yes/no question, a menu of choices, and the attendance list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::widgets::{self, cells, clear, label, line, modal_area, scroll_to, titled};
use crate::tui::model::Model;
use crate::tui::theme::Theme;
use crate::tui::ui::{Menu, Scroll};

pub fn confirm(frame: &mut Frame<'_>, screen: Rect, model: &Model, question: &str, theme: &Theme) {
    let lang = model.lang;
    let width = screen.width.saturating_sub(4).min(70);
    let text_rows = widgets::height(question, width.saturating_sub(4), lang) as u16;
    let area = modal_area(screen, width, text_rows + 4);
    clear(frame, area);
    let inner = titled(frame, area, "", theme.border_focused, theme.title, lang);
    if inner.height < 2 || inner.width < 3 {
        return;
    }
    let text = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height - 1);
    let buf = frame.buffer_mut();
    widgets::paragraph(buf, text, question, theme.title, lang, 0);
    let keys = Rect::new(inner.x + 1, inner.y + inner.height - 1, inner.width - 2, 1);
    label(buf, keys, lang.strings().tui.yes_no, theme.muted, lang);
}

pub fn menu(frame: &mut Frame<'_>, screen: Rect, model: &Model, menu: &Menu, theme: &Theme) {
    let lang = model.lang;
    let widest = menu
        .items
        .iter()
        .map(|(t, _)| crate::text::display_width(t.as_str()))
        .max()
        .unwrap_or(10) as u16;
    let s = lang.strings().tui;
    let hint_w = crate::text::display_width(s.menu_hint) as u16;
    // One row more than the choices: the hint says what Enter does, as under every picker.
    let area = modal_area(
        screen,
        (widest + 10).max(hint_w + 4).max(30),
        menu.items.len() as u16 + 3,
    );
    clear(frame, area);
    let inner = titled(
        frame,
        area,
        &menu.title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    let hint = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    label(
        buf,
        hint,
        &super::fit_keys(s.menu_hint, usize::from(inner.width)),
        theme.muted,
        lang,
    );
    for (i, (text, _)) in menu
        .items
        .iter()
        .enumerate()
        .take(usize::from(inner.height - 1))
    {
        let at = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
        let style = if i == menu.selected {
            theme.selected
        } else {
            Style::default()
        };
        buf.set_style(at, style);
        let text = format!(" {} {text}", lang.number(i + 1));
        label(buf, at, &text, style, lang);
    }
}

/// Everyone expected at the meeting with their attendance; keys mark the selected person.
pub fn attendance(
    frame: &mut Frame<'_>,
    screen: Rect,
    model: &Model,
    selected: usize,
    scroll: &mut Scroll,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let Some(room) = &model.room else { return };
    let dir = &model.directory;
    let people = room.expected_people(dir);
    let area = modal_area(
        screen,
        screen.width.saturating_sub(4).min(100),
        (people.len() as u16 + 4).max(8),
    );
    clear(frame, area);
    let summary = room.attendance_summary(dir);
    let title = format!(
        "{} — {}/{}",
        s.attendance_title,
        lang.number(summary.present),
        lang.number(summary.expected)
    );
    let inner = titled(frame, area, &title, theme.border_focused, theme.title, lang);
    if inner.height < 2 {
        return;
    }
    let list = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let rows = usize::from(list.height);
    scroll.attendance = scroll_to(scroll.attendance, selected, rows);
    let buf = frame.buffer_mut();
    if people.is_empty() {
        widgets::paragraph(buf, list, s.attendance_empty, theme.muted, lang, 0);
    }
    // Below 96 cells the columns narrow (agencies by their short names) so the state, what
    // the minutes record, is never cut.
    let widths: &[u16] = if list.width < 96 {
        &[18, 12, 16, 14, 0]
    } else {
        &[20, 18, 22, 16, 0]
    };
    for (k, id) in people.iter().enumerate().skip(scroll.attendance).take(rows) {
        let at = Rect::new(
            list.x,
            list.y + (k - scroll.attendance) as u16,
            list.width,
            1,
        );
        let style = if k == selected {
            theme.selected
        } else {
            Style::default()
        };
        buf.set_style(at, style);
        let person = dir.person(id);
        let name = person.map_or("", |p| p.name.as_str());
        let title = person.map_or("", |p| p.title.as_str());
        let agency = person.and_then(|p| p.agency.as_ref()).map_or("", |a| {
            dir.agency_name_within(lang, a, usize::from(widths[2]))
        });
        let record = room.attendance_of(id);
        let state = record.map_or("—".to_string(), |a| {
            let mut t = lang.status(a.state).to_string();
            if let Some(f) = &a.substitute_for {
                t = format!("{t} ← {}", dir.person_name(f));
            }
            t
        });
        let reason = record.map_or("", |a| a.reason.as_str());
        let parts = cells(at, widths, lang);
        line(buf, parts[0], name, style, lang);
        line(buf, parts[1], title, style.patch(theme.muted), lang);
        line(buf, parts[2], agency, style, lang);
        line(buf, parts[3], &state, style, lang);
        line(buf, parts[4], reason, style.patch(theme.muted), lang);
    }
    let keys = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    let hints = super::fit_keys(s.attendance_keys, usize::from(keys.width));
    label(buf, keys, &hints, theme.muted, lang);
}
