//! Checks of the content files: parsing with every rule of the schema (ids, sources, dates,
//! forms, the warrant-checker tree) and a translation's shape against English.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::*;
use crate::date::IsoDate;

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

pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) errors: Vec<ContentError>,
}

impl Checker<'_> {
    pub(super) fn fail(&mut self, id: &str, problem: impl Into<String>) {
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

/// A set of ids, inserted one by one rather than collected: a collected set sorts its items
/// first, and that sort would be compiled into the wasm for this alone.
fn id_set<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut set = BTreeSet::new();
    for id in ids {
        set.insert(id);
    }
    set
}

/// Parse and check `sources.json`.
pub fn parse_sources(file: &str, raw: &str) -> Result<SourceList, Vec<ContentError>> {
    let list: SourceList = crate::json::parse(raw).map_err(|e| {
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
    parse_content_as(file, lang, raw, sources, false)
}

/// Parse the core file the build writes for a language (`dist/content/<lang>.json`,
/// tools/split-content.mjs): the same checks as [`parse_content`], except that every page but
/// the officer card comes without its sections (they are in `content/<lang>/<page>.json`).
pub fn parse_core(file: &str, lang: &str, raw: &str, sources: &SourceList) -> Result<Content, Vec<ContentError>> {
    parse_content_as(file, lang, raw, sources, true)
}

/// Parse one page file (`content/<lang>/<page>.json`) with the checks of [`parse_content`]
/// for a page: the id it should have, non-empty texts, unique ids, dates, known sources, forms.
pub fn parse_page(file: &str, lang: &str, id: &str, raw: &str, sources: &SourceList) -> Result<Page, Vec<ContentError>> {
    let page: Page = crate::json::parse(raw).map_err(|e| {
        vec![ContentError { file: file.into(), id: "-".into(), problem: format!("not valid page JSON: {e}") }]
    })?;
    let mut c = Checker { file, errors: Vec::new() };
    if page.id != id {
        c.fail(&page.id, format!("page id '{}' does not match the file name '{id}'", page.id));
    }
    let known = id_set(sources.sources.iter().map(|s| s.id.as_str()));
    let marks_gender = crate::language::by_tag(lang).is_some_and(|l| l.marks_gender);
    let mut ids = BTreeSet::new();
    c.page(&page, &mut ids, &known, marks_gender, false);
    if c.errors.is_empty() { Ok(page) } else { Err(c.errors) }
}

impl Checker<'_> {
    fn claim(&mut self, ids: &mut BTreeSet<String>, id: &str) {
        if id.trim().is_empty() {
            self.fail("(empty id)", "an element has an empty id");
        } else if !ids.insert(id.to_owned()) {
            self.fail(id, "duplicate id");
        }
    }

    fn sections(&mut self, ids: &mut BTreeSet<String>, known: &BTreeSet<&str>, marks_gender: bool, sections: &[Section]) {
        for s in sections {
            self.claim(ids, &s.id);
            if s.items.is_empty() {
                self.fail(&s.id, "section has no items");
            }
            if let Some(t) = &s.title {
                self.non_empty(&s.id, "title", t);
            }
            for i in &s.items {
                self.claim(ids, &i.id);
                self.non_empty(&i.id, "text", &i.text);
                self.forms(i, marks_gender, matches!(s.kind, SectionKind::Statements | SectionKind::Say));
                self.date(&i.id, "reviewed", &i.reviewed);
                if i.sources.is_empty() {
                    self.fail(&i.id, "no source");
                }
                for src in &i.sources {
                    if !known.contains(src.as_str()) {
                        self.fail(&i.id, format!("unknown source '{src}'"));
                    }
                }
                if let Some(ch) = &i.changed {
                    self.date(&i.id, "changed.on", &ch.on);
                    self.non_empty(&i.id, "changed.note", &ch.note);
                }
            }
        }
    }

    /// A page; `split` allows a page other than the officer card to come without sections.
    fn page(&mut self, p: &Page, ids: &mut BTreeSet<String>, known: &BTreeSet<&str>, marks_gender: bool, split: bool) {
        self.claim(ids, &p.id);
        self.non_empty(&p.id, "title", &p.title);
        self.non_empty(&p.id, "summary", &p.summary);
        if p.sections.is_empty() && !(split && p.kind != PageKind::Officer) {
            self.fail(&p.id, "page has no sections");
        }
        self.sections(ids, known, marks_gender, &p.sections);
    }
}

fn parse_content_as(file: &str, lang: &str, raw: &str, sources: &SourceList, split: bool) -> Result<Content, Vec<ContentError>> {
    let content: Content = crate::json::parse(raw).map_err(|e| {
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
    let known = id_set(sources.sources.iter().map(|s| s.id.as_str()));
    let mut ids = BTreeSet::new();
    for p in &content.pages {
        c.page(p, &mut ids, &known, lang_marks_gender, split);
    }
    if !content.pages.iter().any(|p| p.kind == PageKind::Officer) {
        c.fail("-", "no page of kind 'officer'");
    }
    let wc = &content.warrant_checker;
    c.non_empty("warrant_checker", "title", &wc.title);
    let question_ids = id_set(wc.questions.iter().map(|q| q.id.as_str()));
    let outcome_ids = id_set(wc.outcomes.iter().map(|o| o.id.as_str()));
    for q in &wc.questions {
        c.claim(&mut ids, &q.id);
        c.non_empty(&q.id, "text", &q.text);
        if q.choices.len() < 2 {
            c.fail(&q.id, "a question needs at least two choices");
        }
        for ch in &q.choices {
            c.claim(&mut ids, &ch.id);
            c.non_empty(&ch.id, "text", &ch.text);
            if !question_ids.contains(ch.next.as_str()) && !outcome_ids.contains(ch.next.as_str()) {
                c.fail(&ch.id, format!("next '{}' is neither a question nor an outcome", ch.next));
            }
        }
    }
    for o in &wc.outcomes {
        c.claim(&mut ids, &o.id);
        c.non_empty(&o.id, "title", &o.title);
        c.sections(&mut ids, &known, lang_marks_gender, &o.sections);
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
    // Inserted one by one rather than collected: the same map (a later id wins), without a
    // sort compiled into the wasm for it.
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for q in &wc.questions {
        next.insert(q.id.as_str(), q.choices.iter().map(|ch| ch.next.as_str()).collect());
    }
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
        insert_section_shape(&mut out, s);
    }
    out
}

/// The shape of one page (its id, section ids, item ids with sorted sources).
fn page_shape(page: &Page) -> BTreeMap<String, Option<Vec<String>>> {
    let mut out = BTreeMap::new();
    out.insert(page.id.clone(), None);
    for s in &page.sections {
        insert_section_shape(&mut out, s);
    }
    out
}

/// A section's id, and each item's id with its sources sorted.
fn insert_section_shape(out: &mut BTreeMap<String, Option<Vec<String>>>, s: &Section) {
    out.insert(s.id.clone(), None);
    for i in &s.items {
        let mut srcs = i.sources.clone();
        srcs.sort_unstable();
        out.insert(i.id.clone(), Some(srcs));
    }
}

/// A translated page file against the English page: same ids, same sources per item.
pub fn compare_page_with_english(file: &str, page: &Page, english: &Page) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    c.same_shape(&page_shape(page), &page_shape(english));
    if page.kind != english.kind {
        c.fail(&page.id, "kind differs from English");
    }
    c.errors
}

impl Checker<'_> {
    fn same_shape(&mut self, ours: &BTreeMap<String, Option<Vec<String>>>, theirs: &BTreeMap<String, Option<Vec<String>>>) {
        for (id, srcs) in theirs {
            match ours.get(id) {
                None => self.fail(id, "missing: English has this id"),
                Some(s) if s != srcs => self.fail(id, format!("sources {s:?} differ from English {srcs:?}")),
                Some(_) => {}
            }
        }
        for id in ours.keys() {
            if !theirs.contains_key(id) {
                self.fail(id, "not in English");
            }
        }
    }
}

/// A translation against English: same ids, same sources per item, same warrant-checker
/// paths. Reports each difference with the translation's file name.
pub fn compare_with_english(file: &str, translation: &Content, english: &Content) -> Vec<ContentError> {
    let mut c = Checker { file, errors: Vec::new() };
    c.same_shape(&shape(translation), &shape(english));
    if translation.warrant_checker.start != english.warrant_checker.start {
        c.fail("warrant_checker", "start differs from English");
    }
    c.errors
}
