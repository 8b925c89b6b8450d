//! Date expressions in Arabic, French and English, resolved against a publication date.
//!
//! Events need a date and ACLED a `time_precision`: a day ("6 سبتمبر 2025", "le 17 septembre",
//! "أمس", "last Tuesday"), a week or month ("الأسبوع الماضي", "début septembre") or something
//! coarser ("عام 2012", "depuis des semaines"). Every [`DateMention`] keeps its char span, the
//! resolved [`Date`] (None when it cannot be resolved: a relative expression or a day without
//! year and no publication date), its [`Precision`], whether it was relative to the publication
//! date and whether it is background ("منذ عام 2012", "since 2012", or more than a year old).
//!
//! Month names are Western Arabic, Levantine (كانون الثاني … كانون الأول), Maghrebi (جانفي …),
//! French and English. Because "مارس", "آب", "ماي" and "may" are also ordinary words, a month
//! is accepted only next to a day number or a year, or after a context word (في, شهر, مطلع,
//! in, début …) or before الماضي/المقبل/dernier. Calendar arithmetic is done here (no dependency).

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::forms::{form_hash, form_hash_of_parts};
use crate::layout::Span;
use crate::token::{Script, Tokens};

/// ACLED `time_precision`: how exactly the text dates an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A known day.
    Day = 1,
    /// A week or a month.
    WeekOrMonth = 2,
    /// A year, or vaguer still.
    Coarser = 3,
}

/// A calendar date, possibly partial (year and month, or year only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (1–9999).
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of the month, when known (only with a month).
    pub day: Option<u8>,
}

/// One date expression of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Chars of the expression (with its qualifiers: "مساء الاثنين", "début septembre").
    pub span: Span,
    /// The date meant, or None when it cannot be resolved (relative with no publication date).
    pub date: Option<Date>,
    /// How exactly the expression dates.
    pub precision: Precision,
    /// The expression counts from the publication date (أمس, samedi, last week, سبتمبر الماضي).
    pub relative: bool,
    /// The date is background rather than news ("منذ عام 2012", "depuis 2012", or over a year old).
    pub background: bool,
}

const MONTHS: &[(&str, u8)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("اوت", 8),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("janv", 1),
    ("fev", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
];
/// Levantine two-word months: (first word, second word, month).
const MONTH_PAIRS: &[(&str, &str, u8)] =
    &[("كانون", "الثاني", 1), ("كانون", "الاول", 12), ("تشرين", "الاول", 10), ("تشرين", "الثاني", 11)];
/// Weekdays, 0 = Sunday.
const WEEKDAYS: &[(&str, u8)] = &[
    ("الاحد", 0),
    ("الاثنين", 1),
    ("الثلاثاء", 2),
    ("الاربعاء", 3),
    ("الخميس", 4),
    ("الجمعه", 5),
    ("السبت", 6),
    ("dimanche", 0),
    ("lundi", 1),
    ("mardi", 2),
    ("mercredi", 3),
    ("jeudi", 4),
    ("vendredi", 5),
    ("samedi", 6),
    ("sunday", 0),
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
];
/// Arabic ordinal day words (masculine and feminine); الحادي is the 1 of 11, 21 and 31.
const ORDINALS: &[(&str, u8)] = &[
    ("الاول", 1),
    ("الاولي", 1),
    ("الحادي", 1),
    ("الحاديه", 1),
    ("الثاني", 2),
    ("الثانيه", 2),
    ("الثالث", 3),
    ("الثالثه", 3),
    ("الرابع", 4),
    ("الرابعه", 4),
    ("الخامس", 5),
    ("الخامسه", 5),
    ("السادس", 6),
    ("السادسه", 6),
    ("السابع", 7),
    ("السابعه", 7),
    ("الثامن", 8),
    ("الثامنه", 8),
    ("التاسع", 9),
    ("التاسعه", 9),
    ("العاشر", 10),
    ("العاشره", 10),
    ("العشرين", 20),
    ("العشرون", 20),
    ("الثلاثين", 30),
    ("الثلاثون", 30),
    ("premier", 1),
];
const ORDINAL_TENS: &[(&str, u8)] =
    &[("عشر", 10), ("عشره", 10), ("والعشرين", 20), ("والعشرون", 20), ("والثلاثين", 30), ("والثلاثون", 30)];
/// Words between an ordinal day and its month: "السادس من سبتمبر", "6 من شهر أكتوبر".
const DAY_MONTH_LINKS: &[&str] = &["من", "de", "du", "of", "شهر"];
/// Months named relative to the publication's, after a day ("في 9 من الشهر الماضي", "le 9 du
/// mois dernier", "the 9th of last month").
const RELATIVE_MONTHS: &[(&[&str], i32)] = &[
    (&["الشهر", "الماضي"], -1),
    (&["الشهر", "المنصرم"], -1),
    (&["الشهر", "الجاري"], 0),
    (&["الشهر", "الحالي"], 0),
    (&["هذا", "الشهر"], 0),
    (&["mois", "dernier"], -1),
    (&["mois", "passe"], -1),
    (&["mois", "courant"], 0),
    (&["ce", "mois"], 0),
    (&["last", "month"], -1),
    (&["this", "month"], 0),
];

/// Words between the two days of a range ("21 و22 سبتمبر", "du 21 au 22 juin", "21 and 22 June").
const RANGE_LINKS: &[&str] = &["و", "الى", "حتى", "au", "et", "a", "to", "and", "-"];
/// Attached suffixes of a day number: "1er", "2e", "3rd".
const DAY_SUFFIXES: &[&str] = &["er", "e", "eme", "st", "nd", "rd", "th"];
/// Words before a month that make it one.
const MONTH_CONTEXT_BEFORE: &[&str] = &[
    "في",
    "شهر",
    "مطلع",
    "منتصف",
    "اواخر",
    "اوائل",
    "بدايه",
    "نهايه",
    "خلال",
    "منذ",
    "حتي",
    "in",
    "en",
    "since",
    "depuis",
    "mois",
    "month",
    "debut",
    "mi",
    "fin",
    "early",
    "mid",
    "late",
    "during",
    "until",
    "last",
    "next",
];
/// Qualifiers kept in a month's span: "مطلع سبتمبر", "fin septembre", "late September".
const MONTH_QUALIFIERS: &[&str] = &[
    "مطلع",
    "منتصف",
    "اواخر",
    "اوائل",
    "بدايه",
    "نهايه",
    "debut",
    "mi",
    "fin",
    "early",
    "mid",
    "late",
    "last",
    "next",
];
/// Words after a month or weekday meaning "last" and "next".
const PAST_AFTER: &[&str] = &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "dernier", "derniere"];
const NEXT_AFTER: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "prochain", "prochaine"];
const CURRENT_AFTER: &[&str] = &["الجاري", "الحالي"];
/// Parts of the day kept in a weekday's span: "مساء الاثنين", "mardi soir", "Tuesday night".
const DAY_PARTS_BEFORE: &[&str] = &["يوم", "ليله", "فجر", "صباح", "مساء", "ظهر", "عصر", "ظهيره", "صبيحه", "nuit"];
const DAY_PARTS_AFTER: &[&str] = &["soir", "matin", "soiree", "nuit", "night", "morning", "evening", "afternoon"];
/// Words that link two weekdays of one night: "dans la nuit de lundi à mardi".
const NIGHT_LINKS: &[&str] = &["a", "au", "to", "الي"];
/// Words before a year that introduce it.
const YEAR_WORDS: &[&str] = &[
    "عام",
    "العام",
    "سنه",
    "السنه",
    "في",
    "خلال",
    "in",
    "en",
    "since",
    "depuis",
    "منذ",
    "year",
    "annee",
    "during",
    "durant",
    "pendant",
];
/// Words that may stand between "il y a" and its count ("il y a tout juste une semaine").
const AGO_FILLERS: &[&str] = &["tout", "juste", "environ", "pres", "de", "plus", "seulement", "exactement", "deja"];
/// "قبل" (ago, before), bare or after "and" ("وقبل يومين قتل…"), and "منذ" before days.
fn is_before_ar(word: &str) -> bool {
    // "منذ 3 أيام" is three days ago too (only days and weeks are counted back).
    matches!(word, "قبل" | "وقبل" | "فقبل" | "منذ" | "ومنذ")
}

