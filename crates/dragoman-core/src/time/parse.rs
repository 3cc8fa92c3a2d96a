//! The expression shapes, tried at each token that can start one.
//!
//! The scan is leftmost-first: at each token every shape that can start there is
//! tried, the match (which always extends as far as its shape allows) is kept, and
//! the scan resumes after it. Modifiers start their expression ("late last year"
//! starts at "late"), so the leftmost match is also the longest one.

use super::calendar::{
    add_days, add_months, month_range, shift_month, week_start, weekday_on_or_after, weekday_on_or_before, year_range,
    ymd, Season,
};
use super::lex::{Kind, Kw, Num, Tok, Unit};
use super::{DateRange, Direction, Precision, TimeMention};
use chrono::{Datelike, NaiveDate, Weekday};

/// A match: the index one past its last token, and what it resolves to.
type Hit = (usize, DateRange);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Last,
    This,
    Next,
}

/// Which part of a period a modifier picks out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Earlier,
    Mid,
    Late,
    Later,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Day,
    Week,
    Month,
    Season,
    Year,
}

/// A whole calendar period, before "early"/"late" narrow it.
#[derive(Debug, Clone, Copy)]
struct Period {
    from: NaiveDate,
    to: NaiveDate,
    span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    Exact(u32),
    /// "a few", "several", or a bare plural ("in recent days").
    Few,
}

enum MonthHit {
    /// A day or a day range.
    Dated(DateRange),
    /// A whole month: (year, month).
    Month(i32, u32),
}

fn range(from: NaiveDate, to: NaiveDate, precision: Precision) -> DateRange {
    DateRange { from, to, precision }
}

fn is_year_num(n: Num) -> bool {
    n.digits == 4 && !n.ordinal && (1000..=2999).contains(&n.val)
}

pub(super) struct Parser<'a> {
    toks: &'a [Tok],
    p: NaiveDate,
    dir: Direction,
}

impl<'a> Parser<'a> {
    pub(super) fn new(toks: &'a [Tok], p: NaiveDate, dir: Direction) -> Self {
        Parser { toks, p, dir }
    }

    pub(super) fn run(&self) -> Vec<TimeMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if let Some((end, range)) = self.at(i) {
                if end > i && end <= self.toks.len() {
                    out.push(TimeMention { start: self.toks[i].start, end: self.toks[end - 1].end, range });
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    // ----- token access -------------------------------------------------------

    fn kw(&self, i: usize) -> Kw {
        match self.toks.get(i) {
            Some(Tok { kind: Kind::Word { kw, .. }, .. }) => *kw,
            _ => Kw::None,
        }
    }

    fn prev_kw(&self, i: usize) -> Kw {
        i.checked_sub(1).map_or(Kw::None, |k| self.kw(k))
    }

    fn cap(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(Tok { kind: Kind::Word { cap: true, .. }, .. }))
    }

    fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn gap(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.gap)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'))
    }

    /// The token at `i` makes a preceding number a quantity: "2000 troops", "20%".
    fn is_quantity_next(&self, i: usize) -> bool {
        matches!(self.kw(i), Kw::UnitNoun | Kw::Unit { .. }) || self.punct(i) == Some('%')
    }

    fn skip_time_of_day(&self, i: usize) -> usize {
        if matches!(self.kw(i), Kw::TimeOfDay | Kw::Night) {
            i + 1
        } else {
            i
        }
    }

    // ----- dispatch -----------------------------------------------------------

    fn at(&self, i: usize) -> Option<Hit> {
        match self.toks[i].kind {
            Kind::Num(_) => self.number_at(i),
            Kind::Word { kw, .. } => match kw {
                Kw::Weekday(w) => self.weekday_at(i, w, None),
                Kw::Month { .. } => {
                    let (end, hit) = self.month_at(i, false)?;
                    Some((end, self.month_hit_range(hit)?))
                }
                Kw::Season(_) | Kw::Fall => self.season_at(i, None, false).map(|(e, per)| (e, self.plain(per, false))),
                Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => {
                    self.day_word_at(i).map(|(e, d)| (e, DateRange::day(d)))
                }
                Kw::This | Kw::Last | Kw::Next => self.relative_at(i).or_else(|| self.rolling_at(i)),
                Kw::Past | Kw::Coming | Kw::Recent => self.rolling_at(i),
                Kw::Early | Kw::Earlier | Kw::Mid | Kw::Middle | Kw::Late | Kw::Later | Kw::End | Kw::Beginning => {
                    self.part_at(i)
                }
                Kw::The => self.part_at(i).or_else(|| self.day_beside_at(i)),
                Kw::Number(_) | Kw::Article | Kw::Few => self.ago_at(i),
                Kw::Weekend if self.prev_kw(i) == Kw::The => self.weekend(None).map(|r| (i + 1, r)),
                _ => None,
            },
            _ => None,
        }
    }

