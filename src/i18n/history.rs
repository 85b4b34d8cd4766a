//! The words of a record's change history, in the app and on the command line: the names of the
//! columns a change touched, and the history's own headings.

use super::Lang;

/// The fixed strings of a change history.
#[derive(Debug)]
pub struct HistoryStrings {
    pub title: &'static str,
    pub keys: &'static str,
    /// Said when the log holds nothing about the record.
    pub empty: &'static str,
    /// Before a value that did not exist before the change.
    pub created: &'static str,
    /// Before a value the change removed.
    pub removed: &'static str,
    pub amendments: &'static str,
    pub follow_ups: &'static str,
    /// Said when the selection has no history (nothing selected).
    pub nothing_selected: &'static str,
}

pub(super) static FA: HistoryStrings = HistoryStrings {
    title: "تاریخچهٔ تغییرات",
    keys: "j/k: پیمایش · Esc: بستن",
    empty: "در دفتر تغییرات چیزی دربارهٔ این مورد نیست.",
    created: "ثبت شد",
    removed: "حذف شد",
    amendments: "اصلاحیه‌های صورتجلسهٔ تأییدشده",
    follow_ups: "پیگیری‌ها",
    nothing_selected: "مشکل، مصوبه یا اظهاراتی را برگزینید تا تاریخچه‌اش را ببینید.",
};

pub(super) static EN: HistoryStrings = HistoryStrings {
    title: "Change history",
    keys: "j/k: scroll · Esc: close",
    empty: "The change log holds nothing about this record.",
    created: "set",
    removed: "removed",
    amendments: "Amendments of the approved minutes",
    follow_ups: "Follow-ups",
    nothing_selected: "Select an issue, a decision or a statement to see its history.",
};

/// The name of a stored column as a person knows the field, or `None` for one that has no
/// name of its own (the caller shows the column as it is).
pub fn column_label(lang: Lang, column: &str) -> Option<&'static str> {
    let (fa, en) = match column {
        "text" => ("متن", "Text"),
        "title" => ("عنوان", "Title"),
        "description" => ("شرح", "Description"),
        "lead_agency" => ("مسئول پیگیری", "Lead agency"),
        "supporting_agencies" => ("همکاران", "Supporting agencies"),
        "due" => ("مهلت اجرا", "Deadline"),
        "status" | "new_status" => ("وضعیت", "Status"),
        "issue" => ("مشکل مرتبط", "Issue"),
        "category" => ("دسته", "Category"),
        "speaker" => ("گوینده", "Speaker"),
        "raised_by" => ("مطرح‌کننده", "Raised by"),
        "raised_in" => ("مطرح‌شده در نشست", "Raised in meeting"),
        "meeting" => ("نشست", "Meeting"),
        "item" => ("شماره", "Number"),
        "date" => ("تاریخ", "Date"),
        "start_time" => ("ساعت آغاز", "Start time"),
        "end_time" => ("ساعت پایان", "End time"),
        "place" => ("محل", "Place"),
        "chair" => ("رئیس جلسه", "Chair"),
        "secretary" => ("دبیر", "Secretary"),
        "next_meeting" => ("نشست بعدی", "Next meeting"),
        "state" => ("حضور", "Attendance"),
        "substitute_for" => ("به جای", "On behalf of"),
        "reason" => ("دلیل", "Reason"),
        "note" => ("گزارش", "Note"),
        "person" => ("فرد", "Person"),
        "name" => ("نام", "Name"),
        _ => return None,
    };
    Some(match lang {
        Lang::Fa => fa,
        Lang::En => en,
    })
}
