use super::*;
use chrono::{Datelike, NaiveDate};

use Direction::{Future, Past};
use Precision::{Day, Month, Range, Season, Week, Year};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Thursday, 18 January 2024.
fn p() -> NaiveDate {
    d(2024, 1, 18)
}

fn mentions(text: &str, published: NaiveDate, dir: Direction) -> Vec<(&str, DateRange)> {
    find_time_expressions(text, published, dir).into_iter().map(|m| (&text[m.start..m.end], m.range)).collect()
}

/// Asserts `text` holds exactly one mention, reading `expr`, resolving to from..=to.
#[track_caller]
fn expect(
    text: &str,
    published: NaiveDate,
    dir: Direction,
    expr: &str,
    from: NaiveDate,
    to: NaiveDate,
    precision: Precision,
) {
    let found = mentions(text, published, dir);
    assert_eq!(found, vec![(expr, DateRange { from, to, precision })], "in {text:?} published {published}");
}

#[track_caller]
fn expect_day(text: &str, published: NaiveDate, dir: Direction, expr: &str, day: NaiveDate) {
    expect(text, published, dir, expr, day, day, Day);
}

#[track_caller]
fn expect_none(text: &str) {
    for published in [p(), d(2024, 1, 3), d(2023, 7, 1)] {
        for dir in [Past, Future] {
            let found = mentions(text, published, dir);
            assert!(found.is_empty(), "{text:?} should have no time expression, got {found:?}");
        }
    }
}

// ----- days ------------------------------------------------------------------

#[test]
fn today_yesterday_tomorrow() {
    expect_day("The talks resumed today.", p(), Past, "today", p());
    expect_day("He said yesterday that", p(), Past, "yesterday", d(2024, 1, 17));
    expect_day("They will meet tomorrow.", p(), Past, "tomorrow", d(2024, 1, 19));
    expect_day("A vote is expected tonight.", p(), Past, "tonight", p());
    expect_day("Shelling resumed this morning.", p(), Past, "this morning", p());
    expect_day("Shelling resumed yesterday evening.", p(), Past, "yesterday evening", d(2024, 1, 17));
    expect_day("Drones struck last night.", p(), Past, "last night", d(2024, 1, 17));
    expect_day("Today's meeting", p(), Past, "Today", p());
    expect_day("on the day before yesterday", p(), Past, "the day before yesterday", d(2024, 1, 16));
    expect_day("the day after tomorrow", p(), Past, "the day after tomorrow", d(2024, 1, 20));
}

#[test]
fn bare_weekdays_point_back_by_default() {
    expect_day("The minister met him on Wednesday.", p(), Past, "Wednesday", d(2024, 1, 17));
    expect_day("Wednesday", p(), Past, "Wednesday", d(2024, 1, 17));
    expect_day("on Monday", p(), Past, "Monday", d(2024, 1, 15));
    expect_day("on Friday", p(), Past, "Friday", d(2024, 1, 12));
    // The publication weekday itself is that day.
    expect_day("on Thursday", p(), Past, "Thursday", p());
    expect_day("on thursday", p(), Past, "thursday", p());
    expect_day("late on Friday night", p(), Past, "late on Friday night", d(2024, 1, 12));
    expect_day("Early on Monday, troops", p(), Past, "Early on Monday", d(2024, 1, 15));
    expect_none("late on arrival");
}

#[test]
fn bare_weekdays_point_forward_when_asked() {
    expect_day("will meet on Friday", p(), Future, "Friday", d(2024, 1, 19));
    expect_day("will meet on Thursday", p(), Future, "Thursday", p());
    expect_day("will meet on Monday", p(), Future, "Monday", d(2024, 1, 22));
}

