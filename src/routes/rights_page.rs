//! `/rights/:id`: one content page (a scenario, the path after an arrest, an explainer).
use leptos::prelude::*;
use crate::router::use_screen;
use pocket_model::content::{Content, PageKind};

use crate::components::page_footer::PageFooter;
use crate::components::rich_text::RichText;
use crate::components::section_view::SectionView;
use crate::i18n::*;
use crate::components::large_phrase::LargePhrase;
use crate::components::not_found::NotFound;
use crate::services::content::{Pages, use_pages};
use crate::services::tasks::next_task;

/// Links from a guide to the screens it points to (their titles come from the content, or
/// from the UI strings for screens outside it).
fn related_links(content: &Content, id: &str) -> Option<impl IntoView + use<>> {
    let i18n = use_i18n();
    let page = |pid: &'static str| content.page(pid).map(|p| (format!("/rights/{pid}"), p.title.clone()));
    let state = |abbr: &'static str, name: &'static str| {
        Some((format!("/map/{abbr}"), t_string!(i18n, see_state_on_map, state = name).to_string()))
    };
    let links: Vec<(String, String)> = match id {
        "witness-arrest" => vec![
            page("after-arrest"),
            Some(("/plan/record".to_owned(), t_string!(i18n, guide_record_link).to_string())),
            page("help"),
        ],
        "sensitive-places" => vec![state("CA", "California"), state("IL", "Illinois"), page("court")],
        "status-removal-order" => vec![page("door"), page("core")],
        s if s.starts_with("status-") => vec![page("core")],
        _ => vec![],
    }
    .into_iter()
    .flatten()
    .collect();
    (!links.is_empty()).then(|| {
        view! {
            <ul class="links related" data-testid="related-links">
                {links.into_iter().map(|(href, label)| view! {
                    <li><a href=crate::href(&href) class="link-row"><span class="link-title">{label}</span></a></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// Sections drawn in the first task of a guide opened first (see `RightsPage`).
const FIRST_SECTIONS: usize = 2;

/// One page of rights content by id.
#[component]
pub fn RightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_screen();
    // The page's own file (content/<lang>/<id>.json), fetched when the page opens.
    let content = use_pages(move || Pages::Id(params.with(|p| p.param("id").unwrap_or_default())));
    // A link to a statement (#item, from What changed) arrives before this page's file is in:
    // scroll to it once the sections are there.
    Effect::new(move |_| {
        if content.with(|c| matches!(c, Some(Ok(_)))) {
            request_animation_frame(|| {
                let Some(w) = web_sys::window() else { return };
                let hash = w.location().hash().unwrap_or_default();
                if let Some(el) = hash.strip_prefix('#').filter(|h| !h.is_empty()).and_then(|id| w.document()?.get_element_by_id(id)) {
                    el.scroll_into_view();
                }
            });
        }
    });
    let (large, set_large) = signal(None::<String>);
    let show = Callback::new(move |t: String| set_large.set(Some(t)));
    // A guide opened first draws its first sections at once and the rest in the next task (one
    // long guide would otherwise be one long task on a slow phone); all at once when a link
    // points inside it (#item) or once the first has been drawn.
    let (rest_now, set_rest_now) = signal(false);
    let points_inside = web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h.len() > 1);

    let body = move || {
        let id = params.with(|p| p.param("id").unwrap_or_default());
        match content.get() {
            None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
            Some(Err(_)) => view! { <p role="alert" data-testid="page-missing">{t!(i18n, content_missing)}</p> }.into_any(),
            Some(Ok(b)) => {
                let Some(page) = b.content.page(&id).cloned() else {
                    return view! { <NotFound /> }.into_any();
                };
                if page.sections.is_empty() {
                    // The previous page's content while this page's file is on its way.
                    return view! { <p>{t!(i18n, loading)}</p> }.into_any();
                }
                let reviewed = Content::page_reviewed(&page).map(str::to_owned);
                let oldest = pocket_model::review_age::oldest(page.sections.iter().flat_map(|s| &s.items)).map(str::to_owned);
                let source_ids = Content::sources_of(&page.sections).into_iter().map(str::to_owned).collect();
                let map_link = (page.kind == PageKind::Framework || page.id == "arrested" || page.id == "sensitive-places").then(|| {
                    view! { <a href=crate::href("/map") class="button secondary">{t!(i18n, see_on_map)}</a> }
                });
                let related = related_links(&b.content, &page.id);
                let notice = b.problem.clone().map(|_| view! { <p class="notice" role="status">{t!(i18n, content_error)}</p> });
                let at_once = if points_inside || rest_now.get_untracked() { usize::MAX } else { FIRST_SECTIONS };
                let mut all = page.sections.into_iter();
                let sections = all.by_ref().take(at_once).map(|s| view! { <SectionView section=s on_show=show /> }).collect_view();
                let later = StoredValue::new_local(all.collect::<Vec<_>>());
                if !later.with_value(Vec::is_empty) {
                    leptos::task::spawn_local(async move {
                        next_task().await;
                        set_rest_now.set(true);
                    });
                }
                let later = move || {
                    rest_now.get().then(|| {
                        later.with_value(|l| l.clone()).into_iter().map(|s| view! { <SectionView section=s on_show=show /> }).collect_view()
                    })
                };
                view! {
                    {notice}
                    <h1><RichText text=page.title /></h1>
                    <p class="summary"><RichText text=page.summary /></p>
                    {sections}
                    {later}
                    {related}
                    {map_link}
                    <PageFooter reviewed=reviewed oldest=oldest source_ids=source_ids sources=b.sources.clone() />
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
