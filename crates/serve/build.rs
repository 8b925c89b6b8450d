//! Embeds the web page (`web/`) and the basemap (`data/basemap/`) into the binary: writes
//! `$OUT_DIR/assets.rs`, a table of (served path, bytes, etag) built with `include_bytes!`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files of `web/` that are tooling, not page.
const NOT_SERVED: &[&str] = &["node_modules", "package.json", "package-lock.json", "vendor.sh"];

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        if NOT_SERVED.contains(&name.as_str()) || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let served = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        if path.is_dir() {
            walk(&path, &served, out);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            out.push((served, path));
        }
    }
}

/// FNV-1a, for ETags.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let web = manifest.join("web");
    let basemap = manifest.join("../../data/basemap");
    // New files change their directory's listing.
    println!("cargo:rerun-if-changed={}", web.display());
    println!("cargo:rerun-if-changed={}", basemap.display());
    let mut files = Vec::new();
    walk(&web, "", &mut files);
    walk(&basemap, "basemap", &mut files);
    let mut table = String::from(
        "/// Embedded assets: (path under /assets/, bytes, etag).\npub static ASSETS: &[(&str, &[u8], &str)] = &[\n",
    );
    for (served, path) in &files {
        let bytes = std::fs::read(path).expect("read asset");
        let absolute = path.canonicalize().expect("asset path");
        writeln!(
            table,
            "    ({served:?}, include_bytes!({:?}), \"\\\"{:016x}\\\"\"),",
            absolute.display().to_string(),
            fnv(&bytes)
        )
        .expect("write");
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("assets.rs");
    std::fs::write(out, table).expect("write assets.rs");
}
