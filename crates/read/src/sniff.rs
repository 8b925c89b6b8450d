//! Recognising inputs: format by extension or content, and binary (non-text) data.

use std::path::Path;

use encoding_rs::Encoding;

use crate::Format;

/// The format implied by a path's extension (case-insensitive).
pub(crate) fn format_from_extension(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" | "md" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "rss" | "atom" | "xml" => Some(Format::Feed),
        _ => None,
    }
}

/// How many bytes (or chars) of the start of an input the content checks look at.
const SNIFF_LENGTH: usize = 8 * 1024;

/// Guesses the format from content: `{`/`[` → JSON (JSON Lines when more than one non-empty
/// line and each starts with `{`); `<rss`, `<feed`, `<rdf:RDF` (possibly after an XML
/// declaration, comments or doctype) → feed; other `<` → HTML; anything else → text.
pub(crate) fn sniff_format(bytes: &[u8]) -> Format {
    let head = start_as_text(bytes);
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    if trimmed.starts_with('{') {
        return if is_json_lines(bytes) { Format::JsonLines } else { Format::Json };
    }
    if trimmed.starts_with('<') {
        return if first_element_is_feed(trimmed) { Format::Feed } else { Format::Html };
    }
    Format::Text
}

/// The first [`SNIFF_LENGTH`] bytes as text, enough to see markers (decodes UTF-16 by BOM).
fn start_as_text(bytes: &[u8]) -> String {
    let head = bytes.get(..SNIFF_LENGTH).unwrap_or(bytes);
    match Encoding::for_bom(head) {
        Some((encoding, _)) => encoding.decode_with_bom_removal(head).0.into_owned(),
        None => String::from_utf8_lossy(head).into_owned(),
    }
}

/// More than one non-empty line, each starting with `{` (UTF-16 input is never JSONL here).
fn is_json_lines(bytes: &[u8]) -> bool {
    let mut lines = 0usize;
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        match line.iter().find(|b| !b.is_ascii_whitespace()) {
            None => continue,
            Some(b'{') => lines += 1,
            Some(_) => return false,
        }
    }
    lines > 1
}

/// Skips the XML declaration, comments, processing instructions and doctype, and tells
/// whether the first element is a feed root.
fn first_element_is_feed(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let skip_to = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!") {
            ">"
        } else {
            break;
        };
        match rest.find(skip_to) {
            Some(end) => rest = rest.get(end + skip_to.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    let lower: String = rest.chars().take(16).collect::<String>().to_ascii_lowercase();
    ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| {
        lower
            .strip_prefix(root)
            .is_some_and(|after| after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/'))
    })
}

/// Magic numbers of common binary formats: PDF, ZIP (docx, epub...), PNG, JPEG, GIF, gzip.
pub(crate) fn has_binary_magic(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 9] = [
        b"%PDF-",
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"PK\x07\x08",
        b"\x89PNG\r\n\x1a\n",
        b"\xFF\xD8\xFF",
        b"GIF87a",
        b"GIF89a",
        b"\x1F\x8B",
    ];
    MAGIC.iter().any(|magic| bytes.starts_with(magic))
}

/// Byte-level binary check on the first 8 KiB for inputs without a UTF-16 BOM (whose NULs
/// are legitimate; those are checked after decoding by [`looks_binary_text`]).
pub(crate) fn looks_binary_bytes(bytes: &[u8]) -> bool {
    if matches!(Encoding::for_bom(bytes), Some((encoding, _)) if encoding != encoding_rs::UTF_8) {
        return false;
    }
    let head = bytes.get(..SNIFF_LENGTH).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| is_suspicious_control(u32::from(b))).count();
    mostly_control(control, head.len())
}

/// Char-level binary check on the first 8 K chars of decoded text.
pub(crate) fn looks_binary_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(SNIFF_LENGTH) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if is_suspicious_control(u32::from(c)) {
            control += 1;
        }
    }
    mostly_control(control, total)
}

/// C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
fn is_suspicious_control(code: u32) -> bool {
    code < 0x20 && !matches!(code, 0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x1B) || code == 0x7F
}

/// "Mostly" control characters: more than 30 % of the sample.
fn mostly_control(control: usize, total: usize) -> bool {
    total > 0 && control.saturating_mul(10) > total.saturating_mul(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_map_to_formats() {
        assert_eq!(format_from_extension(Path::new("a/b.HTM")), Some(Format::Html));
        assert_eq!(format_from_extension(Path::new("x.ndjson")), Some(Format::JsonLines));
        assert_eq!(format_from_extension(Path::new("x.atom")), Some(Format::Feed));
        assert_eq!(format_from_extension(Path::new("x.md")), Some(Format::Text));
        assert_eq!(format_from_extension(Path::new("x.pdf")), None);
        assert_eq!(format_from_extension(Path::new("README")), None);
    }

    #[test]
    fn content_sniffing() {
        assert_eq!(sniff_format(b"  {\"text\": \"a\"}"), Format::Json);
        assert_eq!(sniff_format(b"{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n"), Format::JsonLines);
        assert_eq!(sniff_format(b"[{\"text\": \"a\"}]"), Format::Json);
        assert_eq!(sniff_format(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"), Format::Feed);
        assert_eq!(sniff_format(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(sniff_format(b"<?xml version=\"1.0\"?><html>"), Format::Html);
        assert_eq!(sniff_format(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff_format(b"<feedback>"), Format::Html);
        assert_eq!(sniff_format("خبر".as_bytes()), Format::Text);
    }

    #[test]
    fn binary_detection() {
        assert!(has_binary_magic(b"%PDF-1.7 ..."));
        assert!(looks_binary_bytes(b"abc\0def"));
        assert!(looks_binary_bytes(&[1, 2, 3, 4, 5, b'a']));
        assert!(!looks_binary_bytes(b"line one\r\n\tline two\x0c"));
        assert!(!looks_binary_bytes(b"\xFF\xFEa\0b\0"));
    }
}
