//! HTML news articles: the article's paragraphs, and its title, publication date,
//! address and outlet from the page's metadata.
//!
//! Finding the article. The text comes from rs-trafilatura (`article_text`), which
//! measured F1 0.96 on the Article Extraction Benchmark. When it finds nothing, or
//! finds almost nothing and falls back to all the text of a short page (run
//! together), our own paragraph heuristic (`scan`) is used instead: the
//! paragraphs (`<p>`, `<blockquote>`) are collected with what encloses them;
//! boilerplate containers (`nav`, `header`, `footer`, `aside`, `form`, and
//! elements whose class or id names say "share", "related", "comments",
//! "newsletter", "caption" …) are dropped, and when the page marks its story
//! (`<article>`, `<main>`, `itemprop="articleBody"`, classes such as
//! `article-body` or `entry-content`) the marked container holding the most text
//! is kept — with the `<article>` around it, so a lede written above the body is
//! not lost, and without teaser `<article>`s beside it. Pages without marks keep
//! every paragraph outside boilerplate; pages without paragraphs keep their text
//! blocks.
//!
//! Metadata, most trusted first. Title: `og:title` or `twitter:title`, the
//! extractor's (the headline with the site's name stripped), then `<title>`,
//! JSON-LD `headline`, the first `<h1>`. The title is kept apart from the text (a
//! headline opening the text is dropped from it): it is coded only with
//! `--code-titles`. Date, as the publisher wrote it (in their time zone):
//! `article:published_time`, `og:published_time`, JSON-LD `datePublished`,
//! `itemprop="datePublished"`, the Dublin Core and other `<meta name>` dates,
//! `<time pubdate>`, the first `<time datetime>`, then the extractor's (in UTC).
//! Address: `og:url`, `<link rel="canonical">`, JSON-LD `url`, the extractor's.
//! Outlet: `og:site_name`, JSON-LD `publisher.name`.
//! Bytes become text as `charset` says (byte-order mark, UTF-8, declared charset,
//! Windows-1252).

use chrono::NaiveDate;
use dragoman_core::model::Document;

use super::article_text::extract_article;
use super::charset::decode_text;
use super::dates::{dateline_date, parse_loose_date};
use super::markup::{attr, attributes, collapse_whitespace, decode_entities, Scanner, Token};

/// Reads one HTML article. `name` is the file it came from (its stem is the
/// document id when the page gives no address); `fallback_published` dates pages
/// whose metadata has no date.
pub fn read_html(name: &str, bytes: &[u8], fallback_published: Option<NaiveDate>) -> Result<Document, String> {
    let page = extract(bytes)?;
    page.into_document(&file_stem(name), None, fallback_published)
}

/// What a page says about itself, and its article text.
#[derive(Debug, Default, Clone)]
pub struct Page {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Paragraphs separated by blank lines; empty when none was found.
    pub text: String,
}

impl Page {
    /// The page as a document: its address is its id when it has one, else
    /// `id_fallback`; `url_fallback` and `date_fallback` fill what the page lacks.
    pub fn into_document(
        self,
        id_fallback: &str,
        url_fallback: Option<&str>,
        date_fallback: Option<NaiveDate>,
    ) -> Result<Document, String> {
        if self.text.trim().is_empty() {
            return Err(
                "no article text found (no paragraphs outside navigation, scripts and boilerplate); skipped".into()
            );
        }
        // The page's own metadata, else its dateline, else what the caller knows
        // (a WARC record's crawl date, --published).
        let published = self.published.or_else(|| dateline_date(&self.text, date_fallback)).or(date_fallback).ok_or(
            "no publication date in the page's metadata or dateline; skipped (give --published to date such pages)",
        )?;
        let url = self.url.or_else(|| url_fallback.map(str::to_string));
        let id = url.clone().unwrap_or_else(|| id_fallback.to_string());
        Ok(Document { id, text: self.text, published, source: self.outlet, url, title: self.title })
    }
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.split('.').next().unwrap_or(base);
    if stem.is_empty() {
        base.to_string()
    } else {
        stem.to_string()
    }
}

/// Containers whose text is never the article.
const BOILERPLATE_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "svg",
    "button",
    "select",
    "template",
    "menu",
    "dialog",
    "figcaption",
    "object",
    "video",
    "audio",
    "canvas",
    "math",
];

