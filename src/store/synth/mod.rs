//! Synthetic data for benchmarks: a series of weekly meetings from 1390/01/06 that reads like
//! years of a real one, in the proportions of the Kerman demo.
//!
//! Every meeting has its attendance (substitutes and excuses included), the agenda and review
//! list the store's carry-over gives it, the agencies' reports on earlier decisions, about three
//! statements per issue discussed, and its decisions with lead and supporting agencies and
//! Solar Hijri deadlines. Issues are resolved over time; decisions move pending → in progress →
//! done, some are cancelled, and some recent ones are overdue and untouched. All meetings are
//! approved but the last, which is in progress. The same arguments give the same series.
//!
//! It is written through the store's own insert functions into an empty database, in one
//! transaction, with no audit rows (no one undoes a synthetic series), and its search index
//! written once at the end ([`index`]).

mod cast;
mod index;
mod minutes;
mod phrases;
mod plan;
mod rng;
mod series;
mod topics;

use rusqlite::Connection;

use super::error::StoreError;
use super::fault::Fault;
use super::{Store, Writer};
use cast::Cast;
use rng::Rng;
use series::SeriesState;

/// What `synth` wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SynthReport {
    pub meetings: u32,
    pub issues: u32,
    pub decisions: u32,
    pub statements: u32,
    /// Attendance rows: one per person recorded in a meeting.
    pub attendance: u32,
    pub follow_ups: u32,
    /// Open issues carried onto the agendas of later meetings.
    pub agenda_items: u32,
    /// Unfinished decisions carried into later meetings for review.
    pub review_items: u32,
}

/// Fills an empty `store` with `meetings` meetings of one new series and `decisions` decisions
/// spread evenly over them, from `seed`, in one transaction; a database that holds data is
/// refused ([`StoreError::NotEmpty`]).
pub fn synth(
    store: &mut Store,
    meetings: u32,
    decisions: u32,
    seed: u64,
) -> Result<SynthReport, StoreError> {
    synth_with_progress(store, meetings, decisions, seed, &mut |_, _| {})
}

/// [`synth`], calling `progress(written, total)` after each meeting.
pub fn synth_with_progress(
    store: &mut Store,
    meetings: u32,
    decisions: u32,
    seed: u64,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<SynthReport, StoreError> {
    let meetings = meetings.max(1);
    store.fill_empty(|store| {
        write_series(&store.conn, meetings, decisions, seed, progress).map_err(|e| store.fail(e))
    })
}

fn write_series(
    tx: &Connection,
    meetings: u32,
    decisions: u32,
    seed: u64,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<SynthReport, Fault> {
    let w = Writer::unlogged(tx);
    let mut rng = Rng::new(seed);
    let cast = Cast::new(&mut rng, seed);
    cast.insert(&w)?;
    let index = index::defer(tx)?;
    let mut series = SeriesState::new(&cast, rng, meetings);
    for number in 1..=meetings {
        let items = decisions / meetings + u32::from(number <= decisions % meetings);
        series.meeting(&w, number, items)?;
        progress(number, meetings);
    }
    index.finish(tx)?;
    Ok(series.report)
}

#[cfg(test)]
mod tests {
    use super::series::{FIRST_MEETING_DAY, meeting_date};
    use crate::domain::Date;

    #[test]
    fn the_first_meeting_is_on_1390_01_06() {
        assert_eq!(
            Date::from_unix_days(FIRST_MEETING_DAY),
            Date::from_jalali(1390, 1, 6).unwrap()
        );
        assert_eq!(meeting_date(2), Date::from_jalali(1390, 1, 13).unwrap());
    }
}
