//! UI strings (`locales/<tag>.json`) against English: every key present, none empty, the same
//! `{{ placeholders }}`, no key English lacks. Used by build.rs, `examples/check_language.rs`
//! and the app, which reads a language's file at run time with `parse_strings`.
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The `{{ name }}` placeholders of a UI string.
pub fn placeholders(s: &str) -> BTreeSet<String> {
    // Inserted one by one rather than collected: a collected set sorts first, and that sort
    // would be compiled into the wasm for this alone.
    let mut out = BTreeSet::new();
    for p in s.split("{{").skip(1).filter_map(|p| p.split("}}").next()) {
        out.insert(p.trim().to_owned());
    }
    out
}

/// Every difference of `other` (the file `file`, language `tag`) from `english`.
pub fn compare_with_english(file: &str, tag: &str, other: &Map<String, Value>, english: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in english {
        let want = placeholders(value.as_str().unwrap_or_default());
        match other.get(key).map(|v| v.as_str()) {
            None => out.push(format!("{file}: language '{tag}' lacks UI key '{key}'")),
            Some(None) => out.push(format!("{file}: language '{tag}' key '{key}' is not a string")),
            Some(Some(s)) if s.trim().is_empty() => out.push(format!("{file}: language '{tag}' has an empty UI key '{key}'")),
            Some(Some(s)) if placeholders(s) != want => out.push(format!(
                "{file}: language '{tag}' key '{key}' has placeholders {:?}, English has {want:?}",
                placeholders(s)
            )),
            Some(Some(_)) => {}
        }
    }
    for key in other.keys().filter(|k| !english.contains_key(*k)) {
        out.push(format!("{file}: language '{tag}' has UI key '{key}' that English lacks"));
    }
    out
}

/// English keys must be Rust names (build.rs makes one `UiKey` variant of each). Plural
/// variants (`_one` / `_other`) are refused: no string needs them today and the app's loader
/// does not pick between them; add that to the loader before adding such a key.
pub fn check_english_keys(english: &Map<String, Value>) -> Vec<String> {
    let ident = |k: &str| k.starts_with(|c: char| c.is_ascii_lowercase()) && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let mut out = Vec::new();
    for (key, value) in english {
        if !ident(key) {
            out.push(format!("locales/en.json: key '{key}' is not snake_case"));
        }
        if key.ends_with("_one") || key.ends_with("_other") {
            out.push(format!("locales/en.json: key '{key}' looks like a plural form; the loader has no plurals (src/i18n.rs)"));
        }
        match value.as_str() {
            None => out.push(format!("locales/en.json: key '{key}' is not a string")),
            Some(s) => out.extend(placeholders(s).into_iter().filter(|p| !ident(p)).map(|p| format!("locales/en.json: key '{key}' has placeholder '{p}' that is not snake_case"))),
        }
    }
    out
}

/// Read a language's UI strings at run time: the texts in the order of `keys` (English's), or
/// the first problem (not JSON, a key missing or empty, other placeholders than English).
pub fn parse_strings(file: &str, tag: &str, raw: &str, keys: &[&str], english: &[&str]) -> Result<Vec<String>, String> {
    let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(raw) else {
        return Err(format!("{file}: not a JSON object"));
    };
    let mut out = Vec::with_capacity(keys.len());
    for (key, en) in keys.iter().zip(english) {
        match map.remove(*key) {
            Some(Value::String(s)) if !s.trim().is_empty() && placeholders(&s) == placeholders(en) => out.push(s),
            Some(_) => return Err(format!("{file}: language '{tag}' key '{key}' is empty or differs from English")),
            None => return Err(format!("{file}: language '{tag}' lacks UI key '{key}'")),
        }
    }
    Ok(out)
}

/// A run of a UI string: text, or the name of a `{{ placeholder }}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Arg(&'a str),
}

/// Split a UI string at its `{{ placeholders }}` (a view fills them with values that may be
/// views themselves, such as an isolated date).
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else { break };
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        out.push(Piece::Arg(rest[start + 2..start + len].trim()));
        rest = &rest[start + len + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Fill the `{{ name }}` placeholders of `template`; a placeholder without a value stays as is.
pub fn interpolate(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else { break };
        let name = rest[start + 2..start + len].trim();
        out.push_str(&rest[..start]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(raw: &str) -> Map<String, Value> {
        serde_json::from_str(raw).unwrap()
    }

    #[test]
    fn finds_missing_empty_extra_and_placeholder_mismatch() {
        let en = map(r#"{"a":"Hello","b":"Call {{ name }}","c":"Bye"}"#);
        let es = map(r#"{"a":" ","b":"Llamar a {{ nombre }}","d":"extra"}"#);
        assert_eq!(
            compare_with_english("locales/es.json", "es", &es, &en),
            vec![
                "locales/es.json: language 'es' has an empty UI key 'a'",
                "locales/es.json: language 'es' key 'b' has placeholders {\"nombre\"}, English has {\"name\"}",
                "locales/es.json: language 'es' lacks UI key 'c'",
                "locales/es.json: language 'es' has UI key 'd' that English lacks",
            ]
        );
        assert!(compare_with_english("locales/en.json", "en", &en, &en).is_empty());
    }

    #[test]
    fn parse_strings_keeps_key_order_and_refuses_partial_or_corrupt_files() {
        let keys = ["a", "b"];
        let en = ["Hello", "Call {{ name }}"];
        assert_eq!(parse_strings("f", "es", r#"{"b":"Llamar a {{name}}","a":"Hola"}"#, &keys, &en), Ok(vec!["Hola".into(), "Llamar a {{name}}".into()]));
        assert_eq!(parse_strings("f", "es", r#"{"a":"Hola"}"#, &keys, &en), Err("f: language 'es' lacks UI key 'b'".into()));
        assert_eq!(parse_strings("f", "es", r#"{"a":"Hola","b":"Llamar"}"#, &keys, &en), Err("f: language 'es' key 'b' is empty or differs from English".into()));
        assert_eq!(parse_strings("f", "es", "{\"a\":\"Ho", &keys, &en), Err("f: not a JSON object".into()));
        assert_eq!(parse_strings("f", "es", "<!doctype html>", &keys, &en), Err("f: not a JSON object".into()));
    }

    #[test]
    fn interpolate_fills_known_placeholders_only() {
        assert_eq!(interpolate("{{ n }} on {{date}}", &[("n", "3".into()), ("date", "May 1".into())]), "3 on May 1");
        assert_eq!(interpolate("Call {{ name }}", &[]), "Call {{ name }}");
        assert_eq!(interpolate("no braces {{ open", &[("open", "x".into())]), "no braces {{ open");
    }

    #[test]
    fn pieces_split_at_placeholders() {
        assert_eq!(pieces("{{ n }} on {{date}}."), vec![Piece::Arg("n"), Piece::Text(" on "), Piece::Arg("date"), Piece::Text(".")]);
        assert_eq!(pieces("plain"), vec![Piece::Text("plain")]);
    }

    #[test]
    fn english_keys_must_be_names_without_plural_forms() {
        assert!(check_english_keys(&map(r#"{"ok_key":"Hi {{ name }}"}"#)).is_empty());
        assert_eq!(check_english_keys(&map(r#"{"Bad-Key":"x","item_one":"1 item","c":"{{ A b }}"}"#)).len(), 3);
    }
}
