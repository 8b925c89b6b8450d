//! The whole `extract` path on one core: reading (decoding, layout) + analysis + mention
//! finding + the JSON line, over ≥ 10 MB of news text. The text is the seed articles of
//! `../shared/corpus/seeds` when present (real Arabic news), else the bundled samples,
//! repeated as separate documents.

use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_output::{record, to_json_line, DocumentInfo};
use marsad_read::{read_bytes, Format, ReadOptions};
use std::path::{Path, PathBuf};

const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// The allocator `marsad` itself runs with (crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn articles() -> Vec<Vec<u8>> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let mut texts: Vec<Vec<u8>> = std::fs::read_dir(&seeds)
        .map(|dir| {
            let mut paths: Vec<PathBuf> =
                dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
            paths.sort();
            paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        let samples = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/samples.jsonl"))
            .unwrap_or_default();
        texts = samples
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(|t| t.as_bytes().to_vec()))
            .collect();
    }
    let mut corpus = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for text in &texts {
            total += text.len();
            corpus.push(text.clone());
        }
    }
    corpus
}

/// Issue 2's path: reading, analysis and mention finding (no events, no JSON).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn read_and_find_mentions_10_mb_one_core(bencher: divan::Bencher) {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let extractor = Extractor::new(&kb);
    let corpus = articles();
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let options = ReadOptions::default();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        let mut found = 0usize;
        for (i, article) in corpus.iter().enumerate() {
            let name = format!("doc{i}.txt");
            for document in read_bytes(Path::new(&name), article, Format::Text, &options).into_iter().flatten() {
                found += extractor.extract(&document.text, document.title.as_deref()).mentions.len();
            }
        }
        found
    });
}

/// The whole `extract` path: reading, mentions, events and the JSON line.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn extract_10_mb_one_core(bencher: divan::Bencher) {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let extractor = Extractor::new(&kb);
    let coder = EventCoder::new(&kb);
    let corpus = articles();
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let options = ReadOptions::default();
    bencher.counter(divan::counter::BytesCount::new(bytes)).bench_local(|| {
        let mut out = 0usize;
        for (i, article) in corpus.iter().enumerate() {
            let name = format!("doc{i}.txt");
            for document in read_bytes(Path::new(&name), article, Format::Text, &options).into_iter().flatten() {
                let extraction = extractor.extract(&document.text, document.title.as_deref());
                let events = coder.code(&document.text, &extraction, document.published.as_deref());
                let info = DocumentInfo {
                    id: &document.id,
                    text: &document.text,
                    title: document.title.as_deref(),
                    ..DocumentInfo::default()
                };
                out += to_json_line(&record(&kb, &info, &extraction, &events, false)).len();
            }
        }
        out
    });
}