/// Words for a few of a unit of time ("quelques jours", "several weeks", "بضعة أيام"), counted
/// as [`FEW`] and known only to the week.
const FEW_WORDS: &[&str] = &["quelques", "plusieurs", "few", "several", "بضعه", "عده"];
/// How many "a few" days or weeks count.
const FEW: u64 = 3;

/// Words that may stand between "قبل" and its count ("قبل نحو عشرة أيام").
const AGO_FILLERS_AR: &[&str] = &["نحو", "حوالي", "قرابه", "زهاء"];
/// Words that make what follows background.
const SINCE_WORDS: &[&str] = &["منذ", "since", "depuis"];

/// What a fixed phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Days(i8),
    Week(i8),
    /// The Saturday of the last weekend before the publication's week.
    LastWeekend,
    Month(i8),
    Year(i8),
    /// "منذ أسابيع", "for months": the publication month, coarse.
    Lately,
    /// "la veille", "the next day", "اليوم السابق": days from the day the sentence gave before.
    FromDay(i8),
}

/// Fixed relative phrases (folded words). Longer ones first where they share a start.
const PHRASES: &[(&[&str], Rel)] = &[
    (&["اول", "من", "امس"], Rel::Days(-2)),
    (&["اول", "امس"], Rel::Days(-2)),
    (&["avant", "hier"], Rel::Days(-2)),
    (&["avant", "veille"], Rel::FromDay(-2)),
    (&["veille"], Rel::FromDay(-1)),
    (&["lendemain"], Rel::FromDay(1)),
    (&["surlendemain"], Rel::FromDay(2)),
    (&["previous", "day"], Rel::FromDay(-1)),
    (&["next", "day"], Rel::FromDay(1)),
    (&["following", "day"], Rel::FromDay(1)),
    (&["day", "before", "yesterday"], Rel::Days(-2)),
    (&["امس", "الاول"], Rel::Days(-2)),
    (&["امس"], Rel::Days(-1)),
    (&["الليله", "الماضيه"], Rel::Days(-1)),
    (&["ليله", "امس"], Rel::Days(-1)),
    (&["last", "night"], Rel::Days(-1)),
    (&["la", "nuit", "derniere"], Rel::Days(-1)),
    (&["الامس"], Rel::Days(-1)),
    (&["البارحه"], Rel::Days(-1)),
    (&["hier"], Rel::Days(-1)),
    (&["yesterday"], Rel::Days(-1)),
    (&["اليوم", "السابق"], Rel::FromDay(-1)),
    (&["اليوم", "التالي"], Rel::FromDay(1)),
    (&["اليوم", "الموالي"], Rel::FromDay(1)),
    (&["اليوم"], Rel::Days(0)),
    (&["aujourd", "hui"], Rel::Days(0)),
    (&["today"], Rel::Days(0)),
    (&["tonight"], Rel::Days(0)),
    (&["this", "morning"], Rel::Days(0)),
    (&["this", "afternoon"], Rel::Days(0)),
    (&["this", "evening"], Rel::Days(0)),
    (&["ce", "matin"], Rel::Days(0)),
    (&["cet", "apres", "midi"], Rel::Days(0)),
    (&["ce", "soir"], Rel::Days(0)),
    (&["هذا", "الصباح"], Rel::Days(0)),
    (&["هذا", "المساء"], Rel::Days(0)),
    (&["غدا"], Rel::Days(1)),
    (&["demain"], Rel::Days(1)),
    (&["tomorrow"], Rel::Days(1)),
    (&["week", "end", "dernier"], Rel::LastWeekend),
    (&["weekend", "dernier"], Rel::LastWeekend),
    (&["fin", "de", "semaine", "derniere"], Rel::LastWeekend),
    (&["last", "weekend"], Rel::LastWeekend),
    (&["last", "week", "end"], Rel::LastWeekend),
    (&["نهايه", "الاسبوع", "الماضي"], Rel::LastWeekend),
    (&["عطله", "نهايه", "الاسبوع", "الماضي"], Rel::LastWeekend),
    (&["الاسبوع", "الماضي"], Rel::Week(-1)),
    (&["الاسبوع", "المنصرم"], Rel::Week(-1)),
    (&["semaine", "derniere"], Rel::Week(-1)),
    (&["last", "week"], Rel::Week(-1)),
    (&["هذا", "الاسبوع"], Rel::Week(0)),
    (&["الاسبوع", "الجاري"], Rel::Week(0)),
    (&["الاسبوع", "الحالي"], Rel::Week(0)),
    (&["cette", "semaine"], Rel::Week(0)),
    (&["this", "week"], Rel::Week(0)),
    (&["الاسبوع", "المقبل"], Rel::Week(1)),
    (&["الاسبوع", "القادم"], Rel::Week(1)),
    (&["semaine", "prochaine"], Rel::Week(1)),
    (&["next", "week"], Rel::Week(1)),
    (&["الشهر", "الماضي"], Rel::Month(-1)),
    (&["الشهر", "المنصرم"], Rel::Month(-1)),
    (&["mois", "dernier"], Rel::Month(-1)),
    (&["last", "month"], Rel::Month(-1)),
    (&["الشهر", "الجاري"], Rel::Month(0)),
    (&["الشهر", "الحالي"], Rel::Month(0)),
    (&["هذا", "الشهر"], Rel::Month(0)),
    (&["ce", "mois"], Rel::Month(0)),
    (&["this", "month"], Rel::Month(0)),
    (&["الشهر", "المقبل"], Rel::Month(1)),
    (&["mois", "prochain"], Rel::Month(1)),
    (&["next", "month"], Rel::Month(1)),
    (&["العام", "الماضي"], Rel::Year(-1)),
    (&["السنه", "الماضيه"], Rel::Year(-1)),
    (&["annee", "derniere"], Rel::Year(-1)),
    (&["an", "dernier"], Rel::Year(-1)),
    (&["last", "year"], Rel::Year(-1)),
    (&["العام", "الجاري"], Rel::Year(0)),
    (&["العام", "الحالي"], Rel::Year(0)),
    (&["هذا", "العام"], Rel::Year(0)),
    (&["cette", "annee"], Rel::Year(0)),
    (&["this", "year"], Rel::Year(0)),
    (&["منذ", "عده", "اسابيع"], Rel::Lately),
    (&["منذ", "اسابيع"], Rel::Lately),
    (&["منذ", "عده", "اشهر"], Rel::Lately),
    (&["منذ", "اشهر"], Rel::Lately),
    (&["منذ", "شهور"], Rel::Lately),
    (&["depuis", "des", "semaines"], Rel::Lately),
    (&["depuis", "plusieurs", "semaines"], Rel::Lately),
    (&["depuis", "des", "mois"], Rel::Lately),
    (&["for", "weeks"], Rel::Lately),
    (&["for", "months"], Rel::Lately),
];
/// Proclitics an Arabic context word may carry: "وأمس", "بالأمس", "لشهر".
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "وب", "ول", "فب"];

