//! Which format a file is in, told from its content, not trusted from its name: a `.csv` may
//! be a GDELT export (tab-separated), a `.txt` a spreadsheet or an article.

pub use crate::model::dataset::Format;

use super::sheet::{header_names, is_dated_table};

/// GDELT 1.0 rows have 57 or 58 fields, 2.0 rows 61.
pub const GDELT_FIELD_COUNTS: [usize; 3] = [57, 58, 61];

/// True when the line is a raw GDELT event row: 57, 58 or 61 tab-separated fields, a
/// numeric event id, then a date as YYYYMMDD.
pub fn is_gdelt_row(line: &str) -> bool {
    let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
    GDELT_FIELD_COUNTS.contains(&fields.len())
        && !fields[0].is_empty()
        && fields[0].bytes().all(|b| b.is_ascii_digit())
        && fields[1].len() == 8
        && fields[1].bytes().all(|b| b.is_ascii_digit())
}

/// The format of `text`, a file named `name`.
pub fn detect_format(name: &str, text: &str) -> Format {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') || extension == "json" {
        return json_format(trimmed);
    }
    if matches!(extension.as_str(), "html" | "htm") || trimmed.starts_with('<') {
        return Format::Article;
    }
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Format::Unknown;
    };
    if is_gdelt_row(first) {
        return Format::Gdelt;
    }
    let tabular_extension = matches!(extension.as_str(), "csv" | "tsv" | "tab");
    // Known formats by their columns' names, whatever their rows hold.
    for header in header_names(text) {
        let has = |name: &str| header.iter().any(|h| h == name);
        if has("globaleventid") && has("sqldate") {
            return Format::Gdelt;
        }
        if has("year") && has("headline") {
            return Format::TimelineJsSheet;
        }
        if ["id", "title", "start", "category"].iter().all(|c| has(c)) {
            return Format::NativeCsv;
        }
    }
    if tabular_extension {
        // A table; the spreadsheet reader says what it cannot map.
        return Format::Spreadsheet;
    }
    if is_dated_table(text) {
        return Format::Spreadsheet;
    }
    Format::Article
}

/// Which JSON a file is, from the keys of its first event (a file is in one format):
/// TimelineJS 3's `start_date` objects, TimelineJS 2's `startDate` strings under "timeline",
/// the app's own `start` strings, or none of these (a list of objects of its own keys).
fn json_format(json: &str) -> Format {
    let mut end = json.len().min(64 * 1024);
    while !json.is_char_boundary(end) {
        end -= 1;
    }
    let head = &json[..end];
    let at = |key: &str| head.find(&format!("\"{key}\""));
    // A first event with a field longer than the head still shows its id, title and kind.
    let native =
        at("start").or(at("id").filter(|_| at("title").is_some() && at("category").is_some()));
    match (at("start_date"), at("startDate"), native) {
        (Some(a), _, Some(b)) if a < b => Format::TimelineJsJson,
        (Some(_), _, None) => Format::TimelineJsJson,
        (_, Some(_), None) if at("timeline").is_some() => Format::TimelineJs2Json,
        (_, _, Some(_)) => Format::NativeJson,
        _ if events_hold_objects(head, at("events")) => Format::JsonList,
        _ => Format::NativeJson,
    }
}

/// Whether the file's events (under "events", else its first list) are objects: an empty
/// list, or "events" holding anything but a list, is the app's own format, badly written.
fn events_hold_objects(head: &str, events_key: Option<usize>) -> bool {
    let after = match events_key {
        Some(at) => head[at + "\"events\"".len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start(),
        None => match head.find('[') {
            Some(at) => &head[at..],
            None => return false,
        },
    };
    after
        .strip_prefix('[')
        .is_some_and(|list| list.trim_start().starts_with('{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_content() {
        let native = r#"{"events": [{"id": "a", "start": "2021"}]}"#;
        assert_eq!(detect_format("x.json", native), Format::NativeJson);
        let tl =
            r#"{"title": {"text": {"headline": "T"}}, "events": [{"start_date": {"year": 2021}}]}"#;
        assert_eq!(detect_format("x.json", tl), Format::TimelineJsJson);
        assert_eq!(detect_format("x.txt", tl), Format::TimelineJsJson);
        let v2 = r#"{"timeline": {"headline": "T", "date": [{"startDate": "2011,12,10"}]}}"#;
        assert_eq!(detect_format("x.json", v2), Format::TimelineJs2Json);
        let list = r#"[{"year": -4500, "event": "Copper"}]"#;
        assert_eq!(detect_format("x.json", list), Format::JsonList);
        let wrapped = r#"{"timeline": [{"date": "01.02.2021", "title": "Panne"}]}"#;
        assert_eq!(detect_format("x.json", wrapped), Format::JsonList);
        let csv = "id,title,start,category\na,A,2021,forum\n";
        assert_eq!(detect_format("x.csv", csv), Format::NativeCsv);
        let sheet = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n2021,,,,,,,,,H,T\n";
        assert_eq!(detect_format("x.csv", sheet), Format::TimelineJsSheet);
        let header = "GLOBALEVENTID,SQLDATE,Actor1Name\n1,20210101,CHINA\n";
        assert_eq!(detect_format("bq.csv", header), Format::Gdelt);
        let mut raw = vec!["564111644", "20060731"];
        raw.extend(std::iter::repeat_n("", 56));
        assert_eq!(detect_format("x.csv", &raw.join("\t")), Format::Gdelt);
        let mine = "When,What,Where\n2021-11-04,A seminar,Tokyo\n";
        assert_eq!(detect_format("mine.csv", mine), Format::Spreadsheet);
        assert_eq!(detect_format("mine.txt", mine), Format::Spreadsheet);
        let article = "Sino-Japanese Cooperation\n\nSource: Daily | 2021-11-25\n\nIn a conference a week ago, ...";
        assert_eq!(detect_format("a.txt", article), Format::Article);
        assert_eq!(
            detect_format("a.html", "<html><body>x</body></html>"),
            Format::Article
        );
    }
}
