//! The events the indicators read: a plain type the caller fills from whatever it stores.
//!
//! Event and sub-event types are ACLED's (the list in `data/events/taxonomy.jsonl`; a test
//! checks that every entry there parses here to the same event type).

use crate::date::Dating;
use crate::geo::Point;
use std::fmt;
use std::str::FromStr;

/// An event's id, as the store numbers them.
pub type EventId = i64;

/// A value that is not one of ACLED's names, or a precision out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// What was being read.
    pub what: &'static str,
    /// The value given.
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.what, self.value)
    }
}

impl std::error::Error for UnknownValue {}

/// ACLED's six event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum EventType {
    /// Battles.
    Battles,
    /// Explosions/Remote violence.
    ExplosionsRemoteViolence,
    /// Violence against civilians.
    ViolenceAgainstCivilians,
    /// Protests.
    Protests,
    /// Riots.
    Riots,
    /// Strategic developments.
    StrategicDevelopments,
}

/// Declares ACLED's sub-event types with their names and event types.
macro_rules! sub_event_types {
    ($($variant:ident => $name:literal, $event_type:ident;)*) => {
        /// ACLED's 25 sub-event types.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize))]
        pub enum SubEventType {
            $(#[doc = $name] $variant,)*
        }

        impl SubEventType {
            /// Every sub-event type, in ACLED's order.
            pub const ALL: &'static [SubEventType] = &[$(SubEventType::$variant,)*];

            /// ACLED's name.
            pub fn name(self) -> &'static str {
                match self { $(SubEventType::$variant => $name,)* }
            }

            /// The event type it belongs to.
            pub fn event_type(self) -> EventType {
                match self { $(SubEventType::$variant => EventType::$event_type,)* }
            }
        }
    };
}

sub_event_types! {
    ArmedClash => "Armed clash", Battles;
    GovernmentRegainsTerritory => "Government regains territory", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", ExplosionsRemoteViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", ExplosionsRemoteViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians;
    Attack => "Attack", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", Protests;
    ProtestWithIntervention => "Protest with intervention", Protests;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", Protests;
    ViolentDemonstration => "Violent demonstration", Riots;
    MobViolence => "Mob violence", Riots;
    Agreement => "Agreement", StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", StrategicDevelopments;
    Other => "Other", StrategicDevelopments;
}

impl EventType {
    /// Every event type, in ACLED's order.
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::Protests,
        EventType::Riots,
        EventType::StrategicDevelopments,
    ];

    /// ACLED's name.
    pub fn name(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

impl FromStr for EventType {
    type Err = UnknownValue;

    /// ACLED's name, in any letter case.
    fn from_str(text: &str) -> Result<EventType, UnknownValue> {
        EventType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| UnknownValue { what: "event type", value: text.to_string() })
    }
}

impl FromStr for SubEventType {
    type Err = UnknownValue;

    /// ACLED's name, in any letter case ("protestors" is read as "protesters").
    fn from_str(text: &str) -> Result<SubEventType, UnknownValue> {
        let wanted = text.trim().to_ascii_lowercase().replace("protestors", "protesters");
        SubEventType::ALL
            .iter()
            .copied()
            .find(|s| s.name().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| UnknownValue { what: "sub-event type", value: text.to_string() })
    }
}

/// How precisely an event is placed (ACLED's `geo_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GeoPrecision {
    /// 1: the named town or village itself.
    Town,
    /// 2: near a town, or in a small area (a commune, a district of a town).
    Near,
    /// 3: only a region or a country is known; the point is its centre.
    Region,
}

impl TryFrom<u8> for GeoPrecision {
    type Error = UnknownValue;

    fn try_from(code: u8) -> Result<GeoPrecision, UnknownValue> {
        match code {
            1 => Ok(GeoPrecision::Town),
            2 => Ok(GeoPrecision::Near),
            3 => Ok(GeoPrecision::Region),
            _ => Err(UnknownValue { what: "geo precision", value: code.to_string() }),
        }
    }
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    /// The actor's id (`jnim`).
    pub id: String,
    /// A non-state armed actor (rebels, militias, jihadist groups): only these can be
    /// "emerging actors"; states and civilians never are.
    pub non_state: bool,
}

/// One event as the indicators read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The store's id, so every figure can list the events behind it.
    pub id: EventId,
    /// Where, if known.
    pub point: Option<Point>,
    /// How precisely `point` places it.
    pub geo_precision: GeoPrecision,
    /// When, as precisely as known.
    pub dating: Dating,
    /// ACLED sub-event type (it fixes the event type).
    pub sub_event_type: SubEventType,
    /// Actors taking part (actor1, actor2, associated actors).
    pub actors: Vec<ActorRef>,
    /// First-level administrative unit, as an id the caller understands.
    pub admin1: Option<String>,
    /// Second-level administrative unit (Mali's cercles, Burkina's provinces, Niger's departments).
    pub admin2: Option<String>,
    /// Reported deaths (ACLED's conservative count; 0 when none are reported).
    pub fatalities: u32,
    /// Outlets that report it.
    pub outlets: Vec<String>,
    /// The event struck a supply convoy, fuel tanker or freight vehicle on the road: set by the
    /// caller from the event's targets or evidence. Such events weigh more in corridor figures
    /// and count there even when they are not violent (looting or burning of trucks).
    pub supply_target: bool,
}

impl Event {
    /// ACLED event type.
    pub fn event_type(&self) -> EventType {
        self.sub_event_type.event_type()
    }

    /// Armed violence: Battles, Explosions/Remote violence, Violence against civilians. The
    /// events of the distance, ring, sector, corridor and diffusion figures.
    pub fn is_armed_violence(&self) -> bool {
        matches!(
            self.event_type(),
            EventType::Battles | EventType::ExplosionsRemoteViolence | EventType::ViolenceAgainstCivilians
        )
    }

    /// Political violence as ACLED's trackers count it: armed violence, riots, and excessive
    /// force against protesters. The events of the surge, threat, change and actor figures.
    pub fn is_political_violence(&self) -> bool {
        self.is_armed_violence()
            || self.event_type() == EventType::Riots
            || self.sub_event_type == SubEventType::ExcessiveForceAgainstProtesters
    }

    /// Placed precisely enough to measure distances and bearings from it (precision 1 or 2).
    pub fn precise_point(&self) -> Option<Point> {
        self.point.filter(|_| self.geo_precision <= GeoPrecision::Near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_names_parse_in_any_case() {
        assert_eq!("Strategic Developments".parse(), Ok(EventType::StrategicDevelopments));
        assert_eq!("remote explosive/landmine/IED".parse(), Ok(SubEventType::RemoteExplosiveLandmineIed));
        assert_eq!("Excessive force against protestors".parse(), Ok(SubEventType::ExcessiveForceAgainstProtesters));
        assert!("Skirmish".parse::<SubEventType>().is_err());
        assert_eq!(SubEventType::ALL.len(), 25);
        assert_eq!(GeoPrecision::try_from(2), Ok(GeoPrecision::Near));
        assert!(GeoPrecision::try_from(4).is_err());
    }
}
