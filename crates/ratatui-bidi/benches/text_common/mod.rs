//! Shared by the text benchmarks: the FriBidi corpus, repeated to a given size.

/// The corpus, compiled in (a path relative to this file, so hamyar's `text_filter` bench can
/// share it).
pub fn corpus() -> String {
    include_str!("../../tests/fixtures/bidi/corpus.txt").to_owned()
}

/// The corpus repeated until it is at least `bytes` long, whole lines.
#[allow(dead_code)] // not every bench uses it
pub fn corpus_of_size(bytes: usize) -> String {
    let c = corpus();
    let mut s = String::with_capacity(bytes + c.len());
    while s.len() < bytes {
        s.push_str(&c);
    }
    s
}
