//! `hamyar bidi`: logical lines in, visual lines out, through the same pipeline as the screen.

use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, Write};

use super::direction::BaseDirection;
use super::layout::{Layout, LayoutOptions};
use super::sanitize::{is_sanitized, sanitize_into};

/// Options of [`bidi_filter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FilterOptions {
    pub base: BaseDirection,
    /// Wrap width in cells; `None` writes one visual line per input line.
    pub width: Option<usize>,
    /// Run [`sanitize`](super::sanitize) on each line first, as every input path of the app does.
    pub sanitize: bool,
}

impl Default for FilterOptions {
    fn default() -> Self {
        FilterOptions {
            base: BaseDirection::default(),
            width: None,
            sanitize: true,
        }
    }
}

/// Reads logical lines from `input` and writes their visual lines to `output`, without padding.
///
/// It streams: one line is held at a time and all buffers are reused. Bytes that are not UTF-8
/// become U+FFFD rather than an error, so one bad line does not lose the rest. Zero-width
/// lam-alef fillers are not written.
pub fn bidi_filter<R: BufRead, W: Write>(
    mut input: R,
    output: W,
    opts: &FilterOptions,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let layout_opts = LayoutOptions {
        base: opts.base,
        width: opts.width,
    };
    let mut raw = Vec::with_capacity(4096);
    let mut clean = String::new();
    let mut visual = String::new();
    let mut layout = Layout::new();
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        if raw.last() == Some(&b'\n') {
            raw.pop();
            if raw.last() == Some(&b'\r') {
                raw.pop();
            }
        }
        let text = String::from_utf8_lossy(&raw);
        let text: Cow<'_, str> = if opts.sanitize && !is_sanitized(&text) {
            clean.clear();
            sanitize_into(&text, &mut clean);
            Cow::Borrowed(clean.as_str())
        } else {
            text
        };
        layout.compute(&text, &layout_opts);
        for line in layout.lines() {
            visual.clear();
            line.push_visual(&mut visual);
            visual.push('\n');
            out.write_all(visual.as_bytes())?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Direction;

    fn run(input: &[u8], opts: &FilterOptions) -> String {
        let mut out = Vec::new();
        let r = bidi_filter(input, &mut out, opts);
        assert!(r.is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn one_line_out_per_line_in() {
        let opts = FilterOptions {
            base: BaseDirection::Rtl,
            ..Default::default()
        };
        let out = run("سلام (۱)\nabc\r\n\n".as_bytes(), &opts);
        assert_eq!(out, "(۱) ﻡﻼﺳ\nabc\n\n");
    }

    #[test]
    fn wraps_and_survives_invalid_utf8() {
        let opts = FilterOptions {
            base: BaseDirection::Auto(Direction::Rtl),
            width: Some(6),
            sanitize: true,
        };
        let out = run(b"abc def ghi\n\xff\xfe ok\x1b[1m\n", &opts);
        assert_eq!(out, "abc \ndef \nghi\n\u{FFFD}\u{FFFD} \nok[1m\n");
    }
}
