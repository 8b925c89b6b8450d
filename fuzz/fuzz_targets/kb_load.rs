//! The knowledge-base loader on arbitrary file contents: errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for name in ["places/f.jsonl", "actors.jsonl", "people.jsonl", "outlets.jsonl", "lexicon/f.jsonl"] {
        let _ = marsad_kb::load::load(&[(name, &text)]);
    }
});
