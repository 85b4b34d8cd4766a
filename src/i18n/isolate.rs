//! The one way a sentence takes in a value that is not its own (a name, a typed title or time,
//! a search, a path): between «» as the sentence writes them, the value itself made safe by
//! [`sanitize_field`](crate::text::sanitize_field) and wrapped in FIRST STRONG ISOLATE … POP
//! DIRECTIONAL ISOLATE. Inside the isolate the value reads in its own direction; outside it
//! counts as one neutral character (UAX #9, rules X5c and BD13), so a Latin value in a Persian
//! sentence, or one ending in digits or carrying embeddings, cannot reorder the sentence's own
//! words and quotes around it.

use std::fmt::Display;

use crate::text::sanitize_field;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// `value` isolated for a sentence (module doc): `«{name}»` in a message's template takes
/// `name = isolate(name)`.
pub(crate) fn isolate(value: impl Display) -> String {
    let text = value.to_string();
    let clean = sanitize_field(&text);
    let mut out = String::with_capacity(clean.len() + 2 * FSI.len_utf8());
    out.push(FSI);
    out.push_str(&clean);
    out.push(PDI);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized, TuiMessage};
    use crate::settings::SettingsError;
    use crate::text::{BaseDirection, Direction, LayoutOptions, layout};

    /// What a person sees of `text` on one right-to-left line: the cells that take room.
    fn seen_rtl(text: &str) -> String {
        let opts = LayoutOptions {
            base: BaseDirection::Prefer(Direction::Rtl),
            ..Default::default()
        };
        let laid = layout(text, &opts);
        laid.lines()
            .flat_map(|l| l.cells.iter().filter(|c| c.width > 0).map(|c| c.ch))
            .collect()
    }

    #[test]
    fn a_value_cannot_close_its_isolate_early() {
        // A PDI in the value would end the wrapping isolate: sanitize_field removes it first.
        assert_eq!(isolate("بانک\u{2069} SMS"), "\u{2068}بانک SMS\u{2069}");
        assert_eq!(isolate(12), "\u{2068}12\u{2069}");
    }

    #[test]
    fn a_latin_value_keeps_the_persian_sentence_around_it_in_order() {
        // «مقدار bidi «X» است»: the Latin word before the quotes used to pull the opening «
        // and the value into one left-to-right run, so the quotes came apart on screen.
        let e = SettingsError::ConfigBidi {
            path: "/tmp/c.toml".into(),
            value: "apps".into(),
        };
        let msg = e.localized(Lang::Fa);
        assert!(msg.contains("«\u{2068}apps\u{2069}»"), "{msg:?}");
        let seen = seen_rtl(&msg);
        // Right to left: …مقدار, bidi, «apps», است; drawn left to right with the quotes mirrored.
        assert!(seen.contains("ﺖﺳﺍ «apps» bidi ﺭﺍﺪﻘﻣ"), "{seen}");
    }

    #[test]
    fn overrides_and_open_isolates_in_a_value_stay_inside_it() {
        // A series title with a right-to-left override and a left-to-right isolate left open:
        // the override is shown as a mark, the isolate is closed at the value's end, and the
        // sentence's own words still read right to left around the quoted value. (Unisolated,
        // the override forced the rest of the sentence right to left, digits reversed.)
        let title = "Bank\u{202E}12 \u{2066}ABC";
        let msg = TuiMessage::SeriesSaved(title).localized(Lang::Fa);
        assert!(
            msg.contains("«\u{2068}Bank◂12 \u{2066}ABC\u{2069}\u{2069}»"),
            "{msg:?}"
        );
        let seen = seen_rtl(&msg);
        assert!(seen.starts_with(".ﺪﺷ ﻩﺮﯿﺧﺫ «"), "{seen}");
        assert!(seen.ends_with("» ﺖﺴﺸﻧ ﻪﻠﺴﻠﺳ"), "{seen}");
        let english = TuiMessage::SeriesSaved(title).localized(Lang::En);
        assert!(
            english.starts_with("Series «\u{2068}Bank◂12"),
            "{english:?}"
        );
    }
}
