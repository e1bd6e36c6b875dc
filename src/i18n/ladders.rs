//! Words for ladders and pay: conditions, what is missing, money, attestation kinds.
//! Numbers take the right plural in each language ("1 more month", "4 more months").

use super::{date_in, decimal_separator, fmt, hours_value, join_names, n, s, DateStyle, Fmt, Msg};
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

/// "$17.92"; annual amounts grouped: "$41,600.00" (English, es-US) / "$41.600,00" (es-ES).
pub fn money(locale: Locale, c: Cents) -> String {
    let text = c.format_with(decimal_separator(locale), super::group_separator(locale));
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

pub fn months(locale: Locale, count: u32) -> String {
    fmt(locale, Fmt::Months, &[("count", n(count))])
}

/// "1 more month" / "4 more months"; "1 mes más" / "4 meses más".
fn more_months(locale: Locale, count: u32) -> String {
    fmt(locale, Fmt::MoreMonths, &[("count", n(count))])
}

/// "1 more hour" / "4.5 more hours"; "1 hora más" / "4,5 horas más".
fn more_hours(locale: Locale, h: Hours) -> String {
    fmt(locale, Fmt::LadderMoreHours, &[("hours", hours_value(h))])
}

fn hours(locale: Locale, h: Hours) -> String {
    fmt(locale, Fmt::LadderHours, &[("hours", hours_value(h))])
}

/// A language name as typed for a proficiency attestation, in the reader's language when
/// it is one the app knows.
fn language_name(locale: Locale, typed: &str) -> String {
    const KNOWN: [(&str, Msg); 7] = [
        ("spanish", Msg::LanguageSpanish),
        ("english", Msg::LanguageEnglish),
        ("chinese", Msg::LanguageChinese),
        ("vietnamese", Msg::LanguageVietnamese),
        ("tagalog", Msg::LanguageTagalog),
        ("korean", Msg::LanguageKorean),
        ("español", Msg::LanguageSpanish),
    ];
    let lower = typed.trim().to_lowercase();
    match KNOWN.iter().find(|(code, _)| *code == lower) {
        Some((_, msg)) => msg.text(locale).to_owned(),
        None => typed.trim().to_owned(),
    }
}

/// An attestation kind in words: "Lived experience…", "Language proficiency: Spanish", or
/// the organization's own wording as it was typed.
pub fn attestation_kind(locale: Locale, kind: &str) -> String {
    let lower = kind.to_lowercase();
    if lower.starts_with(LANGUAGE_PREFIX) {
        return fmt(locale, Fmt::LanguageProficiency, &[("language", s(language_name(locale, &kind[LANGUAGE_PREFIX.len()..])))]);
    }
    let msg = match lower.as_str() {
        LIVED_EXPERIENCE => Msg::AttestationLivedExperience,
        SUPERVISOR_RECOMMENDATION => Msg::AttestationSupervisorRecommendation,
        PROBATION => Msg::AttestationProbation,
        RECOMMENDATION_LETTER => Msg::AttestationRecommendationLetter,
        BIRTH_SUPPORTED => Msg::AttestationBirthSupported,
        _ => return kind.to_owned(),
    };
    msg.text(locale).to_owned()
}

/// A pathway's evidence, counted: "3 letters of recommendation", "support at 1 birth".
pub fn attestations_needed(locale: Locale, kind: &str, count: u32) -> String {
    match kind {
        RECOMMENDATION_LETTER => fmt(locale, Fmt::LettersNeeded, &[("count", n(count))]),
        BIRTH_SUPPORTED => fmt(locale, Fmt::BirthsNeeded, &[("count", n(count))]),
        other => fmt(locale, Fmt::OtherNeeded, &[("count", n(count)), ("kind", s(attestation_kind(locale, other)))]),
    }
}

pub fn placement_reason(locale: Locale, r: PlacementReason) -> &'static str {
    match r {
        PlacementReason::Hire => Msg::PlacementReasonHire,
        PlacementReason::Promotion => Msg::PlacementReasonPromotion,
        PlacementReason::PayStep => Msg::PlacementReasonPayStep,
        PlacementReason::Transfer => Msg::PlacementReasonTransfer,
        PlacementReason::Correction => Msg::PlacementReasonCorrection,
    }
    .text(locale)
}

pub fn bucket(locale: Locale, b: Bucket) -> &'static str {
    match b {
        Bucket::ReadyNow => Msg::BucketReadyNow,
        Bucket::Within90 => Msg::BucketWithin90,
        Bucket::Blocked => Msg::BucketBlocked,
    }
    .text(locale)
}

