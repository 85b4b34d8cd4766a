//! Plain-text, CSV and JSON output for the list commands.

use std::io::{self, IsTerminal, Write};

use unicode_width::UnicodeWidthStr;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::settings::Settings;
use crate::text::{
    BaseDirection, BidiLine, BidiMode, Direction, LayoutOptions, fitting_prefix, layout, sanitize,
    sanitize_field,
};

/// How a cell's text becomes what is printed: logical order for pipes, visual order laid out
/// by `text` for a terminal.
pub trait CellLayout {
    /// `text` fitted into `width` cells (truncated with `…` if longer), padded to exactly
    /// `width` cells; right-aligned when the cell is right to left.
    fn cell(&self, text: &str, width: usize) -> String;
    /// Display width of `text` in terminal cells.
    fn width(&self, text: &str) -> usize {
        crate::text::display_width(text)
    }
    /// A whole line of text (a heading, a message), as it should be printed.
    fn line(&self, text: &str) -> String;
    /// The terminal's width when output goes to one: tables fit it.
    fn terminal_width(&self) -> Option<usize> {
        None
    }
    /// Whether cells come out in visual order, so that a right-to-left table must also be
    /// drawn with its columns mirrored. In logical order the reader's bidi does that.
    fn is_visual(&self) -> bool;
}

/// A simple table: a header row and rows of cells, columns separated by two spaces.
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The widest any column may be; longer cells are truncated at their logical end.
    pub max_col_width: usize,
    /// The column that gives up width first when the table is wider than the terminal (the
    /// decision text, say); narrow columns keep their size as long as they can.
    pub flex: Option<usize>,
    /// Columns run right to left (the Persian UI), so the first column is printed rightmost.
    pub rtl: bool,
}

/// The space between two columns.
const GAP: usize = 2;
/// No column is squeezed below this many cells.
const MIN_COL: usize = 3;
/// The flexible column keeps at least this many cells before others give up theirs.
const MIN_FLEX: usize = 12;

impl Table {
    pub fn write(&self, out: &mut dyn Write, layout: &dyn CellLayout) -> io::Result<()> {
        let widths = self.widths(layout);
        let cols = widths.len();
        let mut line = |cells: &[String]| -> io::Result<()> {
            let mut parts: Vec<String> = (0..cols)
                .map(|i| layout.cell(cells.get(i).map_or("", String::as_str), widths[i]))
                .collect();
            if self.rtl && layout.is_visual() {
                parts.reverse();
            }
            let joined = parts.join(&" ".repeat(GAP));
            writeln!(out, "{}", joined.trim_end())
        };
        line(&self.headers)?;
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule)?;
        for row in &self.rows {
            line(row)?;
        }
        Ok(())
    }

    /// Each column's width: as wide as its widest cell (up to `max_col_width`), then narrowed
    /// to fit the terminal: the flexible column first, then the widest of the others.
    fn widths(&self, layout: &dyn CellLayout) -> Vec<usize> {
        let cols = self.headers.len();
        let mut widths: Vec<usize> = self
            .headers
            .iter()
            .map(|h| layout.width(h).min(self.max_col_width))
            .collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(layout.width(cell).min(self.max_col_width));
            }
        }
        let Some(limit) = layout.terminal_width() else {
            return widths;
        };
        let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
        let mut excess = total(&widths).saturating_sub(limit);
        if let Some(f) = self.flex.filter(|f| *f < cols) {
            let give = excess.min(widths[f].saturating_sub(MIN_FLEX));
            widths[f] -= give;
            excess -= give;
        }
        while excess > 0 {
            let Some((i, w)) = widths
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, w)| *w > MIN_COL)
                .max_by_key(|(_, w)| *w)
            else {
                break;
            };
            widths[i] = w - 1;
            excess -= 1;
        }
        widths
    }
}

/// Logical-order cells for pipes and files: what a script or another program expects.
pub struct LogicalCells;

impl CellLayout for LogicalCells {
    fn cell(&self, text: &str, width: usize) -> String {
        // Cells share a line that another program lays out: each is balanced (after the cut,
        // which may leave an isolate open) so that none can reorder its neighbours.
        let clean = sanitize(text).replace(['\n', '\t'], " ");
        let mut out = sanitize_field(&truncate_logical(&clean, width)).into_owned();
        let used = UnicodeWidthStr::width(out.as_str());
        out.push_str(&" ".repeat(width.saturating_sub(used)));
        out
    }

