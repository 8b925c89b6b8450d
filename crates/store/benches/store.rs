//! Ingestion throughput of the SQLite store: the calls the ingestion pipeline makes per
//! document (hash and URL lookups, near-duplicates, the insert with 30 mentions, then for each
//! of 2 claims a candidate query and an insert or a join + summary update), 10,000 synthetic
//! documents in batches of 64, into a WAL file on disk. Divan reports documents per second.
//!
//! `CARGO_TARGET_DIR=target-store cargo bench -p marsad-store`

use divan::counter::ItemsCount;
use divan::Bencher;
use marsad_store::sqlite::open;
use marsad_store::{Claim, EventFilter, NewDocument, NewMention, SqliteStore, Store};

const DOCUMENTS: usize = 10_000;
const BATCH: usize = 64;
const EVENT_TYPES: [&str; 6] = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
];

fn main() {
    divan::main();
}

/// xorshift64*: deterministic synthetic data without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Day `n` of 2024 (0-based, clamped to the year) as YYYY-MM-DD.
fn date(day: i64) -> String {
    const MONTHS: [i64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = day.clamp(0, 365);
    for (month, length) in MONTHS.iter().enumerate() {
        if day < *length {
            return format!("2024-{:02}-{:02}", month + 1, day + 1);
        }
        day -= length;
    }
    "2024-12-31".into()
}

struct Input {
    document: NewDocument,
    mentions: Vec<NewMention>,
    claims: Vec<(Claim, EventFilter)>,
}

fn inputs() -> Vec<Input> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let words = ["قصف", "مدينة", "الجيش", "attaque", "village", "drone", "strike", "killed", "بلدة", "forces"];
    let places: Vec<(String, f64, f64)> =
        (0..200).map(|i| (format!("place:{i}"), 30.0 + (i / 20) as f64, 35.0 + (i % 20) as f64 * 0.5)).collect();
    (0..DOCUMENTS)
        .map(|i| {
            let text: String =
                (0..300).map(|_| words[rng.below(words.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
            let day = (i * 365 / DOCUMENTS) as i64;
            let document = NewDocument {
                key: format!("doc-{i}"),
                content_hash: format!("{:016x}{:016x}", rng.next(), rng.next()),
                url: Some(format!("https://outlet{}.example/{i}", i % 20)),
                outlet: Some(format!("outlet{}", i % 20)),
                lang: Some(["ar", "fr", "en"][i % 3].into()),
                published: Some(date(day)),
                title: Some(format!("Title {i}")),
                text,
                minhash: (0..64).map(|_| rng.next() as u32).collect(),
                lsh_bands: (0..16).map(|_| rng.next()).collect(),
            };
            let mentions = (0..30)
                .map(|m| {
                    let start = m * 40;
                    NewMention {
                        kind: ["place", "actor", "person"][m as usize % 3].into(),
                        entity_id: format!("entity:{}", rng.below(2_000)),
                        start,
                        end: start + 6,
                        text: "مدينة".into(),
                    }
                })
                .collect();
            let claims = (0..2)
                .map(|_| {
                    let (place, lat, lon) = places[rng.below(places.len() as u64) as usize].clone();
                    let placed = rng.below(100) >= 5;
                    let event_day = day - rng.below(3) as i64;
                    let dated = rng.below(100) >= 1;
                    let event_type = EVENT_TYPES[rng.below(6) as usize];
                    let claim = Claim {
                        event_type: event_type.into(),
                        sub_event_type: "Armed clash".into(),
                        actor1: Some(format!("actor:{}", rng.below(50))),
                        actor2: None,
                        place: placed.then_some(place),
                        lat: placed.then_some(lat),
                        lon: placed.then_some(lon),
                        geo_precision: 1,
                        date: dated.then(|| date(event_day)),
                        time_precision: 1,
                        fatalities: Some(rng.below(10)),
                        attributed_to: None,
                        evidence_start: 0,
                        evidence_end: 40,
                        evidence_text: "قصف مدينة الجيش".into(),
                        confidence: 0.6,
                        foiled: false,
                    };
                    let filter = EventFilter {
                        event_type: Some(event_type.into()),
                        from: Some(date(event_day - 3)),
                        to: Some(date(event_day + 3)),
                        bbox: placed.then_some((lat - 0.5, lon - 0.5, lat + 0.5, lon + 0.5)),
                        ..EventFilter::default()
                    };
                    (claim, filter)
                })
                .collect();
            Input { document, mentions, claims }
        })
        .collect()
}

/// What ingestion does with one document.
fn ingest_one(store: &mut SqliteStore, input: &Input) {
    let document = &input.document;
    if store.document_by_hash(&document.content_hash).expect("hash").is_some() {
        return;
    }
    let url = document.url.as_deref().unwrap_or_default();
    divan::black_box(store.document_by_url(url).expect("url"));
    let story = store
        .near_duplicates(&document.lsh_bands, &document.minhash, 0.6)
        .expect("near")
        .first()
        .map(|&(_, story)| story);
    let (doc_id, _) = store.insert_document(document, &input.mentions, story).expect("insert");
    for (claim, filter) in &input.claims {
        let candidates = store.candidate_events(filter).expect("candidates");
        // Stand-in for the real merge rule: join an event at the same place (a candidate
        // without place or date is a weaker match and stays alone here).
        match candidates.iter().find(|event| event.summary.place.is_some() && event.summary.place == claim.place) {
            Some(event) => {
                store.add_source(event.id, doc_id, claim, "same type, place and week").expect("source");
                store
                    .update_summary(event.id, &event.summary, event.summary.fatalities != claim.fatalities)
                    .expect("summary");
            }
            None => {
                store.insert_event(doc_id, claim).expect("event");
            }
        }
    }
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn ingest_10k_documents(bencher: Bencher) {
    let data = inputs();
    bencher
        .counter(ItemsCount::new(DOCUMENTS))
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let store = open(&dir.path().join("bench.db")).expect("open");
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            for batch in data.chunks(BATCH) {
                store.begin().expect("begin");
                for input in batch {
                    ingest_one(&mut store, input);
                }
                store.commit().expect("commit");
            }
            (dir, store)
        });
}