/// True for a leap year of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day of the week, 0 = Sunday (Sakamoto's method).
pub fn weekday(year: i32, month: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = month.clamp(1, 12);
    let y = if m < 3 { year - 1 } else { year };
    let w = y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + T[usize::from(m - 1)] + i32::from(day);
    w.rem_euclid(7) as u8
}

/// Days since 1970-01-01 (Hinnant's days_from_civil).
fn to_days(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The civil date of a day number (Hinnant's civil_from_days).
fn from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

impl Date {
    /// A full date, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        Some(Date { year, month: Some(month), day: Some(day) }).filter(Date::is_valid)
    }

    /// A year and month, if the month exists.
    pub fn ym(year: i32, month: u8) -> Option<Date> {
        Some(Date { year, month: Some(month), day: None }).filter(Date::is_valid)
    }

    /// A year alone.
    pub fn y(year: i32) -> Option<Date> {
        Some(Date { year, month: None, day: None }).filter(Date::is_valid)
    }

    /// True when the date exists (year 1–9999, month 1–12, day within its month; no day without month).
    pub fn is_valid(&self) -> bool {
        (1..=9999).contains(&self.year)
            && match (self.month, self.day) {
                (None, None) => true,
                (None, Some(_)) => false,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(d)) => d >= 1 && d <= days_in_month(self.year, m),
            }
    }

    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    pub fn to_iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// Read "YYYY-MM-DD", "YYYY-MM" or "YYYY" (anything after a full date, such as a time, is ignored).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        let num = |r: std::ops::Range<usize>| -> Option<u32> { std::str::from_utf8(b.get(r)?).ok()?.parse().ok() };
        if !digits(0..4) {
            return None;
        }
        let year = num(0..4)? as i32;
        match b.len() {
            4 => Date::y(year),
            7 if b[4] == b'-' && digits(5..7) => Date::ym(year, num(5..7)? as u8),
            n if n >= 10 && b[4] == b'-' && b[7] == b'-' && digits(5..7) && digits(8..10) => {
                Date::ymd(year, num(5..7)? as u8, num(8..10)? as u8)
            }
            _ => None,
        }
    }

    /// The first day of the period (year → January 1st, month → its 1st), as days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        to_days(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the period, as days since 1970-01-01.
    pub fn last_day(&self) -> i64 {
        let month = self.month.unwrap_or(12);
        to_days(self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }
}

impl Date {
    /// The first and last day this date covers, as day numbers (days since 1970-01-01), so
    /// that dates of any precision can be compared and windows computed.
    pub fn day_range(&self) -> (i64, i64) {
        (self.first_day(), self.last_day())
    }

    /// The full date of a day number.
    pub fn from_day_number(days: i64) -> Option<Date> {
        let (y, m, d) = from_days(days);
        Date::ymd(y, m, d)
    }
}

fn shift_days(base: Date, days: i64) -> Option<Date> {
    let (y, m, d) = from_days(base.first_day() + days);
    Date::ymd(y, m, d)
}

fn shift_months(base: Date, months: i32) -> Option<Date> {
    let index = base.year * 12 + i32::from(base.month.unwrap_or(1)) - 1 + months;
    Date::ym(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// The year of a day+month (or month) without year: the publication year, or the previous one
/// when that would put it more than about two months after publication.
fn guess_year(published: Date, month: u8, day: Option<u8>) -> i32 {
    let day = day.unwrap_or(1).min(days_in_month(published.year, month).max(1));
    if to_days(published.year, month, day) > published.first_day() + 61 {
        published.year - 1
    } else {
        published.year
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Month(u8),
    Weekday(u8),
    Ordinal(u8),
}

fn table() -> &'static FxHashMap<&'static str, Word> {
    static TABLE: OnceLock<FxHashMap<&'static str, Word>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        map.reserve(MONTHS.len() + WEEKDAYS.len() + ORDINALS.len());
        map.extend(ORDINALS.iter().map(|&(w, d)| (w, Word::Ordinal(d))));
        map.extend(WEEKDAYS.iter().map(|&(w, d)| (w, Word::Weekday(d))));
        map.extend(MONTHS.iter().map(|&(w, m)| (w, Word::Month(m))));
        map
    })
}

/// The fixed phrases (indices into [`PHRASES`], in its order) by the forms their first word may
/// take in text: bare and behind each proclitic.
fn phrases_by_first_word() -> &'static FxHashMap<String, Vec<usize>> {
    static BY_FIRST: OnceLock<FxHashMap<String, Vec<usize>>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (j, (words, _)) in PHRASES.iter().enumerate() {
            let Some(first) = words.first() else { continue };
            let forms = std::iter::once(first.to_string()).chain(CLITICS.iter().map(|c| format!("{c}{first}")));
            for form in forms {
                by_first.entry(form).or_default().push(j);
            }
        }
        by_first
    })
}

