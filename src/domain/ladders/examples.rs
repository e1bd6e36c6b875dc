//! Built-in examples, from `shared/reference/domain-facts.md` §6, as data: three ladders,
//! their pay grades, California's wage floors and a pay policy. Every example says where its
//! numbers come from; numbers no source gives are labelled "example values" and flagged
//! *Check locally*. Organizations copy an example ladder (with its grades) to make it their
//! own; floors are edited in place (a change is an override, the original can be restored).

use super::ladder::{FrameworkCode, Ladder, Rule, Step};
use super::money::{Bp, Cents};
use super::pay::{FloorKind, FloorRate, PayGrade, Scale, WageFloor};
use super::person::{LIVED_EXPERIENCE, PROBATION, SUPERVISOR_RECOMMENDATION};
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::person::WorkerType;
use crate::domain::text::Bilingual;
use crate::domain::training::{CeCategory, Source};

pub const EXAMPLE_PREFIX: &str = "example.";

// Not inlined: it is called once per built-in source, and inlined each call grew the code.
#[inline(never)]
fn source(title: &str, title_es: &str, url: &str, verify: bool) -> Source {
    Source { title: title.into(), title_es: title_es.into(), url: url.into(), verify }
}

const CALAVERAS: &str = "https://www.careersingovernment.com/job/672830/behavioral-health-peer-support-specialist-i-ii-extra-hire/";
const CDC_LADDER: &str = "https://www.cdc.gov/dhdsp/chw_elearning/s3_p11.html";
const NEVADA: &str = "https://nevadacertboard.org/cchw/chw-requirements";
const CHW_SURVEY: &str = "https://nachw.org/chw_resources/understanding-californias-community-health-worker-promotor-workforce/";
const DIR_2026: &str = "https://www.dir.ca.gov/DIRNews/2025/2025-118.html";
const MIN_WAGE_TABLE: &str = "https://www.employerpass.com/california-minimum-wage";

fn grade(id: &str, en: &str, es: &str, base: i64, steps: u32, source: Source) -> PayGrade {
    PayGrade {
        id: format!("{EXAMPLE_PREFIX}grade.{id}"),
        name: Bilingual::new(en, es),
        scale: Scale::Percent { base: Cents(base), step: Bp(500), steps },
        source,
        example: true,
    }
}

/// The example pay grades (5 % steps, five steps each).
pub fn example_grades() -> Vec<PayGrade> {
    let own_values = |what: &str, que: &str| {
        source(
            &format!("Example values ({what}), not from a published table: set your organization's own"),
            &format!("Valores de ejemplo ({que}), no tomados de una tabla publicada: fije los de su organización"),
            CHW_SURVEY,
            true,
        )
    };
    vec![
        grade("peer_i", "Peer Support Specialist I", "Especialista en apoyo entre pares I", 17_92, 5,
            source("Calaveras County, BH Peer Support Specialist I, $17.92–$21.76 an hour (2023); 5 % steps give $21.79 at step 5: check your county's table", "Condado de Calaveras, BH Peer Support Specialist I, $17.92–$21.76 por hora (2023); con escalones del 5 % el escalón 5 da $21.79: revise la tabla de su condado", CALAVERAS, true)),
        grade("peer_ii", "Peer Support Specialist II", "Especialista en apoyo entre pares II", 22_84, 5,
            source("Calaveras County, BH Peer Support Specialist II (journey level), $22.84–$27.76 an hour (2023)", "Condado de Calaveras, BH Peer Support Specialist II (nivel pleno), $22.84–$27.76 por hora (2023)", CALAVERAS, true)),
        grade("peer_lead", "Lead Peer Support Specialist", "Especialista líder en apoyo entre pares", 25_18, 5, own_values("one range above Peer II's middle", "un rango por encima del punto medio de Peer II")),
        grade("peer_supervisor", "Peer Supervisor", "Supervisor(a) de pares", 27_76, 5, own_values("from Peer II's top step", "desde el escalón más alto de Peer II")),
        grade("chw_i", "Community Health Worker I", "Trabajador(a) comunitario(a) de salud I", 20_00, 5,
            own_values("UCSF/CHCF 2022: almost half of California CHW/Ps earned $20–$25 an hour", "UCSF/CHCF 2022: casi la mitad de los CHW/P de California ganaban entre $20 y $25 por hora")),
        grade("chw_ii", "Community Health Worker II", "Trabajador(a) comunitario(a) de salud II", 22_05, 5, own_values("from CHW I's third step", "desde el tercer escalón de CHW I")),
        grade("chw_iii", "Community Health Worker III (Senior)", "Trabajador(a) comunitario(a) de salud III (sénior)", 24_31, 5, own_values("from CHW I's top step", "desde el escalón más alto de CHW I")),
        grade("chw_supervisor", "CHW Supervisor", "Supervisor(a) de CHW", 26_80, 5, own_values("from CHW II's top step", "desde el escalón más alto de CHW II")),
    ]
}

