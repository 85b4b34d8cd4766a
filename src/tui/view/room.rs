//! The meeting room: header, category tabs, the list of issues (or decisions to review) and
//! the detail of the selected one. Mirrored in Persian: the list on the right.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::pieces::{Pieces, Shape};
use super::widgets::{cells, label, line, panes, scroll_to, titled, unbroken};
use crate::domain::{DecisionStatus, MeetingStatus};
use crate::i18n::{Lang, Localized, TuiMessage};
use crate::tui::model::{Directory, Focus, ListItem, Model, Room, TabKind};
use crate::tui::theme::Theme;
use crate::tui::ui::Scroll;

/// Draws the room over `area` (the footer is drawn by the caller).
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    model: &Model,
    room: &Room,
    scroll: &mut Scroll,
    theme: &Theme,
) {
    if area.height < 6 {
        return;
    }
    let header = Rect::new(area.x, area.y, area.width, 2);
    let tabs = Rect::new(area.x, area.y + 2, area.width, 1);
    let body = Rect::new(area.x, area.y + 3, area.width, area.height - 3);
    draw_header(frame, header, model, room, theme);
    draw_tabs(frame, tabs, model, room, theme);
    let (list, detail) = panes(body, model.lang, 45);
    draw_list(frame, list, model, room, scroll, theme);
    draw_detail(frame, detail, model, room, scroll, theme);
}

fn draw_header(frame: &mut Frame<'_>, area: Rect, model: &Model, room: &Room, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let m = &room.meeting;
    let info = format!(
        "{} {} · {} · {}",
        s.meeting,
        lang.number(m.number),
        lang.date_with_weekday(m.date),
        lang.status(m.status)
    );
    let info_w = (crate::text::display_width(info.as_str()) as u16).min(area.width);
    let row = Rect::new(area.x, area.y, area.width, 1);
    let parts = cells(row, &[area.width.saturating_sub(info_w + 2), info_w], lang);
    let buf = frame.buffer_mut();
    line(buf, parts[0], &room.series.title, theme.title, lang);
    label_end(buf, parts[1], &info, theme.header, lang);

    let a = room.attendance_summary(&model.directory);
    let mut second = Vec::new();
    if let (Some(start), MeetingStatus::InProgress) = (m.start_time, m.status)
        && m.date == model.today
        && (model.now.hour, model.now.minute) >= (start.hour, start.minute)
        && model.now.hour < start.hour + 12
    {
        let minutes = (i32::from(model.now.hour) * 60 + i32::from(model.now.minute))
            - (i32::from(start.hour) * 60 + i32::from(start.minute));
        // Beyond half a day the start time was not today's (a demo day, a meeting left open).
        let minutes = minutes.clamp(0, 12 * 60);
        let clock = format!("{:02}:{:02}", minutes / 60, minutes % 60);
        second.push(format!("{} {}", s.elapsed, lang.digits(&clock)));
    }
    second.push(TuiMessage::QuorumLine(&a.quorum).localized(lang));
    if room.show_resolved {
        second.push(s.resolved_shown.to_string());
    }
    let style = if a.quorum.is_met() {
        theme.muted
    } else {
        theme.overdue
    };
    label(
        buf,
        Rect::new(area.x, area.y + 1, area.width, 1),
        &second.join(" · "),
        style,
        lang,
    );
}

/// A line at the interface's end side (left in Persian).
fn label_end(buf: &mut ratatui::buffer::Buffer, area: Rect, text: &str, style: Style, lang: Lang) {
    let other = match lang {
        Lang::Fa => Lang::En,
        Lang::En => Lang::Fa,
    };
    let w = (crate::text::display_width(text) as u16).min(area.width);
    let x = match other {
        Lang::En => area.x,
        Lang::Fa => area.x + area.width - w,
    };
    line(buf, Rect::new(x, area.y, w, 1), text, style, lang);
}

