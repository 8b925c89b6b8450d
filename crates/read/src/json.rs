//! JSON and JSON Lines inputs: objects with `text` or `html` plus optional metadata fields.

use serde_json::{Map, Value};

use crate::date::normalize_date;
use crate::decode::DecodedLine;
use crate::html::{collapse_whitespace, extract_article};
use crate::{Document, Input, Origin, ReadError};

/// A `.json` file: one object, or an array of objects (each element its own result).
pub(crate) fn read_json(input: &Input, text: &str) -> Vec<Result<Document, ReadError>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return vec![Err(ReadError::Json {
                at: input.at.clone(),
                line: Some(error.line()),
                column: error.column(),
                message: message_without_location(&error),
            })]
        }
    };
    match value {
        Value::Object(object) => vec![document_from_object(input, &object, input.at.clone(), input.stem.clone())],
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let n = index + 1;
                let at = input.at.at_item(n);
                match item {
                    Value::Object(object) => document_from_object(input, object, at, format!("{}#{n}", input.stem)),
                    other => Err(not_an_object(at, other)),
                }
            })
            .collect(),
        other => vec![Err(not_an_object(input.at.clone(), &other))],
    }
}

/// A `.jsonl` file: one object per line; blank lines skipped; a bad line is an error naming
/// its line and the other lines still yield documents. Each line carries its own encoding and
/// decoding warning ([`crate::decode::decode_lines`]).
pub(crate) fn read_json_lines<'a>(
    input: &Input,
    lines: impl Iterator<Item = DecodedLine<'a>>,
) -> Vec<Result<Document, ReadError>> {
    lines.filter(|line| !line.text.trim().is_empty()).map(|line| read_json_line(input, line)).collect()
}

fn read_json_line(input: &Input, line: DecodedLine<'_>) -> Result<Document, ReadError> {
    let n = line.number;
    let at = input.at.at_line(n);
    match serde_json::from_str::<Value>(&line.text) {
        Ok(Value::Object(object)) => {
            let mut document = document_from_object(input, &object, at, format!("{}:{n}", input.stem))?;
            document.encoding = line.encoding;
            document.warnings.extend(line.warning);
            Ok(document)
        }
        Ok(other) => Err(not_an_object(at, &other)),
        Err(error) => Err(ReadError::Json {
            at,
            line: None,
            column: error.column(),
            message: format!("{} at column {}", message_without_location(&error), error.column()),
        }),
    }
}

/// serde_json's message without the " at line L column C" it appends.
fn message_without_location(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

fn not_an_object(at: Origin, value: &Value) -> ReadError {
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    ReadError::Shape { at, message: format!("expected a JSON object, found {kind}") }
}

/// Builds a document from one object. `text` is taken exactly; `html` goes through the
/// article extractor, whose metadata fills only the fields the object does not give.
fn document_from_object(
    input: &Input,
    object: &Map<String, Value>,
    at: Origin,
    default_id: String,
) -> Result<Document, ReadError> {
    let id = match object.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        Some(Value::Number(number)) => number.to_string(),
        _ => default_id,
    };
    let text_field = field_text(object, "text", &at)?;
    let html_field = field_text(object, "html", &at)?;
    let mut document = match (text_field, html_field) {
        (Some(text), _) if !text.trim().is_empty() => input.document(id, at.clone(), text.to_string()),
        (_, Some(html)) if !html.trim().is_empty() => {
            let extracted = extract_article(html).ok_or_else(|| ReadError::TooDeep { at: at.clone() })?;
            if extracted.text.is_empty() {
                return Err(ReadError::NoText { at });
            }
            let mut document = input.document(id, at.clone(), extracted.text);
            document.url = extracted.url;
            document.title = extracted.title;
            document.published = extracted.published;
            document.source = extracted.source;
            document
        }
        (Some(_), _) | (_, Some(_)) => {
            return Err(ReadError::Shape { at, message: "field `text` (or `html`) is empty".to_string() })
        }
        (None, None) => return Err(ReadError::Shape { at, message: "missing field `text` (or `html`)".to_string() }),
    };
    if let Some(url) = string_field(object, "url") {
        document.url = Some(url);
    }
    if let Some(title) = string_field(object, "title") {
        document.title = Some(title);
    }
    if let Some(raw) = object.get("published").and_then(Value::as_str) {
        // An unparseable date is dropped, never fatal and never guessed.
        if let Some(date) = normalize_date(raw) {
            document.published = Some(date);
        }
    }
    let source = match object.get("source") {
        Some(Value::Object(source)) => string_field(source, "name"),
        _ => string_field(object, "source"),
    };
    if source.is_some() {
        document.source = source;
    }
    Ok(document)
}

/// A string field, erroring if present with another type (a wrong `text` is a real mistake).
fn field_text<'a>(object: &'a Map<String, Value>, name: &str, at: &Origin) -> Result<Option<&'a str>, ReadError> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(ReadError::Shape { at: at.clone(), message: format!("field `{name}` is not a string") }),
    }
}

/// An optional metadata string, whitespace collapsed; absent, empty or non-string → None.
fn string_field(object: &Map<String, Value>, name: &str) -> Option<String> {
    let value = collapse_whitespace(object.get(name)?.as_str()?);
    (!value.is_empty()).then_some(value)
}
