//! The directory a secretary builds herself: categories, agencies, people, and merging the
//! duplicates a hurried typist makes.

use hamyar::domain::RuleError;
use hamyar::store::StoreError;

use super::support::*;

#[test]
fn a_new_category_goes_last_and_a_name_is_taken_however_spelled() {
    let (_dir, path) = temp_db();
    let mut store = open(&path);
    let first = store.new_category("  اخذ مجوز ").unwrap();
    assert_eq!((first.name.as_str(), first.order), ("اخذ مجوز", 1));
    let second = store.new_category("كد بهداشتي (۱۴۰۵)").unwrap();
    assert_eq!(second.order, 2);
    for same in ["کد بهداشتی (1405)", "كد‌بهداشتي (۱۴۰۵)"] {
        let err = store.new_category(same).unwrap_err();
        assert!(
            matches!(&err, StoreError::Rule(RuleError::NameTaken(n)) if n == same.trim()),
            "{same}: {err:?}"
        );
    }
    assert!(matches!(
        store.new_category(" \u{200c} "),
        Err(StoreError::Rule(RuleError::EmptyName))
    ));
    let names: Vec<String> = store
        .list_categories()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["اخذ مجوز", "كد بهداشتي (۱۴۰۵)"]);
    store.undo_last().unwrap();
    assert_eq!(store.list_categories().unwrap().len(), 1);
}

#[test]
fn a_person_is_saved_with_invitations_and_a_guest_is_one_undoable_action() {
    let (_dir, path) = temp_db();
    let mut f = fixture(&path);
    let mut p = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: "آقای رضایی".into(),
        title: "رئیس شعبه".into(),
        agency: Some(f.bank.id.clone()),
        active: true,
    };
    f.store
        .save_person(&p, std::slice::from_ref(&f.series.id))
        .unwrap();
    assert_eq!(f.store.invitees(&f.series.id).unwrap(), [p.id.clone()]);
    // Saved again: the title changes and the invitation is dropped, in one action.
    p.title = "معاون شعبه".into();
    f.store.save_person(&p, &[]).unwrap();
    assert_eq!(f.store.get_person(&p.id).unwrap().title, "معاون شعبه");
    assert!(f.store.invitees(&f.series.id).unwrap().is_empty());
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!((undone.action.code(), undone.records), ("update_person", 2));
    assert_eq!(f.store.get_person(&p.id).unwrap().title, "رئیس شعبه");
    assert_eq!(f.store.invitees(&f.series.id).unwrap(), [p.id.clone()]);
    // An agency that does not exist, or no name, is refused and nothing is written.
    let ghost = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        agency: Some(hamyar::domain::Id::new()),
        ..p.clone()
    };
    assert!(f.store.save_person(&ghost, &[]).is_err());
    let nameless = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: " ".into(),
        agency: None,
        ..p.clone()
    };
    assert!(matches!(
        f.store.save_person(&nameless, &[]),
        Err(StoreError::Rule(RuleError::EmptyName))
    ));
    assert_eq!(f.store.list_people().unwrap().len(), 2);

    // A guest: person, invitation and attendance in one action.
    let guest = hamyar::domain::Person {
        id: hamyar::domain::Id::new(),
        name: "خانم کاظمی".into(),
        title: "نماینده".into(),
        agency: Some(f.health.id.clone()),
        active: true,
    };
    f.store
        .add_guest(&f.meeting.id, &guest, std::slice::from_ref(&f.series.id))
        .unwrap();
    let att = f.store.list_attendance(&f.meeting.id).unwrap();
    assert_eq!(att.len(), 1);
    assert_eq!(att[0].person, guest.id);
    let undone = f.store.undo_last().unwrap().unwrap();
    assert_eq!((undone.action.code(), undone.records), ("add_guest", 3));
    assert!(f.store.list_attendance(&f.meeting.id).unwrap().is_empty());
    assert_eq!(f.store.list_people().unwrap().len(), 2);
}
