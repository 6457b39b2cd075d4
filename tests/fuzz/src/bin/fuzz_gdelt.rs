//! Any bytes as a GDELT event export: tab-separated rows of 57, 58 or 61 columns, with or
//! without a BigQuery header.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("20160728.export.CSV", data);
    });
}
