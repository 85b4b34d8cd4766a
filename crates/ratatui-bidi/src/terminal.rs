//! Terminal bidi modes, the escape sequences that switch a terminal's own bidi off and on, and
//! detection of the terminal from its environment variables (for `hamyar doctor`).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Who reorders right-to-left text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BidiMode {
    /// hamyar lays text out in visual order and asks the terminal not to reorder it (BDSM).
    #[default]
    App,
    /// hamyar writes logical order and leaves bidi to the terminal, for terminals whose own
    /// bidi cannot be turned off.
    Terminal,
}

/// A `--bidi` value that is neither `app` nor `terminal`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown bidi mode {0:?}: expected \"app\" or \"terminal\"")]
pub struct UnknownBidiMode(pub String);

impl FromStr for BidiMode {
    type Err = UnknownBidiMode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "app" => Ok(BidiMode::App),
            "terminal" => Ok(BidiMode::Terminal),
            _ => Err(UnknownBidiMode(s.to_string())),
        }
    }
}

impl fmt::Display for BidiMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
        })
    }
}

/// BDSM reset (ECMA-48 mode 8): explicit mode, the terminal stops reordering.
pub const BDSM_EXPLICIT: &str = "\x1b[8l";
/// BDSM set: implicit mode, the terminal's default, restored on exit.
pub const BDSM_IMPLICIT: &str = "\x1b[8h";

/// Wraps `seq` in tmux's DCS passthrough (`ESC P tmux; … ESC \`, with every ESC inside
/// doubled) so that it reaches the outer terminal. tmux drops unknown modes such as BDSM, and
/// forwards passthrough only with `set -g allow-passthrough on`.
///
/// ```
/// assert_eq!(
///     ratatui_bidi::tmux_passthrough("\x1b[8l"),
///     "\x1bPtmux;\x1b\x1b[8l\x1b\\"
/// );
/// ```
pub fn tmux_passthrough(seq: &str) -> String {
    let mut out = String::with_capacity(seq.len() * 2 + 10);
    out.push_str("\x1bPtmux;");
    for c in seq.chars() {
        if c == '\x1b' {
            out.push('\x1b');
        }
        out.push(c);
    }
    out.push_str("\x1b\\");
    out
}

impl BidiMode {
    /// What to write to the terminal at start-up.
    pub fn enter_sequence(self, in_tmux: bool) -> String {
        self.sequence(BDSM_EXPLICIT, in_tmux)
    }

    /// What to write to the terminal at exit (also after a panic or a signal).
    pub fn exit_sequence(self, in_tmux: bool) -> String {
        self.sequence(BDSM_IMPLICIT, in_tmux)
    }

    fn sequence(self, bdsm: &str, in_tmux: bool) -> String {
        match self {
            BidiMode::Terminal => String::new(),
            BidiMode::App if in_tmux => {
                // The plain sequence too: a tmux that learns BDSM, or a nested client, gets it.
                let mut s = String::from(bdsm);
                s.push_str(&tmux_passthrough(bdsm));
                s
            }
            BidiMode::App => bdsm.to_string(),
        }
    }
}

/// What a terminal does with right-to-left text by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminalBidi {
    /// Draws cells as sent: hamyar's visual order shows as intended.
    None,
    /// Reorders by itself but obeys BDSM, which hamyar sends.
    Switchable,
    /// Reorders by itself and ignores BDSM: its bidi must be turned off in its settings, or
    /// hamyar run with `--bidi terminal`.
    Own,
    /// Not recognised.
    Unknown,
}

/// The terminal `hamyar doctor` found, and what the user should do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerminalReport {
    /// Human-readable name, e.g. "GNOME Terminal or another VTE terminal (VTE 0.76)".
    pub name: String,
    /// What the terminal does with bidi by itself.
    pub bidi: TerminalBidi,
    /// Running inside tmux.
    pub tmux: bool,
    /// The `--bidi` mode that will look right.
    pub recommended: BidiMode,
    /// Lines of advice, in English (the caller may translate by matching `bidi`/`tmux`).
    pub advice: Vec<String>,
}

/// Names the terminal from environment variables (a map, so that it is testable): `TMUX`,
/// `VTE_VERSION`, `KONSOLE_VERSION`, `TERM_PROGRAM`, `WT_SESSION`, `KITTY_WINDOW_ID`,
/// `ALACRITTY_WINDOW_ID`, `MLTERM`, `XTERM_VERSION`, then `TERM`.
pub fn detect_terminal(env: &HashMap<String, String>) -> TerminalReport {
    let env = Env(env);
    let tmux = env.get("TMUX").is_some() || env.get("TERM_PROGRAM") == Some("tmux");
    let (name, bidi) = identify(&env);
    let recommended = if bidi == TerminalBidi::Own {
        BidiMode::Terminal
    } else {
        BidiMode::App
    };
    let mut advice = vec![bidi_advice(&name, bidi)];
    if tmux {
        advice.push(TMUX_ADVICE.to_string());
    }
    advice.extend(locale_advice(&env));
    TerminalReport {
        name,
        bidi,
        tmux,
        recommended,
        advice,
    }
}

