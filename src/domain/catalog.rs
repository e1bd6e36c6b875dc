//! The built-in reference catalog of trainings, taken from `shared/reference/domain-facts.md`.
//!
//! This is data, not logic: each entry carries its source and, where the fact is secondary or
//! unconfirmed, `verify: true` so the interface asks the organization to check it. Users can
//! customise any entry (the store keeps an override with the same id) and reset it back.

use super::competency::{in_framework, Framework};
use super::date::{Date, DateExt};
use super::hours::Hours;
use super::text::Bilingual;
use super::training::{Category, CeCategory, PeriodUnit, Source, TrainingType, Validity};

struct Entry {
    id: &'static str,
    en: &'static str,
    es: &'static str,
    category: Category,
    hundredths: u32,
    competencies: Competencies,
    validity: Validity,
    ce: Option<CeCategory>,
    source_title: &'static str,
    source_title_es: &'static str,
    url: &'static str,
    verify: bool,
    effective_from: Option<&'static str>,
}

enum Competencies {
    AllC3,
    AllSb803,
    These(&'static [&'static str]),
}

const NEVER: Validity = Validity::Never;
const fn years(amount: u32) -> Validity {
    Validity::After { amount, unit: PeriodUnit::Years }
}

const CALMHSA_RENEWAL: &str = "https://www.capeercertification.org/certification-renewal-continued-education-requirements/";
const CALMHSA_SPECIALIZATION: &str = "https://www.capeercertification.org/specialization-training/";
const MHFA: &str = "http://www.mhfamissouri.org/mental-health-first-aider/";
const SB803: &str = "https://leginfo.legislature.ca.gov/faces/billCompareClient.xhtml?bill_id=201920200SB803&showamends=false";

use Category::*;
use Competencies::*;

