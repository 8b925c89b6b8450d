//! Date expressions on arbitrary text and publication strings: never panics, dates are valid.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (published, body) = text.split_at(text.char_indices().nth(10).map(|(i, _)| i).unwrap_or(text.len()));
    let chars = body.chars().count() as u32;
    for mention in marsad_text::dates::dates(body, Some(published)) {
        assert!(mention.span.start < mention.span.end && mention.span.end <= chars);
        if let Some(date) = mention.date {
            assert!(date.is_valid());
        }
    }
});
