//! `/map`: the policy map (states, counties, agencies).
use leptos::prelude::*;

use crate::i18n::*;

/// The map screen.
#[component]
pub fn Map() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="screen map" data-testid="screen-map">
            <h1>{t!(i18n, map_title)}</h1>
            <p>{t!(i18n, map_intro)}</p>
            <p class="notice">{t!(i18n, map_coming)}</p>
        </div>
    }
}
