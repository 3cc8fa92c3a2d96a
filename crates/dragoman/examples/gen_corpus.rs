//! Writes a synthetic JSON Lines corpus for benchmarks:
//!
//! ```text
//! cargo run --release -p dragoman --example gen_corpus -- --mb 12 --out bench-data/corpus.jsonl
//! ```
//!
//! The corpus is deterministic for a seed (`--seed`, default 1), so runs on different
//! machines and days code the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use dragoman_core::synth::corpus_jsonl;

const USAGE: &str = "usage: gen_corpus [--mb N] [--out FILE] [--seed N]\n  --mb    megabytes to write at least (default 12)\n  --out   where to write (default bench-data/corpus.jsonl)\n  --seed  corpus seed (default 1)";

fn main() -> ExitCode {
    let (mut mb, mut out, mut seed) = (12.0f64, PathBuf::from("bench-data/corpus.jsonl"), 1u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| args.next().ok_or_else(|| format!("{a} needs a value"));
        let parsed: Result<(), String> = match a.as_str() {
            "--mb" => {
                value(&mut args).and_then(|v| v.parse().map(|v| mb = v).map_err(|_| format!("--mb: not a number: {v}")))
            }
            "--out" => value(&mut args).map(|v| out = PathBuf::from(v)),
            "--seed" => value(&mut args)
                .and_then(|v| v.parse().map(|v| seed = v).map_err(|_| format!("--seed: not a number: {v}"))),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument `{other}`")),
        };
        if let Err(e) = parsed {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let file = match File::create(&out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    };
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let min_bytes = (mb * 1024.0 * 1024.0) as usize;
    let (mut records, mut bytes) = (0usize, 0usize);
    for line in corpus_jsonl(seed, min_bytes) {
        if let Err(e) = w.write_all(line.as_bytes()).and_then(|_| w.write_all(b"\n")) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        records += 1;
        bytes += line.len() + 1;
    }
    if let Err(e) = w.flush() {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {records} articles, {bytes} bytes ({:.1} MB), seed {seed}, to {}",
        bytes as f64 / 1048576.0,
        out.display()
    );
    ExitCode::SUCCESS
}
