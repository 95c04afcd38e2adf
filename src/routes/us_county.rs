//! `/map/:state/:county`: a county's agencies and 287(g) agreements, and what they mean if
//! a person is arrested there.
use leptos::prelude::*;
use crate::router::use_screen;
use pocket_model::policy::{MoaStatus, Model, agencies_of_county};

use crate::components::agreement_models::model_words;
use crate::components::data_gate::use_gated;
use crate::components::data_note::DataNote;
use crate::components::not_found::NotFound;
use crate::components::map_legend::law_label;
use crate::components::rich_text::isolated;
use crate::i18n::*;
use crate::services::locale_format::local_date;
use crate::services::policy::PolicyData;

/// `/map/:state/:county` (inside the map family's gate: the data is here).
#[component]
pub fn UsCounty() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_gated::<PolicyData>();
    let params = use_screen();
    let body = move || {
        let data = data.clone();
        let (state_key, fips) = params.with(|p| (p.param("state").unwrap_or_default(), p.param("county").unwrap_or_default()));
        let (Some(s), Some(c)) = (data.states.state(&state_key).cloned(), data.counties.county(&fips).cloned()) else {
            return view! { <NotFound /> }.into_any();
        };
        if c.state != s.fips {
            return view! { <NotFound /> }.into_any();
        }
        let agencies = agencies_of_county(&data.agreements.agreements, &c.fips);
        let jail_model = agencies
            .iter()
            .flat_map(|a| a.agreements.iter())
            .any(|a| matches!(a.model, Model::Jem | Model::Wso));
        let none = agencies.is_empty();
        let rows = agencies
            .iter()
            .map(|a| {
                let items = a
                    .agreements
                    .iter()
                    .map(|ag| {
                        let (name, hint) = model_words(ag.model);
                        let signed = ag.signed.clone();
                        let document = match (&ag.moa_url, ag.moa_status) {
                            (Some(url), MoaStatus::Linked) => view! {
                                <p class="moa"><span class="muted">{t!(i18n, agreement_document)}</span><br />
                                <span class="source-url" dir="ltr">{url.clone()}</span></p>
                            }
                            .into_any(),
                            _ => view! { <p class="muted">{t!(i18n, agreement_pending)}</p> }.into_any(),
                        };
                        let differs = ag.file_date.is_some().then(|| view! { <p class="muted small">{t!(i18n, agreement_date_differs)}</p> });
                        view! {
                            <li class="agreement" data-testid="agreement" data-model=ag.model.code()>
                                <strong>{name}</strong> " · " {t!(i18n, agreement_signed, date = isolated(local_date(signed.clone())))}
                                <p class="muted small">{hint}</p>
                                {document}
                                {differs}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="agency" data-testid="agency">
                        <h3 class="agency-name"><bdi lang="en">{a.agency.to_owned()}</bdi></h3>
                        <ul class="agreements">{items}</ul>
                    </li>
                }
            })
            .collect_view();
        let stance = law_label(s.layer);
        view! {
            <p class="breadcrumbs">
                <a href=crate::href("/map")>{t!(i18n, map_back_to_states)}</a> " › " <a href=crate::href(&format!("/map/{}", s.abbr))><bdi lang="en">{s.name.clone()}</bdi></a>
            </p>
            <h1 data-testid="county-name"><bdi lang="en">{c.name.clone()} ", " {s.abbr.clone()}</bdi></h1>
            <p><strong>{t!(i18n, state_stance)}":"</strong> " " {stance}</p>
            <section>
                <h2>{t!(i18n, county_agencies)}</h2>
                {none.then(|| view! { <p data-testid="no-agreements">{t!(i18n, county_no_agreements)}</p> })}
                <ul class="agencies-detail">{rows}</ul>
            </section>
            <section class="if-arrested">
                <h2>{t!(i18n, county_if_arrested)}</h2>
                <p>{if jail_model { t!(i18n, county_if_arrested_jem).into_any() } else { t!(i18n, county_if_arrested_none).into_any() }}</p>
                <a href=crate::href("/rights/detainers") class="button secondary">{t!(i18n, county_detainers_link)}</a>
                <a href=crate::href("/rights/arrested") class="button secondary">{t!(i18n, situation_arrested)}</a>
            </section>
            <DataNote as_of=data.agreements.as_of.clone() source=data.agreements.source.clone() />
        }
        .into_any()
    };
    view! { <div class="screen map-county" data-testid="screen-map-county">{body}</div> }
}
