//! The specification and its tests: requirements, deliverables, test cases, campaigns, test
//! runs, load tests and anomalies, and how they refer to each other and to the plan.

use std::collections::{HashMap, HashSet};

use super::{Checker, Ids, IssueKind, ItemPath};
use crate::i18n::T;
use crate::model::project::Project;

/// Each requirement: its parent (never itself through its ancestors), its tasks, its
/// deliverables.
pub(super) fn check_requirements(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    let parent_of: HashMap<u32, Option<u32>> = p
        .requirements
        .iter()
        .map(|r| (r.id.0, r.parent.map(|x| x.0)))
        .collect();
    for (i, r) in p.requirements.iter().enumerate() {
        let at = ItemPath::item("requirements", i);
        let what = T::VwRequirement.fill(lang, &[("code", &r.code)]);
        c.optional_reference(
            &ids.requirements,
            r.parent,
            at.field("parent"),
            &what,
            T::VtRequirement,
        );
        for (k, t) in r.tasks.iter().enumerate() {
            c.reference(&ids.tasks, *t, at.field("tasks").index(k), &what, T::VtTask);
        }
        for (k, d) in r.deliverables.iter().enumerate() {
            let path = at.field("deliverables").index(k);
            c.reference(&ids.deliverables, *d, path, &what, T::VtDeliverable);
        }
        let mut seen = HashSet::from([r.id.0]);
        let mut next = r.parent.map(|x| x.0);
        while let Some(id) = next {
            if !seen.insert(id) {
                if id == r.id.0 {
                    c.push(
                        IssueKind::Cycle,
                        at.field("parent"),
                        T::VRequirementCycle.fill(lang, &[("what", &what)]),
                    );
                }
                break;
            }
            next = parent_of.get(&id).copied().flatten();
        }
    }
}

/// Each deliverable: the task it is due with, its owner.
pub(super) fn check_deliverables(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, d) in p.deliverables.iter().enumerate() {
        let at = ItemPath::item("deliverables", i);
        let what = T::VwDeliverable.fill(lang, &[("code", &d.code)]);
        c.optional_reference(
            &ids.tasks,
            d.due_with,
            at.field("due_with"),
            &what,
            T::VtTask,
        );
        c.optional_reference(
            &ids.resources,
            d.owner,
            at.field("owner"),
            &what,
            T::VtResource,
        );
    }
}

/// Each test case: the requirements it covers.
pub(super) fn check_test_cases(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, tc) in p.test_cases.iter().enumerate() {
        let at = ItemPath::item("test_cases", i);
        let what = T::VwTestCase.fill(lang, &[("code", &tc.code)]);
        for (k, r) in tc.requirements.iter().enumerate() {
            let path = at.field("requirements").index(k);
            c.reference(&ids.requirements, *r, path, &what, T::VtRequirement);
        }
    }
}

/// Each campaign: its task, deliverable and cases, its dates.
pub(super) fn check_campaigns(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, camp) in p.campaigns.iter().enumerate() {
        let at = ItemPath::item("campaigns", i);
        let what = T::VwCampaign.fill(lang, &[("name", &camp.name)]);
        c.optional_reference(&ids.tasks, camp.task, at.field("task"), &what, T::VtTask);
        let path = at.field("deliverable");
        c.optional_reference(
            &ids.deliverables,
            camp.deliverable,
            path,
            &what,
            T::VtDeliverable,
        );
        for (k, case) in camp.cases.iter().enumerate() {
            c.reference(
                &ids.cases,
                *case,
                at.field("cases").index(k),
                &what,
                T::VtTestCase,
            );
        }
        c.range(camp.finish >= camp.start, at.field("finish"), || {
            T::VFinishesBeforeStart.fill(lang, &[("what", &what)])
        });
    }
}

/// Each test run: its campaign, case, tester and anomaly.
pub(super) fn check_test_runs(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, run) in p.test_runs.iter().enumerate() {
        let at = ItemPath::item("test_runs", i);
        let what = T::VwTestRun.fill(lang, &[("id", &run.id.to_string())]);
        c.reference(
            &ids.campaigns,
            run.campaign,
            at.field("campaign"),
            &what,
            T::VtCampaign,
        );
        c.reference(&ids.cases, run.case, at.field("case"), &what, T::VtTestCase);
        c.optional_reference(
            &ids.resources,
            run.tester,
            at.field("tester"),
            &what,
            T::VtResource,
        );
        c.optional_reference(
            &ids.anomalies,
            run.anomaly,
            at.field("anomaly"),
            &what,
            T::VtAnomaly,
        );
    }
}

/// Each load test: its campaign.
pub(super) fn check_load_tests(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, lt) in p.load_tests.iter().enumerate() {
        let at = ItemPath::item("load_tests", i);
        let what = T::VwLoadTest.fill(lang, &[("name", &lt.scenario)]);
        c.reference(
            &ids.campaigns,
            lt.campaign,
            at.field("campaign"),
            &what,
            T::VtCampaign,
        );
    }
}

/// Each anomaly: the run it was found in, its assignee, its correction task.
pub(super) fn check_anomalies(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    for (i, an) in p.anomalies.iter().enumerate() {
        let at = ItemPath::item("anomalies", i);
        let what = T::VwAnomaly.fill(lang, &[("code", &an.code)]);
        c.optional_reference(
            &ids.runs,
            an.found_in,
            at.field("found_in"),
            &what,
            T::VtTestRun,
        );
        c.optional_reference(
            &ids.resources,
            an.assignee,
            at.field("assignee"),
            &what,
            T::VtResource,
        );
        let path = at.field("correction_task");
        c.optional_reference(&ids.tasks, an.correction_task, path, &what, T::VtTask);
    }
}
