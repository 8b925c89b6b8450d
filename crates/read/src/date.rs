//! Publication dates as written by inputs → "YYYY-MM-DD" (or "YYYY-MM" when only the month
//! is given), or nothing (never guessed).

/// Normalises an ISO 8601 date or date-time ("2024-03-05", "2024-03-05T10:00:00+03:00",
/// "2024-03-05 10:00") or an RFC 822/2822 date as used by RSS ("Tue, 05 Mar 2024 10:00:00
/// GMT") to "YYYY-MM-DD". The calendar date is kept as written, not converted to UTC: it is
/// the date in the publisher's own time zone. Returns `None` for anything else.
pub(crate) fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some((y, m)) = iso_month(raw) {
        return Some(format!("{y:04}-{m:02}"));
    }
    iso_date(raw).or_else(|| rfc822_date(raw)).map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// Exactly "YYYY-MM": a page that shows only the month of publication.
fn iso_month(raw: &str) -> Option<(u32, u32)> {
    let bytes = raw.as_bytes();
    if bytes.len() != 7 || bytes[4] != b'-' {
        return None;
    }
    let (year, month) = (digits(&bytes[0..4])?, digits(&bytes[5..7])?);
    valid(year, month, 1).map(|(y, m, _)| (y, m))
}

/// "YYYY-MM-DD" optionally followed by 'T' or ' ' and a time (anything after is accepted as
/// the time part once the date itself is valid).
fn iso_date(raw: &str) -> Option<(u32, u32, u32)> {
    let bytes = raw.as_bytes();
    let date = bytes.get(..10)?;
    if date.get(4) != Some(&b'-') || date.get(7) != Some(&b'-') {
        return None;
    }
    match bytes.get(10) {
        None | Some(b'T' | b't' | b' ') => {}
        Some(_) => return None,
    }
    let year = digits(date.get(0..4)?)?;
    let month = digits(date.get(5..7)?)?;
    let day = digits(date.get(8..10)?)?;
    valid(year, month, day)
}

/// "[Day, ]DD Mon YYYY[ HH:MM[:SS] zone]" with English month abbreviations (or full names).
fn rfc822_date(raw: &str) -> Option<(u32, u32, u32)> {
    let rest = match raw.split_once(',') {
        Some((_, rest)) => rest,
        None => raw,
    };
    let mut parts = rest.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = month_number(parts.next()?)?;
    let year_text = parts.next()?;
    let mut year: u32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    } else if year_text.len() != 4 {
        return None;
    }
    valid(year, month, day)
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    u32::try_from(index + 1).ok()
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(bytes).ok()?.parse().ok()
}

fn valid(year: u32, month: u32, day: u32) -> Option<(u32, u32, u32)> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1000 && (1..=days).contains(&day)).then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn a_month_alone_is_kept_as_a_month() {
        assert_eq!(normalize_date("2025-06").as_deref(), Some("2025-06"));
        assert_eq!(normalize_date("2025-13"), None);
        assert_eq!(normalize_date("2025-6"), None);
    }

    #[test]
    fn iso_forms() {
        assert_eq!(normalize_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(normalize_date(" 2024-03-05T23:30:00+03:00 ").as_deref(), Some("2024-03-05"));
        assert_eq!(normalize_date("2024-03-05T10:00:00.123Z").as_deref(), Some("2024-03-05"));
        assert_eq!(normalize_date("2024-03-05 10:00").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn rfc822_forms() {
        assert_eq!(normalize_date("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(), Some("2024-03-05"));
        assert_eq!(normalize_date("5 March 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(normalize_date("Sat, 1 Jan 99 00:00 +0000").as_deref(), Some("1999-01-01"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for raw in ["", "yesterday", "2024-02-30", "2024-13-01", "2024/03/05", "20240305", "2024-03-05x", "٢٠٢٤-٠٣-٠٥"]
        {
            assert_eq!(normalize_date(raw), None, "{raw:?}");
        }
    }
}
