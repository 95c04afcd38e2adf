//! `/plan/cards`: wallet-size fold cards to print and hand out — the English officer
//! statements on one half, the same in the person's language on the other, cut marks, four to
//! a page — and a sign for the inside of the door. The text comes from the rights content.
use leptos::prelude::*;
use pocket_model::content::{Content, PageKind, SectionKind};

use crate::i18n::*;
use crate::services::content::use_content;
use crate::services::export::{can_share, print, share_text};

/// The app's own address: a `<base>` element's (when the app is hosted under a sub-path), else
/// the site root.
fn app_address() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let document = window.document();
    let has_base = document.as_ref().and_then(|d| d.query_selector("base").ok().flatten()).is_some();
    match document.and_then(|d| d.base_uri().ok().flatten()) {
        Some(base) if has_base => base,
        _ => window.location().origin().map(|o| format!("{o}/")).unwrap_or_default(),
    }
}

/// Cards on one printed page.
const CARDS_PER_PAGE: usize = 4;
/// The statements the door sign carries (by content id).
const DOOR_SIGN: [&str; 4] = ["officer-no-entry", "officer-silent", "officer-lawyer", "officer-no-sign"];

fn statements(content: &Content) -> Vec<(String, String)> {
    content
        .pages_of(PageKind::Officer)
        .flat_map(|p| p.sections.iter())
        .filter(|s| s.kind == SectionKind::Statements)
        .flat_map(|s| s.items.iter())
        .map(|i| (i.id.clone(), i.text.clone()))
        .collect()
}

/// `/plan/cards`.
#[component]
pub fn PlanCards() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let body = move || match content.get() {
        None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
        Some(Err(_)) => view! { <p role="alert">{t!(i18n, content_missing)}</p> }.into_any(),
        Some(Ok(bundle)) => {
            let english = statements(&bundle.english);
            let own = statements(&bundle.content);
            let tag = i18n.get_locale().as_str();
            let dir = pocket_model::language::by_tag(tag).map(|l| l.dir.as_attr()).unwrap_or("ltr");
            let half = |list: &[(String, String)], lang: &'static str, dir: &'static str| {
                let items = list.iter().map(|(_, t)| view! { <li>{t.clone()}</li> }).collect_view();
                view! { <ul class="card-half" lang=lang dir=dir>{items}</ul> }
            };
            let card = || {
                view! {
                    <div class="print-card" data-testid="print-card">
                        {half(&english, "en", "ltr")}
                        {half(&own, tag, dir)}
                    </div>
                }
            };
            let sign_en: Vec<_> = english.iter().filter(|(id, _)| DOOR_SIGN.contains(&id.as_str())).cloned().collect();
            let sign_own: Vec<_> = own.iter().filter(|(id, _)| DOOR_SIGN.contains(&id.as_str())).cloned().collect();
            let is_english = tag == "en";
            view! {
                <div class="print-sheet" data-testid="print-sheet">{(0..CARDS_PER_PAGE).map(|_| card()).collect_view()}</div>
                <div class="door-sign" data-testid="door-sign">
                    <ul lang="en" dir="ltr">{sign_en.into_iter().map(|(_, t)| view! { <li>{t}</li> }).collect_view()}</ul>
                    {(!is_english).then(|| view! {
                        <ul class="door-sign-own" lang=tag dir=dir>{sign_own.into_iter().map(|(_, t)| view! { <li>{t}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="screen plan-cards" data-testid="screen-plan-cards">
            <h1 class="no-print">{t!(i18n, cards_title)}</h1>
            <p class="no-print">{t!(i18n, cards_intro)}</p>
            <button type="button" class="button no-print" data-testid="cards-print" on:click=|_| print()>{t!(i18n, cards_print)}</button>
            {body}
            <section class="no-print">
                <h2>{t!(i18n, share_title)}</h2>
                <p dir="ltr" data-testid="app-address">{app_address()}</p>
                {move || crate::qr::svg(&app_address(), &t_string!(i18n, share_qr).to_string()).map(|q| view! {
                    <figure class="share-qr">
                        <div class="qr" data-testid="app-qr" inner_html=q.svg></div>
                        <figcaption>{t!(i18n, share_qr)}</figcaption>
                    </figure>
                })}
                {if can_share() {
                    view! { <button type="button" class="button" data-testid="share-app" on:click=move |_| { share_text(&t_string!(i18n, app_name).to_string(), &app_address()); }>{t!(i18n, share_send)}</button> }.into_any()
                } else {
                    let href = format!("sms:?body={}", pocket_model::plan::alert::percent_encode(&app_address()));
                    view! { <a class="button" href=href data-testid="share-app">{t!(i18n, share_send)}</a> }.into_any()
                }}
            </section>
        </div>
    }
}
