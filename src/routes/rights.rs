//! `/rights`: "who I am" and "I am watching" guides, the situations, the tools (warrant
//! checker, after an arrest) and the explainers.
//!
//! The "who I am" choice is only a list of ordinary links: picking one opens that guide's own
//! page. Nothing about the choice is kept (no signal, no storage, no query string), so a
//! seized phone does not say who its owner is.
use leptos::prelude::*;
use pocket_model::content::{Page, PageKind};

use crate::components::rich_text::RichText;
use crate::i18n::*;
use crate::components::data_gate::use_gated;
use crate::services::content::ContentBundle;

fn page_links(pages: Vec<&Page>) -> impl IntoView + use<> {
    let pages: Vec<Page> = pages.into_iter().cloned().collect();
    pages
        .into_iter()
        .map(|p| {
            let href = format!("/rights/{}", p.id);
            view! {
                <li><a href=crate::href(&href) class="link-row">
                    <span class="link-title"><RichText text=p.title.clone() links=false /></span>
                    <span class="link-hint"><RichText text=p.summary.clone() links=false /></span>
                </a></li>
            }
        })
        .collect_view()
}

/// The rights index.
#[component]
pub fn Rights() -> impl IntoView {
    let i18n = use_i18n();
    let b = use_gated::<ContentBundle>();
    let body = {
        {
            let c = b.content.clone();
            let of = |k| c.pages_of(k).collect::<Vec<_>>();
            let wc = c.warrant_checker.clone();
            view! {
                <section aria-labelledby="who-i-am">
                    <h2 id="who-i-am">{t!(i18n, rights_who_i_am)}</h2>
                    <p class="muted">{t!(i18n, rights_who_i_am_note)}</p>
                    <ul class="links" data-testid="rights-who-i-am">
                        {page_links(of(PageKind::Status))}
                        <li><a href=crate::href("/rights/core") class="link-row">
                            <span class="link-title">{t!(i18n, rights_no_papers)}</span>
                            <span class="link-hint">{t!(i18n, rights_no_papers_hint)}</span>
                        </a></li>
                    </ul>
                </section>
                <h2>{t!(i18n, rights_watching)}</h2>
                <ul class="links" data-testid="rights-watching">{page_links(of(PageKind::Witness))}</ul>
                <h2>{t!(i18n, rights_situations)}</h2>
                <ul class="links" data-testid="rights-scenarios">
                    {page_links(of(PageKind::Core))}
                    {page_links(of(PageKind::Scenario))}
                </ul>
                <h2>{t!(i18n, rights_tools)}</h2>
                <ul class="links">
                    <li><a href=crate::href("/rights/warrant") class="link-row">
                        <span class="link-title"><RichText text=wc.title links=false /></span>
                        <span class="link-hint"><RichText text=wc.summary links=false /></span>
                    </a></li>
                    {page_links(of(PageKind::AfterArrest))}
                    {page_links(of(PageKind::Help))}
                </ul>
                <h2>{t!(i18n, rights_how_it_works)}</h2>
                <ul class="links">{page_links(of(PageKind::Framework))}</ul>
            }
        }
    };
    view! {
        <div class="screen" data-testid="screen-rights">
            <h1>{t!(i18n, rights_title)}</h1>
            <p>{t!(i18n, rights_intro)}</p>
            {body}
        </div>
    }
}
