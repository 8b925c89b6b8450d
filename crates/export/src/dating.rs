//! An event's stored date as ACLED's `event_date` and `time_precision`.
//!
//! The store keeps what the text says: a day (`YYYY-MM-DD`, marsad precision 1), a week (the
//! Monday that starts it, precision 2), a month (`YYYY-MM`, precision 2, or 3 for "for weeks",
//! "lately"), a year (`YYYY`, precision 3) or nothing. ACLED's codebook ("Time precision codes")
//! wants a day on every row: the actual date with code 1; for a week "the middle of the period"
//! with code 2; for a month "the month midpoint" with code 3; and "ACLED does not include events
//! with less temporal information". So a week becomes its Thursday (the middle of a Monday to
//! Sunday week; the codebook allows Wednesday or Thursday), a month its 15th, and an event known
//! only to the year, or not dated at all, gets no ACLED date: the exports leave it out and count
//! it. A middle day after the event's first report is replaced by that report's date: an event
//! cannot happen after it was reported.

use marsad_text::dates::Date;

/// ACLED's date of an event: a day and how exactly the sources date it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcledDate {
    /// The day coded (`event_date`).
    pub day: Date,
    /// ACLED's `time_precision`: 1 the day, 2 the week, 3 the month.
    pub precision: u8,
    /// The text gave no usable date: this is the day of the first report ([`Undated::FirstReport`]).
    pub from_first_report: bool,
}

/// What to do with an event the text dates less precisely than a month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Undated {
    /// Leave it out, as ACLED does ("ACLED does not include events with less temporal information").
    #[default]
    LeaveOut,
    /// Code it to the day of its first report with precision 3 (it happened before that day,
    /// most often in the days before), tagged so it can be filtered: an analyst's opt-in for
    /// coverage. A year-only date keeps its event only when the first report is in that year.
    FirstReport,
}

/// Why an event has no ACLED date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Undatable {
    /// No date at all.
    NoDate,
    /// Only the year is known, less than ACLED records.
    YearOnly,
    /// The stored date is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    Unreadable,
}

impl Undatable {
    /// How the exports name the reason on standard error.
    pub fn describe(self) -> &'static str {
        match self {
            Undatable::NoDate => "no date",
            Undatable::YearOnly => "dated only to a year",
            Undatable::Unreadable => "an unreadable stored date",
        }
    }
}

impl AcledDate {
    /// The `event_date` column: `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        self.day.to_iso()
    }

    /// The `year` column.
    pub fn year(&self) -> i32 {
        self.day.year
    }
}

/// ACLED's date for a stored date and marsad precision (1 day, 2 week or month, 3 coarser),
/// never after `first_report` (the earliest publication day of the event's sources), when known.
pub fn acled_date(date: Option<&str>, precision: u8, first_report: Option<Date>) -> Result<AcledDate, Undatable> {
    let text = date.map(str::trim).filter(|t| !t.is_empty()).ok_or(Undatable::NoDate)?;
    let date = Date::parse_iso(text).filter(|_| matches!(text.len(), 4 | 7 | 10)).ok_or(Undatable::Unreadable)?;
    let (day, precision) = match (date.month, date.day) {
        (Some(_), Some(_)) if precision <= 1 => {
            return Ok(AcledDate { day: date, precision: 1, from_first_report: false })
        }
        (Some(_), Some(_)) if precision == 2 => (middle_of_week(date), 2),
        (Some(month), _) => (Date::ymd(date.year, month, 15).ok_or(Undatable::Unreadable)?, 3),
        (None, _) => return Err(Undatable::YearOnly),
    };
    let day = match first_report.filter(|r| r.day.is_some() && r.first_day() < day.first_day()) {
        Some(report) => report,
        None => day,
    };
    Ok(AcledDate { day, precision, from_first_report: false })
}

/// [`acled_date`], with an undated or year-only event coded to its first report when `undated`
/// says so and that report has a day (in the stored year, for a year-only date).
pub fn acled_date_or(
    date: Option<&str>,
    precision: u8,
    first_report: Option<Date>,
    undated: Undated,
) -> Result<AcledDate, Undatable> {
    let coded = acled_date(date, precision, first_report);
    let report = first_report.filter(|r| r.day.is_some());
    match (coded, undated, report) {
        (Err(Undatable::NoDate), Undated::FirstReport, Some(day)) => {
            Ok(AcledDate { day, precision: 3, from_first_report: true })
        }
        (Err(Undatable::YearOnly), Undated::FirstReport, Some(day))
            if date.and_then(|d| Date::parse_iso(d.trim())).is_some_and(|d| d.year == day.year) =>
        {
            Ok(AcledDate { day, precision: 3, from_first_report: true })
        }
        (coded, _, _) => coded,
    }
}

