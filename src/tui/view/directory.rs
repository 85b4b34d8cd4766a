//! The directory screen: a tab each for the agencies, the people and the categories, the
//! filter typed, and one row per record (deactivated ones marked when shown).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::widgets::{cells, label, line, scroll_to, titled};
use crate::i18n::Lang;
use crate::tui::model::{Directory, DirectoryTab, Entry, Model};
use crate::tui::theme::Theme;
use crate::tui::ui::Scroll;

fn tab_name(lang: Lang, tab: DirectoryTab) -> &'static str {
    let s = lang.strings().tui;
    match tab {
        DirectoryTab::Agencies => s.agencies_tab,
        DirectoryTab::People => s.people_tab,
        DirectoryTab::Categories => s.categories_tab,
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, model: &Model, scroll: &mut Scroll, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let screen = &model.directory_screen;
    let dir = &model.directory;
    let inner = titled(
        frame,
        area,
        s.directory_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 3 {
        return;
    }
    let buf = frame.buffer_mut();
    // The tabs, then what the list is narrowed by.
    let titles: Vec<String> = DirectoryTab::ALL
        .iter()
        .map(|t| {
            let mut only = screen.clone();
            only.tab = *t;
            format!(
                " {} ({}) ",
                tab_name(lang, *t),
                lang.number(only.entries(dir).len())
            )
        })
        .collect();
    let widths: Vec<u16> = titles
        .iter()
        .map(|t| crate::text::display_width(t.as_str()) as u16)
        .collect();
    let tabs = Rect::new(inner.x, inner.y, inner.width, 1);
    for ((t, tab), cell) in titles
        .iter()
        .zip(DirectoryTab::ALL)
        .zip(cells(tabs, &widths, lang))
    {
        let style = if tab == screen.tab {
            theme.tab_active
        } else {
            theme.tab_inactive
        };
        line(buf, cell, t, style, lang);
    }
    let mut notes = Vec::new();
    if !screen.filter.is_empty() {
        notes.push(format!("{}: {}", s.filter_label, screen.filter));
    }
    if screen.show_inactive {
        notes.push(s.inactive_shown.to_string());
    }
    let notes_row = Rect::new(inner.x, inner.y + 1, inner.width, 1);
    label(buf, notes_row, &notes.join(" · "), theme.muted, lang);
    let body = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    let entries = screen.entries(dir);
    if entries.is_empty() {
        label(buf, body, s.directory_empty, theme.muted, lang);
        return;
    }
    let visible = usize::from(body.height);
    scroll.directory = scroll_to(scroll.directory, screen.selected, visible);
    for (k, e) in entries
        .iter()
        .enumerate()
        .skip(scroll.directory)
        .take(visible)
    {
        let at = Rect::new(
            body.x,
            body.y + (k - scroll.directory) as u16,
            body.width,
            1,
        );
        let style = if k == screen.selected {
            theme.selected
        } else if e.is_current() {
            Style::default()
        } else {
            theme.muted
        };
        buf.set_style(at, style);
        let (values, widths) = columns(model, dir, e);
        for (text, cell) in values.iter().zip(cells(at, &widths, lang)) {
            line(buf, cell, text, style, lang);
        }
    }
}

/// A row's cells and their widths: name first, then what tells it apart.
fn columns(model: &Model, dir: &Directory, e: &Entry<'_>) -> (Vec<String>, Vec<u16>) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let off = |current: bool| if current { "" } else { s.inactive_mark };
    match e {
        Entry::Agency(a) => (
            vec![
                a.name.clone(),
                a.short_name.clone(),
                a.name_en.clone(),
                off(a.active).to_string(),
            ],
            vec![36, 16, 30, 0],
        ),
        Entry::Person(p) => {
            let agency = p.agency.as_ref().map_or(String::new(), |a| {
                dir.agency_name_within(lang, a, 24).to_string()
            });
            let invited: Vec<&str> = dir
                .invited_to(&p.id)
                .iter()
                .filter_map(|id| dir.series.iter().find(|s| &s.id == id))
                .map(|s| s.title.as_str())
                .collect();
            let invited = if invited.is_empty() {
                String::new()
            } else {
                format!("{} {}", s.invitee_mark, invited.join(lang.list_separator()))
            };
            (
                vec![
                    p.name.clone(),
                    p.title.clone(),
                    agency,
                    invited,
                    off(p.active).to_string(),
                ],
                vec![24, 22, 24, 18, 0],
            )
        }
        Entry::Category(c) => {
            let series = c
                .series
                .as_ref()
                .and_then(|id| dir.series.iter().find(|s| &s.id == id))
                .map_or(s.every_series.to_string(), |s| s.title.clone());
            (
                vec![
                    lang.number(c.order),
                    c.name.clone(),
                    series,
                    off(!c.archived).to_string(),
                ],
                vec![4, 40, 30, 0],
            )
        }
    }
}
