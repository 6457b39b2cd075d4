//! Any bytes as an Excel or LibreOffice workbook (seeds: small .xlsx, .xls and .ods files):
//! a damaged workbook is a located problem, never a panic or a hang.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("book.xlsx", data);
        coop_timeline_fuzz::load_and_check("book.ods", data);
    });
}
