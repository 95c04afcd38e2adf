//! "New version ready — Reload", shown when a new service worker waits.
use leptos::prelude::*;

use crate::i18n::*;
use crate::services::offline::use_offline;

/// The update banner; hidden until a new version has installed.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    view! {
        <Show when=move || offline.update_waiting.get()>
            <div class="update-prompt" role="alert" data-testid="update-prompt">
                <span>{t!(i18n, update_ready)}</span>
                <button type="button" data-testid="update-reload" on:click=move |_| offline.apply_update()>
                    {t!(i18n, update_reload)}
                </button>
            </div>
        </Show>
    }
}
