//! `/map/:state`: a state's law in plain words, its 287(g) agreements by model, the national
//! trend, its counties coloured by agreements, and its agencies.
use leptos::prelude::*;
use crate::components::icon::{icon, Icon};
use crate::router::use_screen;
use pocket_model::decimal::fixed;
use pocket_model::geo::Shape;
use wasm_bindgen::JsCast;
use pocket_model::markup::{escape, svg_path};
use pocket_model::chart;
use pocket_model::policy::{Flag, ModelCounts, StateRecord, StatesFile, TrendPoint, Verification, agencies_without_county};

use crate::components::agreement_models::{AgencyList, ModelCountsView, owned_agencies};
use crate::components::data_gate::use_gated;
use crate::components::data_note::DataNote;
use crate::components::map_legend::{MapLayer, MapLegend, count_fill, law_fill, law_label};
use crate::components::rich_text::isolated;
use crate::components::not_found::NotFound;
use crate::components::outline_map::tap_to;
use crate::i18n::*;
use crate::services::locale_format::{local_date, local_number, number_in};
use crate::services::policy::{PolicyData, use_policy};
use crate::services::tasks::after_paint;

fn flag_rows(s: &StateRecord) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let mut rows: Vec<(Flag, AnyView)> = Vec::new();
    rows.push((s.bans_287g.clone(), t!(i18n, flag_bans_287g).into_any()));
    rows.push((s.requires_287g.clone(), t!(i18n, flag_requires_287g).into_any()));
    rows.push((s.requires_detainer_compliance.clone(), t!(i18n, flag_requires_detainers).into_any()));
    rows.push((s.bans_local_sanctuary_policies.clone(), t!(i18n, flag_bans_sanctuary).into_any()));
    let doj = s.doj.state.then(|| view! { <li>{t!(i18n, flag_doj_list)}</li> });
    let items = rows
        .into_iter()
        .filter(|(f, _)| f.is_yes() || f.value == pocket_model::policy::FlagValue::Partial)
        .map(|(f, label)| {
            let partial = (!f.is_yes()).then(|| view! { <span class="muted" lang="en">" (partial" {f.note.map(|n| format!(": {n}"))} ")"</span> });
            view! { <li>{label}{partial}</li> }
        })
        .collect_view();
    view! { <ul class="flags">{items}{doj}</ul> }
}

/// A small line chart of the national count since 2021 (decorative; the numbers are in text).
fn trend_chart(points: &[TrendPoint]) -> impl IntoView + use<> {
    let all: Vec<&TrendPoint> = points.iter().filter(|p| !p.is_truncated()).collect();
    // About one point a fortnight is plenty for a 300-unit-wide line.
    let good: Vec<&TrendPoint> = chart::thin(&all, 120).into_iter().copied().collect();
    let d = chart::line_path(&good.iter().map(|p| p.total).collect::<Vec<_>>(), 300.0, 80.0, 76.0);
    let first = good.first().map(|p| (p.date.clone(), p.total));
    let last = good.last().map(|p| (p.date.clone(), p.total));
    view! {
        <svg class="trend" viewBox="0 0 300 82" aria-hidden="true"><path d=d fill="none" stroke="currentColor" stroke-width="2" /></svg>
        <p class="trend-ends">
            {first.map(|(d, t)| view! { <span><bdi>{local_date(d)}</bdi>": " <strong>{local_number(t)}</strong></span> })}
            {icon(Icon::Arrow, "icon flip-rtl")}
            {last.map(|(d, t)| view! { <span><bdi>{local_date(d)}</bdi>": " <strong>{local_number(t)}</strong></span> })}
        </p>
    }
}

