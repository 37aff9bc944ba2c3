//! Writes the embedded sample, `assets/samples/erp-rollout.pilote.ron`: an ERP roll-out for a
//! mid-size company, scheduled on working days with French public holidays, with progress at a
//! status date, a baseline, and the documents a project manager keeps around the plan.
//!
//! `cargo run --example make_sample > assets/samples/erp-rollout.pilote.ron`, and the same plan
//! with its texts in French (`fr.rs`):
//! `cargo run --example make_sample -- fr > assets/samples/erp-rollout.fr.pilote.ron`
//!
//! Until the scheduler lands, dates come from the simple working-day pass below (links in list
//! order, durations in whole days).

#![allow(
    clippy::unwrap_used,
    clippy::pedantic,
    clippy::needless_range_loop,
    clippy::type_complexity,
    clippy::manual_range_contains,
    reason = "a data generator run by hand: panicking on a broken table is the right answer"
)]

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use pilote::io::document;
use pilote::model::*;

mod fr;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(d: NaiveDate, h: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap())
}

/// French public holidays of 2026 and 2027 that fall on weekdays (fixed ones are also stored as
/// yearly recurring exceptions in the calendar; the Easter-based ones as single days).
fn holidays() -> Vec<NaiveDate> {
    vec![
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 7, 14),
        date(2026, 11, 11),
        date(2026, 12, 25),
        date(2027, 1, 1),
        date(2027, 3, 29),
        date(2027, 5, 6),
        date(2027, 5, 17),
        date(2027, 7, 14),
        date(2027, 11, 1),
        date(2027, 11, 11),
    ]
}

struct WorkDays {
    days: Vec<NaiveDate>,
}

impl WorkDays {
    fn new(start: NaiveDate) -> Self {
        let hol = holidays();
        let mut days = Vec::new();
        let mut d = start;
        while days.len() < 600 {
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !hol.contains(&d) {
                days.push(d);
            }
            d = d.succ_opt().unwrap();
        }
        Self { days }
    }
    fn day(&self, i: i64) -> NaiveDate {
        self.days[i.max(0) as usize]
    }
    fn index_on_or_before(&self, d: NaiveDate) -> i64 {
        self.days
            .iter()
            .rposition(|x| *x <= d)
            .map_or(-1, |i| i as i64)
    }
}

/// (wbs-ish key, name, level, duration days now, duration days in the baseline, predecessors)
/// Predecessors: (key, kind, lag days).
struct Row {
    key: &'static str,
    name: &'static str,
    level: u8,
    days: i64,
    baseline_days: i64,
    preds: Vec<(&'static str, LinkKind, i64)>,
}

fn row(
    key: &'static str,
    name: &'static str,
    level: u8,
    days: i64,
    preds: &[(&'static str, LinkKind, i64)],
) -> Row {
    Row {
        key,
        name,
        level,
        days,
        baseline_days: days,
        preds: preds.to_vec(),
    }
}

const FS: LinkKind = LinkKind::FinishToStart;
const SS: LinkKind = LinkKind::StartToStart;
const FF: LinkKind = LinkKind::FinishToFinish;
/// Summary rows have no duration of their own.
const SUM: i64 = -1;

fn plan() -> Vec<Row> {
    let mut rows = vec![
        row("1", "Framing", 1, SUM, &[]),
        row("1.1", "Kick-off meeting", 2, 1, &[]),
        row("1.2", "Stakeholder interviews", 2, 10, &[("1.1", FS, 0)]),
        row("1.3", "As-is process mapping", 2, 15, &[("1.2", SS, 5)]),
        row("1.4", "Risk analysis", 2, 5, &[("1.2", FS, 0)]),
        row("1.5", "Business case and budget", 2, 8, &[("1.3", FS, 0)]),
        row(
            "1.6",
            "Integrator selection (RFP)",
            2,
            20,
            &[("1.2", FS, 0)],
        ),
        row("1.7", "Integrator contracted", 2, 0, &[("1.6", FS, 0)]),
        row(
            "1.8",
            "Project charter and governance",
            2,
            5,
            &[("1.5", FS, 0), ("1.4", FS, 0)],
        ),
        row(
            "1.9",
            "Framing signed off (COPIL 1)",
            2,
            0,
            &[("1.8", FS, 0), ("1.7", FS, 0)],
        ),
        row("2", "Specifications", 1, SUM, &[]),
        row("2.1", "Functional specifications", 2, SUM, &[]),
        row(
            "2.1.1",
            "Finance and accounting workshops",
            3,
            10,
            &[("1.9", FS, 0)],
        ),
        row("2.1.2", "Procurement workshops", 3, 8, &[("2.1.1", SS, 3)]),
        row(
            "2.1.3",
            "Sales and CRM workshops",
            3,
            8,
            &[("2.1.1", FS, 0)],
        ),
        row(
            "2.1.4",
            "Inventory and logistics workshops",
            3,
            8,
            &[("2.1.2", FS, 0)],
        ),
        row(
            "2.1.5",
            "Payroll interface workshops",
            3,
            5,
            &[("2.1.3", FS, 0)],
        ),
        row(
            "2.1.6",
            "Write the functional specification",
            3,
            15,
            &[("2.1.1", SS, 5), ("2.1.5", FF, 3)],
        ),
        row(
            "2.1.7",
            "Project owner review of the functional specification",
            3,
            5,
            &[("2.1.6", FS, 0)],
        ),
        row(
            "2.1.8",
            "Functional specification validated",
            3,
            0,
            &[("2.1.7", FS, 0)],
        ),
        row("2.2", "Technical specifications", 2, SUM, &[]),
        row("2.2.1", "Target architecture", 3, 10, &[("1.9", FS, 0)]),
        row("2.2.2", "Interface catalogue", 3, 8, &[("2.2.1", FS, 0)]),
        row(
            "2.2.3",
            "Data migration strategy",
            3,
            8,
            &[("2.2.1", FS, 0)],
        ),
        row(
            "2.2.4",
            "Security and access model",
            3,
            5,
            &[("2.2.2", FS, 0)],
        ),
        row(
            "2.2.5",
            "Write the technical specification",
            3,
            10,
            &[("2.2.3", FS, 0), ("2.2.4", FS, 0), ("2.1.6", SS, 10)],
        ),
        row(
            "2.2.6",
            "Technical specification validated",
            3,
            0,
            &[("2.2.5", FS, 0)],
        ),
        row(
            "2.3",
            "Specifications signed off (COPIL 2)",
            2,
            0,
            &[("2.1.8", FS, 0), ("2.2.6", FS, 0)],
        ),
        row("3", "Build", 1, SUM, &[]),
        row("3.1", "Environments", 2, SUM, &[]),
        row(
            "3.1.1",
            "Provision development and test environments",
            3,
            10,
            &[("2.2.1", FS, 5)],
        ),
        row(
            "3.1.2",
            "Provision pre-production and production",
            3,
            5,
            &[("3.1.1", FS, 0)],
        ),
        row("3.1.3", "Environments ready", 3, 0, &[("3.1.2", FS, 0)]),
        row("3.2", "Configuration", 2, SUM, &[]),
        row(
            "3.2.1",
            "Finance module configuration",
            3,
            25,
            &[("2.3", FS, 0), ("3.1.1", FS, 0)],
        ),
        row(
            "3.2.2",
            "Procurement module configuration",
            3,
            20,
            &[("2.3", FS, 0)],
        ),
        row(
            "3.2.3",
            "Sales module configuration",
            3,
            20,
            &[("3.2.2", SS, 5)],
        ),
        row(
            "3.2.4",
            "Inventory module configuration",
            3,
            20,
            &[("3.2.2", FS, 0)],
        ),
        row(
            "3.2.5",
            "Reporting and analytics configuration",
            3,
            10,
            &[("3.2.1", FS, 0)],
        ),
        row("3.3", "Specific developments", 2, SUM, &[]),
        row(
            "3.3.1",
            "Custom financial reports",
            3,
            15,
            &[("2.3", FS, 0)],
        ),
        row(
            "3.3.2",
            "Purchase approval workflow",
            3,
            12,
            &[("3.3.1", FS, 0)],
        ),
        row(
            "3.3.3",
            "Customer portal extension",
            3,
            20,
            &[("3.3.2", FS, 0)],
        ),
        row(
            "3.3.4",
            "Document management connector",
            3,
            8,
            &[("3.3.2", FS, 0)],
        ),
        row("3.4", "Interfaces", 2, SUM, &[]),
        row("3.4.1", "Bank interface (EBICS)", 3, 10, &[("2.3", FS, 0)]),
        row("3.4.2", "Payroll interface", 3, 8, &[("3.4.1", FS, 0)]),
        row("3.4.3", "E-commerce interface", 3, 12, &[("3.4.2", FS, 0)]),
        row("3.4.4", "Data warehouse feed", 3, 10, &[("3.4.3", SS, 5)]),
        row("3.5", "Data migration", 2, SUM, &[]),
        row("3.5.1", "Extraction scripts", 3, 10, &[("2.2.3", FS, 20)]),
        row(
            "3.5.2",
            "Data cleansing with the business",
            3,
            15,
            &[("3.5.1", SS, 5)],
        ),
        row(
            "3.5.3",
            "Migration dry run 1",
            3,
            5,
            &[("3.5.2", FS, 0), ("3.1.2", FS, 0)],
        ),
        row(
            "3.6",
            "Unit tests by the integrator",
            2,
            10,
            &[("3.2.4", FS, 0), ("3.3.3", FF, 0)],
        ),
        row(
            "3.7",
            "Build complete: release V1 delivered",
            2,
            0,
            &[
                ("3.6", FS, 0),
                ("3.4.4", FS, 0),
                ("3.5.3", FS, 0),
                ("3.2.5", FS, 0),
            ],
        ),
        row("4", "Tests and acceptance", 1, SUM, &[]),
        row("4.1", "Test strategy and plan", 2, 5, &[("2.3", FS, 20)]),
        row(
            "4.2",
            "Integration tests",
            2,
            20,
            &[("3.7", FS, 0), ("4.1", FS, 0)],
        ),
        row("4.3", "Load tests", 2, 8, &[("4.2", SS, 5)]),
        row(
            "4.4",
            "Security audit (penetration test)",
            2,
            5,
            &[("4.2", SS, 10)],
        ),
        row("4.5", "Migration dry run 2", 2, 5, &[("4.2", FS, 0)]),
        row(
            "4.6",
            "User acceptance campaign 1",
            2,
            15,
            &[("4.2", FS, 2)],
        ),
        row("4.7", "Anomaly correction sprint", 2, 10, &[("4.6", SS, 5)]),
        row("4.8", "Non-regression tests", 2, 5, &[("4.7", FS, 0)]),
        row(
            "4.9",
            "User acceptance campaign 2",
            2,
            10,
            &[("4.8", FS, 0)],
        ),
        row(
            "4.10",
            "Acceptance pronounced (COPIL 5)",
            2,
            0,
            &[("4.9", FS, 0), ("4.3", FS, 0), ("4.4", FS, 0)],
        ),
        row("5", "Deployment", 1, SUM, &[]),
        row("5.1", "Training", 2, SUM, &[]),
        row("5.1.1", "Train the trainers", 3, 5, &[("4.6", FS, 0)]),
        row(
            "5.1.2",
            "End-user training sessions",
            3,
            15,
            &[("5.1.1", FS, 0)],
        ),
        row("5.1.3", "Users trained", 3, 0, &[("5.1.2", FS, 0)]),
        row("5.2", "Cutover", 2, SUM, &[]),
        row(
            "5.2.1",
            "Cutover plan and rehearsal",
            3,
            5,
            &[("4.5", FS, 0), ("4.9", SS, 0)],
        ),
        row(
            "5.2.2",
            "Go / no-go decision (COPIL 6)",
            3,
            0,
            &[("4.10", FS, 0), ("5.2.1", FS, 0), ("5.1.3", FS, 0)],
        ),
        row("5.2.3", "Final data migration", 3, 3, &[("5.2.2", FS, 0)]),
        row("5.2.4", "Go-live", 3, 0, &[("5.2.3", FS, 0)]),
        row("5.3", "Hypercare", 2, 20, &[("5.2.4", FS, 0)]),
        row(
            "5.4",
            "Decommission the legacy system",
            2,
            5,
            &[("5.3", SS, 10)],
        ),
        row("5.5", "Project closure report", 2, 5, &[("5.3", FS, 0)]),
        row(
            "5.6",
            "Project closed",
            2,
            0,
            &[("5.5", FS, 0), ("5.4", FS, 0)],
        ),
    ];
    // A mid-size ERP roll-out runs over a year: the table above is in "compact" days, stretched
    // here by half again.
    for r in &mut rows {
        if r.days > 0 {
            r.days = (r.days * 3 + 1) / 2;
            r.baseline_days = r.days;
        }
    }
    // The story: integration took longer than planned and the first acceptance campaign
    // started late, so the test phase slips and costs more than its budget.
    for r in &mut rows {
        match r.key {
            "4.2" => r.baseline_days = 23,
            "4.6" => r.baseline_days = 18,
            "3.3.3" => r.baseline_days = 26,
            _ => {}
        }
    }
    rows
}

/// Working-day start and finish indices of every row (summaries rolled up).
fn schedule(rows: &[Row], baseline: bool) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = vec![(0, 0); rows.len()];
    let index: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r.key, i)).collect();
    for (i, r) in rows.iter().enumerate() {
        if r.days == SUM {
            continue;
        }
        let days = if baseline { r.baseline_days } else { r.days };
        let mut start = 0i64;
        for (key, kind, lag) in &r.preds {
            let (ps, pf) = out[index[key]];
            let p_is_milestone = rows[index[key]].days == 0;
            let s = match kind {
                LinkKind::FinishToStart => pf + if p_is_milestone { 0 } else { 1 } + lag,
                LinkKind::StartToStart => ps + lag,
                LinkKind::FinishToFinish => pf + lag - days.max(1) + 1,
                LinkKind::StartToFinish => ps + lag - days.max(1) + 1,
            };
            start = start.max(s);
        }
        if days == 0 {
            // A milestone sits at the end of the day its predecessors finish.
            let finish = r
                .preds
                .iter()
                .map(|(k, _, _)| out[index[k]].1)
                .max()
                .unwrap_or(0);
            out[i] = (finish, finish);
        } else {
            out[i] = (start, start + days - 1);
        }
    }
    // Roll up summaries, deepest first.
    for i in (0..rows.len()).rev() {
        if rows[i].days != SUM {
            continue;
        }
        let level = rows[i].level;
        let children: Vec<usize> = (i + 1..rows.len())
            .take_while(|&j| rows[j].level > level)
            .collect();
        let s = children.iter().map(|&j| out[j].0).min().unwrap_or(0);
        let f = children.iter().map(|&j| out[j].1).max().unwrap_or(0);
        out[i] = (s, f);
    }
    out
}