/// The Thursday of the Monday-to-Sunday week that holds `day`.
fn middle_of_week(day: Date) -> Date {
    let number = day.first_day();
    let from_monday = (number + 3).rem_euclid(7); // day 0, 1970-01-01, was a Thursday
    Date::from_day_number(number - from_monday + 3).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).expect("a test date")
    }

    fn coded(stored: Option<&str>, precision: u8) -> Result<(String, u8), Undatable> {
        acled_date(stored, precision, None).map(|d| (d.iso(), d.precision))
    }

    #[test]
    fn a_known_day_is_kept_with_precision_1() {
        assert_eq!(coded(Some("2025-09-06"), 1), Ok(("2025-09-06".into(), 1)));
    }

    #[test]
    fn a_week_is_coded_to_its_middle_with_precision_2() {
        // 2025-09-01 is a Monday (what the date reader stores for "last week"): its Thursday is the 4th.
        assert_eq!(coded(Some("2025-09-01"), 2), Ok(("2025-09-04".into(), 2)));
        // Any day of that week gives the same Thursday; a Sunday belongs to the week before it.
        assert_eq!(coded(Some("2025-09-03"), 2), Ok(("2025-09-04".into(), 2)));
        assert_eq!(coded(Some("2025-09-07"), 2), Ok(("2025-09-04".into(), 2)));
        // Across a month and a year end.
        assert_eq!(coded(Some("2025-12-29"), 2), Ok(("2026-01-01".into(), 2)));
    }

    #[test]
    fn a_month_is_coded_to_its_midpoint_with_precision_3() {
        assert_eq!(coded(Some("2025-09"), 2), Ok(("2025-09-15".into(), 3)));
        // "For weeks", "lately": the reader stores the month with precision 3; ACLED codes "in the
        // past two or three weeks" as the month midpoint too.
        assert_eq!(coded(Some("2025-02"), 3), Ok(("2025-02-15".into(), 3)));
        // A day the reader could only place in its month.
        assert_eq!(coded(Some("2025-10-20"), 3), Ok(("2025-10-15".into(), 3)));
    }

    #[test]
    fn a_middle_day_after_the_first_report_becomes_the_report_day() {
        let coded = acled_date(Some("2025-09"), 2, Some(date("2025-09-10"))).expect("dated");
        assert_eq!((coded.iso().as_str(), coded.precision), ("2025-09-10", 3));
        let week = acled_date(Some("2025-09-08"), 2, Some(date("2025-09-09"))).expect("dated");
        assert_eq!((week.iso().as_str(), week.precision), ("2025-09-09", 2));
        // A report after the middle changes nothing; nor does a known day.
        assert_eq!(acled_date(Some("2025-09"), 2, Some(date("2025-10-02"))).map(|d| d.iso()), Ok("2025-09-15".into()));
        assert_eq!(
            acled_date(Some("2025-09-20"), 1, Some(date("2025-09-10"))).map(|d| d.iso()),
            Ok("2025-09-20".into())
        );
    }

    #[test]
    fn less_than_a_month_or_nothing_gets_no_acled_date() {
        assert_eq!(coded(Some("2025"), 3), Err(Undatable::YearOnly));
        assert_eq!(coded(None, 3), Err(Undatable::NoDate));
        assert_eq!(coded(Some("  "), 1), Err(Undatable::NoDate));
    }

    #[test]
    fn an_unreadable_stored_date_is_named_not_guessed() {
        for bad in ["2025-13", "2025-02-30", "septembre", "2025-09-06T10:00", "25-09-06"] {
            assert_eq!(coded(Some(bad), 1), Err(Undatable::Unreadable), "{bad}");
        }
    }

    #[test]
    fn an_analyst_may_date_undated_events_by_their_first_report() {
        let report = Some(date("2025-09-07"));
        let coded = acled_date_or(None, 3, report, Undated::FirstReport).expect("dated");
        assert_eq!((coded.iso().as_str(), coded.precision, coded.from_first_report), ("2025-09-07", 3, true));
        let year = acled_date_or(Some("2025"), 3, report, Undated::FirstReport).expect("dated");
        assert_eq!((year.iso().as_str(), year.from_first_report), ("2025-09-07", true));
        // A year other than the report's is an old event: still left out.
        assert_eq!(acled_date_or(Some("2019"), 3, report, Undated::FirstReport), Err(Undatable::YearOnly));
        // No report day, nothing to code it to; and by default ACLED's rule holds.
        assert_eq!(acled_date_or(None, 3, None, Undated::FirstReport), Err(Undatable::NoDate));
        assert_eq!(acled_date_or(None, 3, report, Undated::LeaveOut), Err(Undatable::NoDate));
        // A dated event is coded as always.
        let dated = acled_date_or(Some("2025-09-06"), 1, report, Undated::FirstReport).expect("dated");
        assert_eq!((dated.iso().as_str(), dated.precision, dated.from_first_report), ("2025-09-06", 1, false));
    }

    #[test]
    fn the_year_column_follows_the_coded_day() {
        let coded = acled_date(Some("2025-12-29"), 2, None).expect("dated");
        assert_eq!(coded.year(), 2026);
    }
}
