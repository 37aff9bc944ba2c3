//! The command palette (Ctrl+K or Ctrl+Shift+P): every command of the command table, found by
//! typing part of its label in the interface language, with its shortcut. Up and Down choose,
//! Enter runs, Escape closes. A command that cannot run now is shown greyed with the reason.
//! Running one pushes the same `Request::Command` as its menu entry.

use egui::{RichText, Ui};

use super::matching;
use super::theme::Theme;
use crate::app::contract::{Command, Outbox, ShellCtx, TASK_ROW_COMMANDS};
use crate::i18n::{Lang, T};

/// Whether the palette is open, what is typed and which line is chosen.
#[derive(Default)]
pub struct PaletteState {
    open: bool,
    query: String,
    highlighted: usize,
    /// Put the keyboard in the field on the frame the palette opens.
    focus: bool,
}

impl PaletteState {
    /// Opens the palette afresh: empty field, first line chosen.
    pub fn open(&mut self) {
        *self = Self {
            open: true,
            focus: true,
            ..Self::default()
        };
    }

    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// One line of the palette.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub command: Command,
    /// Why it cannot run now, if it cannot.
    pub refused: Option<T>,
}

/// Why `command` cannot run now, if it cannot: the menus grey it out for the same reason.
pub fn refusal(shell: &ShellCtx<'_>, command: Command) -> Option<T> {
    let history = &shell.doc.history;
    match command {
        Command::Undo if !history.can_undo() => Some(T::NothingToUndo),
        Command::Redo if !history.can_redo() => Some(T::NothingToRedo),
        Command::Conflicts if shell.doc.project.merge_conflicts.is_empty() => Some(T::NoConflicts),
        c if (TASK_ROW_COMMANDS.contains(&c)
            || matches!(c, Command::Cut | Command::Copy | Command::FillDown))
            && shell.selected_task.is_none() =>
        {
            Some(T::NoSelection)
        }
        _ => None,
    }
}

/// Whether the palette lists `command` at all: not itself, and not Quit in the browser.
fn offered(command: Command) -> bool {
    command != Command::Palette && !(command == Command::Quit && cfg!(target_arch = "wasm32"))
}

/// The commands matching `query`, best match first, in the table's order among equals.
pub fn entries(shell: &ShellCtx<'_>, query: &str) -> Vec<Entry> {
    let mut scored: Vec<(u32, Entry)> = Command::all()
        .into_iter()
        .filter(|c| offered(*c))
        .filter_map(|command| {
            let score = matching::score(query, command.label(shell.lang))?;
            let refused = refusal(shell, command);
            Some((score, Entry { command, refused }))
        })
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, e)| e).collect()
}

/// The palette over the window, when open.
pub fn palette_ui(
    ctx: &egui::Context,
    shell: &ShellCtx<'_>,
    theme: Theme,
    state: &mut PaletteState,
    out: &mut Outbox,
) {
    if !state.open {
        return;
    }
    let lang = shell.lang;
    let response = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
        ui.set_width(560.0);
        let (field, (up, down, enter)) = super::widgets::query_field_ui(
            ui,
            &mut state.query,
            T::PaletteHint.get(lang),
            T::PaletteField.get(lang),
        );
        if state.focus {
            field.request_focus();
            state.focus = false;
        }
        if field.changed() {
            state.highlighted = 0;
        }
        let entries = entries(shell, &state.query);
        let last = entries.len().saturating_sub(1);
        if up {
            state.highlighted = state.highlighted.saturating_sub(1);
        }
        if down {
            state.highlighted = (state.highlighted + 1).min(last);
        }
        state.highlighted = state.highlighted.min(last);
        ui.separator();
        let mut chosen = None;
        if entries.is_empty() {
            ui.label(RichText::new(T::PaletteNothing.get(lang)).color(theme.muted()));
        }
        egui::ScrollArea::vertical()
            .max_height(380.0)
            .show(ui, |ui| {
                for (k, entry) in entries.iter().enumerate() {
                    if entry_ui(ui, lang, theme, entry, k == state.highlighted, up || down) {
                        chosen = Some(entry);
                    }
                }
            });
        if enter {
            chosen = entries.get(state.highlighted);
        }
        if let Some(entry) = chosen {
            match entry.refused {
                None => {
                    out.command(entry.command);
                    state.open = false;
                }
                Some(why) => out.error(why.get(lang)),
            }
        }
    });
    if response.should_close() {
        state.open = false;
    }
}

/// One command's line: its label, the reason it cannot run or its shortcut. True if clicked.
fn entry_ui(
    ui: &mut Ui,
    lang: Lang,
    theme: Theme,
    entry: &Entry,
    highlighted: bool,
    moved: bool,
) -> bool {
    let spec = entry.command.spec();
    let label = entry.command.label(lang);
    let mut button = egui::Button::selectable(highlighted, label)
        .min_size(egui::vec2(ui.available_width(), 24.0));
    if let Some(why) = entry.refused {
        button = button.right_text(RichText::new(why.get(lang)).color(theme.muted()).small());
    } else if let Some(shortcut) = spec.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(entry.refused.is_none(), button)
        .on_hover_text(entry.command.tooltip(lang));
    if highlighted && moved {
        response.scroll_to_me(None);
    }
    response.clicked()
}
