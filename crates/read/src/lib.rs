//! marsad-read: bytes on disk (or stdin) → [`Document`]s ready for analysis.
//!
//! One input may hold many documents (JSONL, JSON arrays, feeds), so readers return a
//! `Vec<Result<Document, ReadError>>`: a bad line or item is an error beside the good ones.
//! Nothing here panics on any input.

mod date;
mod decode;
mod error;
mod feed;
mod html;
mod inputs;
mod json;
mod sniff;
mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use decode::{decode, Decoded};
pub use error::ReadError;
pub use inputs::expand_inputs;

/// One article, ready for analysis. Offsets downstream count chars of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// File stem for .txt/.html; the `id` field for JSON (else `<stem>` / `<stem>:<line>` /
    /// `<stem>#<n>`); guid/id or link (else `<stem>#<n>`) for feed items; "stdin" for `-`.
    pub id: String,
    /// Canonical URL when the input names one.
    pub url: Option<String>,
    /// Headline; `None` when none can be found.
    pub title: Option<String>,
    /// Publication date as "YYYY-MM-DD", only when the input states it; never guessed.
    pub published: Option<String>,
    /// Outlet as the input names it (JSON `source`, og:site_name, feed title), else `None`.
    pub source: Option<String>,
    /// The article text. For text files exactly the decoded contents (BOM removed); for
    /// HTML and feeds the extracted main text, paragraphs separated by "\n\n".
    pub text: String,
    /// Where it came from, for error messages and provenance.
    pub origin: Origin,
    /// Encoding used to decode the bytes ("UTF-8", "windows-1256", ...).
    pub encoding: &'static str,
    /// Facts worth reporting that did not stop reading (e.g. invalid bytes replaced by U+FFFD).
    pub warnings: Vec<String>,
}

/// Where a document (or an error) came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    /// The path as given; "-" for stdin.
    pub path: PathBuf,
    /// JSONL line, 1-based.
    pub line: Option<usize>,
    /// Feed item or JSON array element, 1-based.
    pub item: Option<usize>,
}

impl Origin {
    /// The origin of a whole file.
    pub fn file(path: &Path) -> Origin {
        Origin { path: path.to_path_buf(), line: None, item: None }
    }

    /// The same file, at a JSONL line.
    pub fn at_line(&self, line: usize) -> Origin {
        Origin { path: self.path.clone(), line: Some(line), item: None }
    }

    /// The same file, at a feed item or array element.
    pub fn at_item(&self, item: usize) -> Origin {
        Origin { path: self.path.clone(), line: self.line, item: Some(item) }
    }
}

impl std::fmt::Display for Origin {
    /// "path", "path:line" or "path item n".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = self.item {
            write!(f, " item {item}")?;
        }
        Ok(())
    }
}

/// How the bytes of an input are to be interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Format {
    /// Plain text (.txt .text .md): the whole file is the article.
    Text,
    /// An HTML page (.html .htm .xhtml): the main article is extracted.
    Html,
    /// One JSON object or an array of them (.json).
    Json,
    /// One JSON object per line (.jsonl .ndjson).
    JsonLines,
    /// RSS 2.0 / RSS 1.0 / Atom (.rss .atom .xml).
    Feed,
}

impl Format {
    /// The format implied by a file's extension (case-insensitive), or `None` if unknown.
    pub fn from_path(path: &Path) -> Option<Format> {
        sniff::format_from_extension(path)
    }

    /// Guesses the format from the content (for stdin and unknown extensions).
    pub fn sniff(bytes: &[u8]) -> Format {
        sniff::sniff_format(bytes)
    }
}

/// Limits applied while reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Inputs larger than this are refused (without being read whole). Default 20 MiB.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: 20 * 1024 * 1024 }
    }
}

/// Reads one file (or "-" for stdin). One file may hold many documents (JSONL, JSON array,
/// feeds); errors for single bad items do not stop the good ones.
pub fn read_path(path: &Path, options: &ReadOptions) -> Vec<Result<Document, ReadError>> {
    let at = Origin::file(path);
    let bytes = if path == Path::new("-") {
        read_limited(std::io::stdin().lock(), &at, options.max_bytes)
    } else {
        read_file(path, &at, options.max_bytes)
    };
    match bytes {
        Ok(bytes) => {
            let format = Format::from_path(path).unwrap_or_else(|| Format::sniff(&bytes));
            read_bytes(path, &bytes, format, options)
        }
        Err(error) => vec![Err(error)],
    }
}

