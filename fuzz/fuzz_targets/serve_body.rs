//! `POST /api/documents` bodies without a store: the Content-Type (the input's first line), the
//! charset decoding, `{"documents": [...]}` unwrapping and reading, as the server runs them.
//! Never panics; every refusal is a client error; every document read has text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_read::{read_bytes, ReadOptions};
use marsad_serve::write::decode_body;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let content_type = String::from_utf8_lossy(&data[..split]);
    let body = data.get(split + 1..).unwrap_or_default();
    match decode_body(&content_type, body) {
        Ok((format, bytes)) => {
            for document in read_bytes(std::path::Path::new("request"), &bytes, format, &ReadOptions::default()) {
                if let Ok(document) = document {
                    assert!(!document.text.trim().is_empty(), "a document without text");
                }
            }
        }
        Err(error) => {
            let (status, _) = error.status_and_code();
            assert!(status.is_client_error(), "{error} answered {status}");
        }
    }
});
