//! What the document editors share: a searchable, sortable list with keyboard navigation,
//! add / duplicate / delete, labelled fields, and pickers that choose tasks, resources and
//! other items by name (never by typed id).

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Key, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::theme::Theme;
use crate::app::contract::Outbox;
use crate::i18n::{self, Lang, T};

/// A list's own state: search text, sort column and direction, selected item (raw id).
#[derive(Default)]
pub struct ListState {
    pub search: String,
    pub sort: Option<(usize, bool)>,
    pub selected: Option<u32>,
    /// Scroll the selected item into view next frame (the search chose it).
    pub reveal: bool,
    /// Dates being typed that do not read yet, by field.
    pub drafts: HashMap<egui::Id, String>,
}

/// The colour a column gives an item's cell, when it says something.
type CellColour<'a, I> = Box<dyn Fn(&I) -> Option<egui::Color32> + 'a>;

/// One column of a list: title, width, and the cell text of an item.
pub struct ListColumn<'a, I> {
    pub title: String,
    pub width: f32,
    pub text: Box<dyn Fn(&I) -> String + 'a>,
    /// Colour of the cell, when it says something (late, failed, overdue).
    pub colour: Option<CellColour<'a, I>>,
}

impl<'a, I> ListColumn<'a, I> {
    pub fn new(title: &str, width: f32, text: impl Fn(&I) -> String + 'a) -> Self {
        Self {
            title: title.to_owned(),
            width,
            text: Box::new(text),
            colour: None,
        }
    }

    #[must_use]
    pub fn coloured(mut self, colour: impl Fn(&I) -> Option<egui::Color32> + 'a) -> Self {
        self.colour = Some(Box::new(colour));
        self
    }
}

/// What the toolbar asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListAction {
    None,
    Add,
    Duplicate,
    Delete,
}

/// Add / duplicate / delete buttons and the search box.
pub fn toolbar_ui(
    ui: &mut Ui,
    lang: Lang,
    add: T,
    state: &mut ListState,
    count: usize,
) -> ListAction {
    let mut action = ListAction::None;
    ui.horizontal_wrapped(|ui| {
        if ui.button(add.get(lang)).clicked() {
            action = ListAction::Add;
        }
        let selected = state.selected.is_some();
        if ui
            .add_enabled(selected, egui::Button::new(T::Duplicate.get(lang)))
            .clicked()
        {
            action = ListAction::Duplicate;
        }
        if ui
            .add_enabled(selected, egui::Button::new(T::DeleteItem.get(lang)))
            .clicked()
        {
            action = ListAction::Delete;
        }
        ui.separator();
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(T::SearchHint.get(lang))
                .desired_width(220.0),
        );
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(T::Search.get(lang).to_owned());
        });
        ui.label(RichText::new(T::ItemCount.fill(lang, &[("count", &count.to_string())])).weak());
    });
    action
}

/// The positions of the items the search lets through, in the order the sort asks.
fn shown_items<I>(state: &ListState, items: &[I], columns: &[ListColumn<'_, I>]) -> Vec<usize> {
    let needle = state.search.trim().to_lowercase();
    let mut shown: Vec<usize> = (0..items.len())
        .filter(|&k| {
            needle.is_empty()
                || columns
                    .iter()
                    .any(|c| (c.text)(&items[k]).to_lowercase().contains(&needle))
        })
        .collect();
    if let Some((col, ascending)) = state.sort
        && let Some(c) = columns.get(col)
    {
        shown.sort_by(|&a, &b| {
            let (x, y) = ((c.text)(&items[a]), (c.text)(&items[b]));
            let order = natural(&x, &y);
            if ascending { order } else { order.reverse() }
        });
    }
    shown
}

/// Up and down move the selection among `ids` when no field has the keyboard.
fn arrows_select(ui: &Ui, state: &mut ListState, ids: &[u32]) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (up, down) = ui.input(|i| (i.key_pressed(Key::ArrowUp), i.key_pressed(Key::ArrowDown)));
    let at = state
        .selected
        .and_then(|s| ids.iter().position(|i| *i == s));
    let next = match at {
        Some(p) if up => Some(p.saturating_sub(1)),
        Some(p) if down => Some((p + 1).min(ids.len().saturating_sub(1))),
        None if up || down => Some(0),
        _ => None,
    };
    if let Some(p) = next.and_then(|p| ids.get(p)) {
        state.selected = Some(*p);
    }
}

