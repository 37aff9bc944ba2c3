//! The Monte Carlo risk analysis against what can be worked out by hand: a certain plan gives
//! its CPM date, one triangular task its closed-form quantiles, two parallel paths the
//! distribution of the later of two (merge bias), a certain risk its impact; and a seed gives
//! the same results on one thread and on several.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests: a panic is the failure report, shares of whole counts are exact"
)]

use chrono::{Duration as Span, NaiveDateTime};

use super::scheduler::{link, plan};
use pilote::model::{
    DayRule, Distribution, Duration, DurationUnit, EffectKind, EstimateId, LinkKind, Mitigated,
    Project, Risk, RiskEffect, RiskId, TaskEstimate, TaskId, TimeRange,
};
use pilote::schedule::cpm::schedule;
use pilote::schedule::risk::{Control, Input, RiskOptions, RiskResult, simulate};

fn elapsed_days(amount: f64) -> Duration {
    Duration {
        amount,
        unit: DurationUnit::ElapsedDays,
    }
}

/// A plan of tasks lasting `days` elapsed days each on a 24-hour calendar (so dates are plain
/// arithmetic, and slack in working minutes is slack in minutes).
fn elapsed_plan(days: &[f64]) -> Project {
    let rows: Vec<(&str, u8, f64)> = days.iter().map(|&d| ("Task", 1, d)).collect();
    let mut p = plan(&rows);
    let day = DayRule::Working(vec![TimeRange::new(0, 0, 0, 0)]);
    let week = &mut p.calendars[0].week;
    for rule in [
        &mut week.monday,
        &mut week.tuesday,
        &mut week.wednesday,
        &mut week.thursday,
        &mut week.friday,
        &mut week.saturday,
        &mut week.sunday,
    ] {
        *rule = day.clone();
    }
    for t in &mut p.tasks {
        t.duration = elapsed_days(t.duration.amount);
        t.milestone = false;
    }
    p
}

fn estimate(p: &mut Project, task: u32, (a, m, b): (f64, f64, f64), distribution: Distribution) {
    let id = EstimateId(p.task_estimates.len() as u32 + 1);
    p.task_estimates.push(TaskEstimate {
        id,
        task: TaskId(task),
        optimistic: elapsed_days(a),
        most_likely: elapsed_days(m),
        pessimistic: elapsed_days(b),
        distribution,
        group: String::new(),
    });
}

fn run(p: &Project, iterations: u32, threads: usize) -> RiskResult {
    let options = RiskOptions {
        iterations,
        seed: 7,
        ..RiskOptions::default()
    };
    simulate(p, options, threads, &Control::default())
        .unwrap()
        .unwrap()
}

/// Elapsed days from the project start to `at`.
fn days_after_start(p: &Project, at: NaiveDateTime) -> f64 {
    (at - p.tasks[0].start).num_minutes() as f64 / 1440.0
}

