//! Counts on arbitrary text: never panics, spans land on the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count() as u32;
    for count in marsad_text::numbers::counts(&text) {
        assert!(count.span.start < count.span.end && count.span.end <= chars);
    }
});
