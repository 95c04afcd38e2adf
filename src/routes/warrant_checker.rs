//! `/rights/warrant`: a few questions about the paper that end in what it is and what it
//! does and does not allow. The answers so far live in the URL (`?path=`), so the back
//! button and a reload keep the place.
use leptos::prelude::*;
use crate::router::{NavigateOptions, use_navigate, use_url};
use pocket_model::content::{Content, WarrantChecker as Tree};

use crate::components::page_footer::PageFooter;
use crate::components::rich_text::{RichText, isolated};
use crate::components::section_view::SectionView;
use crate::i18n::*;
use crate::services::locale_format::local_number;
use crate::components::data_gate::use_gated;
use crate::services::content::ContentBundle;

/// Where a list of choice ids leads: the questions asked so far and the current node id.
fn walk<'a>(tree: &'a Tree, path: &[&str]) -> (Vec<&'a str>, &'a str) {
    let mut at = tree.start.as_str();
    let mut asked = Vec::new();
    for choice in path {
        let Some(q) = tree.questions.iter().find(|q| q.id == at) else { break };
        let Some(c) = q.choices.iter().find(|c| c.id == *choice) else { break };
        asked.push(at);
        at = c.next.as_str();
    }
    (asked, at)
}

/// The checker.
#[component]
pub fn WarrantChecker() -> impl IntoView {
    let i18n = use_i18n();
    let b = use_gated::<ContentBundle>();
    let summary = b.content.warrant_checker.summary.clone();
    let url = use_url();
    let navigate = use_navigate();
    let path = Memo::new(move |_| {
        url.with(|u| u.query("path").unwrap_or_default()).split('.').filter(|s| !s.is_empty()).map(str::to_owned).collect::<Vec<_>>()
    });
    let go = move |choices: Vec<String>| {
        let url = if choices.is_empty() { "/rights/warrant".to_owned() } else { format!("/rights/warrant?path={}", choices.join(".")) };
        // Each answer replaces the history entry: Back leaves the checker, not one answer.
        navigate(&url, NavigateOptions { replace: true, ..Default::default() });
    };
    let go = StoredValue::new_local(go);

    let body = move || {
        {
            let tree = b.content.warrant_checker.clone();
            let chosen = path.get();
            let refs: Vec<&str> = chosen.iter().map(String::as_str).collect();
            let (asked, at) = walk(&tree, &refs);
            let step = asked.len() + 1;
            let valid: Vec<String> = chosen.iter().take(asked.len()).cloned().collect();
            let back = {
                let mut v = valid.clone();
                v.pop();
                v
            };
            let has_back = !valid.is_empty();
            let nav = view! {
                <div class="checker-nav">
                    {has_back.then(|| {
                        let back = back.clone();
                        view! { <button type="button" class="button secondary" data-testid="checker-back" on:click=move |_| go.with_value(|g| g(back.clone()))>{t!(i18n, warrant_back)}</button> }
                    })}
                    {has_back.then(|| view! {
                        <button type="button" class="button secondary" data-testid="checker-restart" on:click=move |_| go.with_value(|g| g(Vec::new()))>{t!(i18n, warrant_start_over)}</button>
                    })}
                </div>
            };
            if let Some(q) = tree.questions.iter().find(|q| q.id == at).cloned() {
                let choices = q
                    .choices
                    .into_iter()
                    .map(|c| {
                        let mut next = valid.clone();
                        next.push(c.id.clone());
                        view! {
                            <li><button type="button" class="choice" data-testid=format!("choice-{}", c.id)
                                on:click=move |_| go.with_value(|g| g(next.clone()))><RichText text=c.text links=false /></button></li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="muted">{t!(i18n, warrant_step, n = isolated(local_number(step as u32)))}</p>
                    <fieldset class="question" data-testid=format!("question-{}", q.id)>
                        <legend><h2><RichText text=q.text /></h2></legend>
                        {q.hint.map(|h| view! { <p class="hint"><RichText text=h /></p> })}
                        <ul class="choices">{choices}</ul>
                    </fieldset>
                    {nav}
                }
                .into_any()
            } else if let Some(o) = tree.outcomes.iter().find(|o| o.id == at).cloned() {
                let reviewed = o.sections.iter().flat_map(|s| s.items.iter()).map(|i| i.reviewed.clone()).max();
                let oldest = pocket_model::review_age::oldest(o.sections.iter().flat_map(|s| &s.items)).map(str::to_owned);
                let source_ids = Content::sources_of(&o.sections).into_iter().map(str::to_owned).collect();
                let sections = o.sections.into_iter().map(|s| view! { <SectionView section=s /> }).collect_view();
                view! {
                    <div class="outcome" data-testid=format!("outcome-{}", o.id) role="status">
                        <p class="muted">{t!(i18n, warrant_result)}</p>
                        <h2 class="outcome-title"><RichText text=o.title /></h2>
                    </div>
                    {sections}
                    {nav}
                    <PageFooter reviewed=reviewed oldest=oldest source_ids=source_ids sources=b.sources.clone() />
                }
                .into_any()
            } else {
                view! { <p role="alert">{t!(i18n, content_missing)}</p> }.into_any()
            }
        }
    };
    view! {
        <div class="screen warrant-checker" data-testid="screen-warrant">
            <h1>{t!(i18n, warrant_title)}</h1>
            <p><RichText text=summary /></p>
            {body}
        </div>
    }
}
