//! `/rights/:id`: one content page (a scenario, the path after an arrest, an explainer).
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pocket_model::content::{Content, PageKind};

use crate::components::page_footer::PageFooter;
use crate::components::section_view::SectionView;
use crate::i18n::*;
use crate::components::large_phrase::LargePhrase;
use crate::components::not_found::NotFound;
use crate::components::data_gate::use_gated;
use crate::services::content::ContentBundle;

/// One page of rights content by id.
#[component]
pub fn RightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let b = use_gated::<ContentBundle>();
    let (large, set_large) = signal(None::<String>);
    let show = Callback::new(move |t: String| set_large.set(Some(t)));

    let body = move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        {
            {
                let Some(page) = b.content.page(&id).cloned() else {
                    return view! { <NotFound /> }.into_any();
                };
                let reviewed = Content::page_reviewed(&page).map(str::to_owned);
                let source_ids = Content::sources_of(&page.sections).into_iter().map(str::to_owned).collect();
                let map_link = (page.kind == PageKind::Framework || page.id == "arrested").then(|| {
                    view! { <A href="/map" attr:class="button secondary">{t!(i18n, see_on_map)}</A> }
                });
                let notice = b.problem.clone().map(|_| view! { <p class="notice" role="status">{t!(i18n, content_error)}</p> });
                let sections = page
                    .sections
                    .into_iter()
                    .map(|s| view! { <SectionView section=s on_show=show /> })
                    .collect_view();
                view! {
                    {notice}
                    <h1>{page.title}</h1>
                    <p class="summary">{page.summary}</p>
                    {sections}
                    {map_link}
                    <PageFooter reviewed=reviewed source_ids=source_ids sources=b.sources.clone() />
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="screen rights-page" data-testid="screen-rights-page">
            {body}
            <LargePhrase text=large set_text=set_large />
        </div>
    }
}
