//! A form over the screen: each field's label and input, a picker's matches under it, what a
//! typed deadline means, why the last save was refused, and the form's keys.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::widgets::{clear, label, line, modal_area, titled};
use crate::domain::{MonthCalendar, parse_due};
use crate::i18n::{Lang, Localized, TuiMessage, field_label};
use crate::text::BidiInput;
use crate::tui::forms::{Enter, Field, FieldId, FieldKind, Form, FormKind, Picker};
use crate::tui::model::Model;
use crate::tui::theme::Theme;

/// Rows a picker's matches take when it has the keys.
const MATCH_ROWS: usize = 6;
/// Rows a multi-line field takes.
const TEXT_ROWS: u16 = 4;

fn title(model: &Model, kind: &FormKind) -> String {
    let lang = model.lang;
    let s = lang.strings().tui;
    let person = |id| model.directory.person_name(id);
    let (noun, editing) = match kind {
        FormKind::Decision { editing, .. } => (s.decision_noun, editing.is_some()),
        FormKind::Statement { editing, .. } => (s.statement_noun, editing.is_some()),
        FormKind::Issue { editing, .. } => (s.issue_noun, editing.is_some()),
        FormKind::Series { editing } => (s.series_noun, editing.is_some()),
        FormKind::Amendment { .. } | FormKind::AmendWhat { .. } => (s.amendment_noun, false),
        FormKind::AmendDecision { number, .. } => {
            let what = format!("{} {}", s.decision_noun, lang.decision_number(*number));
            return TuiMessage::About(s.amendment_noun, &what).localized(lang);
        }
        FormKind::AmendAttendance { person: p, .. } => {
            return TuiMessage::About(s.amend_attendance_noun, person(p)).localized(lang);
        }
        // A sub-form names whom or what it is about.
        FormKind::AttendanceReason { person: p } => {
            return TuiMessage::About(s.reason_noun, person(p)).localized(lang);
        }
        FormKind::Substitute { person: p } => {
            return TuiMessage::SubstituteFor(person(p)).localized(lang);
        }
        FormKind::FollowUp { number, status, .. } => {
            return TuiMessage::FollowUpTitle(*number, lang.status(*status)).localized(lang);
        }
        FormKind::Export { .. } => return s.export_noun.to_string(),
        FormKind::ReviewFilter => return s.filter_label.to_string(),
        FormKind::MoveIssue { .. } => return s.move_issue_title.to_string(),
        FormKind::Person {
            guest_at: Some(_), ..
        } => return s.guest_title.to_string(),
        FormKind::Person { editing, .. } => (s.person_noun, editing.is_some()),
        FormKind::Meeting { editing, .. } => (s.meeting, editing.is_some()),
        FormKind::Agency { editing } => (s.agency_noun, editing.is_some()),
        FormKind::Category { editing } => (s.category_noun, editing.is_some()),
        FormKind::Merge { .. } => return s.merge_title.to_string(),
        FormKind::DirectoryFilter => return s.filter_label.to_string(),
    };
    TuiMessage::FormTitle(noun, editing).localized(lang)
}

fn field_rows(field: &Field, focused: bool) -> u16 {
    let input = match &field.kind {
        FieldKind::Line(_) => 1,
        FieldKind::Lines(_) => TEXT_ROWS,
        FieldKind::Pick(p) if focused => {
            1 + u16::from(p.is_multi()) + p.row_count().clamp(1, MATCH_ROWS) as u16
        }
        FieldKind::Pick(_) => 1,
    };
    let preview = u16::from(field.id.is_date());
    1 + input + preview
}

/// Draws the form; puts the terminal cursor in the focused field.
pub fn draw(frame: &mut Frame<'_>, screen: Rect, model: &Model, form: &mut Form, theme: &Theme) {
    let lang = model.lang;
    let preview = match &form.kind {
        FormKind::Export { preview, .. } => Some(preview.clone()),
        _ => None,
    };
    // The export screen gives the rest of the height to its preview.
    let rows = if preview.is_some() {
        screen.height.saturating_sub(2)
    } else {
        form.fields
            .iter()
            .enumerate()
            .map(|(i, f)| field_rows(f, i == form.focus))
            .sum::<u16>()
            + 4
    };
    let area = modal_area(screen, screen.width.saturating_sub(4).min(96), rows);
    clear(frame, area);
    let inner = titled(
        frame,
        area,
        &title(model, &form.kind),
        theme.border_focused,
        theme.title,
        lang,
    );
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let inner = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height);
    let (y, cursor) = draw_fields(frame, inner, model, form, theme);
    let bottom = inner.y + inner.height;
    if let Some(text) = &preview
        && y + 3 < bottom
    {
        label(
            frame.buffer_mut(),
            Rect::new(inner.x, y, inner.width, 1),
            lang.strings().tui.preview,
            theme.header,
            lang,
        );
        let at = Rect::new(inner.x, y + 1, inner.width, bottom - y - 3);
        super::widgets::paragraph(frame.buffer_mut(), at, text, theme.muted, lang, 0);
    }
    draw_footer(frame, inner, model, form, theme);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

