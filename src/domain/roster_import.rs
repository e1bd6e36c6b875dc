//! Importing a roster of people from a spreadsheet's CSV (docs/records-csv.md, "Importing
//! people"): the bytes decoded (UTF-8, with or without a byte-order mark, or Windows-1252 with
//! a notice), the delimiter found (comma or semicolon), the columns matched to fields (guessed
//! from the header in English or Spanish, or as remembered; the person can change each), and
//! every row checked by the same validation as the person form, with a report of each problem
//! by line and column. Nothing is written here: the caller writes the valid people in one
//! transaction once the person confirms.

use super::form::{Field, PersonDraft, Problem};
use super::person::{Person, PreferredLanguage, WorkerType};
use super::text::fold;

/// How the file's bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// Not UTF-8: read as Windows-1252 (a superset of Latin-1), and the person is told.
    Windows1252,
}

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of its upper half is Latin-1's).
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
    '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        if let Ok(text) = std::str::from_utf8(rest) {
            return (text.to_owned(), Encoding::Utf8Bom);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => {
            let text = bytes.iter().map(|&b| if (0x80..0xA0).contains(&b) { CP1252_80_9F[usize::from(b - 0x80)] } else { char::from(b) }).collect();
            (text, Encoding::Windows1252)
        }
    }
}

/// `;` when the header line has more semicolons than commas outside quotes (a spreadsheet
/// set to a language that writes decimals with a comma), else `,`.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for ch in header.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// The file as a header and rows, each row with its line number (the header is line 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file is not a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    Empty,
    /// Broken quoting or the like, at this line.
    Unreadable { line: usize },
}

pub fn read_table(text: &str, delimiter: u8) -> Result<Table, TableProblem> {
    if text.trim().is_empty() {
        return Err(TableProblem::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut table = Table::default();
    // The line a record starts on, counted from its byte offset (a quoted cell may span
    // lines). The reader may place a record at the line break before it (after a CR, or at
    // a skipped blank line): the record starts after those.
    // Records come in order, so the newlines are counted on from the last record's start
    // (counting from the top each time made a 5,000-row file take most of a second).
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    let mut line_at = |byte: u64| {
        let mut at = (byte as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        if at < counted_to {
            (counted_to, newlines) = (0, 0);
        }
        // A line ends at LF, CRLF or a lone CR (Excel for Mac): count the file's own lines.
        let seen = &bytes[counted_to..at];
        newlines += seen.iter().enumerate().filter(|(i, b)| **b == b'\n' || (**b == b'\r' && seen.get(i + 1) != Some(&b'\n'))).count();
        counted_to = at;
        newlines + 1
    };
    for (i, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) => return Err(TableProblem::Unreadable { line: e.position().map_or(i + 1, |p| line_at(p.byte())) }),
        };
        let line = record.position().map_or(i + 1, |p| line_at(p.byte()));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if i == 0 {
            table.headers = cells;
        } else if cells.iter().any(|c| !c.is_empty()) {
            table.rows.push((line, cells));
        }
    }
    if table.headers.iter().all(String::is_empty) {
        return Err(TableProblem::Empty);
    }
    Ok(table)
}

/// The fields a roster can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Email,
    WorkerType,
    PreferredLanguage,
    Organization,
    Program,
    RoleTitle,
    HireDate,
    Supervisor,
    Notes,
    // Trainings completed:
    Person,
    Training,
    CompletedOn,
    Hours,
    Provider,
    CertificateNumber,
    /// The row as a whole (a problem of no one column: more cells than the header names).
    Row,
}