/// Turns the bytes of one input into documents, interpreting them as `format`.
/// `path` is used for ids ("<stem>") and origins only; "-" means stdin.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Format,
    options: &ReadOptions,
) -> Vec<Result<Document, ReadError>> {
    let at = Origin::file(path);
    let size = bytes.len() as u64;
    if size > options.max_bytes {
        return vec![Err(ReadError::TooLarge { at, size, limit: options.max_bytes })];
    }
    if bytes.is_empty() {
        return vec![Err(ReadError::Empty { at })];
    }
    if sniff::has_binary_magic(bytes) || sniff::looks_binary_bytes(bytes) {
        return vec![Err(ReadError::Binary { at })];
    }
    if format == Format::JsonLines && !decode::has_utf16_bom(bytes) {
        return read_json_lines_per_line(at, stem(path), bytes);
    }
    let declared = match format {
        Format::Html => decode::declared_html_charset(bytes),
        Format::Feed => decode::declared_xml_encoding(bytes),
        Format::Text | Format::Json | Format::JsonLines => None,
    };
    let decoded = decode(bytes, declared.as_deref());
    if sniff::looks_binary_text(&decoded.text) {
        return vec![Err(ReadError::Binary { at })];
    }
    if decoded.text.trim().is_empty() {
        return vec![Err(ReadError::Empty { at })];
    }
    let input = Input { at, stem: stem(path), encoding: decoded.encoding, warnings: decode_warnings(&decoded) };
    match format {
        Format::Text => vec![Ok(text::read_text(&input, decoded.text))],
        Format::Html => vec![html::read_html_document(&input, &decoded.text)],
        Format::Json => json::read_json(&input, &decoded.text),
        Format::JsonLines => json::read_json_lines(&input, decode::whole_file_lines(&decoded)),
        Format::Feed => feed::read_feed(&input, &decoded.text),
    }
}

/// A JSON Lines file without a UTF-16 BOM: each line decoded on its own.
fn read_json_lines_per_line(at: Origin, stem: String, bytes: &[u8]) -> Vec<Result<Document, ReadError>> {
    let lines: Vec<decode::DecodedLine<'_>> = decode::decode_lines(bytes).collect();
    if lines.iter().all(|line| line.text.trim().is_empty()) {
        return vec![Err(ReadError::Empty { at })];
    }
    let input = Input { at, stem, encoding: encoding_rs::UTF_8.name(), warnings: Vec::new() };
    json::read_json_lines(&input, lines.into_iter())
}

/// What every format reader needs to know about the input besides its text.
pub(crate) struct Input {
    /// Origin of the whole file.
    pub at: Origin,
    /// Default id: the file stem, or "stdin".
    pub stem: String,
    /// Encoding the text was decoded from.
    pub encoding: &'static str,
    /// Warnings from decoding, copied into every document.
    pub warnings: Vec<String>,
}

impl Input {
    /// A document from this input with the given id, origin and text, other fields empty.
    pub fn document(&self, id: String, origin: Origin, text: String) -> Document {
        Document {
            id,
            url: None,
            title: None,
            published: None,
            source: None,
            text,
            origin,
            encoding: self.encoding,
            warnings: self.warnings.clone(),
        }
    }
}

fn decode_warnings(decoded: &Decoded) -> Vec<String> {
    if decoded.had_errors {
        vec![format!("invalid {} bytes replaced with U+FFFD", decoded.encoding)]
    } else {
        Vec::new()
    }
}

/// The default id of a file's documents: its stem, "stdin" for "-".
fn stem(path: &Path) -> String {
    if path == Path::new("-") {
        return "stdin".to_string();
    }
    match path.file_stem() {
        Some(stem) if !stem.is_empty() => stem.to_string_lossy().into_owned(),
        _ => "document".to_string(),
    }
}

/// Reads a file, refusing it before reading if its metadata says it is over the limit.
fn read_file(path: &Path, at: &Origin, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |error: std::io::Error| ReadError::Io { at: at.clone(), message: error::one_line(error) };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(ReadError::Io { at: at.clone(), message: "is a directory".to_string() });
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { at: at.clone(), size: metadata.len(), limit });
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    read_limited(file, at, limit)
}

/// Reads at most `limit + 1` bytes so that an over-long stream is detected without holding it.
fn read_limited(reader: impl Read, at: &Origin, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| ReadError::Io { at: at.clone(), message: error::one_line(error) })?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { at: at.clone(), size, limit });
    }
    Ok(bytes)
}
