//! Rights content: the schema of `content/<lang>.json` and `content/sources.json`, and the
//! validator that the build (build.rs) and the tests run over every language.
//!
//! Long texts live in these data files, not in the wasm. Every item carries the ids of its
//! public sources and the date it was last reviewed; every language must carry exactly the
//! ids and sources that English carries.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::date::IsoDate;
use crate::language::SpeakAs;

pub mod inline_rules;

/// Version of the content file format; bump when the schema changes shape.
pub const CONTENT_FORMAT: u32 = 1;

/// A public source: a statute, a form, a court case, an agency page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// Citation as a reader would look it up ("8 U.S.C. § 1357", "Form I-247A").
    pub title: String,
    pub url: String,
    /// Who publishes it ("U.S. Congress", "DHS / ICE").
    pub publisher: String,
    /// When the project last read this source (YYYY-MM-DD).
    pub accessed: String,
}

/// `content/sources.json`: one list for all languages (citations are not translated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceList {
    pub format: u32,
    pub sources: Vec<Source>,
}

/// One statement the app shows. The smallest unit that carries a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Ids from `sources.json`; at least one.
    pub sources: Vec<String>,
    /// YYYY-MM-DD.
    pub reviewed: String,
    /// Set when the fact changed recently ("since May 2025 ICE claims …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Change>,
    /// Marks a statement whose facts are disputed or not settled; the app flags it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub contested: bool,
    /// A first-person sentence as a woman and as a man says it, where the language marks it
    /// (`Language::marks_gender`); `text` is the form for "either".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<Forms>,
}

/// The gendered forms of an item's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    pub f: String,
    pub m: String,
}

impl Item {
    /// The text as the person chose the app to speak for them.
    pub fn text_as(&self, speak_as: SpeakAs) -> &str {
        match (&self.forms, speak_as) {
            (Some(f), SpeakAs::Woman) => &f.f,
            (Some(f), SpeakAs::Man) => &f.m,
            _ => &self.text,
        }
    }
}

/// What changed and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// YYYY-MM-DD (or YYYY-MM-01 when only the month is known).
    pub on: String,
    pub note: String,
}

/// What a group of items is, so that the app can title and style it from the UI locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Statements read to an officer.
    Statements,
    /// Plain explanation.
    Text,
    Do,
    Dont,
    /// Phrases to say; each can be shown large.
    Say,
    /// What changed recently.
    Changed,
    /// Ordered steps (the path after an arrest).
    Steps,
    /// Rights the person has at this point.
    Rights,
}

/// A titled group of items inside a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub kind: SectionKind,
    /// Optional heading; when absent the app titles the section by its kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// Which screen family a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    Officer,
    Core,
    Scenario,
    AfterArrest,
    Framework,
    Preparedness,
    Help,
    /// A guide for one immigration status ("who I am"), picked each time on the Rights screen.
    Status,
    /// A guide for someone who sees an arrest, not the person arrested.
    Witness,
}

/// One screen of content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Also the URL slug: `/rights/<id>`.
    pub id: String,
    pub kind: PageKind,
    pub title: String,
    pub summary: String,
    pub sections: Vec<Section>,
}

/// A question of the warrant checker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub choices: Vec<Choice>,
}

/// An answer; `next` names a question or an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub text: String,
    pub next: String,
}

/// What the paper is, and what it does and does not allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    pub sections: Vec<Section>,
}

/// The decision tree "what is this paper?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarrantChecker {
    pub title: String,
    pub summary: String,
    pub start: String,
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
}

/// `content/<lang>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub format: u32,
    pub lang: String,
    pub pages: Vec<Page>,
    pub warrant_checker: WarrantChecker,
}

