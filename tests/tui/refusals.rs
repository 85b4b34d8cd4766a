//! No English and no raw ids on the Persian screen: the app's refusals are triggered in Persian
//! and read back from the status line and the forms, and every typed error the app can show is
//! said in Persian; none holds a Latin sentence.

use std::path::PathBuf;

use hamyar::domain::DecisionFilter;
use hamyar::domain::{
    DateError, DecisionNumber, DecisionStatus, DueError, MeetingStatus, RuleError, TransitionError,
};
use hamyar::export::ExportError;
use hamyar::i18n::{Lang, Localized, NotWritten, action_name};
use hamyar::store::{AuditAction, FileKind, ImportError, LogProblem, Record, StoreError};
use hamyar::tui::ui::Modal;

use super::support::*;

/// The first run of two or more Latin words outside «quotes» and `code`, or a raw id: what an
/// English `Display` or a SQLite message looks like on a Persian screen.
pub fn latin_sentence(s: &str) -> Option<String> {
    let (mut plain, mut quoted, mut code) = (String::new(), 0i32, false);
    for c in s.chars() {
        match c {
            '«' => quoted += 1,
            '»' => quoted -= 1,
            '`' => code = !code,
            _ if quoted <= 0 && !code => plain.push(c),
            _ => {}
        }
    }
    let mut run: Vec<&str> = Vec::new();
    for token in plain.split(char::is_whitespace) {
        let word = token.trim_matches(|c: char| c.is_ascii_punctuation());
        let hex = word.split('-').next().unwrap_or("");
        if hex.len() == 8 && hex.chars().all(|c| c.is_ascii_hexdigit()) && word.contains('-') {
            return Some(format!("raw id {word}"));
        }
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run.push(word);
            continue;
        }
        if run.len() >= 2 {
            return Some(run.join(" "));
        }
        run.clear();
    }
    (run.len() >= 2).then(|| run.join(" "))
}

#[test]
fn the_detector_finds_english_and_ids_but_not_quoted_values() {
    assert_eq!(
        latin_sentence("(FOREIGN KEY constraint failed) ذخیره نشد"),
        Some("FOREIGN KEY constraint failed".into())
    );
    assert!(latin_sentence("نشست (حذف شد): 01a23aea-7c1b-4d2e").is_some());
    assert_eq!(
        latin_sentence("«colour red» شناخته نیست؛ `hamyar doctor` PDF"),
        None
    );
}

fn refusal_of(h: &Harness) -> String {
    match h.app.ui.top() {
        Some(Modal::Form(f)) => f.error.as_deref().unwrap_or_default().to_string(),
        _ => h.flash(),
    }
}

#[test]
fn the_apps_refusals_in_persian_hold_no_latin_sentence() {
    let mut h = Harness::demo(Lang::Fa);
    let mut said: Vec<String> = Vec::new();
    let mut take = |h: &mut Harness, what: &str| {
        let text = refusal_of(h);
        assert!(!text.is_empty(), "{what}: nothing was said");
        said.push(format!("{what}: {text}"));
    };
    // The decision form: nothing typed, then a deadline that is not a date.
    h.key("d").key("ctrl+s");
    take(&mut h, "required");
    h.typed("متن")
        .key("tab")
        .typed("بانك")
        .key("enter")
        .key("tab");
    h.typed("fortnight").key("ctrl+s");
    take(&mut h, "due");
    h.key("esc").key("y");
    // The review's filter line, every kind of mistake.
    h.key("r");
    for line in [
        "colour:red",
        "hello",
        "status:maybe",
        "before:1393/13/40",
        "meeting:x",
    ] {
        h.key("c").typed(line).key("enter");
        take(&mut h, line);
        h.key("esc").key("y");
    }
    h.key("esc");
    // The approved meeting is read-only.
    h.key("esc").key("up").key("enter").key("d");
    take(&mut h, "approved");
    // An export into a folder that is not there (onto a file that is, the app asks first).
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("نبود").join("m.docx");
    h.key("esc").key("x").key("tab");
    h.typed(&missing.display().to_string()).key("ctrl+s");
    take(&mut h, "export into a missing folder");
    for s in &said {
        assert_eq!(latin_sentence(s.split_once(": ").unwrap().1), None, "{s}");
    }
}

