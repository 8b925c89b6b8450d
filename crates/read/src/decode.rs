//! Bytes → text: BOMs, declared charsets (HTML meta, XML declaration) and detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The result of decoding: the text, the encoding used, and whether invalid bytes were
/// replaced by U+FFFD (a warning-level fact, never an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, BOM removed.
    pub text: String,
    /// Name of the encoding used ("UTF-8", "windows-1256", ...).
    pub encoding: &'static str,
    /// True if some bytes were malformed for that encoding and replaced.
    pub had_errors: bool,
}

/// Decodes bytes to text. Order of authority: a BOM (UTF-8, UTF-16LE/BE), then the
/// `declared` label (from `<meta charset>` or `<?xml encoding?>`), then valid UTF-8, then
/// "mostly UTF-8 with a few bad bytes" (decoded as UTF-8 with replacements), then chardetng.
/// Total: never fails, never panics.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_length..).unwrap_or_default();
        return decode_with(encoding, rest);
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes())) {
        // As in browsers: a UTF-16 label read through an ASCII-compatible prescan cannot be
        // right (the label itself was readable as ASCII), so it means UTF-8.
        let encoding = if encoding == UTF_16LE || encoding == UTF_16BE { UTF_8 } else { encoding };
        return decode_with(encoding, bytes);
    }
    if let Some(text) = utf8(bytes) {
        return Decoded { text: text.to_string(), encoding: UTF_8.name(), had_errors: false };
    }
    decode_with(legacy_encoding(bytes), bytes)
}

/// `bytes` as text when they are valid UTF-8 (the same answer as `std::str::from_utf8`, checked
/// by simdutf8: every line of every input goes through it).
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The encoding of bytes that are not valid UTF-8: UTF-8 when they are "mostly UTF-8 with a few
/// bad bytes", else chardetng's guess.
fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    if mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// One line of a JSON Lines file, decoded on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodedLine<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line's text, without its `\n`.
    pub text: Cow<'a, str>,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
    /// What is worth reporting about its decoding (another encoding, replaced bytes).
    pub warning: Option<String>,
}

/// True when the bytes start with a UTF-16 byte-order mark: such a file cannot be split into
/// lines before decoding, so it is decoded whole.
pub(crate) fn has_utf16_bom(bytes: &[u8]) -> bool {
    matches!(Encoding::for_bom(bytes), Some((encoding, _)) if encoding != UTF_8)
}

/// Decodes a JSON Lines file line by line (a UTF-8 BOM is dropped): a valid UTF-8 line is
/// always read as UTF-8, whatever the other lines hold; any other line is decoded by detection
/// and carries a warning, so one legacy line never turns the whole file into mojibake.
pub(crate) fn decode_lines(bytes: &[u8]) -> impl Iterator<Item = DecodedLine<'_>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let lines = || bytes.split(|&b| b == b'\n');
    // Guessed once, from every non-UTF-8 line together, for lines too short to tell alone.
    let mut file_guess = None;
    lines().enumerate().map(move |(index, line)| {
        decode_line(index + 1, line, || {
            *file_guess.get_or_insert_with(|| {
                let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                for legacy in lines().filter(|l| utf8(l).is_none()) {
                    detector.feed(legacy, false);
                    detector.feed(b"\n", false);
                }
                detector.feed(b"", true);
                detector.guess(None, chardetng::Utf8Detection::Deny)
            })
        })
    })
}

/// Fewer non-ASCII bytes than this are too little for chardetng to tell windows-1256 from
/// windows-1252 (a three-letter Arabic word reads as Latin); such a line takes the file's guess.
const MIN_NON_ASCII_TO_DETECT_ALONE: usize = 8;

/// The lines of a file decoded whole (UTF-16): every line has the file's encoding, and the
/// file's decoding warning stays on the file.
pub(crate) fn whole_file_lines(decoded: &Decoded) -> impl Iterator<Item = DecodedLine<'_>> {
    decoded.text.split('\n').enumerate().map(|(index, line)| DecodedLine {
        number: index + 1,
        text: Cow::Borrowed(line),
        encoding: decoded.encoding,
        warning: None,
    })
}

fn decode_line<'a>(number: usize, line: &'a [u8], file_guess: impl FnOnce() -> &'static Encoding) -> DecodedLine<'a> {
    if let Some(text) = utf8(line) {
        return DecodedLine { number, text: Cow::Borrowed(text), encoding: UTF_8.name(), warning: None };
    }
    let non_ascii = line.iter().filter(|b| !b.is_ascii()).count();
    let encoding = if mostly_utf8(line) || non_ascii >= MIN_NON_ASCII_TO_DETECT_ALONE {
        legacy_encoding(line)
    } else {
        file_guess()
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(line);
    let warning = if had_errors {
        format!("invalid {} bytes replaced with U+FFFD", encoding.name())
    } else {
        format!("not UTF-8: decoded as {} (detected)", encoding.name())
    };
    DecodedLine { number, text: Cow::Owned(text.into_owned()), encoding: encoding.name(), warning: Some(warning) }
}

/// Decodes with a known encoding, without BOM sniffing (the BOM was handled by the caller).
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name(), had_errors }
}

