//! The document's collections (requirements, deliverables, tests, anomalies, risks, meetings,
//! budget) as one kind of thing: an [`Item`] with a typed id, kept in a list of the project.
//! Adding, duplicating, replacing and deleting go through here, and [`delete`] is the one place
//! that says what deleting an item also changes elsewhere (its cascade). Tasks and resources
//! have their own operations ([`super::task_ops`], [`super::resource_ops`]) because they carry
//! links, assignments and an outline.

use chrono::NaiveDate;

use super::edit::{Collection, Edit};
use crate::model::{
    Anomaly, AnomalyStatus, BudgetLine, Campaign, CostEstimate, CostItem, Deliverable,
    DeliverableStatus, LoadTest, Meeting, Project, Requirement, Risk, TaskEstimate, TestCase,
    TestRun, next_id,
};

/// An item of one of the project's collections.
pub trait Item: Clone + Sized + 'static {
    type Id: Copy + Eq + Into<u32>;
    /// The id for a raw number (ids are plain numbers in the file).
    fn make_id(raw: u32) -> Self::Id;
    fn id(&self) -> Self::Id;
    /// The collection in the project.
    fn list(project: &Project) -> &[Self];
    /// The whole collection as an edit replaces it.
    fn collection(items: Vec<Self>) -> Collection;
    /// Code or name, as a confirmation names the item.
    fn label(&self) -> String;
    /// A copy under a new id, as the user expects a duplicate (a fresh code, no sign-off).
    #[must_use]
    fn duplicate(&self, id: Self::Id, today: NaiveDate) -> Self;
    /// What else deleting the item with `id` changes, beyond removing it; `remaining` is the
    /// collection without it, for items that point at others of their kind.
    fn cascade(_project: &Project, _id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        Cascade::default()
    }
}

/// What a deletion changes beyond the item: the edits to other collections and, when it
/// removes or detaches something the user may not expect, what (so the view asks first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cascade {
    pub edits: Vec<Edit>,
    pub impact: Option<Impact>,
}

/// What a deletion would take with it, counted for the confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impact {
    /// A test case's runs are deleted and it leaves its campaigns.
    CaseRuns { runs: usize, campaigns: usize },
    /// A campaign's runs and load-test measurements are deleted.
    CampaignRuns(usize),
    /// Test cases stop covering a requirement.
    Coverage(usize),
    /// Other items stop pointing at the item.
    References(usize),
}

/// A deletion ready to apply or to confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct Deletion {
    pub edit: Edit,
    /// The deleted item's code or name.
    pub label: String,
    /// `Some` when the user should be asked first.
    pub impact: Option<Impact>,
}

/// The next free id of the collection.
pub fn next<I: Item>(project: &Project) -> I::Id {
    I::make_id(next_id(I::list(project), |i: &I| i.id()))
}

fn position<I: Item>(project: &Project, id: I::Id) -> Option<usize> {
    I::list(project).iter().position(|i| i.id() == id)
}

fn set<I: Item>(items: Vec<I>) -> Edit {
    Edit::SetCollection(Box::new(I::collection(items)))
}

/// Inserts `item` after the item `after` (at the end without one).
pub fn insert<I: Item>(project: &Project, after: Option<I::Id>, item: I) -> Edit {
    let mut list = I::list(project).to_vec();
    let at = after
        .and_then(|id| position::<I>(project, id))
        .map_or(list.len(), |i| i + 1);
    list.insert(at, item);
    set(list)
}

/// A duplicate of `id` placed after it, with its new id. A copy that is a new occurrence
/// (a meeting, an anomaly report) is dated at the status date, else at `today`.
pub fn duplicate<I: Item>(project: &Project, id: I::Id, today: NaiveDate) -> Option<(Edit, I::Id)> {
    let i = position::<I>(project, id)?;
    let new_id = next::<I>(project);
    let day = project.meta.status_date.unwrap_or(today);
    let copy = I::list(project)[i].duplicate(new_id, day);
    Some((insert(project, Some(id), copy), new_id))
}

/// Replaces the item with the same id.
pub fn replace<I: Item>(project: &Project, item: I) -> Option<Edit> {
    let i = position::<I>(project, item.id())?;
    let mut list = I::list(project).to_vec();
    list[i] = item;
    Some(set(list))
}

/// Deleting `id` with its cascade, as one undo step.
pub fn delete<I: Item>(project: &Project, id: I::Id) -> Option<Deletion> {
    let i = position::<I>(project, id)?;
    let mut list = I::list(project).to_vec();
    let removed = list.remove(i);
    let cascade = I::cascade(project, id, &mut list);
    let edit = if cascade.edits.is_empty() {
        set(list)
    } else {
        let mut edits = vec![set(list)];
        edits.extend(cascade.edits);
        Edit::Batch(edits)
    };
    Some(Deletion {
        edit,
        label: removed.label(),
        impact: cascade.impact,
    })
}

/// Counts what `change` did to each item of `items`, keeping the changed copy.
fn detach<T: Clone>(items: &[T], mut change: impl FnMut(&mut T) -> usize) -> (Vec<T>, usize) {
    let mut list = items.to_vec();
    let hits = list.iter_mut().map(&mut change).sum();
    (list, hits)
}