    fn number_at(&self, i: usize) -> Option<Hit> {
        self.iso_at(i).or_else(|| self.day_first_at(i)).or_else(|| self.year_at(i)).or_else(|| self.ago_at(i))
    }

    // ----- periods ------------------------------------------------------------

    /// A whole period as a range. `clip` cuts a period containing the publication
    /// date at that date, towards the reporting direction ("this week" in a past-
    /// tense report is Monday up to publication).
    fn plain(&self, per: Period, clip: bool) -> DateRange {
        let precision = match per.span {
            Span::Day => Precision::Day,
            Span::Week => Precision::Week,
            Span::Month => Precision::Month,
            Span::Season => Precision::Season,
            Span::Year => Precision::Year,
        };
        let (mut from, mut to) = (per.from, per.to);
        if clip && from <= self.p && self.p <= to {
            match self.dir {
                Direction::Past => to = self.p,
                Direction::Future => from = self.p,
            }
        }
        range(from, to, precision)
    }

    fn calendar_period(&self, rel: Rel, unit: Unit) -> Option<Period> {
        let p = self.p;
        let delta: i64 = match rel {
            Rel::Last => -1,
            Rel::This => 0,
            Rel::Next => 1,
        };
        match unit {
            Unit::Week => {
                let from = add_days(week_start(p)?, 7 * delta)?;
                Some(Period { from, to: add_days(from, 6)?, span: Span::Week })
            }
            Unit::Month => {
                let (y, m) = shift_month(p.year(), p.month(), delta)?;
                let (from, to) = month_range(y, m)?;
                Some(Period { from, to, span: Span::Month })
            }
            Unit::Year => {
                let (from, to) = year_range(p.year().checked_add(i32::try_from(delta).ok()?)?)?;
                Some(Period { from, to, span: Span::Year })
            }
            Unit::Minute | Unit::Hour | Unit::Day => None,
        }
    }

    fn month_period(y: i32, m: u32) -> Option<Period> {
        let (from, to) = month_range(y, m)?;
        Some(Period { from, to, span: Span::Month })
    }

    fn day_period(d: NaiveDate) -> Period {
        Period { from: d, to: d, span: Span::Day }
    }

    fn month_hit_range(&self, hit: MonthHit) -> Option<DateRange> {
        match hit {
            MonthHit::Dated(r) => Some(r),
            MonthHit::Month(y, m) => Some(self.plain(Self::month_period(y, m)?, false)),
        }
    }

    /// The period a modifier applies to: "last year", "December", "2020",
    /// "this month", "summer", "Wednesday", and after "the end of", "the year".
    fn period_at(&self, j: usize, the_ok: bool) -> Option<(usize, Period)> {
        match self.kw(j) {
            kw @ (Kw::This | Kw::Last | Kw::Next) => {
                let rel = match kw {
                    Kw::Last => Rel::Last,
                    Kw::Next => Rel::Next,
                    _ => Rel::This,
                };
                match self.kw(j + 1) {
                    Kw::Unit { unit, plural: false } => self.calendar_period(rel, unit).map(|per| (j + 2, per)),
                    Kw::Month { .. } => self.month_rel_at(j + 1, rel),
                    Kw::Season(_) | Kw::Fall => self.season_at(j + 1, Some(rel), true),
                    Kw::Weekday(w) => {
                        let d = self.weekday_date(w, Some(rel))?;
                        Some((self.skip_time_of_day(j + 2), Self::day_period(d)))
                    }
                    _ => None,
                }
            }
            Kw::The if the_ok => match self.kw(j + 1) {
                Kw::Unit { unit, plural: false } => self.calendar_period(Rel::This, unit).map(|per| (j + 2, per)),
                Kw::Season(_) | Kw::Fall => self.season_at(j + 1, None, true),
                _ => None,
            },
            Kw::Month { .. } => {
                let (m, abbr, k) = self.month_token(j)?;
                if let Some((y, e)) = self.year_after(k, false) {
                    return Some((e, Self::month_period(y, m)?));
                }
                if abbr {
                    return None;
                }
                Some((k, Self::month_period(self.bare_month_year(m)?, m)?))
            }
            Kw::Season(_) | Kw::Fall => self.season_at(j, None, true),
            Kw::Weekday(w) => {
                let d = self.weekday_date(w, None)?;
                Some((self.skip_time_of_day(j + 1), Self::day_period(d)))
            }
            Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => {
                self.day_word_at(j).map(|(e, d)| (e, Self::day_period(d)))
            }
            _ => {
                let n = self.num(j)?;
                if !is_year_num(n) || self.is_quantity_next(j + 1) {
                    return None;
                }
                let (from, to) = year_range(n.val as i32)?;
                Some((j + 1, Period { from, to, span: Span::Year }))
            }
        }
    }

