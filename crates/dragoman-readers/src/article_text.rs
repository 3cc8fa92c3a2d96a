//! The article's own text on a page, found by rs-trafilatura.
//!
//! Telling a story's paragraphs from the navigation, teasers, share buttons and
//! footers around it is a problem others have measured well: rs-trafilatura (a
//! Rust port of trafilatura, html5ever underneath) scores F1 0.96 on the Article
//! Extraction Benchmark, where our own paragraph heuristic (`html::scan`) scored
//! 0.75. So the text comes from the crate, and the heuristic stays as the fallback
//! for what the crate gives up on (short pages, fragments without paragraphs).
//!
//! What we keep from the crate: the text, its title (it strips the site's name
//! from it), and its date and address as second choices behind our own metadata
//! reading (ours keeps the date in the publisher's time zone; the crate's is
//! converted to UTC). Its site name is not used: on pages without `og:site_name`
//! it can be the first line of the navigation.

use chrono::NaiveDate;
use rs_trafilatura::{extract_with_options, Options};

use super::markup::collapse_whitespace;

/// What the extractor found on a page.
#[derive(Debug, Default, Clone)]
pub struct Extracted {
    /// Paragraphs separated by blank lines; never empty.
    pub text: String,
    /// The headline, with the site's name stripped ("Talks resume | Outlet").
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    /// The extractor found almost nothing and fell back to the whole page's text
    /// (see `rescue_of_short_text`): the caller should prefer its own reading.
    pub rescued: bool,
}

/// The article on an HTML page, or None when the extractor finds no text. `url`,
/// when known (a WARC record's target), helps it recognise the kind of page.
///
/// The extractor is a large body of code run on whatever the web serves; should
/// it ever panic, the page is treated as one it found nothing in (the caller then
/// falls back to its own reading) instead of ending the run.
pub fn extract_article(html: &str, url: Option<&str>) -> Option<Extracted> {
    let options = Options { url: url.map(str::to_string), ..Options::default() };
    let found = std::panic::catch_unwind(|| extract_with_options(html, &options)).ok()?.ok()?;
    let text = paragraphs(&found.content_text);
    if text.is_empty() {
        return None;
    }
    let rescued = found.warnings.iter().any(|w| rescue_of_short_text(w, options.min_extracted_len));
    let meta = found.metadata;
    let clean = |s: Option<String>| s.map(|s| collapse_whitespace(&s)).filter(|s| !s.is_empty());
    Some(Extracted {
        text,
        title: clean(meta.title),
        date: meta.date.map(|d| d.date_naive()),
        url: clean(meta.url).filter(|u| u.starts_with("http")),
        rescued,
    })
}

/// Whether a warning of the extractor says it found (almost) no article of its own
/// and read the whole page's text instead: "Used fallback extraction: 191 chars
/// (was 66 chars)" with the first figure under its minimum article size. That
/// last-resort reading runs blocks together ("agreed.Yerevan") and may repeat
/// them; on such short pages our own paragraph reading does better. (On longer
/// pages its fallback to a second reading of the page is worth keeping: on the
/// Article Extraction Benchmark, preferring ours there cost 0.01 of F1.)
fn rescue_of_short_text(warning: &str, min_len: usize) -> bool {
    let Some(rest) = warning.strip_prefix("Used fallback extraction") else { return false };
    let before = rest.split("(was ").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse::<usize>().ok());
    before.is_some_and(|n| n < min_len)
}

/// The extractor's text as Dragoman's paragraphs. The extractor separates
/// blocks with a blank line and keeps the page's own line breaks inside a block
/// (source wrapping, `<br>`), so a block is one paragraph, its whitespace
/// collapsed, and paragraphs are separated by one blank line (the sentence
/// splitter ends a sentence there, so a subheading without a full stop does not
/// run into the next paragraph). A space is put back where a sentence runs into
/// the next without one ("physician.Police arrested"): pages that separate
/// sentences with empty elements lose it, and the sentence splitter needs it.
fn paragraphs(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut block = String::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            let p = collapse_whitespace(&block);
            if !p.is_empty() && !is_furniture(&p) {
                out.push(respace(&p));
            }
            block.clear();
        } else {
            block.push_str(line);
            block.push('\n');
        }
    }
    out.join("\n\n")
}

/// Lines that are page furniture wherever they stand: ad slot labels and shop
/// or gallery buttons left inside an article's body, which the extractor keeps.
fn is_furniture(paragraph: &str) -> bool {
    const FURNITURE: &[&str] = &[
        "advert",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading",
        "read more",
        "buy now",
        "back to gallery",
        "skip ad",
    ];
    paragraph.len() <= 40 && {
        let key = paragraph.trim_end_matches([':', '.', '…']).trim().to_lowercase();
        FURNITURE.contains(&key.as_str())
    }
}

/// Puts a space between a sentence's end and the next sentence's capital when
/// there is none: a lower-case letter, `.`, `!` or `?`, then a capital followed by
/// a lower-case letter. Initials ("U.S.Army") and numbers ("3.5") do not have
/// this shape; a capitalised domain name ("Amazon.Com") would be split, but such
/// names are rare in news prose.
fn respace(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let ends_sentence = matches!(c, '.' | '!' | '?')
            && i >= 2
            && chars[i - 1].is_lowercase()
            && chars[i - 2].is_lowercase()
            && chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase());
        if ends_sentence {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_together_sentences_get_their_space() {
        assert_eq!(respace("on Wednesday.The stabbing"), "on Wednesday. The stabbing");
        assert_eq!(respace("Really?Yes it is!Then go."), "Really? Yes it is! Then go.");
        for kept in ["the U.S.Army", "at 3.5 percent", "he said.\u{201d}", "a.B", "end."] {
            assert_eq!(respace(kept), kept);
        }
    }

    #[test]
    fn ad_labels_are_dropped() {
        assert_eq!(
            paragraphs("The envoys met.\n\nADVERTISEMENT\n\nRead more:\n\nThey spoke."),
            "The envoys met.\n\nThey spoke."
        );
    }

    #[test]
    fn the_short_text_rescue_is_recognised() {
        assert!(rescue_of_short_text("Used fallback extraction: 191 chars (was 66 chars)", 200));
        assert!(!rescue_of_short_text("Used fallback extraction: 4241 chars (was 2965 chars)", 200));
        assert!(!rescue_of_short_text("Insufficient content after extraction: 18 words", 200));
    }

    #[test]
    fn lines_become_paragraphs() {
        assert_eq!(
            paragraphs("  Talks  resume\n\n\nThe envoys met.\n \nThey spoke\n   at length.  "),
            "Talks resume\n\nThe envoys met.\n\nThey spoke at length."
        );
    }

    #[test]
    fn nothing_found_is_none() {
        assert!(extract_article("", None).is_none());
        assert!(extract_article("<html><body><nav>Home</nav></body></html>", None).is_none());
    }
}
