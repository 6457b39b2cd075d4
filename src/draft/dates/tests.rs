use super::*;

fn context(date: &str) -> DateContext<'static> {
    DateContext {
        page: NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .map(|date| PageContext {
                date,
                written_then: true,
                source: "",
            }),
        full_dates: &[],
        future: false,
    }
}

fn dates(sentence: &str, article: &str) -> Vec<(String, Option<String>, bool)> {
    find_dates(sentence, &context(article))
        .0
        .into_iter()
        .map(|m| {
            (
                m.start.to_string(),
                m.end.map(|e| e.to_string()),
                m.inferred,
            )
        })
        .collect()
}

fn one(sentence: &str, article: &str) -> (String, Option<String>, bool) {
    let found = dates(sentence, article);
    assert_eq!(found.len(), 1, "{sentence}: {found:?}");
    found.into_iter().next().unwrap_or_default()
}

#[test]
fn absolute_dates_keep_their_precision() {
    assert_eq!(
        one("It opened on May 6.", "2022-06-01"),
        ("2022-05-06".into(), None, true)
    );
    assert_eq!(
        one("It was held from 28-29 November 2022.", ""),
        ("2022-11-28".into(), Some("2022-11-29".into()), false)
    );
    assert_eq!(
        one(
            "The forum was held online from November 28th to 29th.",
            "2022-12-15"
        ),
        ("2022-11-28".into(), Some("2022-11-29".into()), true)
    );
    let named = dates("The 2022 forum was held from November 28th to 29th.", "");
    assert!(
        named.contains(&("2022-11-28".into(), Some("2022-11-29".into()), false)),
        "{named:?}"
    );
    assert_eq!(
        one("It began in July 2021.", ""),
        ("2021-07".into(), None, false)
    );
    assert_eq!(
        one("Held every year since 2010.", ""),
        ("2010".into(), None, false)
    );
    assert_eq!(
        one("It was launched in 2014.", ""),
        ("2014".into(), None, false)
    );
    assert_eq!(
        one("It came into force on January 1, 2022.", ""),
        ("2022-01-01".into(), None, false)
    );
    assert_eq!(
        one("It was suspended in 2020 and 2021.", ""),
        ("2020".into(), Some("2021".into()), false)
    );
    assert_eq!(
        one("Leaders met on 31 May.", "2024-06-12"),
        ("2024-05-31".into(), None, true)
    );
    assert_eq!(
        one("It runs November 28 to December 2, 2022.", "").1,
        Some("2022-12-02".into())
    );
    assert!(dates("The goal is to lead by 2035.", "2024-01-01").is_empty());
    assert!(dates("He may attend.", "2024-01-01").is_empty());
}

#[test]
fn a_week_is_its_days_and_a_qualifier_keeps_the_precision() {
    // 2022-06-20 is a Monday.
    assert_eq!(
        one("Last week, officials held talks.", "2022-06-22"),
        ("2022-06-13".into(), Some("2022-06-19".into()), true)
    );
    assert_eq!(
        one("Earlier this week, they met.", "2022-06-22"),
        ("2022-06-20".into(), Some("2022-06-22".into()), true)
    );
    let (found, _) = find_dates("In early March 2020, it was suspended.", &context(""));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].start.to_string(), "2020-03");
    assert_eq!(found[0].range.0, "In ".len());
}