/// Words in class or id names that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "caption",
    "byline",
    "tags",
    "popup",
    "modal",
    "banner",
    "recommended",
    "trending",
    "masthead",
    "toolbar",
    "paywall",
    "disclaimer",
    "teaser",
    "teasers",
    "outbrain",
    "taboola",
];

/// Class or id names (lower-cased, without `-` and `_`) that mark the article body.
const ZONE_NAMES: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articlebodytext",
    "storybody",
    "storycontent",
    "storytext",
    "entrycontent",
    "postcontent",
    "postbody",
    "bodytext",
    "contentbody",
    "maincontent",
    "newsbody",
    "newstext",
    "textbody",
];

/// Elements that end a run of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "pre",
    "form",
    "hr",
    "body",
    "html",
    "address",
    "details",
    "summary",
    "fieldset",
    "center",
];

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen",
];

/// Metadata names that hold a publication date, most trusted first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publication_date",
    "article.published",
    "article_date_original",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "date",
];

#[derive(Debug)]
struct Open {
    name: String,
    boilerplate: bool,
    /// The innermost zone at or above this element (an index into `zones`).
    zone: Option<usize>,
    /// Whether this element marks a zone itself (then `zone` is its own).
    marks_zone: bool,
    /// Whether the innermost block-level element at or above this one is a
    /// paragraph (`<p>`, `<blockquote>`): text here is paragraph text.
    paragraph: bool,
}

#[derive(Debug)]
struct Zone {
    parent: Option<usize>,
    is_article: bool,
}

#[derive(Debug)]
struct Block {
    text: String,
    paragraph: bool,
    boilerplate: bool,
    /// The innermost zone around the block; the zones enclosing it follow by
    /// `Zone::parent`.
    zone: Option<usize>,
}

/// The open elements and what has been collected so far.
///
/// Everything a token needs to know about the elements around it is kept on the
/// innermost one (its zone, whether it is in a paragraph) or counted by name (is
/// an element of this name open at all?), so each token costs the same however
/// deeply the page nests: pages of 40,000 nested `<article>`s or 80,000 stray end
/// tags are read in linear time and memory.
#[derive(Default)]
struct Collector {
    stack: Vec<Open>,
    /// How many elements of each name are open.
    open_by_name: std::collections::HashMap<String, usize>,
    zones: Vec<Zone>,
    blocks: Vec<Block>,
    buf: String,
    boilerplate_depth: usize,
    /// The deepest nesting of open elements seen.
    max_depth: usize,
}

impl Collector {
    /// The innermost zone around what comes next.
    fn zone(&self) -> Option<usize> {
        self.stack.last().and_then(|o| o.zone)
    }

    fn in_paragraph(&self) -> bool {
        self.stack.last().is_some_and(|o| o.paragraph)
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.buf);
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        let block =
            Block { text, paragraph: self.in_paragraph(), boilerplate: self.boilerplate_depth > 0, zone: self.zone() };
        self.blocks.push(block);
    }

    fn push(&mut self, name: String, boilerplate: bool, zone: Option<usize>) {
        if boilerplate {
            self.boilerplate_depth += 1;
        }
        let block = BLOCK_TAGS.contains(&name.as_str());
        let paragraph = if block { matches!(name.as_str(), "p" | "blockquote") } else { self.in_paragraph() };
        let marks_zone = zone.is_some();
        let zone = zone.or_else(|| self.zone());
        *self.open_by_name.entry(name.clone()).or_default() += 1;
        self.stack.push(Open { name, boilerplate, zone, marks_zone, paragraph });
        self.max_depth = self.max_depth.max(self.stack.len());
    }

    /// The innermost open element named `name`. A name that is not open at all is
    /// answered without looking at the stack; otherwise the elements passed over
    /// are the ones closing it drops, so the search costs nothing overall.
    fn find_open(&self, name: &str) -> Option<usize> {
        if self.open_by_name.get(name).is_none_or(|&n| n == 0) {
            return None;
        }
        self.stack.iter().rposition(|o| o.name == name)
    }

    /// Closes `name` and whatever was left open inside it; a stray end tag is ignored.
    fn close(&mut self, name: &str) {
        let Some(at) = self.find_open(name) else { return };
        for o in self.stack.drain(at..) {
            if o.boilerplate {
                self.boilerplate_depth -= 1;
            }
            if let Some(n) = self.open_by_name.get_mut(&o.name) {
                *n -= 1;
            }
        }
    }
}