    // ----- modifiers: early / mid / late / the end of ----------------------------

    fn part_at(&self, i: usize) -> Option<Hit> {
        let (part, j, the_ok) = match self.kw(i) {
            Kw::Early => (Part::Early, i + 1, false),
            Kw::Earlier => (Part::Earlier, i + 1, false),
            Kw::Late => (Part::Late, i + 1, false),
            Kw::Later => (Part::Later, i + 1, false),
            Kw::Mid => (Part::Mid, if self.is_dash(i + 1) { i + 2 } else { i + 1 }, false),
            Kw::The => {
                let (part, k) = self.of_phrase(i + 1)?;
                (part, k, true)
            }
            _ => {
                let (part, k) = self.of_phrase(i)?;
                (part, k, true)
            }
        };
        // "late on Sunday", "early on Wednesday": only a day can follow "on".
        if self.kw(j) == Kw::On && j == i + 1 {
            let (end, per) = self.period_at(j + 1, false)?;
            return (per.span == Span::Day).then(|| (end, self.plain(per, false)));
        }
        let (end, per) = self.period_at(j, the_ok)?;
        Some((end, self.narrow(per, part)?))
    }

    /// "middle of", "end of", "beginning of", "start of".
    fn of_phrase(&self, i: usize) -> Option<(Part, usize)> {
        let part = match self.kw(i) {
            Kw::Middle => Part::Mid,
            Kw::End => Part::Late,
            Kw::Beginning => Part::Early,
            _ => return None,
        };
        (self.kw(i + 1) == Kw::Of).then_some((part, i + 2))
    }

    /// Early, middle and late thirds of a period; "earlier"/"later" of a period that
    /// contains the publication date run from its start to the day before, or from
    /// the day after to its end.
    fn narrow(&self, per: Period, part: Part) -> Option<DateRange> {
        let p = self.p;
        if per.span == Span::Day {
            return Some(range(per.from, per.to, Precision::Day));
        }
        let current = per.from <= p && p <= per.to;
        let part = match part {
            Part::Earlier if current => {
                let to = add_days(p, -1)?.max(per.from);
                return Some(range(per.from, to, Precision::Range));
            }
            Part::Later if current => {
                let from = add_days(p, 1)?.min(per.to);
                return Some(range(from, per.to, Precision::Range));
            }
            Part::Earlier => Part::Early,
            Part::Later => Part::Late,
            other => other,
        };
        let third = match part {
            Part::Early => 0,
            Part::Mid => 1,
            _ => 2,
        };
        let (from, to) = match per.span {
            Span::Week => {
                let (a, b) = [(0, 2), (1, 3), (3, 6)][third];
                (add_days(per.from, a)?, add_days(per.from, b)?)
            }
            Span::Month => {
                let (a, b) = [(1, 10), (11, 20), (21, per.to.day())][third];
                (per.from.with_day(a)?, per.from.with_day(b)?)
            }
            Span::Year => {
                let y = per.from.year();
                let first_month = [1, 5, 9][third];
                (ymd(y, first_month, 1)?, month_range(y, first_month + 3)?.1)
            }
            Span::Season => {
                let (y, m) = shift_month(per.from.year(), per.from.month(), third as i64)?;
                month_range(y, m)?
            }
            Span::Day => (per.from, per.to),
        };
        Some(range(from, to, Precision::Range))
    }

    // ----- this / last / next ---------------------------------------------------

    fn relative_at(&self, i: usize) -> Option<Hit> {
        let rel = match self.kw(i) {
            Kw::Last => Rel::Last,
            Kw::This => Rel::This,
            Kw::Next => Rel::Next,
            _ => return None,
        };
        self.relative_noun(i, i + 1, rel)
    }

