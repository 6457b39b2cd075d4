//! Any bytes as an article (text or saved HTML, by the first byte), through the loader as a
//! data folder reads it: nothing panics, every draft is a valid event, and no draft states
//! what the article does not say.

use coop_timeline::draft::verify::unsupported_claims;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&format, content)) = data.split_first() else {
            return;
        };
        let name = if format % 2 == 0 {
            "article.txt"
        } else {
            "article.html"
        };
        let dataset = coop_timeline::load::load_files([(name, content)]);
        coop_timeline_fuzz::check_dataset(&dataset);
        // The text as the drafter read it: a saved page without its markup.
        let text = String::from_utf8_lossy(content);
        let text = coop_timeline::draft::page::plain_text(name, &text);
        let article = |file: &str| (file == name).then(|| text.clone());
        for reviewed in &dataset.drafts {
            let claims = unsupported_claims(&reviewed.draft, &article);
            assert!(claims.is_empty(), "{claims:?}");
        }
    });
}
