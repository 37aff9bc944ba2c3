//! Which rows the chart shows: the filters (critical, late, milestones), the text search
//! (Ctrl+F), one resource's tasks, and folded summaries.

use std::collections::HashSet;

use egui::Ui;

use super::GanttState;
use crate::i18n::T;
use crate::model::TaskId;
use crate::ui::ViewCtx;

/// Which tasks the chart shows (with the summaries above them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Critical,
    /// Finishing after the compared baseline, or due by the status date and not complete.
    Late,
    Milestones,
}

/// Rows shown: the tasks the filters keep, with the summaries above them, whose summaries are
/// all unfolded, in plan order.
pub fn visible_rows(view: &ViewCtx<'_>, state: &GanttState) -> Vec<usize> {
    let tasks = &view.project.tasks;
    let keep = kept(view, state);
    let mut out = Vec::with_capacity(tasks.len());
    let mut hide_below: Option<u8> = None;
    for (i, t) in tasks.iter().enumerate() {
        if let Some(level) = hide_below {
            if t.outline_level > level {
                continue;
            }
            hide_below = None;
        }
        if !keep.as_ref().is_none_or(|k| k[i]) {
            continue;
        }
        out.push(i);
        if view.derived.summary[i] && state.collapsed.contains(&t.id) {
            hide_below = Some(t.outline_level);
        }
    }
    out
}

/// For each row, whether the filters keep it (summaries when a task below is kept); `None`
/// when no filter is set.
fn kept(view: &ViewCtx<'_>, state: &GanttState) -> Option<Vec<bool>> {
    let find = state.find.trim().to_lowercase();
    if state.filter == Filter::All && find.is_empty() && state.resource.is_none() {
        return None;
    }
    let project = view.project;
    let schedule = view.derived.schedule.as_ref().ok()?;
    let status = project.meta.status_date.unwrap_or(view.today);
    let baseline = view.derived.baseline_dates(project);
    let staffed: HashSet<TaskId> = state.resource.map_or_else(HashSet::new, |r| {
        project
            .assignments
            .iter()
            .filter(|a| a.resource == r)
            .map(|a| a.task)
            .collect()
    });
    let tasks = &project.tasks;
    let mut keep: Vec<bool> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if view.derived.summary[i] {
                return false;
            }
            let d = &schedule.tasks[i];
            let by_filter = match state.filter {
                Filter::All => true,
                Filter::Critical => d.critical,
                Filter::Late => {
                    baseline.get(&t.id).is_some_and(|b| d.finish > b.1)
                        || (d.finish.date() <= status && t.percent_complete < 100)
                }
                Filter::Milestones => t.milestone,
            };
            let by_text = find.is_empty()
                || t.name.to_lowercase().contains(&find)
                || view.derived.wbs[i].starts_with(&find);
            let by_resource = state.resource.is_none() || staffed.contains(&t.id);
            by_filter && by_text && by_resource
        })
        .collect();
    // A summary shows when something below it does.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    for i in (0..tasks.len()).rev() {
        let level = tasks[i].outline_level;
        let mut any = false;
        while stack.last().is_some_and(|top| top.0 > level) {
            if let Some((_, k)) = stack.pop() {
                any |= k;
            }
        }
        if view.derived.summary[i] {
            keep[i] = any;
        }
        stack.push((level, keep[i] || any));
    }
    Some(keep)
}

/// Show all, critical, late or milestones; find by name or WBS (Ctrl+F); one resource's tasks.
pub fn filters_ui(ui: &mut Ui, view: &ViewCtx<'_>, state: &mut GanttState) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        for (f, text) in [
            (Filter::All, T::FilterAll),
            (Filter::Critical, T::FilterCritical),
            (Filter::Late, T::FilterLate),
            (Filter::Milestones, T::FilterMilestones),
        ] {
            ui.selectable_value(&mut state.filter, f, text.get(lang));
        }
        ui.separator();
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.find)
                .hint_text(T::FindHint.get(lang))
                .desired_width(180.0),
        );
        ui.ctx().accesskit_node_builder(response.id, |n| {
            n.set_label(T::FindTask.get(lang).to_owned());
        });
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            response.request_focus();
        }
        let name = |r: Option<crate::model::ResourceId>| {
            r.and_then(|r| view.project.resources.iter().find(|x| x.id == r))
                .map_or_else(|| T::AllResources.get(lang).to_owned(), |x| x.name.clone())
        };
        let combo = egui::ComboBox::from_id_salt("gantt-resource")
            .selected_text(name(state.resource))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.resource, None, T::AllResources.get(lang));
                for r in &view.project.resources {
                    ui.selectable_value(&mut state.resource, Some(r.id), &r.name);
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |n| {
            n.set_label(T::ByResource.get(lang).to_owned());
        });
    });
}
