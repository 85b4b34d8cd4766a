//! A fast path for resolving levels (UAX #9 rules W1–W7, N0–N2, I1–I2) in the common case: a
//! paragraph with no explicit embedding, override or isolate and no paragraph separator. Then
//! the whole paragraph is one isolating run sequence at the paragraph's level, and the rules
//! are a few linear passes over one array of classes, by character.
//!
//! `unicode-bidi` is general: it works by byte, builds level runs and run sequences, and
//! allocates for each. On Persian text its resolution was about 40 % of `hamyar bidi`'s time.
//! Everything else (any explicit control, U+2029) still goes to it. The conformance suites and a
//! property test (`levels_agree_with_unicode_bidi`) hold the two to the same answers.

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData, Level};

use BidiClass::*;

/// Whether [`resolve`] applies to a paragraph with these classes.
pub(crate) fn applies(class: BidiClass) -> bool {
    !matches!(
        class,
        LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI | B
    )
}

/// The deepest nesting of brackets BD16 tracks.
const MAX_BRACKETS: usize = 63;

/// Reusable buffers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resolver {
    /// Positions (into the paragraph's characters) of the characters X9 keeps, all but BN;
    /// empty when there is no BN.
    seq: Vec<u32>,
    with_bn: bool,
    /// Their classes, as the rules change them.
    types: Vec<BidiClass>,
    brackets: Vec<(u32, char)>,
    pairs: Vec<(u32, u32)>,
}

/// Whether `c` may have a Bidi_Paired_Bracket: below U+0F3A only the ASCII brackets do
/// (BidiBrackets.txt), so most punctuation skips the table's binary search.
fn may_be_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']' | '{' | '}') || c >= '\u{0F3A}'
}

/// The opening bracket of `c`'s pair and whether `c` opens it (BidiBrackets.txt); the ASCII
/// ones without the table's binary search.
fn bracket(data: &HardcodedBidiData, c: char) -> Option<(char, bool)> {
    match c {
        '(' | '[' | '{' => Some((c, true)),
        ')' => Some(('(', false)),
        ']' => Some(('[', false)),
        '}' => Some(('{', false)),
        _ => data
            .bidi_matched_opening_bracket(c)
            .map(|b| (b.opening, b.is_open)),
    }
}

fn is_strong_r(t: BidiClass) -> bool {
    matches!(t, R | AL | EN | AN)
}

fn is_ni(t: BidiClass) -> bool {
    matches!(t, B | S | WS | ON | LRI | RLI | FSI | PDI)
}

impl Resolver {
    /// Resolves the levels of `chars` (classes in `classes`, every one [`applies`]) in a
    /// paragraph of level `para`, into `levels` (cleared first). BN characters get the
    /// paragraph level; rule L1 gives them their neighbour's.
    pub(crate) fn resolve(
        &mut self,
        chars: impl Iterator<Item = char> + Clone,
        classes: &[BidiClass],
        para: Level,
        levels: &mut Vec<Level>,
    ) {
        let e_rtl = para.is_rtl();
        let e = if e_rtl { R } else { L };
        self.seq.clear();
        self.types.clear();
        // Most paragraphs have no BN (X9 removes it): then the sequence is the paragraph itself
        // and `seq` stays empty, saving a push per character.
        self.with_bn = classes.contains(&BN);
        if self.with_bn {
            for (i, &c) in classes.iter().enumerate() {
                if c != BN {
                    self.seq.push(i as u32);
                    self.types.push(c);
                }
            }
        } else {
            self.types.extend_from_slice(classes);
        }
        self.weak(e);
        self.brackets(chars, classes, e);
        self.neutral(e);
        // I1 and I2: each class raises the paragraph's level by 0, 1 or 2.
        let raised = |k: u8| Level::new(para.number() + k).unwrap_or(para);
        let (one, two) = (raised(1), raised(2));
        let level_of = |t: BidiClass| match (e_rtl, t) {
            (false, R) | (true, L | EN | AN) => one,
            (false, AN | EN) => two,
            _ => para,
        };
        levels.clear();
        if self.with_bn {
            levels.resize(classes.len(), para);
            for (&i, &t) in self.seq.iter().zip(&self.types) {
                levels[i as usize] = level_of(t);
            }
        } else {
            levels.extend(self.types.iter().map(|&t| level_of(t)));
        }
    }

    /// W1–W7 on the sequence, `sos` = `eos` = `e`.
    fn weak(&mut self, e: BidiClass) {
        let t = &mut self.types;
        // W1–W3, one pass: NSM takes the previous type; EN after AL is AN; AL is R.
        // `prev` is the previous type as W1 leaves it, before W2 and W3 change it.
        let mut prev = e;
        let mut last_strong = e;
        for x in t.iter_mut() {
            if *x == NSM {
                *x = prev;
            }
            prev = *x;
            match *x {
                L | R => last_strong = *x,
                AL => {
                    last_strong = AL;
                    *x = R;
                }
                EN if last_strong == AL => *x = AN,
                _ => {}
            }
        }
        // W4: one separator between two numbers of the same kind.
        for i in 1..t.len().saturating_sub(1) {
            match (t[i - 1], t[i], t[i + 1]) {
                (EN, ES | CS, EN) => t[i] = EN,
                (AN, CS, AN) => t[i] = AN,
                _ => {}
            }
        }
        // W5: a run of ET next to EN becomes EN.
        let mut i = 0;
        while i < t.len() {
            if t[i] != ET {
                i += 1;
                continue;
            }
            let start = i;
            while i < t.len() && t[i] == ET {
                i += 1;
            }
            let before = start > 0 && t[start - 1] == EN;
            let after = i < t.len() && t[i] == EN;
            if before || after {
                t[start..i].fill(EN);
            }
        }
        // W6 and W7.
        let mut last_strong = e;
        for x in t.iter_mut() {
            match *x {
                ES | ET | CS => *x = ON,
                L | R => last_strong = *x,
                EN if last_strong == L => *x = L,
                _ => {}
            }
        }
    }

