//! The columns of each exported table, with their headers in both languages (the import
//! recognises the same headers), and the cells of each row.

use std::collections::HashMap;

use super::{Cell, Sheet, Table};
use crate::i18n::choices::Choice;
use crate::i18n::{Lang, T};
use crate::io::{entry, resource_entry};
use crate::model::{Constraint, Link, Project, RatePer, ResourceId, ResourceKind, TaskId, outline};
use crate::schedule::cpm::Schedule;

/// A column's header: English, French.
pub type Header = (&'static str, &'static str);

pub const TASK_HEADERS: [Header; 17] = [
    ("ID", "N°"),
    ("WBS", "WBS"),
    ("Name", "Nom"),
    ("Outline Level", "Niveau hiérarchique"),
    ("Duration", "Durée"),
    ("Start", "Début"),
    ("Finish", "Fin"),
    ("Predecessors", "Prédécesseurs"),
    ("Resource Names", "Noms ressources"),
    ("% Complete", "% achevé"),
    ("Milestone", "Jalon"),
    ("Constraint Type", "Type de contrainte"),
    ("Constraint Date", "Date de contrainte"),
    ("Deadline", "Échéance"),
    ("Total Slack (days)", "Marge totale (jours)"),
    ("Critical", "Critique"),
    ("Notes", "Notes"),
];

pub const RESOURCE_HEADERS: [Header; 13] = [
    ("ID", "N°"),
    ("Name", "Nom"),
    ("Initials", "Initiales"),
    ("Type", "Type"),
    ("Group", "Groupe"),
    ("Role", "Rôle"),
    ("Email", "Adresse de messagerie"),
    ("Max Units (%)", "Capacité max. (%)"),
    ("Standard Rate", "Taux standard"),
    ("Rate Per", "Taux par"),
    ("Cost Per Use", "Coût par utilisation"),
    ("Provider", "Prestataire"),
    ("Notes", "Notes"),
];

pub const REQUIREMENT_HEADERS: [Header; 8] = [
    ("Code", "Code"),
    ("Title", "Titre"),
    ("Kind", "Nature"),
    ("Priority", "Priorité"),
    ("Status", "Statut"),
    ("Source", "Source"),
    ("Description", "Description"),
    ("Acceptance Criteria", "Critères d'acceptation"),
];

pub const TEST_HEADERS: [Header; 6] = [
    ("Code", "Code"),
    ("Title", "Titre"),
    ("Kind", "Type"),
    ("Requirements", "Exigences"),
    ("Steps", "Étapes"),
    ("Expected Result", "Résultat attendu"),
];

const ASSIGNMENT_HEADERS: [Header; 9] = [
    ("Task ID", "N° tâche"),
    ("Task Name", "Nom de la tâche"),
    ("Resource Name", "Nom de la ressource"),
    ("Units (%)", "Unités (%)"),
    ("Work (hours)", "Travail (heures)"),
    ("Actual Work (hours)", "Travail réel (heures)"),
    ("Remaining Work (hours)", "Travail restant (heures)"),
    ("Start", "Début"),
    ("Finish", "Fin"),
];

const DELIVERABLE_HEADERS: [Header; 8] = [
    ("Code", "Code"),
    ("Name", "Nom"),
    ("Kind", "Nature"),
    ("Version", "Version"),
    ("Status", "Statut"),
    ("Due With Task", "Dû avec la tâche"),
    ("Owner", "Responsable"),
    ("Description", "Description"),
];

const RUN_HEADERS: [Header; 7] = [
    ("Campaign", "Campagne"),
    ("Test Case", "Cas de test"),
    ("Result", "Résultat"),
    ("Date", "Date"),
    ("Tester", "Testeur"),
    ("Anomaly", "Anomalie"),
    ("Comment", "Commentaire"),
];

const ANOMALY_HEADERS: [Header; 10] = [
    ("Code", "Code"),
    ("Title", "Titre"),
    ("Severity", "Gravité"),
    ("Priority", "Priorité"),
    ("Status", "Statut"),
    ("Reported On", "Signalée le"),
    ("Closed On", "Close le"),
    ("Assignee", "Responsable"),
    ("Correction Task", "Tâche de correction"),
    ("Description", "Description"),
];

