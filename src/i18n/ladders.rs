//! Words for ladders and pay: conditions, what is missing, money, attestation kinds.
//! Numbers take the right plural in each language ("1 more month", "4 more months").

use super::{date_in, decimal_separator, join_names, DateStyle};
use crate::domain::date::Date;
use crate::domain::hours::Hours;
use crate::domain::ladders::board::Bucket;
use crate::domain::ladders::ladder::{FrameworkCode, Rule};
use crate::domain::ladders::money::{Bp, Cents};
use crate::domain::ladders::person::{PlacementReason, BIRTH_SUPPORTED, LANGUAGE_PREFIX, LIVED_EXPERIENCE, PROBATION, RECOMMENDATION_LETTER, SUPERVISOR_RECOMMENDATION};
use crate::domain::ladders::readiness::Missing;
use crate::domain::status::Status;
use crate::domain::text::Locale;

/// Names of things the words refer to, from the catalog and the requirements in use.
pub struct Names<'a> {
    pub training: &'a dyn Fn(&str) -> String,
    pub requirement: &'a dyn Fn(&str) -> String,
}

/// "$17.92" / "$17,92"; annual amounts grouped: "$41,600.00" / "$41.600,00".
pub fn money(locale: Locale, c: Cents) -> String {
    let text = match locale {
        Locale::En => c.format_with('.', ','),
        Locale::Es => c.format_with(',', '.'),
    };
    match text.strip_prefix('-') {
        Some(rest) => format!("-${rest}"),
        None => format!("${text}"),
    }
}

/// "5.74 %" / "5,74 %".
pub fn percent(locale: Locale, bp: Bp) -> String {
    format!("{} %", bp.format_with(decimal_separator(locale)))
}

/// A ratio in basis points as a percentage with one decimal: 9,731 → "97.3 %".
pub fn ratio(locale: Locale, bp: i64) -> String {
    let tenths = (bp as f64 / 10.0).round() as i64; // display only: never feeds a decision
    let text = format!("{}.{}", tenths / 10, (tenths % 10).abs());
    format!("{} %", text.replace('.', &decimal_separator(locale).to_string()))
}

fn plural(locale: Locale, n: u32, en: (&str, &str), es: (&str, &str)) -> String {
    let word = match (locale, n) {
        (Locale::En, 1) => en.0,
        (Locale::En, _) => en.1,
        (Locale::Es, 1) => es.0,
        (Locale::Es, _) => es.1,
    };
    format!("{n} {word}")
}

pub fn months(locale: Locale, n: u32) -> String {
    plural(locale, n, ("month", "months"), ("mes", "meses"))
}

/// "1 more month" / "4 more months"; "1 mes más" / "4 meses más".
fn more_months(locale: Locale, n: u32) -> String {
    match locale {
        Locale::En => format!("{n} more {}", if n == 1 { "month" } else { "months" }),
        Locale::Es => format!("{} más", months(locale, n)),
    }
}

/// "1 more hour" / "4.5 more hours"; "1 hora más" / "4,5 horas más".
fn more_hours(locale: Locale, h: Hours) -> String {
    let n = h.format_with(decimal_separator(locale));
    let one = h == Hours::whole(1);
    match locale {
        Locale::En => format!("{n} more {}", if one { "hour" } else { "hours" }),
        Locale::Es => format!("{n} {} más", if one { "hora" } else { "horas" }),
    }
}

fn hours(locale: Locale, h: Hours) -> String {
    let n = h.format_with(decimal_separator(locale));
    match (locale, h == Hours::whole(1)) {
        (Locale::En, true) => "1 hour".into(),
        (Locale::En, false) => format!("{n} hours"),
        (Locale::Es, true) => "1 hora".into(),
        (Locale::Es, false) => format!("{n} horas"),
    }
}

