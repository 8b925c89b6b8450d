//! Search latency on a generated corpus of Arabic, French and English news-like articles.
//!
//! `MARSAD_BENCH_DOCS` documents (default 100 000) are indexed into a temporary directory
//! (or `MARSAD_BENCH_DIR`), then a fixed mix of 200 queries (single words, two words, quoted
//! phrases, filters, filters without text) is run three times; p50 and p95 latencies (computed
//! here from the timings, snippets included) are printed before and after compacting the
//! index into one segment. Divan then times a few representative queries.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use marsad_search::{IndexDoc, SearchIndex, SearchQuery};

fn main() {
    let index = bench_index();
    let _ = index;
    divan::main();
}

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// (id, Arabic, French, English)
const PLACES: &[(&str, &str, &str, &str)] = &[
    ("ml:bamako", "باماكو", "Bamako", "Bamako"),
    ("ml:gao", "غاو", "Gao", "Gao"),
    ("ml:tombouctou", "تمبكتو", "Tombouctou", "Timbuktu"),
    ("ml:kidal", "كيدال", "Kidal", "Kidal"),
    ("ml:mopti", "موبتي", "Mopti", "Mopti"),
    ("ml:segou", "سيغو", "Ségou", "Segou"),
    ("ml:menaka", "ميناكا", "Ménaka", "Menaka"),
    ("ml:tessalit", "تساليت", "Tessalit", "Tessalit"),
    ("ml:ansongo", "أنسونغو", "Ansongo", "Ansongo"),
    ("ml:douentza", "دوينتزا", "Douentza", "Douentza"),
    ("ml:bandiagara", "باندياغارا", "Bandiagara", "Bandiagara"),
    ("ml:sikasso", "سيكاسو", "Sikasso", "Sikasso"),
    ("ml:kayes", "كاي", "Kayes", "Kayes"),
    ("ml:niono", "نيونو", "Niono", "Niono"),
    ("ml:djenne", "جيني", "Djenné", "Djenne"),
    ("ml:boni", "بوني", "Boni", "Boni"),
    ("ne:niamey", "نيامي", "Niamey", "Niamey"),
    ("ne:tillaberi", "تيلابيري", "Tillabéri", "Tillaberi"),
    ("ne:agadez", "أغاديز", "Agadez", "Agadez"),
    ("ne:diffa", "ديفا", "Diffa", "Diffa"),
    ("ne:tahoua", "تاهوا", "Tahoua", "Tahoua"),
    ("ne:zinder", "زيندر", "Zinder", "Zinder"),
    ("ne:maradi", "مارادي", "Maradi", "Maradi"),
    ("ne:ouallam", "ولام", "Ouallam", "Ouallam"),
    ("ne:torodi", "تورودي", "Torodi", "Torodi"),
    ("bf:ouagadougou", "واغادوغو", "Ouagadougou", "Ouagadougou"),
    ("bf:djibo", "جيبو", "Djibo", "Djibo"),
    ("bf:dori", "دوري", "Dori", "Dori"),
    ("bf:kaya", "كايا", "Kaya", "Kaya"),
    ("bf:fada", "فادا", "Fada", "Fada"),
    ("bf:ouahigouya", "واهيغويا", "Ouahigouya", "Ouahigouya"),
    ("bf:arbinda", "أربيندا", "Arbinda", "Arbinda"),
    ("bf:gorom", "غوروم", "Gorom", "Gorom"),
    ("bf:bobo", "بوبو", "Bobo-Dioulasso", "Bobo-Dioulasso"),
    ("td:ndjamena", "انجامينا", "N'Djamena", "NDjamena"),
    ("td:abeche", "أبيشي", "Abéché", "Abeche"),
    ("ly:sabha", "سبها", "Sebha", "Sabha"),
    ("ly:ubari", "أوباري", "Oubari", "Ubari"),
    ("mr:nouakchott", "نواكشوط", "Nouakchott", "Nouakchott"),
    ("dz:tamanrasset", "تمنراست", "Tamanrasset", "Tamanrasset"),
];

