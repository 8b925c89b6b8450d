//! The offline basemap (`data/basemap/*.json`, TopoJSON written by `data/tools/gen_basemap.mjs`)
//! decoded into rings of longitude/latitude: quantized, delta-encoded arcs made absolute with
//! the file's transform, then joined into each polygon's rings (a negative arc index is the
//! arc `!i` reversed), as the TopoJSON specification says.

use serde_json::Value;

/// A ring of (longitude, latitude) points.
pub type Ring = Vec<(f64, f64)>;

/// One shape of a basemap: its rings and its bounding box (west, south, east, north).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Its id in the file (`ml.kayes-region`, `466`).
    pub id: String,
    /// Outer and inner rings of every polygon.
    pub rings: Vec<Ring>,
    /// West, south, east, north.
    pub bbox: (f64, f64, f64, f64),
}

/// The shapes of the first object of a TopoJSON text; `Err` names what is wrong.
pub fn decode(topojson: &str) -> Result<Vec<Shape>, String> {
    let doc: Value = serde_json::from_str(topojson).map_err(|e| format!("not JSON: {e}"))?;
    let scale = pair(&doc["transform"]["scale"]).unwrap_or((1.0, 1.0));
    let translate = pair(&doc["transform"]["translate"]).unwrap_or((0.0, 0.0));
    let quantized = doc.get("transform").is_some();
    let arcs: Vec<Ring> = doc["arcs"]
        .as_array()
        .ok_or("no `arcs`")?
        .iter()
        .map(|arc| decode_arc(arc, quantized, scale, translate))
        .collect::<Result<_, _>>()?;
    let object = doc["objects"].as_object().and_then(|o| o.values().next()).ok_or("no object")?;
    let mut shapes = Vec::new();
    for geometry in object["geometries"].as_array().ok_or("no `geometries`")? {
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"].as_array().map(|a| a.iter().collect()).unwrap_or_default(),
            _ => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().ok_or("a polygon is not a list of rings")? {
                rings.push(join_ring(ring, &arcs)?);
            }
        }
        let id = match &geometry["id"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let bbox = bounds(&rings);
        shapes.push(Shape { id, rings, bbox });
    }
    Ok(shapes)
}

fn pair(value: &Value) -> Option<(f64, f64)> {
    Some((value.get(0)?.as_f64()?, value.get(1)?.as_f64()?))
}

fn decode_arc(arc: &Value, quantized: bool, scale: (f64, f64), translate: (f64, f64)) -> Result<Ring, String> {
    let (mut x, mut y) = (0.0, 0.0);
    let mut out = Vec::new();
    for position in arc.as_array().ok_or("an arc is not a list")? {
        let (dx, dy) = pair(position).ok_or("a position is not two numbers")?;
        if quantized {
            x += dx;
            y += dy;
            out.push((x * scale.0 + translate.0, y * scale.1 + translate.1));
        } else {
            out.push((dx, dy));
        }
    }
    Ok(out)
}

fn join_ring(ring: &Value, arcs: &[Ring]) -> Result<Ring, String> {
    let mut out: Ring = Vec::new();
    for index in ring.as_array().ok_or("a ring is not a list of arcs")? {
        let i = index.as_i64().ok_or("an arc index is not a number")?;
        let (arc, reversed) = if i < 0 { (!i, true) } else { (i, false) };
        let points = usize::try_from(arc).ok().and_then(|a| arcs.get(a)).ok_or_else(|| format!("no arc {arc}"))?;
        let mut points = points.clone();
        if reversed {
            points.reverse();
        }
        // Consecutive arcs share their joining point.
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    Ok(out)
}

fn bounds(rings: &[Ring]) -> (f64, f64, f64, f64) {
    let mut b = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(lon, lat) in rings.iter().flatten() {
        b = (b.0.min(lon), b.1.min(lat), b.2.max(lon), b.3.max(lat));
    }
    b
}

/// The countries and Mali's regions built into the binary, decoded once.
pub fn embedded() -> &'static (Vec<Shape>, Vec<Shape>) {
    static SHAPES: std::sync::OnceLock<(Vec<Shape>, Vec<Shape>)> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        // The files are generated and checked into the repository; a test decodes them.
        let countries = decode(include_str!("../../../data/basemap/countries.json")).unwrap_or_default();
        let regions = decode(include_str!("../../../data/basemap/mali-regions.json")).unwrap_or_default();
        (countries, regions)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_basemap_decodes_with_mali_where_it_is() {
        let countries = decode(include_str!("../../../data/basemap/countries.json")).expect("countries");
        let regions = decode(include_str!("../../../data/basemap/mali-regions.json")).expect("regions");
        assert!(countries.len() > 150, "{}", countries.len());
        assert_eq!(regions.len(), 9);
        // Mali (ISO 466) spans about 12.2°W–4.3°E, 10.1°N–25°N.
        let mali = countries.iter().find(|s| s.id == "466").expect("Mali");
        let (w, s, e, n) = mali.bbox;
        assert!((-12.5..-11.9).contains(&w) && (4.0..4.5).contains(&e), "{:?}", mali.bbox);
        assert!((10.0..10.3).contains(&s) && (24.8..25.2).contains(&n), "{:?}", mali.bbox);
        assert!(mali.rings.iter().all(|r| r.first() == r.last()), "rings close");
    }

    #[test]
    fn a_small_topology_is_joined_as_the_specification_says() {
        // Two arcs: (0,0)→(1,0)→(1,1) and (1,1)→(0,1)→(0,0); the second used reversed in a second ring.
        let topo = r#"{"type":"Topology","objects":{"o":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","id":"a","arcs":[[0,1]]},{"type":"Polygon","id":"b","arcs":[[-2,-1]]}]}},
            "arcs":[[[0,0],[1,0],[1,1]],[[1,1],[0,1],[0,0]]]}"#;
        let shapes = decode(topo).expect("decodes");
        assert_eq!(shapes[0].rings[0], vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]);
        assert_eq!(shapes[1].rings[0], vec![(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]);
        assert!(decode(
            "{\"arcs\":[[[0,0]]],\"objects\":{\"o\":{\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[5]]}]}}}"
        )
        .is_err());
    }
}
