//! One editor for every collection of the document (requirements, deliverables, tests,
//! anomalies, risks, meetings, budget): a toolbar (add, duplicate, delete, search), the
//! searchable, sortable list, and the selected item's form in a side panel. Adding,
//! duplicating and deleting go through `doc::collection` (a deletion with its cascade, asked
//! first when it removes what the user may not expect); typing in a field coalesces under a key
//! made from the item and the field's label. A view composes the three parts, with its own
//! filters or panels in between, or calls [`collection_ui`] for all of them.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, list_ui, pick_many_ui,
    pick_one_ui, text_ui, toolbar_ui,
};
use crate::app::contract::Modal;
use crate::doc::CoalesceKey;
pub use crate::doc::collection::next;
use crate::doc::collection::{self, Impact, Item};
use crate::i18n::{Lang, T};

/// An item the collection editor lists and edits.
pub trait EditorItem: Item + PartialEq {
    /// The toolbar's add button ("Add risk").
    const ADD: T;
    /// Salts the ids of the list and the panels.
    const SALT: &'static str;
    /// A new item with the editor's defaults.
    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self;
    /// Why an item cannot be added now (a run needs a campaign and a case), if it cannot.
    fn add_refused(_view: &ViewCtx<'_>) -> Option<T> {
        None
    }
    /// The form's heading.
    fn heading(&self, view: &ViewCtx<'_>) -> String;
    /// The list's columns.
    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>>;
    /// The item's form: changes go into `edited`, and the form records which field changed.
    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, item: &Self, edited: &mut Self);
}

/// The selected item of the list, if it still exists.
pub fn selected<'p, I: Item>(view: &ViewCtx<'p>, state: &ListState) -> Option<&'p I> {
    let raw = state.selected?;
    I::list(view.project).iter().find(|i| i.id().into() == raw)
}

/// The toolbar, and what its buttons ask: add after the selection, duplicate it, delete it.
pub fn toolbar_and_actions_ui<I: EditorItem>(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut ListState,
) {
    let count = I::list(view.project).len();
    let action = toolbar_ui(ui, view.lang, I::ADD, state, count);
    act::<I>(view, state, action);
}

fn act<I: EditorItem>(view: &mut ViewCtx<'_>, state: &mut ListState, action: ListAction) {
    let project = view.project;
    let selected = selected::<I>(view, state).map(Item::id);
    match action {
        ListAction::None => {}
        ListAction::Add => {
            if let Some(why) = I::add_refused(view) {
                view.out.error(why);
                return;
            }
            let id = collection::next::<I>(project);
            let item = I::fresh(view, id);
            view.out
                .edit(collection::insert(project, selected, item), None);
            state.selected = Some(id.into());
        }
        ListAction::Duplicate => {
            if let Some((edit, id)) =
                selected.and_then(|s| collection::duplicate::<I>(project, s, view.today))
            {
                view.out.edit(edit, None);
                state.selected = Some(id.into());
            }
        }
        ListAction::Delete => delete_selected::<I>(view, state),
    }
}

/// Deletes the selected item with its cascade (`doc::collection::delete`), asking first when
/// the cascade removes or detaches what the user may not expect.
pub fn delete_selected<I: Item>(view: &mut ViewCtx<'_>, state: &mut ListState) {
    let project = view.project;
    let selected = selected::<I>(view, state).map(Item::id);
    let Some(deletion) = selected.and_then(|s| collection::delete::<I>(project, s)) else {
        return;
    };
    match deletion.impact {
        None => view.out.edit(deletion.edit, None),
        Some(impact) => view.out.open_modal(Modal::Confirm {
            title: T::DeleteNamed.fill(view.lang, &[("name", &deletion.label)]),
            body: impact_text(view.lang, impact),
            edit: Box::new(deletion.edit),
        }),
    }
    state.selected = None;
}

/// The items of a text of lines: each line trimmed, empty ones left out.
fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a deletion takes with it, as the confirmation says it.
fn impact_text(lang: Lang, impact: Impact) -> String {
    match impact {
        Impact::CaseRuns { runs, campaigns } => T::DeleteCaseBody.fill(
            lang,
            &[
                ("runs", &runs.to_string()),
                ("campaigns", &campaigns.to_string()),
            ],
        ),
        Impact::CampaignRuns(n) => T::DeleteCampaignBody.fill(lang, &[("count", &n.to_string())]),
        Impact::Coverage(n) => T::DeleteRequirementBody.fill(lang, &[("count", &n.to_string())]),
        Impact::References(n) => T::DeleteReferencedBody.fill(lang, &[("count", &n.to_string())]),
    }
}

