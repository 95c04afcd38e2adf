//! The three 287(g) models in words, counts by model, and agencies with the models they signed:
//! shared by the state and county screens.
use leptos::prelude::*;
use pocket_model::policy::{AgencyAgreements, Model, ModelCounts};

use crate::i18n::*;
use crate::services::locale_format::local_number;

/// The words for a 287(g) model, with its one-line meaning.
pub fn model_words(model: Model) -> (impl Fn() -> String + Copy, impl Fn() -> String + Copy) {
    let i18n = use_i18n();
    let name = move || match model {
        Model::Jem => t_string!(i18n, model_jem).to_string(),
        Model::Wso => t_string!(i18n, model_wso).to_string(),
        Model::Tfm => t_string!(i18n, model_tfm).to_string(),
    };
    let hint = move || match model {
        Model::Jem => t_string!(i18n, model_jem_hint).to_string(),
        Model::Wso => t_string!(i18n, model_wso_hint).to_string(),
        Model::Tfm => t_string!(i18n, model_tfm_hint).to_string(),
    };
    (name, hint)
}

/// Counts by model as a definition list.
#[component]
pub fn ModelCountsView(counts: ModelCounts) -> impl IntoView {
    let rows = [Model::Jem, Model::Wso, Model::Tfm]
        .into_iter()
        .map(|m| {
            let (name, hint) = model_words(m);
            let n = counts.get(m);
            view! {
                <div class="model-row" data-testid=format!("count-{}", m.code())>
                    <dt>{name}</dt>
                    <dd><strong class="count">{local_number(n)}</strong> <span class="muted">{hint}</span></dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="model-counts">{rows}</dl> }
}

/// Agency names with the models each signed.
pub fn owned_agencies(agencies: Vec<AgencyAgreements<'_>>) -> Vec<(String, Vec<Model>)> {
    agencies.into_iter().map(|a| (a.agency.to_owned(), a.models())).collect()
}

/// Agencies with the models each signed.
#[component]
pub fn AgencyList(agencies: Vec<(String, Vec<Model>)>) -> impl IntoView {
    let rows = agencies
        .into_iter()
        .map(|(agency, models)| {
            let models = models.into_iter().map(|m| model_words(m).0()).collect::<Vec<_>>().join(", ");
            view! { <li><bdi class="agency-name" lang="en">{agency}</bdi> <span class="muted">" — " {models}</span></li> }
        })
        .collect_view();
    view! { <ul class="agencies">{rows}</ul> }
}
