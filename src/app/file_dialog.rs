//! The one place where desktop and browser differ for files. On the desktop, rfd's native
//! dialogs block and files are read and written here (saves are atomic); in the browser, rfd's
//! async dialogs run on the event loop, Save downloads the file, and results arrive later. Both
//! deliver [`FileEvent`]s that the app polls once per frame.

use std::sync::{Arc, Mutex};

/// A finished file operation.
#[derive(Debug)]
pub enum FileEvent {
    /// A file's text was read: `path` is a native path, or a browser file name.
    Opened { path: String, text: String },
    /// The document was written to `path`.
    Saved { path: String },
    /// The user closed the dialog without choosing.
    Cancelled,
    /// Reading failed.
    OpenFailed { path: String, error: String },
    /// Writing failed.
    SaveFailed { path: String, error: String },
}

#[derive(Clone, Default)]
pub struct FileDialogs {
    events: Arc<Mutex<Vec<FileEvent>>>,
}

impl FileDialogs {
    fn push(events: &Arc<Mutex<Vec<FileEvent>>>, event: FileEvent) {
        if let Ok(mut queue) = events.lock() {
            queue.push(event);
        }
    }

    /// Events finished since the last call.
    pub fn poll(&self) -> Vec<FileEvent> {
        self.events
            .lock()
            .map(|mut queue| std::mem::take(&mut *queue))
            .unwrap_or_default()
    }

    /// Asks for a project file and reads it.
    pub fn open(&self, filter_name: &str) {
        let events = Arc::clone(&self.events);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let picked = rfd::FileDialog::new()
                .add_filter(filter_name, &["ron"])
                .pick_file();
            match picked {
                None => Self::push(&events, FileEvent::Cancelled),
                Some(path) => Self::push(&events, read_native(&path)),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let dialog = rfd::AsyncFileDialog::new().add_filter(filter_name, &["ron"]);
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

    /// Asks where to save, then writes (desktop) or downloads (browser) the document.
    pub fn save_as(&self, suggested_name: &str, text: &str, filter_name: &str) {
        let events = Arc::clone(&self.events);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let picked = rfd::FileDialog::new()
                .add_filter(filter_name, &["ron"])
                .set_file_name(suggested_name)
                .save_file();
            match picked {
                None => Self::push(&events, FileEvent::Cancelled),
                Some(path) => self.save_to(&path.display().to_string(), text),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let dialog = rfd::AsyncFileDialog::new()
                .add_filter(filter_name, &["ron"])
                .set_file_name(suggested_name);
            let bytes = text.as_bytes().to_vec();
            wasm_bindgen_futures::spawn_local(async move {
                let event = match dialog.save_file().await {
                    None => FileEvent::Cancelled,
                    Some(handle) => match handle.write(&bytes).await {
                        Ok(()) => FileEvent::Saved {
                            path: handle.file_name(),
                        },
                        Err(error) => FileEvent::SaveFailed {
                            path: handle.file_name(),
                            error: error.to_string(),
                        },
                    },
                };
                Self::push(&events, event);
            });
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
