//! Counts and dates never panic, their spans land on the text, and resolved dates exist.

use marsad_text::dates::{dates, Date};
use marsad_text::numbers::{count_near, counts};
use proptest::prelude::*;

/// Words and separators that exercise the readers, mixed with arbitrary text.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "12",
        "٣",
        "۱۲",
        "2025",
        "1,200",
        "1.5",
        "10:30",
        "06/09/2025",
        "2025-02-29",
        "31",
        "29",
        "1er",
        "3rd",
        "%",
        "km",
        "كيلومترا",
        "قتل",
        "خمسة",
        "وعشرين",
        "عشر",
        "ثلاثمئة",
        "آلاف",
        "عشرات",
        "جنديين",
        "نحو",
        "أكثر",
        "من",
        "سبتمبر",
        "أيلول",
        "كانون",
        "الثاني",
        "الحادي",
        "والثلاثين",
        "السادس",
        "أمس",
        "أول",
        "اليوم",
        "الجمعة",
        "الماضية",
        "الأسبوع",
        "منذ",
        "عام",
        "مطلع",
        "فبراير",
        "février",
        "le",
        "une",
        "dizaine",
        "quatre",
        "vingt",
        "dix",
        "et",
        "un",
        "hier",
        "avant",
        "nuit",
        "de",
        "lundi",
        "à",
        "mardi",
        "depuis",
        "September",
        "Sept.",
        "6,",
        "last",
        "week",
        "Tuesday",
        "dozens",
        "of",
        "thousands",
        "a",
        "dozen",
        "at",
        "least",
        "in",
        "ـ",
        "\u{200c}",
        "\n",
        " ",
        "-",
        "'",
        ",",
        ".",
        "/",
    ]);
    prop_oneof![words.prop_map(str::to_string), any::<String>(), "[0-9٠-٩ ,./:-]{0,8}", "\\PC{0,6}"]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..30).prop_map(|pieces| pieces.join(" "))
}

fn published() -> impl Strategy<Value = Option<String>> {
    prop::option::of((1900i32..2100, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn count_spans_land_on_the_text(text in text(), at in 0u32..200, window in 0usize..8) {
        let chars = text.chars().count() as u32;
        for count in counts(&text) {
            prop_assert!(count.span.start < count.span.end && count.span.end <= chars, "{count:?} in {text:?}");
        }
        if let Some(count) = count_near(&text, at, window) {
            prop_assert!(count.span.start < count.span.end && count.span.end <= chars);
        }
    }

    #[test]
    fn date_spans_land_on_the_text_and_dates_exist(text in text(), published in published()) {
        let chars = text.chars().count() as u32;
        for mention in dates(&text, published.as_deref()) {
            prop_assert!(mention.span.start < mention.span.end && mention.span.end <= chars, "{mention:?} in {text:?}");
            if let Some(date) = mention.date {
                prop_assert!(date.is_valid(), "{date:?} from {text:?}");
                prop_assert!(Date::parse_iso(&date.to_iso()).is_some() || date.day.is_none());
            }
        }
    }

    #[test]
    fn arbitrary_publication_strings_never_panic(text in text(), published in any::<String>()) {
        let _ = dates(&text, Some(&published));
    }
}