#[test]
fn last_this_next_weekday() {
    expect_day("last Wednesday", p(), Past, "last Wednesday", d(2024, 1, 17));
    expect_day("last Thursday", p(), Past, "last Thursday", d(2024, 1, 11));
    expect_day("last Monday", p(), Future, "last Monday", d(2024, 1, 15));
    expect_day("next Monday", p(), Past, "next Monday", d(2024, 1, 22));
    expect_day("next Thursday", p(), Past, "next Thursday", d(2024, 1, 25));
    expect_day("next Friday", p(), Past, "next Friday", d(2024, 1, 19));
    expect_day("this Tuesday", p(), Past, "this Tuesday", d(2024, 1, 16));
    expect_day("this Saturday", p(), Past, "this Saturday", d(2024, 1, 20));
}

#[test]
fn weekday_with_explicit_date_takes_the_date() {
    expect_day("on Wednesday, January 10, 2024", p(), Past, "Wednesday, January 10, 2024", d(2024, 1, 10));
    expect_day("Monday 15 January", p(), Past, "Monday 15 January", d(2024, 1, 15));
    // A weekday followed by a bare month is just the weekday.
    let found = mentions("on Friday, May said", p(), Past);
    assert_eq!(found, vec![("Friday", DateRange::day(d(2024, 1, 12)))]);
}

// ----- month-day dates ---------------------------------------------------------

#[test]
fn month_day_forms() {
    for (text, expr) in [
        ("on January 13", "January 13"),
        ("on Jan. 13", "Jan. 13"),
        ("on Jan 13", "Jan 13"),
        ("on 13 January", "13 January"),
        ("on January 13th", "January 13th"),
        ("on the 13th of January", "13th of January"),
        ("on JANUARY 13", "JANUARY 13"),
    ] {
        expect_day(text, p(), Past, expr, d(2024, 1, 13));
    }
    expect_day("Sept. 19", p(), Past, "Sept. 19", d(2023, 9, 19));
    expect_day("Sep 19", p(), Past, "Sep 19", d(2023, 9, 19));
    expect_day("on November 20", p(), Past, "November 20", d(2023, 11, 20));
    expect_day("on January 18", p(), Past, "January 18", p());
    expect_day("on January 19", p(), Past, "January 19", d(2023, 1, 19));
    expect_day("on March 3", p(), Past, "March 3", d(2023, 3, 3));
    expect_day("on May 5", p(), Past, "May 5", d(2023, 5, 5));
    expect_day("2024-01-13", p(), Past, "2024-01-13", d(2024, 1, 13));
}

#[test]
fn month_day_future() {
    expect_day("will vote on November 20", p(), Future, "November 20", d(2024, 11, 20));
    expect_day("will vote on January 13", p(), Future, "January 13", d(2025, 1, 13));
    expect_day("will vote on January 18", p(), Future, "January 18", p());
    expect_day("on February 29", p(), Future, "February 29", d(2024, 2, 29));
    expect_day("on February 29", p(), Past, "February 29", d(2020, 2, 29));
}

#[test]
fn month_day_with_explicit_year() {
    expect_day("on January 13, 2023", p(), Past, "January 13, 2023", d(2023, 1, 13));
    expect_day("on 13 January 2023", p(), Past, "13 January 2023", d(2023, 1, 13));
    expect_day("on Jan. 13, 2025,", p(), Past, "Jan. 13, 2025", d(2025, 1, 13));
    expect_day("on September 11, 2001", p(), Past, "September 11, 2001", d(2001, 9, 11));
    expect_day("the September 11 attacks", p(), Past, "September 11", d(2023, 9, 11));
}

#[test]
fn impossible_day_falls_back_to_the_month() {
    expect("on February 30", p(), Past, "February", d(2023, 2, 1), d(2023, 2, 28), Month);
}

// ----- day ranges --------------------------------------------------------------

