//! Synthetic data for benchmarks: a series of meetings with realistic-looking Persian issues and
//! decisions, written fast (one transaction per meeting, cached statements, text folded once).

use rusqlite::params;

use super::error::StoreError;
use super::issues::issue_text_f;
use super::setup::agency_names_f;
use super::{Store, Writer};
use crate::domain::{Agency, Date, DecisionStatus, Id, IssueStatus, MeetingStatus};
use crate::text::fold::{fold, fold_for_index};

/// What `synth` wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthReport {
    pub meetings: u32,
    pub issues: u32,
    pub decisions: u32,
}

/// A small deterministic generator (SplitMix64): the same seed gives the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

// Some spellings use Arabic ي and ك on purpose, as text pasted from letters often does.
const AGENCIES: &[(&str, &str, &str)] = &[
    ("اداره کل بهزیستی استان", "Welfare Organisation", "بهزیستی"),
    ("کمیته امداد امام خمینی", "Relief Foundation", "کمیته امداد"),
    ("بانک ملی ایران", "Bank Melli", "بانک ملی"),
    ("بانك كشاورزي", "Bank Keshavarzi", "بانک کشاورزی"),
    ("بانک رفاه کارگران", "Refah Bank", "بانک رفاه"),
    (
        "اداره کل صنعت، معدن و تجارت",
        "Industry, Mine and Trade",
        "صمت",
    ),
    (
        "معاونت بهداشتی دانشگاه علوم پزشکی",
        "Health Deputy, Medical University",
        "بهداشت",
    ),
    (
        "اداره کل تعاون، کار و رفاه اجتماعی",
        "Cooperatives, Labour and Welfare",
        "تعاون",
    ),
    ("شهرداری مرکز استان", "Municipality", "شهرداری"),
    ("سازمان جهاد کشاورزی", "Agriculture Jihad", "جهاد کشاورزی"),
    (
        "صندوق کارآفرینی امید",
        "Omid Entrepreneurship Fund",
        "صندوق امید",
    ),
    (
        "اداره کل میراث فرهنگی و صنایع دستی",
        "Cultural Heritage and Handicrafts",
        "میراث فرهنگی",
    ),
];

const CATEGORIES: &[&str] = &[
    "اخذ مجوز",
    "کد بهداشتی",
    "سرمایه کار",
    "محل عرضه و فروش محصولات",
    "آموزش و مهارت",
    "بیمه",
];

const SUBJECTS: &[&str] = &[
    "صدور مجوز خانگی برای اعضای گروه",
    "اخذ کد بهداشتی محصولات لبنی",
    "پرداخت وام قرض‌الحسنه اشتغال",
    "تأمین غرفه در بازارچه محلی",
    "برگزاری دوره آموزش بسته‌بندی",
    "بیمه زنان سرپرست خانوار",
    "معرفی متقاضیان به بانك عامل",
    "تسهیل ضمانت وام‌های خرد",
    "ثبت گروه در سامانه مشاغل خانگي",
    "فروش اینترنتی صنایع دستی",
];

const VERBS: &[&str] = &[
    "پیگیری و نتیجه را به دبیرخانه اعلام نماید",
    "ظرف مهلت مقرر اقدام کند",
    "با همکاری دستگاه‌های ذی‌ربط پیگیری نماید",
    "گزارش پیشرفت را در نشست بعدی ارائه کند",
    "فهرست متقاضیان را تهیه و ارسال نماید",
    "نسبت به رفع موانع اقدام نماید",
];

const PLACES: &[&str] = &[
    "سالن جلسات بهزیستی",
    "اتاق کنفرانس استانداری",
    "سالن شهید باهنر",
];

