//! Situation reports over stored events: `marsad report` and `/api/report`.
//!
//! Data flow: the store's events → [`inputs`] (the indicators' typed events, admin units from
//! the place's region chain, supply attacks from the evidence's words) → `marsad-indicators`
//! for the period, the previous period and the trend window → [`compose`] (sentences from the
//! templates of `data/report/{ar,fr,en}.json`, each citing its events) → [`doc::Report`] →
//! [`render`] (HTML or Markdown, SVG figures from [`svg`] over the offline [`basemap`]).
//!
//! Architecture invariants: the report is deterministic (the same store and request give the
//! same bytes: no clock, no hash order, the period's end defaults to the store's latest dated
//! event), and every sentence or figure that states something about events cites them by
//! numbered notes naming the event and its outlets ([`doc::Kind`]); a zero says so and cites
//! nothing. Knowledge (templates, thresholds, the focus, supply words) is data, checked when
//! loaded.

pub mod basemap;
pub mod compose;
pub mod doc;
pub mod inputs;
pub mod render;
pub mod settings;
pub mod sites;
pub mod svg;
pub mod texts;

use marsad_indicators::{Config, Corridor, Day, Indicators, Period, Point, Query};
use marsad_kb::KnowledgeBase;
use marsad_store::{EventFilter, Store, StoreError, StoredEvent};

pub use doc::Report;
pub use inputs::{Converter, Inputs};
pub use settings::Settings;
pub use sites::Site;
pub use texts::{Lang, Library, Texts};

/// Why a report or its inputs could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A data file is invalid.
    #[error("data/{file}: {message}")]
    Data {
        /// The file (relative to data/), with line and column when known.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The sites file is invalid.
    #[error("{at}: {message}")]
    Sites {
        /// File and line.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The focus is not a place with coordinates.
    #[error("focus: {0}")]
    Focus(String),
    /// No period was given and the store has no event dated to the day or the week.
    #[error("the store has no event dated to the day or the week: give the period's last day")]
    NoDatedEvents,
    /// The period makes no sense.
    #[error("period: {0}")]
    Period(String),
}

impl ReportError {
    /// A JSON error in a data file, with its line and column.
    pub fn data(file: &str, error: &serde_json::Error) -> ReportError {
        ReportError::Data { file: format!("{file}:{}:{}", error.line(), error.column()), message: error.to_string() }
    }
}

/// Which days a report or an indicators answer covers: `since` to `until`, or `weeks` weeks
/// ending on `until`. Missing values come from the settings and the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodRequest {
    /// First day (else `until` minus `weeks` weeks, plus one day).
    pub since: Option<Day>,
    /// Last day (else the latest day of an event dated to the day or the week).
    pub until: Option<Day>,
    /// Length in weeks when `since` is not given (else the settings' `weeks`).
    pub weeks: Option<u32>,
}

/// What a report is asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Its language.
    pub lang: Lang,
    /// The focus place id (else the settings' focus).
    pub focus: Option<String>,
    /// Its period.
    pub period: PeriodRequest,
    /// The reader's sites (none: the section is left out).
    pub sites: Vec<Site>,
}

/// The stored events a report reads, and the indicators' events made from them.
///
/// Loaded in two steps, because reading every event's sources costs one query per event
/// (BENCHMARKS.md): [`Engine::load`] reads every summary in one query; [`Engine::complete`] then
/// reads the sources of the events that can be dated inside a window (the report's period),
/// so that their outlets and every source's evidence are known. Outside the window an event
/// has its summary only: no outlets, and supply words looked for in the summary's sentence.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Every event read; `sources` is filled for the completed ones.
    pub stored: Vec<StoredEvent>,
    /// Their conversion (unreadable events set aside).
    pub inputs: Inputs,
}

/// Everything a report needs besides the store: the knowledge base, the checked settings and
/// texts, the roads. Built once, used for many reports.
pub struct Engine<'a> {
    /// The knowledge base.
    pub kb: &'a KnowledgeBase,
    /// The settings.
    pub settings: Settings,
    /// The texts of every language.
    pub library: Library,
    /// The supply roads with their stops' coordinates.
    pub roads: Vec<Corridor>,
    converter: Converter<'a>,
}

