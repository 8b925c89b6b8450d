//! Reference geography and names from the knowledge base, for the page's map and labels:
//! supply corridors and towns as GeoJSON, outlets with their names in every language, and
//! which events sit at a region's or country's centroid. Read-only.

use std::collections::HashSet;

use axum::extract::{RawQuery, State};
use axum::Json;
use marsad_kb::{KnowledgeBase, Place, PlaceKind};
use marsad_store::{EventFilter, SqliteStore};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::Params;
use crate::App;

/// A place's coordinates as GeoJSON orders them (lon, lat), when it has both.
fn lon_lat(place: &Place) -> Option<[f64; 2]> {
    place.lat.zip(place.lon).map(|(lat, lon)| [lon, lat])
}

/// `GET /api/corridors`: every supply road as a GeoJSON line through its places, in order.
pub async fn corridors(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    Ok(Json(corridors_geojson(app.shared.kb)))
}

/// The corridors as a `FeatureCollection`; a road with fewer than two placed stops has no
/// geometry (the loader checks every id, but a place may lack coordinates).
pub fn corridors_geojson(kb: &KnowledgeBase) -> Value {
    let features: Vec<Value> = kb
        .corridors
        .iter()
        .map(|corridor| {
            let coordinates: Vec<[f64; 2]> = corridor
                .points
                .iter()
                .filter_map(|id| kb.place_index(id).and_then(|i| lon_lat(&kb.places[i as usize])))
                .collect();
            let geometry = if coordinates.len() >= 2 {
                json!({"type": "LineString", "coordinates": coordinates})
            } else {
                Value::Null
            };
            json!({
                "type": "Feature",
                "id": corridor.id,
                "geometry": geometry,
                "properties": {
                    "id": corridor.id,
                    "names": corridor.names.0,
                    "serves": corridor.serves,
                    "roads": corridor.roads,
                    "points": corridor.points,
                    "source": corridor.source,
                },
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// `GET /api/towns`: every town of the knowledge base with coordinates, as GeoJSON points, for
/// labels and for the focus of distances (a capital names the country it is the capital of).
pub async fn towns(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    Ok(Json(towns_geojson(app.shared.kb)))
}

/// The towns as a `FeatureCollection`, most populous first (unknown populations last, by id).
pub fn towns_geojson(kb: &KnowledgeBase) -> Value {
    let mut towns: Vec<&Place> =
        kb.places.iter().filter(|p| p.kind == PlaceKind::Town && lon_lat(p).is_some()).collect();
    towns.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.id.cmp(&b.id)));
    let features: Vec<Value> = towns
        .iter()
        .map(|place| {
            json!({
                "type": "Feature",
                "id": place.id,
                "geometry": {"type": "Point", "coordinates": lon_lat(place)},
                "properties": {
                    "id": place.id,
                    "name": place.name(),
                    "names": place.names.0,
                    "country": place.country,
                    "population": place.population,
                    "capital_of": place.capital_of,
                },
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// `GET /api/outlets`: the outlets the knowledge base knows, with their names in every
/// language and their web domains, so the page can name a source's outlet in the UI language.
pub async fn outlets(State(app): State<App>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let outlets: Vec<Value> = app
        .shared
        .kb
        .outlets
        .iter()
        .map(|o| {
            json!({"id": o.id, "name": o.name, "names": o.names.0, "domains": o.domains, "country": o.country, "kind": o.kind})
        })
        .collect();
    Ok(Json(json!({ "outlets": outlets })))
}

/// Whether a place is an area (region, country, water, wider area) rather than a town or a
/// neighbourhood: an event there is drawn at the area's own point (its centroid) because its
/// source named no town (what the events stage codes as geo precision 3).
pub fn is_area(place: &Place) -> bool {
    !matches!(place.kind, PlaceKind::Town | PlaceKind::Neighbourhood)
}

/// The ids of the events matching `filter` that sit at an area's centroid: the same filter
/// narrowed to the knowledge base's areas (and to the filter's own places, if any).
pub fn centroid_events(
    kb: &KnowledgeBase,
    store: &SqliteStore,
    filter: &EventFilter,
) -> Result<HashSet<i64>, ApiError> {
    let areas: Vec<String> = match &filter.places {
        Some(places) => places
            .iter()
            .filter(|id| kb.place_index(id).is_some_and(|i| is_area(&kb.places[i as usize])))
            .cloned()
            .collect(),
        None => kb.places.iter().filter(|p| is_area(p)).map(|p| p.id.clone()).collect(),
    };
    if areas.is_empty() {
        return Ok(HashSet::new());
    }
    let narrowed = EventFilter { places: Some(areas), ..filter.clone() };
    Ok(store.points(&narrowed)?.iter().map(|p| p.id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().expect("the embedded knowledge base loads")
    }

    #[test]
    fn corridors_run_through_their_places_in_order() {
        let kb = kb();
        let json = corridors_geojson(&kb);
        let features = json["features"].as_array().expect("features");
        assert_eq!(features.len(), kb.corridors.len());
        let first = &kb.corridors[0];
        let feature = &features[0];
        assert_eq!(feature["id"], json!(first.id));
        let start = &kb.places[kb.place_index(&first.points[0]).expect("known") as usize];
        assert_eq!(feature["geometry"]["coordinates"][0], json!([start.lon, start.lat]));
        assert!(!feature["properties"]["names"]["ar"].as_array().expect("ar names").is_empty());
    }

    #[test]
    fn towns_are_points_most_populous_first_with_capitals_marked() {
        let kb = kb();
        let json = towns_geojson(&kb);
        let features = json["features"].as_array().expect("features");
        let populations: Vec<Option<u64>> = features.iter().map(|f| f["properties"]["population"].as_u64()).collect();
        let known: Vec<u64> = populations.iter().map_while(|p| *p).collect();
        assert!(known.windows(2).all(|w| w[0] >= w[1]), "not sorted by population");
        assert!(populations[known.len()..].iter().all(Option::is_none), "a known population after an unknown one");
        let bamako = features.iter().find(|f| f["id"] == "ml.bamako").expect("Bamako is a town");
        assert_eq!(bamako["properties"]["capital_of"], "ML");
        assert!(features.iter().all(|f| f["geometry"]["type"] == "Point"));
    }

    #[test]
    fn areas_are_regions_and_countries_not_towns() {
        let kb = kb();
        let place = |id: &str| &kb.places[kb.place_index(id).expect("known place") as usize];
        assert!(!is_area(place("ml.bamako")));
        assert!(is_area(place("ml.bamako-district")));
        assert!(is_area(place("ml.gao-region")));
        let country = kb.places.iter().find(|p| p.kind == PlaceKind::Country).expect("a country");
        assert!(is_area(country));
    }
}