const RISK_HEADERS: [Header; 11] = [
    ("Code", "Code"),
    ("Title", "Titre"),
    ("Category", "Catégorie"),
    ("Probability (1-5)", "Probabilité (1-5)"),
    ("Impact (1-5)", "Impact (1-5)"),
    ("Exposure", "Criticité"),
    ("Status", "Statut"),
    ("Owner", "Responsable"),
    ("Identified On", "Identifié le"),
    ("Mitigation", "Mitigation"),
    ("Contingency", "Plan de secours"),
];

const ACTION_HEADERS: [Header; 6] = [
    ("Meeting", "Réunion"),
    ("Meeting Date", "Date de la réunion"),
    ("Action", "Action"),
    ("Owner", "Responsable"),
    ("Due", "Échéance"),
    ("Status", "Statut"),
];

fn headers(list: &[Header], lang: Lang) -> Vec<String> {
    list.iter()
        .map(|(en, fr)| match lang {
            Lang::En => (*en).to_owned(),
            Lang::Fr => (*fr).to_owned(),
        })
        .collect()
}

/// A constraint's label (MS Project's words), and its date.
pub fn constraint_label(constraint: Constraint) -> (T, Option<chrono::NaiveDateTime>) {
    match constraint {
        Constraint::Asap => (T::ConstraintAsap, None),
        Constraint::Alap => (T::ConstraintAlap, None),
        Constraint::StartNoEarlierThan(d) => (T::ConstraintSnet, Some(d)),
        Constraint::StartNoLaterThan(d) => (T::ConstraintSnlt, Some(d)),
        Constraint::FinishNoEarlierThan(d) => (T::ConstraintFnet, Some(d)),
        Constraint::FinishNoLaterThan(d) => (T::ConstraintFnlt, Some(d)),
        Constraint::MustStartOn(d) => (T::ConstraintMso, Some(d)),
        Constraint::MustFinishOn(d) => (T::ConstraintMfo, Some(d)),
    }
}

/// The word for a rate's unit.
pub fn rate_per_label(per: RatePer) -> T {
    per.label()
}

struct Names<'p> {
    resources: HashMap<ResourceId, &'p str>,
    wbs: HashMap<TaskId, String>,
}

impl<'p> Names<'p> {
    fn new(project: &'p Project) -> Self {
        let codes = outline::wbs_codes(&project.tasks);
        Self {
            resources: project
                .resources
                .iter()
                .map(|r| (r.id, r.name.as_str()))
                .collect(),
            wbs: project
                .tasks
                .iter()
                .zip(codes)
                .map(|(t, code)| (t.id, code))
                .collect(),
        }
    }

    fn resource(&self, id: Option<ResourceId>) -> Cell {
        Cell::Text(
            id.and_then(|id| self.resources.get(&id))
                .map(|s| (*s).to_owned())
                .unwrap_or_default(),
        )
    }

