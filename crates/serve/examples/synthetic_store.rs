//! A synthetic store of N Sahel-like events, for load tests and for trying the web page:
//!
//! ```sh
//! cargo run --release -p marsad-serve --example synthetic_store -- --events 100000 --db /tmp/load/100k.db [--seed 1]
//! ```
//!
//! Deterministic (a seeded xorshift): the same arguments give the same store. Everything is
//! written through the public `marsad_store` API. Events follow ACLED's taxonomy with a
//! Sahel-like mix; places, actors and outlets come from the embedded knowledge base; each
//! event has 1–4 sources (ar/fr/en documents quoting a templated evidence sentence at its
//! char offsets, with the mentions of its names), some republished copies of one story, some
//! disputed on the toll. Not realistic: fingerprints (unique per document, so nothing is a
//! near-duplicate). No search index is written: `marsad serve` builds it when it first opens
//! the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use marsad_kb::{KnowledgeBase, PlaceKind};
use marsad_store::{Claim, NewDocument, NewEntity, NewMention, SqliteStore, Store, StoreError, StoryId};

/// Events written per transaction.
const BATCH: usize = 2_000;
/// Days from 1970-01-01 to 2024-01-01, and the length of the period (to 2026-10-31).
const FIRST_DAY: i64 = 19_723;
const DAYS: i64 = 1_035;

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Events.
    pub events: usize,
    /// Documents (one per source).
    pub documents: usize,
    /// Events whose sources differ on the toll.
    pub disputed: usize,
}

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// The index of an item drawn with its weight.
    fn weighted<T>(&mut self, items: &[(u32, T)]) -> usize {
        let mut ticket = self.below(items.iter().map(|(w, _)| *w as usize).sum());
        for (index, (weight, _)) in items.iter().enumerate() {
            if ticket < *weight as usize {
                return index;
            }
            ticket -= *weight as usize;
        }
        items.len() - 1
    }
}

/// Who takes part in events in a country.
struct Country {
    iso: &'static str,
    gov: &'static str,
    state: &'static [&'static str],
    armed: &'static [&'static str],
    militia: &'static [&'static str],
}

/// Share of events per country (Mali, Burkina Faso, Niger, then neighbours), with its actors.
const COUNTRIES: &[(u32, Country)] = &[
    (
        45,
        Country {
            iso: "ML",
            gov: "gov.ml",
            state: &["fama", "fama", "fama", "africa-corps"],
            armed: &["jnim", "jnim", "jnim", "katiba-macina", "issp", "fla"],
            militia: &["dozo", "dan-na-ambassagou"],
        },
    ),
    (
        30,
        Country {
            iso: "BF",
            gov: "gov.bf",
            state: &["forces.bf"],
            armed: &["jnim", "jnim", "ansarul-islam", "issp"],
            militia: &["vdp", "vdp", "koglweogo"],
        },
    ),
    (
        15,
        Country {
            iso: "NE",
            gov: "gov.ne",
            state: &["forces.ne"],
            armed: &["issp", "issp", "jnim", "boko-haram", "lakurawa"],
            militia: &[],
        },
    ),
    (
        3,
        Country {
            iso: "NG",
            gov: "gov.ng",
            state: &["forces.ng"],
            armed: &["boko-haram", "iswap", "lakurawa"],
            militia: &[],
        },
    ),
    (2, Country { iso: "BJ", gov: "gov.bj", state: &["forces.bj"], armed: &["jnim"], militia: &[] }),
    (1, Country { iso: "TG", gov: "gov.tg", state: &["forces.tg"], armed: &["jnim"], militia: &[] }),
    (1, Country { iso: "TD", gov: "gov.td", state: &["forces.td"], armed: &["boko-haram", "iswap"], militia: &[] }),
    (1, Country { iso: "MR", gov: "gov.mr", state: &["forces.mr"], armed: &["jnim", "aqim"], militia: &[] }),
    (1, Country { iso: "DZ", gov: "gov.dz", state: &["forces.dz"], armed: &["aqim"], militia: &[] }),
    (1, Country { iso: "CI", gov: "gov.ci", state: &["forces.ci"], armed: &["jnim"], militia: &[] }),
];

