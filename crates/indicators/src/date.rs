//! Calendar days, ISO weeks, months, and how precisely an event is dated.
//!
//! Days count from 1970-01-01 in the proleptic Gregorian calendar (the conversions are Howard
//! Hinnant's `days_from_civil` / `civil_from_days`). Years are limited to 1..=9999, so no
//! arithmetic here can overflow.

use std::fmt;

/// A problem with a date given to this crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text or value that is wrong.
    pub value: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "date `{}`: {}", self.value, self.reason)
    }
}

impl std::error::Error for DateError {}

const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    /// The day of this year, month (1..=12) and day of month, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// Parse `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Day, DateError> {
        let error = |reason| DateError { value: text.to_string(), reason };
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(error("not YYYY-MM-DD"));
        };
        let (year, month, day) = (number(y, 4), number(m, 2), number(d, 2));
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Day::from_ymd(y as i32, m, d).ok_or_else(|| error("no such day")),
            _ => Err(error("not YYYY-MM-DD")),
        }
    }

    /// Year, month, day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// The day `days` later (earlier when negative), kept within years 1..=9999.
    pub fn plus(self, days: i32) -> Day {
        let min = days_from_civil(MIN_YEAR, 1, 1);
        let max = days_from_civil(MAX_YEAR, 12, 31);
        Day(self.0.saturating_add(days).clamp(min, max))
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i32 {
        later.0 - self.0
    }

    /// Day of the week, Monday = 0 ... Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3 with Monday = 0).
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The ISO 8601 week that holds this day.
    pub fn iso_week(self) -> IsoWeek {
        let thursday = self.plus(3 - self.weekday() as i32);
        let (year, _, _) = thursday.ymd();
        let first = days_from_civil(year, 1, 1);
        IsoWeek { year, week: ((thursday.0 - first) / 7 + 1) as u32 }
    }

    /// The calendar month that holds this day.
    pub fn month(self) -> Month {
        let (year, month, _) = self.ymd();
        Month { year, month }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The week, if that year has it (years 1..=9999).
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        Day::from_ymd(year, 1, 4)?;
        let candidate = IsoWeek { year, week };
        ((1..=53).contains(&week) && candidate.monday().plus(3).iso_week() == candidate).then_some(candidate)
    }

    /// ISO week-numbering year (may differ from the calendar year near 1 January).
    pub fn year(self) -> i32 {
        self.year
    }

    /// Week number, 1..=53.
    pub fn week(self) -> u32 {
        self.week
    }

    /// Its Monday.
    pub fn monday(self) -> Day {
        let jan4 = Day(days_from_civil(self.year, 1, 4));
        jan4.plus(-(jan4.weekday() as i32) + 7 * (self.week as i32 - 1))
    }

    /// Its Sunday.
    pub fn sunday(self) -> Day {
        self.monday().plus(6)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month, if it exists (years 1..=9999).
    pub fn new(year: i32, month: u32) -> Option<Month> {
        Day::from_ymd(year, month, 1).map(|_| Month { year, month })
    }

    /// Its year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Its number, 1..=12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Its first day.
    pub fn first_day(self) -> Day {
        Day(days_from_civil(self.year, self.month, 1))
    }

    /// Its last day.
    pub fn last_day(self) -> Day {
        Day(days_from_civil(self.year, self.month, days_in_month(self.year, self.month)))
    }

    /// The month before.
    pub fn previous(self) -> Month {
        self.first_day().plus(-1).month()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// When an event happened, as precisely as its sources say (ACLED's `time_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dating {
    /// The day is known (time precision 1).
    Day(Day),
    /// Known to the week; the day is the coded one and places the event in its ISO week
    /// (time precision 2).
    Week(Day),
    /// Only the month is known (time precision 3).
    Month(Month),
    /// Only the year is known.
    Year(i32),
    /// No date at all.
    Undated,
}

impl Dating {
    /// From a stored date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or none) and ACLED's time precision
    /// (1 day, 2 week, 3 month or vaguer).
    pub fn from_acled(date: Option<&str>, time_precision: u8) -> Result<Dating, DateError> {
        let Some(text) = date.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(Dating::Undated);
        };
        let error = |reason| DateError { value: text.to_string(), reason };
        match text.len() {
            10 => {
                let day = Day::parse(text)?;
                Ok(match time_precision {
                    1 => Dating::Day(day),
                    2 => Dating::Week(day),
                    3 => Dating::Month(day.month()),
                    _ => return Err(error("time precision must be 1, 2 or 3")),
                })
            }
            7 => {
                let (y, m) = text.split_once('-').ok_or_else(|| error("not YYYY-MM"))?;
                match (number(y, 4), number(m, 2)) {
                    (Some(y), Some(m)) => {
                        Month::new(y as i32, m).map(Dating::Month).ok_or_else(|| error("no such month"))
                    }
                    _ => Err(error("not YYYY-MM")),
                }
            }
            4 => match number(text, 4) {
                Some(y) if (MIN_YEAR..=MAX_YEAR).contains(&(y as i32)) => Ok(Dating::Year(y as i32)),
                _ => Err(error("not a year")),
            },
            _ => Err(error("not YYYY-MM-DD, YYYY-MM or YYYY")),
        }
    }

    /// The day that places the event in a week, when it is known to the day or the week.
    pub fn day_or_week(self) -> Option<Day> {
        match self {
            Dating::Day(day) | Dating::Week(day) => Some(day),
            _ => None,
        }
    }

    /// Every day the event may have happened on, first and last; `None` when undated.
    pub fn interval(self) -> Option<(Day, Day)> {
        match self {
            Dating::Day(day) | Dating::Week(day) => Some((day, day)),
            Dating::Month(month) => Some((month.first_day(), month.last_day())),
            Dating::Year(year) => {
                let year = year.clamp(MIN_YEAR, MAX_YEAR);
                Some((Day(days_from_civil(year, 1, 1)), Day(days_from_civil(year, 12, 31))))
            }
            Dating::Undated => None,
        }
    }
}

/// A number of exactly `digits` ASCII digits.
fn number(text: &str, digits: usize) -> Option<u32> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid civil date (Hinnant).
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count (Hinnant).
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(feature = "serde")]
mod serde_impls {
    use super::{Day, IsoWeek, Month};

