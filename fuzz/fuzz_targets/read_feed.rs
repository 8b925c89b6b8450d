//! Fuzz target: `marsad_read::read_bytes` on arbitrary bytes as Format::Feed must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_read::{read_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(std::path::Path::new("fuzz"), data, Format::Feed, &ReadOptions::default());
});
