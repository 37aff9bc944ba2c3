//! Checks a document for what serde cannot: references to items that do not exist, ids used
//! twice, cycles, and values out of range. Every problem carries the path of the offending
//! value in the document so that `io` can point at its line and column in the file.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::ids::TaskId;
use super::outline;
use super::project::Project;
use super::{DayRule, Lag};
use crate::i18n::{Lang, T};

/// One step of a path into the document: a field name or a position in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    Field(&'static str),
    Index(usize),
}

/// Where a value sits in the document, e.g. `assignments[3].task`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ItemPath(pub Vec<PathSeg>);

impl ItemPath {
    fn item(collection: &'static str, index: usize) -> Self {
        Self(vec![PathSeg::Field(collection), PathSeg::Index(index)])
    }

    fn field(&self, name: &'static str) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Field(name));
        Self(segs)
    }

    fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Index(index));
        Self(segs)
    }
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Field(name) if i == 0 => write!(f, "{name}")?,
                PathSeg::Field(name) => write!(f, ".{name}")?,
                PathSeg::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    DuplicateId,
    DanglingReference,
    Cycle,
    Outline,
    Link,
    OutOfRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationIssue {
    pub kind: IssueKind,
    pub path: ItemPath,
    pub message: String,
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {})", self.message, self.path)
    }
}

/// Ids present in one collection.
struct IdSet(HashSet<u32>);

impl IdSet {
    fn contains(&self, id: impl Into<u32>) -> bool {
        self.0.contains(&id.into())
    }
}

struct Checker {
    issues: Vec<ValidationIssue>,
    lang: Lang,
}

impl Checker {
    fn push(&mut self, kind: IssueKind, path: ItemPath, message: String) {
        self.issues.push(ValidationIssue {
            kind,
            path,
            message: capitalized(message),
        });
    }

    /// Collects the ids of a collection, reporting duplicates.
    fn ids<Item, I: Into<u32>>(
        &mut self,
        collection: &'static str,
        items: &[Item],
        id_of: impl Fn(&Item) -> I,
    ) -> IdSet {
        let mut seen = HashSet::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let id: u32 = id_of(item).into();
            if !seen.insert(id) {
                self.push(
                    IssueKind::DuplicateId,
                    ItemPath::item(collection, index).field("id"),
                    T::VDuplicateId.fill(
                        self.lang,
                        &[("collection", collection), ("id", &id.to_string())],
                    ),
                );
            }
        }
        IdSet(seen)
    }

    fn reference(
        &mut self,
        set: &IdSet,
        id: impl Into<u32>,
        path: ItemPath,
        what: &str,
        target: T,
    ) {
        let id: u32 = id.into();
        if !set.contains(id) {
            let message = T::VDangling.fill(
                self.lang,
                &[
                    ("what", what),
                    ("target", target.get(self.lang)),
                    ("id", &id.to_string()),
                ],
            );
            self.push(IssueKind::DanglingReference, path, message);
        }
    }

    fn optional_reference(
        &mut self,
        set: &IdSet,
        id: Option<impl Into<u32>>,
        path: ItemPath,
        what: &str,
        target: T,
    ) {
        if let Some(id) = id {
            self.reference(set, id, path, what, target);
        }
    }

    fn range(&mut self, ok: bool, path: ItemPath, message: impl FnOnce() -> String) {
        if !ok {
            self.push(IssueKind::OutOfRange, path, message());
        }
    }
}

/// All the problems of a document, in document order, in English; empty when it is sound.
pub fn validate(project: &Project) -> Vec<ValidationIssue> {
    validate_in(project, Lang::En)
}

/// The first letter in upper case: messages start with a description of the item.
fn capitalized(message: String) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => message,
    }
}