/// A side of an event.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Armed,
    State,
    Militia,
    Gov,
    Civilians,
    Nobody,
}

/// One kind of incident: its ACLED type, who does it to whom, its highest toll (0: none
/// given) and its evidence sentence in en, fr, ar (`{a1}`, `{a2}`, `{p}` place, `{t}` toll).
struct Kind {
    event_type: &'static str,
    sub_event_type: &'static str,
    doer: Side,
    target: Side,
    max_toll: u64,
    foiled: bool,
    near: bool,
    text: [&'static str; 3],
}

/// The incidents, weighted roughly as ACLED counts them in the central Sahel.
const KINDS: &[(u32, Kind)] = &[
    (240, Kind { event_type: "Battles", sub_event_type: "Armed clash", doer: Side::Armed, target: Side::State, max_toll: 40, foiled: false, near: true, text: [
        "{a1} and {a2} fought near {p}, {t}, local sources said.",
        "Des combats ont opposé {a1} et {a2} près de {p}, {t}, selon des sources locales.",
        "اندلعت اشتباكات بين {a1} و{a2} قرب {p}، {t}، بحسب مصادر محلية."] }),
    (40, Kind { event_type: "Battles", sub_event_type: "Armed clash", doer: Side::Militia, target: Side::Armed, max_toll: 25, foiled: false, near: true, text: [
        "{a1} and {a2} fought near {p}, {t}, local sources said.",
        "Des combats ont opposé {a1} et {a2} près de {p}, {t}, selon des sources locales.",
        "اندلعت اشتباكات بين {a1} و{a2} قرب {p}، {t}، بحسب مصادر محلية."] }),
    (40, Kind { event_type: "Battles", sub_event_type: "Non-state actor overtakes territory", doer: Side::Armed, target: Side::State, max_toll: 30, foiled: false, near: false, text: [
        "{a1} seized control of {p} after fighting {a2}, {t}.",
        "{a1} a pris le contrôle de {p} après des combats contre {a2}, {t}.",
        "سيطر مسلحو {a1} على {p} بعد معارك مع {a2}، {t}."] }),
    (20, Kind { event_type: "Battles", sub_event_type: "Government regains territory", doer: Side::State, target: Side::Armed, max_toll: 30, foiled: false, near: false, text: [
        "{a1} retook {p} from {a2}, {t}.",
        "{a1} a repris {p} à {a2}, {t}.",
        "استعادت {a1} السيطرة على {p} من {a2}، {t}."] }),
    (140, Kind { event_type: "Violence against civilians", sub_event_type: "Attack", doer: Side::Armed, target: Side::Civilians, max_toll: 30, foiled: false, near: false, text: [
        "An attack blamed on {a1} targeted {a2} in {p}, {t}.",
        "Une attaque attribuée à {a1} a visé des {a2} à {p}, {t}.",
        "استهدف هجوم نُسب إلى {a1} {a2} في {p}، {t}."] }),
    (60, Kind { event_type: "Violence against civilians", sub_event_type: "Attack", doer: Side::State, target: Side::Civilians, max_toll: 25, foiled: false, near: false, text: [
        "An attack blamed on {a1} targeted {a2} in {p}, {t}.",
        "Une attaque attribuée à {a1} a visé des {a2} à {p}, {t}.",
        "استهدف هجوم نُسب إلى {a1} {a2} في {p}، {t}."] }),
    (90, Kind { event_type: "Violence against civilians", sub_event_type: "Abduction/forced disappearance", doer: Side::Armed, target: Side::Civilians, max_toll: 0, foiled: false, near: true, text: [
        "Fighters of {a1} kidnapped several {a2} near {p}.",
        "Des éléments de {a1} ont enlevé plusieurs {a2} près de {p}.",
        "اختطف عناصر من {a1} عددا من {a2} قرب {p}."] }),
    (10, Kind { event_type: "Violence against civilians", sub_event_type: "Sexual violence", doer: Side::Armed, target: Side::Civilians, max_toll: 0, foiled: false, near: false, text: [
        "Residents of {p} accused {a1} of sexual violence against {a2}.",
        "Des habitants de {p} accusent {a1} de violences sexuelles contre des {a2}.",
        "اتهم سكان {p} {a1} بارتكاب اعتداءات جنسية ضد {a2}."] }),
    (80, Kind { event_type: "Explosions/Remote violence", sub_event_type: "Remote explosive/landmine/IED", doer: Side::Armed, target: Side::State, max_toll: 15, foiled: false, near: true, text: [
        "An explosive device hit a convoy of {a2} near {p}, {t}; {a1} claimed it.",
        "Un engin explosif a touché un convoi de {a2} près de {p}, {t} ; {a1} a revendiqué l'attaque.",
        "استهدفت عبوة ناسفة قافلة {a2} قرب {p}، {t}، وتبنى {a1} الهجوم."] }),
    (60, Kind { event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", doer: Side::State, target: Side::Armed, max_toll: 30, foiled: false, near: true, text: [
        "A drone strike by {a1} hit a position of {a2} near {p}, {t}.",
        "Une frappe de drone de {a1} a visé une position de {a2} près de {p}, {t}.",
        "استهدفت غارة بطائرة مسيرة نفذتها {a1} موقعا يتبع {a2} قرب {p}، {t}."] }),
    (20, Kind { event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", doer: Side::Armed, target: Side::State, max_toll: 10, foiled: false, near: false, text: [
        "{a1} shelled a camp of {a2} in {p}, {t}.",
        "{a1} a bombardé un camp de {a2} à {p}, {t}.",
        "قصف {a1} معسكرا يتبع {a2} في {p}، {t}."] }),
    (40, Kind { event_type: "Strategic developments", sub_event_type: "Looting/property destruction", doer: Side::Armed, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "{a1} burned shops and looted cattle in {p}.",
        "{a1} a incendié des boutiques et pillé du bétail à {p}.",
        "أحرق عناصر {a1} متاجر ونهبوا ماشية في {p}."] }),
    (20, Kind { event_type: "Strategic developments", sub_event_type: "Arrests", doer: Side::State, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "{a1} arrested several suspects in {p}.",
        "{a1} a arrêté plusieurs suspects à {p}.",
        "اعتقلت {a1} عددا من المشتبه بهم في {p}."] }),
    (20, Kind { event_type: "Strategic developments", sub_event_type: "Disrupted weapons use", doer: Side::State, target: Side::Nobody, max_toll: 0, foiled: true, near: true, text: [
        "{a1} defused an explosive device planted on the road near {p}.",
        "{a1} a désamorcé un engin explosif posé sur la route près de {p}.",
        "فككت {a1} عبوة ناسفة زرعت على الطريق قرب {p}."] }),
    (30, Kind { event_type: "Strategic developments", sub_event_type: "Other", doer: Side::Armed, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "{a1} imposed a blockade on {p}, cutting the roads to the town.",
        "{a1} impose un blocus à {p}, coupant les routes vers la ville.",
        "فرض {a1} حصارا على {p} وقطع الطرق المؤدية إليها."] }),
    (10, Kind { event_type: "Strategic developments", sub_event_type: "Agreement", doer: Side::Gov, target: Side::Militia, max_toll: 0, foiled: false, near: false, text: [
        "{a1} and {a2} agreed a local truce in {p}.",
        "{a1} et {a2} ont conclu une trêve locale à {p}.",
        "توصل {a1} و{a2} إلى هدنة محلية في {p}."] }),
    (45, Kind { event_type: "Protests", sub_event_type: "Peaceful protest", doer: Side::Nobody, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "Hundreds of people marched in {p} to protest against insecurity.",
        "Des centaines de personnes ont manifesté à {p} contre l'insécurité.",
        "تظاهر مئات الأشخاص في {p} احتجاجا على انعدام الأمن."] }),
    (15, Kind { event_type: "Protests", sub_event_type: "Protest with intervention", doer: Side::Nobody, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "Police used tear gas to disperse a protest against fuel shortages in {p}.",
        "La police a dispersé à coups de gaz lacrymogène une manifestation contre la pénurie de carburant à {p}.",
        "فرقت الشرطة بالغاز المسيل للدموع احتجاجا على نقص الوقود في {p}."] }),
    (15, Kind { event_type: "Riots", sub_event_type: "Violent demonstration", doer: Side::Nobody, target: Side::Nobody, max_toll: 3, foiled: false, near: false, text: [
        "Angry youths burned tyres and blocked roads in {p}, {t}.",
        "Des jeunes en colère ont brûlé des pneus et bloqué les routes à {p}, {t}.",
        "أحرق شبان غاضبون إطارات وأغلقوا الطرق في {p}، {t}."] }),
    (5, Kind { event_type: "Riots", sub_event_type: "Mob violence", doer: Side::Nobody, target: Side::Nobody, max_toll: 0, foiled: false, near: false, text: [
        "A crowd beat a man accused of theft in {p}.",
        "Une foule a battu un homme accusé de vol à {p}.",
        "ضرب حشد غاضب رجلا متهما بالسرقة في {p}."] }),
];

