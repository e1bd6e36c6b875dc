//! Locales, bilingual text, and accent-folding for search.

use serde::{Deserialize, Serialize};

/// A language the interface is offered in. Every visible string exists in each of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().get(..2)? {
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            _ => None,
        }
    }
}

/// Text stored in both interface languages (catalog names, descriptions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Bilingual {
    pub en: String,
    pub es: String,
}

impl Bilingual {
    pub fn new(en: &str, es: &str) -> Bilingual {
        Bilingual { en: en.to_owned(), es: es.to_owned() }
    }

    /// The text in `locale`, falling back to the other language when that one is empty
    /// (a user may name their own training in one language only).
    pub fn get(&self, locale: Locale) -> &str {
        let (first, second) = match locale {
            Locale::En => (&self.en, &self.es),
            Locale::Es => (&self.es, &self.en),
        };
        if first.trim().is_empty() { second } else { first }
    }
}

/// Lower-cases, strips accents and collapses white space, so that "José  Núñez" and
/// "jose nunez" compare equal: people type names without accents on phones.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        for lower in c.to_lowercase() {
            out.push(match lower {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                other => other,
            });
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  José   NÚÑEZ "), "jose nunez");
        assert_eq!(fold("María\tGuadalupe"), "maria guadalupe");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn bilingual_falls_back_to_the_other_language() {
        let both = Bilingual::new("Harm reduction", "Reducción de daños");
        assert_eq!(both.get(Locale::Es), "Reducción de daños");
        let english_only = Bilingual::new("Team huddle", " ");
        assert_eq!(english_only.get(Locale::Es), "Team huddle");
    }

    #[test]
    fn locale_codes() {
        assert_eq!(Locale::from_code("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_code("EN"), Some(Locale::En));
        assert_eq!(Locale::from_code("fr"), None);
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
    }
}
