//! Errors raised while turning bytes into documents; each displays as one line naming where it happened.

use crate::Origin;

/// Why a file, a JSONL line, a JSON array element or a feed item produced no document.
///
/// Every variant carries the [`Origin`] so that the message names the path (and the line or
/// item) it is about, e.g. `data/a.jsonl:17: not JSON: expected `,` at column 12`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read (missing, permission, is a directory...).
    #[error("{at}: {message}")]
    Io {
        /// Where.
        at: Origin,
        /// The operating system's message.
        message: String,
    },
    /// The file is empty or holds only whitespace.
    #[error("{at}: empty")]
    Empty {
        /// Where.
        at: Origin,
    },
    /// The bytes are not text (magic number of a known binary format, NUL or control bytes).
    #[error("{at}: binary file, not text")]
    Binary {
        /// Where.
        at: Origin,
    },
    /// The input is larger than [`crate::ReadOptions::max_bytes`].
    #[error("{at}: too large ({size} bytes, limit {limit})")]
    TooLarge {
        /// Where.
        at: Origin,
        /// Size in bytes (for streams: at least this many).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Malformed JSON. For JSONL the origin carries the line and `column` is within that line.
    #[error("{at}{}: not JSON: {message}", location(*.line, *.column))]
    Json {
        /// Where (file, JSONL line).
        at: Origin,
        /// Line within the parsed text (only for whole-file JSON; JSONL puts it in `at`).
        line: Option<usize>,
        /// Column, 1-based, in chars as counted by serde_json.
        column: usize,
        /// serde_json's message without its location suffix.
        message: String,
    },
    /// A JSON value has the wrong shape (not an object, a field of the wrong type, no text).
    #[error("{at}: {message}")]
    Shape {
        /// Where (file, JSONL line, array element).
        at: Origin,
        /// What is wrong, e.g. "missing field `text` (or `html`)".
        message: String,
    },
    /// Malformed XML in a feed.
    #[error("{at}:{line}:{column}: malformed XML: {message}")]
    Xml {
        /// Which file (and item being read, if any).
        at: Origin,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column (chars) of the error.
        column: usize,
        /// quick-xml's message.
        message: String,
    },
    /// An XML document that is neither RSS nor Atom.
    #[error("{at}: not an RSS or Atom feed (root element <{root}>)")]
    NotFeed {
        /// Where.
        at: Origin,
        /// The root element found.
        root: String,
    },
    /// HTML nested so deeply that parsing it would take unreasonable time (hostile input).
    #[error("{at}: HTML nested too deeply to parse")]
    TooDeep {
        /// Where.
        at: Origin,
    },
    /// The input parsed but no article text could be found in it.
    #[error("{at}: no text found")]
    NoText {
        /// Where.
        at: Origin,
    },
}

impl ReadError {
    /// Where the error happened.
    pub fn origin(&self) -> &Origin {
        match self {
            ReadError::Io { at, .. }
            | ReadError::Empty { at }
            | ReadError::Binary { at }
            | ReadError::TooLarge { at, .. }
            | ReadError::Json { at, .. }
            | ReadError::Shape { at, .. }
            | ReadError::Xml { at, .. }
            | ReadError::NotFeed { at, .. }
            | ReadError::TooDeep { at }
            | ReadError::NoText { at } => at,
        }
    }
}

/// Formats the location suffix of a JSON error: ":line:column" for whole files, nothing for
/// JSONL (whose line is already in the origin and whose column is in the message).
fn location(line: Option<usize>, column: usize) -> String {
    match line {
        Some(line) => format!(":{line}:{column}"),
        None => String::new(),
    }
}

/// Keeps a displayed message on one line (quick-xml and io messages are normally single-line,
/// but we never want a stray newline to split an error report).
pub(crate) fn one_line(message: impl std::fmt::Display) -> String {
    let text = message.to_string();
    if text.contains(['\n', '\r']) {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text
    }
}
