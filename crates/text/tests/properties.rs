//! Properties of folding and tokens on arbitrary text.

use marsad_text::fold::{fold_char, fold_str, Folded};
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
}
