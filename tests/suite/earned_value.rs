//! Costs, baselines, progress and earned value on small projects worked out by hand, on the
//! standard calendar (Monday–Friday, 08:00–12:00 and 13:00–17:00, 8 hours a day).

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]
#![allow(
    clippy::many_single_char_names,
    reason = "p, s, f, r: project, schedule, figures, report"
)]

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use pilote::model::{
    Accrual, Assignment, AssignmentId, CostCategory, CostItem, CostItemId, Duration, EacMethod,
    Link, LinkKind, Origin, Project, Rate, RatePer, Resource, ResourceId, Task, TaskId,
};
use pilote::schedule::calendar::WorkCalendar;
use pilote::schedule::cost::{Period, PhaseInput, cost_sheet, phased_by_row, phased_costs};
use pilote::schedule::earned_value::{EvFigures, earned_value};
use pilote::schedule::{baseline, cpm, kpi, progress};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

/// A project starting Monday 5 January 2026: a summary (level 1) over `days.len()` tasks in a
/// finish-to-start chain, each done by one builder paid `rate_per_hour`.
fn chain(days: &[f64], rate_per_hour: f64) -> Project {
    let mut p = Project::new("t", day("2026-01-05"));
    p.tasks
        .push(Task::new(TaskId(1), "Fence", 1, at("2026-01-05 08:00")));
    let mut builder = Resource::person(ResourceId(1), "Builder");
    builder.standard_rate = Rate {
        amount: rate_per_hour,
        per: RatePer::Hour,
    };
    p.resources.push(builder);
    for (k, d) in days.iter().enumerate() {
        let id = TaskId(k as u32 + 2);
        let mut t = Task::new(id, &format!("Side {}", k + 1), 2, at("2026-01-05 08:00"));
        t.duration = Duration::days(*d);
        p.tasks.push(t);
        p.assignments.push(Assignment::new(
            AssignmentId(k as u32 + 1),
            (id, ResourceId(1)),
            1.0,
            (*d * 480.0) as i64,
        ));
        if k > 0 {
            p.links.push(Link {
                predecessor: TaskId(k as u32 + 1),
                successor: id,
                kind: LinkKind::FinishToStart,
                lag: pilote::model::Lag::None,
            });
        }
    }
    p
}

fn save_baseline(p: &mut Project, number: u8, only: Option<&HashSet<TaskId>>) {
    let s = cpm::schedule(p).unwrap();
    let sheet = cost_sheet(p, number);
    p.baselines = baseline::save(p, &s, &sheet, number, day("2026-01-02"), only);
}

fn record(p: &mut Project, row: usize, percent: u8, actual_work_minutes: i64) {
    let s = cpm::schedule(p).unwrap();
    let t = &mut p.tasks[row];
    t.percent_complete = percent;
    if percent > 0 {
        t.actual_start = Some(s.tasks[row].start);
    }
    if percent == 100 {
        t.actual_finish = Some(s.tasks[row].finish);
    }
    let id = t.id;
    for a in p.assignments.iter_mut().filter(|a| a.task == id) {
        a.actual_work_minutes = actual_work_minutes;
    }
}

fn project_ev(p: &Project, status: &str) -> EvFigures {
    let cal = WorkCalendar::resolve(p, p.settings.calendar).unwrap();
    let sheet = cost_sheet(p, p.earned_value.baseline);
    earned_value(p, &sheet, &cal, day(status)).project
}

