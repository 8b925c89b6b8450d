//! The report's sections, written from the indicators with the language's templates. Every
//! sentence that states something about events is a [`Sentence::claim`] with those events;
//! the notes are numbered at the end, in order of first citation.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use marsad_indicators::distance::Direction;
use marsad_indicators::emerging::Emergence;
use marsad_indicators::geo::distance_km;
use marsad_indicators::{Dating, Day, Event, EventId, EventType, Indicators, Period, Point, SubEventType};
use marsad_store::{Store, StoredEvent};

use crate::doc::{cited_in_order, Block, Link, Note, Report, Sentence};
use crate::svg::{self, MapFrame, Marker};
use crate::texts::{Lang, Texts};
use crate::{Engine, Loaded, ReportError, Request};

/// A signal of the arrow: its direction (+1 worse, −1 better), its words and its events.
struct Signal {
    direction: i8,
    text: String,
    events: Vec<EventId>,
}

/// Writes one report.
pub struct Composer<'a> {
    engine: &'a Engine<'a>,
    t: &'a Texts,
    lang: Lang,
    loaded: &'a Loaded,
    stored: HashMap<EventId, &'a StoredEvent>,
    request: &'a Request,
    focus_id: String,
    focus: Point,
    period: Period,
    previous: Period,
    series_period: Period,
}

/// The ids of events.
fn ids<'e>(events: impl IntoIterator<Item = &'e Event>) -> Vec<EventId> {
    events.into_iter().map(|e| e.id).collect()
}

/// The union of id lists, ascending.
fn union<'l>(lists: impl IntoIterator<Item = &'l Vec<EventId>>) -> Vec<EventId> {
    let set: BTreeSet<EventId> = lists.into_iter().flatten().copied().collect();
    set.into_iter().collect()
}

/// The day an event is placed in, when it lies in `period` and is dated to the day or week.
fn day_in(event: &Event, period: Period) -> Option<Day> {
    event.dating.day_or_week().filter(|d| *d >= period.start() && *d <= period.end())
}

/// Indicators for the period, the previous period and the chart window.
struct Figures {
    now: Indicators,
    before: Indicators,
    series: Indicators,
}

