//! One section of rights content: a heading from its kind, then its statements.
use leptos::prelude::*;
use pocket_model::content::{Item, Section, SectionKind};

use crate::components::icon::{icon, Icon};
use crate::components::rich_text::{RichText, isolated};
use std::sync::Arc;

use crate::i18n::*;
use crate::services::locale_format::local_date;
use crate::services::settings::use_settings;

/// The heading for a section of this kind, in the active language.
pub fn kind_heading(kind: SectionKind) -> impl Fn() -> String + Copy + 'static {
    let i18n = use_i18n();
    move || match kind {
        SectionKind::Statements => t_string!(i18n, section_statements).to_string(),
        SectionKind::Text => t_string!(i18n, section_text).to_string(),
        SectionKind::Do => t_string!(i18n, section_do).to_string(),
        SectionKind::Dont => t_string!(i18n, section_dont).to_string(),
        SectionKind::Say => t_string!(i18n, section_say).to_string(),
        SectionKind::Changed => t_string!(i18n, section_changed).to_string(),
        SectionKind::Steps => t_string!(i18n, section_steps).to_string(),
        SectionKind::Rights => t_string!(i18n, section_rights).to_string(),
    }
}

/// A section; "say" phrases open large when tapped (`on_show` gets the phrase).
#[component]
pub fn SectionView(section: Section, #[prop(optional)] on_show: Option<Callback<String>>) -> impl IntoView {
    let heading = kind_heading(section.kind);
    let custom = section.title.clone();
    let kind = section.kind;
    let class = format!("section section-{}", kind.name());
    let list = match kind {
        SectionKind::Steps => view! { <ol class="steps">{items(section.items, kind, on_show)}</ol> }.into_any(),
        _ => view! { <ul class="items">{items(section.items, kind, on_show)}</ul> }.into_any(),
    };
    let i18n = use_i18n();
    let phrase_hint = (kind == SectionKind::Say && on_show.is_some()).then(|| view! { <p class="muted">{t!(i18n, card_tap_phrase)}</p> });
    view! {
        <section class=class id=section.id.clone() data-testid=format!("section-{}", section.id)>
            <h2>{move || match custom.clone() {
                Some(t) => view! { <RichText text=t /> }.into_any(),
                None => heading().into_any(),
            }}</h2>
            {phrase_hint}
            {list}
        </section>
    }
}

fn items(items: Vec<Item>, kind: SectionKind, on_show: Option<Callback<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    items
        .into_iter()
        .map(|item| {
            // First-person phrases in the form the person chose (`forms`, where the language has them).
            let text = {
                let item = Arc::new(item.clone());
                move || item.text_as(settings.settings.with(|s| s.speak_as)).to_owned()
            };
            let changed = item.changed.clone().map(|c| {
                let on = c.on.clone();
                view! {
                    <p class="changed"><strong>{t!(i18n, changed_on, date = isolated(local_date(on.clone())))}</strong> " " <RichText text=c.note /></p>
                }
            });
            let contested = item.contested.then(|| view! { <p class="contested" role="note">{icon(Icon::Warn, "icon icon-before")}{t!(i18n, contested)}</p> });
            let body = match (kind, on_show) {
                (SectionKind::Say, Some(show)) => {
                    let shown = text.clone();
                    view! {
                        <button type="button" class="phrase" data-testid="phrase" title=move || t_string!(i18n, show_large).to_string() on:click=move |_| show.run(shown())>
                            <span class="phrase-text">{move || { let t = text(); view! { <RichText text=t links=false /> } }}</span>
                            {icon(Icon::Expand, "icon phrase-hint")}
                        </button>
                    }
                    .into_any()
                }
                _ => view! { <p class="item-text">{move || { let t = text(); view! { <RichText text=t /> } }}</p> }.into_any(),
            };
            view! {
                <li class="item" class:is-contested=item.contested id=item.id.clone()>
                    {body}
                    {changed}
                    {contested}
                </li>
            }
        })
        .collect_view()
}