/// Environment variables, an empty value counting as unset.
struct Env<'a>(&'a HashMap<String, String>);

impl Env<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// The terminal's name and bidi, from the variables only some terminals set, then `TERM`.
fn identify(env: &Env<'_>) -> (String, TerminalBidi) {
    let term = env.get("TERM").unwrap_or("");
    if let Some(v) = env.get("VTE_VERSION") {
        return vte(v);
    }
    if env.get("KONSOLE_VERSION").is_some() {
        return ("Konsole".into(), TerminalBidi::Own);
    }
    if env.get("WT_SESSION").is_some() {
        return ("Windows Terminal".into(), TerminalBidi::None);
    }
    if env.get("KITTY_WINDOW_ID").is_some() || term == "xterm-kitty" {
        return ("kitty".into(), TerminalBidi::None);
    }
    if let Some(p) = env.get("TERM_PROGRAM").filter(|p| *p != "tmux") {
        return by_program(p, env.get("TERM_PROGRAM_VERSION").unwrap_or(""));
    }
    if env.get("ALACRITTY_WINDOW_ID").is_some() || term == "alacritty" {
        ("Alacritty".into(), TerminalBidi::None)
    } else if env.get("MLTERM").is_some() || term.starts_with("mlterm") {
        ("mlterm".into(), TerminalBidi::Own)
    } else if term.starts_with("foot") {
        ("foot".into(), TerminalBidi::None)
    } else if env.get("XTERM_VERSION").is_some() {
        ("xterm".into(), TerminalBidi::None)
    } else if term == "linux" {
        ("Linux console".into(), TerminalBidi::None)
    } else if term.is_empty() {
        ("unknown (TERM is not set)".into(), TerminalBidi::Unknown)
    } else {
        (format!("unknown (TERM={term})"), TerminalBidi::Unknown)
    }
}

/// A VTE terminal from `VTE_VERSION` (5600 for 0.56, the first VTE with bidi and BDSM).
fn vte(version: &str) -> (String, TerminalBidi) {
    let n: u32 = version.parse().unwrap_or(0);
    let bidi = if n >= 5600 {
        TerminalBidi::Switchable
    } else {
        TerminalBidi::None
    };
    let name = format!(
        "GNOME Terminal or another VTE terminal (VTE {}.{})",
        n / 10000,
        n / 100 % 100
    );
    (name, bidi)
}

/// A terminal from `TERM_PROGRAM` (and its version, for one not known here).
fn by_program(program: &str, version: &str) -> (String, TerminalBidi) {
    match program {
        "WezTerm" => ("WezTerm".into(), TerminalBidi::Switchable),
        "mintty" => ("mintty".into(), TerminalBidi::Switchable),
        "iTerm.app" => ("iTerm2".into(), TerminalBidi::Own),
        "Apple_Terminal" => ("macOS Terminal".into(), TerminalBidi::Own),
        "vscode" => (
            "Visual Studio Code's terminal (xterm.js)".into(),
            TerminalBidi::None,
        ),
        "ghostty" => ("Ghostty".into(), TerminalBidi::None),
        other => (
            format!("{other} {version}").trim().to_string(),
            TerminalBidi::Unknown,
        ),
    }
}

/// What to do about the terminal's own bidi.
fn bidi_advice(name: &str, bidi: TerminalBidi) -> String {
    match bidi {
        TerminalBidi::None => format!(
            "{name} draws text as it is sent; hamyar lays out and joins Persian itself. Nothing to set."
        ),
        TerminalBidi::Switchable => format!(
            "{name} reorders right-to-left text itself; hamyar turns that off while it runs (BDSM, CSI 8 l) and back on at exit. Nothing to set."
        ),
        TerminalBidi::Own => {
            let how = match name {
                "Konsole" => "Settings → Edit Current Profile → Advanced → untick \"Bi-Directional text rendering\"",
                "mlterm" => "set use_ctl = false in ~/.mlterm/main",
                "iTerm2" => "Settings → Profiles → Text → untick bidirectional text support",
                _ => "turn off bidirectional text in its settings",
            };
            format!(
                "{name} reorders right-to-left text itself and ignores BDSM. Either {how} (best: then the default --bidi app works), or run hamyar with --bidi terminal."
            )
        }
        TerminalBidi::Unknown => "Terminal not recognised. If Persian text looks reversed or scrambled, your terminal reorders text itself: turn its bidi off, or run hamyar with --bidi terminal.".to_string(),
    }
}

const TMUX_ADVICE: &str = "Inside tmux: tmux drops BDSM, so the outer terminal may reorder hamyar's text a second time. hamyar sends it through tmux's passthrough; add `set -g allow-passthrough on` to ~/.tmux.conf (tmux 3.3 or newer) and run `tmux source-file ~/.tmux.conf`.";