/// A language name as typed for a proficiency attestation, in the reader's language when
/// it is one the app knows.
fn language_name(locale: Locale, typed: &str) -> String {
    const KNOWN: [(&str, &str, &str); 7] = [
        ("spanish", "Spanish", "español"),
        ("english", "English", "inglés"),
        ("chinese", "Chinese", "chino"),
        ("vietnamese", "Vietnamese", "vietnamita"),
        ("tagalog", "Tagalog", "tagalo"),
        ("korean", "Korean", "coreano"),
        ("español", "Spanish", "español"),
    ];
    let lower = typed.trim().to_lowercase();
    match KNOWN.iter().find(|(code, _, _)| *code == lower) {
        Some((_, en, es)) => if locale == Locale::En { (*en).to_owned() } else { (*es).to_owned() },
        None => typed.trim().to_owned(),
    }
}

/// An attestation kind in words: "Lived experience…", "Language proficiency: Spanish", or
/// the organization's own wording as it was typed.
pub fn attestation_kind(locale: Locale, kind: &str) -> String {
    let lower = kind.to_lowercase();
    if lower.starts_with(LANGUAGE_PREFIX) {
        let language = language_name(locale, &kind[LANGUAGE_PREFIX.len()..]);
        return match locale {
            Locale::En => format!("Language proficiency: {language}"),
            Locale::Es => format!("Dominio de idioma: {language}"),
        };
    }
    match (locale, lower.as_str()) {
        (Locale::En, LIVED_EXPERIENCE) => "Lived experience that aligns with the community served".into(),
        (Locale::Es, LIVED_EXPERIENCE) => "Experiencia vivida afín a la comunidad que atiende".into(),
        (Locale::En, SUPERVISOR_RECOMMENDATION) => "Supervisor's recommendation".into(),
        (Locale::Es, SUPERVISOR_RECOMMENDATION) => "Recomendación de la persona supervisora".into(),
        (Locale::En, PROBATION) => "Probation completed".into(),
        (Locale::Es, PROBATION) => "Periodo de prueba completado".into(),
        (Locale::En, RECOMMENDATION_LETTER) => "Letter of recommendation or client testimonial".into(),
        (Locale::Es, RECOMMENDATION_LETTER) => "Carta de recomendación o testimonio de cliente".into(),
        (Locale::En, BIRTH_SUPPORTED) => "Birth supported as a doula".into(),
        (Locale::Es, BIRTH_SUPPORTED) => "Parto acompañado como doula".into(),
        _ => kind.to_owned(),
    }
}

/// A pathway's evidence, counted: "3 letters of recommendation", "support at 1 birth".
pub fn attestations_needed(locale: Locale, kind: &str, count: u32) -> String {
    let one = count == 1;
    match (locale, kind) {
        (Locale::En, RECOMMENDATION_LETTER) if one => "1 letter of recommendation or client testimonial".into(),
        (Locale::En, RECOMMENDATION_LETTER) => format!("{count} letters of recommendation or client testimonials"),
        (Locale::Es, RECOMMENDATION_LETTER) if one => "1 carta de recomendación o testimonio de cliente".into(),
        (Locale::Es, RECOMMENDATION_LETTER) => format!("{count} cartas de recomendación o testimonios de clientes"),
        (Locale::En, BIRTH_SUPPORTED) if one => "support at 1 birth".into(),
        (Locale::En, BIRTH_SUPPORTED) => format!("support at {count} births"),
        (Locale::Es, BIRTH_SUPPORTED) if one => "apoyo en 1 parto".into(),
        (Locale::Es, BIRTH_SUPPORTED) => format!("apoyo en {count} partos"),
        (_, other) => format!("{count} × {}", attestation_kind(locale, other)),
    }
}

pub fn placement_reason(locale: Locale, r: PlacementReason) -> &'static str {
    use PlacementReason::*;
    match (locale, r) {
        (Locale::En, Hire) => "Hired or first placed",
        (Locale::Es, Hire) => "Contratación o primera asignación",
        (Locale::En, Promotion) => "Promotion",
        (Locale::Es, Promotion) => "Ascenso",
        (Locale::En, PayStep) => "Pay step",
        (Locale::Es, PayStep) => "Escalón salarial",
        (Locale::En, Transfer) => "Transfer",
        (Locale::Es, Transfer) => "Traslado",
        (Locale::En, Correction) => "Correction",
        (Locale::Es, Correction) => "Corrección",
    }
}

