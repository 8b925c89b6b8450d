//! Clean-text analysis: everything marsad knows about a text before it looks anything up.
//!
//! Architecture invariant: this crate does no IO, knows nothing of the knowledge base and
//! cannot fail. Every span it returns counts Unicode scalar values (`char`s) of the text it
//! was given, so a span can always be mapped back to the original characters.
//!
//! - [`bytes`]: bytes read eight at a time, for scans that look for a few rare bytes.
//! - [`fold`]: character folding for matching (alef forms, ى/ي, ة/ه, diacritics, tatweel,
//!   Persian letters, digits, accents, case).
//! - [`token`]: words with their char spans, folded forms and case.
//! - [`skeleton`]: transliteration-tolerant keys of Arabic and Latin words.
//! - [`clitic`]: the Arabic proclitics a word may carry (و ف ب ل ك ال لل).
//! - [`forms`]: the forms a lexicon may list a word under, hashed once per document.
//! - [`lang`]: language of a text or paragraph (ar, fr, en, ...).
//! - [`layout`]: paragraphs, headings, sentences, and the scraping noise to skip.
//! - [`numbers`]: counts in digits and number words (fatalities).
//! - [`dates`]: date expressions resolved against the publication date.

pub mod bytes;
pub mod clitic;
pub mod dates;
pub mod fold;
pub mod forms;
pub mod lang;
pub mod layout;
pub mod numbers;
mod presentation;
pub mod skeleton;
pub mod token;

pub use lang::Lang;
pub use layout::{Block, BlockKind, Layout, Span};
pub use token::{Script, Token, Tokens};
