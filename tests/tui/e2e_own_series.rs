//! A secretary's own series in the real binary, in a pseudo-terminal, from an empty database
//! to the approved minutes of meeting 1 and the scheduling of meeting 2, through the keys only
//! (many of them in the Persian layout): a series with four member agencies and a quorum of
//! three, five people with titles, three categories, attendance (present, absent with a
//! reason, a substitute), an issue, a statement and two decisions, close and approve, then
//! meeting 2 three weeks later with its carry-over and quorum; the minutes list each attendee
//! with title and agency, and meeting 2 carries its real date.

use std::path::Path;

use hamyar::text::{BaseDirection, BidiMode, FilterOptions, bidi_filter};

use super::keys::Key;
use super::pty::{Pty, PtyCommand, SHORT};

/// How `text` looks on the terminal, right to left.
fn shown(text: &str) -> String {
    let mut out = Vec::new();
    let opts = FilterOptions {
        base: BaseDirection::Rtl,
        width: None,
        sanitize: true,
        mode: BidiMode::App,
    };
    bidi_filter(format!("{text}\n").as_bytes(), &mut out, &opts).unwrap();
    String::from_utf8(out)
        .unwrap()
        .trim_end()
        .replace('\u{200C}', "")
}

/// Types `text` into the field, then moves on with Tab.
fn field(p: &mut Pty, text: &str) {
    p.send_text(text);
    p.send(Key::Tab);
}

/// Types part of a name into a picker, waits for the option, and takes it with Enter.
fn pick(p: &mut Pty, typed: &str, option: &str) {
    p.send_text(typed);
    p.wait_for_text(&shown(option), SHORT);
    p.send(Key::Enter);
}

fn save(p: &mut Pty, said: &str) {
    p.send(Key::Ctrl('s'));
    p.wait_for_text(&shown(said), SHORT);
}

const AGENCIES: [&str; 4] = [
    "بهزیستی استان کرمان",
    "بانک توسعه تعاون",
    "صندوق کارآفرینی امید",
    "اداره کل تعاون",
];

/// (name, title, the agency's name as typed to find it, the agency)
const PEOPLE: [(&str, &str, &str, &str); 5] = [
    (
        "خانم آزیتا سعیدی",
        "کارشناس مسئول گروه‌ها",
        "بهزیستی",
        AGENCIES[0],
    ),
    ("آقای رضایی", "رئیس شعبه", "بانك", AGENCIES[1]),
    ("خانم احمدی", "کارشناس اعتبارات", "توسعه", AGENCIES[1]),
    ("مهندس فکری", "مدیرعامل", "امید", AGENCIES[2]),
    ("آقای کاظمی", "معاون اشتغال", "تعاون", AGENCIES[3]),
];

fn series_and_first_meeting(p: &mut Pty) {
    p.wait_for_text(&shown("به همیار خوش آمدید"), SHORT);
    p.send_text("د"); // n in the Persian layout
    p.wait_for_text(&shown("عنوان سلسله نشست"), SHORT);
    field(p, "کارگروه اشتغال زنان سرپرست خانوار");
    field(p, "بهزیستی استان کرمان");
    field(p, "سالن جلسات (طبقهٔ ۲)");
    field(p, "۲۱");
    for a in AGENCIES {
        p.send_text(a);
        p.send(Key::Enter);
    }
    p.send(Key::Tab);
    p.send(Key::Backspace);
    p.send_text("۳");
    save(p, "نشست تازه");
    // Meeting 1's form: dated today, as proposed; nothing exists until Ctrl+S.
    p.wait_for_text("۱۴۰۵/۰۹/۱۲", SHORT);
    save(p, "نشست ۱");
    p.wait_for_text(&shown("پیش‌نویس"), SHORT);
}

fn directory(p: &mut Pty) {
    p.send_text("ح"); // p: the directory
    p.wait_for_text(&shown("دستگاه‌ها"), SHORT);
    p.send_text("چ"); // ]: people
    for (name, title, typed, agency) in PEOPLE {
        p.send_text("n");
        p.wait_for_text(&shown("شخص تازه"), SHORT);
        field(p, name);
        field(p, title);
        pick(p, typed, agency);
        save(p, &format!("«{name}» در فهرست اشخاص ثبت شد."));
    }
    p.send_text("]"); // categories
    for name in ["اخذ مجوز", "کد بهداشتی", "سرمایه در گردش"] {
        p.send_text("n");
        p.wait_for_text(&shown("دسته تازه"), SHORT);
        p.send_text(name);
        save(p, &format!("دستهٔ «{name}» ذخیره شد."));
    }
    p.send(Key::Esc);
}

fn attendance(p: &mut Pty) {
    p.send_text("پ"); // m
    p.wait_for_text(&shown("آغاز نشست (ساعت شروع ثبت می‌شود)"), SHORT);
    p.send(Key::Enter);
    p.wait_for_text(&shown("وضعیت نشست: در حال برگزاری"), SHORT);
    p.send_text("ش"); // a
    p.wait_for_text(&shown("حضور و غیاب"), SHORT);
    // Rows: سعیدی, رضایی, احمدی (the bank's), فکری, کاظمی.
    p.send_text("p");
    p.wait_for_text(&shown("حضور خانم آزیتا سعیدی ثبت شد."), SHORT);
    p.send(Key::Down);
    p.send_text("x");
    p.send_text("r");
    p.wait_for_text(&shown("دلیل غیبت"), SHORT);
    p.send_text("مأموریت اداری در تهران");
    save(p, "حضور آقای رضایی ثبت شد.");
    p.send(Key::Down);
    p.send_text("s");
    // The substitute form's own title: the attendance footer's «s: جانشین» was on screen
    // before the key, and is hidden behind the form after it.
    p.wait_for_text(&shown("خانم احمدی به جای چه کسی آمده است؟"), SHORT);
    pick(p, "رضایی", "آقای رضایی");
    save(p, "حضور خانم احمدی ثبت شد.");
    p.send(Key::Down);
    p.send_text("ح"); // p in the Persian layout: present
    p.wait_for_text(&shown("حضور مهندس فکری ثبت شد."), SHORT);
    p.send(Key::Down);
    p.send_text("p");
    p.wait_for_text(&shown("حضور آقای کاظمی ثبت شد."), SHORT);
    p.send(Key::Esc);
    // Four member agencies represented (the bank by a substitute), of four; three needed.
    p.wait_for_text(&shown("دستگاه‌ها ۴/۴ · حد نصاب کامل"), SHORT);
}

