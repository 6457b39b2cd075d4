//! Plain text from HTML, with a real HTML parser (html5ever, through `scraper`): tags go,
//! entities are decoded, and line breaks and blocks become spaces or new lines.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never text for people.
const HIDDEN: [&str; 8] = [
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
];

/// Elements that end a line of text.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "figcaption",
];

/// A fragment such as a TimelineJS `text` as one line of plain text: `<br>` and blocks become
/// spaces, runs of spaces one.
pub fn fragment_to_text(html: &str) -> String {
    // Plain text needs no parsing, and most titles are plain.
    if !html.contains(['<', '&']) {
        return collapse_spaces(html);
    }
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    collect_text(fragment.root_element(), &mut text, " ");
    collapse_spaces(&text)
}

/// A whole HTML page as text, one paragraph a line: for articles saved from a browser. The
/// page's address and publication time, where its head gives them, come first, as
/// "URL: …" and "Published: …" lines.
pub fn document_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut text = page_metadata(&document);
    collect_text(document.root_element(), &mut text, "\n");
    text.lines()
        .map(collapse_spaces)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The page's own address and publication time, from its head, as lines of text.
fn page_metadata(document: &Html) -> String {
    let attribute = |selector: &str, name: &str| -> Option<String> {
        let selector = scraper::Selector::parse(selector).ok()?;
        let element = document.select(&selector).next()?;
        let value = element.value().attr(name)?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    };
    let url = attribute(r#"link[rel="canonical"]"#, "href")
        .or_else(|| attribute(r#"meta[property="og:url"]"#, "content"));
    let published = [
        r#"meta[property="article:published_time"]"#,
        r#"meta[name="article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publishdate"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="DC.date.issued"]"#,
    ]
    .iter()
    .find_map(|selector| attribute(selector, "content"))
    .or_else(|| attribute("time[datetime]", "datetime"));
    let mut lines = String::new();
    if let Some(url) = url {
        lines.push_str(&format!("URL: {url}\n"));
    }
    if let Some(published) = published {
        lines.push_str(&format!("Published: {published}\n"));
    }
    lines
}

fn collect_text(element: ElementRef, out: &mut String, block_break: &str) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(child_element) => {
                let name = child_element.name();
                if HIDDEN.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push_str(block_break);
                }
                if let Some(child) = ElementRef::wrap(child) {
                    collect_text(child, out, block_break);
                }
                if block {
                    out.push_str(block_break);
                }
            }
            _ => {}
        }
    }
}

/// Single spaces, trimmed; non-breaking spaces count as spaces.
fn collapse_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_and_entities_are_decoded() {
        assert_eq!(
            fragment_to_text(
                "<p>Tokyo &amp; Seoul<br>met on <b>8 May</b>.</p><script>x()</script>"
            ),
            "Tokyo & Seoul met on 8 May."
        );
        assert_eq!(fragment_to_text("plain   text"), "plain text");
        assert_eq!(
            fragment_to_text("caf&eacute; &#x4E2D;&#22269;"),
            "café 中国"
        );
        let page = "<html><head><title>t</title></head><body><nav>menu</nav><p>First.</p><p>Second &lt;x&gt;</p></body></html>";
        assert_eq!(document_to_text(page), "menu\n\nFirst.\n\nSecond <x>");
    }
}
