//! The page's texts (`web/i18n.json`) in its three languages: every key the page's scripts and
//! markup use exists in English, every language has every English key with the same
//! `{placeholders}`, and the values the page builds keys from (compass points, trend
//! directions of the indicators) all have their texts.

use std::collections::BTreeSet;

use serde_json::Value;

const I18N: &str = include_str!("../web/i18n.json");
const INDEX: &str = include_str!("../web/index.html");
const SCRIPTS: &[(&str, &str)] = &[
    ("app.js", include_str!("../web/app.js")),
    ("map.js", include_str!("../web/map.js")),
    ("panel.js", include_str!("../web/panel.js")),
    ("timeline.js", include_str!("../web/timeline.js")),
    ("trends.js", include_str!("../web/trends.js")),
    ("reasons.js", include_str!("../web/reasons.js")),
    ("i18n.js", include_str!("../web/i18n.js")),
    ("geo.js", include_str!("../web/geo.js")),
];

fn table() -> Value {
    serde_json::from_str(I18N).expect("i18n.json is JSON")
}

fn ui_keys(table: &Value, lang: &str) -> BTreeSet<String> {
    table[lang]["ui"].as_object().unwrap_or_else(|| panic!("no `ui` for {lang}")).keys().cloned().collect()
}

/// The quoted strings that follow `prefix` in `text` (`t("key"` gives `key`), where `prefix`
/// starts a word (so `get("` is not `t("`).
fn quoted_after(text: &str, prefix: &str) -> Vec<String> {
    text.match_indices(prefix)
        .filter(|(at, _)| {
            text[..*at].chars().next_back().is_none_or(|c| !(c.is_ascii_alphanumeric() || "_$.".contains(c)))
        })
        .filter_map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let end = rest.find('"')?;
            Some(rest[..end].to_string())
        })
        .collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string())).collect()
}

#[test]
fn every_key_the_page_uses_has_an_english_text() {
    let table = table();
    let english = ui_keys(&table, "en");
    let mut missing = Vec::new();
    for (file, text) in SCRIPTS {
        for key in quoted_after(text, "t(\"") {
            if !english.contains(&key) {
                missing.push(format!("{file}: t(\"{key}\")"));
            }
        }
    }
    for attribute in ["data-i18n=\"", "data-i18n-placeholder=\"", "data-i18n-title=\"", "data-i18n-aria-label=\""] {
        for key in quoted_after(INDEX, attribute) {
            if !english.contains(&key) {
                missing.push(format!("index.html: {attribute}{key}\""));
            }
        }
    }
    // Keys built from values: the 16 compass points of geo.js (the indicators' sector labels)
    // and the indicators' trend directions.
    let geo = SCRIPTS.iter().find(|(f, _)| *f == "geo.js").map(|(_, t)| *t).unwrap_or_default();
    let line = geo.lines().find(|l| l.starts_with("export const COMPASS")).expect("COMPASS in geo.js");
    let points: Vec<String> = line.split('"').skip(1).step_by(2).map(str::to_string).collect();
    assert_eq!(points.len(), 16, "{line}");
    for point in points {
        if !english.contains(&format!("compass{point}")) {
            missing.push(format!("compass{point}"));
        }
    }
    for direction in ["Closer", "Farther", "NoClearChange", "TooFewWeeks"] {
        if !english.contains(&format!("direction{direction}")) {
            missing.push(format!("direction{direction}"));
        }
    }
    assert!(missing.is_empty(), "keys without an English text: {missing:#?}");
}

#[test]
fn every_language_has_every_text_with_the_same_placeholders() {
    let table = table();
    let mut problems = Vec::new();
    for section in ["ui", "fields", "timePrecision", "geoPrecision", "languages", "types"] {
        let english = table["en"][section].as_object().unwrap_or_else(|| panic!("en has no {section}"));
        for lang in ["fr", "ar"] {
            let other = table[lang][section].as_object().unwrap_or_else(|| panic!("{lang} has no {section}"));
            for (key, text) in english {
                match other.get(key).and_then(Value::as_str) {
                    None => problems.push(format!("{lang}.{section}.{key} is missing")),
                    Some(translated) => {
                        let want = placeholders(text.as_str().unwrap_or_default());
                        if placeholders(translated) != want {
                            problems.push(format!(
                                "{lang}.{section}.{key}: placeholders {:?}, English {want:?}",
                                placeholders(translated)
                            ));
                        }
                    }
                }
            }
            for key in other.keys().filter(|k| !english.contains_key(*k)) {
                problems.push(format!("{lang}.{section}.{key} has no English text"));
            }
        }
    }
    // The Arabic texts are in Arabic: a text with Latin letters outside its placeholders has
    // Arabic ones too (format names such as GeoJSON aside).
    for (key, text) in table["ar"]["ui"].as_object().expect("ar ui") {
        let text = text.as_str().unwrap_or_default();
        let mut bare = text.to_string();
        for name in placeholders(text) {
            bare = bare.replace(&format!("{{{name}}}"), "");
        }
        let latin = bare.chars().any(|c| c.is_ascii_alphabetic());
        let arabic = bare.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        if latin && !arabic && key != "exportGeojson" {
            problems.push(format!("ar.ui.{key} has no Arabic: {text:?}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