const LANGS: [&str; 3] = ["en", "fr", "ar"];

/// Outlets quoted per language (knowledge-base ids).
const OUTLETS: [&[&str]; 3] = [
    &[
        "reuters",
        "ap",
        "bbc",
        "aljazeera-english",
        "the-africa-report",
        "humangle",
        "long-war-journal",
        "voa",
        "africanews",
        "new-humanitarian",
    ],
    &[
        "rfi",
        "france24",
        "afp",
        "jeune-afrique",
        "studio-tamani",
        "maliweb",
        "lefaso",
        "burkina24",
        "aib",
        "actuniger",
        "sahelien",
        "journal-du-mali",
        "mondafrique",
        "le-monde",
    ],
    &[
        "aljazeera",
        "alarabiya",
        "skynews-arabia",
        "rt-arabic",
        "anadolu",
        "al-ain",
        "alakhbar-mr",
        "sahara-medias",
        "independent-arabia",
        "asharq-al-awsat",
    ],
];

/// The sentence before the evidence and the paragraph after it, per language.
const LEADS: [[&str; 3]; 3] = [
    [
        "Security has worsened in the area in recent weeks.",
        "Residents reported gunfire early in the morning.",
        "Several local officials confirmed the news.",
    ],
    [
        "La situation sécuritaire s'est dégradée dans la zone ces dernières semaines.",
        "Des habitants ont entendu des tirs tôt le matin.",
        "Plusieurs responsables locaux ont confirmé l'information.",
    ],
    [
        "تدهور الوضع الأمني في المنطقة خلال الأسابيع الأخيرة.",
        "أفاد سكان بسماع إطلاق نار في الصباح الباكر.",
        "أكد عدد من المسؤولين المحليين الخبر.",
    ],
];
const CLOSINGS: [[&str; 3]; 3] = [
    [
        "No group had commented by the time of publication.",
        "The authorities did not respond to requests for comment.",
        "Aid agencies warned of new displacement in the area.",
    ],
    [
        "Aucun groupe n'avait réagi au moment de la publication.",
        "Les autorités n'ont pas répondu aux sollicitations.",
        "Des ONG mettent en garde contre de nouveaux déplacements.",
    ],
    [
        "لم تعلق أي جهة على الحادث حتى وقت النشر.",
        "لم ترد السلطات على طلبات التعليق.",
        "حذرت منظمات إنسانية من موجة نزوح جديدة في المنطقة.",
    ],
];
/// Titles per event type: en, fr, ar (`{p}` the place).
const TITLES: &[(&str, [&str; 3])] = &[
    ("Battles", ["Fighting in {p}", "Combats à {p}", "معارك في {p}"]),
    ("Explosions/Remote violence", ["Explosion near {p}", "Explosion près de {p}", "انفجار قرب {p}"]),
    ("Violence against civilians", ["Civilians targeted in {p}", "Des civils visés à {p}", "استهداف مدنيين في {p}"]),
    ("Strategic developments", ["Security update: {p}", "Sécurité : {p}", "تطورات أمنية في {p}"]),
    ("Protests", ["Protest in {p}", "Manifestation à {p}", "احتجاج في {p}"]),
    ("Riots", ["Unrest in {p}", "Troubles à {p}", "اضطرابات في {p}"]),
];