const ENTRIES: &[Entry] = &[
    Entry { id: "c3_core_skills", en: "CHW core competencies (C3 core skills)", es: "Competencias básicas de CHW (habilidades básicas C3)",
        category: CoreCompetency, hundredths: 40_00, competencies: AllC3, validity: NEVER, ce: None,
        source_title: "C3 Project, Roles & Competencies (typical hours: UCSF/CHCF 2022 survey, most trainings 40 h or less)",
        source_title_es: "C3 Project, Roles & Competencies (horas típicas: encuesta UCSF/CHCF de 2022, la mayoría de las capacitaciones de 40 h o menos)",
        url: "https://www.c3project.org/roles-competencies", verify: false, effective_from: Some("2018-12-01") },
    Entry { id: "chwpr_certificate", en: "CHW/P/R certificate training (HCAI training pathway)", es: "Capacitación para el certificado de CHW/P/R (vía de capacitación de HCAI)",
        category: CoreCompetency, hundredths: 80_00, competencies: AllC3, validity: NEVER, ce: None,
        source_title: "HCAI, FAQs for CHW/P/R Certificate and Training Programs (80 h incl. 10 h field experience is secondary; certificate validity not found)",
        source_title_es: "HCAI, preguntas frecuentes sobre los programas de certificado y capacitación CHW/P/R (80 h con 10 h de experiencia de campo según una fuente secundaria; no se encontró la vigencia del certificado)",
        url: "https://hcai.ca.gov/workforce/initiatives/community-health-workers-promotores-chw-p/frequently-asked-questions-for-community-health-workers-promotores-representatives-chw-p-r-certificate-and-training-programs-august-29-2023",
        verify: true, effective_from: Some("2023-08-29") },
    Entry { id: "chw_annual_ce", en: "CHW annual continuing training (Medi-Cal)", es: "Capacitación continua anual de CHW (Medi-Cal)",
        category: ContinuingEducation, hundredths: 6_00, competencies: These(&[]), validity: NEVER, ce: Some(CeCategory::General),
        source_title: "DHCS, Medi-Cal CHW Annual Continuing Training Checklist (at least 6 hours a year)",
        source_title_es: "DHCS, lista de verificación de capacitación continua anual para CHW de Medi-Cal (al menos 6 horas al año)",
        url: "https://www.dhcs.ca.gov/?p=209621", verify: false, effective_from: Some("2022-07-01") },
    Entry { id: "motivational_interviewing", en: "Motivational interviewing (introductory workshop)", es: "Entrevista motivacional (taller introductorio)",
        category: BehavioralHealth, hundredths: 16_00, competencies: These(&["c3.communication", "c3.interpersonal"]), validity: NEVER, ce: None,
        source_title: "MINT, Training Expectations (introductory workshop 16–24 contact hours; MINT does not certify practitioners)",
        source_title_es: "MINT, Training Expectations (taller introductorio de 16 a 24 horas de contacto; MINT no certifica a quienes lo practican)",
        url: "http://motivationalinterviewing.org/training-expectations", verify: false, effective_from: None },
    Entry { id: "intentional_peer_support", en: "Intentional Peer Support (IPS) core training", es: "Capacitación básica en Apoyo Intencional entre Pares (IPS)",
        category: PeerSupport, hundredths: 35_00, competencies: These(&["c3.interpersonal", "sb803.hope_recovery", "sb803.conflict_resolution"]), validity: NEVER, ce: None,
        source_title: "Maine DHHS, Intentional Peer Support (5-day core training; contact hours not found)",
        source_title_es: "Maine DHHS, Intentional Peer Support (capacitación básica de 5 días; no se encontraron las horas de contacto)",
        url: "https://www.maine.gov/dhhs/obh/training-certification/intentional-peer-support", verify: true, effective_from: None },
    Entry { id: "trauma_informed_care", en: "Trauma-informed care", es: "Atención informada sobre el trauma",
        category: BehavioralHealth, hundredths: 6_00, competencies: These(&["sb803.trauma_informed"]), validity: NEVER, ce: None,
        source_title: "SB 803 (a required peer curriculum topic; no standard length or renewal found)",
        source_title_es: "SB 803 (un tema obligatorio del plan de estudios de pares; no se encontró una duración ni una renovación estándar)",
        url: SB803, verify: true, effective_from: None },
    Entry { id: "mhfa_adult", en: "Mental Health First Aid (adult)", es: "Primeros Auxilios de Salud Mental (adultos)",
        category: BehavioralHealth, hundredths: 7_50, competencies: These(&["sb803.safety_crisis", "c3.knowledge_base"]), validity: years(3), ce: None,
        source_title: "Mental Health First Aid Missouri (7.5 h, 3-year certification; recertify within 90 days of expiry)",
        source_title_es: "Mental Health First Aid Missouri (7.5 h, certificación de 3 años; se recertifica dentro de los 90 días del vencimiento)",
        url: MHFA, verify: true, effective_from: None },
    Entry { id: "mhfa_youth", en: "Mental Health First Aid (youth)", es: "Primeros Auxilios de Salud Mental (jóvenes)",
        category: BehavioralHealth, hundredths: 6_50, competencies: These(&["sb803.safety_crisis", "c3.knowledge_base"]), validity: years(3), ce: None,
        source_title: "Mental Health First Aid Missouri (6.5 h, 3-year certification)",
        source_title_es: "Mental Health First Aid Missouri (6.5 h, certificación de 3 años)",
        url: MHFA, verify: true, effective_from: None },
    Entry { id: "cpr_first_aid", en: "CPR, AED and first aid (American Heart Association)", es: "RCP, DEA y primeros auxilios (American Heart Association)",
        category: SafetyFirstAid, hundredths: 4_00, competencies: These(&[]), validity: Validity::EndOfMonthAfter { months: 24 }, ce: None,
        source_title: "AHA, Course Card Information (valid 2 years through the end of the issue month; no grace period)",
        source_title_es: "AHA, información de la tarjeta del curso (vigente 2 años hasta el final del mes de emisión; sin período de gracia)",
        url: "http://cpr.heart.org/AHAECC/CPRAndECC/FindACourse/CourseCardInformation/UCM_473165_Course-Card-Information.jsp", verify: false, effective_from: None },
    Entry { id: "peer_core_80h", en: "Medi-Cal peer support specialist core training (80 hours)", es: "Capacitación básica de especialista en apoyo entre pares de Medi-Cal (80 horas)",
        category: PeerSupport, hundredths: 80_00, competencies: AllSb803, validity: NEVER, ce: None,
        source_title: "CalMHSA, Certification – Initial (80-hour training with an approved entity, then the exam)",
        source_title_es: "CalMHSA, certificación inicial (capacitación de 80 horas con una entidad aprobada y luego el examen)",
        url: "https://www.capeercertification.org/certification-initial/", verify: false, effective_from: Some("2022-07-01") },
    Entry { id: "peer_exam", en: "Medi-Cal peer support specialist certification exam (CalMHSA)", es: "Examen de certificación de especialista en apoyo entre pares de Medi-Cal (CalMHSA)",
        category: PeerSupport, hundredths: 3_00, competencies: These(&[]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Certification – Initial (pass the certification exam after the 80-hour training; exam length not found)",
        source_title_es: "CalMHSA, certificación inicial (aprobar el examen de certificación después de la capacitación de 80 horas; no se encontró la duración del examen)",
        url: "https://www.capeercertification.org/certification-initial/", verify: true, effective_from: Some("2022-07-01") },
    Entry { id: "peer_renewal", en: "Peer certification renewal: Code of Ethics re-signed and application sent (CalMHSA)", es: "Renovación de la certificación entre pares: Código de Ética firmado de nuevo y solicitud enviada (CalMHSA)",
        category: PeerSupport, hundredths: 1_00, competencies: These(&["sb803.boundaries_ethics"]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Biennial Certification Renewal (renew every 2 years; re-read and re-sign the Code of Ethics; time needed not found)",
        source_title_es: "CalMHSA, renovación bienal de la certificación (se renueva cada 2 años; volver a leer y firmar el Código de Ética; no se encontró el tiempo necesario)",
        url: CALMHSA_RENEWAL, verify: true, effective_from: Some("2022-07-01") },
    Entry { id: "peer_spec_family", en: "Peer specialization: parent, caregiver and family member peer", es: "Especialización entre pares: madres, padres, cuidadores y familiares",
        category: PeerSupport, hundredths: 40_00, competencies: These(&["sb803.consumers_family"]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Training for Areas of Specialization (40 h; only after the core training; separate expiry not found)",
        source_title_es: "CalMHSA, capacitación en áreas de especialización (40 h; solo después de la capacitación básica; no se encontró un vencimiento propio)",
        url: CALMHSA_SPECIALIZATION, verify: true, effective_from: None },
    Entry { id: "peer_spec_crisis", en: "Peer specialization: peer services in crisis care", es: "Especialización entre pares: servicios entre pares en atención de crisis",
        category: PeerSupport, hundredths: 40_00, competencies: These(&["sb803.safety_crisis"]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Training for Areas of Specialization (40 h; only after the core training; separate expiry not found)",
        source_title_es: "CalMHSA, capacitación en áreas de especialización (40 h; solo después de la capacitación básica; no se encontró un vencimiento propio)",
        url: CALMHSA_SPECIALIZATION, verify: true, effective_from: None },
    Entry { id: "peer_spec_unhoused", en: "Peer specialization: peer services for people who are unhoused", es: "Especialización entre pares: servicios entre pares para personas sin vivienda",
        category: PeerSupport, hundredths: 40_00, competencies: These(&["sb803.navigation_referral"]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Training for Areas of Specialization (40 h; only after the core training; separate expiry not found)",
        source_title_es: "CalMHSA, capacitación en áreas de especialización (40 h; solo después de la capacitación básica; no se encontró un vencimiento propio)",
        url: CALMHSA_SPECIALIZATION, verify: true, effective_from: None },
    Entry { id: "peer_spec_justice", en: "Peer specialization: peer services for justice-involved people", es: "Especialización entre pares: servicios entre pares para personas involucradas con la justicia",
        category: PeerSupport, hundredths: 40_00, competencies: These(&["sb803.navigation_referral"]), validity: NEVER, ce: None,
        source_title: "CalMHSA, Training for Areas of Specialization (40 h; only after the core training; separate expiry not found)",
        source_title_es: "CalMHSA, capacitación en áreas de especialización (40 h; solo después de la capacitación básica; no se encontró un vencimiento propio)",
        url: CALMHSA_SPECIALIZATION, verify: true, effective_from: None },
    Entry { id: "law_ethics_ce", en: "Law and ethics continuing education", es: "Educación continua en leyes y ética",
        category: ContinuingEducation, hundredths: 6_00, competencies: These(&["sb803.boundaries_ethics", "sb803.confidentiality"]), validity: NEVER, ce: Some(CeCategory::LawEthics),
        source_title: "CalMHSA, Biennial Certification Renewal & CE Requirements (20 h per 2 years, 6 of them law & ethics)",
        source_title_es: "CalMHSA, renovación bienal de la certificación y requisitos de educación continua (20 h cada 2 años, 6 de ellas de leyes y ética)",
        url: CALMHSA_RENEWAL, verify: false, effective_from: Some("2022-07-01") },
    Entry { id: "hipaa", en: "HIPAA privacy and security training", es: "Capacitación en privacidad y seguridad (HIPAA)",
        category: Compliance, hundredths: 1_00, competencies: These(&["sb803.confidentiality", "c3.professional_conduct"]), validity: NEVER, ce: None,
        source_title: "45 CFR 164.530(b): train at hire and on material policy change; annual training is employer policy, not federal law",
        source_title_es: "45 CFR 164.530(b): capacitar al contratar y cuando cambie una política de forma importante; la capacitación anual es política del empleador, no ley federal",
        url: "https://teachprivacy.com/hipaa-training-requirements-hipaa-text", verify: true, effective_from: None },
    Entry { id: "wrap_facilitator", en: "WRAP facilitator certification (Seminar II)", es: "Certificación de facilitación de WRAP (Seminario II)",
        category: PeerSupport, hundredths: 40_00, competencies: These(&["sb803.group_facilitation", "sb803.hope_recovery"]), validity: NEVER, ce: None,
        source_title: "PEERS, WRAP certification (5 intensive days; renewal cycle not confirmed)",
        source_title_es: "PEERS, certificación WRAP (5 días intensivos; ciclo de renovación no confirmado)",
        url: "http://www.peersnet.org/trainings/wrap-certification", verify: true, effective_from: None },
    Entry { id: "harm_reduction_naloxone", en: "Harm reduction and naloxone administration", es: "Reducción de daños y administración de naloxona",
        category: HarmReduction, hundredths: 2_00, competencies: These(&["sb803.co_occurring", "sb803.safety_crisis"]), validity: NEVER, ce: None,
        source_title: "SB 803 co-occurring disorders element; no standard length or renewal found: set your organization's own",
        source_title_es: "SB 803, elemento de trastornos concurrentes; no se encontró una duración ni una renovación estándar: fije las de su organización",
        url: SB803, verify: true, effective_from: None },
    Entry { id: "doula_training", en: "Doula training pathway (16 hours)", es: "Vía de capacitación de doulas (16 horas)",
        category: Perinatal, hundredths: 16_00, competencies: These(&["c3.education_facilitation"]), validity: NEVER, ce: None,
        source_title: "DHCS, Doula Services FAQ – Enrolling as a Doula (16 h training plus support at 3 births; CPR and HIPAA required)",
        source_title_es: "DHCS, preguntas frecuentes sobre servicios de doula – inscribirse como doula (16 h de capacitación y apoyo en 3 partos; se requieren RCP y HIPAA)",
        url: "https://www.dhcs.ca.gov/provgovpart/Pages/Doula-Providers-Enrolling-As-A-Doula-FAQ.aspx", verify: false, effective_from: Some("2023-01-01") },
    Entry { id: "perinatal_ce", en: "Maternal, perinatal and infant care continuing education", es: "Educación continua en atención materna, perinatal e infantil",
        category: ContinuingEducation, hundredths: 3_00, competencies: These(&[]), validity: NEVER, ce: Some(CeCategory::MaternalPerinatal),
        source_title: "Draft doula SPA as reported by Black Voice News (3 h every 3 years; final wording not retrieved)",
        source_title_es: "Borrador de la SPA de doulas según Black Voice News (3 h cada 3 años; no se obtuvo la redacción final)",
        url: "https://blackvoicenews.com/2022/09/22/birthing-while-black-in-california-are-doulas-part-of-the-solution-part-4/", verify: true, effective_from: Some("2023-01-01") },
    Entry { id: "cpi_nci", en: "CPI Nonviolent Crisis Intervention (participant)", es: "Intervención No Violenta en Crisis de CPI (participante)",
        category: SafetyFirstAid, hundredths: 8_00, competencies: These(&["sb803.safety_crisis", "sb803.conflict_resolution"]), validity: years(1), ce: None,
        source_title: "CPI, Maintaining Certification (participant card validity conflicts between sources, 1 or 2 years: set your policy)",
        source_title_es: "CPI, mantener la certificación (las fuentes no coinciden en la vigencia de la tarjeta del participante, 1 o 2 años: fije su política)",
        url: "https://www.crisisprevention.com/en-CA/Our-Programs/Nonviolent-Crisis-Intervention/Maintaining-Certification-and-Skills", verify: true, effective_from: None },
    Entry { id: "ips_co_reflection", en: "IPS co-reflection (peer supervision, support session)", es: "Co-reflexión IPS (supervisión entre pares, sesión de apoyo)",
        category: PeerSupport, hundredths: 1_00, competencies: These(&[]), validity: NEVER, ce: None,
        source_title: "Maine DHHS, Intentional Peer Support: monthly co-reflection (peer supervision) for IPS specialists; hours per session set by the organization",
        source_title_es: "Maine DHHS, Intentional Peer Support: co-reflexión mensual (supervisión entre pares) para especialistas en IPS; la organización fija las horas por sesión",
        url: "https://www.maine.gov/dhhs/obh/training-certification/intentional-peer-support", verify: true, effective_from: None },
    Entry { id: "support_session", en: "Support session (reflective supervision or vicarious-trauma debrief)", es: "Sesión de apoyo (supervisión reflexiva o desahogo de trauma vicario)",
        category: BehavioralHealth, hundredths: 1_00, competencies: These(&[]), validity: NEVER, ce: None,
        source_title: "DHCS, Whole Person Care pilots: pilots added staff supervision and support and addressed vicarious trauma among outreach workers; an organization practice, not a regulation",
        source_title_es: "DHCS, pilotos de Whole Person Care: los pilotos sumaron supervisión y apoyo al personal y atendieron el trauma vicario del personal de alcance; una práctica de la organización, no un reglamento",
        url: "https://www.dhcs.ca.gov/services/Pages/WholePersonCarePilots.aspx", verify: true, effective_from: None },
    Entry { id: "vpp_havi", en: "Violence Prevention Professional (VPP) certification training (HAVI)", es: "Capacitación para la certificación de Profesional en Prevención de la Violencia (VPP, HAVI)",
        category: ViolencePrevention, hundredths: 40_00, competencies: These(&["c3.outreach", "c3.advocacy"]), validity: NEVER, ce: None,
        source_title: "OJP, Best Practices for Training Frontline Violence Intervention Workers (hours and renewal not found)",
        source_title_es: "OJP, buenas prácticas para capacitar a quienes trabajan en primera línea de intervención en la violencia (no se encontraron las horas ni la renovación)",
        url: "https://ojp.gov/library/publications/best-practices-training-frontline-violence-intervention-workers", verify: true, effective_from: None },
];

/// The built-in reference catalog, ids prefixed `builtin.`.
pub fn builtin_trainings() -> Vec<TrainingType> {
    ENTRIES
        .iter()
        .map(|e| TrainingType {
            id: format!("{}{}", super::training::BUILTIN_PREFIX, e.id),
            name: Bilingual::new(e.en, e.es),
            description: Bilingual::default(),
            category: e.category,
            typical_hours: Hours::from_hundredths(e.hundredths),
            competencies: match e.competencies {
                AllC3 => in_framework(Framework::C3).map(|c| c.id.to_owned()).collect(),
                AllSb803 => in_framework(Framework::Sb803).map(|c| c.id.to_owned()).collect(),
                These(ids) => ids.iter().map(|id| (*id).to_owned()).collect(),
            },
            validity: e.validity,
            validity_history: Vec::new(),
            default_ce_category: e.ce,
            exam: e.id == "peer_exam",
            part_completes: false,
            source: Source { title: e.source_title.to_owned(), title_es: e.source_title_es.to_owned(), url: e.url.to_owned(), verify: e.verify },
            effective_from: e.effective_from.and_then(Date::parse_iso),
            retired: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::competency;

    #[test]
    fn every_builtin_is_complete() {
        let catalog = builtin_trainings();
        assert!(catalog.len() >= 20);
        for t in &catalog {
            assert!(t.id.starts_with("builtin."), "{}", t.id);
            assert!(!t.name.en.is_empty() && !t.name.es.is_empty() && t.name.en != t.name.es, "{}", t.id);
            assert!(t.typical_hours > Hours::ZERO && t.typical_hours <= crate::domain::hours::MAX_HOURS_PER_RECORD, "{}", t.id);
            assert!(t.validity.is_well_formed(), "{}", t.id);
            assert!(t.source.url.starts_with("http") && !t.source.title.is_empty(), "{}", t.id);
            for c in &t.competencies {
                assert!(competency::find(c).is_some(), "{} names unknown competency {c}", t.id);
            }
        }
        for (i, a) in catalog.iter().enumerate() {
            assert!(catalog[i + 1..].iter().all(|b| b.id != a.id), "duplicate id {}", a.id);
        }
    }

    #[test]
    fn catalog_holds_the_trainings_the_workforce_needs() {
        let catalog = builtin_trainings();
        let get = |id: &str| catalog.iter().find(|t| t.id == format!("builtin.{id}")).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(get("c3_core_skills").competencies.len(), 11);
        assert_eq!(get("peer_core_80h").typical_hours, Hours::whole(80));
        for spec in ["peer_spec_family", "peer_spec_crisis", "peer_spec_unhoused", "peer_spec_justice"] {
            assert_eq!(get(spec).typical_hours, Hours::whole(40));
        }
        assert_eq!(get("mhfa_adult").validity, Validity::After { amount: 3, unit: PeriodUnit::Years });
        assert_eq!(get("cpr_first_aid").validity, Validity::EndOfMonthAfter { months: 24 });
        assert_eq!(get("law_ethics_ce").default_ce_category, Some(CeCategory::LawEthics));
        for id in ["motivational_interviewing", "intentional_peer_support", "trauma_informed_care", "chwpr_certificate",
            "hipaa", "wrap_facilitator", "harm_reduction_naloxone"] {
            get(id);
        }
        // Categories present.
        assert!(catalog.iter().any(|t| t.category == Category::CoreCompetency));
    }
}
