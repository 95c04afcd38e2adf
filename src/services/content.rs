//! Rights content: `content/<lang>.json` for the active language, English beside it (the
//! officer statement is always shown in English too), and `content/sources.json`.
//! Files are fetched once per language, validated, and kept in memory.
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use pocket_model::content::{Content, SourceList, compare_with_english, parse_content, parse_sources};

use super::fetch::fetch_text;
use crate::i18n::{Locale, use_i18n};

/// What the screens read.
#[derive(Clone)]
pub struct ContentBundle {
    /// Content in the active language (English when that language could not be read).
    pub content: Arc<Content>,
    pub english: Arc<Content>,
    pub sources: Arc<SourceList>,
    /// Why the active language fell back to English, if it did.
    pub problem: Option<String>,
}

/// Either the bundle or why even English could not be had.
pub type ContentState = Result<ContentBundle, String>;

#[derive(Default)]
struct Cache {
    sources: Option<Arc<SourceList>>,
    by_lang: HashMap<&'static str, Arc<Content>>,
}

/// The content resource, shared through context.
#[derive(Clone, Copy)]
pub struct ContentCtx(pub LocalResource<ContentState>);

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

async fn sources() -> Result<Arc<SourceList>, String> {
    if let Some(s) = CACHE.with(|c| c.borrow().sources.clone()) {
        return Ok(s);
    }
    let raw = fetch_text("content/sources.json").await.map_err(|e| format!("content/sources.json: {e}"))?;
    let list = parse_sources("content/sources.json", &raw).map_err(|errs| errs[0].to_string())?;
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
    let content = parse_content(&file, tag, &raw, sources).map_err(|errs| errs[0].to_string())?;
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

/// Start loading the content of the active language and provide it.
pub fn provide_content() {
    let i18n = use_i18n();
    let resource = LocalResource::new(move || {
        let locale = i18n.get_locale();
        async move {
            let state = load(locale).await;
            crate::finish_boot_page("rights/");
            state
        }
    });
    provide_context(ContentCtx(resource));
}

/// The content resource: `None` while loading.
pub fn use_content() -> Signal<Option<ContentState>> {
    let ContentCtx(res) = expect_context::<ContentCtx>();
    Signal::derive(move || res.get())
}
