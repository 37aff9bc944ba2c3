//! Small widgets shared by the views.

use egui::{Response, Ui};

use crate::app::contract::Command;
use crate::app::contract::Outbox;
use crate::i18n::Lang;

/// A button for a command of the command table: its label, its tooltip with the shortcut.
pub fn command_button_ui(
    ui: &mut Ui,
    command: Command,
    lang: Lang,
    enabled: bool,
    out: &mut Outbox,
) -> Response {
    let response = ui
        .add_enabled(enabled, egui::Button::new(command.label(lang)))
        .on_hover_text(tooltip_text(ui, command, lang));
    if response.clicked() {
        out.command(command);
    }
    response
}

/// A menu entry for a command: label, shortcut on the right, tooltip.
pub fn command_menu_item_ui(
    ui: &mut Ui,
    command: Command,
    lang: Lang,
    enabled: bool,
    out: &mut Outbox,
) {
    let spec = command.spec();
    let mut button = egui::Button::new(command.label(lang));
    if let Some(shortcut) = spec.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip(lang));
    if response.clicked() {
        out.command(command);
        ui.close();
    }
}

fn tooltip_text(ui: &Ui, command: Command, lang: Lang) -> String {
    match command.spec().shortcut {
        Some(shortcut) => format!(
            "{} ({})",
            command.tooltip(lang),
            ui.ctx().format_shortcut(&shortcut)
        ),
        None => command.tooltip(lang).to_owned(),
    }
}

/// The query field of a chooser (the palette, the search), full width, and whether Up, Down
/// or Enter was pressed: those keys are taken before the field sees them, to choose and run.
pub fn query_field_ui(
    ui: &mut Ui,
    query: &mut String,
    hint: &str,
    label: &str,
) -> (Response, (bool, bool, bool)) {
    use egui::{Key, Modifiers};
    let keys = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    let field = ui.add(
        egui::TextEdit::singleline(query)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    ui.ctx()
        .accesskit_node_builder(field.id, |node| node.set_label(label.to_owned()));
    (field, keys)
}

/// What a text cell reported this frame.
pub enum CellOutcome {
    /// Nothing to do.
    Idle,
    /// The user finished editing (Enter or focus left) with this text.
    Commit(String),
}

/// A one-line text cell that edits a draft while focused and reports the text when the user
/// is done. `display` is shown when not editing, `edit_text` is what editing starts from.
/// Frameless and as wide as its table column.
pub fn text_cell_ui(
    ui: &mut Ui,
    id: egui::Id,
    display: &str,
    edit_text: impl FnOnce() -> String,
    drafts: &mut std::collections::HashMap<egui::Id, String>,
    label: &str,
) -> (Response, CellOutcome) {
    typed_text_ui(ui, id, (display, edit_text), drafts, label, None)
}

/// The same as [`text_cell_ui`] as a field of a form: framed and `width` wide, since a grid
/// column has no width of its own to fill (an unbounded field there is drawn zero wide).
pub fn text_field_ui(
    ui: &mut Ui,
    id: egui::Id,
    display: &str,
    edit_text: impl FnOnce() -> String,
    drafts: &mut std::collections::HashMap<egui::Id, String>,
    label: &str,
    width: f32,
) -> (Response, CellOutcome) {
    typed_text_ui(ui, id, (display, edit_text), drafts, label, Some(width))
}

fn typed_text_ui(
    ui: &mut Ui,
    id: egui::Id,
    (display, edit_text): (&str, impl FnOnce() -> String),
    drafts: &mut std::collections::HashMap<egui::Id, String>,
    label: &str,
    framed_width: Option<f32>,
) -> (Response, CellOutcome) {
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused {
        drafts.entry(id).or_insert_with(edit_text).clone()
    } else {
        display.to_owned()
    };
    let edit = egui::TextEdit::singleline(&mut text).id(id);
    let edit = match framed_width {
        Some(width) => edit.desired_width(width),
        None => edit.frame(egui::Frame::NONE).desired_width(f32::INFINITY),
    };
    let mut response = ui.add(edit);
    // A cell narrower than its text shows the whole of it on hover.
    if !focused && framed_width.is_none() {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = ui
            .painter()
            .layout_no_wrap(display.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x;
        if width > response.rect.width() {
            response = response.on_hover_text(display);
        }
    }
    // The accessible name says which cell this is, so screen readers and tests can find it.
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label.to_owned()));
    if focused || response.has_focus() {
        drafts.insert(id, text);
    }
    let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
    // egui may report the loss of focus on two frames; only the first, which still has the
    // draft, commits.
    if response.lost_focus()
        && let Some(draft) = drafts.remove(&id)
        && !cancelled
        && draft != display
    {
        return (response, CellOutcome::Commit(draft));
    }
    (response, CellOutcome::Idle)
}

/// A fold triangle, drawn rather than taken from a font: pointing right when folded, down
/// when open.
pub fn fold_triangle_ui(
    painter: &egui::Painter,
    c: egui::Pos2,
    folded: bool,
    colour: egui::Color32,
) {
    use egui::pos2;
    let r = 4.5;
    let points = if folded {
        vec![
            pos2(c.x - r * 0.6, c.y - r),
            pos2(c.x + r * 0.7, c.y),
            pos2(c.x - r * 0.6, c.y + r),
        ]
    } else {
        vec![
            pos2(c.x - r, c.y - r * 0.6),
            pos2(c.x + r, c.y - r * 0.6),
            pos2(c.x, c.y + r * 0.7),
        ]
    };
    painter.add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
}
