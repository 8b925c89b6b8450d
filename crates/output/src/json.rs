//! A record as one JSON line, written field by field: the very bytes serde_json writes from the
//! record's `Serialize` derive (the tests compare the two on records that use every field), at
//! a fraction of the instructions. serde_json escapes a string one byte at a time; here eight
//! bytes are tested at once, and the keys, known in advance, are written as they are.
//!
//! A field added to a record type must be added here too, in the derive's order; the tests
//! fail until it is.

use marsad_text::bytes::{below, holds, word_at};

use crate::{ActorOut, ClaimOut, Doc, EventOut, MentionOut, OutletOut, PersonOut, PlaceOut, Record, SpanOut};

/// Append `record` to `out` as one JSON object (no newline).
pub(crate) fn write_record(out: &mut String, record: &Record<'_>) {
    let mut o = Object::new(out);
    doc(o.field("doc"), &record.doc);
    array(o.field("places"), &record.places, place);
    array(o.field("actors"), &record.actors, actor);
    array(o.field("people"), &record.people, person);
    array(o.field("events"), &record.events, event);
    array(o.field("background_events"), &record.background_events, event);
    array(o.field("outlets"), &record.outlets, outlet);
    if let Some(lines) = &record.explain {
        array(o.field("explain"), lines, |out, line| string(out, line));
    }
    o.end();
}

fn doc(out: &mut String, d: &Doc<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), d.id);
    optional_string(o.field("lang"), d.lang);
    optional_string(o.field("title"), d.title);
    optional_string(o.field("published"), d.published);
    optional_string(o.field("source"), d.source);
    if let Some(url) = d.url {
        string(o.field("url"), url);
    }
    if let Some(text) = d.text {
        string(o.field("text"), text);
    }
    o.end();
}

fn mention(out: &mut String, m: &MentionOut<'_>) {
    let mut o = Object::new(out);
    integer(o.field("start"), m.start);
    integer(o.field("end"), m.end);
    string(o.field("text"), m.text);
    if let Some(matched) = m.matched {
        string(o.field("match"), matched);
    }
    if let Some(via) = m.via {
        string(o.field("via"), via);
    }
    o.end();
}

fn place(out: &mut String, p: &PlaceOut<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), &p.id);
    string(o.field("name"), &p.name);
    string(o.field("kind"), p.kind);
    optional_string(o.field("country"), p.country);
    float(o.field("lat"), p.lat);
    float(o.field("lon"), p.lon);
    array(o.field("mentions"), &p.mentions, mention);
    if let Some(within) = p.within {
        string(o.field("within"), within);
    }
    o.end();
}

fn actor(out: &mut String, a: &ActorOut<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), a.id);
    string(o.field("name"), a.name);
    array(o.field("aliases"), a.aliases, |out, alias| string(out, alias));
    string(o.field("kind"), a.kind);
    array(o.field("mentions"), &a.mentions, mention);
    o.end();
}

fn person(out: &mut String, p: &PersonOut<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), p.id);
    string(o.field("name"), p.name);
    optional_string(o.field("role"), p.role);
    optional_string(o.field("actor"), p.actor);
    array(o.field("mentions"), &p.mentions, mention);
    o.end();
}

fn span(out: &mut String, s: &SpanOut<'_>) {
    let mut o = Object::new(out);
    integer(o.field("start"), s.start);
    integer(o.field("end"), s.end);
    string(o.field("text"), s.text);
    o.end();
}

