//! Fuzz target: text reading never panics, and valid UTF-8 without a BOM comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_read::{read_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let results = read_bytes(std::path::Path::new("fuzz"), data, Format::Text, &ReadOptions::default());
    for document in results.iter().flatten() {
        assert!(!document.text.trim().is_empty(), "documents are never empty");
        if let Ok(text) = std::str::from_utf8(data) {
            if !text.starts_with('\u{FEFF}') {
                assert_eq!(document.text, text, "valid UTF-8 text must come back exactly");
            }
        }
    }
});
