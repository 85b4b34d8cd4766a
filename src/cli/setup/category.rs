//! `hamyar category add NAME [--series S]` and `hamyar category list [--format table|json]`.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::ListFormat;
use crate::cli::output::{Table, print_line, stdout_layout};
use crate::cli::series::SeriesArg;
use crate::i18n::{Lang, Localized, SetupMessage};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum CategoryCommand {
    /// Add a category, after the others in the meeting's order
    Add {
        /// Its name; one that a category already bears, however spelled, is refused
        name: String,
        /// The one series it is for (part of its title) [default: every series]
        #[command(flatten)]
        series: SeriesArg,
    },
    /// List the categories in the meeting's order
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

#[derive(Serialize)]
struct CategoryJson<'a> {
    id: &'a str,
    name: &'a str,
    order: i32,
    series: Option<&'a str>,
    archived: bool,
}

pub fn run(settings: &Settings, command: &CategoryCommand) -> Result<()> {
    let lang = settings.lang;
    match command {
        CategoryCommand::Add { name, series } => {
            let mut store = settings.open_store()?;
            let series = series.find(&store, lang)?;
            let c = store.new_category(name, series.as_ref().map(|s| &s.id))?;
            let said =
                SetupMessage::CategoryAdded(&c.name, series.as_ref().map(|s| s.title.as_str()));
            print_line(settings, &said.localized(lang))?;
        }
        CategoryCommand::List { format } => {
            let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
            let all = store.list_categories()?;
            let series = store.list_series()?;
            let title = |id: Option<&crate::domain::Id>| {
                id.and_then(|id| series.iter().find(|s| &s.id == id))
                    .map(|s| s.title.as_str())
            };
            let mut out = BufWriter::new(io::stdout().lock());
            match format {
                ListFormat::Json => {
                    let json: Vec<CategoryJson> = all
                        .iter()
                        .map(|c| CategoryJson {
                            id: c.id.as_str(),
                            name: &c.name,
                            order: c.order,
                            series: title(c.series.as_ref()),
                            archived: c.archived,
                        })
                        .collect();
                    crate::json::to_writer_pretty(&mut out, &json)?;
                    writeln!(out)?;
                }
                ListFormat::Table => {
                    let every = lang.strings().tui.every_series;
                    let table = Table {
                        headers: match lang {
                            Lang::Fa => ["ردیف", "دسته", "سلسله نشست"],
                            Lang::En => ["No.", "Category", "Series"],
                        }
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                        rows: all
                            .iter()
                            .map(|c| {
                                vec![
                                    lang.number(c.order),
                                    c.name.clone(),
                                    title(c.series.as_ref()).unwrap_or(every).to_string(),
                                ]
                            })
                            .collect(),
                        max_col_width: 40,
                        flex: Some(1),
                        rtl: lang == Lang::Fa,
                    };
                    table.write(&mut out, &*stdout_layout(settings))?;
                }
            }
            out.flush()?;
        }
    }
    Ok(())
}