/// Fills `store` with `meetings` meetings of one new series and `decisions` decisions spread
/// over them, from `seed`. Meetings are weekly from 1390/01/06 on; all but the last are
/// approved; statuses and deadlines are such that some decisions are overdue today.
pub fn synth(
    store: &mut Store,
    meetings: u32,
    decisions: u32,
    seed: u64,
) -> Result<SynthReport, StoreError> {
    let meetings = meetings.max(1);
    let mut rng = Rng(seed);
    let today = store.clock.today();

    let agencies: Vec<Agency> = AGENCIES
        .iter()
        .map(|(name, en, short)| Agency {
            id: Id::new(),
            name: (*name).into(),
            name_en: (*en).into(),
            short_name: (*short).into(),
            active: true,
        })
        .collect();
    let categories: Vec<(Id, &str)> = CATEGORIES.iter().map(|c| (Id::new(), *c)).collect();
    let series = Id::new();

    store.write("synth", |w| {
        let tx = w.tx;
        for a in &agencies {
            tx.prepare_cached(
                "INSERT INTO agencies (id, name, name_en, short_name, active, names_f) VALUES (?1, ?2, ?3, ?4, 1, ?5)",
            )?
            .execute(params![a.id.as_str(), a.name, a.name_en, a.short_name, agency_names_f(a)])?;
            w.inserted("agencies", a.id.as_str())?;
        }
        for (i, (id, name)) in categories.iter().enumerate() {
            tx.execute(
                "INSERT INTO categories (id, name, ord, name_f) VALUES (?1, ?2, ?3, ?4)",
                params![id.as_str(), name, i as i64 + 1, fold(name)],
            )?;
            w.inserted("categories", id.as_str())?;
        }
        let members: Vec<&Id> = agencies.iter().map(|a| &a.id).collect();
        tx.execute(
            "INSERT INTO series (id, title, organisation, default_place, member_agencies, quorum)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                series.as_str(),
                format!("نشست آزمایشی {seed}"),
                "بهزیستی استان",
                PLACES[0],
                serde_json::to_string(&members).unwrap_or_else(|_| "[]".into()),
                (agencies.len() / 2) as i64
            ],
        )?;
        w.inserted("series", series.as_str())
    })?;

    let first = Date::from_jalali(1390, 1, 6).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let per_meeting = decisions / meetings;
    let extra = decisions % meetings;
    let mut report = SynthReport {
        meetings: 0,
        issues: 0,
        decisions: 0,
    };
    for n in 1..=meetings {
        let date = first.add_days(7 * i64::from(n - 1));
        let count = per_meeting + u32::from(n <= extra);
        let status = if n == meetings {
            MeetingStatus::InProgress
        } else {
            MeetingStatus::Approved
        };
        let (issues, written) = store.write("synth", |w| {
            synth_meeting(
                w,
                &mut rng,
                &series,
                n,
                date,
                status,
                count,
                &agencies,
                &categories,
                today,
            )
        })?;
        report.meetings += 1;
        report.issues += issues;
        report.decisions += written;
    }
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
fn synth_meeting(
    w: &Writer<'_, '_>,
    rng: &mut Rng,
    series: &Id,
    number: u32,
    date: Date,
    status: MeetingStatus,
    decisions: u32,
    agencies: &[Agency],
    categories: &[(Id, &str)],
    today: Date,
) -> Result<(u32, u32), StoreError> {
    let tx = w.tx;
    let meeting = Id::new();
    tx.prepare_cached(
        "INSERT INTO meetings (id, series, number, date, start_time, end_time, place, status, next_meeting, last_item)
         VALUES (?1, ?2, ?3, ?4, '09:00', '11:00', ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        meeting.as_str(),
        series.as_str(),
        number,
        date.iso(),
        rng.pick(PLACES),
        status.code(),
        date.add_days(7).iso(),
        decisions
    ])?;
    w.inserted("meetings", meeting.as_str())?;

    let mut fts_key: i64 =
        tx.query_row("SELECT coalesce(max(fts_key), 0) FROM issues", [], |r| {
            r.get(0)
        })?;
    let issue_count = (decisions / 3).clamp(1, 40);
    let mut issue_ids = Vec::with_capacity(issue_count as usize);
    for _ in 0..issue_count {
        let id = Id::new();
        let (cat, cat_name) = &categories[rng.below(categories.len())];
        let title = format!("{} ({cat_name})", rng.pick(SUBJECTS));
        let description = format!("{} در نشست {number} مطرح شد.", rng.pick(SUBJECTS));
        let istatus = [
            IssueStatus::Open,
            IssueStatus::InProgress,
            IssueStatus::Resolved,
        ][rng.below(3)];
        fts_key += 1;
        tx.prepare_cached(
            "INSERT INTO issues (id, series, category, title, description, raised_in, status, fts_key, text_f)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            id.as_str(),
            series.as_str(),
            cat.as_str(),
            title,
            description,
            meeting.as_str(),
            istatus.code(),
            fts_key,
            issue_text_f(&title, &description)
        ])?;
        w.inserted("issues", id.as_str())?;
        issue_ids.push(id);
    }

    let mut fts_key: i64 =
        tx.query_row("SELECT coalesce(max(fts_key), 0) FROM decisions", [], |r| {
            r.get(0)
        })?;
    for item in 1..=decisions {
        let id = Id::new();
        let lead = &agencies[rng.below(agencies.len())];
        let support = &agencies[rng.below(agencies.len())];
        let supporting = if support.id != lead.id && rng.below(3) == 0 {
            format!("[\"{}\"]", support.id)
        } else {
            "[]".to_string()
        };
        let text = format!(
            "{} مقرر شد {} {}.",
            rng.pick(SUBJECTS),
            lead.short_name,
            rng.pick(VERBS)
        );
        let due = date.add_days(7 + rng.below(84) as i64);
        let dstatus = if due < today {
            [
                DecisionStatus::Done,
                DecisionStatus::Done,
                DecisionStatus::Pending,
                DecisionStatus::InProgress,
                DecisionStatus::Cancelled,
            ][rng.below(5)]
        } else {
            [DecisionStatus::Pending, DecisionStatus::InProgress][rng.below(2)]
        };
        fts_key += 1;
        tx.prepare_cached(
            "INSERT INTO decisions (id, meeting, item, issue, text, lead_agency, supporting_agencies, due, status, fts_key, text_f)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            id.as_str(),
            meeting.as_str(),
            item,
            issue_ids[rng.below(issue_ids.len())].as_str(),
            text,
            lead.id.as_str(),
            supporting,
            due.iso(),
            dstatus.code(),
            fts_key,
            fold_for_index(&text)
        ])?;
        w.inserted("decisions", id.as_str())?;
    }
    Ok((issue_count, decisions))
}
