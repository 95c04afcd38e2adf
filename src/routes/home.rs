//! Home: one large "Show the officer" button, then the situations, the map, my plan.
use leptos::prelude::*;

use crate::components::icon::{icon, Icon};
use crate::components::alert_button::AlertButton;
use crate::i18n::*;

/// The first screen.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let situation = |href: &'static str, shape: Icon, label: String| {
        view! {
            <li>
                <a href=crate::href(href) class="tile">
                    {icon(shape, "icon tile-icon")}
                    <span class="tile-label">{label}</span>
                </a>
            </li>
        }
    };
    view! {
        <div class="screen home" data-testid="screen-home">
            <h1 class="visually-hidden">{t!(i18n, app_name)}</h1>
            <a href=crate::href("/card") class="officer-button" data-testid="show-officer">
                <span class="officer-button-label">{t!(i18n, home_show_officer)}</span>
                <span class="officer-button-hint">{t!(i18n, home_show_officer_hint)}</span>
            </a>
            <AlertButton />
            <h2>{t!(i18n, home_situations)}</h2>
            <ul class="tiles" data-testid="situations">
                {move || view! {
                    {situation("/rights/door", Icon::Door, t_string!(i18n, situation_door).to_string())}
                    {situation("/rights/car", Icon::Car, t_string!(i18n, situation_car).to_string())}
                    {situation("/rights/street", Icon::Walk, t_string!(i18n, situation_street).to_string())}
                    {situation("/rights/work", Icon::Work, t_string!(i18n, situation_work).to_string())}
                    {situation("/rights/arrested", Icon::Lock, t_string!(i18n, situation_arrested).to_string())}
                    {situation("/rights/court", Icon::Court, t_string!(i18n, situation_court).to_string())}
                }}
            </ul>
            <h2>{t!(i18n, home_more)}</h2>
            <ul class="links">
                <li><a href=crate::href("/rights/warrant") class="link-row">
                    <span class="link-title">{t!(i18n, home_warrant)}</span>
                    <span class="link-hint">{t!(i18n, home_warrant_hint)}</span>
                </a></li>
                <li><a href=crate::href("/map") class="link-row">
                    <span class="link-title">{t!(i18n, home_map)}</span>
                    <span class="link-hint">{t!(i18n, home_map_hint)}</span>
                </a></li>
                <li><a href=crate::href("/changes") class="link-row">
                    <span class="link-title">{t!(i18n, changes_title)}</span>
                    <span class="link-hint">{t!(i18n, home_changes_hint)}</span>
                </a></li>
                <li><a href=crate::href("/plan") class="link-row">
                    <span class="link-title">{t!(i18n, home_plan)}</span>
                    <span class="link-hint">{t!(i18n, home_plan_hint)}</span>
                </a></li>
                <li><a href=crate::href("/language") class="link-row">
                    <span class="link-title">{t!(i18n, language_title)}</span>
                    <span class="link-hint">{move || i18n.get_locale().0.native_name}</span>
                </a></li>
            </ul>
        </div>
    }
}
