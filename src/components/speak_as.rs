//! "Speak for me as: a woman / a man / either", shown where the current language marks gender
//! in first-person sentences (`Language::marks_gender`); the choice is a setting.
use leptos::prelude::*;
use pocket_model::language::SpeakAs;

use crate::i18n::*;
use crate::services::settings::use_settings;

/// The choice, or nothing in a language without gendered first-person forms.
#[component]
pub fn SpeakAsChoice() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let option = move |value: SpeakAs, label: &'static str| {
        let current = move || settings.settings.with(|s| s.speak_as) == value;
        let text = move || match value {
            SpeakAs::Woman => t_string!(i18n, speak_as_woman),
            SpeakAs::Man => t_string!(i18n, speak_as_man),
            SpeakAs::Either => t_string!(i18n, speak_as_either),
        };
        view! {
            <button
                type="button"
                class="button secondary speak-as-option"
                class:is-current=current
                aria-pressed=move || current().to_string()
                data-testid=format!("speak-as-{label}")
                on:click=move |_| settings.settings.update(|s| s.speak_as = value)
            >
                {text}
            </button>
        }
    };
    move || {
        i18n.get_locale().0.marks_gender.then(|| {
            view! {
                <div class="speak-as" role="group" aria-labelledby="speak-as-label" data-testid="speak-as">
                    <p id="speak-as-label" class="speak-as-label">{t!(i18n, speak_as_title)}</p>
                    {option(SpeakAs::Woman, "woman")}
                    {option(SpeakAs::Man, "man")}
                    {option(SpeakAs::Either, "either")}
                </div>
            }
        })
    }
}
