//! The follow-up: risks (owner, action tasks, scores) and the actions decided in meetings.

use super::{Checker, Ids, ItemPath};
use crate::i18n::T;
use crate::model::project::Project;

/// Each risk: its owner, its action tasks, its probability and impact.
pub(super) fn check_risks(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, risk) in p.risks.iter().enumerate() {
        let at = ItemPath::item("risks", i);
        let what = T::VwRisk.fill(lang, &[("code", &risk.code)]);
        c.optional_reference(
            &ids.resources,
            risk.owner,
            at.field("owner"),
            &what,
            T::VtResource,
        );
        for (k, t) in risk.action_tasks.iter().enumerate() {
            c.reference(
                &ids.tasks,
                *t,
                at.field("action_tasks").index(k),
                &what,
                T::VtTask,
            );
        }
        for (field, name, value) in [
            ("probability", T::VProbability, risk.probability),
            ("impact", T::VImpact, risk.impact),
        ] {
            c.range((1..=5).contains(&value), at.field(field), || {
                T::VOneToFive.fill(
                    lang,
                    &[
                        ("what", &what),
                        ("field", name.get(lang)),
                        ("value", &value.to_string()),
                    ],
                )
            });
        }
        for (k, effect) in risk.effects.iter().enumerate() {
            let path = at.field("effects").index(k).field("task");
            c.reference(&ids.tasks, effect.task, path, &what, T::VtTask);
        }
        let chances = [
            ("occurrence_percent", risk.occurrence_percent),
            ("mitigated", risk.mitigated.map(|m| m.occurrence_percent)),
        ];
        for (field, chance) in chances {
            if let Some(value) = chance {
                c.range((0.0..=100.0).contains(&value), at.field(field), || {
                    T::VChance.fill(lang, &[("what", &what), ("value", &value.to_string())])
                });
            }
        }
    }
}

/// The three-point estimates: the task or cost item each is of, and its points in order.
pub(super) fn check_estimates(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    let order = |c: &mut Checker, at: ItemPath, what: &str, (a, m, b): (f64, f64, f64)| {
        c.range(a <= m && m <= b, at, || {
            T::VPointsOrder.fill(
                lang,
                &[
                    ("what", what),
                    ("a", &a.to_string()),
                    ("m", &m.to_string()),
                    ("b", &b.to_string()),
                ],
            )
        });
    };
    for (i, e) in p.task_estimates.iter().enumerate() {
        let at = ItemPath::item("task_estimates", i);
        let what = T::VwEstimate.fill(lang, &[("id", &e.id.to_string())]);
        c.reference(&ids.tasks, e.task, at.field("task"), &what, T::VtTask);
        let minutes = |d: crate::model::Duration| d.amount * p.settings.minutes_per(d.unit);
        let points = (
            minutes(e.optimistic),
            minutes(e.most_likely),
            minutes(e.pessimistic),
        );
        order(c, at.field("optimistic"), &what, points);
    }
    for (i, e) in p.cost_estimates.iter().enumerate() {
        let at = ItemPath::item("cost_estimates", i);
        let what = T::VwEstimate.fill(lang, &[("id", &e.id.to_string())]);
        c.reference(
            &ids.cost_items,
            e.item,
            at.field("item"),
            &what,
            T::VtCostItem,
        );
        order(c, at.field("low"), &what, (e.low, e.likely, e.high));
    }
}

/// Each meeting's actions: their owner, task and risk.
pub(super) fn check_meetings(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, m) in p.meetings.iter().enumerate() {
        let at = ItemPath::item("meetings", i);
        for (k, action) in m.actions.iter().enumerate() {
            let at = at.field("actions").index(k);
            let what = T::VwMeetingAction.fill(lang, &[("name", &m.title)]);
            c.optional_reference(
                &ids.resources,
                action.owner,
                at.field("owner"),
                &what,
                T::VtResource,
            );
            c.optional_reference(&ids.tasks, action.task, at.field("task"), &what, T::VtTask);
            c.optional_reference(&ids.risks, action.risk, at.field("risk"), &what, T::VtRisk);
        }
    }
}
