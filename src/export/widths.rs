//! Column widths from the content, so that no number, date or word is cut in two and no
//! table is taller than it needs to be.
//!
//! Text is measured in the carried font at the tables' size ([`super::metrics`], each letter in
//! its widest form). Each column first gets what it cannot do without: the whole of its longest
//! cell when it holds codes (numbers, dates, which never wrap), its longest word otherwise,
//! headers included, as they may wrap between words but not inside one; a signature column
//! keeps room to sign. What is left of the page goes, a slice at a time, to the text column
//! whose widening shortens the table most (each row is as tall as its tallest cell), so a long
//! text gets the room and a short name is not given a line of its own at the text's expense;
//! what no row needs any more is shared in proportion to the text columns' average cell.
//!
//! The DOCX and HTML renderers share these shares, so a table has the same proportions in both.

use super::document::{ColumnKind, Table};

/// The table's width in points: 17 cm, A4 less 2 cm margins.
pub const TABLE_PT: f64 = 482.0;
/// A cell's padding, 2 mm a side, and a point of slack.
const PADDING: f64 = 12.3;
/// What a signature needs at least.
const SIGNATURE_PT: f64 = 80.0;
/// How many slices the page's spare width is handed out in.
const SLICES: usize = 120;

/// Each column's share of the table's width, for text of `size` points; the shares add up to 1.
pub fn shares(table: &Table, size: f64) -> Vec<f64> {
    let n = table.columns.len();
    if n == 0 {
        return Vec::new();
    }
    let mut need = vec![0.0f64; n];
    let mut want = vec![0.0f64; n];
    // Each cell measured once: its lines, each as the widths of its words.
    let measured: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|row| {
            (0..n)
                .map(|j| row.get(j).map_or_else(Cell::default, |c| Cell::of(c, size)))
                .collect()
        })
        .collect();
    for (j, column) in table.columns.iter().enumerate() {
        let header = longest_word(&column.title, true, size);
        let cells = table.rows.iter().filter_map(|r| r.get(j));
        let (longest, total, count) = cells.fold((0.0f64, 0.0, 0usize), |(l, t, c), cell| {
            let measure = match column.kind {
                ColumnKind::Code => width(cell, false, size),
                ColumnKind::Text | ColumnKind::Signature => longest_word(cell, false, size),
            };
            (l.max(measure), t + width(cell, false, size), c + 1)
        });
        need[j] = header.max(longest);
        want[j] = match column.kind {
            ColumnKind::Code => need[j],
            ColumnKind::Signature => need[j].max(SIGNATURE_PT),
            ColumnKind::Text if count == 0 => need[j],
            ColumnKind::Text => need[j].max(total / count as f64),
        };
        if column.kind == ColumnKind::Signature {
            need[j] = want[j];
        }
    }
    let mut pt = need.clone();
    let needed: f64 = need.iter().sum();
    let wrapping: Vec<bool> = table
        .columns
        .iter()
        .map(|c| c.kind == ColumnKind::Text)
        .collect();
    if needed < TABLE_PT {
        let mut left = TABLE_PT - needed;
        let slice = left / SLICES as f64;
        // To the column whose widening lowers the table's estimated height most.
        let mut heights: Vec<Vec<f64>> = measured
            .iter()
            .map(|row| row.iter().zip(&pt).map(|(c, &w)| c.lines(w)).collect())
            .collect();
        while left > slice / 2.0 {
            let Some(best) = best_column(&measured, &heights, &pt, &wrapping, slice) else {
                break;
            };
            pt[best] += slice;
            left -= slice;
            for (row, cells) in heights.iter_mut().zip(&measured) {
                row[best] = cells[best].lines(pt[best]);
            }
        }
        // What no row needs, in proportion to the text columns' average cell, or to every
        // column when none wraps.
        let weights: Vec<f64> = (0..n)
            .map(|j| if wrapping[j] { want[j] } else { 0.0 })
            .collect();
        let weights = if weights.iter().sum::<f64>() > 0.0 {
            weights
        } else {
            pt.clone()
        };
        let total: f64 = weights.iter().sum();
        if total > 0.0 {
            for j in 0..n {
                pt[j] += left * weights[j] / total;
            }
        }
    }
    let total: f64 = pt.iter().sum();
    if total <= 0.0 {
        return vec![1.0 / n as f64; n];
    }
    pt.iter().map(|c| c / total).collect()
}

/// A cell's text as the widths of its words, line by line, in points, and of a space.
#[derive(Default)]
struct Cell {
    lines: Vec<Vec<f64>>,
    space: f64,
}

