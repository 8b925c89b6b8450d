//! The API's one vocabulary of query parameters (`q`, `since`, `until`, `type`, `actor`,
//! `place`, `near`, `km`, `lang`, `outlet`, `limit`, `cursor`), parsed strictly in one place:
//! a route lists the names it takes, anything else is refused, and every value is checked
//! against the knowledge base before it reaches the store.

use marsad_kb::KnowledgeBase;
use marsad_store::queries::{DocumentCursor, DocumentFilter, EventCursor};
use marsad_store::EventFilter;
use marsad_text::dates::Date;

use crate::error::ApiError;

/// The filters every event route takes.
pub const EVENT_FILTERS: &[&str] = &["q", "since", "until", "type", "actor", "place", "near", "km", "lang", "outlet"];

/// Page size when none is given.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page.
pub const MAX_LIMIT: usize = 500;
/// Radius of `near` when `km` is not given.
pub const DEFAULT_KM: f64 = 50.0;
/// Largest radius.
pub const MAX_KM: f64 = 2000.0;
/// Longest free-text value accepted (query words, outlet names), in code points.
const MAX_TEXT: usize = 500;

/// The characters a value may not consist of alone (the OpenAPI document's `[^ \t\n\r\f\v]`:
/// values are taken exactly as sent, never trimmed, so that server and document agree).
const BLANK: [char; 6] = [' ', '\t', '\n', '\r', '\x0b', '\x0c'];

/// A request's query parameters, decoded and checked against the names its route takes.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// Strict percent-decoding (`+` is a space); an invalid escape or invalid UTF-8 is refused
/// with a message naming `what`.
fn decode(raw: &str, what: &str) -> Result<String, String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                let Some(byte) = hex else {
                    // Three chars, not bytes: a non-ASCII char after `%` must not be cut.
                    return Err(format!(
                        "{what} has a malformed percent escape near `{}`",
                        raw[i..].chars().take(3).collect::<String>()
                    ));
                };
                out.push(byte);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("{what} is not valid UTF-8 once percent-decoded"))
}