fn class_words(attrs: &[(String, String)]) -> Vec<String> {
    let mut words = Vec::new();
    for key in ["class", "id", "role", "itemprop"] {
        if let Some(v) = attr(attrs, key) {
            words.extend(v.split_whitespace().map(|w| w.to_ascii_lowercase()));
        }
    }
    words
}

fn is_zone(name: &str, attrs: &[(String, String)], words: &[String]) -> bool {
    if name == "article" || name == "main" {
        return true;
    }
    if attr(attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        || attr(attrs, "role").is_some_and(|v| v.eq_ignore_ascii_case("main"))
    {
        return true;
    }
    words.iter().any(|w| {
        let squashed: String = w.chars().filter(|c| *c != '-' && *c != '_').collect();
        ZONE_NAMES.contains(&squashed.as_str())
    })
}

fn is_boilerplate(name: &str, words: &[String]) -> bool {
    BOILERPLATE_TAGS.contains(&name)
        || words.iter().any(|w| w.split(['-', '_']).any(|part| BOILERPLATE_WORDS.contains(&part)))
}

#[derive(Default)]
struct Meta {
    pairs: Vec<(String, String)>,
    canonical: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    h1_buf: Option<String>,
    time_pubdate: Option<String>,
    time_first: Option<String>,
    itemprop_date: Option<String>,
    ld: LdFacts,
}

impl Meta {
    fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.as_str())
    }
}

#[derive(Default, Debug)]
struct LdFacts {
    date_published: Option<String>,
    headline: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
}

/// Pages whose elements nest deeper than this are read by our heuristic alone.
/// The extractor's selector matching grows with the square of the nesting: a
/// page of 2,000 nested `<div>`s took 6 s in a debug build, 20,000 over two
/// minutes, while real articles nest a few dozen deep (rarely past 100).
const MAX_EXTRACTOR_DEPTH: usize = 400;

/// Reads a page: its article text and what its metadata says.
pub fn extract(bytes: &[u8]) -> Result<Page, String> {
    extract_at(bytes, None)
}

/// `extract` for a page whose address is known (a WARC record's target URI).
pub fn extract_at(bytes: &[u8], url: Option<&str>) -> Result<Page, String> {
    let src = decode_text(bytes)?;
    let (mut page, social_title, mut headlines, depth) = scan(&src);
    let extracted =
        if depth <= MAX_EXTRACTOR_DEPTH { extract_article(&src, url.or(page.url.as_deref())) } else { None };
    if let Some(found) = extracted {
        if !found.rescued || page.text.is_empty() {
            page.text = found.text;
        }
        headlines.extend(found.title.clone());
        // The title a page gives social networks is written to stand alone; the
        // extractor's (JSON-LD headline, `<title>` without the site name) next.
        page.title = social_title.or(found.title).or(page.title);
        page.published = page.published.or(found.date);
        page.url = page.url.or(found.url);
    }
    page.text = without_headline(page.text, &headlines);
    Ok(page)
}

