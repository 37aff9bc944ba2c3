//! Pilote: a planner for IT project managers. Layers, lowest first:
//! `model` ← `schedule` ← `io` ← `app` → `ui` (see DESIGN.md). `i18n` is a leaf every layer
//! may use.

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
