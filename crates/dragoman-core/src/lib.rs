//! Dragoman's pure pipeline: news text in, CAMEO/PLOVER events out.
//!
//! No I/O besides the dictionary text handed to it, no async, no database: every
//! stage is a function of the document and the dictionaries, which is what lets the
//! binary stream, parallelise and run under Spark unchanged.

pub mod builtin;
pub mod builtin_verbs;
pub mod coder;
pub mod fxhash;
pub mod inflect;
pub mod knowledge;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod ontology;
pub mod petrarch;
pub mod places;
pub mod syntax;
#[doc(hidden)]
pub mod synth;
pub mod text;
pub mod time;
pub mod validation;