/// True when the bytes are UTF-8 with a few invalid bytes: legacy single-byte text almost
/// never forms valid multi-byte UTF-8 sequences, so many of them outweigh some bad bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && multibyte >= invalid.saturating_mul(4)
}

/// How far into an HTML file we look for `<meta charset>` (browsers use 1024; pages with big
/// heads often declare later, and the scan is cheap).
const PRESCAN_BYTES: usize = 4096;

/// The charset an HTML page declares in `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">` (or, failing that, in
/// an XML declaration, for XHTML).
pub(crate) fn declared_html_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes).to_ascii_lowercase();
    let mut rest: &[u8] = &head;
    while let Some(start) = find(rest, b"<meta") {
        let tag = rest.get(start..).unwrap_or_default();
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let tag_body = tag.get(..end).unwrap_or_default();
        if let Some(label) = find(tag_body, b"charset").and_then(|at| value_after(tag_body, at + 7)) {
            return Some(label);
        }
        rest = tag.get(end..).unwrap_or_default();
    }
    declared_xml_encoding(bytes)
}

/// The encoding named in an XML declaration `<?xml version="1.0" encoding="..."?>` at the
/// start of the input.
pub(crate) fn declared_xml_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes.get(start..)?;
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = find(rest, b"?>")?;
    let declaration = rest.get(..end)?;
    let at = find(declaration, b"encoding")?;
    value_after(declaration, at + 8)
}

/// Reads `= "label"` (quotes optional) starting at `at`, returning the label if well-formed.
fn value_after(bytes: &[u8], at: usize) -> Option<String> {
    let mut rest = bytes.get(at..)?;
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    if let Some(first) = rest.first().copied() {
        if first == b'"' || first == b'\'' {
            rest = rest.get(1..)?;
        }
    }
    let length = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let label = rest.get(..length)?;
    if label.is_empty() {
        return None;
    }
    Some(String::from_utf8_lossy(label).into_owned())
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms_are_found() {
        assert_eq!(declared_html_charset(b"<meta charset=\"ISO-8859-6\">").as_deref(), Some("iso-8859-6"));
        assert_eq!(
            declared_html_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1256'>")
                .as_deref(),
            Some("windows-1256")
        );
        assert_eq!(declared_html_charset(b"<meta name=x><p>charset=utf-8</p>"), None);
    }

    #[test]
    fn xml_declaration_encoding_is_found() {
        assert_eq!(
            declared_xml_encoding(b"  <?xml version='1.0' encoding='windows-1256'?><rss/>").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(declared_xml_encoding(b"<?xml version='1.0'?><rss/>"), None);
    }

    #[test]
    fn declared_utf16_without_bom_means_utf8() {
        let decoded = decode(b"<meta charset=utf-16>abc", Some("utf-16"));
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn mostly_utf8_keeps_utf8_and_flags_errors() {
        let mut bytes = "خبر قصير عن بلدة خيالية".as_bytes().to_vec();
        bytes.push(0xFF);
        let decoded = decode(&bytes, None);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.had_errors);
        assert!(decoded.text.ends_with('\u{FFFD}'));
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    /// chardetng tells a legacy line from a few words: short Arabic lines in windows-1256 or
    /// ISO-8859-6 and French lines in windows-1252 come back as written.
    #[test]
    fn short_legacy_lines_are_detected_one_by_one() {
        let texts =
            ["باماكو", "هجوم قرب باماكو", "قتل ثلاثة جنود في كمين قرب غاو", "Attaque à Ségou", "Évacués près de Mopti"];
        let encodings = [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6, encoding_rs::WINDOWS_1252];
        for text in texts {
            for encoding in encodings {
                let line = format!("{{\"id\":\"x\",\"text\":\"{text}\"}}");
                let (bytes, _, unmappable) = encoding.encode(&line);
                if unmappable {
                    continue;
                }
                let decoded: Vec<DecodedLine<'_>> = decode_lines(&bytes).collect();
                assert_eq!(decoded[0].text, line, "{text} in {}", encoding.name());
                assert!(decoded[0].warning.is_some());
            }
        }
    }

    #[test]
    fn utf8_lines_stay_utf8_and_short_legacy_lines_take_the_files_guess() {
        let cp1256 = |text: &str| encoding_rs::WINDOWS_1256.encode(text).0.into_owned();
        let long = cp1256("أعلنت السلطات في بلدة خيالية حظر التجول بعد اشتباكات قرب السوق\n");
        let bytes = [b"\xEF\xBB\xBF".as_slice(), "باماكو\n".as_bytes(), &cp1256("خبر"), b"\n", &long].concat();
        let lines: Vec<DecodedLine<'_>> = decode_lines(&bytes).collect();
        assert_eq!((lines[0].text.as_ref(), lines[0].encoding, lines[0].number), ("باماكو", "UTF-8", 1));
        assert_eq!((lines[1].text.as_ref(), lines[1].encoding, lines[1].number), ("خبر", "windows-1256", 2));
        assert_eq!(lines[2].encoding, "windows-1256");
        assert_eq!(lines[3].text, "");
    }
}
