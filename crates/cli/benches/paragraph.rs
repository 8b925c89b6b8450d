//! One-paragraph inputs (no line break at all) from 32 KB to 2 MB, in French, English and
//! Arabic, with and without sentence punctuation: the time per MB of each stage must stay flat
//! as the paragraph grows (issue 9, item 2). Scraped pages without paragraph breaks are common.
//!
//! The paragraphs repeat fictional event sentences written for this benchmark (places and
//! actors of the knowledge base, tolls, dates), so every stage has work to do. Divan prints
//! the throughput of each size: time per MB is its inverse.
//!
//! ```sh
//! cargo bench -p marsad --bench paragraph                 # every stage and size
//! cargo bench -p marsad --bench paragraph -- extract      # one stage
//! cargo bench -p marsad --bench paragraph -- big_input    # the 19 MB page and the 15 MB line
//! ```

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use marsad_events::EventCoder;
use marsad_extract::Extractor;
use marsad_kb::KnowledgeBase;
use marsad_read::{read_bytes, Format, ReadOptions};
use std::path::Path;
use std::sync::OnceLock;

/// The allocator `marsad` itself runs with (crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Paragraph sizes in bytes: 32 KiB doubling to 2 MiB.
const SIZES: [usize; 7] = [32 << 10, 64 << 10, 128 << 10, 256 << 10, 512 << 10, 1 << 20, 2 << 20];

/// Fictional event sentences, one language a list.
const FRENCH: [&str; 6] = [
    "Des hommes armés du JNIM ont attaqué lundi un convoi de l'armée malienne près de Gao, tuant sept soldats.",
    "Selon des sources locales, les FAMa ont riposté et neutralisé une dizaine d'assaillants à l'est de Ménaka.",
    "Le 12 mars, une mine artisanale a frappé un bus entre Mopti et Sévaré, faisant trois morts et douze blessés.",
    "Les autorités de Bamako ont annoncé mardi l'arrestation de deux chefs présumés de l'État islamique au Sahel.",
    "À Kidal, des tirs d'artillerie ont visé le camp de la MINUSMA sans faire de victime, a indiqué un porte-parole.",
    "Des drones de l'armée burkinabè ont bombardé un marché près de Djibo, où quarante civils auraient péri.",
];
const ENGLISH: [&str; 6] = [
    "JNIM fighters attacked a Malian army convoy near Gao on Monday, killing seven soldiers, local sources said.",
    "The army said its troops repelled the assault and killed about ten attackers east of Menaka.",
    "On 12 March an improvised explosive device hit a bus between Mopti and Sevare, killing three people.",
    "Authorities in Bamako announced on Tuesday the arrest of two suspected leaders of Islamic State Sahel.",
    "In Kidal, mortar rounds struck the MINUSMA camp without casualties, a spokesman for the mission said.",
    "Burkinabe army drones struck a market near Djibo, where forty civilians were reportedly killed!",
];
const ARABIC: [&str; 6] = [
    "هاجم مسلحون من جماعة نصرة الإسلام والمسلمين يوم الاثنين قافلة للجيش المالي قرب غاو، وقتلوا سبعة جنود.",
    "وقالت مصادر محلية إن الجيش رد على الهجوم وقتل نحو عشرة من المهاجمين شرق ميناكا.",
    "وفي 12 مارس انفجرت عبوة ناسفة بحافلة بين موبتي وسيفاري، ما أسفر عن مقتل ثلاثة أشخاص وإصابة اثني عشر.",
    "وأعلنت السلطات في باماكو يوم الثلاثاء اعتقال قياديين يشتبه في انتمائهما إلى تنظيم الدولة الإسلامية في الساحل.",
    "وفي كيدال، سقطت قذائف هاون على معسكر بعثة الأمم المتحدة دون وقوع إصابات، حسب متحدث باسم البعثة؟",
    "وقصفت طائرات مسيرة تابعة للجيش البوركيني سوقا قرب جيبو، حيث قتل أربعون مدنيا حسب شهود.",
];