/// (id, Arabic, French, English)
const ACTORS: &[(&str, &str, &str, &str)] = &[
    ("actor:jnim", "جماعة نصرة الإسلام والمسلمين", "le JNIM", "JNIM"),
    ("actor:isgs", "تنظيم الدولة في الصحراء الكبرى", "l'EIGS", "ISGS"),
    ("actor:fama", "الجيش المالي", "les FAMa", "the Malian army"),
    ("actor:wagner", "مجموعة فاغنر", "le groupe Wagner", "the Wagner group"),
    ("actor:wagner", "مجموعة فاجنر", "les mercenaires de Wagner", "Wagner mercenaries"),
    ("actor:africa-corps", "الفيلق الأفريقي", "l'Africa Corps", "Africa Corps"),
    ("actor:minusma", "بعثة مينوسما", "la Minusma", "MINUSMA"),
    ("actor:fds-niger", "قوات الدفاع والأمن النيجرية", "les FDS nigériennes", "Nigerien security forces"),
    ("actor:vdp", "متطوعي الدفاع عن الوطن", "les VDP", "the VDP militia"),
    ("actor:csp", "الإطار الاستراتيجي الدائم", "le CSP", "the CSP coalition"),
    ("actor:dozo", "صيادي الدوزو", "les chasseurs dozos", "Dozo hunters"),
    ("actor:iswap", "ولاية غرب أفريقيا", "l'ISWAP", "ISWAP"),
];

const EVENT_TYPES: &[&str] = &[
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Protests",
    "Riots",
    "Strategic developments",
];

const OUTLETS: &[&str] = &[
    "Sahel Post",
    "Nile Echo",
    "Le Courrier du Fleuve",
    "Desert Wire",
    "Al-Wadi Daily",
    "Radio Horizon",
    "La Voix du Nord-Mali",
    "Tenere Times",
    "Akhbar al-Sahra",
    "Le Républicain du Sahel",
    "Savanna Today",
    "Echo de Gao",
    "Niger Morning",
    "Al-Manara",
    "Info Liptako",
    "Kibaru Hebdo",
];

const AR_WORDS: &[&str] = &[
    "قال",
    "مصدر",
    "أمني",
    "الجيش",
    "هجوم",
    "مسلح",
    "قرية",
    "منطقة",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "قتل",
    "أصيب",
    "مدنيين",
    "جنود",
    "عناصر",
    "جماعة",
    "مسلحة",
    "الحكومة",
    "بيان",
    "وزارة",
    "الدفاع",
    "اشتباكات",
    "عنيفة",
    "دورية",
    "عسكرية",
    "طريق",
    "سوق",
    "مدينة",
    "أمس",
    "اليوم",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "مساء",
    "صباح",
    "حسب",
    "شهود",
    "عيان",
    "انفجار",
    "عبوة",
    "ناسفة",
    "سيارة",
    "قافلة",
    "إمدادات",
    "نزوح",
    "السكان",
    "المحليين",
    "مظاهرة",
    "احتجاجات",
    "الشرطة",
    "اعتقال",
    "مسؤول",
    "محلي",
    "الأمم",
    "المتحدة",
    "انسحاب",
    "قوات",
    "مسيّرة",
    "غارة",
    "جوية",
    "مخيم",
    "لاجئين",
    "الحدود",
    "المثلث",
    "الحدودي",
    "مواشي",
    "نهب",
    "اختطاف",
    "رهائن",
    "مفاوضات",
    "الوفد",
    "العاصمة",
    "إفريقيا",
    "الساحل",
    "الصحراء",
    "الكبرى",
    "تعزيزات",
    "قاعدة",
    "مطار",
    "الوضع",
    "متوتر",
    "هدوء",
    "حذر",
    "المنظمات",
    "الإنسانية",
    "المساعدات",
    "الغذائية",
    "المدرسة",
    "المسجد",
    "إمام",
    "زعيم",
    "قبلي",
    "اغتيال",
    "كمين",
    "محكم",
    "ضحايا",
    "حصيلة",
    "ثقيلة",
    "مقتل",
    "عشرات",
];