impl Content {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// Pages of one kind, in file order.
    pub fn pages_of(&self, kind: PageKind) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(move |p| p.kind == kind)
    }

    /// Every item of the file with its source list, in a stable order.
    pub fn items(&self) -> Vec<&Item> {
        let sections = self
            .pages
            .iter()
            .flat_map(|p| p.sections.iter())
            .chain(self.warrant_checker.outcomes.iter().flat_map(|o| o.sections.iter()));
        sections.flat_map(|s| s.items.iter()).collect()
    }

    /// The newest "reviewed" date among the items of a page.
    pub fn page_reviewed(page: &Page) -> Option<&str> {
        page.sections
            .iter()
            .flat_map(|s| s.items.iter())
            .map(|i| i.reviewed.as_str())
            .max()
    }

    /// Distinct source ids used by a set of sections, in first-use order.
    pub fn sources_of<'a>(sections: impl IntoIterator<Item = &'a Section>) -> Vec<&'a str> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for s in sections {
            for i in &s.items {
                for src in &i.sources {
                    if seen.insert(src.as_str()) {
                        out.push(src.as_str());
                    }
                }
            }
        }
        out
    }
}

/// One problem found in a content file, naming the file and the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub id: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.id, self.problem)
    }
}

struct Checker<'a> {
    file: &'a str,
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn fail(&mut self, id: &str, problem: impl Into<String>) {
        self.errors.push(ContentError { file: self.file.to_owned(), id: id.to_owned(), problem: problem.into() });
    }

    fn non_empty(&mut self, id: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.fail(id, format!("empty {field}"));
        }
    }

    /// Forms only where the language marks gender, both filled; no "a/b" slashes left in a
    /// first-person section of such a language (they belong in `forms`).
    fn forms(&mut self, item: &Item, marks_gender: bool, first_person: bool) {
        match &item.forms {
            Some(_) if !marks_gender => self.fail(&item.id, "forms in a language the table marks as not gendered (model/src/language.rs)"),
            Some(f) => {
                self.non_empty(&item.id, "forms.f", &f.f);
                self.non_empty(&item.id, "forms.m", &f.m);
            }
            None if marks_gender && first_person && has_slashed_forms(&item.text) => {
                self.fail(&item.id, "text has slashed forms (a/b): give \"forms\": {\"f\": …, \"m\": …}")
            }
            None => {}
        }
    }

    fn date(&mut self, id: &str, field: &str, value: &str) {
        if IsoDate::parse(value).is_none() {
            self.fail(id, format!("{field} '{value}' is not a YYYY-MM-DD date"));
        }
    }
}

/// "ਰਹਾਂਗਾ/ਰਹਾਂਗੀ": a slash between two letters.
fn has_slashed_forms(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| w[1] == '/' && w[0].is_alphabetic() && w[2].is_alphabetic())
}

/// Parse and check `sources.json`.
pub fn parse_sources(file: &str, raw: &str) -> Result<SourceList, Vec<ContentError>> {
    let list: SourceList = serde_json::from_str(raw).map_err(|e| {
        vec![ContentError { file: file.into(), id: "-".into(), problem: format!("not valid sources JSON: {e}") }]
    })?;
    let mut c = Checker { file, errors: Vec::new() };
    let mut ids = BTreeSet::new();
    for s in &list.sources {
        if !ids.insert(s.id.as_str()) {
            c.fail(&s.id, "duplicate source id");
        }
        c.non_empty(&s.id, "title", &s.title);
        c.non_empty(&s.id, "publisher", &s.publisher);
        if !s.url.starts_with("https://") && !s.url.starts_with("http://") {
            c.fail(&s.id, format!("url '{}' is not a web address", s.url));
        }
        c.date(&s.id, "accessed", &s.accessed);
    }
    if c.errors.is_empty() { Ok(list) } else { Err(c.errors) }
}