fn path() -> PathBuf {
    PathBuf::from("/tmp/hamyar.db")
}

/// Every error the app may show, one of each kind, said in Persian.
fn every_error() -> Vec<Box<dyn Localized>> {
    let p = path;
    let n = DecisionNumber {
        meeting: 1,
        item: 2,
    };
    let io = |k| std::io::Error::new(k, "No space left on device (os error 28)");
    let mut all: Vec<Box<dyn Localized>> = vec![
        Box::new(StoreError::Missing { path: p() }),
        Box::new(StoreError::DanglingLink {
            path: p(),
            target: p(),
        }),
        Box::new(StoreError::LinkLoop { path: p() }),
        Box::new(StoreError::NotAFile {
            path: p(),
            kind: FileKind::Socket,
        }),
        Box::new(StoreError::Unreadable { path: p() }),
        Box::new(StoreError::NotADatabase { path: p() }),
        Box::new(StoreError::Empty { path: p() }),
        Box::new(StoreError::Foreign { path: p() }),
        Box::new(StoreError::NewerSchema {
            path: p(),
            found: 9,
            supported: 4,
        }),
        Box::new(StoreError::OlderSchema {
            path: p(),
            found: 1,
            supported: 4,
        }),
        Box::new(StoreError::Corrupt { path: p() }),
        Box::new(StoreError::LogDamaged {
            path: p(),
            problem: LogProblem::NoEarlierState,
        }),
        Box::new(StoreError::Locked { path: p() }),
        Box::new(StoreError::ReadOnly { path: p() }),
        Box::new(StoreError::NeedsRecovery { path: p() }),
        Box::new(StoreError::DiskFull { path: p() }),
        Box::new(StoreError::DiskError { path: p() }),
        Box::new(StoreError::Io {
            path: p(),
            error: io(std::io::ErrorKind::PermissionDenied),
        }),
        Box::new(StoreError::NotEmpty { path: p() }),
        Box::new(StoreError::NotFound {
            what: Record::Decision,
            id: "01a23aea-7c1b-4d2e-9f00-000000000000".into(),
        }),
        Box::new(StoreError::NoMeetingNumber { number: 7 }),
        Box::new(StoreError::Refused {
            path: p(),
            detail: "FOREIGN KEY constraint failed, code 787".into(),
        }),
        Box::new(StoreError::Unexpected {
            path: p(),
            detail: "disk I/O error while reading".into(),
        }),
        Box::new(StoreError::Import(ImportError::NumberTaken {
            record: "مصوبهٔ ۱/۲".into(),
        })),
        Box::new(RuleError::MeetingApproved(1)),
        Box::new(RuleError::DecisionFollowedUp(n)),
        Box::new(TransitionError::Meeting {
            from: MeetingStatus::Approved,
            to: MeetingStatus::Draft,
        }),
        Box::new(TransitionError::Decision {
            from: DecisionStatus::Done,
            to: DecisionStatus::Pending,
        }),
        Box::new(DueError::Date(DateError::Format("fortnight".into()))),
        Box::new(DateError::Impossible("1393/13/40".into())),
        Box::new(ExportError::NoLibreOffice),
        Box::new(ExportError::Conversion(
            "soffice exited with status 1".into(),
        )),
        Box::new(ExportError::NotMinutes),
        Box::new(ExportError::NewerVersion(9)),
        Box::new(ExportError::Io(io(std::io::ErrorKind::StorageFull))),
        Box::new(ExportError::NotJson(
            serde_json::from_str::<serde_json::Value>("{oops").unwrap_err(),
        )),
        Box::new(hamyar::demo::DemoError::Json(
            "expected value at line 1".into(),
        )),
    ];
    for line in [
        "colour:red",
        "hello",
        "status:maybe",
        "after:2014-02-30",
        "meeting:x",
    ] {
        all.push(Box::new(DecisionFilter::parse(line).unwrap_err()));
    }
    all
}