/// First words of the fixed phrases, to skip the phrase table for most tokens.
fn phrase_starts() -> &'static FxHashSet<&'static str> {
    static STARTS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    STARTS.get_or_init(|| PHRASES.iter().filter_map(|(words, _)| words.first().copied()).collect())
}

/// Every word that may begin a date expression other than digits: the first words of the fixed
/// phrases and of the two-word months, the table's words, each bare and behind each proclitic.
/// A word outside it starts no phrase and names no month, weekday or ordinal, so most tokens
/// are passed over with one lookup instead of one per table and proclitic.
fn date_words() -> &'static FxHashSet<u64> {
    static WORDS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let targets = phrase_starts()
            .iter()
            .copied()
            .chain(table().keys().copied())
            .chain(MONTH_PAIRS.iter().map(|&(first, _, _)| first));
        let mut words = FxHashSet::default();
        for target in targets {
            words.insert(form_hash(target));
            words.extend(CLITICS.iter().map(|clitic| form_hash_of_parts(&[*clitic, target])));
        }
        words
    })
}

/// False when token `index` can be neither part of a phrase's first word, nor a month, weekday
/// or ordinal, bare or behind a proclitic ([`date_words`]). Compares the token's bare form hash,
/// computed once per document: a rare collision only lets a word on to the exact lookups.
fn may_be_date_word(tokens: &Tokens, index: usize) -> bool {
    tokens.forms(index).first().is_some_and(|h| date_words().contains(h))
}

/// The folded `word` equals `target`, possibly behind an Arabic proclitic.
fn eq_clitic(word: &str, target: &str) -> bool {
    // The ending first: one compare rules out most words, whatever the proclitic.
    word.strip_suffix(target).is_some_and(|head| head.is_empty() || CLITICS.contains(&head))
}

fn word_in(tokens: &Tokens, index: usize, list: &[&str]) -> bool {
    index < tokens.len() && list.iter().any(|w| eq_clitic(tokens.folded(index), w))
}

/// The table entry of token `index`, Arabic words also behind a proclitic (stems of 3+ letters).
fn lookup(tokens: &Tokens, index: usize) -> Option<Word> {
    let word = tokens.folded(index);
    let map = table();
    if let Some(&w) = map.get(word) {
        return Some(w);
    }
    if tokens.items().get(index)?.script != Script::Arabic {
        return None;
    }
    CLITICS
        .iter()
        .find_map(|c| word.strip_prefix(c).filter(|s| s.chars().nth(2).is_some()).and_then(|s| map.get(s).copied()))
}

/// True when token `index` names a month or a weekday ("March", "mardi", "الاثنين"): a date
/// word, never a place's name.
pub fn names_a_day_or_month(tokens: &Tokens, index: usize) -> bool {
    may_be_date_word(tokens, index) && matches!(lookup(tokens, index), Some(Word::Month(_) | Word::Weekday(_)))
}

/// The month named at token `index` and how many tokens its name takes.
pub(crate) fn month_at(tokens: &Tokens, index: usize) -> Option<(u8, usize)> {
    if !may_be_date_word(tokens, index) {
        return None;
    }
    let word = tokens.folded(index);
    if let Some(&(_, _, m)) = MONTH_PAIRS.iter().find(|&&(a, b, _)| eq_clitic(word, a) && tokens.folded(index + 1) == b)
    {
        return Some((m, 2));
    }
    match lookup(tokens, index) {
        Some(Word::Month(m)) => Some((m, 1)),
        _ => None,
    }
}

fn digit_value(tokens: &Tokens, index: usize, max_len: usize) -> Option<u32> {
    let word = tokens.folded(index);
    let digit = tokens.items().get(index).is_some_and(|t| t.script == Script::Digit);
    if !digit || word.len() > max_len {
        return None;
    }
    word.parse().ok()
}

fn year_at(tokens: &Tokens, index: usize) -> Option<i32> {
    let y = digit_value(tokens, index, 4)?;
    (tokens.folded(index).len() == 4 && (1900..=2100).contains(&y)).then_some(y as i32)
}

/// Every date expression in `text`, resolved against `published` ("YYYY-MM-DD") when given.
pub fn dates(text: &str, published: Option<&str>) -> Vec<DateMention> {
    dates_in(text, &Tokens::new(text), published)
}

/// Every date expression in `text`, reusing its tokens (`tokens` must come from `Tokens::new(text)`).
pub fn dates_in(text: &str, tokens: &Tokens, published: Option<&str>) -> Vec<DateMention> {
    let mut scan = Scan { text, tokens, published: published.and_then(Date::parse_iso), out: Vec::new() };
    let mut i = 0;
    while i < tokens.len() {
        i = scan.at(i).map_or(i + 1, |last| last + 1).max(i + 1);
    }
    let read = scan.out.len();
    scan.ago();
    if scan.out.len() > read {
        scan.out.sort_by_key(|d| d.span.start);
    }
    scan.out
}

struct Scan<'a> {
    text: &'a str,
    tokens: &'a Tokens,
    published: Option<Date>,
    out: Vec<DateMention>,
}

