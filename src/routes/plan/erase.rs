//! `/plan/erase`: one action, after a confirmation, removes every personal value the app
//! stored (and every copy it kept aside); the language choice only on request. Then it shows
//! what is left of the app's keys, which should be nothing.
use leptos::prelude::*;
use pocket_model::settings::SETTINGS_KEY;
use pocket_model::stored::keys_to_erase;

use crate::i18n::*;
use crate::services::storage;

/// `/plan/erase`.
#[component]
pub fn PlanErase() -> impl IntoView {
    let i18n = use_i18n();
    let (with_settings, set_with_settings) = signal(false);
    let (left, set_left) = signal(None::<Vec<String>>);
    let erase = move |_| {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(&t_string!(i18n, erase_confirm).to_string()).ok())
            .unwrap_or(false);
        if !ok {
            return;
        }
        let all = with_settings.get_untracked();
        for key in keys_to_erase(&storage::app_keys(), SETTINGS_KEY, all) {
            storage::remove(&key);
        }
        // What remains of the app's own keys (the language choice, when it was kept).
        set_left.set(Some(keys_to_erase(&storage::app_keys(), SETTINGS_KEY, true)));
    };
    view! {
        <div class="screen plan-erase" data-testid="screen-plan-erase">
            <h1>{t!(i18n, erase_title)}</h1>
            <p>{t!(i18n, erase_intro)}</p>
            <label class="check">
                <input type="checkbox" data-testid="erase-settings" prop:checked=with_settings on:change=move |ev| set_with_settings.set(event_target_checked(&ev)) />
                <span>{t!(i18n, erase_with_settings)}</span>
            </label>
            <button type="button" class="button button-danger" data-testid="erase-now" on:click=erase>{t!(i18n, erase_button)}</button>
            {move || left.get().map(|keys| {
                let personal: Vec<String> = keys.into_iter().filter(|k| k != SETTINGS_KEY).collect();
                if personal.is_empty() {
                    view! { <p class="notice" role="status" data-testid="erase-result">{t!(i18n, erase_done)}</p> }.into_any()
                } else {
                    view! {
                        <div class="notice" role="status" data-testid="erase-result">
                            <p>{t!(i18n, erase_left)}</p>
                            <ul>{personal.into_iter().map(|k| view! { <li dir="ltr">{k}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}
