//! Golden tests: each `tests/data/<case>/input.<ext>` is read with `read_path` and the
//! results (documents, or `{"error": ...}` for errors) must equal `expected.json`.
//!
//! Run with `MARSAD_BLESS=1` to rewrite `expected.json` files (and generated inputs) after a
//! deliberate change, then review the diff.
//!
//! Inputs whose bytes matter (legacy encodings, UTF-16, BOMs, binary, invalid UTF-8) are
//! produced by [`generated_input`] from Rust strings via encoding_rs, and committed; the test
//! checks that the committed bytes still match the generator. All texts are fictional news
//! written for these tests (places such as "بلدة خيالية" / "Fictiveville" do not exist).

use std::path::{Path, PathBuf};

use marsad_read::{read_path, ReadOptions};
use serde_json::{json, Value};

fn bless() -> bool {
    std::env::var("MARSAD_BLESS").is_ok_and(|v| v == "1")
}

/// Reads the case's input and compares the serialised results with `expected.json`.
fn check(case: &str) {
    let directory = Path::new("tests/data").join(case);
    let input = input_path(&directory);
    if let Some(bytes) = generated_input(case) {
        ensure_generated(&input, &bytes);
    }
    let results: Vec<Value> = read_path(&input, &ReadOptions::default())
        .into_iter()
        .map(|result| match result {
            Ok(document) => serde_json::to_value(&document).expect("documents serialise"),
            Err(error) => json!({ "error": error.to_string() }),
        })
        .collect();
    let actual = serde_json::to_string_pretty(&results).expect("values serialise") + "\n";
    let expected_path = directory.join("expected.json");
    if bless() {
        std::fs::write(&expected_path, &actual).expect("write expected.json");
        eprintln!("MARSAD_BLESS=1: rewrote {}", expected_path.display());
        return;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with MARSAD_BLESS=1 to create it)", expected_path.display()));
    assert_eq!(actual, expected, "{case}: output differs from expected.json (MARSAD_BLESS=1 to accept)");
}

