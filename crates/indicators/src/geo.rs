//! Points on the sphere: great-circle distance, initial bearing, distance to a road segment.
//!
//! Formulas from Chris Veness, "Calculate distance, bearing and more between Latitude/Longitude
//! points" and "Vector-based geodesy" (movable-type.co.uk/scripts/latlong.html and
//! latlong-vectors.html): haversine distance, initial bearing (forward azimuth), and the
//! distance to a great-circle arc with n-vectors. The Earth is a sphere of the IUGG
//! mean radius; the error against the ellipsoid is below 0.5%, far below the precision of a
//! place named in the news.

use std::fmt;

/// IUGG mean Earth radius, km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point given with latitude or longitude out of range, or not a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointError {
    /// The latitude given.
    pub lat: f64,
    /// The longitude given.
    pub lon: f64,
}

impl fmt::Display for PointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "coordinates {},{} are not a latitude in [-90, 90] and a longitude in [-180, 180]",
            self.lat, self.lon
        )
    }
}

impl std::error::Error for PointError {}

/// A latitude and longitude in degrees, checked on construction.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Point {
    lat: f64,
    lon: f64,
}

impl Point {
    /// The point, if the latitude is in [-90, 90] and the longitude in [-180, 180].
    pub fn new(lat: f64, lon: f64) -> Result<Point, PointError> {
        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            Ok(Point { lat, lon })
        } else {
            Err(PointError { lat, lon })
        }
    }

    /// Latitude, degrees.
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// Longitude, degrees.
    pub fn lon(self) -> f64 {
        self.lon
    }
}

/// Great-circle distance in km (haversine).
pub fn distance_km(a: Point, b: Point) -> f64 {
    EARTH_RADIUS_KM * central_angle(a, b)
}

/// The angle between two points seen from the Earth's centre, radians.
fn central_angle(a: Point, b: Point) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let dphi = phi2 - phi1;
    let dlambda = (b.lon - a.lon).to_radians();
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * h.clamp(0.0, 1.0).sqrt().asin()
}

/// Initial bearing from `from` to `to`, degrees clockwise from north, in [0, 360).
/// Identical points give 0.
pub fn bearing_deg(from: Point, to: Point) -> f64 {
    let (phi1, phi2) = (from.lat.to_radians(), to.lat.to_radians());
    let dlambda = (to.lon - from.lon).to_radians();
    let y = dlambda.sin() * phi2.cos();
    let x = phi1.cos() * phi2.sin() - phi1.sin() * phi2.cos() * dlambda.cos();
    normalize_deg(y.atan2(x).to_degrees())
}

/// An angle in degrees brought into [0, 360).
pub fn normalize_deg(deg: f64) -> f64 {
    let d = deg.rem_euclid(360.0);
    // rem_euclid of a tiny negative number rounds to 360.0 itself.
    if d >= 360.0 || !d.is_finite() {
        0.0
    } else {
        d
    }
}

/// Where a point lies against the segment from `a` to `b` (a great-circle arc).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentDistance {
    /// Shortest distance from the point to the segment, km.
    pub km: f64,
    /// Distance along the segment from `a` to the nearest point on it, km.
    pub along_km: f64,
}

/// Distance from `p` to the segment `a`–`b` (the shorter great-circle arc): the distance to
/// its nearest point on the arc's great circle when that point lies on the arc, otherwise the
/// distance to the nearer end. Computed with unit vectors, so it holds at any distance.
pub fn segment_distance(p: Point, a: Point, b: Point) -> SegmentDistance {
    Arc::new(a, b).distance(unit_vector(p))
}

/// A unit vector from the Earth's centre (an n-vector).
pub(crate) type Vector = [f64; 3];

/// The n-vector of a point.
pub(crate) fn unit_vector(p: Point) -> Vector {
    let (sin_phi, cos_phi) = p.lat.to_radians().sin_cos();
    let (sin_lambda, cos_lambda) = p.lon.to_radians().sin_cos();
    [cos_phi * cos_lambda, cos_phi * sin_lambda, sin_phi]
}

/// Distances and bearings from one point, prepared for many queries: with n-vectors, the
/// distance is the angle atan2(|f × p|, f · p) and the initial bearing atan2(p · east,
/// p · north) in the focus's local east and north directions (the same values as
/// [`distance_km`] and [`bearing_deg`], with half the trigonometry).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    focus: Vector,
    east: Vector,
    north: Vector,
}

impl Frame {
    pub(crate) fn new(focus: Point) -> Frame {
        let (phi, lambda) = (focus.lat.to_radians(), focus.lon.to_radians());
        let (sin_phi, cos_phi) = phi.sin_cos();
        let (sin_lambda, cos_lambda) = lambda.sin_cos();
        Frame {
            focus: unit_vector(focus),
            east: [-sin_lambda, cos_lambda, 0.0],
            north: [-sin_phi * cos_lambda, -sin_phi * sin_lambda, cos_phi],
        }
    }

    /// Distance in km and initial bearing in degrees ([0, 360)) to the point with n-vector `p`.
    pub(crate) fn polar(&self, p: Vector) -> (f64, f64) {
        let km = EARTH_RADIUS_KM * angle(self.focus, p);
        let bearing =
            if km == 0.0 { 0.0 } else { normalize_deg(dot(p, self.east).atan2(dot(p, self.north)).to_degrees()) };
        (km, bearing)
    }
}

/// A great-circle arc prepared for many distance queries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arc {
    a: Vector,
    b: Vector,
    /// Unit normal of the arc's great circle; `None` when the ends coincide or are antipodes.
    normal: Option<Vector>,
    /// Length, radians.
    length: f64,
}

