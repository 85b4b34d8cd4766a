//! Choosing an agency, a person, a category or an issue by typing part of its name: the
//! query is folded like search (`بانك` with an Arabic kaf, a short name, an English name), the
//! matches narrow as one types, Up/Down move, Enter takes the highlighted one.
//!
//! Every picker of the directory's records (agencies, people, categories) also offers what was
//! typed as a new record, in a last row «+ افزودن «…»» whenever no option bears that name: it is
//! the only row when nothing matches, so Enter on a name nothing matches adds it. Enter does
//! the same in every picker, and the hint says which it does («انتخاب» or «افزودن»).

use crate::domain::{Id, name_key};
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
    /// Its label's [`name_key`], to tell whether a name typed is new.
    key: String,
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
            key: name_key(label),
        }
    }
}

/// The kind of record a picker adds to the directory when Enter is pressed on a new name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creates {
    Agency,
    Person,
    Category,
}

/// What Enter does in a picker, for the hint and the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Enter {
    /// Takes the highlighted option.
    Choose,
    /// Drops the highlighted option from a multi picker's choices (it was chosen).
    Unchoose,
    /// Adds the name typed as a new record of this kind, and takes it.
    Add(String, Creates),
    /// Nothing to take (no match, and the picker adds nothing).
    Nothing,
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
    /// What a new name typed becomes, for pickers of the directory's records.
    creates: Option<Creates>,
    /// The name keys of options left out ([`Picker::drop_options`]): names still taken.
    hidden_names: Vec<String>,
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
            creates: None,
            hidden_names: Vec::new(),
        }
    }

    /// A picker that adds a name nothing bears as a new record of this kind.
    #[must_use]
    pub fn creating(mut self, what: Creates) -> Self {
        self.creates = Some(what);
        self
    }

    pub fn creates(&self) -> Option<Creates> {
        self.creates
    }

    pub fn is_multi(&self) -> bool {
        self.multi
    }

    /// The name typed, when this picker would add it: no option bears it (compared folded).
    pub fn new_name(&self) -> Option<&str> {
        self.creates?;
        let typed = self.query.text().trim();
        let key = name_key(typed);
        let taken = self.options.iter().any(|o| o.key == key) || self.hidden_names.contains(&key);
        (!key.is_empty() && !taken).then_some(typed)
    }

    /// The rows under the query: the matches, and the new name when one is offered.
    fn rows(&self) -> usize {
        self.matches.len() + usize::from(self.new_name().is_some())
    }

    /// What Enter does now.
    pub fn enter(&self) -> Enter {
        match (self.new_name(), self.creates) {
            (Some(name), Some(what)) if self.highlighted == self.matches.len() => {
                Enter::Add(name.to_string(), what)
            }
            _ if self.multi
                && self
                    .matches
                    .get(self.highlighted)
                    .is_some_and(|i| self.chosen.contains(i)) =>
            {
                Enter::Unchoose
            }
            _ if self.highlighted < self.matches.len() => Enter::Choose,
            _ => Enter::Nothing,
        }
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

    /// How many rows the list under the query has: the matches and the offer of a new name.
    pub fn row_count(&self) -> usize {
        self.rows()
    }

    pub fn move_highlight(&mut self, delta: isize) {
        let rows = self.rows();
        if rows > 0 {
            self.highlighted = self.highlighted.saturating_add_signed(delta).min(rows - 1);
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

    /// Leaves out the options `unwanted` says (an issue's own category when moving it). Call
    /// before anything is chosen.
    pub fn drop_options(&mut self, unwanted: impl Fn(&PickOption) -> bool) {
        let (gone, kept) = std::mem::take(&mut self.options)
            .into_iter()
            .partition::<Vec<_>, _>(|o| unwanted(o));
        self.hidden_names.extend(gone.into_iter().map(|o| o.key));
        self.options = kept;
        self.chosen.clear();
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
        assert_eq!(m.enter(), Enter::Unchoose, "the hint says Enter drops it");
        m.take();
        assert_eq!(m.chosen_ids().len(), 1, "taking again drops it");
        assert_eq!(m.enter(), Enter::Choose);
        m.drop_last();
        assert!(!m.has_choice());
    }

    #[test]
    fn a_new_name_is_offered_in_a_last_row_and_enter_says_what_it_does() {
        let mut p = agencies().creating(Creates::Agency);
        // Nothing bears the name: the offer is the only row, so Enter adds it.
        assert!(query(&mut p, "بانك ملي").is_empty());
        assert_eq!(p.row_count(), 1);
        assert_eq!(p.enter(), Enter::Add("بانك ملي".into(), Creates::Agency));
        // «بانک» matches an option: Enter takes it; the offer waits one row down.
        assert_eq!(query(&mut p, "بانک"), ["بانک توسعه تعاون"]);
        assert_eq!(p.enter(), Enter::Choose);
        p.move_highlight(1);
        assert_eq!(p.enter(), Enter::Add("بانک".into(), Creates::Agency));
        p.move_highlight(5);
        assert_eq!(p.highlighted_index(), 1, "the offer is the last row");
        // The same name however spelled is not offered again.
        query(&mut p, "بانك توسعه تعاون");
        assert_eq!(p.row_count(), 1);
        assert_eq!(p.enter(), Enter::Choose);
        query(&mut p, "   ");
        assert_eq!(p.new_name(), None);
        // A picker of other things adds nothing.
        let mut plain = agencies();
        query(&mut plain, "هیچ");
        assert_eq!(plain.enter(), Enter::Nothing);
        assert_eq!(plain.row_count(), 0);
    }
}
