//! Rights content. The build splits each language (tools/split-content.mjs) into a core file,
//! `content/<lang>.json` (the officer card, every page's title and summary, the warrant
//! checker), and one file per page, `content/<lang>/<page>.json`. The core of the active
//! language, English's core beside it (the officer statement is always shown in English too)
//! and `content/sources.json` are fetched once per language; a page file when a screen asks
//! for that page ([`use_pages`]). Every file is validated and kept in memory; a language or a
//! page that fails falls back to English with a notice, and a page that fails in English too
//! fails alone.
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use pocket_model::content::{
    Content, Page, PageKind, SourceList, compare_page_with_english, compare_with_english, parse_core, parse_page, parse_sources,
};

use super::fetch::fetch_text;
use super::tasks::{after_load, when_idle};
use crate::i18n::{Locale, use_i18n};

/// What the screens read.
#[derive(Clone)]
pub struct ContentBundle {
    /// Content in the active language (English when that language could not be read). From
    /// [`use_content`] only the officer page has its sections; from [`use_pages`] the pages
    /// asked for have theirs too.
    pub content: Arc<Content>,
    /// English's core.
    pub english: Arc<Content>,
    pub sources: Arc<SourceList>,
    /// Why the active language (or a page of it) fell back to English, if it did.
    pub problem: Option<String>,
}

/// Either the bundle or why even English could not be had.
pub type ContentState = Result<ContentBundle, String>;