#[test]
fn every_typed_error_is_said_in_persian() {
    for e in every_error() {
        let fa = e.localized(Lang::Fa);
        assert_eq!(latin_sentence(&fa), None, "{fa}");
    }
    let path = PathBuf::from("/tmp/x.docx");
    for kind in [
        std::io::ErrorKind::AlreadyExists,
        std::io::ErrorKind::NotFound,
        std::io::ErrorKind::Other,
    ] {
        let error = std::io::Error::new(kind, "File exists (os error 17)");
        let fa = NotWritten {
            path: &path,
            error: &error,
        }
        .localized(Lang::Fa);
        assert_eq!(latin_sentence(&fa), None, "{fa}");
    }
}

#[test]
fn every_action_of_the_log_has_a_persian_name_and_undo_says_it() {
    for a in AuditAction::ALL {
        let fa = action_name(Lang::Fa, *a);
        assert!(!fa.chars().any(|c| c.is_ascii_alphabetic()), "{a:?}: {fa}");
    }
    // Undo takes back this app's own changes only (another store's add_agency is not its
    // to undo), so the change is made through the app.
    let mut h = Harness::demo(Lang::Fa);
    h.key("d")
        .typed("شهرداری کرمان غرفه بدهد")
        .key("tab")
        .typed("بانك")
        .key("enter")
        .key("ctrl+s");
    h.key("u");
    assert_eq!(h.flash(), "برگردانده شد: ثبت مصوبه");
}

/// The history of a decision deleted and brought back by undo: every line in Persian, the
/// undo named, no raw id (the deletion listed the meeting's id).
#[test]
fn a_deleted_and_restored_decisions_history_names_its_meeting_and_the_undo() {
    let mut h = Harness::demo(Lang::Fa);
    h.key("d")
        .typed("بازدید از کارگاه‌های «خانگی» در ۳ شهرستان")
        .key("tab")
        .typed("بانك")
        .key("enter")
        .key("ctrl+s");
    let items = h.app.model.room.as_ref().unwrap().detail.items();
    let decision = items
        .into_iter()
        .position(|i| match i {
            hamyar::tui::model::DetailItem::Decision(id) => h
                .store()
                .get_decision(&id)
                .is_ok_and(|d| d.text.starts_with("بازدید")),
            _ => false,
        })
        .expect("the new decision is in the detail pane");
    let select = |h: &mut Harness| {
        h.key("tab").key("home");
        for _ in 0..decision {
            h.key("j");
        }
    };
    select(&mut h);
    h.key("delete").key("y").key("u");
    if h.app.model.room.as_ref().unwrap().focus != hamyar::tui::model::Focus::Detail {
        select(&mut h);
    }
    h.key("h");
    let Some(Modal::History { view, .. }) = h.app.ui.top() else {
        panic!("the history is open: {}", h.flash())
    };
    let lines: Vec<String> = view
        .changes
        .iter()
        .flat_map(|c| std::iter::once(c.heading.clone()).chain(c.lines.clone()))
        .collect();
    let all = lines.join("\n");
    assert!(all.contains("برگرداندن تغییر"), "{all}");
    for line in &lines {
        assert_eq!(latin_sentence(line), None, "{line}");
        assert!(!line.contains("undo"), "{line}");
    }
}

/// A deadline the save refuses is explained once, under its field, not again in the footer:
/// the same red sentence twice read like two problems. `fortnight` is seen in the field and in
/// that one sentence.
#[test]
fn a_refused_date_is_said_once_under_its_field() {
    for lang in [Lang::Fa, Lang::En] {
        let mut h = Harness::demo(lang);
        h.key("d")
            .typed("بررسی وام «نور» (SMS) ۲۰ میلیون")
            .key("tab")
            .typed("بانك")
            .key("enter")
            .key("tab");
        h.typed("fortnight").key("ctrl+s");
        assert!(!refusal_of(&h).is_empty(), "{lang:?}: the save was refused");
        for (w, ht) in [(80, 24), (100, 30)] {
            let screen = h.screen(w, ht);
            assert_eq!(
                screen.matches("fortnight").count(),
                2,
                "{lang:?} {w}×{ht}:\n{screen}"
            );
        }
    }
}
