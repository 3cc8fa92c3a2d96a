//! Discard lists: phrases that take a sentence, or with `+` a whole story, out of
//! coding (sports results, weather, anniversaries).
//!
//! ```text
//! BASEBALL                   sentence-level
//! +WORLD GOLF CHAMPIONSHIPS  story-level
//! ```

use super::{content_lines, phrase_words, Loaded, PhraseUse, ReadOptions, Report};
use crate::lexicon::DiscardEntry;

/// Reads a PETRARCH discard list with the default options.
pub fn read_discards(file: &str, text: &str) -> Loaded<Vec<DiscardEntry>> {
    read_discards_with(file, text, ReadOptions::default())
}

/// Reads a PETRARCH discard list.
pub fn read_discards_with(file: &str, text: &str, options: ReadOptions) -> Loaded<Vec<DiscardEntry>> {
    read(file, text, options).0
}

pub(crate) fn read(file: &str, text: &str, options: ReadOptions) -> (Loaded<Vec<DiscardEntry>>, Vec<usize>) {
    let mut report = Report::new(file);
    let lines = content_lines(text, &mut report);
    let mut out = Vec::new();
    for line in &lines {
        let n = line.number;
        let (story, mut body) = match line.text.strip_prefix('+') {
            Some(rest) => (true, rest.trim()),
            None => (false, line.text.as_ref()),
        };
        if let Some(open) = body.find('[') {
            report.warn(n, "a code in a discard list means nothing; ignored");
            body = body[..open].trim();
        }
        let phrase = phrase_words(body, options.stems, PhraseUse::Discard);
        if phrase.is_empty() {
            report.error(n, "no phrase; line skipped");
            continue;
        }
        out.push(DiscardEntry { phrase, story, rule: report.rule(n) });
        report.use_line(n);
    }
    report.finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petrarch::StemRule;

    #[test]
    fn snippet_reads_every_construct() {
        let text = "# ours\nMONTHS LATER\n+TOUR DE FRANCE   # cycling\nHOCKEY_\n+\nCRICKET [###]\n";
        let (loaded, used) = read("d.txt", text, ReadOptions::default());
        let d = &loaded.value;
        assert_eq!(d.len(), 4);
        assert!(!d[0].story && d[1].story);
        assert_eq!(d[1].phrase.len(), 3);
        assert_eq!(d[1].rule, "d.txt:3");
        assert!(!d[0].phrase[0].stem && d[0].phrase[1].stem, "last word is a stem");
        assert!(!d[2].phrase[0].stem, "a trailing '_' means the whole word");
        assert_eq!(d[3].phrase[0].text, "cricket");
        let lines: Vec<usize> = loaded.issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![5, 6]);
        assert_eq!(used, vec![2, 3, 4, 6]);
        let tabari = read_discards_with("d", "MONTHS LATER\n", ReadOptions { stems: StemRule::Tabari }).value;
        assert!(tabari[0].phrase[0].stem);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn phoenix_discards() {
        let text = super::super::tests::shared("dictionaries/phoenix/Phoenix.discards.txt");
        let loaded = read_discards("Phoenix.discards.txt", &text);
        assert!(loaded.value.len() > 400, "{}", loaded.value.len());
        assert!(loaded.value.iter().any(|d| d.story));
        assert!(loaded.value.iter().any(|d| !d.story));
        let text = super::super::tests::shared("eval/petrarch-unit/PETR.Validate.discards.txt");
        let loaded = read_discards("PETR.Validate.discards.txt", &text);
        assert_eq!(loaded.value.len(), 9);
        assert_eq!(loaded.value.iter().filter(|d| d.story).count(), 4);
        assert!(loaded.issues.is_empty());
    }
}
