//! The report's figures as SVG, drawn from numbers only (no fonts measured, no randomness):
//! the map around the focus on the offline basemap, and three charts. Coordinates are written
//! with one decimal, so the same inputs give the same bytes.

use std::fmt::Write as _;

use marsad_indicators::geo::EARTH_RADIUS_KM;
use marsad_indicators::Point;

use crate::basemap::{Ring, Shape};
use crate::render::escape_html;

/// Colours of ACLED's six event types (battles, explosions, violence against civilians,
/// protests, riots, strategic developments), from ColorBrewer's Dark2 (colorblind-safe).
pub const TYPE_COLOURS: [&str; 6] = ["#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#666666"];

/// Colours of distance bands, nearest first (ColorBrewer YlOrRd, reversed).
const BAND_COLOURS: [&str; 6] = ["#bd0026", "#f03b20", "#fd8d3c", "#fecc5c", "#ffffb2", "#dddddd"];

/// Width and height of the map, px.
const MAP_SIZE: f64 = 640.0;

/// One event drawn on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Where.
    pub point: Point,
    /// Index of its event type in ACLED's order (0..6).
    pub kind: usize,
    /// Placed to the town or nearby (drawn filled) or only to a region (hollow).
    pub precise: bool,
    /// A tooltip (event id and note).
    pub title: String,
}

/// What the map shows besides the events.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFrame<'a> {
    /// The focus and its label.
    pub focus: Point,
    /// Its name.
    pub focus_label: &'a str,
    /// Half the map's width, km.
    pub radius_km: f64,
    /// Rings drawn around the focus, km.
    pub rings_km: &'a [f64],
    /// Roads, as their stops' points.
    pub roads: Vec<Vec<Point>>,
    /// Towns labelled on the map (the roads' stops), with their names.
    pub towns: Vec<(Point, String)>,
    /// Legend: the six type names, then "precise", "imprecise", "road".
    pub legend: Vec<String>,
    /// Right to left (legend on the other side).
    pub rtl: bool,
}

/// Equirectangular projection around the focus, in px.
struct Projection {
    lat0: f64,
    lon0: f64,
    cos0: f64,
    px_per_km: f64,
}

impl Projection {
    fn new(focus: Point, radius_km: f64) -> Projection {
        let cos0 = focus.lat().to_radians().cos().max(0.01);
        Projection { lat0: focus.lat(), lon0: focus.lon(), cos0, px_per_km: MAP_SIZE / (2.0 * radius_km) }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        let km_per_degree = EARTH_RADIUS_KM.to_radians();
        let x = (lon - self.lon0) * self.cos0 * km_per_degree;
        let y = (lat - self.lat0) * km_per_degree;
        (MAP_SIZE / 2.0 + x * self.px_per_km, MAP_SIZE / 2.0 - y * self.px_per_km)
    }

    /// Longitude/latitude box the map shows, with a margin.
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let half_km = MAP_SIZE / 2.0 / self.px_per_km * 1.2;
        let dlat = half_km / EARTH_RADIUS_KM.to_radians();
        let dlon = dlat / self.cos0;
        (self.lon0 - dlon, self.lat0 - dlat, self.lon0 + dlon, self.lat0 + dlat)
    }
}

/// The point `km` from `from` on initial bearing `bearing_deg` (great circle; C. Veness).
pub fn destination(from: Point, bearing_deg: f64, km: f64) -> (f64, f64) {
    let delta = km / EARTH_RADIUS_KM;
    let (phi1, lambda1, theta) = (from.lat().to_radians(), from.lon().to_radians(), bearing_deg.to_radians());
    let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * theta.cos()).asin();
    let lambda2 = lambda1 + (theta.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
    (lambda2.to_degrees(), phi2.to_degrees())
}

/// Points of a path closer than this to the previous one drawn are skipped (px): the basemap
/// keeps its shape at the map's scale and the page stays small.
const MIN_STEP_PX: f64 = 1.5;