const FR_WORDS: &[&str] = &[
    "selon",
    "une",
    "source",
    "sécuritaire",
    "l'armée",
    "attaque",
    "des",
    "hommes",
    "armés",
    "village",
    "région",
    "nord",
    "centre",
    "tués",
    "blessés",
    "civils",
    "soldats",
    "groupe",
    "jihadiste",
    "gouvernement",
    "communiqué",
    "ministère",
    "défense",
    "affrontements",
    "violents",
    "patrouille",
    "militaire",
    "route",
    "marché",
    "ville",
    "hier",
    "mardi",
    "mercredi",
    "jeudi",
    "soir",
    "matin",
    "témoins",
    "explosion",
    "engin",
    "explosif",
    "improvisé",
    "véhicule",
    "convoi",
    "ravitaillement",
    "déplacés",
    "habitants",
    "manifestation",
    "police",
    "arrestation",
    "responsable",
    "local",
    "Nations",
    "unies",
    "retrait",
    "forces",
    "drone",
    "frappe",
    "aérienne",
    "camp",
    "réfugiés",
    "frontière",
    "trois",
    "frontières",
    "bétail",
    "pillage",
    "enlèvement",
    "otages",
    "négociations",
    "délégation",
    "capitale",
    "Sahel",
    "renforts",
    "base",
    "aéroport",
    "situation",
    "tendue",
    "calme",
    "précaire",
    "organisations",
    "humanitaires",
    "aide",
    "alimentaire",
    "école",
    "mosquée",
    "imam",
    "chef",
    "coutumier",
    "assassinat",
    "embuscade",
    "bilan",
    "lourd",
    "dizaines",
    "morts",
    "la",
    "le",
    "les",
    "du",
    "dans",
    "sur",
    "près",
    "de",
    "et",
    "à",
];

const EN_WORDS: &[&str] = &[
    "according",
    "to",
    "a",
    "security",
    "source",
    "the",
    "army",
    "attack",
    "gunmen",
    "village",
    "region",
    "north",
    "central",
    "killed",
    "wounded",
    "civilians",
    "soldiers",
    "group",
    "jihadist",
    "government",
    "statement",
    "ministry",
    "defence",
    "clashes",
    "heavy",
    "patrol",
    "military",
    "road",
    "market",
    "town",
    "yesterday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "evening",
    "morning",
    "witnesses",
    "explosion",
    "improvised",
    "explosive",
    "device",
    "vehicle",
    "convoy",
    "supply",
    "displaced",
    "residents",
    "protest",
    "police",
    "arrest",
    "official",
    "local",
    "United",
    "Nations",
    "withdrawal",
    "forces",
    "drone",
    "strike",
    "camp",
    "refugees",
    "border",
    "tri-border",
    "area",
    "cattle",
    "looting",
    "kidnapping",
    "hostages",
    "talks",
    "delegation",
    "capital",
    "Sahel",
    "reinforcements",
    "base",
    "airport",
    "situation",
    "tense",
    "calm",
    "fragile",
    "humanitarian",
    "organisations",
    "food",
    "aid",
    "school",
    "mosque",
    "imam",
    "chief",
    "assassination",
    "ambush",
    "toll",
    "dozens",
    "dead",
    "in",
    "on",
    "near",
    "of",
    "and",
    "at",
    "was",
    "were",
    "said",
];

const AR_CLITICS: &[&str] = &["", "", "", "و", "ب", "ل", "وب", "ف"];

fn sentence(
    rng: &mut Rng,
    lang: usize,
    place: &(&str, &str, &str, &str),
    actor: &(&str, &str, &str, &str),
    out: &mut String,
) {
    let words = [AR_WORDS, FR_WORDS, EN_WORDS][lang];
    let len = 12 + rng.below(18);
    let place_at = rng.below(len);
    let actor_at = if rng.chance(60) { rng.below(len) } else { usize::MAX };
    for i in 0..len {
        if i > 0 {
            out.push(' ');
        }
        if i == place_at {
            match lang {
                0 => {
                    out.push_str(rng.pick::<&str>(AR_CLITICS));
                    out.push_str(place.1);
                }
                1 => out.push_str(place.2),
                _ => out.push_str(place.3),
            }
        } else if i == actor_at {
            out.push_str([actor.1, actor.2, actor.3][lang]);
        } else {
            let w = rng.pick(words);
            if lang == 0 && rng.chance(15) {
                out.push_str(rng.pick::<&str>(&["و", "ف", "ب"]));
            }
            out.push_str(w);
        }
    }
    out.push_str(". ");
}

