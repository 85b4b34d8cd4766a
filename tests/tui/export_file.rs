//! The app's export through the one export-to-file home: default names that never collide,
//! a question before a file is replaced, and the config file's organisation, as the command
//! line applies it.

use hamyar::export_file::ExportSettings;
use hamyar::i18n::Lang;
use hamyar::tui::ui::Modal;

use super::support::*;

const ORGANISATION: &str = "اداره کل بهزیستی استان کرمان (دبیرخانهٔ «همیار» ۱۴۰۵)";

fn exporting(folder: &std::path::Path) -> Harness {
    let mut h = Harness::demo(Lang::Fa);
    h.app.set_exports(ExportSettings {
        organisation: Some(ORGANISATION.into()),
        folder: folder.to_path_buf(),
        ..ExportSettings::default()
    });
    h
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn two_exports_on_one_day_write_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = exporting(dir.path());
    h.key("ط").key("ctrl+s"); // x, then save under the default name
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let first = dir.path().join("soratjalase-2-1393-02-16.docx");
    let bytes = std::fs::read(&first).unwrap();
    h.key("ط").key("ctrl+s");
    assert_eq!(
        files(dir.path()),
        [
            "soratjalase-2-1393-02-16-2.docx",
            "soratjalase-2-1393-02-16.docx"
        ]
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        bytes,
        "the first is untouched"
    );
    assert!(
        h.flash().contains("soratjalase-2-1393-02-16-2.docx"),
        "{}",
        h.flash()
    );
}

#[test]
fn a_typed_name_that_is_taken_is_replaced_only_when_the_secretary_says_yes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = exporting(dir.path());
    let out = dir.path().join("صورتجلسه نشست ۲.md");
    std::fs::write(&out, "نسخهٔ دستی دبیر").unwrap();
    let save_as = |h: &mut Harness| {
        h.key("ط").key("tab").typed(out.to_str().unwrap());
        // Markdown: the format picker is the first field.
        h.key("backtab").typed("md").key("enter").key("ctrl+s");
    };
    save_as(&mut h);
    let Some(Modal::Confirm { question, .. }) = h.app.ui.top() else {
        panic!("asks first: {:?}", h.app.ui.top())
    };
    assert!(
        question.contains("صورتجلسه نشست ۲.md"),
        "{}",
        question.as_str()
    );
    h.key("n");
    assert!(
        matches!(h.app.ui.top(), Some(Modal::Form(_))),
        "the form stays"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "نسخهٔ دستی دبیر");
    h.key("ctrl+s").key("y");
    assert!(h.app.ui.modals.is_empty(), "{:?}", h.app.ui.top());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("صورتجلسه"), "{written}");
    assert!(
        written.contains(ORGANISATION),
        "the config's organisation heads the app's minutes too"
    );
    assert_eq!(files(dir.path()).len(), 1, "no temporary file left");
}

#[test]
fn the_preview_shows_the_configured_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = exporting(dir.path());
    h.key("ط");
    let Some(Modal::Form(form)) = h.app.ui.top() else {
        panic!()
    };
    let hamyar::tui::forms::FormKind::Export { preview, .. } = &form.kind else {
        panic!()
    };
    assert!(preview.contains(ORGANISATION), "{preview}");
}
