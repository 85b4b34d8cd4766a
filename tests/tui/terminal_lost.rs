//! A terminal that fails under the app (a hang-up that comes as a failed write before its
//! signal, a closed window): the loop ends with the error, and what was being typed is kept as
//! a draft, as a quit keeps it, not only at the next tick.

use std::cell::Cell;
use std::io;
use std::rc::Rc;

use hamyar::i18n::Lang;
use hamyar::tui::event::ScriptedEvents;
use hamyar::tui::run::{Handover, Host};
use hamyar::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::layout::{Position, Size};

use super::support::*;

/// The test backend, whose writes fail once `gone` is set.
struct Vanishing {
    inner: TestBackend,
    gone: Rc<Cell<bool>>,
}

impl Vanishing {
    fn check(&self) -> io::Result<()> {
        if self.gone.get() {
            Err(io::Error::from_raw_os_error(5)) // EIO, as a hung-up terminal answers
        } else {
            Ok(())
        }
    }
}

fn never<T>(e: core::convert::Infallible) -> T {
    match e {}
}

impl Backend for Vanishing {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        self.check()?;
        self.inner.draw(content).map_err(never)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor().map_err(never)
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor().map_err(never)
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position().map_err(never)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position).map_err(never)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.check()?;
        self.inner.clear().map_err(never)
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type).map_err(never)
    }
    fn size(&self) -> io::Result<Size> {
        self.inner.size().map_err(never)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size().map_err(never)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.check()?;
        self.inner.flush().map_err(never)
    }
}

#[test]
fn a_terminal_gone_mid_form_ends_the_loop_and_keeps_what_was_typed() {
    let mut h = Harness::demo(Lang::Fa);
    let typed = "بانک ملی برای ۱۲ گروه «همیار» وام (قرض‌الحسنه) بدهد";
    h.key("d").typed(typed);
    assert!(
        h.store().drafts().unwrap().is_empty(),
        "no tick has kept it yet"
    );

    let gone = Rc::new(Cell::new(true));
    let backend = Vanishing {
        inner: TestBackend::new(100, 30),
        gone: gone.clone(),
    };
    let mut terminal = Terminal::new(backend).unwrap();
    let mut events = ScriptedEvents::new([]);
    let mut copy = |_: &str| {};
    let mut handover = |_: Handover| Ok(());
    let mut host = Host {
        copy: &mut copy,
        handover: &mut handover,
    };
    let result = hamyar::tui::run_loop(
        &mut terminal,
        &mut events,
        &mut h.app,
        &h.keymap,
        &Theme::new(false),
        &mut host,
    );

    assert!(result.is_err(), "the failed write is the loop's error");
    let drafts = h.store().drafts().unwrap();
    assert_eq!(drafts.len(), 1, "the form's draft is kept");
    assert!(
        drafts[0].body.contains("قرض‌الحسنه"),
        "with what was typed: {}",
        drafts[0].body
    );
}
