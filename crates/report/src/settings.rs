//! The report's settings (`data/report/settings.json`): the default focus, period length and
//! issue interval, the thresholds of the trend arrow, and which events can be supply attacks.
//! Checked against the knowledge base when loaded, so that nothing later can fail on them.

use marsad_indicators::{Point, SubEventType};
use marsad_kb::KnowledgeBase;

use crate::ReportError;

/// Where the embedded settings come from, for messages.
const FILE: &str = "report/settings.json";

/// Thresholds of the "what changed" arrow (docs/report.md).
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowRule {
    /// Armed violence must change by more than this percentage against the previous period.
    pub count_change_percent: f64,
    /// ...and the larger of the two counts must be at least this.
    pub count_min_events: u32,
    /// Compass sectors gained or lost for the encirclement signal.
    pub sector_change: u8,
}

/// Checked settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Default focus place id (the theatre's capital).
    pub focus: String,
    /// Its coordinates.
    pub focus_point: Point,
    /// Default length of a report's period, in weeks.
    pub weeks: u32,
    /// Days between two issues (the next issue's date).
    pub issue_every_days: u32,
    /// Weeks shown in the trend charts (at least the indicators' 12-week trend window).
    pub series_weeks: u32,
    /// "Near the focus", km (key figures).
    pub near_km: f64,
    /// Half the width of the map, km.
    pub map_radius_km: f64,
    /// The arrow's thresholds.
    pub arrow: ArrowRule,
    /// The lexicon list of supply words.
    pub supply_list: String,
    /// Sub-event types that can be supply attacks.
    pub supply_sub_event_types: Vec<SubEventType>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    #[serde(rename = "_about")]
    _about: Option<String>,
    focus: String,
    weeks: u32,
    issue_every_days: u32,
    series_weeks: u32,
    near_km: f64,
    map_radius_km: f64,
    arrow: RawArrow,
    supply: RawSupply,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArrow {
    count_change_percent: f64,
    count_min_events: u32,
    sector_change: u8,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSupply {
    list: String,
    sub_event_types: Vec<String>,
}

impl Settings {
    /// The settings built into the binary, checked against `kb`.
    pub fn embedded(kb: &KnowledgeBase) -> Result<Settings, ReportError> {
        Settings::parse(FILE, include_str!("../../../data/report/settings.json"), kb)
    }

    /// Read and check settings; `file` names them in errors.
    pub fn parse(file: &str, json: &str, kb: &KnowledgeBase) -> Result<Settings, ReportError> {
        let raw: RawSettings = serde_json::from_str(json).map_err(|e| ReportError::data(file, &e))?;
        let mut problems = Vec::new();
        let focus_point = match focus_point(kb, &raw.focus) {
            Ok(point) => Some(point),
            Err(message) => {
                problems.push(message);
                None
            }
        };
        let ranges = [
            ("weeks", f64::from(raw.weeks), 1.0, 52.0),
            ("issue_every_days", f64::from(raw.issue_every_days), 1.0, 366.0),
            ("series_weeks", f64::from(raw.series_weeks), 12.0, 104.0),
            ("near_km", raw.near_km, 1.0, 2000.0),
            ("map_radius_km", raw.map_radius_km, 50.0, 3000.0),
            ("arrow.count_change_percent", raw.arrow.count_change_percent, 1.0, 1000.0),
            ("arrow.count_min_events", f64::from(raw.arrow.count_min_events), 1.0, 10_000.0),
            ("arrow.sector_change", f64::from(raw.arrow.sector_change), 1.0, 16.0),
        ];
        for (name, value, low, high) in ranges {
            if !(value.is_finite() && (low..=high).contains(&value)) {
                problems.push(format!("`{name}` is {value}, expected {low} to {high}"));
            }
        }
        let mut supply_sub_event_types = Vec::new();
        for name in &raw.supply.sub_event_types {
            match name.parse::<SubEventType>() {
                Ok(t) => supply_sub_event_types.push(t),
                Err(e) => problems.push(format!("`supply.sub_event_types`: {e}")),
            }
        }
        if kb.lexicon.list_named(&raw.supply.list).is_empty() {
            problems.push(format!("`supply.list`: no lexicon list `{}` in data/lexicon", raw.supply.list));
        }
        match focus_point {
            Some(focus_point) if problems.is_empty() => Ok(Settings {
                focus: raw.focus,
                focus_point,
                weeks: raw.weeks,
                issue_every_days: raw.issue_every_days,
                series_weeks: raw.series_weeks,
                near_km: raw.near_km,
                map_radius_km: raw.map_radius_km,
                arrow: ArrowRule {
                    count_change_percent: raw.arrow.count_change_percent,
                    count_min_events: raw.arrow.count_min_events,
                    sector_change: raw.arrow.sector_change,
                },
                supply_list: raw.supply.list,
                supply_sub_event_types,
            }),
            _ => Err(ReportError::Data { file: file.to_string(), message: problems.join("; ") }),
        }
    }
}

/// The coordinates of a place id, or why it cannot be a focus.
pub fn focus_point(kb: &KnowledgeBase, id: &str) -> Result<Point, String> {
    let place = kb.place_index(id).map(|i| &kb.places[i as usize]).ok_or_else(|| format!("no place `{id}`"))?;
    let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
        return Err(format!("place `{id}` has no coordinates"));
    };
    Point::new(lat, lon).map_err(|e| format!("place `{id}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the embedded knowledge base loads")
    }

    #[test]
    fn the_embedded_settings_load_with_the_capital_as_focus() {
        let settings = Settings::embedded(&kb()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.focus, "ml.bamako");
        assert!(!settings.supply_sub_event_types.is_empty());
    }

    #[test]
    fn bad_settings_are_refused_with_every_problem() {
        let json = include_str!("../../../data/report/settings.json")
            .replace("\"ml.bamako\"", "\"zz.nowhere\"")
            .replace("\"Attack\"", "\"Skirmish\"")
            .replace("\"weeks\": 4", "\"weeks\": 0");
        let message = Settings::parse("settings.json", &json, &kb()).expect_err("refused").to_string();
        for part in ["settings.json", "zz.nowhere", "Skirmish", "`weeks` is 0"] {
            assert!(message.contains(part), "{part} in: {message}");
        }
    }
}