impl Arc {
    pub(crate) fn new(a: Point, b: Point) -> Arc {
        let (a, b) = (unit_vector(a), unit_vector(b));
        let normal = cross(a, b);
        let norm = dot(normal, normal).sqrt();
        Arc { a, b, normal: (norm >= 1e-12).then(|| scale(normal, 1.0 / norm)), length: angle(a, b) }
    }

    /// Length, km.
    pub(crate) fn length_km(&self) -> f64 {
        EARTH_RADIUS_KM * self.length
    }

    /// Distance from the point with n-vector `p` to the arc.
    pub(crate) fn distance(&self, p: Vector) -> SegmentDistance {
        let to_ends = || {
            let (da, db) = (angle(p, self.a), angle(p, self.b));
            if da <= db {
                SegmentDistance { km: EARTH_RADIUS_KM * da, along_km: 0.0 }
            } else {
                SegmentDistance { km: EARTH_RADIUS_KM * db, along_km: EARTH_RADIUS_KM * self.length }
            }
        };
        let Some(n) = self.normal else { return to_ends() };
        let height = dot(p, n);
        let foot = [p[0] - height * n[0], p[1] - height * n[1], p[2] - height * n[2]];
        let foot_norm = dot(foot, foot).sqrt();
        if foot_norm < 1e-12 {
            return to_ends();
        }
        let c = scale(foot, 1.0 / foot_norm);
        let from_a = dot(cross(self.a, c), n);
        if from_a < 0.0 || dot(cross(c, self.b), n) < 0.0 {
            return to_ends();
        }
        let off = height.abs().atan2(foot_norm);
        SegmentDistance { km: EARTH_RADIUS_KM * off, along_km: EARTH_RADIUS_KM * from_a.atan2(dot(self.a, c)) }
    }
}

/// The angle between two unit vectors, radians (atan2 form: accurate at every size).
fn angle(u: Vector, v: Vector) -> f64 {
    let c = cross(u, v);
    dot(c, c).sqrt().atan2(dot(u, v))
}

fn cross(u: Vector, v: Vector) -> Vector {
    [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]
}

fn dot(u: Vector, v: Vector) -> f64 {
    u[0] * v[0] + u[1] * v[1] + u[2] * v[2]
}

fn scale(u: Vector, k: f64) -> Vector {
    [u[0] * k, u[1] * k, u[2] * k]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> Point {
        Point::new(lat, lon).expect("valid point")
    }

    /// One degree of arc on the sphere is R·π/180 = 111.195 km.
    const DEGREE_KM: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

    #[test]
    fn distances_along_meridians_and_the_equator_are_degrees_of_arc() {
        assert!((distance_km(p(0.0, 0.0), p(1.0, 0.0)) - DEGREE_KM).abs() < 1e-9);
        assert!((distance_km(p(0.0, 0.0), p(0.0, 2.0)) - 2.0 * DEGREE_KM).abs() < 1e-9);
        // Bamako to Ouagadougou: about 703 km as the crow flies.
        let km = distance_km(p(12.6392, -8.0029), p(12.3657, -1.5339));
        assert!((700.0..706.0).contains(&km), "{km}");
    }

    #[test]
    fn the_vector_frame_agrees_with_haversine_and_the_bearing_formula() {
        let focus = p(12.6392, -8.0029);
        let frame = Frame::new(focus);
        for (lat, lon) in
            [(13.5, -8.0), (12.0, -7.0), (14.45, -11.44), (-33.9, 18.4), (12.6392, -8.0029), (70.0, 100.0)]
        {
            let (km, bearing) = frame.polar(unit_vector(p(lat, lon)));
            assert!((km - distance_km(focus, p(lat, lon))).abs() < 1e-6, "{lat},{lon}");
            if km > 0.0 {
                assert!((bearing - bearing_deg(focus, p(lat, lon))).abs() < 1e-9, "{lat},{lon}: {bearing}");
            }
        }
    }

    #[test]
    fn bearings_point_to_the_compass() {
        let o = p(0.0, 0.0);
        assert_eq!(bearing_deg(o, p(1.0, 0.0)), 0.0);
        assert!((bearing_deg(o, p(0.0, 1.0)) - 90.0).abs() < 1e-9);
        assert!((bearing_deg(o, p(-1.0, 0.0)) - 180.0).abs() < 1e-9);
        assert!((bearing_deg(o, p(0.0, -1.0)) - 270.0).abs() < 1e-9);
        assert_eq!(normalize_deg(-1e-18), 0.0);
        assert!(Point::new(91.0, 0.0).is_err());
        assert!(Point::new(f64::NAN, 0.0).is_err());
    }

    /// A segment on the equator from 0°E to 1°E: a point 0.1° north of its middle is 0.1° of
    /// arc away (the equator is a great circle); a point beyond either end is measured to it.
    #[test]
    fn segment_distance_uses_the_cross_track_or_the_nearer_end() {
        let (a, b) = (p(0.0, 0.0), p(0.0, 1.0));
        let middle = segment_distance(p(0.1, 0.5), a, b);
        assert!((middle.km - 0.1 * DEGREE_KM).abs() < 1e-6, "{middle:?}");
        assert!((middle.along_km - 0.5 * DEGREE_KM).abs() < 1e-3, "{middle:?}");
        let behind = segment_distance(p(0.0, -0.3), a, b);
        assert!((behind.km - 0.3 * DEGREE_KM).abs() < 1e-9);
        let beyond = segment_distance(p(0.0, 1.2), a, b);
        assert!((beyond.km - 0.2 * DEGREE_KM).abs() < 1e-9);
        let degenerate = segment_distance(p(0.0, 0.5), a, a);
        assert!((degenerate.km - 0.5 * DEGREE_KM).abs() < 1e-9);
    }
}