fn generate(i: u64) -> IndexDoc {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1));
    for _ in 0..3 {
        rng.next();
    }
    let lang = match rng.below(100) {
        0..=44 => 0,
        45..=79 => 1,
        _ => 2,
    };
    let places: Vec<&(&str, &str, &str, &str)> = (0..1 + rng.below(3)).map(|_| rng.pick(PLACES)).collect();
    let actors: Vec<&(&str, &str, &str, &str)> = (0..1 + rng.below(2)).map(|_| rng.pick(ACTORS)).collect();
    let mut title = String::new();
    sentence(&mut rng, lang, places[0], actors[0], &mut title);
    title.truncate(title.trim_end_matches([' ', '.']).len());
    let mut text = String::with_capacity(1200);
    for s in 0..3 + rng.below(4) {
        sentence(&mut rng, lang, places[s % places.len()], actors[s % actors.len()], &mut text);
    }
    let year = 2018 + rng.below(8);
    let published = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
    let event_types = (0..1 + rng.below(2)).map(|_| rng.pick(EVENT_TYPES).to_string()).collect();
    IndexDoc {
        doc_id: i as i64,
        title: Some(title),
        text,
        lang: Some(["ar", "fr", "en"][lang].to_string()),
        outlet: Some(rng.pick(OUTLETS).to_string()),
        published: Some(published),
        event_types,
        actors: actors.iter().map(|a| a.0.to_string()).collect(),
        places: places.iter().map(|p| p.0.to_string()).collect(),
    }
}

/// The fixed mix of 200 queries.
fn query_mix() -> Vec<SearchQuery> {
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let mut out = Vec::with_capacity(200);
    let word = |rng: &mut Rng| -> String {
        let place = rng.pick(PLACES);
        match rng.below(7) {
            0 => place.1.to_string(),
            1 => format!("{}{}", rng.pick::<&str>(&["ب", "ل", "وب"]), place.1),
            2 => place.2.to_lowercase(),
            3 => place.3.to_string(),
            4 => rng.pick(AR_WORDS).to_string(),
            5 => rng.pick(FR_WORDS).to_string(),
            _ => rng
                .pick::<&str>(&[
                    "فاجنر",
                    "فاغنر",
                    "wagner",
                    "minusma",
                    "convoy",
                    "embuscade",
                    "كمين",
                    "اختطاف",
                    "drone",
                    "otages",
                ])
                .to_string(),
        }
    };
    let filters = |rng: &mut Rng, q: &mut SearchQuery| match rng.below(6) {
        0 => {
            let year = 2018 + rng.below(8);
            q.from = Some(format!("{year}-{:02}-01", 1 + rng.below(6)));
            q.to = Some(format!("{year}-12-31"));
        }
        1 => q.event_type = Some(rng.pick(EVENT_TYPES).to_string()),
        2 => q.actors = (0..1 + rng.below(3)).map(|_| rng.pick(ACTORS).0.to_string()).collect(),
        3 => q.places = (0..5 + rng.below(15)).map(|_| rng.pick(PLACES).0.to_string()).collect(),
        4 => q.lang = Some(["ar", "fr", "en"][rng.below(3)].to_string()),
        _ => {
            q.outlet = Some(rng.pick(OUTLETS).to_string());
            q.from = Some(format!("{}", 2018 + rng.below(8)));
        }
    };
    for k in 0..200 {
        let mut q = SearchQuery { limit: 20, ..SearchQuery::default() };
        match k % 10 {
            0..=2 => q.text = word(&mut rng),
            3..=5 => q.text = format!("{} {}", word(&mut rng), word(&mut rng)),
            6 => {
                q.text = rng
                    .pick::<&str>(&[
                        "\"forces armées\"",
                        "\"security source\"",
                        "\"قوات الدفاع\"",
                        "\"the army\"",
                        "\"مصدر أمني\"",
                    ])
                    .to_string()
            }
            7 | 8 => {
                q.text = word(&mut rng);
                filters(&mut rng, &mut q);
            }
            _ => filters(&mut rng, &mut q),
        }
        out.push(q);
    }
    out
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| rd.flatten().filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn run_mix(index: &SearchIndex, label: &str) {
    let mix = query_mix();
    let mut timings = Vec::with_capacity(mix.len() * 3);
    let mut hits = 0usize;
    for q in &mix {
        hits += index.search(q).unwrap().len(); // warm-up
    }
    for _ in 0..3 {
        for q in &mix {
            let start = Instant::now();
            let found = index.search(q).unwrap();
            timings.push(start.elapsed());
            std::hint::black_box(found);
        }
    }
    timings.sort();
    let mean: Duration = timings.iter().sum::<Duration>() / timings.len() as u32;
    println!(
        "[{label}] {} queries x3: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms, mean {:.2} ms; {:.1} hits/query",
        mix.len(),
        percentile(&timings, 50.0).as_secs_f64() * 1e3,
        percentile(&timings, 95.0).as_secs_f64() * 1e3,
        percentile(&timings, 99.0).as_secs_f64() * 1e3,
        timings.last().unwrap().as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
        hits as f64 / mix.len() as f64
    );
    // The slowest kinds, to see where the tail comes from.
    let mut per_query: Vec<(Duration, usize)> = mix
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let start = Instant::now();
            let _ = index.search(q).unwrap();
            (start.elapsed(), i)
        })
        .collect();
    per_query.sort();
    for (d, i) in per_query.iter().rev().take(5) {
        let q = &mix[*i];
        println!(
            "    slow: {:.2} ms text={:?} from={:?} event={:?} actors={} places={} lang={:?} outlet={:?}",
            d.as_secs_f64() * 1e3,
            q.text,
            q.from,
            q.event_type,
            q.actors.len(),
            q.places.len(),
            q.lang,
            q.outlet
        );
    }
}