impl Column {
    /// A roster's columns.
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Email,
        Column::WorkerType,
        Column::PreferredLanguage,
        Column::Organization,
        Column::Program,
        Column::RoleTitle,
        Column::HireDate,
        Column::Supervisor,
        Column::Notes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Email => "email",
            Column::WorkerType => "worker_type",
            Column::PreferredLanguage => "preferred_language",
            Column::Organization => "organization",
            Column::Program => "program",
            Column::RoleTitle => "role_title",
            Column::HireDate => "hire_date",
            Column::Supervisor => "supervisor",
            Column::Notes => "notes",
            Column::Person => "person",
            Column::Training => "training",
            Column::CompletedOn => "completed_on",
            Column::Hours => "hours",
            Column::Provider => "provider",
            Column::CertificateNumber => "certificate_number",
            Column::Row => "row",
        }
    }

    /// Header names this field is recognised by (folded: no case, no accents).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["name", "full name", "nombre", "nombre completo"],
            Column::Email => &["email", "e-mail", "email address", "correo", "correo electronico"],
            Column::WorkerType => &["worker type", "type", "tipo de trabajador", "tipo de trabajador(a)", "tipo"],
            Column::PreferredLanguage => &["preferred language", "language", "idioma", "idioma preferido"],
            Column::Organization => &["organization", "organisation", "organizacion"],
            Column::Program => &["program", "programa"],
            Column::RoleTitle => &["role title", "role", "title", "job title", "cargo", "puesto"],
            Column::HireDate => &["hire date", "start date", "date hired", "fecha de contratacion", "fecha de ingreso"],
            Column::Supervisor => &["supervisor", "supervisora", "supervising provider"],
            Column::Notes => &["notes", "notas", "comments", "comentarios"],
            Column::Person => &["person", "person id", "name", "full name", "email", "nombre", "persona", "correo"],
            Column::Training => &["training", "training id", "course", "capacitacion", "curso"],
            Column::CompletedOn => &["completed on", "date completed", "date", "fecha", "fecha de finalizacion", "completado el"],
            Column::Hours => &["hours", "horas"],
            Column::Provider => &["provider", "proveedor", "trainer", "capacitador"],
            Column::CertificateNumber => &["certificate number", "certificate", "numero de certificado", "certificado"],
            Column::Row => &[],
        }
    }

    /// The person form's field this column fills (worker type and language are chosen from
    /// lists there, so a value here that is not on the list is this module's own problem).
    fn field(self) -> Option<Field> {
        match self {
            Column::Name => Some(Field::Name),
            Column::Email => Some(Field::Email),
            Column::Organization => Some(Field::Organization),
            Column::Program => Some(Field::Program),
            Column::RoleTitle => Some(Field::RoleTitle),
            Column::HireDate => Some(Field::HireDate),
            Column::Supervisor => Some(Field::Supervisor),
            Column::Notes => Some(Field::Notes),
            Column::WorkerType | Column::PreferredLanguage | Column::Row => None,
            Column::Person => Some(Field::Person),
            Column::Training => Some(Field::Training),
            Column::CompletedOn => Some(Field::CompletedOn),
            Column::Hours => Some(Field::Hours),
            Column::Provider => Some(Field::Provider),
            Column::CertificateNumber => Some(Field::CertificateNumber),
        }
    }

    fn of_field(columns: &[Column], field: Field) -> Column {
        columns.iter().copied().find(|c| c.field() == Some(field)).unwrap_or(columns[0])
    }
}

/// Which column of the file fills each field (`None`: left empty).
pub type Mapping = Vec<(Column, Option<usize>)>;

fn folded_header(h: &str) -> String {
    fold(h).replace('_', " ").trim().to_owned()
}

/// The mapping to start from: a header remembered for the field from the last import when
/// the file has it, else one the field is known by, else none.
pub fn guess(columns: &[Column], headers: &[String], remembered: &[(String, String)]) -> Mapping {
    let folded: Vec<String> = headers.iter().map(|h| folded_header(h)).collect();
    columns
        .iter()
        .map(|&column| {
            let by_memory = remembered
                .iter()
                .find(|(code, _)| code == column.code())
                .and_then(|(_, header)| folded.iter().position(|h| *h == folded_header(header)));
            let by_name = || folded.iter().position(|h| *h == folded_header(column.code()) || column.aliases().contains(&h.as_str()));
            (column, by_memory.or_else(by_name))
        })
        .collect()
}

/// Is every column a row cannot do without matched to one of the file's (a person's name on
/// a roster; the person on a file of trainings completed)?
pub fn required_mapped(mapping: &Mapping) -> bool {
    mapping.iter().filter(|(c, _)| matches!(c, Column::Name | Column::Person)).all(|(_, i)| i.is_some())
}

/// What to remember of a mapping for next time: each field's header name.
pub fn remember(headers: &[String], mapping: &Mapping) -> Vec<(String, String)> {
    mapping.iter().filter_map(|(c, i)| Some((c.code().to_owned(), headers.get((*i)?)?.clone()))).collect()
}

