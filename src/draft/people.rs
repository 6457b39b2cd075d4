//! People named with their role: "Dai Gang, director general of … of the Ministry of Science
//! and Technology".

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;

/// A person named with a role: "Dai Gang, director general of department of international
/// cooperation of the Ministry of Science and Technology".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub range: (usize, usize),
}

pub(super) static PERSON_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    // A name of two or three capitalised words (hyphens allowed), then a role in lower case
    // or title case, then "of" or "at" an organisation.
    pattern(
        r"(?:^|[.;,] |\band |\bby |\bsaid |\bProfessor |\bDr\. )(?P<name>[A-Z][a-z]+(?:-[A-Za-z]+)? [A-Z][a-zA-Z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?), (?:the )?(?P<role>(?:[a-zA-Z-]+ ){0,5}?(?:director|director-general|director general|president|vice president|chairman|chairwoman|chair|minister|secretary-general|secretary general|representative|researcher|professor|head|dean|ambassador|governor|mayor|chief|member|fellow|spokesperson|spokesman|spokeswoman|commissioner|officer|executive|editor|scholar|founder|ceo|CEO|president))(?:,? (?:of|at|from) (?:the )?(?P<org>[^,;.]*?))?(?:,|;|\.|$| said| made| noted| awarded)",
    )
});

/// The people `text` names with their role.
pub fn find_people(text: &str) -> Vec<PersonMention> {
    PERSON_PATTERN
        .captures_iter(text)
        .filter_map(|caps| {
            let name = caps.name("name")?;
            // Organisations look like names too: "Science Daily, the president of…" is rare,
            // but "The forum, …" is not a person.
            if matches!(
                name.as_str().split(' ').next(),
                Some("The" | "In" | "At" | "On" | "A")
            ) {
                return None;
            }
            let end = caps.get(0).map_or(name.end(), |m| m.end());
            Some(PersonMention {
                name: name.as_str().to_owned(),
                role: caps.name("role").map(|r| r.as_str().trim().to_owned()),
                organization: caps
                    .name("org")
                    .map(|o| o.as_str().trim().to_owned())
                    .filter(|o| !o.is_empty()),
                range: (name.start(), end),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_with_role_and_organisation() {
        let people = find_people(
            "said Dai Gang, director general of department of international cooperation of the Ministry of Science and Technology.",
        );
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Dai Gang");
        assert_eq!(people[0].role.as_deref(), Some("director general"));
        assert!(
            people[0]
                .organization
                .as_deref()
                .is_some_and(|o| o.ends_with("Ministry of Science and Technology")),
            "{people:?}"
        );
        let cheng = find_people(
            "Cheng Yonghua, executive vice president of China-Japan Friendship Association, said at the conference",
        );
        assert_eq!(cheng[0].name, "Cheng Yonghua");
        assert_eq!(
            cheng[0].organization.as_deref(),
            Some("China-Japan Friendship Association")
        );
    }
}