/// Like [`validate`], with messages in `lang`.
#[allow(
    clippy::too_many_lines,
    reason = "one check after another, in the file's order, which the located messages follow"
)]
pub fn validate_in(project: &Project, lang: Lang) -> Vec<ValidationIssue> {
    let mut c = Checker {
        issues: Vec::new(),
        lang,
    };
    let p = project;

    let calendars = c.ids("calendars", &p.calendars, |x| x.id);
    let tasks = c.ids("tasks", &p.tasks, |x| x.id);
    let resources = c.ids("resources", &p.resources, |x| x.id);
    c.ids("assignments", &p.assignments, |x| x.id);
    c.ids("cost_items", &p.cost_items, |x| x.id);
    c.ids("budget_lines", &p.budget_lines, |x| x.id);
    let requirements = c.ids("requirements", &p.requirements, |x| x.id);
    let deliverables = c.ids("deliverables", &p.deliverables, |x| x.id);
    let cases = c.ids("test_cases", &p.test_cases, |x| x.id);
    let campaigns = c.ids("campaigns", &p.campaigns, |x| x.id);
    let runs = c.ids("test_runs", &p.test_runs, |x| x.id);
    c.ids("load_tests", &p.load_tests, |x| x.id);
    let anomalies = c.ids("anomalies", &p.anomalies, |x| x.id);
    let risks = c.ids("risks", &p.risks, |x| x.id);
    c.ids("meetings", &p.meetings, |x| x.id);

    let settings = ItemPath(vec![PathSeg::Field("settings"), PathSeg::Field("calendar")]);
    let lang = c.lang;
    let project_what = T::VwProject.get(lang);
    c.reference(
        &calendars,
        p.settings.calendar,
        settings,
        project_what,
        T::VtCalendar,
    );
    check_calendars(&mut c, p, &calendars);
    check_tasks(&mut c, p, &calendars);
    check_links(&mut c, p, &tasks);

    for (i, r) in p.resources.iter().enumerate() {
        let at = ItemPath::item("resources", i);
        let what = T::VwResource.fill(lang, &[("name", &r.name)]);
        c.optional_reference(
            &calendars,
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
    for (i, a) in p.assignments.iter().enumerate() {
        let at = ItemPath::item("assignments", i);
        let what = T::VwAssignment.fill(lang, &[("id", &a.id.to_string())]);
        c.reference(&tasks, a.task, at.field("task"), &what, T::VtTask);
        c.reference(
            &resources,
            a.resource,
            at.field("resource"),
            &what,
            T::VtResource,
        );
        c.range(a.units >= 0.0, at.field("units"), || {
            T::VUnits.fill(lang, &[("what", &what)])
        });
    }
    for (i, item) in p.cost_items.iter().enumerate() {
        let at = ItemPath::item("cost_items", i);
        let what = T::VwCostItem.fill(lang, &[("name", &item.label)]);
        c.optional_reference(&tasks, item.task, at.field("task"), &what, T::VtTask);
    }
    for (i, line) in p.budget_lines.iter().enumerate() {
        let at = ItemPath::item("budget_lines", i);
        let what = T::VwBudgetLine.fill(lang, &[("id", &line.id.to_string())]);
        c.optional_reference(&tasks, line.phase, at.field("phase"), &what, T::VtTask);
    }
    for (i, baseline) in p.baselines.iter().enumerate() {
        let at = ItemPath::item("baselines", i);
        c.range(baseline.number <= 10, at.field("number"), || {
            T::VBaselineNumber.fill(lang, &[("n", &baseline.number.to_string())])
        });
        for (k, bt) in baseline.tasks.iter().enumerate() {
            let what = T::VwBaseline.fill(lang, &[("n", &baseline.number.to_string())]);
            c.reference(
                &tasks,
                bt.task,
                at.field("tasks").index(k).field("task"),
                &what,
                T::VtTask,
            );
        }
    }
    check_requirements(&mut c, p, &requirements, &tasks, &deliverables);
    for (i, d) in p.deliverables.iter().enumerate() {
        let at = ItemPath::item("deliverables", i);
        let what = T::VwDeliverable.fill(lang, &[("code", &d.code)]);
        c.optional_reference(&tasks, d.due_with, at.field("due_with"), &what, T::VtTask);
        c.optional_reference(&resources, d.owner, at.field("owner"), &what, T::VtResource);
    }
    for (i, tc) in p.test_cases.iter().enumerate() {
        let at = ItemPath::item("test_cases", i);
        let what = T::VwTestCase.fill(lang, &[("code", &tc.code)]);
        for (k, r) in tc.requirements.iter().enumerate() {
            let path = at.field("requirements").index(k);
            c.reference(&requirements, *r, path, &what, T::VtRequirement);
        }
    }
    for (i, camp) in p.campaigns.iter().enumerate() {
        let at = ItemPath::item("campaigns", i);
        let what = T::VwCampaign.fill(lang, &[("name", &camp.name)]);
        c.optional_reference(&tasks, camp.task, at.field("task"), &what, T::VtTask);
        let path = at.field("deliverable");
        c.optional_reference(
            &deliverables,
            camp.deliverable,
            path,
            &what,
            T::VtDeliverable,
        );
        for (k, case) in camp.cases.iter().enumerate() {
            c.reference(
                &cases,
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
    for (i, run) in p.test_runs.iter().enumerate() {
        let at = ItemPath::item("test_runs", i);
        let what = T::VwTestRun.fill(lang, &[("id", &run.id.to_string())]);
        c.reference(
            &campaigns,
            run.campaign,
            at.field("campaign"),
            &what,
            T::VtCampaign,
        );
        c.reference(&cases, run.case, at.field("case"), &what, T::VtTestCase);
        c.optional_reference(
            &resources,
            run.tester,
            at.field("tester"),
            &what,
            T::VtResource,
        );
        c.optional_reference(
            &anomalies,
            run.anomaly,
            at.field("anomaly"),
            &what,
            T::VtAnomaly,
        );
    }
    for (i, lt) in p.load_tests.iter().enumerate() {
        let at = ItemPath::item("load_tests", i);
        let what = T::VwLoadTest.fill(lang, &[("name", &lt.scenario)]);
        c.reference(
            &campaigns,
            lt.campaign,
            at.field("campaign"),
            &what,
            T::VtCampaign,
        );
    }
    for (i, an) in p.anomalies.iter().enumerate() {
        let at = ItemPath::item("anomalies", i);
        let what = T::VwAnomaly.fill(lang, &[("code", &an.code)]);
        c.optional_reference(
            &runs,
            an.found_in,
            at.field("found_in"),
            &what,
            T::VtTestRun,
        );
        c.optional_reference(
            &resources,
            an.assignee,
            at.field("assignee"),
            &what,
            T::VtResource,
        );
        let path = at.field("correction_task");
        c.optional_reference(&tasks, an.correction_task, path, &what, T::VtTask);
    }
    for (i, risk) in p.risks.iter().enumerate() {
        let at = ItemPath::item("risks", i);
        let what = T::VwRisk.fill(lang, &[("code", &risk.code)]);
        c.optional_reference(
            &resources,
            risk.owner,
            at.field("owner"),
            &what,
            T::VtResource,
        );
        for (k, t) in risk.action_tasks.iter().enumerate() {
            c.reference(
                &tasks,
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
    for (i, m) in p.meetings.iter().enumerate() {
        let at = ItemPath::item("meetings", i);
        for (k, action) in m.actions.iter().enumerate() {
            let at = at.field("actions").index(k);
            let what = T::VwMeetingAction.fill(lang, &[("name", &m.title)]);
            c.optional_reference(
                &resources,
                action.owner,
                at.field("owner"),
                &what,
                T::VtResource,
            );
            c.optional_reference(&tasks, action.task, at.field("task"), &what, T::VtTask);
            c.optional_reference(&risks, action.risk, at.field("risk"), &what, T::VtRisk);
        }
    }
    c.issues
}

fn check_calendars(c: &mut Checker, p: &Project, calendars: &IdSet) {
    let lang = c.lang;
    let base_of: HashMap<u32, Option<u32>> = p
        .calendars
        .iter()
        .map(|cal| (cal.id.0, cal.base.map(|b| b.0)))
        .collect();
    for (i, cal) in p.calendars.iter().enumerate() {
        let at = ItemPath::item("calendars", i);
        let what = T::VwCalendar.fill(lang, &[("name", &cal.name)]);
        c.optional_reference(calendars, cal.base, at.field("base"), &what, T::VtCalendar);
        // Follow the chain of bases: reaching this calendar again is a cycle.
        let mut seen = HashSet::from([cal.id.0]);
        let mut next = cal.base.map(|b| b.0);
        while let Some(id) = next {
            if !seen.insert(id) {
                if id == cal.id.0 {
                    c.push(
                        IssueKind::Cycle,
                        at.field("base"),
                        T::VDerivedFromItself.fill(lang, &[("what", &what)]),
                    );
                }
                break;
            }
            next = base_of.get(&id).copied().flatten();
        }
        if cal.base.is_none() {
            let inherits = [
                &cal.week.monday,
                &cal.week.tuesday,
                &cal.week.wednesday,
                &cal.week.thursday,
                &cal.week.friday,
                &cal.week.saturday,
                &cal.week.sunday,
            ]
            .iter()
            .any(|d| **d == DayRule::Inherit);
            c.range(!inherits, at.field("week"), || {
                T::VInheritWithoutBase.fill(lang, &[("what", &what)])
            });
        }
        for (k, ex) in cal.exceptions.iter().enumerate() {
            c.range(ex.to >= ex.from, at.field("exceptions").index(k), || {
                T::VExceptionOrder.fill(lang, &[("what", &what), ("name", &ex.name)])
            });
        }
    }
}

fn check_tasks(c: &mut Checker, p: &Project, calendars: &IdSet) {
    let lang = c.lang;
    let mut previous_level = 0u8;
    for (i, t) in p.tasks.iter().enumerate() {
        let at = ItemPath::item("tasks", i);
        let what = T::VwTask.fill(lang, &[("id", &t.id.to_string()), ("name", &t.name)]);
        if t.outline_level == 0 || t.outline_level > previous_level.saturating_add(1) {
            c.push(
                IssueKind::Outline,
                at.field("outline_level"),
                T::VOutline.fill(
                    lang,
                    &[
                        ("what", &what),
                        ("level", &t.outline_level.to_string()),
                        ("previous", &previous_level.to_string()),
                    ],
                ),
            );
        }
        previous_level = t.outline_level;
        c.optional_reference(
            calendars,
            t.calendar,
            at.field("calendar"),
            &what,
            T::VtCalendar,
        );
        c.range(
            t.percent_complete <= 100,
            at.field("percent_complete"),
            || {
                T::VPercent.fill(
                    lang,
                    &[("what", &what), ("value", &t.percent_complete.to_string())],
                )
            },
        );
        c.range(t.priority <= 1000, at.field("priority"), || {
            T::VPriority.fill(lang, &[("what", &what), ("value", &t.priority.to_string())])
        });
        c.range(t.duration.amount >= 0.0, at.field("duration"), || {
            T::VNegativeDuration.fill(lang, &[("what", &what)])
        });
        c.range(t.finish >= t.start, at.field("finish"), || {
            T::VFinishesBeforeStart.fill(lang, &[("what", &what)])
        });
    }
}

fn check_links(c: &mut Checker, p: &Project, tasks: &IdSet) {
    let lang = c.lang;
    let positions = outline::positions(&p.tasks);
    let mut seen = HashSet::new();
    let mut successors: HashMap<TaskId, Vec<TaskId>> = HashMap::new();
    for (i, link) in p.links.iter().enumerate() {
        let at = ItemPath::item("links", i);
        let what = T::VwLink.fill(
            lang,
            &[
                ("from", &link.predecessor.to_string()),
                ("to", &link.successor.to_string()),
            ],
        );
        c.reference(
            tasks,
            link.predecessor,
            at.field("predecessor"),
            &what,
            T::VtTask,
        );
        c.reference(
            tasks,
            link.successor,
            at.field("successor"),
            &what,
            T::VtTask,
        );
        if link.predecessor == link.successor {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VSelfLink.fill(lang, &[("id", &link.predecessor.to_string())]),
            );
            continue;
        }
        if !seen.insert((link.predecessor, link.successor)) {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VDuplicateLink.fill(lang, &[("what", &what)]),
            );
        }
        if let (Some(&a), Some(&b)) = (
            positions.get(&link.predecessor),
            positions.get(&link.successor),
        ) && (outline::is_ancestor(&p.tasks, a, b) || outline::is_ancestor(&p.tasks, b, a))
        {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VSummaryLink.fill(lang, &[("what", &what)]),
            );
        }
        let lag_amount = match link.lag {
            Lag::None => 0.0,
            Lag::Time(d) => d.amount,
            Lag::PercentOfPredecessor(pct) => pct,
        };
        c.range(lag_amount.is_finite(), at.field("lag"), || {
            T::VLagNaN.fill(lang, &[("what", &what)])
        });
        successors
            .entry(link.predecessor)
            .or_default()
            .push(link.successor);
    }
    for cycle in find_cycles(
        &p.tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
        &successors,
    ) {
        let names: Vec<String> = cycle
            .iter()
            .map(|id| {
                positions.get(id).map_or_else(
                    || id.to_string(),
                    |&i| format!("{} \"{}\"", id, p.tasks[i].name),
                )
            })
            .collect();
        let first = cycle.first().copied();
        let index = p
            .links
            .iter()
            .position(|l| Some(l.predecessor) == first && cycle.contains(&l.successor))
            .unwrap_or(0);
        c.push(
            IssueKind::Cycle,
            ItemPath::item("links", index),
            T::VDependencyCycle.fill(lang, &[("tasks", &names.join(" → "))]),
        );
    }
}

/// The cycles of a directed graph, one per strongly connected component with more than one
/// node, each listed in link order (Tarjan's algorithm, iterative so deep plans cannot overflow
/// the stack).
pub fn find_cycles(
    nodes: &[TaskId],
    successors: &HashMap<TaskId, Vec<TaskId>>,
) -> Vec<Vec<TaskId>> {
    let empty = Vec::new();
    let mut index_of: HashMap<TaskId, usize> = HashMap::new();
    let mut low: HashMap<TaskId, usize> = HashMap::new();
    let mut on_stack: HashSet<TaskId> = HashSet::new();
    let mut stack: Vec<TaskId> = Vec::new();
    let mut components = Vec::new();
    let mut counter = 0usize;
    for &root in nodes {
        if index_of.contains_key(&root) {
            continue;
        }
        let mut work: Vec<(TaskId, usize)> = vec![(root, 0)];
        while let Some((node, child)) = work.pop() {
            if child == 0 {
                index_of.insert(node, counter);
                low.insert(node, counter);
                counter += 1;
                stack.push(node);
                on_stack.insert(node);
            }
            let succ = successors.get(&node).unwrap_or(&empty);
            if let Some(&next) = succ.get(child) {
                work.push((node, child + 1));
                if !index_of.contains_key(&next) {
                    work.push((next, 0));
                } else if on_stack.contains(&next) {
                    let l = low[&node].min(index_of[&next]);
                    low.insert(node, l);
                }
                continue;
            }
            if low[&node] == index_of[&node] {
                let mut component = Vec::new();
                while let Some(top) = stack.pop() {
                    on_stack.remove(&top);
                    component.push(top);
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.reverse();
                    components.push(order_cycle(&component, successors));
                }
            }
            if let Some(&(parent, _)) = work.last() {
                let l = low[&parent].min(low[&node]);
                low.insert(parent, l);
            }
        }
    }
    components
}

/// Walks a strongly connected component along its links from its first node so that the
/// names read as the cycle itself ("A → B → C").
fn order_cycle(component: &[TaskId], successors: &HashMap<TaskId, Vec<TaskId>>) -> Vec<TaskId> {
    let members: HashSet<TaskId> = component.iter().copied().collect();
    let mut ordered = vec![component[0]];
    let mut visited = HashSet::from([component[0]]);
    while let Some(&last) = ordered.last() {
        let next = successors.get(&last).and_then(|s| {
            s.iter()
                .find(|n| members.contains(n) && !visited.contains(n))
        });
        match next {
            Some(&n) => {
                visited.insert(n);
                ordered.push(n);
            }
            None => break,
        }
    }
    ordered
}

fn check_requirements(
    c: &mut Checker,
    p: &Project,
    requirements: &IdSet,
    tasks: &IdSet,
    deliverables: &IdSet,
) {
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
            requirements,
            r.parent,
            at.field("parent"),
            &what,
            T::VtRequirement,
        );
        for (k, t) in r.tasks.iter().enumerate() {
            c.reference(tasks, *t, at.field("tasks").index(k), &what, T::VtTask);
        }
        for (k, d) in r.deliverables.iter().enumerate() {
            let path = at.field("deliverables").index(k);
            c.reference(deliverables, *d, path, &what, T::VtDeliverable);
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