/// Parse one language file and check it on its own: format, language tag, unique non-empty
/// ids, non-empty texts, dates, known sources, a warrant checker whose every path ends.
pub fn parse_content(file: &str, lang: &str, raw: &str, sources: &SourceList) -> Result<Content, Vec<ContentError>> {
    let content: Content = serde_json::from_str(raw).map_err(|e| {
        vec![ContentError { file: file.into(), id: "-".into(), problem: format!("not valid content JSON: {e}") }]
    })?;
    let mut c = Checker { file, errors: Vec::new() };
    let lang_marks_gender = crate::language::by_tag(lang).is_some_and(|l| l.marks_gender);
    if content.format != CONTENT_FORMAT {
        c.fail("-", format!("format {} but the app reads format {CONTENT_FORMAT}", content.format));
    }
    if content.lang != lang {
        c.fail("-", format!("lang '{}' does not match the file name '{lang}'", content.lang));
    }
    let known: BTreeSet<&str> = sources.sources.iter().map(|s| s.id.as_str()).collect();
    let mut ids = BTreeSet::new();
    let mut claim = |c: &mut Checker, id: &str| {
        if id.trim().is_empty() {
            c.fail("(empty id)", "an element has an empty id");
        } else if !ids.insert(id.to_owned()) {
            c.fail(id, "duplicate id");
        }
    };
    let check_sections = |c: &mut Checker, claim: &mut dyn FnMut(&mut Checker, &str), sections: &[Section]| {
        for s in sections {
            claim(c, &s.id);
            if s.items.is_empty() {
                c.fail(&s.id, "section has no items");
            }
            if let Some(t) = &s.title {
                c.non_empty(&s.id, "title", t);
            }
            for i in &s.items {
                claim(c, &i.id);
                c.non_empty(&i.id, "text", &i.text);
                c.forms(i, lang_marks_gender, matches!(s.kind, SectionKind::Statements | SectionKind::Say));
                c.date(&i.id, "reviewed", &i.reviewed);
                if i.sources.is_empty() {
                    c.fail(&i.id, "no source");
                }
                for src in &i.sources {
                    if !known.contains(src.as_str()) {
                        c.fail(&i.id, format!("unknown source '{src}'"));
                    }
                }
                if let Some(ch) = &i.changed {
                    c.date(&i.id, "changed.on", &ch.on);
                    c.non_empty(&i.id, "changed.note", &ch.note);
                }
            }
        }
    };
    for p in &content.pages {
        claim(&mut c, &p.id);
        c.non_empty(&p.id, "title", &p.title);
        c.non_empty(&p.id, "summary", &p.summary);
        if p.sections.is_empty() {
            c.fail(&p.id, "page has no sections");
        }
        check_sections(&mut c, &mut claim, &p.sections);
    }
    if !content.pages.iter().any(|p| p.kind == PageKind::Officer) {
        c.fail("-", "no page of kind 'officer'");
    }
    let wc = &content.warrant_checker;
    c.non_empty("warrant_checker", "title", &wc.title);
    let question_ids: BTreeSet<&str> = wc.questions.iter().map(|q| q.id.as_str()).collect();
    let outcome_ids: BTreeSet<&str> = wc.outcomes.iter().map(|o| o.id.as_str()).collect();
    for q in &wc.questions {
        claim(&mut c, &q.id);
        c.non_empty(&q.id, "text", &q.text);
        if q.choices.len() < 2 {
            c.fail(&q.id, "a question needs at least two choices");
        }
        for ch in &q.choices {
            claim(&mut c, &ch.id);
            c.non_empty(&ch.id, "text", &ch.text);
            if !question_ids.contains(ch.next.as_str()) && !outcome_ids.contains(ch.next.as_str()) {
                c.fail(&ch.id, format!("next '{}' is neither a question nor an outcome", ch.next));
            }
        }
    }
    for o in &wc.outcomes {
        claim(&mut c, &o.id);
        c.non_empty(&o.id, "title", &o.title);
        check_sections(&mut c, &mut claim, &o.sections);
    }
    if !question_ids.contains(wc.start.as_str()) {
        c.fail("warrant_checker", format!("start '{}' is not a question", wc.start));
    } else {
        check_tree(&mut c, wc);
    }
    if c.errors.is_empty() { Ok(content) } else { Err(c.errors) }
}

