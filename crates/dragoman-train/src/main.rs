//! `dragoman-train`: builds Dragoman's syntax model (`models/syntax.bin`) from the UD
//! English treebanks, and scores a model on the held-out sets.
//!
//! ```sh
//! cargo run --release -p dragoman-train -- train --shared ../shared --out models/syntax.bin
//! cargo run --release -p dragoman-train -- eval  --shared ../shared [--model models/syntax.bin]
//! ```
//!
//! Training data: UD English EWT (train) and the CC BY genres of GUM (train); epochs are
//! chosen on their dev sets. EWT test, GUM test and PUD are only ever scored. Every
//! random choice comes from one seeded generator, so a run is reproducible.

mod data;
mod perceptron;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
dragoman-train: build and score Dragoman's syntax model from the UD treebanks

USAGE:
  dragoman-train train [--shared DIR] [--out FILE] [--seed N] [--prune F] [--quick]
  dragoman-train eval  [--shared DIR] [--model FILE] [--prune F --out FILE]
  dragoman-train speed [--shared DIR] [--model FILE]

  --shared DIR   the folder holding ud-english-ewt/, ud-english-gum-cc-by/, ud-english-pud/
                 (default: ../shared)
  --out FILE     where to write the model (default: models/syntax.bin)
  --model FILE   the model to score (default: the one compiled into Dragoman)
  --seed N       the seed of every random choice (default: 7)
  --prune F      drop tagger and labeler weights below F times their mean magnitude
                 (default 1.0 when training: a third of the size, no measurable loss)
  --quick        fewer epochs, for trying changes (the shipped model is never built so)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut shared = PathBuf::from("../shared");
    let mut out = PathBuf::from("models/syntax.bin");
    let mut model = None;
    let mut seed = 7u64;
    let mut quick = false;
    let mut prune: Option<f32> = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        let r = match a.as_str() {
            "--shared" => value("--shared").map(|v| shared = v.into()),
            "--out" => value("--out").map(|v| out = v.into()),
            "--model" => value("--model").map(|v| model = Some(PathBuf::from(v))),
            "--seed" => {
                value("--seed").and_then(|v| v.parse().map(|s| seed = s).map_err(|_| format!("bad seed '{v}'")))
            }
            "--prune" => value("--prune")
                .and_then(|v| v.parse().map(|s| prune = Some(s)).map_err(|_| format!("bad number '{v}'"))),
            "--quick" => {
                quick = true;
                Ok(())
            }
            other => Err(format!("unknown option '{other}'")),
        };
        if let Err(e) = r {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let result = match args.first().map(String::as_str) {
        Some("train") => train::train(&shared, &out, seed, quick, prune.unwrap_or(1.0)),
        Some("speed") => train::speed(&shared, model.as_deref()),
        Some("eval") => {
            train::eval(&shared, model.as_deref(), prune, args.iter().any(|a| a == "--out").then_some(out.as_path()))
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
