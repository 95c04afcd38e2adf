//! The shipped rights content (`content/*.json`) against the schema and validator in
//! `pocket_model::content`: every language parses, carries English's ids and sources, and
//! holds the pages and warrant-checker outcomes the app routes to.
use std::fs;
use std::path::PathBuf;

use pocket_model::content::{compare_with_english, parse_content, parse_sources, Content, PageKind, SectionKind, SourceList};
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

/// "Who I am" guides (`PageKind::Status`) and guides for someone watching (`PageKind::Witness`).
const STATUS_GUIDES: &[&str] = &["status-citizen", "status-lpr", "status-visa", "status-humanitarian", "status-removal-order"];
const WITNESS_GUIDES: &[&str] = &["witness-arrest", "sensitive-places"];

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

/// Phone numbers and web addresses inside a text (`[[tel:…]]`, `[[url:…]]`), in order.
fn links(text: &str) -> Vec<&str> {
    text.match_indices("[[").filter_map(|(at, _)| {
        let rest = &text[at + 2..];
        let end = rest.find("]]")?;
        let inner = &rest[..end];
        (inner.starts_with("tel:") || inner.starts_with("url:")).then_some(inner)
    }).collect()
}

#[test]
fn who_i_am_and_witness_guides_are_complete_in_every_language() {
    let sources = load_sources();
    let loaded = load_all(&sources).unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let (_, english) = loaded.iter().find(|(tag, _)| *tag == "en").expect("content/en.json is loaded");
    let mut problems = Vec::new();
    for (tag, content) in &loaded {
        for (ids, kind) in [(STATUS_GUIDES, PageKind::Status), (WITNESS_GUIDES, PageKind::Witness)] {
            for id in ids {
                let Some(page) = content.page(id) else {
                    problems.push(format!("content/{tag}.json: guide '{id}' is missing"));
                    continue;
                };
                if page.kind != kind {
                    problems.push(format!("content/{tag}.json: '{id}' is {:?}, expected {kind:?}", page.kind));
                }
                let kinds: Vec<SectionKind> = page.sections.iter().map(|s| s.kind).collect();
                let wanted: &[SectionKind] = if *id == "sensitive-places" { &[SectionKind::Do] } else { &[SectionKind::Do, SectionKind::Dont, SectionKind::Say] };
                for k in wanted {
                    if !kinds.contains(k) {
                        problems.push(format!("content/{tag}.json: '{id}' has no {k:?} section"));
                    }
                }
                let en_page = english.page(id).expect("English has every guide");
                let en_items: Vec<_> = en_page.sections.iter().flat_map(|s| s.items.iter()).collect();
                for item in page.sections.iter().flat_map(|s| s.items.iter()) {
                    if item.reviewed.as_str() < "2026-11-28" {
                        problems.push(format!("content/{tag}.json: {} was not reviewed for this release", item.id));
                    }
                    let en_item = en_items.iter().find(|i| i.id == item.id).expect("same ids as English");
                    if links(&item.text) != links(&en_item.text) {
                        problems.push(format!("content/{tag}.json: {} changes a phone number or web address: {:?} vs English {:?}", item.id, links(&item.text), links(&en_item.text)));
                    }
                    if item.contested != en_item.contested || item.changed.as_ref().map(|c| &c.on) != en_item.changed.as_ref().map(|c| &c.on) {
                        problems.push(format!("content/{tag}.json: {} differs from English in contested/changed", item.id));
                    }
                }
            }
        }
        let status_pages: Vec<&str> = content.pages_of(PageKind::Status).map(|p| p.id.as_str()).collect();
        if status_pages != STATUS_GUIDES {
            problems.push(format!("content/{tag}.json: status guides {status_pages:?}, expected {STATUS_GUIDES:?}"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn link_markup_is_read_in_order() {
    assert_eq!(links("Call [[tel:1-800-898-7180]] or see [[url:https://x.test/a]]; [[en:Form I-94]]"), vec!["tel:1-800-898-7180", "url:https://x.test/a"]);
    assert!(links("no links [[en:I-205]]").is_empty());
}

/// The build ships each language as a core file (every page but the officer card without its
/// sections) and one file per page (tools/split-content.mjs). The app's parsers accept that
/// shape for every language, a page file matches English page by page, and putting the pages
/// back gives the authored file.
#[test]
fn every_language_split_into_core_and_pages_reads_back_whole() {
    use pocket_model::content::{compare_page_with_english, parse_core, parse_page};
    let sources = load_sources();
    let loaded = load_all(&sources).expect("content files are valid (see the test above)");
    let (_, english) = loaded.iter().find(|(tag, _)| *tag == "en").unwrap();
    for (tag, content) in &loaded {
        let mut core = content.clone();
        for p in core.pages.iter_mut().filter(|p| p.kind != PageKind::Officer) {
            p.sections.clear();
        }
        let file = format!("content/{tag}.json");
        let mut back = parse_core(&file, tag, &serde_json::to_string(&core).unwrap(), &sources)
            .unwrap_or_else(|e| panic!("{file}: {:?}", e.iter().map(ToString::to_string).collect::<Vec<_>>()));
        assert!(parse_content(&file, tag, &serde_json::to_string(&core).unwrap(), &sources).is_err(), "{file}: a core file is not a whole file");
        for page in content.pages.iter().filter(|p| p.kind != PageKind::Officer) {
            let pfile = format!("content/{tag}/{}.json", page.id);
            let read = parse_page(&pfile, tag, &page.id, &serde_json::to_string(page).unwrap(), &sources)
                .unwrap_or_else(|e| panic!("{pfile}: {:?}", e.iter().map(ToString::to_string).collect::<Vec<_>>()));
            let en_page = english.page(&page.id).expect("English has every page");
            assert_eq!(compare_page_with_english(&pfile, &read, en_page), vec![], "{pfile}");
            assert!(back.fill_page(read));
        }
        assert_eq!(&back, content, "{tag}: core + pages = the authored file");
    }
}

#[test]
fn a_bad_page_file_is_named() {
    use pocket_model::content::{compare_page_with_english, parse_core, parse_page};
    let sources = load_sources();
    let en = parse_content("content/en.json", "en", &read("en.json"), &sources).unwrap();
    let door = en.page("door").unwrap();
    let raw = serde_json::to_string(door).unwrap();
    let problems = |r: Result<pocket_model::content::Page, Vec<pocket_model::content::ContentError>>| match r {
        Ok(_) => vec![],
        Err(e) => e.iter().map(ToString::to_string).collect::<Vec<_>>(),
    };
    // Another page's file under this name, a truncated file, an empty text.
    assert_eq!(problems(parse_page("content/en/car.json", "en", "car", &raw, &sources)), vec!["content/en/car.json: door: page id 'door' does not match the file name 'car'"]);
    let cut = problems(parse_page("content/en/door.json", "en", "door", &raw[..raw.len() / 2], &sources));
    assert!(cut.len() == 1 && cut[0].starts_with("content/en/door.json: -: not valid page JSON"), "{cut:?}");
    let first = &door.sections[0].items[0];
    let blank = raw.replacen(&serde_json::to_string(&first.text).unwrap(), "\" \"", 1);
    assert_eq!(problems(parse_page("content/en/door.json", "en", "door", &blank, &sources)), vec![format!("content/en/door.json: {}: empty text", first.id)]);
    // A page without its sections is refused as a page file (only a core file leaves them out).
    let mut empty = door.clone();
    empty.sections.clear();
    assert_eq!(problems(parse_page("content/en/door.json", "en", "door", &serde_json::to_string(&empty).unwrap(), &sources)), vec!["content/en/door.json: door: page has no sections"]);
    // A core file may not drop the officer card's statements.
    let mut core = en.clone();
    core.pages.iter_mut().for_each(|p| p.sections.clear());
    let errs: Vec<String> = parse_core("content/en.json", "en", &serde_json::to_string(&core).unwrap(), &sources).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(errs, vec!["content/en.json: officer: page has no sections"]);
    // A translated page with an item less than English.
    let mut short = door.clone();
    let gone = short.sections[0].items.pop().unwrap().id;
    assert_eq!(compare_page_with_english("content/es/door.json", &short, door).iter().map(ToString::to_string).collect::<Vec<_>>(), vec![format!("content/es/door.json: {gone}: missing: English has this id")]);
}