fn bench_index() -> &'static SearchIndex {
    static INDEX: OnceLock<(SearchIndex, Option<tempfile::TempDir>)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let n: u64 = std::env::var("MARSAD_BENCH_DOCS")
                .ok()
                .and_then(|v| v.replace('_', "").parse().ok())
                .unwrap_or(100_000);
            let (temp, path) = match std::env::var_os("MARSAD_BENCH_DIR") {
                Some(dir) => (None, std::path::PathBuf::from(dir)),
                None => {
                    let temp = tempfile::tempdir().expect("temp dir");
                    let path = temp.path().join("search");
                    (Some(temp), path)
                }
            };
            let mut index = SearchIndex::open_or_create(&path).expect("open bench index");
            let start = Instant::now();
            let mut bytes = 0usize;
            if index.len() < n {
                for i in index.len()..n {
                    let doc = generate(i);
                    bytes += doc.text.len();
                    index.add(&doc).expect("add");
                    if (i + 1) % 100_000 == 0 {
                        eprintln!("  {} docs, {:.0} s", i + 1, start.elapsed().as_secs_f64());
                    }
                }
                index.commit().expect("commit");
            }
            let built = start.elapsed();
            println!(
                "indexed {} docs ({:.0} MB of text) in {:.1} s ({:.0} docs/s); {} segments; index {:.0} MB at {}",
                index.len(),
                bytes as f64 / 1e6,
                built.as_secs_f64(),
                n as f64 / built.as_secs_f64().max(1e-9),
                index.segments(),
                dir_size(&path) as f64 / 1e6,
                path.display()
            );
            let sample = generate(1);
            println!("sample doc: {:?}\n  {}", sample.title, sample.text.chars().take(200).collect::<String>());
            run_mix(&index, "as committed");
            if index.segments() > 1 && std::env::var_os("MARSAD_BENCH_NO_COMPACT").is_none() {
                let start = Instant::now();
                index.compact().expect("compact");
                println!(
                    "compacted to {} segment(s) in {:.1} s; index {:.0} MB",
                    index.segments(),
                    start.elapsed().as_secs_f64(),
                    dir_size(&path) as f64 / 1e6
                );
                run_mix(&index, "compacted");
            }
            (index, temp)
        })
        .0
}

#[divan::bench]
fn single_word_arabic_clitic(bencher: divan::Bencher) {
    let index = bench_index();
    let q = SearchQuery { text: "بباماكو".into(), limit: 20, ..SearchQuery::default() };
    bencher.bench(|| index.search(&q).unwrap());
}

#[divan::bench]
fn two_words_french(bencher: divan::Bencher) {
    let index = bench_index();
    let q = SearchQuery { text: "embuscade segou".into(), limit: 20, ..SearchQuery::default() };
    bencher.bench(|| index.search(&q).unwrap());
}

#[divan::bench]
fn word_with_date_and_places(bencher: divan::Bencher) {
    let index = bench_index();
    let q = SearchQuery {
        text: "convoy".into(),
        from: Some("2021-01-01".into()),
        to: Some("2022-06-30".into()),
        places: PLACES.iter().step_by(3).map(|p| p.0.to_string()).collect(),
        limit: 20,
        ..SearchQuery::default()
    };
    bencher.bench(|| index.search(&q).unwrap());
}

#[divan::bench]
fn filters_only_newest_first(bencher: divan::Bencher) {
    let index = bench_index();
    let q = SearchQuery {
        actors: vec!["actor:wagner".into()],
        lang: Some("ar".into()),
        limit: 20,
        ..SearchQuery::default()
    };
    bencher.bench(|| index.search(&q).unwrap());
}
