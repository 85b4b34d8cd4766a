//! A Persian paragraph and an editable field in a ratatui app.
//!
//! `cargo run -p ratatui-bidi --example demo`: type in the lower field (Persian or Latin);
//! Left/Right move on screen, Home/End go to the logical ends, Backspace deletes the logically
//! previous character, Alt+Space types a ZWNJ (نیم‌فاصله); Esc quits.

// An example prints nothing, but may stop on a terminal error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ratatui::DefaultTerminal;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Borders};
use ratatui_bidi::{
    BDSM_EXPLICIT, BDSM_IMPLICIT, BaseDirection, BidiInput, BidiParagraph, Direction, InputState,
};
use std::io::Write;

const DECISION: &str = "طبق مصوبه ۲/۳ اداره کل بهزیستی استان کرمان از بانک توسعه تعاون \
(شعبه کرمان) خواسته است که فهرست‌نامه «حسابکار» با SMS ارسال شود تا ۱۴۰۵/۰۹/۳۰ اقدام کند.";

struct App {
    note: InputState,
}

fn draw(frame: &mut Frame, app: &mut App) {
    let [top, bottom] =
        Layout::vertical([Constraint::Length(7), Constraint::Length(3)]).areas(frame.area());
    let block = Block::default().borders(Borders::ALL).title(" Decision ");
    let inner = block.inner(top);
    frame.render_widget(block, top);
    frame.render_widget(
        BidiParagraph::new(DECISION).base(BaseDirection::Auto(Direction::Rtl)),
        inner,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Note: type here ");
    let inner = block.inner(bottom);
    frame.render_widget(block, bottom);
    frame.render_stateful_widget(BidiInput::new(), inner, &mut app.note);
    if let Some(p) = app.note.cursor_position() {
        frame.set_cursor_position(p);
    }
}

fn run(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        terminal.draw(|frame| draw(frame, app))?;
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let note = &mut app.note;
        match key.code {
            KeyCode::Esc => return Ok(()),
            KeyCode::Char(' ') if key.modifiers.contains(KeyModifiers::ALT) => note.insert_zwnj(),
            KeyCode::Char(c) => note.insert_char(c),
            KeyCode::Backspace => note.backspace(),
            KeyCode::Delete => note.delete(),
            KeyCode::Left => note.move_left(false),
            KeyCode::Right => note.move_right(false),
            KeyCode::Home => note.move_home(false),
            KeyCode::End => note.move_end(false),
            _ => {}
        }
    }
}

fn main() -> std::io::Result<()> {
    let mut app = App {
        note: InputState::single_line().with_text("۲ بار پیگیری کردم"),
    };
    let mut terminal = ratatui::init();
    // Terminals with bidi of their own (VTE, WezTerm, mintty) must not reorder it again.
    let mut out = std::io::stdout();
    out.write_all(BDSM_EXPLICIT.as_bytes())?;
    out.flush()?;
    let result = run(&mut terminal, &mut app);
    out.write_all(BDSM_IMPLICIT.as_bytes())?;
    ratatui::restore();
    result
}
