//! The words of the synthetic series: fragments in the register of the Kerman minutes (the demo),
//! put together at random. They mix Persian and Latin digits, «quotes», parentheses, Latin words
//! (IBAN, SMS, Excel) and compounds written with a ZWNJ, as real minutes do; a few use the
//! Arabic ي and ك that text pasted from letters carries.
//!
//! Templates hold placeholders filled by [`fill`]: `{n}` a count, `{few}` a small one,
//! `{amount}` a sum in rials, `{pct}` a percentage, `{year}` the two-digit Solar Hijri year of
//! the meeting, `{prev}` an earlier meeting's number, `{code}` a tracking code in Latin digits,
//! `{date}` and `{due}` Solar Hijri dates, `{agency}` an agency's short name, `{county}` a
//! county of the province.

use super::rng::Rng;
use super::topics::Topic;
use crate::domain::Date;
use crate::domain::digits::to_persian_digits;

const COUNTIES: &[&str] = &[
    "بم",
    "جیرفت",
    "رفسنجان",
    "سیرجان",
    "زرند",
    "کهنوج",
    "بافت",
    "شهربابک",
    "راور",
    "انار",
];

const STATEMENT_LEADS: &[&str] = &[
    "",
    "",
    "به گزارش کارشناس شهرستان {county}، ",
    "در پاسخ به پرسش دبیر جلسه، ",
    "با توجه به مصوبهٔ نشست {prev}، ",
    "بر اساس آمار سال {year}، ",
    "همان‌طور که در نشست قبل گفته شد، ",
    "از نگاه {agency}، ",
];

/// Remarks that fit any issue.
const GENERAL_REMARKS: &[&str] = &[
    "حل مشکلات گروه‌های فعال، انگیزهٔ تشکیل گروه‌های تازه را هم بیشتر می‌کند",
    "هر دستگاه در چارچوب قوانین خود به‌راحتی می‌تواند اقدام کند",
    "گزارش {few} شهرستان از {n} شهرستان رسیده است",
    "این مشکل در نشست {prev} هم مطرح شد و هنوز لاینحل مانده است",
    "نامهٔ شمارهٔ {code}/ص/{year} در این باره به استانداری فرستاده شد",
];

const STATEMENT_TAILS: &[&str] = &[
    ".",
    ".",
    "؛ پیگیری ادامه دارد.",
    "؛ نتیجه در نشست بعد گزارش می‌شود.",
    " و به همکاری دستگاه‌های ذی‌ربط نیاز دارد.",
    " (گزارش کتبی پیوست صورت‌جلسه است).",
    "؛ این موضوع پیش‌تر هم مطرح شده بود.",
    " و تا {due} روشن می‌شود.",
];

const OPENINGS: &[&str] = &[
    "هدف این نشست ارزیابی مصوبات نشست {prev} و شنیدن مشکلات تازهٔ گروه‌های همیار است.",
    "گزارشی از اقدامات بهزیستی ارائه شد؛ در سال {year} تعداد {n} گروه همیار تشکیل شده است.",
    "از دستگاه‌ها خواسته شد گزارش کتبی مصوبات معوق را پیش از نشست بعد بفرستند.",
    "مشکلاتی که لاینحل مانده‌اند بیشتر به این دلیل است که درست مطرح نشده‌اند.",
];

/// What an agency is told to do when a decision is on no issue in particular.
const GENERAL_TASKS: &[&str] = &[
    "تهیهٔ فهرست مشکلات گروه‌های شهرستان {county} به تفکیک دسته",
    "ارسال گزارش کتبی مصوبات معوق",
];

const DECISION_VERBS: &[&str] = &[
    "در اولویت قرار دهد",
    "بررسی کند",
    "پیگیری کند",
    "فراهم کند",
    "خارج از نوبت بررسی کند",
    "انجام دهد",
];

const DECISION_CLOSINGS: &[&str] = &[
    "نتیجه را تا {due} به دبیرخانه اعلام کند",
    "گزارش پیشرفت را در نشست بعد ارائه کند",
    "تا {due} اقدام لازم را انجام دهد",
    "فهرست گروه‌های واجد شرایط را تا {due} برای بهزیستی بفرستد",
];

