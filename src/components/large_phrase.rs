//! A phrase shown full screen, large, for the officer to read (from a "say" section).
use leptos::prelude::*;

use crate::components::rich_text::RichText;
use crate::i18n::*;

/// A phrase shown full screen, large, for the officer to read.
#[component]
pub fn LargePhrase(text: ReadSignal<Option<String>>, set_text: WriteSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || text.get().is_some()>
            <div class="large-phrase" role="dialog" aria-modal="true" aria-labelledby="large-phrase-text" data-testid="large-phrase">
                <p id="large-phrase-text">{move || text.get().map(|t| view! { <RichText text=t /> })}</p>
                <button type="button" class="button" autofocus on:click=move |_| set_text.set(None)>
                    {t!(i18n, close_large)}
                </button>
            </div>
        </Show>
    }
}
