//! The test cases: steps, expected result, the requirements they cover.

use egui::{RichText, Ui};

use super::{kinds, requirement_options, set};
use crate::doc::edit::Collection;
use crate::i18n::{self, T};
use crate::model::{TestCase, TestKind};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection;
use crate::ui::editor::{
    ListAction, ListColumn, ListState, choice_ui, key, list_ui, pick_many_ui, text_ui, toolbar_ui,
};

pub(super) fn cases_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddTestCase, state, project.test_cases.len());
    let next = collection::next::<TestCase>(project);
    let selected = state
        .selected
        .and_then(|s| project.test_cases.iter().position(|c| c.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.test_cases.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => TestCase {
                    id: next,
                    code: format!("TC-{:03}", next.0),
                    ..list[i].clone()
                },
                _ => TestCase {
                    id: next,
                    code: format!("TC-{:03}", next.0),
                    title: T::NewTestCase.get(lang).to_owned(),
                    kind: TestKind::System,
                    steps: Vec::new(),
                    expected: String::new(),
                    requirements: Vec::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            set(view, Collection::TestCases(list), None);
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<TestCase>(view, state),
    }
    let last = crate::schedule::trace::last_results(project);
    egui::Panel::right("case-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| case_detail_ui(ui, view, state));
        });
    let columns = vec![
        ListColumn::new(T::ColCode.get(lang), 70.0, |c: &TestCase| c.code.clone()),
        ListColumn::new(T::ColTitle.get(lang), 260.0, |c: &TestCase| c.title.clone()),
        ListColumn::new(T::ColKind.get(lang), 100.0, move |c: &TestCase| {
            c.kind.label().get(lang).to_owned()
        }),
        ListColumn::new(T::FieldRequirements.get(lang), 180.0, |c: &TestCase| {
            c.requirements
                .iter()
                .filter_map(|r| project.requirements.iter().find(|x| x.id == *r))
                .map(|r| r.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ListColumn::new(T::LastResult.get(lang), 110.0, move |c: &TestCase| {
            last.get(&c.id)
                .map_or(T::ResNeverRun, |r| r.0.label())
                .get(lang)
                .to_owned()
        }),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "test-cases",
            state,
            &project.test_cases,
            |c| c.id.0,
            &columns,
        );
    });
}

fn case_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.test_cases.iter().position(|c| c.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let c = &project.test_cases[i];
    let mut edited = c.clone();
    let mut what = None;
    ui.heading(format!("{} {}", c.code, c.title));
    egui::Grid::new("case-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &c.code, false, view.out) {
                edited.code = v;
                what = Some("case.code");
            }
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &c.title, false, view.out) {
                edited.title = v;
                what = Some("case.title");
            }
            if let Some(v) = choice_ui(ui, "case-kind", T::ColKind.get(lang), c.kind, &kinds(lang))
            {
                edited.kind = v;
                what = Some("case.kind");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldSteps.get(lang),
                &c.steps.join("\n"),
                true,
                view.out,
            ) {
                edited.steps = v.lines().map(str::to_owned).collect();
                what = Some("case.steps");
            }
            if let Some(v) = text_ui(ui, T::FieldExpected.get(lang), &c.expected, true, view.out) {
                edited.expected = v;
                what = Some("case.expected");
            }
            if let Some(v) = pick_many_ui(
                ui,
                "case-reqs",
                T::FieldRequirements.get(lang),
                lang,
                &c.requirements,
                &requirement_options(view),
            ) {
                edited.requirements = v;
                what = Some("case.requirements");
            }
        });
    ui.separator();
    ui.strong(T::Runs.get(lang));
    for r in project.test_runs.iter().filter(|r| r.case == c.id) {
        let campaign = project
            .campaigns
            .iter()
            .find(|x| x.id == r.campaign)
            .map_or("?", |x| x.name.as_str());
        ui.label(format!(
            "{} — {campaign} — {}",
            i18n::format_date(lang, r.date),
            r.result.label().get(lang)
        ));
    }
    if let Some(what) = what {
        let mut list = project.test_cases.clone();
        list[i] = edited;
        set(view, Collection::TestCases(list), key(what, c.id.0));
    }
}
