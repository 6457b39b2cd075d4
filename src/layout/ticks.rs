//! Calendar ticks for the time axis: days, months, years, up to millennia, as the zoom needs,
//! labelled "28 Nov 2022", "Jul 2021", "2021" or "500 BCE".

use chrono::{Datelike as _, Months, NaiveDate};

use crate::model::date::{date_from_days, days_from_date, month_abbreviation, year_label};

/// One tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub days: f64,
    pub label: String,
}

/// The calendar steps we can tick at, finest first.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Step {
    const ALL: [Self; 21] = [
        Self::Days(1),
        Self::Days(2),
        Self::Days(7),
        Self::Days(14),
        Self::Months(1),
        Self::Months(3),
        Self::Months(6),
        Self::Years(1),
        Self::Years(2),
        Self::Years(5),
        Self::Years(10),
        Self::Years(20),
        Self::Years(50),
        Self::Years(100),
        Self::Years(200),
        Self::Years(500),
        Self::Years(1000),
        Self::Years(2000),
        Self::Years(5000),
        Self::Years(10_000),
        Self::Years(20_000),
    ];

    fn approx_days(&self) -> f64 {
        match *self {
            Self::Days(n) => f64::from(n),
            Self::Months(n) => f64::from(n) * 30.44,
            Self::Years(n) => f64::from(n) * 365.25,
        }
    }

    /// The first tick at or before `date`.
    fn floor(&self, date: NaiveDate) -> Option<NaiveDate> {
        match *self {
            Self::Days(7) => date.checked_sub_days(chrono::Days::new(u64::from(
                date.weekday().num_days_from_monday(),
            ))),
            Self::Days(n) => {
                // Whole multiples of n days from the 1st of the month (14 → 1st and 15th).
                let day0 = date.day0() / n * n;
                date.with_day0(day0)
            }
            Self::Months(n) => NaiveDate::from_ymd_opt(date.year(), date.month0() / n * n + 1, 1),
            Self::Years(n) => year_tick_at_or_before(date.year(), n as i32)
                .and_then(|year| NaiveDate::from_ymd_opt(year, 1, 1)),
        }
    }

    fn next(&self, date: NaiveDate) -> Option<NaiveDate> {
        match *self {
            Self::Days(n) if n < 7 => date.checked_add_days(chrono::Days::new(u64::from(n))),
            Self::Days(7) => date.checked_add_days(chrono::Days::new(7)),
            // Half-months: the 1st and the 15th.
            Self::Days(_) if date.day() < 15 => date.with_day(15),
            Self::Days(_) => date.with_day(1)?.checked_add_months(Months::new(1)),
            Self::Months(n) => date.checked_add_months(Months::new(n)),
            Self::Years(n) => year_tick_after(date.year(), n as i32)
                .and_then(|year| NaiveDate::from_ymd_opt(year, 1, 1)),
        }
    }

    fn label(&self, date: NaiveDate) -> String {
        let month = month_abbreviation(date.month() as u8);
        let year = year_label(date.year());
        match self {
            Self::Days(_) => format!("{} {month} {year}", date.day()),
            Self::Months(_) if date.month() == 1 => year,
            Self::Months(_) => format!("{month} {year}"),
            Self::Years(_) => year,
        }
    }
}

/// Year ticks fall on round numbers as people count: multiples of `step` after the common
/// era ("500", "1000"), multiples of `step` before it ("500 BCE", astronomical -499), and
/// year 1 between the two.
fn is_year_tick(year: i32, step: i32) -> bool {
    if year > 0 {
        year % step == 0 || year == 1
    } else {
        (1 - year) % step == 0
    }
}

fn year_tick_at_or_before(year: i32, step: i32) -> Option<i32> {
    if year > 0 {
        let round = year / step * step;
        Some(if round == 0 { 1 } else { round })
    } else {
        // BCE number 1 - year, rounded up to a multiple of the step.
        let bce = i64::from(1 - year);
        let rounded = (bce + i64::from(step) - 1) / i64::from(step) * i64::from(step);
        i32::try_from(1 - rounded).ok()
    }
}

fn year_tick_after(year: i32, step: i32) -> Option<i32> {
    if year <= 0 {
        let bce = 1 - year;
        let next_bce = (bce - 1) / step * step;
        return Some(if next_bce == 0 { 1 } else { 1 - next_bce });
    }
    let next = (year / step + 1).checked_mul(step)?;
    debug_assert!(is_year_tick(next, step));
    Some(next)
}

/// Ticks between `min_days` and `max_days`, at least `min_step_days` apart, labelled at the
/// calendar precision of the step. Sorted by time. Empty for a range outside the calendar.
pub fn date_ticks(min_days: f64, max_days: f64, min_step_days: f64) -> Vec<Tick> {
    let Some(step) = Step::ALL
        .iter()
        .find(|s| s.approx_days() >= min_step_days)
        .or(Step::ALL.last())
    else {
        return Vec::new();
    };
    let (Some(first), Some(last)) = (date_from_days(min_days), date_from_days(max_days)) else {
        return Vec::new();
    };
    let mut ticks = Vec::new();
    let mut date = step.floor(first);
    while let Some(d) = date {
        if d > last || ticks.len() > 2000 {
            break;
        }
        if d >= first {
            ticks.push(Tick {
                days: days_from_date(d),
                label: step.label(d),
            });
        }
        let next = step.next(d);
        if next.is_some_and(|n| n <= d) {
            break;
        }
        date = next;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(y: i32, m: u32, d: u32) -> f64 {
        days_from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn ticks_follow_the_zoom() {
        let years = date_ticks(days(2010, 1, 1), days(2024, 12, 31), 700.0);
        assert_eq!(
            labels(&years),
            [
                "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"
            ]
        );
        let months = date_ticks(days(2021, 5, 1), days(2021, 10, 1), 25.0);
        assert_eq!(months[0].label, "May 2021");
        assert_eq!(months[2].label, "Jul 2021");
        let day_ticks = date_ticks(days(2022, 11, 27), days(2022, 11, 30), 1.0);
        assert!(day_ticks.iter().any(|t| t.label == "28 Nov 2022"));
    }

    #[test]
    fn ticks_reach_millennia_and_before_the_common_era() {
        let wide = date_ticks(days(1000, 1, 1), days(9999, 12, 31), 365.25 * 900.0);
        assert_eq!(
            labels(&wide),
            [
                "1000", "2000", "3000", "4000", "5000", "6000", "7000", "8000", "9000"
            ]
        );
        let ancient = date_ticks(days(-1200, 1, 1), days(700, 1, 1), 365.25 * 400.0);
        assert_eq!(
            labels(&ancient),
            ["1000 BCE", "500 BCE", "1", "500"],
            "{ancient:?}"
        );
        let all = date_ticks(days(-9999, 1, 1), days(9999, 12, 31), 365.25 * 4000.0);
        assert!(all.len() >= 3, "{all:?}");
    }

    #[test]
    fn no_ticks_for_nonsense() {
        assert!(date_ticks(f64::NAN, 10.0, 1.0).is_empty());
        assert!(date_ticks(0.0, 1e12, 1.0).is_empty());
    }
}