#[derive(Default)]
struct Cache {
    sources: Option<Arc<SourceList>>,
    by_lang: HashMap<&'static str, Arc<Content>>,
    pages: HashMap<(&'static str, String), Arc<Page>>,
}

/// The content resource, shared through context: made (and its files read) the first time a
/// screen asks for it, or once the page has loaded and the phone is idle.
#[derive(Clone, Copy)]
struct ContentCtx {
    /// The shell's owner: the resource lives as long as the app, not as the first screen that asked.
    owner: StoredValue<Owner>,
    resource: StoredValue<Option<LocalResource<ContentState>>>,
}

impl ContentCtx {
    fn resource(self) -> LocalResource<ContentState> {
        if let Some(resource) = self.resource.get_value() {
            return resource;
        }
        let resource = self.owner.with_value(|owner| {
            owner.with(|| {
                let i18n = use_i18n();
                LocalResource::new(move || {
                    let locale = i18n.get_locale();
                    async move { load(locale).await }
                })
            })
        });
        self.resource.set_value(Some(resource));
        resource
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

fn first(errs: Vec<pocket_model::content::ContentError>) -> String {
    errs.first().map(ToString::to_string).unwrap_or_default()
}

async fn sources() -> Result<Arc<SourceList>, String> {
    if let Some(s) = CACHE.with(|c| c.borrow().sources.clone()) {
        return Ok(s);
    }
    let raw = fetch_text("content/sources.json").await.map_err(|e| format!("content/sources.json: {e}"))?;
    let list = parse_sources("content/sources.json", &raw).map_err(first)?;
    let list = Arc::new(list);
    CACHE.with(|c| c.borrow_mut().sources = Some(list.clone()));
    Ok(list)
}

async fn language(tag: &'static str, sources: &SourceList, english: Option<&Content>) -> Result<Arc<Content>, String> {
    if let Some(c) = CACHE.with(|c| c.borrow().by_lang.get(tag).cloned()) {
        return Ok(c);
    }
    let file = format!("content/{tag}.json");
    let raw = fetch_text(&file).await.map_err(|e| format!("{file}: {e}"))?;
    let content = parse_core(&file, tag, &raw, sources).map_err(first)?;
    if let Some(en) = english {
        if let Some(e) = compare_with_english(&file, &content, en).first() {
            return Err(e.to_string());
        }
    }
    let content = Arc::new(content);
    CACHE.with(|c| c.borrow_mut().by_lang.insert(tag, content.clone()));
    Ok(content)
}

async fn load(locale: Locale) -> ContentState {
    let sources = sources().await?;
    let english = language("en", &sources, None).await?;
    let tag = locale.as_str();
    let (content, problem) = if tag == "en" {
        (english.clone(), None)
    } else {
        match language(tag, &sources, Some(&english)).await {
            Ok(c) => (c, None),
            Err(e) => {
                leptos::logging::warn!("content fell back to English: {e}");
                (english.clone(), Some(e))
            }
        }
    };
    Ok(ContentBundle { content, english, sources, problem })
}

type Raw = std::pin::Pin<Box<dyn Future<Output = Result<String, super::fetch::FetchError>>>>;

/// Start the fetch of a page file unless it is in memory (so that several run at once).
fn start_page(tag: &'static str, id: &str) -> Option<Raw> {
    let cached = CACHE.with(|c| c.borrow().pages.contains_key(&(tag, id.to_owned())));
    (!cached).then(|| Box::pin(fetch_text(&format!("content/{tag}/{id}.json"))) as Raw)
}

/// A page file, `content/<tag>/<id>.json` (its fetch started by [`start_page`]), read once and
/// checked against its English page when given.
async fn page_file(tag: &'static str, id: &str, raw: Option<Raw>, sources: &SourceList, english: Option<&Page>) -> Result<Arc<Page>, String> {
    if let Some(p) = CACHE.with(|c| c.borrow().pages.get(&(tag, id.to_owned())).cloned()) {
        return Ok(p);
    }
    let file = format!("content/{tag}/{id}.json");
    let raw = match raw {
        Some(r) => r.await,
        None => fetch_text(&file).await,
    };
    let raw = raw.map_err(|e| format!("{file}: {e}"))?;
    let page = parse_page(&file, tag, id, &raw, sources).map_err(first)?;
    if let Some(e) = english.and_then(|en| compare_page_with_english(&file, &page, en).into_iter().next()) {
        return Err(e.to_string());
    }
    let page = Arc::new(page);
    CACHE.with(|c| c.borrow_mut().pages.insert((tag, id.to_owned()), page.clone()));
    Ok(page)
}

/// One page in the active language, else in English; the reason when it fell back. The
/// requests start when this is called: English is needed either way (to check the
/// translation's ids, or as the fallback), so both go out together.
fn one_page(tag: &'static str, id: String, sources: Arc<SourceList>) -> impl Future<Output = (Result<Arc<Page>, String>, Option<String>)> {
    let en_raw = start_page("en", &id);
    let own_raw = (tag != "en").then(|| start_page(tag, &id)).flatten();
    async move {
        let en = page_file("en", &id, en_raw, &sources, None).await;
        if tag == "en" {
            return (en, None);
        }
        // Checked against English when English could be read (else on its own).
        let own = page_file(tag, &id, own_raw, &sources, en.as_ref().ok().map(|p| &**p)).await;
        match (own, en) {
            (Ok(p), _) => (Ok(p), None),
            (Err(e), Ok(en)) => {
                leptos::logging::warn!("page fell back to English: {e}");
                (Ok(en), Some(e))
            }
            (Err(e), Err(_)) => (Err(e), None),
        }
    }
}

/// Which pages a screen needs with their sections.
#[derive(Clone, Debug, PartialEq)]
pub enum Pages {
    /// One page by id (a page the content does not have is left to the screen's not-found).
    Id(String),
    /// The first page of a kind.
    Kind(PageKind),
    /// Every page (the What changed and About screens).
    All,
}

async fn load_pages(locale: Locale, pick: Pages) -> ContentState {
    let mut bundle = load(locale).await?;
    let tag = if bundle.problem.is_some() { "en" } else { locale.as_str() };
    let ids: Vec<String> = match &pick {
        Pages::Id(id) => bundle.content.page(id).map(|p| p.id.clone()).into_iter().collect(),
        Pages::Kind(k) => bundle.content.pages_of(*k).next().map(|p| p.id.clone()).into_iter().collect(),
        Pages::All => bundle.content.pages.iter().filter(|p| p.kind != PageKind::Officer).map(|p| p.id.clone()).collect(),
    };
    let mut content = (*bundle.content).clone();
    let mut failed = Vec::new();
    // Each page's requests start before any is awaited.
    let loads: Vec<_> = ids.iter().map(|id| one_page(tag, id.clone(), bundle.sources.clone())).collect();
    for (id, pending) in ids.iter().zip(loads) {
        let (page, fell_back) = pending.await;
        if let Some(e) = fell_back {
            bundle.problem.get_or_insert(e);
        }
        match page {
            Ok(p) => {
                content.fill_page((*p).clone());
            }
            Err(e) => failed.push((id.clone(), e)),
        }
    }
    if let Some((_, e)) = failed.first() {
        leptos::logging::warn!("{} page file(s) could not be read: {e}", failed.len());
        // One page asked for and not to be had: that screen says so; a list of pages goes on
        // without the missing ones.
        if matches!(pick, Pages::Id(_) | Pages::Kind(_)) {
            return Err(e.clone());
        }
        bundle.problem.get_or_insert(e.clone());
    }
    bundle.content = Arc::new(content);
    Ok(bundle)
}

/// Provide the core content of the active language. It is read when a screen first asks for
/// it (the officer card, a guide); screens without it (the map, My plan) do not wait on it at
/// start, and it is read anyway once the page has loaded and the phone is idle, so the officer
/// card opens from any screen without a wait.
pub fn provide_content() {
    let owner = Owner::current().expect("provide_content runs inside the app");
    let ctx = ContentCtx { owner: StoredValue::new(owner), resource: StoredValue::new(None) };
    provide_context(ctx);
    leptos::task::spawn_local(async move {
        after_load().await;
        when_idle(2000).await;
        ctx.resource();
    });
}

/// The core content: `None` while loading. Only the officer page has its sections; a screen
/// that shows other pages' sections reads [`use_pages`].
pub fn use_content() -> Signal<Option<ContentState>> {
    let res = expect_context::<ContentCtx>().resource();
    Signal::derive(move || res.get())
}

/// The content with the sections of the pages `pick` names (tracked: a route parameter read
/// in it reloads): `None` while loading, an error when the one page asked for cannot be had
/// in any language.
pub fn use_pages(pick: impl Fn() -> Pages + 'static) -> Signal<Option<ContentState>> {
    pages_resource(Box::new(pick))
}

/// [`use_pages`] without its type parameter, so that the resource's code is compiled once,
/// not once per screen.
fn pages_resource(pick: Box<dyn Fn() -> Pages>) -> Signal<Option<ContentState>> {
    let i18n = use_i18n();
    let resource = LocalResource::new(move || {
        let locale = i18n.get_locale();
        let pick = pick();
        async move {
            let state = load_pages(locale, pick).await;
            // The static first screen of /rights/<id> (index.html) goes once the app's page has
            // its text, or its error.
            crate::finish_boot_page("rights/");
            state
        }
    });
    Signal::derive(move || resource.get())
}
