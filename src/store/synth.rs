//! Synthetic data for benchmarks: a series of meetings with realistic-looking Persian issues and
//! decisions, written through the store's own insert helpers in one transaction (each meeting
//! one action of the audit log), with cached statements.

use super::decisions::insert_decision_row;
use super::error::StoreError;
use super::fault::Fault;
use super::issues::insert_issue;
use super::meetings::insert_meeting;
use super::setup::{insert_agency, insert_category, insert_series};
use super::{Store, Writer};
use crate::domain::{
    Agency, Category, Date, Decision, DecisionNumber, DecisionStatus, Id, Issue, IssueStatus,
    Meeting, MeetingStatus, Series, TimeOfDay,
};

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

/// 1390/01/06 (2011-03-26), the day of the first synthetic meeting, in days since 1970-01-01.
const FIRST_MEETING_DAY: i64 = 15_059;

/// The agencies, categories and series every synthetic meeting refers to.
struct Cast {
    series: Series,
    agencies: Vec<Agency>,
    categories: Vec<Category>,
}

impl Cast {
    fn new(seed: u64) -> Cast {
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
        let categories = CATEGORIES
            .iter()
            .zip(1..)
            .map(|(name, order)| Category {
                id: Id::new(),
                name: (*name).into(),
                order,
            })
            .collect();
        let series = Series {
            id: Id::new(),
            title: format!("نشست آزمایشی {seed}"),
            organisation: "بهزیستی استان".into(),
            default_place: PLACES[0].into(),
            member_agencies: agencies.iter().map(|a| a.id.clone()).collect(),
            quorum: u32::try_from(agencies.len() / 2).unwrap_or(0),
        };
        Cast {
            series,
            agencies,
            categories,
        }
    }

    fn insert(&self, w: &Writer<'_>) -> Result<(), Fault> {
        for a in &self.agencies {
            insert_agency(w, a)?;
        }
        for c in &self.categories {
            insert_category(w, c)?;
        }
        insert_series(w, &self.series)
    }
}

/// Fills an empty `store` with `meetings` meetings of one new series and `decisions` decisions
/// spread over them, from `seed`, in one transaction; a database that holds data is refused
/// ([`StoreError::NotEmpty`]). Meetings are weekly from 1390/01/06 on; all but the last are
/// approved; statuses and deadlines are such that some decisions are overdue today.
pub fn synth(
    store: &mut Store,
    meetings: u32,
    decisions: u32,
    seed: u64,
) -> Result<SynthReport, StoreError> {
    let meetings = meetings.max(1);
    let today = store.clock.today();
    let cast = Cast::new(seed);
    store.fill_empty(|store| {
        store.write("synth", |w| cast.insert(w))?;
        let mut rng = Rng(seed);
        let mut report = SynthReport {
            meetings: 0,
            issues: 0,
            decisions: 0,
        };
        for number in 1..=meetings {
            let plan = MeetingPlan {
                number,
                last: number == meetings,
                decisions: decisions / meetings + u32::from(number <= decisions % meetings),
                today,
            };
            let (issues, written) =
                store.write("synth", |w| synth_meeting(w, &cast, &mut rng, &plan))?;
            report.meetings += 1;
            report.issues += issues;
            report.decisions += written;
        }
        Ok(report)
    })
}

/// One synthetic meeting to write.
struct MeetingPlan {
    number: u32,
    /// The last meeting is still in progress; the others are approved.
    last: bool,
    decisions: u32,
    today: Date,
}

/// Writes one meeting with its issues and decisions; returns how many of each.
fn synth_meeting(
    w: &Writer<'_>,
    cast: &Cast,
    rng: &mut Rng,
    plan: &MeetingPlan,
) -> Result<(u32, u32), Fault> {
    let date = Date::from_unix_days(FIRST_MEETING_DAY).add_days(7 * i64::from(plan.number - 1));
    let meeting = Meeting {
        id: Id::new(),
        series: cast.series.id.clone(),
        number: plan.number,
        date,
        start_time: Some(TimeOfDay { hour: 9, minute: 0 }),
        end_time: Some(TimeOfDay {
            hour: 11,
            minute: 0,
        }),
        place: rng.pick(PLACES).into(),
        chair: None,
        secretary: None,
        status: if plan.last {
            MeetingStatus::InProgress
        } else {
            MeetingStatus::Approved
        },
        next_meeting: Some(date.add_days(7)),
    };
    insert_meeting(w, &meeting, plan.decisions)?;
    let issues = synth_issues(w, cast, rng, &meeting, (plan.decisions / 3).clamp(1, 40))?;
    for item in 1..=plan.decisions {
        let d = synth_decision(cast, rng, &meeting, item, &issues, plan.today);
        insert_decision_row(w, &d)?;
    }
    Ok((
        u32::try_from(issues.len()).unwrap_or(u32::MAX),
        plan.decisions,
    ))
}

/// Writes `count` issues raised in `meeting`; returns their ids.
fn synth_issues(
    w: &Writer<'_>,
    cast: &Cast,
    rng: &mut Rng,
    meeting: &Meeting,
    count: u32,
) -> Result<Vec<Id>, Fault> {
    let mut ids = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let category = &cast.categories[rng.below(cast.categories.len())];
        let issue = Issue {
            id: Id::new(),
            series: cast.series.id.clone(),
            category: Some(category.id.clone()),
            title: format!("{} ({})", rng.pick(SUBJECTS), category.name),
            description: format!("{} در نشست {} مطرح شد.", rng.pick(SUBJECTS), meeting.number),
            raised_in: Some(meeting.id.clone()),
            raised_by: None,
            status: [
                IssueStatus::Open,
                IssueStatus::InProgress,
                IssueStatus::Resolved,
            ][rng.below(3)],
        };
        insert_issue(w, &issue)?;
        ids.push(issue.id);
    }
    Ok(ids)
}

/// Decision `item` of `meeting`: past deadlines are mostly done, the rest still open.
fn synth_decision(
    cast: &Cast,
    rng: &mut Rng,
    meeting: &Meeting,
    item: u32,
    issues: &[Id],
    today: Date,
) -> Decision {
    let lead = &cast.agencies[rng.below(cast.agencies.len())];
    let support = &cast.agencies[rng.below(cast.agencies.len())];
    let supporting = if support.id != lead.id && rng.below(3) == 0 {
        vec![support.id.clone()]
    } else {
        Vec::new()
    };
    let text = format!(
        "{} مقرر شد {} {}.",
        rng.pick(SUBJECTS),
        lead.short_name,
        rng.pick(VERBS)
    );
    let due = meeting.date.add_days(7 + rng.below(84) as i64);
    let status = if due < today {
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
    Decision {
        id: Id::new(),
        meeting: meeting.id.clone(),
        number: DecisionNumber {
            meeting: meeting.number,
            item,
        },
        issue: Some(issues[rng.below(issues.len())].clone()),
        text,
        lead_agency: lead.id.clone(),
        supporting_agencies: supporting,
        due: Some(due),
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_meeting_is_on_1390_01_06() {
        assert_eq!(
            Date::from_unix_days(FIRST_MEETING_DAY),
            Date::from_jalali(1390, 1, 6).unwrap()
        );
    }
}