impl Params {
    /// Decode `raw` (the part after `?`), refusing names not in `allowed`, repeated names,
    /// values without a name and blank values (a parameter is given with a value, or not at
    /// all).
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for piece in raw.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            let name = decode(name, "a parameter name")
                .map_err(|message| ApiError::InvalidParameter { parameter: String::new(), message })?;
            if name.is_empty() {
                return Err(ApiError::UnknownParameter {
                    parameter: String::new(),
                    message: format!("a value without a parameter name (`{}`): give `name=value`", shorten(piece)),
                });
            }
            let value = decode(value, &format!("`{name}`")).map_err(|message| ApiError::invalid(&name, message))?;
            if !allowed.contains(&name.as_str()) {
                let message = if allowed.is_empty() {
                    format!("unknown parameter `{name}`: this route takes none")
                } else {
                    format!(
                        "unknown parameter `{name}`: this route takes {}",
                        allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                    )
                };
                return Err(ApiError::UnknownParameter { parameter: name, message });
            }
            if pairs.iter().any(|(n, _)| *n == name) {
                return Err(ApiError::UnknownParameter {
                    message: format!("parameter `{name}` is given twice"),
                    parameter: name,
                });
            }
            if value.chars().all(|c| BLANK.contains(&c)) {
                return Err(ApiError::invalid(&name, format!("`{name}` is blank: give it a value or leave it out")));
            }
            pairs.push((name, value));
        }
        Ok(Params { pairs })
    }

    /// The value of `name` (never blank), as sent, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// A free-text value, bounded in length.
    pub fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            Some(v) if v.chars().count() > MAX_TEXT => {
                Err(ApiError::invalid(name, format!("`{name}` is longer than {MAX_TEXT} characters")))
            }
            other => Ok(other.map(str::to_string)),
        }
    }

    /// A day `YYYY-MM-DD`.
    pub fn day(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(value) = self.get(name) else { return Ok(None) };
        let valid = value.len() == 10 && Date::parse_iso(value).is_some_and(|d| d.day.is_some());
        if !valid {
            return Err(ApiError::invalid(name, format!("`{name}` must be a date YYYY-MM-DD, got `{value}`")));
        }
        Ok(Some(value.to_string()))
    }

    /// `since` and `until` (an `until` before `since` is an empty range: it matches nothing).
    pub fn range(&self) -> Result<(Option<String>, Option<String>), ApiError> {
        Ok((self.day("since")?, self.day("until")?))
    }

    /// `limit`: 1 to [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when absent.
    pub fn limit(&self) -> Result<usize, ApiError> {
        self.bounded_limit(DEFAULT_LIMIT, MAX_LIMIT)
    }

    /// `limit` with its own default and maximum.
    pub fn bounded_limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get("limit") {
            None => Ok(default),
            Some(value) => match value.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) && value.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
                _ => Err(ApiError::invalid(
                    "limit",
                    format!("`limit` must be a whole number from 1 to {max}, got `{value}`"),
                )),
            },
        }
    }

    /// A language code.
    pub fn lang(&self) -> Result<Option<String>, ApiError> {
        let Some(value) = self.get("lang") else { return Ok(None) };
        if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(ApiError::invalid(
                "lang",
                format!("`lang` must be a two-letter language code such as ar, fr or en, got `{value}`"),
            ));
        }
        Ok(Some(value.to_string()))
    }

    /// The store filter these parameters mean (everything but `q`, which the caller turns into
    /// documents through the search index).
    pub fn event_filter(&self, kb: &KnowledgeBase) -> Result<EventFilter, ApiError> {
        let (from, to) = self.range()?;
        let event_type = match self.get("type") {
            None => None,
            Some(value) => {
                let types = kb.taxonomy.event_types();
                let Some(found) = types.iter().find(|t| **t == value) else {
                    return Err(ApiError::invalid(
                        "type",
                        format!("unknown event type `{value}`: one of {}", types.join(", ")),
                    ));
                };
                Some(found.to_string())
            }
        };
        let actor = match self.get("actor") {
            None => None,
            Some(id) if kb.actor_index(id).is_some() => Some(id.to_string()),
            Some(id) => {
                return Err(ApiError::NotFound(format!(
                    "`actor`: no actor `{}` in the knowledge base (see /api/entities?kind=actor)",
                    shorten(id)
                )))
            }
        };
        let places = self.places(kb)?;
        Ok(EventFilter {
            from,
            to,
            event_type,
            actor,
            places,
            lang: self.lang()?,
            outlet: self.text("outlet")?,
            ..EventFilter::default()
        })
    }

    /// The places `place` and `near` (within `km`) leave: `place` alone, the places within `km`
    /// of `near`, or `place` if it lies within `km` of `near` (and none otherwise).
    fn places(&self, kb: &KnowledgeBase) -> Result<Option<Vec<String>>, ApiError> {
        let place = match self.get("place") {
            None => None,
            Some(id) if kb.place_index(id).is_some() => Some(id.to_string()),
            Some(id) => {
                return Err(ApiError::NotFound(format!(
                    "`place`: no place `{}` in the knowledge base (see /api/entities?kind=place)",
                    shorten(id)
                )))
            }
        };
        // `km` is checked even alone, where it means nothing.
        let km = self.km()?;
        let Some(near) = self.get("near") else { return Ok(place.map(|id| vec![id])) };
        let within = marsad_ingest::merge::places_within(kb, centre(kb, near)?, km);
        Ok(Some(match place {
            Some(id) => within.into_iter().filter(|p| *p == id).collect(),
            None => within,
        }))
    }

    /// `km`: above 0, at most [`MAX_KM`].
    fn km(&self) -> Result<f64, ApiError> {
        let Some(value) = self.get("km") else { return Ok(DEFAULT_KM) };
        let numeric = is_number(value);
        match value.parse::<f64>() {
            Ok(km) if numeric && km.is_finite() && km > 0.0 && km <= MAX_KM => Ok(km),
            _ => Err(ApiError::invalid(
                "km",
                format!("`km` must be a distance above 0 and at most {MAX_KM}, got `{value}`"),
            )),
        }
    }

    /// The document filter these parameters mean.
    pub fn document_filter(&self) -> Result<DocumentFilter, ApiError> {
        let (since, until) = self.range()?;
        Ok(DocumentFilter { since, until, lang: self.lang()?, outlet: self.text("outlet")? })
    }

    /// The events cursor, if any.
    pub fn event_cursor(&self) -> Result<Option<EventCursor>, ApiError> {
        let Some((id, key)) = self.cursor('e')? else { return Ok(None) };
        Ok(Some(EventCursor { date: key, id }))
    }

    /// The documents cursor, if any.
    pub fn document_cursor(&self) -> Result<Option<DocumentCursor>, ApiError> {
        let Some((id, key)) = self.cursor('d')? else { return Ok(None) };
        Ok(Some(DocumentCursor { published: key, id }))
    }

    /// The entities cursor, if any: the (kind, id) of the last entity of the previous page.
    pub fn entity_cursor(&self) -> Result<Option<(String, String)>, ApiError> {
        let Some(value) = self.get("cursor") else { return Ok(None) };
        let Some((_, key)) = self.raw_cursor(value, 'n')? else { return Ok(None) };
        key.split_once(':').map(|(k, i)| (k.to_string(), i.to_string())).map(Some).ok_or_else(bad_cursor)
    }

    /// A cursor of `kind` whose key is a date (events, documents).
    fn cursor(&self, kind: char) -> Result<Option<(i64, Option<String>)>, ApiError> {
        let Some(value) = self.get("cursor") else { return Ok(None) };
        let Some((id, key)) = self.raw_cursor(value, kind)? else { return Ok(None) };
        // A sort key is compared, never interpreted: its shape is all that is checked.
        let key = match key.as_str() {
            "" => None,
            k if is_date_key(k) => Some(key),
            _ => return Err(bad_cursor()),
        };
        Ok(Some((id, key)))
    }

    /// A cursor of `kind`: `kind` + hex of `id` `~` key.
    fn raw_cursor(&self, value: &str, kind: char) -> Result<Option<(i64, String)>, ApiError> {
        let bad = bad_cursor;
        let hex = value.strip_prefix(kind).ok_or_else(bad)?;
        let lower_hex = hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if hex.len() % 2 != 0 || hex.len() > 200 || !lower_hex {
            return Err(bad());
        }
        let bytes: Option<Vec<u8>> =
            (0..hex.len()).step_by(2).map(|i| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect();
        let text = bytes.and_then(|b| String::from_utf8(b).ok()).ok_or_else(bad)?;
        let (id, key) = text.split_once('~').ok_or_else(bad)?;
        if !(1..=18).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let id: i64 = id.parse().map_err(|_| bad())?;
        Ok(Some((id, key.to_string())))
    }
}

