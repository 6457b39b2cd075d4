//! A JSON list of objects of any keys (`[{"year": -4500, "event": "…"}]`, `{"timeline":
//! [{"date": "01.02.2021", "title": …}]}`): the largest list of objects in the file is read as a
//! table whose columns are the objects' keys, with the spreadsheet reader's guesser.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::offset_in;
use super::position::{LineIndex, error_position, json_message};
use crate::load::raw::MAX_EVENT_BYTES;
use crate::load::sheet::{self, TableRow};
use crate::load::{FileOutput, LoadOptions};

/// Lists are looked for this deep in the file.
const MAX_DEPTH: usize = 4;
/// Keys past this many are not read as columns.
const MAX_KEYS: usize = 256;

/// Reads the largest list of objects in `text` as a table.
pub fn parse_list(text: &str, options: &LoadOptions, out: &mut FileOutput) {
    let index = LineIndex::new(text);
    let root: &RawValue = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(error) => {
            let (line, column) = error_position(&error, &index, 0);
            out.error(
                line,
                Some(column),
                format!("{}; no event of this file was loaded", json_message(&error)),
            );
            return;
        }
    };
    let Some(items) = largest_list(root, 0) else {
        out.error(
            1,
            None,
            "the JSON holds no list of events (objects with a date and a title)",
        );
        return;
    };
    let mut names: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for item in items {
        let line = index.line(offset_in(text, item.get()));
        if item.get().len() > MAX_EVENT_BYTES {
            out.error(line, None, format!(
                "this event is {} bytes long, more than the limit of {MAX_EVENT_BYTES}; it was skipped",
                item.get().len()
            ));
            continue;
        }
        let Ok(object) = serde_json::from_str::<Map<String, Value>>(item.get()) else {
            out.warning(
                line,
                None,
                "this item is not an object of keys and values; it was skipped",
            );
            continue;
        };
        let mut cells = vec![String::new(); names.len()];
        for (key, value) in flatten(&object) {
            let column = match names.iter().position(|n| *n == key) {
                Some(column) => column,
                None if names.len() < MAX_KEYS => {
                    names.push(key);
                    cells.push(String::new());
                    names.len() - 1
                }
                None => continue,
            };
            cells[column] = value;
        }
        rows.push(TableRow { line, cells });
    }
    let first_line = rows.first().map_or(1, |r| r.line);
    let mapping = options.sheet_mappings.get(out.name()).cloned();
    sheet::parse_named_rows(
        &names,
        &rows,
        first_line,
        mapping,
        options.forced_columns.as_ref(),
        out,
    );
}

/// The longest list of objects in `value`, the value itself or one under its keys.
fn largest_list(value: &RawValue, depth: usize) -> Option<Vec<&RawValue>> {
    let text = value.get().trim_start();
    if text.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(value.get()).ok()?;
        let objects = items
            .iter()
            .filter(|i| i.get().trim_start().starts_with('{'))
            .count();
        return (objects * 2 > items.len()).then_some(items);
    }
    if !text.starts_with('{') || depth >= MAX_DEPTH {
        return None;
    }
    let map: Vec<(String, &RawValue)> =
        serde_json::from_str::<std::collections::BTreeMap<String, &RawValue>>(value.get())
            .ok()?
            .into_iter()
            .collect();
    map.into_iter()
        .filter_map(|(_, child)| largest_list(child, depth + 1))
        .max_by_key(Vec::len)
}

/// An object's keys and values as cells: nested objects one level down ("links url"), lists
/// of plain values joined, HTML taken off text.
fn flatten(object: &Map<String, Value>) -> Vec<(String, String)> {
    let mut cells = Vec::new();
    for (key, value) in object {
        match value {
            Value::Object(inner) => {
                for (sub, value) in inner {
                    cells.push((format!("{key} {sub}"), scalar(value)));
                }
            }
            Value::Array(items) if items.iter().any(Value::is_object) => {
                let first = items.iter().find_map(Value::as_object);
                for (sub, value) in first.into_iter().flatten() {
                    cells.push((format!("{key} {sub}"), scalar(value)));
                }
            }
            Value::Array(items) => {
                let joined: Vec<String> =
                    items.iter().map(scalar).filter(|s| !s.is_empty()).collect();
                cells.push((key.clone(), joined.join("; ")));
            }
            other => cells.push((key.clone(), scalar(other))),
        }
    }
    cells
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) if text.contains('<') => crate::text::html::fragment_to_text(text),
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String)> {
        let mut out = FileOutput::new("list.json".to_owned());
        parse_list(text, &LoadOptions::default(), &mut out);
        out.to_vec()
            .into_iter()
            .map(|(event, _)| (event.start.to_string(), event.title))
            .collect()
    }

    #[test]
    fn lists_of_objects_load_as_tables() {
        let years = r#"[{"year": -4500, "event": "Copper smelting"}, {"year": 1903, "event": "First flight"}]"#;
        assert_eq!(
            events(years),
            [
                ("-4499".into(), "Copper smelting".into()),
                ("1903".into(), "First flight".into())
            ]
        );
        let nested = r#"{"timeline": [
            {"date": "01.02.2021", "type": "Panne", "title": "<b>Ausfall</b>", "links": [{"url": "https://a.de", "text": "A"}]},
            {"date": "15.03.2021", "type": "Panne", "title": "Zweiter", "links": []},
            {"date": "???", "type": "x", "title": "Ohne Datum"}
        ]}"#;
        let found = events(nested);
        assert_eq!(found[0], ("2021-02-01".into(), "Ausfall".into()));
        assert_eq!(found.len(), 2);
    }
}
