//! A drafted event in the details panel: the decision and its keys, how sure the drafter is,
//! the sentences with the words each field came from marked, and the corrections.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText};

use super::PanelInput;
use super::actions::Action;
use crate::command::Command;
use crate::model::Category;
use crate::model::dataset::ReviewedDraft;
use crate::model::drafts::{Decision, Evidence, Field, Review, quote_segments};
use crate::state::{DraftEditor, PageDateEditor};

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
    commands.extend(page_dates_ui(ui, frame, draft));
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
        ui.add(egui::Label::new(RichText::new(format!("Worked out: {why}")).weak()).wrap());
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
    let corrected = corrected_fields(&draft.review);
    ui.add_space(6.0);
    let Some(editor) = frame.draft_editor.filter(|e| e.id == draft.draft.event.id) else {
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Correct…")
                .on_hover_text("Correct any field: title, dates, kind, place, countries, organizers, people, counts, planned")
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
    correction_fields(ui, &mut edited);
    let mut commands = Vec::new();
    if edited != *editor {
        commands.push(Command::EditDraft(Some(edited.clone())));
    }
    let review = edited.review(draft, draft.review.decision);
    let (_, problems) = review.apply(&draft.draft.event);
    for problem in &problems {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    commands.extend(correction_buttons(
        ui,
        draft,
        review,
        problems.is_empty(),
        !corrected.is_empty(),
    ));
    commands
}

/// The names of the fields a review corrects.
fn corrected_fields(review: &Review) -> Vec<&'static str> {
    [
        review.title.is_some().then_some("title"),
        review.start.is_some().then_some("start"),
        review.end.is_some().then_some("end"),
        review.category.is_some().then_some("kind"),
        review.planned.is_some().then_some("planned"),
        review.location.is_some().then_some("place"),
        review.countries.is_some().then_some("countries"),
        review.organizers.is_some().then_some("organizers"),
        review.people.is_some().then_some("people"),
        review.participants.is_some().then_some("counts"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every field of a draft, to correct.
fn correction_fields(ui: &mut egui::Ui, edited: &mut DraftEditor) {
    // The fields take the panel's width, less the names' column.
    let width = (ui.available_width() - 90.0).max(120.0);
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
    egui::Grid::new("corrections")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let label = ui.label("Title");
            ui.add(
                egui::TextEdit::multiline(&mut edited.title)
                    .desired_rows(2)
                    .desired_width(width),
            )
            .labelled_by(label.id);
            ui.end_row();
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
            ui.label("");
            ui.checkbox(&mut edited.planned, "Planned").on_hover_text(
                "Announced, not yet known to have happened: drawn dotted on the timeline",
            );
            ui.end_row();
            line(ui, "Place", &mut edited.location, "Beijing");
            line(ui, "Countries", &mut edited.countries, "CHN, JPN");
            line(ui, "Organizers", &mut edited.organizers, "separated by ;");
            line(ui, "People", &mut edited.people, "separated by ;");
            line(
                ui,
                "Counts",
                &mut edited.participants,
                "CHN 12 universities; total 30 scientists",
            );
        });
}

/// Apply, apply and accept, cancel, and undo.
fn correction_buttons(
    ui: &mut egui::Ui,
    draft: &ReviewedDraft,
    review: Review,
    valid: bool,
    corrected: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let decision = draft.review.decision;
    let id = draft.draft.event.id.clone();
    let keep = |review: Review| Command::ReviewDraft {
        id: id.clone(),
        review,
    };
    ui.horizontal_wrapped(|ui| {
        if ui.add_enabled(valid, egui::Button::new("Apply")).clicked() {
            commands.push(keep(review.clone()));
        }
        if decision == Decision::Pending
            && ui
                .add_enabled(valid, egui::Button::new("Apply and accept"))
                .clicked()
        {
            commands.push(keep(Review {
                decision: Decision::Accepted,
                ..review.clone()
            }));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::EditDraft(None));
        }
        if corrected
            && ui
                .button("Undo corrections")
                .on_hover_text("Back to the fields as drafted")
                .clicked()
        {
            commands.push(keep(Review {
                decision,
                ..Default::default()
            }));
        }
    });
    commands
}

/// Each article's page date and where it came from, with a field to give another: every
/// draft of the article is worked out again from it.
fn page_dates_ui(ui: &mut egui::Ui, frame: &PanelInput, draft: &ReviewedDraft) -> Vec<Command> {
    let mut commands = Vec::new();
    for file in &draft.draft.info.articles {
        let summary = (frame.data.dataset.files.iter()).find(|f| &f.file == file);
        let page_date = summary.and_then(|s| s.page_date.as_ref());
        let editing = frame.page_date_editor.filter(|e| &e.file == file);
        ui.horizontal_wrapped(|ui| {
            let stated = match page_date {
                Some(page) => format!("Page date {} (from {})", page.date, page.from),
                None => "No page date: relative dates are not worked out".to_owned(),
            };
            ui.weak(stated);
            let Some(editor) = editing else {
                let tip =
                    "Give the date the page was published: every draft of the article follows it";
                if frame.can(Action::Reload)
                    && ui.small_button("Change…").on_hover_text(tip).clicked()
                {
                    let text = page_date.map(|p| p.date.clone()).unwrap_or_default();
                    commands.push(Command::EditPageDate(Some(PageDateEditor {
                        file: file.clone(),
                        text,
                    })));
                }
                return;
            };
            let mut text = editor.text.clone();
            let field = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            );
            if text != editor.text {
                commands.push(Command::EditPageDate(Some(PageDateEditor {
                    file: file.clone(),
                    text: text.clone(),
                })));
            }
            let parsed = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .add_enabled(parsed.is_some(), egui::Button::new("Draft again"))
                .clicked()
                || (entered && parsed.is_some())
            {
                commands.push(Command::SetPageDate {
                    file: file.clone(),
                    date: parsed,
                });
            }
            if page_date
                .is_some_and(|p| p.from == crate::draft::page_date::Signal::Given.describe())
                && ui.button("Use the page's own").clicked()
            {
                commands.push(Command::SetPageDate {
                    file: file.clone(),
                    date: None,
                });
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::EditPageDate(None));
            }
        });
    }
    commands
}