impl<'a> Engine<'a> {
    /// The engine with the embedded settings and texts.
    pub fn new(kb: &'a KnowledgeBase) -> Result<Engine<'a>, ReportError> {
        let settings = Settings::embedded(kb)?;
        let library = Library::embedded()?;
        let converter = Converter::new(kb, &settings);
        Ok(Engine { kb, roads: inputs::roads(kb), settings, library, converter })
    }

    /// Read the summary of every event matching `filter` and convert them. Without a
    /// language, outlet, place or document filter, one query reads every summary
    /// (`Store::candidate_events` over all dates and places) and an actor is matched on the
    /// summary's actors, as the store's filter does; otherwise `Store::events` reads the
    /// matching events with their sources (one query per event: slower).
    pub fn load<S: Store + ?Sized>(&self, store: &S, filter: &EventFilter) -> Result<Loaded, ReportError> {
        let by_sources = filter.lang.is_some()
            || filter.outlet.is_some()
            || filter.places.is_some()
            || filter.documents.is_some()
            || filter.bbox.is_some()
            || filter.from.is_some()
            || filter.to.is_some();
        let stored = if by_sources {
            store.events(filter)?
        } else {
            let every = EventFilter { event_type: filter.event_type.clone(), ..EventFilter::default() };
            let mut all = store.candidate_events(&every)?;
            if let Some(actor) = &filter.actor {
                all.retain(|e| [&e.summary.actor1, &e.summary.actor2].iter().any(|a| a.as_deref() == Some(actor)));
            }
            all
        };
        let inputs = self.converter.convert(&stored);
        Ok(Loaded { stored, inputs })
    }

    /// Read the sources of every loaded event whose dates may fall from `from` to `to`, and
    /// convert those events again with them (outlets, every source's evidence).
    pub fn complete<S: Store + ?Sized>(
        &self,
        store: &S,
        loaded: &mut Loaded,
        from: Day,
        to: Day,
    ) -> Result<(), ReportError> {
        let positions: std::collections::HashMap<i64, usize> =
            loaded.inputs.events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        for event in loaded.stored.iter_mut().filter(|e| e.sources.is_empty()) {
            let Some(&position) = positions.get(&event.id) else { continue };
            let inside = loaded.inputs.events[position].dating.interval().is_some_and(|(a, b)| a <= to && b >= from);
            if !inside {
                continue;
            }
            if let Some(full) = store.event(event.id)? {
                if let Ok(converted) = self.converter.event(&full) {
                    loaded.inputs.events[position] = converted;
                }
                *event = full;
            }
        }
        Ok(())
    }

    /// The converter (outlet names, supply words).
    pub fn converter(&self) -> &Converter<'a> {
        &self.converter
    }

    /// The focus: a place id with coordinates, or the settings' focus.
    pub fn focus(&self, id: Option<&str>) -> Result<(String, Point), ReportError> {
        match id {
            None => Ok((self.settings.focus.clone(), self.settings.focus_point)),
            Some(id) => settings::focus_point(self.kb, id).map(|p| (id.to_string(), p)).map_err(ReportError::Focus),
        }
    }

    /// The period a request means over these events.
    pub fn period(&self, request: PeriodRequest, inputs: &Inputs) -> Result<Period, ReportError> {
        let until = match request.until {
            Some(day) => day,
            None => latest_day(inputs).ok_or(ReportError::NoDatedEvents)?,
        };
        let weeks = request.weeks.unwrap_or(self.settings.weeks);
        let since = request.since.unwrap_or_else(|| until.plus(1 - 7 * weeks.min(1040) as i32));
        Period::new(since, until).map_err(|e| ReportError::Period(e.to_string()))
    }

    /// Every indicator for a focus and period, with the default parameters.
    pub fn indicators(&self, inputs: &Inputs, focus: Point, period: Period) -> Result<Indicators, ReportError> {
        let query = Query::new(focus, period, Config::default()).map_err(|e| ReportError::Period(e.to_string()))?;
        Ok(marsad_indicators::compute(&inputs.events, &self.roads, &query))
    }

    /// A report over the store's events.
    pub fn report<S: Store + ?Sized>(&self, store: &S, request: &Request) -> Result<Report, ReportError> {
        let mut loaded = self.load(store, &EventFilter::default())?;
        let period = self.period(request.period, &loaded.inputs)?;
        self.complete(store, &mut loaded, period.start(), period.end())?;
        self.report_over(store, &loaded, request)
    }

    /// A report over events already loaded from `store` (which still gives the sources of the
    /// events cited and their links).
    pub fn report_over<S: Store + ?Sized>(
        &self,
        store: &S,
        loaded: &Loaded,
        request: &Request,
    ) -> Result<Report, ReportError> {
        let (focus_id, focus) = self.focus(request.focus.as_deref())?;
        let period = self.period(request.period, &loaded.inputs)?;
        let composer = compose::Composer::new(self, loaded, request, &focus_id, focus, period);
        composer.report(store)
    }
}

/// The latest day of an event dated to the day or the week.
pub fn latest_day(inputs: &Inputs) -> Option<Day> {
    inputs.events.iter().filter_map(|e| e.dating.day_or_week()).max()
}
