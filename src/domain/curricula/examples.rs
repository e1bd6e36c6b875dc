//! Built-in example curricula: labelled as examples, copied before they are changed, each with
//! its source. The trainings are the built-in catalog's (`catalog.rs`), so their hours,
//! validity and sources come from there.

use super::curriculum::{Curriculum, Item, Mode, Section};
use crate::domain::person::{PreferredLanguage, WorkerType};
use crate::domain::text::Bilingual;
use crate::domain::training::Source;

fn item(training: &str, required: bool, section: &str) -> Item {
    Item { training_id: format!("builtin.{training}"), required, section: section.to_owned() }
}

fn section(id: &str, en: &str, es: &str, within_days: Option<u32>) -> Section {
    Section { id: id.to_owned(), name: Bilingual::new(en, es), within_days }
}

pub fn example_curricula() -> Vec<Curriculum> {
    vec![
        Curriculum {
            id: "example.curriculum.chw_onboarding".into(),
            version: 1,
            name: Bilingual::new("New community health worker onboarding", "Incorporación de nuevos trabajadores comunitarios de salud"),
            description: Bilingual::new(
                "One onboarding for every new CHW/P/R, as the Whole Person Care pilots standardized theirs: privacy first, then the C3 core skills, motivational interviewing, trauma-informed care and Mental Health First Aid.",
                "Una misma incorporación para cada nuevo CHW/P/R, como la estandarizaron los pilotos de Whole Person Care: primero la privacidad, luego las habilidades básicas C3, la entrevista motivacional, la atención informada sobre el trauma y los Primeros Auxilios de Salud Mental.",
            ),
            mode: Mode::AllAnyOrder,
            sections: vec![
                section("first_30", "First 30 days", "Primeros 30 días", Some(30)),
                section("first_90", "First 90 days", "Primeros 90 días", Some(90)),
            ],
            items: vec![
                item("hipaa", true, "first_30"),
                item("c3_core_skills", true, "first_90"),
                item("motivational_interviewing", true, "first_90"),
                item("trauma_informed_care", true, "first_90"),
                item("mhfa_adult", true, "first_90"),
            ],
            worker_types: vec![WorkerType::Chw, WorkerType::BehavioralHealthNavigator],
            languages: vec![PreferredLanguage::English, PreferredLanguage::Spanish],
            example: true,
            archived: false,
            source: Some(Source {
                title: "Example built on the C3 Project core skills and the trainings the Whole Person Care pilots gave every new case manager; the 30/90-day sections are ours: set your own".into(),
                title_es: "Ejemplo basado en las habilidades básicas del C3 Project y en las capacitaciones que los pilotos de Whole Person Care daban a cada nuevo gestor de casos; las secciones de 30 y 90 días son nuestras: fije las suyas".into(),
                url: "https://www.c3project.org/roles-competencies".into(),
                verify: true,
            }),
        },
        Curriculum {
            id: "example.curriculum.peer_onboarding".into(),
            version: 1,
            name: Bilingual::new("Peer support onboarding", "Incorporación de especialistas en apoyo entre pares"),
            description: Bilingual::new(
                "Intentional Peer Support, WRAP facilitation and law and ethics for a new peer; harm reduction and naloxone when the program needs it.",
                "Apoyo Intencional entre Pares, facilitación de WRAP y ley y ética para un par nuevo; reducción de daños y naloxona cuando el programa lo necesita.",
            ),
            mode: Mode::AllAnyOrder,
            sections: Vec::new(),
            items: vec![
                item("intentional_peer_support", true, ""),
                item("wrap_facilitator", true, ""),
                item("law_ethics_ce", true, ""),
                item("harm_reduction_naloxone", false, ""),
            ],
            worker_types: vec![WorkerType::PeerSupportSpecialist],
            languages: vec![PreferredLanguage::English, PreferredLanguage::Spanish],
            example: true,
            archived: false,
            source: Some(Source {
                title: "Example: Intentional Peer Support and WRAP as trained in California peer programs (PEERS, Copeland Center); the selection is ours: set your own".into(),
                title_es: "Ejemplo: Intentional Peer Support y WRAP como se capacitan en los programas de pares de California (PEERS, Copeland Center); la selección es nuestra: fije la suya".into(),
                url: "http://www.peersnet.org/trainings/wrap-certification".into(),
                verify: true,
            }),
        },
        Curriculum {
            id: "example.curriculum.peer_certification".into(),
            version: 1,
            name: Bilingual::new("Medi-Cal peer support specialist preparation", "Preparación para especialista en apoyo entre pares de Medi-Cal"),
            description: Bilingual::new(
                "The 80-hour core training, then the certification exam, then one specialization (CalMHSA does not endorse a specialization before the core training).",
                "La capacitación básica de 80 horas, luego el examen de certificación y luego una especialización (CalMHSA no respalda una especialización antes de la capacitación básica).",
            ),
            mode: Mode::AtLeast { n: 3 },
            sections: Vec::new(),
            items: vec![
                item("peer_core_80h", true, ""),
                item("peer_exam", true, ""),
                item("peer_spec_family", false, ""),
                item("peer_spec_crisis", false, ""),
                item("peer_spec_unhoused", false, ""),
                item("peer_spec_justice", false, ""),
            ],
            worker_types: vec![WorkerType::PeerSupportSpecialist],
            languages: Vec::new(),
            example: true,
            archived: false,
            source: Some(Source {
                title: "CalMHSA, Certification – Initial: 80-hour training with an approved entity, then the exam; specializations after the core training".into(),
                title_es: "CalMHSA, certificación inicial: capacitación de 80 horas con una entidad aprobada y luego el examen; las especializaciones, después de la capacitación básica".into(),
                url: "https://www.capeercertification.org/certification-initial/".into(),
                verify: false,
            }),
        },
    ]
}