    fn relative_noun(&self, i: usize, j: usize, rel: Rel) -> Option<Hit> {
        match self.kw(j) {
            Kw::Unit { unit, plural: false } => {
                // "the last week" / "the next month" are rolling spans, not calendar ones.
                if rel != Rel::This && self.prev_kw(i) == Kw::The {
                    return None;
                }
                let per = self.calendar_period(rel, unit)?;
                Some((j + 1, self.plain(per, rel == Rel::This)))
            }
            Kw::Weekend => self.weekend(Some(rel)).map(|r| (j + 1, r)),
            Kw::Weekday(w) => self.weekday_at(j, w, Some(rel)),
            Kw::Month { .. } => self.month_rel_at(j, rel).map(|(e, per)| (e, self.plain(per, false))),
            Kw::Season(_) | Kw::Fall => self.season_at(j, Some(rel), true).map(|(e, per)| (e, self.plain(per, false))),
            Kw::TimeOfDay if rel == Rel::This => Some((j + 1, DateRange::day(self.p))),
            Kw::Night => {
                let d = match rel {
                    Rel::Last => add_days(self.p, -1)?,
                    Rel::This => self.p,
                    Rel::Next => add_days(self.p, 1)?,
                };
                Some((j + 1, DateRange::day(d)))
            }
            // "this past week", "this past weekend"
            Kw::Past if rel == Rel::This => self.relative_noun(i, j + 1, Rel::Last),
            _ => None,
        }
    }

    fn month_rel_at(&self, j: usize, rel: Rel) -> Option<(usize, Period)> {
        let (m, abbr, k) = self.month_token(j)?;
        if abbr {
            return None;
        }
        let (py, pm) = (self.p.year(), self.p.month());
        let y = match rel {
            Rel::Last if m < pm => py,
            Rel::Last => py.checked_sub(1)?,
            Rel::Next if m > pm => py,
            Rel::Next => py.checked_add(1)?,
            Rel::This => py,
        };
        Some((k, Self::month_period(y, m)?))
    }

    fn weekend(&self, rel: Option<Rel>) -> Option<DateRange> {
        let p = self.p;
        let saturday = match rel {
            Some(Rel::This) => add_days(week_start(p)?, 5)?,
            Some(Rel::Last) => add_days(week_start(p)?, -2)?,
            Some(Rel::Next) => add_days(week_start(p)?, 12)?,
            None => match self.dir {
                Direction::Past => weekday_on_or_before(p, Weekday::Sat)?,
                Direction::Future if p.weekday() == Weekday::Sun => add_days(p, -1)?,
                Direction::Future => weekday_on_or_after(p, Weekday::Sat)?,
            },
        };
        Some(range(saturday, add_days(saturday, 1)?, Precision::Range))
    }

    // ----- days -----------------------------------------------------------------

    fn weekday_date(&self, w: Weekday, rel: Option<Rel>) -> Option<NaiveDate> {
        let p = self.p;
        match rel {
            None => match self.dir {
                Direction::Past => weekday_on_or_before(p, w),
                Direction::Future => weekday_on_or_after(p, w),
            },
            Some(Rel::Last) => weekday_on_or_before(add_days(p, -1)?, w),
            Some(Rel::Next) => weekday_on_or_after(add_days(p, 1)?, w),
            Some(Rel::This) => add_days(week_start(p)?, i64::from(w.num_days_from_monday())),
        }
    }

    fn weekday_at(&self, j: usize, w: Weekday, rel: Option<Rel>) -> Option<Hit> {
        if rel.is_none() {
            // "Wednesday, January 17": the explicit date is the better witness.
            let k = if self.punct(j + 1) == Some(',') { j + 2 } else { j + 1 };
            if let Some(hit) = self.explicit_date_at(k) {
                return Some(hit);
            }
        }
        let d = self.weekday_date(w, rel)?;
        Some((self.skip_time_of_day(j + 1), DateRange::day(d)))
    }

    fn explicit_date_at(&self, k: usize) -> Option<Hit> {
        match self.toks.get(k)?.kind {
            Kind::Num(_) => self.day_first_at(k),
            Kind::Word { kw: Kw::Month { .. }, .. } => match self.month_at(k, true)? {
                (end, MonthHit::Dated(r)) => Some((end, r)),
                (_, MonthHit::Month(..)) => None,
            },
            _ => None,
        }
    }

    fn day_word_at(&self, j: usize) -> Option<(usize, NaiveDate)> {
        let p = self.p;
        let (d, end) = match self.kw(j) {
            Kw::Today => (p, self.skip_time_of_day(j + 1)),
            Kw::Tonight => (p, j + 1),
            Kw::Yesterday => (add_days(p, -1)?, self.skip_time_of_day(j + 1)),
            Kw::Tomorrow => (add_days(p, 1)?, self.skip_time_of_day(j + 1)),
            _ => return None,
        };
        Some((end, d))
    }

