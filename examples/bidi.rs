//! Stand-in for `hamyar bidi` until the subcommand is wired: `bidi [--width N] [--rtl|--ltr|--auto]`.

use std::io;
use std::process::ExitCode;

use hamyar::text::{BaseDirection, Direction, FilterOptions, bidi_filter};

fn main() -> ExitCode {
    let mut opts = FilterOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rtl" => opts.base = BaseDirection::Rtl,
            "--ltr" => opts.base = BaseDirection::Ltr,
            "--auto" => opts.base = BaseDirection::Auto(Direction::Rtl),
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
    match bidi_filter(io::stdin().lock(), io::stdout().lock(), &opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bidi: {e}");
            ExitCode::FAILURE
        }
    }
}
