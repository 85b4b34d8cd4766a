//! How the minutes and the follow-up list are laid out as [`Document`]s: the order of the
//! sections, the tables' columns and their widths.

use std::collections::{HashMap, HashSet};

use super::document::{Block, Column, Document, Field, Item, Table};
use super::follow_ups::FollowUpList;
use super::minutes::{Minutes, PersonLine};

impl Minutes {
    /// The صورتجلسه as a document, section by section.
    pub fn document(&self) -> Document {
        let s = self.strings();
        let h = &self.header;
        let title = format!("{} {}", s.minutes_of_meeting, h.number);
        let mut blocks = letterhead_blocks(
            self.lang,
            &self.letterhead,
            &self.letter_number,
            &h.short_date,
        );
        blocks.extend([
            Block::Title(h.organisation.clone()),
            Block::Title(h.series_title.clone()),
            Block::Title(title.clone()),
        ]);
        blocks.retain(|b| !matches!(b, Block::Title(t) if t.is_empty()));
        if h.draft {
            blocks.push(Block::Notice(s.draft_notice.to_string()));
        }
        let mut fields = vec![Field::new(s.date, &h.date)];
        fields.extend(h.time.as_ref().map(|t| Field::new(s.time, t)));
        fields.push(Field::new(s.place, &h.place));
        fields.push(Field::new(s.status, &h.status));
        let officer = |p: &PersonLine| join_nonempty(&[&p.name, &p.title], " — ");
        fields.extend(
            self.people
                .chair
                .as_ref()
                .map(|p| Field::new(s.chair, officer(p))),
        );
        fields.extend(
            self.people
                .secretary
                .as_ref()
                .map(|p| Field::new(s.secretary, officer(p))),
        );
        blocks.push(Block::Fields(fields));

        self.people_blocks(&mut blocks);
        self.agenda_blocks(&mut blocks);
        self.review_blocks(&mut blocks);
        self.discussion_blocks(&mut blocks);
        self.decision_blocks(&mut blocks);
        if let Some(next) = &self.next_meeting {
            blocks.push(Block::Fields(vec![Field::new(s.next_meeting, next)]));
        }
        if !self.amendments.is_empty() {
            blocks.push(Block::Heading(1, s.amendments.to_string()));
            blocks.push(Block::List(
                self.amendments.iter().flat_map(amendment_items).collect(),
            ));
        }
        blocks.push(Block::Heading(1, s.signatures.to_string()));
        if !self.signatures.is_empty() {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::text(s.name),
                    Column::text(s.title),
                    Column::text(s.agency),
                    Column::signature(s.signature),
                ],
                rows: self
                    .signatures
                    .iter()
                    .map(|p| {
                        vec![
                            p.name.clone(),
                            p.title.clone(),
                            p.agency.clone(),
                            String::new(),
                        ]
                    })
                    .collect(),
                signatures: true,
            }));
        }
        // The chair and the secretary sign on lines of their own, side by side.
        let officer = |p: &Option<PersonLine>| {
            p.as_ref()
                .map(|p| join_nonempty(&[&p.name, &p.title], "\n"))
                .unwrap_or_default()
        };
        blocks.push(Block::Table(Table {
            columns: vec![Column::text(s.chair), Column::text(s.secretary)],
            rows: vec![vec![
                officer(&self.people.chair),
                officer(&self.people.secretary),
            ]],
            signatures: true,
        }));
        Document {
            lang: self.lang,
            logo: self.letterhead.logo.clone(),
            text_size: self.letterhead.text_size,
            running_header: join_nonempty(&[&title, &h.series_title, &h.date], " — "),
            title: join_nonempty(&[&title, &h.series_title], " — "),
            date: self.bundle.meeting.date,
            blocks,
        }
    }

    fn people_blocks(&self, blocks: &mut Vec<Block>) {
        let s = self.strings();
        let p = &self.people;
        blocks.push(Block::Heading(1, s.people.to_string()));
        blocks.push(Block::Heading(2, s.present.to_string()));
        blocks.push(table_or_none(
            s.none,
            vec![
                Column::code(s.number),
                Column::text(s.name),
                Column::text(s.title),
                Column::text(s.agency),
            ],
            p.present
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let n = self.lang.number(i + 1);
                    vec![n, x.name.clone(), x.title.clone(), x.agency.clone()]
                })
                .collect(),
        ));
        blocks.extend(self.quorum.clone().map(Block::Paragraph));
        if !p.substitutes.is_empty() {
            blocks.push(Block::Heading(2, s.substitutes.to_string()));
            blocks.push(Block::List(
                p.substitutes
                    .iter()
                    .map(|x| Item {
                        lead: None,
                        text: join_nonempty(
                            &[
                                &format!(
                                    "{}{} ({}) {} {}",
                                    lead_mark(self.lang),
                                    isolate(self.lang, &x.person.name),
                                    join_nonempty(
                                        &[
                                            &isolate(self.lang, &x.person.title),
                                            &isolate(self.lang, &x.person.agency)
                                        ],
                                        self.lang.list_separator()
                                    ),
                                    s.on_behalf_of,
                                    isolate(self.lang, &x.for_name)
                                ),
                                &isolate(self.lang, &x.reason),
                            ],
                            " — ",
                        ),
                    })
                    .collect(),
            ));
        }
        if !p.absent.is_empty() {
            blocks.push(Block::Heading(2, s.absent.to_string()));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::text(s.name),
                    Column::text(s.title),
                    Column::text(s.agency),
                    Column::text(s.status),
                    Column::text(s.reason),
                ],
                rows: p
                    .absent
                    .iter()
                    .map(|x| {
                        let who = &x.person;
                        vec![
                            who.name.clone(),
                            who.title.clone(),
                            who.agency.clone(),
                            x.state.clone(),
                            x.reason.clone(),
                        ]
                    })
                    .collect(),
                signatures: false,
            }));
        }
    }

    fn agenda_blocks(&self, blocks: &mut Vec<Block>) {
        let s = self.strings();
        blocks.push(Block::Heading(1, s.agenda.to_string()));
        if self.agenda.is_empty() {
            blocks.push(Block::Paragraph(s.none.to_string()));
            return;
        }
        blocks.push(Block::Columns(
            self.agenda
                .iter()
                .map(|a| Item {
                    lead: Some(format!("{}.", a.number)),
                    text: if a.category.is_empty() {
                        a.title.clone()
                    } else {
                        format!("{} ({})", a.title, a.category)
                    },
                })
                .collect(),
        ));
    }

    fn review_blocks(&self, blocks: &mut Vec<Block>) {
        let s = self.strings();
        let r = &self.review;
        blocks.push(Block::Heading(1, s.review.to_string()));
        if r.is_empty() {
            blocks.push(Block::Paragraph(s.none.to_string()));
            return;
        }
        if !r.lines.is_empty() {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::code(s.number),
                    Column::text(s.decision_text),
                    Column::text(s.lead_agency),
                    Column::code(s.due),
                    Column::text(s.status_and_report),
                ],
                // Status and report share a column, so the decision's text has room.
                rows: r
                    .lines
                    .iter()
                    .map(|l| {
                        vec![
                            l.number.clone(),
                            l.text.clone(),
                            l.agency.clone(),
                            l.due.clone(),
                            join_nonempty(&[&l.status, &isolate(self.lang, &l.note)], ": "),
                        ]
                    })
                    .collect(),
                signatures: false,
            }));
        }
        if !r.waiting.is_empty() {
            let count: usize = r.waiting.iter().map(|w| w.count).sum();
            let by_agency = r
                .waiting
                .iter()
                .map(|w| {
                    let agency = isolate(self.lang, &w.agency);
                    format!("{agency} ({})", self.lang.number(w.count))
                })
                .collect::<Vec<_>>()
                .join(self.lang.list_separator());
            blocks.push(Block::Fields(vec![Field::new(
                &format!("{} ({})", s.waiting_without_news, self.lang.number(count)),
                by_agency,
            )]));
        }
        if !r.closed_since.is_empty() {
            blocks.push(Block::Fields(vec![Field::new(
                &format!(
                    "{} ({})",
                    s.closed_since_previous,
                    self.lang.number(r.closed_since.len())
                ),
                r.closed_since.join(self.lang.list_separator()),
            )]));
        }
        if r.settled > 0 {
            blocks.push(Block::Paragraph(
                s.settled_before
                    .replace("{n}", &self.lang.number(r.settled)),
            ));
        }
    }

    fn discussion_blocks(&self, blocks: &mut Vec<Block>) {
        let s = self.strings();
        blocks.push(Block::Heading(1, s.discussion.to_string()));
        if self.discussion.is_empty() {
            blocks.push(Block::Paragraph(s.none.to_string()));
        }
        // A speaker is named with title and agency the first time, by name after that, as a
        // secretary writes it; always in full when two speakers share a name.
        let statements = || {
            self.discussion
                .iter()
                .flat_map(|g| &g.issues)
                .flat_map(|i| &i.statements)
        };
        let mut roles: HashMap<&str, HashSet<&str>> = HashMap::new();
        for st in statements() {
            roles.entry(&st.speaker).or_default().insert(&st.role);
        }
        let mut named: HashSet<(&str, &str)> = HashSet::new();
        for group in &self.discussion {
            if !group.heading.is_empty() {
                blocks.push(Block::Heading(2, group.heading.clone()));
            }
            for issue in &group.issues {
                let title = issue.title.as_ref().map(|t| match &issue.number {
                    Some(n) => format!("{n}. {t}"),
                    None => t.clone(),
                });
                blocks.push(Block::RunIn {
                    title,
                    items: issue
                        .statements
                        .iter()
                        .map(|st| {
                            let shared =
                                roles.get(st.speaker.as_str()).is_some_and(|r| r.len() > 1);
                            let first = named.insert((&st.speaker, &st.role));
                            let lead = if (first || shared) && !st.role.is_empty() {
                                format!("{} ({}):", st.speaker, isolate(self.lang, &st.role))
                            } else {
                                format!("{}:", st.speaker)
                            };
                            Item {
                                lead: Some(lead),
                                text: st.text.clone(),
                            }
                        })
                        .collect(),
                });
            }
        }
    }

    fn decision_blocks(&self, blocks: &mut Vec<Block>) {
        let s = self.strings();
        blocks.push(Block::Heading(1, s.decisions.to_string()));
        blocks.push(table_or_none(
            s.none,
            vec![
                Column::code(s.number),
                Column::text(s.decision_text),
                Column::text(s.lead_agency),
                Column::text(s.supporting),
                Column::code(s.due),
            ],
            self.decisions
                .iter()
                .map(|d| {
                    vec![
                        d.number.clone(),
                        d.text.clone(),
                        d.lead.clone(),
                        d.supporting_short.clone(),
                        d.due.clone(),
                    ]
                })
                .collect(),
        ));
    }
}