fn main() {
    let start = date(2026, 1, 5);
    let status = date(2026, 11, 20);
    let wd = WorkDays::new(start);
    let rows = plan();
    let now = schedule(&rows, false);
    let base = schedule(&rows, true);

    let mut p = Project::new("ERP roll-out — Valmont Industries", start);
    p.meta.code = "ERP-2026".into();
    p.meta.client = "Valmont Industries — Finance and Operations Department".into();
    p.meta.sponsor = "Hélène Fournier, Chief Financial Officer".into();
    p.meta.manager = "Claire Martin".into();
    p.meta.description = "Replace the ageing in-house management system of a 450-employee \
        manufacturer with an integrated ERP (finance, procurement, sales, inventory), \
        interfaced with the bank, payroll, the e-commerce site and the data warehouse. \
        Integrator: Integris Conseil."
        .into();
    p.meta.currency = "EUR".into();
    p.meta.methodology = Methodology::Waterfall;
    p.meta.status_date = Some(status);
    // The client's PMO reads an index below 0.98 as a warning.
    p.rag.index_green = 0.98;
    p.rag.index_amber = 0.9;
    p.meta.locale = Locale::FrFr;

    // Calendar: the standard week with French public holidays (Pilote's preset), and a
    // part-time calendar derived from it.
    let cal = &mut p.calendars[0];
    cal.name = "Standard (France)".into();
    cal.exceptions = pilote::schedule::calendar::french_public_holidays(2026, 2030);
    let mut part_time = Calendar::standard(CalendarId(2), "Part time (Wednesdays off)");
    part_time.base = Some(CalendarId(1));
    part_time.week = WorkWeek {
        wednesday: DayRule::NonWorking,
        ..WorkWeek::default()
    };
    p.calendars.push(part_time);

    // Tasks.
    let ids: HashMap<&str, TaskId> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key, TaskId(i as u32 + 1)))
        .collect();
    let status_index = wd.index_on_or_before(status);
    for (i, r) in rows.iter().enumerate() {
        let (s, f) = now[i];
        let milestone = r.days == 0;
        let start_at = if milestone {
            at(wd.day(f), 17)
        } else {
            at(wd.day(s), 8)
        };
        let finish_at = at(wd.day(f), 17);
        let mut t = Task::new(ids[r.key], r.name, r.level, start_at);
        t.finish = finish_at;
        t.milestone = milestone;
        t.duration = if r.days == SUM {
            Duration::days((f - s + 1) as f64)
        } else {
            Duration::days(r.days as f64)
        };
        if r.days != SUM {
            if f <= status_index {
                t.percent_complete = 100;
                t.actual_start = Some(start_at);
                t.actual_finish = Some(finish_at);
            } else if s <= status_index {
                let done = (status_index - s + 1) as f64 / r.days.max(1) as f64;
                t.percent_complete = ((done * 100.0).round() as u8).min(95);
                t.actual_start = Some(start_at);
            }
        }
        match r.key {
            "2.3" => t.deadline = Some(date(2026, 6, 12)),
            "5.2.4" => {
                t.deadline = Some(date(2027, 2, 26));
                t.notes =
                    "Go-live must happen before the fiscal year closing of March 2027.".into();
            }
            "4.10" => t.constraint = Constraint::FinishNoLaterThan(at(date(2027, 2, 5), 17)),
            "1.1" => {
                t.notes = "Kick-off with the steering committee members; the integrator joins \
                    once contracted, in March."
                    .into()
            }
            "4.6" => t.required_skills = vec!["Business acceptance".into()],
            "3.5.1" => t.required_skills = vec!["SQL".into(), "Data migration".into()],
            _ => {}
        }
        if matches!(r.key, "2.1" | "2.2" | "3.2" | "3.3" | "3.4" | "4" | "5") {
            t.priority = 600;
        }
        p.tasks.push(t);
    }
    // Summary percent complete: duration-weighted mean of children.
    for i in (0..rows.len()).rev() {
        if rows[i].days != SUM {
            continue;
        }
        let level = rows[i].level;
        let (mut done, mut total) = (0.0, 0.0);
        for j in i + 1..rows.len() {
            if rows[j].level <= level {
                break;
            }
            if rows[j].days != SUM {
                let d = rows[j].days.max(1) as f64;
                done += d * f64::from(p.tasks[j].percent_complete);
                total += d;
            }
        }
        let pct = if total > 0.0 {
            (done / total).round() as u8
        } else {
            0
        };
        p.tasks[i].percent_complete = pct;
        if pct > 0 {
            p.tasks[i].actual_start = Some(p.tasks[i].start);
        }
        if pct == 100 {
            p.tasks[i].actual_finish = Some(p.tasks[i].finish);
        }
    }
    // Links.
    for r in &rows {
        for (key, kind, lag) in &r.preds {
            p.links.push(Link {
                predecessor: ids[key],
                successor: ids[r.key],
                kind: *kind,
                lag: if *lag == 0 {
                    Lag::None
                } else {
                    Lag::Time(Duration::days(*lag as f64))
                },
            });
        }
    }

    // Resources.
    let integrator = || Origin::External {
        provider: "Integris Conseil".into(),
        contract: "CT-2026-014".into(),
    };
    let people: [(&str, &str, &str, &str, Vec<(&str, u8)>, f64, bool, f64); 12] = [
        (
            "Claire Martin",
            "CM",
            "IT department",
            "Project manager",
            vec![("Project management", 5), ("ERP", 3)],
            620.0,
            false,
            1.0,
        ),
        (
            "Julien Bernard",
            "JB",
            "Finance",
            "Business analyst (finance)",
            vec![("Finance", 5), ("Business analysis", 4)],
            540.0,
            false,
            1.0,
        ),
        (
            "Sophie Dubois",
            "SD",
            "Operations",
            "Business analyst (supply chain)",
            vec![("Supply chain", 4), ("Business analysis", 4)],
            540.0,
            false,
            1.0,
        ),
        (
            "Karim Haddad",
            "KH",
            "IT department",
            "Solution architect",
            vec![("Architecture", 5), ("Security", 4), ("Integration", 4)],
            680.0,
            false,
            1.0,
        ),
        (
            "Émilie Leroy",
            "EL",
            "IT department",
            "Test manager",
            vec![("Testing", 5), ("Business acceptance", 4)],
            560.0,
            false,
            1.0,
        ),
        (
            "Thomas Petit",
            "TP",
            "IT department",
            "Data migration lead",
            vec![("SQL", 5), ("Data migration", 4)],
            560.0,
            false,
            1.0,
        ),
        (
            "Nadia Benali",
            "NB",
            "Human resources",
            "Trainer and change manager",
            vec![("Training", 5), ("Change management", 4)],
            480.0,
            false,
            1.0,
        ),
        (
            "Lucas Moreau",
            "LM",
            "Integris Conseil",
            "ERP functional consultant",
            vec![("ERP", 5), ("Finance", 4)],
            850.0,
            true,
            1.0,
        ),
        (
            "Hugo Lambert",
            "HL",
            "Integris Conseil",
            "ERP developer",
            vec![("ERP", 4), ("SQL", 4)],
            720.0,
            true,
            1.0,
        ),
        (
            "Inès Garcia",
            "IG",
            "Integris Conseil",
            "ERP developer",
            vec![("ERP", 4), ("Web", 4)],
            720.0,
            true,
            1.0,
        ),
        (
            "Marc Rousseau",
            "MR",
            "Integris Conseil",
            "Integration engineer",
            vec![("Integration", 5), ("SQL", 3)],
            780.0,
            true,
            1.0,
        ),
        (
            "Key users",
            "KU",
            "Business",
            "Key users (three people)",
            vec![
                ("Business acceptance", 4),
                ("Finance", 3),
                ("Supply chain", 3),
            ],
            450.0,
            false,
            3.0,
        ),
    ];
    for (k, (name, initials, team, role, skills, rate, external, max_units)) in
        people.into_iter().enumerate()
    {
        let mut r = Resource::person(ResourceId(k as u32 + 1), name);
        r.initials = initials.into();
        r.team = team.into();
        r.role = role.into();
        r.skills = skills
            .into_iter()
            .map(|(n, l)| Skill {
                name: n.into(),
                level: l,
            })
            .collect();
        r.standard_rate = Rate {
            amount: rate,
            per: RatePer::Day,
        };
        r.overtime_rate = Rate {
            amount: rate * 1.25,
            per: RatePer::Day,
        };
        r.max_units = max_units;
        if external {
            r.origin = integrator();
            r.email = format!("{}@integris-conseil.example", initials.to_lowercase());
        } else {
            r.email = format!("{}@valmont.example", initials.to_lowercase());
        }
        if name == "Nadia Benali" {
            r.calendar = Some(CalendarId(2));
        }
        if name == "Julien Bernard" {
            r.leave.push(Leave {
                from: date(2026, 8, 3),
                to: date(2026, 8, 21),
                reason: "Summer holiday".into(),
            });
        }
        if name == "Karim Haddad" {
            r.leave.push(Leave {
                from: date(2026, 7, 20),
                to: date(2026, 7, 31),
                reason: "Summer holiday".into(),
            });
        }
        if name == "Hugo Lambert" {
            r.available_from = Some(date(2026, 4, 1));
            r.available_to = Some(date(2027, 3, 31));
        }
        p.resources.push(r);
    }
    let resource_ids: HashMap<String, ResourceId> =
        p.resources.iter().map(|r| (r.name.clone(), r.id)).collect();
    let res = |name: &str| resource_ids[name];
    let staffing: Vec<(&str, Vec<(&str, f64)>)> = vec![
        ("1.1", vec![("Claire Martin", 1.0), ("Karim Haddad", 1.0)]),
        (
            "1.2",
            vec![
                ("Claire Martin", 0.5),
                ("Julien Bernard", 1.0),
                ("Sophie Dubois", 1.0),
            ],
        ),
        ("1.3", vec![("Julien Bernard", 0.5), ("Sophie Dubois", 1.0)]),
        ("1.4", vec![("Claire Martin", 1.0)]),
        ("1.5", vec![("Claire Martin", 1.0), ("Julien Bernard", 0.5)]),
        ("1.6", vec![("Claire Martin", 0.5), ("Karim Haddad", 0.5)]),
        ("1.8", vec![("Claire Martin", 1.0)]),
        (
            "2.1.1",
            vec![
                ("Julien Bernard", 1.0),
                ("Lucas Moreau", 1.0),
                ("Key users", 1.0),
            ],
        ),
        ("2.1.2", vec![("Sophie Dubois", 1.0), ("Lucas Moreau", 0.5)]),
        ("2.1.3", vec![("Sophie Dubois", 1.0), ("Lucas Moreau", 1.0)]),
        ("2.1.4", vec![("Sophie Dubois", 1.0), ("Key users", 1.0)]),
        ("2.1.5", vec![("Julien Bernard", 1.0)]),
        (
            "2.1.6",
            vec![("Lucas Moreau", 1.0), ("Julien Bernard", 0.5)],
        ),
        ("2.1.7", vec![("Claire Martin", 0.5), ("Key users", 1.0)]),
        ("2.2.1", vec![("Karim Haddad", 1.0)]),
        ("2.2.2", vec![("Karim Haddad", 0.5), ("Marc Rousseau", 1.0)]),
        ("2.2.3", vec![("Thomas Petit", 1.0)]),
        ("2.2.4", vec![("Karim Haddad", 1.0)]),
        ("2.2.5", vec![("Karim Haddad", 1.0), ("Marc Rousseau", 0.5)]),
        ("3.1.1", vec![("Karim Haddad", 0.5), ("Hugo Lambert", 0.5)]),
        ("3.1.2", vec![("Karim Haddad", 0.5)]),
        (
            "3.2.1",
            vec![("Lucas Moreau", 1.0), ("Julien Bernard", 0.5)],
        ),
        ("3.2.2", vec![("Hugo Lambert", 1.0)]),
        ("3.2.3", vec![("Inès Garcia", 1.0)]),
        ("3.2.4", vec![("Hugo Lambert", 1.0), ("Sophie Dubois", 0.5)]),
        ("3.2.5", vec![("Lucas Moreau", 1.0)]),
        ("3.3.1", vec![("Inès Garcia", 1.0)]),
        ("3.3.2", vec![("Inès Garcia", 1.0)]),
        ("3.3.3", vec![("Inès Garcia", 1.0), ("Hugo Lambert", 0.5)]),
        ("3.3.4", vec![("Marc Rousseau", 1.0)]),
        ("3.4.1", vec![("Marc Rousseau", 1.0)]),
        ("3.4.2", vec![("Marc Rousseau", 1.0)]),
        ("3.4.3", vec![("Marc Rousseau", 1.0)]),
        ("3.4.4", vec![("Marc Rousseau", 0.5), ("Thomas Petit", 0.5)]),
        ("3.5.1", vec![("Thomas Petit", 1.0)]),
        ("3.5.2", vec![("Thomas Petit", 0.5), ("Key users", 1.0)]),
        ("3.5.3", vec![("Thomas Petit", 1.0), ("Hugo Lambert", 0.5)]),
        ("3.6", vec![("Hugo Lambert", 1.0), ("Inès Garcia", 1.0)]),
        ("4.1", vec![("Émilie Leroy", 1.0)]),
        (
            "4.2",
            vec![
                ("Émilie Leroy", 1.0),
                ("Marc Rousseau", 1.0),
                ("Hugo Lambert", 0.5),
            ],
        ),
        ("4.3", vec![("Karim Haddad", 0.5), ("Marc Rousseau", 0.5)]),
        ("4.4", vec![("Karim Haddad", 0.5)]),
        ("4.5", vec![("Thomas Petit", 1.0)]),
        ("4.6", vec![("Émilie Leroy", 1.0), ("Key users", 2.0)]),
        ("4.7", vec![("Hugo Lambert", 1.0), ("Inès Garcia", 1.0)]),
        ("4.8", vec![("Émilie Leroy", 1.0)]),
        ("4.9", vec![("Émilie Leroy", 1.0), ("Key users", 2.0)]),
        ("5.1.1", vec![("Nadia Benali", 1.0), ("Lucas Moreau", 0.5)]),
        ("5.1.2", vec![("Nadia Benali", 1.0), ("Key users", 1.0)]),
        (
            "5.2.1",
            vec![
                ("Claire Martin", 0.5),
                ("Thomas Petit", 1.0),
                ("Lucas Moreau", 1.0),
            ],
        ),
        ("5.2.3", vec![("Thomas Petit", 1.0), ("Hugo Lambert", 1.0)]),
        ("5.3", vec![("Lucas Moreau", 0.5), ("Émilie Leroy", 0.5)]),
        ("5.4", vec![("Karim Haddad", 0.5)]),
        ("5.5", vec![("Claire Martin", 1.0)]),
    ];
    let mut assignments = Vec::new();
    for (key, who) in staffing {
        let i = rows.iter().position(|r| r.key == key).unwrap();
        let days = rows[i].days;
        let pct = f64::from(p.tasks[i].percent_complete) / 100.0;
        for (name, units) in who {
            let work = (days as f64 * 480.0 * units) as i64;
            // The test phase costs more than planned: actual work runs 15 % over.
            let overrun = if key.starts_with('4') { 1.15 } else { 1.0 };
            assignments.push(Assignment {
                actual_work_minutes: (work as f64 * pct * overrun).round() as i64,
                ..Assignment::new(
                    AssignmentId(assignments.len() as u32 + 1),
                    (ids[key], res(name)),
                    units,
                    work,
                )
            });
        }
    }
    p.assignments = assignments;

    // Costs and budget.
    let phase = |key: &str| Some(ids[key]);
    let items = [
        (
            "ERP licences (perpetual, 120 users)",
            "3",
            CostCategory::Licences,
            118_000.0,
            date(2026, 6, 15),
            true,
            true,
        ),
        (
            "Cloud hosting, first year",
            "3.1",
            CostCategory::Hardware,
            34_000.0,
            date(2026, 6, 1),
            true,
            true,
        ),
        (
            "Penetration test (CyberAudit)",
            "4.4",
            CostCategory::Services,
            12_500.0,
            date(2026, 12, 14),
            true,
            false,
        ),
        (
            "Training rooms and materials",
            "5.1",
            CostCategory::Training,
            6_800.0,
            date(2027, 1, 18),
            false,
            false,
        ),
        (
            "Integrator travel",
            "3",
            CostCategory::Travel,
            4_200.0,
            date(2026, 10, 30),
            true,
            true,
        ),
        (
            "Annual ERP maintenance (year 1)",
            "5",
            CostCategory::Licences,
            23_600.0,
            date(2027, 3, 1),
            true,
            false,
        ),
    ];
    for (k, (label, key, category, amount, d, external, actual)) in items.into_iter().enumerate() {
        p.cost_items.push(CostItem {
            id: CostItemId(k as u32 + 1),
            label: label.into(),
            task: phase(key),
            category,
            amount,
            date: d,
            external,
            actual,
            accrual: Accrual::Start,
        });
    }
    let budget = [
        ("1", 2026, CostCategory::Labour, 62_000.0),
        ("2", 2026, CostCategory::Labour, 148_000.0),
        ("3", 2026, CostCategory::Labour, 395_000.0),
        ("3", 2026, CostCategory::Licences, 120_000.0),
        ("3", 2026, CostCategory::Hardware, 35_000.0),
        ("4", 2026, CostCategory::Labour, 160_000.0),
        ("5", 2026, CostCategory::Labour, 40_000.0),
        ("4", 2026, CostCategory::Services, 12_000.0),
        ("5", 2027, CostCategory::Labour, 78_000.0),
        ("5", 2027, CostCategory::Training, 8_000.0),
        ("5", 2027, CostCategory::Licences, 24_000.0),
    ];
    for (k, (key, year, category, amount)) in budget.into_iter().enumerate() {
        p.budget_lines.push(BudgetLine {
            id: BudgetLineId(k as u32 + 1),
            phase: phase(key),
            year,
            category,
            amount,
            label: String::new(),
        });
    }
    p.budget_lines.push(BudgetLine {
        id: BudgetLineId(100),
        phase: None,
        year: 2026,
        category: CostCategory::Other,
        amount: 40_000.0,
        label: "Management reserve".into(),
    });

    // Baseline 0, saved when the framing was signed off.
    let rate_of: HashMap<ResourceId, f64> = p
        .resources
        .iter()
        .map(|r| (r.id, r.standard_rate.amount / 8.0))
        .collect();
    let mut baseline = Baseline {
        number: 0,
        saved_on: date(2026, 3, 6),
        label: "Signed-off plan (COPIL 1)".into(),
        tasks: Vec::new(),
    };
    for (i, r) in rows.iter().enumerate() {
        let (s, f) = base[i];
        let milestone = r.days == 0;
        let days = if r.days == SUM {
            f - s + 1
        } else {
            r.baseline_days
        };
        let work: i64 = p
            .assignments
            .iter()
            .filter(|a| a.task == ids[r.key])
            .map(|a| (r.baseline_days as f64 * 480.0 * a.units) as i64)
            .sum();
        // A task's own cost: its labour at the baseline durations, its fixed cost and the cost
        // items attached to it (as `pilote::schedule::baseline::save` records it).
        let cost: f64 = p
            .assignments
            .iter()
            .filter(|a| a.task == ids[r.key])
            .map(|a| r.baseline_days as f64 * 8.0 * a.units * rate_of[&a.resource])
            .sum::<f64>()
            + p.tasks[i].fixed_cost
            + p.cost_items
                .iter()
                .filter(|c| c.task == Some(ids[r.key]))
                .map(|c| c.amount)
                .sum::<f64>();
        baseline.tasks.push(BaselineTask {
            task: ids[r.key],
            start: if milestone {
                at(wd.day(f), 17)
            } else {
                at(wd.day(s), 8)
            },
            finish: at(wd.day(f), 17),
            duration_minutes: days * 480,
            work_minutes: work,
            cost: cost.round(),
        });
    }
    // Baselines 1 and 2, saved at later reviews as the integration slipped: each task's dates
    // part of the way from the signed-off plan to today's forecast (for the milestone trend).
    for (number, saved_on, part, label) in [
        (1, date(2026, 6, 5), 0.35, "Re-plan after design (COPIL 2)"),
        (2, date(2026, 9, 25), 0.7, "Build review (COPIL 3)"),
    ] {
        let mut later = Baseline {
            number,
            saved_on,
            label: label.into(),
            tasks: baseline.tasks.clone(),
        };
        for (i, entry) in later.tasks.iter_mut().enumerate() {
            let milestone = rows[i].days == 0;
            let mix = |b: i64, n: i64| b + ((n - b) as f64 * part).round() as i64;
            let s = mix(base[i].0, now[i].0);
            let f = mix(base[i].1, now[i].1);
            entry.start = if milestone {
                at(wd.day(f), 17)
            } else {
                at(wd.day(s), 8)
            };
            entry.finish = at(wd.day(f), 17);
        }
        p.baselines.push(later);
    }
    p.baselines.insert(0, baseline);

    add_documents(&mut p, &ids, &|name| res(name), &wd);

    // Store the dates Pilote's scheduler computes, as a saved file would.
    let schedule = pilote::schedule::cpm::schedule(&p).unwrap();
    let mut p = pilote::schedule::cpm::with_scheduled_dates(&p, &schedule);
    if std::env::args().skip(1).any(|a| a == "fr") {
        fr::translate(&mut p);
    }
    let issues = pilote::model::validate::validate(&p);
    assert!(issues.is_empty(), "the sample is not valid: {issues:#?}");
    print!("{}", document::to_text(&p).unwrap());
}

