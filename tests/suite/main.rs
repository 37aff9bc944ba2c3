//! The integration tests, one test crate (it links the egui stack once): one module per area.

mod architecture;
mod calendar;
mod cli;
mod csv;
mod document;
mod document_properties;
mod earned_value;
mod fidelity;
mod gantt_snapshot;
mod history;
mod hostile;
mod ics;
mod leveling;
mod merge;
mod mspdi;
mod mspdi_export;
mod other_tools;
mod report;
mod risk_analysis;
mod sample;
mod save;
mod scheduler;
mod scheduler_ms_rules;
mod scheduler_properties;
mod ui;
mod validation;