impl Cell {
    fn of(text: &str, size: f64) -> Cell {
        Cell {
            lines: text
                .split('\n')
                .map(|line| {
                    line.split_whitespace()
                        .map(|w| super::metrics::em_width(w, false) * size)
                        .collect()
                })
                .collect(),
            space: super::metrics::em_width(" ", false) * size,
        }
    }

    /// How many lines it takes in a column `pt` wide, its words wrapped as a word processor
    /// wraps them; the last line counts by how full it is, so that every slice of width that
    /// shortens it counts, and a cell takes at least a line.
    fn lines(&self, pt: f64) -> f64 {
        let room = (pt - PADDING).max(1.0);
        let space = self.space;
        let mut total = 0.0;
        for words in &self.lines {
            let (mut full, mut used) = (0.0f64, 0.0f64);
            for &w in words {
                if used == 0.0 {
                    used = w;
                } else if used + space + w <= room {
                    used += space + w;
                } else {
                    full += 1.0;
                    used = w;
                }
            }
            total += (full + used / room).max(1.0);
        }
        total.max(1.0)
    }
}

/// The text column that, `slice` wider, makes the rows (each as tall as its tallest cell)
/// shortest; none when no column's widening shortens any row.
fn best_column(
    measured: &[Vec<Cell>],
    heights: &[Vec<f64>],
    pt: &[f64],
    wrapping: &[bool],
    slice: f64,
) -> Option<usize> {
    let n = pt.len();
    let mut gain = vec![0.0f64; n];
    for (cells, now) in measured.iter().zip(heights) {
        // The row's tallest and second tallest cell.
        let (mut top, mut second, mut at) = (0.0f64, 0.0f64, usize::MAX);
        for (j, &l) in now.iter().enumerate() {
            if l > top {
                (second, top, at) = (top, l, j);
            } else if l > second {
                second = l;
            }
        }
        if wrapping.get(at) == Some(&true) {
            let wider = cells[at].lines(pt[at] + slice);
            gain[at] += top - wider.max(second);
        }
    }
    (0..n)
        .filter(|&j| wrapping[j] && gain[j] > 1e-9)
        .max_by(|&a, &b| gain[a].total_cmp(&gain[b]))
}

/// Where a list of short items set in two columns of `pt` each turns to the second column: the
/// number of items in the first, so that the two are as near one length as whole items allow
/// (each item a paragraph of its own, at the tables' size), the first the longer of two.
pub fn column_break(items: &[String], pt: f64, size: f64) -> usize {
    let lines: Vec<f64> = items
        .iter()
        .map(|item| Cell::of(item, size).lines(pt).ceil())
        .collect();
    let total: f64 = lines.iter().sum();
    let mut first = 0.0;
    let mut best = (f64::INFINITY, items.len().div_ceil(2));
    for (k, l) in std::iter::once(0.0)
        .chain(lines.iter().copied())
        .enumerate()
    {
        first += l;
        let longer = first.max(total - first);
        // Of two splits as long, the one with the longer first column, as columns are set.
        if longer <= best.0 {
            best = (longer, k);
        }
    }
    best.1
}

/// A row estimated at more lines than this may break across pages: moved whole to the next
/// page, it would leave most of this one empty.
const BREAKABLE_LINES: f64 = 6.0;