    macro_rules! as_text {
        ($($t:ty),*) => {$(
            impl serde::Serialize for $t {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_str(self)
                }
            }
        )*};
    }
    as_text!(Day, IsoWeek, Month);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).expect("valid day")
    }

    #[test]
    fn days_round_trip_and_count_from_1970() {
        assert_eq!(day("1970-01-01").days_since_epoch(), 0);
        assert_eq!(day("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(day("2024-02-29").to_string(), "2024-02-29");
        assert!(Day::parse("2023-02-29").is_err());
        assert!(Day::parse("2023-2-28").is_err());
        assert!(Day::parse("20230228").is_err());
    }

    /// Week numbers from the ISO 8601 examples: 2005-01-01 is in 2004-W53, 2008-12-29 in
    /// 2009-W01, 2010-01-03 in 2009-W53.
    #[test]
    fn iso_weeks_cross_year_ends() {
        assert_eq!(day("2005-01-01").iso_week(), IsoWeek::new(2004, 53).expect("week"));
        assert_eq!(day("2008-12-29").iso_week(), IsoWeek::new(2009, 1).expect("week"));
        assert_eq!(day("2010-01-03").iso_week(), IsoWeek::new(2009, 53).expect("week"));
        assert_eq!(IsoWeek::new(2010, 53), None);
        assert_eq!(IsoWeek::new(2009, 1).map(IsoWeek::monday), Some(day("2008-12-29")));
        assert_eq!(day("2025-09-03").iso_week().monday().to_string(), "2025-09-01");
        assert_eq!(day("2025-09-07").weekday(), 6);
    }

    #[test]
    fn acled_dates_become_typed_datings() {
        assert_eq!(Dating::from_acled(Some("2025-09-14"), 1), Ok(Dating::Day(day("2025-09-14"))));
        assert_eq!(Dating::from_acled(Some("2025-09-14"), 2), Ok(Dating::Week(day("2025-09-14"))));
        assert_eq!(Dating::from_acled(Some("2025-09"), 3), Ok(Dating::Month(Month::new(2025, 9).expect("month"))));
        assert_eq!(Dating::from_acled(Some("2025"), 3), Ok(Dating::Year(2025)));
        assert_eq!(Dating::from_acled(None, 1), Ok(Dating::Undated));
        assert!(Dating::from_acled(Some("2025-13"), 3).is_err());
        assert!(Dating::from_acled(Some("2025-09-14"), 4).is_err());
        let month = Dating::Month(Month::new(2024, 2).expect("month"));
        assert_eq!(month.interval(), Some((day("2024-02-01"), day("2024-02-29"))));
    }
}