impl FollowUpList {
    /// The list as a document: a heading addressed to the agency, the table of its open
    /// decisions, and the secretary's signature line.
    pub fn document(&self) -> Document {
        let s = self.strings();
        let mut blocks = letterhead_blocks(
            self.lang,
            &self.letterhead,
            &self.letter_number(),
            &self.as_of_date(),
        );
        blocks.extend(
            [&self.organisation, &self.series_title]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| Block::Title(t.clone())),
        );
        blocks.push(Block::Title(s.follow_up_title.to_string()));
        // The addressee: «ریاست محترم اداره کل …», as a letter opens.
        blocks.push(Block::Fields(vec![Field::new(
            s.addressed_to,
            format!("{} {}", self.letterhead.agency_head, self.agency),
        )]));
        blocks.push(Block::Fields(vec![Field::new(s.as_of, &self.as_of)]));
        blocks.push(Block::Paragraph(s.follow_up_intro.to_string()));
        blocks.push(table_or_none(
            s.none,
            vec![
                Column::code(s.number),
                Column::text(s.decision_text),
                Column::code(s.meeting_date),
                Column::code(s.due),
                Column::code(s.days_overdue),
                Column::text(s.last_follow_up),
            ],
            self.rows
                .iter()
                .map(|r| {
                    vec![
                        r.number.clone(),
                        r.text.clone(),
                        r.meeting_date.clone(),
                        r.due.clone(),
                        r.days_overdue.clone(),
                        r.last_follow_up.clone(),
                    ]
                })
                .collect(),
        ));
        blocks.push(Block::Table(Table {
            columns: vec![Column::text(s.secretary_signature)],
            rows: vec![vec![self.secretary.clone()]],
            signatures: true,
        }));
        let title = join_nonempty(&[s.follow_up_title, &self.agency], " — ");
        Document {
            lang: self.lang,
            logo: self.letterhead.logo.clone(),
            text_size: self.letterhead.text_size,
            running_header: join_nonempty(&[&title, &self.as_of], " — "),
            title,
            date: self.today,
            blocks,
        }
    }
}