/// The selected item's form in a resizable side panel.
pub fn detail_panel_ui<I: EditorItem>(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut ListState,
    width: f32,
) {
    egui::Panel::right(format!("{}-detail", I::SALT))
        .resizable(true)
        .default_size(width)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui::<I>(ui, view, state));
        });
}

/// The form of the selected item; an edit, coalesced per field, when a field changed.
pub fn detail_ui<I: EditorItem>(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let Some(item) = selected::<I>(view, state) else {
        ui.label(RichText::new(T::SelectAnItem.get(view.lang)).color(view.theme.muted()));
        return;
    };
    let mut edited = item.clone();
    ui.heading(item.heading(view));
    let mut form = Form {
        view,
        drafts: &mut state.drafts,
        changed: None,
        item: item.id().into(),
        salt: I::SALT,
    };
    I::form_ui(ui, &mut form, item, &mut edited);
    if let Some(field) = form.changed
        && edited != *item
        && let Some(edit) = collection::replace(form.view.project, edited)
    {
        let key = CoalesceKey::field::<I>(item.id(), field);
        form.view.out.edit(edit, Some(key));
    }
}

/// The list of the items `keep` lets through, in the central panel, under `above` (a filter's
/// notice, say).
pub fn list_panel_ui<I: EditorItem>(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    state: &mut ListState,
    keep: impl Fn(&I) -> bool,
    above: impl FnOnce(&mut Ui),
) {
    let shown: Vec<I> = I::list(view.project)
        .iter()
        .filter(|i| keep(i))
        .cloned()
        .collect();
    let columns = I::columns(view);
    egui::CentralPanel::default_margins().show(ui, |ui| {
        above(ui);
        list_ui(ui, I::SALT, state, &shown, |i| i.id().into(), &columns);
    });
}

/// Toolbar, form and list of a whole collection.
pub fn collection_ui<I: EditorItem>(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut ListState,
    detail_width: f32,
) {
    toolbar_and_actions_ui::<I>(ui, view, state);
    detail_panel_ui::<I>(ui, view, state, detail_width);
    list_panel_ui::<I>(ui, view, state, |_| true, |_| {});
}

/// An item's form: labelled fields in a two-column grid, each remembered by its label when it
/// changes.
pub struct Form<'f, 'v> {
    pub view: &'f mut ViewCtx<'v>,
    /// Dates being typed that do not read yet, by field.
    pub drafts: &'f mut HashMap<egui::Id, String>,
    changed: Option<T>,
    item: u32,
    salt: &'static str,
}

