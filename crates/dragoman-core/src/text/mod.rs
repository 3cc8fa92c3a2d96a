//! Text stages: character folding, datelines, sentences and tokens.
//!
//! Nothing here rewrites the document. Every stage works on the original text and
//! reports byte offsets into it; the folded form of a character (curly quote →
//! straight quote, en dash → hyphen, no-break space → space) is computed where it is
//! needed. That keeps the offsets honest by construction: there is no offset map to
//! get wrong.

pub mod dateline;
pub mod normalize;
pub mod sentences;
pub mod tokens;

pub use dateline::{find_dateline, find_dateline_after_title, month_named, Dateline, DatelineDate};
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token};