/// Each field under its label, the deadline with the date it means; returns the first row
/// below them and where the terminal cursor goes.
fn draw_fields(
    frame: &mut Frame<'_>,
    inner: Rect,
    model: &Model,
    form: &mut Form,
    theme: &Theme,
) -> (u16, Option<Position>) {
    let lang = model.lang;
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let focus = form.focus;
    let mut cursor = None;
    for (i, field) in form.fields.iter_mut().enumerate() {
        if y >= bottom {
            break;
        }
        let focused = i == focus;
        let label_style = if focused { theme.title } else { theme.header };
        label(
            frame.buffer_mut(),
            Rect::new(inner.x, y, inner.width, 1),
            field_label(lang, field.id),
            label_style,
            lang,
        );
        y += 1;
        let height = field_rows(field, focused).saturating_sub(1 + u16::from(field.id.is_date()));
        let at = Rect::new(
            inner.x,
            y,
            inner.width,
            height.min(bottom.saturating_sub(y)),
        );
        if let Some(pos) = draw_field(frame, at, model, field, focused, theme) {
            cursor = Some(pos);
        }
        y += at.height;
        if field.id.is_date() && y < bottom {
            due_preview(
                frame,
                Rect::new(inner.x, y, inner.width, 1),
                model,
                field,
                theme,
            );
            y += 1;
        }
    }
    (y, cursor)
}

/// Why the form cannot be saved yet, if it cannot, and the keys.
fn draw_footer(frame: &mut Frame<'_>, inner: Rect, model: &Model, form: &Form, theme: &Theme) {
    let lang = model.lang;
    let s = lang.strings().tui;
    let bottom = inner.y + inner.height;
    // A date the save refused is already explained under its field, in the same words.
    let said_by_a_field = |error: &str| {
        form.fields
            .iter()
            .filter(|f| f.id.is_date())
            .any(|f| due_message(model, f, theme).0 == error)
    };
    if let Some(error) = &form.error
        && bottom > inner.y
        && !said_by_a_field(error)
    {
        line(
            frame.buffer_mut(),
            Rect::new(inner.x, bottom - 2.min(bottom - inner.y), inner.width, 1),
            error.as_str(),
            theme.error,
            lang,
        );
    }
    // A picker's hint says what Enter does now, the same in every picker.
    let enter = form.focused().and_then(|f| f.picker()).map(|p| p.enter());
    let hint = match enter {
        Some(Enter::Choose) => format!("{} · Enter: {}", s.picker_hint, s.enter_choose),
        Some(Enter::Add(..)) => format!("{} · Enter: {}", s.picker_hint, s.enter_add),
        Some(Enter::Unchoose) => format!("{} · Enter: {}", s.picker_hint, s.enter_unchoose),
        Some(Enter::Nothing) => s.picker_hint.to_string(),
        None => s.form_hint.to_string(),
    };
    label(
        frame.buffer_mut(),
        Rect::new(inner.x, bottom.saturating_sub(1), inner.width, 1),
        &hint,
        theme.muted,
        lang,
    );
}

