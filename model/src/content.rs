//! Rights content: the schema of `content/<lang>.json` and `content/sources.json`, and the
//! validator that the build (build.rs) and the tests run over every language.
//!
//! Long texts live in these data files, not in the wasm. Every item carries the ids of its
//! public sources and the date it was last reviewed; every language must carry exactly the
//! ids and sources that English carries.
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

use crate::json::{FromJson, JsonError, Obj};
use crate::json_enum;

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

impl SectionKind {
    /// The lower-case name used in the content files and in CSS classes (`section-do`).
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Statements => "statements",
            SectionKind::Text => "text",
            SectionKind::Do => "do",
            SectionKind::Dont => "dont",
            SectionKind::Say => "say",
            SectionKind::Changed => "changed",
            SectionKind::Steps => "steps",
            SectionKind::Rights => "rights",
        }
    }
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

    /// Put a page read from its own file in the place of the page with its id; false when
    /// there is no such page.
    pub fn fill_page(&mut self, page: Page) -> bool {
        match self.pages.iter_mut().find(|p| p.id == page.id) {
            Some(slot) => {
                *slot = page;
                true
            }
            None => false,
        }
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

// ---------------------------------------------------------------------------------------------
// Reading (crate::json): the app's own readers, in the place of the derived deserialisers.

json_enum!(SectionKind {
    Statements => "statements",
    Text => "text",
    Do => "do",
    Dont => "dont",
    Say => "say",
    Changed => "changed",
    Steps => "steps",
    Rights => "rights",
});
json_enum!(PageKind {
    Officer => "officer",
    Core => "core",
    Scenario => "scenario",
    AfterArrest => "after_arrest",
    Framework => "framework",
    Preparedness => "preparedness",
    Help => "help",
    Status => "status",
    Witness => "witness",
});

impl FromJson for Source {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Source {
            id: o.req("id")?,
            title: o.req("title")?,
            url: o.req("url")?,
            publisher: o.req("publisher")?,
            accessed: o.req("accessed")?,
        })
    }
}

impl FromJson for SourceList {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(SourceList { format: o.req("format")?, sources: o.req("sources")? })
    }
}

impl FromJson for Item {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Item {
            id: o.req("id")?,
            text: o.req("text")?,
            sources: o.req("sources")?,
            reviewed: o.req("reviewed")?,
            changed: o.opt("changed")?,
            contested: o.or_default("contested")?,
            forms: o.opt("forms")?,
        })
    }
}

impl FromJson for Forms {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        let forms = Forms { f: o.req("f")?, m: o.req("m")? };
        o.no_more()?;
        Ok(forms)
    }
}

impl FromJson for Change {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Change { on: o.req("on")?, note: o.req("note")? })
    }
}

impl FromJson for Section {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Section { id: o.req("id")?, kind: o.req("kind")?, title: o.opt("title")?, items: o.req("items")? })
    }
}

impl FromJson for Page {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Page {
            id: o.req("id")?,
            kind: o.req("kind")?,
            title: o.req("title")?,
            summary: o.req("summary")?,
            sections: o.req("sections")?,
        })
    }
}

impl FromJson for Question {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Question { id: o.req("id")?, text: o.req("text")?, hint: o.opt("hint")?, choices: o.req("choices")? })
    }
}

impl FromJson for Choice {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Choice { id: o.req("id")?, text: o.req("text")?, next: o.req("next")? })
    }
}

impl FromJson for Outcome {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Outcome { id: o.req("id")?, title: o.req("title")?, sections: o.req("sections")? })
    }
}

impl FromJson for WarrantChecker {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(WarrantChecker {
            title: o.req("title")?,
            summary: o.req("summary")?,
            start: o.req("start")?,
            questions: o.req("questions")?,
            outcomes: o.req("outcomes")?,
        })
    }
}

impl FromJson for Content {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Content {
            format: o.req("format")?,
            lang: o.req("lang")?,
            pages: o.req("pages")?,
            warrant_checker: o.req("warrant_checker")?,
        })
    }
}

mod validate;
pub use validate::{ContentError, compare_page_with_english, compare_with_english, parse_content, parse_core, parse_page, parse_sources};
use validate::Checker;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_kind_names_are_the_file_names() {
        use SectionKind::*;
        for kind in [Statements, Text, Do, Dont, Say, Changed, Steps, Rights] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.name()));
        }
    }

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
        assert!(p[0].starts_with("content/en.json: -: not valid content JSON: pages[0].sections[0].items[0].id: missing"), "{p:?}");
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

#[cfg(test)]
mod reader_tests {
    use super::*;

    /// The app's readers and the derived deserialisers (the build's) agree on every real file.
    #[test]
    fn hand_readers_match_serde_on_the_real_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../content");
        let raw = std::fs::read_to_string(format!("{dir}/sources.json")).unwrap();
        assert_eq!(crate::json::parse::<SourceList>(&raw).unwrap(), serde_json::from_str::<SourceList>(&raw).unwrap());
        for l in crate::language::LANGUAGES {
            let raw = std::fs::read_to_string(format!("{dir}/{}.json", l.tag)).unwrap();
            let ours = crate::json::parse::<Content>(&raw).unwrap_or_else(|e| panic!("{}: {e}", l.tag));
            assert_eq!(ours, serde_json::from_str::<Content>(&raw).unwrap(), "{}", l.tag);
        }
    }

    #[test]
    fn forms_take_no_other_fields() {
        assert!(crate::json::parse::<Forms>(r#"{"f":"a","m":"b"}"#).is_ok());
        assert_eq!(crate::json::parse::<Forms>(r#"{"f":"a","m":"b","x":"c"}"#).unwrap_err(), "x: unknown field");
    }
}
