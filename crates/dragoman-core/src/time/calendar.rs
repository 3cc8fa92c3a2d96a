//! Calendar arithmetic for the resolver.
//!
//! Every step is checked (`Option`), so a publication date at the edge of what
//! `chrono` can represent makes an expression unresolvable instead of panicking.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Moves by whole months, clamping the day to the target month's length.
pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

/// The (year, month) `delta` months away from (`y`, `m`).
pub(super) fn shift_month(y: i32, m: u32, delta: i64) -> Option<(i32, u32)> {
    let index = i64::from(y) * 12 + i64::from(m) - 1 + delta;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Some((year, index.rem_euclid(12) as u32 + 1))
}

pub(super) fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let from = ymd(y, m, 1)?;
    let (ny, nm) = shift_month(y, m, 1)?;
    let to = ymd(ny, nm, 1)?.pred_opt()?;
    Some((from, to))
}

pub(super) fn year_range(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// The Monday of the (ISO, Monday–Sunday) week containing `d`.
pub(super) fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

pub(super) fn weekday_on_or_before(d: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
    add_days(d, -i64::from(back))
}

pub(super) fn weekday_on_or_after(d: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + w.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    add_days(d, i64::from(ahead))
}

/// Meteorological seasons of the northern hemisphere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// The season named by `year`. Winter `year` runs from December of the year
    /// before to February of `year`: most of its days fall in `year`, and "the winter
    /// of 2022" in news usually means the weeks around January 2022.
    pub(super) fn of_year(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let (y, m) = match self {
            Season::Spring => (year, 3),
            Season::Summer => (year, 6),
            Season::Autumn => (year, 9),
            Season::Winter => (year.checked_sub(1)?, 12),
        };
        let from = ymd(y, m, 1)?;
        let (ey, em) = shift_month(y, m, 2)?;
        let (_, to) = month_range(ey, em)?;
        Some((from, to))
    }

    /// The first instance near `p`, scanning newest-first or oldest-first, that
    /// satisfies `pick(from, to)`.
    pub(super) fn find(
        self,
        p: NaiveDate,
        newest_first: bool,
        pick: impl Fn(NaiveDate, NaiveDate) -> bool,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let y = p.year();
        let mut years = [y - 2, y - 1, y, y + 1, y + 2];
        if newest_first {
            years.reverse();
        }
        years.into_iter().filter_map(|k| self.of_year(k)).find(|&(from, to)| pick(from, to))
    }
}
