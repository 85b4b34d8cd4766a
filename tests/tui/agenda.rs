//! The meeting's agenda (دستور جلسه) and its review of earlier decisions, as the room and the
//! minutes show them: one agenda (carried over, then raised in the meeting), one review order.

use hamyar::domain::Id;
use hamyar::i18n::Lang;
use hamyar::store::Store;

use super::support::*;

fn meeting(store: &Store, number: u32) -> Id {
    store
        .list_meetings(None)
        .unwrap()
        .complete()
        .unwrap()
        .into_iter()
        .find(|m| m.number == number)
        .unwrap()
        .id
}

fn agenda_titles(store: &Store, meeting: &Id) -> Vec<String> {
    hamyar::export::minutes(store, meeting, Lang::Fa)
        .unwrap()
        .agenda
        .into_iter()
        .map(|l| format!("{}. {} ({})", l.number, l.title, l.category))
        .collect()
}

#[test]
fn the_first_meetings_agenda_is_the_issues_raised_in_it() {
    let h = Harness::demo(Lang::Fa);
    let store = h.store();
    let first = meeting(&store, 1);
    insta::assert_snapshot!(agenda_titles(&store, &first).join("\n"));
}

#[test]
fn an_issue_raised_in_the_room_is_on_the_meetings_agenda_in_the_room_and_the_minutes() {
    let mut h = Harness::demo(Lang::Fa);
    let live = h.app.model.room.as_ref().unwrap().meeting.id.clone();
    let before = agenda_titles(&h.store(), &live).len();
    h.key("i")
        .typed("نبود سامانهٔ «فروش اینترنتی» (SMS) برای ۱۰ گروه")
        .key("ctrl+s");
    let titles = agenda_titles(&h.store(), &live);
    assert_eq!(titles.len(), before + 1, "{titles:?}");
    assert!(
        titles
            .last()
            .unwrap()
            .contains("نبود سامانهٔ «فروش اینترنتی» (SMS) برای ۱۰ گروه"),
        "last on the agenda: {titles:?}"
    );
    let store = h.store();
    let agenda = store.agenda(&live).unwrap();
    let room = &h.app.model.room.as_ref().unwrap().issues;
    assert_eq!(
        agenda.iter().map(|i| &i.id).collect::<Vec<_>>(),
        room.iter().map(|i| &i.id).collect::<Vec<_>>(),
        "the room lists the agenda, in its order"
    );
}

#[test]
fn the_review_of_earlier_decisions_lists_the_overdue_first_in_the_room_and_the_minutes() {
    let mut h = Harness::demo(Lang::Fa);
    let room = h.app.model.room.as_ref().unwrap();
    let live = room.meeting.id.clone();
    let in_room: Vec<String> = room
        .review
        .iter()
        .map(|r| r.decision.number.to_string())
        .collect();
    // 1/2 is in progress and past its deadline; 1/3 (cancelled) and 1/1 (done) follow by
    // deadline, as the action review and the domain's review order have them.
    assert_eq!(in_room, ["1/2", "1/3", "1/1"]);
    let minutes = hamyar::export::minutes(&h.store(), &live, Lang::Fa).unwrap();
    let printed: Vec<&str> = minutes
        .review
        .lines
        .iter()
        .map(|l| l.number.as_str())
        .collect();
    assert_eq!(printed, ["۱/۲", "۱/۳", "۱/۱"]);
    h.key("["); // back from the first tab to the last, the review
    insta::assert_snapshot!("review_tab_fa_100x30", h.screen(100, 30));
}