fn path_of(projection: &Projection, ring: &Ring, close: bool) -> String {
    let points: Vec<(f64, f64)> = ring.iter().map(|&(lon, lat)| projection.xy(lon, lat)).collect();
    let points = if close { clip_polygon(&points) } else { points };
    let mut d = String::with_capacity(points.len() * 12);
    let mut last: Option<(f64, f64)> = None;
    for (i, &(x, y)) in points.iter().enumerate() {
        let p = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
        let final_point = i + 1 == points.len();
        if let Some(l) = last {
            let near = (p.0 - l.0).hypot(p.1 - l.1) < MIN_STEP_PX;
            if p == l || (near && !final_point) {
                continue;
            }
        }
        let _ = write!(d, "{}{:.1} {:.1}", if last.is_none() { "M" } else { "L" }, p.0, p.1);
        last = Some(p);
    }
    if close && last.is_some() {
        d.push('Z');
    }
    d
}

/// The part of a polygon inside the map and a margin (Sutherland–Hodgman against each edge
/// of the rectangle): shapes far larger than the map are drawn only where they are seen.
fn clip_polygon(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    const LOW: f64 = -20.0;
    const HIGH: f64 = MAP_SIZE + 20.0;
    // (axis, bound, keep when the coordinate is above the bound)
    let edges = [(0, LOW, true), (0, HIGH, false), (1, LOW, true), (1, HIGH, false)];
    let mut current = points.to_vec();
    for (axis, bound, above) in edges {
        let inside = |p: &(f64, f64)| {
            let v = if axis == 0 { p.0 } else { p.1 };
            if above {
                v >= bound
            } else {
                v <= bound
            }
        };
        let cross = |a: (f64, f64), b: (f64, f64)| {
            let (va, vb) = if axis == 0 { (a.0, b.0) } else { (a.1, b.1) };
            let t = (bound - va) / (vb - va);
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        };
        let mut next = Vec::with_capacity(current.len());
        for (i, &point) in current.iter().enumerate() {
            let previous = current[(i + current.len() - 1) % current.len()];
            match (inside(&previous), inside(&point)) {
                (true, true) => next.push(point),
                (true, false) => next.push(cross(previous, point)),
                (false, true) => {
                    next.push(cross(previous, point));
                    next.push(point);
                }
                (false, false) => {}
            }
        }
        current = next;
        if current.is_empty() {
            break;
        }
    }
    current
}

fn visible(shape: &Shape, bounds: (f64, f64, f64, f64)) -> bool {
    let (w, s, e, n) = shape.bbox;
    w <= bounds.2 && e >= bounds.0 && s <= bounds.3 && n >= bounds.1
}