/// The fence of "PMP Exam Prep" (Rita Mulcahy), earned-value exercise, p. 210: four sides, one
/// day and $1,000 each, built one after the other. At the end of day 3: side 1 complete for
/// $1,000, side 2 complete for $1,200, side 3 half done for $600, side 4 not started. The book's
/// answers: PV 3,000, EV 2,500, AC 2,800, BAC 4,000, CV −300, CPI .893, SV −500, SPI .833,
/// EAC 4,479, ETC 1,679, VAC −479 — the last three from CPI rounded to .893 first; unrounded
/// they are 4,480, 1,680 and −480.
#[test]
fn the_fence_exercise_gives_the_textbook_figures() {
    // $125 an hour: one 8-hour day of work is $1,000.
    let mut p = chain(&[1.0, 1.0, 1.0, 1.0], 125.0);
    save_baseline(&mut p, 0, None);
    record(&mut p, 1, 100, 480); // $1,000
    record(&mut p, 2, 100, 576); // 9.6 hours: $1,200
    record(&mut p, 3, 50, 288); // 4.8 hours: $600

    // Day 3 is Wednesday 7 January 2026.
    let f = project_ev(&p, "2026-01-07");
    assert!(close(f.bac, 4000.0));
    assert!(close(f.pv, 3000.0), "PV {}", f.pv);
    assert!(close(f.ev, 2500.0), "EV {}", f.ev);
    assert!(close(f.ac, 2800.0), "AC {}", f.ac);
    assert!(close(f.cv, -300.0));
    assert!(close(f.sv, -500.0));
    assert_eq!(format!("{:.3}", f.cpi.unwrap()), "0.893");
    assert_eq!(format!("{:.3}", f.spi.unwrap()), "0.833");
    assert!(close(f.eac, 4480.0), "EAC {}", f.eac);
    assert!(close(f.etc, 1680.0));
    assert!(close(f.vac, -480.0));
    assert!(close(f.tcpi.unwrap(), 1500.0 / 1200.0));
    assert!(close(f.percent_complete, 62.5));

    // The other EAC formulas.
    p.earned_value.eac = EacMethod::Budget;
    assert!(close(project_ev(&p, "2026-01-07").eac, 2800.0 + 1500.0));
    p.earned_value.eac = EacMethod::CpiSpi;
    let cpi_spi = (2500.0 / 2800.0) * (2500.0 / 3000.0);
    assert!(close(
        project_ev(&p, "2026-01-07").eac,
        2800.0 + 1500.0 / cpi_spi
    ));

    // Half-way through day 3 would have planned 2,500 — PV follows the status date.
    let earlier = project_ev(&p, "2026-01-06");
    assert!(close(earlier.pv, 2000.0));
}

#[test]
fn the_summary_adds_its_tasks_earned_value() {
    let mut p = chain(&[1.0, 1.0, 1.0, 1.0], 125.0);
    save_baseline(&mut p, 0, None);
    record(&mut p, 1, 100, 480);
    record(&mut p, 3, 50, 288);
    let cal = WorkCalendar::resolve(&p, p.settings.calendar).unwrap();
    let sheet = cost_sheet(&p, 0);
    let ev = earned_value(&p, &sheet, &cal, day("2026-01-07"));
    assert!(close(ev.tasks[0].ev, 1500.0));
    assert!(close(ev.tasks[0].ac, 1600.0));
    assert!(close(ev.tasks[0].bac, 4000.0));
    assert!(close(ev.tasks[3].ev, 500.0));
}