fn worker_type(value: &str) -> Option<WorkerType> {
    let v = folded_header(value);
    if v.is_empty() {
        return Some(WorkerType::Other);
    }
    let known: &[(WorkerType, &[&str])] = &[
        (WorkerType::Chw, &["chw", "community health worker", "chw/p/r", "promotor", "promotora", "promotor de salud", "promotora de salud", "representative", "trabajador comunitario de salud"]),
        (WorkerType::PeerSupportSpecialist, &["peer", "peer support specialist", "peer support", "especialista en apoyo entre pares", "par"]),
        (WorkerType::BehavioralHealthNavigator, &["behavioral health navigator", "navigator", "navegador", "navegadora"]),
        (WorkerType::PerinatalDoula, &["doula", "perinatal doula", "doula perinatal"]),
        (WorkerType::FamilyCaregiverCoach, &["family caregiver coach", "caregiver coach"]),
        (WorkerType::ViolencePrevention, &["violence prevention", "violence prevention professional", "prevencion de la violencia"]),
        (WorkerType::Other, &["other", "otro", "otra"]),
    ];
    WorkerType::ALL.into_iter().find(|w| folded_header(w.code()) == v).or_else(|| known.iter().find(|(_, names)| names.contains(&v.as_str())).map(|(w, _)| *w))
}

fn language(value: &str) -> Option<PreferredLanguage> {
    let v = folded_header(value);
    if v.is_empty() {
        return Some(PreferredLanguage::English);
    }
    let known: &[(PreferredLanguage, &[&str])] = &[
        (PreferredLanguage::English, &["en", "ingles"]),
        (PreferredLanguage::Spanish, &["es", "espanol", "castellano"]),
        (PreferredLanguage::Chinese, &["zh", "chino", "mandarin", "cantonese"]),
        (PreferredLanguage::Vietnamese, &["vi", "vietnamita"]),
        (PreferredLanguage::Tagalog, &["tl", "filipino"]),
        (PreferredLanguage::Korean, &["ko", "coreano"]),
        (PreferredLanguage::Other, &["otro", "otra"]),
    ];
    PreferredLanguage::ALL.into_iter().find(|l| l.code() == v).or_else(|| known.iter().find(|(_, names)| names.contains(&v.as_str())).map(|(l, _)| *l))
}

/// One problem of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    pub column: Column,
    pub value: String,
    pub problem: Problem,
}

/// The records to add and every problem found; a row with a problem adds nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan<T> {
    pub items: Vec<T>,
    pub problems: Vec<RowProblem>,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
}

/// The row's value for `column` (empty when it is not mapped). Our own exports guard a
/// formula-looking cell with a leading apostrophe: it is taken off.
fn cell(mapping: &Mapping, cells: &[String], column: Column) -> String {
    let raw = mapping.iter().find(|(c, _)| *c == column).and_then(|(_, i)| cells.get((*i)?)).cloned().unwrap_or_default();
    match raw.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => raw,
    }
}

/// A row with more cells than the header has names: its extra cells would be lost, so the row
/// is refused and named (often a stray delimiter in an unquoted cell).
fn ragged(table: &Table, cells: &[String]) -> Option<(Column, Problem)> {
    let extra = cells.len().saturating_sub(table.headers.len());
    let filled = cells.iter().skip(table.headers.len()).any(|c| !c.is_empty());
    (extra > 0 && filled).then_some((Column::Row, Problem::ExtraCells { found: cells.len(), expected: table.headers.len() }))
}

