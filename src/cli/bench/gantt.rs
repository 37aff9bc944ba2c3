//! `pilote bench gantt [--tasks N] [--frames F]`: the Gantt view of a generated project, run
//! headless at 1920×1080 through whole egui frames (layout, painting and tessellation) while
//! scrolling and zooming; prints the median and 99th percentile of the frame's CPU time.
//! With `--drag`, frames while a bar is dragged instead: the pointer pressed on a bar and moved
//! half a day per frame, so the plan is rescheduled live (for the ghost) every other frame.

use std::fmt::Write as _;
use std::time::Instant;

use crate::app::settings::Settings;
use crate::app::{Document, PiloteApp};
use crate::cli::Action;
use crate::cli::bench::generate_project;
use crate::ui::ViewKind;

pub const USAGE: &str = "usage: pilote bench gantt [--tasks N] [--frames F] [--drag]\n";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let k = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[k.min(sorted.len() - 1)]
}

pub fn run(args: &[String]) -> Action {
    let flag = |name: &str| -> Option<usize> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
    };
    let tasks = flag("--tasks").unwrap_or(100_000);
    let frames = flag("--frames").unwrap_or(300).max(10);
    if args.iter().any(|a| a == "--drag") {
        return drag(tasks, frames);
    }
    let (mut app, ctx, screen) = gantt_app(generate_project(tasks, 1));
    let centre = egui::pos2(1300.0, 600.0);
    let mut times = Vec::with_capacity(frames);
    let mut primitives = 0usize;
    // Warm-up frames: the schedule and derived data are computed once per document.
    for k in 0..(frames + 5) {
        let mut input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        input.events.push(egui::Event::PointerMoved(centre));
        // Scroll down most frames; every 10th frame zooms in or out around the pointer.
        if k % 10 == 9 {
            input.events.push(egui::Event::Zoom(if (k / 10) % 2 == 0 {
                1.25
            } else {
                0.8
            }));
        } else {
            input.events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -120.0),
                modifiers: egui::Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
        }
        let (ms, meshes) = timed_frame(&ctx, &mut app, input);
        if k >= 5 {
            times.push(ms);
            primitives += meshes;
        }
    }
    times.sort_by(f64::total_cmp);
    let mut out = String::new();
    let _ = writeln!(out, "tasks: {tasks}, frames: {}, 1920x1080", times.len());
    let _ = writeln!(out, "frame_ms_median: {:.2}", percentile(&times, 0.5));
    let _ = writeln!(out, "frame_ms_p99: {:.2}", percentile(&times, 0.99));
    // What was drawn, to see the frames were not empty.
    let _ = writeln!(
        out,
        "clipped_primitives_per_frame: {}",
        primitives / times.len().max(1)
    );
    Action::Exit {
        code: 0,
        stdout: out,
        stderr: String::new(),
    }
}

/// The app on the Gantt view of `project`, with a headless context and a 1920×1080 screen.
fn gantt_app(project: crate::model::Project) -> (PiloteApp, egui::Context, egui::Rect) {
    let settings = Settings {
        view: ViewKind::Gantt,
        ..Settings::default()
    };
    let mut app = PiloteApp::new(settings, None);
    let name = format!("{} tasks", project.tasks.len());
    app.replace_document(Document::new(project, None, name));
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    (app, egui::Context::default(), screen)
}

/// One whole frame (layout, painting, tessellation): its CPU time in ms and how many clipped
/// primitives it drew.
fn timed_frame(ctx: &egui::Context, app: &mut PiloteApp, input: egui::RawInput) -> (f64, usize) {
    let started = Instant::now();
    let output = ctx.run_ui(input, |ui| app.frame_ui(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    (started.elapsed().as_secs_f64() * 1000.0, meshes.len())
}

fn input_with(screen: egui::Rect, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(screen),
        events,
        ..Default::default()
    }
}

/// Frames while dragging a bar of a generated plan: press on the first movable bar on screen,
/// move right half a day per frame (so the ghost's plan is rescheduled every other frame),
/// release at the end.
fn drag(tasks: usize, frames: usize) -> Action {
    let project = generate_project(tasks, 1);
    let first_start = project.tasks.first().map(|t| t.start);
    let (mut app, ctx, screen) = gantt_app(project);
    let px_per_day = 24.0f32;
    for _ in 0..3 {
        timed_frame(&ctx, &mut app, input_with(screen, Vec::new()));
    }
    // Days wide enough to drag by, from the plan's first day.
    app.views.gantt.px_per_day = px_per_day;
    if let Some(start) = first_start {
        app.views.gantt.origin_days = crate::ui::gantt::days_of(start) - 2.0;
    }
    for _ in 0..3 {
        timed_frame(&ctx, &mut app, input_with(screen, Vec::new()));
    }
    let bar = app.doc.project.tasks.iter().enumerate().find_map(|(i, t)| {
        let movable = !app.derived.summary[i]
            && !t.milestone
            && t.mode == crate::model::SchedulingMode::Auto
            && t.actual_start.is_none();
        let rect = ctx.read_response(crate::ui::gantt::bar_id(t.id))?.rect;
        (movable && rect.width() > 24.0 && screen.contains_rect(rect)).then_some((t.id, rect))
    });
    let Some((task, rect)) = bar else {
        return Action::Exit {
            code: 1,
            stdout: String::new(),
            stderr: "pilote bench gantt --drag: no movable bar on screen\n".to_owned(),
        };
    };
    let constraint = |app: &PiloteApp| {
        app.doc
            .project
            .tasks
            .iter()
            .find(|t| t.id == task)
            .map(|t| t.constraint)
    };
    let before = constraint(&app);
    let from = egui::pos2(rect.min.x + rect.width() * 0.4, rect.center().y);
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    timed_frame(
        &ctx,
        &mut app,
        input_with(screen, vec![egui::Event::PointerMoved(from)]),
    );
    timed_frame(&ctx, &mut app, input_with(screen, vec![button(from, true)]));
    let mut times = Vec::with_capacity(frames);
    for k in 1..=frames {
        // Back and forth over 40 days, so the plan stays in view.
        let day = (k % 80) as f32;
        let offset = if day <= 40.0 { day } else { 80.0 - day };
        let at = from + egui::vec2(offset * px_per_day / 2.0 + 6.0, 0.0);
        let (ms, _) = timed_frame(
            &ctx,
            &mut app,
            input_with(screen, vec![egui::Event::PointerMoved(at)]),
        );
        times.push(ms);
    }
    let end = from + egui::vec2(3.0 * px_per_day, 0.0);
    timed_frame(
        &ctx,
        &mut app,
        input_with(
            screen,
            vec![egui::Event::PointerMoved(end), button(end, false)],
        ),
    );
    timed_frame(&ctx, &mut app, input_with(screen, Vec::new()));
    let after = constraint(&app);
    times.sort_by(f64::total_cmp);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "tasks: {tasks}, drag frames: {}, 1920x1080",
        times.len()
    );
    let _ = writeln!(out, "drag_frame_ms_median: {:.2}", percentile(&times, 0.5));
    let _ = writeln!(out, "drag_frame_ms_p90: {:.2}", percentile(&times, 0.9));
    let _ = writeln!(out, "drag_frame_ms_p99: {:.2}", percentile(&times, 0.99));
    // The drop must have moved the task, or the frames measured no real drag.
    let _ = writeln!(out, "dropped_as_constraint: {}", before != after);
    Action::Exit {
        code: u8::from(before == after),
        stdout: out,
        stderr: String::new(),
    }
}
