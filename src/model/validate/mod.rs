//! Checks a document for what serde cannot: references to items that do not exist, ids used
//! twice, cycles, and values out of range. Every problem carries the path of the offending
//! value in the document so that `io` can point at its line and column in the file.

//!
//! This file holds the checker and the order of the checks; each area of the document has its
//! own file, so that a new collection's checks go beside those of its kind.

use std::collections::HashSet;
use std::fmt;

use super::project::Project;
use crate::i18n::{Lang, T};

mod calendars;
mod costs;
mod follow_up;
mod quality;
mod resources;
mod tasks;

pub use tasks::find_cycles;

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

/// The ids of the collections that others refer to. They are all collected first, with their
/// duplicates reported, so that each area below can check its references against any other.
struct Ids {
    calendars: IdSet,
    tasks: IdSet,
    resources: IdSet,
    requirements: IdSet,
    deliverables: IdSet,
    cases: IdSet,
    campaigns: IdSet,
    runs: IdSet,
    anomalies: IdSet,
    risks: IdSet,
    cost_items: IdSet,
}

impl Ids {
    /// Every collection's ids in the file's order, reporting duplicates, also in the
    /// collections nothing refers to.
    fn collect(c: &mut Checker, p: &Project) -> Self {
        let calendars = c.ids("calendars", &p.calendars, |x| x.id);
        let tasks = c.ids("tasks", &p.tasks, |x| x.id);
        let resources = c.ids("resources", &p.resources, |x| x.id);
        c.ids("assignments", &p.assignments, |x| x.id);
        let cost_items = c.ids("cost_items", &p.cost_items, |x| x.id);
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
        c.ids("task_estimates", &p.task_estimates, |x| x.id);
        c.ids("cost_estimates", &p.cost_estimates, |x| x.id);
        Self {
            calendars,
            tasks,
            resources,
            requirements,
            deliverables,
            cases,
            campaigns,
            runs,
            anomalies,
            risks,
            cost_items,
        }
    }
}

/// Like [`validate`], with messages in `lang`.
pub fn validate_in(project: &Project, lang: Lang) -> Vec<ValidationIssue> {
    let mut c = Checker {
        issues: Vec::new(),
        lang,
    };
    let p = project;
    let ids = Ids::collect(&mut c, p);
    // One area after another, in the file's order, which the located messages follow.
    check_settings(&mut c, p, &ids);
    calendars::check_calendars(&mut c, p, &ids);
    tasks::check_tasks(&mut c, p, &ids);
    tasks::check_links(&mut c, p, &ids);
    resources::check_resources(&mut c, p, &ids);
    resources::check_assignments(&mut c, p, &ids);
    costs::check_cost_items(&mut c, p, &ids);
    costs::check_budget_lines(&mut c, p, &ids);
    costs::check_baselines(&mut c, p, &ids);
    quality::check_requirements(&mut c, p, &ids);
    quality::check_deliverables(&mut c, p, &ids);
    quality::check_test_cases(&mut c, p, &ids);
    quality::check_campaigns(&mut c, p, &ids);
    quality::check_test_runs(&mut c, p, &ids);
    quality::check_load_tests(&mut c, p, &ids);
    quality::check_anomalies(&mut c, p, &ids);
    follow_up::check_risks(&mut c, p, &ids);
    follow_up::check_meetings(&mut c, p, &ids);
    follow_up::check_estimates(&mut c, p, &ids);
    c.issues
}

/// The project's settings: the calendar the plan is scheduled on.
fn check_settings(c: &mut Checker, p: &Project, ids: &Ids) {
    let settings = ItemPath(vec![PathSeg::Field("settings"), PathSeg::Field("calendar")]);
    let lang = c.lang;
    let project_what = T::VwProject.get(lang);
    c.reference(
        &ids.calendars,
        p.settings.calendar,
        settings,
        project_what,
        T::VtCalendar,
    );
    let start = ItemPath(vec![PathSeg::Field("meta"), PathSeg::Field("start")]);
    tasks::within_years(c, start, project_what, p.meta.start);
}
