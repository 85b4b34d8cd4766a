//! `hamyar bidi`: logical lines in, visual lines out, through the same pipeline as the screen.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::sync::mpsc;

use super::FILLER;
use super::direction::BaseDirection;
use super::layout::{Layout, LayoutOptions};
use super::sanitize::{is_sanitized, sanitize_into};
use super::terminal::BidiMode;

/// Options of [`bidi_filter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FilterOptions {
    pub base: BaseDirection,
    /// Wrap width in cells; `None` writes one visual line per input line.
    pub width: Option<usize>,
    /// Run [`sanitize`](super::sanitize) on each line first, as every input path of the app does.
    pub sanitize: bool,
    /// [`BidiMode::Terminal`] only wraps, keeping logical order.
    pub mode: BidiMode,
}

impl Default for FilterOptions {
    fn default() -> Self {
        FilterOptions {
            base: BaseDirection::default(),
            width: None,
            sanitize: true,
            mode: BidiMode::App,
        }
    }
}

/// Input below this size is laid out on the calling thread alone.
const PARALLEL_MIN: usize = 16 * 1024;
/// How much input is read at a time.
const CHUNK: usize = 256 * 1024;

/// Reads logical lines from `input` and writes their visual lines to `output`, without padding.
///
/// It streams: it holds one chunk of complete lines at a time (plus a line that straddles two
/// chunks) and reuses its buffers. Large chunks are split in two halves laid out on two threads,
/// in order; output is flushed after every chunk, so interactive use answers line by line.
/// Bytes that are not UTF-8 become U+FFFD rather than an error, so one bad line does not lose
/// the rest. Zero-width lam-alef fillers are not written.
pub fn bidi_filter<R: BufRead, W: Write>(
    input: R,
    output: W,
    opts: &FilterOptions,
) -> io::Result<()> {
    let mut input = BufReader::with_capacity(CHUNK, input);
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let mut here = LineWorker::new(opts);
    std::thread::scope(|scope| {
        let (to_helper, helper_in) = mpsc::channel::<Vec<u8>>();
        let (helper_out, from_helper) = mpsc::channel::<Vec<u8>>();
        let helper_opts = *opts;
        // Without a second thread (none allowed, say) everything runs here.
        let helper = std::thread::Builder::new()
            .name("bidi-filter".into())
            .spawn_scoped(scope, move || {
                let mut worker = LineWorker::new(&helper_opts);
                for chunk in helper_in {
                    let mut visual = Vec::with_capacity(chunk.len() + chunk.len() / 8);
                    worker.run(&chunk, &mut visual);
                    if helper_out.send(visual).is_err() {
                        break;
                    }
                }
            })
            .ok();
        let mut to_helper = helper.map(|_| to_helper);

        let mut pending: Vec<u8> = Vec::new();
        let mut second: Vec<u8> = Vec::new();
        let mut visual: Vec<u8> = Vec::new();
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                if !pending.is_empty() {
                    visual.clear();
                    here.run(&pending, &mut visual);
                    out.write_all(&visual)?;
                }
                break;
            }
            let Some(last_nl) = buf.iter().rposition(|&b| b == b'\n') else {
                pending.extend_from_slice(buf);
                let n = buf.len();
                input.consume(n);
                continue;
            };
            pending.extend_from_slice(&buf[..=last_nl]);
            input.consume(last_nl + 1);

            let split = if pending.len() >= PARALLEL_MIN && to_helper.is_some() {
                let mid = pending.len() / 2;
                pending[mid..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map(|i| mid + i + 1)
            } else {
                None
            };
            let mut sent = false;
            if let (Some(split), Some(tx)) = (split, &to_helper)
                && split < pending.len()
            {
                second.clear();
                second.extend_from_slice(&pending[split..]);
                pending.truncate(split);
                if tx.send(std::mem::take(&mut second)).is_ok() {
                    sent = true;
                } else {
                    to_helper = None;
                }
            }
            visual.clear();
            here.run(&pending, &mut visual);
            out.write_all(&visual)?;
            if sent {
                match from_helper.recv() {
                    Ok(v) => out.write_all(&v)?,
                    Err(_) => return Err(io::Error::other("bidi filter thread stopped")),
                }
            }
            pending.clear();
            out.flush()?;
        }
        drop(to_helper);
        out.flush()
    })
}

/// Lays out lines of raw input into visual lines; one per thread, buffers reused.
struct LineWorker {
    opts: LayoutOptions,
    sanitize: bool,
    layout: Layout,
    clean: String,
}

impl LineWorker {
    fn new(opts: &FilterOptions) -> Self {
        LineWorker {
            opts: LayoutOptions {
                base: opts.base,
                width: opts.width,
                mode: opts.mode,
            },
            sanitize: opts.sanitize,
            layout: Layout::new(),
            clean: String::new(),
        }
    }

    /// Lays out each `\n`-terminated line of `bytes` (the last may lack its `\n`).
    fn run(&mut self, bytes: &[u8], out: &mut Vec<u8>) {
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        for raw in bytes.split(|&b| b == b'\n') {
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            // Validating first is much faster than the lossy path when the input is fine.
            let text = match std::str::from_utf8(raw) {
                Ok(t) => Cow::Borrowed(t),
                Err(_) => String::from_utf8_lossy(raw),
            };
            let text: &str = if self.sanitize && !is_sanitized(&text) {
                self.clean.clear();
                sanitize_into(&text, &mut self.clean);
                &self.clean
            } else {
                &text
            };
            self.layout.compute(text, &self.opts);
            for line in self.layout.lines() {
                for c in line.cells {
                    if c.ch != FILLER {
                        let mut b = [0u8; 4];
                        out.extend_from_slice(c.ch.encode_utf8(&mut b).as_bytes());
                    }
                }
                out.push(b'\n');
            }
        }
    }
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
    fn large_input_keeps_line_order() {
        let mut input = String::new();
        for i in 0..20_000 {
            input.push_str(&format!("مصوبه {i}: (شعبه {i})\n"));
        }
        input.push_str("بدون خط آخر");
        let opts = FilterOptions {
            base: BaseDirection::Rtl,
            ..Default::default()
        };
        let out = run(input.as_bytes(), &opts);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 20_001);
        for (i, l) in lines.iter().take(20_000).enumerate() {
            assert_eq!(*l, format!("({i} ﻪﺒﻌﺷ) :{i} ﻪﺑﻮﺼﻣ"));
        }
        assert_eq!(lines[20_000], "ﺮﺧﺁ ﻂﺧ ﻥﻭﺪﺑ");
    }

    #[test]
    fn wraps_and_survives_invalid_utf8() {
        let opts = FilterOptions {
            base: BaseDirection::Auto(Direction::Rtl),
            width: Some(6),
            ..Default::default()
        };
        let out = run(b"abc def ghi\n\xff\xfe ok\x1b[1m\n", &opts);
        assert_eq!(out, "abc \ndef \nghi\n\u{FFFD}\u{FFFD} \nok[1m\n");
    }
}