pub fn bucket(locale: Locale, b: Bucket) -> &'static str {
    match (locale, b) {
        (Locale::En, Bucket::ReadyNow) => "Ready now",
        (Locale::Es, Bucket::ReadyNow) => "Listas ahora",
        (Locale::En, Bucket::Within90) => "Ready within 90 days",
        (Locale::Es, Bucket::Within90) => "Listas en 90 días o menos",
        (Locale::En, Bucket::Blocked) => "Blocked",
        (Locale::Es, Bucket::Blocked) => "Con algo pendiente",
    }
}

fn framework(locale: Locale, f: FrameworkCode) -> &'static str {
    match (locale, f) {
        (Locale::En, FrameworkCode::C3) => "the C3 core skills",
        (Locale::Es, FrameworkCode::C3) => "las habilidades básicas C3",
        (Locale::En, FrameworkCode::Sb803) => "the SB 803 peer training areas",
        (Locale::Es, FrameworkCode::Sb803) => "las áreas de capacitación de pares de SB 803",
    }
}

fn categories(locale: Locale, list: &[crate::domain::training::CeCategory]) -> String {
    let names: Vec<String> = list.iter().map(|k| super::ce_category(locale, *k).to_lowercase()).collect();
    join_names(locale, &names, false)
}

fn competency_names(locale: Locale, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| crate::domain::competency::find(id).map_or_else(|| id.clone(), |c| if locale == Locale::En { c.en.to_owned() } else { c.es.to_owned() }))
        .collect();
    join_names(locale, &names, true)
}

/// A condition or group as a line of the ladder's description: "Motivational interviewing,
/// completed", "12 months in this step", "At least 2 of these:".
pub fn rule(locale: Locale, r: &Rule, names: &Names) -> String {
    let within = |m: u32| match locale {
        Locale::En => format!(" within the last {}", months(locale, m)),
        Locale::Es => format!(" en los últimos {}", months(locale, m)),
    };
    match (locale, r) {
        (Locale::En, Rule::All(items)) if items.is_empty() => "Nothing required".into(),
        (Locale::Es, Rule::All(items)) if items.is_empty() => "No se requiere nada".into(),
        (Locale::En, Rule::All(_)) => "All of these:".into(),
        (Locale::Es, Rule::All(_)) => "Todo lo siguiente:".into(),
        (Locale::En, Rule::AnyOf { n, .. }) => format!("At least {n} of these:"),
        (Locale::Es, Rule::AnyOf { n, .. }) => format!("Al menos {n} de lo siguiente:"),
        (Locale::En, Rule::Requirement { requirement_id }) => format!("{}: current", (names.requirement)(requirement_id)),
        (Locale::Es, Rule::Requirement { requirement_id }) => format!("{}: vigente", (names.requirement)(requirement_id)),
        (Locale::En, Rule::Training { training_id, within_months }) => {
            format!("{}: completed{}", (names.training)(training_id), within_months.map(within).unwrap_or_default())
        }
        (Locale::Es, Rule::Training { training_id, within_months }) => {
            format!("{}: completada{}", (names.training)(training_id), within_months.map(within).unwrap_or_default())
        }
        (Locale::En, Rule::Competencies { framework: f, ids }) if ids.is_empty() => format!("Every one of {} covered by completed trainings", framework(locale, *f)),
        (Locale::Es, Rule::Competencies { framework: f, ids }) if ids.is_empty() => format!("Todas {} cubiertas por capacitaciones completadas", framework(locale, *f)),
        (Locale::En, Rule::Competencies { ids, .. }) => format!("Covered by completed trainings: {}", competency_names(locale, ids)),
        (Locale::Es, Rule::Competencies { ids, .. }) => format!("Cubiertas por capacitaciones completadas: {}", competency_names(locale, ids)),
        (Locale::En, Rule::CeHours { hours: h, categories: k, within_months }) if k.is_empty() => format!("{} of continuing education{}", hours(locale, *h), within(*within_months)),
        (Locale::Es, Rule::CeHours { hours: h, categories: k, within_months }) if k.is_empty() => format!("{} de educación continua{}", hours(locale, *h), within(*within_months)),
        (Locale::En, Rule::CeHours { hours: h, categories: k, within_months }) => format!("{} of {}{}", hours(locale, *h), categories(locale, k), within(*within_months)),
        (Locale::Es, Rule::CeHours { hours: h, categories: k, within_months }) => format!("{} de {}{}", hours(locale, *h), categories(locale, k), within(*within_months)),
        (Locale::En, Rule::MonthsInStep { months: m }) => format!("{} in the current step", months(locale, *m)),
        (Locale::Es, Rule::MonthsInStep { months: m }) => format!("{} en el escalón actual", months(locale, *m)),
        (Locale::En, Rule::MonthsOfService { months: m }) => format!("{} of service", months(locale, *m)),
        (Locale::Es, Rule::MonthsOfService { months: m }) => format!("{} de servicio", months(locale, *m)),
        (Locale::En, Rule::HoursWorked { hours: h, within_months }) => format!("{} worked{}", hours(locale, *h), within_months.map(within).unwrap_or_default()),
        (Locale::Es, Rule::HoursWorked { hours: h, within_months }) => format!("{} trabajadas{}", hours(locale, *h), within_months.map(within).unwrap_or_default()),
        (_, Rule::Attestation { kind }) => attestation_kind(locale, kind),
    }
}