fn event(out: &mut String, e: &EventOut<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), &e.id);
    string(o.field("event_type"), e.event_type);
    string(o.field("sub_event_type"), e.sub_event_type);
    optional_string(o.field("actor1"), e.actor1);
    optional_string(o.field("actor2"), e.actor2);
    optional_string(o.field("place"), e.place.as_deref());
    integer(o.field("geo_precision"), e.geo_precision);
    optional_string(o.field("date"), e.date.as_deref());
    integer(o.field("time_precision"), e.time_precision);
    optional_integer(o.field("fatalities"), e.fatalities);
    span(o.field("evidence"), &e.evidence);
    optional_string(o.field("attributed_to"), e.attributed_to);
    serde_number(o.field("confidence"), e.confidence);
    span(o.field("trigger"), &e.trigger);
    if e.foiled {
        o.field("foiled").push_str("true");
    }
    if e.disputed {
        o.field("disputed").push_str("true");
    }
    array(o.field("mentions"), &e.mentions, span);
    if !e.claims.is_empty() {
        array(o.field("claims"), &e.claims, claim);
    }
    if let Some(unnamed) = &e.unnamed_place {
        span(o.field("unnamed_place"), unnamed);
    }
    o.end();
}

fn claim(out: &mut String, c: &ClaimOut<'_>) {
    let mut o = Object::new(out);
    optional_string(o.field("source"), c.source);
    optional_integer(o.field("fatalities"), c.fatalities);
    optional_string(o.field("actor1"), c.actor1);
    span(o.field("evidence"), &c.evidence);
    o.end();
}

fn outlet(out: &mut String, x: &OutletOut<'_>) {
    let mut o = Object::new(out);
    string(o.field("id"), x.id);
    string(o.field("name"), x.name);
    array(o.field("mentions"), &x.mentions, mention);
    o.end();
}

/// A JSON object being written: `{`, then `"name":` before each value, then `}`.
struct Object<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> Object<'o> {
    fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, empty: true }
    }

    /// Start the field `name` (a key that needs no escaping); its value is written next.
    fn field(&mut self, name: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
        self.out
    }

    fn end(self) {
        self.out.push('}');
    }
}

fn array<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn optional_string(out: &mut String, value: Option<&str>) {
    match value {
        Some(text) => string(out, text),
        None => out.push_str("null"),
    }
}

fn integer(out: &mut String, value: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(value));
}

fn optional_integer(out: &mut String, value: Option<u64>) {
    match value {
        Some(n) => integer(out, n),
        None => out.push_str("null"),
    }
}

/// A float as serde_json writes it (its own shortest form, `null` when not finite): asked of
/// serde_json itself, there being few of them (coordinates, confidences), into a buffer on the
/// stack (no float takes more than 24 bytes).
fn serde_number(out: &mut String, value: impl serde::Serialize) {
    let mut buffer = [0u8; 32];
    let mut rest = &mut buffer[..];
    let written = match serde_json::to_writer(&mut rest, &value) {
        Ok(()) => 32 - rest.len(),
        Err(_) => 0,
    };
    match std::str::from_utf8(&buffer[..written]) {
        Ok(number) if written > 0 => out.push_str(number),
        _ => out.push_str("null"),
    }
}