/// The map: basemap, rings, roads, events, focus, legend and a scale bar.
pub fn map(frame: &MapFrame<'_>, countries: &[Shape], regions: &[Shape], markers: &[Marker]) -> String {
    let projection = Projection::new(frame.focus, frame.radius_km);
    let bounds = projection.bounds();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {MAP_SIZE} {MAP_SIZE}\" width=\"{MAP_SIZE}\" height=\"{MAP_SIZE}\" role=\"img\" direction=\"ltr\" font-family=\"sans-serif\">\
         <defs><clipPath id=\"frame\"><rect width=\"{MAP_SIZE}\" height=\"{MAP_SIZE}\"/></clipPath></defs>\
         <rect width=\"{MAP_SIZE}\" height=\"{MAP_SIZE}\" fill=\"#eef3f7\"/><g clip-path=\"url(#frame)\">"
    );
    for (shapes, style) in [
        (countries, "fill=\"#f7f5ef\" stroke=\"#9a9a9a\" stroke-width=\"0.8\""),
        (regions, "fill=\"none\" stroke=\"#c4c0b4\" stroke-width=\"0.6\" stroke-dasharray=\"3 2\""),
    ] {
        for shape in shapes.iter().filter(|s| visible(s, bounds)) {
            let d: String = shape.rings.iter().map(|r| path_of(&projection, r, true)).collect();
            let _ = write!(out, "<path d=\"{d}\" {style} fill-rule=\"evenodd\"/>");
        }
    }
    for &km in frame.rings_km {
        let ring: Ring = (0..=72).map(|i| destination(frame.focus, f64::from(i) * 5.0, km)).collect();
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#555\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\"/>",
            path_of(&projection, &ring, true)
        );
        let (x, y) = projection.xy(ring[0].0, ring[0].1);
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#333\">{km:.0} km</text>",
            x + 3.0,
            y + 11.0
        );
    }
    for road in &frame.roads {
        let line: Ring = road.iter().map(|p| (p.lon(), p.lat())).collect();
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#7a7a7a\" stroke-width=\"2.2\" stroke-linejoin=\"round\" opacity=\"0.8\"/>",
            path_of(&projection, &line, false)
        );
    }
    for (point, name) in &frame.towns {
        let (x, y) = projection.xy(point.lon(), point.lat());
        if !(0.0..=MAP_SIZE).contains(&x) || !(0.0..=MAP_SIZE).contains(&y) {
            continue;
        }
        let _ = write!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2\" fill=\"#333\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#333\" stroke=\"#fff\" stroke-width=\"2\" paint-order=\"stroke\">{}</text>",
            x + 3.0,
            y - 3.0,
            escape_html(name)
        );
    }
    for marker in markers {
        let (x, y) = projection.xy(marker.point.lon(), marker.point.lat());
        let colour = TYPE_COLOURS[marker.kind.min(5)];
        let fill = if marker.precise { colour } else { "none" };
        let _ = write!(
            out,
            "<g>{}<title>{}</title></g>",
            symbol(marker.kind, x, y, 4.5, fill, colour),
            escape_html(&marker.title)
        );
    }
    let (fx, fy) = projection.xy(frame.focus.lon(), frame.focus.lat());
    let _ = write!(
        out,
        "<path d=\"M{:.1} {:.1}l4 8h9l-7 6 3 9-9-5-9 5 3-9-7-6h9z\" fill=\"#111\" stroke=\"#fff\"/>\
         <text x=\"{fx:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text></g>",
        fx,
        fy - 13.0,
        fy - 18.0,
        escape_html(frame.focus_label)
    );
    legend(&mut out, frame);
    scale_bar(&mut out, &projection);
    out.push_str("</svg>");
    out
}

/// A marker shape per event type: circle, triangle, square, diamond, cross, plus.
fn symbol(kind: usize, x: f64, y: f64, r: f64, fill: &str, stroke: &str) -> String {
    let style = format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.4\"");
    match kind {
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" {style}/>"),
        1 => format!("<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" {style}/>", y - r, x + r, y + r, x - r, y + r),
        2 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {style}/>",
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        ),
        3 => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" {style}/>",
            y - r,
            x + r,
            y + r,
            x - r
        ),
        4 => format!(
            "<path d=\"M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r
        ),
        _ => format!(
            "<path d=\"M{:.1} {y:.1}L{:.1} {y:.1}M{x:.1} {:.1}L{x:.1} {:.1}\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
            x - r,
            x + r,
            y - r,
            y + r
        ),
    }
}

fn legend(out: &mut String, frame: &MapFrame<'_>) {
    let rows = frame.legend.len() as f64;
    let (width, height) = (230.0, 16.0 * rows + 10.0);
    let x0 = if frame.rtl { MAP_SIZE - width - 8.0 } else { 8.0 };
    let _ = write!(
        out,
        "<g font-size=\"11\"><rect x=\"{x0:.1}\" y=\"8\" width=\"{width}\" height=\"{height:.1}\" fill=\"#fff\" opacity=\"0.85\" stroke=\"#bbb\"/>"
    );
    for (i, label) in frame.legend.iter().enumerate() {
        let y = 22.0 + 16.0 * i as f64;
        let x = x0 + 14.0;
        let shape = match i {
            0..=5 => symbol(i, x, y - 4.0, 4.5, TYPE_COLOURS[i], TYPE_COLOURS[i]),
            6 => symbol(0, x, y - 4.0, 4.5, "#444", "#444"),
            7 => symbol(0, x, y - 4.0, 4.5, "none", "#444"),
            _ => format!("<path d=\"M{:.1} {:.1}h16\" stroke=\"#7a7a7a\" stroke-width=\"2.2\"/>", x - 8.0, y - 4.0),
        };
        let _ = write!(out, "{shape}<text x=\"{:.1}\" y=\"{y:.1}\">{}</text>", x + 14.0, escape_html(label));
    }
    out.push_str("</g>");
}

