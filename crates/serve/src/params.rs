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
/// Longest free-text value accepted (query words, outlet names).
const MAX_TEXT: usize = 500;

/// A request's query parameters, decoded and checked against the names its route takes.
#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

/// Strict percent-decoding (`+` is a space); invalid escapes and invalid UTF-8 are errors.
fn decode(raw: &str, what: &str) -> Result<String, ApiError> {
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
                    return Err(ApiError::invalid(
                        what,
                        // Three chars, not bytes: a non-ASCII char after `%` must not be cut.
                        format!(
                            "`{what}` has a malformed percent escape near `{}`",
                            raw[i..].chars().take(3).collect::<String>()
                        ),
                    ));
                };
                out.push(byte);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map_err(|_| ApiError::invalid(what, format!("`{what}` is not valid UTF-8 once percent-decoded")))
}

impl Params {
    /// Decode `raw` (the part after `?`), refusing names not in `allowed` and repeated names.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for piece in raw.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            let name = decode(name, "query")?;
            let value = decode(value, &name)?;
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
            pairs.push((name, value));
        }
        Ok(Params { pairs })
    }

    /// The value of `name`, if given and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
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

    /// `since` and `until`, checked to be in order.
    pub fn range(&self) -> Result<(Option<String>, Option<String>), ApiError> {
        let (since, until) = (self.day("since")?, self.day("until")?);
        if let (Some(s), Some(u)) = (&since, &until) {
            if u < s {
                return Err(ApiError::invalid("until", format!("`until` ({u}) is before `since` ({s})")));
            }
        }
        Ok((since, until))
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
                Ok(n) if (1..=max).contains(&n) => Ok(n),
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
        if !(2..=3).contains(&value.len()) || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ApiError::invalid(
                "lang",
                format!("`lang` must be a language code such as ar, fr or en, got `{value}`"),
            ));
        }
        Ok(Some(value.to_ascii_lowercase()))
    }

    /// The store filter these parameters mean (everything but `q`, which the caller turns into
    /// documents through the search index).
    pub fn event_filter(&self, kb: &KnowledgeBase) -> Result<EventFilter, ApiError> {
        let (from, to) = self.range()?;
        let event_type = match self.get("type") {
            None => None,
            Some(value) => {
                let types = kb.taxonomy.event_types();
                let Some(found) = types.iter().find(|t| t.eq_ignore_ascii_case(value)) else {
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
                return Err(ApiError::invalid(
                    "actor",
                    format!("unknown actor id `{id}` (see /api/entities?kind=actor)"),
                ))
            }
        };
        let places = match (self.get("place"), self.get("near")) {
            (Some(_), Some(_)) => {
                return Err(ApiError::invalid("near", "give `place` (exactly there) or `near` (within `km`), not both"))
            }
            (Some(id), None) => match kb.place_index(id) {
                Some(_) => Some(vec![id.to_string()]),
                None => {
                    return Err(ApiError::invalid(
                        "place",
                        format!("unknown place id `{id}` (see /api/entities?kind=place)"),
                    ))
                }
            },
            (None, Some(near)) => Some(marsad_ingest::merge::places_within(kb, centre(kb, near)?, self.km()?)),
            (None, None) => {
                if self.get("km").is_some() {
                    return Err(ApiError::invalid("km", "`km` goes with `near`"));
                }
                None
            }
        };
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

    /// `km`: above 0, at most [`MAX_KM`].
    fn km(&self) -> Result<f64, ApiError> {
        let Some(value) = self.get("km") else { return Ok(DEFAULT_KM) };
        match value.parse::<f64>() {
            Ok(km) if km.is_finite() && km > 0.0 && km <= MAX_KM => Ok(km),
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
        let key = match key.as_str() {
            "" => None,
            k if Date::parse_iso(k).is_some() || k.len() == 4 && k.parse::<u16>().is_ok() || k.len() == 7 => Some(key),
            _ => return Err(bad_cursor()),
        };
        Ok(Some((id, key)))
    }

    /// A cursor of `kind`: `kind` + hex of `id` `~` key.
    fn raw_cursor(&self, value: &str, kind: char) -> Result<Option<(i64, String)>, ApiError> {
        let bad = bad_cursor;
        let hex = value.strip_prefix(kind).ok_or_else(bad)?;
        if hex.len() % 2 != 0 || hex.len() > 200 {
            return Err(bad());
        }
        let bytes: Option<Vec<u8>> =
            (0..hex.len()).step_by(2).map(|i| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect();
        let text = bytes.and_then(|b| String::from_utf8(b).ok()).ok_or_else(bad)?;
        let (id, key) = text.split_once('~').ok_or_else(bad)?;
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

/// The centre `near` names: a place id, or `lat,lon`.
fn centre(kb: &KnowledgeBase, near: &str) -> Result<(f64, f64), ApiError> {
    if let Some(index) = kb.place_index(near) {
        let place = &kb.places[index as usize];
        return place
            .lat
            .zip(place.lon)
            .ok_or_else(|| ApiError::invalid("near", format!("place `{near}` has no coordinates")));
    }
    let Some((lat, lon)) = near.split_once(',') else {
        return Err(ApiError::invalid(
            "near",
            format!("`near` must be a place id or `lat,lon`, got unknown place `{near}`"),
        ));
    };
    match (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) {
        (Ok(lat), Ok(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => Ok((lat, lon)),
        _ => Err(ApiError::invalid(
            "near",
            format!("`near` must be `lat,lon` with latitude in [-90, 90] and longitude in [-180, 180], got `{near}`"),
        )),
    }
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
