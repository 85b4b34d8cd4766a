//! Step 4: reorder one line (UAX #9 rules L1, L3 and L2) from the paragraph's resolved levels.
//!
//! `unicode-bidi` resolves the paragraph's levels; its own per-line helpers clone the whole
//! paragraph's level vector for every line (quadratic on long wrapped paragraphs) and skip L3.
//! So L1 here is a per-character port of `unicode_bidi`'s `reorder_levels` (a property test
//! checks the two agree), L3 keeps grapheme clusters whole (FriBidi's `fribidi_reorder_line`
//! does it for combining marks only), and L2 works on index buffers that the caller reuses.

use unicode_bidi::{BidiClass, Level};

/// Rule L1: separators, and whitespace/isolate runs before them or at the end of the line, go
/// back to the paragraph level; bidi format characters take their predecessor's level.
pub(super) fn apply_l1(classes: &[BidiClass], levels: &mut [Level], para: Level) {
    use BidiClass::*;
    let mut reset_from = Some(0usize);
    let mut prev_level = para;
    for i in 0..classes.len() {
        let mut reset_to = None;
        match classes[i] {
            B | S => {
                reset_to = Some(i + 1);
                reset_from.get_or_insert(i);
            }
            WS | FSI | LRI | RLI | PDI => {
                reset_from.get_or_insert(i);
            }
            RLE | LRE | RLO | LRO | PDF | BN => {
                reset_from.get_or_insert(i);
                levels[i] = prev_level;
            }
            _ => reset_from = None,
        }
        if let (Some(from), Some(to)) = (reset_from, reset_to) {
            levels[from..to].fill(para);
            reset_from = None;
        }
        prev_level = levels[i];
    }
    if let Some(from) = reset_from {
        levels[from..].fill(para);
    }
}

/// Rule L3, for whole grapheme clusters: reverses each cluster of several characters at an odd
/// level in `order` (logical indices, before L2), so that L2 turns it back into logical order.
/// A letter keeps its harakat after it, as FriBidi does, and an emoji sequence keeps its
/// modifier, joiners and flag halves in order. `continues(i)` tells whether character `i`
/// continues the cluster before it; the caller gives a cluster one level throughout.
pub(super) fn apply_l3(continues: impl Fn(usize) -> bool, levels: &[Level], order: &mut [u32]) {
    let n = levels.len();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && continues(end) {
            end += 1;
        }
        if end - start > 1 && levels[start].is_rtl() {
            order[start..end].reverse();
        }
        start = end;
    }
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every run at that level
/// or above. `order` holds logical indices; `levels` is by position, which reversals of whole
/// runs of higher levels do not change.
pub(super) fn apply_l2(levels: &[Level], order: &mut [u32]) {
    let Some(max) = levels.iter().map(|l| l.number()).max() else {
        return;
    };
    let Some(min_odd) = levels
        .iter()
        .map(|l| l.number())
        .min()
        .map(|m| if m % 2 == 1 { m } else { m + 1 })
    else {
        return;
    };
    let mut level = max;
    while level >= min_odd {
        let mut i = 0;
        while i < levels.len() {
            if levels[i].number() < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < levels.len() && levels[i].number() >= level {
                i += 1;
            }
            order[start..i].reverse();
        }
        level -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_bidi::ParagraphBidiInfo;

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "سلام", " ", "abc", "۱۲۳", "12", "(", ")", "«", "»", "\u{200C}", "\u{200F}", "\u{200E}",
            "\u{064E}", ".", "-", "%", "\u{2067}", "\u{2069}", "\u{202B}", "\u{202C}", "\t",
            "\u{2029}", "،",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Our per-character L1+L2 must give the same visual order as unicode-bidi's own
        /// `reordered_levels` + `reorder_visual` on any line range of the paragraph.
        #[test]
        fn l1_l2_agree_with_unicode_bidi(text in text_strategy(), rtl in any::<bool>(), cut in 0usize..40) {
            let base = if rtl { Level::rtl() } else { Level::ltr() };
            let info = ParagraphBidiInfo::new(&text, Some(base));
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let cut = starts.get(cut.min(starts.len())).copied().unwrap_or(text.len());
            for line in [0..cut, cut..text.len()] {
                if line.is_empty() { continue; }
                let theirs_levels = info.reordered_levels(line.clone());
                let per_char: Vec<Level> = text[line.clone()].char_indices().map(|(i, _)| theirs_levels[line.start + i]).collect();
                let theirs = ParagraphBidiInfo::reorder_visual(&per_char);

                let classes: Vec<BidiClass> = text[line.clone()].char_indices().map(|(i, _)| info.original_classes[line.start + i]).collect();
                let mut levels: Vec<Level> = text[line.clone()].char_indices().map(|(i, _)| info.levels[line.start + i]).collect();
                apply_l1(&classes, &mut levels, info.paragraph_level);
                prop_assert_eq!(&levels, &per_char);
                let mut order: Vec<u32> = (0..levels.len() as u32).collect();
                apply_l2(&levels, &mut order);
                let ours: Vec<usize> = order.iter().map(|&i| i as usize).collect();
                prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn l3_keeps_marks_after_base() {
        // سَلام: the fatha follows the sin in visual order.
        let levels = [Level::rtl(); 3];
        let mut order = [0u32, 1, 2];
        apply_l3(|i| i == 1, &levels, &mut order);
        apply_l2(&levels, &mut order);
        assert_eq!(order, [2, 0, 1]);
        // A woman with a skin tone between two words: the cluster keeps its order.
        let levels = [Level::rtl(); 4];
        let mut order = [0u32, 1, 2, 3];
        apply_l3(|i| i == 2, &levels, &mut order);
        apply_l2(&levels, &mut order);
        assert_eq!(order, [3, 1, 2, 0]);
    }
}
