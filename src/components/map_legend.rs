//! Colours of the map layers, and their legend. Colours come with words everywhere (legend,
//! lists), never alone.
use leptos::prelude::*;
use pocket_model::policy::Layer;

use crate::i18n::*;

/// Which fact colours the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapLayer {
    Law,
    Agreements,
}

impl MapLayer {
    /// From the `?layer=` query value.
    pub fn from_query(v: Option<&str>) -> Self {
        if v == Some("agreements") { MapLayer::Agreements } else { MapLayer::Law }
    }
}

/// Fill of a state-law category.
pub fn law_fill(layer: Layer) -> &'static str {
    match layer {
        Layer::Limits => "#2f6fb3",
        Layer::Requires => "#c2402a",
        Layer::Mixed => "#9a7fc4",
        Layer::NoneFound => "#c9ced6",
    }
}

/// Agreement-count buckets: none, 1–9, 10–49, 50+.
pub fn count_bucket(n: u32) -> usize {
    match n {
        0 => 0,
        1..=9 => 1,
        10..=49 => 2,
        _ => 3,
    }
}

/// Fill of an agreement-count bucket.
pub fn count_fill(n: u32) -> &'static str {
    ["#eef0f3", "#f9d38f", "#ee8a3c", "#a83e0c"][count_bucket(n)]
}

/// The words for a state-law category.
pub fn law_label(layer: Layer) -> impl Fn() -> String + Copy {
    let i18n = use_i18n();
    move || match layer {
        Layer::Limits => t_string!(i18n, stance_limits).to_string(),
        Layer::Requires => t_string!(i18n, stance_requires).to_string(),
        Layer::Mixed => t_string!(i18n, stance_mixed).to_string(),
        Layer::NoneFound => t_string!(i18n, stance_none).to_string(),
    }
}

/// The words for an agreement-count bucket.
pub fn count_label(bucket: usize) -> impl Fn() -> String + Copy {
    let i18n = use_i18n();
    move || match bucket {
        0 => t_string!(i18n, agreements_none).to_string(),
        1 => t_string!(i18n, agreements_some).to_string(),
        2 => t_string!(i18n, agreements_many).to_string(),
        _ => t_string!(i18n, agreements_most).to_string(),
    }
}

/// The legend of the active layer.
#[component]
pub fn MapLegend(layer: Signal<MapLayer>) -> impl IntoView {
    let i18n = use_i18n();
    let swatch = |fill: &'static str, label: String| {
        view! { <li><span class="swatch" style=format!("background:{fill}") aria-hidden="true"></span>{label}</li> }
    };
    view! {
        <div class="legend" data-testid="legend">
            <h2 class="legend-title">{t!(i18n, map_legend)}</h2>
            <ul>
                {move || match layer.get() {
                    MapLayer::Law => [Layer::Limits, Layer::Requires, Layer::Mixed, Layer::NoneFound]
                        .into_iter()
                        .map(|l| swatch(law_fill(l), law_label(l)()))
                        .collect_view()
                        .into_any(),
                    MapLayer::Agreements => [(0u32, 0usize), (1, 1), (10, 2), (50, 3)]
                        .into_iter()
                        .map(|(n, b)| swatch(count_fill(n), count_label(b)()))
                        .collect_view()
                        .into_any(),
                }}
            </ul>
        </div>
    }
}
