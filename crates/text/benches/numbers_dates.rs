//! Throughput of finding counts and date expressions in long mixed-language text.

use marsad_text::dates::dates;
use marsad_text::numbers::counts;

fn main() {
    divan::main();
}

fn text() -> String {
    // Sentences written for this benchmark (fictional).
    let paragraph = "قتل نحو 30 شخصا في هجوم شنه مسلحون مساء الاثنين على قرية قرب تمبكتو، وأصيب خمسة وعشرون آخرون، \
        بحسب مصادر محلية أفادت بأن الهجوم وقع في السادس من سبتمبر 2025. Au moins une dizaine de civils ont été tués \
        le 17 septembre près de Gao. At least 12 soldiers were killed last Tuesday, officials said on September 20. ";
    paragraph.repeat(2000)
}

#[divan::bench(sample_count = 10)]
fn counts_and_dates(bencher: divan::Bencher) {
    let text = text();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| counts(&text).len() + dates(&text, Some("2025-09-21")).len());
}
