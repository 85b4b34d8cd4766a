//! `hamyar bidi`: logical lines in, visual lines out, through the same pipeline as the screen.

use std::borrow::Cow;
use std::collections::VecDeque;
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
    /// Base direction of each input line.
    pub base: BaseDirection,
    /// Wrap width in cells; `None` writes one visual line per input line.
    pub width: Option<usize>,
    /// Run [`sanitize()`](super::sanitize()) on each line first, as every input path of the app does.
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

/// Input read at a time; complete lines of it are cut into jobs of about [`JOB`] bytes.
const READ: usize = 1 << 20;
const JOB: usize = 32 * 1024;
/// Most worker threads used, and jobs in flight per worker.
const MAX_WORKERS: usize = 4;
const IN_FLIGHT: usize = 3;

/// Reads logical lines from `input` and writes their visual lines to `output`, without padding.
///
/// It streams: it holds a bounded window of input (the read buffer and the jobs in flight) and
/// reuses its layout buffers. Complete lines are cut into jobs laid out on worker threads and
/// written in order. Before waiting for more input it writes and flushes everything done, so
/// interactive use answers line by line. Bytes that are not UTF-8 become U+FFFD rather than an
/// error, so one bad line does not lose the rest. Zero-width lam-alef fillers are not written.
///
/// ```
/// use ratatui_bidi::{BaseDirection, FilterOptions, bidi_filter};
///
/// let mut out = Vec::new();
/// let opts = FilterOptions { base: BaseDirection::Rtl, ..Default::default() };
/// bidi_filter("سلام (۱)\nabc\n".as_bytes(), &mut out, &opts).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "(۱) ﻡﻼﺳ\nabc\n");
/// ```
pub fn bidi_filter<R: BufRead, W: Write>(
    input: R,
    output: W,
    opts: &FilterOptions,
) -> io::Result<()> {
    let mut input = BufReader::with_capacity(READ, input);
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_WORKERS);
    std::thread::scope(|scope| {
        let mut pool: Vec<mpsc::Sender<Job>> = Vec::new();
        if workers > 1 {
            for i in 0..workers {
                let (tx, rx) = mpsc::channel::<Job>();
                let opts = *opts;
                let spawned = std::thread::Builder::new()
                    .name(format!("bidi-filter-{i}"))
                    .spawn_scoped(scope, move || {
                        let mut worker = LineWorker::new(&opts);
                        for (bytes, reply) in rx {
                            let mut visual = Vec::with_capacity(bytes.len() + bytes.len() / 4);
                            worker.run(&bytes, &mut visual);
                            if reply.send(visual).is_err() {
                                break;
                            }
                        }
                    });
                // Fewer threads than hoped (or none) still works: jobs run where they can.
                if spawned.is_ok() {
                    pool.push(tx);
                }
            }
        }
        let mut jobs = Jobs {
            pool,
            next: 0,
            in_flight: VecDeque::new(),
            here: LineWorker::new(opts),
            scratch: Vec::new(),
        };
        let mut pending: Vec<u8> = Vec::new();
        loop {
            if input.buffer().is_empty() {
                // The next read may block (a person typing): show what is done first.
                jobs.drain(&mut out)?;
                out.flush()?;
            }
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                if !pending.is_empty() {
                    jobs.submit(std::mem::take(&mut pending), &mut out)?;
                }
                break;
            }
            let window = &buf[..buf.len().min(JOB)];
            let cut = window.iter().rposition(|&b| b == b'\n').or_else(|| {
                buf[window.len()..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map(|i| window.len() + i)
            });
            let Some(cut) = cut else {
                pending.extend_from_slice(buf);
                let n = buf.len();
                input.consume(n);
                continue;
            };
            let mut job = std::mem::take(&mut pending);
            job.extend_from_slice(&buf[..=cut]);
            input.consume(cut + 1);
            jobs.submit(job, &mut out)?;
        }
        jobs.drain(&mut out)?;
        out.flush()
    })
}

/// A job: bytes of complete lines, and where to send their visual lines.
type Job = (Vec<u8>, mpsc::Sender<Vec<u8>>);

/// Jobs handed out round-robin to the workers and collected in order.
struct Jobs {
    pool: Vec<mpsc::Sender<Job>>,
    next: usize,
    in_flight: VecDeque<mpsc::Receiver<Vec<u8>>>,
    /// Lays out on the calling thread when there is no worker.
    here: LineWorker,
    scratch: Vec<u8>,
}

