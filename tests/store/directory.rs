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
