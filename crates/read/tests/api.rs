//! Behaviour of the public API beyond the golden files: limits, errors, directory expansion.

use std::path::{Path, PathBuf};

use marsad_read::{expand_inputs, read_bytes, read_path, Format, ReadError, ReadOptions};

/// A fresh directory under the system's temporary directory (`marsad-read-NAME-…`), removed
/// with everything in it when the guard is dropped at the end of the test, passing or failing.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("marsad-read-{name}-")).tempdir().expect("create temp dir")
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let tmp = temp_dir("oversized");
    let dir = tmp.path();
    let path = dir.join("big.txt");
    // A sparse file: set_len does not write the bytes.
    std::fs::File::create(&path).and_then(|f| f.set_len(5_000_000)).expect("create sparse file");
    let results = read_path(&path, &ReadOptions { max_bytes: 1000 });
    let [Err(error)] = results.as_slice() else { panic!("expected one error, got {results:?}") };
    assert!(matches!(error, ReadError::TooLarge { size: 5_000_000, limit: 1000, .. }));
    assert!(error.to_string().ends_with("big.txt: too large (5000000 bytes, limit 1000)"), "{error}");
}

#[test]
fn oversized_bytes_are_refused() {
    let results = read_bytes(Path::new("x.txt"), &[b'a'; 1001], Format::Text, &ReadOptions { max_bytes: 1000 });
    assert!(matches!(results.as_slice(), [Err(ReadError::TooLarge { size: 1001, .. })]));
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let results = read_path(Path::new("no/such/file.txt"), &ReadOptions::default());
    let [Err(error @ ReadError::Io { .. })] = results.as_slice() else { panic!("{results:?}") };
    assert!(error.to_string().starts_with("no/such/file.txt: "), "{error}");
}

#[test]
fn whitespace_only_is_empty() {
    let results = read_bytes(Path::new("w.txt"), b" \r\n\t\n", Format::Text, &ReadOptions::default());
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().map_err(ToString::to_string), Err("w.txt: empty".to_string()));
}

#[test]
fn malformed_json_names_line_and_column() {
    let results =
        read_bytes(Path::new("a.json"), b"{\n  \"text\": \"x\"\n  \"id\": 1}", Format::Json, &ReadOptions::default());
    let [Err(error)] = results.as_slice() else { panic!("{results:?}") };
    assert_eq!(error.to_string(), "a.json:3:3: not JSON: expected `,` or `}`");
}

#[test]
fn malformed_feed_reports_position_and_keeps_earlier_items() {
    let feed = "<rss><channel><title>T</title>\n<item><title>a</title><description>one</description></item>\n<item><title>b</oops></item></channel></rss>";
    let results = read_bytes(Path::new("f.rss"), feed.as_bytes(), Format::Feed, &ReadOptions::default());
    assert!(results[0].is_ok(), "{results:?}");
    let Some(Err(error @ ReadError::Xml { line: 3, .. })) = results.last() else { panic!("{results:?}") };
    assert!(error.to_string().starts_with("f.rss:3:"), "{error}");
}

#[test]
fn xml_that_is_not_a_feed_is_an_error() {
    let results = read_bytes(Path::new("x.xml"), b"<svg><g/></svg>", Format::Feed, &ReadOptions::default());
    let [Err(error)] = results.as_slice() else { panic!("{results:?}") };
    assert_eq!(error.to_string(), "x.xml: not an RSS or Atom feed (root element <svg>)");
}

#[test]
fn every_error_displays_on_one_line() {
    let inputs: [(&[u8], Format); 5] = [
        (b"{\"text\": \"a\nb\"}\n{oops\n", Format::JsonLines),
        (b"<rss><channel><item>", Format::Feed),
        (b"\x00\x01", Format::Text),
        (b"[1, {\"html\": 5}]", Format::Json),
        (b"<html><script>x</script></html>", Format::Html),
    ];
    for (bytes, format) in inputs {
        for error in
            read_bytes(Path::new("e"), bytes, format, &ReadOptions::default()).into_iter().filter_map(Result::err)
        {
            assert!(!error.to_string().contains('\n'), "{error}");
        }
    }
}

#[test]
fn stdin_id_and_sniffed_format() {
    // read_bytes with "-" behaves as stdin does after sniffing.
    let bytes = b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n";
    assert_eq!(Format::sniff(bytes), Format::JsonLines);
    let documents: Vec<_> =
        read_bytes(Path::new("-"), b"plain words", Format::sniff(b"plain words"), &ReadOptions::default());
    let document = documents[0].as_ref().expect("a document");
    assert_eq!(document.id, "stdin");
    assert_eq!(document.origin.path, Path::new("-"));
}

#[test]
fn expand_inputs_walks_sorted_skipping_hidden_and_unknown() {
    let tmp = temp_dir("expand");
    let dir = tmp.path();
    for file in ["b.txt", "a.html", "sub/c.jsonl", "notes.pdf", ".hidden.txt", ".git/x.txt", "README"] {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, "x").expect("write");
    }
    let explicit = dir.join("README");
    let (files, errors) =
        expand_inputs(&[dir.to_path_buf(), explicit.clone(), PathBuf::from("-"), dir.join("missing")]);
    assert_eq!(
        files,
        vec![dir.join("a.html"), dir.join("b.txt"), dir.join("sub/c.jsonl"), explicit, PathBuf::from("-")]
    );
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("missing"), "{}", errors[0]);
}

#[test]
fn explicit_file_without_known_extension_is_sniffed() {
    let tmp = temp_dir("sniffed");
    let dir = tmp.path();
    let path = dir.join("page");
    std::fs::write(&path, "<html><body><p>Un texte fictif, assez long pour être un paragraphe.</p></body></html>")
        .expect("write");
    let results = read_path(&path, &ReadOptions::default());
    let document = results[0].as_ref().expect("a document");
    assert_eq!(document.text, "Un texte fictif, assez long pour être un paragraphe.");
}
