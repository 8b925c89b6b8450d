//! Golden tests of mention finding: each `tests/data/<case>/input.txt` (a sentence written
//! for this project) beside `expected.json`, the mentions it must yield. Run with
//! `MARSAD_BLESS=1` to rewrite the expectations, then review the diff.

use marsad_extract::{Entity, Extractor, How};
use marsad_kb::KnowledgeBase;
use std::path::Path;

fn entity_key(kb: &KnowledgeBase, entity: Entity) -> String {
    match entity {
        Entity::Place(i) => format!("place:{}", kb.places[i as usize].id),
        Entity::Actor(i) => format!("actor:{}", kb.actors[i as usize].id),
        Entity::Person(i) => format!("person:{}", kb.people[i as usize].id),
        Entity::Outlet(i) => format!("outlet:{}", kb.outlets[i as usize].id),
    }
}

fn render(kb: &KnowledgeBase, text: &str) -> String {
    let extraction = Extractor::new(kb).extract(text, None);
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    for m in &extraction.mentions {
        let span: String = chars[m.span.start as usize..m.span.end as usize].iter().collect();
        let how = match m.how {
            How::Name => "name",
            How::Nationality => "nationality",
            How::CountryActing => "country",
            How::Spokesperson => "spokesperson",
            How::Context => "context",
            How::Capital => "capital",
            How::Border => "border",
        };
        let mut line = serde_json::json!({"entity": entity_key(kb, m.entity), "text": span, "start": m.span.start, "end": m.span.end, "how": how});
        // Why a place that needed support was accepted (curated names need none).
        if m.support != marsad_extract::Support::Listed {
            line["support"] = m.support.as_str().into();
        }
        if m.phonetic {
            line["phonetic"] = true.into();
        }
        lines.push(format!("  {line}"));
    }
    for u in &extraction.unlisted {
        let span: String = chars[u.span.start as usize..u.span.end as usize].iter().collect();
        let within = u.within.map(|p| kb.places[p as usize].id.clone());
        let line = serde_json::json!({"unlisted": span, "start": u.span.start, "end": u.span.end, "level": u.level, "within": within});
        lines.push(format!("  {line}"));
    }
    format!("[\n{}\n]\n", lines.join(",\n"))
}

fn check(kb: &KnowledgeBase, case: &Path) -> Option<String> {
    let text = std::fs::read_to_string(case.join("input.txt")).expect("input.txt");
    let actual = render(kb, &text);
    let expected_path = case.join("expected.json");
    if std::env::var_os("MARSAD_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).expect("write expected.json");
        return None;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    (expected != actual).then(|| format!("{}:\n--- expected\n{expected}+++ actual\n{actual}", case.display()))
}

#[test]
fn mention_golden_cases() {
    let kb = KnowledgeBase::embedded().expect("valid knowledge base");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut cases: Vec<_> =
        std::fs::read_dir(&root).expect("tests/data").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "golden cases missing");
    let failures: Vec<String> = cases.iter().filter_map(|case| check(&kb, case)).collect();
    assert!(
        failures.is_empty(),
        "{} golden case(s) differ (MARSAD_BLESS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
