//! Throughput of reading ~10 MB of generated (fictional) HTML articles and plain text.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use marsad_read::{read_bytes, Format, ReadOptions};

fn main() {
    divan::main();
}

/// Total size of each generated corpus.
const CORPUS_BYTES: usize = 10 * 1024 * 1024;

/// Fictional sentences (Arabic, French, English) used to fill the generated pages.
const SENTENCES: [&str; 3] = [
    "هاجم مسلحون قافلة شاحنات وقود قرب بلدة خيالية، وقالت مصادر محلية إن ثلاثة أشخاص أصيبوا.",
    "Des hommes armés ont attaqué un convoi de camions près d'une ville imaginaire, selon des sources locales.",
    "Gunmen attacked a convoy of fuel trucks near a fictional town, local sources said on Monday.",
];

/// One generated news page (~10 KB) with navigation, share buttons, comments and sidebar.
fn html_page(n: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>خبر | موقع خيالي</title>\
         <meta property=\"og:site_name\" content=\"موقع خيالي\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T10:00:00+03:00\"></head><body>\
         <header><nav><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/w\">العالم</a></li></ul></nav></header>\
         <main><article><h1>عنوان خبر خيالي</h1><div class=\"article-body\">",
    );
    for p in 0..25 {
        page.push_str("<p>");
        for s in 0..3 {
            page.push_str(SENTENCES[(n + p + s) % SENTENCES.len()]);
            page.push(' ');
        }
        page.push_str("</p>");
    }
    page.push_str(
        "</div><div class=\"share-buttons\"><a href=\"#\">Facebook</a><a href=\"#\">X</a></div></article>\
         <section class=\"comments\"><p>تعليق قارئ خيالي على الخبر.</p></section></main>\
         <aside class=\"sidebar\"><ul><li><a href=\"/a\">خبر آخر</a></li></ul></aside>\
         <footer>حقوق النشر محفوظة</footer></body></html>",
    );
    page
}

fn corpus(make: impl Fn(usize) -> String) -> Vec<Vec<u8>> {
    let mut documents = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let document = make(documents.len()).into_bytes();
        total += document.len();
        documents.push(document);
    }
    documents
}

fn text_article(n: usize) -> String {
    (0..60).map(|i| SENTENCES[(n + i) % SENTENCES.len()]).collect::<Vec<_>>().join("\n")
}

fn run(bencher: Bencher, documents: Vec<Vec<u8>>, format: Format) {
    let total: usize = documents.iter().map(Vec::len).sum();
    let options = ReadOptions::default();
    bencher.counter(BytesCount::new(total)).bench(|| {
        for document in &documents {
            black_box(read_bytes(Path::new("bench"), document, format, &options));
        }
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn html_10mb(bencher: Bencher) {
    run(bencher, corpus(html_page), Format::Html);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn text_10mb(bencher: Bencher) {
    run(bencher, corpus(text_article), Format::Text);
}