/// Our own reading of a page: its metadata, and the paragraphs our heuristic
/// takes for the article (see the module documentation); with the page's
/// title for social networks (`og:title`, `twitter:title`), and every candidate
/// headline (that, `<title>`, JSON-LD `headline`, the first `<h1>`).
/// Also returns how deeply the page's elements nest.
fn scan(src: &str) -> (Page, Option<String>, Vec<String>, usize) {
    let mut c = Collector::default();
    let mut meta = Meta::default();
    let mut in_title = false;
    let mut ld_script = false;
    for token in Scanner::new(src, true) {
        match token {
            Token::Text(t) => {
                let text = decode_entities(t);
                if let Some(h1) = meta.h1_buf.as_mut() {
                    h1.push_str(&text);
                }
                c.buf.push_str(&text);
            }
            Token::Cdata(t) => c.buf.push_str(t),
            Token::Raw(raw) => {
                if in_title {
                    meta.title_tag.get_or_insert_with(|| collapse_whitespace(&decode_entities(raw)));
                } else if ld_script {
                    read_json_ld(raw, &mut meta.ld);
                }
            }
            Token::Start { name, attrs, self_closing } => {
                let attrs = if attrs.trim().is_empty() { Vec::new() } else { attributes(attrs) };
                in_title = name == "title";
                ld_script = name == "script"
                    && attr(&attrs, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                read_tag_meta(&name, &attrs, &mut meta);
                if name == "h1" && meta.h1.is_none() {
                    meta.h1_buf = Some(String::new());
                }
                if name == "br" {
                    c.buf.push(' ');
                }
                let block = BLOCK_TAGS.contains(&name.as_str());
                let words = class_words(&attrs);
                let zone = is_zone(&name, &attrs, &words);
                let boilerplate = !zone && is_boilerplate(&name, &words);
                if block || zone || boilerplate {
                    c.flush();
                }
                if self_closing || VOID_TAGS.contains(&name.as_str()) {
                    continue;
                }
                if matches!(
                    name.as_str(),
                    "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) {
                    // These close an open element of the same kind (`<p>a<p>b`); a
                    // heading or paragraph also closes an open paragraph.
                    let same = c
                        .stack
                        .last()
                        .is_some_and(|o| o.name == name || (o.name == "p" && (name == "p" || name.starts_with('h'))));
                    if same {
                        let open = c.stack.last().map(|o| o.name.clone()).unwrap_or_default();
                        c.close(&open);
                    }
                } else if block && c.stack.last().is_some_and(|o| o.name == "p") {
                    c.close("p");
                }
                let zone_id = zone.then(|| {
                    let parent = c.zone();
                    c.zones.push(Zone { parent, is_article: name == "article" });
                    c.zones.len() - 1
                });
                c.push(name, boilerplate, zone_id);
            }
            Token::End { name } => {
                if name == "title" {
                    in_title = false;
                }
                if name == "script" {
                    ld_script = false;
                }
                if name == "h1" {
                    if let Some(h1) = meta.h1_buf.take() {
                        let h1 = collapse_whitespace(&h1);
                        if !h1.is_empty() {
                            meta.h1 = Some(h1);
                        }
                    }
                }
                let matters = BLOCK_TAGS.contains(&name.as_str())
                    || c.find_open(&name).is_some_and(|at| c.stack[at].boilerplate || c.stack[at].marks_zone);
                if matters {
                    c.flush();
                }
                c.close(&name);
            }
            Token::Other => {}
        }
    }
    c.flush();
    let text = choose_text(&c);
    let title = meta
        .get("og:title")
        .or_else(|| meta.get("twitter:title"))
        .map(collapse_whitespace)
        .or(meta.title_tag.clone())
        .filter(|t| !t.is_empty())
        .or(meta.ld.headline.clone())
        .or(meta.h1.clone());
    let mut published = None;
    for key in &DATE_META[..3] {
        published = published.or_else(|| meta.get(key).and_then(parse_loose_date));
    }
    published = published
        .or_else(|| meta.ld.date_published.as_deref().and_then(parse_loose_date))
        .or_else(|| meta.itemprop_date.as_deref().and_then(parse_loose_date));
    for key in &DATE_META[3..] {
        published = published.or_else(|| meta.get(key).and_then(parse_loose_date));
    }
    published = published
        .or_else(|| meta.time_pubdate.as_deref().and_then(parse_loose_date))
        .or_else(|| meta.time_first.as_deref().and_then(parse_loose_date));
    let url = meta
        .get("og:url")
        .map(str::trim)
        .map(str::to_string)
        .or(meta.canonical.clone())
        .or(meta.ld.url.clone())
        .filter(|u| u.starts_with("http"));
    let outlet =
        meta.get("og:site_name").map(collapse_whitespace).or(meta.ld.publisher.clone()).filter(|s| !s.is_empty());
    let social = meta.get("og:title").or_else(|| meta.get("twitter:title")).map(collapse_whitespace);
    let social = social.filter(|t| !t.is_empty());
    let headlines = [social.clone(), meta.title_tag, meta.ld.headline, meta.h1];
    (Page { title, published, url, outlet, text }, social, headlines.into_iter().flatten().collect(), c.max_depth)
}

/// The text without the headline it may open with, so that the title is coded
/// only when asked for (`--code-titles`) and then once. A paragraph among the
/// first three that is one of the page's headlines (ignoring case, punctuation
/// and spacing) is dropped, with the short kicker lines above it ("BREAKING
/// NEWS", a section name). Nothing is dropped when that would leave no text.
fn without_headline(text: String, headlines: &[String]) -> String {
    let key = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    let heads: Vec<String> = headlines.iter().map(|h| key(h)).filter(|h| h.len() >= 8).collect();
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let at = paragraphs.iter().take(3).position(|p| heads.contains(&key(p)));
    let Some(at) = at.filter(|&at| at + 1 < paragraphs.len()) else { return text };
    let kickers = paragraphs[..at].iter().all(|p| p.split_whitespace().count() <= 5 && !p.ends_with('.'));
    let from = if kickers { at + 1 } else { return text };
    paragraphs[from..].join("\n\n")
}

fn read_tag_meta(name: &str, attrs: &[(String, String)], meta: &mut Meta) {
    match name {
        "meta" => {
            let Some(content) = attr(attrs, "content") else { return };
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = attr(attrs, key) {
                    meta.pairs.push((k.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        "link" => {
            let canonical =
                attr(attrs, "rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical")));
            if canonical && meta.canonical.is_none() {
                meta.canonical = attr(attrs, "href").map(|h| h.trim().to_string());
            }
        }
        "time" => {
            if let Some(dt) = attr(attrs, "datetime") {
                if attr(attrs, "pubdate").is_some() && meta.time_pubdate.is_none() {
                    meta.time_pubdate = Some(dt.clone());
                }
                meta.time_first.get_or_insert(dt);
            }
        }
        _ => {}
    }
    if meta.itemprop_date.is_none() && attr(attrs, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
    {
        meta.itemprop_date = attr(attrs, "datetime").or_else(|| attr(attrs, "content"));
    }
}

/// The article's paragraphs, following the rules in the module documentation.
fn choose_text(c: &Collector) -> String {
    let keep = |b: &&Block| !b.boilerplate && !looks_like_chrome(&b.text);
    let paragraphs: Vec<&Block> = c.blocks.iter().filter(|b| b.paragraph).filter(keep).collect();
    let zoned: Vec<&&Block> = paragraphs.iter().filter(|b| b.zone.is_some()).collect();
    let chosen: Vec<&str> = if !zoned.is_empty() {
        // Each zone widened to the outermost <article> around it; the widened zone
        // holding the most paragraph text is the story. A zone's parent comes
        // before it, so one pass in order settles every zone's widening, and a
        // second which zones lie inside the chosen one.
        let mut outer_article: Vec<Option<usize>> = Vec::with_capacity(c.zones.len());
        for (i, z) in c.zones.iter().enumerate() {
            let above = z.parent.and_then(|p| outer_article[p]);
            outer_article.push(above.or(z.is_article.then_some(i)));
        }
        let widen = |zone: usize| outer_article[zone].unwrap_or(zone);
        let mut chars = vec![0usize; c.zones.len()];
        for b in &zoned {
            chars[widen(b.zone.unwrap_or_default())] += b.text.len();
        }
        let root = (0..chars.len()).max_by_key(|&z| (chars[z], std::cmp::Reverse(z))).unwrap_or(0);
        let mut inside = vec![false; c.zones.len()];
        for (i, z) in c.zones.iter().enumerate() {
            inside[i] = i == root || z.parent.is_some_and(|p| inside[p]);
        }
        zoned.iter().filter(|b| b.zone.is_some_and(|z| inside[z])).map(|b| b.text.as_str()).collect()
    } else if !paragraphs.is_empty() {
        paragraphs.iter().map(|b| b.text.as_str()).collect()
    } else {
        // No paragraphs: the page's other text blocks, outside boilerplate.
        c.blocks.iter().filter(keep).map(|b| b.text.as_str()).collect()
    };
    chosen.join("\n\n")
}

/// Short lines that are page furniture, not prose ("Advertisement", "Read more").
fn looks_like_chrome(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let ends_like_prose = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ')']);
    words < 4 && !ends_like_prose
}

/// Collects the facts of a JSON-LD block, preferring article objects. Broken JSON
/// (common: trailing commas, raw newlines) is searched as text for `datePublished`.
fn read_json_ld(raw: &str, facts: &mut LdFacts) {
    let raw = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(v) => {
            let mut objects = Vec::new();
            collect_objects(&v, &mut objects, 0);
            let is_article = |o: &serde_json::Map<String, serde_json::Value>| {
                let t = match o.get("@type") {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Array(a)) => {
                        a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(" ")
                    }
                    _ => String::new(),
                };
                t.contains("Article") || t.contains("Posting") || t.contains("Report")
            };
            let ordered = objects.iter().filter(|o| is_article(o)).chain(objects.iter().filter(|o| !is_article(o)));
            for o in ordered {
                let s = |k: &str| o.get(k).and_then(|v| v.as_str()).map(collapse_whitespace).filter(|s| !s.is_empty());
                if facts.date_published.is_none() {
                    facts.date_published = s("datePublished").or_else(|| s("dateCreated"));
                }
                if facts.headline.is_none() {
                    facts.headline = s("headline");
                }
                if facts.url.is_none() && is_article(o) {
                    facts.url = s("url");
                }
                if facts.publisher.is_none() {
                    facts.publisher = o.get("publisher").and_then(|p| match p {
                        serde_json::Value::Object(m) => m.get("name").and_then(|n| n.as_str()).map(str::to_string),
                        serde_json::Value::String(s) => Some(s.clone()),
                        _ => None,
                    });
                }
            }
        }
        Err(_) => {
            if facts.date_published.is_none() {
                facts.date_published = find_json_string(raw, "\"datePublished\"");
            }
        }
    }
}