const NOTES_IN_PROGRESS: &[&str] = &[
    "گزارش {few} گروه از ۱۰ گروه رسیده است.",
    "نامهٔ شمارهٔ {code}/ص/{year} به استانداری ارسال شد.",
    "کار آغاز شده و حدود {pct}٪ پیشرفت دارد.",
    "جلسهٔ کارشناسی با «{agency}» برگزار شد؛ پیگیری ادامه دارد.",
    "فهرست متقاضیان (فایل Excel) دریافت شد و در حال بررسی است.",
];

const NOTES_DONE: &[&str] = &[
    "فهرست در تاریخ {date} برای همهٔ دستگاه‌ها ارسال شد.",
    "انجام شد؛ گزارش کتبی به دبیرخانه رسید.",
    "وام {n} گروه پرداخت شد.",
    "کارگاه در تاریخ {date} با حضور {n} نفر برگزار شد.",
    "شمارهٔ IBAN همهٔ گروه‌ها اعلام و پیامک (SMS) تأیید فرستاده شد.",
];

const NOTES_CANCELLED: &[&str] = &[
    "به دلیل نبود اعتبار لغو شد؛ موضوع در نشست بعد بررسی می‌شود.",
    "با مصوبهٔ تازهٔ نشست {prev} منتفی شد.",
    "پس از {few} ماه پیگیری بی‌نتیجه ماند و لغو شد.",
];

const EXCUSES: &[&str] = &[
    "مأموریت اداری",
    "مرخصی استعلاجی",
    "شرکت در جلسهٔ شورای اداری استان",
    "هم‌زمانی با بازدید مدیرکل",
];

/// What the placeholders of a template stand for in the meeting at hand.
pub(super) struct Scene<'a> {
    pub meeting: u32,
    pub date: Date,
    pub due: Date,
    pub agency: &'a str,
}

/// The template with its placeholders filled; an unknown placeholder is kept as written.
pub(super) fn fill(template: &str, rng: &mut Rng, scene: &Scene<'_>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            break;
        };
        let value = match &after[1..close] {
            "n" => fa(rng.between(2, 40)),
            "few" => fa(rng.between(2, 9)),
            // Tracking codes and letter numbers come from systems that print Latin digits.
            "code" => rng.between(10_000, 99_999).to_string(),
            "amount" => rials(u64::from(rng.between(2, 30)) * 10_000_000),
            "pct" => fa(rng.between(4, 18)),
            "year" => fa(scene.date.jalali().year % 100),
            "prev" => fa(scene.meeting.saturating_sub(rng.between(1, 4)).max(1)),
            "date" => scene.date.jalali().persian(),
            "due" => scene.due.jalali().persian(),
            "agency" => scene.agency.to_string(),
            "county" => rng.pick(COUNTIES).to_string(),
            _ => after[..=close].to_string(),
        };
        out.push_str(&value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn fa(n: impl std::fmt::Display) -> String {
    to_persian_digits(&n.to_string())
}

/// `۵۰٬۰۰۰٬۰۰۰`: Persian digits in groups of three, with the Arabic thousands separator.
fn rials(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('٬');
        }
        out.push(c);
    }
    to_persian_digits(&out)
}

/// An issue's title and description, about one subject of its category.
pub(super) fn issue(rng: &mut Rng, topic: &Topic, scene: &Scene<'_>) -> (String, String) {
    let subject = rng.pick(topic.subjects);
    let title = if rng.chance(40) {
        format!("{subject} در شهرستان {}", rng.pick(COUNTIES))
    } else {
        subject.to_string()
    };
    (title, fill(rng.pick(topic.descriptions), rng, scene))
}

/// What someone said about an issue of `topic`.
pub(super) fn statement(rng: &mut Rng, topic: &Topic, scene: &Scene<'_>) -> String {
    let lead = fill(rng.pick(STATEMENT_LEADS), rng, scene);
    let remarks = if rng.chance(75) {
        topic.remarks
    } else {
        GENERAL_REMARKS
    };
    let body = fill(rng.pick(remarks), rng, scene);
    let tail = fill(rng.pick(STATEMENT_TAILS), rng, scene);
    format!("{lead}{body}{tail}")
}