fn step(id: &str, en: &str, es: &str, grade_id: &str, next: &[&str], requires: Rule, description: (&str, &str)) -> Step {
    Step {
        id: id.into(),
        title: Bilingual::new(en, es),
        description: Bilingual::new(description.0, description.1),
        duties: Bilingual::default(),
        grade_id: if grade_id.is_empty() { String::new() } else { format!("{EXAMPLE_PREFIX}grade.{grade_id}") },
        next: next.iter().map(|s| (*s).to_owned()).collect(),
        requires,
    }
}

fn training(id: &str) -> Rule {
    Rule::Training { training_id: format!("builtin.{id}"), within_months: None }
}

fn requirement(id: &str) -> Rule {
    Rule::Requirement { requirement_id: format!("preset.{id}") }
}

fn attested(kind: &str) -> Rule {
    Rule::Attestation { kind: kind.into() }
}

fn ce(hours: u32, categories: &[CeCategory], within_months: u32) -> Rule {
    Rule::CeHours { hours: Hours::whole(hours), categories: categories.to_vec(), within_months }
}

/// The example ladders. Step requirements are examples of what organizations ask, built on
/// the state rules the app knows (CalMHSA, DHCS); each ladder names its source.
pub fn example_ladders() -> Vec<Ladder> {
    use CeCategory::*;
    let peer = Ladder {
        id: format!("{EXAMPLE_PREFIX}ladder.county_peer"),
        name: Bilingual::new("County peer support series", "Serie de apoyo entre pares del condado"),
        description: Bilingual::new(
            "Trainee, then Level I (entry, close supervision) and Level II (journey level), then Lead Peer or Peer Trainer, then Peer Supervisor. Pay from a county's published ranges; requirements are an example to adapt.",
            "Aprendiz, luego Nivel I (inicial, supervisión cercana) y Nivel II (nivel pleno), luego Par líder o Capacitador(a) de pares, y Supervisor(a) de pares. Salarios de los rangos publicados de un condado; los requisitos son un ejemplo para adaptar.",
        ),
        worker_types: vec![WorkerType::PeerSupportSpecialist],
        steps: vec![
            step("trainee", "Peer Support Specialist Trainee", "Especialista en apoyo entre pares (aprendiz)", "peer_i", &[], Rule::nothing(),
                ("Paid on the Level I range while completing certification.", "Con salario del rango del Nivel I mientras completa la certificación.")),
            step("i", "Peer Support Specialist I", "Especialista en apoyo entre pares I", "peer_i", &[],
                Rule::All(vec![requirement("peer_certification"), attested(LIVED_EXPERIENCE), attested(PROBATION)]),
                ("Entry level under close supervision.", "Nivel inicial con supervisión cercana.")),
            step("ii", "Peer Support Specialist II", "Especialista en apoyo entre pares II", "peer_ii", &["lead", "trainer"],
                Rule::All(vec![
                    Rule::MonthsInStep { months: 12 },
                    training("motivational_interviewing"),
                    training("intentional_peer_support"),
                    ce(20, &[], 24),
                    attested(SUPERVISOR_RECOMMENDATION),
                ]),
                ("Journey level: more responsibility and decisions of one's own.", "Nivel pleno: más responsabilidad y decisiones propias.")),
            step("lead", "Lead Peer Support Specialist", "Especialista líder en apoyo entre pares", "peer_lead", &["supervisor"],
                Rule::All(vec![
                    Rule::MonthsInStep { months: 24 },
                    Rule::AnyOf { n: 2, of: vec![training("trauma_informed_care"), training("wrap_facilitator"), requirement("mhfa"), training("harm_reduction_naloxone")] },
                    attested(SUPERVISOR_RECOMMENDATION),
                ]),
                ("Leads a peer team's daily work; a position created for peers' job growth (Whole Person Care, Santa Cruz).", "Dirige el trabajo diario de un equipo de pares; un puesto creado para el crecimiento laboral de los pares (Whole Person Care, Santa Cruz).")),
            step("trainer", "Peer Trainer", "Capacitador(a) de pares", "peer_lead", &["supervisor"],
                Rule::All(vec![Rule::MonthsInStep { months: 24 }, training("intentional_peer_support"), training("wrap_facilitator"), attested(SUPERVISOR_RECOMMENDATION)]),
                ("Trains new peers (CDC: CHWs as trainers).", "Capacita a pares nuevos (CDC: CHW como capacitadores).")),
            step("supervisor", "Peer Supervisor", "Supervisor(a) de pares", "peer_supervisor", &[],
                Rule::All(vec![
                    Rule::MonthsInStep { months: 12 },
                    Rule::MonthsOfService { months: 48 },
                    Rule::Competencies { framework: FrameworkCode::Sb803, ids: Vec::new() },
                    attested(SUPERVISOR_RECOMMENDATION),
                ]),
                ("Supervises peer staff.", "Supervisa al personal de pares.")),
        ],
        source: source("Calaveras County BH Peer Support Specialist I/II (levels and ranges); Riverside and Santa Barbara trainee levels; requirements: an example built on CalMHSA certification", "Condado de Calaveras, BH Peer Support Specialist I/II (niveles y rangos); niveles de aprendiz de Riverside y Santa Bárbara; requisitos: un ejemplo basado en la certificación de CalMHSA", CALAVERAS, true),
        example: true,
        retired: false,
    };

    let chw = Ladder {
        id: format!("{EXAMPLE_PREFIX}ladder.chw_three_level"),
        name: Bilingual::new("Community health worker, three levels", "Trabajador(a) comunitario(a) de salud, tres niveles"),
        description: Bilingual::new(
            "CHW I, II and III (Senior), then CHW Supervisor: more independence, then supervision, with a pay differential at each level (CDC: San Francisco has three levels).",
            "CHW I, II y III (sénior), luego Supervisor(a) de CHW: más independencia y luego supervisión, con diferencia salarial en cada nivel (CDC: San Francisco tiene tres niveles).",
        ),
        worker_types: vec![WorkerType::Chw, WorkerType::BehavioralHealthNavigator, WorkerType::ViolencePrevention],
        steps: vec![
            step("i", "Community Health Worker I", "Trabajador(a) comunitario(a) de salud I", "chw_i", &[],
                Rule::All(vec![requirement("chw_qualification"), attested(LIVED_EXPERIENCE), requirement("hipaa_at_hire")]),
                ("Meets the Medi-Cal CHW qualifications, lived experience that aligns with the community served included.", "Cumple las calificaciones de CHW de Medi-Cal, incluida la experiencia vivida afín a la comunidad que atiende.")),
            step("ii", "Community Health Worker II", "Trabajador(a) comunitario(a) de salud II", "chw_ii", &[],
                Rule::All(vec![
                    Rule::MonthsInStep { months: 12 },
                    Rule::Competencies { framework: FrameworkCode::C3, ids: Vec::new() },
                    training("motivational_interviewing"),
                    requirement("chw_annual_training"),
                    attested(SUPERVISOR_RECOMMENDATION),
                ]),
                ("Works more independently; all eleven C3 core skills covered.", "Trabaja con más independencia; cubre las once habilidades básicas C3.")),
            step("iii", "Community Health Worker III (Senior)", "Trabajador(a) comunitario(a) de salud III (sénior)", "chw_iii", &[],
                Rule::All(vec![
                    Rule::MonthsInStep { months: 24 },
                    Rule::AnyOf { n: 2, of: vec![requirement("mhfa"), training("trauma_informed_care"), requirement("cpr"), training("harm_reduction_naloxone")] },
                    attested(SUPERVISOR_RECOMMENDATION),
                ]),
                ("Senior CHW: complex cases, mentors others.", "CHW sénior: casos complejos, acompaña a otras personas.")),
            step("supervisor", "CHW Supervisor", "Supervisor(a) de CHW", "chw_supervisor", &[],
                Rule::All(vec![Rule::MonthsInStep { months: 12 }, Rule::MonthsOfService { months: 60 }, training("trauma_informed_care"), attested(SUPERVISOR_RECOMMENDATION)]),
                ("Substantial supervisory duties and a considerable pay differential (CDC).", "Funciones importantes de supervisión y una diferencia salarial considerable (CDC).")),
        ],
        source: source("CDC CHW e-Learning, Creating a Career Ladder (three levels in San Francisco); pay: example values; requirements: an example built on DHCS CHW qualifications", "CDC CHW e-Learning, Creating a Career Ladder (tres niveles en San Francisco); salario: valores de ejemplo; requisitos: un ejemplo basado en las calificaciones de CHW del DHCS", CDC_LADDER, true),
        example: true,
        retired: false,
    };

    let nevada = Ladder {
        id: format!("{EXAMPLE_PREFIX}ladder.chw_two_tier"),
        name: Bilingual::new("CHW two-tier credential ladder (like Nevada's CHW I / CHW II)", "Escalera de credencial de CHW en dos niveles (como CHW I / CHW II de Nevada)"),
        description: Bilingual::new(
            "CHW II after 44 more hours: 8 behavioral health, 6 cultural competence or ethics, 20 general CHW continuing education, 8 health equity, 1 HIPAA, 1 self-care.",
            "CHW II tras 44 horas más: 8 de salud conductual, 6 de competencia cultural o ética, 20 de educación continua general de CHW, 8 de equidad en salud, 1 de HIPAA y 1 de autocuidado.",
        ),
        worker_types: vec![WorkerType::Chw],
        steps: vec![
            step("i", "CHW I", "CHW I", "chw_i", &[], requirement("chw_qualification"), ("Certified community health worker.", "Trabajador(a) comunitario(a) de salud certificado(a).")),
            step("ii", "CHW II", "CHW II", "chw_ii", &[],
                Rule::All(vec![
                    ce(8, &[BehavioralHealth], 24),
                    ce(6, &[CulturalResponsiveness, LawEthics], 24),
                    ce(20, &[General], 24),
                    ce(8, &[HealthEquity], 24),
                    training("hipaa"),
                    ce(1, &[SelfCare], 24),
                ]),
                ("44 additional hours in the listed areas (the 24-month window is ours: Nevada's is not stated).", "44 horas adicionales en las áreas indicadas (la ventana de 24 meses es nuestra: Nevada no la indica).")),
        ],
        source: source("Nevada Certification Board, CHW Certification Requirements (CHW II: 44 additional hours)", "Nevada Certification Board, requisitos de certificación de CHW (CHW II: 44 horas adicionales)", NEVADA, true),
        example: true,
        retired: false,
    };
    vec![peer, chw, nevada]
}

