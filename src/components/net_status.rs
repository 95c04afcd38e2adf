//! The online/offline indicator in the header.
use leptos::prelude::*;

use crate::i18n::*;
use crate::services::offline::use_offline;

/// "Online" or "Offline — everything still works", announced politely when it changes.
#[component]
pub fn NetStatus() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    view! {
        <span
            class="net-status"
            class:is-offline=move || !offline.online.get()
            role="status"
            data-testid="net-status"
        >
            <span class="dot" aria-hidden="true"></span>
            <Show when=move || offline.online.get() fallback=move || t!(i18n, net_offline)>
                {t!(i18n, net_online)}
            </Show>
        </span>
    }
}
