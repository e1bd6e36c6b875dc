//! Requirement presets taken from `shared/reference/domain-facts.md`, as data.
//!
//! Each carries its source, the date it applies from where known, and `verify: true` where
//! the fact is secondary or unconfirmed. Organizations choose which presets to use and can
//! edit them; statuses are always recomputed from the records, so an edit never rewrites
//! history.

use super::date::{Date, DateExt};
use super::hours::Hours;
use super::person::WorkerType;
use super::requirement::*;
use super::text::Bilingual;
use super::ladders::person::{BIRTH_SUPPORTED, RECOMMENDATION_LETTER};
use super::training::{CeCategory, PeriodUnit, Source, Validity};

// Not inlined: it is called once per built-in source, and inlined each call grew the code.
#[inline(never)]
fn source(title: &str, title_es: &str, url: &str, verify: bool) -> Source {
    Source { title: title.into(), title_es: title_es.into(), url: url.into(), verify }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| format!("builtin.{s}")).collect()
}

fn credential(granted_by: &[&str]) -> CredentialRule {
    CredentialRule {
        granted_by: ids(granted_by),
        renewed_by: None,
        validity: None,
        renewal: RenewalPolicy::default(),
        prerequisites: Vec::new(),
        pathways: Vec::new(),
        due_within_days_of_hire: None,
    }
}

fn requirement(id: &str, en: &str, es: &str, worker_types: &[WorkerType], rule: Rule, source: Source, from: Option<&str>) -> Requirement {
    Requirement {
        id: format!("preset.{id}"),
        name: Bilingual::new(en, es),
        worker_types: worker_types.to_vec(),
        rule,
        source,
        effective_from: from.and_then(Date::parse_iso),
        retired: false,
        employer_duty: id == "hipaa_at_hire",
        history: Vec::new(),
    }
}

const CALMHSA_INITIAL: &str = "https://www.capeercertification.org/certification-initial/";
const CALMHSA_RENEWAL: &str = "https://www.capeercertification.org/certification-renewal-continued-education-requirements/";
const CALMHSA_SPECIALIZATION: &str = "https://www.capeercertification.org/specialization-training/";
const DHCS_CHW: &str = "https://www.dhcs.ca.gov/providers-partners/frequently-asked-questions-for-medi-cal-community-health-worker-services-provider-requirements/";
const DHCS_DOULA: &str = "https://www.dhcs.ca.gov/provgovpart/Pages/Doula-Providers-Enrolling-As-A-Doula-FAQ.aspx";

