//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item/entry, streamed with quick-xml.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::date::normalize_date;
use crate::html::{collapse_whitespace, fragment_to_text};
use crate::{Document, Input, ReadError};

/// Reads every item of a feed. Items after a fatal XML error are lost (the parser cannot
/// resynchronise), but the ones before it are returned along with the error.
pub(crate) fn read_feed(input: &Input, text: &str) -> Vec<Result<Document, ReadError>> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.check_end_names = true;

    let mut results = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut feed_title: Option<String> = None;
    let mut capture: Option<Capture> = None;
    let mut item: Option<Item> = None;
    let mut items_seen = 0usize;

    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let position = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                results.push(Err(xml_error(input, text, position, error)));
                break;
            }
        };
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let name = qualified(&start);
                if let Some(capture) = capture.as_mut() {
                    // Markup nested inside a captured field (e.g. XHTML content): keep it as HTML.
                    capture.text.push('<');
                    capture.text.push_str(&name);
                    capture.text.push('>');
                    if opens {
                        stack.push(name);
                    } else {
                        capture.text.push_str(&format!("</{name}>"));
                    }
                    continue;
                }
                if stack.is_empty() && !matches!(local(&name), "rss" | "feed" | "rdf") {
                    results.push(Err(ReadError::NotFeed { at: input.at.clone(), root: name }));
                    break;
                }
                let depth = stack.len();
                if matches!(name.as_str(), "item" | "entry") && item.is_none() {
                    items_seen += 1;
                    item = Some(Item { number: items_seen, depth: depth + 1, ..Item::default() });
                } else if let Some(current) = item.as_mut().filter(|i| i.depth == depth) {
                    if name == "link" {
                        current.take_atom_link(&start);
                    }
                    if opens {
                        capture = Some(Capture { field: name.clone(), depth: depth + 1, text: String::new() });
                    }
                } else if item.is_none()
                    && opens
                    && name == "title"
                    && matches!(stack.last().map(String::as_str), Some("channel" | "feed"))
                {
                    capture = Some(Capture { field: "feed-title".to_string(), depth: depth + 1, text: String::new() });
                }
                if opens {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                let depth = stack.len();
                let name = stack.pop().unwrap_or_default();
                match capture.take() {
                    Some(done) if done.depth == depth => {
                        if done.field == "feed-title" {
                            feed_title = Some(collapse_whitespace(&done.text)).filter(|t| !t.is_empty());
                        } else if let Some(current) = item.as_mut() {
                            current.fields.entry(done.field).or_insert(done.text);
                        }
                    }
                    Some(mut open) => {
                        open.text.push_str(&format!("</{name}>"));
                        capture = Some(open);
                    }
                    None => {}
                }
                if item.as_ref().is_some_and(|i| i.depth == depth) {
                    if let Some(done) = item.take() {
                        results.push(done.into_document(input));
                    }
                }
            }
            Event::Text(content) => {
                if let Some(capture) = capture.as_mut() {
                    capture.text.push_str(&content.xml10_content());
                }
            }
            Event::CData(content) => {
                if let Some(capture) = capture.as_mut() {
                    capture.text.push_str(&content.into_inner());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(capture) = capture.as_mut() {
                    let name = reference.into_inner();
                    match resolve_reference(&name) {
                        Some(c) => capture.text.push(c),
                        // An HTML entity (&nbsp;) in XML: keep it for the HTML renderer.
                        None => {
                            capture.text.push('&');
                            capture.text.push_str(&name);
                            capture.text.push(';');
                        }
                    }
                }
            }
            Event::Eof => {
                if let Some(open) = stack.last() {
                    let message = format!("unexpected end of input, <{open}> not closed");
                    results.push(Err(position_error(input, text, text.len(), message)));
                } else if items_seen == 0 && results.is_empty() {
                    results.push(Err(ReadError::NoText { at: input.at.clone() }));
                }
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    let source = feed_title;
    for document in results.iter_mut().flatten() {
        document.source.clone_from(&source);
    }
    results
}

/// A direct child element of an item whose text is being collected.
struct Capture {
    field: String,
    /// Stack depth of the element itself (its children are deeper).
    depth: usize,
    text: String,
}

/// The fields of one item/entry as raw text, by lowercase qualified name.
#[derive(Default)]
struct Item {
    number: usize,
    /// Stack depth of the item element.
    depth: usize,
    fields: HashMap<String, String>,
    /// Atom `<link rel="alternate" href>`.
    atom_link: Option<String>,
}

impl Item {
    fn take_atom_link(&mut self, start: &BytesStart<'_>) {
        let mut href = None;
        let mut rel = None;
        for attribute in start.attributes().flatten() {
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| attribute.value.to_string());
            match attribute.key.local_name().as_ref() {
                "href" => href = Some(value),
                "rel" => rel = Some(value),
                _ => {}
            }
        }
        if self.atom_link.is_none() && rel.as_deref().is_none_or(|r| r.trim() == "alternate") {
            self.atom_link = href.map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
        }
    }

    fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str).filter(|v| !v.trim().is_empty())
    }

    fn into_document(self, input: &Input) -> Result<Document, ReadError> {
        let at = input.at.at_item(self.number);
        let text = ["content:encoded", "content", "description", "summary"]
            .iter()
            .filter_map(|name| self.field(name))
            .map(content_to_text)
            .find(|text| !text.is_empty());
        let Some(text) = text else {
            return Err(ReadError::NoText { at });
        };
        let url = self.field("link").map(|l| l.trim().to_string()).or_else(|| self.atom_link.clone());
        let id = self
            .field("guid")
            .or_else(|| self.field("id"))
            .map(|id| id.trim().to_string())
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("{}#{}", input.stem, self.number));
        let title = self.field("title").map(|t| collapse_whitespace(&content_to_text(t))).filter(|t| !t.is_empty());
        let published = ["pubdate", "published", "dc:date", "updated"]
            .iter()
            .filter_map(|name| self.field(name))
            .find_map(normalize_date);
        let mut document = input.document(id, at, text);
        document.url = url;
        document.title = title;
        document.published = published;
        Ok(document)
    }
}

/// Feed content → paragraphs: HTML through the HTML renderer, plain text split at blank lines.
fn content_to_text(content: &str) -> String {
    if content.contains('<') || content.contains('&') {
        return fragment_to_text(content);
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in content.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                paragraphs.push(collapse_whitespace(&current));
            }
            current.clear();
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(collapse_whitespace(&current));
    }
    paragraphs.join("\n\n")
}

/// The five XML entities and character references.
fn resolve_reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

fn qualified(start: &BytesStart<'_>) -> String {
    start.name().as_ref().to_ascii_lowercase()
}

/// "rdf:RDF" → "rdf".
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn xml_error(input: &Input, text: &str, position: usize, error: quick_xml::Error) -> ReadError {
    position_error(input, text, position, crate::error::one_line(error))
}

fn position_error(input: &Input, text: &str, position: usize, message: String) -> ReadError {
    let (line, column) = line_column(text, position);
    ReadError::Xml { at: input.at.clone(), line, column, message }
}

/// 1-based line and column (in chars) of a byte offset, clamped to the text.
fn line_column(text: &str, position: usize) -> (usize, usize) {
    let mut end = position.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_chars() {
        assert_eq!(line_column("ab\nخبر<", 3 + 6), (2, 4));
        assert_eq!(line_column("abc", 99), (1, 4));
    }

    #[test]
    fn references() {
        assert_eq!(resolve_reference("#x0645"), Some('م'));
        assert_eq!(resolve_reference("#0"), None);
        assert_eq!(resolve_reference("nbsp"), None);
    }
}
