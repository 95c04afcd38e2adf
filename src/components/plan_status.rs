//! What every plan screen says about saving: a damaged stored plan (kept aside, or left in
//! place with saving stopped until the person acts), storage the browser refuses, and the
//! outcome of the last save.
use leptos::prelude::*;

use crate::i18n::*;
use crate::services::export::save_text_file;
use crate::services::plan_store::PlanStore;
use crate::services::storage::{self, KeptAside};

/// The notices and the save status of one plan screen.
#[component]
pub fn PlanStatus(store: PlanStore) -> impl IntoView {
    let i18n = use_i18n();
    let storage_ok = storage::available();
    let damaged = move || match store.damaged.get() {
        None => None,
        Some(KeptAside::Yes) => Some(view! { <p class="notice" role="alert" data-testid="plan-problem">{t!(i18n, plan_storage_broken)}</p> }.into_any()),
        Some(KeptAside::No) => Some(view! {
            <div class="notice" role="alert" data-testid="plan-problem">
                <p data-testid="plan-damaged-in-place">{t!(i18n, plan_damaged_in_place)}</p>
                <button type="button" class="button" data-testid="export-damaged" on:click=move |_| {
                    if let Some(text) = store.damaged_text() {
                        save_text_file("pocket-rights-damaged-plan.txt", &text);
                    }
                }>{t!(i18n, plan_export_damaged)}</button>
                <button type="button" class="button secondary" data-testid="discard-damaged" on:click=move |_| {
                    let ok = web_sys::window()
                        .and_then(|w| w.confirm_with_message(&t_string!(i18n, plan_discard_damaged).to_string()).ok())
                        .unwrap_or(false);
                    if ok {
                        store.discard_damaged();
                    }
                }>{t!(i18n, plan_discard_damaged)}</button>
            </div>
        }.into_any()),
    };
    view! {
        {damaged}
        {(!storage_ok).then(|| view! { <p class="notice" role="alert">{t!(i18n, storage_unavailable)}</p> })}
        <p class="muted" role="status" data-testid="plan-saved">{move || store.saved.get().map(|ok| if ok {
            t_string!(i18n, plan_saved).to_string()
        } else {
            t_string!(i18n, plan_not_saved).to_string()
        })}</p>
    }
}
