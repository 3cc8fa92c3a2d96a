//! A WARC archive of arbitrary bytes, plain and gzip-compressed: records or reasons,
//! read with a small size limit so that no claimed length is trusted.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let fallback = chrono::NaiveDate::from_ymd_opt(2024, 1, 18);
    for kind in [dragoman_readers::Kind::Warc, dragoman_readers::Kind::WarcGz] {
        let mut reader = std::io::BufReader::new(bytes);
        let mut n = 0usize;
        dragoman_readers::read_any(kind, "crawl.warc", &mut reader, 1 << 20, fallback, &mut |_| {
            n += 1;
            n < 10_000
        });
    }
});