#[test]
fn costs_roll_up_with_fixed_cost_accruals_overtime_per_use_and_providers() {
    let mut p = chain(&[2.0, 2.0, 2.0], 100.0);
    // Side 1 costs $1,000 fixed, accrued at start; side 2 prorated; side 3 at the end.
    for (row, accrual) in [
        (1, Accrual::Start),
        (2, Accrual::Prorated),
        (3, Accrual::End),
    ] {
        p.tasks[row].fixed_cost = 1000.0;
        p.tasks[row].fixed_cost_accrual = accrual;
    }
    // A consultant from a provider on side 3, $800 a day, $50 per use, 4 hours of overtime
    // at $150 an hour.
    let mut consultant = Resource::person(ResourceId(2), "Consultant");
    consultant.origin = Origin::External {
        provider: "Integris".into(),
        contract: "C-1".into(),
    };
    consultant.standard_rate = Rate {
        amount: 800.0,
        per: RatePer::Day,
    };
    consultant.overtime_rate = Rate {
        amount: 150.0,
        per: RatePer::Hour,
    };
    consultant.cost_per_use = 50.0;
    p.resources.push(consultant);
    p.assignments.push(Assignment {
        id: AssignmentId(10),
        task: TaskId(4),
        resource: ResourceId(2),
        work_minutes: 960,
        overtime_work_minutes: 240,
        ..p.assignments[0].clone() // full time, nothing done
    });
    // A licence bought for side 2, already paid.
    p.cost_items.push(CostItem {
        id: CostItemId(1),
        label: "Licence".into(),
        task: Some(TaskId(3)),
        category: CostCategory::Licences,
        amount: 300.0,
        date: day("2026-01-07"),
        external: true,
        actual: true,
        accrual: Accrual::Start,
    });
    // Side 1 started (25 %), side 2 half done, side 3 not started.
    record(&mut p, 1, 25, 240);
    record(&mut p, 2, 50, 480);

    let sheet = cost_sheet(&p, 0);
    // Side 1: 16 h × $100 + $1,000 fixed; actual: 4 h and the whole fixed cost (start).
    assert!(close(sheet.own[1].total, 1600.0 + 1000.0));
    assert!(close(sheet.own[1].actual, 400.0 + 1000.0));
    // Remaining labour follows % complete: 75 % of 16 h.
    assert!(close(sheet.own[1].remaining, 1200.0));
    // Side 2: half the fixed cost accrued, the licence spent.
    assert!(close(sheet.own[2].actual, 800.0 + 500.0 + 300.0));
    assert!(close(sheet.own[2].external, 300.0));
    // Side 3: nothing spent; the consultant's 12 h at $100 + 4 h at $150 + $50 per use.
    let consultant = 12.0 * 100.0 + 4.0 * 150.0 + 50.0;
    assert!(close(sheet.own[3].actual, 0.0));
    assert!(close(sheet.own[3].total, 1600.0 + 1000.0 + consultant));
    assert!(close(sheet.own[3].external, consultant));
    // The summary and the project add everything once.
    let all: f64 = (1..=3).map(|r| sheet.own[r].total).sum();
    assert!(close(sheet.rolled[0].total, all));
    assert!(close(sheet.project.total, all));
    assert!(close(
        sheet.project.internal + sheet.project.external,
        sheet.project.total
    ));
    assert!(close(
        sheet.project.actual + sheet.project.remaining,
        sheet.project.total
    ));

    // Spread over time, the months add up to the total.
    let s = cpm::schedule(&p).unwrap();
    let cal = WorkCalendar::resolve(&p, p.settings.calendar).unwrap();
    let input = PhaseInput {
        project: &p,
        schedule: &s,
        sheet: &sheet,
        cal: &cal,
        baseline: 0,
        status: Some(day("2026-01-06")),
    };
    let phased = phased_costs(&input);
    // Per task and month, the summary row adds up to the same.
    let (_, by_row) = phased_by_row(&input, Period::Month);
    assert!(close(by_row[0].iter().sum::<f64>(), all));
    assert!(close(by_row[3].iter().sum::<f64>(), sheet.own[3].total));
    let by_month: f64 = phased
        .actual
        .by_period(Period::Month)
        .iter()
        .map(|x| x.1)
        .sum::<f64>()
        + phased
            .remaining
            .by_period(Period::Month)
            .iter()
            .map(|x| x.1)
            .sum::<f64>();
    assert!(close(by_month, all), "{by_month} vs {all}");
    // Side 3's fixed cost, accrued at the end, falls on its last day.
    let finish = s.tasks[3].finish.date();
    let on_finish = phased.remaining.values[(finish - phased.remaining.first).num_days() as usize];
    assert!(
        on_finish >= 1000.0,
        "the end-accrued fixed cost is on {finish}"
    );
}

#[test]
fn a_baseline_is_saved_compared_and_cleared() {
    let mut p = chain(&[1.0, 2.0], 125.0);
    save_baseline(&mut p, 0, None);
    assert_eq!(p.baselines.len(), 1);
    assert_eq!(p.baselines[0].tasks.len(), 3);
    assert!(close(p.baselines[0].tasks[2].cost, 2000.0));

    // Side 1 now takes 3 days: side 2 starts and finishes 2 working days later.
    p.tasks[1].duration = Duration::days(3.0);
    p.assignments[0].work_minutes = 3 * 480;
    let s = cpm::schedule(&p).unwrap();
    let cal = WorkCalendar::resolve(&p, p.settings.calendar).unwrap();
    let sheet = cost_sheet(&p, 0);
    let v = baseline::variances(&p, &s, &sheet, &cal, 0);
    let side1 = v[1].unwrap();
    assert!(close(side1.duration_days, 2.0));
    assert!(close(side1.finish_days, 2.0));
    assert!(close(side1.cost, 2000.0));
    let side2 = v[2].unwrap();
    assert!(close(side2.start_days, 2.0));
    assert!(close(side2.duration_days, 0.0));
    assert!(
        close(v[0].unwrap().cost, 2000.0),
        "the summary carries its tasks' variance"
    );

    // Baseline 1 for side 2 only, then cleared.
    let only: HashSet<TaskId> = [TaskId(3)].into();
    save_baseline(&mut p, 1, Some(&only));
    assert_eq!(p.baselines.len(), 2);
    assert_eq!(p.baselines[1].number, 1);
    assert_eq!(p.baselines[1].tasks.len(), 1);
    assert!(baseline::variances(&p, &s, &sheet, &cal, 1)[1].is_none());
    p.baselines = baseline::clear(&p, 1, None);
    assert_eq!(p.baselines.len(), 1);
    assert_eq!(p.baselines[0].number, 0);
    // Clearing one task of baseline 0 keeps the others.
    p.baselines = baseline::clear(&p, 0, Some(&[TaskId(2)].into()));
    assert_eq!(p.baselines[0].tasks.len(), 2);
    // Without any baseline, there is nothing to earn against.
    p.baselines.clear();
    let f = project_ev(&p, "2026-01-07");
    assert_eq!((f.bac, f.pv, f.ev), (0.0, 0.0, 0.0));
}

