//! The one place where desktop and browser differ.
//!
//! Files: on the desktop, rfd's native dialogs block and files are read and written here (saves
//! are atomic); in the browser, rfd's async dialog picks a file, Save downloads it, and results
//! arrive later. Both deliver [`FileEvent`]s that the app polls once per frame.
//!
//! Browser only: the URL fragment names the view (`#tasks`, `#project`), the page title names
//! the document, and the document autosaves to local storage (through eframe's storage, which
//! is local storage on the web).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A finished file operation.
#[derive(Debug)]
pub enum FileEvent {
    /// A file's text was read: `path` is a native path, or a browser file name.
    Opened {
        path: String,
        text: String,
    },
    /// A CSV file to import was read.
    CsvRead {
        path: String,
        text: String,
    },
    /// The document was written to `path`.
    Saved {
        path: String,
    },
    /// The user closed the dialog without choosing.
    Cancelled,
    /// Reading failed.
    OpenFailed {
        path: String,
        error: String,
    },
    /// Writing failed.
    SaveFailed {
        path: String,
        error: String,
    },
    /// A chart was captured as PNG and waits to be exported under `file_name`.
    Captured {
        file_name: String,
        bytes: Vec<u8>,
    },
    /// An export (not the document) was written to `path`.
    Exported {
        path: String,
    },
    ExportFailed {
        path: String,
        error: String,
    },
    /// The system's file dialog cannot open here (desktop without a portal or zenity): Pilote's
    /// own must ask. `first` is set the first time, to say why in the status bar.
    NeedPicker {
        need: PickerNeed,
        first: bool,
    },
}

/// What the system file dialog was to ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerNeed {
    Open,
    /// A CSV file to import.
    ImportCsv,
    /// Where to save the document (its text is made again once the place is chosen).
    Save {
        suggested: String,
    },
    /// Where to write an export, and its bytes.
    Export {
        suggested: String,
        ext: String,
        bytes: Vec<u8>,
    },
}

/// Whether the system file dialog can open at all: on Linux rfd needs a desktop portal on the
/// session bus or, failing that, zenity. Elsewhere the system always has one.
pub fn system_dialog_possible(linux: bool, session_bus: bool, zenity: bool) -> bool {
    !linux || session_bus || zenity
}

/// A dialog that returns with nothing chosen faster than this was never shown: nobody cancels
/// that fast.
#[cfg(not(target_arch = "wasm32"))]
const NOT_SHOWN: std::time::Duration = std::time::Duration::from_millis(250);

/// Finished operations, and the context to wake when one arrives: in the browser, results come
/// back between frames and nothing else would repaint.
#[derive(Default)]
struct Queue {
    events: Vec<FileEvent>,
    ctx: Option<egui::Context>,
}

