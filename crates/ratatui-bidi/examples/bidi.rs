//! The pipeline as a stream filter, like FriBidi's command-line tool: logical lines on stdin,
//! visual lines on stdout.
//!
//! `cargo run --release -p ratatui-bidi --example bidi -- --rtl < text.txt`
//! (`--ltr`, `--rtl`, or the first strong letter's direction by default; `--width N` wraps).
//! It is what `hamyar bidi` runs, without the app around it, so the benchmarks and profiles of
//! the engine need nothing else built (`benches/corpus.sh` writes their input).

use std::io::{self, Write};
use std::process::ExitCode;

use ratatui_bidi::{BaseDirection, Direction, FilterOptions, bidi_filter};

fn main() -> ExitCode {
    let mut opts = FilterOptions {
        base: BaseDirection::Auto(Direction::Ltr),
        ..Default::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rtl" => opts.base = BaseDirection::Rtl,
            "--ltr" => opts.base = BaseDirection::Ltr,
            "--auto" => opts.base = BaseDirection::Auto(Direction::Ltr),
            "--width" => match args.next().and_then(|w| w.parse().ok()) {
                Some(w) if w > 0 => opts.width = Some(w),
                _ => return usage("--width needs a number of cells"),
            },
            other => return usage(&format!("unknown argument {other}")),
        }
    }
    match bidi_filter(io::stdin().lock(), io::stdout().lock(), &opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "bidi: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    let _ = writeln!(
        io::stderr(),
        "bidi: {problem}\nusage: bidi [--rtl | --ltr | --auto] [--width N] < logical > visual"
    );
    ExitCode::from(2)
}
