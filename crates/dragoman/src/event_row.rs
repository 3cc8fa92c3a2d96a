//! The deduplicated event as the store keeps it and the exports write it: one event
//! (same date, source, target and code) with the counts of the mentions, outlets and
//! articles that reported it (GDELT's NumMentions, NumSources, NumArticles) and the
//! evidence of its first mention.

/// One stored, deduplicated event.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRow {
    pub event_id: i64,
    /// First and last day (YYYY-MM-DD) and the precision of the date.
    pub date: String,
    pub date_end: String,
    pub date_precision: String,
    pub source_code: String,
    /// Each side's label ("Russia: government"), country (ISO3) and sector (GOV …),
    /// see `dragoman_core::labels`.
    pub source_name: String,
    pub source_country: Option<String>,
    pub source_sector: Option<String>,
    pub target_code: Option<String>,
    pub target_name: Option<String>,
    pub target_country: Option<String>,
    pub target_sector: Option<String>,
    /// One line of English: who did what to whom.
    pub description: String,
    /// CAMEO event code, its root and name.
    pub code: String,
    pub root: String,
    pub code_name: Option<String>,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f32>,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
    pub location_name: Option<String>,
    pub location_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Mentions of the event (sentences), distinct outlets, distinct articles.
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    /// Evidence of the first mention.
    pub doc_id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub sentence_text: String,
    pub rule: String,
}

impl EventRow {
    /// Labels read from the codes, for an event stored before the store kept them
    /// (its `description` is empty): the stored names were the dictionary's.
    pub fn relabel(&mut self) {
        let l = dragoman_core::labels::Labeller::builtin();
        let source = l.relabel(&self.source_code, &self.source_name);
        let target = self.target_code.as_deref().map(|t| l.relabel(t, self.target_name.as_deref().unwrap_or_default()));
        self.source_name = source.name;
        self.source_country = source.country;
        self.source_sector = source.sector;
        if let Some(t) = target {
            self.target_name = Some(t.name);
            self.target_country = t.country;
            self.target_sector = t.sector;
        }
        self.description = l.describe(&self.source_name, self.target_name.as_deref(), &self.code);
    }
}
