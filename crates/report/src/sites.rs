//! The user's sites (an NGO's offices, a convoy's stops): a small file the report reads to list
//! incidents near each. Two forms (docs/report.md):
//!
//! - JSON: `[{"name": "Office A", "lat": 12.65, "lon": -8.0, "radius_km": 25}, ...]`;
//! - CSV with a header line `name,lat,lon,radius_km` (comma-separated; a name holding a comma
//!   is written in double quotes, `""` for a quote).
//!
//! Every problem is reported with the file and the line (and, for JSON, the column).

use marsad_indicators::Point;

use crate::ReportError;

/// Most sites a file may list.
pub const MAX_SITES: usize = 500;
/// Largest radius around a site, km.
pub const MAX_RADIUS_KM: f64 = 1000.0;

/// A place the reader cares about, and how far around it to look.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Its name, as given.
    pub name: String,
    /// Where it is.
    pub point: Point,
    /// Radius, km (above 0, at most [`MAX_RADIUS_KM`]).
    pub radius_km: f64,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    name: String,
    lat: f64,
    lon: f64,
    radius_km: f64,
}

/// Read sites from a file's text; `file` names it in errors. JSON when the text starts with
/// `[` (after blanks), CSV otherwise.
pub fn parse(file: &str, text: &str) -> Result<Vec<Site>, ReportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sites = if text.trim_start().starts_with('[') { parse_json(file, text)? } else { parse_csv(file, text)? };
    if sites.len() > MAX_SITES {
        return Err(error(file, 0, format!("{} sites; at most {MAX_SITES}", sites.len())));
    }
    Ok(sites)
}

fn error(file: &str, line: usize, message: String) -> ReportError {
    let at = if line > 0 { format!("{file}:{line}") } else { file.to_string() };
    ReportError::Sites { at, message }
}

fn parse_json(file: &str, text: &str) -> Result<Vec<Site>, ReportError> {
    let raw: Vec<RawSite> =
        serde_json::from_str(text).map_err(|e| error(file, e.line(), format!("column {}: {e}", e.column())))?;
    // serde_json gives no position per item: the item's number names it.
    raw.into_iter()
        .enumerate()
        .map(|(i, r)| {
            site(r.name, r.lat, r.lon, r.radius_km).map_err(|m| error(file, 0, format!("site {}: {m}", i + 1)))
        })
        .collect()
}

fn parse_csv(file: &str, text: &str) -> Result<Vec<Site>, ReportError> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((header_at, header)) = lines.next() else { return Ok(Vec::new()) };
    let header: Vec<String> = fields(header).map_err(|m| error(file, header_at + 1, m))?;
    let header: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    if header != ["name", "lat", "lon", "radius_km"] {
        return Err(error(
            file,
            header_at + 1,
            format!("the header must be `name,lat,lon,radius_km`, got `{}`", header.join(",")),
        ));
    }
    let mut sites = Vec::new();
    for (index, line) in lines {
        let at = index + 1;
        let cells = fields(line).map_err(|m| error(file, at, m))?;
        let [name, lat, lon, radius] = cells.as_slice() else {
            return Err(error(file, at, format!("{} fields; expected 4 (name, lat, lon, radius_km)", cells.len())));
        };
        let number = |what: &str, value: &str| {
            value
                .trim()
                .parse::<f64>()
                .map_err(|_| error(file, at, format!("{what} `{}` is not a number", value.trim())))
        };
        let (lat, lon, radius) = (number("lat", lat)?, number("lon", lon)?, number("radius_km", radius)?);
        sites.push(site(name.trim().to_string(), lat, lon, radius).map_err(|m| error(file, at, m))?);
    }
    Ok(sites)
}

/// The comma-separated fields of one CSV line (RFC 4180 quoting, within the line).
fn fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => out.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed on its line".to_string());
    }
    out.push(field);
    Ok(out)
}

fn site(name: String, lat: f64, lon: f64, radius_km: f64) -> Result<Site, String> {
    if name.trim().is_empty() {
        return Err("the name is empty".to_string());
    }
    if name.chars().count() > 200 {
        return Err("the name is longer than 200 characters".to_string());
    }
    let point = Point::new(lat, lon).map_err(|e| e.to_string())?;
    if !(radius_km.is_finite() && radius_km > 0.0 && radius_km <= MAX_RADIUS_KM) {
        return Err(format!("radius_km {radius_km} is not above 0 and at most {MAX_RADIUS_KM}"));
    }
    Ok(Site { name, point, radius_km })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_give_the_same_sites() {
        let json = r#"[{"name": "Office, north", "lat": 12.7, "lon": -8.0, "radius_km": 30}]"#;
        let csv = "name,lat,lon,radius_km\n\"Office, north\",12.7,-8.0,30\n";
        assert_eq!(parse("sites.json", json).expect("json"), parse("sites.csv", csv).expect("csv"));
    }

    #[test]
    fn problems_name_the_file_and_line() {
        let cases = [
            ("name,lat,lon,radius_km\nA,12.7,-8.0,30\nB,95,-8.0,30\n", "sites.csv:3", "coordinates"),
            ("name,lat,lon,radius_km\nA,twelve,-8.0,30\n", "sites.csv:2", "`twelve` is not a number"),
            ("name,lat,lon,radius_km\nA,12.7,-8.0\n", "sites.csv:2", "3 fields"),
            ("name,lat,lon\n", "sites.csv:1", "header"),
            ("name,lat,lon,radius_km\nA,12.7,-8.0,0\n", "sites.csv:2", "radius_km 0"),
            ("name,lat,lon,radius_km\n\"A,12.7,-8.0,5\n", "sites.csv:2", "not closed"),
        ];
        for (text, at, part) in cases {
            let message = parse("sites.csv", text).expect_err(text).to_string();
            assert!(message.contains(at) && message.contains(part), "{message}");
        }
        let message = parse("s.json", "[{\"name\": \"A\", \"lat\": 1,\n \"lon\": }]").expect_err("bad").to_string();
        assert!(message.contains("s.json:2") && message.contains("column"), "{message}");
        let message = parse(
            "s.json",
            r#"[{"name":"A","lat":1,"lon":2,"radius_km":5},{"name":"","lat":1,"lon":2,"radius_km":5}]"#,
        )
        .expect_err("empty name")
        .to_string();
        assert!(message.contains("site 2") && message.contains("name is empty"), "{message}");
    }
}
