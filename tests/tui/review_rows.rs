//! The action review on a series of thousands of decisions: it keeps small rows for all of
//! them, and reads the texts only of the rows around the selection (all that a screen can
//! show), so that its memory does not grow with the series.

use hamyar::i18n::Lang;
use hamyar::store::synth;
use hamyar::tui::event::Event;
use hamyar::tui::model::{Review, Row};

use super::support::{Harness, open_store};

/// Every item row within `reach` of the selection has its decision's text as stored, and no
/// text is held for an entry further away.
fn texts_follow_the_selection(h: &Harness, reach: usize) {
    let r: &Review = &h.app.model.review;
    let store = h.store();
    let from = r.selected.saturating_sub(reach);
    let to = (r.selected + reach).min(r.rows.len());
    let mut near = Vec::new();
    for row in &r.rows[from..to] {
        if let Row::Item(i) = row {
            let id = &r.entries.entries[*i].id;
            let stored = store.get_decision(id).unwrap().text;
            assert_eq!(r.texts.get(i), Some(&stored), "row of entry {i}");
            near.push(*i);
        }
    }
    assert!(!near.is_empty());
    for i in r.texts.keys() {
        assert!(near.contains(i), "entry {i} is far from the selection");
    }
    let selected = r.selected_entry().unwrap();
    assert_eq!(r.decision.as_ref().map(|d| &d.id), Some(&selected.id));
}

#[test]
fn a_long_review_reads_only_the_texts_around_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.db");
    synth(&mut open_store(&path), 40, 3000, 7).unwrap();
    let mut h = Harness::on(&path, Lang::En);
    h.key("r");
    assert_eq!(h.app.model.review.entries.entries.len(), 3000);
    assert_eq!(h.app.model.review.item_count, 3000);
    texts_follow_the_selection(&h, 64);
    let number = h
        .app
        .model
        .review
        .selected_entry()
        .unwrap()
        .number
        .to_string();
    let shown = h.screen(120, 40);
    assert!(shown.contains(&number), "{number} in {shown}");

    h.key("end");
    texts_follow_the_selection(&h, 64);
    assert!(h.app.model.review.selected > 2900);

    // A filter and the grouping change the rows: the texts follow.
    h.key("c").typed("status:done").key("enter");
    assert!(h.app.model.review.item_count < 3000);
    texts_follow_the_selection(&h, 64);
    h.key("g");
    for _ in 0..30 {
        h.key("j");
    }
    texts_follow_the_selection(&h, 64);

    // A taller terminal shows more rows: their texts are read before its first frame.
    h.event(Event::Resize(120, 300));
    texts_follow_the_selection(&h, 300);
    assert_eq!(h.screen(120, 300).lines().count(), 300);
}