/// The list: only items matching the search, in the chosen order; a click or the arrow keys
/// select. Returns the ids shown, in order.
pub fn list_ui<I>(
    ui: &mut Ui,
    id_salt: &str,
    state: &mut ListState,
    items: &[I],
    id_of: impl Fn(&I) -> u32,
    columns: &[ListColumn<'_, I>],
) -> Vec<u32> {
    let shown = shown_items(state, items, columns);
    let ids: Vec<u32> = shown.iter().map(|&k| id_of(&items[k])).collect();
    arrows_select(ui, state, &ids);
    // The columns' widths scaled to the room there is (down to 60 %), so that every column
    // shows in a 1280-pixel window; narrower still, the list scrolls sideways.
    let spacing = ui.spacing().item_spacing.x;
    let wanted: f32 = columns.iter().map(|c| c.width + spacing).sum();
    let scale = (ui.available_width() / wanted.max(1.0)).clamp(0.6, 1.0);
    egui::ScrollArea::horizontal()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(id_salt)
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
            for c in columns {
                let width = (c.width * scale).max(40.0);
                table = table.column(Column::initial(width).at_least(40.0).clip(true));
            }
            if let Some(row) = revealed_row(state, &ids) {
                table = table.scroll_to_row(row, Some(egui::Align::Center));
            }
            table
                .header(22.0, |mut header| {
                    for (k, c) in columns.iter().enumerate() {
                        header.col(|ui| {
                            let arrow = match state.sort {
                                Some((col, true)) if col == k => " ^",
                                Some((col, false)) if col == k => " v",
                                _ => "",
                            };
                            let response = ui.add(
                                egui::Label::new(
                                    RichText::new(format!("{}{arrow}", c.title)).strong(),
                                )
                                .sense(egui::Sense::click()),
                            );
                            if response.clicked() {
                                state.sort = match state.sort {
                                    Some((col, true)) if col == k => Some((k, false)),
                                    Some((col, false)) if col == k => None,
                                    _ => Some((k, true)),
                                };
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, shown.len(), |mut row| {
                        let item = &items[shown[row.index()]];
                        let id = id_of(item);
                        row.set_selected(state.selected == Some(id));
                        let mut clicked = false;
                        for c in columns {
                            row.col(|ui| {
                                let text = RichText::new((c.text)(item));
                                let text = match c.colour.as_ref().and_then(|f| f(item)) {
                                    Some(colour) => text.color(colour),
                                    None => text,
                                };
                                // Cut with "…", the whole text on hover.
                                clicked |= ui
                                    .add(
                                        egui::Label::new(text)
                                            .truncate()
                                            .sense(egui::Sense::click()),
                                    )
                                    .clicked();
                            });
                        }
                        if clicked || row.response().clicked() {
                            state.selected = Some(id);
                        }
                    });
                });
        });
    ids
}

/// The row of the selected item when it is to be scrolled into view (once).
fn revealed_row(state: &mut ListState, ids: &[u32]) -> Option<usize> {
    if !std::mem::take(&mut state.reveal) {
        return None;
    }
    let selected = state.selected?;
    ids.iter().position(|i| *i == selected)
}

/// Orders "TC-2" before "TC-10".
fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        (
            s.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_lowercase(),
            digits.parse::<u64>().unwrap_or(0),
            s.to_lowercase(),
        )
    };
    key(a).cmp(&key(b))
}

/// A labelled text field in a two-column grid; the new text when it changed.
pub fn text_ui(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    out: &mut Outbox,
) -> Option<String> {
    ui.label(label);
    let mut text = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text)
            .desired_rows(3)
            .desired_width(320.0)
    } else {
        egui::TextEdit::singleline(&mut text).desired_width(320.0)
    };
    let response = ui.add(edit);
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(label.to_owned()));
    if response.lost_focus() {
        out.seal();
    }
    ui.end_row();
    response.changed().then_some(text)
}

/// A labelled choice among `options` in a grid; the new value when chosen.
pub fn choice_ui<V: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    current: V,
    options: &[(V, &str)],
) -> Option<V> {
    ui.label(label);
    let mut chosen = None;
    let text = options
        .iter()
        .find(|(v, _)| *v == current)
        .map_or("", |(_, t)| *t);
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for (v, t) in options {
                if ui.selectable_label(*v == current, *t).clicked() && *v != current {
                    chosen = Some(*v);
                }
            }
        });
    ui.ctx()
        .accesskit_node_builder(combo.response.id, |node| node.set_label(label.to_owned()));
    ui.end_row();
    chosen
}

/// Picks one item (or none) among `options` (key, name), with a filter for long lists.
pub fn pick_one_ui<K: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    lang: Lang,
    current: Option<K>,
    options: &[(K, String)],
) -> Option<Option<K>> {
    ui.label(label);
    let mut chosen = None;
    let text = current
        .and_then(|c| options.iter().find(|(k, _)| *k == c))
        .map_or_else(|| T::FieldNone.get(lang).to_owned(), |(_, n)| n.clone());
    let filter_id = egui::Id::unique(("pick-filter", id));
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .width(320.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());
            ui.add(egui::TextEdit::singleline(&mut filter).hint_text(T::SearchHint.get(lang)));
            ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
            let needle = filter.to_lowercase();
            if ui
                .selectable_label(current.is_none(), T::FieldNone.get(lang))
                .clicked()
                && current.is_some()
            {
                chosen = Some(None);
            }
            for (k, name) in options {
                if !needle.is_empty() && !name.to_lowercase().contains(&needle) {
                    continue;
                }
                if ui.selectable_label(current == Some(*k), name).clicked() && current != Some(*k) {
                    chosen = Some(Some(*k));
                }
            }
        });
    ui.ctx()
        .accesskit_node_builder(combo.response.id, |node| node.set_label(label.to_owned()));
    ui.end_row();
    chosen
}