    /// "the day before yesterday", "the day after tomorrow".
    fn day_beside_at(&self, i: usize) -> Option<Hit> {
        if self.kw(i + 1) != (Kw::Unit { unit: Unit::Day, plural: false }) {
            return None;
        }
        let d = match (self.kw(i + 2), self.kw(i + 3)) {
            (Kw::Before, Kw::Yesterday) => add_days(self.p, -2)?,
            (Kw::After, Kw::Tomorrow) => add_days(self.p, 2)?,
            _ => return None,
        };
        Some((i + 4, DateRange::day(d)))
    }

    // ----- months and dates -------------------------------------------------------

    /// A month name usable here: (month, is abbreviation, index after it and its
    /// dot). "March", "May" and "August" are verbs or adjectives in lower case,
    /// and abbreviations are too short to trust in lower case.
    fn month_token(&self, i: usize) -> Option<(u32, bool, usize)> {
        let Kw::Month { month, abbr } = self.kw(i) else {
            return None;
        };
        let cap = self.cap(i);
        if (abbr || matches!(month, 3 | 5 | 8)) && !cap {
            return None;
        }
        let next = if abbr && self.punct(i + 1) == Some('.') && !self.gap(i + 1) { i + 2 } else { i + 1 };
        Some((month, abbr, next))
    }

    /// A day-of-month number: 1–31, one or two digits, not a quantity or a clock time.
    fn day_num(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        if n.digits > 2 || n.val == 0 || n.val > 31 || self.is_quantity_next(i + 1) {
            return None;
        }
        if self.punct(i + 1) == Some(':') && self.num(i + 2).is_some() && !self.gap(i + 2) {
            return None;
        }
        Some(n.val)
    }

    /// An explicit year right after a date or month ("13, 2023", "2022").
    fn year_after(&self, j: usize, allow_comma: bool) -> Option<(i32, usize)> {
        let k = if allow_comma && self.punct(j) == Some(',') { j + 1 } else { j };
        let n = self.num(k)?;
        if !is_year_num(n) || self.is_quantity_next(k + 1) {
            return None;
        }
        Some((n.val as i32, k + 1))
    }

    /// "May" is a modal verb and a surname; as a bare month it needs a word that
    /// introduces a time before it.
    fn may_context(&self, i: usize) -> bool {
        match self.prev_kw(i) {
            Kw::Prep
            | Kw::Of
            | Kw::Before
            | Kw::After
            | Kw::Early
            | Kw::Late
            | Kw::Mid
            | Kw::Last
            | Kw::This
            | Kw::Next => true,
            Kw::Link => i >= 2 && matches!(self.kw(i - 2), Kw::Month { .. }),
            _ => i >= 2 && self.is_dash(i - 1) && self.kw(i - 2) == Kw::Mid,
        }
    }

    /// The year of a bare month: the latest one already begun (past) or the first
    /// one not yet over (future).
    fn bare_month_year(&self, m: u32) -> Option<i32> {
        let (py, pm) = (self.p.year(), self.p.month());
        match self.dir {
            Direction::Past if m <= pm => Some(py),
            Direction::Past => py.checked_sub(1),
            Direction::Future if m >= pm => Some(py),
            Direction::Future => py.checked_add(1),
        }
    }

    /// "January 13", "Jan. 13, 2023", "September 19–20", "Sept. 29–Oct. 2",
    /// "October 2022", "October", at a month name.
    fn month_at(&self, i: usize, ctx: bool) -> Option<(usize, MonthHit)> {
        let (m, abbr, j) = self.month_token(i)?;
        if let Some(d) = self.day_num(j) {
            let mut end = j + 1;
            let mut second = None;
            if self.is_dash(end) {
                if let Some(d2) = self.day_num(end + 1).filter(|&d2| d2 > d) {
                    second = Some((m, d2));
                    end += 2;
                } else if let Some((m2, _, k)) = self.month_token(end + 1) {
                    if let Some(d2) = self.day_num(k) {
                        second = Some((m2, d2));
                        end = k + 1;
                    }
                }
            }
            let year = self.year_after(end, true);
            if let Some(r) = self.dated(m, d, second, year.map(|(y, _)| y)) {
                return Some((year.map_or(end, |(_, e)| e), MonthHit::Dated(r)));
            }
            // An impossible day ("February 30") leaves the month.
        }
        let explicit =
            self.year_after(j, false).or_else(
                || {
                    if self.kw(j) == Kw::Of {
                        self.year_after(j + 1, false)
                    } else {
                        None
                    }
                },
            );
        if let Some((y, e)) = explicit {
            return Some((e, MonthHit::Month(y, m)));
        }
        if abbr || (m == 5 && !ctx && !self.may_context(i)) {
            return None;
        }
        Some((j, MonthHit::Month(self.bare_month_year(m)?, m)))
    }

