//! The search across the document (Ctrl+Shift+F): tasks (name, WBS code, notes),
//! requirements, test cases, anomalies, risks, deliverables and meeting actions, grouped by
//! kind. Every word typed must appear (case and accents ignored). Choosing a result shows its
//! view with the item selected: a task in the task plan, any other item in its view's list.

use egui::{RichText, Ui};

use super::matching::{contains_all, fold};
use super::theme::Theme;
use super::{ViewKind, Views};
use crate::app::contract::{Outbox, ShellCtx};
use crate::i18n::{Lang, T};
use crate::model::{
    AnomalyId, DeliverableId, MeetingId, Project, RequirementId, RiskId, TaskId, TestCaseId,
};

/// At most this many results of one kind are listed: past that, the user types more.
const PER_KIND: usize = 30;

/// Whether the search is open, what is typed and which result is chosen.
#[derive(Default)]
pub struct SearchState {
    open: bool,
    query: String,
    highlighted: usize,
    focus: bool,
}

impl SearchState {
    /// Opens the search with the last query selected, so typing replaces it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
        self.highlighted = 0;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// The kinds of results, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Task,
    Requirement,
    TestCase,
    Anomaly,
    Risk,
    Deliverable,
    Action,
}

impl Kind {
    fn heading(self) -> T {
        match self {
            Kind::Task => T::SearchTasks,
            Kind::Requirement => T::SearchRequirements,
            Kind::TestCase => T::SearchTestCases,
            Kind::Anomaly => T::SearchAnomalies,
            Kind::Risk => T::SearchRisks,
            Kind::Deliverable => T::SearchDeliverables,
            Kind::Action => T::SearchActions,
        }
    }
}

/// What a result opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Task(TaskId),
    Requirement(RequirementId),
    TestCase(TestCaseId),
    Anomaly(AnomalyId),
    Risk(RiskId),
    Deliverable(DeliverableId),
    /// The meeting whose action was found.
    Meeting(MeetingId),
}

/// One result: its kind, its reference (code, WBS, meeting), its title, and what it opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub code: String,
    pub title: String,
    pub target: Target,
}

impl Hit {
    fn new(kind: Kind, code: &str, title: &str, target: Target) -> Self {
        Self {
            kind,
            code: code.to_owned(),
            title: title.to_owned(),
            target,
        }
    }

    /// The result's line, as listed and as its accessible name.
    pub fn text(&self) -> String {
        if self.code.is_empty() {
            self.title.clone()
        } else {
            format!("{} — {}", self.code, self.title)
        }
    }
}

/// Every item matching `query`, grouped by kind in [`Kind`]'s order and in document order
/// within a kind; `wbs` holds the tasks' WBS codes by row. An empty query finds nothing.
pub fn find(project: &Project, wbs: &[String], query: &str) -> Vec<Hit> {
    if fold(query).trim().is_empty() {
        return Vec::new();
    }
    let m = |parts: &[&str]| contains_all(query, &parts.join("\n"));
    let mut hits = Vec::new();
    let mut add = |hit: Hit| {
        if hits.iter().filter(|h: &&Hit| h.kind == hit.kind).count() < PER_KIND {
            hits.push(hit);
        }
    };
    for (row, t) in project.tasks.iter().enumerate() {
        let code = wbs.get(row).map_or("", String::as_str);
        if m(&[code, &t.name, &t.notes]) {
            add(Hit::new(Kind::Task, code, &t.name, Target::Task(t.id)));
        }
    }
    for r in &project.requirements {
        if m(&[&r.code, &r.title, &r.description]) {
            add(Hit::new(
                Kind::Requirement,
                &r.code,
                &r.title,
                Target::Requirement(r.id),
            ));
        }
    }
    for c in &project.test_cases {
        if m(&[&c.code, &c.title, &c.steps.join("\n"), &c.expected]) {
            add(Hit::new(
                Kind::TestCase,
                &c.code,
                &c.title,
                Target::TestCase(c.id),
            ));
        }
    }
    for a in &project.anomalies {
        if m(&[&a.code, &a.title, &a.description]) {
            add(Hit::new(
                Kind::Anomaly,
                &a.code,
                &a.title,
                Target::Anomaly(a.id),
            ));
        }
    }
    for r in &project.risks {
        if m(&[&r.code, &r.title, &r.description, &r.mitigation]) {
            add(Hit::new(Kind::Risk, &r.code, &r.title, Target::Risk(r.id)));
        }
    }
    for d in &project.deliverables {
        if m(&[&d.code, &d.name, &d.description]) {
            add(Hit::new(
                Kind::Deliverable,
                &d.code,
                &d.name,
                Target::Deliverable(d.id),
            ));
        }
    }
    for meeting in &project.meetings {
        for action in &meeting.actions {
            if m(&[&action.text]) {
                add(Hit::new(
                    Kind::Action,
                    &meeting.title,
                    &action.text,
                    Target::Meeting(meeting.id),
                ));
            }
        }
    }
    hits
}

