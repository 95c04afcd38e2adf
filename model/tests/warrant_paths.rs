//! Walks every path of the warrant checker in every shipped language and checks where it
//! ends. The table below is the reviewed answer for each path: a new choice or a changed
//! route fails here until someone decides, in this table, where it must lead.
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use pocket_model::content::{parse_content, parse_sources, Content, WarrantChecker};
use pocket_model::language::LANGUAGES;

/// Every path (choice ids joined by " > ") and the outcome it must reach.
const EXPECTED: &[(&str, &str)] = &[
    ("c-top-cbp > c-form-i200", "o-i200"),
    ("c-top-cbp > c-form-i205", "o-i205"),
    ("c-top-cbp > c-form-i247a", "o-i247a"),
    ("c-top-cbp > c-form-other", "o-other"),
    ("c-top-dhs > c-form-i200", "o-i200"),
    ("c-top-dhs > c-form-i205", "o-i205"),
    ("c-top-dhs > c-form-i247a", "o-i247a"),
    ("c-top-dhs > c-form-other", "o-other"),
    ("c-top-eoir", "o-eoir"),
    ("c-top-court > c-signed-ij", "o-eoir"),
    ("c-top-court > c-signed-judge > c-names-match", "o-judicial"),
    ("c-top-court > c-signed-judge > c-names-other", "o-judicial-other"),
    ("c-top-court > c-signed-judge > c-names-unknown", "o-other"),
    ("c-top-court > c-signed-officer > c-form-i200", "o-i200"),
    ("c-top-court > c-signed-officer > c-form-i205", "o-i205"),
    ("c-top-court > c-signed-officer > c-form-i247a", "o-i247a"),
    ("c-top-court > c-signed-officer > c-form-other", "o-other"),
    ("c-top-court > c-signed-unknown", "o-other"),
    ("c-top-other", "o-other"),
];

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("content")
}

fn load_all() -> Vec<(&'static str, Content)> {
    let read = |name: &str| fs::read_to_string(content_dir().join(name)).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    let sources = parse_sources("content/sources.json", &read("sources.json")).expect("sources.json is valid");
    LANGUAGES
        .iter()
        .map(|l| {
            let file = format!("{}.json", l.tag);
            let c = parse_content(&file, l.tag, &read(&file), &sources)
                .unwrap_or_else(|e| panic!("{file}: {}", e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")));
            (l.tag, c)
        })
        .collect()
}

/// Every root-to-outcome path as (choice ids, outcome id), walking the tree as the screen does.
fn all_paths(tree: &WarrantChecker) -> BTreeMap<String, String> {
    fn walk(tree: &WarrantChecker, at: &str, path: &mut Vec<String>, out: &mut BTreeMap<String, String>) {
        match tree.questions.iter().find(|q| q.id == at) {
            Some(q) => {
                for c in &q.choices {
                    path.push(c.id.clone());
                    walk(tree, &c.next, path, out);
                    path.pop();
                }
            }
            None => {
                assert!(tree.outcomes.iter().any(|o| o.id == at), "path {path:?} ends at '{at}', which is not an outcome");
                out.insert(path.join(" > "), at.to_owned());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(tree, &tree.start, &mut Vec::new(), &mut out);
    out
}

#[test]
fn every_path_ends_where_the_table_says_in_every_language() {
    let expected: BTreeMap<String, String> = EXPECTED.iter().map(|(p, o)| ((*p).to_owned(), (*o).to_owned())).collect();
    for (tag, content) in load_all() {
        let got = all_paths(&content.warrant_checker);
        for (path, outcome) in &expected {
            assert_eq!(got.get(path), Some(outcome), "content/{tag}.json: path '{path}' should end at {outcome}");
        }
        for path in got.keys() {
            assert!(expected.contains_key(path), "content/{tag}.json: path '{path}' is not in the reviewed table");
        }
    }
}

#[test]
fn an_immigration_court_paper_never_ends_as_a_judicial_warrant() {
    for (tag, content) in load_all() {
        for (path, outcome) in all_paths(&content.warrant_checker) {
            if path.contains("c-top-eoir") || path.contains("c-signed-ij") {
                assert_eq!(outcome, "o-eoir", "content/{tag}.json: '{path}'");
            }
            if outcome == "o-judicial" {
                assert_eq!(path, "c-top-court > c-signed-judge > c-names-match", "content/{tag}.json: only a judge's warrant for this home ends at o-judicial");
            }
        }
    }
}

#[test]
fn every_outcome_that_keeps_the_door_shut_says_what_to_do_if_they_enter() {
    // The outcomes that tell a person not to open also need the "if they come in anyway" line.
    for (tag, content) in load_all() {
        for id in ["o-other", "o-eoir", "o-judicial-other"] {
            let o = content.warrant_checker.outcomes.iter().find(|o| o.id == id).unwrap_or_else(|| panic!("{tag}: {id}"));
            let forced = format!("{id}-do-forced").replace("o-judicial-other", "o-jo");
            assert!(o.sections.iter().flat_map(|s| &s.items).any(|i| i.id == forced), "content/{tag}.json: {id} lacks {forced}");
        }
    }
}
