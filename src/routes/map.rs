//! `/map`: the states coloured by state law or by 287(g) agreements, a legend, search as you
//! type, "Where am I?", and the same facts as a list for screen readers and small screens.

use leptos::prelude::*;
use crate::router::use_url;
use pocket_model::markup::{escape, svg_path};
use pocket_model::policy::Layer;
use pocket_model::policy::search::{HitKind, search};

use crate::components::data_note::DataNote;
use crate::components::map_legend::{MapLayer, MapLegend, count_fill, law_fill, law_label};
use crate::components::rich_text::isolated;
use crate::i18n::*;
use crate::services::locale_format::{local_number, number_in};
use crate::components::data_gate::use_gated;
use crate::components::outline_map::tap_to;
use crate::services::tasks::when_idle;
use crate::services::policy::{Loading, PolicyCtx, PolicyData, use_policy_later};
use pocket_model::policy::StatesFile;

mod where_am_i;
pub use where_am_i::WhereAmI;

/// The map overview.
#[component]
pub fn Map() -> impl IntoView {
    let i18n = use_i18n();
    let (data, loader) = use_policy_later();
    let file = use_gated::<StatesFile>();
    let url = use_url();
    let layer = Signal::derive(move || MapLayer::from_query(url.with(|u| u.query("layer")).as_deref()));
    let layer_href = |l: MapLayer| if l == MapLayer::Agreements { "/map?layer=agreements" } else { "/map" };

    // Search and "Where am I?" are there at once; the rest of the data they read (counties,
    // agreements) loads a few seconds after the map is drawn, or as soon as one is used.
    // (Drawn again only if loading fails: a search being typed stays as it is when the data comes.)
    let failed = Memo::new(move |_| matches!(data.get(), Some(Err(_))));
    let extras = move || match failed.get() {
        true => view! { <p class="notice" role="alert">{t!(i18n, map_loading_error)}</p> }.into_any(),
        false => view! {
            <MapSearch data=data loader=loader />
            <WhereAmI data=data loader=loader />
        }
        .into_any(),
    };
    let agreements_note = move || {
        data.get().and_then(Result::ok).map(|data| view! { <DataNote as_of=data.agreements.as_of.clone() source=data.agreements.source.clone() /> })
    };
    let body = move || {
        let file = file.clone();
        let states = file.states.iter().filter(|s| s.path.is_some()).cloned().collect::<Vec<_>>();
        // One string of outlines: far lighter than a view node per state; taps are delegated.
        let outlines = {
            let states = states.clone();
            move || {
                states
                    .iter()
                    .map(|s| {
                        let fill = match layer.get() {
                            MapLayer::Law => law_fill(s.layer),
                            MapLayer::Agreements => count_fill(s.latest_counts().total()),
                        };
                        svg_path(s.path.as_deref().unwrap_or_default(), fill, "state", &s.abbr)
                    })
                    .collect::<String>()
            }
        };
        let on_tap = tap_to("state", |abbr| format!("/map/{abbr}"));
        // The list as one string of plain links (the router handles their clicks): 50 rows
        // written at once, not a view and its effects per row; written again when the layer
        // or the language changes.
        let rows: Vec<(String, String, Layer, u32)> =
            states.iter().map(|s| (s.abbr.clone(), s.name.clone(), s.layer, s.latest_counts().total())).collect();
        let base = escape(&crate::base_path());
        let list = move || {
            let tag = i18n.get_locale().as_str();
            let shown = layer.get();
            rows.iter()
                .map(|(abbr, name, law, count)| {
                    let fill = match shown {
                        MapLayer::Law => law_fill(*law),
                        MapLayer::Agreements => count_fill(*count),
                    };
                    let facts = format!(
                        "{} · {}",
                        law_label(*law)(),
                        t_string!(i18n, count_agreements, count = format!("\u{2068}{}\u{2069}", number_in(tag, *count)))
                    );
                    format!(
                        r#"<li><a href="{base}/map/{abbr}" class="state-row" data-testid="state-link-{abbr}"><span class="swatch" style="background:{fill}" aria-hidden="true"></span><bdi class="state-name" lang="en">{name}</bdi><span class="state-facts">{facts}</span></a></li>"#,
                        abbr = escape(abbr),
                        name = escape(name),
                        facts = escape(&facts),
                    )
                })
                .collect::<String>()
        };
        view! {
            <svg class="us-map" viewBox="0 0 975 610" aria-hidden="true" data-testid="us-map" inner_html=outlines on:click=on_tap></svg>
            <MapLegend layer=layer />
            {extras}
            <details class="state-list" open=true>
                <summary><h2>{t!(i18n, map_list_title)}</h2></summary>
                <ul class="links" data-testid="state-list" inner_html=list></ul>
            </details>
            {agreements_note}
            <DataNote as_of=file.as_of.clone() source=file.source.clone() />
            <p><a href=crate::href("/about")>{t!(i18n, about_data_title)}</a></p>
        }
        .into_any()
    };

    view! {
        <div class="screen map" data-testid="screen-map">
            <h1>{t!(i18n, map_title)}</h1>
            <p>{t!(i18n, map_intro)}</p>
            <div class="segmented" role="group" aria-label=move || t_string!(i18n, map_layer)>
                <a href=crate::href(layer_href(MapLayer::Law)) aria-current=move || (layer.get() == MapLayer::Law).then_some("true") data-testid="layer-law">
                    {t!(i18n, map_layer_law)}
                </a>
                <a href=crate::href(layer_href(MapLayer::Agreements)) aria-current=move || (layer.get() == MapLayer::Agreements).then_some("true") data-testid="layer-agreements">
                    {t!(i18n, map_layer_agreements)}
                </a>
            </div>
            {body}
        </div>
    }
}