#[test]
fn day_ranges() {
    let (from, to) = (d(2023, 9, 19), d(2023, 9, 20));
    expect("on September 19-20", p(), Past, "September 19-20", from, to, Range);
    expect("on September 19–20", p(), Past, "September 19–20", from, to, Range);
    expect("on Sept. 19-20, 2023", p(), Past, "Sept. 19-20, 2023", from, to, Range);
    expect("on 19-20 September", p(), Past, "19-20 September", from, to, Range);
    expect("On September 19-20, 2023, Azerbaijan", p(), Past, "September 19-20, 2023", from, to, Range);
    expect("from Sept. 29–Oct. 2", p(), Past, "Sept. 29–Oct. 2", d(2023, 9, 29), d(2023, 10, 2), Range);
    expect(
        "December 30–January 2, 2024",
        p(),
        Past,
        "December 30–January 2, 2024",
        d(2023, 12, 30),
        d(2024, 1, 2),
        Range,
    );
    expect(
        "December 30–January 2",
        d(2024, 1, 3),
        Past,
        "December 30–January 2",
        d(2023, 12, 30),
        d(2024, 1, 2),
        Range,
    );
    // A backwards "range" is a date followed by something else.
    let found = mentions("on September 20-19", p(), Past);
    assert_eq!(found, vec![("September 20", DateRange::day(d(2023, 9, 20)))]);
}

// ----- months ------------------------------------------------------------------

#[test]
fn bare_months() {
    expect("in October", p(), Past, "October", d(2023, 10, 1), d(2023, 10, 31), Month);
    expect("October", p(), Past, "October", d(2023, 10, 1), d(2023, 10, 31), Month);
    expect("in January", p(), Past, "January", d(2024, 1, 1), d(2024, 1, 31), Month);
    expect("in February", p(), Past, "February", d(2023, 2, 1), d(2023, 2, 28), Month);
    expect("in February", p(), Future, "February", d(2024, 2, 1), d(2024, 2, 29), Month);
    expect("in October", p(), Future, "October", d(2024, 10, 1), d(2024, 10, 31), Month);
    expect("in March", p(), Past, "March", d(2023, 3, 1), d(2023, 3, 31), Month);
    expect("in May", p(), Past, "May", d(2023, 5, 1), d(2023, 5, 31), Month);
    expect("since May", p(), Past, "May", d(2023, 5, 1), d(2023, 5, 31), Month);
    let found = mentions("between April and May", p(), Past);
    let exprs: Vec<(&str, NaiveDate)> = found.iter().map(|(t, r)| (*t, r.from)).collect();
    assert_eq!(exprs, vec![("April", d(2023, 4, 1)), ("May", d(2023, 5, 1))]);
}

#[test]
fn months_with_years_and_relatives() {
    expect("in October 2022", p(), Past, "October 2022", d(2022, 10, 1), d(2022, 10, 31), Month);
    expect("October 2022", p(), Future, "October 2022", d(2022, 10, 1), d(2022, 10, 31), Month);
    expect("Oct. 2022", p(), Past, "Oct. 2022", d(2022, 10, 1), d(2022, 10, 31), Month);
    expect("in May 2019", p(), Past, "May 2019", d(2019, 5, 1), d(2019, 5, 31), Month);
    expect("last October", p(), Past, "last October", d(2023, 10, 1), d(2023, 10, 31), Month);
    expect("last January", p(), Past, "last January", d(2023, 1, 1), d(2023, 1, 31), Month);
    expect("next March", p(), Past, "next March", d(2024, 3, 1), d(2024, 3, 31), Month);
    expect("next January", p(), Past, "next January", d(2025, 1, 1), d(2025, 1, 31), Month);
    expect("this June", p(), Past, "this June", d(2024, 6, 1), d(2024, 6, 30), Month);
}

#[test]
fn may_and_march_need_capitals_and_context() {
    expect_none("The move may spell more trouble.");
    expect_none("Protesters march on parliament.");
    expect_none("They march 3 times a week.");
    expect_none("Prime Minister Theresa May said.");
    expect_none("May God protect them.");
    expect_none("Voters backed May.");
    expect_none("an august body");
    expect_none("Jan said so.");
    let found = mentions("Theresa May said in 2019", p(), Past);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "2019");
}

// ----- parts of months -----------------------------------------------------------