impl Jobs {
    fn submit<W: Write>(&mut self, bytes: Vec<u8>, out: &mut W) -> io::Result<()> {
        if self.pool.is_empty() {
            self.scratch.clear();
            self.here.run(&bytes, &mut self.scratch);
            return out.write_all(&self.scratch);
        }
        let (reply, result) = mpsc::channel();
        let worker = &self.pool[self.next % self.pool.len()];
        self.next = self.next.wrapping_add(1);
        if let Err(mpsc::SendError((bytes, _))) = worker.send((bytes, reply)) {
            // The worker is gone: finish what was sent, then do the rest here.
            self.drain(out)?;
            self.pool.clear();
            return self.submit(bytes, out);
        }
        self.in_flight.push_back(result);
        while self.in_flight.len() > self.pool.len() * IN_FLIGHT {
            self.write_oldest(out)?;
        }
        Ok(())
    }

    fn write_oldest<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        match self.in_flight.pop_front().map(|r| r.recv()) {
            Some(Ok(visual)) => out.write_all(&visual),
            Some(Err(_)) => Err(io::Error::other("a bidi filter thread stopped")),
            None => Ok(()),
        }
    }

    fn drain<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        while !self.in_flight.is_empty() {
            self.write_oldest(out)?;
        }
        Ok(())
    }
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
                // A cell is at most 4 bytes (TAB's spaces too): no capacity check per cell.
                out.reserve(4 * line.cells.len() + 1);
                for c in line.cells {
                    match c.ch {
                        // A space, or a TAB drawn as spaces.
                        ' ' if c.width == 1 => out.push(b' '),
                        ' ' => out.resize(out.len() + usize::from(c.width), b' '),
                        // Fillers take no room, and whitespace hanging past the wrap width was
                        // given none: printing either would make the line wider than asked. A
                        // paragraph separator is the line break itself.
                        FILLER => {}
                        ch if c.width == 0 && ch.is_whitespace() => {}
                        ch => {
                            // Copies of a known length: a variable one is a call to memcpy
                            // per character, which showed in profiles.
                            let mut b = [0u8; 4];
                            match ch.encode_utf8(&mut b).len() {
                                1 => out.push(b[0]),
                                2 => out.extend_from_slice(&[b[0], b[1]]),
                                3 => out.extend_from_slice(&[b[0], b[1], b[2]]),
                                _ => out.extend_from_slice(&b),
                            }
                        }
                    }
                }
                out.push(b'\n');
            }
        }
    }
}

/// Writes, for each logical input line, the logical text of every line the wrapper makes of it,
/// then an empty line: what the FriBidi fixtures feed their oracle for wrapped text
/// (`hamyar bidi --logical --width N`).
pub fn logical_wrap_filter<R: BufRead, W: Write>(
    input: R,
    output: W,
    opts: &FilterOptions,
) -> io::Result<()> {
    let mut out = BufWriter::new(output);
    let mut layout = Layout::new();
    let lopts = LayoutOptions {
        base: opts.base,
        width: opts.width,
        mode: opts.mode,
    };
    for line in input.lines() {
        let line = line?;
        let text = super::sanitize::sanitize(&line);
        layout.compute(&text, &lopts);
        for l in layout.lines() {
            writeln!(out, "{}", &text[l.logical.clone()])?;
        }
        writeln!(out)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Direction;
    use std::cell::RefCell;
    use std::io::Read;
    use std::rc::Rc;

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

    /// A terminal: each read returns one typed line, and notes how many output lines were
    /// already on screen when the person started typing it.
    struct Typist {
        lines: Vec<&'static str>,
        next: usize,
        screen: Rc<RefCell<Vec<u8>>>,
        shown_before: Vec<usize>,
    }

    impl Read for Typist {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some(line) = self.lines.get(self.next) else {
                return Ok(0);
            };
            let shown = self.screen.borrow().iter().filter(|&&b| b == b'\n').count();
            self.shown_before.push(shown);
            self.next += 1;
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line.as_bytes()[..n]);
            Ok(n)
        }
    }

    struct Screen(Rc<RefCell<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn answers_each_typed_line_before_reading_the_next() {
        let screen = Rc::new(RefCell::new(Vec::new()));
        let mut typist = Typist {
            lines: vec!["سلام\n", "(۱)\n", "abc\n"],
            next: 0,
            screen: Rc::clone(&screen),
            shown_before: vec![],
        };
        let opts = FilterOptions {
            base: BaseDirection::Rtl,
            ..Default::default()
        };
        let r = bidi_filter(
            io::BufReader::new(&mut typist),
            Screen(Rc::clone(&screen)),
            &opts,
        );
        assert!(r.is_ok());
        assert_eq!(typist.shown_before, [0, 1, 2]);
        assert_eq!(String::from_utf8_lossy(&screen.borrow()), "ﻡﻼﺳ\n(۱)\nabc\n");
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