/// What the chair says before the issues.
pub(super) fn opening(rng: &mut Rng, scene: &Scene<'_>) -> String {
    fill(rng.pick(OPENINGS), rng, scene)
}

/// A decision: the lead agency, what it is to do (about an issue of `topic`, if any), with
/// whom, and by when.
pub(super) fn decision(
    rng: &mut Rng,
    lead: &str,
    topic: Option<&Topic>,
    support: Option<&str>,
    scene: &Scene<'_>,
) -> String {
    let tasks = topic.map_or(GENERAL_TASKS, |t| t.tasks);
    let object = fill(rng.pick(tasks), rng, scene);
    let verb = rng.pick(DECISION_VERBS);
    let with = support.map_or(String::new(), |s| format!(" (با همکاری {s})"));
    let closing = fill(rng.pick(DECISION_CLOSINGS), rng, scene);
    format!("{lead} {object} را {verb}{with} و {closing}.")
}

/// An agency's report on a decision, by the status it moves the decision to.
pub(super) fn follow_up_note(
    rng: &mut Rng,
    status: crate::domain::DecisionStatus,
    scene: &Scene<'_>,
) -> String {
    use crate::domain::DecisionStatus::*;
    let notes = match status {
        Pending | InProgress => NOTES_IN_PROGRESS,
        Done => NOTES_DONE,
        Cancelled => NOTES_CANCELLED,
    };
    fill(rng.pick(notes), rng, scene)
}

/// Why someone was excused.
pub(super) fn excuse(rng: &mut Rng) -> String {
    rng.pick(EXCUSES).to_string()
}

/// Why a substitute came: why the one they stand in for is away (the minutes name whom they
/// stand in for already).
pub(super) fn substitution(rng: &mut Rng) -> String {
    if rng.chance(50) {
        "مأموریت اداری".to_string()
    } else {
        excuse(rng)
    }
}

#[cfg(test)]
mod tests {
    use super::super::topics::TOPICS;
    use super::*;

    fn scene() -> Scene<'static> {
        let date = Date::from_jalali(1393, 2, 16).unwrap();
        Scene {
            meeting: 12,
            date,
            due: date.end_of_jalali_month(),
            agency: "صمت",
        }
    }

    #[test]
    fn placeholders_are_filled_in_persian_digits() {
        let mut rng = Rng::new(3);
        let s = fill(
            "تا {due} در سال {year} ({agency}) {amount} {x}",
            &mut rng,
            &scene(),
        );
        assert!(s.starts_with("تا ۱۳۹۳/۰۲/۳۱ در سال ۹۳ (صمت) "), "{s}");
        assert!(s.ends_with(" {x}"), "an unknown placeholder stays: {s}");
        assert!(!s.chars().any(|c| c.is_ascii_digit()), "{s}");
        let code = fill("{code}", &mut rng, &scene());
        assert!(
            code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
    }

    #[test]
    fn rials_are_grouped_by_thousands() {
        assert_eq!(rials(50_000_000), "۵۰٬۰۰۰٬۰۰۰");
        assert_eq!(rials(900), "۹۰۰");
    }

    #[test]
    fn every_template_is_complete() {
        let mut rng = Rng::new(9);
        let mut all = vec![
            STATEMENT_LEADS,
            GENERAL_REMARKS,
            STATEMENT_TAILS,
            OPENINGS,
            GENERAL_TASKS,
            DECISION_CLOSINGS,
            NOTES_IN_PROGRESS,
            NOTES_DONE,
            NOTES_CANCELLED,
        ];
        for t in TOPICS {
            assert!(
                !t.subjects.is_empty() && !t.descriptions.is_empty(),
                "{}",
                t.category
            );
            assert!(
                !t.remarks.is_empty() && !t.tasks.is_empty(),
                "{}",
                t.category
            );
            all.extend([t.subjects, t.descriptions, t.remarks, t.tasks]);
        }
        for t in all.iter().flat_map(|l| l.iter()) {
            let s = fill(t, &mut rng, &scene());
            assert!(!s.contains('{') && !s.contains('}'), "{t} → {s}");
        }
    }
}