#[test]
fn parts_of_months() {
    expect("in early December", p(), Past, "early December", d(2023, 12, 1), d(2023, 12, 10), Range);
    expect("in mid-December", p(), Past, "mid-December", d(2023, 12, 11), d(2023, 12, 20), Range);
    expect("in mid December", p(), Past, "mid December", d(2023, 12, 11), d(2023, 12, 20), Range);
    expect("in mid–December", p(), Past, "mid–December", d(2023, 12, 11), d(2023, 12, 20), Range);
    expect("in the middle of December", p(), Past, "the middle of December", d(2023, 12, 11), d(2023, 12, 20), Range);
    expect("in late December", p(), Past, "late December", d(2023, 12, 21), d(2023, 12, 31), Range);
    expect("at the end of December", p(), Past, "the end of December", d(2023, 12, 21), d(2023, 12, 31), Range);
    expect("end of December", p(), Past, "end of December", d(2023, 12, 21), d(2023, 12, 31), Range);
    expect("in late February", p(), Future, "late February", d(2024, 2, 21), d(2024, 2, 29), Range);
    expect("in late May", p(), Past, "late May", d(2023, 5, 21), d(2023, 5, 31), Range);
    expect("in mid-May", p(), Past, "mid-May", d(2023, 5, 11), d(2023, 5, 20), Range);
    expect("in early December 2022", p(), Past, "early December 2022", d(2022, 12, 1), d(2022, 12, 10), Range);
    expect("early this month", p(), Past, "early this month", d(2024, 1, 1), d(2024, 1, 10), Range);
    expect("late last month", p(), Past, "late last month", d(2023, 12, 21), d(2023, 12, 31), Range);
    expect("early next month", p(), Past, "early next month", d(2024, 2, 1), d(2024, 2, 10), Range);
    expect("earlier this month", p(), Past, "earlier this month", d(2024, 1, 1), d(2024, 1, 17), Range);
    expect("later this month", p(), Past, "later this month", d(2024, 1, 19), d(2024, 1, 31), Range);
    expect("by the end of the month", p(), Past, "the end of the month", d(2024, 1, 21), d(2024, 1, 31), Range);
}

// ----- years -----------------------------------------------------------------

#[test]
fn years() {
    let y2020 = (d(2020, 1, 1), d(2020, 12, 31));
    for (text, expr) in [
        ("in 2020", "2020"),
        ("In 2020, the war", "2020"),
        ("since 2020", "2020"),
        ("until 2020", "2020"),
        ("by 2020", "2020"),
        ("during 2020", "2020"),
        ("the elections of 2020", "2020"),
        ("before 2020", "2020"),
        ("after 2020", "2020"),
        ("the 2020 Armenian-Azerbaijani war", "2020"),
        ("the 2020 war", "2020"),
        ("2020 elections", "2020"),
        ("the 2020 parliamentary elections", "2020"),
        ("the year 2020", "2020"),
    ] {
        expect(text, p(), Past, expr, y2020.0, y2020.1, Year);
    }
    let found = mentions("from 2018 to 2020", p(), Past);
    let found: Vec<_> = found.into_iter().map(|(t, r)| (t, r.from.year())).collect();
    assert_eq!(found, vec![("2018", 2018), ("2020", 2020)]);
    expect("the 2020-2022 crisis", p(), Past, "2020-2022", d(2020, 1, 1), d(2022, 12, 31), Range);
    expect("in 2020–22", p(), Past, "2020–22", d(2020, 1, 1), d(2022, 12, 31), Range);
}

#[test]
fn numbers_that_are_not_years() {
    expect_none("2,000 or so peacekeepers");
    expect_none("Russia sent 2,000 peacekeepers in all.");
    expect_none("It cost $2020.");
    expect_none("1,500 troops");
    expect_none("in 1,500 cases");
    expect_none("the 10 countries");
    expect_none("Second World War");
    expect_none("15 people were killed");
    expect_none("a rise of 12% in prices");
    expect_none("a force of 2000 troops");
    expect_none("in 2020 km of roads");
    expect_none("2020 was a hard year for them");
    expect_none("some 2020 soldiers");
    expect_none("A320 and F-16 aircraft");
    expect_none("the 1990s");
    expect_none("0.2020 per cent");
    expect_none("Resolution 2020");
    expect_none("at 10:30 on the plane");
    expect_none("12345678901234567890");
}