#[derive(Clone)]
pub struct FileDialogs {
    events: Arc<Mutex<Queue>>,
    /// Pilote's own file dialog replaces the system's (it cannot open, or the user set
    /// `PILOTE_FILE_DIALOG=in-app`).
    in_app: Arc<AtomicBool>,
    /// The status bar has said why once.
    #[cfg_attr(
        target_arch = "wasm32",
        allow(dead_code, reason = "the browser always has its file picker")
    )]
    announced: Arc<AtomicBool>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let in_app = std::env::var("PILOTE_FILE_DIALOG").is_ok_and(|v| v == "in-app")
            || !system_dialog_possible(
                cfg!(target_os = "linux"),
                std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
                zenity_on_path(),
            );
        #[cfg(target_arch = "wasm32")]
        let in_app = false;
        Self {
            events: Arc::default(),
            in_app: Arc::new(AtomicBool::new(in_app)),
            announced: Arc::default(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

impl FileDialogs {
    /// From now on, Pilote's own file dialog asks (tests, or a system dialog that failed).
    pub fn use_in_app(&self) {
        self.in_app.store(true, Ordering::Relaxed);
    }

    /// Runs the system dialog `pick`, unless it cannot open here: then asks Pilote's own
    /// dialog for `need` and returns `Err`.
    #[cfg(not(target_arch = "wasm32"))]
    fn system_pick<P>(
        &self,
        need: PickerNeed,
        pick: impl FnOnce() -> Option<P>,
    ) -> Result<Option<P>, ()> {
        if !self.in_app.load(Ordering::Relaxed) {
            let asked = std::time::Instant::now();
            let picked = pick();
            if picked.is_some() || asked.elapsed() >= NOT_SHOWN {
                return Ok(picked);
            }
            self.use_in_app();
        }
        let first = !self.announced.swap(true, Ordering::Relaxed);
        Self::push(&self.events, FileEvent::NeedPicker { need, first });
        Err(())
    }

    fn push(events: &Arc<Mutex<Queue>>, event: FileEvent) {
        if let Ok(mut queue) = events.lock() {
            queue.events.push(event);
            if let Some(ctx) = &queue.ctx {
                ctx.request_repaint();
            }
        }
    }

    /// The context to repaint when a result arrives.
    pub fn attach(&self, ctx: &egui::Context) {
        if let Ok(mut queue) = self.events.lock()
            && queue.ctx.is_none()
        {
            queue.ctx = Some(ctx.clone());
        }
    }

    /// Events finished since the last call.
    pub fn poll(&self) -> Vec<FileEvent> {
        self.events
            .lock()
            .map(|mut queue| std::mem::take(&mut queue.events))
            .unwrap_or_default()
    }

    /// Asks for a project file (Pilote or MS Project XML) and reads it.
    pub fn open(&self, filter_name: &str, ms_project_filter_name: &str) {
        let events = Arc::clone(&self.events);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let picked = self.system_pick(PickerNeed::Open, || {
                rfd::FileDialog::new()
                    .add_filter(filter_name, &["ron"])
                    .add_filter(ms_project_filter_name, &["xml", "gan", "planner"])
                    .pick_file()
            });
            match picked {
                Err(()) => {}
                Ok(None) => Self::push(&events, FileEvent::Cancelled),
                Ok(Some(path)) => Self::push(&events, read_native(&path)),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let dialog = rfd::AsyncFileDialog::new()
                .add_filter(filter_name, &["ron"])
                .add_filter(ms_project_filter_name, &["xml", "gan", "planner"]);
            wasm_bindgen_futures::spawn_local(async move {
                let event = match dialog.pick_file().await {
                    None => FileEvent::Cancelled,
                    Some(handle) => {
                        let bytes = handle.read().await;
                        match String::from_utf8(bytes) {
                            Ok(text) => FileEvent::Opened {
                                path: handle.file_name(),
                                text,
                            },
                            Err(_) => FileEvent::OpenFailed {
                                path: handle.file_name(),
                                error: "the file is not UTF-8 text".to_owned(),
                            },
                        }
                    }
                };
                Self::push(&events, event);
            });
        }
    }

    /// Asks for a CSV file to import and reads it.
    pub fn pick_csv(&self, filter_name: &str) {
        let events = Arc::clone(&self.events);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let picked = self.system_pick(PickerNeed::ImportCsv, || {
                rfd::FileDialog::new()
                    .add_filter(filter_name, &["csv", "txt"])
                    .pick_file()
            });
            match picked {
                Err(()) => {}
                Ok(None) => Self::push(&events, FileEvent::Cancelled),
                Ok(Some(path)) => Self::push(&events, as_csv(read_native(&path))),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let dialog = rfd::AsyncFileDialog::new().add_filter(filter_name, &["csv", "txt"]);
            wasm_bindgen_futures::spawn_local(async move {
                let event = match dialog.pick_file().await {
                    None => FileEvent::Cancelled,
                    Some(handle) => {
                        let bytes = handle.read().await;
                        match crate::io::document::text_from_bytes(&bytes, &handle.file_name()) {
                            Ok(text) => FileEvent::CsvRead {
                                path: handle.file_name(),
                                text,
                            },
                            Err(error) => FileEvent::OpenFailed {
                                path: handle.file_name(),
                                error: error.to_string(),
                            },
                        }
                    }
                };
                Self::push(&events, event);
            });
        }
    }

    /// Reads the CSV file at `path` (Pilote's own dialog chose it).
    pub fn read_csv_path(&self, path: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        Self::push(
            &self.events,
            as_csv(read_native(std::path::Path::new(path))),
        );
        #[cfg(target_arch = "wasm32")]
        let _ = path;
    }

    /// Reads a file dropped on the window or the page.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        allow(
            clippy::needless_pass_by_value,
            reason = "the web reads it in a task it moves into"
        )
    )]
    pub fn read_dropped(&self, file: egui::DroppedFileHandle) {
        #[cfg(not(target_arch = "wasm32"))]
        Self::push(&self.events, read_native(file.path()));
        #[cfg(target_arch = "wasm32")]
        {
            let events = Arc::clone(&self.events);
            wasm_bindgen_futures::spawn_local(async move {
                let path = file.path().display().to_string();
                let event = match file.bytes_async().await.map(String::from_utf8) {
                    Ok(Ok(text)) => FileEvent::Opened { path, text },
                    Ok(Err(_)) => FileEvent::OpenFailed {
                        path,
                        error: "the file is not UTF-8 text".to_owned(),
                    },
                    Err(error) => FileEvent::OpenFailed { path, error },
                };
                Self::push(&events, event);
            });
        }
    }

    /// Reads a file the user picked from the recent list (desktop only).
    pub fn open_path(&self, path: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        Self::push(&self.events, read_native(std::path::Path::new(path)));
        #[cfg(target_arch = "wasm32")]
        Self::push(
            &self.events,
            FileEvent::OpenFailed {
                path: path.to_owned(),
                error: "the browser cannot reopen files by path".to_owned(),
            },
        );
    }

    /// Writes `text` to `path` (desktop: atomically, keeping a `.bak`).
    pub fn save_to(&self, path: &str, text: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let event = match crate::io::atomic::write_atomic(
                std::path::Path::new(path),
                text.as_bytes(),
            ) {
                Ok(()) => FileEvent::Saved {
                    path: path.to_owned(),
                },
                Err(error) => FileEvent::SaveFailed {
                    path: path.to_owned(),
                    error: error.to_string(),
                },
            };
            Self::push(&self.events, event);
        }
        #[cfg(target_arch = "wasm32")]
        self.save_as(path, text, "");
    }

    /// Captures the pixels of `rect` (in points) from the next rendered frame as a PNG; a
    /// [`FileEvent::Captured`] follows.
    pub fn capture_png(&self, ctx: &egui::Context, rect: egui::Rect, file_name: &str) {
        let events = Arc::clone(&self.events);
        let file_name = file_name.to_owned();
        let pixels_per_point = ctx.pixels_per_point();
        ctx.request_screenshot(move |image| {
            let region = image.region(&rect, Some(pixels_per_point));
            let [w, h] = region.size;
            let event = match crate::io::png::encode_rgba(w as u32, h as u32, region.as_raw()) {
                Ok(bytes) => FileEvent::Captured { file_name, bytes },
                Err(error) => FileEvent::ExportFailed {
                    path: file_name,
                    error,
                },
            };
            Self::push(&events, event);
        });
    }

    /// Asks where to save an export, then writes it (desktop) or downloads it (browser).
    pub fn export_bytes(&self, suggested_name: &str, bytes: &[u8], filter_name: &str, ext: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let need = PickerNeed::Export {
                suggested: suggested_name.to_owned(),
                ext: ext.to_owned(),
                bytes: bytes.to_vec(),
            };
            let picked = self.system_pick(need, || {
                rfd::FileDialog::new()
                    .add_filter(filter_name, &[ext])
                    .set_file_name(suggested_name)
                    .save_file()
            });
            match picked {
                Err(()) => {}
                Ok(None) => Self::push(&self.events, FileEvent::Cancelled),
                Ok(Some(path)) => self.write_export(&path.display().to_string(), bytes),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = (filter_name, ext);
            let event = match download(suggested_name, bytes) {
                Ok(()) => FileEvent::Exported {
                    path: suggested_name.to_owned(),
                },
                Err(error) => FileEvent::ExportFailed {
                    path: suggested_name.to_owned(),
                    error,
                },
            };
            Self::push(&self.events, event);
        }
    }

    /// Writes an export's bytes to `path` atomically (desktop; the browser downloads them).
    pub fn write_export(&self, path: &str, bytes: &[u8]) {
        #[cfg(not(target_arch = "wasm32"))]
        let written = crate::io::atomic::write_atomic(std::path::Path::new(path), bytes)
            .map_err(|e| e.to_string());
        #[cfg(target_arch = "wasm32")]
        let written = download(path, bytes);
        let event = match written {
            Ok(()) => FileEvent::Exported {
                path: path.to_owned(),
            },
            Err(error) => FileEvent::ExportFailed {
                path: path.to_owned(),
                error,
            },
        };
        Self::push(&self.events, event);
    }

    /// Asks where to save, then writes (desktop) or downloads (browser) the document.
    pub fn save_as(&self, suggested_name: &str, text: &str, filter_name: &str) {
        let events = Arc::clone(&self.events);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let need = PickerNeed::Save {
                suggested: suggested_name.to_owned(),
            };
            let picked = self.system_pick(need, || {
                rfd::FileDialog::new()
                    .add_filter(filter_name, &["ron"])
                    .set_file_name(suggested_name)
                    .save_file()
            });
            match picked {
                Err(()) => {}
                Ok(None) => Self::push(&events, FileEvent::Cancelled),
                Ok(Some(path)) => self.save_to(&path.display().to_string(), text),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = filter_name;
            let event = match download(suggested_name, text.as_bytes()) {
                Ok(()) => FileEvent::Saved {
                    path: suggested_name.to_owned(),
                },
                Err(error) => FileEvent::SaveFailed {
                    path: suggested_name.to_owned(),
                    error,
                },
            };
            Self::push(&events, event);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn read_native(path: &std::path::Path) -> FileEvent {
    match crate::io::document::read_file(path) {
        Ok(text) => FileEvent::Opened {
            path: path.display().to_string(),
            text,
        },
        Err(error) => FileEvent::OpenFailed {
            path: path.display().to_string(),
            error: error.to_string(),
        },
    }
}

/// A file read for the CSV import rather than opened as a plan.
#[cfg(not(target_arch = "wasm32"))]
fn as_csv(event: FileEvent) -> FileEvent {
    match event {
        FileEvent::Opened { path, text } => FileEvent::CsvRead { path, text },
        other => other,
    }
}

/// Saves in the browser: the document is handed to the browser as a download.
#[cfg(target_arch = "wasm32")]
fn download(file_name: &str, bytes: &[u8]) -> Result<(), String> {
    use eframe::wasm_bindgen::JsCast as _;

    let describe = |e: eframe::wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(describe)?;
    Ok(())
}

/// True where the document autosaves to the browser's storage and is offered back on the next
/// visit. The desktop has real files and the unsaved-changes prompt instead.
pub const AUTOSAVE: bool = cfg!(target_arch = "wasm32");

/// The language of the system (desktop: `LC_ALL`, `LC_MESSAGES`, `LANG`) or of the browser
/// (`navigator.language`), when it is one Pilote speaks: the interface's language on a first
/// start, before the user has chosen one.
pub fn system_lang() -> Option<crate::i18n::Lang> {
    #[cfg(target_arch = "wasm32")]
    let locale = web_sys::window()?.navigator().language();
    #[cfg(not(target_arch = "wasm32"))]
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|key| std::env::var(key).ok())
        .find(|value| !value.is_empty());
    lang_of_locale(&locale?)
}

/// The language of a locale name: `fr_FR.UTF-8`, `fr-CA`, `fr` are French, `en_GB` English;
/// `C`, `POSIX` or another language say nothing.
pub fn lang_of_locale(locale: &str) -> Option<crate::i18n::Lang> {
    let code = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match code.as_str() {
        "fr" => Some(crate::i18n::Lang::Fr),
        "en" => Some(crate::i18n::Lang::En),
        _ => None,
    }
}

/// The view named by the URL fragment (`#tasks`, `#project`), in the browser.
pub fn url_view() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        let slug = hash.trim_start_matches('#');
        (!slug.is_empty()).then(|| slug.to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Puts the view in the URL fragment so that a link can point at it.
pub fn set_url_view(slug: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(slug);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = slug;
}

/// Names the document in the window or tab title.
pub fn set_title(ctx: &egui::Context, title: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = ctx;
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::lang_of_locale;
    use crate::i18n::Lang;

    #[test]
    fn a_locale_name_gives_the_interface_language() {
        for (locale, lang) in [
            ("fr_FR.UTF-8", Some(Lang::Fr)),
            ("fr-CA", Some(Lang::Fr)),
            ("FR", Some(Lang::Fr)),
            ("fr_BE@euro", Some(Lang::Fr)),
            ("en_GB.UTF-8", Some(Lang::En)),
            ("en-US", Some(Lang::En)),
            ("C", None),
            ("POSIX", None),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(lang_of_locale(locale), lang, "{locale}");
        }
    }
}
