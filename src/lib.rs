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

/// The embedded sample project, opened when Pilote starts without a file.
pub const SAMPLE_RON: &str = include_str!("../assets/samples/erp-rollout.pilote.ron");

/// The name the sample is shown under.
pub const SAMPLE_NAME: &str = "erp-rollout.pilote.ron";