// ----- relative periods -----------------------------------------------------------

#[test]
fn calendar_weeks_months_years() {
    // P is Thursday 2024-01-18; its week runs Monday 15 to Sunday 21.
    expect("last week", p(), Past, "last week", d(2024, 1, 8), d(2024, 1, 14), Week);
    expect("this week", p(), Past, "this week", d(2024, 1, 15), p(), Week);
    expect("this week", p(), Future, "this week", p(), d(2024, 1, 21), Week);
    expect("next week", p(), Past, "next week", d(2024, 1, 22), d(2024, 1, 28), Week);
    expect("last month", p(), Past, "last month", d(2023, 12, 1), d(2023, 12, 31), Month);
    expect("this month", p(), Past, "this month", d(2024, 1, 1), p(), Month);
    expect("next month", p(), Past, "next month", d(2024, 2, 1), d(2024, 2, 29), Month);
    expect("last year", p(), Past, "last year", d(2023, 1, 1), d(2023, 12, 31), Year);
    expect("this year", p(), Past, "this year", d(2024, 1, 1), p(), Year);
    expect("this year", p(), Future, "this year", p(), d(2024, 12, 31), Year);
    expect("next year", p(), Past, "next year", d(2025, 1, 1), d(2025, 12, 31), Year);
    expect("last year's vote", p(), Past, "last year", d(2023, 1, 1), d(2023, 12, 31), Year);
}

#[test]
fn weekends() {
    expect("last weekend", p(), Past, "last weekend", d(2024, 1, 13), d(2024, 1, 14), Range);
    expect("this weekend", p(), Past, "this weekend", d(2024, 1, 20), d(2024, 1, 21), Range);
    expect("over the weekend", p(), Past, "weekend", d(2024, 1, 13), d(2024, 1, 14), Range);
    expect("over the weekend", p(), Future, "weekend", d(2024, 1, 20), d(2024, 1, 21), Range);
    // Published on a Sunday, "the weekend" is the one just ending, either way.
    let sunday = d(2024, 1, 21);
    expect("over the weekend", sunday, Future, "weekend", d(2024, 1, 20), sunday, Range);
    expect("over the weekend", sunday, Past, "weekend", d(2024, 1, 20), sunday, Range);
}

#[test]
fn parts_of_relative_periods() {
    let ly = 2023;
    expect("late last year", p(), Past, "late last year", d(ly, 9, 1), d(ly, 12, 31), Range);
    expect("early last year", p(), Past, "early last year", d(ly, 1, 1), d(ly, 4, 30), Range);
    expect("mid-last year", p(), Past, "mid-last year", d(ly, 5, 1), d(ly, 8, 31), Range);
    expect("in the middle of last year", p(), Past, "the middle of last year", d(ly, 5, 1), d(ly, 8, 31), Range);
    expect("at the end of last year", p(), Past, "the end of last year", d(ly, 9, 1), d(ly, 12, 31), Range);
    expect("earlier this year", p(), Past, "earlier this year", d(2024, 1, 1), d(2024, 1, 17), Range);
    expect("Later this year,", p(), Past, "Later this year", d(2024, 1, 19), d(2024, 12, 31), Range);
    expect("late this year", p(), Past, "late this year", d(2024, 9, 1), d(2024, 12, 31), Range);
    expect("early next year", p(), Past, "early next year", d(2025, 1, 1), d(2025, 4, 30), Range);
    expect("earlier this week", p(), Past, "earlier this week", d(2024, 1, 15), d(2024, 1, 17), Range);
    expect("later this week", p(), Past, "later this week", d(2024, 1, 19), d(2024, 1, 21), Range);
    expect("late last week", p(), Past, "late last week", d(2024, 1, 11), d(2024, 1, 14), Range);
    expect("early next week", p(), Past, "early next week", d(2024, 1, 22), d(2024, 1, 24), Range);
    expect("earlier today", p(), Past, "earlier today", p(), p(), Day);
    expect("early Wednesday", p(), Past, "early Wednesday", d(2024, 1, 17), d(2024, 1, 17), Day);
    expect("in early 2020", p(), Past, "early 2020", d(2020, 1, 1), d(2020, 4, 30), Range);
    expect("in mid-2023", p(), Past, "mid-2023", d(2023, 5, 1), d(2023, 8, 31), Range);
    expect("by the end of 2024", p(), Past, "the end of 2024", d(2024, 9, 1), d(2024, 12, 31), Range);
    // "earlier" on the first day of the period cannot go before it.
    expect("earlier this year", d(2024, 1, 1), Past, "earlier this year", d(2024, 1, 1), d(2024, 1, 1), Range);
}