impl<'a> Composer<'a> {
    /// A composer for this request.
    pub fn new(
        engine: &'a Engine<'a>,
        loaded: &'a Loaded,
        request: &'a Request,
        focus_id: &str,
        focus: Point,
        period: Period,
    ) -> Composer<'a> {
        let days = period.days();
        let previous_end = period.start().plus(-1);
        let previous = Period::new(previous_end.plus(1 - days), previous_end).unwrap_or(period);
        let series_days = (engine.settings.series_weeks as i32 * 7).max(days);
        let series_period = Period::new(period.end().plus(1 - series_days), period.end()).unwrap_or(period);
        Composer {
            engine,
            t: engine.library.get(request.lang),
            lang: request.lang,
            loaded,
            stored: loaded.stored.iter().map(|e| (e.id, e)).collect(),
            request,
            focus_id: focus_id.to_string(),
            focus,
            period,
            previous,
            series_period,
        }
    }

    /// The report, with its notes (the store gives each source's link).
    pub fn report<S: Store + ?Sized>(&self, store: &S) -> Result<Report, ReportError> {
        let inputs = &self.loaded.inputs;
        let figures = Figures {
            now: self.engine.indicators(inputs, self.focus, self.period)?,
            before: self.engine.indicators(inputs, self.focus, self.previous)?,
            series: self.engine.indicators(inputs, self.focus, self.series_period)?,
        };
        let header = self.header();
        let mut blocks = Vec::new();
        self.changed(&figures, &mut blocks);
        self.key_figures(&figures, &mut blocks);
        self.map(&mut blocks);
        self.trends(&figures, &mut blocks);
        self.roads(&figures, &mut blocks);
        self.sites(&mut blocks);
        self.kidnappings(&mut blocks);
        self.new_actors_and_units(&figures, &mut blocks);
        self.gaps(&figures, &mut blocks);
        self.method(&mut blocks);
        let notes = self.notes(store, cited_in_order(&header, &blocks))?;
        Ok(Report {
            lang: self.lang,
            title: self.t.fill("title", &[("focus", &self.focus_name())]),
            header,
            blocks,
            notes_heading: self.t.get("h.notes").to_string(),
            notes,
        })
    }

    // ---- names and formats ----

    fn place_name(&self, id: &str) -> String {
        let kb = self.engine.kb;
        match kb.place_index(id).map(|i| &kb.places[i as usize]) {
            Some(place) => {
                place.names.get(self.lang.code()).first().cloned().unwrap_or_else(|| place.name().to_string())
            }
            None => id.to_string(),
        }
    }

    fn focus_name(&self) -> String {
        self.place_name(&self.focus_id)
    }

    fn actor_name(&self, id: &str) -> String {
        let kb = self.engine.kb;
        match kb.actor_index(id).map(|i| &kb.actors[i as usize]) {
            Some(actor) if self.lang == Lang::En => actor.name.clone(),
            Some(actor) => actor.names.get(self.lang.code()).first().cloned().unwrap_or_else(|| actor.name.clone()),
            None => id.to_string(),
        }
    }

    fn type_name(&self, event_type: EventType) -> &str {
        self.t.get(match event_type {
            EventType::Battles => "type.battles",
            EventType::ExplosionsRemoteViolence => "type.explosions",
            EventType::ViolenceAgainstCivilians => "type.vac",
            EventType::Protests => "type.protests",
            EventType::Riots => "type.riots",
            EventType::StrategicDevelopments => "type.strategic",
        })
    }

    fn date(&self, day: Day) -> String {
        self.t.date(day)
    }

    fn dating(&self, dating: Dating) -> String {
        match dating {
            Dating::Day(day) => self.date(day),
            Dating::Week(day) => self.t.fill("fmt.week", &[("date", &self.date(day))]),
            Dating::Month(month) => self.month(month.first_day()),
            Dating::Year(year) => year.to_string(),
            Dating::Undated => self.t.get("note.undated").to_string(),
        }
    }

    fn month(&self, first: Day) -> String {
        self.t.month(first.month())
    }

    fn km(&self, value: f64) -> String {
        self.t.number(value, 0)
    }

    fn events(&self) -> &'a [Event] {
        &self.loaded.inputs.events
    }

    fn armed_in(&self, period: Period) -> Vec<&'a Event> {
        self.events().iter().filter(|e| e.is_armed_violence() && day_in(e, period).is_some()).collect()
    }

    fn kidnappings_in(&self, period: Period) -> Vec<&'a Event> {
        let mut found: Vec<&Event> = self
            .events()
            .iter()
            .filter(|e| e.sub_event_type == SubEventType::AbductionForcedDisappearance && day_in(e, period).is_some())
            .collect();
        found.sort_by_key(|e| (e.dating.day_or_week(), e.id));
        found
    }

    fn near_in(&self, period: Period) -> Vec<&'a Event> {
        let near = self.engine.settings.near_km;
        self.armed_in(period)
            .into_iter()
            .filter(|e| e.precise_point().is_some_and(|p| distance_km(self.focus, p) <= near))
            .collect()
    }

    // ---- sections ----

    fn header(&self) -> Vec<Sentence> {
        let next = self.period.end().plus(self.engine.settings.issue_every_days as i32);
        vec![
            Sentence::meta(self.t.fill(
                "period",
                &[
                    ("from", &self.date(self.period.start())),
                    ("to", &self.date(self.period.end())),
                    ("days", &self.period.days().to_string()),
                ],
            )),
            Sentence::meta(self.t.fill("next_issue", &[("next", &self.date(next))])),
        ]
    }

    fn changed(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.changed").to_string()));
        let signals: Vec<Signal> = [self.count_signal(), self.distance_signal(figures), self.sector_signal(figures)]
            .into_iter()
            .flatten()
            .collect();
        let score: i32 = signals.iter().map(|s| i32::from(s.direction)).sum();
        let (key, direction) = match score.signum() {
            1 => ("arrow.deteriorated", "up"),
            -1 => ("arrow.improved", "down"),
            _ => ("arrow.unchanged", "same"),
        };
        let (reasons, events) = if signals.is_empty() {
            let now = ids(self.armed_in(self.period));
            (vec![self.t.fill("reason.none", &[("now", &now.len().to_string())])], now)
        } else {
            let events = union(signals.iter().map(|s| &s.events));
            (signals.into_iter().map(|s| s.text).collect(), events)
        };
        let text = self.t.fill("rationale", &[("arrow", self.t.get(key)), ("reasons", &self.t.join(&reasons))]);
        blocks.push(Block::Arrow { direction, rationale: Sentence::claim(text, events) });
        let mut items = vec![self.trend_sentence(figures), self.encirclement_sentence(&figures.now)];
        items.extend(self.flag_sentences(&figures.now));
        blocks.push(Block::Items(items));
    }

    fn count_signal(&self) -> Option<Signal> {
        let rule = &self.engine.settings.arrow;
        let (now, before) = (ids(self.armed_in(self.period)), ids(self.armed_in(self.previous)));
        let (n, b) = (now.len(), before.len());
        if n.max(b) < rule.count_min_events as usize {
            return None;
        }
        let events = union([&now, &before]);
        if b == 0 {
            let text = self.t.fill("reason.count_new", &[("now", &n.to_string())]);
            return Some(Signal { direction: 1, text, events });
        }
        let percent = (n as f64 - b as f64) / b as f64 * 100.0;
        let (key, direction) = if percent > rule.count_change_percent {
            ("reason.count_up", 1)
        } else if percent < -rule.count_change_percent {
            ("reason.count_down", -1)
        } else {
            return None;
        };
        let text = self
            .t
            .fill(key, &[("before", &b.to_string()), ("now", &n.to_string()), ("percent", &self.t.percent(percent))]);
        Some(Signal { direction, text, events })
    }

    /// The events of the weekly distance figures in the trend's window.
    fn trend_events(&self, figures: &Figures) -> (Vec<EventId>, usize) {
        let trend = &figures.series.distance.median_trend;
        let weeks: Vec<&marsad_indicators::distance::DistanceWeek> = figures
            .series
            .distance
            .weeks
            .iter()
            .filter(|w| trend.window.iter().any(|s| s.week == w.span.week))
            .collect();
        let with = weeks.iter().filter(|w| !w.evidence.is_empty()).count();
        (union(weeks.iter().map(|w| &w.evidence.events)), with)
    }

    fn distance_signal(&self, figures: &Figures) -> Option<Signal> {
        let trend = &figures.series.distance.median_trend;
        let (key, direction) = match trend.direction {
            Direction::Closer => ("reason.closer", 1),
            Direction::Farther => ("reason.farther", -1),
            _ => return None,
        };
        let slope = trend.fit.map(|f| f.slope.abs()).unwrap_or(0.0);
        let text = self.t.fill(key, &[("focus", &self.focus_name()), ("km", &self.t.number(slope, 1))]);
        Some(Signal { direction, text, events: self.trend_events(figures).0 })
    }

    fn sector_signal(&self, figures: &Figures) -> Option<Signal> {
        let (now, before) = (&figures.now.encirclement, &figures.before.encirclement);
        let change = i32::from(now.closed) - i32::from(before.closed);
        let threshold = i32::from(self.engine.settings.arrow.sector_change);
        let (key, direction) = if change >= threshold {
            ("reason.sectors_up", 1)
        } else if change <= -threshold {
            ("reason.sectors_down", -1)
        } else {
            return None;
        };
        let events = union(now.sectors.iter().chain(&before.sectors).map(|s| &s.evidence.events));
        let text = self.t.fill(
            key,
            &[
                ("before", &before.closed.to_string()),
                ("now", &now.closed.to_string()),
                ("radius", &self.km(now.radius_km)),
            ],
        );
        Some(Signal { direction, text, events })
    }

    fn trend_sentence(&self, figures: &Figures) -> Sentence {
        let trend = &figures.series.distance.median_trend;
        let weeks = trend.window.len().to_string();
        let (events, with) = self.trend_events(figures);
        let focus = self.focus_name();
        let reading = match trend.direction {
            Direction::Closer => "trend.closer",
            Direction::Farther => "trend.farther",
            Direction::NoClearChange => "trend.no_change",
            Direction::TooFewWeeks if with == 0 => {
                return Sentence::absence(self.t.fill("trend.none", &[("weeks", &weeks), ("focus", &focus)]));
            }
            Direction::TooFewWeeks => {
                let text = self.t.fill("trend.too_few", &[("weeks", &weeks), ("with", &with.to_string())]);
                return Sentence::claim(text, events);
            }
        };
        let (slope, (low, high)) = match trend.fit {
            Some(fit) => (fit.slope, fit.slope_ci95.unwrap_or((fit.slope, fit.slope))),
            None => (0.0, (0.0, 0.0)),
        };
        let text = self.t.fill(
            "trend.fit",
            &[
                ("weeks", &weeks),
                ("focus", &focus),
                ("slope", &self.t.number(slope, 1)),
                ("low", &self.t.number(low, 1)),
                ("high", &self.t.number(high, 1)),
                ("reading", self.t.get(reading)),
            ],
        );
        Sentence::claim(text, events)
    }

    fn encirclement_sentence(&self, now: &Indicators) -> Sentence {
        let e = &now.encirclement;
        let days = (e.from.days_until(e.to) + 1).to_string();
        let (to, radius, focus) = (self.date(e.to), self.km(e.radius_km), self.focus_name());
        let base =
            [("days", days.as_str()), ("to", to.as_str()), ("radius", radius.as_str()), ("focus", focus.as_str())];
        let events = union(e.sectors.iter().map(|s| &s.evidence.events));
        match &e.largest_open_arc {
            _ if e.closed == 0 => Sentence::absence(self.t.fill("encircle.none", &base)),
            None => Sentence::claim(self.t.fill("encircle.full", &base), events),
            Some(arc) => {
                let (closed, from, to_deg, open) = (
                    e.closed.to_string(),
                    self.t.number(arc.from_deg, 2),
                    self.t.number(arc.to_deg, 2),
                    arc.sectors.to_string(),
                );
                let mut values = base.to_vec();
                values.extend([("closed", closed.as_str()), ("from_deg", &from), ("to_deg", &to_deg), ("open", &open)]);
                Sentence::claim(self.t.fill("encircle.arc", &values), events)
            }
        }
    }

    fn flag_sentences(&self, now: &Indicators) -> Vec<Sentence> {
        let trackers = &now.trackers;
        let config = marsad_indicators::Config::default();
        let mut out = Vec::new();
        for unit in &trackers.admin1 {
            let name = self.place_name(&unit.unit);
            if unit.surge.flagged {
                let text = self.t.fill(
                    "surge",
                    &[
                        ("unit", &name),
                        ("now", &unit.surge.current.to_string()),
                        ("week", &self.date(trackers.week.first)),
                        ("mean", &self.t.number(unit.surge.baseline_mean, 1)),
                        ("weeks", &config.surge_baseline_weeks.to_string()),
                    ],
                );
                out.push(Sentence::claim(text, unit.last_week.events.clone()));
            }
            if unit.threat.flagged {
                let text = self.t.fill(
                    "threat",
                    &[
                        ("unit", &name),
                        ("now", &unit.threat.current.to_string()),
                        ("month", &self.month(trackers.month.first_day())),
                        ("mean", &self.t.number(unit.threat.baseline_mean, 1)),
                        ("months", &config.threat_baseline_months.to_string()),
                    ],
                );
                out.push(Sentence::claim(text, unit.last_month.events.clone()));
            }
        }
        out
    }

    fn key_figures(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.figures").to_string()));
        let head = ["fig.col.figure", "fig.col.now", "fig.col.before", "fig.col.change"]
            .iter()
            .map(|k| self.t.get(k).to_string())
            .collect();
        let (armed_now, armed_before) = (self.armed_in(self.period), self.armed_in(self.previous));
        let deaths = |events: &[&Event]| events.iter().map(|e| u64::from(e.fatalities)).sum::<u64>();
        let config = marsad_indicators::Config::default();
        let sectors = |i: &Indicators| union(i.encirclement.sectors.iter().map(|s| &s.evidence.events));
        let road_incidents = |i: &Indicators| {
            let set: BTreeSet<EventId> = i.corridors.iter().flat_map(|c| c.incidents.iter().map(|x| x.event)).collect();
            set.into_iter().collect::<Vec<_>>()
        };
        let focus = self.focus_name();
        let rows = vec![
            self.row(
                self.t.get("fig.armed").to_string(),
                (armed_now.len() as u64, ids(armed_now.iter().copied())),
                (armed_before.len() as u64, ids(armed_before.iter().copied())),
            ),
            self.row(
                self.t.get("fig.deaths").to_string(),
                (deaths(&armed_now), ids(armed_now.iter().copied())),
                (deaths(&armed_before), ids(armed_before.iter().copied())),
            ),
            {
                let (n, b) = (ids(self.near_in(self.period)), ids(self.near_in(self.previous)));
                let label =
                    self.t.fill("fig.near", &[("km", &self.km(self.engine.settings.near_km)), ("focus", &focus)]);
                self.row(label, (n.len() as u64, n), (b.len() as u64, b))
            },
            {
                let label = self.t.fill(
                    "fig.sectors",
                    &[
                        ("radius", &self.km(config.encirclement_radius_km)),
                        ("days", &config.encirclement_days.to_string()),
                    ],
                );
                let (n, b) = (&figures.now.encirclement, &figures.before.encirclement);
                self.row(
                    label,
                    (u64::from(n.closed), sectors(&figures.now)),
                    (u64::from(b.closed), sectors(&figures.before)),
                )
            },
            {
                let (n, b) = (road_incidents(&figures.now), road_incidents(&figures.before));
                let label = self.t.fill("fig.roads", &[("km", &self.km(config.corridor_buffer_km))]);
                self.row(label, (n.len() as u64, n), (b.len() as u64, b))
            },
            {
                let (n, b) = (ids(self.kidnappings_in(self.period)), ids(self.kidnappings_in(self.previous)));
                self.row(self.t.get("fig.kidnappings").to_string(), (n.len() as u64, n), (b.len() as u64, b))
            },
        ];
        blocks.push(Block::Table { head, rows });
        let baseline = self.t.fill(
            "fig.baseline",
            &[("from", &self.date(self.previous.start())), ("to", &self.date(self.previous.end()))],
        );
        blocks.push(Block::Paragraph(vec![Sentence::meta(baseline)]));
    }

    /// A row: label, the figure now and before (each with its events), and the change.
    fn row(&self, label: String, now: (u64, Vec<EventId>), before: (u64, Vec<EventId>)) -> Vec<Sentence> {
        let change = match (now.0, before.0) {
            (0, 0) => Sentence::claim(self.t.get("change.same").to_string(), union([&now.1, &before.1])),
            (_, 0) => Sentence::claim(self.t.get("change.new").to_string(), now.1.clone()),
            (n, b) => {
                let percent = (n as f64 - b as f64) / b as f64 * 100.0;
                Sentence::claim(self.t.percent(percent), union([&now.1, &before.1]))
            }
        };
        vec![
            Sentence::meta(label),
            Sentence::claim(now.0.to_string(), now.1),
            Sentence::claim(before.0.to_string(), before.1),
            change,
        ]
    }

    fn map(&self, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.map").to_string()));
        let mut markers = Vec::new();
        let mut drawn = Vec::new();
        let mut shown: Vec<&Event> = self.events().iter().filter(|e| day_in(e, self.period).is_some()).collect();
        shown.sort_by_key(|e| e.id);
        for event in shown {
            let Some(point) = event.point else { continue };
            let kind = EventType::ALL.iter().position(|t| *t == event.event_type()).unwrap_or(5);
            let precise = event.precise_point().is_some();
            markers.push(Marker { point, kind, precise, title: format!("#{}", event.id) });
            drawn.push(event.id);
        }
        let focus = self.focus_name();
        let mut legend: Vec<String> = EventType::ALL.iter().map(|t| self.type_name(*t).to_string()).collect();
        legend.extend(["legend.precise", "legend.imprecise", "legend.road"].iter().map(|k| self.t.get(k).to_string()));
        let frame = MapFrame {
            focus: self.focus,
            focus_label: &focus,
            radius_km: self.engine.settings.map_radius_km,
            rings_km: &marsad_indicators::Config::default().ring_edges_km[1..],
            roads: self.engine.roads.iter().map(|r| r.stops().iter().map(|s| s.point).collect()).collect(),
            towns: self.towns(),
            legend,
            rtl: self.lang.rtl(),
        };
        let (countries, regions) = crate::basemap::embedded();
        let svg = svg::map(&frame, countries, regions, &markers);
        let caption = if drawn.is_empty() {
            Sentence::absence(self.t.fill("map.none", &[("focus", &focus)]))
        } else {
            Sentence::claim(
                self.t.fill("map.caption", &[("count", &drawn.len().to_string()), ("focus", &focus)]),
                drawn,
            )
        };
        blocks.push(Block::Figure { id: "map", svg, caption });
    }

    /// The roads' stops other than the focus, each once, named in the report's language.
    fn towns(&self) -> Vec<(Point, String)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for stop in self.engine.roads.iter().flat_map(|r| r.stops()) {
            if stop.id != self.focus_id && seen.insert(stop.id.clone()) {
                out.push((stop.point, self.place_name(&stop.id)));
            }
        }
        out
    }

    fn week_label(day: Day) -> String {
        let (_, month, day) = day.ymd();
        format!("{day}/{month}")
    }

    fn trends(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.trends").to_string()));
        let focus = self.focus_name();
        let weeks = &figures.series.distance.weeks;
        let labels: Vec<String> = weeks.iter().map(|w| Self::week_label(w.span.first)).collect();
        let events = union(weeks.iter().map(|w| &w.evidence.events));
        if events.is_empty() {
            blocks.push(Block::Paragraph(vec![Sentence::absence(self.t.get("chart.none").to_string())]));
        } else {
            let series = [
                (self.t.get("legend.median"), "#b2182b", weeks.iter().map(|w| w.median_km).collect()),
                (self.t.get("legend.p10"), "#2166ac", weeks.iter().map(|w| w.p10_km).collect()),
            ];
            let caption = self.t.fill("chart.distance", &[("focus", &focus), ("count", &events.len().to_string())]);
            let svg = svg::lines(&labels, &series, self.t.get("axis.km"));
            blocks.push(Block::Figure { id: "distance", svg, caption: Sentence::claim(caption, events) });
            let rings = &figures.series.rings;
            let layers: Vec<(String, &str, Vec<u32>)> = rings
                .bands
                .iter()
                .enumerate()
                .map(|(i, (a, b))| {
                    let counts = rings.weeks.iter().map(|w| w.bands.get(i).map_or(0, |e| e.len() as u32)).collect();
                    (format!("{}–{} {}", self.km(*a), self.km(*b), self.t.get("axis.km")), svg::band_colour(i), counts)
                })
                .collect();
            let ring_events = union(rings.weeks.iter().flat_map(|w| w.bands.iter().map(|b| &b.events)));
            if !ring_events.is_empty() {
                let caption =
                    self.t.fill("chart.rings", &[("focus", &focus), ("count", &ring_events.len().to_string())]);
                let svg = svg::stacked(&labels, &layers, self.t.get("axis.events"));
                blocks.push(Block::Figure { id: "rings", svg, caption: Sentence::claim(caption, ring_events) });
            }
        }
        let roads: Vec<(String, Vec<EventId>)> = figures
            .now
            .corridors
            .iter()
            .filter(|c| !c.incidents.is_empty())
            .map(|c| (self.road_short_name(&c.id), c.incidents.iter().map(|i| i.event).collect()))
            .collect();
        if !roads.is_empty() {
            let all = union(roads.iter().map(|(_, e)| e));
            let items: Vec<(String, u32)> = roads.iter().map(|(name, e)| (name.clone(), e.len() as u32)).collect();
            let caption = self.t.fill("chart.roads", &[("count", &all.len().to_string())]);
            let svg = svg::bars(&items, self.t.get("axis.events"));
            blocks.push(Block::Figure { id: "roads", svg, caption: Sentence::claim(caption, all) });
        }
    }

    fn road_name(&self, id: &str) -> String {
        let found = self.engine.kb.corridors.iter().find(|c| c.id == id);
        found.and_then(|c| c.names.get(self.lang.code()).first().cloned()).unwrap_or_else(|| id.to_string())
    }

    /// "Bamako – Diboli": the road's first and last stops.
    fn road_short_name(&self, id: &str) -> String {
        let found = self.engine.kb.corridors.iter().find(|c| c.id == id);
        match found.map(|c| (c.points.first(), c.points.last())) {
            Some((Some(a), Some(b))) => format!("{} – {}", self.place_name(a), self.place_name(b)),
            _ => id.to_string(),
        }
    }

    fn roads(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.roads").to_string()));
        let mut items = Vec::new();
        for road in figures.now.corridors.iter().filter(|c| !c.incidents.is_empty()) {
            let supply = road.incidents.iter().filter(|i| i.supply_target).count();
            let score: f64 = road.incidents.iter().map(|i| i.weight).sum();
            let (last, days) = match road.last_incident {
                Some(l) => (self.date(l.day), l.days_since.to_string()),
                None => (self.t.get("unknown").to_string(), String::new()),
            };
            let text = self.t.fill(
                "road",
                &[
                    ("road", &self.road_name(&road.id)),
                    ("count", &road.incidents.len().to_string()),
                    ("supply", &supply.to_string()),
                    ("score", &self.t.number(score, 0)),
                    ("last", &last),
                    ("days", &days),
                ],
            );
            items.push(Sentence::claim(text, road.incidents.iter().map(|i| i.event).collect()));
        }
        if items.is_empty() {
            let km = self.km(marsad_indicators::Config::default().corridor_buffer_km);
            blocks.push(Block::Paragraph(vec![Sentence::absence(self.t.fill("road.none", &[("km", &km)]))]));
        } else {
            blocks.push(Block::Items(items));
        }
    }

    fn sites(&self, blocks: &mut Vec<Block>) {
        if self.request.sites.is_empty() {
            return;
        }
        blocks.push(Block::Heading(self.t.get("h.sites").to_string()));
        for site in &self.request.sites {
            let mut near: Vec<(&Event, f64)> = self
                .events()
                .iter()
                .filter(|e| day_in(e, self.period).is_some())
                .filter_map(|e| e.precise_point().map(|p| (e, distance_km(site.point, p))))
                .filter(|(_, km)| *km <= site.radius_km)
                .collect();
            near.sort_by_key(|(e, _)| (e.dating.day_or_week(), e.id));
            let km = self.km(site.radius_km);
            if near.is_empty() {
                let text = self.t.fill("site.none", &[("site", &site.name), ("km", &km)]);
                blocks.push(Block::Paragraph(vec![Sentence::absence(text)]));
                continue;
            }
            let all = near.iter().map(|(e, _)| e.id).collect();
            let count =
                self.t.fill("site.count", &[("site", &site.name), ("count", &near.len().to_string()), ("km", &km)]);
            blocks.push(Block::Paragraph(vec![Sentence::claim(count, all)]));
            let items = near
                .iter()
                .map(|(e, distance)| {
                    let text = self.t.fill(
                        "site.item",
                        &[
                            ("date", &self.dating(e.dating)),
                            ("kind", self.type_name(e.event_type())),
                            ("place", &self.event_place(e.id)),
                            ("km", &self.km(*distance)),
                        ],
                    );
                    Sentence::claim(text, vec![e.id])
                })
                .collect();
            blocks.push(Block::Items(items));
        }
    }

    fn event_place(&self, id: EventId) -> String {
        let place = self.stored.get(&id).and_then(|e| e.summary.place.as_deref());
        place.map(|p| self.place_name(p)).unwrap_or_else(|| self.t.get("note.no_place").to_string())
    }

    fn kidnappings(&self, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.kidnappings").to_string()));
        let found = self.kidnappings_in(self.period);
        if found.is_empty() {
            blocks.push(Block::Paragraph(vec![Sentence::absence(self.t.get("kidnap.none").to_string())]));
            return;
        }
        let items = found
            .iter()
            .map(|e| {
                let (date, place) = (self.dating(e.dating), self.event_place(e.id));
                let doer = e.actors.first().filter(|a| a.id != "civilians");
                let text = match doer {
                    Some(actor) => self.t.fill(
                        "kidnap.item",
                        &[("date", &date), ("place", &place), ("actor", &self.actor_name(&actor.id))],
                    ),
                    None => self.t.fill("kidnap.item_unknown", &[("date", &date), ("place", &place)]),
                };
                Sentence::claim(text, vec![e.id])
            })
            .collect();
        blocks.push(Block::Items(items));
    }

    fn new_actors_and_units(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.new").to_string()));
        let days = marsad_indicators::Config::default().baseline_days.to_string();
        let mut items = Vec::new();
        for actor in &figures.now.emerging.actors {
            let (name, count) = (self.actor_name(&actor.actor), actor.evidence.len().to_string());
            let text = match actor.emergence {
                Emergence::New => self.t.fill("actor.new", &[("actor", &name), ("count", &count)]),
                Emergence::Returning => {
                    let last = actor.last_before.map(|d| self.date(d)).unwrap_or_default();
                    self.t.fill(
                        "actor.returning",
                        &[("actor", &name), ("count", &count), ("days", &days), ("last", &last)],
                    )
                }
                Emergence::SharpRise => self.t.fill(
                    "actor.rise",
                    &[("actor", &name), ("count", &count), ("expected", &self.t.number(actor.expected, 1))],
                ),
            };
            items.push(Sentence::claim(text, actor.evidence.events.clone()));
        }
        if items.is_empty() {
            items.push(Sentence::absence(self.t.fill("actor.none", &[("days", &days)])));
        }
        let units = &figures.now.diffusion.new_units;
        for unit in units {
            let region =
                unit.admin1.as_deref().map(|r| self.place_name(r)).unwrap_or_else(|| self.t.get("unknown").to_string());
            let (name, first) = (self.place_name(&unit.admin2), self.date(unit.first));
            let mut values = vec![("unit", name.as_str()), ("region", &region), ("days", &days), ("date", &first)];
            let last = unit.last_before.map(|d| self.date(d));
            let key = match &last {
                Some(last) => {
                    values.push(("last", last));
                    "unit.return"
                }
                None => "unit.new",
            };
            items.push(Sentence::claim(self.t.fill(key, &values), unit.evidence.events.clone()));
        }
        if units.is_empty() {
            items.push(Sentence::absence(self.t.fill("unit.none", &[("days", &days)])));
        }
        blocks.push(Block::Items(items));
    }

    fn gaps(&self, figures: &Figures, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.gaps").to_string()));
        let left = &figures.now.left_out;
        let no_unit: Vec<EventId> = self
            .events()
            .iter()
            .filter(|e| e.is_political_violence() && day_in(e, self.period).is_some() && e.admin2.is_none())
            .map(|e| e.id)
            .collect();
        let unreadable: Vec<EventId> = self.loaded.inputs.unreadable.iter().map(|u| u.id).collect();
        let mut items = Vec::new();
        for (key, list) in [
            ("gap.undated", &left.undated),
            ("gap.vague", &left.vague_date),
            ("gap.imprecise", &left.imprecise_place),
            ("gap.unit", &no_unit),
            ("gap.unreadable", &unreadable),
        ] {
            if !list.is_empty() {
                items.push(Sentence::claim(self.t.fill(key, &[("count", &list.len().to_string())]), list.clone()));
            }
        }
        if items.is_empty() {
            items.push(Sentence::absence(self.t.get("gap.none").to_string()));
        }
        blocks.push(Block::Items(items));
    }

    fn method(&self, blocks: &mut Vec<Block>) {
        blocks.push(Block::Heading(self.t.get("h.method").to_string()));
        let rule = &self.engine.settings.arrow;
        let config = marsad_indicators::Config::default();
        let text = self.t.fill(
            "method",
            &[
                ("count_pct", &self.t.number(rule.count_change_percent, 0)),
                ("min_events", &rule.count_min_events.to_string()),
                ("sectors", &rule.sector_change.to_string()),
                ("radius", &self.km(config.encirclement_radius_km)),
                ("days", &config.encirclement_days.to_string()),
                ("near", &self.km(self.engine.settings.near_km)),
            ],
        );
        blocks.push(Block::Paragraph(vec![Sentence::meta(text)]));
    }

    // ---- notes ----

    fn notes<S: Store + ?Sized>(&self, store: &S, order: Vec<EventId>) -> Result<Vec<Note>, ReportError> {
        let mut stories: BTreeMap<i64, Vec<marsad_store::StoryMember>> = BTreeMap::new();
        let mut notes = Vec::with_capacity(order.len());
        for id in order {
            let Some(&loaded) = self.stored.get(&id) else { continue };
            // Events outside the completed window were loaded without their sources.
            let fetched = if loaded.sources.is_empty() { store.event(id)? } else { None };
            let event = fetched.as_ref().unwrap_or(loaded);
            let s = &event.summary;
            let dating = Dating::from_acled(s.date.as_deref(), s.time_precision).unwrap_or(Dating::Undated);
            let kind = match s.sub_event_type.parse::<SubEventType>() {
                Ok(t) => self.type_name(t.event_type()).to_string(),
                Err(_) => s.event_type.clone(),
            };
            let text = self.t.fill(
                "note",
                &[
                    ("id", &id.to_string()),
                    ("date", &self.dating(dating)),
                    ("kind", &kind),
                    ("place", &self.event_place(id)),
                ],
            );
            let mut links: Vec<Link> = Vec::new();
            for source in &event.sources {
                let members = match stories.entry(source.story) {
                    std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::btree_map::Entry::Vacant(e) => e.insert(store.story_members(source.story)?),
                };
                let url = members.iter().find(|m| m.0 == source.doc_id).and_then(|m| m.3.clone());
                let outlet = match (&source.outlet, &url) {
                    (Some(o), _) => self.engine.converter().outlet_name(o),
                    (None, Some(u)) => domain(u),
                    (None, None) => self.t.get("note.no_outlet").to_string(),
                };
                let link = Link { outlet, url };
                if !links.contains(&link) {
                    links.push(link);
                }
            }
            notes.push(Note { number: notes.len() + 1, event: id, text, links });
        }
        Ok(notes)
    }
}

/// The host of a URL (`www.` removed), or the URL itself.
fn domain(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url).split(['/', '?', '#', ':']).next().unwrap_or(url);
    host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_name_outlets_without_a_name() {
        assert_eq!(domain("https://www.Example.org/a/b?c"), "example.org");
        assert_eq!(domain("http://news.example.net:8080/"), "news.example.net");
    }
}
