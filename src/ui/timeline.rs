//! The timeline: paints the core's draw list and turns input into commands. The view lives
//! in the app; this widget never keeps a copy of it.
//!
//! Drag pans, the wheel zooms around the pointer (and scrolls the lanes over their names),
//! a right-drag zooms to a box, a double-click fits all, a click selects.

use std::sync::Arc;

use egui::{Pos2, Sense};

use super::PanelInput;
use super::paint::{EguiMeasure, paint_draw_list, paint_primitive, theme_for};
use crate::command::Command;
use crate::format::{days_label, events_phrase, group_thousands};
use crate::layout::draw::{DrawInput, DrawList, Primitive};
use crate::layout::geom::Rect;
use crate::layout::hit::Hit;
use crate::layout::view::TimeView;

/// One notch of a mouse wheel (about 50 points of scroll) zooms by this factor.
const WHEEL_ZOOM_PER_POINT: f64 = 1.0 / 200.0;
/// A click on a crowded spot zooms in this much.
const CLICK_ZOOM: f64 = 8.0;
/// A cluster's tooltip names this many of its events.
const TOOLTIP_TITLES: usize = 8;

/// The draw list of the last frame, and what it was made from.
#[derive(Clone)]
struct CachedDrawList {
    key: DrawKey,
    list: Arc<DrawList>,
}

/// Everything a draw list depends on: when none of it changed, the last one is reused.
#[derive(Clone, Copy, PartialEq)]
struct DrawKey {
    generation: u64,
    view: TimeView,
    scroll_px: f32,
    size_px: [f32; 2],
    selected: Option<u32>,
    dark: bool,
}

fn cache_id() -> egui::Id {
    egui::Id::unique("timeline_draw_list")
}

fn box_zoom_id() -> egui::Id {
    egui::Id::unique("timeline_box_zoom_start")
}

/// The draw list for this frame, reused from the last one when nothing changed.
fn draw_list(ui: &egui::Ui, frame: &PanelInput, size_px: [f32; 2]) -> Arc<DrawList> {
    let theme = theme_for(ui.visuals());
    let key = DrawKey {
        generation: frame.data.generation,
        view: frame.view,
        scroll_px: frame.lanes_scroll_px,
        size_px,
        selected: frame.selection.event,
        dark: theme.dark,
    };
    let cached: Option<CachedDrawList> = ui.ctx().data(|d| d.get_temp(cache_id()));
    if let Some(cached) = cached.filter(|c| c.key == key) {
        return cached.list;
    }
    let measure = EguiMeasure::new(ui.ctx());
    let empty_message = if frame.data.dataset.events.is_empty() {
        "No events here yet\n\
         Open a data folder with File → Open folder… (Ctrl+O), or drop one on the window.\n\
         It may hold events as JSON, CSV, Excel or LibreOffice sheets, TimelineJS or GDELT files,\n\
         and news articles (text or HTML) to draft events from."
    } else {
        "No event matches the filters."
    };
    let list = Arc::new(DrawList::build(&DrawInput {
        scene: frame.data.scene(),
        events: &frame.data.dataset.events,
        eras: &frame.data.eras,
        view: frame.view,
        limits: &frame.data.limits,
        scroll_px: frame.lanes_scroll_px,
        size_px,
        selected: frame.selection.event,
        theme: &theme,
        measure: &measure,
        empty_message,
    }));
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            cache_id(),
            CachedDrawList {
                key,
                list: Arc::clone(&list),
            },
        );
    });
    list
}