fn framework(locale: Locale, f: FrameworkCode) -> &'static str {
    match f {
        FrameworkCode::C3 => Msg::LadderFrameworkC3,
        FrameworkCode::Sb803 => Msg::LadderFrameworkSb803,
    }
    .text(locale)
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
    let m = |count: u32| s(months(locale, count));
    match r {
        Rule::All(items) if items.is_empty() => Msg::RuleNothing.text(locale).into(),
        Rule::All(_) => Msg::RuleAllOf.text(locale).into(),
        Rule::AnyOf { n: count, .. } => fmt(locale, Fmt::RuleAnyOf, &[("count", n(*count))]),
        Rule::Requirement { requirement_id } => fmt(locale, Fmt::RuleCurrent, &[("requirement", s((names.requirement)(requirement_id)))]),
        Rule::Training { training_id, within_months } => {
            let training = s((names.training)(training_id));
            match within_months {
                Some(w) => fmt(locale, Fmt::RuleTrainingWithin, &[("training", training), ("months", m(*w))]),
                None => fmt(locale, Fmt::RuleTraining, &[("training", training)]),
            }
        }
        Rule::Competencies { framework: f, ids } if ids.is_empty() => fmt(locale, Fmt::RuleEveryCompetency, &[("framework", s(framework(locale, *f)))]),
        Rule::Competencies { ids, .. } => fmt(locale, Fmt::RuleCompetencies, &[("names", s(competency_names(locale, ids)))]),
        Rule::CeHours { hours: h, categories: k, within_months } if k.is_empty() => {
            fmt(locale, Fmt::RuleCe, &[("hours", s(hours(locale, *h))), ("months", m(*within_months))])
        }
        Rule::CeHours { hours: h, categories: k, within_months } => {
            fmt(locale, Fmt::RuleCeCategories, &[("hours", s(hours(locale, *h))), ("categories", s(categories(locale, k))), ("months", m(*within_months))])
        }
        Rule::MonthsInStep { months: count } => fmt(locale, Fmt::RuleMonthsInStep, &[("months", m(*count))]),
        Rule::MonthsOfService { months: count } => fmt(locale, Fmt::RuleMonthsOfService, &[("months", m(*count))]),
        Rule::HoursWorked { hours: h, within_months } => match within_months {
            Some(w) => fmt(locale, Fmt::RuleHoursWorkedWithin, &[("hours", s(hours(locale, *h))), ("months", m(*w))]),
            None => fmt(locale, Fmt::RuleHoursWorked, &[("hours", s(hours(locale, *h)))]),
        },
        Rule::Attestation { kind } => attestation_kind(locale, kind),
    }
}

fn status_word(locale: Locale, st: Status) -> String {
    super::status(locale, st).to_lowercase()
}

/// What is missing, in words: "Motivational interviewing: not taken", "4 more months in
/// step (on February 1, 2027)", "Lived experience that aligns…: attestation needed".
pub fn missing(locale: Locale, style: DateStyle, m: &Missing, names: &Names) -> String {
    let on = |d: &Option<Date>| d.map(|d| s(date_in(locale, style, d)));
    match m {
        Missing::Requirement { requirement_id, status } => {
            fmt(locale, Fmt::MissingStatus, &[("requirement", s((names.requirement)(requirement_id))), ("status", s(status_word(locale, *status)))])
        }
        Missing::Training { training_id, last: None } => fmt(locale, Fmt::MissingNotTaken, &[("training", s((names.training)(training_id)))]),
        Missing::Training { training_id, last: Some(d) } => {
            fmt(locale, Fmt::MissingTooLongAgo, &[("training", s((names.training)(training_id))), ("date", s(date_in(locale, style, *d)))])
        }
        Missing::Competencies { ids } => fmt(locale, Fmt::MissingCompetencies, &[("names", s(competency_names(locale, ids)))]),
        Missing::CeHours { more, categories: k } if k.is_empty() => fmt(locale, Fmt::MissingCe, &[("more", s(more_hours(locale, *more)))]),
        Missing::CeHours { more, categories: k } => {
            fmt(locale, Fmt::MissingCeCategories, &[("more", s(more_hours(locale, *more))), ("categories", s(categories(locale, k)))])
        }
        Missing::MonthsInStep { more, on: d } => match on(d) {
            Some(date) => fmt(locale, Fmt::MissingMonthsInStep, &[("more", s(more_months(locale, *more))), ("date", date)]),
            None => Msg::MissingNotPlaced.text(locale).into(),
        },
        Missing::MonthsOfService { more, on: d } => match on(d) {
            Some(date) => fmt(locale, Fmt::MissingMonthsOfService, &[("more", s(more_months(locale, *more))), ("date", date)]),
            None => Msg::NextRecordHireDate.text(locale).into(),
        },
        Missing::HoursWorked { more } => fmt(locale, Fmt::MissingHoursWorked, &[("more", s(more_hours(locale, *more)))]),
        Missing::Attestation { kind } => fmt(locale, Fmt::MissingAttestation, &[("kind", s(attestation_kind(locale, kind)))]),
        Missing::Choose { more, of } => {
            let options: Vec<String> = of.iter().map(|x| missing(locale, style, x, names)).collect();
            fmt(locale, Fmt::MissingChoose, &[("count", n(*more)), ("options", s(options.join("; ")))])
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
        // Spain's format (es-ES): es-US, the default here, is tested in `spanish_numbers_follow_the_readers_region`.
        crate::i18n::set_spanish_region(&["es-ES".into()]);
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
        // Spain's format (es-ES): es-US, the default here, is tested in `spanish_numbers_follow_the_readers_region`.
        crate::i18n::set_spanish_region(&["es-ES".into()]);
        assert_eq!(money(Locale::En, Cents(4_160_000)), "$41,600.00");
        assert_eq!(money(Locale::Es, Cents(1792)), "$17,92");
        assert_eq!(money(Locale::En, Cents(-640_640)), "-$6,406.40");
        assert_eq!(percent(Locale::Es, Bp(574)), "5,74 %");
        assert_eq!(ratio(Locale::En, 9731), "97.3 %");
        assert_eq!(ratio(Locale::Es, 10_000), "100,0 %");
        assert_eq!(attestation_kind(Locale::En, "Bilingual certificate"), "Bilingual certificate");
    }
}
