//! The knowledge base's entries as plain types, independent of the file format.

use std::collections::BTreeMap;

/// Names of one entry by language code (`en`, `fr`, `ar`, ...); the first of each list is canonical.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(transparent)]
pub struct Names(pub BTreeMap<String, Vec<String>>);

impl Names {
    /// The names in one language.
    pub fn get(&self, lang: &str) -> &[String] {
        self.0.get(lang).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every (language, name) pair.
    pub fn all(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().flat_map(|(lang, names)| names.iter().map(move |n| (lang.as_str(), n.as_str())))
    }
}

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A town, city or village.
    Town,
    /// An administrative region at any level (region, cercle, province, wilaya).
    Region,
    /// A sovereign country.
    Country,
    /// A neighbourhood or commune inside a town.
    Neighbourhood,
    /// A river or lake.
    Water,
    /// Anything else (the Sahel, West Africa).
    Other,
}

impl PlaceKind {
    /// The name used in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Town => "town",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Water => "water",
            PlaceKind::Other => "other",
        }
    }
}

/// The adjective of nationality of a country, per language.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(transparent)]
pub struct Demonym(pub BTreeMap<String, Vec<String>>);

/// A named place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id (`ml.bamako`).
    pub id: String,
    /// What kind of place.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, `None` for places in no single country.
    pub country: Option<String>,
    /// Id of the first-level region that holds it (admin1).
    pub region: Option<String>,
    /// Id of the second-level unit that holds it: Mali's cercle, Burkina Faso's province, Niger's department.
    pub admin2: Option<String>,
    /// Id of the third-level unit (commune) that holds it, where known.
    pub admin3: Option<String>,
    /// Id of the first-level region that held it before the latest reform (Mali: before the 2023 law).
    pub former_admin1: Option<String>,
    /// A unit that no longer exists (Mali's pre-2023 regions): shown, never matched in text.
    pub former: bool,
    /// Written by a generator from a large source (GeoNames) with no curated alias: the text must
    /// support a mention of it (a place word, its region or country nearby) before it is accepted.
    pub generated: bool,
    /// An area wider than a country (Africa, the Sahel): it places an incident less precisely
    /// than a country does.
    pub broad: bool,
    /// Regions an area spans though it is no unit of their chain (Azawad: Mali's northern
    /// regions): a place inside one of them lies inside the area.
    pub covers: Vec<String>,
    /// Countries: the box every place of the country must lie in (min lon, min lat, max lon, max lat).
    pub bbox: Option<[f64; 4]>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Names by language.
    pub names: Names,
    /// Adjective of nationality (countries only).
    pub demonym: Option<Demonym>,
    /// Administrative level (1 region, 2 cercle or province, 3 commune).
    pub admin_level: Option<u8>,
    /// Population, when known.
    pub population: Option<u64>,
    /// GeoNames id, when the place comes from or was checked against GeoNames.
    pub geonames: Option<u64>,
    /// OpenStreetMap node id, for a village of the OpenStreetMap layer (`places/osm.jsonl`): so
    /// many that a name alone is weak evidence, so the extractor asks more support of them.
    pub osm: Option<u64>,
    /// For a capital city, the ISO code of its country (Bamako speaks for Mali).
    pub capital_of: Option<String>,
    /// Countries: ISO 3166-1 alpha-3 code (ACLED's event ids).
    pub iso3: Option<String>,
    /// Countries: ISO 3166-1 numeric code (ACLED's `iso` column).
    pub iso_numeric: Option<u16>,
}

impl Place {
    /// The usual English (or Latin-script) name.
    pub fn name(&self) -> &str {
        self.names.get("en").first().map(String::as_str).unwrap_or(&self.id)
    }
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A non-state armed group.
    ArmedGroup,
    /// A state's military, gendarmerie or police.
    StateForce,
    /// A government or ruling body.
    Government,
    /// An international organisation or mission.
    International,
    /// A country acting as a whole.
    Country,
    /// A communal or pro-government militia.
    Militia,
    /// Civilians.
    Civilians,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// The name used in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::StateForce => "state_force",
            ActorKind::Government => "government",
            ActorKind::International => "international",
            ActorKind::Country => "country",
            ActorKind::Militia => "militia",
            ActorKind::Civilians => "civilians",
            ActorKind::Other => "other",
        }
    }
}

/// The part of a state an actor is, so "the Malian army" and "Russian forces" find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateRole {
    /// The army and armed forces in general.
    Military,
    /// The gendarmerie.
    Gendarmerie,
    /// The police.
    Police,
    /// The national guard.
    NationalGuard,
    /// Intelligence services.
    Intelligence,
    /// The government, presidency, junta or authorities.
    Government,
    /// Mercenaries a state sends or hires (Russian mercenaries in the Sahel: Wagner).
    Mercenaries,
}

impl StateRole {
    /// The role named in lexicons and data (`military`, `gendarmerie`, ...).
    pub fn from_name(name: &str) -> Option<StateRole> {
        Some(match name {
            "military" => StateRole::Military,
            "gendarmerie" => StateRole::Gendarmerie,
            "police" => StateRole::Police,
            "national_guard" => StateRole::NationalGuard,
            "intelligence" => StateRole::Intelligence,
            "government" => StateRole::Government,
            "mercenaries" => StateRole::Mercenaries,
            _ => return None,
        })
    }
}

/// An actor: armed group, state force, government, organisation, civilians.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Stable id (`jnim`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// The state it belongs to or mostly acts in.
    pub country: Option<String>,
    /// For state actors, which part of the state it is.
    pub state_role: Option<StateRole>,
    /// The actor it belongs to.
    pub parent: Option<String>,
    /// Other Latin-script names an analyst would recognise.
    pub aliases: Vec<String>,
    /// Forms to look for in text, by language.
    pub names: Names,
}

/// A person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// Usual Latin-script name.
    pub name: String,
    /// What the person does.
    pub role: Option<String>,
    /// The actor the person acts or speaks for.
    pub actor: Option<String>,
    /// A mention of the person is a mention of that actor.
    pub speaks_for: bool,
    /// Full names by language.
    pub names: Names,
    /// Names that identify the person alone (usually the surname).
    pub short_names: Names,
}

/// A news outlet or agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    /// Stable id.
    pub id: String,
    /// Usual name.
    pub name: String,
    /// agency, newspaper, broadcaster, ...
    pub kind: Option<String>,
    /// Country of the outlet.
    pub country: Option<String>,
    /// Web domains, to recognise the outlet of a URL.
    pub domains: Vec<String>,
    /// Forms to look for in text, by language.
    pub names: Names,
}
