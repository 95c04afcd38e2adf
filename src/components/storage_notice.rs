//! Tells the person when their saved settings could not be read or saved, instead of
//! quietly starting over (the plan screens say the same for the plan).
use leptos::prelude::*;

use crate::i18n::*;
use crate::services::settings::use_settings;
use crate::services::storage::KeptAside;

/// A notice under the header while a settings problem stands.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_settings();
    move || {
        let problem = ctx.load_problem.get().map(|(_, kept)| kept);
        let failed = ctx.write_failed.get();
        let text = match (problem, failed) {
            (Some(KeptAside::No), _) => t_string!(i18n, settings_damaged_in_place),
            (_, true) => t_string!(i18n, settings_not_saved),
            (Some(KeptAside::Yes), false) => t_string!(i18n, settings_storage_broken),
            (None, false) => return None,
        };
        let can_close = problem != Some(KeptAside::No);
        Some(view! {
            <p class="notice storage-notice" role="alert" data-testid="settings-problem">
                {text.to_string()}
                " "
                {can_close.then(|| view! { <button type="button" class="link-button" on:click=move |_| {
                    ctx.write_failed.set(false);
                    if ctx.load_problem.with_untracked(|p| matches!(p, Some((_, KeptAside::Yes)))) {
                        ctx.load_problem.set(None);
                    }
                }>{t!(i18n, close_large)}</button> })}
            </p>
        })
    }
}