impl Scan<'_> {
    fn gap(&self, left: usize) -> &str {
        let items = self.tokens.items();
        match (items.get(left), items.get(left + 1)) {
            (Some(a), Some(b)) => self.text.get(a.byte_end as usize..b.byte_start as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// Token `left` is followed by `left + 1` with only spaces, a comma or a dot between.
    fn close(&self, left: usize) -> bool {
        let joined = self.tokens.items().get(left).is_some_and(|t| t.joined_to_next);
        left + 1 < self.tokens.len()
            && (joined || matches!(self.gap(left).trim(), "," | "." | "،") && !self.gap(left).contains('\n'))
    }

    fn push(&mut self, first: usize, last: usize, date: Option<Date>, precision: Precision, relative: bool) {
        let items = self.tokens.items();
        let (Some(a), Some(b)) = (items.get(first), items.get(last)) else { return };
        let date = date.filter(Date::is_valid);
        // "منذ سيطرة المسلحين على المدينة في سبتمبر 2013": a since-word shortly before an absolute
        // date, or before a relative month or year ("the deadliest since last year"); "depuis
        // lundi" still dates fighting that began on Monday.
        let since = (!relative || precision != Precision::Day)
            && (1..=4).any(|back| first >= back && word_in(self.tokens, first - back, SINCE_WORDS));
        let old = match (date, self.published) {
            (Some(d), Some(p)) => d.last_day() < p.first_day() - 365,
            _ => false,
        };
        let span = Span { start: a.start, end: b.end };
        self.out.push(DateMention { span, date, precision, relative, background: since || old });
    }

    /// "five days ago", "il y a trois jours", "قبل ثلاثة أيام", "قبل يومين" (an Arabic dual holds
    /// its count): counted back from the publication day, weeks at week precision. Added after
    /// the other expressions, never over one.
    fn ago(&mut self) {
        let t = self.tokens;
        // (first token, last token, days back, known to the week); a Vec allocates only when one is found.
        let mut found: Vec<(usize, usize, i64, bool)> = Vec::new();
        // (first token, last token, the day counted from another day of the sentence, weeks).
        let mut found_from: Vec<(usize, usize, Option<Date>, bool)> = Vec::new();
        for last in 0..t.len() {
            // One match (by length first) rather than a scan of every list: this runs on every token.
            // (in weeks, the count an Arabic unit holds itself: a dual, or a singular week).
            let (weeks, held) = match t.folded(last) {
                "days" | "jours" | "ايام" | "يوما" | "يوم" => (false, None),
                "weeks" | "semaines" | "اسابيع" | "week" | "semaine" => (true, None),
                "يومين" | "بيومين" => (false, Some(2)),
                "اسبوعين" | "باسبوعين" => (true, Some(2)),
                "اسبوع" | "باسبوع" => (true, Some(1)),
                _ => continue,
            };
            // "بعد ذلك بيومين", "قبلها بأسبوع": that long after or before the day the sentence gave.
            if t.folded(last).starts_with('ب') {
                if let (Some((first, sign)), Some(n)) = (self.counted_from_a_day_ar(last), held) {
                    if let Some(day) = self.day_before(first) {
                        found_from.push((first, last, shift_days(day, sign * if weeks { 7 * n } else { n }), weeks));
                    }
                }
                continue;
            }
            // "قبل 4 أيام من الهجوم" counts back from another day than the publication's.
            let from_other = last + 1 < t.len() && self.close(last) && t.folded(last + 1) == "من";
            if let Some(n) = held {
                // Arabic: قبل + a unit that holds its count ("قبل يومين", "قبل أسبوع").
                // "قبل نحو أسبوع", "منذ أكثر من أسبوع": about that long ago, at week precision.
                let about = |k: usize| match k {
                    1 => last >= 2 && AGO_FILLERS_AR.contains(&t.folded(last - 1)),
                    2 => last >= 3 && matches!(t.folded(last - 2), "اكثر" | "أكثر") && t.folded(last - 1) == "من",
                    _ => false,
                };
                let before_at = (0..=2).find(|&k| {
                    last > k
                        && (k == 0 || about(k))
                        && is_before_ar(t.folded(last - 1 - k))
                        && (last - 1 - k..last).all(|i| self.close(i))
                });
                if let (Some(k), false) = (before_at, from_other) {
                    found.push((last - 1 - k, last, if weeks { 7 * n } else { n }, weeks || k > 0));
                }
                continue;
            }
            if last == 0 || !self.close(last - 1) {
                continue;
            }
            // The number that ends right before the unit, of one or two words, longest first.
            // "une dizaine de jours" puts "de" between a vague count and its unit.
            let end = if matches!(t.folded(last - 1), "de" | "d") && last >= 2 { last - 2 } else { last - 1 };
            // "il y a quelques semaines", "a few days ago", "قبل بضعة أيام": about three, vaguely
            // (the "a" of "il y a" is no article of "quelques").
            let few = FEW_WORDS.contains(&t.folded(end)).then_some((end, FEW, true));
            let number = few.or_else(|| {
                (1..=2).rev().filter(|&back| end + 1 >= back).find_map(|back| {
                    crate::numbers::number_at(self.text, t, end + 1 - back)
                        .filter(|&(e, _, vague)| e == end && (vague || end == last - 1))
                        .map(|(_, value, vague)| (end + 1 - back, value, vague))
                })
            });
            let Some((first, value, vague)) = number else { continue };
            if value == 0 || value > 60 {
                continue;
            }
            // "il y a une dizaine de jours": about that long ago, known to the week.
            let (n, weeks) = if weeks { (7 * value as i64, true) } else { (value as i64, vague) };
            let english_ago = last + 1 < t.len() && self.close(last) && t.folded(last + 1) == "ago";
            // "il y a trois jours", "il y a tout juste une semaine".
            let fillers = (0..=2).find(|&k| {
                first >= 3 + k
                    && (first - k..first).all(|i| AGO_FILLERS.contains(&t.folded(i)))
                    && t.folded(first - k - 3) == "il"
                    && t.folded(first - k - 2) == "y"
                    && t.folded(first - k - 1) == "a"
            });
            let french = fillers.is_some();
            // "قبل ثلاثة أيام", "قبل نحو عشرة أيام".
            let about = usize::from(first >= 2 && AGO_FILLERS_AR.contains(&t.folded(first - 1)));
            let arabic = first > about && is_before_ar(t.folded(first - 1 - about)) && !from_other;
            if english_ago {
                found.push((first, last + 1, n, weeks));
            } else if let Some((end, sign)) = self.counted_from_a_day(last) {
                // "five days earlier", "trois jours plus tard": from the day the sentence gave before.
                if let Some(day) = self.day_before(first) {
                    found_from.push((first, end, shift_days(day, sign * n), weeks));
                }
            } else if let Some(k) = fillers.filter(|_| french) {
                found.push((first - 3 - k, last, n, weeks));
            } else if arabic {
                found.push((first - 1 - about, last, n, weeks || about == 1));
            }
        }
        if found.is_empty() && found_from.is_empty() {
            return;
        }
        let p = self.published.filter(|p| p.day.is_some());
        let found =
            found.into_iter().map(|(first, last, n, weeks)| (first, last, p.and_then(|p| shift_days(p, -n)), weeks));
        let taken: Vec<Span> = self.out.iter().map(|d| d.span).collect();
        for (first, last, date, weeks) in found.chain(found_from) {
            let (a, b) = (t.items()[first].start, t.items()[last].end);
            if taken.iter().any(|s| s.start < b && a < s.end) {
                continue;
            }
            let precision = if weeks { Precision::WeekOrMonth } else { Precision::Day };
            self.push(first, last, date, precision, true);
        }
    }

    /// "earlier", "prior", "later", "plus tôt", "plus tard", "auparavant" right after the unit
    /// ending at `unit`: the last token of the expression and the direction counted.
    fn counted_from_a_day(&self, unit: usize) -> Option<(usize, i64)> {
        let t = self.tokens;
        let next = unit + 1;
        if next >= t.len() || !self.close(unit) {
            return None;
        }
        match t.folded(next) {
            "earlier" | "prior" | "auparavant" => Some((next, -1)),
            "later" => Some((next, 1)),
            "plus" if next + 1 < t.len() && self.close(next) => match t.folded(next + 1) {
                "tot" => Some((next + 1, -1)),
                "tard" => Some((next + 1, 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// "بعد ذلك" or "بعدها" (after that), "قبل ذلك" or "قبلها" (before that) right before the
    /// unit at `unit`: the first token of the expression and the direction counted.
    fn counted_from_a_day_ar(&self, unit: usize) -> Option<(usize, i64)> {
        let t = self.tokens;
        let sign = |word: &str| match word.strip_prefix('و').unwrap_or(word) {
            "بعد" | "بعدها" => Some(1),
            "قبل" | "قبلها" => Some(-1),
            _ => None,
        };
        match unit.checked_sub(1).map(|i| t.folded(i)) {
            Some("ذلك") if unit >= 2 && (unit - 2..unit).all(|i| self.close(i)) => {
                sign(t.folded(unit - 2)).map(|s| (unit - 2, s))
            }
            Some(word) if self.close(unit - 1) && word.ends_with("ها") => sign(word).map(|s| (unit - 1, s)),
            _ => None,
        }
    }

    /// The day the same sentence gave last before token `first` ("On Sunday, … five days
    /// earlier"); none when the sentence gave no day.
    fn day_before(&self, first: usize) -> Option<Date> {
        let items = self.tokens.items();
        let last = self.out.iter().rev().find(|d| d.span.end <= items[first].start)?;
        // Tokens are in text order: the one that ends the date is found by bisection.
        let from = items.partition_point(|item| item.end < last.span.end);
        if items.get(from).is_none_or(|item| item.end != last.span.end) {
            return None;
        }
        let same_sentence = (from..first).all(|i| !self.gap(i).contains(['.', '!', '?', '\n', '؟']));
        (same_sentence && last.precision == Precision::Day && !last.background).then_some(last.date).flatten()
    }

    /// Read a date expression starting at token `i`; the index of its last token.
    fn at(&mut self, i: usize) -> Option<usize> {
        let script = self.tokens.items().get(i)?.script;
        if script != Script::Digit && !may_be_date_word(self.tokens, i) {
            return None;
        }
        if let Some(last) = self.phrase(i) {
            return Some(last);
        }
        if script == Script::Digit {
            return self
                .numeric(i)
                .or_else(|| self.day_range(i))
                .or_else(|| self.day_month(i, None))
                .or_else(|| self.year(i));
        }
        match lookup(self.tokens, i) {
            Some(Word::Ordinal(d)) => self.ordinal(i, d),
            // "mardi 4 mars", "الاثنين 8 يناير": the weekday only names the date that follows.
            Some(Word::Weekday(_)) if self.dated_next(i) => None,
            Some(Word::Weekday(_)) if self.dual_numeral(i) => None,
            Some(Word::Weekday(w)) => self.weekday(i, w),
            _ if month_at(self.tokens, i).is_some() => self.month(i),
            _ => None,
        }
    }

    fn phrase(&mut self, i: usize) -> Option<usize> {
        let t = self.tokens;
        // Only the phrases this word may begin ("la" begins one phrase, not seventy).
        let candidates = phrases_by_first_word().get(t.folded(i))?;
        let (words, rel) = candidates.iter().map(|&j| &PHRASES[j]).find(|(words, _)| self.words_at(i, words, true))?;
        let last = i + words.len() - 1;
        // "اليوم الاثنين 8 يناير", "today, Monday 8 January": the explicit date says it.
        let weekday_next = matches!(lookup(t, last + 1), Some(Word::Weekday(_))) && self.close(last);
        if (weekday_next && self.dated_next(last + 1)) || self.dated_next(last) {
            return Some(last);
        }
        // "اليوم الأربعاء" on a page stamped just after midnight, on Thursday: the weekday says
        // which day "today" was where the news was written.
        if weekday_next && *rel == Rel::Days(0) {
            return Some(last);
        }
        let p = self.published;
        let (date, precision) = match *rel {
            Rel::Days(n) => (p.filter(|p| p.day.is_some()).and_then(|p| shift_days(p, i64::from(n))), Precision::Day),
            Rel::Week(n) => {
                let monday = p.and_then(|p| {
                    let back = (i64::from(weekday(p.year, p.month?, p.day?)) + 6) % 7;
                    shift_days(p, 7 * i64::from(n) - back)
                });
                (monday, Precision::WeekOrMonth)
            }
            Rel::LastWeekend => {
                let saturday = p.and_then(|p| {
                    let back = (i64::from(weekday(p.year, p.month?, p.day?)) + 6) % 7;
                    shift_days(p, -back - 2)
                });
                (saturday, Precision::WeekOrMonth)
            }
            Rel::Month(n) => (p.and_then(|p| shift_months(p, i32::from(n))), Precision::WeekOrMonth),
            Rel::Year(n) => (p.and_then(|p| Date::y(p.year + i32::from(n))), Precision::Coarser),
            Rel::Lately => (p.and_then(|p| Date::ym(p.year, p.month?)), Precision::Coarser),
            // With no day before it in the sentence, the events stage reads it across sentences.
            Rel::FromDay(n) => (Some(shift_days(self.day_before(i)?, i64::from(n))?), Precision::Day),
        };
        self.push(i, last, date, precision, true);
        Some(last)
    }

    /// dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd.
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let sep = self.gap(i);
        if !matches!(sep, "/" | "-" | ".") || self.gap(i + 1) != sep {
            return None;
        }
        let (a, b, c) =
            (digit_value(self.tokens, i, 4)?, digit_value(self.tokens, i + 1, 2)?, digit_value(self.tokens, i + 2, 4)?);
        let date = if self.tokens.folded(i).len() == 4 {
            Date::ymd(a as i32, b as u8, u8::try_from(c).ok()?)
        } else if self.tokens.folded(i + 2).len() == 4 {
            Date::ymd(c as i32, b as u8, u8::try_from(a).ok()?)
        } else {
            None
        }?;
        self.push(i, i + 2, Some(date), Precision::Day, false);
        Some(i + 2)
    }

    /// A day (number at `i`, or an ordinal already read) followed by a month and maybe a year.
    fn day_month(&mut self, i: usize, ordinal: Option<(u8, usize)>) -> Option<usize> {
        let t = self.tokens;
        let (day, mut last) = match ordinal {
            Some(found) => found,
            None => {
                let d = digit_value(t, i, 2)?;
                let suffixed = self.gap(i).is_empty() && DAY_SUFFIXES.contains(&t.folded(i + 1));
                (u8::try_from(d).ok()?, if suffixed { i + 1 } else { i })
            }
        };
        if !self.close(last) {
            return None;
        }
        let mut m_at = last + 1;
        while m_at < last + 3 && word_in(t, m_at, DAY_MONTH_LINKS) && self.close(m_at) {
            m_at += 1;
        }
        if let Some((shift, n)) = self.relative_month(m_at) {
            return self.day_of_relative_month(i, m_at + n - 1, day, shift);
        }
        let (month, n) = month_at(t, m_at)?;
        if !(1..=days_in_month(2000, month)).contains(&day) {
            return None;
        }
        last = m_at + n - 1;
        self.finish_day(i, last, month, day)
    }

    /// The shift from the publication's month and the length of a relative month at token `at`.
    fn relative_month(&self, at: usize) -> Option<(i32, usize)> {
        RELATIVE_MONTHS
            .iter()
            .find_map(|&(words, shift)| self.words_at(at, words, false).then_some((shift, words.len())))
    }

    /// The folded `words` stand at token `at` on, each close to the next; the first behind an
    /// Arabic proclitic too when `clitic_first`.
    fn words_at(&self, at: usize, words: &[&str], clitic_first: bool) -> bool {
        let t = self.tokens;
        words.iter().enumerate().all(|(k, w)| {
            let word = if at + k < t.len() { t.folded(at + k) } else { return false };
            (word == *w || (k == 0 && clitic_first && eq_clitic(word, w)))
                && (k + 1 == words.len() || self.close(at + k))
        })
    }

    /// "في 9 من الشهر الماضي": day `day` of the month `shift` months from the publication's.
    fn day_of_relative_month(&mut self, first: usize, last: usize, day: u8, shift: i32) -> Option<usize> {
        let month = self.published.and_then(|p| shift_months(p, shift));
        let date = month.and_then(|m| Date::ymd(m.year, m.month?, day));
        if month.is_some() && date.is_none() {
            return None;
        }
        self.push(first, last, date, Precision::Day, true);
        Some(last)
    }

    /// A date of day and month right after token `i` (a comma or "le" may stand between).
    fn dated_next(&self, i: usize) -> bool {
        let t = self.tokens;
        let mut at = i + 1;
        if self.close(i) && matches!(t.folded(at), "le" | "the" | "يوم") {
            at += 1;
        }
        let day_then_month = digit_value(t, at, 2).is_some()
            && (at + 1..at + 4).any(|m| month_at(t, m).is_some() && (at..m).all(|k| self.close(k)));
        let month_then_day =
            month_at(t, at).is_some_and(|(_, n)| self.close(at + n - 1) && digit_value(t, at + n, 2).is_some());
        self.close(at - 1) && (day_then_month || month_then_day)
    }

    /// Two days of one month: "يومي 21 و22 سبتمبر", "du 21 au 22 juin"; dated by the first.
    fn day_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tokens;
        let first_day = u8::try_from(digit_value(t, i, 2)?).ok()?;
        let (link, second) =
            if self.close(i) && word_in(t, i + 1, RANGE_LINKS) { (i + 1, i + 2) } else { return None };
        if !self.close(link) || digit_value(t, second, 2).is_none() || !self.close(second) {
            return None;
        }
        let mut m_at = second + 1;
        while m_at < second + 3 && word_in(t, m_at, DAY_MONTH_LINKS) && self.close(m_at) {
            m_at += 1;
        }
        let (month, n) = month_at(t, m_at)?;
        if !(1..=days_in_month(2000, month)).contains(&first_day) {
            return None;
        }
        self.finish_day(i, m_at + n - 1, month, first_day)
    }

    /// After "day month" or "month day": an optional year, then resolve.
    fn finish_day(&mut self, first: usize, mut last: usize, month: u8, day: u8) -> Option<usize> {
        let year = if self.close(last) { year_at(self.tokens, last + 1) } else { None };
        let date = match (year, self.published) {
            (Some(y), _) => {
                last += 1;
                Date::ymd(y, month, day)
            }
            (None, Some(p)) => Date::ymd(guess_year(p, month, Some(day)), month, day),
            (None, None) => None,
        };
        self.push(first, last, date, Precision::Day, false);
        Some(last)
    }

    /// "السادس من سبتمبر", "الحادي والعشرين من أكتوبر", "le premier octobre".
    fn ordinal(&mut self, i: usize, unit: u8) -> Option<usize> {
        let t = self.tokens;
        let (mut day, mut last) = (unit, i);
        if unit < 10 && self.close(i) {
            if let Some(&(_, tens)) = ORDINAL_TENS.iter().find(|(w, _)| *w == t.folded(i + 1)) {
                day += tens;
                last = i + 1;
            }
        }
        self.day_month(i, Some((day, last)))
    }

    /// "يوم السبت", "الجمعة الماضية", "mardi soir", "last Tuesday", "nuit de lundi à mardi".
    /// "المصابين الاثنين" is "the two wounded", not Monday: الاثنين right after a definite noun
    /// in the oblique plural or dual (-ين) agrees with it as a numeral.
    fn dual_numeral(&self, i: usize) -> bool {
        let t = self.tokens;
        if i == 0 || !self.close(i - 1) || !matches!(t.folded(i), "الاثنين" | "الاثنتين") {
            return false;
        }
        let previous = t.folded(i - 1);
        previous.starts_with("ال") && previous.ends_with("ين") && !word_in(t, i - 1, DAY_PARTS_BEFORE)
    }

    fn weekday(&mut self, i: usize, wd: u8) -> Option<usize> {
        let t = self.tokens;
        let mut first = i;
        let mut last = i;
        let mut direction = 0i8;
        if i > 0 && self.close(i - 1) && word_in(t, i - 1, DAY_PARTS_BEFORE) {
            first = i - 1;
        } else if i > 1 && matches!(t.folded(i - 1), "de" | "du") && t.folded(i - 2) == "nuit" && self.close(i - 2) {
            first = i - 2;
        }
        if i > 0 && self.close(i - 1) && matches!(t.folded(i - 1), "last" | "next") {
            first = i - 1;
            direction = if t.folded(i - 1) == "last" { -1 } else { 1 };
        }
        if self.close(last) && word_in(t, last + 1, DAY_PARTS_AFTER) {
            last += 1;
        }
        if self.close(last) && word_in(t, last + 1, PAST_AFTER) {
            last += 1;
            direction = -1;
        } else if self.close(last) && word_in(t, last + 1, NEXT_AFTER) {
            last += 1;
            direction = 1;
        }
        if self.close(last)
            && word_in(t, last + 1, NIGHT_LINKS)
            && self.close(last + 1)
            && matches!(lookup(t, last + 2), Some(Word::Weekday(_)))
        {
            last += 2;
        }
        let date = self.published.and_then(|p| {
            let pw = i64::from(weekday(p.year, p.month?, p.day?));
            let w = i64::from(wd);
            let offset = match direction {
                1 => match (w - pw).rem_euclid(7) {
                    0 => 7,
                    d => d,
                },
                -1 => -match (pw - w).rem_euclid(7) {
                    0 => 7,
                    d => d,
                },
                _ => -(pw - w).rem_euclid(7),
            };
            shift_days(p, offset)
        });
        // Published in a known month, day unknown: a past weekday falls in that month (most
        // often), so the month is what the text dates, at month precision.
        let month_only = self.published.filter(|p| p.month.is_some() && p.day.is_none() && direction <= 0);
        match (date, month_only) {
            (None, Some(month)) => self.push(first, last, Some(month), Precision::WeekOrMonth, true),
            _ => self.push(first, last, date, Precision::Day, true),
        }
        Some(last)
    }

    /// A month word: "September 6, 2025", "سبتمبر 2025", "في سبتمبر", "سبتمبر الماضي", "fin septembre".
    fn month(&mut self, i: usize) -> Option<usize> {
        let t = self.tokens;
        let (month, n) = month_at(t, i)?;
        let mut last = i + n - 1;
        // "September 6", "Sept. 6, 2025".
        if self.close(last) && year_at(t, last + 1).is_none() {
            if let Some(day) = digit_value(t, last + 1, 2).and_then(|d| u8::try_from(d).ok()) {
                let not_time = !matches!(self.gap(last + 1), ":" | "h" | "/");
                if (1..=days_in_month(2000, month)).contains(&day) && not_time {
                    let suffixed = self.gap(last + 1).is_empty() && DAY_SUFFIXES.contains(&t.folded(last + 2));
                    let day_last = if suffixed { last + 2 } else { last + 1 };
                    return self.finish_day(i, day_last, month, day);
                }
            }
        }
        let qualified = i > 0 && self.close(i - 1) && word_in(t, i - 1, MONTH_QUALIFIERS);
        let first = if qualified { i - 1 } else { i };
        if self.close(last) {
            if let Some(y) = year_at(t, last + 1) {
                self.push(first, last + 1, Date::ym(y, month), Precision::WeekOrMonth, false);
                return Some(last + 1);
            }
        }
        let before = i > 0 && self.close(i - 1) && word_in(t, i - 1, MONTH_CONTEXT_BEFORE);
        let mut direction = match t.folded(i.saturating_sub(1)) {
            "last" if i > 0 => -1i8,
            "next" if i > 0 => 1,
            _ => 0,
        };
        let after = self.close(last)
            && (word_in(t, last + 1, PAST_AFTER)
                || word_in(t, last + 1, NEXT_AFTER)
                || word_in(t, last + 1, CURRENT_AFTER));
        if !before && !after {
            return None;
        }
        if after {
            last += 1;
            if word_in(t, last, PAST_AFTER) {
                direction = -1;
            } else if word_in(t, last, NEXT_AFTER) {
                direction = 1;
            }
        }
        let date = self.published.and_then(|p| {
            let pm = p.month?;
            let year = match direction {
                -1 if month < pm => p.year,
                -1 => p.year - 1,
                1 if month > pm => p.year,
                1 => p.year + 1,
                _ => guess_year(p, month, None),
            };
            Date::ym(year, month)
        });
        self.push(first, last, date, Precision::WeekOrMonth, direction != 0 || after);
        Some(last)
    }

    /// "عام 2012", "en 2012", "since 2012", "منذ 2012".
    fn year(&mut self, i: usize) -> Option<usize> {
        let y = year_at(self.tokens, i)?;
        if i == 0 || !self.close(i - 1) || !word_in(self.tokens, i - 1, YEAR_WORDS) {
            return None;
        }
        self.push(i - 1, i, Date::y(y), Precision::Coarser, false);
        if let Some(m) = self.out.last_mut() {
            m.background |= (1..=5).any(|b| i >= b && word_in(self.tokens, i - b, SINCE_WORDS));
        }
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert!(is_leap(2024) && !is_leap(2025) && !is_leap(1900) && is_leap(2000));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(weekday(2025, 9, 10), 3);
        assert_eq!(weekday(2000, 1, 1), 6);
        assert_eq!(from_days(to_days(2024, 2, 29) + 1), (2024, 3, 1));
        assert_eq!(to_days(1970, 1, 1), 0);
        assert_eq!(Date::parse_iso("2025-09-10T08:00:00Z").map(|d| d.to_iso()), Some("2025-09-10".into()));
        assert_eq!(Date::parse_iso("2025-02-30"), None);
        assert_eq!(Date::ym(2025, 9).map(|d| d.to_iso()), Some("2025-09".into()));
    }

    #[test]
    fn date_tables_are_folded() {
        for &(w, _) in MONTHS.iter().chain(WEEKDAYS).chain(ORDINALS) {
            assert_eq!(crate::fold::fold_str(w), w);
        }
        for (words, _) in RELATIVE_MONTHS {
            for w in words.iter() {
                assert_eq!(crate::fold::fold_str(w), *w);
            }
        }
        for (words, _) in PHRASES {
            for w in words.iter() {
                assert_eq!(crate::fold::fold_str(w), *w);
            }
        }
    }
}