    fn task(&self, id: Option<TaskId>) -> Cell {
        Cell::Text(
            id.and_then(|id| self.wbs.get(&id))
                .cloned()
                .unwrap_or_default(),
        )
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one arm per table, each the cells of a row in its columns' order"
)]
pub(super) fn sheet(
    project: &Project,
    schedule: Option<&Schedule>,
    table: Table,
    lang: Lang,
) -> Sheet {
    let names = Names::new(project);
    let label = |t: T| Cell::Text(t.get(lang).to_owned());
    let (list, rows): (&[Header], Vec<Vec<Cell>>) = match table {
        Table::Tasks => (&TASK_HEADERS, task_rows(project, schedule, lang)),
        Table::Resources => (&RESOURCE_HEADERS, resource_rows(project, lang)),
        Table::Assignments => (&ASSIGNMENT_HEADERS, assignment_rows(project, schedule)),
        Table::Requirements => (
            &REQUIREMENT_HEADERS,
            project
                .requirements
                .iter()
                .map(|r| {
                    vec![
                        r.code.as_str().into(),
                        r.title.as_str().into(),
                        label(r.kind.label()),
                        label(r.priority.label()),
                        label(r.status.label()),
                        r.source.as_str().into(),
                        r.description.as_str().into(),
                        r.acceptance_criteria.as_str().into(),
                    ]
                })
                .collect(),
        ),
        Table::Deliverables => (
            &DELIVERABLE_HEADERS,
            project
                .deliverables
                .iter()
                .map(|d| {
                    vec![
                        d.code.as_str().into(),
                        d.name.as_str().into(),
                        label(d.kind.label()),
                        d.version.as_str().into(),
                        label(d.status.label()),
                        names.task(d.due_with),
                        names.resource(d.owner),
                        d.description.as_str().into(),
                    ]
                })
                .collect(),
        ),
        Table::Tests => (&TEST_HEADERS, test_rows(project, lang)),
        Table::Runs => (&RUN_HEADERS, run_rows(project, &names, lang)),
        Table::Anomalies => (
            &ANOMALY_HEADERS,
            project
                .anomalies
                .iter()
                .map(|a| {
                    vec![
                        a.code.as_str().into(),
                        a.title.as_str().into(),
                        label(a.severity.label()),
                        label(a.priority.label()),
                        label(a.status.label()),
                        Cell::Date(Some(a.reported_on)),
                        Cell::Date(a.closed_on),
                        names.resource(a.assignee),
                        names.task(a.correction_task),
                        a.description.as_str().into(),
                    ]
                })
                .collect(),
        ),
        Table::Risks => (
            &RISK_HEADERS,
            project
                .risks
                .iter()
                .map(|r| {
                    vec![
                        r.code.as_str().into(),
                        r.title.as_str().into(),
                        label(r.category.label()),
                        Cell::Number(f64::from(r.probability)),
                        Cell::Number(f64::from(r.impact)),
                        Cell::Number(f64::from(r.probability) * f64::from(r.impact)),
                        label(r.status.label()),
                        names.resource(r.owner),
                        Cell::Date(Some(r.identified_on)),
                        r.mitigation.as_str().into(),
                        r.contingency.as_str().into(),
                    ]
                })
                .collect(),
        ),
        Table::Actions => (
            &ACTION_HEADERS,
            project
                .meetings
                .iter()
                .flat_map(|m| {
                    let names = &names;
                    m.actions.iter().map(move |a| {
                        vec![
                            m.title.as_str().into(),
                            Cell::DateTime(m.date),
                            a.text.as_str().into(),
                            names.resource(a.owner),
                            Cell::Date(a.due),
                            label(a.status.label()),
                        ]
                    })
                })
                .collect(),
        ),
    };
    Sheet {
        headers: headers(list, lang),
        rows,
    }
}

fn task_rows(project: &Project, schedule: Option<&Schedule>, lang: Lang) -> Vec<Vec<Cell>> {
    let rows = outline::positions(&project.tasks);
    let codes = outline::wbs_codes(&project.tasks);
    let mut into: HashMap<TaskId, Vec<&Link>> = HashMap::new();
    for link in &project.links {
        into.entry(link.successor).or_default().push(link);
    }
    let day = f64::from(project.settings.minutes_per_day.max(1));
    project
        .tasks
        .iter()
        .enumerate()
        .map(|(row, task)| {
            let dates = schedule.and_then(|s| s.tasks.get(row));
            let (start, finish) = dates.map_or((task.start, task.finish), |d| (d.start, d.finish));
            let links = into.get(&task.id).map(Vec::as_slice).unwrap_or_default();
            let (constraint, constraint_date) = constraint_label(task.constraint);
            vec![
                Cell::Number((row + 1) as f64),
                codes[row].clone().into(),
                task.name.as_str().into(),
                Cell::Number(f64::from(task.outline_level)),
                entry::format_duration(task.duration, lang).into(),
                Cell::DateTime(start),
                Cell::DateTime(finish),
                entry::format_predecessors(links, &rows, lang).into(),
                resource_entry::format_resources(project, &project.assignments, task.id).into(),
                Cell::Number(f64::from(task.percent_complete)),
                Cell::Yes(task.milestone),
                constraint.get(lang).into(),
                constraint_date.map_or(Cell::Text(String::new()), Cell::DateTime),
                Cell::Date(task.deadline),
                dates.map_or(Cell::Text(String::new()), |d| {
                    Cell::Number((d.total_slack_minutes as f64 / day * 100.0).round() / 100.0)
                }),
                Cell::Yes(dates.is_some_and(|d| d.critical)),
                task.notes.as_str().into(),
            ]
        })
        .collect()
}

