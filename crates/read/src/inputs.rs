//! Command-line inputs → the list of files to read (directories expanded).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::one_line;
use crate::{Format, Origin, ReadError};

/// Expands files and directories into the files to read, keeping the order of `paths`.
/// Directories are walked recursively, their files sorted by path, skipping hidden entries
/// (names starting with '.') and files with no known extension; a file named explicitly is
/// always kept (its format will be sniffed), and "-" (stdin) is passed through. Missing or
/// unreadable paths become errors; symlinked directory loops are visited once.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                let mut found = Vec::new();
                walk(path, &mut found, &mut errors);
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
            Err(error) => errors.push(io_error(path, error)),
        }
    }
    (files, errors)
}

/// Iterative depth-first walk collecting readable files with a known extension.
fn walk(root: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    let mut visited = HashSet::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(directory) = pending.pop() {
        if let Ok(canonical) = std::fs::canonicalize(&directory) {
            if !visited.insert(canonical) {
                continue;
            }
        }
        let entries = match std::fs::read_dir(&directory) {
            Ok(entries) => entries,
            Err(error) => {
                errors.push(io_error(&directory, error));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    errors.push(io_error(&directory, error));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match std::fs::metadata(&path) {
                Ok(metadata) if metadata.is_dir() => pending.push(path),
                Ok(_) if Format::from_path(&path).is_some() => found.push(path),
                Ok(_) => {}
                Err(error) => errors.push(io_error(&path, error)),
            }
        }
    }
}

fn io_error(path: &Path, error: std::io::Error) -> ReadError {
    ReadError::Io { at: Origin::file(path), message: one_line(error) }
}