/// Search as you type over states, counties, cities and agencies.
#[component]
fn MapSearch(data: Loading<PolicyData>, loader: PolicyCtx) -> impl IntoView {
    let i18n = use_i18n();
    let (q, set_q) = signal(String::new());
    // The index is built in a task of its own once the data is in, when the phone is idle,
    // so that the first letter typed finds it ready.
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| {
        if let Some(Ok(data)) = data.get() {
            leptos::task::spawn_local(async move {
                when_idle(1000).await;
                data.search_index();
                set_ready.set(true);
            });
        }
    });
    let results = move || {
        let query = q.get();
        if query.trim().is_empty() {
            return None;
        }
        let Some(Ok(data)) = data.get() else {
            return Some(view! { <p class="muted" role="status">{t!(i18n, loading)}</p> }.into_any());
        };
        let hits: Vec<_> = search(&query, data.search_index(), 12).into_iter().map(|h| h.entry.clone()).collect();
        let count = hits.len();
        let rows = hits
            .into_iter()
            .map(|e| {
                let href = match (&e.county, e.kind) {
                    (_, HitKind::State) => format!("/map/{}", e.state_abbr),
                    (Some(c), _) => format!("/map/{}/{}", e.state_abbr, c),
                    (None, _) => format!("/map/{}", e.state_abbr),
                };
                let kind = match e.kind {
                    HitKind::State => "state",
                    HitKind::County => "county",
                    HitKind::City => "city",
                    HitKind::Agency => "agency",
                };
                view! {
                    <li><a href=crate::href(&href) class="link-row" data-testid="search-hit" data-kind=kind>
                        <span class="link-title"><bdi lang="en">{e.label.clone()}</bdi></span>
                        <span class="link-hint">{e.state_abbr.clone()}</span>
                    </a></li>
                }
            })
            .collect_view();
        Some(view! {
            <p class="visually-hidden" role="status">{t!(i18n, map_search_results, count = isolated(local_number(count as u32)))}</p>
            {(count == 0).then(|| view! { <p class="muted">{t!(i18n, map_search_none)}</p> })}
            <ul class="links search-results" data-testid="search-results">{rows}</ul>
        }.into_any())
    };
    view! {
        <div class="map-search" role="search">
            <label for="map-search-input">{t!(i18n, map_search_label)}</label>
            // data-ready: the index is built (for tools/bench.sh).
            <input id="map-search-input" type="search" autocomplete="off" enterkeyhint="search" data-testid="map-search"
                data-ready=move || ready.get().then_some("")
                placeholder=move || t_string!(i18n, map_search_placeholder).to_string()
                on:focus=move |_| loader.load_now()
                prop:value=q on:input=move |ev| { loader.load_now(); set_q.set(event_target_value(&ev)) } />
            {results}
        </div>
    }
}