fn status_word(locale: Locale, s: Status) -> String {
    super::status(locale, s).to_lowercase()
}

/// What is missing, in words: "Motivational interviewing: not taken", "4 more months in
/// step (on February 1, 2027)", "Lived experience that aligns…: attestation needed".
pub fn missing(locale: Locale, style: DateStyle, m: &Missing, names: &Names) -> String {
    let on = |d: &Option<Date>| d.map(|d| date_in(locale, style, d));
    match (locale, m) {
        (Locale::En, Missing::Requirement { requirement_id, status }) => format!("{}: {}", (names.requirement)(requirement_id), status_word(locale, *status)),
        (Locale::Es, Missing::Requirement { requirement_id, status }) => format!("{}: {}", (names.requirement)(requirement_id), status_word(locale, *status)),
        (Locale::En, Missing::Training { training_id, last: None }) => format!("{}: not taken", (names.training)(training_id)),
        (Locale::Es, Missing::Training { training_id, last: None }) => format!("{}: no la ha tomado", (names.training)(training_id)),
        (Locale::En, Missing::Training { training_id, last: Some(d) }) => format!("{}: last taken {}, too long ago", (names.training)(training_id), date_in(locale, style, *d)),
        (Locale::Es, Missing::Training { training_id, last: Some(d) }) => format!("{}: la tomó el {}, hace demasiado tiempo", (names.training)(training_id), date_in(locale, style, *d)),
        (Locale::En, Missing::Competencies { ids }) => format!("Not yet covered: {}", competency_names(locale, ids)),
        (Locale::Es, Missing::Competencies { ids }) => format!("Falta cubrir: {}", competency_names(locale, ids)),
        (Locale::En, Missing::CeHours { more, categories: k }) if k.is_empty() => format!("{} of continuing education", more_hours(locale, *more)),
        (Locale::Es, Missing::CeHours { more, categories: k }) if k.is_empty() => format!("{} de educación continua", more_hours(locale, *more)),
        (Locale::En, Missing::CeHours { more, categories: k }) => format!("{} of {}", more_hours(locale, *more), categories(locale, k)),
        (Locale::Es, Missing::CeHours { more, categories: k }) => format!("{} de {}", more_hours(locale, *more), categories(locale, k)),
        (Locale::En, Missing::MonthsInStep { more, on: d }) => match on(d) {
            Some(d) => format!("{} in this step (on {d})", more_months(locale, *more)),
            None => "Not placed on this ladder yet".into(),
        },
        (Locale::Es, Missing::MonthsInStep { more, on: d }) => match on(d) {
            Some(d) => format!("{} en este escalón (el {d})", more_months(locale, *more)),
            None => "Todavía no tiene asignado un escalón".into(),
        },
        (Locale::En, Missing::MonthsOfService { more, on: d }) => match on(d) {
            Some(d) => format!("{} of service (on {d})", more_months(locale, *more)),
            None => "Record the hire date".into(),
        },
        (Locale::Es, Missing::MonthsOfService { more, on: d }) => match on(d) {
            Some(d) => format!("{} de servicio (el {d})", more_months(locale, *more)),
            None => "Registrar la fecha de contratación".into(),
        },
        (Locale::En, Missing::HoursWorked { more }) => format!("{} worked", more_hours(locale, *more)),
        (Locale::Es, Missing::HoursWorked { more }) => format!("{} de trabajo", more_hours(locale, *more)),
        (Locale::En, Missing::Attestation { kind }) => format!("{}: attestation needed", attestation_kind(locale, kind)),
        (Locale::Es, Missing::Attestation { kind }) => format!("{}: falta la constancia", attestation_kind(locale, kind)),
        (_, Missing::Choose { more, of }) => {
            let options: Vec<String> = of.iter().map(|x| missing(locale, style, x, names)).collect();
            match locale {
                Locale::En => format!("{} more of: {}", more, options.join("; ")),
                Locale::Es => format!("{} más de: {}", more, options.join("; ")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;

    fn names() -> (impl Fn(&str) -> String, impl Fn(&str) -> String) {
        (|id: &str| if id == "builtin.motivational_interviewing" { "Motivational interviewing".into() } else { id.into() }, |id: &str| id.to_owned())
    }

    #[test]
    fn missing_items_read_as_a_person_would_write_them_with_plurals() {
        let (t, r) = names();
        let n = Names { training: &t, requirement: &r };
        let d = Date::parse_iso("2027-02-01").unwrap();
        let cases = [
            (Locale::En, Missing::Training { training_id: "builtin.motivational_interviewing".into(), last: None }, "Motivational interviewing: not taken"),
            (Locale::En, Missing::MonthsInStep { more: 4, on: Some(d) }, "4 more months in this step (on February 1, 2027)"),
            (Locale::En, Missing::MonthsInStep { more: 1, on: Some(d) }, "1 more month in this step (on February 1, 2027)"),
            (Locale::Es, Missing::MonthsInStep { more: 1, on: Some(d) }, "1 mes más en este escalón (el 1 de febrero de 2027)"),
            (Locale::Es, Missing::MonthsInStep { more: 4, on: Some(d) }, "4 meses más en este escalón (el 1 de febrero de 2027)"),
            (Locale::En, Missing::Attestation { kind: LIVED_EXPERIENCE.into() }, "Lived experience that aligns with the community served: attestation needed"),
            (Locale::En, Missing::CeHours { more: Hours::whole(1), categories: vec![] }, "1 more hour of continuing education"),
            (Locale::Es, Missing::CeHours { more: Hours::from_hundredths(150), categories: vec![] }, "1,5 horas más de educación continua"),
            (Locale::Es, Missing::HoursWorked { more: Hours::whole(1) }, "1 hora más de trabajo"),
            (Locale::Es, Missing::Attestation { kind: "language:spanish".into() }, "Dominio de idioma: español: falta la constancia"),
        ];
        for (locale, m, want) in cases {
            assert_eq!(missing(locale, DateStyle::Local, &m, &n), want);
        }
        assert_eq!(missing(Locale::En, DateStyle::Iso, &Missing::MonthsInStep { more: 4, on: Some(d) }, &n), "4 more months in this step (on 2027-02-01)");
    }

    #[test]
    fn money_and_ratios_in_each_language() {
        assert_eq!(money(Locale::En, Cents(4_160_000)), "$41,600.00");
        assert_eq!(money(Locale::Es, Cents(1792)), "$17,92");
        assert_eq!(money(Locale::En, Cents(-640_640)), "-$6,406.40");
        assert_eq!(percent(Locale::Es, Bp(574)), "5,74 %");
        assert_eq!(ratio(Locale::En, 9731), "97.3 %");
        assert_eq!(ratio(Locale::Es, 10_000), "100,0 %");
        assert_eq!(attestation_kind(Locale::En, "Bilingual certificate"), "Bilingual certificate");
    }
}