    /// "13 January", "13th of January 2023", "19-20 September", at a number.
    fn day_first_at(&self, i: usize) -> Option<Hit> {
        let d = self.day_num(i)?;
        let mut end = i + 1;
        let mut d2 = None;
        if self.is_dash(end) {
            if let Some(x) = self.day_num(end + 1).filter(|&x| x > d) {
                d2 = Some(x);
                end += 2;
            }
        }
        if self.kw(end) == Kw::Of {
            end += 1;
        }
        let (m, _, k) = self.month_token(end)?;
        let year = self.year_after(k, true);
        let r = self.dated(m, d, d2.map(|x| (m, x)), year.map(|(y, _)| y))?;
        Some((year.map_or(k, |(_, e)| e), r))
    }

    /// A day or day range; without a year, resolved by its first day.
    fn dated(&self, m: u32, d: u32, second: Option<(u32, u32)>, year: Option<i32>) -> Option<DateRange> {
        let (from, to) = match year {
            Some(y) => {
                let crosses_new_year = second.is_some_and(|(m2, d2)| (m2, d2) < (m, d));
                let from = ymd(if crosses_new_year { y.checked_sub(1)? } else { y }, m, d)?;
                let to = match second {
                    Some((m2, d2)) => ymd(y, m2, d2)?,
                    None => from,
                };
                (from, to)
            }
            None => {
                let from = self.resolve_month_day(m, d)?;
                let to = match second {
                    None => from,
                    Some((m2, d2)) => {
                        let to = ymd(from.year(), m2, d2)?;
                        if to < from {
                            ymd(from.year().checked_add(1)?, m2, d2)?
                        } else {
                            to
                        }
                    }
                };
                (from, to)
            }
        };
        let precision = if second.is_some() { Precision::Range } else { Precision::Day };
        Some(range(from, to, precision))
    }

    /// The latest such date on or before publication (past) or the first on or after.
    /// Eight years always include a leap year, for "February 29".
    fn resolve_month_day(&self, m: u32, d: u32) -> Option<NaiveDate> {
        let (p, y) = (self.p, self.p.year());
        (0..=8).find_map(|k| {
            let date = match self.dir {
                Direction::Past => ymd(y.checked_sub(k)?, m, d)?,
                Direction::Future => ymd(y.checked_add(k)?, m, d)?,
            };
            let fits = match self.dir {
                Direction::Past => date <= p,
                Direction::Future => date >= p,
            };
            fits.then_some(date)
        })
    }

    /// "2024-01-13".
    fn iso_at(&self, i: usize) -> Option<Hit> {
        let y = self.num(i).filter(|n| n.digits == 4 && !n.ordinal)?;
        let tight = |k: usize| !self.gap(k);
        if self.punct(i + 1) != Some('-') || self.punct(i + 3) != Some('-') {
            return None;
        }
        if !(tight(i + 1) && tight(i + 2) && tight(i + 3) && tight(i + 4)) {
            return None;
        }
        let m = self.num(i + 2).filter(|n| n.digits == 2 && !n.ordinal)?;
        let d = self.num(i + 4).filter(|n| n.digits == 2 && !n.ordinal)?;
        let date = ymd(y.val as i32, m.val, d.val)?;
        Some((i + 5, DateRange::day(date)))
    }

    // ----- years ----------------------------------------------------------------

    /// A four-digit year 1900–2100 standing where a year is expected: after "in",
    /// "since", "of"…, before a word like "war" or "election", or in "the 2020
    /// Armenian-Azerbaijani war". Anything that reads as a quantity is left alone.
    fn year_at(&self, i: usize) -> Option<Hit> {
        let n = self.num(i)?;
        if n.digits != 4 || n.ordinal || !(1900..=2100).contains(&n.val) {
            return None;
        }
        if i > 0
            && !self.gap(i)
            && matches!(self.punct(i - 1), Some('$' | '€' | '£' | '¥' | '₽' | '#' | '№' | '+' | '/' | '.'))
        {
            return None;
        }
        let y = n.val as i32;
        let (last_year, end) = self.year_span_end(i, y);
        if self.is_quantity_next(end) || self.punct(end) == Some('/') {
            return None;
        }
        let prev = self.prev_kw(i);
        let after_year =
            i >= 2 && (prev == Kw::Link || self.is_dash(i - 1)) && self.num(i - 2).is_some_and(is_year_num);
        let licensed = matches!(
            prev,
            Kw::Prep | Kw::For | Kw::Of | Kw::Before | Kw::After | Kw::Unit { unit: Unit::Year, plural: false }
        ) || after_year
            || self.event_noun_follows(end)
            || (prev == Kw::The && self.cap(end) && self.kw(end) != Kw::UnitNoun);
        if !licensed {
            return None;
        }
        let (from, _) = year_range(y)?;
        let (_, to) = year_range(last_year)?;
        let precision = if last_year == y { Precision::Year } else { Precision::Range };
        Some((end, range(from, to, precision)))
    }

