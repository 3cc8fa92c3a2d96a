//! Sentence splitting for news prose.
//!
//! A full stop ends a sentence unless it belongs to an abbreviation that stands before
//! a name or number ("Gen.", "Jan.", "Mr.") or an initial ("John F. Kennedy"). Dotted
//! abbreviations that can also end a sentence ("U.S.", "a.m.") end one only when the
//! next word is one that typically starts a sentence. Blank lines always end one.
//! Closing quotes and brackets after the stop stay with the sentence they close.

use super::normalize::fold_char;

/// Abbreviations that stand before a name, a number or a day: never a sentence end.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov", "sen", "rep", "rev",
    "prof", "st", "mt", "ft", "pres", "sec", "jan", "feb", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no",
    "nos", "vol", "vs", "brig", "cmdr", "cpl", "pvt", "hon", "amb", "messrs", "insp", "supt", "cmdt", "gens", "reps",
    "sens", "dept", "fig", "approx", "est", "mme", "mlle", "sr", "atty", "gov't",
];

/// Whether `word` (any case, without its full stop) is an abbreviation that stands
/// before a name, a number or a day ("Oct", "Gen", "Mr").
pub fn is_title_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    TITLES.contains(&lower.as_str())
}

/// Words that open a sentence often enough that, after a dotted abbreviation such as
/// "U.S.", they mark a new sentence.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "after",
    "before",
    "when",
    "while",
    "meanwhile",
    "however",
    "also",
    "at",
    "as",
    "for",
    "from",
    "officials",
    "last",
    "earlier",
    "later",
    "since",
    "some",
    "many",
    "both",
    "no",
    "our",
    "if",
    "during",
    "on",
];

/// Splits `text[start..end]` into sentences, returning trimmed byte spans into `text`.
pub fn split_sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut sent_start = start;
    let mut i = start;
    while i < end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c == '\n' {
            // A blank line (possibly with spaces) ends a paragraph and so a sentence.
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < end && bytes[j] == b'\n' {
                push_trimmed(text, sent_start, i, &mut spans);
                sent_start = j;
                i = j;
                continue;
            }
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            // Absorb runs of terminators and closing quotes or brackets.
            let mut j = i + len;
            while j < end {
                let d = text[j..].chars().next().unwrap_or(' ');
                let f = fold_char(d);
                if matches!(f, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{2026}') {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            if j >= end {
                break;
            }
            let next = text[j..].chars().next().unwrap_or('x');
            if fold_char(next) == ' ' || next == '\n' || next == '\t' || next == '\r' {
                let k = skip_space(text, j, end);
                if k < end && ends_sentence(text, sent_start, i, c, k, end) {
                    push_trimmed(text, sent_start, j, &mut spans);
                    sent_start = k;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += len;
    }
    push_trimmed(text, sent_start, end, &mut spans);
    spans
}

fn skip_space(text: &str, mut k: usize, end: usize) -> usize {
    while k < end {
        let d = text[k..].chars().next().unwrap_or('x');
        if fold_char(d) == ' ' || d.is_whitespace() {
            k += d.len_utf8();
        } else {
            break;
        }
    }
    k
}

/// Decides whether the terminator `term` at `at` ends a sentence, the next word
/// starting at `next`.
fn ends_sentence(text: &str, sent_start: usize, at: usize, term: char, next: usize, end: usize) -> bool {
    let first = text[next..].chars().next().unwrap_or('x');
    let f = fold_char(first);
    let opens = first.is_uppercase() || first.is_ascii_digit() || matches!(f, '"' | '\'' | '(' | '[');
    if !opens {
        return false;
    }
    if term != '.' {
        return true;
    }
    // The word the full stop is attached to.
    let word_start = text[sent_start..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || fold_char(c) == ' ' || matches!(fold_char(c), '"' | '(' | '-'))
        .map(|(p, c)| sent_start + p + c.len_utf8())
        .unwrap_or(sent_start);
    let word = &text[word_start..at];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        // An initial: "John F. Kennedy".
        return false;
    }
    if word.contains('.') && letters <= 4 {
        // "U.S.", "U.N.", "a.m.": a sentence ends only before a typical opener.
        let next_word: String =
            text[next..end].chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        return STARTERS.contains(&next_word.as_str());
    }
    true
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let s = start + (slice.len() - slice.trim_start().len());
    let e = start + slice.trim_end().len();
    if e > s {
        spans.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, 0, t.len()).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("Russia urged Armenia. It gave no details."),
            vec!["Russia urged Armenia.", "It gave no details."]
        );
        assert_eq!(split("Did it? Yes!  Fine."), vec!["Did it?", "Yes!", "Fine."]);
    }

    #[test]
    fn keeps_titles_months_and_initials() {
        assert_eq!(
            split("Gen. Smith met Mr. Jones on Jan. 13 in St. Louis."),
            vec!["Gen. Smith met Mr. Jones on Jan. 13 in St. Louis."]
        );
        assert_eq!(split("John F. Kennedy spoke."), vec!["John F. Kennedy spoke."]);
    }

    #[test]
    fn dotted_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(split("The U.S. State Department said so."), vec!["The U.S. State Department said so."]);
        assert_eq!(
            split("Sanctions were imposed by the U.S. The move angered Moscow."),
            vec!["Sanctions were imposed by the U.S.", "The move angered Moscow."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "\u{201C}We will not yield.\u{201D} The minister left.";
        assert_eq!(split(t), vec!["\u{201C}We will not yield.\u{201D}", "The minister left."]);
        let t = "\u{201C}We need talks,\u{201D} the ministry said. It gave no other details.";
        assert_eq!(split(t).len(), 2);
    }

    #[test]
    fn numbers_and_lowercase_continuations() {
        assert_eq!(
            split("It cost 3.5 billion. The deal was signed."),
            vec!["It cost 3.5 billion.", "The deal was signed."]
        );
        assert_eq!(split("The war ended in 2020. Talks began."), vec!["The war ended in 2020.", "Talks began."]);
        assert_eq!(split("He said e.g. this one."), vec!["He said e.g. this one."]);
    }

    #[test]
    fn blank_lines_end_paragraphs_but_wrapped_lines_do_not() {
        assert_eq!(
            split("Arnor is about to restore\nties with Gondor.\n\nHeadline without stop\n\nNext one."),
            vec!["Arnor is about to restore\nties with Gondor.", "Headline without stop", "Next one."]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            ".",
            "...",
            "\u{201D}.",
            "a.\u{00A0}B",
            "?\n\n?",
            "É. É. É.",
            "\u{201D}. L",
            "x \u{2014}. Y",
            "\u{00AB}a. B",
        ] {
            let _ = split(t);
        }
    }
}