pub fn timeline_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let rect = ui.available_rect_before_wrap();
    let placed = [rect.left(), rect.top(), rect.right(), rect.bottom()];
    if frame.chart_rect_px != Some(placed) {
        commands.push(Command::ChartPlaced(placed));
    }
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    ui.ctx().data_mut(|d| d.insert_temp(origin_id(), rect.min));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Figure,
            true,
            "Timeline of events: drag to pan, wheel to zoom, click an event to select it",
        )
    });
    let list = draw_list(ui, frame, [rect.width(), rect.height()]);
    let theme = theme_for(ui.visuals());
    let painter = ui.painter_at(rect);
    paint_draw_list(&painter, &list, rect.min);

    let layout = list.layout;
    let axis = layout.time_axis(frame.view);
    let local = |p: Pos2| [p.x - rect.left(), p.y - rect.top()];
    let pointer = response.hover_pos().filter(|_| !frame.capturing);
    let hovered = pointer.and_then(|p| list.hit(local(p)));

    // The hovered item is outlined, and explained in a tooltip.
    if let Some(hit) = &hovered {
        let ring = Primitive::Ring {
            rect: hit.rect().expand(2.0),
            round: matches!(hit, Hit::Mark { round: true, .. } | Hit::Cluster { .. }),
            color: theme.outline,
            width_px: 1.5,
        };
        paint_primitive(
            &painter.with_clip_rect(
                painter
                    .clip_rect()
                    .intersect(egui_rect(&layout.plot, rect.min)),
            ),
            &ring,
            rect.min,
            &theme,
        );
    }

    // Input.
    let at_limit = frame.view.at_zoom_limit(&frame.data.limits);
    if response.double_clicked() {
        commands.push(Command::FitAll);
    } else if response.clicked() {
        commands.push(match &hovered {
            Some(Hit::Mark { mark, .. }) => Command::Select(Some(mark.event)),
            Some(Hit::Cluster {
                lane,
                from_days,
                to_days,
                ..
            }) if at_limit => Command::ShowGroup {
                lane: *lane,
                from_days: *from_days,
                to_days: *to_days,
            },
            Some(
                Hit::Cluster {
                    from_days, to_days, ..
                }
                | Hit::Density {
                    from_days, to_days, ..
                },
            ) => Command::ZoomAround {
                days: (from_days + to_days) / 2.0,
                factor: CLICK_ZOOM,
            },
            None => Command::Select(None),
        });
    }
    if let Some(pointer) = pointer {
        let p = local(pointer);
        let over_names = layout.names.contains(p)
            || (p[0] > layout.plot.right() - 12.0 && layout.plot.contains(p));
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        if over_names && scroll.y != 0.0 {
            commands.extend(scroll_lanes(&list, frame.lanes_scroll_px, -scroll.y));
        } else if layout.plot.contains(p) {
            let days = axis.days_from_x(p[0]);
            if scroll.y != 0.0 {
                let factor = (f64::from(scroll.y) * WHEEL_ZOOM_PER_POINT).exp();
                commands.push(Command::ZoomAround { days, factor });
            }
            if scroll.x != 0.0 {
                commands.push(Command::Pan {
                    delta_days: -f64::from(scroll.x) / axis.px_per_day(),
                });
            }
            if zoom != 1.0 {
                commands.push(Command::ZoomAround {
                    days,
                    factor: f64::from(zoom),
                });
            }
        }
    }
    commands.extend(drag_ui(ui, &response, &list, frame, rect.min));
    commands.extend(keys_ui(ui, &list, frame));

    if let (Some(hit), false) = (&hovered, response.dragged()) {
        let hit = hit.clone();
        response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, frame, &hit, at_limit));
    }
    commands
}

fn egui_rect(r: &Rect, origin: Pos2) -> egui::Rect {
    egui::Rect::from_min_max(
        Pos2::new(origin.x + r.left(), origin.y + r.top()),
        Pos2::new(origin.x + r.right(), origin.y + r.bottom()),
    )
}

/// A scroll of the lanes by `delta_px`, kept within what there is to scroll.
fn scroll_lanes(list: &DrawList, current_px: f32, delta_px: f32) -> Option<Command> {
    let target = (current_px + delta_px).clamp(0.0, list.layout.max_scroll_px());
    let delta = target - current_px.min(list.layout.max_scroll_px());
    (delta != 0.0).then_some(Command::ScrollLanes { delta_px: delta })
}

/// Dragging: the left button pans (or moves the scroll bar), the right one draws a box to
/// zoom into.
fn drag_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    list: &DrawList,
    frame: &PanelInput,
    origin: Pos2,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let layout = list.layout;
    let axis = layout.time_axis(frame.view);
    let local = |p: Pos2| [p.x - origin.x, p.y - origin.y];
    let press = ui.input(|i| i.pointer.press_origin());
    let on_scrollbar = press.is_some_and(|p| {
        let p = local(p);
        layout.max_scroll_px() > 0.0
            && p[0] >= layout.plot.right() - 12.0
            && layout.plot.contains(p)
    });
    if response.dragged_by(egui::PointerButton::Primary) {
        let delta = response.drag_delta();
        if on_scrollbar {
            // The thumb moves with the pointer: the content moves the other way, faster.
            let ratio = layout.content_height_px / layout.plot.height().max(1.0);
            commands.extend(scroll_lanes(list, frame.lanes_scroll_px, delta.y * ratio));
        } else if delta.x != 0.0 {
            commands.push(Command::Pan {
                delta_days: -f64::from(delta.x) / axis.px_per_day(),
            });
        }
    }
    if response.drag_started_by(egui::PointerButton::Secondary)
        && let Some(start) = press
    {
        ui.ctx().data_mut(|d| d.insert_temp(box_zoom_id(), start));
    }
    let start: Option<Pos2> = ui.ctx().data(|d| d.get_temp(box_zoom_id()));
    if let (Some(start), Some(now)) = (start, response.interact_pointer_pos()) {
        let chosen = egui::Rect::from_two_pos(start, now);
        let plot = egui_rect(&layout.plot, origin);
        let shown = egui::Rect::from_x_y_ranges(chosen.x_range(), plot.y_range()).intersect(plot);
        if response.dragged_by(egui::PointerButton::Secondary) {
            let visuals = &ui.visuals().selection;
            ui.painter().rect(
                shown,
                0.0,
                visuals.bg_fill.gamma_multiply(0.25),
                visuals.stroke,
                egui::StrokeKind::Inside,
            );
        }
    }
    if response.drag_stopped_by(egui::PointerButton::Secondary) {
        ui.ctx().data_mut(|d| d.remove::<Pos2>(box_zoom_id()));
        if let (Some(start), Some(end)) = (start, response.interact_pointer_pos()) {
            let (from, to) = (
                axis.days_from_x(start.x.min(end.x) - origin.x),
                axis.days_from_x(start.x.max(end.x) - origin.x),
            );
            // A slip of the mouse is not a box.
            if (start.x - end.x).abs() >= 8.0 {
                commands.push(Command::SetView(TimeView {
                    min_days: from,
                    max_days: to,
                }));
            }
        }
    }
    commands
}