    /// N0: paired brackets (BD16) take the direction of what they enclose, or of their context.
    fn brackets(
        &mut self,
        chars: impl Iterator<Item = char> + Clone,
        classes: &[BidiClass],
        e: BidiClass,
    ) {
        self.brackets.clear();
        self.pairs.clear();
        let data = HardcodedBidiData;
        // `seq` and `chars` walk together: `seq` skips BN, so skip those characters too.
        let mut it = chars.enumerate().filter(|(i, _)| classes[*i] != BN);
        for (k, t) in self.types.iter().enumerate() {
            let Some((_, c)) = it.next() else { break };
            if *t != ON || !may_be_bracket(c) {
                continue;
            }
            let Some((opening, is_open)) = bracket(&data, c) else {
                continue;
            };
            if is_open {
                if self.brackets.len() == MAX_BRACKETS {
                    // BD16: stop looking for pairs.
                    break;
                }
                self.brackets.push((k as u32, opening));
            } else if let Some(at) = self.brackets.iter().rposition(|&(_, o)| o == opening) {
                self.pairs.push((self.brackets[at].0, k as u32));
                self.brackets.truncate(at);
            }
        }
        if self.pairs.is_empty() {
            return;
        }
        self.pairs.sort_unstable();
        let strong = |t: BidiClass| match t {
            L => Some(L),
            R | EN | AN => Some(R),
            _ => None,
        };
        for p in 0..self.pairs.len() {
            let (open, close) = (self.pairs[p].0 as usize, self.pairs[p].1 as usize);
            let t = &mut self.types;
            let mut found_e = false;
            let mut found_opposite = false;
            for &x in &t[open + 1..close] {
                match strong(x) {
                    Some(s) if s == e => {
                        found_e = true;
                        break;
                    }
                    Some(_) => found_opposite = true,
                    None => {}
                }
            }
            let dir = if found_e {
                e
            } else if found_opposite {
                let before = t[..open].iter().rev().find_map(|&x| strong(x)).unwrap_or(e);
                if before != e { before } else { e }
            } else {
                continue;
            };
            t[open] = dir;
            t[close] = dir;
            // NSMs right after a bracket that changed follow it (they were ON by W1).
            for b in [open, close] {
                let mut j = b + 1;
                while j < t.len()
                    && classes[if self.with_bn {
                        self.seq[j] as usize
                    } else {
                        j
                    }] == NSM
                {
                    t[j] = dir;
                    j += 1;
                }
            }
        }
    }

    /// N1 and N2: a run of neutrals between two strong types of one direction takes it; else
    /// the embedding direction.
    fn neutral(&mut self, e: BidiClass) {
        let t = &mut self.types;
        let mut i = 0;
        while i < t.len() {
            if !is_ni(t[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < t.len() && is_ni(t[i]) {
                i += 1;
            }
            let side = |x: BidiClass| if is_strong_r(x) { R } else { L };
            let before = if start == 0 { e } else { side(t[start - 1]) };
            let after = if i == t.len() { e } else { side(t[i]) };
            let dir = if before == after { before } else { e };
            t[start..i].fill(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::CachedBidiData;
    use proptest::prelude::*;
    use unicode_bidi::ParagraphBidiInfo;

    #[test]
    fn ascii_brackets_agree_with_the_table() {
        let data = HardcodedBidiData;
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let table = data
                .bidi_matched_opening_bracket(c)
                .map(|b| (b.opening, b.is_open));
            assert_eq!(bracket(&data, c), table, "U+{:04X}", c as u32);
        }
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "سلام", " ", "abc", "۱۲۳", "12", "(", ")", "[", "]", "«", "»", "\u{200C}", "\u{200D}",
            "\u{200F}", "\u{200E}", "\u{061C}", "\u{064E}", "\u{0300}", ".", ",", "-", "+", "%",
            "$", "#", "\t", "،", "٬", "١٢", "א", "!", "〈", "\u{2329}", "\u{232A}", "〉", "/", ":",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The fast path resolves every character to the level `unicode-bidi` gives it (BN aside:
        /// rule L1 gives those their neighbour's level).
        #[test]
        fn levels_agree_with_unicode_bidi(text in text_strategy(), rtl in any::<bool>()) {
            let para = if rtl { Level::rtl() } else { Level::ltr() };
            let info = ParagraphBidiInfo::new_with_data_source(&CachedBidiData, &text, Some(para));
            let classes: Vec<BidiClass> = text.char_indices().map(|(i, _)| info.original_classes[i]).collect();
            prop_assume!(classes.iter().all(|&c| applies(c)));
            let mut levels = Vec::new();
            Resolver::default().resolve(text.chars(), &classes, para, &mut levels);
            for (k, (i, _)) in text.char_indices().enumerate() {
                if classes[k] != BN {
                    prop_assert_eq!(levels[k], info.levels[i], "char {} of {:?}", k, text);
                }
            }
        }
    }
}
