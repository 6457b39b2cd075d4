//! Days on the time axis: whole days and fractions since an origin, and the calendar day at a
//! position.

use chrono::NaiveDate;

/// Days on the time axis are counted from this day, so that they stay small numbers.
pub fn time_origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The time-axis position of the start of `date`, in days since [`time_origin`].
pub fn days_from_date(date: NaiveDate) -> f64 {
    (date - time_origin()).num_days() as f64
}

/// Days from [`time_origin`] to a day of the proleptic Gregorian calendar, by Howard
/// Hinnant's `days_from_civil`: the same as [`day_number`], without building a date.
pub(crate) fn days_since_origin(year: i32, month: u8, day: u8) -> i32 {
    const DAYS_FROM_1970_TO_2000: i32 = 10_957;
    let (month, day) = (i32::from(month), i32::from(day));
    // Years start in March, so that the leap day comes last.
    let year = year - i32::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468 - DAYS_FROM_1970_TO_2000
}

/// Whole days since [`time_origin`]; every date in [`super::YEAR_RANGE`] fits.
pub fn day_number(date: NaiveDate) -> i32 {
    (date - time_origin()).num_days() as i32
}

/// The calendar day that contains the time-axis position `days`, if it is a real date.
pub fn date_from_days(days: f64) -> Option<NaiveDate> {
    // Years -9999 to 9999 are within about 4.4 million days of the origin.
    if !days.is_finite() || days.abs() > 5.0e6 {
        return None;
    }
    time_origin().checked_add_signed(chrono::TimeDelta::days(days.floor() as i64))
}

/// A stretch of the time axis, from `from_days` up to, not including, `to_days`: what a view
/// shows, or one bar of a chart. Half-open, like an event's days ([`super::DateSpan::day_range`]),
/// so that a stretch that ends where the next begins never counts an event in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayWindow {
    pub from_days: f64,
    pub to_days: f64,
}

impl DayWindow {
    /// True when some of the days from `start_day` up to, not including, `end_day` lie in
    /// the window.
    pub fn overlaps_days(&self, start_day: i32, end_day: i32) -> bool {
        f64::from(start_day) < self.to_days && f64::from(end_day) > self.from_days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::PartialDate;

    #[test]
    fn day_numbers_by_arithmetic_match_the_calendar() {
        let years = (-9999..=9999)
            .step_by(7)
            .chain(1890..2110)
            .chain([-1, 0, 1, 9999]);
        for year in years {
            for month in 1..=12 {
                let dates = [
                    PartialDate::year(year),
                    PartialDate::month(year, month),
                    PartialDate::day(year, month, 1),
                    PartialDate::day(year, month, 28),
                    PartialDate::day(year, month, 29),
                    PartialDate::day(year, month, 31),
                ];
                for date in dates.into_iter().flatten() {
                    assert_eq!(
                        date.first_day_number(),
                        day_number(date.first_day()),
                        "{date}"
                    );
                    assert_eq!(
                        date.last_day_number(),
                        day_number(date.last_day()),
                        "{date}"
                    );
                }
            }
        }
    }

    #[test]
    fn days_round_trip() {
        let date = NaiveDate::from_ymd_opt(2022, 11, 28).unwrap();
        assert_eq!(date_from_days(days_from_date(date) + 0.5), Some(date));
        assert_eq!(date_from_days(f64::NAN), None);
    }
}