/// Shows `target`'s view with it selected, its list cleared of filters that would hide it.
pub fn reveal(views: &mut Views, target: Target, out: &mut Outbox) {
    fn list(list: &mut super::editor::ListState, id: u32) {
        list.search.clear();
        list.selected = Some(id);
        list.reveal = true;
    }
    let view = match target {
        Target::Task(id) => {
            out.show(ViewKind::Tasks);
            out.select_task(id);
            return;
        }
        Target::Requirement(id) => {
            views.requirements.matrix = false;
            list(&mut views.requirements.list, id.into());
            ViewKind::Requirements
        }
        Target::TestCase(id) => {
            views.testing.tab = super::testing::Tab::Cases;
            list(&mut views.testing.cases, id.into());
            ViewKind::Testing
        }
        Target::Anomaly(id) => {
            views.anomalies.open_only = false;
            list(&mut views.anomalies.list, id.into());
            ViewKind::Anomalies
        }
        Target::Risk(id) => {
            views.risks.cell = None;
            list(&mut views.risks.list, id.into());
            ViewKind::Risks
        }
        Target::Deliverable(id) => {
            list(&mut views.deliverables.list, id.into());
            ViewKind::Deliverables
        }
        Target::Meeting(id) => {
            list(&mut views.meetings.list, id.into());
            ViewKind::Meetings
        }
    };
    out.show(view);
}

/// The search over the window, when open; the result chosen, if one was.
pub fn search_ui(
    ctx: &egui::Context,
    shell: &ShellCtx<'_>,
    theme: Theme,
    state: &mut SearchState,
) -> Option<Target> {
    if !state.open {
        return None;
    }
    let lang = shell.lang;
    let mut chosen = None;
    let response = egui::Modal::new(egui::Id::unique("global-search")).show(ctx, |ui| {
        ui.set_width(620.0);
        let (field, (up, down, enter)) = super::widgets::query_field_ui(
            ui,
            &mut state.query,
            T::SearchEverywhereHint.get(lang),
            T::SearchEverywhereField.get(lang),
        );
        if state.focus {
            field.request_focus();
            select_all(ui, field.id, &state.query);
            state.focus = false;
        }
        if field.changed() {
            state.highlighted = 0;
        }
        let hits = find(&shell.doc.project, &shell.derived.wbs, &state.query);
        let last = hits.len().saturating_sub(1);
        if up {
            state.highlighted = state.highlighted.saturating_sub(1);
        }
        if down {
            state.highlighted = (state.highlighted + 1).min(last);
        }
        state.highlighted = state.highlighted.min(last);
        ui.separator();
        if hits.is_empty() && !state.query.trim().is_empty() {
            ui.label(RichText::new(T::SearchNothing.get(lang)).color(theme.muted()));
        }
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                if let Some(k) = hits_ui(ui, lang, &hits, state.highlighted, up || down) {
                    chosen = Some(hits[k].target);
                }
            });
        if enter && let Some(hit) = hits.get(state.highlighted) {
            chosen = Some(hit.target);
        }
        ui.label(
            RichText::new(T::SearchKeys.get(lang))
                .color(theme.muted())
                .small(),
        );
    });
    if chosen.is_some() || response.should_close() {
        state.open = false;
    }
    chosen
}

/// The results under their kinds' headings; the index of the one clicked.
fn hits_ui(
    ui: &mut Ui,
    lang: Lang,
    hits: &[Hit],
    highlighted: usize,
    moved: bool,
) -> Option<usize> {
    let mut clicked = None;
    for (k, hit) in hits.iter().enumerate() {
        if k == 0 || hits[k - 1].kind != hit.kind {
            let count = hits.iter().filter(|h| h.kind == hit.kind).count();
            ui.add_space(4.0);
            ui.strong(format!("{} ({count})", hit.kind.heading().get(lang)));
        }
        let response = ui.add(
            egui::Button::selectable(k == highlighted, hit.text())
                .truncate()
                .min_size(egui::vec2(ui.available_width(), 22.0)),
        );
        if k == highlighted && moved {
            response.scroll_to_me(None);
        }
        if response.clicked() {
            clicked = Some(k);
        }
    }
    clicked
}

/// Selects the whole query, so that typing on reopening starts a new search.
fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    if let Some(mut edit) = egui::TextEdit::load_state(ui.ctx(), id) {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        edit.cursor.set_char_range(Some(all));
        edit.store(ui.ctx(), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outline::wbs_codes;

    fn sample() -> (Project, Vec<String>) {
        let project = crate::io::document::parse(crate::SAMPLE_RON, "sample").unwrap();
        let wbs = wbs_codes(&project.tasks);
        (project, wbs)
    }

    #[test]
    fn every_kind_is_found_and_listed_in_kind_order() {
        let (project, wbs) = sample();
        let kinds = |query: &str| -> Vec<Kind> {
            find(&project, &wbs, query).iter().map(|h| h.kind).collect()
        };
        // A task's notes, case and accents ignored.
        let noted = project
            .tasks
            .iter()
            .find(|t| t.notes.contains("fiscal year closing"))
            .unwrap();
        let hits = find(&project, &wbs, "FISCAL year CLOSING");
        assert!(hits.iter().any(|h| h.target == Target::Task(noted.id)));
        // A task by its WBS code.
        let row = wbs.iter().position(|c| c == "3.3.3").unwrap();
        assert!(
            find(&project, &wbs, "3.3.3")
                .iter()
                .any(|h| h.target == Target::Task(project.tasks[row].id))
        );
        assert_eq!(kinds("REQ-F-010"), vec![Kind::Requirement]);
        // An action of a committee names the anomaly too.
        assert_eq!(kinds("ANO-003"), vec![Kind::Anomaly, Kind::Action]);
        assert_eq!(kinds("signed contract to integris"), vec![Kind::Action]);
        let all = kinds("e");
        assert!(all.windows(2).all(|w| w[0] <= w[1]), "grouped by kind");
        assert!(all.iter().filter(|k| **k == Kind::Task).count() <= PER_KIND);
        assert!(find(&project, &wbs, "   ").is_empty());
    }
}
