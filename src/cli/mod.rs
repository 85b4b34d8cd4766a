//! The command line: parse, open the store, run one command, print, exit.

mod args;
mod bidi;
mod commands;
mod doctor;
mod output;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use output::CellLayout;

pub use args::{BidiArg, Cli, Command};

/// Runs hamyar with the process's arguments and environment; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let visual = cli.bidi == BidiArg::App && io::stderr().is_terminal();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `hamyar actions | head`: the reader has what it wanted; that is not a failure.
        Err(err)
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            report(&err, visual);
            ExitCode::FAILURE
        }
    }
}

/// Prints an error on stderr. A file name or a typed value in it may carry control characters
/// or bidi overrides, so it is sanitized first; on a terminal it is laid out like everything
/// else hamyar shows, so a Persian agency name in an English sentence reads right.
fn report(err: &anyhow::Error, visual: bool) {
    let raw = format!("hamyar: {err:#}");
    let msg = crate::text::sanitize(&raw);
    let msg = if visual {
        let cells = output::VisualCells {
            ui: crate::text::Direction::Ltr,
            terminal_width: None,
        };
        msg.lines()
            .map(|l| cells.line(l))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        msg.into_owned()
    };
    let _ = writeln!(io::stderr().lock(), "{msg}");
}

/// How text meets stdout: laid out in visual order by `text` when a person reads it on a
/// terminal in app mode, logical order otherwise; sanitized either way.
pub(crate) fn stdout_layout(lang: crate::config::Lang, bidi: BidiArg) -> Box<dyn CellLayout> {
    if bidi == BidiArg::App && stdout_is_terminal() {
        Box::new(output::VisualCells {
            ui: match lang {
                crate::config::Lang::Fa => crate::text::Direction::Rtl,
                crate::config::Lang::En => crate::text::Direction::Ltr,
            },
            terminal_width: crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w)),
        })
    } else {
        Box::new(output::LogicalCells)
    }
}

/// Whether stdout is a terminal (then text is laid out for the eye, not for a pipe).
fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// The terminal part of `doctor`: which terminal this is and what to set for right-to-left text.
fn terminal_report(out: &mut dyn Write, layout: &dyn CellLayout) -> io::Result<()> {
    let mut out = LaidOut { out, layout };
    let out = &mut out;
    let report = crate::text::detect_terminal_from_env();
    writeln!(out, "terminal: {}", report.name)?;
    let bidi = match report.bidi {
        crate::text::TerminalBidi::None => "draws cells as sent (no bidi of its own): good",
        crate::text::TerminalBidi::Switchable => {
            "has bidi of its own, which hamyar switches off (BDSM)"
        }
        crate::text::TerminalBidi::Own => "has bidi of its own that hamyar cannot switch off",
        crate::text::TerminalBidi::Unknown => "not recognised",
    };
    writeln!(out, "  bidi: {bidi}")?;
    if report.tmux {
        match tmux_passthrough_setting() {
            Some(v) if v == "on" || v == "all" => {
                writeln!(out, "  inside tmux, allow-passthrough is {v}: good")?;
            }
            Some(v) => writeln!(
                out,
                "  inside tmux, allow-passthrough is {v}: the outer terminal cannot be told to stop reordering"
            )?,
            None => writeln!(
                out,
                "  inside tmux (its allow-passthrough setting could not be read)"
            )?,
        }
    }
    writeln!(out, "  recommended: --bidi {}", report.recommended)?;
    for line in &report.advice {
        writeln!(out, "  - {line}")?;
    }
    Ok(())
}

/// A writer that lays out every line it is given, for reports written with `writeln!`.
pub(crate) struct LaidOut<'a> {
    pub out: &'a mut dyn Write,
    pub layout: &'a dyn CellLayout,
}

impl LaidOut<'_> {
    pub(crate) fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> io::Result<()> {
        let text = args.to_string();
        let text = text.strip_suffix('\n').unwrap_or(&text);
        for line in text.split('\n') {
            writeln!(self.out, "{}", self.layout.line(line))?;
        }
        Ok(())
    }
}

/// tmux's `allow-passthrough` option, which decides whether BDSM reaches the outer terminal.
fn tmux_passthrough_setting() -> Option<String> {
    let out = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "allow-passthrough"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| crate::text::sanitize(String::from_utf8_lossy(&out.stdout).trim()).into_owned())
}

/// While alive, the terminal's own bidi is off (BDSM), so visual-order text printed by hamyar
/// is not reordered a second time by VTE, WezTerm or mintty. Restored on drop.
pub(crate) struct TerminalBidiOff {
    exit: String,
}

impl TerminalBidiOff {
    /// Switches the terminal's bidi off when `mode` is app and stdout is a terminal.
    pub(crate) fn new(mode: crate::text::BidiMode) -> Option<Self> {
        if mode != crate::text::BidiMode::App || !stdout_is_terminal() {
            return None;
        }
        let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
        let mut out = io::stdout().lock();
        out.write_all(mode.enter_sequence(in_tmux).as_bytes())
            .ok()?;
        out.flush().ok()?;
        Some(TerminalBidiOff {
            exit: mode.exit_sequence(in_tmux),
        })
    }
}

impl Drop for TerminalBidiOff {
    fn drop(&mut self) {
        let mut out = io::stdout().lock();
        let _ = out.write_all(self.exit.as_bytes());
        let _ = out.flush();
    }
}
