//! UI strings (`locales/<tag>.json`) against English: every key present, none empty, the same
//! `{{ placeholders }}`, no key English lacks. Used by build.rs and `examples/check_language.rs`.
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The `{{ name }}` placeholders of a UI string.
pub fn placeholders(s: &str) -> BTreeSet<String> {
    s.split("{{").skip(1).filter_map(|p| p.split("}}").next()).map(|p| p.trim().to_owned()).collect()
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
}