/// The single `input.*` file of a case directory (it may not exist yet for generated cases).
fn input_path(directory: &Path) -> PathBuf {
    let extension = generated_extension(directory.file_name().and_then(|n| n.to_str()).unwrap_or_default());
    if let Some(extension) = extension {
        return directory.join(format!("input.{extension}"));
    }
    std::fs::read_dir(directory)
        .expect("case directory exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.file_stem().is_some_and(|stem| stem == "input"))
        .unwrap_or_else(|| panic!("no input.* in {}", directory.display()))
}

/// Writes (when blessing) or verifies a generated input file.
fn ensure_generated(path: &Path, bytes: &[u8]) {
    if bless() {
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("create case directory");
        std::fs::write(path, bytes).expect("write generated input");
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(committed == bytes, "{}: differs from its generator (MARSAD_BLESS=1 to regenerate)", path.display());
}

const ARABIC: &str = "قصف على بلدة خيالية\n\nقالت مصادر محلية إن قذائف سقطت على سوق بلدة خيالية صباح الأحد، ما أدى إلى أضرار في المحلات.\r\nولم تعلن أي جهة مسؤوليتها.\n";
const FRENCH: &str = "Explosion près d'un dépôt à Fictiveville\n\nUne forte détonation a été entendue jeudi à Fictiveville ; les pompiers évoquent « des dégâts matériels » et aucun blessé.\n";

fn generated_extension(case: &str) -> Option<&'static str> {
    match case {
        "txt_bom" | "utf16le_bom" | "utf16be_bom" | "windows1256_arabic" | "windows1252_french" | "empty"
        | "binary" | "invalid_utf8_txt" => Some("txt"),
        "jsonl_mixed_encodings" | "jsonl_invalid_line" => Some("jsonl"),
        "iso8859_6_html_meta" | "invalid_utf8_html" => Some("html"),
        _ => None,
    }
}

/// The bytes of generated inputs, or `None` for hand-written cases.
fn generated_input(case: &str) -> Option<Vec<u8>> {
    let bytes = match case {
        "txt_bom" => [b"\xEF\xBB\xBF".as_slice(), ARABIC.as_bytes()].concat(),
        "utf16le_bom" => {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(ARABIC.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        "utf16be_bom" => {
            let mut bytes = vec![0xFE, 0xFF];
            bytes.extend(ARABIC.encode_utf16().flat_map(u16::to_be_bytes));
            bytes
        }
        "windows1256_arabic" => encoding_rs::WINDOWS_1256.encode(ARABIC).0.into_owned(),
        "windows1252_french" => encoding_rs::WINDOWS_1252.encode(FRENCH).0.into_owned(),
        "iso8859_6_html_meta" => {
            let page = format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">\
                 <title>قصف على بلدة خيالية</title></head><body><div class=\"article\">{}</div></body></html>\n",
                ARABIC
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| format!("<p>{}</p>", l.trim()))
                    .collect::<String>()
            );
            encoding_rs::ISO_8859_6.encode(&page).0.into_owned()
        }
        "empty" => Vec::new(),
        "binary" => [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 8], b"IHDR"].concat(),
        "invalid_utf8_txt" => [ARABIC.as_bytes(), b"\xFF\xFE broken \xC3 bytes\n"].concat(),
        "invalid_utf8_html" => [
            b"<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>".as_slice(),
            "انقطاع الكهرباء في بلدة خيالية ".as_bytes(),
            b"\xE0\x80 ",
            "بعد قصف محطة التوليد.".as_bytes(),
            b"</p></body></html>",
        ]
        .concat(),
        "jsonl_mixed_encodings" => mixed_encodings_jsonl(),
        "jsonl_invalid_line" => [
            b"{\"id\": \"ok\", \"text\": \"".as_slice(),
            "قالت مصادر محلية إن قذائف سقطت على سوق بلدة خيالية.".as_bytes(),
            b"\"}\n\xFF\xFE\xFD\x80\x81\x8D\x8F\x90\x9D\n",
            b"{\"id\": \"bad-byte\", \"text\": \"",
            "انقطاع الكهرباء في بلدة خيالية بعد قصف محطة التوليد ".as_bytes(),
            b"\xC3\"}\n",
        ]
        .concat(),
        _ => return None,
    };
    Some(bytes)
}

/// A JSON Lines file whose lines are in different encodings: UTF-8 Arabic, windows-1256 Arabic,
/// UTF-8 again, windows-1252 French. Each valid UTF-8 line must stay UTF-8.
fn mixed_encodings_jsonl() -> Vec<u8> {
    let line = |id: &str, text: &str| format!("{{\"id\": \"{id}\", \"text\": \"{text}\"}}\n");
    let arabic = "قالت مصادر محلية في باماكو إن قذائف سقطت على سوق بلدة خيالية صباح الأحد، ما أدى إلى أضرار في المحلات.";
    let legacy = "أعلنت السلطات في بلدة خيالية حظر التجول بعد اشتباكات بين مسلحين وقوات الأمن قرب السوق المركزي.";
    [
        line("utf8-first", arabic).into_bytes(),
        encoding_rs::WINDOWS_1256.encode(&line("cp1256", legacy)).0.into_owned(),
        line("utf8-after", "باماكو").into_bytes(),
        encoding_rs::WINDOWS_1252.encode(&line("cp1252", FRENCH.lines().nth(2).unwrap_or_default())).0.into_owned(),
    ]
    .concat()
}

macro_rules! golden {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                check(stringify!($case));
            }
        )*
    };
}

golden!(
    txt_utf8_arabic,
    txt_bom,
    utf16le_bom,
    utf16be_bom,
    windows1256_arabic,
    iso8859_6_html_meta,
    windows1252_french,
    html_article,
    html_jsonld_graph,
    html_time,
    json_array,
    jsonl_malformed,
    jsonl_html,
    rss2,
    atom,
    empty,
    binary,
    invalid_utf8_txt,
    invalid_utf8_html,
    jsonl_mixed_encodings,
    jsonl_invalid_line,
);