    fn line(&self, text: &str) -> String {
        sanitize_field(text).into_owned()
    }

    fn is_visual(&self) -> bool {
        false
    }
}

/// Visual-order cells laid out by `text`, for a person reading a terminal: each cell is its own
/// paragraph (so no cell can reorder its neighbours), truncated at its logical end, and
/// right-aligned when it is right to left.
pub struct VisualCells {
    /// The direction of the interface, for cells with no strong letter (numbers, dates).
    pub ui: Direction,
    /// The terminal's width, for aligning whole lines; `None` leaves lines unpadded.
    pub terminal_width: Option<usize>,
}

impl VisualCells {
    fn base(&self) -> BaseDirection {
        BaseDirection::Auto(self.ui)
    }
}

impl CellLayout for VisualCells {
    /// Drawn by the same [`BidiLine`] widget the screen uses, then read back from the buffer.
    fn cell(&self, text: &str, width: usize) -> String {
        let clean = sanitize(text).replace('\n', " ");
        let Ok(w) = u16::try_from(width) else {
            return String::new();
        };
        let area = Rect::new(0, 0, w, 1);
        let mut buf = Buffer::empty(area);
        BidiLine::new(&clean)
            .base(self.base())
            .render(area, &mut buf);
        let mut out = String::with_capacity(width * 3);
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, 0)].symbol();
            out.push_str(symbol);
            x += u16::try_from(UnicodeWidthStr::width(symbol).max(1)).unwrap_or(1);
        }
        out
    }

    fn line(&self, text: &str) -> String {
        let clean = sanitize(text).replace('\n', " ");
        let opts = LayoutOptions {
            base: self.base(),
            width: None,
            mode: BidiMode::App,
        };
        let laid = layout(&clean, &opts);
        let Some(line) = laid.line(0) else {
            return String::new();
        };
        let mut out = String::new();
        if let (Direction::Rtl, Some(w)) = (line.direction, self.terminal_width) {
            out.push_str(&" ".repeat(w.saturating_sub(line.width)));
        }
        // In visual order the explicit bidi controls (a message's isolated values, a typed
        // embedding) have done their work; a terminal would only draw or apply them again.
        out.extend(
            line.cells
                .iter()
                .map(|c| c.ch)
                .filter(|&c| c != crate::text::FILLER && !is_explicit_bidi(c)),
        );
        out
    }

    fn terminal_width(&self) -> Option<usize> {
        self.terminal_width
    }

    fn is_visual(&self) -> bool {
        true
    }
}

/// LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
fn is_explicit_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The longest logical prefix of `text` that fits `width` cells with an ellipsis after it, or
/// `text` itself when it fits whole. Cutting the logical end keeps the beginning of a sentence,
/// which in a right-to-left cell is its right-hand side.
pub fn truncate_logical(text: &str, width: usize) -> String {
    if UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = text[..fitting_prefix(text, width - 1)].to_string();
    out.push('…');
    out
}

/// How text meets stdout: laid out in visual order by `text` when a person reads it on a
/// terminal in app mode, logical order otherwise; sanitized either way.
pub fn stdout_layout(settings: &Settings) -> Box<dyn CellLayout> {
    if settings.bidi == BidiMode::App && io::stdout().is_terminal() {
        Box::new(VisualCells {
            ui: settings.lang.direction(),
            terminal_width: crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w)),
        })
    } else {
        Box::new(LogicalCells)
    }
}

/// A line for stderr, sanitized, and in visual order for a person at a terminal.
pub fn stderr_line(text: &str, settings: &Settings) -> String {
    let clean = sanitize(text);
    if settings.bidi == BidiMode::App && io::stderr().is_terminal() {
        let cells = VisualCells {
            ui: settings.lang.direction(),
            terminal_width: None,
        };
        cells.line(&clean)
    } else {
        sanitize_field(&clean).into_owned()
    }
}

/// Prints one line through the layout (a message, a heading).
pub fn print_line(settings: &Settings, text: &str) -> io::Result<()> {
    let layout = stdout_layout(settings);
    let mut out = io::stdout().lock();
    writeln!(out, "{}", layout.line(text))?;
    out.flush()
}

/// A writer that lays out every line it is given, for reports written with `writeln!`.
pub struct LaidOut<'a> {
    pub out: &'a mut dyn Write,
    pub layout: &'a dyn CellLayout,
}