#[test]
fn modifiers_alone_are_not_times() {
    expect_none("the late president");
    expect_none("Later, he said");
    expect_none("early elections");
    expect_none("an end to the war");
    expect_none("the middle of the road");
    expect_none("the start of talks");
    expect_none("the last one");
    expect_none("next to the border");
}

// ----- ago, spans, seasons --------------------------------------------------------

#[test]
fn ago() {
    expect_day("two days ago", p(), Past, "two days ago", d(2024, 1, 16));
    expect_day("2 days ago", p(), Past, "2 days ago", d(2024, 1, 16));
    expect_day("a day ago", p(), Past, "a day ago", d(2024, 1, 17));
    expect_day("three hours ago", p(), Past, "three hours ago", p());
    expect("3 weeks ago", p(), Past, "3 weeks ago", d(2023, 12, 25), d(2023, 12, 31), Week);
    expect("a month ago", p(), Past, "a month ago", d(2023, 12, 1), d(2023, 12, 31), Month);
    expect("two months ago", p(), Past, "two months ago", d(2023, 11, 1), d(2023, 11, 30), Month);
    expect("a year ago", p(), Past, "a year ago", d(2023, 1, 1), d(2023, 12, 31), Year);
    expect("an hour ago", p(), Past, "an hour ago", p(), p(), Day);
    expect("twelve years ago", p(), Past, "twelve years ago", d(2012, 1, 1), d(2012, 12, 31), Year);
    expect("a few days ago", p(), Past, "a few days ago", d(2024, 1, 12), d(2024, 1, 16), Range);
    expect_none("twice a day");
    expect_none("two days of talks");
}

#[test]
fn spans_ending_at_publication() {
    expect("in the past week", p(), Past, "past week", d(2024, 1, 11), p(), Range);
    expect("over the past two weeks", p(), Past, "past two weeks", d(2024, 1, 4), p(), Range);
    expect("over the last two weeks", p(), Past, "last two weeks", d(2024, 1, 4), p(), Range);
    expect("in the last week", p(), Past, "last week", d(2024, 1, 11), p(), Range);
    expect("in recent days", p(), Past, "recent days", d(2024, 1, 11), p(), Range);
    expect("in recent weeks", p(), Past, "recent weeks", d(2023, 12, 21), p(), Range);
    expect("in the past few days", p(), Past, "past few days", d(2024, 1, 11), p(), Range);
    expect("over the past 24 hours", p(), Past, "past 24 hours", d(2024, 1, 17), p(), Range);
    expect("in the past three months", p(), Past, "past three months", d(2023, 10, 18), p(), Range);
    expect("in the coming days", p(), Past, "coming days", p(), d(2024, 1, 25), Range);
    expect("in the next two weeks", p(), Past, "next two weeks", p(), d(2024, 2, 1), Range);
    // "the last week of December" is not a span ending at publication.
    let found = mentions("in the last week of December", p(), Past);
    assert_eq!(found, vec![("December", DateRange { from: d(2023, 12, 1), to: d(2023, 12, 31), precision: Month })]);
}

