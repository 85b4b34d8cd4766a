//! Step 4: reorder one line (UAX #9 rules L1, L3 and L2) from the paragraph's resolved levels.
//!
//! `unicode-bidi` resolves the paragraph's levels; its own per-line helpers clone the whole
//! paragraph's level vector for every line (quadratic on long wrapped paragraphs) and skip L3.
//! So L1 here is a per-character port of `unicode_bidi`'s `reorder_levels` (a property test
//! checks the two agree), L3 follows FriBidi's `fribidi_reorder_line`, and L2 works on index
//! buffers that the caller reuses.

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

fn is_explicit_bn_or_nsm(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        class,
        BN | NSM | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
    )
}

/// Rule L3: in right-to-left runs, keep combining marks after their base once reversed. Works on
/// `order` (logical indices) before L2, by reversing each base+marks group in place.
pub(super) fn apply_l3(classes: &[BidiClass], levels: &[Level], order: &mut [u32]) {
    let mut i = classes.len();
    while i > 0 {
        i -= 1;
        if !(levels[i].is_rtl() && classes[i] == BidiClass::NSM) {
            continue;
        }
        let seq_end = i;
        let level = levels[i];
        let mut start = i;
        while start > 0 && is_explicit_bn_or_nsm(classes[start - 1]) && levels[start - 1] == level {
            start -= 1;
        }
        // Include the base when it is at the same level; a mark that opens its run has none.
        if start > 0 && levels[start - 1] == level {
            start -= 1;
        }
        order[start..=seq_end].reverse();
        i = start;
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
        let classes = [BidiClass::AL, BidiClass::NSM, BidiClass::AL];
        let levels = [Level::rtl(); 3];
        let mut order = [0u32, 1, 2];
        apply_l3(&classes, &levels, &mut order);
        apply_l2(&levels, &mut order);
        assert_eq!(order, [2, 0, 1]);
    }
}
