//! The as-of date and source of policy data, with a warning when it is old.
use leptos::prelude::*;
use pocket_model::date::IsoDate;
use pocket_model::policy::{SourceRef, is_stale};

use crate::components::rich_text::isolated;
use crate::i18n::*;
use crate::services::locale_format::local_date;
use crate::services::policy::today;

/// "Data as of …", "Source: …", and "more than six months old" when it is.
#[component]
pub fn DataNote(as_of: String, source: SourceRef) -> impl IntoView {
    let i18n = use_i18n();
    let stale = match (IsoDate::parse(&as_of), today()) {
        (Some(a), Some(t)) => is_stale(a, t, 6),
        _ => false,
    };
    let title = source.title.clone();
    let date = as_of.clone();
    view! {
        <div class="data-note" data-testid="data-note">
            <p>
                <strong>{t!(i18n, data_as_of, date = isolated(local_date(date.clone())))}</strong>
                " · "
                <span>{t!(i18n, data_source, source = isolated(move || title.clone()))}</span>
            </p>
            {source.url.starts_with("https://").then(|| view! {
                <p class="source-url"><a dir="ltr" href=source.url.clone() rel="noreferrer noopener" target="_blank">{source.url.clone()}</a></p>
            })}
            {stale.then(|| view! { <p class="notice" role="note" data-testid="stale-warning">{t!(i18n, data_stale)}</p> })}
        </div>
    }
}
