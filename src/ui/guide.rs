//! The user guide (Help ▸ User guide, F1): a window beside the views with one page per view
//! (what it is for, the mouse gestures, the keys) and a page of keyboard shortcuts generated
//! from the command table, so that it cannot disagree with the menus. F1 opens the page of the
//! view in front of the user. The pages' texts are in `i18n::texts_guide`.

use egui::{RichText, Ui};

use super::ViewKind;
use super::theme::Theme;
use crate::app::contract::{Command, TASK_ADD_COMMANDS, TASK_ROW_COMMANDS, TRACKING_COMMANDS};
use crate::i18n::{Lang, T};

/// A page of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    View(ViewKind),
    Shortcuts,
}

/// Whether the guide is open, and on which page.
pub struct GuideState {
    open: bool,
    page: Page,
}

impl Default for GuideState {
    fn default() -> Self {
        Self {
            open: false,
            page: Page::View(ViewKind::default()),
        }
    }
}

impl GuideState {
    /// Opens the guide (or turns it) to the page of `view`.
    pub fn open_on_view(&mut self, view: ViewKind) {
        self.open = true;
        self.page = Page::View(view);
    }

    /// Opens the guide (or turns it) to the keyboard shortcuts.
    pub fn open_on_shortcuts(&mut self) {
        self.open = true;
        self.page = Page::Shortcuts;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn page(&self) -> Option<Page> {
        self.open.then_some(self.page)
    }
}

/// A view's page: what it is for, its mouse gestures, its keys (one per line). A `match`, so
/// that a new view does not compile without its page.
pub fn view_texts(view: ViewKind) -> [T; 3] {
    use ViewKind as V;
    match view {
        V::Tasks => [T::GuideTasksFor, T::GuideTasksMouse, T::GuideTasksKeys],
        V::Resources => [
            T::GuideResourcesFor,
            T::GuideResourcesMouse,
            T::GuideResourcesKeys,
        ],
        V::Workload => [
            T::GuideWorkloadFor,
            T::GuideWorkloadMouse,
            T::GuideWorkloadKeys,
        ],
        V::Dashboard => [
            T::GuideDashboardFor,
            T::GuideDashboardMouse,
            T::GuideDashboardKeys,
        ],
        V::Requirements => [
            T::GuideRequirementsFor,
            T::GuideRequirementsMouse,
            T::GuideListKeys,
        ],
        V::Deliverables => [
            T::GuideDeliverablesFor,
            T::GuideDeliverablesMouse,
            T::GuideListKeys,
        ],
        V::Testing => [T::GuideTestingFor, T::GuideTestingMouse, T::GuideListKeys],
        V::Anomalies => [
            T::GuideAnomaliesFor,
            T::GuideAnomaliesMouse,
            T::GuideListKeys,
        ],
        V::Risks => [T::GuideRisksFor, T::GuideRisksMouse, T::GuideListKeys],
        V::Meetings => [T::GuideMeetingsFor, T::GuideMeetingsMouse, T::GuideListKeys],
        V::Budget => [T::GuideBudgetFor, T::GuideBudgetMouse, T::GuideListKeys],
        V::Gantt => [T::GuideGanttFor, T::GuideGanttMouse, T::GuideGanttKeys],
        V::RiskAnalysis => [
            T::GuideRiskAnalysisFor,
            T::GuideRiskAnalysisMouse,
            T::GuideListKeys,
        ],
        V::Project => [
            T::GuideProjectFor,
            T::GuideProjectMouse,
            T::GuideProjectKeys,
        ],
    }
}

/// The guide's window, when open.
pub fn guide_ui(ctx: &egui::Context, lang: Lang, theme: Theme, state: &mut GuideState) {
    if !state.open {
        return;
    }
    let mut open = true;
    // On the right, clear of the navigation, so that the view it explains stays in sight.
    let corner = ctx.content_rect().right_top() + egui::vec2(-16.0, 48.0);
    egui::Window::new(Command::Guide.label(lang))
        .id(egui::Id::unique("user-guide"))
        .open(&mut open)
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(corner)
        .default_size([760.0, 520.0])
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| pages_ui(ui, lang, state));
                ui.separator();
                // The page wraps to the window's width instead of widening it.
                let width = ui.available_width().max(320.0);
                ui.vertical(|ui| {
                    ui.set_max_width(width);
                    egui::ScrollArea::vertical()
                        .id_salt("guide-page")
                        .auto_shrink([false, true])
                        .show(ui, |ui| match state.page {
                            Page::View(view) => view_page_ui(ui, lang, theme, view),
                            Page::Shortcuts => shortcuts_page_ui(ui, lang, theme),
                        });
                });
            });
        });
    state.open = open;
}

