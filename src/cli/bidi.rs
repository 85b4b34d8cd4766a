//! `hamyar bidi`: the screen's text pipeline as a filter, for checking a terminal and for tests.

use std::io;

use anyhow::Result;
use clap::Args;

use super::number::number_u16;
use crate::settings::Settings;
use crate::text::{BaseDirection, FilterOptions, bidi_filter, logical_wrap_filter};

#[derive(Debug, Args)]
pub struct BidiArgs {
    /// Wrap lines to N terminal cells, 1 to 10000 (default: no wrapping)
    #[arg(long, value_name = "N", value_parser = number_u16::<1, 10_000>)]
    pub width: Option<u16>,
    /// Paragraphs are right to left
    #[arg(long, conflicts_with_all = ["ltr", "auto"])]
    pub rtl: bool,
    /// Paragraphs are left to right
    #[arg(long, conflicts_with_all = ["rtl", "auto"])]
    pub ltr: bool,
    /// Each paragraph's direction comes from its first strong letter (the default)
    #[arg(long, conflicts_with_all = ["rtl", "ltr"])]
    pub auto: bool,
    /// Print the logical lines the wrapper chose instead (for regenerating test fixtures)
    #[arg(long, hide = true, requires = "width")]
    pub logical: bool,
}

pub fn run(settings: &Settings, args: &BidiArgs) -> Result<()> {
    let base = if args.rtl {
        BaseDirection::Rtl
    } else if args.ltr {
        BaseDirection::Ltr
    } else {
        BaseDirection::Auto(settings.lang.direction())
    };
    let opts = FilterOptions {
        base,
        width: args.width.map(usize::from),
        sanitize: true,
        mode: settings.bidi,
    };
    let (stdin, stdout) = (io::stdin().lock(), io::stdout().lock());
    let result = if args.logical {
        logical_wrap_filter(stdin, stdout, &opts)
    } else {
        bidi_filter(stdin, stdout, &opts)
    };
    match result {
        // A closed pipe (`hamyar bidi < big | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
