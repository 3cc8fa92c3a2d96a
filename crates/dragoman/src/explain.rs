//! `--explain`: the coder's reasoning, sentence by sentence, for people.

use std::io::{self, Write};

use dragoman_core::coder::CodedDocument;
use dragoman_core::model::Document;

/// Writes the explanation of one document. Its text and everything taken from it
/// are shown with their control characters escaped (see `printable`).
pub fn write(out: &mut impl Write, doc: &Document, coded: &CodedDocument) -> io::Result<()> {
    let mut text = Vec::new();
    explain(&mut text, doc, coded)?;
    out.write_all(crate::printable::printable(&String::from_utf8_lossy(&text)).as_bytes())
}

fn explain(out: &mut impl Write, doc: &Document, coded: &CodedDocument) -> io::Result<()> {
    writeln!(out, "== document {} (published {})", doc.id, doc.published)?;
    if let Some(d) = &coded.dateline {
        writeln!(out, "dateline: {d}")?;
    }
    if let Some(d) = &coded.discarded {
        writeln!(out, "story discarded: matched `{d}`")?;
        return Ok(());
    }
    for s in &coded.trace {
        writeln!(out, "\n[{}] {}", s.index, s.text.replace('\n', " "))?;
        writeln!(out, "  tokens: {}", s.tokens.join(" "))?;
        if !s.tree.is_empty() {
            writeln!(out, "  tree:   {}", s.tree)?;
        }
        for t in &s.times {
            writeln!(out, "  time:   {t}")?;
        }
        for a in &s.actors {
            writeln!(out, "  actor:  {a}")?;
        }
        for p in &s.places {
            writeln!(out, "  place:  {p}")?;
        }
        for t in &s.triggers {
            writeln!(out, "  verb:   {t}")?;
        }
        for e in coded.events.iter().filter(|e| e.sentence == s.index) {
            writeln!(
                out,
                "  EVENT:  {} -> {} {} ({}) date {}{}{} rule {}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.code,
                e.code_name.as_deref().unwrap_or("?"),
                e.date,
                if e.date_end != e.date { format!("..{}", e.date_end) } else { String::new() },
                e.location.as_ref().map_or(String::new(), |l| format!(
                    " in {} ({}, from the {})",
                    l.name,
                    l.country.as_deref().unwrap_or("?"),
                    l.found
                )),
                e.rule
            )?;
        }
    }
    writeln!(out)
}
