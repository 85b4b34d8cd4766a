//! Which meeting is live: the one rule the app (at start), the room display (`present`) and every
//! follow-up (app and `hamyar follow-up`) use.
//!
//! - **The meeting in progress** is the live one. Should several be in progress (a meeting
//!   left running in one series while the next is held in another), the newest: the latest
//!   date, then the highest number.
//! - **A follow-up belongs to the meeting in progress of its decision's series**, else to none:
//!   between meetings an agency's report is recorded against no meeting, and a report recorded
//!   while browsing an older meeting does not land in the minutes of that meeting.
//! - **To open at start** (app, room display) a meeting dated today serves when none is in
//!   progress: the secretary is about to start it.

use super::{Date, Meeting, MeetingStatus};

/// The newest meeting in progress among `meetings`, whatever their order.
pub fn meeting_in_progress<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
) -> Option<&'a Meeting> {
    newest(
        meetings
            .into_iter()
            .filter(|m| m.status == MeetingStatus::InProgress),
    )
}

/// The meeting a follow-up recorded now belongs to, given every meeting of its decision's
/// series: the one in progress, else none.
pub fn follow_up_meeting<'a>(
    series_meetings: impl IntoIterator<Item = &'a Meeting>,
) -> Option<&'a Meeting> {
    meeting_in_progress(series_meetings)
}

/// The meeting to open at start: the one in progress, else the newest dated `today`.
pub fn live_meeting<'a, I>(meetings: I, today: Date) -> Option<&'a Meeting>
where
    I: IntoIterator<Item = &'a Meeting>,
    I::IntoIter: Clone,
{
    let all = meetings.into_iter();
    meeting_in_progress(all.clone()).or_else(|| newest(all.filter(|m| m.date == today)))
}

fn newest<'a>(meetings: impl Iterator<Item = &'a Meeting>) -> Option<&'a Meeting> {
    meetings.max_by_key(|m| (m.date, m.number))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    fn meeting(number: u32, day: u8, status: MeetingStatus) -> Meeting {
        Meeting {
            id: Id::new(),
            series: Id::from_string("series".to_string()),
            number,
            date: Date::from_jalali(1393, 2, day).unwrap(),
            start_time: None,
            end_time: None,
            place: "سالن جلسات".into(),
            chair: None,
            secretary: None,
            status,
            next_meeting: None,
        }
    }

    #[test]
    fn the_meeting_in_progress_is_live_before_one_dated_today() {
        let closed_today = meeting(3, 16, MeetingStatus::Closed);
        let running = meeting(2, 10, MeetingStatus::InProgress);
        let all = [running.clone(), closed_today.clone()];
        let today = closed_today.date;
        assert_eq!(live_meeting(&all, today).map(|m| m.number), Some(2));
        assert_eq!(follow_up_meeting(&all).map(|m| m.number), Some(2));
        let none_running = [meeting(1, 1, MeetingStatus::Approved), closed_today];
        assert_eq!(
            live_meeting(&none_running, today).map(|m| m.number),
            Some(3)
        );
        assert_eq!(
            follow_up_meeting(&none_running),
            None,
            "between meetings, none"
        );
    }

    #[test]
    fn of_several_in_progress_the_newest_whatever_the_order() {
        let all = [
            meeting(4, 20, MeetingStatus::InProgress),
            meeting(2, 5, MeetingStatus::InProgress),
            meeting(5, 20, MeetingStatus::Draft),
        ];
        assert_eq!(meeting_in_progress(&all).map(|m| m.number), Some(4));
        assert_eq!(live_meeting([], all[0].date), None);
    }
}
