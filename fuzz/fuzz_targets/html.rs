//! A web page of arbitrary bytes: its article text, title and date, or a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let fallback = chrono::NaiveDate::from_ymd_opt(2024, 1, 18);
    if let Ok(doc) = dragoman_readers::html::read_html("page.html", bytes, fallback) {
        assert!(!doc.text.contains('\0'));
    }
    let _ = dragoman_readers::html::html_to_text(&String::from_utf8_lossy(bytes));
});
