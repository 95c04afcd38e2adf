//! Any URL the app does not know.
use leptos::prelude::*;

use crate::i18n::*;

/// "Page not found" with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="screen" data-testid="screen-not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p>{t!(i18n, not_found_body)}</p>
            <a href=crate::href("/") class="button">{t!(i18n, back_home)}</a>
        </div>
    }
}