/// The toll as a phrase.
fn toll(lang: usize, fatalities: Option<u64>) -> String {
    match (lang, fatalities) {
        (0, None) => "with no toll given".into(),
        (0, Some(0)) => "with no deaths reported".into(),
        (0, Some(1)) => "killing one person".into(),
        (0, Some(n)) => format!("killing {n} people"),
        (1, None) => "sans bilan connu".into(),
        (1, Some(0)) => "sans faire de victime".into(),
        (1, Some(1)) => "faisant un mort".into(),
        (1, Some(n)) => format!("faisant {n} morts"),
        (_, None) => "دون حصيلة معروفة".into(),
        (_, Some(0)) => "دون وقوع قتلى".into(),
        (_, Some(1)) => "ما أسفر عن مقتل شخص واحد".into(),
        (_, Some(2)) => "ما أسفر عن مقتل شخصين".into(),
        (_, Some(n @ 3..=10)) => format!("ما أسفر عن مقتل {n} أشخاص"),
        (_, Some(n)) => format!("ما أسفر عن مقتل {n} شخصا"),
    }
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01.
fn ymd(days: i64) -> String {
    marsad_text::dates::Date::from_day_number(days).map(|d| d.to_iso()).unwrap_or_default()
}

/// FNV-1a, for fingerprints.
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// Names and places the generator draws from, resolved once from the knowledge base.
struct Pools<'kb> {
    kb: &'kb KnowledgeBase,
    /// Per country (index into [`COUNTRIES`]): indices of towns, then of regions, with coordinates.
    towns: Vec<Vec<usize>>,
    regions: Vec<Vec<usize>>,
}