    /// "2020-2022", "2020–22": the last year and the index after the span.
    fn year_span_end(&self, i: usize, y: i32) -> (i32, usize) {
        if self.is_dash(i + 1) {
            if let Some(n) = self.num(i + 2).filter(|n| !n.ordinal) {
                let y2 = match n.digits {
                    4 => n.val as i32,
                    2 => y - y % 100 + n.val as i32,
                    _ => 0,
                };
                if y2 > y && y2 <= 2100 {
                    return (y2, i + 3);
                }
            }
        }
        (y, i + 1)
    }

    /// One of the next three words (hyphens allowed between) is a word like "war".
    fn event_noun_follows(&self, k: usize) -> bool {
        for t in self.toks.iter().skip(k).take(4) {
            match t.kind {
                Kind::Word { kw: Kw::EventNoun, .. } => return true,
                Kind::Word { .. } | Kind::Punct('-') => {}
                _ => return false,
            }
        }
        false
    }

    // ----- ago / past / coming --------------------------------------------------

    fn count_at(&self, i: usize) -> Option<(Count, usize)> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) if !n.ordinal && n.digits <= 4 && n.val >= 1 => Some((Count::Exact(n.val), i + 1)),
            Kind::Word { kw: Kw::Number(k), .. } => Some((Count::Exact(k), i + 1)),
            Kind::Word { kw: Kw::Article, .. } if self.kw(i + 1) == Kw::Few => Some((Count::Few, i + 2)),
            Kind::Word { kw: Kw::Article, .. } => Some((Count::Exact(1), i + 1)),
            Kind::Word { kw: Kw::Few, .. } => Some((Count::Few, i + 1)),
            _ => None,
        }
    }

    /// "two days ago", "3 weeks ago", "a year ago", "a few months ago".
    fn ago_at(&self, i: usize) -> Option<Hit> {
        let (count, j) = self.count_at(i)?;
        let Kw::Unit { unit, .. } = self.kw(j) else {
            return None;
        };
        if self.kw(j + 1) != Kw::Ago {
            return None;
        }
        Some((j + 2, self.ago(count, unit)?))
    }

    /// Days ago is a day; weeks, months and years ago are the calendar week, month
    /// or year that contains the day that far back; "a few" spans two to six units.
    fn ago(&self, count: Count, unit: Unit) -> Option<DateRange> {
        let p = self.p;
        let (py, pm) = (p.year(), p.month());
        let r = match (count, unit) {
            (Count::Exact(n), Unit::Hour) => DateRange::day(add_days(p, -i64::from(n / 24))?),
            (_, Unit::Minute | Unit::Hour) => DateRange::day(p),
            (Count::Exact(n), Unit::Day) => DateRange::day(add_days(p, -i64::from(n))?),
            (Count::Exact(n), Unit::Week) => {
                let monday = week_start(add_days(p, -7 * i64::from(n))?)?;
                range(monday, add_days(monday, 6)?, Precision::Week)
            }
            (Count::Exact(n), Unit::Month) => {
                let (y, m) = shift_month(py, pm, -i64::from(n))?;
                let (from, to) = month_range(y, m)?;
                range(from, to, Precision::Month)
            }
            (Count::Exact(n), Unit::Year) => {
                let (from, to) = year_range(py.checked_sub(i32::try_from(n).ok()?)?)?;
                range(from, to, Precision::Year)
            }
            (Count::Few, Unit::Day) => range(add_days(p, -6)?, add_days(p, -2)?, Precision::Range),
            (Count::Few, Unit::Week) => range(add_days(p, -42)?, add_days(p, -14)?, Precision::Range),
            (Count::Few, Unit::Month) => {
                let (fy, fm) = shift_month(py, pm, -6)?;
                let (ty, tm) = shift_month(py, pm, -2)?;
                range(month_range(fy, fm)?.0, month_range(ty, tm)?.1, Precision::Range)
            }
            (Count::Few, Unit::Year) => range(year_range(py - 6)?.0, year_range(py - 2)?.1, Precision::Range),
        };
        Some(r)
    }

    /// "the past week", "over the last two months", "in the coming days",
    /// "in recent weeks": a span ending (or starting) at publication.
    fn rolling_at(&self, i: usize) -> Option<Hit> {
        let kw0 = self.kw(i);
        if kw0 == Kw::Recent {
            let Kw::Unit { unit, plural: true } = self.kw(i + 1) else {
                return None;
            };
            return self.rolling(Count::Few, unit, false).map(|r| (i + 2, r));
        }
        if !matches!(kw0, Kw::Past | Kw::Coming | Kw::Last | Kw::Next) {
            return None;
        }
        let forward = matches!(kw0, Kw::Coming | Kw::Next);
        let counted = match self.count_at(i + 1) {
            Some(c) if self.kw(i + 1) != Kw::Article => Some(c),
            _ => None,
        };
        let (mut count, j) = counted.unwrap_or((Count::Exact(1), i + 1));
        let Kw::Unit { unit, plural } = self.kw(j) else {
            return None;
        };
        if counted.is_none() {
            if plural {
                count = Count::Few;
            } else if matches!(kw0, Kw::Last | Kw::Next) && self.prev_kw(i) != Kw::The {
                // "last week" is the calendar week: see `relative_noun`.
                return None;
            }
        }
        if self.kw(j + 1) == Kw::Of {
            // "the last week of December" names a week of a month, not a span.
            return None;
        }
        self.rolling(count, unit, forward).map(|r| (j + 1, r))
    }

    fn rolling(&self, count: Count, unit: Unit, forward: bool) -> Option<DateRange> {
        let p = self.p;
        let n = i64::from(match count {
            Count::Exact(n) => n,
            Count::Few => match unit {
                Unit::Day => 7,
                Unit::Week => 4,
                Unit::Minute | Unit::Hour => 1,
                Unit::Month | Unit::Year => 3,
            },
        });
        let sign = if forward { 1 } else { -1 };
        let other = match unit {
            Unit::Minute => p,
            Unit::Hour => add_days(p, sign * ((n + 23) / 24))?,
            Unit::Day => add_days(p, sign * n)?,
            Unit::Week => add_days(p, sign * 7 * n)?,
            Unit::Month => add_months(p, sign * n)?,
            Unit::Year => add_months(p, sign * 12 * n)?,
        };
        let (from, to) = if forward { (p, other) } else { (other, p) };
        Some(range(from, to, Precision::Range))
    }

    // ----- seasons --------------------------------------------------------------

    /// "summer", "the autumn of 2022", "winter 2023", "last spring". A bare season
    /// needs a preposition before it (`ctx` says a modifier already provided one),
    /// and "fall" needs "in the" or a year, since it is usually a verb or noun.
    fn season_at(&self, j: usize, rel: Option<Rel>, ctx: bool) -> Option<(usize, Period)> {
        let (season, is_fall) = match self.kw(j) {
            Kw::Season(s) => (s, false),
            Kw::Fall => (Season::Autumn, true),
            _ => return None,
        };
        let explicit = self.year_after(j + 1, false).or_else(|| {
            if self.kw(j + 1) == Kw::Of {
                self.year_after(j + 2, false)
            } else {
                None
            }
        });
        if let Some((y, end)) = explicit {
            let (from, to) = season.of_year(y)?;
            return Some((end, Period { from, to, span: Span::Season }));
        }
        if self.kw(j + 1) == Kw::Of && (is_fall || (rel.is_none() && !ctx)) {
            // "the fall of Kabul", "the spring of discontent"
            return None;
        }
        let p = self.p;
        let (from, to) = match rel {
            Some(Rel::Last) => season.find(p, true, |_, to| to < p)?,
            Some(Rel::Next) => season.find(p, false, |from, _| from > p)?,
            Some(Rel::This) => season.find(p, false, |from, to| from <= p && p <= to).or_else(|| {
                if season == Season::Winter {
                    season.find(p, false, |from, _| from > p)
                } else {
                    season.of_year(p.year())
                }
            })?,
            None => {
                if !ctx && !self.season_context(j, is_fall) {
                    return None;
                }
                match self.dir {
                    Direction::Past => season.find(p, true, |from, _| from <= p)?,
                    Direction::Future => season.find(p, false, |_, to| to >= p)?,
                }
            }
        };
        Some((j + 1, Period { from, to, span: Span::Season }))
    }

    fn season_context(&self, j: usize, is_fall: bool) -> bool {
        let prev = self.prev_kw(j);
        let before_the = if prev == Kw::The && j >= 2 { self.kw(j - 2) } else { Kw::None };
        let introduces = |k: Kw| matches!(k, Kw::Prep | Kw::SoftPrep | Kw::On | Kw::Before | Kw::After | Kw::For);
        if is_fall {
            return prev == Kw::The && introduces(before_the);
        }
        introduces(prev) || (prev == Kw::The && (introduces(before_the) || before_the == Kw::Of))
    }
}