fn bad_cursor() -> ApiError {
    ApiError::invalid(
        "cursor",
        "`cursor` is not one this route gave: pass the `next_cursor` of the previous page unchanged",
    )
}

/// At most 40 characters of `text`, for messages.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The cursor that resumes after a row of `kind` with this id and sort key.
pub fn cursor(kind: char, id: i64, key: Option<&str>) -> String {
    let text = format!("{id}~{}", key.unwrap_or_default());
    let mut out = String::with_capacity(1 + text.len() * 2);
    out.push(kind);
    for byte in text.bytes() {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The centre `near` names: a place id, or `lat,lon` (one space allowed after the comma).
fn centre(kb: &KnowledgeBase, near: &str) -> Result<(f64, f64), ApiError> {
    if let Some(index) = kb.place_index(near) {
        let place = &kb.places[index as usize];
        return place
            .lat
            .zip(place.lon)
            .ok_or_else(|| ApiError::invalid("near", format!("place `{near}` has no coordinates")));
    }
    let coordinates = near.split_once(',').map(|(lat, lon)| (lat, lon.strip_prefix(' ').unwrap_or(lon)));
    if let Some(centre) = coordinates.and_then(|(lat, lon)| Some((degrees(lat, 90)?, degrees(lon, 180)?))) {
        return Ok(centre);
    }
    if is_entity_id(near) {
        return Err(ApiError::NotFound(format!(
            "`near`: no place `{}` in the knowledge base (see /api/entities?kind=place)",
            shorten(near)
        )));
    }
    Err(ApiError::invalid(
        "near",
        format!(
            "`near` must be a place id or `lat,lon` with latitude in [-90, 90] and longitude in [-180, 180], got `{}`",
            shorten(near)
        ),
    ))
}

/// A decimal `-?D+(.D+)?` of magnitude at most `max`, judged on its digits as the OpenAPI
/// document's pattern judges it (a float would round 90.000000000000000001 to 90).
fn degrees(text: &str, max: u32) -> Option<f64> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let significant = whole.trim_start_matches('0');
    let value: u32 =
        if significant.is_empty() { 0 } else { significant.parse().ok().filter(|_| significant.len() <= 3)? };
    let beyond = value > max || (value == max && fraction.is_some_and(|f| f.bytes().any(|b| b != b'0')));
    if beyond {
        return None;
    }
    text.parse().ok()
}

/// A number as JSON writes one, leading zeros allowed: `-?D+(.D+)?([eE][+-]?D+)?` (what a
/// client serialising the document's `number` sends; not `inf`, `NaN`, `+5`, `.5` or `5.`).
fn is_number(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in shape (digits), the sort key of a cursor.
fn is_date_key(key: &str) -> bool {
    let parts: Vec<&str> = key.split('-').collect();
    let digits = |s: &&str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    parts.len() <= 3 && parts[0].len() == 4 && parts[1..].iter().all(|p| p.len() == 2) && parts.iter().all(digits)
}

/// A knowledge-base id in shape: `[a-z0-9]+([._-][a-z0-9]+)*`.
fn is_entity_id(text: &str) -> bool {
    text.split(['.', '_', '-'])
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_back_what_they_encode() {
        let params =
            Params::parse(Some(&format!("cursor={}", cursor('e', 42, Some("2025-09-14")))), &["cursor"]).unwrap();
        assert_eq!(params.event_cursor().unwrap(), Some(EventCursor { date: Some("2025-09-14".into()), id: 42 }));
        let undated = Params::parse(Some(&format!("cursor={}", cursor('e', 7, None))), &["cursor"]).unwrap();
        assert_eq!(undated.event_cursor().unwrap(), Some(EventCursor { date: None, id: 7 }));
        assert!(undated.document_cursor().is_err(), "an events cursor is not a documents cursor");
    }

    #[test]
    fn decoding_is_strict() {
        assert_eq!(Params::parse(Some("q=%D8%A8%D8%A7+x"), &["q"]).unwrap().get("q"), Some("با x"));
        assert!(Params::parse(Some("q=%FF"), &["q"]).is_err(), "invalid UTF-8");
        assert!(Params::parse(Some("q=%G1"), &["q"]).is_err(), "bad escape");
        assert!(Params::parse(Some("q=a&q=b"), &["q"]).is_err(), "repeated");
        assert!(Params::parse(Some("sinse=2025-01-01"), &["since"]).is_err(), "unknown");
    }

    #[test]
    fn coordinates_are_judged_on_their_digits() {
        for (text, max, expected) in [
            ("90", 90, Some(90.0)),
            ("-90.000", 90, Some(-90.0)),
            ("090", 90, Some(90.0)),
            ("12.65", 90, Some(12.65)),
            ("179.9999", 180, Some(179.9999)),
            ("90.0000000000000000001", 90, None),
            ("91", 90, None),
            ("1.", 90, None),
            (".5", 90, None),
            ("+5", 90, None),
            ("1e2", 90, None),
            ("", 90, None),
            ("0000000000090", 90, Some(90.0)),
            ("1000", 180, None),
        ] {
            assert_eq!(degrees(text, max), expected, "{text}");
        }
        for (text, number) in [
            ("5e-324", true),
            ("1E+3", true),
            ("-0.5", true),
            ("007", true),
            ("inf", false),
            ("NaN", false),
            ("+5", false),
            (".5", false),
            ("5.", false),
            ("1e", false),
            ("", false),
        ] {
            assert_eq!(is_number(text), number, "{text}");
        }
        assert!(
            is_entity_id("ml.kayes") && is_entity_id("gov-ml_1") && !is_entity_id("ml..kayes") && !is_entity_id("Ml")
        );
        assert!(is_date_key("2025") && is_date_key("2025-09") && is_date_key("2025-13-45") && !is_date_key("2025-9"));
    }

    /// The error's `parameter`, as the answer's JSON carries it (absent when empty).
    fn named(error: ApiError) -> Option<String> {
        error.body()["error"]["parameter"].as_str().map(str::to_string)
    }

    #[test]
    fn a_value_without_a_name_names_no_parameter() {
        for raw in ["=x", "q=a&=x", "=", "%FF=1"] {
            let error = Params::parse(Some(raw), &["q"]).expect_err(raw);
            assert_eq!(named(error), None, "{raw}");
        }
    }

    #[test]
    fn blank_values_are_refused_naming_the_parameter() {
        for raw in ["q=", "q=+", "q=%20%09", "cursor=", "name", "limit="] {
            let error = Params::parse(Some(raw), &["q", "cursor", "name", "limit"]).expect_err(raw);
            let parameter = raw.split(['=', '&']).next().unwrap();
            assert_eq!(named(error), Some(parameter.to_string()), "{raw}");
        }
        assert_eq!(Params::parse(Some("q=+Kayes+"), &["q"]).unwrap().get("q"), Some(" Kayes "), "as sent");
        let nbsp = Params::parse(Some("q=%C2%A0"), &["q"]).expect("a no-break space is not blank here");
        assert_eq!(nbsp.get("q"), Some("\u{a0}"));
    }
    /// Found by the serve_params fuzz target: a non-ASCII char right after `%` was sliced
    /// through its middle while quoting the bad escape, and the request thread panicked.
    #[test]
    fn a_bad_escape_before_a_non_ascii_char_is_a_400() {
        for raw in ["q=%\u{FFFD}8", "q=%aب", "%éx=1", "q=%"] {
            let error = Params::parse(Some(raw), &["q"]).expect_err(raw);
            assert_eq!(error.status_and_code().0, axum::http::StatusCode::BAD_REQUEST, "{raw}");
        }
    }
}