fn resource_rows(project: &Project, lang: Lang) -> Vec<Vec<Cell>> {
    project
        .resources
        .iter()
        .enumerate()
        .map(|(row, r)| {
            let provider = match &r.origin {
                crate::model::Origin::Internal => String::new(),
                crate::model::Origin::External { provider, .. } => provider.clone(),
            };
            vec![
                Cell::Number((row + 1) as f64),
                r.name.as_str().into(),
                r.initials.as_str().into(),
                r.kind.label().get(lang).into(),
                r.team.as_str().into(),
                r.role.as_str().into(),
                r.email.as_str().into(),
                Cell::Number(if r.kind == ResourceKind::Person {
                    (r.max_units * 100.0).round()
                } else {
                    r.max_units
                }),
                Cell::Number(r.standard_rate.amount),
                rate_per_label(r.standard_rate.per).get(lang).into(),
                Cell::Number(r.cost_per_use),
                provider.into(),
                r.notes.as_str().into(),
            ]
        })
        .collect()
}

fn assignment_rows(project: &Project, schedule: Option<&Schedule>) -> Vec<Vec<Cell>> {
    let rows = outline::positions(&project.tasks);
    project
        .assignments
        .iter()
        .filter_map(|a| {
            let &row = rows.get(&a.task)?;
            let task = &project.tasks[row];
            let resource = project.resources.iter().find(|r| r.id == a.resource)?;
            let dates = schedule.and_then(|s| s.tasks.get(row));
            let (start, finish) = dates.map_or((task.start, task.finish), |d| (d.start, d.finish));
            let hours = |m: i64| Cell::Number((m as f64 / 60.0 * 100.0).round() / 100.0);
            Some(vec![
                Cell::Number((row + 1) as f64),
                task.name.as_str().into(),
                resource.name.as_str().into(),
                Cell::Number((a.units * 100.0).round()),
                hours(a.work_minutes),
                hours(a.actual_work_minutes),
                hours((a.work_minutes - a.actual_work_minutes).max(0)),
                Cell::DateTime(start),
                Cell::DateTime(finish),
            ])
        })
        .collect()
}

fn test_rows(project: &Project, lang: Lang) -> Vec<Vec<Cell>> {
    let codes: HashMap<_, &str> = project
        .requirements
        .iter()
        .map(|r| (r.id, r.code.as_str()))
        .collect();
    project
        .test_cases
        .iter()
        .map(|c| {
            let covers: Vec<&str> = c
                .requirements
                .iter()
                .filter_map(|id| codes.get(id).copied())
                .collect();
            vec![
                c.code.as_str().into(),
                c.title.as_str().into(),
                c.kind.label().get(lang).into(),
                covers.join(", ").into(),
                c.steps.join("\n").into(),
                c.expected.as_str().into(),
            ]
        })
        .collect()
}

fn run_rows(project: &Project, names: &Names<'_>, lang: Lang) -> Vec<Vec<Cell>> {
    let campaigns: HashMap<_, &str> = project
        .campaigns
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let cases: HashMap<_, &str> = project
        .test_cases
        .iter()
        .map(|c| (c.id, c.code.as_str()))
        .collect();
    let anomalies: HashMap<_, &str> = project
        .anomalies
        .iter()
        .map(|a| (a.id, a.code.as_str()))
        .collect();
    project
        .test_runs
        .iter()
        .map(|r| {
            vec![
                campaigns
                    .get(&r.campaign)
                    .copied()
                    .unwrap_or_default()
                    .into(),
                cases.get(&r.case).copied().unwrap_or_default().into(),
                r.result.label().get(lang).into(),
                Cell::Date(Some(r.date)),
                names.resource(r.tester),
                r.anomaly
                    .and_then(|a| anomalies.get(&a).copied())
                    .unwrap_or_default()
                    .into(),
                r.comment.as_str().into(),
            ]
        })
        .collect()
}
