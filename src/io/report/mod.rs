//! The steering-committee status report (rapport de COPIL): what the project owner reads
//! before the committee, in the interface language. [`build`] gathers it from the plan, its
//! schedule and its earned value (and a risk analysis when one was run); [`html`] writes one
//! self-contained page (inline CSS and SVG, nothing fetched), [`pdf`] an A4 landscape PDF with
//! its font embedded.

mod charts;
mod drawing;
mod html;
mod pdf;
mod sections;
mod style;

pub use drawing::Drawing;
pub use html::html;
pub use pdf::pdf;

use crate::i18n::Lang;
use crate::model::Project;
use crate::schedule::cpm::Schedule;
use crate::schedule::kpi::{KpiReport, Rag};
use crate::schedule::risk::RiskResult;

/// A table of the report: its header and its rows, the columns that hold figures (aligned
/// right) marked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

/// One of the five indicator tiles.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub label: String,
    pub rag: Rag,
    pub value: String,
    pub detail: String,
}

/// The report, every text in its language.
#[derive(Clone, Debug)]
pub struct Report {
    pub lang: Lang,
    pub title: String,
    pub project: String,
    /// Code, owner and manager, as one line.
    pub identity: String,
    pub status: String,
    pub overall: Rag,
    pub overall_label: String,
    pub overall_reason: String,
    pub tiles: Vec<Tile>,
    pub message: String,
    pub confidence: String,
    pub milestones_next: Table,
    pub milestones_slipped: Table,
    pub gantt: Drawing,
    pub s_curve: Drawing,
    /// "SPI 0.96 · CPI 1.02".
    pub indices: String,
    pub budget_by_phase: Table,
    pub budget_by_year: Table,
    pub provider_share: String,
    pub campaigns: Table,
    pub coverage: String,
    pub blocking: Table,
    pub risks: Table,
    pub decisions: Vec<String>,
    pub actions: Table,
    /// Section headings, in order of appearance.
    pub headings: Headings,
}

/// The report's section headings in its language.
#[derive(Clone, Debug)]
pub struct Headings {
    pub message: String,
    pub confidence: String,
    pub milestones_next: String,
    pub milestones_slipped: String,
    pub gantt: String,
    pub s_curve: String,
    pub budget: String,
    pub by_phase: String,
    pub by_year: String,
    pub tests: String,
    pub blocking: String,
    pub risks: String,
    pub decisions: String,
    pub actions: String,
    pub none: String,
}

/// What the report is made from.
pub struct Input<'a> {
    pub project: &'a Project,
    pub schedule: &'a Schedule,
    pub kpi: &'a KpiReport,
    /// The last schedule risk analysis, when one was run on this plan.
    pub risk: Option<&'a RiskResult>,
    /// The project manager's words for the committee.
    pub message: &'a str,
    pub lang: Lang,
}

/// The report of `input`.
pub fn build(input: &Input<'_>) -> Report {
    sections::build(input)
}

/// The file name a report of `project` is offered under: "ERP-2026 COPIL 2026-12-03".
pub fn file_name(project: &Project, status: chrono::NaiveDate, extension: &str) -> String {
    let who = if project.meta.code.trim().is_empty() {
        project.meta.name.trim()
    } else {
        project.meta.code.trim()
    };
    let safe: String = who
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    format!("{} COPIL {status}.{extension}", safe.trim())
}
