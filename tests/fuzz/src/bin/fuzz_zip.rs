//! Any bytes as a zip archive (GDELT publishes its exports zipped): every file in it is read
//! as the data file it holds.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("export.CSV.zip", data);
    });
}
