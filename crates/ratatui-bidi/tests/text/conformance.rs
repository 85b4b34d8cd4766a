//! The layout pipeline against GNU FriBidi 1.0.8 (`fribidi --nopad --nobreak --rtl|--ltr`), from
//! the expectations committed in `tests/fixtures/bidi/` (see its README; FriBidi is not needed).

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use ratatui_bidi::{BaseDirection, FILLER, Layout, LayoutOptions, VisualLine, layout};

fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "bidi",
        name,
    ]
    .iter()
    .collect();
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lines(name: &str) -> Vec<String> {
    fixture(name).lines().map(str::to_string).collect()
}

/// Lines of a wrapped fixture, grouped per corpus line (groups end with an empty line).
fn groups(name: &str) -> Vec<Vec<String>> {
    let mut out = vec![];
    let mut cur = vec![];
    for l in fixture(name).lines() {
        if l.is_empty() {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(l.to_string());
        }
    }
    out
}

fn direction(name: &str) -> BaseDirection {
    if name == "rtl" {
        BaseDirection::Rtl
    } else {
        BaseDirection::Ltr
    }
}

/// `deliberate-clusters.tsv`: (direction, width, corpus line, line of its paragraph), 1-based,
/// width `None` for unlimited: the lines where FriBidi reorders a grapheme cluster code point by
/// code point and hamyar keeps it whole (README.md, "Deliberate differences").
fn deliberate_clusters() -> HashSet<(&'static str, Option<usize>, usize, usize)> {
    fixture("deliberate-clusters.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let dir = if f[0] == "rtl" { "rtl" } else { "ltr" };
            let n = |k: usize| f[k].parse::<usize>().unwrap_or_else(|e| panic!("{l}: {e}"));
            let width = (f[1] != "none").then(|| n(1));
            (dir, width, n(2), n(3))
        })
        .collect()
}

/// `visual` (a visual line of `line`'s characters, as hamyar or FriBidi ordered them) with the
/// characters inside each of hamyar's clusters sorted: what remains when the order inside
/// clusters is set aside.
fn clusters_sorted(line: &VisualLine<'_>, visual: &str) -> String {
    let mut sizes: Vec<usize> = vec![];
    for c in line.cells.iter().filter(|c| c.ch != FILLER) {
        match sizes.last_mut() {
            Some(n) if c.joined => *n += 1,
            _ => sizes.push(1),
        }
    }
    let chars: Vec<char> = visual.chars().collect();
    if chars.len() != sizes.iter().sum::<usize>() {
        return visual.to_string();
    }
    let mut out = String::with_capacity(visual.len());
    let mut at = 0;
    for n in sizes {
        let mut cluster = chars[at..at + n].to_vec();
        cluster.sort_unstable();
        out.extend(cluster);
        at += n;
    }
    out
}

#[test]
fn corpus_is_large_enough() {
    assert!(lines("corpus.txt").len() >= 300);
}

#[test]
fn unlimited_width_matches_fribidi() {
    let corpus = lines("corpus.txt");
    let clusters = deliberate_clusters();
    for dir in ["rtl", "ltr"] {
        let expected = lines(&format!("expected-{dir}.txt"));
        assert_eq!(expected.len(), corpus.len());
        let opts = LayoutOptions {
            base: direction(dir),
            width: None,
            ..Default::default()
        };
        let mut failures = vec![];
        let mut same = 0;
        for (i, (logical, want)) in corpus.iter().zip(&expected).enumerate() {
            let l = layout(logical, &opts);
            assert_eq!(l.line_count(), 1, "line {}", i + 1);
            let Some(line) = l.line(0) else { continue };
            let got = line.visual_text();
            if clusters_sorted(&line, &got) != clusters_sorted(&line, want) {
                failures.push(format!(
                    "{dir} line {}:\n  in   {logical}\n  got  {got}\n  want {want}",
                    i + 1
                ));
            }
            // Equal to FriBidi, or different only inside the clusters listed.
            let listed = clusters.contains(&(dir, None, i + 1, 1));
            if (got != *want) != listed {
                failures.push(format!("{dir} line {}: {}", i + 1, list_error(listed)));
            }
            same += usize::from(got == *want);
        }
        println!("{dir}: {same}/{} lines match FriBidi", corpus.len());
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// `deliberate-wrapped.tsv`: (direction, width, corpus line, line of its paragraph), 1-based.
fn deliberate_wrapped() -> std::collections::HashSet<(&'static str, usize, usize, usize)> {
    fixture("deliberate-wrapped.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let dir = if f[0] == "rtl" { "rtl" } else { "ltr" };
            let n = |k: usize| f[k].parse::<usize>().unwrap_or_else(|e| panic!("{l}: {e}"));
            (dir, n(1), n(2), n(3))
        })
        .collect()
}

fn list_error(listed: bool) -> &'static str {
    if listed {
        "needlessly in deliberate-clusters.tsv"
    } else {
        "missing from deliberate-clusters.tsv"
    }
}