#[test]
fn updating_the_project_through_a_date_records_the_scheduled_progress() {
    let mut p = chain(&[2.0, 2.0, 2.0], 100.0);
    let s = cpm::schedule(&p).unwrap();
    let cal = WorkCalendar::resolve(&p, p.settings.calendar).unwrap();
    // Through Wednesday 7 January: side 1 (Mon–Tue) done, side 2 (Wed–Thu) half done.
    let update = progress::update_through(&p, &s, &cal, day("2026-01-07"));
    let before = progress::ProgressState::current(&p, &update);
    update.apply(&mut p);
    assert_eq!(p.meta.status_date, Some(day("2026-01-07")));
    assert_eq!(p.tasks[1].percent_complete, 100);
    assert_eq!(p.tasks[1].actual_finish, Some(at("2026-01-06 17:00")));
    assert_eq!(p.tasks[2].percent_complete, 50);
    assert_eq!(p.tasks[2].actual_start, Some(at("2026-01-07 08:00")));
    assert_eq!(p.tasks[2].actual_finish, None);
    assert_eq!(p.tasks[3].percent_complete, 0);
    assert_eq!(p.assignments[1].actual_work_minutes, 480);
    // The summary is left to be computed from its tasks.
    assert_eq!(p.tasks[0].percent_complete, 0);
    assert!(close(cost_sheet(&p, 0).progress[0], 0.5));
    // What it overwrote puts everything back.
    before.apply(&mut p);
    assert_eq!(p.tasks[1].percent_complete, 0);
    assert_eq!(p.tasks[1].actual_start, None);
    assert_eq!(p.assignments[1].actual_work_minutes, 0);
    assert_eq!(p.meta.status_date, None);
}

#[test]
fn the_sample_is_slightly_late_and_over_budget_in_its_test_phase() {
    let text = std::fs::read_to_string("assets/samples/erp-rollout.pilote.ron").unwrap();
    let p = pilote::io::document::parse(&text, "sample").unwrap();
    let s = cpm::schedule(&p).unwrap();
    let r = kpi::report(&p, &s, p.meta.status_date.unwrap()).unwrap();
    let f = r.ev.project;
    assert!(close(f.spi.unwrap(), f.ev / f.pv));
    assert!(close(f.cpi.unwrap(), f.ev / f.ac));
    assert!(close(f.vac, f.bac - f.eac));
    assert!(close(f.etc, f.eac - f.ac));
    // Slightly: indices between 0.9 and 1.
    let (spi, cpi) = (f.spi.unwrap(), f.cpi.unwrap());
    assert!((0.9..1.0).contains(&spi), "SPI {spi}");
    assert!((0.9..1.0).contains(&cpi), "CPI {cpi}");
    // The test phase (WBS 4) is the one behind and over.
    let test_phase = p
        .tasks
        .iter()
        .position(|t| t.name.starts_with("Tests"))
        .unwrap();
    let t = r.ev.tasks[test_phase];
    assert!(t.cpi.unwrap() < cpi, "test phase CPI {:?}", t.cpi);
    assert!(t.spi.unwrap() < 1.0, "test phase SPI {:?}", t.spi);
    // The S-curves end where they should: PV at BAC, the forecast at EAC.
    let last = r.series.last().unwrap();
    assert!(close(last.pv, f.bac), "{} vs {}", last.pv, f.bac);
    assert!(close(last.forecast.unwrap(), f.eac));
    let at_status = r.series.iter().find(|x| x.date == r.status).unwrap();
    assert!(
        close(at_status.ev.unwrap(), f.ev),
        "{:?} vs {}",
        at_status.ev,
        f.ev
    );
    assert!(
        close(at_status.ac.unwrap(), f.ac),
        "{:?} vs {}",
        at_status.ac,
        f.ac
    );
    assert!(close(at_status.pv, f.pv), "{} vs {}", at_status.pv, f.pv);
    // Three baselines and the status date: four points per milestone.
    assert!(r.trend.iter().all(|m| m.points.len() == 4));
    // The tiles: schedule and cost amber.
    assert_eq!(r.headline.schedule, kpi::Rag::Amber);
    assert_eq!(r.headline.cost, kpi::Rag::Amber);
}