impl<'kb> Pools<'kb> {
    fn new(kb: &'kb KnowledgeBase, rng: &mut Rng) -> Pools<'kb> {
        let of = |iso: &str, kinds: &[PlaceKind], rng: &mut Rng| {
            let mut found: Vec<usize> = (0..kb.places.len())
                .filter(|&i| {
                    let p = &kb.places[i];
                    p.country.as_deref() == Some(iso) && kinds.contains(&p.kind) && p.lat.is_some() && p.lon.is_some()
                })
                .collect();
            // A fixed shuffle, then [`Pools::place`] favours the front: some places are hotspots.
            for i in (1..found.len()).rev() {
                found.swap(i, rng.below(i + 1));
            }
            found
        };
        let towns = COUNTRIES.iter().map(|(_, c)| of(c.iso, &[PlaceKind::Town], rng)).collect();
        let regions = COUNTRIES.iter().map(|(_, c)| of(c.iso, &[PlaceKind::Region], rng)).collect();
        Pools { kb, towns, regions }
    }

    /// A place of the country (town 85%, region 12%, none 3%).
    fn place(&self, country: usize, rng: &mut Rng) -> Option<usize> {
        let roll = rng.unit();
        let list = if roll < 0.85 {
            &self.towns[country]
        } else if roll < 0.97 {
            &self.regions[country]
        } else {
            return None;
        };
        let list = if list.is_empty() { &self.towns[country] } else { list };
        (!list.is_empty()).then(|| list[((list.len() as f64) * rng.unit().powf(1.8)) as usize])
    }

    fn place_name(&self, place: usize, lang: usize) -> &'kb str {
        let p = &self.kb.places[place];
        p.names.get(LANGS[lang]).first().or(p.names.get("en").first()).map(String::as_str).unwrap_or(&p.id)
    }

    fn actor_name(&self, id: &str, lang: usize) -> &'kb str {
        let a = &self.kb.actors[self.actor(id)];
        a.names.get(LANGS[lang]).first().map(String::as_str).unwrap_or(&a.name)
    }

    fn actor(&self, id: &str) -> usize {
        self.kb.actor_index(id).unwrap_or_else(|| panic!("actor {id} is not in the knowledge base")) as usize
    }
}

/// The actor of one side in one country on one day (Wagner before June 2025, Africa Corps after).
fn actor_of(side: Side, country: &Country, day: i64, rng: &mut Rng) -> Option<&'static str> {
    let id = match side {
        Side::Armed => rng.pick(country.armed),
        Side::State => rng.pick(country.state),
        Side::Militia if !country.militia.is_empty() => rng.pick(country.militia),
        Side::Militia => rng.pick(country.armed),
        Side::Gov => &country.gov,
        Side::Civilians => &"civilians",
        Side::Nobody => return None,
    };
    Some(if *id == "africa-corps" && day < FIRST_DAY + 522 { "wagner" } else { id })
}

