//! Time expressions in news sentences, resolved to dates.
//!
//! An event is only useful with a date, and news rarely gives one outright: it says
//! "on Wednesday", "late last year", "September 19–20" or "two weeks ago", all
//! relative to when the article was published. This module finds those expressions in
//! a sentence and resolves each to a [`DateRange`] against the publication date.
//! Date-parsing crates read timestamps, not this kind of prose, so the scanner is our
//! own: one pass over the sentence cuts it into words and numbers, and only the words
//! that can start an expression (weekday and month names, "last", "early", digits…)
//! are looked at closer. A sentence without one costs a few hundred nanoseconds.
//!
//! # What is resolved
//!
//! - days: "today", "yesterday", "tomorrow", "tonight", "this morning", "last night",
//!   "the day before yesterday", "Wednesday", "last/this/next Wednesday",
//!   "Wednesday, January 17" (the explicit date wins);
//! - dates: "January 13", "Jan. 13", "13 January", "13th of January", with or without
//!   a year; "2024-01-13";
//! - day ranges: "September 19–20", "19-20 September", "Sept. 29–Oct. 2, 2023";
//! - months: "in October", "October 2022", "last October";
//! - parts of periods: "early/mid-/late December", "the end of December",
//!   "the middle of last year", "late last month", "early 2020", "earlier this year",
//!   "later this week", "late summer";
//! - years: "in 2020", "the 2020 Armenian-Azerbaijani war", "2020–2022";
//! - calendar periods: "last/this/next week", "… month", "… year", "… weekend";
//! - spans ending at publication: "the past week", "over the last two months",
//!   "in recent days", "in the coming weeks";
//! - "N days/weeks/months/years ago", "a few days ago";
//! - seasons: "last summer", "in the autumn of 2022", "in winter" (northern
//!   hemisphere, meteorological: spring is March–May, winter December–February).
//!
//! # Direction
//!
//! News is mostly written in the past tense, so a bare "Wednesday", "November 20",
//! "in October" or "in summer" means the latest one not after publication
//! ([`Direction::Past`], the default). Callers that know a sentence is about the
//! future (a "will" clause) pass [`Direction::Future`] for the first one not before
//! publication. "last …" and "next …" ignore the direction.
//!
//! # Precision
//!
//! Every range carries how exact it is: [`Precision::Day`] for a single day,
//! [`Precision::Range`] for explicit day ranges and for parts of periods ("late
//! December" is December 21–31), [`Precision::Week`], [`Precision::Month`],
//! [`Precision::Season`] and [`Precision::Year`] for whole named periods.
//!
//! Some choices a reader may want to know about:
//!
//! - weeks run Monday–Sunday. "this week", "this month" and "this year" keep their
//!   Week/Month/Year precision but stop at the publication date in the past direction
//!   (Monday up to publication) and start there in the future direction;
//! - "early / mid / late" split a month into days 1–10, 11–20 and 21–end, a year into
//!   January–April, May–August and September–December, a week into Mon–Wed, Tue–Thu
//!   and Thu–Sun, and a season into its three months. "earlier this year" is January
//!   1 up to the day before publication, "later this month" the day after to its end;
//! - "N weeks/months/years ago" is the calendar week/month/year containing the day
//!   that far back; "N days ago" is that day;
//! - "the past N days/weeks/months" (and "the last N …") runs from N units before
//!   publication to publication; "recent days" or "the past few days" count as 7 days,
//!   weeks as 4 weeks, months and years as 3;
//! - "winter 2022" is December 2021 to February 2022, the winter most of whose days
//!   fall in 2022;
//! - mentions never include a leading preposition ("on", "in", "since") or article,
//!   but do include modifiers ("late last year", "mid-December", "the end of May").
//!
//! What is deliberately not a date: quantities ("2,000 troops", "1,500", "$2020",
//! "20%"), a year-like number in no year context ("2020 was"), the verb "may" and
//! lower-case "march", "the fall of Kabul", and "Theresa May".

mod calendar;
mod lex;
mod parse;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

/// How exact a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Range,
    Week,
    Month,
    Season,
    Year,
}

/// A resolved date or range, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub precision: Precision,
}

impl DateRange {
    /// A single day, with precision [`Precision::Day`].
    pub fn day(d: NaiveDate) -> Self {
        DateRange { from: d, to: d, precision: Precision::Day }
    }
}

/// A time expression found in a text, with byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub range: DateRange,
}

/// Whether bare weekday/month references point back (past-tense reporting, the
/// default) or forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Past,
    Future,
}

/// Finds every time expression in `text` (a sentence), resolved against the
/// publication date.
///
/// Mentions come back sorted by start and never overlap; their offsets are byte
/// offsets into `text`, on character boundaries.
pub fn find_time_expressions(text: &str, published: NaiveDate, direction: Direction) -> Vec<TimeMention> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    lex::tokenize(text, &mut toks);
    parse::Parser::new(&toks, published, direction).run()
}
