//! Keys as an xterm-like terminal sends them (the legacy encoding, no kitty protocol).

/// A key to press in the pseudo-terminal. Text, Persian included, goes through
/// [`Pty::send_text`](super::pty::Pty::send_text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Esc,
    Enter,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// F1 to F12.
    F(u8),
    /// Ctrl and a letter (`Ctrl('s')`), or Ctrl+Space with `' '`.
    Ctrl(char),
    /// Alt and a character (`Alt(' ')` for Alt+Space): ESC, then the character.
    Alt(char),
}

pub const CTRL_S: Key = Key::Ctrl('s');

impl Key {
    /// The bytes the terminal sends.
    pub fn bytes(self) -> Vec<u8> {
        let s: &[u8] = match self {
            Key::Esc => b"\x1b",
            Key::Enter => b"\r",
            Key::Tab => b"\t",
            Key::BackTab => b"\x1b[Z",
            Key::Backspace => b"\x7f",
            Key::Delete => b"\x1b[3~",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Right => b"\x1b[C",
            Key::Left => b"\x1b[D",
            Key::Home => b"\x1b[H",
            Key::End => b"\x1b[F",
            Key::PageUp => b"\x1b[5~",
            Key::PageDown => b"\x1b[6~",
            Key::F(n) => return function_key(n),
            Key::Ctrl(' ') => b"\0",
            Key::Ctrl(c) => return vec![(c.to_ascii_lowercase() as u8) & 0x1f],
            Key::Alt(c) => {
                let mut v = vec![0x1b];
                let mut buf = [0; 4];
                v.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                return v;
            }
        };
        s.to_vec()
    }
}

fn function_key(n: u8) -> Vec<u8> {
    let s: &str = match n {
        1 => "\x1bOP",
        2 => "\x1bOQ",
        3 => "\x1bOR",
        4 => "\x1bOS",
        5 => "\x1b[15~",
        6 => "\x1b[17~",
        7 => "\x1b[18~",
        8 => "\x1b[19~",
        9 => "\x1b[20~",
        10 => "\x1b[21~",
        11 => "\x1b[23~",
        _ => "\x1b[24~",
    };
    s.as_bytes().to_vec()
}