/// Advice when the locale (`LC_ALL`, `LC_CTYPE`, `LANG`, the first one set) is not UTF-8.
fn locale_advice(env: &Env<'_>) -> Option<String> {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| env.get(k))
        .unwrap_or("");
    let utf8 = locale
        .to_ascii_uppercase()
        .replace('-', "")
        .contains("UTF8");
    (!utf8).then(|| {
        format!(
            "The locale ({}) is not UTF-8: set LANG to a UTF-8 locale such as en_US.UTF-8 or fa_IR.UTF-8.",
            if locale.is_empty() { "unset" } else { locale }
        )
    })
}

/// [`detect_terminal`] on this process's environment.
pub fn detect_terminal_from_env() -> TerminalReport {
    detect_terminal(&std::env::vars().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        let mut m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        m.entry("LANG".into())
            .or_insert_with(|| "fa_IR.UTF-8".into());
        m
    }

    #[test]
    fn sequences() {
        assert_eq!(BidiMode::App.enter_sequence(false), "\x1b[8l");
        assert_eq!(BidiMode::App.exit_sequence(false), "\x1b[8h");
        assert_eq!(BidiMode::Terminal.enter_sequence(true), "");
        assert_eq!(tmux_passthrough("\x1b[8l"), "\x1bPtmux;\x1b\x1b[8l\x1b\\");
        assert_eq!(
            BidiMode::App.enter_sequence(true),
            "\x1b[8l\x1bPtmux;\x1b\x1b[8l\x1b\\"
        );
        assert_eq!("Terminal".parse::<BidiMode>(), Ok(BidiMode::Terminal));
        assert!("rtl".parse::<BidiMode>().is_err());
    }

    #[test]
    fn vte_with_and_without_bidi() {
        let r = detect_terminal(&env(&[("VTE_VERSION", "7600"), ("TERM", "xterm-256color")]));
        assert_eq!(r.bidi, TerminalBidi::Switchable);
        assert!(r.name.contains("VTE 0.76"));
        assert_eq!(r.recommended, BidiMode::App);
        assert_eq!(r.advice.len(), 1);
        let old = detect_terminal(&env(&[("VTE_VERSION", "5202")]));
        assert_eq!(old.bidi, TerminalBidi::None);
    }

    #[test]
    fn konsole_needs_a_setting_or_terminal_mode() {
        let r = detect_terminal(&env(&[("KONSOLE_VERSION", "230805")]));
        assert_eq!(r.name, "Konsole");
        assert_eq!(r.recommended, BidiMode::Terminal);
        assert!(r.advice[0].contains("Bi-Directional text rendering"));
    }

    #[test]
    fn tmux_over_vte_asks_for_passthrough() {
        let r = detect_terminal(&env(&[
            ("TMUX", "/tmp/tmux-0/default,123,0"),
            ("TERM_PROGRAM", "tmux"),
            ("VTE_VERSION", "7003"),
            ("TERM", "tmux-256color"),
        ]));
        assert!(r.tmux);
        assert_eq!(r.bidi, TerminalBidi::Switchable);
        assert!(r.advice.iter().any(|a| a.contains("allow-passthrough on")));
    }

    #[test]
    fn others() {
        let name = |pairs: &[(&str, &str)]| detect_terminal(&env(pairs)).name;
        assert_eq!(name(&[("WT_SESSION", "abc")]), "Windows Terminal");
        assert_eq!(
            name(&[("KITTY_WINDOW_ID", "1"), ("TERM", "xterm-kitty")]),
            "kitty"
        );
        assert_eq!(name(&[("TERM_PROGRAM", "WezTerm")]), "WezTerm");
        assert_eq!(name(&[("TERM", "alacritty")]), "Alacritty");
        assert_eq!(name(&[("TERM", "mlterm")]), "mlterm");
        assert_eq!(
            name(&[("TERM", "xterm-256color")]),
            "unknown (TERM=xterm-256color)"
        );
        assert_eq!(name(&[("TERM", "foot-extra")]), "foot");
        assert_eq!(name(&[("TERM", "linux")]), "Linux console");
        assert_eq!(name(&[("XTERM_VERSION", "XTerm(390)")]), "xterm");
        assert_eq!(name(&[("TERM_PROGRAM", "ghostty")]), "Ghostty");
        let r = detect_terminal(&env(&[
            ("TERM_PROGRAM", "Foo"),
            ("TERM_PROGRAM_VERSION", "1.2"),
        ]));
        assert_eq!(
            (r.name.as_str(), r.bidi),
            ("Foo 1.2", TerminalBidi::Unknown)
        );
        // An empty variable counts as unset.
        assert_eq!(
            name(&[("VTE_VERSION", ""), ("TERM", "linux")]),
            "Linux console"
        );
        let r = detect_terminal(&HashMap::new());
        assert_eq!(r.bidi, TerminalBidi::Unknown);
        assert_eq!(r.name, "unknown (TERM is not set)");
        assert!(r.advice.iter().any(|a| a.contains("UTF-8")));
    }
}
