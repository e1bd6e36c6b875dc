//! The app's routes: every page a URL can name, parsed and printed in one place.
//!
//! Pure Rust (tested natively). The browser side, history and link clicks, is in
//! `ui/browser.rs`. A hand-written table rather than a router crate: seventeen routes do not
//! need one, and it keeps the bundle small.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// First run in personal mode: "tell us about yourself".
    MeNew,
    People,
    PersonNew,
    Person(String),
    PersonEdit(String),
    Trainings,
    TrainingNew,
    Training(String),
    TrainingEdit(String),
    /// A person's printable training record for one calendar year (DHCS's CHW checklist).
    YearRecord(String, i32),
    Compliance,
    Requirements,
    /// A new requirement: `true` for an hours rule, `false` for a credential.
    RequirementNew(bool),
    RequirementEdit(String),
    Settings,
    NotFound,
}

fn is_id(segment: &str) -> bool {
    !segment.is_empty()
        && segment.len() <= 100
        && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

impl Route {
    /// The route for a URL path (query and fragment already removed). Trailing slashes are
    /// ignored; anything unknown is `NotFound`.
    pub fn parse(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["me", "new"] => Route::MeNew,
            ["people"] => Route::People,
            ["people", "new"] => Route::PersonNew,
            ["people", id] if is_id(id) => Route::Person((*id).to_owned()),
            ["people", id, "edit"] if is_id(id) => Route::PersonEdit((*id).to_owned()),
            ["trainings"] => Route::Trainings,
            ["trainings", "new"] => Route::TrainingNew,
            ["trainings", id] if is_id(id) => Route::Training((*id).to_owned()),
            ["trainings", id, "edit"] if is_id(id) => Route::TrainingEdit((*id).to_owned()),
            ["people", id, "record", year] if is_id(id) => match year.parse::<i32>() {
                Ok(y) if (1900..=2200).contains(&y) => Route::YearRecord((*id).to_owned(), y),
                _ => Route::NotFound,
            },
            ["compliance"] => Route::Compliance,
            ["requirements"] => Route::Requirements,
            ["requirements", "new", "hours"] => Route::RequirementNew(true),
            ["requirements", "new", "credential"] => Route::RequirementNew(false),
            ["requirements", id, "edit"] if is_id(id) => Route::RequirementEdit((*id).to_owned()),
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::MeNew => "/me/new".into(),
            Route::People => "/people".into(),
            Route::PersonNew => "/people/new".into(),
            Route::Person(id) => format!("/people/{id}"),
            Route::PersonEdit(id) => format!("/people/{id}/edit"),
            Route::Trainings => "/trainings".into(),
            Route::TrainingNew => "/trainings/new".into(),
            Route::Training(id) => format!("/trainings/{id}"),
            Route::TrainingEdit(id) => format!("/trainings/{id}/edit"),
            Route::YearRecord(id, year) => format!("/people/{id}/record/{year}"),
            Route::Compliance => "/compliance".into(),
            Route::Requirements => "/requirements".into(),
            Route::RequirementNew(true) => "/requirements/new/hours".into(),
            Route::RequirementNew(false) => "/requirements/new/credential".into(),
            Route::RequirementEdit(id) => format!("/requirements/{id}/edit"),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/not-found".into(),
        }
    }

    /// The main-navigation section this page belongs to, for `aria-current`.
    pub fn section(&self) -> &'static str {
        match self {
            Route::People | Route::PersonNew | Route::Person(_) | Route::PersonEdit(_) | Route::MeNew | Route::YearRecord(..) => "/people",
            Route::Compliance => "/compliance",
            Route::Requirements | Route::RequirementNew(_) | Route::RequirementEdit(_) => "/requirements",
            Route::Trainings | Route::TrainingNew | Route::Training(_) | Route::TrainingEdit(_) => "/trainings",
            Route::Settings => "/settings",
            Route::Home | Route::NotFound => "/",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let all = [
            Route::Home, Route::MeNew, Route::People, Route::PersonNew,
            Route::Person("9f0c1a".into()), Route::PersonEdit("9f0c1a".into()),
            Route::Trainings, Route::TrainingNew,
            Route::Training("builtin.mhfa_adult".into()), Route::TrainingEdit("builtin.mhfa_adult".into()),
            Route::YearRecord("9f0c1a".into(), 2026), Route::Compliance, Route::Requirements,
            Route::RequirementNew(true), Route::RequirementNew(false), Route::RequirementEdit("preset.peer_ce".into()),
            Route::Settings,
        ];
        for route in all {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn unknown_or_odd_paths_are_not_found() {
        assert_eq!(Route::parse("/people/"), Route::People);
        assert_eq!(Route::parse("//trainings//new/"), Route::TrainingNew);
        for bad in ["/nowhere", "/people/a/b", "/people/<script>", "/trainings/x/delete", "/settings/x", "/people/a/record/26x", "/people/a/record/99999", "/requirements/new/other"] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
    }

    #[test]
    fn sections_mark_the_navigation() {
        assert_eq!(Route::Person("x".into()).section(), "/people");
        assert_eq!(Route::TrainingEdit("x".into()).section(), "/trainings");
    }
}
