//! Tidy: ARCHITECTURE.md's crate table says what each crate may depend on; this test reads the
//! table and every crate's Cargo.toml and fails when the two disagree, so the map stays true.

use std::collections::BTreeSet;
use std::path::Path;

/// (crate directory, allowed marsad crates by short name) from the table's rows.
fn table(architecture: &str) -> Vec<(String, BTreeSet<String>)> {
    architecture
        .lines()
        .filter(|l| l.starts_with("| `crates/"))
        .filter_map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let dir = cells.get(1)?.split('`').nth(1)?.to_string();
            let allowed = cells.get(3)?;
            let names: BTreeSet<String> = allowed
                .split(',')
                .map(|n| n.split('(').next().unwrap_or("").trim().to_string())
                .filter(|n| !n.is_empty() && n != "—")
                .collect();
            Some((dir, names))
        })
        .collect()
}

/// The marsad crates a Cargo.toml's `[dependencies]` section names, by short name.
fn dependencies(manifest: &str) -> BTreeSet<String> {
    let mut section = "";
    let mut out = BTreeSet::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section == "[dependencies]" {
            if let Some(name) = line.strip_prefix("marsad-").and_then(|rest| rest.split(['.', ' ', '=']).next()) {
                out.insert(name.to_string());
            }
        }
    }
    out
}

#[test]
fn the_architecture_table_matches_every_crates_dependencies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let rows = table(&architecture);
    let crates: BTreeSet<String> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| format!("crates/{}", e.file_name().to_string_lossy()))
        .collect();
    let listed: BTreeSet<String> = rows.iter().map(|(dir, _)| dir.clone()).collect();
    assert_eq!(listed, crates, "ARCHITECTURE.md's crate table must list exactly the crates under crates/");
    let mut problems = Vec::new();
    for (dir, allowed) in rows {
        let manifest = std::fs::read_to_string(root.join(&dir).join("Cargo.toml")).expect("Cargo.toml");
        let actual = dependencies(&manifest);
        if actual != allowed {
            problems.push(format!("{dir}: ARCHITECTURE.md says {allowed:?}, Cargo.toml has {actual:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_table_reader_reads_rows_and_notes() {
    let rows =
        table("| `crates/a` (`marsad-a`) | job | text, search (its type) |\n| `crates/b` (`marsad-b`) | job | — |");
    assert_eq!(rows[0].1, ["search", "text"].iter().map(|s| s.to_string()).collect());
    assert!(rows[1].1.is_empty());
    let deps = dependencies(
        "[dependencies]\nmarsad-text.workspace = true\nserde = \"1\"\n[dev-dependencies]\nmarsad-kb.workspace = true",
    );
    assert_eq!(deps, ["text".to_string()].into_iter().collect());
}
