//! The app's other refusals in Persian: a flawed demo, a filter line that cannot be read, an
//! export that failed, a file that could not be written. Their English sentences are their
//! `Display`. As in `errors.rs`, no match has a catch-all arm.

use std::io;
use std::path::Path;

use super::{Lang, Localized};
use crate::demo::{DemoError, DemoKey, WriteDemoError};
use crate::domain::FilterError;
use crate::export::ExportError;

impl Localized for DemoError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let what = match self {
            DemoError::Json(_) => "شکل درستی ندارد".to_string(),
            DemoError::Date(e) => format!("تاریخ نادرستی دارد ({})", e.localized(lang)),
            DemoError::Time(_) => "ساعت نادرستی دارد".to_string(),
            DemoError::Code(e) => format!("وضعیت نادرستی دارد ({})", e.localized(lang)),
            DemoError::UnknownKey { kind, key } => {
                let noun = match kind {
                    DemoKey::Agency => "دستگاه",
                    DemoKey::Person => "فرد",
                    DemoKey::Issue => "مشکل",
                    DemoKey::Category => "دسته",
                };
                format!(
                    "به {noun} ناشناختهٔ «{key}» اشاره دارد",
                    key = super::isolate(key)
                )
            }
            DemoError::MissingDecision(n) => format!(
                "پیگیری مصوبهٔ {} را دارد که خودش را ندارد",
                lang.decision_number(*n)
            ),
        };
        format!("دادهٔ نمایشی {what}؛ این ایراد از خود همیار است: آن را گزارش دهید.")
    }
}

impl Localized for WriteDemoError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            WriteDemoError::Demo(e) => e.localized(lang),
            WriteDemoError::Store(e) => e.localized(lang),
        }
    }
}

impl Localized for FilterError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            FilterError::UnknownKey(k) => format!(
                "پالایهٔ «{k}» شناخته نیست؛ دستگاه:، وضعیت:، دسته:، نشست:، پیش‌از:، پس‌از: یا معوق بنویسید.",
                k = super::isolate(k)
            ),
            FilterError::Loose(w) => {
                format!(
                    "«{w}» پالایه نیست؛ کلید:مقدار (دستگاه:بانک) یا معوق بنویسید.",
                    w = super::isolate(w)
                )
            }
            FilterError::Status(e) => e.localized(lang),
            FilterError::Date(e) => e.localized(lang),
            FilterError::Meeting(v) => format!("نشست:{v} شمارهٔ نشست نیست."),
        }
    }
}

impl Localized for ExportError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ExportError::Store(e) => e.localized(lang),
            ExportError::Io(e) => format!("خروجی نوشته نشد: {}.", io_reason_fa(e)),
            ExportError::NoLibreOffice => "خروجی PDF به LibreOffice نیاز دارد که نصب نیست؛ بستهٔ libreoffice-writer-nogui را نصب کنید، یا DOCX بگیرید و خودتان آن را به PDF برگردانید.".into(),
            ExportError::Conversion(_) => {
                "LibreOffice صورتجلسه را به PDF برنگرداند؛ DOCX بگیرید و آن را خودتان برگردانید.".into()
            }
            ExportError::NotADocumentFormat(f) => format!(
                "قالب {} برای صورتجلسه است؛ فهرست پیگیری به‌صورت md، html، docx یا pdf گرفته می‌شود.",
                f.extension()
            ),
            ExportError::NotJson(_) => {
                "پرونده JSON نیست؛ پرونده‌ای بدهید که `hamyar export --format json` ساخته است.".into()
            }
            ExportError::NotMinutes => "پرونده، پروندهٔ صورتجلسهٔ همیار نیست.".into(),
            ExportError::NewerVersion(v) => format!(
                "پرونده را همیاری تازه‌تر نوشته است (نسخهٔ {} پروندهٔ صورتجلسه)؛ همیار را به‌روز کنید. چیزی تغییر نکرد.",
                lang.number(v)
            ),
            ExportError::Damaged(_) => "پروندهٔ صورتجلسه آسیب دیده است؛ چیزی تغییر نکرد.".into(),
            ExportError::Letterhead(crate::export::letterhead::LetterheadError::LogoUnreadable {
                path,
                source,
            }) => format!(
                "نشان (لوگو) «{}» خوانده نشد: {}.",
                super::isolate(path.display()),
                io_reason_fa(source)
            ),
            ExportError::Letterhead(crate::export::letterhead::LetterheadError::LogoNotAnImage {
                path,
            }) => format!("نشان (لوگو) «{}» تصویر PNG یا JPEG نیست.", super::isolate(path.display())),
        }
    }
}

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct NotWritten<'a> {
    pub path: &'a Path,
    pub error: &'a io::Error,
}

impl Localized for NotWritten<'_> {
    fn localized(&self, lang: Lang) -> String {
        let path = self.path.display();
        match lang {
            Lang::En => format!("{path} was not written ({}).", self.error),
            Lang::Fa => format!(
                "«{path}» نوشته نشد: {}.",
                io_reason_fa(self.error),
                path = super::isolate(path)
            ),
        }
    }
}

/// Why the operating system refused, as a Persian phrase (its own message is English).
pub(super) fn io_reason_fa(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "پوشهٔ آن وجود ندارد",
        K::PermissionDenied => "اجازهٔ دسترسی نیست",
        K::AlreadyExists => "پرونده‌ای با همین نام هست؛ نام دیگری بدهید",
        K::StorageFull => "دیسک پر است",
        K::ReadOnlyFilesystem => "دیسک فقط‌خواندنی است",
        K::IsADirectory => "این نام یک پوشه است",
        K::NotADirectory => "بخشی از مسیر پوشه نیست",
        K::InvalidFilename => "نام پرونده درست نیست",
        K::FileTooLarge => "پرونده بیش از اندازه بزرگ است",
        _ => "خطای دیسک یا سیستم‌عامل",
    }
}
