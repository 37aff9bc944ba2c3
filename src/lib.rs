//! Pilote: a planner for IT project managers. Layers, lowest first:
//! `model` ← `schedule` ← `io` ← `doc` ← `app` → `ui`, with `cli` on `doc` and `i18n` a leaf
//! every layer may use (see `docs/ARCHITECTURE.md`).

pub mod app;
pub mod cli;
pub mod doc;
pub mod i18n;
pub mod io;
pub mod model;
pub mod schedule;
pub mod ui;

/// The embedded sample project, opened when Pilote starts without a file (in English).
pub const SAMPLE_RON: &str = include_str!("../assets/samples/erp-rollout.pilote.ron");

/// The name the sample is shown under.
pub const SAMPLE_NAME: &str = "erp-rollout.pilote.ron";

/// The same sample with its texts in French: same plan, ids and links
/// (`examples/make_sample` writes both).
pub const SAMPLE_FR_RON: &str = include_str!("../assets/samples/erp-rollout.fr.pilote.ron");

/// The name the French sample is shown under.
pub const SAMPLE_FR_NAME: &str = "erp-rollout.fr.pilote.ron";

/// The sample in the interface's language: its text and the name it is shown under.
pub fn sample(lang: i18n::Lang) -> (&'static str, &'static str) {
    match lang {
        i18n::Lang::En => (SAMPLE_RON, SAMPLE_NAME),
        i18n::Lang::Fr => (SAMPLE_FR_RON, SAMPLE_FR_NAME),
    }
}
