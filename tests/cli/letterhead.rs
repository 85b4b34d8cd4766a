//! What an Iranian office looks for on minutes: «بسمه تعالی», the letter block with its number,
//! the quorum sentence, a signature table with سمت, the chair and the secretary on lines of
//! their own, the absentees' «وضعیت», and names in Persian letters.

use super::export::{demo_db, hamyar};

fn markdown(db: &std::path::Path, config: Option<&std::path::Path>, meeting: &str) -> String {
    let mut cmd = hamyar(db);
    if let Some(c) = config {
        cmd.arg("--config").arg(c);
    }
    let out = cmd
        .args([
            "--today",
            "1393/02/16",
            "export",
            "--meeting",
            meeting,
            "--format",
            "md",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn minutes_carry_the_letterhead_quorum_and_signature_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let md = markdown(&db, None, "2");
    assert!(md.contains("<b>بسمه تعالی</b>"), "{md}");
    assert!(
        md.contains("**شماره:** …………"),
        "a line to write the number on"
    );
    assert!(md.contains("**تاریخ:** ۱۳۹۳/۰۲/۱۶"));
    assert!(md.contains("**پیوست:** ندارد"));
    assert!(
        md.contains("جلسه با حضور نمایندگان ۸ دستگاه از ۹ دستگاه عضو رسمیت یافت."),
        "{md}"
    );
    assert!(md.contains("| نام | سمت | دستگاه | امضا |"));
    assert!(md.contains("| رئیس جلسه | دبیر جلسه |"));
    assert!(md.contains("| آزیتا سعیدی<br>معاون امور اجتماعی بهزیستی استان کرمان | مریم رضایی"));
    let absent = &md[md.find("### غایبان").unwrap()..];
    assert!(
        absent.lines().nth(2).unwrap().contains("| وضعیت |"),
        "{absent}"
    );

    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[minutes]\nnumber = \"{series}/{meeting}/ص\"\nattachments = \"دارد\"\n\
         [minutes.series.\"همیار زنان\"]\ncode = \"12\"\nheading = \"به نام خدا\"\n",
    )
    .unwrap();
    let md = markdown(&db, Some(&config), "2");
    assert!(md.contains("**شماره:** ۱۲/۲/ص"), "{md}");
    assert!(md.contains("**پیوست:** دارد"));
    assert!(md.contains("<b>به نام خدا</b>"));
}

#[test]
fn names_print_in_persian_letters_in_persian_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synth.db");
    hamyar(&db)
        .args(["synth", "--meetings", "3", "--decisions", "60"])
        .assert()
        .success();
    let md = markdown(&db, None, "2");
    let people = &md[md.find("### حاضران").unwrap()..md.find("## دستور جلسه").unwrap()];
    assert!(!people.contains(['ك', 'ي']), "{people}");
    let any_arabic_agency = std::process::Command::new(assert_cmd::cargo::cargo_bin("hamyar"))
        .arg("--db")
        .arg(&db)
        .args(["actions", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&any_arabic_agency.stdout).contains('ك'),
        "the synthetic directory holds names typed with Arabic letters"
    );
}

#[test]
fn export_agency_all_writes_one_letter_per_agency_under_names_that_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("letters");
    hamyar(&db)
        .args([
            "--today",
            "1393/06/01",
            "export",
            "--agency",
            "all",
            "--format",
            "md",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Every agency that leads an open decision of the demo gets its letter.
    let actions: serde_json::Value = serde_json::from_slice(
        &hamyar(&db)
            .args(["--today", "1393/06/01", "actions", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let leading: std::collections::HashSet<String> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| matches!(a["status"].as_str(), Some("pending" | "in_progress")))
        .map(|a| a["lead_agency"].to_string())
        .collect();
    assert_eq!(names.len(), leading.len(), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("peygiri-") && n.ends_with("-2-1393-06-01.md")),
        "{names:?}"
    );
    for name in &names {
        let letter = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(letter.contains("<b>بسمه تعالی</b>"), "{name}");
        assert!(letter.contains("**تاریخ:** ۱۳۹۳/۰۶/۰۱"), "{name}");
        assert!(letter.contains("**به:** ریاست محترم "), "{name}: {letter}");
        assert!(letter.contains("دبیر جلسه (نام و امضا)"), "{name}");
    }
}
