//! `pilote bench gantt [--tasks N] [--frames F]`: the Gantt view of a generated project, run
//! headless at 1920×1080 through whole egui frames (layout, painting and tessellation) while
//! scrolling and zooming; prints the median and 99th percentile of the frame's CPU time.

use std::fmt::Write as _;
use std::time::Instant;

use crate::app::commands::ViewKind;
use crate::app::settings::Settings;
use crate::app::{Document, PiloteApp};
use crate::bench::generate_project;
use crate::cli::Action;

pub const USAGE: &str = "usage: pilote bench gantt [--tasks N] [--frames F]\n";

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
    let project = generate_project(tasks, 1);
    let settings = Settings {
        view: ViewKind::Gantt,
        ..Settings::default()
    };
    let mut app = PiloteApp::new(settings, None);
    app.replace_document(Document::new(project, None, format!("{tasks} tasks")));
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
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
        let started = Instant::now();
        let output = ctx.run_ui(input, |ui| app.frame_ui(ui));
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if k >= 5 {
            times.push(ms);
            primitives += meshes.len();
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
