//! Thin entry points: the command line and the native window, and the web runner.

/// See Cargo.toml: glibc's allocator stalls after a large import.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::Write as _;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, view, lang) = match pilote::cli::run(&args) {
        pilote::cli::Action::Exit {
            code,
            stdout,
            stderr,
        } => {
            let _ = std::io::stdout().write_all(stdout.as_bytes());
            let _ = std::io::stderr().write_all(stderr.as_bytes());
            return std::process::ExitCode::from(code);
        }
        pilote::cli::Action::Gui { file, view, lang } => (file, view, lang),
    };
    // A file given on the command line that cannot be read is reported in the window, over
    // the sample, rather than refusing to start.
    let initial = file;
    // PILOTE_WINDOW_SIZE=1280x800 sizes the window (screenshots at given sizes).
    let size = std::env::var("PILOTE_WINDOW_SIZE")
        .ok()
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.parse::<f32>().ok()?, h.parse::<f32>().ok()?])
        })
        .unwrap_or([1400.0, 860.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Pilote")
            .with_inner_size(size)
            .with_min_inner_size([720.0, 420.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Pilote",
        options,
        Box::new(move |cc| {
            let mut app = pilote::app::PiloteApp::from_creation_context(cc, initial);
            if let Some(view) = view {
                app.settings.view = view;
            }
            if let Some(lang) = lang {
                app.set_lang(lang);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pilote: cannot open a window: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use eframe::wasm_bindgen::JsCast as _;

    let web_options = eframe::WebOptions::default();
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = document
            .get_element_by_id("pilote_canvas")
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                web_options,
                Box::new(|cc| {
                    Ok(Box::new(pilote::app::PiloteApp::from_creation_context(
                        cc, None,
                    )))
                }),
            )
            .await;
        match started {
            Ok(()) => {
                if let Some(loading) = document.get_element_by_id("loading") {
                    loading.remove();
                }
            }
            Err(error) => {
                if let Some(loading) = document.get_element_by_id("loading") {
                    loading.set_class_name("failed");
                }
                if let Some(text) = document.get_element_by_id("loading_text") {
                    text.set_text_content(Some(&format!("Pilote could not start: {error:?}")));
                }
            }
        }
    });
}
