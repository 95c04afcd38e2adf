//! `/about`: version, build date, offline state, privacy, translation status, sources.
use leptos::prelude::*;
use pocket_model::language::by_tag;

use crate::components::page_footer::PageFooter;
use crate::components::rich_text::isolated;
use crate::components::translation_status::status_text;
use crate::i18n::*;
use crate::services::content::{Pages, use_pages};
use crate::services::fetch::text_resource;
use crate::services::locale_format::local_date;
use crate::services::offline::{OfflineReadiness, use_offline};

/// build.json (tools/build-info.mjs).
#[derive(Clone)]
struct BuildInfo {
    date: String,
    label: String,
}

impl pocket_model::json::FromJson for BuildInfo {
    fn from_json(v: serde_json::Value) -> Result<Self, pocket_model::json::JsonError> {
        let mut o = pocket_model::json::Obj::new(v)?;
        Ok(BuildInfo { date: o.req("date")?, label: o.or_default("label")? })
    }
}

/// The About screen.
#[component]
pub fn About() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    // The build's date and label (build.json, written after the build: not in the wasm). The
    // facts show once it is read; without it, the version alone and no date.
    let build = text_resource("build.json");
    let facts = move || {
        build.get().map(|raw| {
            let info = raw.ok().and_then(|raw| pocket_model::json::parse::<BuildInfo>(&raw).ok());
            let (version, date) = match info {
                Some(b) if !b.label.is_empty() => (format!("{} ({})", crate::VERSION, b.label), b.date),
                Some(b) => (crate::VERSION.to_owned(), b.date),
                None => (crate::VERSION.to_owned(), "—".to_owned()),
            };
            view! {
                <dt>{t!(i18n, about_version)}</dt>
                <dd data-testid="app-version">{version}</dd>
                <dt>{t!(i18n, about_build_date)}</dt>
                <dd data-testid="build-date">{date}</dd>
            }
        })
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
    let meta = text_resource("data/meta.json");
    let data = move || {
        let meta = meta.get().and_then(Result::ok).and_then(|raw| pocket_model::json::parse::<pocket_model::policy::MetaFile>(&raw).ok());
        meta.map(|m| {
            let rows = m
                .datasets
                .into_iter()
                .map(|d| {
                    let (title, date) = (d.title.clone(), d.as_of.clone());
                    view! {
                        <li>
                            {t!(i18n, about_data, what = isolated(move || title.clone()), date = isolated(local_date(date.clone())))}
                            <br /><span class="muted small" lang="en" dir="ltr">{d.publisher} " · " {d.license}</span>
                            {d.url.starts_with("https://").then(|| view! {
                                <br /><a class="source-url" dir="ltr" href=d.url.clone() rel="noreferrer noopener" target="_blank">{d.url.clone()}</a>
                            })}
                        </li>
                    }
                })
                .collect_view();
            let gaps = m.gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view();
            view! {
                <ul class="data-sets" data-testid="about-datasets">{rows}</ul>
                <ul class="gaps muted" lang="en" dir="ltr" data-testid="about-gaps">{gaps}</ul>
            }
        })
    };
    // The rights content: when it was last reviewed, and every source it cites.
    let content = use_pages(|| Pages::All);
    let rights = move || {
        content.get().and_then(Result::ok).map(|b| {
            let sections: Vec<_> = b.content.pages.iter().flat_map(|p| p.sections.iter()).cloned().collect();
            let reviewed = sections.iter().flat_map(|s| s.items.iter()).map(|i| i.reviewed.clone()).max();
            let oldest = pocket_model::review_age::oldest(sections.iter().flat_map(|s| &s.items)).map(str::to_owned);
            let ids = pocket_model::content::Content::sources_of(&sections).into_iter().map(str::to_owned).collect();
            view! { <PageFooter reviewed=reviewed oldest=oldest source_ids=ids sources=b.sources.clone() /> }
        })
    };
    view! {
        <div class="screen about" data-testid="screen-about">
            <h1>{t!(i18n, about_title)}</h1>
            <p>{t!(i18n, about_what)}</p>
            <dl class="facts">
                {facts}
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
            <h2>{t!(i18n, about_data_title)}</h2>
            {data}
            <h2>{t!(i18n, about_legal_title)}</h2>
            <p><a href=crate::href("/changes") class="link-row"><span class="link-title">{t!(i18n, changes_title)}</span></a></p>
            {rights}
        </div>
    }
}
