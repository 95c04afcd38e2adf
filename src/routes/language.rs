//! The language picker: each language named in its own script, with its translation status.
use leptos::prelude::*;
use pocket_model::language::{LANGUAGES, Language};

use crate::components::speak_as::SpeakAsChoice;
use crate::components::translation_status::status_text;
use crate::i18n::*;
use crate::services::settings::{SettingsCtx, use_settings};

/// Switch the app to `lang` and remember the choice.
fn switch_to(i18n: I18n, settings: SettingsCtx, lang: &'static Language) {
    i18n.set_locale(Locale(lang));
    settings.settings.update(|s| s.language = Some(lang.tag.to_owned()));
}

/// `/language`.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let options = LANGUAGES
        .iter()
        .map(|lang| {
            let current = move || i18n.get_locale().as_str() == lang.tag;
            let status = status_text(lang.status);
            let choose = move |_| switch_to(i18n, settings, lang);
            view! {
                <li>
                    <button
                        type="button"
                        class="lang-option"
                        class:is-current=current
                        aria-pressed=move || current().to_string()
                        lang=lang.tag
                        dir=lang.dir.as_attr()
                        data-testid=format!("lang-{}", lang.tag)
                        on:click=choose
                    >
                        <span class="lang-native">{lang.native_name}</span>
                        <span class="lang-english" lang="en" dir="ltr">{lang.english_name}</span>
                    </button>
                    <p class="lang-status muted">{status}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="screen" data-testid="screen-language">
            <h1>{t!(i18n, language_title)}</h1>
            <p>{t!(i18n, language_intro)}</p>
            <ul class="lang-list">{options}</ul>
            <SpeakAsChoice />
        </div>
    }
}
