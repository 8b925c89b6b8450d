//! Properties of folding, tokens and sentences on arbitrary text.

use marsad_text::fold::{fold_char, fold_str, Folded};
use marsad_text::layout::{analyse, MAX_SENTENCE_CHARS};
use marsad_text::Tokens;
use proptest::prelude::*;

proptest! {
    #[test]
    fn folding_is_idempotent(text in "\\PC{0,40}") {
        let once = fold_str(&text);
        prop_assert_eq!(fold_str(&once), once);
    }

    #[test]
    fn tokens_map_back_to_their_original_chars(text in "[ابتثجحخدذرسشصضطظعغفقكلمنهويةىأإآءؤئـًٌٍَُِّ a-zA-Zéèàç0-9٠-٩,.'\\-\n]{0,60}") {
        let tokens = Tokens::new(&text);
        let chars: Vec<char> = text.chars().collect();
        for (i, token) in tokens.items().iter().enumerate() {
            prop_assert!(token.start < token.end && token.end as usize <= chars.len());
            prop_assert_eq!(&text[token.byte_start as usize..token.byte_end as usize], chars[token.start as usize..token.end as usize].iter().collect::<String>());
            let refolded: String = chars[token.start as usize..token.end as usize]
                .iter()
                .flat_map(|c| match fold_char(*c) {
                    Folded::Drop => vec![],
                    Folded::One(f) => vec![f],
                    Folded::Two(a, b) => vec![a, b],
                })
                .collect();
            prop_assert_eq!(tokens.folded(i), refolded.as_str());
        }
    }

    /// Latin case flags (read as the word is folded, in one pass) follow the word's letters.
    #[test]
    fn latin_case_flags_follow_the_letters(text in "[a-zA-ZéÉÅœŒß\u{0301}\u{212B}ﻧﺼ0-9٣ '\\-]{0,40}") {
        let tokens = Tokens::new(&text);
        for token in tokens.items().iter().filter(|t| t.script == marsad_text::Script::Latin) {
            let word = &text[token.byte_start as usize..token.byte_end as usize];
            let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
            prop_assert_eq!(token.upper_initial, word.chars().next().is_some_and(char::is_uppercase));
            prop_assert_eq!(token.all_upper, letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()));
        }
    }

    /// Sentences are bounded, ordered, inside their block, and start and end on content,
    /// whatever the punctuation (long runs without it included).
    #[test]
    fn sentences_are_bounded_ordered_windows_of_their_block(
        run in "([a-zé]{1,12}[,،]? {1,2}){0,1500}",
        mixed in "([a-zé]{1,12}[ ,،.]{0,2}|\\.|  |\n){0,600}",
    ) {
        // A run without sentence ends (thousands of chars), then punctuation and line breaks.
        let text = format!("{run}\n{mixed}");
        let chars: Vec<char> = text.chars().collect();
        for block in analyse(&text, None).blocks {
            let mut previous_end = block.span.start;
            for sentence in &block.sentences {
                prop_assert!(sentence.start >= previous_end && sentence.start < sentence.end);
                prop_assert!(sentence.end <= block.span.end);
                prop_assert!(sentence.end - sentence.start <= MAX_SENTENCE_CHARS);
                prop_assert!(!chars[sentence.start as usize].is_whitespace());
                prop_assert!(!chars[sentence.end as usize - 1].is_whitespace());
                previous_end = sentence.end;
            }
        }
    }
}