pub fn presets() -> Vec<Requirement> {
    use WorkerType::*;
    let peer = &[PeerSupportSpecialist][..];
    let mut out = vec![
        requirement("peer_core", "Peer support specialist core training (80 hours)", "Capacitación básica de especialista en apoyo entre pares (80 horas)",
            peer, Rule::Credential(credential(&["peer_core_80h"])),
            source("CalMHSA, Certification – Initial: 80-hour training with an approved entity", "CalMHSA, certificación inicial: capacitación de 80 horas con una entidad aprobada", CALMHSA_INITIAL, false), Some("2022-07-01")),
        requirement("peer_certification", "Medi-Cal peer support specialist certification", "Certificación de especialista en apoyo entre pares de Medi-Cal",
            peer,
            Rule::Credential(CredentialRule {
                validity: Some(Validity::After { amount: 2, unit: PeriodUnit::Years }),
                // Counting a renewal from the previous expiry is our reading of "renew every 2 years".
                renewal: RenewalPolicy { from_previous_expiry: true, window_days: 90, grace_days: 0 },
                prerequisites: vec!["preset.peer_core".into()],
                pathways: vec![Pathway {
                    name: Bilingual::new("Initial certification: 80-hour training, then the exam", "Certificación inicial: capacitación de 80 horas y luego el examen"),
                    trainings: ids(&["peer_core_80h", "peer_exam"]),
                    ..Pathway::default()
                }],
                // The exam grants it once; the renewal application renews it.
                renewed_by: Some("builtin.peer_renewal".into()),
                ..credential(&["peer_exam", "peer_renewal"])
            }),
            source("CalMHSA: initial certification (80 h + exam) and renewal every 2 years; window up to 90 days before expiry (an older page said 60); no grace", "CalMHSA: certificación inicial (80 h + examen) y renovación cada 2 años; se puede renovar hasta 90 días antes del vencimiento (una página anterior decía 60); sin período de gracia", CALMHSA_RENEWAL, true),
            Some("2022-07-01")),
        requirement("peer_ce", "Peer certification continuing education (20 hours, 6 in law and ethics)", "Educación continua de la certificación entre pares (20 horas, 6 de leyes y ética)",
            peer,
            Rule::Hours(HoursRule { support: false,
                hours: Hours::whole(20),
                cycle: Cycle::Credential { requirement_id: "preset.peer_certification".into(), months: 24 },
                minimums: vec![CategoryMinimum { category: CeCategory::LawEthics, hours: Hours::whole(6) }],
                categories: Vec::new(),
                trainings: Vec::new(),
                any_training: false,
                same_training_counts_twice: true,
            }),
            source("CalMHSA, Biennial Certification Renewal & CE Requirements: 20 hours per cycle including 6 hours of Law & Ethics, before applying", "CalMHSA, renovación bienal de la certificación y requisitos de educación continua: 20 horas por ciclo, con 6 horas de leyes y ética, antes de solicitarla", CALMHSA_RENEWAL, false),
            Some("2022-07-01")),
    ];
    for (id, en, es) in [
        ("peer_spec_family", "Specialization: parent, caregiver and family member peer", "Especialización: madres, padres, cuidadores y familiares"),
        ("peer_spec_crisis", "Specialization: peer services in crisis care", "Especialización: servicios entre pares en atención de crisis"),
        ("peer_spec_unhoused", "Specialization: peer services for people who are unhoused", "Especialización: servicios entre pares para personas sin vivienda"),
        ("peer_spec_justice", "Specialization: peer services for justice-involved people", "Especialización: servicios entre pares para personas involucradas con la justicia"),
    ] {
        // Specializations are optional: not in use until an organization that needs one turns
        // it on (otherwise every peer would show four "missing" requirements).
        out.push(Requirement { retired: true, ..requirement(id, en, es, peer,
            Rule::Credential(CredentialRule { prerequisites: vec!["preset.peer_core".into()], ..credential(&[id]) }),
            source("CalMHSA, Training for Areas of Specialization: 40 hours, not before the 80-hour core training; separate expiry not found", "CalMHSA, capacitación en áreas de especialización: 40 horas, no antes de la capacitación básica de 80 horas; no se encontró un vencimiento propio", CALMHSA_SPECIALIZATION, true),
            None) });
    }
    out.extend([
        requirement("chw_qualification", "Medi-Cal CHW qualification (certificate or work experience pathway)", "Calificación de CHW de Medi-Cal (vía de certificado o de experiencia laboral)",
            &[Chw, ViolencePrevention],
            Rule::Credential(CredentialRule {
                pathways: vec![
                    Pathway {
                        name: Bilingual::new("Certificate pathway", "Vía de certificado"),
                        trainings: ids(&["chwpr_certificate"]),
                        ..Pathway::default()
                    },
                    Pathway {
                        name: Bilingual::new("Work experience pathway: more than 2,000 hours in 3 years, certificate within 18 months", "Vía de experiencia: más de 2,000 horas en 3 años y certificado en 18 meses"),
                        trainings: Vec::new(),
                        work_hours: Some(WorkHoursNeed { hours: Hours::whole(2000), within_months: 36 }),
                        // "Within 18 …": the text is cut off; when the months start is a setting.
                        provisional_months: Some(18),
                        provisional_clock: ProvisionalClock::PathwayMet,
                        ..Pathway::default()
                    },
                ],
                ..credential(&["chwpr_certificate", "c3_core_skills"])
            }),
            source("DHCS, CHW provider requirements FAQ: certificate pathway, or >2,000 hours in the previous 3 years with a certificate \"within 18 …\" (text cut off: confirm the 18 months and when they start)", "DHCS, preguntas frecuentes sobre requisitos de proveedores CHW: vía del certificado, o más de 2,000 horas en los 3 años anteriores con un certificado \"within 18 …\" (texto cortado: confirme los 18 meses y desde cuándo cuentan)", DHCS_CHW, true),
            Some("2022-07-01")),
        requirement("chw_annual_training", "Medi-Cal CHW annual training (6 hours a year)", "Capacitación anual de CHW de Medi-Cal (6 horas al año)",
            &[Chw, ViolencePrevention],
            Rule::Hours(HoursRule { support: false,
                hours: Hours::whole(6),
                cycle: Cycle::Calendar { months: 12, start_month: 1 },
                minimums: Vec::new(),
                categories: Vec::new(),
                trainings: Vec::new(),
                any_training: true,
                same_training_counts_twice: true,
            }),
            source("DHCS, CHW Annual Continuing Training Checklist: at least 6 hours of additional training annually (calendar year is our assumption)", "DHCS, lista de verificación de capacitación continua anual para CHW: al menos 6 horas de capacitación adicional al año (que sea el año calendario es nuestra suposición)", "https://www.dhcs.ca.gov/?p=209621", true),
            Some("2022-07-01")),
        requirement("mhfa", "Mental Health First Aid certification (3 years)", "Certificación de Primeros Auxilios de Salud Mental (3 años)",
            &[],
            Rule::Credential(CredentialRule {
                renewal: RenewalPolicy { from_previous_expiry: false, window_days: 90, grace_days: 0 },
                ..credential(&["mhfa_adult", "mhfa_youth"])
            }),
            source("MHFA: 3-year certification; recertify online within 90 days of expiration, only while not yet expired", "MHFA: certificación de 3 años; se recertifica en línea dentro de los 90 días previos al vencimiento, solo mientras no haya vencido", "https://www.canr.msu.edu/mental-health-first-aid/faqs", true),
            None),
        requirement("cpr", "CPR, AED and first aid (2 years, to the end of the month)", "RCP, DEA y primeros auxilios (2 años, hasta el fin del mes)",
            &[],
            Rule::Credential(credential(&["cpr_first_aid"])),
            source("AHA, Course Card Information: valid 2 years through the end of the issue month; no grace period", "AHA, información de la tarjeta del curso: vigente 2 años hasta el final del mes de emisión; sin período de gracia", "http://cpr.heart.org/AHAECC/CPRAndECC/FindACourse/CourseCardInformation/UCM_473165_Course-Card-Information.jsp", false),
            None),
        requirement("hipaa_at_hire", "HIPAA training at hire", "Capacitación de HIPAA al contratar",
            &[],
            Rule::Credential(CredentialRule { due_within_days_of_hire: Some(30), ..credential(&["hipaa"]) }),
            source("45 CFR 164.530(b): train each new workforce member within a reasonable period after hire (30 days is our default: set your policy)", "45 CFR 164.530(b): capacitar a cada nuevo integrante del personal dentro de un plazo razonable después de contratarlo (30 días es nuestro valor inicial: fije su política)", "https://teachprivacy.com/hipaa-training-requirements-hipaa-text", true),
            None),
        requirement("doula_training", "Medi-Cal doula training pathway (16 hours)", "Vía de capacitación de doulas de Medi-Cal (16 horas)",
            &[PerinatalDoula],
            Rule::Credential(CredentialRule {
                pathways: vec![
                    Pathway {
                        name: Bilingual::new("Training pathway: 16 hours, plus support at 3 births", "Vía de capacitación: 16 horas y apoyo en 3 partos"),
                        trainings: ids(&["doula_training"]),
                        attestations: vec![AttestationNeed { kind: BIRTH_SUPPORTED.into(), count: 3, within_years: None }],
                        ..Pathway::default()
                    },
                    Pathway {
                        name: Bilingual::new(
                            "Experience pathway: 5 years of doula experience in the last 7, and 3 letters",
                            "Vía de experiencia: 5 años de experiencia como doula en los últimos 7 y 3 cartas",
                        ),
                        experience: Some(ExperienceNeed { years: 5, within_years: 7 }),
                        attestations: vec![AttestationNeed { kind: RECOMMENDATION_LETTER.into(), count: 3, within_years: Some(7) }],
                        qualifies: true,
                        ..Pathway::default()
                    },
                ],
                ..credential(&["doula_training"])
            }),
            source("DHCS, Doula Services FAQ – Enrolling as a Doula: training pathway (16 hours and 3 births attested) or experience pathway (5 years of active experience in the previous 7, and 3 letters written in the last 7 years)", "DHCS, preguntas frecuentes sobre servicios de doula – inscribirse como doula: vía de capacitación (16 horas y 3 partos acreditados) o vía de experiencia (5 años de experiencia activa en los 7 anteriores y 3 cartas escritas en los últimos 7 años)", DHCS_DOULA, false),
            Some("2023-01-01")),
        requirement("doula_cpr", "Doula: current adult and infant CPR", "Doula: RCP de adultos e infantes vigente",
            &[PerinatalDoula],
            Rule::Credential(credential(&["cpr_first_aid"])),
            source("DHCS, Doula Services FAQ: current adult/infant CPR certification", "DHCS, preguntas frecuentes sobre servicios de doula: certificación vigente de RCP para adultos y bebés", DHCS_DOULA, false),
            Some("2023-01-01")),
        requirement("doula_ce", "Doula continuing education (3 hours every 3 years)", "Educación continua de doulas (3 horas cada 3 años)",
            &[PerinatalDoula],
            Rule::Hours(HoursRule { support: false,
                hours: Hours::whole(3),
                cycle: Cycle::FromHire { months: 36 },
                minimums: vec![CategoryMinimum { category: CeCategory::MaternalPerinatal, hours: Hours::whole(3) }],
                categories: vec![CeCategory::MaternalPerinatal],
                trainings: Vec::new(),
                any_training: false,
                same_training_counts_twice: true,
            }),
            source("Draft doula SPA (Black Voice News, 2022): 3 hours of maternal, perinatal and/or infant care CE every 3 years; final wording not retrieved", "Borrador de la SPA de doulas (Black Voice News, 2022): 3 horas de educación continua en atención materna, perinatal o infantil cada 3 años; no se obtuvo la redacción final", "https://blackvoicenews.com/2022/09/22/birthing-while-black-in-california-are-doulas-part-of-the-solution-part-4/", true),
            Some("2023-01-01")),
    ]);
    // Support hours for the emotional side of the work: an organization's own policy (no
    // regulation sets it), so it comes out of use until the organization chooses it.
    out.push(Requirement {
        retired: true,
        ..requirement("support_hours_monthly", "Support hours: at least 1 hour a month", "Horas de apoyo: al menos 1 hora al mes", &[],
            Rule::Hours(HoursRule {
                support: true,
                hours: Hours::whole(1),
                cycle: Cycle::Calendar { months: 1, start_month: 1 },
                minimums: Vec::new(),
                categories: Vec::new(),
                trainings: ids(&["ips_co_reflection", "support_session"]),
                any_training: false,
                same_training_counts_twice: true,
            }),
            source("Maine DHHS, Intentional Peer Support: monthly co-reflection (peer supervision); an organization policy, set the hours and the period", "Maine DHHS, Intentional Peer Support: co-reflexión mensual (supervisión entre pares); una política de la organización: fije las horas y el período", "https://www.maine.gov/dhhs/obh/training-certification/intentional-peer-support", true),
            None)
    });
    out
}
