//! Choosing an agency, a person, a category or an issue by typing part of its name: the
//! query is folded like search (`بانك` with an Arabic kaf, a short name, an English name), the
//! matches narrow as one types, Up/Down move, Enter takes the highlighted one.

use crate::domain::Id;
use crate::text::fold::fold;
use crate::text::{BaseDirection, InputState};

/// Something that can be picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    /// `None` for the "none" option (e.g. a statement about the meeting, not an issue).
    pub id: Option<Id>,
    pub label: String,
    /// A second line of help beside the label (an agency's short name, a person's agency).
    pub detail: String,
    /// Every name it is found by, folded.
    search: String,
}

impl PickOption {
    /// An option found by its label and any other names given.
    pub fn new(id: Option<Id>, label: &str, detail: &str, other_names: &[&str]) -> Self {
        let mut all = format!("{label}\n{detail}");
        for n in other_names {
            all.push('\n');
            all.push_str(n);
        }
        PickOption {
            id,
            label: label.to_string(),
            detail: detail.to_string(),
            search: fold(&all),
        }
    }
}

/// The state of a picker field.
#[derive(Debug, Clone)]
pub struct Picker {
    pub query: InputState,
    options: Vec<PickOption>,
    /// Indices into the options that match the query, in the options' order.
    matches: Vec<usize>,
    /// Index into `matches`.
    highlighted: usize,
    /// Indices into the options, in the order they were taken.
    chosen: Vec<usize>,
    multi: bool,
}

impl Picker {
    /// A picker taking one option.
    pub fn single(options: Vec<PickOption>, base: BaseDirection) -> Self {
        Self::new(options, base, false)
    }

    /// A picker taking several options (supporting agencies).
    pub fn multi(options: Vec<PickOption>, base: BaseDirection) -> Self {
        Self::new(options, base, true)
    }

    fn new(options: Vec<PickOption>, base: BaseDirection, multi: bool) -> Self {
        let matches = (0..options.len()).collect();
        Picker {
            query: InputState::single_line()
                .with_base(base)
                .with_mode(crate::tui::view::widgets::bidi()),
            options,
            matches,
            highlighted: 0,
            chosen: Vec::new(),
            multi,
        }
    }

    pub fn is_multi(&self) -> bool {
        self.multi
    }

    /// Narrows the matches to the query; call after every change to it.
    pub fn refilter(&mut self) {
        let q = fold(self.query.text().trim());
        self.matches = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| q.is_empty() || q.split(' ').all(|w| o.search.contains(w)))
            .map(|(i, _)| i)
            .collect();
        self.highlighted = 0;
    }

    /// The options matching the query, with whether each is highlighted and chosen.
    pub fn matches(&self) -> impl Iterator<Item = (&PickOption, bool, bool)> {
        self.matches.iter().enumerate().map(move |(k, &i)| {
            (
                &self.options[i],
                k == self.highlighted,
                self.chosen.contains(&i),
            )
        })
    }

    pub fn highlighted_index(&self) -> usize {
        self.highlighted
    }

    pub fn match_count(&self) -> usize {
        self.matches.len()
    }

    pub fn move_highlight(&mut self, delta: isize) {
        if !self.matches.is_empty() {
            self.highlighted = self
                .highlighted
                .saturating_add_signed(delta)
                .min(self.matches.len() - 1);
        }
    }

    /// Takes the highlighted option (a multi picker toggles it). False when nothing matches.
    pub fn take(&mut self) -> bool {
        let Some(&i) = self.matches.get(self.highlighted) else {
            return false;
        };
        if self.multi {
            match self.chosen.iter().position(|c| *c == i) {
                Some(at) => {
                    self.chosen.remove(at);
                }
                None => self.chosen.push(i),
            }
        } else {
            self.chosen = vec![i];
        }
        self.query.set_text("");
        self.refilter();
        true
    }

    /// Adds an option made from what was typed (a new agency or person) and takes it.
    pub fn add_and_take(&mut self, option: PickOption) {
        self.options.push(option);
        let i = self.options.len() - 1;
        if self.multi {
            self.chosen.push(i);
        } else {
            self.chosen = vec![i];
        }
        self.query.set_text("");
        self.refilter();
    }

    /// Drops the last option taken (Backspace in an empty multi picker).
    pub fn drop_last(&mut self) {
        self.chosen.pop();
    }

    /// Chooses the options with these ids (restoring a draft, or editing a record).
    pub fn choose_ids(&mut self, ids: &[Option<Id>]) {
        self.chosen = ids
            .iter()
            .filter_map(|id| self.options.iter().position(|o| &o.id == id))
            .collect();
        if !self.multi {
            self.chosen.truncate(1);
        }
    }

    pub fn chosen(&self) -> impl Iterator<Item = &PickOption> {
        self.chosen.iter().map(|i| &self.options[*i])
    }

    /// The id of the option taken, for a single picker (`None` also when "none" was taken).
    pub fn chosen_id(&self) -> Option<&Id> {
        self.chosen().next().and_then(|o| o.id.as_ref())
    }

    pub fn has_choice(&self) -> bool {
        !self.chosen.is_empty()
    }

    /// The ids taken, in order, for a multi picker.
    pub fn chosen_ids(&self) -> Vec<Id> {
        self.chosen().filter_map(|o| o.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> Picker {
        let opts = vec![
            PickOption::new(
                Some(Id::new()),
                "بانک توسعه تعاون",
                "توسعه تعاون",
                &["Cooperative Development Bank"],
            ),
            PickOption::new(
                Some(Id::new()),
                "صندوق مهر امام رضا (ع)",
                "صندوق مهر",
                &["Imam Reza Mehr Fund"],
            ),
            PickOption::new(
                Some(Id::new()),
                "اداره کل صنعت، معدن و تجارت",
                "صمت",
                &["Industry, Mine and Trade"],
            ),
        ];
        Picker::single(opts, BaseDirection::Rtl)
    }

    fn query(p: &mut Picker, q: &str) -> Vec<String> {
        p.query.set_text(q);
        p.refilter();
        p.matches().map(|(o, _, _)| o.label.clone()).collect()
    }

    #[test]
    fn typing_finds_by_any_name_whatever_the_kaf() {
        let mut p = agencies();
        assert_eq!(query(&mut p, "بانك"), ["بانک توسعه تعاون"]);
        assert_eq!(query(&mut p, "bank"), ["بانک توسعه تعاون"]);
        assert_eq!(query(&mut p, "صمت"), ["اداره کل صنعت، معدن و تجارت"]);
        assert_eq!(query(&mut p, "mehr fund"), ["صندوق مهر امام رضا (ع)"]);
        assert_eq!(query(&mut p, "").len(), 3);
        assert!(query(&mut p, "هیچ").is_empty());
        assert!(!p.take(), "nothing to take");
    }

    #[test]
    fn enter_takes_the_highlighted_option() {
        let mut p = agencies();
        query(&mut p, "");
        p.move_highlight(1);
        p.move_highlight(5);
        assert!(p.take());
        assert_eq!(
            p.chosen().next().unwrap().label,
            "اداره کل صنعت، معدن و تجارت"
        );
        assert_eq!(p.query.text(), "", "the query clears once taken");
        let mut m = Picker::multi(agencies().options, BaseDirection::Rtl);
        m.refilter();
        m.take();
        m.move_highlight(1);
        m.take();
        assert_eq!(m.chosen_ids().len(), 2);
        m.move_highlight(-1);
        m.take();
        assert_eq!(m.chosen_ids().len(), 1, "taking again drops it");
        m.drop_last();
        assert!(!m.has_choice());
    }
}