fn tab_name<'a>(model: &'a Model, kind: &TabKind) -> &'a str {
    let s = model.lang.strings().tui;
    match kind {
        TabKind::All => s.tab_all,
        TabKind::Category(id) => model.directory.category_name(Some(id)),
        TabKind::Uncategorised => s.tab_uncategorised,
        TabKind::Review => s.tab_review,
    }
}

/// The category tabs. When they do not fit the row, the other tabs' names are cut to the
/// same length (their counts kept) while the current one stays whole; when even that does
/// not fit, the row scrolls so the current tab is in view, a «…» at each side that hides tabs.
fn draw_tabs(frame: &mut Frame<'_>, area: Rect, model: &Model, room: &Room, theme: &Theme) {
    let lang = model.lang;
    let names: Vec<&str> = room.tabs.iter().map(|t| tab_name(model, &t.kind)).collect();
    let counts: Vec<String> = room
        .tabs
        .iter()
        .map(|t| format!(" ({})", lang.number(t.open)))
        .collect();
    let titles = fit_tabs(&names, &counts, room.tab, usize::from(area.width));
    let widths: Vec<u16> = titles
        .iter()
        .map(|t| crate::text::display_width(t.as_str()) as u16 + 2)
        .collect();
    // Start far enough along that the current tab is in view, leaving a cell for the «…»
    // that says tabs are hidden before it.
    let mut first = 0;
    while first < room.tab
        && widths[first..=room.tab].iter().map(|w| w + 1).sum::<u16>() + 2 > area.width
    {
        first += 1;
    }
    let mut row = area;
    let buf = frame.buffer_mut();
    if first > 0 {
        let cut = cells(row, &[1, 0], lang);
        line(buf, cut[0], "…", theme.tab_inactive, lang);
        row = cut[1];
    }
    let fits = widths[first..].iter().map(|w| w + 1).sum::<u16>() <= row.width + 1;
    let mut shown: Vec<u16> = widths[first..].to_vec();
    shown.push(0);
    let areas = cells(row, &shown, lang);
    for (i, (title, cell)) in titles[first..].iter().zip(&areas).enumerate() {
        let style = if first + i == room.tab {
            theme.tab_active
        } else {
            theme.tab_inactive
        };
        // A tab that would be cut at the row's end is left out for the «…» that says so.
        let whole = cell.width >= widths[first + i];
        if !whole {
            if !fits && cell.width > 0 {
                line(buf, *cell, "…", theme.tab_inactive, lang);
            }
            break;
        }
        line(buf, *cell, &format!(" {title} "), style, lang);
    }
}

/// Each tab's title, the names of the tabs other than `current` cut to one length where the
/// titles would not fit `width` whole (one cell of space around each and between them).
fn fit_tabs(names: &[&str], counts: &[String], current: usize, width: usize) -> Vec<String> {
    let w = |t: &str| crate::text::display_width(t);
    let total = |cap: usize| -> usize {
        names
            .iter()
            .zip(counts)
            .enumerate()
            .map(|(i, (n, c))| {
                let name = if i == current { w(n) } else { w(n).min(cap) };
                name + w(c) + 3
            })
            .sum()
    };
    let longest = names.iter().map(|n| w(n)).max().unwrap_or(0);
    // Names cut to fewer than five cells no longer say which category they are.
    let mut cap = longest;
    while cap > 5 && total(cap) > width + 1 {
        cap -= 1;
    }
    names
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (n, c))| {
            if i == current || w(n) <= cap {
                format!("{n}{c}")
            } else {
                format!("{}{c}", cut_to(n, cap))
            }
        })
        .collect()
}