#[test]
fn seasons() {
    expect("last summer", p(), Past, "last summer", d(2023, 6, 1), d(2023, 8, 31), Season);
    expect("this spring", p(), Past, "this spring", d(2024, 3, 1), d(2024, 5, 31), Season);
    expect("next summer", p(), Past, "next summer", d(2024, 6, 1), d(2024, 8, 31), Season);
    expect("in the autumn of 2022", p(), Past, "autumn of 2022", d(2022, 9, 1), d(2022, 11, 30), Season);
    expect("in the fall of 2022", p(), Past, "fall of 2022", d(2022, 9, 1), d(2022, 11, 30), Season);
    expect("summer 2022", p(), Past, "summer 2022", d(2022, 6, 1), d(2022, 8, 31), Season);
    expect("in winter", p(), Past, "winter", d(2023, 12, 1), d(2024, 2, 29), Season);
    expect("in the summer", p(), Past, "summer", d(2023, 6, 1), d(2023, 8, 31), Season);
    expect("in the summer", p(), Future, "summer", d(2024, 6, 1), d(2024, 8, 31), Season);
    expect("in the fall", p(), Past, "fall", d(2023, 9, 1), d(2023, 11, 30), Season);
    expect("last winter", p(), Past, "last winter", d(2022, 12, 1), d(2023, 2, 28), Season);
    expect("this winter", p(), Past, "this winter", d(2023, 12, 1), d(2024, 2, 29), Season);
    expect("this winter", d(2024, 10, 5), Past, "this winter", d(2024, 12, 1), d(2025, 2, 28), Season);
    expect("next winter", p(), Past, "next winter", d(2024, 12, 1), d(2025, 2, 28), Season);
    expect("the winter of 2022", p(), Past, "winter of 2022", d(2021, 12, 1), d(2022, 2, 28), Season);
    expect("in late summer", p(), Past, "late summer", d(2023, 8, 1), d(2023, 8, 31), Range);
    expect_none("the fall of Kabul");
    expect_none("prices fall sharply");
    expect_none("the Arab Spring");
    expect_none("Winter is coming");
}

// ----- year boundaries ------------------------------------------------------------

#[test]
fn year_boundaries() {
    let p = d(2024, 1, 3); // a Wednesday
    expect_day("on December 28", p, Past, "December 28", d(2023, 12, 28));
    expect("last week", p, Past, "last week", d(2023, 12, 25), d(2023, 12, 31), Week);
    expect("this week", p, Past, "this week", d(2024, 1, 1), p, Week);
    expect("in December", p, Past, "December", d(2023, 12, 1), d(2023, 12, 31), Month);
    expect("last month", p, Past, "last month", d(2023, 12, 1), d(2023, 12, 31), Month);
    expect("late last year", p, Past, "late last year", d(2023, 9, 1), d(2023, 12, 31), Range);
    expect_day("on Friday", p, Past, "Friday", d(2023, 12, 29));
    expect_day("two days ago", p, Past, "two days ago", d(2024, 1, 1));
    expect_day("five days ago", p, Past, "five days ago", d(2023, 12, 29));
    expect("early December", d(2024, 1, 18), Past, "early December", d(2023, 12, 1), d(2023, 12, 10), Range);

    let dec = d(2023, 12, 30); // a Saturday
    expect_day("on January 2", dec, Future, "January 2", d(2024, 1, 2));
    expect("next week", dec, Past, "next week", d(2024, 1, 1), d(2024, 1, 7), Week);
    expect("next month", dec, Past, "next month", d(2024, 1, 1), d(2024, 1, 31), Month);
    expect("in January", dec, Future, "January", d(2024, 1, 1), d(2024, 1, 31), Month);
    expect_day("tomorrow", d(2023, 12, 31), Past, "tomorrow", d(2024, 1, 1));
}

// ----- several mentions, offsets -----------------------------------------------------

