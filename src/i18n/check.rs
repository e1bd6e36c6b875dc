//! Reads and checks the locale files (`locales/<lang>/*.ftl`, Fluent syntax). Shared by
//! `build.rs`, which turns them into the message tables (a broken file fails the build), and
//! by the translation test, which says what is wrong in words.
//!
//! The checks: every message exists in both languages; a message has the same variables in
//! both; `messages.ftl` holds only plain text; and every count named in a message's comment
//! (`# Counts: $total`) selects its plural forms (`[one]` … `*[other]`) in both languages.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: String,
    /// The whole text, for a message without placeables.
    pub text: Option<String>,
    pub variables: BTreeSet<String>,
    /// Variables a select expression chooses on, with the variant keys it offers.
    pub selects: BTreeMap<String, BTreeSet<String>>,
    /// Count variables named in the message's comment.
    pub counts: BTreeSet<String>,
}

fn walk(pattern: &Pattern<&str>, m: &mut Message) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, m);
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, m: &mut Message) {
    match e {
        InlineExpression::VariableReference { id } => {
            m.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, m),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, m);
            }
        }
        _ => {}
    }
}

fn expression_vars(e: &Expression<&str>, m: &mut Message) {
    match e {
        Expression::Inline(i) => inline_vars(i, m),
        Expression::Select { selector, variants } => {
            inline_vars(selector, m);
            if let InlineExpression::VariableReference { id } = selector {
                let keys = m.selects.entry(id.name.to_owned()).or_default();
                for v in variants {
                    keys.insert(match &v.key {
                        fluent_syntax::ast::VariantKey::Identifier { name } => (*name).to_owned(),
                        fluent_syntax::ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    });
                }
            }
            for v in variants {
                walk(&v.value, m);
            }
        }
    }
}

/// The messages of one file, in order; `Err` with the parser's complaints.
pub fn parse(source: &str) -> Result<Vec<Message>, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = Vec::new();
    for entry in &resource.body {
        let Entry::Message(msg) = entry else { continue };
        let Some(pattern) = &msg.value else { return Err(format!("{} has no value", msg.id.name)) };
        let mut m = Message {
            id: msg.id.name.to_owned(),
            text: None,
            variables: BTreeSet::new(),
            selects: BTreeMap::new(),
            counts: BTreeSet::new(),
        };
        if let Some(comment) = &msg.comment {
            for line in &comment.content {
                if let Some(rest) = line.trim().strip_prefix("Counts:") {
                    m.counts.extend(rest.split([',', ' ']).filter_map(|v| v.trim().strip_prefix('$')).map(str::to_owned));
                }
            }
        }
        let plain = pattern.elements.iter().all(|e| matches!(e, PatternElement::TextElement { .. }));
        if plain {
            m.text = Some(pattern.elements.iter().map(|e| match e {
                PatternElement::TextElement { value } => *value,
                PatternElement::Placeable { .. } => "",
            }).collect());
        }
        walk(pattern, &mut m);
        out.push(m);
    }
    Ok(out)
}

/// Everything wrong between the English and Spanish versions of one file, in words.
pub fn problems(file: &str, en: &[Message], es: &[Message], plain_only: bool) -> Vec<String> {
    let mut out = Vec::new();
    let by_id = |list: &[Message]| list.iter().map(|m| (m.id.clone(), m.clone())).collect::<BTreeMap<_, _>>();
    let (en_map, es_map) = (by_id(en), by_id(es));
    for (lang, list) in [("en", en), ("es", es)] {
        let mut seen = BTreeSet::new();
        for m in list {
            if !seen.insert(&m.id) {
                out.push(format!("{file} ({lang}): {} is defined twice", m.id));
            }
        }
    }
    for id in en_map.keys().filter(|k| !es_map.contains_key(*k)) {
        out.push(format!("{file}: {id} is missing in Spanish"));
    }
    for id in es_map.keys().filter(|k| !en_map.contains_key(*k)) {
        out.push(format!("{file}: {id} is missing in English"));
    }
    for (id, e) in &en_map {
        let Some(s) = es_map.get(id) else { continue };
        if e.variables != s.variables {
            out.push(format!("{file}: {id} has variables {:?} in English but {:?} in Spanish", e.variables, s.variables));
        }
        for (lang, m) in [("en", e), ("es", s)] {
            if plain_only && m.text.is_none() {
                out.push(format!("{file} ({lang}): {id} has a placeable; messages with variables belong in formatted.ftl"));
            }
            if !plain_only && m.variables.is_empty() {
                out.push(format!("{file} ({lang}): {id} has no variable; plain text belongs in messages.ftl"));
            }
            for count in e.counts.iter().chain(&s.counts) {
                let forms = m.selects.get(count);
                if !forms.is_some_and(|f| f.contains("one") && f.contains("other")) {
                    out.push(format!("{file} ({lang}): {id} shows the count ${count} but does not choose its plural forms ([one] and *[other])"));
                }
            }
        }
    }
    out
}
