//! The action review: the filter in force, the table of decisions (grouped by lead agency when
//! asked, with each group's counts), and the selected decision's follow-ups.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pieces::{Pieces, Shape};
use super::widgets::{cells, label, line, panes, scroll_to, titled, unbroken};
use crate::i18n::{Localized, TuiMessage};
use crate::tui::model::{Model, Row};
use crate::tui::theme::Theme;
use crate::tui::ui::Scroll;

/// The table's columns, by their index in the headers (number, text, agency, due, status,
/// days late, last follow-up), with their widths; the text takes what is left. Narrow tables
/// drop the last follow-up, then the days late, then the text (the detail pane shows it
/// whole), so that the number, the agency, the deadline and the status are never cut; a
/// status takes its short form below 14 cells.
fn columns(width: u16) -> Vec<(usize, u16)> {
    const NUMBER: u16 = 6;
    const DUE: u16 = 10;
    if width < 60 {
        let status = 12;
        let agency = width.saturating_sub(NUMBER + DUE + status + 3).max(8);
        return vec![(0, NUMBER), (2, agency), (3, DUE), (4, status)];
    }
    let (agency, status) = if width >= 76 { (20, 15) } else { (18, 12) };
    let mut cols = vec![(0, NUMBER), (2, agency), (3, DUE), (4, status)];
    if width >= 84 {
        cols.push((5, 4));
    }
    if width >= 110 {
        cols.push((6, 10));
    }
    cols.push((1, 0));
    cols
}

/// The width of the column of header `index`, if the table shows it.
fn width_of(cols: &[(usize, u16)], index: usize) -> usize {
    cols.iter()
        .find(|c| c.0 == index)
        .map_or(0, |c| usize::from(c.1))
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, model: &Model, scroll: &mut Scroll, theme: &Theme) {
    if area.height < 5 {
        return;
    }
    let lang = model.lang;
    let s = lang.strings().tui;
    let r = &model.review;
    let mut top = format!(
        "{}: {}",
        s.filter_label,
        if r.filter_text.is_empty() {
            s.no_filter
        } else {
            r.filter_text.as_str()
        }
    );
    if r.grouped {
        top = format!("{top} · {}", s.grouped_by_agency);
    }
    top = format!("{top} · {}", lang.number(r.item_count));
    if r.loading {
        top = format!("{top} · {}", s.loading);
    }
    let buf = frame.buffer_mut();
    label(
        buf,
        Rect::new(area.x, area.y, area.width, 1),
        &top,
        theme.header,
        lang,
    );
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let (list, detail) = panes(body, lang, 68);
    draw_table(frame, list, model, scroll, theme);
    draw_detail(frame, detail, model, theme);
}

