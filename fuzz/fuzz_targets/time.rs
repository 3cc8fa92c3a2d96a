//! The time parser on arbitrary text: every mention lies inside the text, on char
//! boundaries, with its range in order.
#![no_main]
use dragoman_core::time::{find_time_expressions, Direction};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let published = chrono::NaiveDate::from_ymd_opt(2024, 1, 18).unwrap();
    for direction in [Direction::Past, Direction::Future] {
        for m in find_time_expressions(&text, published, direction) {
            assert!(m.start <= m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.range.from <= m.range.to);
        }
    }
});
