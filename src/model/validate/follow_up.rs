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