fn draw_table(
    frame: &mut Frame<'_>,
    area: Rect,
    model: &Model,
    scroll: &mut Scroll,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let inner = titled(
        frame,
        area,
        s.review_title,
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height < 2 {
        return;
    }
    let r = &model.review;
    let buf = frame.buffer_mut();
    let head = Rect::new(inner.x, inner.y, inner.width, 1);
    let cols = columns(inner.width);
    let widths: Vec<u16> = cols.iter().map(|c| c.1).collect();
    for ((index, _), cell) in cols.iter().zip(cells(head, &widths, lang)) {
        line(buf, cell, s.review_headers[*index], theme.header, lang);
    }
    let rows = usize::from(inner.height - 1);
    scroll.review = scroll_to(scroll.review, r.selected, rows);
    for (k, row) in r.rows.iter().enumerate().skip(scroll.review).take(rows) {
        let at = Rect::new(
            inner.x,
            inner.y + 1 + (k - scroll.review) as u16,
            inner.width,
            1,
        );
        match row {
            Row::Group {
                agency,
                open,
                overdue,
                done,
            } => {
                let dir = &model.directory;
                let counts = TuiMessage::GroupCounts(*open, *overdue, *done).localized(lang);
                // The counts whole; the agency by its short name when both do not fit.
                let room = usize::from(at.width)
                    .saturating_sub(crate::text::display_width(counts.as_str()) + 3);
                let name = dir
                    .agencies
                    .get(*agency)
                    .map_or("", |a| dir.agency_name_within(lang, &a.id, room));
                label(buf, at, &format!("{name} — {counts}"), theme.title, lang);
            }
            Row::Item(i) => {
                let Some((values, overdue)) = item_cells(model, *i, &cols) else {
                    continue;
                };
                let base = if overdue {
                    theme.overdue
                } else {
                    Style::default()
                };
                let style = if k == r.selected {
                    base.patch(theme.selected)
                } else {
                    base
                };
                buf.set_style(at, style);
                for ((index, _), cell) in cols.iter().zip(cells(at, &widths, lang)) {
                    line(buf, cell, &values[*index], style, lang);
                }
            }
        }
    }
}

/// A decision's cells in the order of the headers (number, text, lead agency with the count of
/// supporting ones, deadline, status, days late, last follow-up), and whether it is overdue.
fn item_cells(model: &Model, entry: usize, cols: &[(usize, u16)]) -> Option<([String; 7], bool)> {
    let (lang, r, dir) = (model.lang, &model.review, &model.directory);
    let e = r.entries.entries.get(entry)?;
    let late = e
        .due
        .filter(|_| e.is_overdue(model.today))
        .map(|due| due.days_until(model.today));
    let more = if e.supporting > 0 {
        format!(" (+{})", lang.number(e.supporting))
    } else {
        String::new()
    };
    let room = width_of(cols, 2).saturating_sub(crate::text::display_width(more.as_str()));
    let agency = r
        .lead_agency(e)
        .map_or("", |a| dir.agency_name_within(lang, a, room));
    let agency = format!("{agency}{more}");
    // The texts of the rows around the selection are read as it moves (`App` reads a screen's
    // height each way), so a row drawn here has its text.
    let cells = [
        lang.decision_number(e.number),
        r.texts.get(&entry).cloned().unwrap_or_default(),
        agency,
        e.due.map(|x| lang.date(x)).unwrap_or_default(),
        lang.status_within(e.status, width_of(cols, 4)).to_string(),
        late.map(|n| lang.number(n)).unwrap_or_default(),
        e.last_follow_up.map(|x| lang.date(x)).unwrap_or_default(),
    ];
    Some((cells, late.is_some()))
}

fn draw_detail(frame: &mut Frame<'_>, area: Rect, model: &Model, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let r = &model.review;
    let dir = &model.directory;
    let (Some(e), Some(d)) = (r.selected_entry(), &r.decision) else {
        titled(frame, area, "", theme.border, theme.title, lang);
        return;
    };
    // The title holds the number only, so that a narrow pane does not cut it; the meeting
    // and everything that decides the decision are lines of their own, wrapped, never cut.
    let title = format!("{} {}", s.decision_noun, lang.decision_number(d.number));
    let inner = titled(frame, area, &title, theme.border, theme.title, lang);
    let mut p = Pieces::default();
    p.push(
        Shape::Wrapped,
        format!(
            "{} {} · {}",
            s.meeting,
            lang.number(d.number.meeting),
            lang.date(e.meeting_date)
        ),
        theme.muted,
        None,
    );
    p.push(Shape::Wrapped, d.text.clone(), Style::default(), None);
    p.gap();
    let due = d.due.map_or_else(|| s.no_due.to_string(), |x| lang.date(x));
    p.push(
        Shape::Wrapped,
        format!(
            "{} · {} · {}",
            dir.agency_name(lang, &d.lead_agency),
            due,
            unbroken(lang.status(d.status))
        ),
        theme.header,
        None,
    );
    if !d.supporting_agencies.is_empty() {
        p.push(
            Shape::Wrapped,
            format!("+ {}", dir.agency_names(lang, &d.supporting_agencies)),
            theme.muted,
            None,
        );
    }
    if !r.reviewed_in.is_empty() {
        let n: Vec<String> = r.reviewed_in.iter().map(|n| lang.number(n)).collect();
        p.push(
            Shape::Wrapped,
            format!("{} {}", s.reviewed_in, n.join(lang.list_separator())),
            theme.muted,
            None,
        );
    }
    if !r.follow_ups.is_empty() {
        p.gap();
        p.push(Shape::Heading, s.follow_ups, theme.title, None);
        for f in r.follow_ups.iter().rev() {
            p.push(
                Shape::Wrapped,
                format!(
                    "{} · {}",
                    lang.date(f.date),
                    unbroken(lang.status(f.new_status))
                ),
                theme.header,
                None,
            );
            if !f.note.is_empty() {
                p.push(Shape::Wrapped, f.note.clone(), Style::default(), None);
            }
        }
    }
    p.draw(frame.buffer_mut(), inner, lang, 0, None, theme.selected);
}