/// One field's input; returns where the terminal cursor goes when it has the keys.
fn draw_field(
    frame: &mut Frame<'_>,
    area: Rect,
    model: &Model,
    field: &mut Field,
    focused: bool,
    theme: &Theme,
) -> Option<Position> {
    let lang = model.lang;
    let input_style = if focused {
        theme.input_focused
    } else {
        theme.input
    };
    match &mut field.kind {
        FieldKind::Line(state) | FieldKind::Lines(state) => {
            frame.render_stateful_widget(BidiInput::new().style(input_style), area, state);
            focused.then(|| state.cursor_position()).flatten()
        }
        FieldKind::Pick(picker) if focused => {
            draw_open_picker(frame, area, lang, picker, input_style, theme)
        }
        FieldKind::Pick(picker) => {
            let chosen: Vec<&str> = picker.chosen().map(|o| o.label.as_str()).collect();
            let text = if chosen.is_empty() {
                "—".to_string()
            } else {
                chosen.join(lang.list_separator())
            };
            let buf = frame.buffer_mut();
            buf.set_style(area, input_style);
            line(buf, area, &text, input_style, lang);
            None
        }
    }
}

/// A picker that has the keys: what is chosen (when several may be), the query being typed,
/// and the options it matches, the highlighted one kept in view. Returns the cursor.
fn draw_open_picker(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: Lang,
    picker: &mut Picker,
    input_style: Style,
    theme: &Theme,
) -> Option<Position> {
    let mut y = area.y;
    if picker.is_multi() {
        let chosen: Vec<&str> = picker.chosen().map(|o| o.label.as_str()).collect();
        let text = format!("✓ {}", chosen.join(lang.list_separator()));
        line(
            frame.buffer_mut(),
            Rect::new(area.x, y, area.width, 1),
            &text,
            theme.muted,
            lang,
        );
        y += 1;
    }
    let query = Rect::new(area.x, y, area.width, 1);
    frame.render_stateful_widget(
        BidiInput::new().style(input_style),
        query,
        &mut picker.query,
    );
    let pos = picker.query.cursor_position();
    let buf = frame.buffer_mut();
    let list_top = y + 1;
    let rows = usize::from((area.y + area.height).saturating_sub(list_top));
    if picker.row_count() == 0 {
        let at = Rect::new(area.x, list_top, area.width, rows.min(1) as u16);
        label(buf, at, lang.strings().tui.no_matches, theme.muted, lang);
        return pos;
    }
    let first = picker
        .highlighted_index()
        .saturating_sub(rows.saturating_sub(1));
    let new_row = picker.new_name().map(|name| {
        (
            TuiMessage::AddNew(name).localized(lang),
            picker.match_count(),
        )
    });
    for (k, (option, highlighted, chosen)) in picker.matches().enumerate().skip(first).take(rows) {
        let at = Rect::new(area.x, list_top + (k - first) as u16, area.width, 1);
        let style = if highlighted {
            theme.selected
        } else {
            Style::default()
        };
        let mark = if chosen { "✓ " } else { "  " };
        let text = if option.detail.is_empty() || option.detail == option.label {
            format!("{mark}{}", option.label)
        } else {
            format!("{mark}{} — {}", option.label, option.detail)
        };
        buf.set_style(at, style);
        line(buf, at, &text, style, lang);
    }
    // The offer of the name typed as a new record, below the matches.
    if let Some((text, k)) = new_row
        && k >= first
        && k - first < rows
    {
        let at = Rect::new(area.x, list_top + (k - first) as u16, area.width, 1);
        let style = if picker.highlighted_index() == k {
            theme.selected
        } else {
            theme.muted
        };
        buf.set_style(at, style);
        line(buf, at, &text, style, lang);
    }
    pos
}

/// What the deadline typed so far means, or why it means nothing.
fn due_preview(frame: &mut Frame<'_>, area: Rect, model: &Model, field: &Field, theme: &Theme) {
    let (message, style) = due_message(model, field, theme);
    label(frame.buffer_mut(), area, &message, style, model.lang);
}

/// The line under a date field, and its style.
fn due_message(model: &Model, field: &Field, theme: &Theme) -> (String, Style) {
    let text = field.text();
    let lang = model.lang;
    let calendar = match lang {
        Lang::Fa => MonthCalendar::SolarHijri,
        Lang::En => MonthCalendar::Gregorian,
    };
    match parse_due(text, model.today, calendar) {
        Ok(Some(d)) => (
            TuiMessage::DueMeans(d, d < model.today).localized(lang),
            theme.muted,
        ),
        Ok(None) if field.id == FieldId::Due => {
            (lang.strings().tui.no_due.to_string(), theme.muted)
        }
        Ok(None) => (lang.strings().tui.no_date.to_string(), theme.muted),
        Err(e) => (TuiMessage::DueInvalid(&e).localized(lang), theme.error),
    }
}