impl LaidOut<'_> {
    pub fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> io::Result<()> {
        let text = args.to_string();
        let text = text.strip_suffix('\n').unwrap_or(&text);
        for line in text.split('\n') {
            writeln!(self.out, "{}", self.layout.line(line))?;
        }
        Ok(())
    }
}

/// While alive, the terminal's own bidi is off (BDSM), so visual-order text printed by hamyar
/// is not reordered a second time by VTE, WezTerm or mintty. Restored on drop.
pub struct TerminalBidiOff {
    exit: String,
}

impl TerminalBidiOff {
    /// Switches the terminal's bidi off when `mode` is app and stdout is a terminal.
    pub fn new(mode: BidiMode) -> Option<Self> {
        if mode != BidiMode::App || !io::stdout().is_terminal() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_cells_truncate_and_pad() {
        assert_eq!(LogicalCells.cell("abc", 5), "abc  ");
        assert_eq!(LogicalCells.cell("abcdef", 4), "abc…");
        let t = Table {
            headers: vec!["n".into(), "name".into()],
            rows: vec![vec!["1".into(), "بانک توسعه تعاون".into()]],
            max_col_width: 8,
            flex: Some(1),
            rtl: false,
        };
        let mut out = Vec::new();
        t.write(&mut out, &LogicalCells).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.lines().nth(2), Some("1  بانک تو…"));
    }

    #[test]
    fn visual_cells_right_align_persian_and_keep_numbers_readable() {
        let cells = VisualCells {
            ui: Direction::Rtl,
            terminal_width: None,
        };
        // Logical «مصوبه ۲/۳ (بانک)»: in visual order the first word is on the right, the
        // number still reads ۲/۳, and the parentheses face the right way once mirrored.
        let cell = cells.cell("مصوبه ۲/۳ (بانک)", 20);
        assert_eq!(UnicodeWidthStr::width(cell.as_str()), 20);
        assert!(cell.starts_with("    "), "right-aligned: «{cell}»");
        assert!(cell.contains("۲/۳"), "{cell}");
        let latin = cells.cell("Bank 2/3", 10);
        assert_eq!(latin, "Bank 2/3  ");
        let cut = cells.cell("اداره کل کار، تعاون و رفاه اجتماعی", 10);
        assert_eq!(UnicodeWidthStr::width(cut.as_str()), 10);
        assert!(
            cut.trim_start().starts_with('…'),
            "the logical end is on the left: «{cut}»"
        );
    }

    #[test]
    fn a_message_line_in_visual_order_drops_the_isolates_it_was_laid_out_with() {
        let cells = VisualCells {
            ui: Direction::Rtl,
            terminal_width: None,
        };
        let line = cells.line("مقدار bidi «\u{2068}apps\u{2069}» است");
        assert_eq!(line, "ﺖﺳﺍ «apps» bidi ﺭﺍﺪﻘﻣ");
    }

    #[test]
    fn tables_fit_the_terminal_by_narrowing_the_text_column_first() {
        let cells = VisualCells {
            ui: Direction::Rtl,
            terminal_width: Some(40),
        };
        let t = Table {
            headers: vec!["ردیف".into(), "شرح مصوبه".into(), "مهلت اجرا".into()],
            rows: vec![vec![
                "۲/۱۱".into(),
                "بانک توسعه تعاون تسهیلات «قرض‌الحسنه» ۵۰ میلیون ریالی را به گروه‌ها بپردازد".into(),
                "۱۳۹۳/۰۲/۳۰".into(),
            ]],
            max_col_width: 48,
            flex: Some(1),
            rtl: true,
        };
        let mut out = Vec::new();
        t.write(&mut out, &cells).unwrap();
        let s = String::from_utf8(out).unwrap();
        for line in s.lines() {
            assert!(UnicodeWidthStr::width(line) <= 40, "«{line}»");
        }
        let row = s.lines().nth(2).unwrap();
        assert!(
            row.ends_with("۲/۱۱"),
            "the number stays whole, on the right: «{row}»"
        );
        assert!(
            row.starts_with("۱۳۹۳/۰۲/۳۰"),
            "the date keeps its size: «{row}»"
        );
        assert!(
            row.contains('…'),
            "the text is cut at its logical end: «{row}»"
        );
    }

    #[test]
    fn truncation_is_logical_and_fits() {
        assert_eq!(truncate_logical("abc", 3), "abc");
        assert_eq!(truncate_logical("abcd", 3), "ab…");
        assert_eq!(truncate_logical("ab cd", 4), "ab…");
        assert_eq!(truncate_logical("abcd", 0), "");
    }
}
