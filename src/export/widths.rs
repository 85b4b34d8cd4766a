//! Column widths from the content, so that no number, date or word is cut in two.
//!
//! Text is measured in the carried font at the tables' size ([`super::metrics`], each letter in
//! its widest form). Each column first gets what it cannot do without: the whole of its longest
//! cell when it holds codes (numbers, dates, which never wrap), its longest word otherwise,
//! headers included, as they may wrap between words but not inside one. What is left of the
//! page goes to the text columns, first up to their average cell, then in proportion to it; a
//! signature column keeps room to sign.
//!
//! The DOCX and HTML renderers share these shares, so a table has the same proportions in both.

use super::document::{ColumnKind, Table};

/// The table's width in points: 17 cm, A4 less 2 cm margins.
pub const TABLE_PT: f64 = 482.0;
/// The size of the tables' Persian text, in points.
const TEXT_PT: f64 = 11.0;
/// A cell's padding, 2 mm a side, and a point of slack.
const PADDING: f64 = 12.3;
/// What a signature needs at least.
const SIGNATURE_PT: f64 = 80.0;

/// Each column's share of the table's width; the shares add up to 1.
pub fn shares(table: &Table) -> Vec<f64> {
    let n = table.columns.len();
    if n == 0 {
        return Vec::new();
    }
    let mut need = vec![0.0f64; n];
    let mut want = vec![0.0f64; n];
    for (j, column) in table.columns.iter().enumerate() {
        let header = longest_word(&column.title, true);
        let cells = table.rows.iter().filter_map(|r| r.get(j));
        let (longest, total, count) = cells.fold((0.0f64, 0.0, 0usize), |(l, t, c), cell| {
            let measure = match column.kind {
                ColumnKind::Code => width(cell, false),
                ColumnKind::Text | ColumnKind::Signature => longest_word(cell, false),
            };
            (l.max(measure), t + width(cell, false), c + 1)
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
        // Up to the average cell, in proportion to what each text column still wants.
        let short: f64 = (0..n)
            .filter(|&j| wrapping[j])
            .map(|j| want[j] - need[j])
            .sum();
        if short > 0.0 {
            let give = left.min(short);
            for j in (0..n).filter(|&j| wrapping[j]) {
                pt[j] += give * (want[j] - need[j]) / short;
            }
            left -= give;
        }
        // The rest in proportion to the text columns' average cell, or to every column when
        // none wraps.
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

/// A row estimated at more lines than this may break across pages: moved whole to the next
/// page, it would leave most of this one empty.
const BREAKABLE_LINES: f64 = 6.0;

/// Whether a row is tall enough to be let break across pages (its tallest cell's text over its
/// column's width, roughly).
pub fn may_break(cells: &[String], shares: &[f64]) -> bool {
    let lines = cells
        .iter()
        .zip(shares)
        .map(|(cell, share)| {
            let room = (share * TABLE_PT - PADDING).max(1.0);
            cell.split('\n')
                .map(|line| (width(line, false) / room).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    lines > BREAKABLE_LINES
}

/// The width of the widest word of `text` (words split at spaces and line ends, never at a
/// ZWNJ), with the cell's padding.
fn longest_word(text: &str, bold: bool) -> f64 {
    text.split(char::is_whitespace)
        .map(|w| width(w, bold))
        .fold(0.0, f64::max)
}

/// `text`'s width in points at the tables' size, with the cell's padding; nothing when empty.
fn width(text: &str, bold: bool) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    super::metrics::em_width(text, bold) * TEXT_PT + PADDING
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::Column;

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
        let s = shares(&t);
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let pt: Vec<f64> = s.iter().map(|x| x * TABLE_PT).collect();
        assert!(pt[0] >= width("ردیف", true), "«ردیف» whole, bold: {pt:?}");
        assert!(pt[0] >= width("۲/۱۰", false), "«۲/۱۰» whole: {pt:?}");
        assert!(pt[2] >= width("۱۳۹۳/۱۲/۲۹", false), "a date whole: {pt:?}");
        assert!(
            pt[3] >= width("انجام‌شده", false),
            "«انجام‌شده» whole: {pt:?}"
        );
        assert!(
            pt[1] > pt[0] + pt[2] + pt[3],
            "the text takes the rest: {pt:?}"
        );
    }

    #[test]
    fn a_signature_column_keeps_room_to_sign() {
        let t = table(
            vec![Column::text("نام"), Column::signature("امضا")],
            &[&["آزیتا سعیدی", ""]],
        );
        let s = shares(&t);
        assert!(s[1] * TABLE_PT >= SIGNATURE_PT, "{s:?}");
    }

    #[test]
    fn only_tall_rows_may_break_across_pages() {
        let shares = [0.2, 0.8];
        let short = vec!["۲/۱".to_string(), "یک جملهٔ کوتاه".to_string()];
        let tall = vec!["۲/۲".to_string(), "جمله‌ای بلند ".repeat(40)];
        assert!(!may_break(&short, &shares));
        assert!(may_break(&tall, &shares));
    }

    #[test]
    fn an_empty_table_shares_evenly() {
        let t = table(vec![Column::text(""), Column::text("")], &[]);
        assert_eq!(shares(&t), vec![0.5, 0.5]);
    }
}
