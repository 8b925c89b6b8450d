//! Prints, for each document of a JSON Lines file (`{"id":…,"text":…}` per line), the names its
//! text introduces with a place word that the knowledge base does not know, one per line:
//! `id<TAB>name<TAB>level<TAB>within`. For measuring recall of unknown places on an annotated set:
//! `cargo run --release -p marsad-extract --example unlisted -- /tmp/g-in.jsonl`.

use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use std::io::BufRead;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: unlisted FILE.jsonl");
        std::process::exit(2);
    };
    let kb = KnowledgeBase::embedded().unwrap_or_else(|errors| {
        eprintln!("knowledge base: {}", errors.first().map(|e| e.to_string()).unwrap_or_default());
        std::process::exit(1);
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { break };
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("{path}:{}: not JSON", number + 1);
            continue;
        };
        let (id, text) = (doc["id"].as_str().unwrap_or(""), doc["text"].as_str().unwrap_or(""));
        let chars: Vec<char> = text.chars().collect();
        for u in Extractor::new(&kb).extract(text, None).unlisted {
            let name: String = chars[u.span.start as usize..u.span.end as usize].iter().collect();
            let within = u.within.map(|p| kb.places[p as usize].id.as_str()).unwrap_or("-");
            println!("{id}\t{name}\t{}\t{within}", u.level.map_or("-".to_string(), |l| l.to_string()));
        }
    }
}
