//! The report's sections gathered from the plan: identity and status, the overall RAG with its
//! reason and the five tiles, milestones ahead and slipped, budget by phase and year with the
//! providers' share, tests and acceptance, the top risks, decisions expected and open actions.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::{Headings, Input, Report, Table, Tile};
use crate::i18n::{self, Lang, T};
use crate::model::{
    ActionStatus, AnomalyStatus, MeetingKind, Origin, Project, ResourceKind, RiskStatus, Severity,
    TestResult, outline,
};
use crate::schedule::cost::per_minute;
use crate::schedule::kpi::{BudgetRow, Headline, Rag};
use crate::schedule::risk::percentile_of;

fn t(lang: Lang, text: T) -> String {
    text.get(lang).to_owned()
}

fn rag_word(lang: Lang, rag: Rag) -> String {
    t(
        lang,
        match rag {
            Rag::Green => T::RagGreenWord,
            Rag::Amber => T::RagAmberWord,
            Rag::Red => T::RagRedWord,
            Rag::Unknown => T::RagUnknownWord,
        },
    )
}

fn worst(rags: &[Rag]) -> Rag {
    let rank = |r: &Rag| match r {
        Rag::Unknown => 0,
        Rag::Green => 1,
        Rag::Amber => 2,
        Rag::Red => 3,
    };
    rags.iter()
        .copied()
        .max_by_key(rank)
        .unwrap_or(Rag::Unknown)
}

fn index(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| i18n::format_index(lang, v))
}

fn tiles(h: &Headline, lang: Lang, currency: &str) -> Vec<Tile> {
    let money = |v: f64| i18n::format_money(lang, v, currency);
    let slip = h
        .finish_slip_days
        .map_or_else(String::new, |d| format!("{d:+} j"));
    let slip = if lang == Lang::En {
        slip.replace(" j", " d")
    } else {
        slip
    };
    vec![
        Tile {
            label: t(lang, T::ReportTileSchedule),
            rag: h.schedule,
            value: format!("SPI {}", index(lang, h.spi)),
            detail: slip,
        },
        Tile {
            label: t(lang, T::ReportTileCost),
            rag: h.cost,
            value: format!("CPI {}", index(lang, h.cpi)),
            detail: format!("EAC {} / BAC {}", money(h.eac), money(h.bac)),
        },
        Tile {
            label: t(lang, T::ReportTileScope),
            rag: h.scope,
            value: format!("{} / {}", h.requirements_covered, h.requirements),
            detail: String::new(),
        },
        Tile {
            label: t(lang, T::ReportTileQuality),
            rag: h.quality,
            value: h.open_blocking_anomalies.to_string(),
            detail: format!("/ {}", h.open_anomalies),
        },
        Tile {
            label: t(lang, T::ReportTileRisks),
            rag: h.risk,
            value: h.critical_risks.to_string(),
            detail: format!("/ {} · {}", h.open_risks, money(h.risk_cost_exposure)),
        },
    ]
}