#[test]
fn typing_progress_on_a_task_records_it_as_ms_project_does() {
    use pilote::schedule::progress::{TaskUpdate, UpdateRefusal, update_task};
    let mut p = chain(&[2.0, 2.0], 100.0);
    let s = cpm::schedule(&p).unwrap();
    let scheduled = (s.tasks[1].start, s.tasks[1].finish);

    // 50 %: started on schedule, half the work done.
    update_task(&p, 1, scheduled, TaskUpdate::Percent(50))
        .unwrap()
        .apply(&mut p);
    assert_eq!(p.tasks[1].actual_start, Some(scheduled.0));
    assert_eq!(p.tasks[1].actual_finish, None);
    assert_eq!(p.assignments[0].actual_work_minutes, 480);

    // Actual work typed: 12 hours, more than planned for half the task.
    update_task(&p, 1, scheduled, TaskUpdate::ActualWork(720))
        .unwrap()
        .apply(&mut p);
    assert_eq!(p.assignments[0].actual_work_minutes, 720);
    assert_eq!(p.tasks[1].percent_complete, 50);

    // An actual finish completes the task; before its start it is refused.
    let early = at("2026-01-01 17:00");
    assert_eq!(
        update_task(&p, 1, scheduled, TaskUpdate::ActualFinish(Some(early))),
        Err(UpdateRefusal::FinishBeforeStart)
    );
    let done = at("2026-01-07 12:00");
    update_task(&p, 1, scheduled, TaskUpdate::ActualFinish(Some(done)))
        .unwrap()
        .apply(&mut p);
    assert_eq!(p.tasks[1].percent_complete, 100);
    assert_eq!(p.tasks[1].actual_finish, Some(done));

    // Clearing the actual start clears the progress.
    update_task(&p, 1, scheduled, TaskUpdate::ActualStart(None))
        .unwrap()
        .apply(&mut p);
    assert_eq!(p.tasks[1].percent_complete, 0);
    assert_eq!(p.tasks[1].actual_finish, None);
    assert_eq!(p.assignments[0].actual_work_minutes, 0);

    // The summary has no assignment: actual work is refused there.
    assert_eq!(
        update_task(&p, 0, scheduled, TaskUpdate::ActualWork(60)),
        Err(UpdateRefusal::NoAssignment)
    );
}

#[test]
fn a_summary_s_percent_complete_is_its_subtasks_done_duration_over_their_duration() {
    // Fence: side 1 (10 days) done, side 2 (30 days) not started → a quarter done.
    let mut p = chain(&[10.0, 30.0], 50.0);
    p.tasks[1].percent_complete = 100;
    // A summary of two milestones, one reached → half.
    let mut gates = Task::new(TaskId(10), "Gates", 1, at("2026-01-05 08:00"));
    gates.percent_complete = 0;
    p.tasks.push(gates);
    for (k, done) in [(11, 100), (12, 0)] {
        let mut m = Task::new(TaskId(k), "Gate", 2, at("2026-01-05 08:00"));
        m.milestone = true;
        m.duration = Duration::zero();
        m.percent_complete = done;
        p.tasks.push(m);
    }
    let rolled = progress::rolled_percent(&p);
    assert!(close(rolled[0], 25.0), "{}", rolled[0]);
    assert!(
        close(rolled[1], 100.0) && close(rolled[2], 0.0),
        "tasks keep their own"
    );
    assert!(close(rolled[3], 50.0), "{}", rolled[3]);
}