/// Wrapped text, widths 20/40/80. Every visual line must match the paragraph oracle
/// (FriBidi's levels and glyphs for the whole paragraph, the line reordered by UAX #9 L1–L3).
/// It must also match FriBidi given that line alone, except on the lines listed in
/// `deliberate-wrapped.tsv`, whose bidi context comes from the rest of their paragraph:
/// README.md, "Deliberate differences". Both comparisons set aside the order inside grapheme
/// clusters, which FriBidi reverses on the lines of `deliberate-clusters.tsv` and only there.
#[test]
fn wrapped_lines_match_fribidi() {
    let corpus = lines("corpus.txt");
    let listed = deliberate_wrapped();
    let clusters = deliberate_clusters();
    let mut layout = Layout::new();
    for width in [20usize, 40, 80] {
        let wrapped = groups(&format!("wrapped-{width}.txt"));
        assert_eq!(wrapped.len(), corpus.len(), "wrapped-{width}.txt");
        for dir in ["rtl", "ltr"] {
            let alone = groups(&format!("expected-{dir}-w{width}.txt"));
            let para = groups(&format!("expected-para-{dir}-w{width}.txt"));
            assert_eq!(alone.len(), corpus.len());
            assert_eq!(para.len(), corpus.len());
            let opts = LayoutOptions {
                base: direction(dir),
                width: Some(width),
                ..Default::default()
            };
            let mut failures = vec![];
            let (mut total, mut same_as_alone, mut same_as_para) = (0, 0, 0);
            for (i, logical) in corpus.iter().enumerate() {
                layout.compute(logical, &opts);
                // The wrapper still makes the lines FriBidi was given.
                let chosen: Vec<&str> = layout
                    .lines()
                    .map(|l| &logical[l.logical.clone()])
                    .collect();
                assert_eq!(chosen, wrapped[i], "width {width}, corpus line {}", i + 1);
                for (j, line) in layout.lines().enumerate() {
                    total += 1;
                    assert!(line.width <= width, "width {width}, line {}", i + 1);
                    let got = line.visual_text();
                    let want = para[i].get(j).map_or("", String::as_str);
                    let sorted = clusters_sorted(&line, &got);
                    let same = alone[i]
                        .get(j)
                        .is_some_and(|a| clusters_sorted(&line, a) == sorted);
                    if same {
                        same_as_alone += 1;
                    }
                    // Off the list, FriBidi given the line alone agrees too; on it, it does
                    // not (so the list stays exact).
                    let listed = listed.contains(&(dir, width, i + 1, j + 1));
                    if same == listed {
                        failures.push(format!(
                            "{dir} w{width} line {}.{}: {} deliberate-wrapped.tsv",
                            i + 1,
                            j + 1,
                            if listed {
                                "needlessly in"
                            } else {
                                "missing from"
                            }
                        ));
                    }
                    same_as_para += usize::from(got == want);
                    let in_clusters = clusters.contains(&(dir, Some(width), i + 1, j + 1));
                    if (got != want) != in_clusters {
                        failures.push(format!(
                            "{dir} w{width} line {}.{}: {}",
                            i + 1,
                            j + 1,
                            list_error(in_clusters)
                        ));
                    }
                    if sorted != clusters_sorted(&line, want) {
                        failures.push(format!(
                            "{dir} w{width} line {}.{j}:\n  in   {}\n  got  {got}\n  want {want}",
                            i + 1,
                            chosen[j]
                        ));
                    }
                }
            }
            println!(
                "{dir} width {width}: {same_as_para}/{total} lines equal the paragraph oracle \
                 (the rest differ inside clusters only), {same_as_alone}/{total} match FriBidi \
                 given the line alone but for the order inside clusters"
            );
            assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }
}
