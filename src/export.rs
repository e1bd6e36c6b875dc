//! Export formats. Each is a public contract, documented in `docs/` and tested here.
//!
//! - `compliance_csv`: one row per person × requirement (docs/compliance-csv.md).
//! - `records`: people and completions CSVs (docs/records-csv.md).
//! - `ladders`: readiness, pay plan and promotion plan CSVs (docs/ladders-csv.md).

pub mod ladders;
pub mod records;

use crate::domain::date::DateExt;
use crate::domain::person::Person;
use crate::domain::requirement::Requirement;
use crate::domain::status::Evaluation;
use crate::domain::text::Locale;
use crate::domain::training::TrainingType;
use crate::i18n::{self, DateStyle};

/// The header, exactly as the format document says.
/// Version 2 appends the last six columns; the first nine keep their names and order.
pub const COMPLIANCE_HEADER: &str = "person,email,worker_type,requirement,status,valid_until,hours_done,hours_required,next_action,\
cycle_start,cycle_end,category_hours,waiver_reason,waived_by,waived_until";

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a `'` in
/// front, so it reads as the text it is.
fn guard(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}").into() } else { text.into() }
}

/// A whole CSV file: the header (its names, comma-separated), then the rows, each cell
/// formula-guarded, written by the `csv` crate: RFC 4180 quoting (a cell with a comma, quote
/// or line break is quoted, quotes doubled), CRLF line ends, UTF-8.
pub fn table(header: &str, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail; a row that did would be left out rather than panic.
    let _ = writer.write_record(header.split(','));
    for fields in rows {
        let _ = writer.write_record(fields.iter().map(|f| guard(f).into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The compliance export: rows in the given order, requirement names and next actions in
/// `locale`, dates ISO 8601, hours as decimals with a point, status as its code word.
pub fn compliance_csv(
    locale: Locale,
    rows: &[(&Person, &Evaluation)],
    requirements: &[Requirement],
    trainings: &[TrainingType],
) -> String {
    let training = |id: &str| trainings.iter().find(|t| t.id == id).map_or_else(|| id.to_owned(), |t| t.name.get(locale).to_owned());
    let requirement = |id: &str| requirements.iter().find(|r| r.id == id).map_or_else(|| id.to_owned(), |r| r.name.get(locale).to_owned());
    let lines = rows.iter().map(|(person, e)| {
        vec![
            person.name.clone(),
            person.email.clone(),
            person.worker_type.code().to_owned(),
            requirement(&e.requirement_id),
            e.status.code().to_owned(),
            e.valid_until.map(|d| d.to_iso()).unwrap_or_default(),
            e.hours_done.map(|h| h.to_string()).unwrap_or_default(),
            e.hours_required.map(|h| h.to_string()).unwrap_or_default(),
            e.next.as_ref().map(|a| i18n::next_action(locale, DateStyle::Iso, a, &training, &requirement)).unwrap_or_default(),
            e.cycle.map(|(from, _)| from.to_iso()).unwrap_or_default(),
            e.cycle.map(|(_, to)| to.to_iso()).unwrap_or_default(),
            e.categories.iter().map(|k| format!("{}:{}/{}", k.category.code(), k.done, k.required)).collect::<Vec<_>>().join(";"),
            e.waiver.as_ref().map(|w| w.reason.clone()).unwrap_or_default(),
            e.waiver.as_ref().map(|w| w.waived_by.clone()).unwrap_or_default(),
            e.waiver.as_ref().and_then(|w| w.until).map(|d| d.to_iso()).unwrap_or_default(),
        ]
    });
    table(COMPLIANCE_HEADER, lines)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::catalog::builtin_trainings;
    use crate::domain::completion::Completion;
    use crate::domain::date::{Date, DateExt};
    use crate::domain::hours::Hours;
    use crate::domain::person::WorkerType;
    use crate::domain::presets::presets;
    use crate::domain::status::{evaluate_all, Context, Facts, DEFAULT_DUE_SOON_DAYS};
    use crate::domain::training::CeCategory;

    #[test]
    fn cells_are_quoted_and_formula_safe() {
        let one = |text: &str| table("x", std::iter::once(vec![text.to_owned()])).trim_start_matches("x\r\n").trim_end_matches("\r\n").to_owned();
        assert_eq!(one("plain"), "plain");
        assert_eq!(one("López, María"), "\"López, María\"");
        assert_eq!(one("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(one("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("-5"), "'-5");
        assert_eq!(one("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(table("a,b", vec![vec!["1".to_owned(), "ñ".to_owned()]].into_iter()), "a,b\r\n1,ñ\r\n");
    }

    /// A tiny CSV reader (RFC 4180) to check what a spreadsheet would see.
    pub(crate) fn parse(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field, mut quoted) = (vec![], vec![], String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        rows
    }

    #[test]
    fn compliance_rows_have_exactly_the_documented_columns() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let mut rosa = crate::domain::person::sample("p1", "Delgado, Rosa");
        rosa.worker_type = WorkerType::PeerSupportSpecialist;
        rosa.email = "rosa@example.org".into();
        let c = |id: &str, t: &str, on: &str, hours: u32, ce: Option<CeCategory>| Completion { verification: None, partial: false,
            id: id.into(), person_id: "p1".into(), training_id: format!("builtin.{t}"), completed_on: d(on),
            hours: Hours::from_hundredths(hours), provider: String::new(), certificate_number: String::new(),
            ce_category: ce, notes: String::new(), removed: false,
        };
        let completions = vec![
            c("a", "peer_core_80h", "2024-01-10", 8000, None),
            c("b", "peer_exam", "2024-03-01", 300, None),
            c("g", "motivational_interviewing", "2024-09-01", 1400, Some(CeCategory::General)),
            c("l", "law_ethics_ce", "2025-02-01", 250, Some(CeCategory::LawEthics)),
        ];
        let requirements = presets();
        let trainings = builtin_trainings();
        let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
        let waiver = crate::domain::requirement::Waiver {
            id: "w".into(), person_id: "p1".into(), requirement_id: "preset.cpr".into(), reason: "Medical leave, per HR".into(),
            waived_by: "Ana Ruiz".into(), from: d("2025-01-01"), until: Some(d("2025-12-31")), removed: false,
        };
        let facts = Facts { person: &rosa, completions: &completions, work_hours: &[], waivers: std::slice::from_ref(&waiver), attestations: &[] };
        let evaluations = evaluate_all(facts, ctx, d("2025-06-01"));
        let rows: Vec<(&Person, &Evaluation)> = evaluations.iter().map(|e| (&rosa, e)).collect();
        let csv = compliance_csv(Locale::En, &rows, &requirements, &trainings);
        let table = parse(&csv);

        assert_eq!(table[0].join(","), COMPLIANCE_HEADER);
        assert_eq!(table.len(), 1 + evaluations.len());
        assert!(table.iter().all(|r| r.len() == 15), "every row has 15 fields");
        let by_req = |name: &str| table.iter().find(|r| r[3].starts_with(name)).unwrap_or_else(|| panic!("{name}"));
        let ce = by_req("Peer certification continuing education");
        assert_eq!(ce[0], "Delgado, Rosa");
        assert_eq!(ce[1], "rosa@example.org");
        assert_eq!(ce[2], "peer_support_specialist");
        assert_eq!(&ce[4..9], ["in_progress", "2026-03-01", "16.5", "20", "3.5 more law and ethics hours by 2026-03-01"]);
        // What the card shows beside the bars: the cycle counted and each category's hours.
        assert_eq!(&ce[9..15], ["2024-03-01", "2026-03-01", "law_ethics:2.5/6", "", "", ""]);
        let cert = by_req("Medi-Cal peer support specialist certification");
        assert_eq!(&cert[4..6], ["current", "2026-03-01"]);
        assert_eq!(cert[8], "Renew between 2025-12-02 and 2026-03-01");
        // A waived row says why, by whom and until when.
        let cpr = by_req("CPR");
        assert_eq!(&cpr[4..9], ["waived", "", "", "", ""]);
        assert_eq!(&cpr[12..15], ["Medical leave, per HR", "Ana Ruiz", "2025-12-31"]);
        // Statuses are the code words.
        let words = ["current", "due_soon", "expired", "missing", "in_progress", "waived"];
        assert!(table[1..].iter().all(|r| words.contains(&r[4].as_str())));
    }
}
