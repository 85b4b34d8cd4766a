//! Plain text in logical order, for a preview on screen (the caller lays it out through
//! `crate::text`, like any text hamyar shows).

use super::document::{Block, Document, clean};

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Invocation(t) | Block::Title(t) | Block::Notice(t) | Block::Paragraph(t) => {
                line(&mut out, t)
            }
            Block::Heading(_, t) => {
                out.push('\n');
                line(&mut out, t);
            }
            Block::Fields(fields) | Block::LetterBlock(fields) => {
                for f in fields {
                    line(&mut out, &format!("{}: {}", f.label, f.value));
                }
            }
            Block::List(items) | Block::Columns(items) => {
                for item in items {
                    match &item.lead {
                        Some(lead) => line(&mut out, &format!("• {lead} {}", item.text)),
                        None => line(&mut out, &format!("• {}", item.text)),
                    }
                }
            }
            Block::RunIn { title, items } => {
                let run: Vec<String> = title
                    .iter()
                    .map(|t| format!("{t}{}", super::document::RUN_IN_DASH.trim_end()))
                    .chain(items.iter().map(|i| match &i.lead {
                        Some(lead) => format!("{lead} {}", i.text),
                        None => i.text.clone(),
                    }))
                    .collect();
                line(&mut out, &run.join(" "));
            }
            Block::Table(t) => {
                let titles: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
                line(&mut out, &titles.join(" | "));
                for row in &t.rows {
                    line(&mut out, &row.join(" | "));
                }
            }
        }
    }
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(&clean(text).replace('\n', " "));
    out.push('\n');
}