fn add_documents(
    p: &mut Project,
    ids: &HashMap<&str, TaskId>,
    res: &dyn Fn(&str) -> ResourceId,
    wd: &WorkDays,
) {
    let task = |k: &str| ids[k];
    // Deliverables.
    let deliverables = [
        (
            "D01",
            "Project charter",
            DeliverableKind::Document,
            "1.9",
            "Claire Martin",
            "1.2",
            DeliverableStatus::Validated,
        ),
        (
            "D02",
            "Functional specification (SFG)",
            DeliverableKind::Document,
            "2.1.8",
            "Lucas Moreau",
            "2.0",
            DeliverableStatus::Validated,
        ),
        (
            "D03",
            "Technical specification (STG)",
            DeliverableKind::Document,
            "2.2.6",
            "Karim Haddad",
            "1.1",
            DeliverableStatus::Validated,
        ),
        (
            "D04",
            "Test strategy and plan",
            DeliverableKind::Document,
            "4.1",
            "Émilie Leroy",
            "1.0",
            DeliverableStatus::Validated,
        ),
        (
            "D05",
            "ERP release V1",
            DeliverableKind::SoftwareRelease,
            "3.7",
            "Lucas Moreau",
            "1.0.3",
            DeliverableStatus::Delivered,
        ),
        (
            "D06",
            "Interface package (bank, payroll, e-commerce, BI)",
            DeliverableKind::Module,
            "3.7",
            "Marc Rousseau",
            "1.0",
            DeliverableStatus::Delivered,
        ),
        (
            "D07",
            "Data migration scripts",
            DeliverableKind::Data,
            "3.5.3",
            "Thomas Petit",
            "0.9",
            DeliverableStatus::InReview,
        ),
        (
            "D08",
            "Integration test report",
            DeliverableKind::Document,
            "4.2",
            "Émilie Leroy",
            "0.4",
            DeliverableStatus::InProgress,
        ),
        (
            "D09",
            "Acceptance report (PV de recette)",
            DeliverableKind::Document,
            "4.10",
            "Émilie Leroy",
            "",
            DeliverableStatus::Planned,
        ),
        (
            "D10",
            "Training materials",
            DeliverableKind::Training,
            "5.1.1",
            "Nadia Benali",
            "0.2",
            DeliverableStatus::InProgress,
        ),
        (
            "D11",
            "User guides",
            DeliverableKind::Document,
            "5.1.3",
            "Nadia Benali",
            "",
            DeliverableStatus::Planned,
        ),
        (
            "D12",
            "Cutover plan",
            DeliverableKind::Document,
            "5.2.1",
            "Claire Martin",
            "",
            DeliverableStatus::Planned,
        ),
        (
            "D13",
            "Production environment",
            DeliverableKind::Environment,
            "5.2.2",
            "Karim Haddad",
            "",
            DeliverableStatus::Planned,
        ),
        (
            "D14",
            "Hypercare report",
            DeliverableKind::Document,
            "5.3",
            "Lucas Moreau",
            "",
            DeliverableStatus::Planned,
        ),
        (
            "D15",
            "Project closure report",
            DeliverableKind::Document,
            "5.6",
            "Claire Martin",
            "",
            DeliverableStatus::Planned,
        ),
    ];
    for (k, (code, name, kind, due, owner, version, status)) in deliverables.into_iter().enumerate()
    {
        let mut d = Deliverable {
            id: DeliverableId(k as u32 + 1),
            code: code.into(),
            name: name.into(),
            kind,
            due_with: Some(task(due)),
            owner: Some(res(owner)),
            version: version.into(),
            status,
            validations: Vec::new(),
            acceptance: None,
            description: String::new(),
        };
        if status == DeliverableStatus::Validated {
            // Who signs a deliverable off: the sponsor for the charter and the functional
            // specification, the project manager for the technical one, the business for the
            // test strategy.
            let (by, comment) = match code {
                "D01" => ("Hélène Fournier", "Signed by the sponsor after COPIL 1."),
                "D02" => (
                    "Hélène Fournier",
                    "Version 2.0 approved by the sponsor on the key users' review.",
                ),
                "D03" => (
                    "Claire Martin",
                    "Approved after the architecture review with the integrator.",
                ),
                _ => (
                    "Julien Bernard",
                    "Approved by the business: scope and acceptance criteria agreed.",
                ),
            };
            d.validations.push(Validation {
                by: by.into(),
                date: p.tasks[task(due).0 as usize - 1].finish.date(),
                approved: true,
                comment: comment.into(),
            });
        }
        if code == "D02" {
            d.validations.insert(
                0,
                Validation {
                    by: "Julien Bernard".into(),
                    date: date(2026, 5, 4),
                    approved: false,
                    comment: "Version 1.0 refused: month-end closing rules missing.".into(),
                },
            );
        }
        if code == "D05" {
            d.acceptance = Some(Acceptance {
                verdict: AcceptanceVerdict::AcceptedWithReservations,
                date: date(2026, 10, 9),
                by: "Émilie Leroy".into(),
                reservations: "Accepted at the integration test review with two blocking \
                    anomalies open: ANO-003 on the customer portal and ANO-007 on purchase \
                    approvals."
                    .into(),
            });
        }
        p.deliverables.push(d);
    }

    // Requirements.
    let reqs: [(
        &str,
        &str,
        RequirementKind,
        Moscow,
        RequirementStatus,
        &str,
        &[&str],
    ); 30] = [
        (
            "REQ-F-001",
            "General ledger with French chart of accounts (PCG)",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.2.1"],
        ),
        (
            "REQ-F-002",
            "Automated bank reconciliation",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.4.1"],
        ),
        (
            "REQ-F-003",
            "Month-end closing in five working days",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.2.1"],
        ),
        (
            "REQ-F-004",
            "Fixed-asset register and depreciation",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Finance",
            &["3.2.1"],
        ),
        (
            "REQ-F-005",
            "Purchase requisitions with two-level approval",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Procurement",
            &["3.3.2"],
        ),
        (
            "REQ-F-006",
            "Supplier catalogue and framework agreements",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Procurement",
            &["3.2.2"],
        ),
        (
            "REQ-F-007",
            "Three-way matching of invoices",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.2.2"],
        ),
        (
            "REQ-F-008",
            "Sales quotes, orders and invoicing",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Sales",
            &["3.2.3"],
        ),
        (
            "REQ-F-009",
            "Customer credit limits",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Sales",
            &["3.2.3"],
        ),
        (
            "REQ-F-010",
            "Customer portal: order tracking",
            RequirementKind::Functional,
            Moscow::Could,
            RequirementStatus::Implemented,
            "Sales",
            &["3.3.3"],
        ),
        (
            "REQ-F-011",
            "Multi-warehouse stock with lot tracking",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Logistics",
            &["3.2.4"],
        ),
        (
            "REQ-F-012",
            "Cycle counting",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Logistics",
            &["3.2.4"],
        ),
        (
            "REQ-F-013",
            "Replenishment proposals",
            RequirementKind::Functional,
            Moscow::Could,
            RequirementStatus::Implemented,
            "Logistics",
            &["3.2.4"],
        ),
        (
            "REQ-F-014",
            "E-commerce orders imported every 15 minutes",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Sales",
            &["3.4.3"],
        ),
        (
            "REQ-F-015",
            "Payroll journal posted automatically",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "HR",
            &["3.4.2"],
        ),
        (
            "REQ-F-016",
            "Management dashboards (sales, margin, cash)",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Management",
            &["3.2.5", "3.3.1"],
        ),
        (
            "REQ-F-017",
            "Data warehouse daily feed",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Management",
            &["3.4.4"],
        ),
        (
            "REQ-F-018",
            "Electronic document archiving (invoices)",
            RequirementKind::Functional,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Finance",
            &["3.3.4"],
        ),
        (
            "REQ-F-019",
            "Electronic invoicing (French 2026 reform)",
            RequirementKind::Compliance,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.2.1"],
        ),
        (
            "REQ-F-020",
            "Open balances and 3 years of history migrated",
            RequirementKind::Functional,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Finance",
            &["3.5.1", "3.5.2"],
        ),
        (
            "REQ-T-001",
            "Single sign-on with the corporate directory",
            RequirementKind::Security,
            Moscow::Must,
            RequirementStatus::Implemented,
            "IT department",
            &["2.2.4"],
        ),
        (
            "REQ-T-002",
            "Role-based access with segregation of duties",
            RequirementKind::Security,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Internal audit",
            &["2.2.4"],
        ),
        (
            "REQ-T-003",
            "200 concurrent users, p95 response under 2 s",
            RequirementKind::Performance,
            Moscow::Must,
            RequirementStatus::Implemented,
            "IT department",
            &["4.3"],
        ),
        (
            "REQ-T-004",
            "99.5 % availability in business hours",
            RequirementKind::Availability,
            Moscow::Must,
            RequirementStatus::Validated,
            "IT department",
            &["3.1.2"],
        ),
        (
            "REQ-T-005",
            "Daily backups, 4-hour restore",
            RequirementKind::Availability,
            Moscow::Must,
            RequirementStatus::Implemented,
            "IT department",
            &["3.1.2"],
        ),
        (
            "REQ-T-006",
            "Hosting in the EU (GDPR)",
            RequirementKind::Compliance,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Legal",
            &["3.1.1"],
        ),
        (
            "REQ-T-007",
            "Audit trail of accounting entries",
            RequirementKind::Compliance,
            Moscow::Must,
            RequirementStatus::Implemented,
            "Internal audit",
            &["3.2.1"],
        ),
        (
            "REQ-T-008",
            "Interfaces monitored with alerting",
            RequirementKind::Technical,
            Moscow::Should,
            RequirementStatus::Implemented,
            "IT department",
            &["3.4"],
        ),
        (
            "REQ-T-009",
            "French and English user interface",
            RequirementKind::Usability,
            Moscow::Should,
            RequirementStatus::Implemented,
            "Human resources",
            &["3.2"],
        ),
        (
            "REQ-T-010",
            "Penetration test without critical findings",
            RequirementKind::Security,
            Moscow::Must,
            RequirementStatus::Validated,
            "IT department",
            &["4.4"],
        ),
    ];
    for (k, (code, title, kind, priority, status, source, tasks)) in reqs.into_iter().enumerate() {
        let deliverable = if code.starts_with("REQ-F") { 2 } else { 3 };
        p.requirements.push(Requirement {
            id: RequirementId(k as u32 + 1),
            code: code.into(),
            title: title.into(),
            parent: None,
            kind,
            priority,
            status,
            source: source.into(),
            description: String::new(),
            acceptance_criteria: format!(
                "Demonstrated in acceptance on production-like data: {}{}.",
                title[..1].to_lowercase(),
                &title[1..]
            ),
            tasks: tasks.iter().map(|k| task(k)).collect(),
            deliverables: vec![DeliverableId(deliverable)],
        });
    }
    // Two sub-requirements, to show the hierarchy.
    p.requirements[2].parent = Some(RequirementId(1));
    p.requirements[11].parent = Some(RequirementId(11));

    // Test cases: 40, integration then acceptance, each verifying the requirements its title
    // is about. Availability, EU hosting and the penetration test have no case (they are
    // checked by measurement, contract and audit): the matrix shows them untested.
    let cases: [(&str, &[&str]); 40] = [
        ("Post a manual journal entry", &["REQ-F-001"]),
        ("Import a bank statement and reconcile", &["REQ-F-002"]),
        ("Run month-end closing", &["REQ-F-003"]),
        ("Depreciate a fixed asset", &["REQ-F-004"]),
        (
            "Approve a purchase requisition (two levels)",
            &["REQ-F-005"],
        ),
        ("Order from a framework agreement", &["REQ-F-006"]),
        ("Match invoice, order and receipt", &["REQ-F-007"]),
        ("Convert a quote into an order", &["REQ-F-008"]),
        ("Block an order over the credit limit", &["REQ-F-009"]),
        ("Track an order in the customer portal", &["REQ-F-010"]),
        ("Receive a lot into a second warehouse", &["REQ-F-011"]),
        ("Run a cycle count", &["REQ-F-012"]),
        ("Generate replenishment proposals", &["REQ-F-013"]),
        ("Import e-commerce orders", &["REQ-F-014"]),
        ("Post the payroll journal", &["REQ-F-015"]),
        ("Open the sales dashboard", &["REQ-F-016"]),
        ("Check the data warehouse feed", &["REQ-F-017"]),
        ("Archive a supplier invoice", &["REQ-F-018"]),
        ("Issue an electronic invoice", &["REQ-F-019"]),
        ("Check migrated open balances", &["REQ-F-020"]),
        ("Log in with single sign-on", &["REQ-T-001"]),
        (
            "Refuse a forbidden transaction (segregation of duties)",
            &["REQ-T-002"],
        ),
        ("Restore yesterday's backup", &["REQ-T-005"]),
        ("Alert on a failed interface run", &["REQ-T-008"]),
        ("Switch the interface to English", &["REQ-T-009"]),
        ("Audit trail of an entry", &["REQ-T-007"]),
        ("End-to-end order to cash", &["REQ-F-008", "REQ-F-014"]),
        ("End-to-end procure to pay", &["REQ-F-005", "REQ-F-007"]),
        ("End-to-end record to report", &["REQ-F-001", "REQ-F-016"]),
        (
            "Month-end closing by key users",
            &["REQ-F-003", "REQ-F-002"],
        ),
        ("Credit note and refund", &["REQ-F-008", "REQ-F-001"]),
        ("Inventory valuation report", &["REQ-F-011", "REQ-F-016"]),
        ("Supplier payment run (SEPA)", &["REQ-F-007", "REQ-F-002"]),
        ("Customer dunning letters", &["REQ-F-009", "REQ-F-008"]),
        ("Year-end closing simulation", &["REQ-F-003", "REQ-F-004"]),
        (
            "Migrated customer history visible",
            &["REQ-F-020", "REQ-F-008"],
        ),
        ("Print delivery notes", &["REQ-F-008", "REQ-F-011"]),
        ("Portal password reset", &["REQ-F-010"]),
        ("Load: 200 users order entry", &["REQ-T-003"]),
        // The nightly batch carries the data warehouse feed; it says nothing of the response
        // time of 200 users.
        ("Load: nightly batch window", &["REQ-F-017"]),
    ];
    let requirement = |code: &str| {
        p.requirements
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no requirement {code}"))
            .id
    };
    // The technical cases are run by IT, not by a key user of a business process.
    let technical_steps = |k: usize| -> Option<[&str; 3]> {
        Some(match k + 1 {
            21 => [
                "Open the ERP from a workstation joined to the corporate directory",
                "Check that no second password is asked",
                "Disable the account in the directory and check that access is refused",
            ],
            22 => [
                "Log in as a purchasing clerk",
                "Try to approve a supplier payment",
                "Check that it is refused and logged",
            ],
            23 => [
                "Take the backup of the previous night",
                "Restore it on the pre-production environment",
                "Time the restore and check the last entries of the day before",
            ],
            24 => [
                "Stop the e-commerce interface during an exchange",
                "Check that the operations team receives the alert",
                "Restart the interface and check the catch-up",
            ],
            25 => [
                "Set the user's language to English",
                "Open the main screens, reports and documents",
                "Check that no label remains in French",
            ],
            26 => [
                "Post, then correct an accounting entry",
                "Open the entry's audit trail",
                "Check who changed what, and when",
            ],
            39 => [
                "Start the order-entry scenario with 200 virtual users",
                "Hold the load for one hour",
                "Measure throughput and the 95th percentile of response times",
            ],
            40 => [
                "Run the nightly chain on production-sized data",
                "Time each job (interfaces, closing jobs, data warehouse feed)",
                "Compare the end time with the batch window",
            ],
            _ => return None,
        })
    };
    for (k, (title, codes)) in cases.iter().enumerate() {
        let kind = match k {
            0..=25 => TestKind::Integration,
            38 | 39 => TestKind::Load,
            _ => TestKind::Acceptance,
        };
        let (steps, expected) = match technical_steps(k) {
            Some(steps) => (
                steps.iter().map(|s| (*s).to_owned()).collect(),
                "The result matches the technical specification.".to_owned(),
            ),
            None => (
                vec![
                    "Log in as a key user of the process".to_owned(),
                    (*title).to_owned(),
                    "Check the resulting documents and postings".to_owned(),
                ],
                "The result matches the functional specification; no error is shown.".to_owned(),
            ),
        };
        let requirements = codes.iter().map(|c| requirement(c)).collect();
        p.test_cases.push(TestCase {
            id: TestCaseId(k as u32 + 1),
            code: format!("TC-{:03}", k + 1),
            title: (*title).into(),
            kind,
            steps,
            expected,
            requirements,
        });
    }
    p.campaigns.push(Campaign {
        id: CampaignId(1),
        name: "Integration tests".into(),
        kind: TestKind::Integration,
        task: Some(task("4.2")),
        start: p.tasks[task("4.2").0 as usize - 1].start.date(),
        finish: p.tasks[task("4.2").0 as usize - 1].finish.date(),
        environment: "Test (TST)".into(),
        cases: (1..=26).chain(39..=40).map(TestCaseId).collect(),
        deliverable: Some(DeliverableId(5)),
    });
    p.campaigns.push(Campaign {
        id: CampaignId(2),
        name: "User acceptance, campaign 1".into(),
        kind: TestKind::Acceptance,
        task: Some(task("4.6")),
        start: p.tasks[task("4.6").0 as usize - 1].start.date(),
        finish: p.tasks[task("4.6").0 as usize - 1].finish.date(),
        environment: "Pre-production (PRE)".into(),
        cases: (27..=38).chain(1..=8).map(TestCaseId).collect(),
        deliverable: Some(DeliverableId(9)),
    });

    // Anomalies, then the runs that raised them.
    let anomalies = [
        (
            "ANO-001",
            "Bank statement import rejects CAMT.053 files with long remittance texts",
            Severity::Major,
            AnomalyStatus::Closed,
            "Marc Rousseau",
            2,
            Some("4.2"),
        ),
        (
            "ANO-002",
            "Month-end closing blocked by an unposted payroll batch",
            Severity::Major,
            AnomalyStatus::Verified,
            "Hugo Lambert",
            3,
            Some("4.2"),
        ),
        (
            "ANO-003",
            "Customer portal shows orders of other customers after session timeout",
            Severity::Blocking,
            AnomalyStatus::InCorrection,
            "Inès Garcia",
            10,
            Some("4.7"),
        ),
        (
            "ANO-004",
            "Credit limit check ignores open deliveries",
            Severity::Major,
            AnomalyStatus::Fixed,
            "Lucas Moreau",
            9,
            Some("4.7"),
        ),
        (
            "ANO-005",
            "Cycle count report truncates lot numbers",
            Severity::Minor,
            AnomalyStatus::Closed,
            "Hugo Lambert",
            12,
            Some("4.2"),
        ),
        (
            "ANO-006",
            "E-commerce import duplicates orders when the feed is late",
            Severity::Major,
            AnomalyStatus::InCorrection,
            "Marc Rousseau",
            14,
            Some("4.7"),
        ),
        (
            "ANO-007",
            "Purchase approval e-mails not sent to the second approver",
            Severity::Blocking,
            AnomalyStatus::Analysed,
            "Inès Garcia",
            5,
            Some("4.7"),
        ),
        (
            "ANO-008",
            "English labels missing on the invoice layout",
            Severity::Minor,
            AnomalyStatus::New,
            "Lucas Moreau",
            25,
            Some("4.7"),
        ),
        (
            "ANO-009",
            "Migrated customer balances differ by rounding on 12 accounts",
            Severity::Major,
            AnomalyStatus::New,
            "Thomas Petit",
            36,
            Some("5.2.1"),
        ),
        (
            "ANO-010",
            "Nightly batch exceeds its window by 40 minutes",
            Severity::Major,
            AnomalyStatus::Analysed,
            "Karim Haddad",
            40,
            Some("4.7"),
        ),
        (
            "ANO-011",
            "Dunning letter uses the wrong legal mention",
            Severity::Minor,
            AnomalyStatus::Rejected,
            "Lucas Moreau",
            34,
            None,
        ),
    ];
    // Runs on working days: the integration cases over the first three weeks of the
    // campaign, the acceptance cases over the first week of theirs.
    let after = |from: NaiveDate, days: u32| wd.day(wd.index_on_or_before(from) + i64::from(days));
    let c1_start = p.campaigns[0].start;
    let c2_start = p.campaigns[1].start;
    let mut runs: Vec<TestRun> = Vec::new();
    for case in p.campaigns[0].cases.clone() {
        // The load cases are run by the architect who carries the load tests (task 4.3).
        let tester = if case.0 >= 39 {
            "Karim Haddad"
        } else {
            "Émilie Leroy"
        };
        runs.push(TestRun {
            id: TestRunId(runs.len() as u32 + 1),
            campaign: CampaignId(1),
            case,
            result: TestResult::Passed,
            date: after(c1_start, (case.0 - 1) % 14),
            tester: Some(res(tester)),
            anomaly: None,
            comment: String::new(),
        });
    }
    for case in p.campaigns[1].cases.clone().into_iter().take(12) {
        runs.push(TestRun {
            id: TestRunId(runs.len() as u32 + 1),
            campaign: CampaignId(2),
            case,
            result: TestResult::Passed,
            date: after(c2_start, case.0 % 5).min(date(2026, 11, 20)),
            tester: Some(res("Key users")),
            anomaly: None,
            comment: String::new(),
        });
    }
    // The retests of the anomalies fixed and verified: (case, date).
    let mut retests: Vec<(u32, NaiveDate)> = Vec::new();
    for (k, (code, title, severity, status, assignee, case, correction)) in
        anomalies.into_iter().enumerate()
    {
        let id = AnomalyId(k as u32 + 1);
        let run = runs
            .iter_mut()
            .find(|r| r.case == TestCaseId(case) && r.anomaly.is_none());
        let (found_in, reported) = match run {
            Some(run) => {
                run.result = if severity == Severity::Blocking {
                    TestResult::Blocked
                } else {
                    TestResult::Failed
                };
                run.anomaly = Some(id);
                run.comment = title.into();
                (Some(run.id), run.date)
            }
            None => (None, date(2026, 11, 18)),
        };
        // Closed once the retest passed; a rejected anomaly is closed without one.
        let closed = matches!(status, AnomalyStatus::Closed | AnomalyStatus::Rejected)
            .then(|| after(reported, 4));
        match status {
            AnomalyStatus::Closed => retests.push((case, after(reported, 4))),
            AnomalyStatus::Verified => retests.push((case, after(reported, 8))),
            _ => {}
        }
        p.anomalies.push(Anomaly {
            id,
            code: code.into(),
            title: title.into(),
            description: String::new(),
            severity,
            priority: match severity {
                Severity::Blocking => AnomalyPriority::Urgent,
                Severity::Major => AnomalyPriority::High,
                Severity::Minor => AnomalyPriority::Normal,
            },
            status,
            found_in,
            assignee: Some(res(assignee)),
            correction_task: correction.map(task),
            reported_on: reported,
            closed_on: closed,
        });
    }
    // The retests, after the runs they follow (the two closed anomalies first, as the runs'
    // ids were, then the verified one).
    retests.sort_by_key(|(case, _)| if *case == 3 { 1 } else { 0 });
    for (case, day) in retests {
        runs.push(TestRun {
            id: TestRunId(runs.len() as u32 + 1),
            campaign: CampaignId(1),
            case: TestCaseId(case),
            result: TestResult::Passed,
            date: day,
            tester: Some(res("Émilie Leroy")),
            anomaly: None,
            comment: "Retest after correction".into(),
        });
    }
    let run_date = |case: u32| {
        runs.iter()
            .find(|r| r.case == TestCaseId(case))
            .unwrap()
            .date
    };
    let (load_day, batch_day) = (run_date(39), run_date(40));
    p.test_runs = runs;
    p.load_tests = vec![
        LoadTest {
            id: LoadTestId(1),
            campaign: CampaignId(1),
            scenario: "Order entry, 200 concurrent users".into(),
            date: load_day,
            target_throughput_per_s: 35.0,
            measured_throughput_per_s: 38.5,
            target_latency_p95_ms: 2000.0,
            measured_latency_p95_ms: 1650.0,
            concurrent_users: 200,
        },
        LoadTest {
            id: LoadTestId(2),
            campaign: CampaignId(1),
            scenario: "Nightly batch (interfaces and closing jobs)".into(),
            date: batch_day,
            target_throughput_per_s: 120.0,
            measured_throughput_per_s: 96.0,
            target_latency_p95_ms: 0.0,
            measured_latency_p95_ms: 0.0,
            concurrent_users: 0,
        },
    ];

    // Risks.
    let risks = [
        (
            "RSK-01",
            "Key users not available during acceptance (year-end closing)",
            RiskCategory::Human,
            4,
            4,
            45_000.0,
            "Claire Martin",
            "Book key users' time with their managers; back-fill with temporary staff",
            "Extend acceptance by two weeks",
            &["4.6", "4.9"][..],
            RiskStatus::Mitigating,
            RiskTrend::Rising,
        ),
        (
            "RSK-02",
            "Data quality of the legacy system worse than assumed",
            RiskCategory::Technical,
            4,
            3,
            30_000.0,
            "Thomas Petit",
            "Cleansing workshops with the business before dry run 2",
            "Add a third migration dry run",
            &["3.5.2"],
            RiskStatus::Mitigating,
            RiskTrend::Stable,
        ),
        (
            "RSK-03",
            "Integrator staff turnover",
            RiskCategory::Supplier,
            3,
            4,
            40_000.0,
            "Claire Martin",
            "Key-person clause in the contract",
            "Escalate to the integrator's director",
            &[],
            RiskStatus::Open,
            RiskTrend::Stable,
        ),
        (
            "RSK-04",
            "Customer portal security flaws delay go-live",
            RiskCategory::Security,
            3,
            5,
            25_000.0,
            "Karim Haddad",
            "Early penetration test of the portal",
            "Go live without the portal, deliver it later",
            &["4.4"],
            RiskStatus::Open,
            RiskTrend::Rising,
        ),
        (
            "RSK-05",
            "Electronic invoicing rules change before go-live",
            RiskCategory::Legal,
            2,
            4,
            15_000.0,
            "Julien Bernard",
            "Follow the tax administration's calendar",
            "Use the platform's standard connector",
            &[],
            RiskStatus::Open,
            RiskTrend::Stable,
        ),
        (
            "RSK-06",
            "Budget overrun on the test phase",
            RiskCategory::Budget,
            4,
            3,
            35_000.0,
            "Claire Martin",
            "Weekly anomaly triage; cap the correction sprint",
            "Use the management reserve",
            &["4.7"],
            RiskStatus::Occurred,
            RiskTrend::Rising,
        ),
        (
            "RSK-07",
            "Resistance to change in the warehouses",
            RiskCategory::Organisational,
            3,
            3,
            10_000.0,
            "Nadia Benali",
            "Involve warehouse leaders in acceptance",
            "Extra on-site coaching after go-live",
            &["5.1.2"],
            RiskStatus::Open,
            RiskTrend::Falling,
        ),
        (
            "RSK-08",
            "Interface with the bank not certified in time",
            RiskCategory::Supplier,
            2,
            4,
            8_000.0,
            "Marc Rousseau",
            "Start certification during integration",
            "Manual file transfer for one month",
            &["3.4.1"],
            RiskStatus::Closed,
            RiskTrend::Falling,
        ),
        (
            "RSK-09",
            "Performance under month-end load",
            RiskCategory::Technical,
            3,
            4,
            20_000.0,
            "Karim Haddad",
            "Load tests on production-sized data",
            "Scale up the database tier",
            &["4.3"],
            RiskStatus::Mitigating,
            RiskTrend::Stable,
        ),
        (
            "RSK-10",
            "Go-live slips past the fiscal year closing",
            RiskCategory::Schedule,
            3,
            5,
            60_000.0,
            "Claire Martin",
            "Protect the critical path; weekly project committee in the test phase",
            "Go live on 1 April with a parallel run",
            &["5.2.4"],
            RiskStatus::Open,
            RiskTrend::Rising,
        ),
        (
            "RSK-11",
            "Licence count insufficient after go-live",
            RiskCategory::Budget,
            2,
            2,
            9_000.0,
            "Claire Martin",
            "Count named users per department",
            "Buy an extension pack",
            &[],
            RiskStatus::Open,
            RiskTrend::Stable,
        ),
        (
            "RSK-12",
            "Loss of legacy system knowledge (retiring developer)",
            RiskCategory::Human,
            2,
            3,
            12_000.0,
            "Thomas Petit",
            "Document the extraction rules",
            "Short consulting contract after retirement",
            &["3.5.1"],
            RiskStatus::Closed,
            RiskTrend::Falling,
        ),
    ];
    for (
        k,
        (
            code,
            title,
            category,
            prob,
            impact,
            exposure,
            owner,
            mitigation,
            contingency,
            tasks,
            status,
            trend,
        ),
    ) in risks.into_iter().enumerate()
    {
        p.risks.push(Risk {
            id: RiskId(k as u32 + 1),
            code: code.into(),
            title: title.into(),
            description: String::new(),
            category,
            probability: prob,
            impact,
            cost_exposure: exposure,
            owner: Some(res(owner)),
            mitigation: mitigation.into(),
            contingency: contingency.into(),
            action_tasks: tasks.iter().map(|k| task(k)).collect(),
            status,
            trend,
            // The retiring developer was known of when the migration strategy was written.
            identified_on: if code == "RSK-12" {
                date(2026, 4, 15)
            } else {
                date(2026, 2, 16) + chrono::Days::new(k as u64 * 17)
            },
            occurrence_percent: None,
            effects: Vec::new(),
            mitigated: None,
        });
    }
    add_uncertainty(p, &task);

    // Steering committees.
    let attendees = vec![
        "Hélène Fournier (sponsor)".to_owned(),
        "Claire Martin (project manager)".to_owned(),
        "Julien Bernard (finance)".to_owned(),
        "Sophie Dubois (operations)".to_owned(),
        "Paul Girard (Integris Conseil, engagement director)".to_owned(),
    ];
    let meetings = [
        (
            "COPIL 1 — framing sign-off",
            date(2026, 3, 5),
            "Framing complete. Business case approved at 1.1 M€ over two years. Integris Conseil selected after the RFP.",
            vec![
                "Launch the specification phase on 13 March",
                "Budget of 1.1 M€ approved, with a 40 k€ management reserve",
            ],
            vec![
                (
                    "Send the signed contract to Integris Conseil",
                    "Claire Martin",
                    date(2026, 3, 13),
                    ActionStatus::Done,
                ),
                (
                    "Name the key users per department",
                    "Julien Bernard",
                    date(2026, 3, 20),
                    ActionStatus::Done,
                ),
            ],
        ),
        (
            "COPIL 2 — specifications sign-off",
            date(2026, 6, 4),
            "Functional specification validated in version 2.0 after one refusal; technical specification validated. Summer plan agreed.",
            vec![
                "Specifications signed off; the build phase starts",
                "Customer portal kept in scope as a 'could have'",
            ],
            vec![
                (
                    "Plan summer holidays of the key users",
                    "Sophie Dubois",
                    date(2026, 6, 19),
                    ActionStatus::Done,
                ),
                (
                    "Book the key users for the data cleansing workshops",
                    "Julien Bernard",
                    date(2026, 6, 12),
                    ActionStatus::Done,
                ),
            ],
        ),
        (
            "COPIL 3 — build review",
            date(2026, 9, 24),
            "Configuration on track; customer portal extension two weeks late; data cleansing slower than planned.",
            vec![
                "Accept release V1 with reservations (ANO-003 on the portal, ANO-007 on purchase approvals)",
                "Start a weekly anomaly triage from October",
            ],
            vec![
                (
                    "Add a cleansing workshop per week until dry run 2",
                    "Thomas Petit",
                    date(2026, 10, 16),
                    ActionStatus::Done,
                ),
                (
                    "Have the customer portal retested for intrusion once its session flaw is fixed",
                    "Karim Haddad",
                    date(2026, 12, 11),
                    ActionStatus::Open,
                ),
            ],
        ),
        (
            "COPIL 4 — test phase status",
            date(2026, 11, 19),
            "Integration tests finished late (30 working days instead of 23); acceptance campaign 1 started late. Two blocking anomalies open. Test phase 15 % over its labour budget.",
            vec![
                "Release 25 k€ from the management reserve for the correction sprint",
                "Keep the go-live date; decide at the go / no-go committee in January",
                "Weekly project committee until acceptance",
            ],
            vec![
                (
                    "Fix ANO-003 and ANO-007 before acceptance campaign 2",
                    "Inès Garcia",
                    date(2026, 12, 4),
                    ActionStatus::Open,
                ),
                (
                    "Confirm the key users' availability for acceptance campaign 2 in December",
                    "Julien Bernard",
                    date(2026, 11, 27),
                    ActionStatus::Open,
                ),
                (
                    "Re-plan end-user training around the closing",
                    "Nadia Benali",
                    date(2026, 12, 11),
                    ActionStatus::Open,
                ),
            ],
        ),
    ];
    for (k, (title, d, minutes, decisions, actions)) in meetings.into_iter().enumerate() {
        p.meetings.push(Meeting {
            id: MeetingId(k as u32 + 1),
            title: title.into(),
            kind: MeetingKind::SteeringCommittee,
            date: at(d, 10),
            attendees: attendees.clone(),
            external_attendees: vec!["Paul Girard (Integris Conseil, engagement director)".into()],
            agenda: vec![
                "Progress against the plan and the dashboard".into(),
                "Budget and forecast".into(),
                "Risks, anomalies and open actions".into(),
                "Decisions".into(),
            ],
            minutes: minutes.into(),
            decisions: decisions
                .into_iter()
                .map(|t| Decision {
                    text: t.into(),
                    decided_by: "Steering committee".into(),
                })
                .collect(),
            actions: actions
                .into_iter()
                .map(|(text, owner, due, status)| ActionItem {
                    text: text.into(),
                    owner: Some(res(owner)),
                    due: Some(due),
                    status,
                    task: None,
                    risk: None,
                })
                .collect(),
        });
    }
    // The task each action is carried by, and the risk it answers.
    let risk = |code: &str| p.risks.iter().find(|r| r.code == code).unwrap().id;
    let links: [(usize, usize, Option<&str>, Option<&str>); 8] = [
        (0, 1, None, Some("RSK-01")),
        (1, 0, None, Some("RSK-01")),
        (1, 1, Some("3.5.2"), Some("RSK-02")),
        (2, 0, None, Some("RSK-02")),
        (2, 1, None, Some("RSK-04")),
        (3, 0, Some("4.7"), Some("RSK-04")),
        (3, 1, None, Some("RSK-01")),
        (3, 2, Some("5.1.2"), None),
    ];
    let links: Vec<_> = links
        .iter()
        .map(|&(m, a, t, r)| (m, a, t.map(task), r.map(risk)))
        .collect();
    for (m, a, t, r) in links {
        let action = &mut p.meetings[m].actions[a];
        action.task = t;
        action.risk = r;
    }
}

