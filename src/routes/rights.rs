//! `/rights`: the situations, the tools (warrant checker, after an arrest) and the explainers.
use leptos::prelude::*;
use leptos_router::components::A;
use pocket_model::content::{Page, PageKind};

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
                <li><A href=href attr:class="link-row">
                    <span class="link-title">{p.title.clone()}</span>
                    <span class="link-hint">{p.summary.clone()}</span>
                </A></li>
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
                <h2>{t!(i18n, rights_situations)}</h2>
                <ul class="links" data-testid="rights-scenarios">
                    {page_links(of(PageKind::Core))}
                    {page_links(of(PageKind::Scenario))}
                </ul>
                <h2>{t!(i18n, rights_tools)}</h2>
                <ul class="links">
                    <li><A href="/rights/warrant" attr:class="link-row">
                        <span class="link-title">{wc.title}</span>
                        <span class="link-hint">{wc.summary}</span>
                    </A></li>
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