#[test]
fn relative_dates_are_worked_out_and_marked_inferred() {
    assert_eq!(
        one("In a conference a week ago, they met.", "2021-11-25"),
        ("2021-11-18".into(), None, true)
    );
    assert_eq!(
        one("This July, a seminar was held.", "2021-11-25"),
        ("2021-07".into(), None, true)
    );
    assert_eq!(
        one("Next year marks the anniversary.", "2021-11-25"),
        ("2022".into(), None, true)
    );
    assert_eq!(
        one("Scholars said on Thursday.", "2021-11-05"),
        ("2021-11-04".into(), None, true)
    );
    assert_eq!(
        one("Last month they signed it.", "2021-01-15"),
        ("2020-12".into(), None, true)
    );
    assert_eq!(
        one("Talks were held two days ago.", "2021-01-15"),
        ("2021-01-13".into(), None, true)
    );
    assert_eq!(
        one("They met on December 28.", "2022-01-05"),
        ("2021-12-28".into(), None, true)
    );
    let (found, unresolved) = find_dates("It was held a week ago.", &context(""));
    assert!(found.is_empty());
    assert_eq!(
        unresolved,
        [Unresolved {
            phrase: "a week ago".into()
        }]
    );
    let mention = &find_dates("a week ago", &context("2021-11-25")).0[0];
    assert_eq!(
        mention.reasoning.as_deref(),
        Some("article of 2021-11-25, 'a week ago'")
    );
}

#[test]
fn a_weekday_written_with_a_date_is_part_of_it() {
    assert_eq!(
        one("the opening on Thursday, December 13, 2018.", "2018-12-20"),
        ("2018-12-13".into(), None, false)
    );
    // The weekday picks the year: 20 May was a Tuesday in 2025.
    assert_eq!(
        one("on Tuesday, May 20th, the pact was signed", "2025-01-10").0,
        "2025-05-20"
    );
}

#[test]
fn more_written_forms() {
    assert_eq!(
        one("On the 16th June 2016, JST said", ""),
        ("2016-06-16".into(), None, false)
    );
    assert_eq!(
        one("on October 17th, 2006 in Tokyo", ""),
        ("2006-10-17".into(), None, false)
    );
    assert_eq!(
        one("signed on 2015.08.21 in Seoul", ""),
        ("2015-08-21".into(), None, false)
    );
    assert_eq!(
        one("signed on 21/05/2016 in Seoul", ""),
        ("2016-05-21".into(), None, false)
    );
    assert_eq!(
        one("as part of JST's FY2016 program", ""),
        ("2016".into(), None, false)
    );
    assert_eq!(
        one("the 2016-17 season", ""),
        ("2016".into(), Some("2017".into()), false)
    );
    assert_eq!(
        one("held in April-May 1945", ""),
        ("1945-04".into(), Some("1945-05".into()), false)
    );
    assert_eq!(
        one("in the 1990s", ""),
        ("1990".into(), Some("1999".into()), false)
    );
    let deadline = &find_dates(
        "to hold a workshop by the end of 2006 in Tokyo",
        &context(""),
    )
    .0;
    assert!(deadline[0].deadline && deadline[0].start.to_string() == "2006");
    assert!(dates("projects under Horizon 2020", "").is_empty());
}

#[test]
fn relative_weeks_and_years() {
    // 2023-03-19 is a Sunday: "last week" is the week that ends that day.
    assert_eq!(
        one(
            "said in a media briefing held Wednesday last week",
            "2023-03-19"
        ),
        ("2023-03-15".into(), None, true)
    );
    assert_eq!(
        one("following the summit last week", "2023-03-19"),
        ("2023-03-13".into(), Some("2023-03-19".into()), true)
    );
    assert_eq!(
        one("in August last year", "2021-03-01"),
        ("2020-08".into(), None, true)
    );
    assert_eq!(
        one("Exactly three decades ago", "2023-05-01"),
        ("1993".into(), None, true)
    );
    assert_eq!(
        one("the minister said Wednesday", "2023-03-19"),
        ("2023-03-15".into(), None, true)
    );
}

#[test]
fn a_month_and_day_take_the_year_of_a_full_date_in_the_text() {
    let full = [NaiveDate::from_ymd_opt(2015, 10, 14).unwrap_or_default()];
    let context = DateContext {
        page: None,
        full_dates: &full,
        future: true,
    };
    let (found, _) = find_dates(
        "The cruise will return to Nagasaki on November 2.",
        &context,
    );
    assert_eq!(found[0].start.to_string(), "2015-11-02");
    assert!(found[0].inferred);
    assert_eq!(
        found[0].reasoning.as_deref(),
        Some("the year of 2015-10-14 in the text, 'November 2'")
    );
}