fn scale_bar(out: &mut String, projection: &Projection) {
    let km = 100.0;
    let length = km * projection.px_per_km;
    let (x, y) = (12.0, MAP_SIZE - 16.0);
    let _ = write!(
        out,
        "<g font-size=\"10\"><path d=\"M{x:.1} {y:.1}h{length:.1}\" stroke=\"#111\" stroke-width=\"3\"/>\
         <text x=\"{x:.1}\" y=\"{:.1}\">{km:.0} km</text></g>",
        y - 6.0
    );
}

/// Chart size, px.
const CHART_W: f64 = 640.0;
const CHART_H: f64 = 260.0;
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 28.0;

fn chart_open(out: &mut String) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {CHART_H}\" width=\"{CHART_W}\" height=\"{CHART_H}\" role=\"img\" direction=\"ltr\" font-family=\"sans-serif\" font-size=\"10\">\
         <rect width=\"{CHART_W}\" height=\"{CHART_H}\" fill=\"#fff\"/>"
    );
}

/// A "nice" upper bound for an axis and its step (1, 2 or 5 times a power of ten).
fn axis_max(max: f64) -> (f64, f64) {
    if !(max.is_finite() && max > 0.0) {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    ((max / step).ceil() * step, step)
}

fn y_axis(out: &mut String, max: f64, step: f64, unit: &str) {
    let plot_h = CHART_H - TOP - BOTTOM;
    let mut v = 0.0;
    while v <= max + step / 2.0 {
        let y = CHART_H - BOTTOM - v / max * plot_h;
        let _ = write!(
            out,
            "<path d=\"M{LEFT} {y:.1}H{:.1}\" stroke=\"#e2e2e2\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v:.0}</text>",
            CHART_W - 8.0,
            LEFT - 4.0,
            y + 3.0
        );
        v += step;
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        LEFT - 4.0,
        TOP - 12.0,
        escape_html(unit)
    );
}

fn x_labels(out: &mut String, labels: &[String], x_of: impl Fn(usize) -> f64) {
    let every = labels.len().div_ceil(12).max(1);
    for (i, label) in labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x_of(i),
            CHART_H - BOTTOM + 14.0,
            escape_html(label)
        );
    }
}

fn chart_legend(out: &mut String, items: &[(&str, &str)]) {
    let mut x = LEFT;
    for (label, colour) in items {
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            CHART_H - 14.0,
            x + 14.0,
            CHART_H - 5.0,
            escape_html(label)
        );
        x += 24.0 + 6.5 * label.chars().count() as f64;
    }
}

/// Weekly lines (weeks without a value leave a gap).
pub fn lines(labels: &[String], series: &[(&str, &str, Vec<Option<f64>>)], unit: &str) -> String {
    let mut out = String::new();
    chart_open(&mut out);
    let max = series.iter().flat_map(|(_, _, v)| v.iter().flatten()).fold(0.0_f64, |a, b| a.max(*b));
    let (top, step) = axis_max(max);
    y_axis(&mut out, top, step, unit);
    let plot_w = CHART_W - LEFT - 16.0;
    let n = labels.len().max(1);
    let x_of = |i: usize| LEFT + 8.0 + plot_w * (i as f64 + 0.5) / n as f64;
    let y_of = |v: f64| CHART_H - BOTTOM - v / top * (CHART_H - TOP - BOTTOM);
    x_labels(&mut out, labels, x_of);
    for (_, colour, values) in series {
        let mut d = String::new();
        let mut pen_up = true;
        for (i, value) in values.iter().enumerate() {
            match value {
                Some(v) => {
                    let _ = write!(d, "{}{:.1} {:.1}", if pen_up { "M" } else { "L" }, x_of(i), y_of(*v));
                    let _ = write!(
                        out,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{colour}\"/>",
                        x_of(i),
                        y_of(*v)
                    );
                    pen_up = false;
                }
                None => pen_up = true,
            }
        }
        let _ = write!(out, "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>");
    }
    let legend: Vec<(&str, &str)> = series.iter().map(|(label, colour, _)| (*label, *colour)).collect();
    chart_legend(&mut out, &legend);
    out.push_str("</svg>");
    out
}

