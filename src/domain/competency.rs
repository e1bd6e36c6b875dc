//! Competency frameworks that trainings map to. Encoded once and referenced by id, so the
//! DHCS certificate pathway and HCAI (both built on C3) and later ladder steps share them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// C3 Project core CHW skills (c3project.org/roles-competencies).
    C3,
    /// Curriculum elements for Medi-Cal peer support specialists, WIC §14045.13(c) (SB 803).
    Sb803,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Competency {
    pub id: &'static str,
    pub framework: Framework,
    pub en: &'static str,
    pub es: &'static str,
}

const fn c(id: &'static str, framework: Framework, en: &'static str, es: &'static str) -> Competency {
    Competency { id, framework, en, es }
}

use Framework::{Sb803, C3};

/// The 11 C3 core skills in canonical order, then the 16 confirmed SB 803 elements
/// (the 17th is not confirmed in our sources; see domain-facts §2.5).
pub const COMPETENCIES: [Competency; 27] = [
    c("c3.communication", C3, "Communication skills", "Habilidades de comunicación"),
    c("c3.interpersonal", C3, "Interpersonal and relationship-building skills", "Habilidades interpersonales y para construir relaciones"),
    c("c3.service_coordination", C3, "Service coordination and navigation skills", "Habilidades de coordinación de servicios y navegación"),
    c("c3.capacity_building", C3, "Capacity building skills", "Habilidades para desarrollar capacidades"),
    c("c3.advocacy", C3, "Advocacy skills", "Habilidades de abogacía"),
    c("c3.education_facilitation", C3, "Education and facilitation skills", "Habilidades de educación y facilitación"),
    c("c3.assessment", C3, "Individual and community assessment skills", "Habilidades de evaluación individual y comunitaria"),
    c("c3.outreach", C3, "Outreach skills", "Habilidades de alcance comunitario"),
    c("c3.professional_conduct", C3, "Professional skills and conduct", "Habilidades y conducta profesional"),
    c("c3.evaluation_research", C3, "Evaluation and research skills", "Habilidades de evaluación e investigación"),
    c("c3.knowledge_base", C3, "Knowledge base (public health and social determinants of health)", "Base de conocimientos (salud pública y determinantes sociales de la salud)"),
    c("sb803.hope_recovery", Sb803, "Hope, recovery and wellness", "Esperanza, recuperación y bienestar"),
    c("sb803.advocacy", Sb803, "The role of advocacy", "El papel de la abogacía"),
    c("sb803.consumers_family", Sb803, "The role of consumers and family members", "El papel de las personas usuarias y sus familias"),
    c("sb803.rehabilitation", Sb803, "Psychiatric rehabilitation and addiction recovery principles", "Rehabilitación psiquiátrica y principios de recuperación de adicciones"),
    c("sb803.cultural_competence", Sb803, "Cultural competence", "Competencia cultural"),
    c("sb803.trauma_informed", Sb803, "Trauma-informed care", "Atención informada sobre el trauma"),
    c("sb803.group_facilitation", Sb803, "Group facilitation skills", "Habilidades de facilitación de grupos"),
    c("sb803.self_care", Sb803, "Self-awareness and self-care", "Autoconocimiento y autocuidado"),
    c("sb803.co_occurring", Sb803, "Co-occurring mental health and substance use disorders", "Trastornos concurrentes de salud mental y uso de sustancias"),
    c("sb803.conflict_resolution", Sb803, "Conflict resolution", "Resolución de conflictos"),
    c("sb803.boundaries_ethics", Sb803, "Professional boundaries and ethics", "Límites profesionales y ética"),
    c("sb803.employment", Sb803, "Preparation for employment", "Preparación para el empleo"),
    c("sb803.safety_crisis", Sb803, "Safety and crisis planning", "Seguridad y planificación de crisis"),
    c("sb803.navigation_referral", Sb803, "Navigation of and referral to other services", "Navegación y referencia a otros servicios"),
    c("sb803.documentation", Sb803, "Documentation skills and standards", "Habilidades y normas de documentación"),
    c("sb803.confidentiality", Sb803, "Confidentiality", "Confidencialidad"),
];

pub fn find(id: &str) -> Option<&'static Competency> {
    COMPETENCIES.iter().find(|c| c.id == id)
}

pub fn in_framework(framework: Framework) -> impl Iterator<Item = &'static Competency> {
    COMPETENCIES.iter().filter(move |c| c.framework == framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c3_has_eleven_skills_and_ids_are_unique() {
        assert_eq!(in_framework(Framework::C3).count(), 11);
        assert_eq!(in_framework(Framework::Sb803).count(), 16);
        for (i, a) in COMPETENCIES.iter().enumerate() {
            assert!(COMPETENCIES[i + 1..].iter().all(|b| b.id != a.id), "duplicate {}", a.id);
            assert!(!a.en.is_empty() && !a.es.is_empty() && a.en != a.es, "{}", a.id);
        }
    }
}
