//! The look of the sample's Gantt chart, guarded by an image snapshot: the window rendered by
//! wgpu (on the CPU with Mesa's lavapipe where there is no GPU) at a fixed date, compared with
//! `tests/snapshots/gantt-sample.png`. A change of look that is wanted is approved by running
//! `UPDATE_SNAPSHOTS=1 cargo test --test gantt_snapshot` and committing the new image.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pilote::app::PiloteApp;
use pilote::app::settings::Settings;
use pilote::ui::ViewKind;

#[test]
fn the_sample_gantt_looks_as_approved() {
    let settings = Settings {
        view: ViewKind::Gantt,
        dark: false,
        ..Settings::default()
    };
    let mut app = PiloteApp::new(settings, None);
    // The sample's status date: the today line sits on it whatever day the test runs.
    app.fixed_today = Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .wgpu()
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    h.run();
    // Phases folded the way a steering committee reads it: done work closed, the test phase
    // (late, in progress at the status date) and the deployment open.
    for phase in ["Framing", "Specifications", "Build"] {
        h.get_by_label(&format!("Collapse {phase}")).click();
        h.run();
    }
    h.get_by_label("Fit project").click();
    h.run();
    h.remove_cursor();
    h.run();
    h.snapshot("gantt-sample");
}