/// The colour of distance band `i`.
pub fn band_colour(i: usize) -> &'static str {
    BAND_COLOURS[i.min(BAND_COLOURS.len() - 1)]
}

/// Weekly stacked bars, one stack per label, one layer per series.
pub fn stacked(labels: &[String], layers: &[(String, &str, Vec<u32>)], unit: &str) -> String {
    let mut out = String::new();
    chart_open(&mut out);
    let totals: Vec<u32> =
        (0..labels.len()).map(|i| layers.iter().map(|(_, _, v)| v.get(i).copied().unwrap_or(0)).sum()).collect();
    let (top, step) = axis_max(f64::from(totals.iter().copied().max().unwrap_or(0)));
    y_axis(&mut out, top, step, unit);
    let plot_w = CHART_W - LEFT - 16.0;
    let n = labels.len().max(1);
    let slot = plot_w / n as f64;
    let x_of = |i: usize| LEFT + 8.0 + slot * (i as f64 + 0.5);
    let scale = (CHART_H - TOP - BOTTOM) / top;
    x_labels(&mut out, labels, x_of);
    for i in 0..labels.len() {
        let mut base = CHART_H - BOTTOM;
        for (_, colour, values) in layers {
            let h = f64::from(values.get(i).copied().unwrap_or(0)) * scale;
            if h > 0.0 {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{colour}\"/>",
                    x_of(i) - slot * 0.35,
                    base - h,
                    slot * 0.7
                );
                base -= h;
            }
        }
    }
    let legend: Vec<(&str, &str)> = layers.iter().map(|(label, colour, _)| (label.as_str(), *colour)).collect();
    chart_legend(&mut out, &legend);
    out.push_str("</svg>");
    out
}

/// Horizontal bars, one per labelled item (laid out left to right in every language: figures
/// are drawn with `direction="ltr"`, the words keep their own direction).
pub fn bars(items: &[(String, u32)], unit: &str) -> String {
    let row = 22.0;
    let height = TOP + row * items.len().max(1) as f64 + 12.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {height:.1}\" width=\"{CHART_W}\" height=\"{height:.1}\" role=\"img\" direction=\"ltr\" font-family=\"sans-serif\" font-size=\"11\">\
         <rect width=\"{CHART_W}\" height=\"{height:.1}\" fill=\"#fff\"/>"
    );
    let label_w = 260.0;
    let max = f64::from(items.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1));
    let plot_w = CHART_W - label_w - 40.0;
    let _ = write!(out, "<text x=\"{:.1}\" y=\"16\">{}</text>", label_w, escape_html(unit));
    for (i, (label, count)) in items.iter().enumerate() {
        let y = TOP + row * i as f64;
        let w = f64::from(*count) / max * plot_w;
        let (text_x, bar_x) = (label_w - 6.0, label_w);
        let _ = write!(
            out,
            "<text x=\"{text_x:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{bar_x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#7a7a7a\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{count}</text>",
            y + 13.0,
            escape_html(label),
            row - 6.0,
            bar_x + w + 4.0,
            y + 13.0
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_lie_at_the_distance_asked() {
        let bamako = Point::new(12.6392, -8.0029).expect("point");
        for bearing in [0.0, 45.0, 90.0, 200.0] {
            let (lon, lat) = destination(bamako, bearing, 200.0);
            let back = marsad_indicators::geo::distance_km(bamako, Point::new(lat, lon).expect("point"));
            assert!((back - 200.0).abs() < 1e-6, "{bearing}: {back}");
        }
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(axis_max(0.0), (1.0, 1.0));
        assert_eq!(axis_max(7.0), (8.0, 2.0));
        assert_eq!(axis_max(380.0), (400.0, 100.0));
    }
}