#[test]
fn with_all_three_points_equal_and_no_risk_every_iteration_is_the_cpm_date() {
    let mut p = plan(&[("Spec", 1, 5.0), ("Build", 1, 10.0), ("Test", 1, 4.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 3, LinkKind::FinishToStart, 1.0);
    for task in 1..=3 {
        let days = p.tasks[task as usize - 1].duration.amount;
        let id = EstimateId(task);
        p.task_estimates.push(TaskEstimate {
            id,
            task: TaskId(task),
            optimistic: Duration::days(days),
            most_likely: Duration::days(days),
            pessimistic: Duration::days(days),
            distribution: Distribution::Pert,
            group: String::new(),
        });
    }
    let cpm = schedule(&p).unwrap().project_finish;
    let r = run(&p, 500, 2);
    assert_eq!(r.deterministic_finish, cpm);
    assert!(
        r.finishes.iter().all(|&f| f == cpm),
        "{:?}",
        r.finishes.first()
    );
    assert_eq!(r.finish_percentile(0.1), cpm);
    assert_eq!(r.finish_percentile(0.9), cpm);
    // Every task is on the one path: critical in every iteration.
    assert!(
        r.criticality.values().all(|&c| c == 1.0),
        "{:?}",
        r.criticality
    );
}

#[test]
fn one_triangular_task_matches_the_closed_form_quantiles() {
    let mut p = elapsed_plan(&[10.0]);
    estimate(&mut p, 1, (5.0, 10.0, 20.0), Distribution::Triangular);
    let r = run(&p, 20_000, 2);
    // Triangle (5, 10, 20): the mode splits it at 1/3, so both quantiles lie above it.
    let quantile = |u: f64| 20.0 - ((1.0 - u) * 15.0 * 10.0_f64).sqrt();
    for (u, tolerance) in [(0.5, 0.15), (0.8, 0.15)] {
        let got = days_after_start(&p, r.finish_percentile(u));
        assert!(
            (got - quantile(u)).abs() < tolerance,
            "P{}: {got:.3} days, expected {:.3}",
            u * 100.0,
            quantile(u)
        );
    }
    let mean = r
        .finishes
        .iter()
        .map(|&f| days_after_start(&p, f))
        .sum::<f64>()
        / r.finishes.len() as f64;
    assert!((mean - 35.0 / 3.0).abs() < 0.1, "mean {mean}");
}

#[test]
fn two_parallel_paths_finish_with_the_later_of_two_merge_bias() {
    // Two independent uniform tasks of 10 to 20 days in parallel, then a milestone: the finish
    // is the later of two, P(max ≤ t) = ((t − 10) / 10)², later than either path alone.
    let mut p = elapsed_plan(&[15.0, 15.0, 0.0]);
    p.tasks[2].milestone = true;
    link(&mut p, 1, 3, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 3, LinkKind::FinishToStart, 0.0);
    estimate(&mut p, 1, (10.0, 15.0, 20.0), Distribution::Uniform);
    estimate(&mut p, 2, (10.0, 15.0, 20.0), Distribution::Uniform);
    let r = run(&p, 20_000, 2);
    for u in [0.5_f64, 0.8] {
        let expected = 10.0 + 10.0 * u.sqrt();
        let got = days_after_start(&p, r.finish_percentile(u));
        assert!(
            (got - expected).abs() < 0.15,
            "P{}: {got:.3}, expected {expected:.3}",
            u * 100.0
        );
    }
    // The plan's own date (15 days) is met in about a quarter of the iterations only.
    let on_time = r.probability_finish_by(p.tasks[0].start + Span::days(15));
    assert!((on_time - 0.25).abs() < 0.02, "{on_time}");
    // Each path is critical about half of the time.
    for task in [1, 2] {
        let c = r.criticality_of(TaskId(task)).unwrap();
        assert!((c - 0.5).abs() < 0.03, "task {task}: {c}");
    }
    // The milestone's own distribution is the finish's.
    assert_eq!(r.milestones.len(), 1);
    assert_eq!(r.milestones[0].dates, r.finishes);
}

fn risk(id: u32, percent: f64, effects: Vec<RiskEffect>) -> Risk {
    let mut r = Risk::new(
        RiskId(id),
        "Data quality",
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    );
    r.occurrence_percent = Some(percent);
    r.effects = effects;
    r
}

#[test]
fn a_certain_risk_equals_adding_its_impact() {
    let mut p = elapsed_plan(&[10.0, 5.0]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    p.risks.push(risk(
        1,
        100.0,
        vec![
            RiskEffect {
                task: TaskId(1),
                kind: EffectKind::Delay(elapsed_days(3.0)),
            },
            RiskEffect {
                task: TaskId(2),
                kind: EffectKind::Cost(2_000.0),
            },
        ],
    ));
    let r = run(&p, 300, 2);
    let mut longer = p.clone();
    longer.tasks[0].duration = elapsed_days(13.0);
    let expected = schedule(&longer).unwrap().project_finish;
    assert!(r.finishes.iter().all(|&f| f == expected));
    assert!(
        r.costs
            .iter()
            .all(|&c| (c - r.deterministic_cost - 2_000.0).abs() < 1e-6)
    );
    // A risk that cannot occur changes nothing; mitigated to 0 %, the certain one neither.
    p.risks[0].mitigated = Some(Mitigated {
        occurrence_percent: 0.0,
        effect_percent: 100.0,
    });
    let options = RiskOptions {
        iterations: 300,
        mitigated: true,
        ..RiskOptions::default()
    };
    let m = simulate(&p, options, 1, &Control::default())
        .unwrap()
        .unwrap();
    assert!(m.finishes.iter().all(|&f| f == m.deterministic_finish));
}

#[test]
fn an_extra_task_only_happens_when_its_risk_occurs() {
    // Build, then a rework task that only exists when the risk occurs (40 %), then go-live.
    let mut p = elapsed_plan(&[10.0, 6.0, 0.0]);
    p.tasks[2].milestone = true;
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 3, LinkKind::FinishToStart, 0.0);
    p.risks.push(risk(
        1,
        40.0,
        vec![RiskEffect {
            task: TaskId(2),
            kind: EffectKind::ExtraTask,
        }],
    ));
    let r = run(&p, 5_000, 2);
    let start = p.tasks[0].start;
    let (without, with) = (start + Span::days(10), start + Span::days(16));
    assert!(r.finishes.iter().all(|&f| f == without || f == with));
    let share = r.probability_finish_by(without);
    assert!((share - 0.6).abs() < 0.03, "{share}");
    // The risk is the input that moves the finish.
    assert_eq!(r.sensitivity[0].input, Input::Risk(RiskId(1)));
    assert!(r.sensitivity[0].correlation > 0.99);
}

#[test]
fn the_same_seed_gives_the_same_results_on_one_and_on_several_threads() {
    let mut p = elapsed_plan(&[10.0, 8.0, 12.0, 5.0]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 1, 3, LinkKind::StartToStart, 2.0);
    link(&mut p, 2, 4, LinkKind::FinishToStart, 0.0);
    link(&mut p, 3, 4, LinkKind::FinishToFinish, 0.0);
    for task in 1..=4 {
        estimate(&mut p, task, (4.0, 8.0, 16.0), Distribution::Pert);
    }
    p.task_estimates[1].group = "integration".to_owned();
    p.task_estimates[2].group = "integration".to_owned();
    p.risks.push(risk(
        1,
        30.0,
        vec![RiskEffect {
            task: TaskId(4),
            kind: EffectKind::Delay(elapsed_days(4.0)),
        }],
    ));
    let one = run(&p, 1_050, 1);
    let three = run(&p, 1_050, 3);
    assert_eq!(one, three);
    assert_eq!(one.finishes.len(), 1_050);
    assert!(one.finish_percentile(0.1) <= one.finish_percentile(0.5));
    assert!(one.finish_percentile(0.5) <= one.finish_percentile(0.9));
    // Another seed draws other samples.
    let options = RiskOptions {
        iterations: 1_050,
        seed: 8,
        ..RiskOptions::default()
    };
    let other = simulate(&p, options, 2, &Control::default())
        .unwrap()
        .unwrap();
    assert_ne!(other.finishes, one.finishes);
}

#[test]
fn correlated_estimates_widen_the_spread_of_a_chain() {
    // Ten tasks in a row: independent, their sum's spread shrinks; running late together, it
    // does not (the reason correlation groups exist).
    let mut p = elapsed_plan(&[10.0; 10]);
    for task in 1..=10 {
        if task > 1 {
            link(&mut p, task - 1, task, LinkKind::FinishToStart, 0.0);
        }
        estimate(&mut p, task, (8.0, 10.0, 14.0), Distribution::Triangular);
    }
    let start = p.tasks[0].start;
    let spread = |r: &RiskResult| {
        (r.finish_percentile(0.9) - start).num_minutes() as f64 / 1440.0
            - (r.finish_percentile(0.1) - start).num_minutes() as f64 / 1440.0
    };
    let independent = run(&p, 4_000, 2);
    for e in &mut p.task_estimates {
        e.group = "vendor".to_owned();
    }
    let correlated = run(&p, 4_000, 2);
    assert!(
        spread(&correlated) > 2.0 * spread(&independent),
        "{} vs {}",
        spread(&correlated),
        spread(&independent)
    );
}

#[test]
fn a_cancelled_run_gives_no_result() {
    let mut p = elapsed_plan(&[10.0]);
    estimate(&mut p, 1, (5.0, 10.0, 20.0), Distribution::Triangular);
    let control = Control::default();
    control
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let options = RiskOptions::default();
    assert_eq!(simulate(&p, options, 2, &control).unwrap(), None);
}

#[test]
fn an_iteration_s_outcome_is_the_full_schedule_s_finishes_and_critical_flags() {
    use pilote::schedule::cpm::Scenarios;
    // Generated plans, staffed and half done (resource calendars, progress, constraints).
    for seed in [3, 11] {
        let p =
            pilote::cli::bench::tracking::staff(pilote::cli::bench::generate_project(600, seed))
                .unwrap();
        let mut scenarios = Scenarios::new(&p).unwrap();
        let n = p.tasks.len();
        for round in 0..3u32 {
            let scale: Vec<f64> = (0..n)
                .map(|i| 0.6 + f64::from((i as u32 * 7 + round * 13) % 11) / 10.0)
                .collect();
            let extra: Vec<i64> = (0..n).map(|i| if i % 17 == 0 { 480 } else { 0 }).collect();
            let full = scenarios.schedule(&scale, &extra);
            let outcome = scenarios.outcome(&scale, &extra);
            assert_eq!(outcome.project_finish, full.project_finish);
            for i in (0..n).filter(|&i| !pilote::model::outline::is_summary(&p.tasks, i)) {
                assert_eq!(
                    outcome.finish[i], full.tasks[i].finish,
                    "seed {seed} row {i}"
                );
                assert_eq!(
                    outcome.critical[i], full.tasks[i].critical,
                    "seed {seed} row {i}"
                );
            }
        }
    }
}