/// A template slot: its name, the entity it names (kind, id) if any, and its text.
type Slot<'a> = (&'a str, Option<(&'a str, &'a str)>, &'a str);

/// A sentence from a template, with the mentions of its slots (char offsets from `offset`).
fn render(template: &str, slots: &[Slot<'_>], offset: u32, mentions: &mut Vec<NewMention>) -> String {
    let mut out = String::new();
    let mut chars = offset;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let literal = &rest[..open];
        out.push_str(literal);
        chars += literal.chars().count() as u32;
        let close = open + rest[open..].find('}').expect("template slot is closed");
        let name = &rest[open + 1..close];
        let (_, entity, text) = slots.iter().find(|(slot, _, _)| *slot == name).expect("template slot is known");
        let length = text.chars().count() as u32;
        if let Some((kind, id)) = entity {
            mentions.push(NewMention {
                kind: kind.to_string(),
                entity_id: id.to_string(),
                start: chars,
                end: chars + length,
                text: text.to_string(),
            });
        }
        out.push_str(text);
        chars += length;
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Write `events` events to a new store at `db` (refused if the file exists). The store is
/// written beside it as `DB.partial` and renamed when complete, so `db` is never half-made.
pub fn generate(db: &Path, events: usize, seed: u64, kb: &KnowledgeBase) -> Result<Written, StoreError> {
    let failed = |message: String| StoreError::Open { path: db.display().to_string(), message };
    if db.exists() {
        return Err(failed("exists already; remove it first".into()));
    }
    let partial = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(".partial");
        name.push(suffix);
        PathBuf::from(name)
    };
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(partial(suffix));
    }
    let written = write(&partial(""), events, seed, kb)?;
    std::fs::rename(partial(""), db).map_err(|e| failed(format!("renaming the finished store: {e}")))?;
    Ok(written)
}

