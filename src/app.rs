//! The root component: providers, the router, and the shell around every screen.
use leptos::prelude::*;

use crate::components::icon::{icon, Icon};
use crate::components::net_status::NetStatus;
use crate::components::storage_notice::StorageNotice;
use crate::components::update_prompt::UpdatePrompt;
use crate::i18n::*;
use crate::paths::is_current;
use crate::router::{provide_router, use_url};
use crate::routes::{AppRoutes, FirstScreen};
use crate::services::tasks::next_task;
use crate::services::content::provide_content;
use crate::services::offline::provide_offline;
use crate::services::policy::provide_policy;
use crate::services::settings::{SettingsCtx, provide_settings};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_router();
    view! { <Shell /> }
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
    // The screen is drawn in the task after the shell's (routes::AppRoutes).
    let drawn = RwSignal::new(false);
    provide_context(FirstScreen(drawn));
    leptos::task::spawn_local(async move {
        next_task().await;
        drawn.set(true);
    });
    // The static officer card stays until the app's own card has its text (routes/officer_card.rs).
    let url = use_url();
    Effect::new(move |_| {
        if drawn.get() && url.with(|u| u.path != "/card") && !i18n.is_switching() {
            crate::dismiss_boot();
        }
    });

    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="top-bar">
            <a href=crate::href("/") class="brand">{t!(i18n, app_name)}</a>
            <NetStatus />
            <a href=crate::href("/language") class="lang-button" data-testid="language-button">
                {icon(Icon::Globe, "icon icon-before")}
                {move || i18n.get_locale().0.native_name}
                <span class="visually-hidden">" — " {t!(i18n, language_button)}</span>
            </a>
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
            <a href=crate::href("/") aria-current=current("/", true)>{t!(i18n, nav_home)}</a>
            <a href=crate::href("/rights") aria-current=current("/rights", false)>{t!(i18n, nav_rights)}</a>
            <a href=crate::href("/map") aria-current=current("/map", false)>{t!(i18n, nav_map)}</a>
            <a href=crate::href("/plan") aria-current=current("/plan", false)>{t!(i18n, nav_plan)}</a>
            <a href=crate::href("/about") aria-current=current("/about", false)>{t!(i18n, nav_about)}</a>
        </nav>
    }
}

/// `aria-current="page"` on the navigation link of the screen shown (`exact`: that path only).
fn current(link: &'static str, exact: bool) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let url = use_url();
    move || url.with(|u| is_current(&u.path, link, exact)).then_some("page")
}
