//! The whole `extract` path (reading, mentions, events, the JSON line) on one core over real
//! news: the development set's excerpts and the seed articles of `../shared/corpus` (read in
//! place, never copied), repeated as separate documents to 20 MB. Skipped, saying so, when
//! `../shared` is absent; `MARSAD_SHARED` names it where it does not sit beside the checkout
//! (a git worktree). Issue 10 asks for >= 10 MB/s here; BENCHMARKS.md keeps the figures.

use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_output::{record, to_json_line, DocumentInfo};
use marsad_read::{read_bytes, Format, ReadOptions};
use std::path::Path;

const TARGET_BYTES: usize = 20 * 1024 * 1024;

/// The allocator `marsad` itself runs with (crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// (text, publication date) of every dev excerpt and seed article.
fn real_news() -> Vec<(Vec<u8>, Option<String>)> {
    let shared = std::env::var_os("MARSAD_SHARED")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"), std::path::PathBuf::from);
    let corpus = shared.join("corpus");
    let mut texts = Vec::new();
    if let Ok(gold) = std::fs::read_to_string(corpus.join("dev/gold.jsonl")) {
        for line in gold.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()) {
            let published = line["published"].as_str().map(str::to_string);
            texts.extend(line["text"].as_str().map(|t| (t.as_bytes().to_vec(), published)));
        }
    }
    if let Ok(dir) = std::fs::read_dir(corpus.join("seeds")) {
        let mut paths: Vec<_> =
            dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read(p).ok()).map(|t| (t, None)));
    }
    texts
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn extract_real_news_20_mb_one_core(bencher: divan::Bencher) {
    let texts = real_news();
    if texts.is_empty() {
        eprintln!("skipped: ../shared/corpus is not present");
        return;
    }
    let mut corpus = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for text in &texts {
            total += text.0.len();
            corpus.push(text.clone());
        }
    }
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let (extractor, coder) = (Extractor::new(&kb), EventCoder::new(&kb));
    let options = ReadOptions::default();
    bencher.counter(divan::counter::BytesCount::new(total)).bench_local(|| {
        let mut out = 0usize;
        for (i, (article, published)) in corpus.iter().enumerate() {
            let name = format!("doc{i}.txt");
            for document in read_bytes(Path::new(&name), article, Format::Text, &options).into_iter().flatten() {
                let extraction = extractor.extract(&document.text, document.title.as_deref());
                let events = coder.code(&document.text, &extraction, published.as_deref());
                let info = DocumentInfo {
                    id: &document.id,
                    text: &document.text,
                    published: published.as_deref(),
                    ..DocumentInfo::default()
                };
                out += to_json_line(&record(&kb, &info, &extraction, &events, false)).len();
            }
        }
        out
    });
}
