//! The layers keep their places. The pure core (the document model, the scheduler, the formats,
//! the document layer and the text module) never mentions the UI toolkit, the window framework,
//! file dialogs or the clock: that keeps it testable, deterministic, and usable from the
//! command line and the browser alike. The views talk to the app only through its shared
//! contract, and the app names no view's state, so that adding a view touches neither.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use std::path::Path;

const PURE: &[&str] = &["src/model", "src/schedule", "src/io", "src/doc", "src/i18n"];

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

fn files_under(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    assert!(!files.is_empty(), "{dir} was not found");
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect()
}

/// Whether `word` occurs in `text` as a whole identifier.
fn names(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn views_use_only_the_apps_shared_contract() {
    let mut offences = Vec::new();
    for (file, text) in files_under("src/ui") {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let reaches_app = code
                .match_indices("crate::app")
                .any(|(i, m)| !code[i + m.len()..].starts_with("::contract"))
                || code.contains("super::super::app")
                || names(code, "PiloteApp");
            if reaches_app {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "views reach into the app beyond app::contract:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_app_names_no_views_state() {
    // Every type the views define, but the registry, its kinds, the theme and the context
    // (which the app hands to the views) are the views' own business.
    let shared = ["Views", "ViewKind", "Theme", "ViewCtx"];
    let mut types = Vec::new();
    for (_, text) in files_under("src/ui") {
        for line in text.lines() {
            let line = line.trim_start();
            for keyword in ["pub struct ", "pub enum ", "struct ", "enum "] {
                if let Some(rest) = line.strip_prefix(keyword) {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && !shared.contains(&name.as_str()) {
                        types.push(name);
                    }
                }
            }
        }
    }
    assert!(
        types.iter().any(|t| t == "GanttState"),
        "the views' types were not found"
    );
    let mut offences = Vec::new();
    for (file, text) in files_under("src/app") {
        let code: String = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for ty in &types {
            if names(&code, ty) {
                offences.push(format!("{} names {ty}", file.display()));
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}
#[test]
fn no_source_file_is_over_800_lines() {
    let long: Vec<String> = files_under("src")
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 800)
        .map(|(file, text)| format!("{}: {} lines", file.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}
