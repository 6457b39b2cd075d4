//! The window's panels. Each reads the app's state and returns the [`Command`]s it wants;
//! none changes the state itself.

mod counts;
mod density_strip;
mod details;
mod filters;
pub mod fonts;
mod marks;
mod menu;
mod problems;
mod timeline;

pub use timeline::{last_chart_rect, last_timeline_transform};

use crate::app::{Command, TimelineApp};

/// Converts an sRGB triple from the core into an egui colour.
pub fn color32(rgb: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// Draws the whole window and returns what the user asked for this frame.
pub fn app_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = shortcuts(ui.ctx(), app);
    commands.extend(dropped_folder(ui.ctx()));

    egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(menu::menu_bar_ui(ui, app)));
    egui::Panel::bottom("status_bar").show(ui, |ui| commands.extend(menu::status_bar_ui(ui, app)));
    if app.settings.show_problems {
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| commands.extend(problems::problems_ui(ui, app)));
    }
    egui::Panel::left("filters_and_counts")
        .resizable(true)
        .default_size(300.0)
        .size_range(220.0..=520.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                commands.extend(filters::filters_ui(ui, app));
                ui.separator();
                commands.extend(counts::counts_ui(ui, app));
            });
        });
    egui::Panel::right("details")
        .resizable(true)
        .default_size(320.0)
        .size_range(240.0..=600.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| commands.extend(details::details_ui(ui, app)));
        });
    egui::CentralPanel::default().show(ui, |ui| commands.extend(timeline::timeline_ui(ui, app)));

    if let Some(entry) = &app.path_entry {
        commands.extend(menu::path_entry_ui(ui.ctx(), entry));
    }
    if let Some((kind, path)) = &app.confirm_overwrite {
        commands.extend(menu::confirm_overwrite_ui(ui.ctx(), *kind, path));
    }
    commands
}

/// Keyboard shortcuts. Plain keys are left alone while a text field has the keyboard.
fn shortcuts(ctx: &egui::Context, app: &TimelineApp) -> Vec<Command> {
    use egui::{Key, Modifiers};
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        let mut commands = Vec::new();
        if input.consume_key(Modifiers::COMMAND, Key::O) {
            commands.push(Command::ShowOpenDialog);
        }
        if input.consume_key(Modifiers::COMMAND, Key::E) {
            commands.push(Command::Export(crate::export::ExportKind::Png));
        }
        if input.consume_key(Modifiers::COMMAND, Key::R)
            || input.consume_key(Modifiers::NONE, Key::F5)
        {
            commands.push(Command::Reload);
        }
        if typing {
            return commands;
        }
        let plain = |input: &mut egui::InputState, key| input.consume_key(Modifiers::NONE, key);
        if plain(input, Key::Home) {
            commands.push(Command::FitAll);
        }
        // Every press counts, also when several (or key repeats) arrive in one frame.
        while plain(input, Key::Plus)
            || plain(input, Key::Equals)
            || input.consume_key(Modifiers::SHIFT, Key::Equals)
        {
            commands.push(Command::Zoom(1.5));
        }
        while plain(input, Key::Minus) {
            commands.push(Command::Zoom(1.0 / 1.5));
        }
        while plain(input, Key::ArrowRight) {
            commands.push(Command::SelectNext);
        }
        while plain(input, Key::ArrowLeft) {
            commands.push(Command::SelectPrevious);
        }
        if app.selected.is_some() && plain(input, Key::Escape) {
            commands.push(Command::Select(None));
        }
        commands
    })
}

/// A folder dropped on the window opens; a dropped file opens its folder.
fn dropped_folder(ctx: &egui::Context) -> Option<Command> {
    let path = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()))?;
    let folder = if path.is_dir() {
        path
    } else {
        path.parent()?.to_owned()
    };
    Some(Command::OpenFolder(folder))
}
