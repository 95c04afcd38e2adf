//! `/about`: version, build date, offline state, privacy, translation status, sources.
use leptos::prelude::*;
use pocket_model::language::by_tag;

use crate::i18n::*;
use crate::routes::language::status_text;
use crate::services::offline::{OfflineReadiness, use_offline};

/// The About screen.
#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let version = if crate::BUILD_LABEL.is_empty() {
        crate::VERSION.to_owned()
    } else {
        format!("{} ({})", crate::VERSION, crate::BUILD_LABEL)
    };
    let translation = move || {
        let lang = by_tag(i18n.get_locale().as_str()).unwrap_or(pocket_model::language::FALLBACK);
        let status = status_text(lang.status);
        let english = match lang.status {
            pocket_model::language::TranslationStatus::Original => "Original text",
            pocket_model::language::TranslationStatus::AwaitingReview => "Translation drafted, awaiting review by a native speaker",
            pocket_model::language::TranslationStatus::Reviewed => "Translation reviewed by a native speaker",
        };
        view! {
            <p data-testid="translation-status"><strong>{lang.native_name}</strong> ": " {status}</p>
            {(lang.tag != "en").then(|| view! { <p lang="en" dir="ltr" class="muted">{lang.english_name} ": " {english}</p> })}
        }
    };
    view! {
        <div class="screen about" data-testid="screen-about">
            <h1>{t!(i18n, about_title)}</h1>
            <p>{t!(i18n, about_what)}</p>
            <dl class="facts">
                <dt>{t!(i18n, about_version)}</dt>
                <dd data-testid="app-version">{version}</dd>
                <dt>{t!(i18n, about_build_date)}</dt>
                <dd data-testid="build-date">{crate::BUILD_DATE}</dd>
            </dl>
            <h2>{t!(i18n, about_offline_title)}</h2>
            <p data-testid="offline-readiness">{move || match offline.readiness.get() {
                OfflineReadiness::Ready => t!(i18n, about_offline_ready).into_any(),
                OfflineReadiness::Pending => t!(i18n, about_offline_pending).into_any(),
                OfflineReadiness::Unsupported => t!(i18n, about_offline_unsupported).into_any(),
            }}</p>
            <h2>{t!(i18n, about_privacy_title)}</h2>
            <p>{t!(i18n, about_privacy)}</p>
            <h2>{t!(i18n, about_translation_title)}</h2>
            {translation}
            <h2>{t!(i18n, about_legal_title)}</h2>
            <p>{t!(i18n, disclaimer)}</p>
        </div>
    }
}