/// What the risk analysis samples: three-point estimates on the tasks whose length nobody can
/// promise (data migration, interfaces, integration and acceptance tests), the uncertain
/// expenses, and the top risks linked to the tasks they would delay or make cost more.
fn add_uncertainty(p: &mut Project, task: &impl Fn(&str) -> TaskId) {
    let days = Duration::days;
    let estimates = [
        (
            "3.5.1",
            (12.0, 15.0, 22.0),
            Distribution::Triangular,
            "migration",
        ),
        ("3.5.2", (20.0, 23.0, 38.0), Distribution::Pert, "migration"),
        (
            "3.5.3",
            (6.0, 8.0, 14.0),
            Distribution::Triangular,
            "migration",
        ),
        (
            "4.5",
            (6.0, 8.0, 14.0),
            Distribution::Triangular,
            "migration",
        ),
        (
            "5.2.3",
            (4.0, 5.0, 8.0),
            Distribution::Triangular,
            "migration",
        ),
        ("4.2", (25.0, 30.0, 45.0), Distribution::Pert, "testing"),
        ("4.3", (10.0, 12.0, 18.0), Distribution::Triangular, ""),
        ("4.6", (20.0, 23.0, 35.0), Distribution::Pert, "testing"),
        (
            "4.7",
            (12.0, 15.0, 25.0),
            Distribution::Triangular,
            "testing",
        ),
        ("4.9", (12.0, 15.0, 24.0), Distribution::Pert, "testing"),
        ("3.3.3", (25.0, 30.0, 45.0), Distribution::Triangular, ""),
        ("3.4.1", (12.0, 15.0, 25.0), Distribution::Triangular, ""),
        (
            "5.1.1",
            (7.0, 8.0, 12.0),
            Distribution::Triangular,
            "deployment",
        ),
        (
            "5.1.2",
            (20.0, 23.0, 35.0),
            Distribution::Pert,
            "deployment",
        ),
        (
            "5.2.1",
            (6.0, 8.0, 15.0),
            Distribution::Triangular,
            "deployment",
        ),
        ("5.5", (6.0, 8.0, 12.0), Distribution::Triangular, ""),
    ];
    for (k, (wbs, (a, m, b), distribution, group)) in estimates.into_iter().enumerate() {
        p.task_estimates.push(TaskEstimate {
            id: EstimateId(k as u32 + 1),
            task: task(wbs),
            optimistic: days(a),
            most_likely: days(m),
            pessimistic: days(b),
            distribution,
            group: group.to_owned(),
        });
    }
    for (k, (item, (low, likely, high), distribution)) in [
        (3, (11_000.0, 12_500.0, 19_000.0), Distribution::Triangular),
        (4, (6_000.0, 6_800.0, 9_500.0), Distribution::Pert),
    ]
    .into_iter()
    .enumerate()
    {
        p.cost_estimates.push(CostEstimate {
            id: CostEstimateId(k as u32 + 1),
            item: CostItemId(item),
            low,
            likely,
            high,
            distribution,
        });
    }
    let delay = |wbs: &str, d: f64| RiskEffect {
        task: task(wbs),
        kind: EffectKind::Delay(days(d)),
    };
    let cost = |wbs: &str, amount: f64| RiskEffect {
        task: task(wbs),
        kind: EffectKind::Cost(amount),
    };
    let linked = [
        // Key users away during acceptance: the second campaign runs two weeks longer.
        (
            "RSK-01",
            60.0,
            vec![delay("4.6", 5.0), delay("4.9", 10.0)],
            Some((30.0, 70.0)),
        ),
        (
            "RSK-02",
            50.0,
            vec![delay("3.5.2", 8.0), cost("3.5.2", 15_000.0)],
            Some((25.0, 100.0)),
        ),
        ("RSK-03", 30.0, vec![delay("3.3.3", 10.0)], None),
        (
            "RSK-04",
            35.0,
            vec![delay("4.4", 10.0), cost("4.4", 8_000.0)],
            None,
        ),
        ("RSK-09", 40.0, vec![delay("4.3", 8.0)], Some((20.0, 100.0))),
        // Warehouse staff resisting the change: the end-user training takes two weeks more.
        (
            "RSK-07",
            40.0,
            vec![delay("5.1.2", 10.0)],
            Some((20.0, 50.0)),
        ),
    ];
    for (code, chance, effects, mitigated) in linked {
        if let Some(r) = p.risks.iter_mut().find(|r| r.code == code) {
            r.occurrence_percent = Some(chance);
            r.effects = effects;
            r.mitigated = mitigated.map(|(occurrence_percent, effect_percent)| Mitigated {
                occurrence_percent,
                effect_percent,
            });
        }
    }
}
