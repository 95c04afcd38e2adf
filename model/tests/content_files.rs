//! The shipped rights content (`content/*.json`) against the schema and validator in
//! `pocket_model::content`: every language parses, carries English's ids and sources, and
//! holds the pages and warrant-checker outcomes the app routes to.
use std::fs;
use std::path::PathBuf;

use pocket_model::content::{compare_with_english, parse_content, parse_sources, Content, SourceList};
use pocket_model::language::LANGUAGES;

/// Pages the app links to by id.
const ROUTED_PAGES: &[&str] = &[
    "officer",
    "core",
    "door",
    "car",
    "street",
    "work",
    "arrested",
    "court",
    "after-arrest",
    "federal-local",
    "anti-commandeering",
    "287g",
    "detainers",
    "state-laws",
    "plan-guide",
    "help",
];

/// Warrant-checker outcomes the app expects.
const OUTCOMES: &[&str] = &["o-judicial", "o-judicial-other", "o-eoir", "o-i200", "o-i205", "o-i247a", "o-other"];

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("content")
}

fn read(name: &str) -> String {
    let path = content_dir().join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn load_sources() -> SourceList {
    parse_sources("content/sources.json", &read("sources.json")).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/sources.json has {} problem(s):\n{}", lines.len(), lines.join("\n"))
    })
}

/// Every language file parsed, or every problem found in any of them.
fn load_all(sources: &SourceList) -> Result<Vec<(&'static str, Content)>, Vec<String>> {
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let file = format!("content/{}.json", lang.tag);
        match parse_content(&file, lang.tag, &read(&format!("{}.json", lang.tag)), sources) {
            Ok(content) => loaded.push((lang.tag, content)),
            Err(errors) => problems.extend(errors.iter().map(ToString::to_string)),
        }
    }
    if problems.is_empty() { Ok(loaded) } else { Err(problems) }
}

#[test]
fn every_language_file_is_valid_and_matches_english() {
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|problems| {
        panic!("content files have {} problem(s):\n{}", problems.len(), problems.join("\n"))
    });
    let (_, english) = loaded.iter().find(|(tag, _)| *tag == "en").expect("content/en.json is loaded");
    let mut problems = Vec::new();
    for (tag, content) in loaded.iter().filter(|(tag, _)| *tag != "en") {
        let file = format!("content/{tag}.json");
        problems.extend(compare_with_english(&file, content, english).iter().map(ToString::to_string));
    }
    assert!(problems.is_empty(), "translations differ from English in {} place(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn routed_pages_and_checker_outcomes_exist_in_every_language() {
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|problems| {
        panic!("content files have {} problem(s):\n{}", problems.len(), problems.join("\n"))
    });
    let mut missing = Vec::new();
    for (tag, content) in &loaded {
        for id in ROUTED_PAGES {
            if content.page(id).is_none() {
                missing.push(format!("content/{tag}.json: page '{id}' is missing"));
            }
        }
        for id in OUTCOMES {
            if !content.warrant_checker.outcomes.iter().any(|o| o.id == *id) {
                missing.push(format!("content/{tag}.json: warrant-checker outcome '{id}' is missing"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_source_is_cited_somewhere() {
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let (_, english) = loaded.iter().find(|(tag, _)| *tag == "en").expect("content/en.json is loaded");
    let cited: std::collections::BTreeSet<&str> =
        english.items().iter().flat_map(|i| i.sources.iter().map(String::as_str)).collect();
    let unused: Vec<&str> = sources.sources.iter().map(|s| s.id.as_str()).filter(|id| !cited.contains(id)).collect();
    assert!(unused.is_empty(), "sources.json lists sources no item cites: {unused:?}");
}

/// Statements added on 2026-11-28 (issue 9): every language carries each, with a source, a
/// review date of that day or later, and none in English copied untranslated.
#[test]
fn statements_added_for_issue_9_are_in_every_language() {
    const ADDED: &[&str] = &[
        "o-eoir-what", "o-eoir-entry", "o-eoir-memo", "o-eoir-do-forced", "o-jo-entry", "o-jo-do-forced", "o-other-do-forced",
        "core-rights-lra", "core-rights-register", "after-rights-bond-lra", "after-fast-expedited", "after-fast-reinstate",
        "after-fast-stipulated", "plan-documents-proof", "court-do-ar11", "sl-ca-sb805", "sl-ca-sb627",
    ];
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let (_, english) = loaded.iter().find(|(t, _)| *t == "en").expect("English");
    let text_of = |c: &Content, id: &str| c.items().into_iter().find(|i| i.id == id).map(|i| (i.text.clone(), i.reviewed.clone()));
    for (tag, content) in &loaded {
        for id in ADDED {
            let (text, reviewed) = text_of(content, id).unwrap_or_else(|| panic!("content/{tag}.json lacks {id}"));
            assert!(reviewed.as_str() >= "2026-11-28", "content/{tag}.json: {id} reviewed {reviewed}");
            if *tag != "en" {
                let (en_text, _) = text_of(english, id).expect("English has it");
                assert_ne!(text, en_text, "content/{tag}.json: {id} is English text, not a translation");
            }
        }
    }
}

#[test]
fn inline_markup_is_well_formed_and_numbers_match_english() {
    use pocket_model::content::inline_rules::{check_markup, compare_links_with_english, unmarked_latin};
    use pocket_model::language::Direction;
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let (_, english) = loaded.iter().find(|(tag, _)| *tag == "en").expect("content/en.json is loaded");
    let mut problems = Vec::new();
    for (tag, content) in &loaded {
        let file = format!("content/{tag}.json");
        problems.extend(check_markup(&file, content));
        problems.extend(compare_links_with_english(&file, content, english));
        if LANGUAGES.iter().any(|l| l.tag == *tag && l.dir == Direction::Rtl) {
            problems.extend(unmarked_latin(&file, content));
        }
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(lines.is_empty(), "{} markup problem(s):\n{}", lines.len(), lines.join("\n"));
}