macro_rules! collection_item {
    ($item:ty, $id:ident, $field:ident, $variant:ident) => {
        fn make_id(raw: u32) -> Self::Id {
            crate::model::$id(raw)
        }
        fn id(&self) -> Self::Id {
            self.id
        }
        fn list(project: &Project) -> &[Self] {
            &project.$field
        }
        fn collection(items: Vec<Self>) -> Collection {
            Collection::$variant(items)
        }
    };
}

impl Item for Requirement {
    type Id = crate::model::RequirementId;
    collection_item!(Requirement, RequirementId, requirements, Requirements);
    fn label(&self) -> String {
        self.code.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            code: format!("{}-copy", self.code),
            ..self.clone()
        }
    }
    /// Sub-requirements lose their parent; test cases stop covering it (asked first).
    fn cascade(project: &Project, id: Self::Id, remaining: &mut [Self]) -> Cascade {
        for r in remaining.iter_mut() {
            if r.parent == Some(id) {
                r.parent = None;
            }
        }
        let (cases, hits) = detach(&project.test_cases, |c| {
            let before = c.requirements.len();
            c.requirements.retain(|x| *x != id);
            before - c.requirements.len()
        });
        Cascade {
            edits: vec![set(cases)],
            impact: (hits > 0).then_some(Impact::Coverage(hits)),
        }
    }
}

impl Item for Deliverable {
    type Id = crate::model::DeliverableId;
    collection_item!(Deliverable, DeliverableId, deliverables, Deliverables);
    fn label(&self) -> String {
        self.code.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            code: format!("D{:02}", id.0),
            validations: Vec::new(),
            acceptance: None,
            status: DeliverableStatus::Planned,
            ..self.clone()
        }
    }
    /// Requirements and campaigns stop pointing at it (asked first).
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let (requirements, by_requirements) = detach(&project.requirements, |r| {
            let before = r.deliverables.len();
            r.deliverables.retain(|d| *d != id);
            before - r.deliverables.len()
        });
        let (campaigns, by_campaigns) = detach(&project.campaigns, |c| {
            usize::from(c.deliverable == Some(id) && c.deliverable.take().is_some())
        });
        let hits = by_requirements + by_campaigns;
        Cascade {
            edits: vec![set(requirements), set(campaigns)],
            impact: (hits > 0).then_some(Impact::References(hits)),
        }
    }
}

impl Item for TestCase {
    type Id = crate::model::TestCaseId;
    collection_item!(TestCase, TestCaseId, test_cases, TestCases);
    fn label(&self) -> String {
        self.code.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            code: format!("TC-{:03}", id.0),
            ..self.clone()
        }
    }
    /// Its runs are deleted, it leaves its campaigns, and anomalies found in those runs no
    /// longer point at a run (asked first when it has runs or campaigns).
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let gone: Vec<_> = project
            .test_runs
            .iter()
            .filter(|r| r.case == id)
            .map(|r| r.id)
            .collect();
        let runs: Vec<TestRun> = project
            .test_runs
            .iter()
            .filter(|r| r.case != id)
            .cloned()
            .collect();
        let (campaigns, in_campaigns) = detach(&project.campaigns, |c| {
            let before = c.cases.len();
            c.cases.retain(|x| *x != id);
            before - c.cases.len()
        });
        let (anomalies, _) = detach(&project.anomalies, |a| {
            usize::from(
                a.found_in.is_some_and(|r| gone.contains(&r)) && a.found_in.take().is_some(),
            )
        });
        let impact = (!gone.is_empty() || in_campaigns > 0).then_some(Impact::CaseRuns {
            runs: gone.len(),
            campaigns: in_campaigns,
        });
        Cascade {
            edits: vec![set(runs), set(campaigns), set(anomalies)],
            impact,
        }
    }
}

impl Item for Campaign {
    type Id = crate::model::CampaignId;
    collection_item!(Campaign, CampaignId, campaigns, Campaigns);
    fn label(&self) -> String {
        self.name.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            name: format!("{} (2)", self.name),
            ..self.clone()
        }
    }
    /// Its runs and load-test measurements are deleted (asked first).
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let runs: Vec<TestRun> = project
            .test_runs
            .iter()
            .filter(|r| r.campaign != id)
            .cloned()
            .collect();
        let loads: Vec<LoadTest> = project
            .load_tests
            .iter()
            .filter(|r| r.campaign != id)
            .cloned()
            .collect();
        let lost = project.test_runs.len() - runs.len() + project.load_tests.len() - loads.len();
        Cascade {
            edits: vec![set(runs), set(loads)],
            impact: (lost > 0).then_some(Impact::CampaignRuns(lost)),
        }
    }
}

impl Item for TestRun {
    type Id = crate::model::TestRunId;
    collection_item!(TestRun, TestRunId, test_runs, TestRuns);
    fn label(&self) -> String {
        format!("#{}", self.id.0)
    }
    /// A run again: the anomaly belongs to the first run.
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            anomaly: None,
            ..self.clone()
        }
    }
    /// Anomalies found in the run no longer point at it.
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let (anomalies, _) = detach(&project.anomalies, |a| {
            usize::from(a.found_in == Some(id) && a.found_in.take().is_some())
        });
        Cascade {
            edits: vec![set(anomalies)],
            impact: None,
        }
    }
}

