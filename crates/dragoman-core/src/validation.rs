//! PETRARCH validation files: records with a sentence, its date and the events
//! PETRARCH's authors expect, interleaved with `<Config>` switches that apply from
//! where they stand. Read here so `dragoman validate` and the tests share one reader.

/// One `<Sentence>` record.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub id: String,
    pub category: String,
    /// YYYYMMDD as written.
    pub date: String,
    pub text: String,
    /// Expected (source, target, code) triples.
    pub expected: Vec<(String, String, String)>,
    /// The record expects an error or a discard rather than events.
    pub expects_error: Option<String>,
    /// `require_dyad` in force for this record (from the `<Config>` lines above it).
    pub require_dyad: bool,
    /// Line of the record in the file.
    pub line: usize,
}

/// The dictionaries named in `<Environment>`, and the `<Config>` switches.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub verbs: Option<String>,
    /// From every `<Actorfile>`, each possibly a comma-separated list.
    pub actors: Vec<String>,
    pub agents: Option<String>,
    pub discards: Option<String>,
    /// Every `<Config>` switch in the file (inside `<Environment>` or between
    /// records), in file order. Only `require_dyad` changes how records are coded
    /// (see [`Record::require_dyad`]); the others tune PETRARCH's own parser.
    pub options: Vec<ConfigOption>,
    /// Other elements of `<Environment>` (`Include`, `Errorfile`, `Pause`...), by
    /// name, in file order: PETRARCH run settings with no meaning here.
    pub other: Vec<String>,
}

/// One `<Config option="..." value="...">` switch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigOption {
    pub option: String,
    pub value: String,
    /// Line of the switch in the file.
    pub line: usize,
}

/// PETRARCH's reading of a boolean switch: "True", "TRUE", "true" (and "1", "yes")
/// are true, anything else false.
pub fn config_bool(value: &str) -> bool {
    matches!(value.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag[at..].trim_start();
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let end = rest[1..].find(quote)?;
    Some(rest[1..1 + end].to_string())
}

/// Names of the opening tags in `s` (`<Include>` → "Include"), comments skipped.
fn element_names(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if let Some(c) = rest.strip_prefix("!--") {
            rest = c.find("-->").map_or("", |e| &c[e + 3..]);
            continue;
        }
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if end > 0 {
            return Some(&rest[..end]);
        }
    })
}

/// Replaces XML's predefined entities ("&amp;" and friends) in record text.
fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn between<'t>(s: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// Reads a validation file. Comments (`<!-- -->`) are ignored.
pub fn read_validation(xml: &str) -> (Environment, Vec<Record>) {
    let mut env = Environment::default();
    if let Some(e) = between(xml, "<Environment>", "</Environment>") {
        env.verbs = between(e, "<Verbfile>", "</Verbfile>").map(|s| s.trim().to_string());
        env.agents = between(e, "<Agentfile>", "</Agentfile>").map(|s| s.trim().to_string());
        env.discards = between(e, "<Discardfile>", "</Discardfile>").map(|s| s.trim().to_string());
        let mut rest = e;
        while let Some(list) = between(rest, "<Actorfile>", "</Actorfile>") {
            env.actors.extend(list.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string));
            rest = rest.find("</Actorfile>").map_or("", |at| &rest[at + "</Actorfile>".len()..]);
        }
        env.other = element_names(e)
            .filter(|n| !matches!(*n, "Verbfile" | "Actorfile" | "Agentfile" | "Discardfile" | "Config"))
            .map(str::to_string)
            .collect();
    }
    let mut records = Vec::new();
    let mut require_dyad = true;
    let mut pos = 0;
    // One pass, in time linear in the file: each of the three searches resumes where
    // its last hit was (never rescanning to the end of the file for a tag that
    // does not occur), and line numbers count on from the last one.
    let mut next = [Next::new("<!--"), Next::new("<Config "), Next::new("<Sentence ")];
    let mut lines = LineCounter::default();
    while pos < xml.len() {
        let rest = &xml[pos..];
        let [next_comment, next_config, next_sentence] = next.each_mut().map(|n| n.after(xml, pos));
        let first = [next_comment, next_config, next_sentence].into_iter().flatten().min();
        let Some(at) = first else { break };
        if Some(at) == next_comment {
            let end = rest[at..].find("-->").map_or(rest.len(), |e| at + e + 3);
            pos += end;
        } else if Some(at) == next_config {
            let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
            let tag = &rest[at..end];
            let option = ConfigOption {
                option: attr(tag, "option").unwrap_or_default(),
                value: attr(tag, "value").unwrap_or_default(),
                line: lines.line_at(xml, pos + at),
            };
            if option.option == "require_dyad" {
                require_dyad = config_bool(&option.value);
            }
            env.options.push(option);
            pos += end;
        } else {
            let end = rest[at..].find("</Sentence>").map_or(rest.len(), |e| at + e + 11);
            let body = &rest[at..end];
            let head_end = body.find('>').unwrap_or(body.len());
            let head = &body[..head_end];
            let mut r = Record {
                id: attr(head, "id").unwrap_or_default(),
                category: attr(head, "category").unwrap_or_default(),
                date: attr(head, "date").unwrap_or_default(),
                require_dyad,
                line: lines.line_at(xml, pos + at),
                ..Record::default()
            };
            let mut body_nc = String::new();
            let mut rest_b = body;
            while let Some(c) = rest_b.find("<!--") {
                body_nc.push_str(&rest_b[..c]);
                rest_b = rest_b[c..].find("-->").map_or("", |e| &rest_b[c + e + 3..]);
            }
            body_nc.push_str(rest_b);
            r.text = unescape_xml(between(&body_nc, "<Text>", "</Text>").unwrap_or(""))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let mut b = body_nc.as_str();
            while let Some(s) = b.find("<EventCoding") {
                let e = b[s..].find('>').map_or(b.len(), |e| s + e + 1);
                let tag = &b[s..e];
                if let Some(err) = attr(tag, "error") {
                    r.expects_error = Some(err);
                } else if tag.contains("noevents") {
                } else if let (Some(src), Some(tgt), Some(code)) =
                    (attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode"))
                {
                    r.expected.push((src, tgt, code));
                }
                b = &b[e..];
            }
            records.push(r);
            pos += end;
        }
    }
    (env, records)
}

