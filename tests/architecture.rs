//! The pure core stays pure: the document model, the scheduler, the formats and the text module
//! never mention the UI toolkit, the window framework, file dialogs or the clock. That keeps them
//! testable, deterministic, and usable from the command line and the browser alike.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use std::path::Path;

const PURE: &[&str] = &["src/model", "src/schedule", "src/io", "src/i18n.rs"];

/// Words that betray a dependency on the UI or on the current time.
const FORBIDDEN: &[&str] = &[
    "egui",
    "eframe",
    "rfd",
    "now()",
    "SystemTime",
    "Instant",
    "chrono::Local",
    "chrono::Utc",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(path).unwrap() {
        let entry = entry.unwrap().path();
        if entry.is_dir() || entry.extension().is_some_and(|e| e == "rs") {
            rust_files(&entry, out);
        }
    }
}

#[test]
fn pure_layers_do_not_mention_the_ui_or_the_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in PURE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 10, "the pure layers were not found");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for word in FORBIDDEN {
                if line.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the pure core mentions:\n{}",
        offences.join("\n")
    );
}

#[test]
fn views_never_mutate_the_document_directly() {
    // Views get `&Project` through `ViewCtx`; a `&mut Project` in `src/ui` would bypass undo.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mutable_project = text.match_indices("&mut Project").any(|(i, m)| {
            !text[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        });
        assert!(
            !mutable_project && !text.contains("&mut self.doc"),
            "{} mutates the document outside the edit queue",
            file.display()
        );
    }
}