#[test]
fn several_mentions_in_order_without_overlap() {
    let text = "After clashes on September 19–20, 2023, and talks in mid-October, the sides met on Wednesday.";
    let found = mentions(text, p(), Past);
    let exprs: Vec<&str> = found.iter().map(|(t, _)| *t).collect();
    assert_eq!(exprs, vec!["September 19–20, 2023", "mid-October", "Wednesday"]);
    let all = find_time_expressions(text, p(), Past);
    assert!(all.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn offsets_are_bytes_into_unicode_text() {
    let text = "«Переговоры» — “on Wednesday”, the ministry said\u{a0}late\u{a0}last\u{a0}year.";
    let found = mentions(text, p(), Past);
    let exprs: Vec<&str> = found.iter().map(|(t, _)| *t).collect();
    assert_eq!(exprs, vec!["Wednesday", "late\u{a0}last\u{a0}year"]);
}

#[test]
fn leading_prepositions_are_not_part_of_the_mention() {
    for (text, expr) in [
        ("on Wednesday", "Wednesday"),
        ("in October", "October"),
        ("since 2020", "2020"),
        ("in late December", "late December"),
    ] {
        let found = find_time_expressions(text, p(), Past);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(&text[found[0].start..found[0].end], expr);
    }
}

#[test]
fn publication_dates_at_chrono_limits_do_not_panic() {
    let texts = [
        "yesterday tomorrow next year last year in 2020 next week last Monday in the coming years",
        "late next year, in the next 9999 years, 9999 years ago, next winter, in January, December 31",
    ];
    for published in [NaiveDate::MIN, NaiveDate::MAX] {
        for text in texts {
            for dir in [Past, Future] {
                let _ = find_time_expressions(text, published, dir);
            }
        }
    }
}

/// A small deterministic generator, so the fuzz test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn odd_inputs_never_panic_and_offsets_are_char_boundaries() {
    let pieces = [
        "",
        " ",
        "\u{a0}",
        "\u{2009}",
        "-",
        "–",
        "—",
        ".",
        ",",
        "$",
        "%",
        "’",
        "“",
        "”",
        "é",
        "日本",
        "🙂",
        "0",
        "00",
        "13",
        "31",
        "32",
        "2020",
        "1,500",
        "2.5",
        "99999999999999999999",
        "13th",
        "January",
        "Jan",
        "Jan.",
        "May",
        "may",
        "March",
        "Sept.",
        "mid",
        "mid-",
        "early",
        "late",
        "last",
        "next",
        "this",
        "the",
        "middle",
        "of",
        "end",
        "in",
        "on",
        "past",
        "two",
        "a",
        "few",
        "days",
        "weeks",
        "week",
        "year",
        "years",
        "ago",
        "Wednesday",
        "summer",
        "fall",
        "winter",
        "today",
        "yesterday",
        "weekend",
        "recent",
        "coming",
        "earlier",
        "later",
        "day",
        "before",
        "after",
        "tomorrow",
        "and",
        "to",
    ];
    let fixed = [
        "",
        " ",
        "January 99999999999999999999",
        "99999999999999999999 January",
        "January 13, 99999",
        "September 19–",
        "–20 September",
        "mid-",
        "the middle of",
        "late last",
        "2020-",
        "2020-13-45",
        "0000-00-00",
        "January 0",
        "on the 0th of May",
        "Jan.",
        "\u{301}January 13",
        "e\u{301}arly December",
        "𝟚𝟘𝟚𝟘",
        "٢٠٢٠ in ٢٠٢٠",
    ];
    let mut rng = Lcg(0x5eed);
    let mut texts: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    for _ in 0..3000 {
        let len = rng.next() % 8;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(pieces[rng.next() as usize % pieces.len()]);
            if !rng.next().is_multiple_of(3) {
                s.push(' ');
            }
        }
        texts.push(s);
    }
    let dates = [p(), d(2024, 1, 1), d(2023, 12, 31), d(2024, 2, 29), d(1900, 3, 1)];
    for (k, text) in texts.iter().enumerate() {
        let published = dates[k % dates.len()];
        for dir in [Past, Future] {
            let found = find_time_expressions(text, published, dir);
            let mut last_end = 0;
            for m in &found {
                assert!(m.start < m.end && m.end <= text.len(), "{text:?}: {m:?}");
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{text:?}");
                assert!(m.start >= last_end, "overlap or disorder in {text:?}");
                assert!(m.range.from <= m.range.to, "{text:?}: {m:?}");
                last_end = m.end;
            }
        }
    }
}