/// Every outcome is reachable from the start and no path loops.
fn check_tree(c: &mut Checker, wc: &WarrantChecker) {
    let next: BTreeMap<&str, Vec<&str>> = wc
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.choices.iter().map(|ch| ch.next.as_str()).collect()))
        .collect();
    let mut reached = BTreeSet::new();
    // Depth-first walk with the current path, to find loops.
    fn walk<'a>(
        at: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        reached: &mut BTreeSet<&'a str>,
        loops: &mut Vec<String>,
    ) {
        if path.contains(&at) {
            loops.push(at.to_owned());
            return;
        }
        reached.insert(at);
        if let Some(targets) = next.get(at) {
            path.push(at);
            for t in targets {
                walk(t, next, path, reached, loops);
            }
            path.pop();
        }
    }
    let mut loops = Vec::new();
    walk(&wc.start, &next, &mut Vec::new(), &mut reached, &mut loops);
    for l in loops {
        c.fail(&l, "the warrant checker loops back to this question");
    }
    for o in &wc.outcomes {
        if !reached.contains(o.id.as_str()) {
            c.fail(&o.id, "outcome cannot be reached from the start");
        }
    }
    for q in &wc.questions {
        if !reached.contains(q.id.as_str()) {
            c.fail(&q.id, "question cannot be reached from the start");
        }
    }
}

/// Collect every id of a file with, for items, its sorted sources: the shape a translation
/// must keep.
fn shape(content: &Content) -> BTreeMap<String, Option<Vec<String>>> {
    let mut out = BTreeMap::new();
    for p in &content.pages {
        out.insert(p.id.clone(), None);
    }
    let wc = &content.warrant_checker;
    for q in &wc.questions {
        out.insert(q.id.clone(), None);
        for ch in &q.choices {
            out.insert(format!("{} -> {}", ch.id, ch.next), None);
        }
    }
    let sections = content
        .pages
        .iter()
        .flat_map(|p| p.sections.iter())
        .chain(wc.outcomes.iter().flat_map(|o| o.sections.iter()));
    for o in &wc.outcomes {
        out.insert(o.id.clone(), None);
    }
    for s in sections {
        out.insert(s.id.clone(), None);
        for i in &s.items {
            let mut srcs = i.sources.clone();
            srcs.sort();
            out.insert(i.id.clone(), Some(srcs));
        }
    }
    out
}