fn float(out: &mut String, value: Option<f64>) {
    match value {
        Some(x) => serde_number(out, x),
        None => out.push_str("null"),
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it: `"` and `\` behind a backslash,
/// the control chars as `\b \t \n \f \r` or `\u00XX`, everything else as it is.
pub(crate) fn string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut copied = 0;
    while let Some(at) = next_to_escape(bytes, copied) {
        out.push_str(text.get(copied..at).unwrap_or_default());
        escape(out, bytes[at]);
        copied = at + 1;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out.push('"');
}

fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// Some byte of the word `w` needs escaping: one below 0x20, a quote or a backslash.
fn word_needs_escape(w: u64) -> bool {
    (below(w, 0x20) | holds(w, b'"') | holds(w, b'\\')) != 0
}

/// The first byte at or after `from` that needs escaping; whole words without one are passed
/// over eight bytes at a time.
fn next_to_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while word_at(bytes, at).is_some_and(|w| !word_needs_escape(w)) {
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| needs_escape(b)).map(|i| at + i)
}

fn escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0C => out.push_str("\\f"),
        0x0D => out.push_str("\\r"),
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_byte: String = (0u8..0x80).map(char::from).collect();
        every_byte.push_str("قُتل \"3\" جنود\\ في باماكو — l'armée\u{7f}\u{2028} 𝔸");
        for start in 0..every_byte.len() {
            let Some(text) = every_byte.get(start..) else { continue };
            let mut out = String::new();
            string(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).expect("a string"), "{text:?}");
        }
    }

    fn span(start: u32, text: &str) -> SpanOut<'_> {
        SpanOut { start, end: start + 3, text }
    }

    #[test]
    fn a_record_using_every_field_is_written_as_serde_json_writes_it() {
        let aliases = vec!["FAMa".to_string(), "l'armée \"malienne\"".to_string()];
        let mention = |via: Option<&'static str>| MentionOut {
            start: 4,
            end: 9,
            text: "باماكو\n",
            matched: via.map(|_| "transliteration"),
            via,
        };
        let event = |full: bool| EventOut {
            id: "d#e1".to_string(),
            event_type: "Battles",
            sub_event_type: "Armed clash",
            actor1: full.then_some("fama"),
            actor2: None,
            place: full.then_some(Cow::Borrowed("ml.bamako")),
            geo_precision: 1,
            date: full.then(|| "2025-10-28".to_string()),
            time_precision: 3,
            fatalities: full.then_some(12),
            evidence: span(0, "Evidence\t\"quoted\""),
            attributed_to: full.then_some("AFP"),
            confidence: if full { 0.65 } else { 1.0 / 3.0 },
            trigger: span(2, "attaque"),
            foiled: full,
            disputed: full,
            mentions: vec![span(0, "a"), span(9, "b")],
            claims: if full {
                vec![ClaimOut { source: Some("RFI"), fatalities: None, actor1: Some("jnim"), evidence: span(1, "c") }]
            } else {
                Vec::new()
            },
            unnamed_place: full.then(|| span(5, "Boni")),
        };
        let place = |lat: Option<f64>, within: Option<&'static str>| PlaceOut {
            id: Cow::Owned("unlisted.1".to_string()),
            name: Cow::Borrowed("Kandara"),
            kind: "town",
            country: lat.map(|_| "ML"),
            lat,
            lon: lat.map(|x| -x),
            mentions: vec![mention(None), mention(Some("nationality"))],
            within,
        };
        let doc = |full: bool| Doc {
            id: "d",
            lang: full.then_some("ar"),
            title: full.then_some("Titre « cité »"),
            published: None,
            source: full.then_some("Sahara Medias"),
            url: full.then_some("https://example.org/a?b=\"c\""),
            text: full.then_some("line\u{1}\r\n"),
        };
        for full in [true, false] {
            let record = Record {
                doc: doc(full),
                places: vec![
                    place(Some(12.6392), Some("ml.mopti-region")),
                    place(None, None),
                    place(Some(15.0), Some("")),
                    place(Some(f64::NAN), None),
                    place(Some(-0.0), None),
                    place(Some(1e21), None),
                ],
                actors: vec![ActorOut {
                    id: "fama",
                    name: "FAMa",
                    aliases: &aliases,
                    kind: "state_force",
                    mentions: vec![],
                }],
                people: vec![PersonOut {
                    id: "p",
                    name: "Assimi Goïta",
                    role: full.then_some("President"),
                    actor: None,
                    mentions: vec![mention(None)],
                }],
                events: vec![event(full), event(!full)],
                background_events: vec![event(full)],
                outlets: vec![OutletOut { id: "o", name: "RFI", mentions: vec![] }],
                explain: full.then(|| vec!["zone: lead".to_string(), "role \"doer\"".to_string()]),
            };
            let mut out = String::new();
            write_record(&mut out, &record);
            assert_eq!(out, serde_json::to_string(&record).expect("a record"));
        }
    }
}
