//! Who sits at the table of the synthetic series: its agencies, each with a representative and a
//! deputy who stands in for them, the chair, the secretary and the regulars without an agency.

use super::rng::Rng;
use super::topics::{TOPICS, Topic};
use crate::domain::{Agency, Category, Id, Person, Series};
use crate::store::Writer;
use crate::store::fault::Fault;
use crate::store::setup::{insert_agency, insert_category, insert_person, insert_series};

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

const FIRST_NAMES: &[&str] = &[
    "آزیتا",
    "مریم",
    "زهرا",
    "فاطمه",
    "نرگس",
    "لیلا",
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "سعید",
];

const SURNAMES: &[&str] = &[
    "سعیدی",
    "فکری",
    "هاشمی",
    "رضایی",
    "کرمانی",
    "افضلی",
    "باستانی",
    "ابراهیمی",
    "نوروزی",
    "شریفی",
    "موسوی",
    "جعفری",
    "رحیمی",
    "صادقی",
    "کاظمی",
    "یزدان‌پناه",
];

pub(super) const PLACES: &[&str] = &[
    "سالن جلسات بهزیستی",
    "اتاق کنفرانس استانداری",
    "سالن شهید باهنر",
];

/// One member agency's people at the table.
pub(super) struct Delegation {
    pub agency: Agency,
    /// Who normally comes.
    pub head: Person,
    /// Who comes in the head's place (a substitute) when the head cannot.
    pub deputy: Person,
}

/// The series and everyone it refers to.
pub(super) struct Cast {
    pub series: Series,
    pub delegations: Vec<Delegation>,
    pub chair: Person,
    pub secretary: Person,
    /// Regulars without a seat of their own agency: county experts, the groups' representative.
    pub guests: Vec<Person>,
    pub categories: Vec<Category>,
}

fn person(rng: &mut Rng, title: &str, agency: Option<&Agency>) -> Person {
    let name = if rng.chance(25) {
        format!("مهندس {}", rng.pick(SURNAMES))
    } else {
        format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES))
    };
    Person {
        id: Id::new(),
        name,
        title: title.to_string(),
        agency: agency.map(|a| a.id.clone()),
        active: true,
    }
}

impl Cast {
    pub fn new(rng: &mut Rng, seed: u64) -> Cast {
        let delegations: Vec<Delegation> = AGENCIES
            .iter()
            .map(|(name, en, short)| {
                let agency = Agency {
                    id: Id::new(),
                    name: (*name).into(),
                    name_en: (*en).into(),
                    short_name: (*short).into(),
                    active: true,
                };
                let head = person(rng, &format!("نمایندهٔ {short}"), Some(&agency));
                let deputy = person(rng, &format!("کارشناس {short} (جانشین)"), Some(&agency));
                Delegation {
                    agency,
                    head,
                    deputy,
                }
            })
            .collect();
        let welfare = delegations.first().map(|d| &d.agency);
        let chair = person(rng, "معاون امور اجتماعی بهزیستی استان", welfare);
        let secretary = person(rng, "کارشناس مسئول گروه‌های همیار، دبیر جلسه", welfare);
        let guests = vec![
            person(rng, "کارشناس بهزیستی شهرستان", welfare),
            person(rng, "نمایندهٔ اعضای گروه‌های همیار", None),
        ];
        let categories = TOPICS
            .iter()
            .zip(1..)
            .map(|(topic, order)| Category {
                id: Id::new(),
                name: topic.category.into(),
                order,
                archived: false,
                series: None,
            })
            .collect();
        let members: Vec<Id> = delegations.iter().map(|d| d.agency.id.clone()).collect();
        let series = Series {
            id: Id::new(),
            title: format!("نشست بررسی مشکلات گروه‌های همیار (آزمایشی {seed})"),
            organisation: "بهزیستی استان".into(),
            default_place: PLACES[0].into(),
            quorum: u32::try_from(members.len() / 2).unwrap_or(0),
            member_agencies: members,
            archived: false,
            interval_days: 0,
        };
        Cast {
            series,
            delegations,
            chair,
            secretary,
            guests,
            categories,
        }
    }

    pub fn insert(&self, w: &Writer<'_>) -> Result<(), Fault> {
        for d in &self.delegations {
            insert_agency(w, &d.agency)?;
            insert_person(w, &d.head)?;
            insert_person(w, &d.deputy)?;
        }
        for p in [&self.chair, &self.secretary]
            .into_iter()
            .chain(&self.guests)
        {
            insert_person(w, p)?;
        }
        for c in &self.categories {
            insert_category(w, c)?;
        }
        insert_series(w, &self.series)
    }

    /// What the issues of a category (an index into [`Cast::categories`]) are about.
    pub fn topic(&self, category: usize) -> &'static Topic {
        TOPICS.get(category).unwrap_or(&TOPICS[0])
    }
}
