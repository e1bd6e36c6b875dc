//! The people and completions CSVs (docs/records-csv.md): what HR keeps in spreadsheets,
//! one row per person and one row per training completed. Codes, ISO dates and decimal
//! hours, so a file reads the same in any language; training names in the reader's language.

use super::table;
use crate::domain::completion::Completion;
use crate::domain::date::DateExt;
use crate::domain::person::Person;
use crate::domain::text::Locale;
use crate::domain::training::TrainingType;

pub const PEOPLE_HEADER: &str = "id,name,email,worker_type,preferred_language,organization,program,role_title,hire_date,\
employment_type,supervisor,supervising_org,archived,notes";

pub const COMPLETIONS_HEADER: &str = "id,person_id,person,email,training_id,training,completed_on,hours,ce_category,provider,\
certificate_number,notes";

/// Everyone, archived people included (marked), in the order given.
pub fn people_csv(people: &[Person]) -> String {
    let rows = people.iter().map(|p| {
        vec![
            p.id.clone(),
            p.name.clone(),
            p.email.clone(),
            p.worker_type.code().to_owned(),
            p.preferred_language.code().to_owned(),
            p.organization.clone(),
            p.program.clone(),
            p.role_title.clone(),
            p.hire_date.map(|d| d.to_iso()).unwrap_or_default(),
            p.employment_type.map(|e| e.code().to_owned()).unwrap_or_default(),
            p.supervisor.clone(),
            p.supervising_org.clone(),
            if p.archived { "yes" } else { "no" }.to_owned(),
            p.notes.clone(),
        ]
    });
    table(PEOPLE_HEADER, rows)
}

/// Every completion not removed, for the people given, oldest first per person.
pub fn completions_csv(locale: Locale, people: &[(&Person, &[Completion])], trainings: &[TrainingType]) -> String {
    let name = |id: &str| trainings.iter().find(|t| t.id == id).map_or_else(|| id.to_owned(), |t| t.name.get(locale).to_owned());
    let rows = people.iter().flat_map(|(person, completions)| {
        let mut done: Vec<&Completion> = completions.iter().filter(|c| !c.removed).collect();
        done.sort_by(|a, b| (a.completed_on, &a.id).cmp(&(b.completed_on, &b.id)));
        done.into_iter().map(move |c| {
            vec![
                c.id.clone(),
                person.id.clone(),
                person.name.clone(),
                person.email.clone(),
                c.training_id.clone(),
                name(&c.training_id),
                c.completed_on.to_iso(),
                c.hours.to_string(),
                c.ce_category.map(|k| k.code().to_owned()).unwrap_or_default(),
                c.provider.clone(),
                c.certificate_number.clone(),
                c.notes.clone(),
            ]
        })
    });
    table(COMPLETIONS_HEADER, rows)
}

/// The report of a roster import (docs/records-csv.md): each problem's line, column, the
/// value found and the problem in words, in the reader's language.
pub fn roster_report(locale: Locale, problems: &[crate::domain::roster_import::RowProblem]) -> String {
    let rows = problems.iter().map(|p| {
        vec![p.line.to_string(), crate::i18n::roster_column(locale, p.column).to_owned(), p.value.clone(), crate::i18n::problem(locale, p.problem)]
    });
    table(ROSTER_REPORT_HEADER, rows)
}

pub const ROSTER_REPORT_HEADER: &str = "line,column,value,problem";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::builtin_trainings;
    use crate::domain::person::sample;

    fn parse(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn people_read_back_cell_for_cell_with_accents_and_formulas_neutralized() {
        let mut jose = sample("p1", "José Núñez");
        jose.notes = "=HYPERLINK(\"http://x\")".into();
        jose.organization = "Clínica \"La Luz\", Inc.".into();
        let mut ana = sample("p2", "Ana");
        ana.archived = true;
        let rows = parse(&people_csv(&[jose, ana]));
        assert_eq!(rows[0].join(","), PEOPLE_HEADER);
        assert_eq!(rows[1][1], "José Núñez");
        assert_eq!(rows[1][5], "Clínica \"La Luz\", Inc.");
        assert_eq!(rows[1][13], "'=HYPERLINK(\"http://x\")");
        assert_eq!(rows[2][12], "yes");
        assert!(rows.iter().all(|r| r.len() == 14));
    }

    #[test]
    fn completions_list_what_was_done_oldest_first_without_removed_ones() {
        let ana = sample("p1", "Ana");
        let c = |id: &str, on: &str, removed: bool| -> Completion {
            let mut c: Completion = serde_json::from_str(&format!(
                r#"{{"id":"{id}","training_id":"builtin.mhfa_adult","completed_on":"{on}","hours":7.5,"provider":"CalMHSA"}}"#
            ))
            .unwrap();
            c.removed = removed;
            c
        };
        let done = [c("b", "2025-06-01", false), c("a", "2024-01-02", false), c("x", "2025-01-01", true)];
        let rows = parse(&completions_csv(Locale::Es, &[(&ana, &done)], &builtin_trainings()));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][0], "a");
        assert_eq!(rows[1][6], "2024-01-02");
        assert_eq!(rows[1][7], "7.5");
        assert_eq!(rows[1][5], "Primeros Auxilios de Salud Mental (adultos)", "the training's name in the reader's language");
        assert_eq!(rows[2][0], "b");
    }
}