fn collect_objects<'v>(
    v: &'v serde_json::Value,
    out: &mut Vec<&'v serde_json::Map<String, serde_json::Value>>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Object(m) => {
            out.push(m);
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let Some(inner) = m.get(key) {
                    collect_objects(inner, out, depth + 1);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out, depth + 1)),
        _ => {}
    }
}

fn find_json_string(raw: &str, key: &str) -> Option<String> {
    let at = raw.find(key)? + key.len();
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// Text of an HTML fragment (a feed item's description, say): scripts and styles
/// dropped, references decoded, whitespace collapsed, blocks as paragraphs
/// separated by blank lines.
pub fn html_to_text(fragment: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut flush = |buf: &mut String| {
        let t = collapse_whitespace(buf);
        buf.clear();
        if !t.is_empty() {
            paragraphs.push(t);
        }
    };
    for token in Scanner::new(fragment, true) {
        match token {
            Token::Text(t) => buf.push_str(&decode_entities(t)),
            Token::Cdata(t) => buf.push_str(t),
            Token::Start { name, .. } if name == "br" => buf.push(' '),
            Token::Start { name, .. } | Token::End { name } if BLOCK_TAGS.contains(&name.as_str()) => flush(&mut buf),
            Token::Raw(raw) => {
                let _ = raw; // script, style: not text
            }
            _ => {}
        }
    }
    flush(&mut buf);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_the_chrome() {
        let html = r#"<html><head><title>T</title><meta property="article:published_time" content="2024-03-12T09:00:00+04:00"></head>
<body><nav><p>Home News Sport and all the other sections of the site.</p></nav>
<article><h1>Head</h1><p>Lede &amp; more.</p><div class="article-body"><p>First paragraph of the story.<p>Second paragraph, longer than the teaser.</div>
<div class="share-tools"><p>Share this story with your friends today.</p></div></article>
<article><p>Another story entirely, a teaser.</p></article>
<footer><p>Copyright by the outlet, all rights reserved.</p></footer></body></html>"#;
        let p = extract(html.as_bytes()).unwrap();
        assert_eq!(
            p.text,
            "Lede & more.\n\nFirst paragraph of the story.\n\nSecond paragraph, longer than the teaser."
        );
        assert_eq!(p.published.unwrap().to_string(), "2024-03-12");
        assert_eq!(p.title.as_deref(), Some("T"));
    }

    #[test]
    fn pages_without_paragraphs_keep_their_blocks() {
        let p = extract(
            b"<body><div>Russia urged Armenia to talk.<br>Baku agreed.</div><div>Yerevan said no to it.</div></body>",
        )
        .unwrap();
        assert_eq!(p.text, "Russia urged Armenia to talk. Baku agreed.\n\nYerevan said no to it.");
    }

    #[test]
    fn deeply_nested_pages_are_read_by_the_heuristic() {
        // 5,000 levels would keep the extractor busy for minutes.
        let page = format!(
            "<html><body>{}<p>Russia urged Armenia to return to the talks in Geneva.</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let p = extract(page.as_bytes()).unwrap();
        assert_eq!(p.text, "Russia urged Armenia to return to the talks in Geneva.");
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert_eq!(html_to_text("<p>One &amp; two</p><p>Three<script>x()</script></p>"), "One & two\n\nThree");
    }
}
