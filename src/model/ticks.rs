//! Calendar ticks for the time axis: years, then months, then days, as the zoom needs.

use chrono::{Datelike as _, Months, NaiveDate};

use super::date::{date_from_days, days_from_date};

/// One tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub days: f64,
    pub label: String,
    /// How far apart ticks of this kind are, roughly, in days (grid lines are thicker for
    /// larger steps).
    pub step_days: f64,
}

/// The calendar steps we can tick at, finest first.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Step {
    const ALL: [Self; 14] = [
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
            Self::Years(n) => {
                let n = n as i32;
                NaiveDate::from_ymd_opt(date.year().div_euclid(n) * n, 1, 1)
            }
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
            Self::Years(n) => date.with_year(date.year() + n as i32),
        }
    }

    fn label(&self, date: NaiveDate) -> String {
        match self {
            Self::Days(_) => format!("{} {}", date.day(), date.format("%b %Y")),
            Self::Months(_) if date.month() == 1 => date.format("%Y").to_string(),
            Self::Months(_) => date.format("%b %Y").to_string(),
            Self::Years(_) => date.format("%Y").to_string(),
        }
    }
}

/// The label of a tick at `days` for ticks about `step_days` apart: "2021", "Jul 2021" or
/// "28 Nov 2022" (a year tick at the start of a year of month ticks reads "2021").
pub fn tick_label(days: f64, step_days: f64) -> String {
    let Some(date) = date_from_days(days + 0.5) else {
        return String::new();
    };
    let step = Step::ALL
        .iter()
        .rev()
        .find(|s| s.approx_days() <= step_days * 1.001)
        .unwrap_or(&Step::ALL[0]);
    step.label(date)
}

/// Ticks between `min_days` and `max_days`, at least `min_step_days` apart, labelled at the
/// calendar precision of the step: "2021", "Jul 2021", "28 Nov 2022". Sorted by time.
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
        if d > last || ticks.len() > 1000 {
            break;
        }
        if d >= first {
            ticks.push(Tick {
                days: days_from_date(d),
                label: step.label(d),
                step_days: step.approx_days(),
            });
        }
        date = step.next(d);
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(y: i32, m: u32, d: u32) -> f64 {
        days_from_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn ticks_follow_the_zoom() {
        let years = date_ticks(days(2010, 1, 1), days(2024, 12, 31), 700.0);
        let labels: Vec<&str> = years.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
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
    fn no_ticks_for_nonsense() {
        assert!(date_ticks(f64::NAN, 10.0, 1.0).is_empty());
        assert!(date_ticks(0.0, 1e12, 1.0).is_empty());
    }
}
