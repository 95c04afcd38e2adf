//! The root component: providers, the router, and the shell around every screen.
use leptos::prelude::*;
use leptos_router::components::{A, Router};

use crate::components::net_status::NetStatus;
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
        <I18nContextProvider enable_cookie=false set_dir_attr_on_html=false>
            <Router base=crate::base_path()>
                <Shell />
            </Router>
        </I18nContextProvider>
    }
}

/// Pick the start language: the saved choice, else the browser's, else English.
fn start_language(settings: SettingsCtx) {
    let i18n = use_i18n();
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let saved = settings.settings.with_untracked(|s| s.language.clone());
    let chosen = pocket_model::language::choose(saved.as_deref(), &browser);
    if let Some(&locale) = Locale::get_all().iter().find(|l| l.as_str() == chosen.tag) {
        i18n.set_locale(locale);
        // leptos_i18n's provider resets the locale to the browser's from an effect of its own
        // once after start; this effect, created later, runs after it and restores the choice.
        Effect::new(move |_| i18n.set_locale(locale));
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let settings = provide_settings();
    start_language(settings);
    provide_offline();
    provide_content();
    provide_policy();
    // Text direction from our own language table (leptos_i18n says "auto" for languages its
    // ICU data does not know, such as Tagalog, Haitian Creole and Hmong).
    Effect::new(move |_| {
        let dir = pocket_model::language::by_tag(i18n.get_locale().as_str()).map(|l| l.dir).unwrap_or(pocket_model::language::Direction::Ltr);
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("dir", dir.as_attr());
        }
    });
    // The static officer card stays until the app's own card has its text (routes/officer_card.rs).
    let location = leptos_router::hooks::use_location();
    let card_path = format!("{}/card", crate::base_path());
    Effect::new(move |_| {
        if location.pathname.get() != card_path {
            crate::dismiss_boot();
        }
    });

    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="top-bar">
            <A href="/" attr:class="brand">{t!(i18n, app_name)}</A>
            <NetStatus />
            <A href="/language" attr:class="lang-button" attr:data-testid="language-button">
                <span aria-hidden="true">"🌐 "</span>
                {move || current_language_name(i18n.get_locale())}
                <span class="visually-hidden">" — " {t!(i18n, language_button)}</span>
            </A>
        </header>
        <UpdatePrompt />
        <main id="main" tabindex="-1">
            <AppRoutes />
        </main>
        <nav class="bottom-nav" aria-label=move || t_string!(i18n, nav_label)>
            <A href="/" exact=true>{t!(i18n, nav_home)}</A>
            <A href="/rights">{t!(i18n, nav_rights)}</A>
            <A href="/map">{t!(i18n, nav_map)}</A>
            <A href="/plan">{t!(i18n, nav_plan)}</A>
            <A href="/about">{t!(i18n, nav_about)}</A>
        </nav>
    }
}

/// The language's own name, for the header button.
pub fn current_language_name(locale: Locale) -> &'static str {
    pocket_model::language::by_tag(locale.as_str()).map(|l| l.native_name).unwrap_or("English")
}
