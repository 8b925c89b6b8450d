//! Embeds every data file under the workspace's `data/` directory, so the binary needs no
//! data directory at run time (it runs offline from a single file).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = manifest.join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect(&data, &mut files);
    for dir in ["places", "lexicon"] {
        println!("cargo:rerun-if-changed={}", data.join(dir).display());
    }
    files.sort();
    let mut code = String::from("/// Data files embedded at build time: (path relative to data/, contents).\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&data).expect("collected under data/").to_string_lossy().replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        let absolute = file.canonicalize().expect("data file exists");
        writeln!(code, "    ({relative:?}, include_str!({:?})),", absolute.display().to_string())
            .expect("write to string");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(out, code).expect("write embedded.rs");
}