/// One kind of paragraph: a language, with or without sentence punctuation.
trait Kind {
    /// The sentences repeated.
    const SENTENCES: [&'static str; 6];
    /// Whether sentence-ending punctuation is kept.
    const PUNCTUATED: bool;
}

macro_rules! kind {
    ($name:ident, $sentences:expr, $punctuated:expr) => {
        struct $name;
        impl Kind for $name {
            const SENTENCES: [&'static str; 6] = $sentences;
            const PUNCTUATED: bool = $punctuated;
        }
    };
}
kind!(Fr, FRENCH, true);
kind!(FrBare, FRENCH, false);
kind!(En, ENGLISH, true);
kind!(EnBare, ENGLISH, false);
kind!(Ar, ARABIC, true);
kind!(ArBare, ARABIC, false);

/// A paragraph of `K`'s sentences, one space apart, of about `bytes` bytes (never more).
fn paragraph<K: Kind>(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes);
    for sentence in K::SENTENCES.iter().cycle() {
        let sentence: String = if K::PUNCTUATED {
            (*sentence).to_string()
        } else {
            sentence.chars().filter(|c| !matches!(c, '.' | '!' | '?' | '؟' | '…')).collect()
        };
        if text.len() + sentence.len() + 1 > bytes {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence);
    }
    text
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("the embedded knowledge base is valid"))
}

/// Reading: the paragraph as the one `<p>` of an HTML page (parse + main-text extraction).
#[divan::bench(types = [Fr, FrBare, En, EnBare, Ar, ArBare], args = SIZES, sample_count = 3, sample_size = 1)]
fn read_html<K: Kind>(bencher: Bencher, size: usize) {
    let page = format!("<html><head><title>t</title></head><body><p>{}</p></body></html>", paragraph::<K>(size));
    let options = ReadOptions::default();
    bencher
        .counter(BytesCount::new(page.len()))
        .bench_local(|| read_bytes(Path::new("p.html"), black_box(page.as_bytes()), Format::Html, &options));
}

/// Text analysis and mention finding (tokens, layout, candidates, resolution, context).
#[divan::bench(types = [Fr, FrBare, En, EnBare, Ar, ArBare], args = SIZES, sample_count = 3, sample_size = 1)]
fn extract<K: Kind>(bencher: Bencher, size: usize) {
    let text = paragraph::<K>(size);
    let extractor = Extractor::new(kb());
    bencher.counter(BytesCount::new(text.len())).bench_local(|| extractor.extract(black_box(&text), None));
}

/// Event coding alone, on an extraction made beforehand.
#[divan::bench(types = [Fr, FrBare, En, EnBare, Ar, ArBare], args = SIZES, sample_count = 3, sample_size = 1)]
fn events<K: Kind>(bencher: Bencher, size: usize) {
    let text = paragraph::<K>(size);
    let extraction = Extractor::new(kb()).extract(&text, None);
    let coder = EventCoder::new(kb());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| coder.code(black_box(&text), &extraction, Some("2025-09-07")));
}

/// The issue's two extreme inputs, both under the 20 MiB limit: a 19 MB HTML page whose article
/// is one `<p>`, and a JSON Lines file of one 15 MB line. Its text mixes the three languages.
fn big_input(which: &str) -> (Format, Vec<u8>) {
    let mixed = |bytes: usize| {
        let mut text = String::with_capacity(bytes);
        for (fr, (en, ar)) in FRENCH.iter().zip(ENGLISH.iter().zip(ARABIC.iter())).cycle() {
            if text.len() + fr.len() + en.len() + ar.len() + 3 > bytes {
                break;
            }
            for sentence in [fr, en, ar] {
                text.push_str(sentence);
                text.push(' ');
            }
        }
        text
    };
    match which {
        "html_19_mb" => {
            let page = format!("<html><head><title>t</title></head><body><p>{}</p></body></html>", mixed(19_000_000));
            (Format::Html, page.into_bytes())
        }
        _ => {
            let line = serde_json::json!({"id": "one", "text": mixed(15_000_000)}).to_string() + "\n";
            (Format::JsonLines, line.into_bytes())
        }
    }
}

/// Reading the extreme inputs.
#[divan::bench(args = ["html_19_mb", "jsonl_15_mb"], sample_count = 2, sample_size = 1)]
fn big_input_read(bencher: Bencher, which: &str) {
    let (format, bytes) = big_input(which);
    let options = ReadOptions::default();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench_local(|| read_bytes(Path::new("big"), black_box(&bytes), format, &options));
}

/// Mention finding on the text read from the extreme inputs.
#[divan::bench(args = ["html_19_mb", "jsonl_15_mb"], sample_count = 2, sample_size = 1)]
fn big_input_extract(bencher: Bencher, which: &str) {
    let (format, bytes) = big_input(which);
    let documents = read_bytes(Path::new("big"), &bytes, format, &ReadOptions::default());
    let text = documents.into_iter().flatten().map(|d| d.text).next().unwrap_or_default();
    assert!(text.len() > 10_000_000, "the big input was read: {} bytes of text", text.len());
    let extractor = Extractor::new(kb());
    bencher.counter(BytesCount::new(text.len())).bench_local(|| extractor.extract(black_box(&text), None));
}
