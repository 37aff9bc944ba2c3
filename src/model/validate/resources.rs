//! The people and what they are given: resources (calendar, units, skills, leave) and their
//! assignments to tasks.

use super::{Checker, Ids, ItemPath};
use crate::i18n::T;
use crate::model::project::Project;

/// Each resource: its calendar, its units, its skill levels, its leave.
pub(super) fn check_resources(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, r) in p.resources.iter().enumerate() {
        let at = ItemPath::item("resources", i);
        let what = T::VwResource.fill(lang, &[("name", &r.name)]);
        c.optional_reference(
            &ids.calendars,
            r.calendar,
            at.field("calendar"),
            &what,
            T::VtCalendar,
        );
        c.range(r.max_units >= 0.0, at.field("max_units"), || {
            T::VMaxUnits.fill(lang, &[("what", &what)])
        });
        for (k, skill) in r.skills.iter().enumerate() {
            c.range(
                (1..=5).contains(&skill.level),
                at.field("skills").index(k).field("level"),
                || {
                    T::VSkillLevel.fill(
                        lang,
                        &[("what", &what), ("level", &skill.level.to_string())],
                    )
                },
            );
        }
        for (k, leave) in r.leave.iter().enumerate() {
            c.range(leave.to >= leave.from, at.field("leave").index(k), || {
                T::VLeave.fill(lang, &[("what", &what)])
            });
        }
    }
}

/// Each assignment: its task and resource, its units.
pub(super) fn check_assignments(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, a) in p.assignments.iter().enumerate() {
        let at = ItemPath::item("assignments", i);
        let what = T::VwAssignment.fill(lang, &[("id", &a.id.to_string())]);
        c.reference(&ids.tasks, a.task, at.field("task"), &what, T::VtTask);
        c.reference(
            &ids.resources,
            a.resource,
            at.field("resource"),
            &what,
            T::VtResource,
        );
        c.range(a.units >= 0.0, at.field("units"), || {
            T::VUnits.fill(lang, &[("what", &what)])
        });
        // Work spread over the resource's calendar: beyond the model's limit, the scheduler
        // would walk millennia of working time.
        let limit = crate::model::MAX_DURATION_MINUTES;
        for (field, minutes) in [
            ("work_minutes", a.work_minutes),
            ("actual_work_minutes", a.actual_work_minutes),
            ("overtime_work_minutes", a.overtime_work_minutes),
            ("delay_minutes", a.delay_minutes),
        ] {
            c.range((minutes as f64).abs() <= limit, at.field(field), || {
                T::VBeyondLimit.fill(
                    lang,
                    &[
                        ("what", &what),
                        ("value", &format!("{minutes} min")),
                        ("limit", "200 years"),
                    ],
                )
            });
        }
    }
}