/// Checks every row. `existing` are the people here (an email already here, or twice in the
/// file, is reported and not added again); `new_id` gives each new person an id.
pub fn plan(table: &Table, mapping: &Mapping, existing: &[Person], new_id: &mut dyn FnMut() -> String) -> Plan<Person> {
    let mut out = Plan { items: Vec::new(), problems: Vec::new(), rows_with_problems: 0 };
    // A set, not a list: a roster of thousands against thousands here stays linear.
    let mut emails: std::collections::HashSet<String> = existing.iter().filter(|p| !p.email.trim().is_empty()).map(|p| p.email.trim().to_lowercase()).collect();
    for (line, cells) in &table.rows {
        let cell = |column: Column| cell(mapping, cells, column);
        let mut found: Vec<(Column, Problem)> = ragged(table, cells).into_iter().collect();
        let worker = worker_type(&cell(Column::WorkerType)).unwrap_or_else(|| {
            found.push((Column::WorkerType, Problem::UnknownValue));
            WorkerType::Other
        });
        let preferred = language(&cell(Column::PreferredLanguage)).unwrap_or_else(|| {
            found.push((Column::PreferredLanguage, Problem::UnknownValue));
            PreferredLanguage::English
        });
        let draft = PersonDraft {
            name: cell(Column::Name),
            preferred_language: preferred,
            worker_type: worker,
            organization: cell(Column::Organization),
            program: cell(Column::Program),
            role_title: cell(Column::RoleTitle),
            hire_date: cell(Column::HireDate),
            employment_type: None,
            supervisor: cell(Column::Supervisor),
            supervising_org: String::new(),
            email: cell(Column::Email),
            notes: cell(Column::Notes),
        };
        let email = draft.email.trim().to_lowercase();
        if !email.is_empty() && emails.contains(&email) {
            found.push((Column::Email, Problem::AlreadyHere));
        }
        match draft.to_person("", false) {
            Err(errors) => found.extend(errors.0.into_iter().map(|(field, p)| (Column::of_field(&Column::ALL, field), p))),
            Ok(person) if found.is_empty() => {
                if !email.is_empty() {
                    emails.insert(email);
                }
                out.items.push(Person { id: new_id(), ..person });
            }
            Ok(_) => {}
        }
        if !found.is_empty() {
            out.rows_with_problems += 1;
            out.problems.extend(found.into_iter().map(|(column, problem)| RowProblem { line: *line, column, value: cell(column), problem }));
        }
    }
    out
}

/// A file of trainings completed: its columns.
pub const COMPLETION_COLUMNS: [Column; 7] =
    [Column::Person, Column::Training, Column::CompletedOn, Column::Hours, Column::Provider, Column::CertificateNumber, Column::Notes];

