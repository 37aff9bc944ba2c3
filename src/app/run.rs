//! What each command of the command table does.

use super::PiloteApp;
use super::contract::{After, Command, Modal, Status};
use crate::doc::Edit;
use crate::doc::task_ops::{self, NewRow, OpRefusal};
use crate::i18n::T;
use crate::ui::ViewKind;

impl PiloteApp {
    /// Runs `command`: one arm per command of the command table, the longer ones in the
    /// methods below.
    pub(super) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guard(After::New, ctx),
            Command::Open => self.guard(After::Open, ctx),
            Command::OpenSample => self.guard(After::OpenSample, ctx),
            Command::Save => self.save(false),
            Command::SaveAs => self.save(true),
            Command::ExportMsProject => self.open_export(super::contract::ExportFormat::MsProject),
            Command::ExportCsv => self.open_export(super::contract::ExportFormat::Csv),
            Command::ExportCalendar => self.open_export(super::contract::ExportFormat::Calendar),
            Command::ExportReport => self.open_export(super::contract::ExportFormat::Report),
            Command::ImportCsv => self
                .dialogs
                .pick_csv(T::CsvFilterName.get(self.settings.lang)),
            Command::Quit => self.guard(After::Quit, ctx),
            Command::Undo => {
                if self.doc.undo() {
                    self.revalidate();
                    self.status = Status::info(T::Undone);
                } else {
                    self.status = Status::info(T::NothingToUndo);
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.revalidate();
                    self.status = Status::info(T::Redone);
                } else {
                    self.status = Status::info(T::NothingToRedo);
                }
            }
            Command::Conflicts => {
                self.modal = Some(super::contract::Modal::Conflicts);
            }
            Command::Cut => self.cut_rows(ctx),
            Command::Copy => {
                self.copy_rows(ctx);
            }
            Command::Paste => self.paste_kept(),
            Command::FillDown => self.fill_down(),
            Command::AddTask | Command::InsertTask | Command::AddMilestone => self.new_row(command),
            Command::DeleteTask => self.delete_selected_rows(),
            Command::Indent | Command::Outdent | Command::LinkTasks | Command::UnlinkTasks => {
                self.edit_selected_rows(command);
            }
            Command::MoveUp | Command::MoveDown => self.move_selected_row(command),
            Command::TaskInfo => match self.selection.selected {
                Some(id) if self.derived.rows.contains_key(&id) => self.views.task_dialog.open(id),
                _ => self.refusal(OpRefusal::NoSelection),
            },
            Command::Show(view) => self.settings.view = view,
            Command::SaveBaseline | Command::ClearBaseline => {
                self.modal = Some(Modal::Baseline {
                    clear: command == Command::ClearBaseline,
                    number: self.doc.project.earned_value.baseline,
                    selected_only: false,
                });
            }
            Command::UpdateProject => {
                let date = self.doc.project.meta.status_date.unwrap_or(self.today());
                self.modal = Some(Modal::UpdateProject {
                    date: crate::i18n::format_date_numeric(date),
                });
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::Palette => self.views.palette.open(),
            Command::Search => self.views.search.open(),
            Command::Guide => self.views.guide.open_on_view(self.settings.view),
            Command::Shortcuts => self.views.guide.open_on_shortcuts(),
            Command::About => self.modal = Some(Modal::About),
        }
    }

    /// A new task above or below the selected row, or a new milestone below it, selected.
    fn new_row(&mut self, command: Command) {
        let lang = self.lang();
        // The Gantt keeps the chart on screen and names the new row in the task
        // editor; elsewhere the name is typed in the task plan.
        let in_gantt = self.settings.view == ViewKind::Gantt;
        if !in_gantt {
            self.settings.view = ViewKind::Tasks;
        }
        let (where_, milestone, name) = match command {
            Command::InsertTask => (NewRow::Above, false, T::NewTaskName),
            Command::AddMilestone => (NewRow::Below, true, T::NewMilestoneName),
            _ => (NewRow::Below, false, T::NewTaskName),
        };
        let selected = self.selected_row();
        let (edit, _) = task_ops::new_task(
            &self.doc.project,
            selected,
            where_,
            name.get(lang),
            milestone,
        );
        let new_id = match &edit {
            Edit::InsertTasks { tasks, .. } => tasks.first().map(|t| t.id),
            _ => None,
        };
        if self.apply_edit(edit, None) {
            self.selection.select(new_id, !in_gantt);
            if in_gantt && let Some(id) = new_id {
                self.views.task_dialog.open(id);
            }
        }
    }

    /// Deletes the selected rows and selects the row that takes the first one's place.
    fn delete_selected_rows(&mut self) {
        let rows = self.selected_rows();
        match task_ops::delete_rows(&self.doc.project, &rows) {
            Ok(edit) => {
                if self.apply_edit(edit, None)
                    && let Some(&row) = rows.first()
                {
                    let tasks = &self.doc.project.tasks;
                    let next = tasks.get(row).or_else(|| tasks.last()).map(|t| t.id);
                    self.selection.select(next, false);
                }
            }
            Err(refusal) => self.refusal(refusal),
        }
    }

    /// Indents, outdents, links or unlinks the selected rows.
    fn edit_selected_rows(&mut self, command: Command) {
        let rows = self.selected_rows();
        let project = &self.doc.project;
        let result = match command {
            Command::Indent => task_ops::indent_rows(project, &rows),
            Command::Outdent => task_ops::outdent_rows(project, &rows),
            Command::LinkTasks => task_ops::link_rows(project, &rows),
            _ => task_ops::unlink_rows(project, &rows),
        };
        match result {
            Ok(edit) => {
                self.apply_edit(edit, None);
            }
            Err(refusal) => self.refusal(refusal),
        }
    }

    /// Moves the selected row (with its subtasks) up or down, keeping it in view.
    fn move_selected_row(&mut self, command: Command) {
        let selected = self.selected_row();
        let result = if command == Command::MoveUp {
            task_ops::move_up(&self.doc.project, selected)
        } else {
            task_ops::move_down(&self.doc.project, selected)
        };
        match result {
            Ok((edit, _)) => {
                self.apply_edit(edit, None);
                self.selection.scroll_to_selected = true;
            }
            Err(refusal) => self.refusal(refusal),
        }
    }
}