/// `text` cut at its logical end to `width` cells, an ellipsis included.
fn cut_to(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let gw = crate::text::display_width(g);
        if used + gw + 1 > width {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    format!("{}…", out.trim_end())
}

fn draw_list(
    frame: &mut Frame<'_>,
    area: Rect,
    model: &Model,
    room: &Room,
    scroll: &mut Scroll,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let title = match room.current_tab() {
        TabKind::Review => s.tab_review,
        _ => s.issues,
    };
    let focused = room.focus == Focus::List;
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let inner = titled(frame, area, title, border, theme.title, lang);
    let items = room.items(&model.directory);
    let buf = frame.buffer_mut();
    if items.is_empty() {
        label(
            buf,
            Rect::new(inner.x, inner.y, inner.width, 1.min(inner.height)),
            s.nothing_here,
            theme.muted,
            lang,
        );
        return;
    }
    let rows = usize::from(inner.height);
    scroll.list = scroll_to(scroll.list, room.selected, rows);
    for (row, (i, item)) in items
        .iter()
        .enumerate()
        .skip(scroll.list)
        .take(rows)
        .enumerate()
    {
        let at = Rect::new(inner.x, inner.y + row as u16, inner.width, 1);
        let selected = i == room.selected;
        let base = match item {
            ListItem::Issue(issue) if !issue.status.is_open() => theme.muted,
            ListItem::Review(r) if r.overdue => theme.overdue,
            _ => Style::default(),
        };
        let style = if selected {
            base.patch(if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            })
        } else {
            base
        };
        buf.set_style(at, style);
        draw_item(buf, at, item, style, lang);
    }
}

/// An issue's title (with its status when it is no longer open), or a decision under review:
/// its number, deadline and text.
fn draw_item(buf: &mut Buffer, at: Rect, item: &ListItem<'_>, style: Style, lang: Lang) {
    match item {
        ListItem::Issue(issue) => {
            let mut text = issue.title.clone();
            if !issue.status.is_open() {
                text = format!("{text} ({})", lang.status(issue.status));
            }
            line(buf, at, &text, style, lang);
        }
        ListItem::Review(r) => {
            let d = &r.decision;
            let number = lang.decision_number(d.number);
            let due = d.due.map(|x| lang.date(x)).unwrap_or_default();
            let parts = cells(at, &[7, 10, 0], lang);
            line(buf, parts[0], &number, style, lang);
            line(buf, parts[1], &due, style, lang);
            line(buf, parts[2], &d.text, style, lang);
        }
    }
}

fn draw_detail(
    frame: &mut Frame<'_>,
    area: Rect,
    model: &Model,
    room: &Room,
    scroll: &mut Scroll,
    theme: &Theme,
) {
    let lang = model.lang;
    let focused = room.focus == Focus::Detail;
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let dir = &model.directory;
    let (title, pieces) = if let Some(issue) = room.selected_issue(dir) {
        (issue.title.clone(), issue_pieces(model, room, theme))
    } else if let Some(r) = room.selected_review(dir) {
        let s = lang.strings().tui;
        (
            format!(
                "{} {}",
                s.decision_noun,
                lang.decision_number(r.decision.number)
            ),
            review_pieces(model, room, theme),
        )
    } else {
        (String::new(), Pieces::default())
    };
    let inner = titled(frame, area, &title, border, theme.title, lang);
    let selected = focused.then_some(room.detail.selected);
    scroll.detail = pieces.draw(
        frame.buffer_mut(),
        inner,
        lang,
        scroll.detail,
        selected,
        theme.selected,
    );
}

/// One decision as the detail pane lists it: its number, agency, deadline and status, then
/// its text.
fn decision_pieces(
    p: &mut Pieces,
    model: &Model,
    d: &crate::domain::Decision,
    item: usize,
    theme: &Theme,
) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let dir: &Directory = &model.directory;
    let due = d.due.map_or_else(|| s.no_due.to_string(), |x| lang.date(x));
    let mut head = format!(
        "{} · {} · {} · {}",
        lang.decision_number(d.number),
        dir.agency_name(lang, &d.lead_agency),
        due,
        unbroken(lang.status(d.status))
    );
    if d.is_overdue(model.today) {
        head = format!("{head} · {}", s.overdue);
    }
    let style = match d.status {
        _ if d.is_overdue(model.today) => theme.overdue,
        DecisionStatus::Done | DecisionStatus::Cancelled => theme.muted,
        _ => theme.header,
    };
    // Wrapped, not cut: the agency, the deadline and the status decide the decision.
    p.push(Shape::Wrapped, head, style, Some(item));
    p.push(Shape::Wrapped, d.text.clone(), Style::default(), Some(item));
    if !d.supporting_agencies.is_empty() {
        let with = dir.agency_names(lang, &d.supporting_agencies);
        p.push(Shape::Line, format!("+ {with}"), theme.muted, Some(item));
    }
}

