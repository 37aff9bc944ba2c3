//! The risk analysis view as a user meets it: set estimates on the whole plan in one undo
//! step, run the analysis and read its P80 finish, cancel a long run.

use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{harness, open_view};
use pilote::schedule::risk::{Control, RiskOptions, simulate};

fn wait_for_result(h: &mut egui_kittest::Harness<'_, pilote::app::PiloteApp>) {
    let began = Instant::now();
    while h.query_by_label("Run analysis").is_none()
        || h.query_by_label_contains("Finish P80: ").is_none()
    {
        assert!(
            began.elapsed() < Duration::from_mins(2),
            "the analysis never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn the_analysis_runs_from_the_view_and_shows_the_p80_finish_the_core_computes() {
    let mut h = harness();
    open_view(&mut h, "Risk analysis");
    h.get_by_label_contains("No analysis yet");
    h.state_mut().views.risk_analysis.options.iterations = 2_000;
    h.get_by_label("Run analysis").click();
    h.run();
    wait_for_result(&mut h);
    let tile = h
        .get_by_label_contains("Finish P80: ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let options = RiskOptions {
        iterations: 2_000,
        ..RiskOptions::default()
    };
    let project = &h.state().doc.project;
    let result = simulate(project, options, 1, &Control::default())
        .unwrap()
        .unwrap();
    let day =
        |at: chrono::NaiveDateTime| pilote::i18n::format_date(pilote::i18n::Lang::En, at.date());
    assert_eq!(
        tile,
        format!("Finish P80: {}", day(result.finish_percentile(0.8)))
    );
    // The sample's uncertainty shows: the P80 finish is after the planned one, shown too.
    assert!(result.finish_percentile(0.8) > result.deterministic_finish);
    let planned = format!("Planned finish: {}", day(result.deterministic_finish));
    assert!(
        h.get_all_by_label_contains("Planned finish: ").any(|n| n
            .accesskit_node()
            .label()
            .unwrap_or_default()
            == planned),
        "{planned}"
    );
}

#[test]
fn a_long_run_shows_its_progress_and_can_be_cancelled() {
    let mut h = harness();
    open_view(&mut h, "Risk analysis");
    h.state_mut().views.risk_analysis.options.iterations = 1_000_000;
    h.get_by_label("Run analysis").click();
    h.step();
    h.step();
    h.get_by_label_contains("of 1000000 iterations");
    h.get_by_label("Cancel analysis").click();
    h.step();
    h.step();
    assert!(h.query_by_label_contains("of 1000000 iterations").is_none());
    h.get_by_label("Run analysis");
    h.get_by_label_contains("No analysis yet");
}

#[test]
fn estimates_are_set_on_the_whole_plan_in_one_undo_step() {
    let mut h = harness();
    open_view(&mut h, "Risk analysis");
    let before = h.state().doc.project.task_estimates.clone();
    h.get_by_label("Set estimates").click();
    h.run();
    let after = &h.state().doc.project.task_estimates;
    assert!(
        after.len() > before.len(),
        "{} then {}",
        before.len(),
        after.len()
    );
    // Each new estimate is −10 % / +30 % of its task's duration.
    let e = after
        .iter()
        .find(|e| !before.iter().any(|b| b.task == e.task))
        .unwrap();
    let task = h
        .state()
        .doc
        .project
        .tasks
        .iter()
        .find(|t| t.id == e.task)
        .unwrap();
    assert!((e.pessimistic.amount - task.duration.amount * 1.3).abs() < 0.01);
    assert!((e.optimistic.amount - task.duration.amount * 0.9).abs() < 0.01);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.task_estimates, before);
}