fn issue_statement_decisions(p: &mut Pty) {
    p.send_text("ه"); // i
    p.wait_for_text(&shown("مشکل تازه"), SHORT);
    field(p, "نبود مجوز تولید در منزل برای ۱۰ گروه");
    pick(p, "اخذ", "اخذ مجوز");
    save(p, "مشکل ثبت شد.");
    p.send_text("ف"); // t
    p.wait_for_text(&shown("اظهارات تازه"), SHORT);
    pick(p, "سعیدی", "خانم آزیتا سعیدی");
    p.send_text("مدارک ناقص علت اصلی تأخیر است؛ فهرست مدارک را می‌فرستیم.");
    save(p, "اظهارات ثبت شد.");
    for (n, text, typed, lead) in [
        (
            1,
            "بانک توسعه تعاون وام «قرض‌الحسنه» ۵۰ میلیون ریالی بدهد",
            "بانك",
            AGENCIES[1],
        ),
        (
            2,
            "صندوق کارآفرینی امید آموزش بازاریابی برگزار کند",
            "امید",
            AGENCIES[2],
        ),
    ] {
        p.send_text("ی"); // d
        p.wait_for_text(&shown("مصوبه تازه"), SHORT);
        field(p, text);
        pick(p, typed, lead);
        p.send(Key::Tab);
        p.send_text("+14");
        save(p, &format!("مصوبهٔ ۱/{} ثبت شد.", ["۱", "۲"][n - 1]));
    }
}

fn close_and_approve(p: &mut Pty) {
    p.send_text("m");
    p.wait_for_text(&shown("پایان نشست"), SHORT);
    p.send(Key::Enter);
    p.wait_for_text(&shown("وضعیت نشست: پایان‌یافته"), SHORT);
    p.send_text("m");
    p.wait_for_text(&shown("تأیید صورتجلسه (پس از آن فقط اصلاحیه)"), SHORT);
    p.send(Key::Enter);
    p.wait_for_text(&shown("صورتجلسه تأیید شود؟"), SHORT);
    p.send_text("y");
    p.wait_for_text(&shown("وضعیت نشست: تأییدشده"), SHORT);
}

fn second_meeting(p: &mut Pty) {
    p.send(Key::Esc);
    p.send_text("n");
    // Three weeks after meeting 1, from the series' interval.
    p.wait_for_text("۱۴۰۵/۱۰/۰۳", SHORT);
    save(p, "نشست ۲");
    p.wait_for_text(&shown("دستگاه‌ها ۰/۴"), SHORT);
    // The carry-over: the open issue, and both decisions to review.
    p.wait_for_text(&shown("پیگیری مصوبات قبلی (۲)"), SHORT);
    p.send_text("ض"); // q
    assert!(p.wait_exit(SHORT).success());
}

fn export(db: &Path, meeting: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hamyar"))
        .arg("--db")
        .arg(db)
        .args(["export", "--meeting", meeting, "--format", "md"])
        .env_remove("HAMYAR_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn from_an_empty_database_to_the_approved_minutes_and_the_second_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let mut p = PtyCommand::hamyar()
        .arg("--db")
        .arg(&db)
        .args(["--today", "1405/09/12"])
        .env("HAMYAR_LOG", dir.path().join("hamyar.log"))
        .home(dir.path())
        .size(120, 35)
        .spawn();
    series_and_first_meeting(&mut p);
    directory(&mut p);
    attendance(&mut p);
    issue_statement_decisions(&mut p);
    close_and_approve(&mut p);
    second_meeting(&mut p);
    // Meeting 1 was started: the app made its backup beside the database.
    let backups: Vec<String> = std::fs::read_dir(dir.path().join("new-backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(backups, ["hamyar-1405-09-12-1.db"]);

    let minutes = export(&db, "1");
    let row = |name: &str| -> String {
        minutes
            .lines()
            .find(|l| l.starts_with('|') && l.contains(name))
            .unwrap_or_else(|| panic!("a row of {name} in the minutes:\n{minutes}"))
            .to_string()
    };
    // Those present: name, title and agency on their row.
    for (name, title, _, agency) in [PEOPLE[0], PEOPLE[3], PEOPLE[4]] {
        let line = row(name);
        assert!(line.contains(title) && line.contains(agency), "{line}");
    }
    // The substitute with her title, her agency and whom she stood in for; the absent one with the reason.
    assert!(
        minutes
            .contains("خانم احمدی (کارشناس اعتبارات، بانک توسعه تعاون) به نمایندگی از آقای رضایی"),
        "{minutes}"
    );
    let absent = row("آقای رضایی");
    assert!(absent.contains(AGENCIES[1]) && absent.contains("مأموریت اداری در تهران"));
    assert!(
        minutes.contains("۴ دستگاه از ۴ دستگاه عضو"),
        "the quorum sentence"
    );
    let second = export(&db, "2");
    assert!(
        second.contains("۱۴۰۵/۱۰/۰۳"),
        "meeting 2's real date:\n{second}"
    );
}
