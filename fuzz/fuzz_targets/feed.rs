//! An RSS, Atom or JSON feed of arbitrary bytes: items or reasons, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let fallback = chrono::NaiveDate::from_ymd_opt(2024, 1, 18);
    let _ = dragoman_readers::feed::read_feed_dated("feed.xml", bytes, fallback);
    let _ = dragoman_readers::sniff(&bytes[..bytes.len().min(4096)]);
});