fn rate(from: &str, cents: i64, source: Source) -> FloorRate {
    FloorRate { from: Date::parse_iso(from).expect("valid"), hourly: Cents(cents), source }
}

/// California's wage floors as dated, sourced rates, and a living-wage reference to set.
pub fn example_floors() -> Vec<WageFloor> {
    vec![
        WageFloor {
            id: "floor.ca_minimum".into(),
            name: Bilingual::new("California minimum wage", "Salario mínimo de California"),
            kind: FloorKind::Minimum,
            schedule: vec![
                rate("2023-01-01", 15_50, source("Rate history table (secondary; check DIR)", "Tabla histórica de salarios (fuente secundaria; revise el DIR)", MIN_WAGE_TABLE, true)),
                rate("2024-01-01", 16_00, source("Widely reported when it took effect (Perkins Coie, ABC30); the secondary table's $15.50 is wrong; check DIR", "Ampliamente informado al entrar en vigor (Perkins Coie, ABC30); los $15.50 de la tabla secundaria son un error; revise el DIR", MIN_WAGE_TABLE, true)),
                rate("2025-01-01", 16_50, source("California DIR, news release 2025-118", "DIR de California, comunicado de prensa 2025-118", DIR_2026, false)),
                rate("2026-01-01", 16_90, source("California DIR, news release 2025-118: $16.90 from January 1, 2026", "DIR de California, comunicado de prensa 2025-118: $16.90 desde el 1 de enero de 2026", DIR_2026, false)),
            ],
            retired: false,
        },
        WageFloor {
            id: "floor.ca_health_care".into(),
            name: Bilingual::new("California health care minimum wage (SB 525), covered facilities", "Salario mínimo de atención médica de California (SB 525), centros cubiertos"),
            kind: FloorKind::Minimum,
            schedule: vec![rate("2025-07-01", 24_00, source("SB 525 took effect October 16, 2024; one secondary source gives $24 since July 2025 for certain staff. The schedule depends on the facility type: check DIR's and set yours", "La SB 525 entró en vigor el 16 de octubre de 2024; una fuente secundaria indica $24 desde julio de 2025 para cierto personal. El calendario depende del tipo de centro: revise el del DIR y fije el suyo", "https://particle.news/story/california-minimum-wage-to-rise-to-1690-in-2026", true))],
            // Applies only to covered health care facilities: turned on by those that are.
            retired: true,
        },
        WageFloor {
            id: "floor.living_wage".into(),
            name: Bilingual::new("Living wage (set your own reference)", "Salario digno (fije su propia referencia)"),
            kind: FloorKind::LivingWage,
            schedule: vec![rate("2025-01-01", 28_72, source("MIT Living Wage, California statewide as quoted by a secondary tool (family type unstated; not confirmed): replace with your county's figure and source", "MIT Living Wage, California en conjunto según una herramienta secundaria (tipo de familia no indicado; no confirmado): reemplácelo por la cifra y la fuente de su condado", "https://wagewright.com/tools/living-wage-calculator/", true))],
            retired: false,
        },
    ]
}

