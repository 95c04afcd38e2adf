//! The root component: providers, the router, and the shell around every screen.
use leptos::prelude::*;
use leptos_router::components::{A, Router};

use crate::components::net_status::NetStatus;
use crate::components::storage_notice::StorageNotice;
use crate::components::update_prompt::UpdatePrompt;
use crate::i18n::*;
use crate::routes::AppRoutes;
use crate::services::content::provide_content;
use crate::services::offline::provide_offline;
use crate::services::policy::provide_policy;
use crate::services::settings::{SettingsCtx, provide_settings};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    leptos_meta::provide_meta_context();
    view! {
        <Router base=crate::base_path()>
            <Shell />
        </Router>
    }
}

/// The start language: the saved choice, else the browser's, else English.
fn start_language(settings: SettingsCtx) -> &'static pocket_model::language::Language {
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let saved = settings.settings.with_untracked(|s| s.language.clone());
    pocket_model::language::choose(saved.as_deref(), &browser)
}

#[component]
fn Shell() -> impl IntoView {
    let settings = provide_settings();
    let i18n = provide_i18n(start_language(settings));
    provide_offline();
    provide_content();
    provide_policy();
    // The static officer card stays until the app's own card has its text (routes/officer_card.rs).
    let location = leptos_router::hooks::use_location();
    let card_path = format!("{}/card", crate::base_path());
    Effect::new(move |_| {
        if location.pathname.get() != card_path && !i18n.is_switching() {
            crate::dismiss_boot();
        }
    });

    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="top-bar">
            <A href=crate::href("/") attr:class="brand">{t!(i18n, app_name)}</A>
            <NetStatus />
            <A href=crate::href("/language") attr:class="lang-button" attr:data-testid="language-button">
                <span aria-hidden="true">"🌐 "</span>
                {move || i18n.get_locale().0.native_name}
                <span class="visually-hidden">" — " {t!(i18n, language_button)}</span>
            </A>
        </header>
        <UpdatePrompt />
        {move || i18n.problem().map(|_| view! {
            <p class="notice" role="status" data-testid="ui-strings-problem">
                {t!(i18n, ui_strings_error, language = move || i18n.get_locale().0.native_name)}
            </p>
        })}
        <StorageNotice />
        <main id="main" tabindex="-1">
            <AppRoutes />
        </main>
        <nav class="bottom-nav" aria-label=move || t_string!(i18n, nav_label)>
            <A href=crate::href("/") exact=true>{t!(i18n, nav_home)}</A>
            <A href=crate::href("/rights")>{t!(i18n, nav_rights)}</A>
            <A href=crate::href("/map")>{t!(i18n, nav_map)}</A>
            <A href=crate::href("/plan")>{t!(i18n, nav_plan)}</A>
            <A href=crate::href("/about")>{t!(i18n, nav_about)}</A>
        </nav>
    }
}