/// [`generate`]'s work; the store is closed (its WAL folded in) when this returns.
fn write(db: &Path, events: usize, seed: u64, kb: &KnowledgeBase) -> Result<Written, StoreError> {
    let mut rng = Rng::new(seed);
    let pools = Pools::new(kb, &mut rng);
    let mut store = SqliteStore::open(db)?;
    let mut entities: BTreeMap<(&str, String), NewEntity> = BTreeMap::new();
    let mut written = Written { events: 0, documents: 0, disputed: 0 };
    store.begin()?;
    for n in 0..events {
        if n > 0 && n % BATCH == 0 {
            store.commit()?;
            store.begin()?;
        }
        let country_index = rng.weighted(COUNTRIES);
        let country = &COUNTRIES[country_index].1;
        let kind = &KINDS[rng.weighted(KINDS)].1;
        // More events later in the period, as reporting (and violence) grew.
        let day = FIRST_DAY + ((DAYS as f64) * rng.unit().powf(0.7)) as i64;
        let full = ymd(day);
        let (date, time_precision) = match rng.unit() {
            r if r < 0.90 => (Some(full.clone()), 1),
            r if r < 0.96 => (Some(full[..7].to_string()), 2),
            r if r < 0.975 => (Some(full[..4].to_string()), 3),
            _ => (None, 3),
        };
        let place = pools.place(country_index, &mut rng);
        let actor1 = actor_of(kind.doer, country, day, &mut rng);
        let mut actor2 = actor_of(kind.target, country, day, &mut rng);
        if actor2 == actor1 {
            actor2 = None;
        }
        let fatalities = match kind.max_toll {
            0 => None,
            max => (!rng.chance(0.08)).then(|| ((max as f64 + 1.0) * rng.unit().powi(3)) as u64),
        };
        let (lat, lon, geo_precision) = match place {
            Some(p) => {
                let p = &kb.places[p];
                let precision = match p.kind {
                    PlaceKind::Town if kind.near => 2,
                    PlaceKind::Town => 1,
                    _ => 3,
                };
                (p.lat, p.lon, precision)
            }
            None => (None, None, 3),
        };
        // Sources: 1–4; a later one may be a republished copy (same story); some disagree on the toll.
        let sources = 1 + rng.weighted(&[(45, ()), (30, ()), (15, ()), (10, ())]);
        let disputed = sources > 1 && fatalities.is_some() && rng.chance(0.15);
        let mut event_id = None;
        let mut tolls = Vec::with_capacity(sources);
        // The previous source: language, lead, story, outlet (a republished copy keeps the first two).
        let mut previous: Option<(usize, usize, StoryId, String)> = None;
        let mut first_claim: Option<Claim> = None;
        for s in 0..sources {
            let republished = s > 0 && rng.chance(0.2);
            let (lang, lead) = match &previous {
                Some((lang, lead, _, _)) if republished => (*lang, *lead),
                _ => ([2, 1, 0][rng.weighted(&[(35, ()), (45, ()), (20, ())])], rng.below(3)),
            };
            let source_toll = match fatalities {
                Some(f) if disputed && s == sources - 1 && !republished => Some(f + 1 + rng.below(10) as u64),
                other => other,
            };
            tolls.push(source_toll);
            let outlet_id = rng.pick(OUTLETS[lang]);
            let outlet = kb
                .outlets
                .iter()
                .find(|o| o.id == *outlet_id)
                .unwrap_or_else(|| panic!("outlet {outlet_id} is not in the knowledge base"));
            let place_text = match place {
                Some(p) => pools.place_name(p, lang),
                None => ["the border area", "la zone frontalière", "المنطقة الحدودية"][lang],
            };
            let a1 = actor1.map(|a| pools.actor_name(a, lang)).unwrap_or_default();
            let a2 = actor2.map(|a| pools.actor_name(a, lang)).unwrap_or_default();
            let toll_text = toll(lang, source_toll);
            let slots = [
                ("a1", actor1.map(|a| ("actor", a)), a1),
                ("a2", actor2.map(|a| ("actor", a)), a2),
                ("p", place.map(|p| ("place", kb.places[p].id.as_str())), place_text),
                ("t", None, toll_text.as_str()),
            ];
            let lead_text = LEADS[lang][lead];
            let start = lead_text.chars().count() as u32 + 1;
            let mut mentions = Vec::new();
            let evidence = render(kind.text[lang], &slots, start, &mut mentions);
            let end = start + evidence.chars().count() as u32;
            let closing = match &previous {
                Some((_, _, _, from)) if republished => match lang {
                    0 => format!("Republished from {from}."),
                    1 => format!("Republié depuis {from}."),
                    _ => format!("أعيد نشره نقلا عن {from}."),
                },
                _ => CLOSINGS[lang][rng.below(3)].to_string(),
            };
            let text = format!("{lead_text} {evidence}\n\n{closing}");
            let title_template =
                TITLES.iter().find(|(t, _)| *t == kind.event_type).map(|(_, t)| t[lang]).unwrap_or("{p}");
            let published = ymd(day + rng.below(3) as i64);
            let key = format!("synthetic-{n}-{s}");
            let document = NewDocument {
                content_hash: format!(
                    "{:016x}{:016x}",
                    fnv(0xcbf2_9ce4_8422_2325, key.as_bytes()),
                    fnv(0x9e37_79b9_7f4a_7c15, text.as_bytes())
                ),
                url: outlet
                    .domains
                    .first()
                    .map(|d| format!("https://{d}/{}/{}/{key}", &published[..4], &published[5..7])),
                outlet: Some(outlet.name.clone()),
                lang: Some(LANGS[lang].to_string()),
                published: Some(published),
                title: Some(title_template.replace("{p}", place_text)),
                text,
                // Distinct per document, so no synthetic document is a near-duplicate of another;
                // band keys ascend with the document (appended to the index, not scattered).
                minhash: (0..64).map(|i| fnv(written.documents as u64, &[i]) as u32).collect(),
                lsh_bands: (0..16).map(|band| (written.documents as u64) << 4 | band).collect(),
                key,
            };
            let story = previous.as_ref().filter(|_| republished).map(|(_, _, story, _)| *story);
            let (doc_id, story) = store.insert_document(&document, &mentions, story)?;
            written.documents += 1;
            for m in &mentions {
                entities
                    .entry((if m.kind == "place" { "place" } else { "actor" }, m.entity_id.clone()))
                    .or_insert_with(|| match m.kind.as_str() {
                        "place" => {
                            let p = &kb.places[kb.place_index(&m.entity_id).unwrap_or_default() as usize];
                            NewEntity {
                                kind: "place".into(),
                                id: p.id.clone(),
                                name: p.name().to_string(),
                                lat: p.lat,
                                lon: p.lon,
                            }
                        }
                        _ => NewEntity {
                            kind: "actor".into(),
                            id: m.entity_id.clone(),
                            name: kb.actors[pools.actor(&m.entity_id)].name.clone(),
                            lat: None,
                            lon: None,
                        },
                    });
            }
            entities.entry(("outlet", outlet.id.clone())).or_insert_with(|| NewEntity {
                kind: "outlet".into(),
                id: outlet.id.clone(),
                name: outlet.name.clone(),
                lat: None,
                lon: None,
            });
            let claim = Claim {
                event_type: kind.event_type.into(),
                sub_event_type: kind.sub_event_type.into(),
                actor1: actor1.map(String::from),
                actor2: actor2.map(String::from),
                place: place.map(|p| kb.places[p].id.clone()),
                lat,
                lon,
                geo_precision,
                date: date.clone(),
                time_precision,
                fatalities: source_toll,
                attributed_to: None,
                evidence_start: start,
                evidence_end: end,
                evidence_text: evidence,
                confidence: 0.6 + 0.35 * rng.unit() as f32,
                foiled: kind.foiled,
            };
            match event_id {
                None => {
                    event_id = Some(store.insert_event(doc_id, &claim)?);
                    first_claim = Some(claim);
                }
                Some(event) => {
                    let mut reason = format!("same event type ({})", kind.event_type);
                    if let Some(p) = &claim.place {
                        reason.push_str(&format!("; places 0 km apart ({p} / {p})"));
                    }
                    if let Some(d) = &claim.date {
                        reason.push_str(&format!("; dates 0 day(s) apart ({d} / {d})"));
                    }
                    if let Some(a) = &claim.actor1 {
                        reason.push_str(&format!("; same actor1 ({a})"));
                    }
                    store.add_source(event, doc_id, &claim, &reason)?;
                }
            }
            previous = Some((lang, lead, story, outlet.name.clone()));
        }
        if let (Some(event), Some(mut summary)) = (event_id, first_claim) {
            if sources > 1 {
                // ACLED's conservative rule: the lowest toll any source gives.
                summary.fatalities = tolls.iter().flatten().min().copied();
                store.update_summary(event, &summary, disputed)?;
            }
        }
        written.events += 1;
        written.disputed += usize::from(disputed);
    }
    store.upsert_entities(&entities.into_values().collect::<Vec<_>>())?;
    store.commit()?;
    Ok(written)
}