pub fn is_example_id(id: &str) -> bool {
    id.starts_with(EXAMPLE_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ladders::pay::below_minimum;

    #[test]
    fn every_example_is_complete_and_sourced() {
        let grades = example_grades();
        for l in example_ladders() {
            assert!(l.example && is_example_id(&l.id), "{}", l.id);
            assert!(l.problems().is_empty(), "{}: {:?}", l.id, l.problems());
            assert!(l.source.url.starts_with("https://") && l.source.verify, "{}", l.id);
            for s in &l.steps {
                assert!(grades.iter().any(|g| g.id == s.grade_id), "{} {} names grade {}", l.id, s.id, s.grade_id);
                assert!(!s.title.es.is_empty() && !s.description.es.is_empty());
                for c in s.requires.conditions() {
                    match c {
                        Rule::Training { training_id, .. } => assert!(crate::domain::catalog::builtin_trainings().iter().any(|t| &t.id == training_id), "{training_id}"),
                        Rule::Requirement { requirement_id } => assert!(crate::domain::presets::presets().iter().any(|r| &r.id == requirement_id), "{requirement_id}"),
                        _ => {}
                    }
                }
            }
        }
        for g in &grades {
            assert!(g.source.url.starts_with("http"), "{}", g.id);
            assert_eq!(g.steps(), 5);
        }
        let peer_ii = grades.iter().find(|g| g.id == "example.grade.peer_ii").unwrap();
        assert_eq!(peer_ii.range().map(|r| (r.0, r.2)), Some((Cents(22_84), Cents(27_76))), "5 % steps reproduce Calaveras II's published range");
    }

    #[test]
    fn the_california_minimum_wage_by_year_and_no_example_grade_below_it_in_2026() {
        let floors = example_floors();
        let ca = &floors[0];
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let on = |s: &str| ca.on(d(s)).map(|r| r.hourly);
        assert_eq!(on("2023-06-01"), Some(Cents(15_50)));
        assert_eq!(on("2024-06-01"), Some(Cents(16_00)));
        assert_eq!(on("2025-12-31"), Some(Cents(16_50)));
        assert_eq!(on("2026-01-01"), Some(Cents(16_90)));
        assert!(ca.schedule.iter().all(|r| r.source.url.starts_with("https://")));
        assert!(ca.schedule.iter().filter(|r| crate::domain::date::Datelike::year(&r.from) >= 2025).all(|r| !r.source.verify), "2025 and 2026 are DIR's");
        for g in example_grades() {
            for r in g.rates() {
                assert!(!below_minimum(&floors, r, d("2026-01-01")), "{} {r}", g.id);
            }
        }
        assert!(floors[1].retired, "the health care minimum is opt-in");
        assert!(floors.iter().all(|f| f.schedule.iter().all(|r| !r.source.title.is_empty())));
    }
}
