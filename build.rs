//! Turns the locale files into code (`$OUT_DIR/messages.rs`, included by `src/i18n.rs`):
//! `Msg`, one variant per plain message with its English and Spanish text in a table, and
//! `Fmt`, one variant per message with variables, formatted at run time by Fluent. A message
//! missing in one language, a variable that differs, or a count without plural forms fails
//! the build with a sentence saying which (`src/i18n/check.rs`).

#[path = "src/i18n/check.rs"]
mod check;

use std::fmt::Write;
use std::{env, fs, path::Path};

const DIR: &str = "src/i18n/locales";

fn camel(id: &str) -> String {
    id.split('-').map(|part| {
        let mut c = part.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    }).collect()
}

fn read(lang: &str, file: &str) -> (String, Vec<check::Message>) {
    let path = format!("{DIR}/{lang}/{file}");
    let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parsed = check::parse(&source).unwrap_or_else(|e| panic!("{path} is not valid Fluent: {e}"));
    (source, parsed)
}

fn main() {
    println!("cargo::rerun-if-changed={DIR}");
    println!("cargo::rerun-if-changed=src/i18n/check.rs");
    let (_, plain_en) = read("en", "messages.ftl");
    let (_, plain_es) = read("es", "messages.ftl");
    let (_, fmt_en) = read("en", "formatted.ftl");
    let (_, fmt_es) = read("es", "formatted.ftl");
    let mut problems = check::problems("messages.ftl", &plain_en, &plain_es, true);
    problems.extend(check::problems("formatted.ftl", &fmt_en, &fmt_es, false));
    if !problems.is_empty() {
        panic!("the locale files disagree:\n  {}", problems.join("\n  "));
    }

    let mut out = String::new();
    out.push_str("/// A plain message (no variables): its text is in the table below, looked up by position.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for m in &plain_en {
        writeln!(out, "    {},", camel(&m.id)).unwrap();
    }
    out.push_str("}\n\n/// English and Spanish text, indexed by the message's discriminant.\nconst TEXTS: &[[&str; 2]] = &[\n");
    for m in &plain_en {
        let es = plain_es.iter().find(|x| x.id == m.id).expect("checked");
        writeln!(out, "    [{:?}, {:?}],", m.text.as_deref().unwrap_or_default(), es.text.as_deref().unwrap_or_default()).unwrap();
    }
    out.push_str("];\n\nimpl Msg {\n    pub const ALL: &'static [Msg] = &[");
    for m in &plain_en {
        write!(out, "Msg::{}, ", camel(&m.id)).unwrap();
    }
    out.push_str("];\n\n    pub fn text(self, locale: Locale) -> &'static str {\n        TEXTS[self as usize][locale as usize]\n    }\n}\n\n");
    out.push_str("/// A message with variables (numbers, dates, names), formatted by Fluent with its plural forms.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Fmt {\n");
    for m in &fmt_en {
        writeln!(out, "    {},", camel(&m.id)).unwrap();
    }
    out.push_str("}\n\nimpl Fmt {\n    pub const ALL: &'static [Fmt] = &[");
    for m in &fmt_en {
        write!(out, "Fmt::{}, ", camel(&m.id)).unwrap();
    }
    out.push_str("];\n\n    /// The message's id in formatted.ftl.\n    pub fn id(self) -> &'static str {\n        match self {\n");
    for m in &fmt_en {
        writeln!(out, "            Fmt::{} => {:?},", camel(&m.id), m.id).unwrap();
    }
    out.push_str("        }\n    }\n}\n\n");
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
    writeln!(
        out,
        "/// The formatted messages' Fluent source, English then Spanish.\nconst FORMATTED: [&str; 2] = [include_str!({:?}), include_str!({:?})];",
        format!("{root}/{DIR}/en/formatted.ftl"),
        format!("{root}/{DIR}/es/formatted.ftl"),
    )
    .unwrap();
    fs::write(Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("messages.rs"), out).expect("OUT_DIR is writable");
}
