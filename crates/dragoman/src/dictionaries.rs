//! The dictionary flags every coding command shares, and loading them.

use std::path::{Path, PathBuf};

use clap::Args;
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};

/// `--verbs`, `--actors`, `--agents`, `--discards`, `--no-builtin`.
#[derive(Args, Debug, Clone, Default)]
pub struct DictFlags {
    /// PETRARCH/TABARI verb-pattern dictionary to load.
    #[arg(long, value_name = "FILE")]
    pub verbs: Vec<PathBuf>,

    /// PETRARCH/TABARI actor dictionary to load (repeatable).
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,

    /// PETRARCH/TABARI agent (role) dictionary to load.
    #[arg(long, value_name = "FILE")]
    pub agents: Vec<PathBuf>,

    /// PETRARCH/TABARI discard dictionary to load.
    #[arg(long, value_name = "FILE")]
    pub discards: Vec<PathBuf>,

    /// Use only the dictionaries given with the flags above, not the built-ins.
    #[arg(long)]
    pub no_builtin: bool,
}

impl DictFlags {
    /// The built-ins (unless `--no-builtin`) and every file given, indexed.
    pub fn load(&self) -> Result<Knowledge, String> {
        let mut b = if self.no_builtin { KnowledgeBuilder::new() } else { KnowledgeBuilder::new().builtin() };
        for p in &self.verbs {
            let (n, t) = read_dict(p)?;
            b.petrarch_verbs(&n, &t);
        }
        for p in &self.actors {
            let (n, t) = read_dict(p)?;
            b.petrarch_actors(&n, &t);
        }
        for p in &self.agents {
            let (n, t) = read_dict(p)?;
            b.petrarch_agents(&n, &t);
        }
        for p in &self.discards {
            let (n, t) = read_dict(p)?;
            b.petrarch_discards(&n, &t);
        }
        Ok(b.build())
    }
}

/// A dictionary file's name (for `rule` strings and messages) and its text.
/// Community dictionaries are sometimes Latin-1: they are decoded leniently and
/// `dragoman dict check` reports the bad bytes.
pub fn read_dict(path: &Path) -> Result<(String, String), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read dictionary: {e}", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("dictionary").to_string();
    Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
}

/// The `--published` option as a date; on a bad one, says so and gives exit code 2.
pub fn parse_published(published: Option<&str>) -> Result<Option<chrono::NaiveDate>, std::process::ExitCode> {
    match published.map(|p| (p, dragoman_core::model::parse_date(p))) {
        Some((p, None)) => {
            eprintln!("error: --published must be a date like 2024-01-18 (years 1800 to 2200), not `{p}`");
            Err(std::process::ExitCode::from(2))
        }
        Some((_, d)) => Ok(d),
        None => Ok(None),
    }
}

/// What every coding command does once its command line is checked: load the
/// dictionaries (warning once when lines could not be read) and, unless geolocation
/// is off, the gazetteer, so that the coding time reported afterwards is coding
/// alone. On a problem the message is printed and the exit code returned.
pub fn prepare(dicts: &DictFlags, places: bool, quiet: bool) -> Result<Knowledge, std::process::ExitCode> {
    let knowledge = dicts.load().map_err(|e| {
        eprintln!("error: {e}");
        std::process::ExitCode::from(1)
    })?;
    let dict_errors = knowledge.issues.iter().filter(|i| i.severity == dragoman_core::lexicon::Severity::Error).count();
    if dict_errors > 0 && !quiet {
        eprintln!(
            "warning: {dict_errors} dictionary line(s) could not be read; run `dragoman dict check` for the list"
        );
    }
    if places {
        dragoman_core::places::Gazetteer::builtin();
    }
    Ok(knowledge)
}