/// Picks several items: the chosen ones with a remove button each, and a list to add more.
pub fn pick_many_ui<K: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    lang: Lang,
    current: &[K],
    options: &[(K, String)],
) -> Option<Vec<K>> {
    ui.label(label);
    let mut result = None;
    ui.vertical(|ui| {
        let mut list = current.to_vec();
        let mut remove = None;
        for (i, k) in current.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = options
                    .iter()
                    .find(|(o, _)| o == k)
                    .map_or("?", |(_, n)| n.as_str());
                ui.label(name);
                let response = ui.small_button("x");
                let text = T::RemoveNamed.fill(lang, &[("name", name)]);
                ui.ctx()
                    .accesskit_node_builder(response.id, |node| node.set_label(text));
                if response.clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            list.remove(i);
            result = Some(list.clone());
        }
        let filter_id = egui::Id::unique(("pick-many-filter", id));
        let add_label = format!("{} {}", T::AddTo.get(lang), label.to_lowercase());
        let combo = egui::ComboBox::from_id_salt(id)
            .selected_text(T::AddEllipsis.get(lang))
            .width(320.0)
            .height(320.0)
            .show_ui(ui, |ui| {
                let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());
                ui.add(egui::TextEdit::singleline(&mut filter).hint_text(T::SearchHint.get(lang)));
                ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
                let needle = filter.to_lowercase();
                for (k, name) in options {
                    if current.contains(k)
                        || (!needle.is_empty() && !name.to_lowercase().contains(&needle))
                    {
                        continue;
                    }
                    if ui.selectable_label(false, name).clicked() {
                        list.push(*k);
                        result = Some(list.clone());
                    }
                }
            });
        ui.ctx()
            .accesskit_node_builder(combo.response.id, |node| node.set_label(add_label));
    });
    ui.end_row();
    result
}

/// What a date field reported: nothing, or a new value (possibly cleared).
pub enum DateChange {
    Unchanged,
    Set(Option<NaiveDate>),
}

/// A date field that may be empty; typed text that is not a date stays as a draft with a hint.
pub fn date_ui(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    value: Option<NaiveDate>,
    drafts: &mut HashMap<egui::Id, String>,
    lang: Lang,
    theme: &Theme,
) -> DateChange {
    let mut text = drafts
        .get(&id)
        .cloned()
        .unwrap_or_else(|| value.map(i18n::format_date_numeric).unwrap_or_default());
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id(id)
            .desired_width(96.0),
    );
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label.to_owned()));
    let mut result = DateChange::Unchanged;
    if response.changed() {
        if text.trim().is_empty() {
            drafts.remove(&id);
            result = DateChange::Set(None);
        } else if let Some(d) = i18n::parse_date(&text) {
            drafts.remove(&id);
            result = DateChange::Set(Some(d));
        } else {
            drafts.insert(id, text.clone());
        }
    }
    if drafts.contains_key(&id) {
        ui.label(
            RichText::new(T::DateFormatHint.get(lang))
                .color(theme.error())
                .small(),
        );
    }
    match result {
        DateChange::Set(new) if new == value => DateChange::Unchanged,
        other => other,
    }
}

/// A labelled date row of a grid.
#[allow(
    clippy::too_many_arguments,
    reason = "a field's identity, value and context"
)]
pub fn date_row_ui(
    ui: &mut Ui,
    id: egui::Id,
    label: &str,
    value: Option<NaiveDate>,
    drafts: &mut HashMap<egui::Id, String>,
    lang: Lang,
    theme: &Theme,
) -> DateChange {
    ui.label(label);
    let change = ui
        .horizontal(|ui| date_ui(ui, id, label, value, drafts, lang, theme))
        .inner;
    ui.end_row();
    change
}

/// Every task by WBS code and name, in plan order.
pub fn task_options(view: &super::ViewCtx<'_>) -> Vec<(crate::model::TaskId, String)> {
    view.project
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, format!("{} {}", view.derived.wbs[i], t.name)))
        .collect()
}

/// Every resource by name.
pub fn resource_options(view: &super::ViewCtx<'_>) -> Vec<(crate::model::ResourceId, String)> {
    view.project
        .resources
        .iter()
        .map(|r| (r.id, r.name.clone()))
        .collect()
}

/// A task's name with its WBS code, or an em dash.
pub fn task_name(view: &super::ViewCtx<'_>, id: Option<crate::model::TaskId>) -> String {
    id.and_then(|id| view.derived.rows.get(&id).copied())
        .map_or_else(
            || "—".to_owned(),
            |row| format!("{} {}", view.derived.wbs[row], view.project.tasks[row].name),
        )
}

/// A resource's name, or an em dash.
pub fn resource_name(view: &super::ViewCtx<'_>, id: Option<crate::model::ResourceId>) -> String {
    id.and_then(|id| view.project.resources.iter().find(|r| r.id == id))
        .map_or_else(|| "—".to_owned(), |r| r.name.clone())
}
