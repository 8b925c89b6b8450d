//! Property: whatever the text, every mention and every layout span lands on it, and each
//! mention ends where a word ends.

use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use proptest::prelude::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base is valid"))
}

/// Pieces that exercise names, clitics, marks, scripts and separators.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("باماكو".to_string()),
        Just("وبباماكو".to_string()),
        Just("للنيجر".to_string()),
        Just("الجيش المالي".to_string()),
        Just("فاجنر".to_string()),
        Just("بـ\"نصرة الإسلام والمسلمين\"".to_string()),
        Just("كوت ديفوار".to_string()),
        Just("l'armée malienne".to_string()),
        Just("Tin-Zaouatène".to_string()),
        Just("US".to_string()),
        Just("ـًٌٍَُِّْ".to_string()),
        Just("\u{200c}\u{200f}".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("، ".to_string()),
        Just(". ".to_string()),
        Just("(".to_string()),
        Just("٣".to_string()),
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn spans_always_land_on_the_text(pieces in proptest::collection::vec(piece(), 0..24)) {
        let text: String = pieces.concat();
        let chars = text.chars().count() as u32;
        let extraction = Extractor::new(kb()).extract(&text, None);
        for block in &extraction.layout.blocks {
            prop_assert!(block.span.start < block.span.end && block.span.end <= chars);
            for sentence in &block.sentences {
                prop_assert!(block.span.contains(*sentence));
            }
        }
        for mention in &extraction.mentions {
            prop_assert!(mention.span.start < mention.span.end && mention.span.end <= chars, "{:?} in {:?}", mention, text);
            prop_assert!(extraction.tokens.items().iter().any(|t| t.end == mention.span.end), "{:?} does not end a word", mention);
        }
    }
}