/// Page Up and Page Down scroll the lanes while the pointer is over the timeline.
fn keys_ui(ui: &egui::Ui, list: &DrawList, frame: &PanelInput) -> Option<Command> {
    if list.layout.max_scroll_px() <= 0.0 || ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    let page = list.layout.plot.height() * 0.9;
    let (down, up) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::PageDown),
            i.key_pressed(egui::Key::PageUp),
        )
    });
    match (down, up) {
        (true, false) => scroll_lanes(list, frame.lanes_scroll_px, page),
        (false, true) => scroll_lanes(list, frame.lanes_scroll_px, -page),
        _ => None,
    }
}

fn tooltip_ui(ui: &mut egui::Ui, frame: &PanelInput, hit: &Hit, at_limit: bool) {
    let events = &frame.data.dataset.events;
    match hit {
        Hit::Mark { mark, .. } => {
            let Some(event) = events.event(mark.event as usize) else {
                return;
            };
            if event_is_draft(frame, mark.event) {
                ui.colored_label(ui.visuals().warn_fg_color, "Draft: not reviewed yet");
            }
            ui.strong(&event.title);
            ui.label(event.span().display_long());
            if let Some(location) = &event.location {
                ui.label(location);
            }
            if !event.countries.is_empty() {
                let names: Vec<&str> = event.countries.iter().map(|c| c.name()).collect();
                ui.label(names.join(", "));
            }
            ui.weak("Click to see the details");
        }
        Hit::Cluster {
            lane,
            count,
            from_days,
            to_days,
            ..
        } => {
            ui.strong(format!("{} here", events_phrase(*count as u64)));
            ui.label(days_label(*from_days, *to_days));
            let scene = frame.data.scene();
            let marks: Vec<_> = scene
                .marks_between(*lane as usize, *from_days, *to_days)
                .filter(|m| !m.is_span())
                .take(TOOLTIP_TITLES)
                .collect();
            for mark in &marks {
                if let Some(event) = events.get(mark.event as usize) {
                    ui.label(format!("• {}", event.title()));
                }
            }
            if *count > marks.len() {
                ui.weak(format!(
                    "… and {} more",
                    group_thousands((*count - marks.len()) as u64)
                ));
            }
            ui.weak(if at_limit {
                "Click to list them all"
            } else {
                "Click to zoom in"
            });
        }
        Hit::Density {
            count,
            from_days,
            to_days,
            ..
        } => {
            ui.strong(events_phrase(u64::from(*count)));
            ui.label(days_label(*from_days, *to_days));
            ui.weak("Too many to draw one by one at this zoom. Click or scroll to zoom in.");
        }
    }
}

fn event_is_draft(frame: &PanelInput, event: u32) -> bool {
    frame
        .data
        .dataset
        .events
        .get(event as usize)
        .is_some_and(|e| e.is_draft())
}

/// The chart's last draw list and where its top-left corner was on screen: what tests and
/// scripts read to find what is drawn where.
pub fn last_draw_list(ctx: &egui::Context) -> Option<(Pos2, Arc<DrawList>)> {
    let cached: CachedDrawList = ctx.data(|d| d.get_temp(cache_id()))?;
    let origin: Pos2 = ctx.data(|d| d.get_temp(origin_id()))?;
    Some((origin, cached.list))
}

fn origin_id() -> egui::Id {
    egui::Id::unique("timeline_origin")
}