/// Checks every row of a file of trainings completed. The person is found by id, email, or a
/// name only one person here has; the training by id or by its name in either language.
/// A completion of the same training on the same day, here or earlier in the file, is not
/// added again. Hours left empty take the training's typical hours.
pub fn plan_completions(
    table: &Table,
    mapping: &Mapping,
    people: &[Person],
    here: &dyn Fn(&str) -> Vec<(String, super::date::Date)>,
    trainings: &[super::training::TrainingType],
    today: super::date::Date,
    new_id: &mut dyn FnMut() -> String,
) -> Plan<super::completion::Completion> {
    use super::form::CompletionDraft;
    let mut out = Plan { items: Vec::new(), problems: Vec::new(), rows_with_problems: 0 };
    let mut seen: std::collections::HashSet<(String, String, super::date::Date)> = Default::default();
    // Looked up by id, email and folded name through indexes built once (first match wins,
    // as a search in order would), so a file of thousands of rows stays linear.
    use std::collections::HashMap;
    let mut by_id: HashMap<&str, &Person> = HashMap::new();
    let mut by_email: HashMap<String, &Person> = HashMap::new();
    let mut by_name: HashMap<String, Vec<&Person>> = HashMap::new();
    for p in people {
        by_id.entry(p.id.as_str()).or_insert(p);
        if !p.email.is_empty() {
            by_email.entry(p.email.trim().to_lowercase()).or_insert(p);
        }
        by_name.entry(fold(&p.name)).or_default().push(p);
    }
    let folded_trainings: Vec<(String, String)> = trainings.iter().map(|t| (fold(t.name.en.trim()), fold(t.name.es.trim()))).collect();
    for (line, cells) in &table.rows {
        let cell = |column: Column| cell(mapping, cells, column);
        let mut found: Vec<(Column, Problem)> = ragged(table, cells).into_iter().collect();
        let who = cell(Column::Person);
        let folded_who = fold(who.trim());
        let person = by_id.get(who.trim()).copied().or_else(|| by_email.get(&who.trim().to_lowercase()).copied());
        let person = person.or_else(|| by_name.get(&folded_who).filter(|named| named.len() == 1).map(|named| named[0]));
        if person.is_none() && !who.trim().is_empty() {
            found.push((Column::Person, Problem::UnknownValue));
        }
        let what = cell(Column::Training);
        let folded_what = fold(what.trim());
        let training = trainings
            .iter()
            .zip(&folded_trainings)
            .find(|(t, (en, es))| t.id == what.trim() || *en == folded_what || *es == folded_what)
            .map(|(t, _)| t);
        if training.is_none() && !what.trim().is_empty() {
            found.push((Column::Training, Problem::UnknownValue));
        }
        let hours = cell(Column::Hours);
        let draft = CompletionDraft {
            person_id: person.map(|p| p.id.clone()).unwrap_or_else(|| if who.trim().is_empty() { String::new() } else { "?".into() }),
            training_id: training.map(|t| t.id.clone()).unwrap_or_else(|| if what.trim().is_empty() { String::new() } else { "?".into() }),
            completed_on: cell(Column::CompletedOn),
            hours: if hours.trim().is_empty() { training.map(|t| t.typical_hours.to_string()).unwrap_or_default() } else { hours },
            provider: cell(Column::Provider),
            certificate_number: cell(Column::CertificateNumber),
            ce_category: training.and_then(|t| t.default_ce_category),
            notes: cell(Column::Notes),
            ..CompletionDraft::default()
        };
        match draft.to_completion("", today) {
            Err(errors) => found.extend(errors.0.into_iter().map(|(field, p)| (Column::of_field(&COMPLETION_COLUMNS, field), p))),
            Ok(c) if found.is_empty() => {
                let key = (c.person_id.clone(), c.training_id.clone(), c.completed_on);
                let already = seen.contains(&key) || here(&c.person_id).iter().any(|(t, d)| *t == c.training_id && *d == c.completed_on);
                if already {
                    found.push((Column::CompletedOn, Problem::AlreadyHere));
                } else {
                    seen.insert(key);
                    out.items.push(super::completion::Completion { id: new_id(), ..c });
                }
            }
            Ok(_) => {}
        }
        found.dedup();
        if !found.is_empty() {
            out.rows_with_problems += 1;
            out.problems.extend(found.into_iter().map(|(column, problem)| RowProblem { line: *line, column, value: cell(column), problem }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        read_table(text, delimiter(text)).unwrap()
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new-{n}")
        }
    }

    #[test]
    fn bytes_are_read_as_utf8_with_or_without_a_mark_else_as_windows_1252() {
        assert_eq!(decode("José".as_bytes()), ("José".to_owned(), Encoding::Utf8));
        assert_eq!(decode(b"\xEF\xBB\xBFJos\xC3\xA9"), ("José".to_owned(), Encoding::Utf8Bom));
        // Excel on Windows, "CSV" (not "CSV UTF-8"): é is 0xE9, ñ 0xF1, € 0x80, ’ 0x92.
        assert_eq!(decode(b"Jos\xE9 N\xFA\xF1ez \x80 \x92"), ("José Núñez € ’".to_owned(), Encoding::Windows1252));
    }

    #[test]
    fn the_delimiter_is_a_comma_or_a_semicolon() {
        assert_eq!(delimiter("name,email\nA,b"), b',');
        assert_eq!(delimiter("Nombre;Correo;Programa\nA;b;c"), b';');
        assert_eq!(delimiter("\"Name; full\",email\n"), b',', "quoted semicolons do not count");
    }

    #[test]
    fn columns_are_guessed_in_either_language_or_as_remembered() {
        let headers: Vec<String> = ["Nombre completo", "Correo electrónico", "Tipo de trabajador(a)", "Fecha de contratación", "Mi programa"].map(String::from).to_vec();
        let m = guess(&Column::ALL, &headers, &[]);
        let at = |c: Column| m.iter().find(|(x, _)| *x == c).unwrap().1;
        assert_eq!((at(Column::Name), at(Column::Email), at(Column::WorkerType), at(Column::HireDate)), (Some(0), Some(1), Some(2), Some(3)));
        assert_eq!(at(Column::Program), None);
        assert!(required_mapped(&m));
        assert!(!required_mapped(&guess(&Column::ALL, &["Programa".to_owned()], &[])), "no name column");
        assert!(!required_mapped(&guess(&COMPLETION_COLUMNS, &["Fecha".to_owned()], &[])), "no person column");
        let remembered = vec![("program".to_owned(), "mi programa".to_owned())];
        assert_eq!(guess(&Column::ALL, &headers, &remembered).iter().find(|(c, _)| *c == Column::Program).unwrap().1, Some(4));
        assert_eq!(remember(&headers, &guess(&Column::ALL, &headers, &remembered))[0], ("name".to_owned(), "Nombre completo".to_owned()));
        // Our own people CSV maps itself.
        let own: Vec<String> = crate::export::records::PEOPLE_HEADER.split(',').map(String::from).collect();
        assert!(guess(&Column::ALL, &own, &[]).iter().all(|(_, i)| i.is_some()));
    }

    #[test]
    fn every_row_is_checked_and_each_problem_named_by_line_and_column() {
        let text = "Nombre;Correo;Tipo;Fecha de contratación;Idioma\r\n\
                    José Núñez;jose@example.org;Promotora;2024-02-29;Español\r\n\
                    ;sin-nombre@example.org;chw;;\r\n\
                    Ana;ana@example.org;astronaut;2025-02-30;\r\n\
                    Luis;JOSE@example.org;peer;;en\r\n\
                    Rosa;rosa@example.org;doula;;\r\n\
                    \r\n\
                    Beto;beto@;chw;;\r\n";
        let t = table(text);
        assert_eq!(t.rows.len(), 6, "blank lines are skipped");
        let here = vec![Person { email: "rosa@EXAMPLE.org".into(), ..crate::domain::person::sample("r", "Rosa") }];
        let plan = plan(&t, &guess(&Column::ALL, &t.headers, &[]), &here, &mut ids());
        assert_eq!(plan.items.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect::<Vec<_>>(), vec![("new-1", "José Núñez")]);
        let jose = &plan.items[0];
        assert_eq!((jose.worker_type, jose.preferred_language, jose.hire_date.map(|d| crate::domain::date::DateExt::to_iso(d))), (WorkerType::Chw, PreferredLanguage::Spanish, Some("2024-02-29".into())));
        let found: Vec<(usize, Column, Problem)> = plan.problems.iter().map(|p| (p.line, p.column, p.problem)).collect();
        assert_eq!(
            found,
            vec![
                (3, Column::Name, Problem::Required),
                (4, Column::WorkerType, Problem::UnknownValue),
                (4, Column::HireDate, Problem::InvalidDate),
                (5, Column::Email, Problem::AlreadyHere),
                (6, Column::Email, Problem::AlreadyHere),
                (8, Column::Email, Problem::InvalidEmail),
            ]
        );
        assert_eq!(plan.rows_with_problems, 5);
        assert_eq!(plan.problems[1].value, "astronaut");
    }

    /// Issue #20: a row with more cells than the header is refused, not cut short; a file
    /// with lone CR line ends (Excel for Mac) names each row's own line.
    #[test]
    fn ragged_rows_are_reported_and_lines_are_counted_as_the_file_has_them() {
        let long = format!("Rosa,rosa@example.org,peer{}", ",x".repeat(97));
        let t = table(&format!("name,email,worker type\nAna,ana@example.org,chw\n{long}\nLuis,luis@example.org,chw,\n"));
        let plan = plan(&t, &guess(&Column::ALL, &t.headers, &[]), &[], &mut ids());
        assert_eq!(plan.items.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Ana", "Luis"], "an empty trailing cell is no problem");
        let found: Vec<(usize, Column, Problem)> = plan.problems.iter().map(|p| (p.line, p.column, p.problem)).collect();
        assert_eq!(found, vec![(3, Column::Row, Problem::ExtraCells { found: 100, expected: 3 })]);

        let mac = table("name,email,worker type\rAna,ana@example.org,chw\rBeto,beto@,chw\r\rCarla,,astronaut\r");
        assert_eq!(mac.rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![2, 3, 5]);
        let plan = super::plan(&mac, &guess(&Column::ALL, &mac.headers, &[]), &[], &mut ids());
        assert_eq!(plan.problems.iter().map(|p| p.line).collect::<Vec<_>>(), vec![3, 5]);
        let crlf = table("name\r\nAna\r\n\r\nBeto\r\n");
        assert_eq!(crlf.rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(), vec![2, 4]);
    }

    #[test]
    fn a_guarded_formula_from_our_own_export_comes_back_as_it_was_typed() {
        let t = table("name,notes\nAna,'=SUM(1;2)\n");
        let plan = plan(&t, &guess(&Column::ALL, &t.headers, &[]), &[], &mut ids());
        assert_eq!(plan.items[0].notes, "=SUM(1;2)");
    }

    #[test]
    fn an_empty_file_is_not_a_table() {
        assert_eq!(read_table("  \n", b','), Err(TableProblem::Empty));
        assert_eq!(read_table(",,\n", b','), Err(TableProblem::Empty));
    }

    #[test]
    fn trainings_completed_find_their_person_and_training_and_are_never_added_twice() {
        use crate::domain::date::{Date, DateExt};
        let mut ana = crate::domain::person::sample("p-ana", "Ana Flores");
        ana.email = "ana@example.org".into();
        let jose = crate::domain::person::sample("p-jose", "José Núñez");
        let twins = [crate::domain::person::sample("t1", "Luis Ortiz"), crate::domain::person::sample("t2", "Luis Ortiz")];
        let people = vec![ana, jose, twins[0].clone(), twins[1].clone()];
        let trainings = crate::domain::catalog::builtin_trainings();
        let text = "person,training,date,hours,provider\n\
                    ANA@example.org,builtin.mhfa_adult,2025-03-01,,CalMHSA\n\
                    jose nunez,Primeros Auxilios de Salud Mental (adultos),2025-04-01,7.5,\n\
                    Ana Flores,builtin.hipaa,2025-02-01,1,\n\
                    Luis Ortiz,builtin.hipaa,2025-02-01,1,\n\
                    Nadie,builtin.hipaa,2025-02-01,1,\n\
                    ana@example.org,Astronomy,2025-02-01,1,\n\
                    ana@example.org,builtin.mhfa_adult,2025-03-01,8,\n\
                    p-jose,builtin.hipaa,2099-01-01,-2,\n";
        let t = table(text);
        let mapping = guess(&COMPLETION_COLUMNS, &t.headers, &[]);
        // Ana already has HIPAA on 2025-02-01 here.
        let here = |id: &str| if id == "p-ana" { vec![("builtin.hipaa".to_owned(), Date::parse_iso("2025-02-01").unwrap())] } else { Vec::new() };
        let today = Date::parse_iso("2026-11-29").unwrap();
        let plan = plan_completions(&t, &mapping, &people, &here, &trainings, today, &mut ids());
        let added: Vec<(&str, &str, String, String)> =
            plan.items.iter().map(|c| (c.person_id.as_str(), c.training_id.as_str(), c.completed_on.to_iso(), c.hours.to_string())).collect();
        assert_eq!(
            added,
            vec![
                ("p-ana", "builtin.mhfa_adult", "2025-03-01".to_owned(), "7.5".to_owned()),
                ("p-jose", "builtin.mhfa_adult", "2025-04-01".to_owned(), "7.5".to_owned()),
            ],
            "by email ignoring case, by a name one person has (accents aside), typical hours when empty"
        );
        let found: Vec<(usize, Column, Problem)> = plan.problems.iter().map(|p| (p.line, p.column, p.problem)).collect();
        assert_eq!(
            found,
            vec![
                (4, Column::CompletedOn, Problem::AlreadyHere),
                (5, Column::Person, Problem::UnknownValue),
                (6, Column::Person, Problem::UnknownValue),
                (7, Column::Training, Problem::UnknownValue),
                (8, Column::CompletedOn, Problem::AlreadyHere),
                (9, Column::CompletedOn, Problem::DateInFuture),
                (9, Column::Hours, Problem::InvalidHours),
            ]
        );
        assert_eq!(plan.rows_with_problems, 6);
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Arbitrary bytes never panic the reader, whatever the mapping.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let (text, _) = decode(&bytes);
            if let Ok(t) = read_table(&text, delimiter(&text)) {
                let mapping = guess(&Column::ALL, &t.headers, &[]);
                let _ = plan(&t, &mapping, &[], &mut ids());
                let every: Mapping = Column::ALL.into_iter().enumerate().map(|(i, c)| (c, Some(i))).collect();
                let _ = plan(&t, &every, &[], &mut ids());
            }
        }
    }
}
