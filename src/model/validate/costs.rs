//! The money: cost items and budget lines on tasks, and the baselines.

use super::{Checker, Ids, ItemPath};
use crate::i18n::T;
use crate::model::project::Project;

/// Each cost item: the task it is attached to, if any.
pub(super) fn check_cost_items(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, item) in p.cost_items.iter().enumerate() {
        let at = ItemPath::item("cost_items", i);
        let what = T::VwCostItem.fill(lang, &[("name", &item.label)]);
        c.optional_reference(&ids.tasks, item.task, at.field("task"), &what, T::VtTask);
    }
}

/// Each budget line: its phase, if any.
pub(super) fn check_budget_lines(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, line) in p.budget_lines.iter().enumerate() {
        let at = ItemPath::item("budget_lines", i);
        let what = T::VwBudgetLine.fill(lang, &[("id", &line.id.to_string())]);
        c.optional_reference(&ids.tasks, line.phase, at.field("phase"), &what, T::VtTask);
    }
}

/// Each baseline: its number, the tasks it saved.
pub(super) fn check_baselines(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, baseline) in p.baselines.iter().enumerate() {
        let at = ItemPath::item("baselines", i);
        c.range(baseline.number <= 10, at.field("number"), || {
            T::VBaselineNumber.fill(lang, &[("n", &baseline.number.to_string())])
        });
        for (k, bt) in baseline.tasks.iter().enumerate() {
            let what = T::VwBaseline.fill(lang, &[("n", &baseline.number.to_string())]);
            c.reference(
                &ids.tasks,
                bt.task,
                at.field("tasks").index(k).field("task"),
                &what,
                T::VtTask,
            );
        }
    }
}