impl Item for LoadTest {
    type Id = crate::model::LoadTestId;
    collection_item!(LoadTest, LoadTestId, load_tests, LoadTests);
    fn label(&self) -> String {
        self.scenario.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self { id, ..self.clone() }
    }
}

impl Item for Anomaly {
    type Id = crate::model::AnomalyId;
    collection_item!(Anomaly, AnomalyId, anomalies, Anomalies);
    fn label(&self) -> String {
        self.code.clone()
    }
    /// A duplicate is a new report: status new, reported today, not closed.
    fn duplicate(&self, id: Self::Id, today: NaiveDate) -> Self {
        Self {
            id,
            code: format!("ANO-{:03}", id.0),
            status: AnomalyStatus::New,
            reported_on: today,
            closed_on: None,
            ..self.clone()
        }
    }
    /// Test runs no longer point at it.
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let (runs, _) = detach(&project.test_runs, |r| {
            usize::from(r.anomaly == Some(id) && r.anomaly.take().is_some())
        });
        Cascade {
            edits: vec![set(runs)],
            impact: None,
        }
    }
}

impl Item for Risk {
    type Id = crate::model::RiskId;
    collection_item!(Risk, RiskId, risks, Risks);
    fn label(&self) -> String {
        self.code.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self {
            id,
            code: format!("RSK-{:02}", id.0),
            ..self.clone()
        }
    }
}

impl Item for Meeting {
    type Id = crate::model::MeetingId;
    collection_item!(Meeting, MeetingId, meetings, Meetings);
    fn label(&self) -> String {
        self.title.clone()
    }
    /// The next occurrence of a recurring meeting: same people and agenda, new minutes, at
    /// 10:00 on the day.
    fn duplicate(&self, id: Self::Id, today: NaiveDate) -> Self {
        Self {
            id,
            date: today.and_time(chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default()),
            minutes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            ..self.clone()
        }
    }
}

impl Item for CostItem {
    type Id = crate::model::CostItemId;
    collection_item!(CostItem, CostItemId, cost_items, CostItems);
    fn label(&self) -> String {
        self.label.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self { id, ..self.clone() }
    }
    /// Its three-point estimate goes with it.
    fn cascade(project: &Project, id: Self::Id, _remaining: &mut [Self]) -> Cascade {
        let kept: Vec<CostEstimate> = project
            .cost_estimates
            .iter()
            .filter(|e| e.item != id)
            .cloned()
            .collect();
        if kept.len() == project.cost_estimates.len() {
            return Cascade::default();
        }
        Cascade {
            edits: vec![set(kept)],
            impact: None,
        }
    }
}

impl Item for BudgetLine {
    type Id = crate::model::BudgetLineId;
    collection_item!(BudgetLine, BudgetLineId, budget_lines, BudgetLines);
    fn label(&self) -> String {
        self.label.clone()
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self { id, ..self.clone() }
    }
}

impl Item for TaskEstimate {
    type Id = crate::model::EstimateId;
    collection_item!(TaskEstimate, EstimateId, task_estimates, TaskEstimates);
    fn label(&self) -> String {
        format!("estimate {}", self.id)
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self { id, ..self.clone() }
    }
}

impl Item for CostEstimate {
    type Id = crate::model::CostEstimateId;
    collection_item!(CostEstimate, CostEstimateId, cost_estimates, CostEstimates);
    fn label(&self) -> String {
        format!("estimate {}", self.id)
    }
    fn duplicate(&self, id: Self::Id, _today: NaiveDate) -> Self {
        Self { id, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_a_requirement_detaches_its_children_and_its_coverage_in_one_step() {
        let mut project =
            crate::io::document::parse(crate::SAMPLE_RON, crate::SAMPLE_NAME).expect("sample");
        let covered = project
            .requirements
            .iter()
            .find(|r| {
                project
                    .test_cases
                    .iter()
                    .any(|c| c.requirements.contains(&r.id))
            })
            .expect("a covered requirement")
            .id;
        let child = project
            .requirements
            .iter()
            .position(|r| r.id != covered)
            .expect("another requirement");
        project.requirements[child].parent = Some(covered);
        let deletion = delete::<Requirement>(&project, covered).expect("exists");
        assert!(matches!(deletion.impact, Some(Impact::Coverage(n)) if n > 0));
        let mut history = crate::doc::History::default();
        history
            .apply(&mut project, deletion.edit, None)
            .expect("applies");
        assert!(project.requirements.iter().all(|r| r.id != covered));
        assert!(
            project
                .requirements
                .iter()
                .all(|r| r.parent != Some(covered))
        );
        assert!(
            project
                .test_cases
                .iter()
                .all(|c| !c.requirements.contains(&covered))
        );
        assert!(history.undo(&mut project), "one undo step");
        assert!(project.requirements.iter().any(|r| r.id == covered));
    }
}
