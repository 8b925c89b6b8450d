//! Property tests: no input makes the reader panic, text files round-trip, decode is total.

use std::path::Path;

use marsad_read::{decode, read_bytes, Format, ReadOptions};
use proptest::prelude::*;

const FORMATS: [Format; 5] = [Format::Text, Format::Html, Format::Json, Format::JsonLines, Format::Feed];

/// Bytes biased towards the syntax the parsers care about, plus arbitrary bytes.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "</",
        "<p>",
        "<div class=\"share\">",
        "<item>",
        "</item>",
        "<rss>",
        "<feed>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#x0;",
        "&nbsp;",
        "{",
        "}",
        "[",
        "]",
        "\"text\":",
        "\"html\":",
        ",",
        ":",
        "\n",
        "\r\n",
        " ",
        "خبر",
        "é",
        "\u{FEFF}",
        "<?xml version=\"1.0\" encoding=\"windows-1256\"?>",
        "<meta charset=utf-16>",
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        prop::collection::vec(pieces, 0..64).prop_map(|p| p.concat().into_bytes()),
    ]
}

proptest! {
    #[test]
    fn read_bytes_never_panics(bytes in interesting_bytes()) {
        for format in FORMATS {
            let _ = read_bytes(Path::new("p"), &bytes, format, &ReadOptions::default());
        }
    }

    #[test]
    fn text_round_trips_valid_utf8(text in "\\PC[\\PC\\s]{0,300}") {
        prop_assume!(!text.starts_with('\u{FEFF}') && !text.trim().is_empty() && !text.contains('\0'));
        let results = read_bytes(Path::new("t.txt"), text.as_bytes(), Format::Text, &ReadOptions::default());
        match results.as_slice() {
            [Ok(document)] => prop_assert_eq!(&document.text, &text),
            // Mostly-control-character strings are legitimately refused as binary.
            [Err(marsad_read::ReadError::Binary { .. })] => {}
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn decode_is_total(bytes in prop::collection::vec(any::<u8>(), 0..512), label in prop::option::of("[a-z0-9-]{0,12}")) {
        let decoded = decode(&bytes, label.as_deref());
        prop_assert!(!decoded.encoding.is_empty());
        if std::str::from_utf8(&bytes).is_ok() && label.is_none() && !bytes.starts_with(b"\xEF\xBB\xBF")
            && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
            prop_assert_eq!(decoded.text.as_bytes(), &bytes[..]);
        }
    }
}
