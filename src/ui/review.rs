//! A drafted event in the details panel: the decision and its keys, how sure the drafter is,
//! the sentences with the words each field came from marked, and the corrections.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText};

use super::PanelInput;
use super::actions::Action;
use crate::command::Command;
use crate::model::Category;
use crate::model::dataset::ReviewedDraft;
use crate::model::drafts::{Decision, Evidence, Field, quote_segments};
use crate::state::DraftEditor;

/// The fields whose words are marked in the quotes, with their colours (sRGB) and names.
const MARKED_FIELDS: [(Field, [u8; 3], &str); 7] = [
    (Field::Date, [230, 160, 20], "date"),
    (Field::Kind, [20, 170, 170], "kind"),
    (Field::Place, [70, 170, 70], "place"),
    (Field::Country, [160, 100, 220], "country"),
    (Field::Count, [70, 130, 235], "count"),
    (Field::Person, [220, 90, 130], "person"),
    (Field::Organizer, [220, 90, 130], "organizer"),
];

fn field_color(field: Field) -> Option<Color32> {
    MARKED_FIELDS
        .iter()
        .find(|(name, ..)| *name == field)
        .map(|(_, [r, g, b], _)| Color32::from_rgba_unmultiplied(*r, *g, *b, 90))
}

/// The banner, the decision buttons, the articles and how sure each field is.
pub fn review_bar_ui(ui: &mut egui::Ui, frame: &PanelInput, draft: &ReviewedDraft) -> Vec<Command> {
    let mut commands = Vec::new();
    let (banner, color) = match draft.review.decision {
        Decision::Pending => (
            "DRAFT — drafted from an article, not reviewed",
            ui.visuals().warn_fg_color,
        ),
        Decision::Accepted => (
            "Accepted — drafted from an article and kept",
            Color32::from_rgb(60, 160, 80),
        ),
        Decision::Rejected => ("Rejected", ui.visuals().error_fg_color),
    };
    ui.colored_label(color, RichText::new(banner).strong());
    ui.horizontal_wrapped(|ui| {
        let buttons: &[Action] = match draft.review.decision {
            Decision::Pending => &[Action::AcceptDraft, Action::RejectDraft, Action::NextDraft],
            _ => &[Action::BackToReview, Action::NextDraft],
        };
        for &command in buttons {
            commands.extend(key_button(ui, frame, command));
        }
    });
    let articles = draft.draft.info.articles.join(", ");
    ui.weak(format!("From {articles}"));
    let sure = &draft.draft.info.confidence;
    let percent =
        |name: &str, value: f32| (value > 0.0).then(|| format!("{name} {:.0}%", value * 100.0));
    let parts: Vec<String> = [
        percent("date", sure.date),
        percent("kind", sure.kind),
        percent("title", sure.title),
        percent("place", sure.place),
        percent("countries", sure.countries),
        percent("counts", sure.counts),
        percent("people", sure.people),
    ]
    .into_iter()
    .flatten()
    .collect();
    ui.add(
        egui::Label::new(RichText::new(format!("How sure: {}", parts.join(" · "))).weak()).wrap(),
    );
    for why in &draft.draft.info.reasoning {
        ui.add(egui::Label::new(RichText::new(format!("Date worked out: {why}")).weak()).wrap());
    }
    ui.add_space(4.0);
    commands
}

/// A button named with its key: "Accept (A)".
fn key_button(ui: &mut egui::Ui, frame: &PanelInput, command: Action) -> Option<Command> {
    let (text, tooltip) = command.text_and_tooltip();
    let text = text.trim_end_matches(" the draft");
    let label = match command.shortcuts().first() {
        Some(shortcut) => format!("{text} ({})", ui.ctx().format_shortcut(shortcut)),
        None => text.to_owned(),
    };
    let response = ui
        .add_enabled(frame.can(command), egui::Button::new(label))
        .on_hover_text(tooltip);
    response.clicked().then(|| command.command())
}

