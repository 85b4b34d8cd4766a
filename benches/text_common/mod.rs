//! Shared by the text benchmarks: the FriBidi corpus, repeated to a given size.

use std::path::PathBuf;

pub fn corpus() -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "bidi",
        "corpus.txt",
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
