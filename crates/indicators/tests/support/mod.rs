//! Building synthetic events for the tests: a focus at 0°N 0°E, where one degree of arc is
//! 6371.0088 × π / 180 = 111.195 km in every direction.

#![allow(dead_code)]

use marsad_indicators::geo::EARTH_RADIUS_KM;
use marsad_indicators::{
    ActorRef, Config, Dating, Day, Event, GeoPrecision, Month, Period, Point, Query, SubEventType,
};

/// Kilometres in one degree of arc.
pub const DEGREE_KM: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

/// The focus of every test.
pub fn focus() -> Point {
    Point::new(0.0, 0.0).expect("point")
}

pub fn day(text: &str) -> Day {
    Day::parse(text).expect("valid day")
}

pub fn query(start: &str, end: &str) -> Query {
    query_with(start, end, Config::default())
}

pub fn query_with(start: &str, end: &str, config: Config) -> Query {
    Query::new(focus(), Period::new(day(start), day(end)).expect("period"), config).expect("query")
}

/// The point `km` from the focus on the initial bearing `bearing` (the destination formula on
/// the sphere, from the focus at 0°N 0°E).
pub fn toward(bearing: f64, km: f64) -> (f64, f64) {
    let (delta, theta) = (km / EARTH_RADIUS_KM, bearing.to_radians());
    let lat = (delta.sin() * theta.cos()).asin();
    let lon = (theta.sin() * delta.sin()).atan2(delta.cos());
    (lat.to_degrees(), lon.to_degrees())
}

/// An armed clash with no place, date, actor or unit yet; add them with the methods below.
pub fn event(id: i64) -> Event {
    Event {
        id,
        point: None,
        geo_precision: GeoPrecision::Town,
        dating: Dating::Undated,
        sub_event_type: SubEventType::ArmedClash,
        actors: Vec::new(),
        admin1: None,
        admin2: None,
        fatalities: 0,
        outlets: Vec::new(),
        supply_target: false,
    }
}

pub trait Build {
    fn at(self, lat: f64, lon: f64) -> Self;
    fn north(self, km: f64) -> Self;
    fn on(self, date: &str) -> Self;
    fn in_week_of(self, date: &str) -> Self;
    fn in_month(self, year: i32, month: u32) -> Self;
    fn sub(self, sub: SubEventType) -> Self;
    fn region_only(self) -> Self;
    fn unit(self, admin1: &str, admin2: &str) -> Self;
    fn actor(self, id: &str, non_state: bool) -> Self;
    fn supply(self) -> Self;
    fn killed(self, n: u32) -> Self;
    fn outlet(self, id: &str) -> Self;
}

impl Build for Event {
    fn at(mut self, lat: f64, lon: f64) -> Event {
        self.point = Some(Point::new(lat, lon).expect("point"));
        self
    }
    fn north(self, km: f64) -> Event {
        self.at(km / DEGREE_KM, 0.0)
    }
    fn on(mut self, date: &str) -> Event {
        self.dating = Dating::Day(day(date));
        self
    }
    fn in_week_of(mut self, date: &str) -> Event {
        self.dating = Dating::Week(day(date));
        self
    }
    fn in_month(mut self, year: i32, month: u32) -> Event {
        self.dating = Dating::Month(Month::new(year, month).expect("month"));
        self
    }
    fn sub(mut self, sub: SubEventType) -> Event {
        self.sub_event_type = sub;
        self
    }
    fn region_only(mut self) -> Event {
        self.geo_precision = GeoPrecision::Region;
        self
    }
    fn unit(mut self, admin1: &str, admin2: &str) -> Event {
        self.admin1 = Some(admin1.to_string());
        self.admin2 = Some(admin2.to_string());
        self
    }
    fn actor(mut self, id: &str, non_state: bool) -> Event {
        self.actors.push(ActorRef { id: id.to_string(), non_state });
        self
    }
    fn supply(mut self) -> Event {
        self.supply_target = true;
        self
    }
    fn killed(mut self, n: u32) -> Event {
        self.fatalities = n;
        self
    }
    fn outlet(mut self, id: &str) -> Event {
        self.outlets.push(id.to_string());
        self
    }
}
