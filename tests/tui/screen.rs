//! The emulated terminal behind a [`Pty`](super::pty::Pty): a `vt100` screen, the raw output,
//! and the answers a real terminal gives to a program's questions.

use std::fmt;

use super::pty::nonzero;

/// The emulated terminal's state, shared with the thread that reads the pty.
pub struct Terminal {
    parser: vt100::Parser<Answers>,
    /// Everything the program wrote.
    pub raw: Vec<u8>,
    /// The program's side is closed (it ended, with all its children).
    pub closed: bool,
}

impl Terminal {
    pub fn new(rows: u16, cols: u16, kitty: bool) -> Terminal {
        Terminal {
            parser: vt100::Parser::new_with_callbacks(
                nonzero(rows),
                nonzero(cols),
                0,
                Answers {
                    kitty,
                    pending: Vec::new(),
                },
            ),
            raw: Vec::new(),
            closed: false,
        }
    }

    /// Feeds output; returns what the terminal answers to it.
    pub fn process(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.raw.extend_from_slice(bytes);
        self.parser.process(bytes);
        std::mem::take(&mut self.parser.callbacks_mut().pending)
    }

    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser.set_size(nonzero(rows), nonzero(cols));
    }

    pub fn snapshot(&self) -> Screen {
        let s = self.parser.screen();
        let (rows, cols) = s.size();
        Screen {
            rows: s
                .rows(0, cols.get())
                .map(|r| r.trim_end().to_string())
                .collect(),
            size: (cols.get(), rows.get()),
            cursor: s.cursor_position(),
            alternate: s.alternate_screen(),
            cursor_hidden: s.hide_cursor(),
            bracketed_paste: s.bracketed_paste(),
        }
    }
}

/// Answers device-attribute, cursor-position and (optionally) kitty keyboard queries.
pub struct Answers {
    kitty: bool,
    pending: Vec<u8>,
}

impl vt100::Callbacks for Answers {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            // Primary device attributes: a VT220-class terminal.
            (None, 'c', 0) => self.pending.extend_from_slice(b"\x1b[?62;22c"),
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                let answer = format!("\x1b[{};{}R", row + 1, col + 1);
                self.pending.extend_from_slice(answer.as_bytes());
            }
            (Some(b'?'), 'u', _) if self.kitty => self.pending.extend_from_slice(b"\x1b[?0u"),
            _ => {}
        }
    }
}

/// The screen at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// Each row's text, trailing blanks trimmed.
    pub rows: Vec<String>,
    /// Columns, rows.
    pub size: (u16, u16),
    /// Row, column (zero-based).
    pub cursor: (u16, u16),
    /// The program is on the alternate screen (a full-screen app).
    pub alternate: bool,
    pub cursor_hidden: bool,
    pub bracketed_paste: bool,
}

impl Screen {
    /// The rows joined by newlines.
    pub fn text(&self) -> String {
        self.rows.join("\n")
    }

    /// Whether some row contains `text` (text does not match across rows).
    pub fn contains(&self, text: &str) -> bool {
        self.rows.iter().any(|r| r.contains(text))
    }

    /// The first row containing `text`, and its index.
    pub fn find(&self, text: &str) -> Option<(usize, &str)> {
        self.rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.contains(text))
            .map(|(i, r)| (i, r.as_str()))
    }

    pub fn row(&self, i: usize) -> &str {
        self.rows.get(i).map_or("", String::as_str)
    }
}

impl fmt::Display for Screen {
    /// The screen framed, with row numbers, for failure messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (cols, rows) = self.size;
        writeln!(
            f,
            "{cols}×{rows}, cursor {:?}{}{}",
            self.cursor,
            if self.alternate {
                ", alternate screen"
            } else {
                ""
            },
            if self.cursor_hidden {
                ", cursor hidden"
            } else {
                ""
            },
        )?;
        for (i, row) in self.rows.iter().enumerate() {
            writeln!(f, "{i:>3} │{row}")?;
        }
        Ok(())
    }
}