fn issue_pieces(model: &Model, room: &Room, theme: &Theme) -> Pieces {
    let lang = model.lang;
    let s = lang.strings().tui;
    let dir = &model.directory;
    let mut p = Pieces::default();
    let Some(issue) = room.selected_issue(dir) else {
        return p;
    };
    let h = &room.detail.history;
    let mut facts = vec![lang.status(issue.status).to_string()];
    let category = dir.category_name(issue.category.as_ref());
    if !category.is_empty() {
        facts.insert(0, category.to_string());
    }
    let numbers: Vec<String> = h.meetings.iter().map(|m| lang.number(m.number)).collect();
    if !numbers.is_empty() {
        facts.push(format!(
            "{} {}",
            s.on_agenda_of,
            numbers.join(lang.list_separator())
        ));
    }
    p.push(Shape::Heading, facts.join(" · "), theme.muted, None);
    if !issue.description.is_empty() {
        p.gap();
        p.push(
            Shape::Wrapped,
            issue.description.clone(),
            Style::default(),
            None,
        );
    }
    history_pieces(&mut p, model, room, theme);
    p
}

/// The decisions and statements of the selected issue across meetings: the detail pane's
/// selectable items, numbered as [`Detail::items`](crate::tui::model::Detail::items) lists them.
fn history_pieces(p: &mut Pieces, model: &Model, room: &Room, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let dir = &model.directory;
    let h = &room.detail.history;
    let mut item = 0;
    if !h.decisions.is_empty() {
        p.gap();
        p.push(Shape::Heading, s.decisions, theme.title, None);
        for d in &h.decisions {
            decision_pieces(p, model, d, item, theme);
            item += 1;
        }
    }
    if !h.statements.is_empty() {
        p.gap();
        p.push(Shape::Heading, s.statements, theme.title, None);
        for st in &h.statements {
            let meeting = h
                .meetings
                .iter()
                .find(|m| m.id == st.meeting)
                .map(|m| m.number);
            let who = dir.person_name(&st.speaker);
            let head = match meeting {
                Some(n) if n != room.meeting.number => {
                    format!("{who} ({} {})", s.meeting, lang.number(n))
                }
                _ => who.to_string(),
            };
            p.push(Shape::Line, head, theme.header, Some(item));
            p.push(
                Shape::Wrapped,
                st.text.clone(),
                Style::default(),
                Some(item),
            );
            item += 1;
        }
    }
}

fn review_pieces(model: &Model, room: &Room, theme: &Theme) -> Pieces {
    let lang = model.lang;
    let s = lang.strings().tui;
    let mut p = Pieces::default();
    let Some(r) = room.selected_review(&model.directory) else {
        return p;
    };
    decision_pieces(&mut p, model, &r.decision, usize::MAX, theme);
    if !room.detail.follow_ups.is_empty() {
        p.gap();
        p.push(Shape::Heading, s.follow_ups, theme.title, None);
        for f in &room.detail.follow_ups {
            let head = format!("{} · {}", lang.date(f.date), lang.status(f.new_status));
            p.push(Shape::Line, head, theme.header, None);
            if !f.note.is_empty() {
                p.push(Shape::Wrapped, f.note.clone(), Style::default(), None);
            }
        }
    }
    history_pieces(&mut p, model, room, theme);
    p
}
