//! Event coding on arbitrary text: never panics, evidence lands on the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn kb() -> &'static marsad_kb::KnowledgeBase {
    static KB: OnceLock<marsad_kb::KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| marsad_kb::KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count() as u32;
    let extraction = marsad_extract::Extractor::new(kb()).extract(&text, None);
    for event in marsad_events::EventCoder::new(kb()).code(&text, &extraction, Some("2025-09-07")) {
        assert!(event.evidence.start < event.evidence.end && event.evidence.end <= chars);
    }
});