/// Ten days of work planned from Monday 5 January 2026 (8,000 of labour and a 500 licence on
/// 21 January in the baseline), done late: from 5 to 23 January (15 working days) for 120 hours
/// (12,000), the licence bought on its date; progress recorded on 23 January.
fn late_and_over() -> Project {
    let mut p = chain(&[10.0], 100.0);
    p.cost_items.push(CostItem {
        id: CostItemId(1),
        label: "Licence".into(),
        task: Some(TaskId(2)),
        category: CostCategory::Licences,
        amount: 500.0,
        date: day("2026-01-21"),
        external: true,
        actual: true,
        accrual: Accrual::Start,
    });
    save_baseline(&mut p, 0, None);
    let t = &mut p.tasks[1];
    t.percent_complete = 100;
    t.actual_start = Some(at("2026-01-05 08:00"));
    t.actual_finish = Some(at("2026-01-23 17:00"));
    p.assignments[0].actual_work_minutes = 7200;
    p.meta.status_date = Some(day("2026-01-23"));
    p
}

#[test]
fn at_an_earlier_date_ev_and_ac_are_what_was_earned_and_spent_by_then() {
    let p = late_and_over();
    let s = cpm::schedule(&p).unwrap();
    let report = |d: &str| kpi::report(&p, &s, day(d)).unwrap();
    let recorded = report("2026-01-23");
    let f = recorded.ev.project;
    assert!(!recorded.before_progress());
    assert!(close(f.bac, 8500.0), "BAC {}", f.bac);
    assert!(close(f.ev, 8500.0), "EV {}", f.ev);
    assert!(close(f.ac, 12_500.0), "AC {}", f.ac);

    // Wednesday 14 January: 8 of the 15 actual working days are done, the licence not yet
    // bought. The baseline planned 8 of its 10 days by then.
    let mid = report("2026-01-14");
    assert!(mid.before_progress());
    assert_eq!(mid.progress_date, day("2026-01-23"));
    let m = mid.ev.project;
    assert!(close(m.ac, 12_000.0 * 8.0 / 15.0), "AC {}", m.ac);
    assert!(close(m.ev, 8000.0 * 8.0 / 15.0), "EV {}", m.ev);
    assert!(close(m.pv, 8000.0 * 8.0 / 10.0), "PV {}", m.pv);
    assert!(m.spi.unwrap() < 1.0 && m.cpi.unwrap() < 1.0, "{m:?}");
    // The budget table and the S-curve say the same.
    let spent: f64 = mid.by_phase.iter().map(|r| r.actual).sum();
    assert!(close(spent, m.ac), "by phase {spent} vs {}", m.ac);
    let point = mid.series.iter().find(|x| x.date == mid.status).unwrap();
    assert!(close(point.ac.unwrap(), m.ac) && close(point.ev.unwrap(), m.ev));

    // The licence counts from its date on, and nothing ever goes back down.
    let bought = report("2026-01-21").ev.project;
    assert!(
        close(bought.ac, 12_000.0 * 13.0 / 15.0 + 500.0),
        "AC {}",
        bought.ac
    );
    let mut last = (0.0, 0.0);
    for d in [
        "2026-01-02",
        "2026-01-09",
        "2026-01-14",
        "2026-01-21",
        "2026-01-22",
        "2026-01-23",
    ] {
        let f = report(d).ev.project;
        assert!(f.ev >= last.0 - 1e-9 && f.ac >= last.1 - 1e-9, "{d}: {f:?}");
        last = (f.ev, f.ac);
    }
    assert!(close(last.0, 8500.0) && close(last.1, 12_500.0));
    // Before the work started, nothing was earned or spent.
    let before = report("2026-01-02").ev.project;
    assert!(close(before.ev, 0.0) && close(before.ac, 0.0), "{before:?}");
}

#[test]
fn moving_the_status_date_back_in_the_document_gives_the_same_figures() {
    // The dashboard's status-date control writes the date into the project: the actual dates
    // still say progress was recorded through 23 January.
    let p = late_and_over();
    let s = cpm::schedule(&p).unwrap();
    let asked = kpi::report(&p, &s, day("2026-01-14")).unwrap();
    let mut moved = p.clone();
    moved.meta.status_date = Some(day("2026-01-14"));
    let s = cpm::schedule(&moved).unwrap();
    let r = kpi::report(&moved, &s, day("2026-01-14")).unwrap();
    assert_eq!(r.progress_date, day("2026-01-23"));
    assert!(close(r.ev.project.ev, asked.ev.project.ev));
    assert!(close(r.ev.project.ac, asked.ev.project.ac));
    assert!(close(r.ev.project.pv, asked.ev.project.pv));
}
