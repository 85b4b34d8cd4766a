//! The words of `hamyar doctor`: the database's findings and the terminal's, in both languages.
//! The terminal part comes from `text`'s detection, which names terminals and gives its advice
//! in English; here it is said again in Persian from what the detection found.

use std::path::Path;

use super::{Lang, Localized};
use crate::text::{TerminalBidi, TerminalReport};

/// One line (or a few) of the doctor's report.
#[derive(Debug)]
pub enum DoctorLine<'a> {
    Database(&'a Path),
    /// The file does not exist yet.
    NotCreated,
    /// The file could not be checked: the reason, already in the interface's language.
    Problem(&'a str),
    IntegrityOk,
    IntegrityDamaged,
    RestoreAdvice,
    Schema {
        found: u32,
        writes: u32,
    },
    /// How many records a table holds.
    Count {
        table: &'a str,
        n: u64,
    },
    CountsUnreadable(&'a str),
    /// The newest backup: when it was written (RFC 3339, UTC) and where.
    LastBackup {
        made: &'a str,
        path: &'a Path,
    },
    /// No backup in the backup folder yet.
    NoBackup(&'a Path),
    Terminal(&'a TerminalReport),
    Bidi(TerminalBidi),
    TmuxPassthrough(Option<&'a str>),
    Recommended(&'a TerminalReport),
    /// The detection's advice, one line each.
    Advice(&'a TerminalReport),
    /// Why `doctor` fails.
    NotSound(&'a Path),
}

impl Localized for DoctorLine<'_> {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Fa => self.fa(),
        }
    }
}

impl DoctorLine<'_> {
    fn en(&self) -> String {
        use DoctorLine::*;
        match self {
            Database(p) => format!("database: {}", p.display()),
            NotCreated => {
                "  not created yet: hamyar creates it on first use (or `hamyar demo --db PATH`)"
                    .into()
            }
            Problem(why) => format!("  problem: {why}"),
            IntegrityOk => "  integrity: ok".into(),
            IntegrityDamaged => "  integrity: DAMAGED".into(),
            RestoreAdvice => {
                "  restore the file from a backup; keep the damaged copy for repair".into()
            }
            Schema { found, writes } => {
                format!("  schema: version {found} (this hamyar writes {writes})")
            }
            Count { table, n } => format!("  {table}: {n}"),
            CountsUnreadable(why) => format!("  counts: {why}"),
            LastBackup { made, path } => format!(
                "  last backup: {}, {}",
                Lang::En.moment(made),
                path.display()
            ),
            NoBackup(dir) => format!(
                "  no backup yet in {}: `hamyar backup` makes one, and the app one whenever a meeting starts",
                dir.display()
            ),
            Terminal(r) => format!("terminal: {}", r.name),
            Bidi(b) => format!(
                "  bidi: {}",
                match b {
                    TerminalBidi::None => "draws cells as sent (no bidi of its own): good",
                    TerminalBidi::Switchable =>
                        "has bidi of its own, which hamyar switches off (BDSM)",
                    TerminalBidi::Own => "has bidi of its own that hamyar cannot switch off",
                    TerminalBidi::Unknown => "not recognised",
                }
            ),
            TmuxPassthrough(Some(v)) if is_on(v) => {
                format!("  inside tmux, allow-passthrough is {v}: good")
            }
            TmuxPassthrough(Some(v)) => format!(
                "  inside tmux, allow-passthrough is {v}: the outer terminal cannot be told to stop reordering"
            ),
            TmuxPassthrough(None) => {
                "  inside tmux (its allow-passthrough setting could not be read)".into()
            }
            Recommended(r) => format!("  recommended: --bidi {}", r.recommended),
            Advice(r) => r
                .advice
                .iter()
                .map(|a| format!("  - {a}"))
                .collect::<Vec<_>>()
                .join("\n"),
            NotSound(p) => format!("{} is not sound; see above", p.display()),
        }
    }

    fn fa(&self) -> String {
        use DoctorLine::*;
        let fa = Lang::Fa;
        match self {
            Database(p) => format!("پایگاه داده: {}", p.display()),
            NotCreated => "  هنوز ساخته نشده است: همیار آن را در نخستین کار می‌سازد (یا `hamyar demo --db PATH`)".into(),
            Problem(why) => format!("  ایراد: {why}"),
            IntegrityOk => "  درستی پرونده: سالم".into(),
            IntegrityDamaged => "  درستی پرونده: آسیب‌دیده".into(),
            RestoreAdvice => "  پرونده را از پشتیبان برگردانید و رونوشت آسیب‌دیده را برای تعمیر نگه دارید".into(),
            Schema { found, writes } => format!(
                "  طرح پایگاه داده: نسخهٔ {} (این همیار نسخهٔ {} را می‌نویسد)",
                fa.number(found),
                fa.number(writes)
            ),
            Count { table, n } => format!("  {}: {}", table_fa(table), fa.number(n)),
            CountsUnreadable(why) => format!("  شمار سوابق: {why}"),
            LastBackup { made, path } => format!(
                "  آخرین پشتیبان: {}، «{}»",
                fa.moment(made),
                super::isolate(path.display())
            ),
            NoBackup(dir) => format!(
                "  هنوز پشتیبانی در «{}» نیست: `hamyar backup` یکی می‌سازد، و برنامه هر بار که نشستی آغاز می‌شود یکی.",
                super::isolate(dir.display())
            ),
            Terminal(r) => format!("پایانه: {}", terminal_name_fa(&r.name)),
            Bidi(b) => format!(
                "  راست‌به‌چپ: {}",
                match b {
                    TerminalBidi::None => "نویسه‌ها را همان‌گونه که فرستاده می‌شوند می‌کشد (جابه‌جایی راست‌به‌چپ از خود ندارد): خوب",
                    TerminalBidi::Switchable => "خود متن راست‌به‌چپ را جابه‌جا می‌کند و همیار آن را خاموش می‌کند (BDSM)",
                    TerminalBidi::Own => "خود متن راست‌به‌چپ را جابه‌جا می‌کند و همیار نمی‌تواند آن را خاموش کند",
                    TerminalBidi::Unknown => "شناخته نیست",
                }
            ),
            TmuxPassthrough(Some(v)) if is_on(v) => format!("  درون tmux، گزینهٔ allow-passthrough «{v}» است: خوب", v = super::isolate(v)),
            TmuxPassthrough(Some(v)) => format!(
                "  درون tmux، گزینهٔ allow-passthrough «{v}» است: نمی‌توان به پایانهٔ بیرونی گفت که متن را جابه‌جا نکند", v = super::isolate(v)),
            TmuxPassthrough(None) => "  درون tmux (گزینهٔ allow-passthrough آن خوانده نشد)".into(),
            Recommended(r) => format!("  پیشنهاد: --bidi {}", r.recommended),
            Advice(r) => advice_fa(r)
                .iter()
                .map(|a| format!("  - {a}"))
                .collect::<Vec<_>>()
                .join("\n"),
            NotSound(p) => format!("«{}» سالم نیست؛ گزارش بالا را ببینید.", super::isolate(p.display())),
        }
    }
}

fn is_on(v: &str) -> bool {
    v == "on" || v == "all"
}

/// A table of the database as a person names its records.
fn table_fa(table: &str) -> &str {
    match table {
        "series" => "سلسله نشست‌ها",
        "agencies" => "دستگاه‌ها",
        "people" => "اشخاص",
        "categories" => "دسته‌ها",
        "meetings" => "نشست‌ها",
        "attendance" => "حضور و غیاب",
        "issues" => "مشکلات",
        "agenda_items" => "بندهای دستور جلسه",
        "statements" => "اظهارات",
        "decisions" => "مصوبات",
        "review_items" => "بندهای پیگیری مصوبات قبلی",
        "follow_ups" => "پیگیری‌ها",
        "amendments" => "اصلاحیه‌ها",
        "drafts" => "پیش‌نویس‌ها",
        "changes" => "دفتر تغییرات",
        "invitees" => "دعوت‌شدگان همیشگی",
        other => other,
    }
}

/// The detection's English descriptions of a terminal in Persian; product names stay as they are.
fn terminal_name_fa(name: &str) -> String {
    if let Some(version) = name.strip_prefix("GNOME Terminal or another VTE terminal ") {
        return format!(
            "GNOME Terminal یا پایانهٔ دیگری بر پایهٔ VTE {}",
            Lang::Fa.digits(version)
        );
    }
    if name == "unknown (TERM is not set)" {
        return "ناشناخته (TERM تنظیم نشده است)".into();
    }
    if let Some(term) = name.strip_prefix("unknown (") {
        return format!("ناشناخته ({term}");
    }
    match name {
        "Linux console" => "کنسول لینوکس".into(),
        "macOS Terminal" => "Terminal مک".into(),
        "Visual Studio Code's terminal (xterm.js)" => "پایانهٔ Visual Studio Code (xterm.js)".into(),
        other => other.to_string(),
    }
}

/// The advice of `text`'s detection, said in Persian from what it found.
fn advice_fa(r: &TerminalReport) -> Vec<String> {
    let name = terminal_name_fa(&r.name);
    let mut out = vec![match r.bidi {
        TerminalBidi::None => format!(
            "{name} متن را همان‌گونه که فرستاده می‌شود می‌کشد؛ همیار خود فارسی را می‌چیند و حروف را می‌چسباند. چیزی برای تنظیم نیست."
        ),
        TerminalBidi::Switchable => format!(
            "{name} خود متن راست‌به‌چپ را جابه‌جا می‌کند؛ همیار تا وقتی باز است آن را خاموش می‌کند (BDSM) و هنگام بیرون رفتن روشن. چیزی برای تنظیم نیست."
        ),
        TerminalBidi::Own => {
            let how = match r.name.as_str() {
                "Konsole" => "در Settings → Edit Current Profile → Advanced تیک «Bi-Directional text rendering» را بردارید",
                "mlterm" => "در ‎~/.mlterm/main‎ بنویسید use_ctl = false",
                "iTerm2" => "در Settings → Profiles → Text تیک پشتیبانی متن دوسویه را بردارید",
                _ => "متن دوسویه را در تنظیمات آن خاموش کنید",
            };
            format!(
                "{name} خود متن راست‌به‌چپ را جابه‌جا می‌کند و BDSM را نادیده می‌گیرد. یا {how} (بهتر است: آن‌گاه همان --bidi app پیش‌فرض درست کار می‌کند)، یا همیار را با --bidi terminal اجرا کنید."
            )
        }
        TerminalBidi::Unknown => "پایانه شناخته نشد. اگر متن فارسی وارونه یا درهم دیده می‌شود، پایانهٔ شما خود متن را جابه‌جا می‌کند: جابه‌جایی راست‌به‌چپ آن را خاموش کنید، یا همیار را با --bidi terminal اجرا کنید.".into(),
    }];
    if r.tmux {
        out.push("درون tmux: ‏tmux فرمان BDSM را دور می‌ریزد، پس پایانهٔ بیرونی ممکن است متن همیار را دوباره جابه‌جا کند. همیار آن را از گذرگاه tmux می‌فرستد؛ `set -g allow-passthrough on` را به ‎~/.tmux.conf‎ بیفزایید (tmux نسخهٔ ۳٫۳ یا تازه‌تر) و `tmux source-file ~/.tmux.conf` را اجرا کنید.".into());
    }
    // The locale's advice is the one line after the bidi and tmux lines.
    let expected = 1 + usize::from(r.tmux);
    if r.advice.len() > expected {
        out.push("زبان و منطقهٔ سیستم (locale) ‏UTF-8 نیست: LANG را روی یک locale با UTF-8 بگذارید، مانند fa_IR.UTF-8 یا en_US.UTF-8.".into());
    }
    out
}