/// Whether a row is tall enough to be let break across pages (its tallest cell's text over its
/// column's width, roughly).
pub fn may_break(cells: &[String], shares: &[f64], size: f64) -> bool {
    let lines = cells
        .iter()
        .zip(shares)
        .map(|(cell, share)| {
            let room = (share * TABLE_PT - PADDING).max(1.0);
            cell.split('\n')
                .map(|line| (width(line, false, size) / room).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    lines > BREAKABLE_LINES
}

/// The width of the widest word of `text` (words split at spaces and line ends, never at a
/// ZWNJ), with the cell's padding.
fn longest_word(text: &str, bold: bool, size: f64) -> f64 {
    text.split(char::is_whitespace)
        .map(|w| width(w, bold, size))
        .fold(0.0, f64::max)
}

/// `text`'s width in points at `size`, with the cell's padding; nothing when empty.
fn width(text: &str, bold: bool, size: f64) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    super::metrics::em_width(text, bold) * size + PADDING
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::Column;

    /// The tables' size in the DOCX by default.
    const SIZE: f64 = 9.0;

    fn table(columns: Vec<Column>, rows: &[&[&str]]) -> Table {
        Table {
            columns,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            signatures: false,
        }
    }

    #[test]
    fn codes_get_their_whole_width_and_text_the_rest() {
        let t = table(
            vec![
                Column::code("ردیف"),
                Column::text("شرح مصوبه"),
                Column::code("مهلت اجرا"),
                Column::text("وضعیت"),
            ],
            &[
                &[
                    "۲/۱",
                    "اداره کل کار، تعاون و رفاه اجتماعی ثبت گروه‌های همیار را به‌صورت شرکت تعاونی در اولویت قرار دهد.",
                    "۱۳۹۳/۰۳/۳۱",
                    "انجام‌شده",
                ],
                &[
                    "۲/۱۰",
                    "بانک توسعه تعاون گزارش دهد.",
                    "۱۳۹۳/۱۲/۲۹",
                    "در انتظار اقدام",
                ],
            ],
        );
        let s = shares(&t, SIZE);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // A hair over, for the rounding of the shares.
        let pt: Vec<f64> = s.iter().map(|x| x * TABLE_PT + 1e-9).collect();
        assert!(
            pt[0] >= width("ردیف", true, SIZE),
            "«ردیف» whole, bold: {pt:?}"
        );
        assert!(pt[0] >= width("۲/۱۰", false, SIZE), "«۲/۱۰» whole: {pt:?}");
        assert!(
            pt[2] >= width("۱۳۹۳/۱۲/۲۹", false, SIZE),
            "a date whole: {pt:?}"
        );
        assert!(
            pt[3] >= width("انجام‌شده", false, SIZE),
            "«انجام‌شده» whole: {pt:?}"
        );
        assert!(
            pt[1] > pt[0] + pt[2] + pt[3],
            "the text takes the rest: {pt:?}"
        );
    }

    #[test]
    fn width_goes_where_it_shortens_the_rows() {
        let text = "اداره کل صنعت، معدن و تجارت پرداخت وام قرض‌الحسنه تا سقف ۱۲۰٬۰۰۰٬۰۰۰ ریال به هر گروه را بررسی کند (با همکاری کمیته امداد) و گزارش پیشرفت را در نشست بعد ارائه کند.";
        let agency = "اداره کل صنعت، معدن و تجارت";
        let t = table(
            vec![
                Column::code("ردیف"),
                Column::text("شرح مصوبه"),
                Column::text("مسئول پیگیری"),
            ],
            &[&["۴۹/۱۲", text, agency][..]; 5],
        );
        let s = shares(&t, SIZE);
        let height = |s: &[f64]| {
            let text = Cell::of(text, SIZE).lines(s[1] * TABLE_PT);
            text.max(Cell::of(agency, SIZE).lines(s[2] * TABLE_PT))
        };
        // The agency on a line of its own, the rest to the text: taller rows.
        let mut one_line = s.clone();
        one_line[2] = width(agency, false, SIZE) / TABLE_PT;
        one_line[1] = 1.0 - one_line[0] - one_line[2];
        assert!(
            height(&s) + 0.5 < height(&one_line),
            "{s:?}: {} lines, {} with the agency on one line",
            height(&s),
            height(&one_line)
        );
        assert!(s[1] > 0.6, "the text gets most of the width: {s:?}");
    }

    #[test]
    fn a_signature_column_keeps_room_to_sign() {
        let t = table(
            vec![Column::text("نام"), Column::signature("امضا")],
            &[&["آزیتا سعیدی", ""]],
        );
        let s = shares(&t, SIZE);
        assert!(s[1] * TABLE_PT >= SIGNATURE_PT, "{s:?}");
    }

    #[test]
    fn only_tall_rows_may_break_across_pages() {
        let shares = [0.2, 0.8];
        let short = vec!["۲/۱".to_string(), "یک جملهٔ کوتاه".to_string()];
        let tall = vec!["۲/۲".to_string(), "جمله‌ای بلند ".repeat(40)];
        assert!(!may_break(&short, &shares, SIZE));
        assert!(may_break(&tall, &shares, SIZE));
    }

    #[test]
    fn two_columns_are_split_where_they_are_of_a_length() {
        let short = "نبود مجوز".to_string();
        let long = "هزینهٔ بالای غرفه در نمایشگاه‌ها و بازارچه‌ها (محل عرضه و فروش محصولات) در شهرستان‌های جنوبی استان".to_string();
        // Three one-line items and a long one: the long one alone in the second column.
        let items = [short.clone(), short.clone(), short.clone(), long.clone()];
        assert!(Cell::of(&long, SIZE).lines(150.0) > 3.0);
        assert_eq!(column_break(&items, 150.0, SIZE), 3);
        // Four of a length: two and two; five: three and two.
        assert_eq!(column_break(&vec![short.clone(); 4], 150.0, SIZE), 2);
        assert_eq!(column_break(&vec![short.clone(); 5], 150.0, SIZE), 3);
        assert_eq!(column_break(&[], 150.0, SIZE), 0);
    }

    #[test]
    fn an_empty_table_shares_evenly() {
        let t = table(vec![Column::text(""), Column::text("")], &[]);
        assert_eq!(shares(&t, SIZE), vec![0.5, 0.5]);
    }
}
