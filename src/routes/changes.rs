//! `/changes`: the dated legal changes this version reflects, newest first, each linked to
//! the guide it changed and to its source. Derived from the content's own `changed` notes
//! (`pocket_model::review_age::changes`), so there is one source of truth.
use leptos::prelude::*;
use pocket_model::review_age::changes;

use crate::components::icon::{icon, Icon};
use crate::components::rich_text::RichText;
use crate::i18n::*;
use crate::services::content::{Pages, use_pages};
use crate::services::locale_format::local_date;

/// `/changes`.
#[component]
pub fn Changes() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_pages(|| Pages::All);
    let list = move || match content.get() {
        None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
        Some(Err(_)) => view! { <p role="alert">{t!(i18n, content_missing)}</p> }.into_any(),
        Some(Ok(b)) => {
            let rows = changes(&b.content)
                .into_iter()
                .map(|e| {
                    let sources = e
                        .source_ids
                        .iter()
                        .filter_map(|id| b.sources.sources.iter().find(|s| &s.id == id))
                        .map(|s| view! { <li><a class="source-url" href=s.url.clone() rel="noreferrer noopener" target="_blank" lang="en" dir="ltr">{s.title.clone()}</a></li> })
                        .collect_view();
                    let on = e.on.clone();
                    view! {
                        <li class="change" data-testid="change" data-on=e.on.clone() data-item=e.item_id.clone()>
                            <p><strong><time datetime=e.on.clone()>{local_date(on.clone())}</time></strong></p>
                            <p><RichText text=e.note /></p>
                            <p class="muted"><RichText text=e.item_text /></p>
                            {e.contested.then(|| view! { <p class="contested" role="note">{icon(Icon::Warn, "icon icon-before")}{t!(i18n, contested)}</p> })}
                            <p><a href=crate::href(&e.href) class="change-guide"><RichText text=e.guide links=false /></a></p>
                            <p class="muted small">{t!(i18n, changes_source)} ":"</p>
                            <ul class="change-sources">{sources}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="changes" data-testid="changes-list">{rows}</ol> }.into_any()
        }
    };
    view! {
        <div class="screen changes-screen" data-testid="screen-changes">
            <h1>{t!(i18n, changes_title)}</h1>
            <p>{t!(i18n, changes_intro)}</p>
            {list}
        </div>
    }
}