/// The heading line and the letter block a letterhead puts above a document.
fn letterhead_blocks(
    lang: crate::i18n::Lang,
    letterhead: &super::letterhead::Letterhead,
    number: &str,
    date: &str,
) -> Vec<Block> {
    let s = lang.export_strings();
    let mut blocks = Vec::new();
    if !letterhead.heading.trim().is_empty() {
        blocks.push(Block::Invocation(letterhead.heading.clone()));
    }
    // A number left empty is a line to write the secretariat's number on.
    let number = if number.is_empty() {
        "…………"
    } else {
        number
    };
    blocks.push(Block::LetterBlock(vec![
        Field::new(s.letter_number, number),
        Field::new(s.letter_date, date),
        Field::new(s.attachments, &letterhead.attachments),
    ]));
    blocks
}

/// A table, or the sentence saying there is nothing to list.
fn table_or_none(none: &str, columns: Vec<Column>, rows: Vec<Vec<String>>) -> Block {
    if rows.is_empty() {
        Block::Paragraph(none.to_string())
    } else {
        Block::Table(Table {
            columns,
            rows,
            signatures: false,
        })
    }
}

/// The mark that starts a line composed of labels and values in the document's direction, so
/// that a Persian name first does not turn an English line right to left.
fn lead_mark(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::En => "\u{200E}",
        crate::i18n::Lang::Fa => "",
    }
}

