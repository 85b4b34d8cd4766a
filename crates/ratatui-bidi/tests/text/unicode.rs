//! The Unicode Consortium's bidi conformance suites (UCD 15.0.0, `tests/fixtures/unicode/`),
//! every line, through the whole pipeline as `hamyar bidi` runs it: [`sanitize`], then
//! [`layout`] on one unwrapped line. Each case checks the paragraph level, the resolved level of
//! every character the suite gives one, and the visual order.
//!
//! A case that differs is allowed only when one of the crate's documented policies applies to
//! it (README.md, "Conformance"); every other case must pass, and the counts are pinned, so a
//! change in either direction shows here.

use std::collections::BTreeMap;
use std::io::Read;

use ratatui_bidi::{BaseDirection, Direction, LayoutOptions, layout, sanitize};

/// Why a case may differ from the suite, in the README's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Policy {
    /// LRO or RLO: shown as a visible mark, not obeyed.
    Override,
    /// A PDF or PDI with nothing to close: removed by sanitize.
    UnmatchedCloser,
    /// An embedding or isolate still open at the end: closed there by sanitize.
    ClosedAtEnd,
    /// A grapheme cluster (a letter and its marks) kept whole and in logical order.
    Cluster,
}

#[derive(Default, Debug)]
struct Tally {
    pass: usize,
    policy: BTreeMap<Policy, usize>,
    failures: Vec<String>,
}