/// The list of pages: every view in the navigation's order, then the shortcuts.
fn pages_ui(ui: &mut Ui, lang: Lang, state: &mut GuideState) {
    ui.set_width(170.0);
    for view in ViewKind::ALL {
        let page = Page::View(view);
        if ui
            .selectable_label(state.page == page, view.label().get(lang))
            .clicked()
        {
            state.page = page;
        }
    }
    ui.separator();
    let label = Command::Shortcuts.label(lang);
    if ui
        .selectable_label(state.page == Page::Shortcuts, label)
        .clicked()
    {
        state.page = Page::Shortcuts;
    }
}

fn view_page_ui(ui: &mut Ui, lang: Lang, theme: Theme, view: ViewKind) {
    let [purpose, mouse, keys] = view_texts(view);
    ui.heading(view.label().get(lang));
    ui.label(RichText::new(view.tooltip().get(lang)).color(theme.muted()));
    section_ui(ui, T::GuideWhatFor.get(lang), purpose.get(lang), true);
    section_ui(ui, T::GuideMouse.get(lang), mouse.get(lang), false);
    ui.add_space(8.0);
    ui.strong(T::GuideKeyboard.get(lang));
    if let Some(shortcut) = view.shortcut() {
        let key = ui.ctx().format_shortcut(&shortcut);
        bullet_ui(ui, &T::GuideShowsView.fill(lang, &[("key", &key)]));
    }
    for line in keys.get(lang).lines() {
        bullet_ui(ui, line);
    }
    let commands = view_commands(view);
    if !commands.is_empty() {
        ui.add_space(8.0);
        ui.strong(T::GuideViewCommands.get(lang));
        commands_grid_ui(ui, lang, theme, "guide-view-commands", &commands, false);
    }
    ui.add_space(8.0);
    let key = |command| shortcut_text(ui.ctx(), lang, command).unwrap_or_default();
    let everywhere = T::GuideEverywhere.fill(
        lang,
        &[
            ("guide", &key(Command::Guide)),
            ("palette", &key(Command::Palette)),
            ("search", &key(Command::Search)),
        ],
    );
    ui.label(RichText::new(everywhere).color(theme.muted()));
}

/// The commands of the command table a view's toolbar or menu offers.
fn view_commands(view: ViewKind) -> Vec<Command> {
    match view {
        ViewKind::Tasks | ViewKind::Gantt => TASK_ADD_COMMANDS
            .into_iter()
            .chain(TASK_ROW_COMMANDS)
            .collect(),
        ViewKind::Dashboard => TRACKING_COMMANDS.to_vec(),
        _ => Vec::new(),
    }
}

/// Commands with their keys (when they have some) and what they do.
fn commands_grid_ui(
    ui: &mut Ui,
    lang: Lang,
    theme: Theme,
    id: &str,
    commands: &[Command],
    headings: bool,
) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            if headings {
                for heading in [T::GuideColCommand, T::GuideColKeys, T::GuideColWhat] {
                    ui.strong(heading.get(lang));
                }
                ui.end_row();
            }
            for &command in commands {
                ui.label(command.label(lang));
                let keys = shortcut_text(ui.ctx(), lang, command).unwrap_or_default();
                ui.label(RichText::new(keys).monospace());
                ui.label(RichText::new(command.tooltip(lang)).color(theme.muted()));
                ui.end_row();
            }
        });
}

/// A heading and its lines as bullets, the first one a paragraph when `paragraph`.
fn section_ui(ui: &mut Ui, heading: &str, text: &str, paragraph: bool) {
    ui.add_space(8.0);
    ui.strong(heading);
    let mut lines = text.lines();
    if paragraph && let Some(first) = lines.next() {
        ui.label(first);
    }
    for line in lines {
        bullet_ui(ui, line);
    }
}

fn bullet_ui(ui: &mut Ui, line: &str) {
    ui.label(format!("• {line}"));
}

/// The shortcut of a command as the page lists it: both when it has two.
pub fn shortcut_text(ctx: &egui::Context, lang: Lang, command: Command) -> Option<String> {
    let spec = command.spec();
    let mut keys = spec.shortcuts().map(|k| ctx.format_shortcut(&k));
    let first = keys.next()?;
    Some(match keys.next() {
        Some(second) => T::ShortcutOr.fill(lang, &[("a", &first), ("b", &second)]),
        None => first,
    })
}

/// Every shortcut of the command table, then the keys the views read themselves.
fn shortcuts_page_ui(ui: &mut Ui, lang: Lang, theme: Theme) {
    ui.heading(Command::Shortcuts.label(lang));
    ui.label(RichText::new(T::GuideShortcutsIntro.get(lang)).color(theme.muted()));
    ui.add_space(6.0);
    let with_keys: Vec<Command> = Command::all()
        .into_iter()
        .filter(|c| c.spec().shortcut.is_some())
        .collect();
    commands_grid_ui(ui, lang, theme, "guide-shortcuts", &with_keys, true);
    section_ui(
        ui,
        T::GuideViewKeys.get(lang),
        T::GuideViewKeysList.get(lang),
        true,
    );
}
