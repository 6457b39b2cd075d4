//! Where in a JSON file something is: line and column from a byte offset, and serde_json's
//! errors in words for people who do not program.

use rayon::prelude::*;

/// Byte offsets of line starts, to turn an offset into a line and column.
pub(in crate::load) struct LineIndex<'a> {
    pub(in crate::load) text: &'a str,
    line_starts: Vec<usize>,
    /// Characters before every [`CHECKPOINT_BYTES`]th byte, counted once when a column is
    /// first asked for: a minified file is one line, and each column counted from its start
    /// would make a problem per event quadratic.
    chars_before: std::sync::OnceLock<Vec<usize>>,
}

const CHECKPOINT_BYTES: usize = 1024;

impl<'a> LineIndex<'a> {
    pub(in crate::load) fn new(text: &'a str) -> Self {
        // Found in parts on every core: a big file has millions of lines.
        const PART_BYTES: usize = 8 << 20;
        let parts: Vec<Vec<usize>> = (text.as_bytes().par_chunks(PART_BYTES).enumerate())
            .map(|(part, bytes)| {
                let part_start = part * PART_BYTES;
                (memchr::memchr_iter(b'\n', bytes).map(|i| part_start + i + 1)).collect()
            })
            .collect();
        let mut line_starts = Vec::with_capacity(1 + parts.iter().map(Vec::len).sum::<usize>());
        line_starts.push(0);
        parts
            .iter()
            .for_each(|part| line_starts.extend_from_slice(part));
        Self {
            text,
            line_starts,
            chars_before: std::sync::OnceLock::new(),
        }
    }

    /// How many characters come before the byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoints = self.chars_before.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut counts = Vec::with_capacity(bytes.len() / CHECKPOINT_BYTES + 1);
            let mut chars = 0;
            for chunk in bytes.chunks(CHECKPOINT_BYTES) {
                counts.push(chars);
                // A character's bytes after its first are 0b10xxxxxx.
                chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
            }
            counts
        });
        let checkpoint = offset / CHECKPOINT_BYTES;
        let from = checkpoint * CHECKPOINT_BYTES;
        let counted = checkpoints.get(checkpoint).copied().unwrap_or_default();
        // A part of one-byte characters (most JSON) needs no counting.
        let next = checkpoints.get(checkpoint + 1).copied();
        if next == Some(counted + CHECKPOINT_BYTES) {
            return counted + (offset - from);
        }
        let rest = self.text.as_bytes().get(from..offset).unwrap_or_default();
        counted + rest.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }

    /// 1-based line of a byte offset.
    pub(in crate::load) fn line(&self, offset: usize) -> u64 {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1) as u64
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(in crate::load) fn line_column(&self, offset: usize) -> (u64, u64) {
        let line = self.line(offset) as usize;
        let line_start = self.line_starts[line - 1];
        let offset = offset.min(self.text.len());
        let column = if line_start <= offset {
            self.chars_before(offset) - self.chars_before(line_start) + 1
        } else {
            1
        };
        (line as u64, column as u64)
    }
}

/// A serde_json message without its " at line N column M" tail, which we report apart.
pub(in crate::load) fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    match error.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too early; is it cut off? ({text})")
        }
        serde_json::error::Category::Syntax => format!("this is not valid JSON: {text}"),
        _ => plain_words(&text),
    }
}

/// serde's "invalid type: integer `5`, expected a string" in words for people who do not
/// program: "wrong kind of value: the number `5` where text in quotes belongs".
fn plain_words(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_owned();
    };
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return message.to_owned();
    };
    // "integer `5`", "floating point `2.5`", "a string", "map", "boolean `true`", ...
    let name = |kind: &str| -> String {
        let kind = kind
            .strip_prefix("a ")
            .or_else(|| kind.strip_prefix("an "))
            .unwrap_or(kind);
        let kind = kind
            .replace("floating point", "number")
            .replace("integer", "number");
        let (word, value) = kind.split_once(' ').unwrap_or((&kind, ""));
        let noun = match word {
            "string" if value.is_empty() => "text in quotes",
            "string" => "the text",
            "sequence" => "a list [...]",
            "map" | "struct" => "an object {...}",
            "number" | "u64" | "f64" => "the number",
            "boolean" => "the value",
            other => other,
        };
        if value.is_empty() {
            noun.to_owned()
        } else {
            format!("{noun} {value}")
        }
    };
    format!(
        "wrong kind of value: {} where {} belongs",
        name(found),
        name(expected)
    )
}

pub(in crate::load) fn error_position(
    error: &serde_json::Error,
    index: &LineIndex,
    base_offset: usize,
) -> (u64, u64) {
    let (base_line, base_column) = index.line_column(base_offset);
    // serde_json says column 0 at the very end of a line; editors count from 1.
    let (line, column) = (error.line() as u64, (error.column() as u64).max(1));
    if line <= 1 {
        (base_line, base_column + column.saturating_sub(1))
    } else {
        (base_line + line - 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters() {
        let index = LineIndex::new("ab\n龚茜x\n");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(9), (2, 3));
    }

    #[test]
    fn columns_of_a_long_line_count_characters_across_checkpoints() {
        let line = "{\"title\": \"日本と韓国\"}, ".repeat(2000);
        let text = format!("[\n{line}]");
        let index = LineIndex::new(&text);
        for offset in (2..text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            let expected = text[2..offset].chars().count() as u64 + 1;
            assert_eq!(index.line_column(offset), (2, expected), "at {offset}");
        }
    }

    #[test]
    fn columns_count_characters_past_parts_of_plain_ascii() {
        let text = format!("[{}\"日本\"{}]", "a".repeat(5000), "b".repeat(5000));
        let index = LineIndex::new(&text);
        for offset in (0..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(61)
        {
            let expected = text[..offset].chars().count() as u64 + 1;
            assert_eq!(index.line_column(offset), (1, expected), "at {offset}");
        }
    }
}
