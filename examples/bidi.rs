//! Stand-in for `hamyar bidi` until the subcommand is wired: `bidi [--width N] [--rtl|--ltr|--auto]`.
//!
//! `--logical --width N` prints instead the *logical* lines the wrapper chose, one empty line
//! after each input line: `tests/fixtures/bidi/regenerate.sh` feeds them to FriBidi for the
//! wrapped expectations (`HAMYAR_WRAP_CMD`).

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use hamyar::text::{BaseDirection, Direction, FilterOptions, Layout, LayoutOptions, bidi_filter};

/// Writes the logical text of each line the wrapper makes, and an empty line per paragraph.
fn logical_lines(opts: &FilterOptions) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut layout = Layout::new();
    let lopts = LayoutOptions {
        base: opts.base,
        width: opts.width,
        ..Default::default()
    };
    for line in io::stdin().lock().lines() {
        let line = line?;
        let text = hamyar::text::sanitize(&line);
        layout.compute(&text, &lopts);
        for l in layout.lines() {
            writeln!(out, "{}", &text[l.logical.clone()])?;
        }
        writeln!(out)?;
    }
    out.flush()
}

fn main() -> ExitCode {
    let mut opts = FilterOptions::default();
    let mut logical = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rtl" => opts.base = BaseDirection::Rtl,
            "--ltr" => opts.base = BaseDirection::Ltr,
            "--auto" => opts.base = BaseDirection::Auto(Direction::Rtl),
            "--logical" => logical = true,
            "--width" => match args.next().and_then(|w| w.parse().ok()) {
                Some(w) => opts.width = Some(w),
                None => {
                    eprintln!("bidi: --width needs a number");
                    return ExitCode::from(2);
                }
            },
            other => {
                eprintln!("bidi: unknown argument {other}");
                return ExitCode::from(2);
            }
        }
    }
    let result = if logical {
        logical_lines(&opts)
    } else {
        bidi_filter(io::stdin().lock(), io::stdout().lock(), &opts)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bidi: {e}");
            ExitCode::FAILURE
        }
    }
}