/// The worst tiles named with their figures: why the status is what it is.
fn reason(tiles: &[Tile], lang: Lang) -> String {
    let worst = worst(&tiles.iter().map(|t| t.rag).collect::<Vec<_>>());
    if matches!(worst, Rag::Green | Rag::Unknown) {
        return t(lang, T::ReportReasonAllGreen);
    }
    tiles
        .iter()
        .filter(|tile| tile.rag == worst)
        .map(|tile| {
            format!(
                "{} {} ({} {})",
                tile.label,
                rag_word(lang, tile.rag),
                tile.value,
                tile.detail
            )
            .replace(" )", ")")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn milestone_tables(input: &Input<'_>) -> (Table, Table) {
    let (p, s, lang) = (input.project, input.schedule, input.lang);
    let status = input.kpi.status;
    let baseline: HashMap<_, _> = p
        .baselines
        .iter()
        .find(|b| b.number == p.earned_value.baseline)
        .map(|b| b.tasks.iter().map(|t| (t.task, t.finish.date())).collect())
        .unwrap_or_default();
    let headers = vec![
        t(lang, T::ReportMilestone),
        t(lang, T::ReportPlanned),
        t(lang, T::ReportForecast),
        t(lang, T::ReportSlip),
    ];
    let numeric = vec![false, false, false, true];
    let mut next = Table {
        headers: headers.clone(),
        rows: Vec::new(),
        numeric: numeric.clone(),
    };
    let mut slipped = Table {
        headers,
        rows: Vec::new(),
        numeric,
    };
    let horizon = status.checked_add_days(Days::new(90)).unwrap_or(status);
    for (row, task) in p.tasks.iter().enumerate().filter(|(_, t)| t.milestone) {
        let forecast = s.tasks.get(row).map_or(task.finish, |d| d.finish).date();
        let planned = baseline.get(&task.id).copied();
        let slip = planned.map(|b| (forecast - b).num_days());
        let cells = vec![
            task.name.clone(),
            planned.map_or_else(|| "—".to_owned(), |d| i18n::format_date(lang, d)),
            i18n::format_date(lang, forecast),
            slip.map_or_else(|| "—".to_owned(), |d| format!("{d:+}")),
        ];
        if forecast >= status && forecast <= horizon && task.percent_complete < 100 {
            next.rows.push(cells.clone());
        }
        if slip.is_some_and(|d| d > 0) {
            slipped.rows.push(cells);
        }
    }
    (next, slipped)
}

fn budget_table(rows: &[BudgetRow], first: String, lang: Lang, currency: &str) -> Table {
    let money = |v: f64| i18n::format_money(lang, v, currency);
    Table {
        headers: vec![
            first,
            t(lang, T::ReportApproved),
            t(lang, T::ReportActual),
            t(lang, T::ReportAtCompletion),
        ],
        rows: rows
            .iter()
            .map(|r| {
                let label = if r.label.trim().is_empty() {
                    t(lang, T::ReportProjectLevel)
                } else {
                    r.label.clone()
                };
                vec![label, money(r.budget), money(r.actual), money(r.forecast)]
            })
            .collect(),
        numeric: vec![false, true, true, true],
    }
}

/// The providers' share of the work's cost at completion.
fn provider_share(p: &Project, lang: Lang) -> String {
    let external: HashSet<_> = p
        .resources
        .iter()
        .filter(|r| matches!(r.origin, Origin::External { .. }))
        .map(|r| r.id)
        .collect();
    let rates: HashMap<_, _> = p
        .resources
        .iter()
        .filter(|r| r.kind == ResourceKind::Person)
        .map(|r| (r.id, per_minute(r.standard_rate, &p.settings)))
        .collect();
    let (mut all, mut providers) = (0.0, 0.0);
    for a in &p.assignments {
        let Some(rate) = rates.get(&a.resource) else {
            continue;
        };
        let cost = a.work_minutes as f64 * rate;
        all += cost;
        if external.contains(&a.resource) {
            providers += cost;
        }
    }
    if all <= 0.0 {
        return String::new();
    }
    T::ReportProviderShare.fill(
        lang,
        &[
            ("share", &format!("{:.0} %", providers / all * 100.0)),
            (
                "amount",
                &i18n::format_money(lang, providers, &p.meta.currency),
            ),
        ],
    )
}

fn campaigns(p: &Project, lang: Lang) -> Table {
    Table {
        headers: vec![
            t(lang, T::ReportCampaign),
            t(lang, T::ReportCases),
            t(lang, T::ReportRun),
            t(lang, T::ReportPassed),
        ],
        rows: p
            .campaigns
            .iter()
            .map(|c| {
                let run: HashSet<_> = p
                    .test_runs
                    .iter()
                    .filter(|r| r.campaign == c.id && r.result != TestResult::NotRun)
                    .map(|r| r.case)
                    .collect();
                // Each case's latest result in this campaign.
                let mut last: HashMap<_, (NaiveDate, TestResult)> = HashMap::new();
                for r in p.test_runs.iter().filter(|r| r.campaign == c.id) {
                    let entry = last.entry(r.case).or_insert((r.date, r.result));
                    if r.date >= entry.0 {
                        *entry = (r.date, r.result);
                    }
                }
                let passed = last
                    .values()
                    .filter(|(_, r)| *r == TestResult::Passed)
                    .count();
                vec![
                    c.name.clone(),
                    c.cases.len().to_string(),
                    run.len().to_string(),
                    passed.to_string(),
                ]
            })
            .collect(),
        numeric: vec![false, true, true, true],
    }
}

fn blocking(p: &Project, lang: Lang) -> Table {
    let open = |s: AnomalyStatus| {
        matches!(
            s,
            AnomalyStatus::New
                | AnomalyStatus::Analysed
                | AnomalyStatus::InCorrection
                | AnomalyStatus::Fixed
        )
    };
    let names: HashMap<_, _> = p
        .resources
        .iter()
        .map(|r| (r.id, r.name.as_str()))
        .collect();
    Table {
        headers: vec![
            "Code".to_owned(),
            t(lang, T::ReportAnomaly),
            t(lang, T::ReportOwner),
            t(lang, T::ReportReported),
        ],
        rows: p
            .anomalies
            .iter()
            .filter(|a| a.severity == Severity::Blocking && open(a.status))
            .map(|a| {
                vec![
                    a.code.clone(),
                    a.title.clone(),
                    a.assignee
                        .and_then(|id| names.get(&id).copied())
                        .unwrap_or("—")
                        .to_owned(),
                    i18n::format_date(lang, a.reported_on),
                ]
            })
            .collect(),
        numeric: vec![false; 4],
    }
}

fn risks(p: &Project, lang: Lang) -> Table {
    let mut open: Vec<_> = p
        .risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .collect();
    open.sort_by(|a, b| {
        let exposure = |r: &crate::model::Risk| u32::from(r.probability) * u32::from(r.impact);
        exposure(b)
            .cmp(&exposure(a))
            .then(b.cost_exposure.total_cmp(&a.cost_exposure))
    });
    Table {
        headers: vec![
            t(lang, T::ReportRisk),
            t(lang, T::ReportExposure),
            t(lang, T::ReportMitigation),
        ],
        rows: open
            .iter()
            .take(5)
            .map(|r| {
                vec![
                    format!("{} {}", r.code, r.title),
                    format!(
                        "{} × {} = {}",
                        r.probability,
                        r.impact,
                        u32::from(r.probability) * u32::from(r.impact)
                    ),
                    r.mitigation.clone(),
                ]
            })
            .collect(),
        numeric: vec![false, true, false],
    }
}

/// The agenda of the next steering committee, and every open action item.
fn committee(p: &Project, status: NaiveDate, lang: Lang) -> (Vec<String>, Table) {
    // This committee: the next one, else one held in the fortnight before the status date
    // (the report is often finished the day after).
    let committees = || {
        p.meetings
            .iter()
            .filter(|m| m.kind == MeetingKind::SteeringCommittee)
    };
    let recent = status.checked_sub_days(Days::new(14)).unwrap_or(status);
    let this = committees()
        .filter(|m| m.date.date() >= status)
        .min_by_key(|m| m.date)
        .or_else(|| {
            committees()
                .filter(|m| m.date.date() >= recent && m.date.date() < status)
                .max_by_key(|m| m.date)
        });
    let decisions = this.map(|m| m.agenda.clone()).unwrap_or_default();
    let names: HashMap<_, _> = p
        .resources
        .iter()
        .map(|r| (r.id, r.name.as_str()))
        .collect();
    let rows = p
        .meetings
        .iter()
        .flat_map(|m| m.actions.iter())
        .filter(|a| a.status == ActionStatus::Open)
        .map(|a| {
            let due = a.due.map_or_else(
                || "—".to_owned(),
                |d| {
                    let late = if d < status {
                        format!(" ({})", t(lang, T::ReportLate))
                    } else {
                        String::new()
                    };
                    format!("{}{late}", i18n::format_date(lang, d))
                },
            );
            vec![
                a.text.clone(),
                a.owner
                    .and_then(|id| names.get(&id).copied())
                    .unwrap_or("—")
                    .to_owned(),
                due,
            ]
        })
        .collect();
    let actions = Table {
        headers: vec![
            t(lang, T::ReportActions),
            t(lang, T::ReportOwner),
            t(lang, T::ReportDue),
        ],
        rows,
        numeric: vec![false; 3],
    };
    (decisions, actions)
}

fn confidence(input: &Input<'_>) -> String {
    let lang = input.lang;
    let Some(r) = input.risk else {
        return t(lang, T::ReportNoConfidence);
    };
    let date = |p: f64| {
        percentile_of(&r.finishes, p)
            .map_or_else(|| "—".to_owned(), |d| i18n::format_date(lang, d.date()))
    };
    let chance = r.baseline_finish.map_or_else(
        || "—".to_owned(),
        |b| format!("{:.0} %", r.probability_finish_by(b) * 100.0),
    );
    T::ReportConfidenceText.fill(
        lang,
        &[
            ("iterations", &r.finishes.len().to_string()),
            ("p50", &date(0.5)),
            ("p80", &date(0.8)),
            ("chance", &chance),
        ],
    )
}

fn headings(lang: Lang) -> Headings {
    Headings {
        message: t(lang, T::ReportMessage),
        confidence: t(lang, T::ReportConfidence),
        milestones_next: t(lang, T::ReportMilestonesNext),
        milestones_slipped: t(lang, T::ReportMilestonesSlipped),
        gantt: t(lang, T::ReportGantt),
        s_curve: t(lang, T::ReportSCurve),
        budget: t(lang, T::ReportBudget),
        by_phase: t(lang, T::ReportByPhase),
        by_year: t(lang, T::ReportByYear),
        tests: t(lang, T::ReportTests),
        blocking: t(lang, T::ReportBlocking),
        risks: t(lang, T::ReportTopRisks),
        decisions: t(lang, T::ReportDecisions),
        actions: t(lang, T::ReportActions),
        none: t(lang, T::ReportNone),
    }
}

pub(super) fn build(input: &Input<'_>) -> Report {
    let (p, lang) = (input.project, input.lang);
    let kpi = input.kpi;
    let currency = &p.meta.currency;
    let tiles = tiles(&kpi.headline, lang, currency);
    let overall = worst(&tiles.iter().map(|t| t.rag).collect::<Vec<_>>());
    let (milestones_next, milestones_slipped) = milestone_tables(input);
    let trace = crate::schedule::trace::trace(p);
    let (decisions, actions) = committee(p, kpi.status, lang);
    let mut identity: Vec<String> = Vec::new();
    if !p.meta.code.is_empty() {
        identity.push(p.meta.code.clone());
    }
    if !p.meta.client.is_empty() {
        identity.push(format!("{} : {}", t(lang, T::ReportClient), p.meta.client));
    }
    if !p.meta.manager.is_empty() {
        identity.push(format!(
            "{} : {}",
            t(lang, T::ReportManager),
            p.meta.manager
        ));
    }
    let separator = if lang == Lang::Fr { " : " } else { ": " };
    Report {
        lang,
        title: t(lang, T::ReportTitle),
        project: p.meta.name.clone(),
        identity: identity.join(" · ").replace(" : ", separator),
        status: T::ReportStatusAt.fill(lang, &[("date", &i18n::format_date(lang, kpi.status))]),
        overall,
        overall_label: format!(
            "{} : {}",
            t(lang, T::ReportOverall),
            rag_word(lang, overall)
        )
        .replace(" : ", separator),
        overall_reason: reason(&tiles, lang),
        tiles,
        message: input.message.trim().to_owned(),
        confidence: confidence(input),
        milestones_next,
        milestones_slipped,
        gantt: super::charts::gantt(p, input.schedule, kpi.status, lang),
        s_curve: super::charts::s_curve(&kpi.series, kpi.status, lang, currency),
        indices: format!(
            "SPI {} · CPI {} · {} {}",
            index(lang, kpi.ev.project.spi),
            index(lang, kpi.ev.project.cpi),
            t(lang, T::ReportAtCompletion),
            i18n::format_money(lang, kpi.ev.project.eac, currency)
        ),
        budget_by_phase: budget_table(&kpi.by_phase, t(lang, T::ReportByPhase), lang, currency),
        budget_by_year: budget_table(&kpi.by_year, t(lang, T::ReportByYear), lang, currency),
        provider_share: provider_share(p, lang),
        campaigns: campaigns(p, lang),
        coverage: T::ReportCoverage.fill(
            lang,
            &[
                ("covered", &trace.covered.to_string()),
                ("total", &trace.requirements.to_string()),
                ("passed", &trace.passed.to_string()),
            ],
        ),
        blocking: blocking(p, lang),
        risks: risks(p, lang),
        decisions,
        actions,
        headings: headings(lang),
    }
}

/// Rows of the plan the one-page Gantt shows: the phases (top-level rows) and the milestones.
pub(super) fn gantt_rows(p: &Project) -> Vec<usize> {
    let rows: Vec<usize> = (0..p.tasks.len())
        .filter(|&i| p.tasks[i].outline_level == 1 || p.tasks[i].milestone)
        .collect();
    if rows.len() <= 28 {
        rows
    } else {
        (0..p.tasks.len())
            .filter(|&i| {
                p.tasks[i].outline_level == 1
                    || (p.tasks[i].milestone
                        && !outline::is_summary(&p.tasks, i)
                        && p.tasks[i].outline_level <= 2)
            })
            .take(28)
            .collect()
    }
}