/// A translation against English: same ids, same sources per item, same warrant-checker
/// paths. Reports each difference with the translation's file name.
pub fn compare_with_english(file: &str, translation: &Content, english: &Content) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    let ours = shape(translation);
    let theirs = shape(english);
    for (id, srcs) in &theirs {
        match ours.get(id) {
            None => c.fail(id, "missing: English has this id"),
            Some(s) if s != srcs => c.fail(id, format!("sources {s:?} differ from English {srcs:?}")),
            Some(_) => {}
        }
    }
    for id in ours.keys() {
        if !theirs.contains_key(id) {
            c.fail(id, "not in English");
        }
    }
    if translation.warrant_checker.start != english.warrant_checker.start {
        c.fail("warrant_checker", "start differs from English");
    }
    c.errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> SourceList {
        SourceList {
            format: 1,
            sources: vec![Source {
                id: "const-5a".into(),
                title: "U.S. Const. amend. V".into(),
                url: "https://constitution.congress.gov/constitution/amendment-5/".into(),
                publisher: "Library of Congress".into(),
                accessed: "2026-11-23".into(),
            }],
        }
    }

    fn sample(lang: &str) -> String {
        format!(
            r#"{{"format":1,"lang":"{lang}","pages":[{{"id":"officer","kind":"officer","title":"T","summary":"S",
            "sections":[{{"id":"officer-statements","kind":"statements","items":[
              {{"id":"officer-silent","text":"I will remain silent.","sources":["const-5a"],"reviewed":"2026-11-23"}}]}}]}}],
            "warrant_checker":{{"title":"W","summary":"S","start":"q-top","questions":[
              {{"id":"q-top","text":"What does it say?","choices":[
                {{"id":"c-court","text":"A court","next":"o-judicial"}},
                {{"id":"c-dhs","text":"DHS","next":"o-admin"}}]}}],
             "outcomes":[
              {{"id":"o-judicial","title":"Judicial","sections":[{{"id":"o-judicial-allows","kind":"text","items":[
                {{"id":"o-judicial-1","text":"x","sources":["const-5a"],"reviewed":"2026-11-23"}}]}}]}},
              {{"id":"o-admin","title":"Admin","sections":[{{"id":"o-admin-allows","kind":"text","items":[
                {{"id":"o-admin-1","text":"y","sources":["const-5a"],"reviewed":"2026-11-23"}}]}}]}}]}}}}"#
        )
    }

    fn problems(raw: &str) -> Vec<String> {
        match parse_content("content/en.json", "en", raw, &sources()) {
            Ok(_) => vec![],
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_good_file_passes() {
        assert_eq!(problems(&sample("en")), Vec::<String>::new());
    }

    #[test]
    fn empty_text_is_named() {
        let raw = sample("en").replace("I will remain silent.", " ");
        assert_eq!(problems(&raw), vec!["content/en.json: officer-silent: empty text"]);
    }

    #[test]
    fn bad_date_is_named() {
        let raw = sample("en").replacen("2026-11-23", "2026-13-01", 1);
        assert_eq!(problems(&raw), vec!["content/en.json: officer-silent: reviewed '2026-13-01' is not a YYYY-MM-DD date"]);
    }

    #[test]
    fn missing_and_unknown_sources_are_named() {
        let raw = sample("en").replacen(r#""sources":["const-5a"]"#, r#""sources":[]"#, 1);
        assert_eq!(problems(&raw), vec!["content/en.json: officer-silent: no source"]);
        let raw = sample("en").replacen(r#""sources":["const-5a"]"#, r#""sources":["nope"]"#, 1);
        assert_eq!(problems(&raw), vec!["content/en.json: officer-silent: unknown source 'nope'"]);
    }

    #[test]
    fn missing_id_is_named() {
        let raw = sample("en").replace(r#""id":"officer-silent","#, "");
        let p = problems(&raw);
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("content/en.json: -: not valid content JSON: missing field `id`"), "{p:?}");
    }

    #[test]
    fn dangling_and_unreachable_checker_nodes_are_named() {
        let raw = sample("en").replace(r#""next":"o-admin""#, r#""next":"o-nowhere""#);
        assert_eq!(
            problems(&raw),
            vec![
                "content/en.json: c-dhs: next 'o-nowhere' is neither a question nor an outcome",
                "content/en.json: o-admin: outcome cannot be reached from the start",
            ]
        );
    }

    #[test]
    fn a_loop_in_the_checker_is_named() {
        let raw = sample("en").replace(r#""next":"o-admin""#, r#""next":"q-top""#);
        let p = problems(&raw);
        assert!(p.contains(&"content/en.json: q-top: the warrant checker loops back to this question".to_string()), "{p:?}");
    }

    #[test]
    fn wrong_lang_is_named() {
        let p = match parse_content("content/es.json", "es", &sample("en"), &sources()) {
            Err(e) => e[0].to_string(),
            Ok(_) => String::new(),
        };
        assert_eq!(p, "content/es.json: -: lang 'en' does not match the file name 'es'");
    }

    #[test]
    fn translation_must_match_english_ids() {
        let en = parse_content("content/en.json", "en", &sample("en"), &sources()).unwrap();
        let es_raw = sample("es").replace("o-admin-1", "o-admin-uno");
        let es = parse_content("content/es.json", "es", &es_raw, &sources()).unwrap();
        let errs: Vec<String> = compare_with_english("content/es.json", &es, &en).iter().map(ToString::to_string).collect();
        assert_eq!(
            errs,
            vec![
                "content/es.json: o-admin-1: missing: English has this id",
                "content/es.json: o-admin-uno: not in English",
            ]
        );
        assert!(compare_with_english("content/en.json", &en, &en).is_empty());
    }

    #[test]
    fn sources_file_is_checked() {
        let raw = r#"{"format":1,"sources":[{"id":"a","title":"A","url":"ftp://x","publisher":"P","accessed":"2026-11-23"},
            {"id":"a","title":"","url":"https://x","publisher":"P","accessed":"yesterday"}]}"#;
        let errs: Vec<String> = parse_sources("content/sources.json", raw).unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(
            errs,
            vec![
                "content/sources.json: a: url 'ftp://x' is not a web address",
                "content/sources.json: a: duplicate source id",
                "content/sources.json: a: empty title",
                "content/sources.json: a: accessed 'yesterday' is not a YYYY-MM-DD date",
            ]
        );
    }

    #[test]
    fn forms_are_checked_against_the_language_table() {
        let sources = parse_sources("s", SOURCES_FOR_FORMS).unwrap();
        let item = |extra: &str, text: &str| {
            format!(r#"{{"format":1,"lang":"LANG","pages":[{{"id":"card","kind":"officer","title":"t","summary":"s","sections":[{{"id":"card-st","kind":"statements","items":[
              {{"id":"officer-free","text":"{text}"{extra},"sources":["const-5a"],"reviewed":"2026-11-28"}}]}}]}}],
              "warrant_checker":{{"title":"W","summary":"S","start":"q","questions":[{{"id":"q","text":"?","choices":[{{"id":"c","text":"c","next":"o"}},{{"id":"c2","text":"d","next":"o"}}]}}],
              "outcomes":[{{"id":"o","title":"o","sections":[{{"id":"o-s","kind":"text","items":[{{"id":"o-1","text":"x","sources":["const-5a"],"reviewed":"2026-11-28"}}]}}]}}]}}}}"#)
        };
        let check = |lang: &str, raw: String| parse_content("f", lang, &raw.replace("LANG", lang), &sources).map_err(|e| e.iter().map(|e| e.problem.clone()).collect::<Vec<_>>());
        let forms = r#","forms":{"f":"هل أنا حرّة؟","m":"هل أنا حرّ؟"}"#;
        let ok = check("ar", item(forms, "هل أنا حرّ؟")).unwrap();
        let it = &ok.pages[0].sections[0].items[0];
        assert_eq!(it.text_as(SpeakAs::Woman), "هل أنا حرّة؟");
        assert_eq!(it.text_as(SpeakAs::Man), "هل أنا حرّ؟");
        assert_eq!(it.text_as(SpeakAs::Either), "هل أنا حرّ؟");
        assert!(check("en", item(forms, "Am I free?")).unwrap_err()[0].contains("not gendered"));
        assert!(check("pa", item("", "ਮੈਂ ਚੁੱਪ ਰਹਾਂਗਾ/ਰਹਾਂਗੀ।")).unwrap_err()[0].contains("slashed forms"));
        assert!(check("ar", item(r#","forms":{"f":" ","m":"x"}"#, "x")).unwrap_err()[0].contains("forms.f"));
        assert!(check("en", item("", "and/or")).is_ok(), "English does not mark gender: a slash is just a slash");
    }
}

#[cfg(test)]
const SOURCES_FOR_FORMS: &str = r#"{"format":1,"sources":[{"id":"const-5a","title":"t","url":"https://example.org","publisher":"p","accessed":"2026-11-28"}]}"#;