/// `/map/:state`, in two parts. The state's own record (law, counts) is in the states file,
/// which the map family's gate has let through: drawn at once. The counties, the agencies and
/// the trend need the rest of the data (hundreds of kB to parse on a slow phone) and are the
/// larger part to draw: drawn below once that data is in and the first part is painted, in a
/// task of their own, so a tap on the map shows the state at once.
#[component]
pub fn UsState() -> impl IntoView {
    let i18n = use_i18n();
    let states = use_gated::<StatesFile>();
    let full = use_policy();
    let first_painted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        first_painted.try_set(true);
    });
    // The rest of the data, once the first part is on screen.
    let full = Signal::derive_local(move || if first_painted.get() { full.get() } else { None });
    let params = use_screen();
    let body = move || {
        let key = params.with(|p| p.param("state").unwrap_or_default());
        let Some(s) = states.state(&key).cloned() else {
            return view! { <NotFound /> }.into_any();
        };
        let counts = s.latest_counts();
        let earlier = s.agreements.get(1).cloned();
        let label = law_label(s.layer);
        let verification = match s.verification {
            Verification::Verified => t!(i18n, verification_verified).into_any(),
            Verification::Established => t!(i18n, verification_established).into_any(),
            Verification::PartlyVerified => t!(i18n, verification_partial).into_any(),
            Verification::SecondaryOnly => t!(i18n, verification_secondary).into_any(),
            Verification::NotResearched => t!(i18n, verification_not_researched).into_any(),
        };
        let unverified = s.verification.is_unverified();
        let total = counts.total();
        let trend = move || full.get().and_then(Result::ok).map(|data| trend_chart(&data.trend.points));
        let rest = {
            let s = s.clone();
            move || match full.get() {
                None => view! { <p class="muted" data-testid="state-rest-loading">{t!(i18n, loading)}</p> }.into_any(),
                Some(Err(_)) => view! { <p class="notice" role="alert">{t!(i18n, map_loading_error)}</p> }.into_any(),
                Some(Ok(data)) => counties_and_agencies(&s, &data).into_any(),
            }
        };
        crate::finish_boot_page("map-state");
        view! {
            <p class="breadcrumbs"><a href=crate::href("/map")>{t!(i18n, map_back_to_states)}</a></p>
            <h1><bdi lang="en">{s.name.clone()}</bdi></h1>
            <section class="stance" style=format!("border-inline-start-color:{}", law_fill(s.layer))>
                <h2>{t!(i18n, state_stance)}</h2>
                <p class="stance-label" data-testid="stance"><strong>{label}</strong></p>
                <p lang="en" dir="ltr" data-testid="stance-summary">{s.summary.clone()}</p>
                {flag_rows(&s)}
                <p class=if unverified { "notice" } else { "muted" } data-testid="verification">{verification}</p>
                <h3>{t!(i18n, state_laws)}</h3>
                <p lang="en" dir="ltr">{s.laws.clone()}</p>
                {(!s.key_dates.is_empty()).then(|| view! { <p lang="en" dir="ltr" class="muted">{s.key_dates.clone()}</p> })}
                {(!s.notes.is_empty()).then(|| view! { <p lang="en" dir="ltr" class="muted">{s.notes.clone()}</p> })}
                <p class="muted small">{t!(i18n, policy_text_english)}</p>
                <ul class="source-list">{s.source_urls.iter().map(|u| view! { <li><a class="source-url" href=u.clone() rel="noreferrer noopener" target="_blank">{u.clone()}</a></li> }).collect_view()}</ul>
            </section>
            <section>
                <h2>{t!(i18n, state_agreements)}</h2>
                <p data-testid="state-total"><strong>{t!(i18n, state_agreements_total, count = isolated(local_number(total)))}</strong></p>
                <ModelCountsView counts=counts />
                {earlier.map(|e| {
                    let (n, d) = (e.counts.total(), e.as_of.clone());
                    view! { <p class="muted">{t!(i18n, state_agreements_then, count = isolated(local_number(n)), date = isolated(local_date(d.clone())))}</p> }
                })}
                {(total == 0).then(|| view! { <p>{t!(i18n, state_no_agreements)}</p> })}
                <h3>{t!(i18n, state_trend)}</h3>
                {trend}
            </section>
            {rest}
            <DataNote as_of=states.as_of.clone() source=states.source.clone() />
        }
        .into_any()
    };
    view! { <div class="screen map-state" data-testid="screen-map-state">{body}</div> }
}

