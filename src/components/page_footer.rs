//! The foot of every content screen: "not legal advice", the review date, how long ago the
//! oldest statement was checked (with a stronger notice past a year), and the sources.
use leptos::prelude::*;
use pocket_model::content::SourceList;
use std::sync::Arc;

use crate::i18n::*;
use leptos_i18n::Locale as _;
use crate::services::locale_format::{age_in, local_date, local_number};
use crate::services::policy::today;
use pocket_model::date::IsoDate;
use pocket_model::review_age::{age, over_a_year};

/// Disclaimer, "reviewed on" and the list of sources behind what the screen says.
#[component]
pub fn PageFooter(
    /// Newest review date of the statements on the screen.
    reviewed: Option<String>,
    /// Oldest review date of the statements on the screen: "Checked 3 months ago".
    oldest: Option<String>,
    /// Source ids used on the screen, in first-use order.
    source_ids: Vec<String>,
    sources: Arc<SourceList>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = source_ids.len();
    let checked = oldest.and_then(|iso| {
        let (when, now) = (IsoDate::parse(&iso)?, today()?);
        let ago = move || age_in(i18n.get_locale().as_str(), age(when, now), &iso);
        Some(view! {
            <p class="checked muted" data-testid="checked-ago">{t!(i18n, checked_ago, ago = ago.clone())}</p>
            {over_a_year(when, now).then(|| view! { <p class="notice" role="note" data-testid="checked-old">{t!(i18n, checked_old_notice)}</p> })}
        })
    });
    let items = source_ids
        .into_iter()
        .filter_map(|id| sources.sources.iter().find(|s| s.id == id).cloned())
        .map(|s| {
            let accessed = s.accessed.clone();
            view! {
                <li id=format!("src-{}", s.id)>
                    <span lang="en">{s.title}</span> " — " <span lang="en">{s.publisher}</span>
                    <br />
                    <a href=s.url.clone() rel="noreferrer noopener" target="_blank" class="source-url">{s.url.clone()}</a>
                    <span class="muted">" (" {t!(i18n, source_accessed, date = local_date(accessed.clone()))} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="page-footer" data-testid="page-footer">
            <p class="disclaimer" data-testid="disclaimer">{t!(i18n, disclaimer)}</p>
            {reviewed.map(|d| view! { <p class="reviewed" data-testid="reviewed">{t!(i18n, reviewed_on, date = local_date(d.clone()))}</p> })}
            {checked}
            <details class="sources">
                <summary>{t!(i18n, sources_count, count = local_number(count as u32))}</summary>
                <ul>{items}</ul>
            </details>
        </footer>
    }
}