impl<'v> Form<'_, 'v> {
    pub fn lang(&self) -> Lang {
        self.view.lang
    }

    /// Records that the field labelled `field` changed (for widgets drawn by the view).
    pub fn changed(&mut self, field: T) {
        self.changed = Some(field);
    }

    /// Writes nothing this frame: the view refused the new values (a loop, a finish before
    /// the start) and says why.
    pub fn refuse(&mut self) {
        self.changed = None;
    }

    /// A draft text kept while the item stays selected, by field (a review being written).
    pub fn draft(&mut self, field: T) -> &mut String {
        let id = self.id(field);
        self.drafts.entry(id).or_default()
    }

    /// A stable id for the widget of `field` on this item.
    pub fn id(&self, field: T) -> egui::Id {
        egui::Id::unique((self.salt, field, self.item))
    }

    /// The fields drawn by `fields`, in a two-column grid.
    pub fn grid(&mut self, ui: &mut Ui, fields: impl FnOnce(&mut Ui, &mut Self)) {
        egui::Grid::new((self.salt, "fields"))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| fields(ui, self));
    }

    fn note<V>(&mut self, field: T, value: Option<V>) -> Option<V> {
        if value.is_some() {
            self.changed = Some(field);
        }
        value
    }

    /// A one-line text field.
    pub fn text(&mut self, ui: &mut Ui, field: T, value: &str) -> Option<String> {
        let new = text_ui(ui, field.get(self.lang()), value, false, self.view.out);
        self.note(field, new)
    }

    /// A text of several lines.
    pub fn multiline(&mut self, ui: &mut Ui, field: T, value: &str) -> Option<String> {
        let new = text_ui(ui, field.get(self.lang()), value, true, self.view.out);
        self.note(field, new)
    }

    /// Lines of text, one item per line (attendees, steps). The text stays as typed while it
    /// reads as the same items, so that a line just begun (an empty one) is not swallowed.
    pub fn lines(&mut self, ui: &mut Ui, field: T, value: &[String]) -> Option<Vec<String>> {
        let id = self.id(field);
        let shown = self
            .drafts
            .get(&id)
            .filter(|draft| parse_lines(draft) == value)
            .cloned()
            .unwrap_or_else(|| value.join("\n"));
        let text = self.multiline(ui, field, &shown)?;
        let items = parse_lines(&text);
        self.drafts.insert(id, text);
        Some(items)
    }

    /// One value of an enum.
    pub fn choice<V: Choice>(&mut self, ui: &mut Ui, field: T, current: V) -> Option<V> {
        let salt = format!("{}-{field:?}", self.salt);
        let lang = self.lang();
        let new = choice_ui(ui, &salt, field.get(lang), current, &V::options(lang));
        self.note(field, new)
    }

    /// One item (or none) among `options`, by name.
    #[allow(
        clippy::option_option,
        reason = "nothing chosen differs from clearing the choice"
    )]
    pub fn pick_one<K: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        field: T,
        current: Option<K>,
        options: &[(K, String)],
    ) -> Option<Option<K>> {
        let salt = format!("{}-{field:?}", self.salt);
        let lang = self.lang();
        let new = pick_one_ui(ui, &salt, field.get(lang), lang, current, options);
        self.note(field, new)
    }

    /// Several items among `options`.
    pub fn pick_many<K: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        field: T,
        current: &[K],
        options: &[(K, String)],
    ) -> Option<Vec<K>> {
        let salt = format!("{}-{field:?}", self.salt);
        let lang = self.lang();
        let new = pick_many_ui(ui, &salt, field.get(lang), lang, current, options);
        self.note(field, new)
    }

    /// A date that may be empty; text that is not a date yet stays as a draft.
    pub fn date(&mut self, ui: &mut Ui, field: T, value: Option<NaiveDate>) -> DateChange {
        let id = self.id(field);
        let lang = self.lang();
        let theme = *self.view.theme;
        let change = date_row_ui(ui, id, field.get(lang), value, self.drafts, lang, &theme);
        if matches!(change, DateChange::Set(_)) {
            self.changed = Some(field);
        }
        change
    }

    /// A number dragged or typed, in a grid row.
    pub fn number<N: egui::emath::Numeric>(
        &mut self,
        ui: &mut Ui,
        field: T,
        value: N,
        range: std::ops::RangeInclusive<N>,
        speed: f64,
    ) -> Option<N> {
        self.drag(ui, field, value, |d| d.range(range).speed(speed))
    }

    /// An amount of money in the project's currency, in a grid row.
    pub fn amount(&mut self, ui: &mut Ui, field: T, value: f64) -> Option<f64> {
        let suffix = format!(" {}", self.view.project.meta.currency);
        self.drag(ui, field, value, |d| {
            d.range(0.0..=1e12).speed(100.0).suffix(suffix)
        })
    }

    /// A drag value on `value` set up by `configure`, labelled `field`, in a grid row.
    fn drag<N: egui::emath::Numeric>(
        &mut self,
        ui: &mut Ui,
        field: T,
        value: N,
        configure: impl FnOnce(egui::DragValue<'_>) -> egui::DragValue<'_>,
    ) -> Option<N> {
        let label = field.get(self.lang());
        ui.label(label);
        let mut v = value;
        let response = ui.add(configure(egui::DragValue::new(&mut v)));
        ui.ctx()
            .accesskit_node_builder(response.id, |n| n.set_label(label.to_owned()));
        ui.end_row();
        self.note(field, response.changed().then_some(v))
    }

    /// One value among `options` that are not an enum's (planned or spent, say).
    pub fn among<V: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        field: T,
        current: V,
        options: &[(V, &str)],
    ) -> Option<V> {
        let salt = format!("{}-{field:?}", self.salt);
        let new = choice_ui(ui, &salt, field.get(self.lang()), current, options);
        self.note(field, new)
    }

    /// A checkbox, in a grid row.
    pub fn flag(&mut self, ui: &mut Ui, field: T, value: bool) -> Option<bool> {
        let label = field.get(self.lang());
        ui.label("");
        let mut v = value;
        let response = ui.checkbox(&mut v, label);
        ui.end_row();
        self.note(field, response.changed().then_some(v))
    }

    /// The view's context, to read the document or derived data.
    pub fn ctx(&self) -> &ViewCtx<'v> {
        self.view
    }
}
