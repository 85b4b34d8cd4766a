//! The backup made when a meeting starts: written beside the data, the newest `keep` kept, and
//! a failure said once on the status line in the interface's language, never in the way of the
//! meeting, which starts all the same.

use std::path::{Path, PathBuf};

use hamyar::backup::BackupSettings;
use hamyar::domain::MeetingStatus;
use hamyar::i18n::Lang;
use hamyar::store::Store;
use hamyar::tui::model::Screen;

use super::support::*;

/// A new database with a series and its first meeting (a draft dated today), in its room, the
/// app making backups into `backups`.
fn first_meeting(lang: Lang, backups: &Path, keep: usize) -> (tempfile::TempDir, Harness) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::on(&dir.path().join("new.db"), lang);
    h.key("n")
        .typed("کارگروه اشتغال زنان (۱۴۰۵) «SMS»")
        .key("ctrl+s")
        .key("ctrl+s");
    assert_eq!(h.app.model.screen, Screen::Room, "{}", h.flash());
    h.app.set_backups(BackupSettings {
        dir: backups.to_path_buf(),
        keep,
    });
    (dir, h)
}

fn status(h: &Harness) -> MeetingStatus {
    h.app.model.room.as_ref().unwrap().meeting.status
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn starting_a_meeting_backs_the_file_up_and_the_folder_keeps_the_newest() {
    let bk = tempfile::tempdir().unwrap();
    let backups = bk.path().join("hamyar-backups");
    let (_dir, mut h) = first_meeting(Lang::Fa, &backups, 2);
    assert!(files(&backups).is_empty(), "none before a meeting starts");
    h.key("m").key("enter");
    assert_eq!(status(&h), MeetingStatus::InProgress, "{}", h.flash());
    assert!(
        !h.flash().contains("پشتیبان"),
        "a good backup says nothing: {}",
        h.flash()
    );
    let made = files(&backups);
    assert_eq!(made.len(), 1, "{made:?}");
    let name = made[0].file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(
        name, "hamyar-1393-02-16-1.db",
        "the Solar Hijri day, then a number"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&made[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        let mode = std::fs::metadata(&backups).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    }
    // The copy is whole, sound, and holds the meeting as it was when it started.
    let copy = Store::open_read_only(&made[0], clock()).unwrap();
    assert!(copy.integrity_check().unwrap().is_empty());
    let meetings = copy.list_meetings(None).unwrap().rows;
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].status, MeetingStatus::InProgress);
    drop(copy);
    // Started again (after an undo) twice more: three made, the newest two kept.
    for _ in 0..2 {
        h.key("u");
        assert_eq!(status(&h), MeetingStatus::Draft, "{}", h.flash());
        h.key("m").key("enter");
        assert_eq!(status(&h), MeetingStatus::InProgress, "{}", h.flash());
    }
    let names: Vec<String> = files(&backups)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["hamyar-1393-02-16-2.db", "hamyar-1393-02-16-3.db"]);
}

#[test]
fn a_failed_backup_is_said_once_and_the_meeting_starts_all_the_same() {
    let bk = tempfile::tempdir().unwrap();
    // The folder cannot be made: a file has its parent's name.
    let blocker = bk.path().join("not-a-folder");
    std::fs::write(&blocker, b"").unwrap();
    for (lang, said) in [
        (Lang::Fa, "نشست آغاز شد، ولی پشتیبان خودکار ساخته نشد"),
        (
            Lang::En,
            "The meeting started, but its automatic backup was not made",
        ),
    ] {
        let (_dir, mut h) = first_meeting(lang, &blocker.join("backups"), 10);
        h.key("m").key("enter");
        assert_eq!(status(&h), MeetingStatus::InProgress);
        assert_eq!(
            h.store().list_meetings(None).unwrap().rows[0].status,
            MeetingStatus::InProgress,
            "committed"
        );
        assert!(h.flash().starts_with(said), "{}", h.flash());
        assert!(
            h.flash().contains("not-a-folder"),
            "names the folder: {}",
            h.flash()
        );
        // Once: the next ticks say nothing more.
        h.app.model.flash = None;
        h.tick().tick();
        assert!(h.flash().is_empty(), "{}", h.flash());
    }
}

#[test]
fn keep_zero_makes_no_automatic_backup() {
    let bk = tempfile::tempdir().unwrap();
    let backups = bk.path().join("b");
    let (_dir, mut h) = first_meeting(Lang::Fa, &backups, 0);
    h.key("m").key("enter");
    assert_eq!(status(&h), MeetingStatus::InProgress);
    assert!(files(&backups).is_empty());
}

#[test]
fn the_status_line_says_a_failed_backup_in_the_interfaces_language() {
    for (lang, name) in [(Lang::Fa, "fa"), (Lang::En, "en")] {
        // A folder that can never be made, the same on every machine.
        let (_dir, mut h) = first_meeting(lang, Path::new("/dev/null/backups"), 10);
        h.key("m").key("enter");
        insta::assert_snapshot!(format!("backup_failed_{name}_80x24"), h.screen(80, 24));
        insta::assert_snapshot!(format!("backup_failed_{name}_100x30"), h.screen(100, 30));
    }
}
