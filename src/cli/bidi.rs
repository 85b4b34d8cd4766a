//! `hamyar bidi`: the screen's text pipeline as a filter, for checking a terminal and for tests.

use std::io;

use anyhow::Result;

use super::args::BidiArgs;
use crate::config::Lang;
use crate::text::{
    BaseDirection, BidiMode, Direction, FilterOptions, bidi_filter, logical_wrap_filter,
};

pub fn run(args: &BidiArgs, lang: Lang, mode: BidiMode) -> Result<()> {
    let ui = match lang {
        Lang::Fa => Direction::Rtl,
        Lang::En => Direction::Ltr,
    };
    let base = if args.rtl {
        BaseDirection::Rtl
    } else if args.ltr {
        BaseDirection::Ltr
    } else {
        BaseDirection::Auto(ui)
    };
    let opts = FilterOptions {
        base,
        width: args.width.map(usize::from),
        sanitize: true,
        mode,
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