/// A value inside a composed line, followed by the document's direction mark when it is in the
/// other direction, so the brackets and words after it stay in the line's direction
/// («on behalf of» after a Persian name, «(…)» after an English one in Persian).
fn isolate(lang: crate::i18n::Lang, value: &str) -> String {
    use unicode_bidi::{BidiClass, bidi_class};
    let has = |class: &[BidiClass]| value.chars().any(|c| class.contains(&bidi_class(c)));
    match lang {
        // RLM keeps a Persian value's own closing punctuation with it; LRM then returns to
        // the line's direction.
        crate::i18n::Lang::En if has(&[BidiClass::R, BidiClass::AL]) => {
            format!("{value}\u{200F}\u{200E}")
        }
        crate::i18n::Lang::Fa if has(&[BidiClass::L]) => format!("{value}\u{200F}"),
        _ => value.to_string(),
    }
}

fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(sep)
}

/// An amendment in the minutes: its words with its reason, then each change it made with its
/// reason, so every line of «اصلاحیه‌ها» says what changed and why.
fn amendment_items(a: &super::minutes::AmendmentLine) -> Vec<Item> {
    let lead = || Some(format!("{}:", a.date));
    let mut items = Vec::new();
    if a.changes.is_empty() || !a.text.is_empty() {
        items.push(Item {
            lead: lead(),
            text: join_nonempty(&[&a.reason, &a.text], ": "),
        });
    }
    for change in &a.changes {
        let text = if a.reason.is_empty() {
            change.clone()
        } else {
            format!("{change} ({})", a.reason)
        };
        items.push(Item { lead: lead(), text });
    }
    items
}