/// The state's counties on a map and in a list, and its statewide agencies.
fn counties_and_agencies(s: &StateRecord, data: &PolicyData) -> impl IntoView + use<> {
    let i18n = use_i18n();
    // The state's own box, so its counties fill the drawing.
    let view_box = s
        .path
        .as_deref()
        .and_then(|p| Shape::parse(p).ok())
        .map(|shape| {
            let [x0, y0, x1, y1] = shape.bbox();
            let pad = ((x1 - x0).max(y1 - y0) * 0.03).max(1.0);
            let [x, y, w, h] = [x0 - pad, y0 - pad, x1 - x0 + 2.0 * pad, y1 - y0 + 2.0 * pad].map(|v| fixed(v, 1));
            format!("{x} {y} {w} {h}")
        });
    let counties: Vec<_> = data.counties.counties.iter().filter(|c| c.state == s.fips).collect();
    let county_paths = counties
        .iter()
        .filter_map(|c| {
            let n = data.by_county.get(&c.fips).map(ModelCounts::total).unwrap_or(0);
            Some(svg_path(c.path.as_deref()?, count_fill(n), "county", &c.fips))
        })
        .collect::<String>();
    let abbr = s.abbr.clone();
    let on_tap = tap_to("county", move |fips| format!("/map/{abbr}/{fips}"));
    let county_count = counties.len();
    // Plain links as one string (the router still handles their clicks), under the app's
    // root. The list is folded away at first: it is written when opened, not on the tap
    // that opens the state (254 links for Texas).
    let base = escape(&crate::base_path());
    let rows: Vec<(String, String, u32)> = counties
        .iter()
        .map(|c| (c.fips.clone(), c.name.clone(), data.by_county.get(&c.fips).map(ModelCounts::total).unwrap_or(0)))
        .collect();
    let state_abbr = escape(&s.abbr);
    let (list_open, set_list_open) = signal(false);
    let county_links = move || {
        if !list_open.get() {
            return String::new();
        }
        let tag = i18n.get_locale().as_str();
        rows.iter()
            .map(|(fips, name, n)| {
                format!(
                    r#"<li><a href="{base}/map/{abbr}/{fips}" class="state-row" data-testid="county-link-{fips}"><span class="swatch" style="background:{fill}" aria-hidden="true"></span><bdi class="state-name" lang="en">{name}</bdi><span class="state-facts">{count}</span></a></li>"#,
                    base = base,
                    abbr = state_abbr,
                    fips = escape(fips),
                    fill = count_fill(*n),
                    name = escape(name),
                    count = escape(&t_string!(i18n, count_agreements, count = number_in(tag, *n)).to_string()),
                )
            })
            .collect::<String>()
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"));
        set_list_open.set(open);
    };
    let statewide = owned_agencies(agencies_without_county(&data.agreements.agreements, &s.fips));
    let has_statewide = !statewide.is_empty();
    view! {
        {view_box.map(|vb| view! {
            <section class="state-counties">
                <h2>{t!(i18n, state_counties)}</h2>
                <svg class="state-map" viewBox=vb aria-hidden="true" data-testid="state-map" inner_html=county_paths on:click=on_tap></svg>
                <MapLegend layer=Signal::derive(|| MapLayer::Agreements) />
                <details class="county-list" on:toggle=on_toggle>
                    <summary>{t!(i18n, state_counties)} " (" {county_count} ")"</summary>
                    <ul class="links" inner_html=county_links></ul>
                </details>
            </section>
        })}
        {has_statewide.then(|| view! {
            <section>
                <h2>{t!(i18n, state_statewide)}</h2>
                <AgencyList agencies=statewide />
            </section>
        })}
        <DataNote as_of=data.agreements.as_of.clone() source=data.agreements.source.clone() />
    }
}