/// The next place a tag occurs at or after a position, remembered between calls.
struct Next {
    tag: &'static str,
    /// The last hit (absolute), or None once the tag occurs no more.
    hit: Option<usize>,
    /// Where the last search started; None before the first.
    from: Option<usize>,
}

impl Next {
    fn new(tag: &'static str) -> Next {
        Next { tag, hit: None, from: None }
    }

    /// The offset, relative to `pos`, of the tag's first occurrence at or after
    /// `pos`. `pos` never decreases between calls.
    fn after(&mut self, xml: &str, pos: usize) -> Option<usize> {
        let stale = match (self.from, self.hit) {
            (None, _) => true,
            (Some(_), Some(hit)) => hit < pos,
            (Some(_), None) => false,
        };
        if stale {
            self.from = Some(pos);
            self.hit = xml[pos..].find(self.tag).map(|at| pos + at);
        }
        self.hit.map(|hit| hit - pos)
    }
}

/// 1-based line numbers of increasing offsets, counting each newline once.
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        self.line += text.as_bytes()[self.at..offset].iter().filter(|&&b| b == b'\n').count();
        self.at = offset;
        1 + self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_configs_and_environment() {
        let xml = r#"<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt, b.txt</Actorfile></Environment>
<!-- <Sentence id="X"> in a comment -->
<Sentence date="19950101" id="A-1" category="A">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored
ties with Gondor.
</Text></Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="19950102" id="A-2" category="A"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>
</Validation>"#;
        let (env, recs) = read_validation(xml);
        assert_eq!(env.verbs.as_deref(), Some("v.txt"));
        assert_eq!(env.actors, vec!["a.txt", "b.txt"]);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(recs[0].expected, vec![("ARN".into(), "GON".into(), "064".into())]);
        assert!(recs[0].require_dyad);
        assert!(!recs[1].require_dyad);
        assert!(recs[1].expected.is_empty());
        assert_eq!(env.options, vec![ConfigOption { option: "require_dyad".into(), value: "False".into(), line: 9 }]);
    }

    #[test]
    fn config_switches_in_any_case_apply_in_order() {
        let xml = r#"<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile><Actorfile>b.txt,c.txt</Actorfile>
<Include>valid A</Include><Errorfile>e.txt</Errorfile><!-- <Hidden>x</Hidden> -->
<Config option="stop_on_error" value="True"></Config></Environment>
<Sentence id="1" category="A" date="20000101"><Text>a</Text></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Sentence id="2" category="A" date="20000101"><Text>b</Text></Sentence>
<Config option="require_dyad" value="TRUE"></Config>
<Sentence id="3" category="A" date="20000101"><Text>c</Text></Sentence>
<Config option="require_dyad" value="false"></Config>
<Config option="comma_max" value="0"></Config>
<Sentence id="4" category="A" date="20000101"><Text>d</Text></Sentence>
<Config option="require_dyad" value="True"></Config>
<Sentence id="5" category="A" date="20000101"><Text>e</Text></Sentence>"#;
        let (env, recs) = read_validation(xml);
        assert_eq!(env.actors, vec!["a.txt", "b.txt", "c.txt"]);
        assert_eq!(env.other, vec!["Include", "Errorfile"]);
        let dyad: Vec<bool> = recs.iter().map(|r| r.require_dyad).collect();
        assert_eq!(dyad, vec![true, false, true, false, true]);
        let names: Vec<&str> = env.options.iter().map(|o| o.option.as_str()).collect();
        assert_eq!(
            names,
            vec!["stop_on_error", "require_dyad", "require_dyad", "require_dyad", "comma_max", "require_dyad"]
        );
        assert_eq!(env.options[0].line, 3);
        assert!(config_bool("False") == config_bool("FALSE") && !config_bool("false") && config_bool("TRUE"));
    }

    #[test]
    fn a_large_file_is_read_in_linear_time_with_its_line_numbers() {
        // 20,000 records took 34 s (release) when every record rescanned the file.
        let record = |i: usize| {
            format!("<Sentence date=\"20240118\" id=\"T{i}\" category=\"X\">\n<Text>\nRussia accused Armenia.\n</Text>\n</Sentence>")
        };
        let mut xml = String::from("<Validation>\n<!-- a comment -->\n");
        for i in 0..20_000 {
            if i == 10_000 {
                xml.push_str("<Config option=\"require_dyad\" value=\"false\"/>\n");
            }
            xml.push_str(&record(i));
            xml.push('\n');
        }
        let started = std::time::Instant::now();
        let (env, recs) = read_validation(&xml);
        let took = started.elapsed();
        assert_eq!(recs.len(), 20_000);
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
        // Records are five lines each, after two lines of head (and the config line).
        assert_eq!((recs[0].line, recs[1].line, recs[9_999].line), (3, 8, 3 + 5 * 9_999));
        assert_eq!(env.options[0].line, 3 + 5 * 10_000);
        assert_eq!(recs[10_000].line, 4 + 5 * 10_000);
        assert!(recs[9_999].require_dyad && !recs[10_000].require_dyad);
    }
}