#[allow(dead_code)] // not called when this file is included as a module by the load test
fn main() {
    let mut events = 100_000usize;
    let mut db = PathBuf::from("/tmp/load/100k.db");
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--events" => events = value.parse().unwrap_or_else(|_| usage("--events takes a number")),
            "--db" => db = PathBuf::from(value),
            "--seed" => seed = value.parse().unwrap_or_else(|_| usage("--seed takes a number")),
            _ => usage(&format!("unknown argument {arg}")),
        }
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| usage(&format!("{}: {e}", dir.display())));
    }
    let kb = KnowledgeBase::embedded().unwrap_or_else(|errors| usage(&format!("knowledge base: {errors:?}")));
    let started = Instant::now();
    match generate(&db, events, seed, &kb) {
        Ok(w) => {
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "synthetic_store: {} events ({} disputed), {} documents in {} in {seconds:.1} s ({:.0} events/s)",
                w.events,
                w.disputed,
                w.documents,
                db.display(),
                w.events as f64 / seconds
            );
        }
        Err(error) => usage(&error.to_string()),
    }
}

#[allow(dead_code)]
fn usage(message: &str) -> ! {
    eprintln!("synthetic_store: {message}\nusage: synthetic_store [--events N] [--db PATH] [--seed S]");
    std::process::exit(2)
}