/// A quote with the words of each field marked.
pub fn marked_quote(ui: &egui::Ui, quote: &str, source: usize, evidence: &[Evidence]) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    job.append("“", 0.0, TextFormat::simple(font.clone(), text_color));
    for segment in quote_segments(quote, source, evidence) {
        let mut format = TextFormat {
            font_id: font.clone(),
            color: text_color,
            italics: true,
            ..Default::default()
        };
        if let Some(color) = segment.field.and_then(field_color) {
            format.background = color;
        }
        if segment.in_title {
            format.underline = egui::Stroke::new(1.0, text_color);
        }
        job.append(&quote[segment.range], 0.0, format);
    }
    job.append("”", 0.0, TextFormat::simple(font, text_color));
    job
}

/// What the marks in the quotes mean, for the fields that have marks.
pub fn marks_legend_ui(ui: &mut egui::Ui, evidence: &[Evidence]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.weak("Marked:");
        ui.label(RichText::new("name").underline());
        let mut shown = Vec::new();
        for (field, _, name) in MARKED_FIELDS {
            if !evidence.iter().any(|e| e.field == field) || shown.contains(&name) {
                continue;
            }
            shown.push(name);
            let color = field_color(field).unwrap_or_default();
            ui.label(RichText::new(name).background_color(color));
        }
    });
}

/// The corrections: a button to open them, or their fields while open.
pub fn corrections_ui(
    ui: &mut egui::Ui,
    frame: &PanelInput,
    draft: &ReviewedDraft,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let review = &draft.review;
    let corrected: Vec<&str> = [
        review.start.is_some().then_some("start"),
        review.end.is_some().then_some("end"),
        review.category.is_some().then_some("kind"),
        review.countries.is_some().then_some("countries"),
        review.participants.is_some().then_some("counts"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let editor = frame.draft_editor.filter(|e| e.id == draft.draft.event.id);
    ui.add_space(6.0);
    let Some(editor) = editor else {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Correct…")
                .on_hover_text("Correct the date, the kind, the countries or the counts")
                .clicked()
            {
                commands.push(Command::EditDraft(Some(DraftEditor::of(draft))));
            }
            if !corrected.is_empty() {
                ui.weak(format!("Corrected: {}", corrected.join(", ")));
            }
        });
        return commands;
    };
    ui.strong("Corrections");
    let mut edited = editor.clone();
    // The fields take the panel's width, less the names' column.
    let width = (ui.available_width() - 90.0).max(120.0);
    egui::Grid::new("corrections")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let line = |ui: &mut egui::Ui, name: &str, value: &mut String, hint: &str| {
                let label = ui.label(name);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(label.id);
                ui.end_row();
            };
            line(
                ui,
                "Start",
                &mut edited.start,
                "2021-11-18, 2021-11 or 2021",
            );
            line(ui, "End", &mut edited.end, "empty for one day");
            let label = ui.label("Kind");
            egui::ComboBox::from_id_salt("correct_kind")
                .selected_text(edited.category.label())
                .show_ui(ui, |ui| {
                    for category in Category::ALL {
                        ui.selectable_value(&mut edited.category, category, category.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            line(ui, "Countries", &mut edited.countries, "CHN, JPN");
            line(
                ui,
                "Counts",
                &mut edited.participants,
                "CHN 12 universities; total 30 scientists",
            );
        });
    if edited != *editor {
        commands.push(Command::EditDraft(Some(edited.clone())));
    }
    let decision = draft.review.decision;
    let review = edited.review(draft, decision);
    let (_, problems) = review.apply(&draft.draft.event);
    for problem in &problems {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.horizontal_wrapped(|ui| {
        let id = draft.draft.event.id.clone();
        let valid = problems.is_empty();
        if ui.add_enabled(valid, egui::Button::new("Apply")).clicked() {
            commands.push(Command::ReviewDraft {
                id: id.clone(),
                review: review.clone(),
            });
        }
        if decision == Decision::Pending
            && ui
                .add_enabled(valid, egui::Button::new("Apply and accept"))
                .clicked()
        {
            let accepted = crate::draft::Review {
                decision: Decision::Accepted,
                ..review.clone()
            };
            commands.push(Command::ReviewDraft {
                id: id.clone(),
                review: accepted,
            });
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::EditDraft(None));
        }
        if !corrected.is_empty()
            && ui
                .button("Undo corrections")
                .on_hover_text("Back to the fields as drafted")
                .clicked()
        {
            let drafted = crate::draft::Review {
                decision,
                ..Default::default()
            };
            commands.push(Command::ReviewDraft {
                id,
                review: drafted,
            });
        }
    });
    commands
}