struct Case {
    chars: Vec<char>,
    base: BaseDirection,
    para_level: Option<u8>,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';

fn gunzip(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/unicode/{name}.txt.gz",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Maps each character of `text` to its byte offset in `clean` (its sanitized form), or `None`
/// if sanitize removed it. Sanitize only removes characters, replaces an override by a mark of
/// the same length, and appends closers at paragraph ends, so a greedy walk is exact.
fn align(text: &[char], clean: &str) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(text.len());
    let mut clean = clean.char_indices().peekable();
    for &c in text {
        let same = clean.peek().is_some_and(|&(_, d)| {
            d == c
                || (c == LRO && d == ratatui_bidi::LRO_MARK)
                || (c == RLO && d == ratatui_bidi::RLO_MARK)
        });
        if same {
            out.push(clean.next().map(|(i, _)| i));
        } else {
            out.push(None);
        }
    }
    out
}

/// Sorts the values of `seq` within each run of positions that `cluster_at` gives one cluster.
fn canonical(seq: &[usize], cluster_at: &[usize]) -> Vec<usize> {
    let mut out = seq.to_vec();
    let mut start = 0;
    while start < out.len() {
        let mut end = start + 1;
        while end < out.len() && cluster_at[end] == cluster_at[start] {
            end += 1;
        }
        out[start..end].sort_unstable();
        start = end;
    }
    out
}

fn run(case: &Case, tally: &mut Tally, label: &dyn Fn() -> String) {
    let text: String = case.chars.iter().collect();
    let clean = sanitize(&text);
    let at = align(&case.chars, &clean);
    let laid = layout(
        &clean,
        &LayoutOptions {
            base: case.base,
            width: None,
            ..Default::default()
        },
    );

    // Byte offset in `clean` → original index.
    let mut original = std::collections::HashMap::new();
    for (i, b) in at.iter().enumerate() {
        if let Some(b) = b {
            original.insert(*b, i);
        }
    }
    let mut levels: Vec<Option<u8>> = vec![None; case.chars.len()];
    let mut order = Vec::new();
    let mut cluster_at = Vec::new();
    let mut cluster = 0usize;
    for line in laid.lines() {
        for cell in line.cells {
            if !cell.joined {
                cluster += 1;
            }
            let Some(&i) = original.get(&cell.logical) else {
                continue;
            };
            levels[i] = Some(cell.level);
            if case.levels[i].is_some() {
                order.push(i);
                cluster_at.push(cluster);
            }
        }
    }
    let para_ok = case.para_level.is_none_or(|want| {
        laid.line(0)
            .map(|l| u8::from(l.direction == Direction::Rtl))
            == Some(want)
    });
    let levels_ok = case
        .levels
        .iter()
        .zip(&levels)
        .all(|(want, got)| want.is_none() || want == got);
    if para_ok && levels_ok && order == case.order {
        tally.pass += 1;
        return;
    }
    let policy = if case.chars.iter().any(|&c| c == LRO || c == RLO) {
        Some(Policy::Override)
    } else if at.iter().any(Option::is_none) {
        Some(Policy::UnmatchedCloser)
    } else if clean.len() > text.len() {
        Some(Policy::ClosedAtEnd)
    } else if para_ok
        && levels_ok
        && order.len() == case.order.len()
        && canonical(&order, &cluster_at) == canonical(&case.order, &cluster_at)
    {
        Some(Policy::Cluster)
    } else {
        None
    };
    match policy {
        Some(p) => *tally.policy.entry(p).or_default() += 1,
        None => tally.failures.push(format!(
            "{}\n  levels want {:?}\n  levels got  {:?}\n  order want {:?}\n  order got  {:?}",
            label(),
            case.levels,
            levels,
            case.order,
            order
        )),
    }
}

fn levels_field(s: &str) -> Vec<Option<u8>> {
    s.split_whitespace().map(|l| l.parse().ok()).collect()
}

fn order_field(s: &str) -> Vec<usize> {
    s.split_whitespace().map(|i| i.parse().unwrap()).collect()
}

fn character_test() -> Tally {
    let data = gunzip("BidiCharacterTest");
    let mut tally = Tally::default();
    for (n, line) in data.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(';').collect();
        assert_eq!(f.len(), 5, "line {}", n + 1);
        let chars = f[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        let base = match f[1] {
            "0" => BaseDirection::Ltr,
            "1" => BaseDirection::Rtl,
            _ => BaseDirection::Auto(Direction::Ltr),
        };
        let case = Case {
            chars,
            base,
            para_level: f[2].trim().parse().ok(),
            levels: levels_field(f[3]),
            order: order_field(f[4]),
        };
        run(&case, &mut tally, &|| {
            format!("BidiCharacterTest.txt line {}: {line}", n + 1)
        });
    }
    tally
}

/// One character per bidi class, for BidiTest.txt: each survives sanitize unchanged.
fn stand_in(class: &str) -> char {
    match class {
        "L" => 'a',
        "R" => '\u{05D0}',
        "AL" => '\u{0628}',
        "EN" => '1',
        "ES" => '+',
        "ET" => '$',
        "AN" => '\u{0660}',
        "CS" => ',',
        "NSM" => '\u{0300}',
        "BN" => '\u{200B}',
        "B" => '\u{2029}',
        "S" => '\t',
        "WS" => ' ',
        "ON" => '!',
        "LRE" => '\u{202A}',
        "RLE" => '\u{202B}',
        "PDF" => '\u{202C}',
        "LRO" => LRO,
        "RLO" => RLO,
        "LRI" => '\u{2066}',
        "RLI" => '\u{2067}',
        "FSI" => '\u{2068}',
        "PDI" => '\u{2069}',
        other => panic!("unknown bidi class {other}"),
    }
}

fn class_test() -> Tally {
    let data = gunzip("BidiTest");
    let mut tally = Tally::default();
    let (mut levels, mut order) = (Vec::new(), Vec::new());
    for (n, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(l) = line.strip_prefix("@Levels:") {
            levels = levels_field(l);
            continue;
        }
        if let Some(o) = line.strip_prefix("@Reorder:") {
            order = order_field(o);
            continue;
        }
        if line.starts_with('@') {
            continue;
        }
        let (input, bits) = line.split_once(';').unwrap();
        let chars: Vec<char> = input.split_whitespace().map(stand_in).collect();
        let bits = u8::from_str_radix(bits.trim(), 16).unwrap();
        for (bit, base) in [
            (1, BaseDirection::Auto(Direction::Ltr)),
            (2, BaseDirection::Ltr),
            (4, BaseDirection::Rtl),
        ] {
            if bits & bit == 0 {
                continue;
            }
            let case = Case {
                chars: chars.clone(),
                base,
                para_level: None,
                levels: levels.clone(),
                order: order.clone(),
            };
            run(&case, &mut tally, &|| {
                format!("BidiTest.txt line {}: {line} ({base:?})", n + 1)
            });
        }
    }
    tally
}

fn check(name: &str, tally: &Tally, pass: usize, policy: &[(Policy, usize)]) {
    let shown: Vec<String> = tally.failures.iter().take(12).cloned().collect();
    assert!(
        tally.failures.is_empty(),
        "{name}: {} cases differ with no policy to explain them (first {}):\n{}",
        tally.failures.len(),
        shown.len(),
        shown.join("\n")
    );
    let counts: Vec<(Policy, usize)> = tally.policy.iter().map(|(&p, &n)| (p, n)).collect();
    assert_eq!(
        (tally.pass, counts.as_slice()),
        (pass, policy),
        "{name}: the counts changed; update README.md's conformance table"
    );
    readme_row_matches(name, tally);
}

/// The crate README's conformance table says what the suite counted: its cases, passes (and
/// their percentage, to the digits shown), overrides and clusters.
fn readme_row_matches(name: &str, tally: &Tally) {
    let readme = include_str!("../../README.md");
    let row = readme
        .lines()
        .find(|l| l.starts_with(&format!("| {name}.txt")))
        .unwrap_or_else(|| panic!("README.md has no conformance row for {name}.txt"));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    let number = |cell: &str| -> usize {
        let digits = cell.split_whitespace().next().unwrap_or_default();
        digits
            .replace(',', "")
            .parse()
            .unwrap_or_else(|_| panic!("{row}"))
    };
    let policy = |p: Policy| tally.policy.get(&p).copied().unwrap_or(0);
    let cases = tally.pass + tally.policy.values().sum::<usize>();
    assert_eq!(
        [
            number(cells[2]),
            number(cells[3]),
            number(cells[4]),
            number(cells[5])
        ],
        [
            cases,
            tally.pass,
            policy(Policy::Override),
            policy(Policy::Cluster)
        ],
        "README.md's row for {name}.txt (cases, pass, overrides, clusters): {row}"
    );
    let shown = cells[3]
        .split_once('(')
        .and_then(|(_, p)| p.strip_suffix("%)"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("{row}"));
    let decimals = shown.split_once('.').map_or(0, |(_, d)| d.len());
    let percent = 100.0 * tally.pass as f64 / cases as f64;
    assert_eq!(
        shown,
        format!("{percent:.decimals$}"),
        "README.md's pass rate for {name}.txt"
    );
}

#[test]
fn bidi_character_test_passes_but_for_documented_policies() {
    let tally = character_test();
    check(
        "BidiCharacterTest",
        &tally,
        91_671,
        &[(Policy::Override, 24), (Policy::Cluster, 12)],
    );
}

#[test]
fn bidi_test_passes_but_for_documented_policies() {
    let tally = class_test();
    check(
        "BidiTest",
        &tally,
        632_868,
        &[(Policy::Override, 121_137), (Policy::Cluster, 16_236)],
    );
}
