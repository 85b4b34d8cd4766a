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

/// A 2×1 PNG, red and blue.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7B, 0x40, 0xE8,
    0xDD, 0x00, 0x00, 0x00, 0x0F, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
    0x44, 0x0C, 0xFF, 0x01, 0x00, 0x0A, 0x0D, 0x02, 0xFE, 0x9F, 0x4B, 0x5E, 0x6A, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn the_logo_goes_into_the_docx_header_and_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, PNG).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("[minutes]\nlogo = {:?}\n", logo.display().to_string()),
    )
    .unwrap();
    let docx = dir.path().join("m.docx");
    hamyar(&db)
        .arg("--config")
        .arg(&config)
        .args(["export", "--meeting", "2", "--format", "docx", "-o"])
        .arg(&docx)
        .assert()
        .success();
    let bytes = std::fs::read(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut image = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/media/logo.png").unwrap(), &mut image)
        .unwrap();
    assert_eq!(image, PNG);
    let parts = super::export::docx_parts(&bytes);
    let header = &parts
        .iter()
        .find(|(n, _)| n == "word/header1.xml")
        .unwrap()
        .1;
    // 1.5 cm high, twice as wide: the image's proportions.
    assert!(
        header.contains("<wp:extent cx=\"1080000\" cy=\"540000\"/>"),
        "{header}"
    );
    assert!(header.contains("r:embed=\"rIdLogo\""));
    let html = hamyar(&db)
        .arg("--config")
        .arg(&config)
        .args(["export", "--meeting", "2", "--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<img class=\"logo\" alt=\"\" src=\"data:image/png;base64,iVBORw0KGgo"));
    std::fs::write(&logo, b"not an image").unwrap();
    hamyar(&db)
        .arg("--config")
        .arg(&config)
        .args([
            "--lang",
            "en",
            "export",
            "--meeting",
            "2",
            "--format",
            "html",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("is not a PNG or JPEG image"));
}

#[test]
fn the_text_size_is_set_in_the_config_and_a_size_out_of_range_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let config = dir.path().join("config.toml");
    let docx = dir.path().join("m.docx");
    let export = |size: &str| {
        std::fs::write(&config, format!("[minutes]\ntext_size = {size}\n")).unwrap();
        hamyar(&db)
            .arg("--config")
            .arg(&config)
            .args(["export", "--meeting", "2", "--format", "docx", "-o"])
            .arg(&docx)
            .assert()
    };
    let table_style = |styles: &str| {
        let at = styles.find("w:styleId=\"TableText\"").unwrap();
        styles[at..at + styles[at..].find("</w:style>").unwrap()].to_string()
    };

    export("12").success();
    let parts = super::export::docx_parts(&std::fs::read(&docx).unwrap());
    let styles = &parts
        .iter()
        .find(|(n, _)| n == "word/styles.xml")
        .unwrap()
        .1;
    let defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(
        defaults.contains("<w:szCs w:val=\"24\"/>"),
        "12 pt text: {defaults}"
    );
    assert!(
        table_style(styles).contains("<w:szCs w:val=\"22\"/>"),
        "11 pt tables: {}",
        table_style(styles)
    );

    for bad in ["30", "0", "-3", "7", "17"] {
        let out = export(bad).failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            stderr.contains(&format!("text_size is {bad}")) && stderr.contains("8 to 16"),
            "{bad}: {stderr}"
        );
    }
    let out = export("\"large\"").failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("config.toml"), "{stderr}");
}
