//! `/plan/hotlines`: the rapid-response and legal-aid lines confirmed for the state the person
//! picks (`public/data/hotlines.json`, from `data/sources/hotlines.csv`: each number read on
//! the organisation's own page, with that page and the date). Where none is confirmed it says
//! so; the national lines of the help page show in every case. The choice is never stored.
use leptos::prelude::*;
use pocket_model::json::{FromJson, JsonError, Obj};
use serde_json::Value;

use crate::components::rich_text::{RichText, isolated};
use crate::i18n::*;
use crate::services::content::{Pages, use_pages};
use crate::services::fetch::text_resource;
use crate::services::locale_format::local_date;

#[derive(Clone)]
struct State {
    abbr: String,
    name: String,
}

#[derive(Clone)]
struct Line {
    state: String,
    organisation: String,
    phone: String,
    url: String,
    checked: String,
}

#[derive(Clone)]
struct HotlinesFile {
    states: Vec<State>,
    lines: Vec<Line>,
}

impl FromJson for State {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(State { abbr: o.req("abbr")?, name: o.req("name")? })
    }
}

impl FromJson for Line {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(Line { state: o.req("state")?, organisation: o.req("organisation")?, phone: o.req("phone")?, url: o.req("url")?, checked: o.req("checked")? })
    }
}

impl FromJson for HotlinesFile {
    fn from_json(v: Value) -> Result<Self, JsonError> {
        let mut o = Obj::new(v)?;
        Ok(HotlinesFile { states: o.req("states")?, lines: o.req("lines")? })
    }
}

/// The help page's national lines (content ids): the immigration court case line and ICE's
/// detention line.
const NATIONAL: [&str; 2] = ["help-eoir", "help-dril"];

/// `/plan/hotlines`.
#[component]
pub fn PlanHotlines() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_pages(|| Pages::Id("help".into()));
    let data = text_resource("data/hotlines.json");
    let (picked, set_picked) = signal(String::new());

    let picker = move || match data.get().map(|raw| raw.and_then(|raw| pocket_model::json::parse::<HotlinesFile>(&raw))) {
        None => view! { <p>{t!(i18n, loading)}</p> }.into_any(),
        Some(Err(_)) => view! { <p role="alert" data-testid="hotlines-error">{t!(i18n, map_loading_error)}</p> }.into_any(),
        Some(Ok(file)) => {
            let options = file
                .states
                .iter()
                .map(|s| view! { <option value=s.abbr.clone()>{s.name.clone()}</option> })
                .collect_view();
            let lines = file.lines.clone();
            let found = move || {
                let state = picked.get();
                if state.is_empty() {
                    return None;
                }
                let here: Vec<Line> = lines.iter().filter(|l| l.state == state).cloned().collect();
                if here.is_empty() {
                    return Some(view! { <p class="notice" data-testid="hotlines-none">{t!(i18n, hotlines_none)}</p> }.into_any());
                }
                let items = here
                    .into_iter()
                    .map(|l| {
                        let checked = l.checked.clone();
                        view! {
                            <li class="hotline" data-testid="hotline">
                                <strong><bdi lang="en" dir="ltr" data-testid="hotline-organisation">{l.organisation.clone()}</bdi></strong>
                                <p class="hotline-phone"><RichText text=format!("[[tel:{}]]", l.phone) /></p>
                                <p class="muted small" data-testid="hotline-source">
                                    {t!(i18n, hotlines_checked, date = isolated(local_date(checked.clone())))} " "
                                    <RichText text=format!("[[url:{}]]", l.url) />
                                </p>
                            </li>
                        }
                    })
                    .collect_view();
                Some(view! { <ul class="hotlines" data-testid="hotlines-found">{items}</ul> }.into_any())
            };
            view! {
                <label class="field">
                    <span>{t!(i18n, hotlines_state)}</span>
                    <select data-testid="hotlines-state" on:change=move |ev| set_picked.set(event_target_value(&ev))>
                        <option value="" selected>{t!(i18n, hotlines_pick)}</option>
                        {options}
                    </select>
                </label>
                <div aria-live="polite">{found}</div>
            }
            .into_any()
        }
    };

    let national = move || {
        content.get().and_then(Result::ok).map(|b| {
            let items = b.content.items();
            let lines = NATIONAL
                .iter()
                .filter_map(|id| items.iter().find(|i| i.id == *id))
                .map(|i| view! { <li data-testid="national-line"><RichText text=i.text.clone() /></li> })
                .collect_view();
            view! { <ul class="national-lines">{lines}</ul> }
        })
    };

    view! {
        <div class="screen plan-hotlines" data-testid="screen-plan-hotlines">
            <h1>{t!(i18n, hotlines_title)}</h1>
            <p>{t!(i18n, hotlines_intro)}</p>
            {picker}
            <section>
                <h2>{t!(i18n, hotlines_national)}</h2>
                {national}
            </section>
        </div>
    }
}
